"""Everyone in a workspace as light rows for the sorting screen, and the filters over them.

Loading reads plain columns only (no JSON), so that 50,000 people are ready in a fraction of a
second; the full accounts of one person are read when the screen shows that person. The messages
exchanged are plain columns too (counts and the last date), so "talked to in the last year" and
"most talked to" need no JSON either.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from typing import Any, NamedTuple

from circlesort.matching import network_rank, person_name
from circlesort.matching.normalize import fold
from circlesort.model import Category, Network, Relation, Talk, Tier
from circlesort.rules.suggest import CategorySuggestion, Rule, Seen, suggest
from circlesort.tools.gcpause import paused_gc
from circlesort.workspace.failures import guard
from circlesort.workspace.store import CATEGORIES, UNDECIDED, Workspace

# A category in a filter's words (the screens have their own in ui/words.py).
CATEGORY_PLAIN: dict[str, str] = {
    Category.KEEP_PERSONAL: "personal",
    Category.MOVE_TO_PROFESSIONAL: "professional",
    Category.PAGE_FOLLOWER: "page",
}

TIER_ORDER: dict[str, int] = {Tier.LIKELY: 0, Tier.CERTAIN: 1}  # the weakest link of a person names its tier
# Relations that ask no decision of the user: an account holding only these is set aside.
ASIDE: frozenset[str] = frozenset(
    {Relation.BLOCKED, Relation.MUTED, Relation.RESTRICTED, Relation.REMOVED, Relation.REQUEST_DECLINED}
)


@dataclass(slots=True)
class Row:
    """One person, light: the stored strings of the model's types, as SQLite gives them."""

    id: str
    name: str
    networks: tuple[str, ...]  # Network values
    relations: tuple[str, ...]  # Relation values
    category: str  # a Category's value, or UNDECIDED
    new: bool
    gone: bool  # every account gone from the newer exports
    tier: str  # the weakest link's Tier (LIKELY or CERTAIN), or "" for one account
    companies: tuple[str, ...]
    haystack: str  # what search looks in: names, handles, keys, lower case
    brief: tuple[tuple[str, str, str], ...]  # (network, relations, company) of each account, for rules
    to_sort: bool = True  # a person the user has to decide about (see _asks)
    talked: int = 0  # one-to-one messages both ways, over all the person's accounts
    last_talk: str = ""  # ISO date of the last one-to-one message, "" if none
    talk_networks: tuple[str, ...] = ()  # the networks with messages, in network order
    # Days from the last message to the date its network's messages run to (Roster.ends), the
    # fewest over the networks; -1 when never talked. "Talked to in the last year" reads it.
    quiet_days: int = -1
    brief_talk: tuple[tuple[int, str], ...] = ()  # (messages, last) of each of ``brief``; () if none


@dataclass
class Filter:
    undecided: bool = False
    network: str | None = None
    category: str | None = None
    tier: Tier | None = None
    new: bool = False
    company: str = ""
    text: str = ""
    everyone: bool = False  # also the people not to sort
    suggested: str | None = None  # a Category's value: the undecided people the rules suggest it for
    rule: str | None = None  # with ``suggested``: only those the rule of this name suggests it for
    # People with a message in the last so many days, counted back from the date each network's
    # messages run to (365: "talked to in the last year").
    talked_within_days: int | None = None

    @property
    def by_decision(self) -> bool:
        """Whether who is shown depends on the decisions (a decision may take a person out of view)."""
        return self.undecided or bool(self.category) or bool(self.suggested)

    def describe(self) -> str:
        parts = [
            ("undecided" if self.undecided else ""),
            self.network or "",
            CATEGORY_PLAIN.get(self.category, self.category) if self.category else "",
            f"{self.tier} links" if self.tier else "",
            "new" if self.new else "",
            f"suggested {CATEGORY_PLAIN.get(self.suggested, self.suggested)}" if self.suggested else "",
            self.rule or "",
            f"talked to in {_span(self.talked_within_days)}" if self.talked_within_days is not None else "",
            f"at {self.company}" if self.company else "",
            f"“{self.text}”" if self.text else "",
        ]
        return ", ".join(p for p in parts if p) or ("everyone" if self.everyone else "to sort")


