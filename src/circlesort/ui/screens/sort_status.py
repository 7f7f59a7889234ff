"""What the sorting list shows: the status bar, the groups by suggestion, the orders, the people
not to sort, and why an empty list is empty. The sorting screen (sort.py) takes these from
ShownMixin.

The status bar is one line at any width: its parts shorten, then drop, by priority (the
counts first); the filter and the marks stay to the end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from rich.cells import cell_len, set_cell_size
from textual.content import Content
from textual.widgets import Static

from circlesort.importers.text import clean
from circlesort.rules.suggest import CategorySuggestion, Rule
from circlesort.ui.words import CATEGORY_SHORT, ORDER_WORDS, network_name
from circlesort.workspace import CATEGORIES, UNDECIDED, ImportSummary, Workspace
from circlesort.workspace.reads import known_since_apart
from circlesort.workspace.roster import Filter, Roster
from circlesort.workspace.roster_groups import (
    ORDERS,
    Order,
    groups,
    left_on,
    order,
    pace,
    since_order,
    suggest_all,
    time_left,
)

if TYPE_CHECKING:
    from circlesort.ui.screens.sort import SortScreen

SEP = " │ "


@dataclass
class Status:
    """The status bar's facts, as plain numbers and words."""

    sorted: int
    total: int
    counts: dict[str, int]  # people to sort per category
    aside: int  # people not to sort
    everyone: bool  # whether they are shown
    left: int  # undecided people to sort (in the network filtered by, when there is one); 0: not said
    where: str  # ' on Facebook' when filtered by a network, else ''
    eta: str  # '~45 min', or ''
    shown: str  # the filter's words
    count: int  # people in the list
    order: str  # the order's words, '' for the usual one
    marked: int


def _variants(s: Status) -> list[list[str]]:
    """Each part of the line from its longest form to its shortest ('' drops it), in the order
    they give way: the category counts first, the filter and the marks never."""
    cats = [f"{CATEGORY_SHORT[c]} {s.counts.get(c, 0):,}" for c in CATEGORIES]
    short_cats = [f"{CATEGORY_SHORT[c][:4]} {s.counts.get(c, 0):,}" for c in CATEGORIES]
    left = f"~{s.left:,} left{s.where}" + (f", {s.eta}" if s.eta else "") if s.left else ""
    aside = f"{s.aside:,} not to sort" + (" (shown)" if s.everyone else "") if s.aside else ""
    return [
        [" · ".join(cats), " · ".join(short_cats), ""],
        [left, f"{s.left:,} left {s.eta}".strip() if s.left else "", ""],
        [aside, f"+{s.aside:,} aside" if s.aside else "", ""],
        [
            f"Sorted {s.sorted:,} of {s.total:,}",
            f"{s.sorted:,}/{s.total:,} sorted",
            f"{s.sorted:,}/{s.total:,}",
        ],
    ]


# Which part gives way next: (index into _variants, the form it takes).
_STEPS = ((0, 1), (1, 1), (3, 1), (2, 1), (0, 2), (1, 2), (2, 2), (3, 2))


def status_line(s: Status, width: int) -> str:
    """The status bar in ``width`` cells: shortened by priority, the filter cropped with … last."""
    forms = _variants(s)
    level = [0] * len(forms)
    count = f": {s.count:,}" + (f" · {s.order}" if s.order else "")
    marks = f" · {s.marked:,} marked" if s.marked else ""

    def head() -> str:
        parts = (forms[3][level[3]], forms[0][level[0]], forms[1][level[1]], forms[2][level[2]])
        return "".join(p + SEP for p in parts if p)

    for part, form in _STEPS:
        if cell_len(head() + s.shown + count + marks) <= width:
            break
        level[part] = form
    text = head() + s.shown + count + marks
    if cell_len(text) > width:  # only the filter and the marks are left: the filter's words give way
        room = width - cell_len(head()) - cell_len(count) - cell_len(marks) - 1
        if room < 8 and s.order:  # the order's words go before the filter's
            count = f": {s.count:,}"
            room = width - cell_len(head()) - cell_len(count) - cell_len(marks) - 1
        text = head() + set_cell_size(s.shown, max(room, 0)).rstrip() + "…" + count + marks
    return text if cell_len(text) <= width else set_cell_size(text, width)


