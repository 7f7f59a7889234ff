"""Reviewing matches one pair at a time: the two accounts side by side with the evidence.

Likely links come first (they were linked, and are worth a glance), then suggestions (never
linked without you), then certain links. c confirms, r says "not the same person"; both are
decisions like any other: saved at once, undoable, and kept as rules at the next import.

Suggestions come most valuable first, one per person at a time, re-scored by the answers so far
(review_queue.py): when answers make more pairs certain, they are offered together; C links
every suggestion above a score the user picks.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from circlesort.importers.text import clean
from circlesort.matching.learning import Scored
from circlesort.model import Account, Tier
from circlesort.planning.links import safe_link
from circlesort.planning.words import network_name
from circlesort.ui.failures import saves
from circlesort.ui.footer import FittedFooter
from circlesort.ui.keys import REVIEW_KEYS
from circlesort.ui.screens.modals import Choose, Confirm, show_help
from circlesort.ui.screens.review_queue import (
    FLOORS,
    PairId,
    above,
    above_answers,
    certain_question,
    learned_line,
    learner_of,
    link_all,
    pair_id,
)
from circlesort.ui.widgets.hanging import Hanging
from circlesort.ui.words import (
    CATEGORY_WORDS,
    REVIEW_ABOVE,
    REVIEW_ABOVE_HINT,
    REVIEW_HELD,
    REVIEW_LINKED_ALL,
    REVIEW_NONE_ABOVE,
    REVIEW_ONLY_SUGGESTIONS,
    TIER_TITLES,
    pairs_word,
    relations_text,
)
from circlesort.workspace import UNDECIDED, Workspace
from circlesort.workspace.changes import LinkAccounts, UnlinkAccounts
from circlesort.workspace.rows import Key, PairRow

KINDS = (Tier.LIKELY, Tier.POSSIBLE, Tier.CERTAIN)  # in the order they are shown
# score_of's floors: 0.97 is a certain link's, 0.88 a likely one's, 0.62 a suggestion's
SCORE_WORDS = (
    (0.97, "almost certainly the same person"),
    (0.88, "probably the same person"),
    (0.62, "maybe the same person"),
)
REVIEW_NOTES = (
    "Each pair is two accounts circlesort thinks may be one person. c links them (kept at every\n"
    "import), r keeps them apart for good; u takes the last answer back.\n"
    "Suggestions come most valuable first (the most accounts joined), one per person at a time,\n"
    "and each answer teaches the others of its kind: when your answers make more pairs certain,\n"
    "circlesort offers to link them together. C links every suggestion above a score you pick."
)


def score_words(score: float) -> str:
    """A pair's score (0 to 1, matching/score.py score_of) as a person says it."""
    for floor, words in SCORE_WORDS:
        if score >= floor:
            return words
    return "probably not the same person"