def _span(days: int) -> str:
    """365 -> "the last year", 730 -> "the last 2 years", 30 -> "the last month", 10 -> "the last 10 days"."""
    for size, unit in ((365, "year"), (30, "month"), (7, "week"), (1, "day")):
        if days % size == 0 and days >= size:
            n = days // size
            return f"the last {unit}" if n == 1 else f"the last {n} {unit}s"
    return "no time"


@dataclass
class Roster:
    rows: list[Row] = field(default_factory=list)
    position: dict[str, int] = field(default_factory=dict)
    _suggested: dict[str, CategorySuggestion | None] = field(default_factory=dict)
    orders: dict[str, list[int]] = field(default_factory=dict)  # an order's name -> positions (roster_groups)
    hints: list[CategorySuggestion | None] = field(default_factory=list)  # by position, once all are asked
    aside_count: int = -1  # people not to sort, counted once (who is to sort never changes after load)
    # Kept up to date decision by decision, so that the status bar never recounts 50,000 rows:
    tally: Counter[str] | None = None  # people to sort per category
    left: Counter[str] | None = None  # undecided people to sort per network
    sortable: dict[str, list[int]] = field(default_factory=dict)  # an order's name -> positions to sort
    ends: dict[str, str] = field(default_factory=dict)  # network -> the ISO date its messages run to

    def suggestion(self, row: Row, rules: Sequence[Rule]) -> CategorySuggestion | None:
        """What the rules suggest for this person; worked out once, when first asked.

        Each account's talk comes from the plain columns: its one-to-one messages (as
        ``received``: the columns do not tell the two ways apart) and the last one's date."""
        if row.id not in self._suggested:
            talks = row.brief_talk or repeat((0, ""))
            seen = [
                Seen(
                    n,
                    tuple(r.split(",")) if r else (),
                    c,
                    Talk(0, m, last=last or None) if m or last else None,
                )
                for (n, r, c), (m, last) in zip(row.brief, talks, strict=False)
            ]
            self._suggested[row.id] = suggest(rules, seen, self.ends)
        return self._suggested[row.id]

    def afresh(self) -> Roster:
        """The same people, with nothing worked out from the rules (after the rules change)."""
        return Roster(self.rows, self.position, ends=self.ends)

    @classmethod
    def load(cls, ws: Workspace) -> Roster:
        with paused_gc(), guard(ws.path):  # a damaged page: one clear message, not a traceback
            return cls._load(ws)

    @classmethod
    def _load(cls, ws: Workspace) -> Roster:
        stored = _Stored.read(ws)
        rows = [
            stored.one(pid, accounts[0]) if len(accounts) == 1 else stored.many(pid, accounts)
            for pid, accounts in stored.groups.items()
        ]
        # People with names first; accounts known only by a number (X ids) after them.
        rows.sort(key=lambda r: (r.gone, r.name.isdigit(), r.name.casefold(), r.id))
        return cls(rows, {r.id: i for i, r in enumerate(rows)}, ends=stored.ends)

    def counts(self) -> Counter[str]:
        """People to sort per category, undecided included; the people not to sort are not counted."""
        if self.tally is None:
            self.tally = Counter(r.category for r in self.rows if r.to_sort)
        return Counter(self.tally)

    def left_per_network(self) -> Counter[str]:
        """Undecided people to sort, per network they are on (a person on two networks counts in both)."""
        if self.left is None:
            self.left = Counter(
                n for r in self.rows if r.to_sort and r.category == UNDECIDED for n in r.networks
            )
        return self.left

    def aside(self) -> int:
        """How many people are not to sort."""
        if self.aside_count < 0:
            self.aside_count = sum(not r.to_sort for r in self.rows)
        return self.aside_count

    def select(self, f: Filter, order: str = "") -> list[int]:
        """Positions of the rows the filter keeps, in roster order or in the order named (one
        of ``orders``, worked out beforehand by roster_groups.order).

        One tight pass per condition rather than one general test per row: a few milliseconds
        for 50,000 people, so that a filter key answers within a frame."""
        rows = self.rows
        keep: list[int] | range = self.orders.get(order) or range(len(rows))
        if not f.everyone:  # who is to sort never changes after load: kept per order
            if order not in self.sortable:
                self.sortable[order] = [i for i in keep if rows[i].to_sort]
            keep = self.sortable[order]
        if f.suggested:  # the hints are worked out beforehand (roster_groups.suggest_all)
            hints = self.hints or [None] * len(rows)
            keep = [i for i in keep if (s := hints[i]) is not None and s.category == f.suggested]
            if f.rule is not None:
                keep = [i for i in keep if hints[i].rule == f.rule]  # type: ignore[union-attr]
            keep = [i for i in keep if rows[i].category == UNDECIDED]
        if f.undecided:
            keep = [i for i in keep if rows[i].category == UNDECIDED]
        if f.category:
            keep = [i for i in keep if rows[i].category == f.category]
        if f.network:
            keep = [i for i in keep if f.network in rows[i].networks]
        if f.tier:
            keep = [i for i in keep if rows[i].tier == f.tier]
        if f.new:
            keep = [i for i in keep if rows[i].new]
        if (days := f.talked_within_days) is not None:
            keep = [i for i in keep if 0 <= rows[i].quiet_days <= days]
        if f.company:
            keep = [i for i in keep if any(f.company in c.casefold() for c in rows[i].companies)]
        for word in f.text.casefold().split():
            keep = [i for i in keep if word in rows[i].haystack]
        return list(keep)

    def refresh_people(self, ws: Workspace, people: set[str]) -> None:
        """Read the category of these people again (after a decision, an undo or a redo)."""
        for pid, category in ws.categories_of(p for p in people if p in self.position).items():
            row = self.rows[self.position[pid]]
            if row.to_sort and row.category != category:
                self._recount(row, row.category, -1)
                self._recount(row, category, 1)
            row.category = category

    def _recount(self, row: Row, category: str, step: int) -> None:
        if self.tally is not None:
            self.tally[category] += step
        if self.left is not None and category == UNDECIDED:
            for network in row.networks:
                self.left[network] += step


