"""The plan screen: where the plan is carried out, one step at a time; w writes it into files.

It opens on what is due now across networks, then what waits and why. A cursor sits on one
step, shown in full beside the list with its link; one key ticks it (done, or sent for an
invitation the other side has to accept), accepts, skips or releases it. The row changes in
memory at once and the worker saves the tick and works the plan out again (plan_work.py), so a
key costs the event loop a few milliseconds at any size; the removals an acceptance releases
become due when the new plan arrives.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from circlesort.planning.current import Plan
from circlesort.planning.progress import Tally
from circlesort.planning.settings import settings_path
from circlesort.planning.steps import Scheduled, StepState
from circlesort.planning.words import VIEWS, network_name, tick_label
from circlesort.ui.footer import FittedFooter
from circlesort.ui.keys import PLAN_KEYS
from circlesort.ui.opener import open_link
from circlesort.ui.screens.modals import Help
from circlesort.ui.screens.plan_panels import PLAN_FOOTER, detail, draw_row, link_line, progress, row_link
from circlesort.ui.screens.plan_rows import (
    VIEW_ORDER,
    PlanRow,
    copy_text,
    lines,
    next_due,
    section,
    tick_state,
    ticked,
    why_not,
)
from circlesort.ui.screens.plan_work import Done, PlanWorkScreen
from circlesort.ui.screens.plan_write import PlanWriting
from circlesort.ui.widgets.step_list import StepList
from circlesort.workspace import Workspace

HELP = (
    "The arrow and page keys move too. A tick is saved at once and u takes it back. An invitation "
    "ticked is “sent”: a marks it accepted when they have, and the removals waiting for it become "
    "due. The copied text also shows on screen, to select by hand where the terminal does not "
    "take it. `circlesort mark` does the same from the command line."
)


class PlanScreen(FittedFooter, PlanWriting, PlanWorkScreen):
    BINDINGS: ClassVar[list[BindingType]] = PLAN_KEYS
    FOOTER_FROM = PLAN_FOOTER  # narrower, keys leave the footer so that esc Back stays on it
    DEFAULT_CSS = """
    PlanScreen #plan-status { height: 1; padding: 0 1; background: $panel; }
    PlanScreen #plan-status { text-wrap: nowrap; text-overflow: ellipsis; }
    PlanScreen #progress { height: auto; max-height: 10; padding: 0 1; }
    PlanScreen #plan-body { height: 1fr; }
    PlanScreen #steps { width: 1fr; }
    PlanScreen #side { width: 42; padding: 0 1; border-left: tall $panel; }
    PlanScreen #link { height: auto; padding: 0 1; background: $panel; }
    PlanScreen #copied { height: auto; max-height: 6; padding: 0 1; background: $boost; display: none; }
    PlanScreen #notes { margin-top: 1; }
    PlanScreen.-narrow #plan-body { layout: vertical; }
    PlanScreen.-narrow #steps { width: 100%; }
    PlanScreen.-narrow #side { width: 100%; height: 10; border-left: none; border-top: tall $panel; }
    PlanScreen.-no-progress #progress { display: none; }
    """

    def __init__(self, ws: Workspace, out: Path | None = None) -> None:
        super().__init__(ws)
        self.out = (out or ws.path.parent / f"{ws.path.stem}-plan").absolute()  # beside the workspace
        self.steps: dict[str, Scheduled] = {}  # the plan's rows by id, ticks laid over in memory
        self.order: list[str] = []  # the ids in the order shown, kept stable while the screen is open
        self.rank: dict[str, int] = {}
        self.overlay: dict[str, tuple[int, Scheduled]] = {}  # ticks not yet in a plan: (write, row)
        self.origin: dict[str, str] = {}  # the section a step ticked here was in
        self.view, self.network = "due", ""
        self.settings_seen = 0.0
        self.copied_from = ""  # the step whose text the copy bar shows
        self.lines_version = 0  # grows with every change to what the list shows: view, network, a tick
        self.tally = Tally((), None, datetime.now(UTC))  # the counts, kept up to date tick by tick

    def compose(self) -> ComposeResult:
        yield Static(Content("Working out the plan…"), id="plan-status")
        yield Static(Content(""), id="progress")
        with Horizontal(id="plan-body"):
            yield StepList(self._draw, id="steps")
            with VerticalScroll(id="side"):
                yield Static(Content(""), id="detail")
                yield Static(Content(""), id="notes")
        yield Static(Content(""), id="copied")
        yield Static(Content(""), id="link")
        yield Footer()

    def on_mount(self) -> None:
        self.set_class(self.app.size.height < 32, "-no-progress")  # the steps first on a small terminal
        self.settings_seen = _mtime(settings_path())
        self.work_out()
        self.query_one(StepList).focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "-narrow")  # the step in full under the list, not beside

    def action_toggle_progress(self) -> None:
        self.toggle_class("-no-progress")

    def on_screen_resume(self) -> None:
        """Back from the settings (or any screen above): a changed settings file makes a new plan."""
        if _mtime(settings_path()) != self.settings_seen:
            self.settings_seen = _mtime(settings_path())
            self.work_out()

    @property
    def step_list(self) -> StepList:
        return self.query_one(StepList)

    # --- the plan arrives ---------------------------------------------------------------------

    def plan_ready(self) -> None:
        if self.problem:
            said = Content.assemble(("circlesort: ", "bold $error"), self.problem)
            self.query_one("#plan-status", Static).update(said)
            self.query_one("#detail", Static).update(said)  # in full: the status line is one line
            return
        if self.plan is None:
            return
        ready = self.prepared if isinstance(self.prepared, Prepared) else self.prepare(self.plan)
        for i, rank in ready.new.items():
            self.rank.setdefault(i, rank)
        self.steps, self.order, self.tally = ready.steps, ready.order, ready.tally
        self.overlay = {i: o for i, o in self.overlay.items() if o[0] > self.saved and i in self.steps}
        for i, (_, row) in self.overlay.items():  # ticks the worker has not saved yet
            self.tally.change(self.steps[i], row)
            self.steps[i] = row
        self._rebuild(ready.lines if ready.version == self.lines_version else None)
        self._counts()
        self._notes()
        self.write_if_waiting()
        # The plan's rows and the roster hold no reference cycles: frozen, the collector stops
        # walking them on every full collection (100-200 ms stalls at 5,000 steps and 10,000
        # people). Thawed when the screen goes, so that nothing it held outlives it.
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()

    def prepare(self, plan: Plan) -> Prepared:
        """In the worker: the rows by id, in the screen's order, and their counts."""
        version = self.lines_version  # read first: a view changed after it makes the lines below stale
        view, network, origin = self.view, self.network, dict(self.origin)
        rank = dict(self.rank)  # the event loop only adds to it, and only in plan_ready
        base = len(rank) and 1_000_000_000  # steps new since the screen opened come after
        new = {s.step.id: base + i for i, s in enumerate(plan.steps) if s.step.id not in rank}
        steps = {s.step.id: s for s in plan.steps}
        order = sorted(steps, key=lambda i: rank[i] if i in rank else new[i])
        tally = Tally((steps[i] for i in order), self.settings, datetime.now(UTC))
        shown = lines((steps[i] for i in order), view, network, origin)
        return Prepared(steps, order, tally, new, version, shown)

    def _rebuild(self, shown: list[object] | None = None) -> None:
        """The list anew for the view and network (``shown``: drawn up by the worker for them), the
        cursor kept on its step."""
        current = self.step_list.current
        keep = current.id if isinstance(current, PlanRow) else None
        if shown is None:
            shown = lines((self.steps[i] for i in self.order), self.view, self.network, self.origin)
        self.step_list.show(shown, (lambda row: keep in row.ids) if keep else None)  # type: ignore[attr-defined]
        self._status()

    def _counts(self) -> None:
        """The status line and the progress, from the counts kept tick by tick."""
        self._status()
        effort = self.plan.effort if self.plan is not None else None
        shown = progress(self.tally.progress(), self.tally.limits(), effort, self.size.width - 2)
        self.query_one("#progress", Static).update(shown)

    def _status(self) -> None:
        done, due, waiting = self.tally.totals()
        status: list = [
            ("View ", "dim"),
            (VIEWS[self.view], "bold"),
            ("  Network ", "dim"),
            (network_name(self.network) if self.network else "all", "bold"),
            f"   {due:,} due now · {waiting:,} waiting · {done:,} done",
        ]
        effort = self.plan.effort if self.plan is not None else None
        if effort is not None and effort.span != "today":
            status.append(f" · {effort.span} to go")
        status.append(("   v view · n network · p progress", "dim"))
        if self.unsaved:
            status.append(("    saving…", "$warning"))
        self.query_one("#plan-status", Static).update(Content.assemble(*status))

    def _notes(self) -> None:
        assert self.plan is not None
        parts: list = []
        for note in self.plan.notes:
            parts += [("⚠ " + note, "$warning"), "\n"]
        path = settings_path()
        unwritten = "" if path.exists() else " (not written yet)"
        parts += [
            ("Settings file: ", "dim"),
            str(path),
            (unwritten, "dim"),
            "\n",
            ("w", "bold $accent"),
            " writes the plan (PLAN.md, a checklist, and the files to import) into ",
            str(self.out.absolute()),
            ".",
        ]
        if not self.plan.steps:
            parts = [
                "Nothing to do yet: sort some people (1, 2, 3 on the sorting screen) or answer requests "
                "(r) first.\n\n",
                *parts,
            ]
        self.query_one("#notes", Static).update(Content.assemble(*parts))

    def _draw(self, row: PlanRow, width: int, base):  # type: ignore[no-untyped-def]
        return draw_row(row, self.steps, self.settings, width, base)

    def on_step_list_highlighted(self, message: StepList.Highlighted) -> None:
        row = message.row if isinstance(message.row, PlanRow) else None
        can_set = hasattr(self.app, "action_open_settings")
        self.query_one("#detail", Static).update(detail(row, self.steps, self.settings, can_set))
        self.query_one("#link", Static).update(link_line(row, self.steps))
        if row is None or row.id != self.copied_from:
            self.query_one("#copied", Static).display = False  # what was copied belongs to another step

    # --- ticks ----------------------------------------------------------------------------------

    def _row(self) -> tuple[PlanRow, Scheduled] | None:
        row = self.step_list.current
        if not isinstance(row, PlanRow) or row.id not in self.steps:
            return None
        return row, self.steps[row.id]

    def action_tick(self) -> None:
        found = self._row()
        if found:
            self._mark(found[0], tick_state(found[1]) if not found[0].file else StepState.DONE)

    def action_mark(self, state: str) -> None:
        found = self._row()
        if found:
            self._mark(found[0], StepState(state))

    def _mark(self, row: PlanRow, state: StepState) -> None:
        """The user's word on the row's steps: shown at once, saved by the worker, then the next due."""
        ids = [i for i in row.ids if not why_not(self.steps[i], state)]
        if not ids:
            self.notify(why_not(self.steps[row.id], state), markup=False)
            return
        at = datetime.now(UTC).isoformat(timespec="seconds")
        self.lines_version += 1
        seq = self.queue_write("state", ids, state, tick_label(state, self.steps[ids[0]].step.name, len(ids)))
        for i in ids:
            old = self.steps[i]
            self.origin.setdefault(i, section(old))
            self.steps[i] = self.overlay_row(i, seq, ticked(old, state, at))
            self.tally.change(old, self.steps[i])
        self.step_list.refresh_line(self.step_list.cursor)
        self._counts()
        following = next_due(self.step_list.lines, self.step_list.cursor, self.steps)
        if following is not None and following != self.step_list.cursor:
            self.step_list.move_to(following)
        else:
            self.on_step_list_highlighted(StepList.Highlighted(self.step_list.current))

    def overlay_row(self, step_id: str, seq: int, row: Scheduled) -> Scheduled:
        self.overlay[step_id] = (seq, row)
        return row

    def action_undo(self) -> None:
        self.queue_write("undo")
        self._status()  # saving…

    def action_redo(self) -> None:
        self.queue_write("redo")
        self._status()

    def writes_done(self, done: list[Done]) -> None:
        for d in done:
            if d.error is not None:
                self.notify(str(d.error), title="Not saved", severity="error", markup=False, timeout=12)
            elif d.write.kind in ("undo", "redo"):
                verb = "Undone" if d.write.kind == "undo" else "Redone"
                said = f"{verb}: {d.label}" if d.label else f"Nothing to {d.write.kind}."
                self.notify(said, markup=False)

    # --- moving, views, links, copies ----------------------------------------------------------

    def action_move(self, delta: int) -> None:
        self.step_list.action_move(delta)

    def action_jump(self, where: int) -> None:
        self.step_list.action_jump(where)

    def action_cycle_view(self) -> None:
        self.view = VIEW_ORDER[(VIEW_ORDER.index(self.view) + 1) % len(VIEW_ORDER)]
        self.lines_version += 1
        self.origin.clear()  # a view chosen again shows each step where it now stands
        self._rebuild()

    def action_cycle_network(self) -> None:
        networks = ["", *dict.fromkeys(self.steps[i].step.network for i in self.order)]
        self.network = (
            networks[(networks.index(self.network) + 1) % len(networks)] if self.network in networks else ""
        )
        self.origin.clear()
        self.lines_version += 1
        self._rebuild()

    def action_open(self) -> None:
        row = self.step_list.current
        if not isinstance(row, PlanRow):
            return
        url = row_link(row, self.steps)
        if not url:
            self.notify("This step has no link: search for the name on the site.", markup=False)
            return
        open_link(self, url)

    def action_copy(self) -> None:
        found = self._row()
        if not found:
            return
        row, s = found
        names = "\n".join(self.steps[i].step.name for i in row.ids)
        text = names if row.file else copy_text(s, self.settings)
        self.app.copy_to_clipboard(text)
        self.copied_from = row.id
        self.query_one("#copied", Static).display = True
        self.query_one("#copied", Static).update(
            Content.assemble(
                ("Copied", "bold"),
                (" (where the terminal does not take it, select it here):", "dim"),
                "\n",
                text,
            )
        )

    async def action_settings(self) -> None:
        if hasattr(self.app, "action_open_settings"):
            await self.app.run_action("open_settings")
        else:
            self.notify(
                f"The settings are in {settings_path()}: `circlesort plan --init-settings` writes "
                "them to edit; the plan follows them when you come back here.",
                markup=False,
                timeout=12,
            )

    def action_help(self) -> None:
        keys = [b for b in self.BINDINGS if isinstance(b, Binding)]
        self.app.push_screen(Help("The plan: keys", keys, HELP))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.leaving:
            return action == "back"
        if action == "write":
            return None if self.plan is None else True  # dimmed until the plan is there
        return True

    def action_back(self) -> None:
        if self.leave_when_done():
            self.query_one("#plan-status", Static).update(
                Content("Working out the plan… (going back when it is saved)")
            )


@dataclass
class Prepared:
    steps: dict[str, Scheduled]
    order: list[str]
    tally: Tally
    new: dict[str, int]  # ranks of the steps the screen had not seen
    version: int = -1  # the screen's lines_version the lines were drawn up for
    lines: list[object] | None = None


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
