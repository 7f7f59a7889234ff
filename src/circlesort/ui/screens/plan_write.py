"""w on the plan screen: the plan written into files, as `circlesort plan` writes them.

Writing reads the workspace, so it waits while the worker saves ticks or works the plan out
(the connection is one thread's at a time), and happens as soon as the worker is done.
"""

from __future__ import annotations

from pathlib import Path

from circlesort.errors import InputError
from circlesort.planning.current import Plan
from circlesort.planning.folder import existing_plan
from circlesort.planning.settings import Settings
from circlesort.planning.writers import write_plan
from circlesort.ui.screens.modals import Confirm
from circlesort.workspace import Workspace


class PlanWriting:
    """The plan screen's w: mixed into the screen, which has the plan, the workspace and the worker."""

    ws: Workspace
    plan: Plan | None
    settings: Settings
    problem: str
    out: Path
    working: bool
    write_waiting = False

    def action_write(self) -> None:
        if self.problem or self.plan is None:
            said = self.problem or "The plan is not worked out yet."
            self.notify(said, markup=False, severity="error")  # type: ignore[attr-defined]
            return
        if self.working:
            self.write_waiting = True
            self.notify("Writing the plan once your ticks are saved…", markup=False)  # type: ignore[attr-defined]
            return
        try:
            replacing = existing_plan(self.out)  # a file, or a folder of other things, is refused here
        except InputError as e:
            self.notify(str(e), markup=False, severity="error")  # type: ignore[attr-defined]
            return
        if replacing:
            confirm = Confirm(f"Replace the plan in {self.out}?")
            self.app.push_screen(confirm, self._replace)  # type: ignore[attr-defined]
        else:
            self._write(force=False)

    def write_if_waiting(self) -> None:
        """After the worker: the write that w asked for meanwhile."""
        if self.write_waiting and not self.working:
            self.write_waiting = False
            self.action_write()

    def _replace(self, yes: bool | None) -> None:
        if yes:
            self._write(force=True)

    def _write(self, force: bool) -> None:
        assert self.plan is not None
        try:
            files = write_plan(self.ws, self.plan, self.out, self.settings, force)
        except InputError as e:
            self.notify(str(e), markup=False, severity="error")  # type: ignore[attr-defined]
            return
        said = f"Plan written to {self.out}: {len(files)} files. PLAN.md is the checklist."
        self.notify(said, markup=False)  # type: ignore[attr-defined]