Plain = tuple[Any, ...]  # network, key, name, handle, company, relations, first_seen, gone, messages, last


@dataclass
class _Stored:
    """What the roster is made of, read in plain scans: each person's accounts as plain columns,
    the decisions, and each person's weakest link."""

    last: int  # the last import
    several: bool  # whether there was more than one import (else nobody is "new")
    decided: dict[tuple[str, str], tuple[str, str]]  # account -> (when, category)
    tiers: dict[str, str]  # person -> the tier of their weakest link
    groups: dict[str, list[Plain]]  # person -> accounts
    ends: dict[str, str]  # network -> the ISO date its messages run to
    _days: dict[tuple[str, str], int] = field(default_factory=dict)  # (network, last) -> quiet days

    @classmethod
    def read(cls, ws: Workspace) -> _Stored:
        db = ws.db
        several = db.execute("SELECT count(*) FROM imports").fetchone()[0] > 1
        decided = {
            (n, k): (at, c) for n, k, c, at in db.execute("SELECT network, key, category, at FROM categories")
        }
        tiers: dict[str, str] = {}
        for person, tier in db.execute("SELECT person, tier FROM links"):
            if TIER_ORDER.get(tier, 9) < TIER_ORDER.get(tiers.get(person, ""), 9):
                tiers[person] = tier
        person_of = {(n, k): p for n, k, p in db.execute("SELECT network, key, person FROM members")}
        groups: dict[str, list[Plain]] = defaultdict(list)
        # Two plain scans joined here: twice as fast as SQLite's join for the whole table.
        for row in db.execute(
            "SELECT network, key, name, handle, company, relations, first_seen, gone, messages, last_message "
            "FROM accounts"
        ):
            pid = person_of.get((row[0], row[1]))
            if pid is not None:
                groups[pid].append(row)
        return cls(ws.last_import(), several, decided, tiers, groups, ws.message_ends())

    def one(self, pid: str, a: Plain) -> Row:
        """A person of one account (most people): no sorting or merging."""
        pick = self.decided.get((a[0], a[1]))
        row = Row(
            pid,
            a[2] or a[3] or a[1],
            (a[0],),
            tuple(a[5].split(",")) if a[5] else (),
            pick[1] if pick else UNDECIDED,
            self.several and a[6] == self.last,
            bool(a[7]),
            "",
            (a[4],) if a[4] else (),
            _haystack([a]),
            ((a[0], a[5], a[4]),),
            _asks(a),
        )
        if a[8] or a[9]:  # talked: most people have not, and keep the defaults
            row.talked, row.last_talk, row.brief_talk = a[8], a[9], ((a[8], a[9]),)
            row.talk_networks = (a[0],) if a[8] else ()
            row.quiet_days = self.quiet(a[0], a[9]) if a[9] else -1
        return row

    def many(self, pid: str, accounts: list[Plain]) -> Row:
        """A person of several accounts: the present ones first, the latest decision."""
        accounts.sort(key=lambda a: (a[7], network_rank(a[0]), a[1]))  # present ones first
        picks = [self.decided[(a[0], a[1])] for a in accounts if (a[0], a[1]) in self.decided]
        row = Row(
            pid,
            _name(accounts),
            tuple(dict.fromkeys(a[0] for a in accounts)),
            tuple(dict.fromkeys(r for a in accounts for r in a[5].split(",") if r)),
            max(picks)[1] if picks else UNDECIDED,
            self.several and all(a[6] == self.last for a in accounts),
            all(a[7] for a in accounts),
            self.tiers.get(pid, ""),
            tuple(a[4] for a in accounts if a[4]),
            _haystack(accounts),
            tuple((a[0], a[5], a[4]) for a in accounts if not a[7]),
            any(_asks(a) for a in accounts),
        )
        if any(a[8] or a[9] for a in accounts):
            self.talk(row, accounts)
        return row

    def talk(self, row: Row, accounts: list[Plain]) -> None:
        """The talk fields of a person of several accounts (``accounts`` in Row.brief's order)."""
        row.talked = sum(a[8] for a in accounts)
        row.last_talk = max(a[9] for a in accounts)
        row.talk_networks = tuple(sorted({a[0] for a in accounts if a[8]}, key=network_rank))
        quiet = [q for a in accounts if a[9] and (q := self.quiet(a[0], a[9])) >= 0]
        row.quiet_days = min(quiet, default=-1)
        brief = [(a[8], a[9]) for a in accounts if not a[7]]
        row.brief_talk = tuple(brief) if any(m or last for m, last in brief) else ()

    def quiet(self, network: str, last: str) -> int:
        """Days from ``last`` to the date the network's messages run to (0 if after it), -1 for a
        date that cannot be read."""
        key = (network, last)
        found = self._days.get(key)
        if found is None:
            try:
                end = date.fromisoformat(self.ends.get(network, "")[:10] or date.today().isoformat())
                found = self._days[key] = max((end - date.fromisoformat(last[:10])).days, 0)
            except ValueError:
                found = self._days[key] = -1
        return found


