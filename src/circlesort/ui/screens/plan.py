"""The plan as it stands today: what to do now and later, what waits and for what; w writes it.

The steps are shown in groups by when they are due (today, a later day or week under the
platforms' limits, waiting, ask first, sent), each a list of the plan's own `Scheduled` rows in
the order to carry them out; done and no longer needed steps are counted. Every word about a
step comes from planning/words.py, every link through planning/links.py, and every name reaches
the screen as plain Content.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from circlesort.errors import InputError
from circlesort.importers.text import clean
from circlesort.planning.current import Plan
from circlesort.planning.folder import existing_plan
from circlesort.planning.links import safe_link
from circlesort.planning.settings import settings_path
from circlesort.planning.steps import Due, Scheduled, StepKind
from circlesort.planning.words import DUE_WORDS, LABELS, action, hint_text, namesakes_text, network_name
from circlesort.planning.writers import write_plan
from circlesort.ui.screens.modals import Confirm, Help
from circlesort.ui.screens.plan_work import PlanWorkScreen
from circlesort.ui.widgets.hanging import Hanging
from circlesort.workspace import Workspace

SHOWN = 300  # steps drawn per group; the written files hold them all
PER_NETWORK = 100  # steps drawn per network in a group, so that every network shows
FEW_LABELS = 10  # more contacts to label than this are one line
LATER_SHOWN = 600  # steps drawn in all the later days and weeks together; the rest are counted
COUNTED = (Due.FINISHED, Due.SKIPPED, Due.IMPOSSIBLE, Due.NOT_NEEDED)  # counted, not listed
LATER = 10_000  # groups after every dated one
Line = tuple[Content, Content]  # (first column, the rest): see ui/widgets/hanging.py
ABOUT = {
    "today": "",
    "later": "left for later: the platforms limit how many a day or a week",
    "waiting": "removals wait until the person is where they belong",
    "ask": "what they wait for was skipped, or has waited long: `circlesort mark remove-anyway ID` "
           "releases one (PLAN.md gives the ids)",
    "sent": "done on your side; waiting for the other side to accept",
}


@dataclass
class Group:
    """Steps shown under one heading, in the order to carry them out."""

    title: str
    about: str
    order: int  # days from today for dated groups; LATER and on for the rest
    rows: list[Scheduled] = field(default_factory=list)


def _group_of(s: Scheduled) -> tuple[int, str, str]:
    """(order, title, about) of the group a live step is shown in."""
    if s.due == Due.NOW:
        if s.batch <= 0:
            return 0, "Today", ABOUT["today"]
        unit, _, n = s.batch_label.partition(" ")
        days = (int(n) - 1 if n.isdigit() else s.batch) * (7 if unit == "week" else 1)
        return days, s.batch_label.capitalize(), ABOUT["later"]
    return {Due.WAITING: (LATER, "Waiting", ABOUT["waiting"]),
            Due.ASK: (LATER + 1, "Ask first", ABOUT["ask"]),
            Due.SENT: (LATER + 2, "Sent", ABOUT["sent"])}[s.due]


def groups(plan: Plan) -> list[Group]:
    """The live steps by when they are due, soonest first; each group keeps the plan's order."""
    found: dict[str, Group] = {}
    for s in plan.live():
        order, title, about = _group_of(s)
        found.setdefault(title, Group(title, about, order)).rows.append(s)
    return sorted(found.values(), key=lambda g: g.order)


def _network(network: str) -> Content:
    """The first column of a step's line: its network."""
    return Content.assemble("  ", (f"{network_name(network):<10}", "bold $accent"), " ")


def step_line(s: Scheduled, settings: dict) -> Line:
    """One step: the network, what to do and for whom; under it what it waits for, the link, flags."""
    step = s.step
    parts: list = [action(step, settings), ": ", (clean(step.name) or "(no name)", "bold")]
    if s.waits_for:
        parts += ["\n", ("waits for: ", "italic"), clean(s.waits_for)]
    link = safe_link(step.network, step.link, step.account_key or "")  # as the written files give it
    if link:
        parts += ["\n", (link, "dim")]
    extras: list = [(clean(", ".join(hint_text(h) for h in step.hints)), "dim")] if step.hints else []
    extras += [(f"⚠ {clean(text)}", "$warning") for text in (namesakes_text(step), *s.notes) if text]
    for i, extra in enumerate(extras):
        parts += ["\n" if i == 0 else "  ", extra]
    return _network(step.network), Content.assemble(*parts)


def _text(*parts: object) -> Line:
    """A line of the screen's own words, from the left edge."""
    return Content(""), Content.assemble(*parts)  # type: ignore[arg-type]


BLANK = _text()


def heading(plan: Plan, out: Path) -> list[Line]:
    """The plan in a few lines: how much, how long, what changed, the settings it lacks, where it goes."""
    effort = plan.effort
    today = effort.today
    over = "today" if effort.span == "today" else f"over {effort.span}"
    first: list = [(f"{effort.steps:,} {'step' if effort.steps == 1 else 'steps'} to do", "bold"), ", ",
                   (f"{today:,} due today", "bold"), f" (about {effort.clicks:,} clicks {over})."]
    if plan.changes():
        first += [" Since you last looked: ", plan.changes(), "."]
    lines = [_text(*first), BLANK]
    lines += [(Content.styled("⚠ ", "$warning"), Content.styled(note, "$warning")) for note in plan.notes]
    path = settings_path()
    unwritten = "" if path.exists() else " (not written yet)"
    lines += [_text(("Settings file: ", "dim"), str(path), (unwritten, "dim")),
              BLANK, _text(("w", "bold $accent"), " writes the plan (PLAN.md, a checklist, and the files to "
                           "import) into ", str(out.absolute()), ".")]
    return lines


