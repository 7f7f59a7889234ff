"""Where things stand: people per network and category as bars, and the steps left per network.

The steps come from the current plan, worked out once when the screen opens (in a worker, as
the plan screen does), never per keystroke.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from circlesort.model import Category
from circlesort.planning.current import Plan
from circlesort.ui.keys import SUMMARY_KEYS
from circlesort.ui.screens.modals import show_help
from circlesort.ui.screens.plan_work import PlanWorkScreen
from circlesort.ui.words import CATEGORY_SHORT, network_name
from circlesort.workspace import CATEGORIES, UNDECIDED, Workspace
from circlesort.workspace.roster import Roster
from circlesort.workspace.roster_groups import left_per_network, pace, time_left

ORDER = (*CATEGORIES, UNDECIDED)
STYLE = {
    Category.KEEP_PERSONAL: "$success",
    Category.MOVE_TO_PROFESSIONAL: "$primary",
    Category.PAGE_FOLLOWER: "$warning",
    UNDECIDED: "$text-muted",
}
BAR = 40


def steps_left(plan: Plan) -> dict[str, int]:
    """Per network, the steps still to do or to wait for."""
    return dict(Counter(s.step.network for s in plan.live()))


def summary(roster: Roster, plan: dict[str, int] | None, eta: str = "") -> Content:
    """The bars; ``plan``: steps left per network, None while the plan is being worked out;
    ``eta``: the time the people left would take at the user's pace ('~45 min', or '')."""
    per_network: dict[str, Counter[str]] = defaultdict(Counter)
    for row in roster.rows:
        for network, _, _ in row.brief:
            per_network[network][row.category] += 1
    for network in plan or {}:
        per_network.setdefault(network, Counter())  # a network a person is to join: no accounts yet
    counts = roster.counts()  # the people to sort: those set aside are counted apart
    total = sum(counts.values())
    parts: list = [(f"Sorted {total - counts[UNDECIDED]:,} of {total:,} people", "bold")]
    if counts[UNDECIDED]:
        parts.append(f" · ~{counts[UNDECIDED]:,} left" + (f", {eta} at your pace" if eta else ""))
    if aside := roster.aside():
        parts.append((f" · {aside:,} not to sort (blocked, muted, declined, gone, X numbers)", "dim"))
    parts += ["\n", *_left(roster), "\n"]
    for c in ORDER:
        parts += [
            (f"{CATEGORY_SHORT[c]:<13}", "bold"),
            f"{counts[c]:>7,}  ",
            ("█" * round(BAR * counts[c] / total) if total else "", STYLE[c]),
            "\n",
        ]
    parts += [
        "\n",
        ("Accounts per network", "bold"),
        "   ",
        *[part for c in ORDER for part in ((f"■ {CATEGORY_SHORT[c]}", STYLE[c]), "  ")],
        "\n\n",
    ]
    widest = max((sum(v.values()) for v in per_network.values()), default=1) or 1
    for network in sorted(per_network, key=lambda n: (-sum(per_network[n].values()), n)):
        cells = per_network[network]
        parts += [(f"{network:<11}", "bold"), f"{sum(cells.values()):>7,}  "]
        drawn = 0
        for c in ORDER:
            bar = round(BAR * cells[c] / widest)
            parts.append(("█" * bar, STYLE[c]))
            drawn += bar
        parts.append(" " * max(0, BAR - drawn))  # the steps line up, whatever the bar's length
        if plan and plan.get(network):
            n = plan[network]
            parts.append(f"  {n:,} to do")
        parts.append("\n")
    return Content.assemble(*parts)


def _left(roster: Roster) -> list:
    """What is left to sort on each network, the most first (a line, or nothing when none)."""
    left = left_per_network(roster)
    if not left:
        return []
    each = " · ".join(
        f"{network_name(n)} {k:,}" for n, k in sorted(left.items(), key=lambda x: (-x[1], x[0]))
    )
    return [("Left to sort: ", "bold"), each, "\n"]


class SummaryScreen(PlanWorkScreen):
    BINDINGS: ClassVar[list[BindingType]] = SUMMARY_KEYS

    def __init__(self, roster: Roster, ws: Workspace) -> None:
        super().__init__(ws)
        self.roster = roster
        counts = roster.counts()
        self.eta = time_left(counts[UNDECIDED], pace(ws.decision_times()))

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(summary(self.roster, None, self.eta), id="summary")
            yield Static(Content("Working out the plan's steps…"), id="plan")
        yield Footer()

    def on_mount(self) -> None:
        self.work_out()

    def plan_ready(self) -> None:
        if self.problem:  # the counts still show; the steps wait for good settings
            why = f"Plan sizes need readable settings: {self.problem}" if self.bad_settings else self.problem
            self.query_one("#plan", Static).update(Content(why))
            return
        if self.plan is None:
            return
        left = steps_left(self.plan)
        self.query_one("#summary", Static).update(summary(self.roster, left, self.eta))
        words = (
            "To do: the steps your decisions and answers so far still ask of each network "
            "(P shows the plan, w there writes it)."
            if left
            else "No steps to do yet: your decisions and answers so far ask nothing of any network."
        )
        if self.plan.changes():
            words += f" Since you last looked: {self.plan.changes()}."
        self.query_one("#plan", Static).update(Content.styled(words, "dim"))

    def action_help(self) -> None:
        show_help(self, "Summary: keys")

    def action_back(self) -> None:
        if self.leave_when_done():
            self.query_one("#plan", Static).update(
                Content("Working out the plan's steps… (going back when they are saved)")
            )