def side(account: Account | None, belongs: str = "") -> Content:
    """One account of the pair, and ``belongs``: the person and category it is in now."""
    if account is None:
        return Content("(no longer in the workspace)")
    parts: list = [
        (network_name(account.network), "bold $secondary"),
        "\n",
        (clean(account.display_name), "bold"),
        "\n",
    ]
    if belongs:
        parts += [(belongs, "italic"), "\n"]
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
        self.scored: dict[PairId, Scored[PairRow]] = {}  # the suggestions queue, re-scored
        self.declined: set[PairId] = set()  # pairs offered as certain and refused on this visit
        self.pairs = self._open()
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
        if self.kind == Tier.POSSIBLE and self.held > total:
            where += REVIEW_HELD.format(held=self.held)
        title = Content.assemble((TIER_TITLES[self.kind], "bold"), f"   {where}")
        self.query_one("#title", Static).update(title)
        if not total:
            for name in ("#left", "#right"):
                self.query_one(name, Static).update(Content(""))
            self.query_one("#why", Static).update(Content("Nothing to review here. t shows the others."))
            return
        pair = self.pairs[self.index]
        belongs = self._belongs(pair.a, pair.b)
        self.query_one("#left", Static).update(side(self.ws.account(pair.a), belongs[0]))
        self.query_one("#right", Static).update(side(self.ws.account(pair.b), belongs[1]))
        scored = self.scored.get(pair_id(pair))
        score = round(scored.score, 2) if scored else pair.score  # as the learner compares it
        why = Content.assemble(
            (score_words(score).capitalize(), "bold"), (f" (score {score:.2f})", "dim"), ". Why:"
        )
        bullets = [(Content("  • "), Content(clean(sentence))) for sentence in pair.evidence]
        if learned := learned_line(scored):
            bullets.append((Content("  • "), Content(learned)))
        tail = [(Content(""), Content.styled(REVIEW_ABOVE_HINT, "dim"))] if scored else []
        self.query_one("#why", Static).update(
            Hanging([(Content(""), why), *bullets, *tail])
        )  # wrapped under each bullet

    def _open(self) -> list[PairRow]:
        """The pairs of the kind shown still open: a suggestion whose two accounts are one person
        already (a link the user confirmed joined them) is answered."""
        pairs = self.ws.pairs(self.kind)
        self.scored = {}
        self.held = 0  # suggestions open, of which the queue shows one per person
        if self.kind != Tier.POSSIBLE:
            return pairs
        apart = self.ws.rules("not_same")
        owner = self.ws.persons_of([k for p in pairs for k in (p.a, p.b)] + [k for r in apart for k in r])

        # Answered: the two accounts are one person now, or their people were kept apart (a "not
        # the same" on John Smith answers every suggestion between the same two people).
        def people(a: Key, b: Key) -> frozenset[str | None]:
            return frozenset((owner.get(a), owner.get(b)))

        kept = {people(a, b) for a, b in apart}
        pairs = [
            p
            for p in pairs
            if owner.get(p.a) is None or (len(people(p.a, p.b)) == 2 and people(p.a, p.b) not in kept)
        ]
        self.held = len(pairs)
        self.learner = learner_of(self.ws, pairs)  # the queue: by value, one per person
        queue = self.learner.queue()
        self.scored = {pair_id(s.item): s for s in queue}
        return [s.item for s in queue]

    def _belongs(self, *keys: Key) -> list[str]:
        """Each account's person now, in words: "in Ann Berg (3 accounts: contacts, Facebook,
        LinkedIn), keep personal"."""
        owner = self.ws.persons_of(keys)
        categories = self.ws.categories_of(owner.values())
        out = []
        for key in keys:
            person = owner.get(key)
            if person is None:
                out.append("")
                continue
            members = self.ws.member_keys([person])
            where = ", ".join(sorted({network_name(n) for n, _ in members}, key=str.casefold))
            accounts = f" ({len(members)} accounts: {where})" if len(members) > 1 else ""
            category = CATEGORY_WORDS[categories.get(person, UNDECIDED)]
            out.append(f"in {self.ws.person_name(person)}{accounts}, {category}")
        return out

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
            self.pairs = self._open()
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
        self.pairs = self._open()  # this pair, and the suggestions the link answered, leave
        self.changed = True
        self.index = min(self.index, max(len(self.pairs) - 1, 0))
        # brief: at 80x24 a stack of these would cover the evidence of the next pair
        self.notify("Linked: one person." if same else "Kept apart: not the same person.", timeout=2)
        self._show()
        if self.kind == Tier.POSSIBLE:
            self._offer_certain()

    def _offer_certain(self) -> None:
        """The pairs the answers lifted over a link's score, offered together (once a visit)."""
        offered = [s for s in self.learner.now_certain() if pair_id(s.item) not in self.declined]
        if not offered:
            return
        certain = [s.item for s in offered]

        def answered(yes: bool | None) -> None:
            if yes:
                self._link_all(certain)
            else:
                self.declined.update(pair_id(p) for p in certain)

        question = certain_question(offered)
        self.app.push_screen(Confirm(question, default=True), answered)

    def action_confirm_above(self) -> None:
        if self.kind != Tier.POSSIBLE:
            self.notify(REVIEW_ONLY_SUGGESTIONS, markup=False)
            return
        queue = list(self.scored.values())
        floors, answers = above_answers(queue)
        if not floors:
            self.notify(REVIEW_NONE_ABOVE.format(floor=FLOORS[-1]), markup=False)
            return

        def chosen(index: int | None) -> None:
            if index is not None and 0 <= index < len(floors):
                self._link_all(above(queue, floors[index]))

        self.app.push_screen(Choose(REVIEW_ABOVE, answers), chosen)

    @saves
    def _link_all(self, pairs: list[PairRow]) -> None:
        if not pairs:
            return
        words = REVIEW_LINKED_ALL.format(count=len(pairs), pairs=pairs_word(len(pairs)))
        link_all(self.ws, pairs, words)
        self.changed = True
        self.pairs = self._open()
        self.index = min(self.index, max(len(self.pairs) - 1, 0))
        self.notify(words, markup=False)
        self._show()

    @saves
    def action_undo(self) -> None:
        effect = self.ws.undo()
        self.changed = True
        self.pairs = self._open()
        self.index = min(self.index, max(len(self.pairs) - 1, 0))
        self.notify(f"Undone: {effect.label}" if effect else "Nothing to undo.", markup=False)
        self._show()
