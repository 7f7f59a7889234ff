"""Where things stand: people per network and category as bars, and the plans' sizes."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from circlesort.errors import InputError
from circlesort.planning.plan import build
from circlesort.planning.settings import load_settings
from circlesort.workspace import CATEGORIES, UNDECIDED, Workspace
from circlesort.workspace.roster import Roster

ORDER = (*CATEGORIES, UNDECIDED)
LABEL = {"keep-personal": "personal", "move-to-professional": "professional", "page-follower": "page",
         UNDECIDED: "undecided"}
STYLE = {"keep-personal": "$success", "move-to-professional": "$primary", "page-follower": "$warning",
         UNDECIDED: "$text-muted"}
BAR = 40


def summary(roster: Roster, plan: dict[str, int]) -> Content:
    per_network: dict[str, Counter[str]] = defaultdict(Counter)
    for row in roster.rows:
        for network, _, _ in row.brief:
            per_network[network][row.category] += 1
    total = len(roster.rows)
    counts = roster.counts()
    parts: list = [(f"Sorted {total - counts[UNDECIDED]:,} of {total:,} people", "bold"), "\n\n"]
    for c in ORDER:
        parts += [(f"{LABEL[c]:<13}", "bold"), f"{counts[c]:>7,}  ",
                  ("█" * round(BAR * counts[c] / total) if total else "", STYLE[c]), "\n"]
    parts += ["\n", ("Accounts per network", "bold"), "   ",
              *[part for c in ORDER for part in ((f"■ {LABEL[c]}", STYLE[c]), "  ")], "\n\n"]
    widest = max((sum(v.values()) for v in per_network.values()), default=1)
    for network in sorted(per_network, key=lambda n: -sum(per_network[n].values())):
        cells = per_network[network]
        parts += [(f"{network:<11}", "bold"), f"{sum(cells.values()):>7,}  "]
        for c in ORDER:
            parts.append(("█" * round(BAR * cells[c] / widest), STYLE[c]))
        parts += [f"   plan: {plan[network]:,} actions" if plan.get(network) else "", "\n"]
    parts += ["\n", ("The plans count what your decisions and answers so far ask of each network "
                     "(P previews them, circlesort plan writes them).", "dim")]
    return Content.assemble(*parts)


class SummaryScreen(Screen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,s,q", "app.pop_screen", "Back", id="summary.back"),
    ]

    def __init__(self, roster: Roster, ws: Workspace) -> None:
        super().__init__()
        self.roster = roster
        try:
            settings = load_settings()
        except InputError as e:  # the counts still show; the plan sizes wait for good settings
            self.plan, self.problem = {}, str(e)
        else:
            self.plan = {net: len(actions) for net, actions in build(ws, settings).items()}
            self.problem = ""

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(summary(self.roster, self.plan), id="summary")
            if self.problem:
                yield Static(Content(f"Plan sizes need readable settings: {self.problem}"), id="problem")
        yield Footer()
