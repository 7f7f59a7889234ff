"""The plan, previewed per network with each action's state; w writes it."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from circlesort.errors import InputError
from circlesort.importers.text import clean
from circlesort.planning.folder import existing_plan
from circlesort.planning.links import safe_link
from circlesort.planning.plan import Action, build
from circlesort.planning.settings import load_settings
from circlesort.planning.verify import remember
from circlesort.planning.writers import write_plan
from circlesort.ui.screens.modals import Confirm
from circlesort.workspace import Workspace

SHOWN = 300  # actions drawn per network; the files hold them all
STATE_STYLE = {"done": "$success", "not yet": "$warning", "no longer possible": "$error"}


def preview(plan: dict[str, list[Action]], states: dict[str, str]) -> Content:
    total = sum(len(a) for a in plan.values())
    parts: list = [(f"{total:,} actions", "bold"), " from your decisions and answers so far.\n"]
    if not plan:
        parts.append("\nNothing to do yet: sort some people, or answer requests, first.")
    for network, actions in plan.items():
        parts += ["\n", (f"{network.capitalize()}: {len(actions):,}", "bold $accent"), "\n"]
        for a in actions[:SHOWN]:
            state = states.get(a.id, "")
            parts += [f"{a.step:>5}. ", (clean(a.action), "bold"), " ", clean(a.person),
                      (f"  {a.batch}", "dim")]
            link = safe_link(a.network, a.link, a.key)  # the same link as the written files give
            if link:
                parts.append((f"  {link}", "dim"))
            if state and state != "planned":
                parts.append((f"  [{state}]", STATE_STYLE.get(state, "dim")))
            parts.append("\n")
        if len(actions) > SHOWN:
            parts.append((f"       … and {len(actions) - SHOWN:,} more in the written files\n", "dim"))
    return Content.assemble(*parts)


class PlanScreen(Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "write", "Write the plan", id="plan.write"),
        Binding("escape,q", "app.pop_screen", "Back", id="plan.back"),
    ]

    def __init__(self, ws: Workspace, out: Path | None = None) -> None:
        super().__init__()
        self.ws = ws
        self.out = out or Path("circlesort-plan")
        self.plan: dict[str, list[Action]] = {}
        self.problem = ""  # a settings file that cannot be used: said on screen, nothing written
        try:
            self.settings = load_settings()
        except InputError as e:
            self.problem = f"circlesort: {e}"
        else:
            self.plan = build(ws, self.settings)

    def compose(self) -> ComposeResult:
        states = dict(self.ws.db.execute("SELECT action, status FROM plan_status"))
        shown = Content(self.problem) if self.problem else preview(self.plan, states)
        with VerticalScroll():
            yield Static(shown, id="preview")
        yield Footer()

    def action_write(self) -> None:
        if self.problem:
            self.notify(self.problem, markup=False, severity="error")
            return
        try:
            replacing = existing_plan(self.out)  # a file, or a folder of other things, is refused here
        except InputError as e:
            self.notify(str(e), markup=False, severity="error")
            return
        if replacing:
            self.app.push_screen(Confirm(f"Replace the plan in {self.out}?"),
                                 lambda yes: yes and self._write(force=True))
        else:
            self._write(force=False)

    def _write(self, force: bool) -> None:
        try:
            files = write_plan(self.ws, self.plan, self.out, self.settings, force)
        except InputError as e:
            self.notify(str(e), markup=False, severity="error")
            return
        remember(self.ws, [a.id for actions in self.plan.values() for a in actions])
        self.notify(f"Plan written to {self.out}: {len(files)} files.", markup=False)