def _labels_line(labels: list[Scheduled]) -> Line:
    """Many contacts' labels as one line: the Google Contacts file sets them all at once."""
    per = Counter(LABELS.get(s.step.category, s.step.category) for s in labels)
    return _network(labels[0].step.network), Content.assemble(
        f"label {len(labels):,} contacts: ", ", ".join(f"{label} {n:,}" for label, n in per.most_common()),
        ("  (google_contacts.csv sets them all)", "dim"))


def group_lines(g: Group, settings: dict, room: int) -> tuple[list[Line], int]:
    """A group's lines: a share of ``room`` (at most PER_NETWORK) for each network's steps, the rest
    counted; returns the lines and the number of steps drawn."""
    by_network: dict[str, list[Scheduled]] = {}
    for s in g.rows:
        by_network.setdefault(s.step.network, []).append(s)
    lines: list[Line] = []
    drawn = 0
    each = max(10, min(PER_NETWORK, room // max(1, len(by_network))))  # every network gets its share
    for network, rows in by_network.items():
        labels = [s for s in rows if s.step.kind == StepKind.LABEL]
        if len(labels) > FEW_LABELS:
            lines.append(_labels_line(labels))
            rows = [s for s in rows if s.step.kind != StepKind.LABEL]
        take = max(0, min(each, room - drawn, len(rows)))
        lines += [step_line(s, settings) for s in rows[:take]]
        drawn += take
        if len(rows) > take:
            more = f"… and {len(rows) - take:,} more" if take else f"{len(rows):,} steps"
            lines.append((_network(network), Content.styled(f"{more} in the written files", "dim")))
    return lines, drawn


def preview(plan: Plan, settings: dict, out: Path) -> Hanging:
    """Everything the screen shows of a plan."""
    lines = heading(plan, out)
    if not plan.steps:
        lines += [BLANK, _text("Nothing to do yet: sort some people (1, 2, 3 on the sorting screen) or "
                               "answer requests (r) first.")]
    later = LATER_SHOWN  # what the later days and weeks may still draw between them
    said: set[str] = set()
    for g in groups(plan):
        title: list = [(g.title, "bold $accent underline"), (f"  {len(g.rows):,}", "bold")]
        if g.about and g.about not in said:  # said once, over the first group it is about
            title.append((f"  {g.about}", "dim"))
            said.add(g.about)
        lines += [BLANK, _text(*title)]
        dated_later = 0 < g.order < LATER
        drawn_lines, drawn = group_lines(g, settings, min(SHOWN, later) if dated_later else SHOWN)
        lines += drawn_lines
        later -= drawn if dated_later else 0
    counted = [(DUE_WORDS[due], sum(s.due == due for s in plan.steps)) for due in COUNTED]
    if any(n for _, n in counted):
        lines += [BLANK, _text(("Off the list", "bold $accent underline"), "  ",
                               ", ".join(f"{n:,} {word}" for word, n in counted if n))]
    return Hanging(lines)


class PlanScreen(PlanWorkScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "write", "Write the plan", id="plan.write"),
        Binding("j", "scroll(1)", "Down", show=False, id="plan.down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="plan.up"),
        Binding("g", "scroll_to(0)", "Top", show=False, id="plan.top"),
        Binding("G", "scroll_to(-1)", "Bottom", show=False, id="plan.bottom"),
        Binding("question_mark", "help", "Keys", id="plan.help"),
        Binding("escape,q", "back", "Back", id="plan.back"),
    ]
    DEFAULT_CSS = """
    PlanScreen #preview { padding: 0 1; }
    """

    def __init__(self, ws: Workspace, out: Path | None = None) -> None:
        super().__init__(ws)
        self.out = out or Path("circlesort-plan")

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Content("Working out the plan…"), id="preview")
        yield Footer()

    def on_mount(self) -> None:
        self.work_out()

    def plan_ready(self) -> None:
        if self.problem:
            shown: Content | Hanging = Content.assemble(("circlesort: ", "bold $error"), self.problem)
        elif self.plan is not None:
            shown = preview(self.plan, self.settings, self.out)
        else:
            return
        self.query_one("#preview", Static).update(shown)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.leaving:
            return action == "back"
        if action == "write":
            return None if self.working else True  # dimmed until the plan is there
        return True

    def action_back(self) -> None:
        if self.leave_when_done():
            self.query_one("#preview", Static).update(Content("Working out the plan… (going back when it is "
                                                              "saved)"))

    def action_scroll(self, lines: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_scroll_to(self, where: int) -> None:
        view = self.query_one(VerticalScroll)
        if where == 0:
            view.scroll_home(animate=False)
        else:
            view.scroll_end(animate=False)

    def action_help(self) -> None:
        self.app.push_screen(Help("The plan: keys", [b for b in self.BINDINGS if isinstance(b, Binding)],
                                  "The arrow and page keys scroll too. `circlesort plan` writes the same "
                                  "files from the command line; when you have done a step, `circlesort mark "
                                  "done ID` says so (PLAN.md gives each step's id)."))

    def action_write(self) -> None:
        if self.problem or self.plan is None:
            self.notify(self.problem or "The plan is not worked out yet.", markup=False, severity="error")
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
        assert self.plan is not None
        try:
            files = write_plan(self.ws, self.plan, self.out, self.settings, force)
        except InputError as e:
            self.notify(str(e), markup=False, severity="error")
            return
        self.notify(f"Plan written to {self.out}: {len(files)} files. PLAN.md is the checklist.",
                    markup=False)
