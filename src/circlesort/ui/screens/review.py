"""Reviewing matches one pair at a time: the two accounts side by side with the evidence.

Likely links come first (they were linked, and are worth a glance), then suggestions (never
linked without you), then certain links. c confirms, r says "not the same person"; both are
decisions like any other: saved at once, undoable, and kept as rules at the next import.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from circlesort.importers.text import clean
from circlesort.model import Account, Tier
from circlesort.planning.links import safe_link
from circlesort.ui.failures import saves
from circlesort.ui.footer import FittedFooter
from circlesort.ui.keys import REVIEW_KEYS
from circlesort.ui.screens.modals import show_help
from circlesort.ui.words import TIER_TITLES, relations_text
from circlesort.workspace import Workspace
from circlesort.workspace.changes import LinkAccounts, UnlinkAccounts

KINDS = (Tier.LIKELY, Tier.POSSIBLE, Tier.CERTAIN)  # in the order they are shown
REVIEW_NOTES = (
    "Each pair is two accounts circlesort thinks may be one person. c links them (kept at every\n"
    "import), r keeps them apart for good; u takes the last answer back."
)


def side(account: Account | None) -> Content:
    if account is None:
        return Content("(no longer in the workspace)")
    parts: list = [(account.network, "bold $secondary"), "\n", (clean(account.display_name), "bold"), "\n"]
    for line in (
        account.handle and f"@{account.handle}",
        relations_text(account),
        " at ".join(p for p in (account.position, account.company) if p),
        ", ".join(account.emails),
        safe_link(account.network, account.url, account.key),
    ):
        if line:
            parts += [clean(line), "\n"]
    return Content.assemble(*parts)


class ReviewScreen(FittedFooter[bool]):
    BINDINGS: ClassVar[list[BindingType]] = REVIEW_KEYS
    DEFAULT_CSS = """
    ReviewScreen #pair { height: auto; max-height: 60%; }
    ReviewScreen #pair Static { width: 1fr; border: round $primary; padding: 0 1; height: auto; }
    ReviewScreen #title, ReviewScreen #why { padding: 0 1; }
    """

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.kind = Tier.LIKELY
        self.pairs = ws.pairs(self.kind)
        self.index = 0
        self.changed = False

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        with Horizontal(id="pair"):
            yield Static(id="left")
            yield Static(id="right")
        with VerticalScroll():
            yield Static(id="why")
        yield Footer()

    def on_mount(self) -> None:
        if not self.pairs:
            self.action_kind()
        self._show()

    def _show(self) -> None:
        total = len(self.pairs)
        where = f"{self.index + 1:,} of {total:,}" if total else "none left"
        title = Content.assemble((TIER_TITLES[self.kind], "bold"), f"   {where}")
        self.query_one("#title", Static).update(title)
        if not total:
            for name in ("#left", "#right"):
                self.query_one(name, Static).update(Content(""))
            self.query_one("#why", Static).update(Content("Nothing to review here. t shows the others."))
            return
        pair = self.pairs[self.index]
        self.query_one("#left", Static).update(side(self.ws.account(pair.a)))
        self.query_one("#right", Static).update(side(self.ws.account(pair.b)))
        why: list = [("Why: ", "bold")]
        for sentence in pair.evidence:
            why += ["\n  • ", clean(sentence)]
        why += ["\n\n", (f"score {pair.score:.2f}", "dim")]
        self.query_one("#why", Static).update(Content.assemble(*why))

    def action_help(self) -> None:
        show_help(self, "Reviewing matches: keys", REVIEW_NOTES)

    def action_back(self) -> None:
        self.dismiss(self.changed)  # whether who-is-who changed, for the list underneath

    def action_move(self, step: int) -> None:
        if self.pairs:
            self.index = max(0, min(self.index + step, len(self.pairs) - 1))
            self._show()

    def action_kind(self) -> None:
        for _ in KINDS:  # the next kind that has pairs, else the next one
            self.kind = KINDS[(KINDS.index(self.kind) + 1) % len(KINDS)]
            self.pairs = self.ws.pairs(self.kind)
            if self.pairs:
                break
        self.index = 0
        self._show()

    def action_confirm(self) -> None:
        self._answer(same=True)

    def action_reject(self) -> None:
        self._answer(same=False)

    @saves
    def _answer(self, same: bool) -> None:
        if not self.pairs:
            return
        pair = self.pairs[self.index]
        change = LinkAccounts(pair.a, pair.b) if same else UnlinkAccounts(pair.a, pair.b)
        self.ws.apply(change)  # saved first, then shown
        self.pairs.pop(self.index)
        self.changed = True
        self.index = min(self.index, max(len(self.pairs) - 1, 0))
        self.notify("Linked: one person." if same else "Kept apart: not the same person.", markup=False)
        self._show()

    @saves
    def action_undo(self) -> None:
        effect = self.ws.undo()
        self.changed = True
        self.pairs = self.ws.pairs(self.kind)
        self.index = min(self.index, max(len(self.pairs) - 1, 0))
        self.notify(f"Undone: {effect.label}" if effect else "Nothing to undo.", markup=False)
        self._show()
