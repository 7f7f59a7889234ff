"""What the plan and summary screens share: the current plan, worked out in a thread.

`current_plan` lays the decisions over the kept steps and saves them, which takes a moment on a
big workspace, so it runs in a worker that only posts a message; the screen draws the result.
The worker uses the workspace's one connection, so the screen stays until it is done: "back"
pressed meanwhile leaves as soon as the plan is saved, never while a decision could be written
beside it.
"""

from __future__ import annotations

from textual import work
from textual.message import Message
from textual.screen import Screen

from circlesort.errors import InputError
from circlesort.planning.current import Plan, current_plan
from circlesort.planning.settings import load_settings
from circlesort.ui.failures import PASSING
from circlesort.workspace import Workspace
from circlesort.workspace.failures import WorkspaceError


class PlanWorkScreen(Screen):
    """A screen that shows the current plan once a worker has worked it out."""

    class Ready(Message):
        """The worker's result: the plan, or the error that stopped it."""

        def __init__(self, plan: Plan | None, error: Exception | None = None) -> None:
            super().__init__()
            self.plan, self.error = plan, error

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.plan: Plan | None = None
        self.settings: dict = {}
        self.problem = ""  # why there is no plan: unreadable settings, or a plan the disk refused
        self.bad_settings = False
        self.working = False
        self.leaving = False

    def work_out(self) -> None:
        """Read the settings and start the worker; a bad settings file is said, nothing worked out."""
        try:
            self.settings = load_settings()
        except InputError as e:
            self.problem, self.bad_settings = str(e), True
            self.plan_ready()
            return
        self.working = True
        self._work_out(self.settings)

    @work(thread=True, exclusive=True, group="plan", exit_on_error=False)
    def _work_out(self, settings: dict) -> None:
        """Off the event loop; talks to the screen only through its message."""
        try:
            plan = current_plan(self.ws, settings)
        except Exception as e:  # handed to the event loop, which tells it or ends the app
            self.post_message(self.Ready(None, e))
        else:
            self.post_message(self.Ready(plan))

    def on_plan_work_screen_ready(self, message: Ready) -> None:
        self.working = False
        error = message.error
        if error is not None:
            if not (isinstance(error, WorkspaceError) and error.kind in PASSING):
                raise error  # a damaged workspace ends the app with one line (CirclesortApp)
            self.problem = f"The plan could not be saved, so it is not shown: {error}"
        self.plan = message.plan
        if self.leaving:
            self.dismiss()
            return
        self.plan_ready()
        self.refresh_bindings()

    def plan_ready(self) -> None:
        """Draw ``self.plan`` (or ``self.problem``): for the screen to fill in."""

    def leave_when_done(self) -> bool:
        """Go back now, or once the worker is done; True when the screen stays for now."""
        if self.working:
            self.leaving = True
            self.refresh_bindings()
            return True
        self.dismiss()
        return False