def _asks(a: Plain) -> bool:
    """Whether this account asks the user for a decision: not when it is gone from the newest
    export, when its every relation is one of ASIDE (blocked, muted, restricted, removed,
    declined), or when it is an X account known by its number alone."""
    if a[7]:
        return False
    if a[0] == Network.X and not a[2] and (not a[3] or a[3].isdigit()):
        return False
    return not a[5] or not ASIDE.issuperset(a[5].split(","))


def _haystack(accounts: list[tuple]) -> str:
    """Names as written and transliterated (Мухина is found as mukhina), usernames, keys."""
    text = " ".join(f"{a[2]} {a[3]} {a[1]}" for a in accounts).casefold()
    return text if text.isascii() else f"{text} {fold(text)}"


class _Named(NamedTuple):
    """What the matching's naming reads of an account (matching.Named), from its plain columns."""

    network: str
    name: str
    display_name: str


def _name(accounts: list[tuple]) -> str:
    """As the workspace names a person (rows.display_name): the matching's person_name, of the
    accounts still in the exports when there are any. Only people of several accounts come here."""
    named = [a for a in accounts if not a[7]] or accounts
    return person_name([_Named(a[0], a[2] or "", a[2] or a[3] or a[1]) for a in named])


__all__ = ["CATEGORIES", "Filter", "Roster", "Row"]