class ShownMixin:
    """The sorting screen's status bar, groups, orders and the people set aside.

    Expects the screen's ``ws``, ``rules``, ``roster``, ``filter``, ``people`` and ``order``."""

    ws: Workspace
    rules: list[Rule]
    roster: Roster
    filter: Filter
    order: str

    pace_read = False  # the user's pace changes only with a decision: _refresh lets it go
    seconds_each: float | None = None

    def _pace(self) -> float | None:
        """Seconds per decision, read from the journal once per change rather than on every key."""
        if not self.pace_read:
            self.seconds_each, self.pace_read = pace(self.ws.decision_times()), True
        return self.seconds_each

    def _status(self) -> None:
        screen = self._screen()
        counts = self.roster.counts()
        total = sum(counts.values())
        network = self.filter.network
        left = left_on(self.roster, network) if network else counts[UNDECIDED]
        eta = time_left(left, self._pace())
        facts = Status(
            total - counts[UNDECIDED],
            total,
            dict(counts),
            self.roster.aside(),
            self.filter.everyone,
            left if eta or network else 0,  # without either, "Sorted N of M" says it already
            f" on {network_name(network)}" if network else "",
            eta,
            self.filter.describe(),
            len(screen.people.view),
            ORDER_WORDS[self.order] if self.order != Order.NAME else "",
            len(screen.people.marked),
        )
        status = screen.query_one("#status", Static)
        width = status.content_region.width or max(screen.size.width - 2, 0) or 78
        demo = "DEMO — nothing is kept │ " if getattr(screen.app, "demo", False) else ""
        status.update(Content(demo + status_line(facts, width - len(demo))))
        why = self._why_empty() if not screen.people.view else ""
        if why != screen.people.empty_text:
            screen.people.empty_text = why
            screen.people.refresh()

    def on_mount(self) -> None:
        """Everyone's suggestion worked out in a thread, so that the first b or O is instant too
        (plain data only: the roster's cache, which the screen's own calls would fill the same)."""
        roster, rules = self.roster, self.rules
        roster.left_per_network()  # here, not in the thread: decisions change it (a few ms, once)
        self._screen().run_worker(lambda: suggest_all(roster, rules), thread=True, group="suggestions")
        path = self.ws.path

        def known_since() -> None:  # every tie's date: 0.2 s at 50,000 people, off the event loop
            try:
                since = known_since_apart(path)
            except Exception:  # a workspace gone or busy: the first O reads it itself, as before
                return
            roster.orders.setdefault(Order.SINCE, since_order(roster, since))

        self._screen().run_worker(known_since, thread=True, group="known-since")

    def on_resize(self) -> None:
        """A narrower or wider terminal: the status bar is shortened again (after the layout)."""
        self._screen().call_after_refresh(self._status)

    def _screen(self) -> SortScreen:
        return cast("SortScreen", self)

    def key_for(self, binding_id: str) -> str:
        """The key that runs binding ``binding_id`` now (the user's keymap may have moved it)."""
        screen = self._screen()
        for active in screen.active_bindings.values():
            if active.binding.id == binding_id:
                return screen.app.get_key_display(active.binding)
        return ""

    def _prepare(self) -> None:
        """What the filter and the order read, worked out once (after a reload too)."""
        order(self.roster, self.order, self.ws, self.rules)
        if self.filter.suggested:
            suggest_all(self.roster, self.rules)

    # --- the keys ------------------------------------------------------------------------------

    def action_toggle_aside(self) -> None:
        self.filter.everyone = not self.filter.everyone
        self._screen()._apply_filter()

    def action_cycle_order(self) -> None:
        self.order = ORDERS[(ORDERS.index(Order(self.order)) + 1) % len(ORDERS)]
        self._screen()._apply_filter()

    def action_cycle_group(self) -> None:
        """The next group by suggestion (a category, then each of its rules), then none."""
        found = groups(self.roster, self.rules)
        choices: list[tuple[str | None, str | None]] = [(None, None), *((g.category, g.rule) for g in found)]
        now = (self.filter.suggested, self.filter.rule)
        at = choices.index(now) if now in choices else 0
        self.filter.suggested, self.filter.rule = choices[(at + 1) % len(choices)]
        self._screen()._apply_filter()
        if self.filter.suggested:
            same = [g for g in found if g.category == self.filter.suggested]
            words = " · ".join(
                f"{clean(g.rule) if g.rule else 'suggested ' + CATEGORY_SHORT[g.category]}: {g.count:,}"
                for g in same
            )
            self._screen().notify(words, markup=False)

    # --- an empty list -------------------------------------------------------------------------

    def _why_empty(self) -> str:
        f = self.filter
        if not self.roster.rows:
            return (
                f"An empty workspace: nobody to sort yet. {self.key_for('sort.import') or 'i'} imports your "
                "exports (the zips or the folder you saved them in); circlesort demo shows made-up ones."
            )
        esc = self.key_for("sort.clear") or "Esc"
        if f.text or f.company:
            return f"Nobody matches {f.describe()}. {esc}: everyone"
        if f == Filter() and self.roster.aside():
            return f"Nobody left to sort. {self.key_for('sort.show_aside')}: show the people not to sort"
        dry = f.undecided or f.suggested or f.category == UNDECIDED
        if dry and f.network:
            return (
                f"All {network_name(f.network)} people are sorted — "
                f"{self.key_for('sort.by_network')}: next network, {esc}: everyone"
            )
        if dry and f.suggested:
            return (
                f"Everyone suggested {CATEGORY_SHORT[f.suggested]} is sorted — "
                f"{self.key_for('sort.by_suggestion')}: next group, {esc}: everyone"
            )
        if dry:
            return f"Everyone is sorted. {esc}: everyone"
        return f"Nobody here: {f.describe()}. {esc}: everyone"


def accept_question(found: list[CategorySuggestion]) -> str:
    """A's question: how many people, then per category how many and by which rules."""
    by_category = Counter(s.category for s in found)
    by_rule = Counter((s.category, s.rule) for s in found)
    lines = []
    for category in CATEGORIES:
        if by_category[category]:
            rules = sorted(
                ((r, n) for (c, r), n in by_rule.items() if c == category), key=lambda x: (-x[1], x[0])
            )
            shown = " · ".join(f"{clean(r)} {n:,}" for r, n in rules[:4])
            more = f" · {len(rules) - 4} more rules" if len(rules) > 4 else ""
            lines.append(f"{CATEGORY_SHORT[category]} {by_category[category]:,}: {shown}{more}")
    people = "person" if len(found) == 1 else "people"
    return (
        f"Accept the suggestions for {len(found):,} {people}?\n"
        + "\n".join(lines)
        + "\nOne undo takes them back."
    )


def import_notice(summary: ImportSummary, narrow: bool) -> str:
    """What an import did, for its notice: every line, or (``narrow``) the first; then the warnings'
    count, where the command line lists them."""
    lines = summary.lines()  # each of them a sentence of its own
    text = "\n".join(lines[:1] if narrow else lines)
    warnings = summary.result.warnings if summary.result else []
    if warnings:
        word = "warning" if len(warnings) == 1 else "warnings"
        text += f"\n{len(warnings)} {word}: circlesort inspect lists them."
    return text
