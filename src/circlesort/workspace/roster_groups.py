"""The roster seen another way: groups by suggestion, sort orders, what is left, and the pace.

Each is worked out when first asked (a key pressed), never at load: the suggestions of 50,000
people cost a fraction of a second once, the orders a sort each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from itertools import pairwise

from circlesort.matching import network_rank
from circlesort.model import CATEGORIES
from circlesort.rules.suggest import Rule
from circlesort.workspace.roster import Roster
from circlesort.workspace.store import UNDECIDED, Workspace

PAUSE = 120.0  # seconds: a longer gap between two decisions is a pause, not the user's pace
FEWEST = 5  # decisions timed before the pace is trusted


class Order(StrEnum):
    """How the sorting list is ordered."""

    NAME = "name"
    NETWORK = "network"
    SINCE = "since"  # the earliest date of a relation: the people known longest first
    SUGGESTION = "suggestion"
    TALKED = "talked"  # most talked to: the most one-to-one messages first, then the latest


# The orders the O key cycles through (ui/words.py ORDER_WORDS names each).
ORDERS: tuple[Order, ...] = tuple(Order)


@dataclass(frozen=True, slots=True)
class Group:
    """Undecided people to sort whom the rules suggest ``category`` for (by ``rule``, or by any)."""

    category: str
    rule: str | None
    count: int


def suggest_all(roster: Roster, rules: Sequence[Rule]) -> None:
    """Every person's suggestion worked out, once: ``roster.hints``, by position."""
    if len(roster.hints) != len(roster.rows):
        roster.hints = [roster.suggestion(row, rules) for row in roster.rows]


def groups(roster: Roster, rules: Sequence[Rule]) -> list[Group]:
    """The groups of the undecided people to sort, by suggested category, then each category's
    rules, the largest first."""
    suggest_all(roster, rules)
    rows = roster.rows
    by_rule = Counter(
        (s.category, s.rule)
        for i, s in enumerate(roster.hints)
        if s is not None and rows[i].category == UNDECIDED and rows[i].to_sort
    )
    by_category: Counter[str] = Counter()
    for (category, _), n in by_rule.items():
        by_category[category] += n
    out = []
    for category in CATEGORIES:
        if by_category[category]:
            out.append(Group(category, None, by_category[category]))
            rules_of = [(rule, n) for (c, rule), n in by_rule.items() if c == category]
            out += [Group(category, rule, n) for rule, n in sorted(rules_of, key=lambda x: (-x[1], x[0]))]
    return out


def since_order(roster: Roster, since: dict[str, str]) -> list[int]:
    """Positions by the earliest date each person is known from (Workspace.known_since)."""
    dates = [since.get(r.id, "9999") for r in roster.rows]
    return sorted(range(len(dates)), key=dates.__getitem__)


def order(roster: Roster, name: str, ws: Workspace, rules: Sequence[Rule]) -> None:
    """Work out the order ``name`` into ``roster.orders`` (roster.select reads it), once."""
    if name == Order.NAME or name in roster.orders:
        return
    rows = roster.rows
    if name == Order.NETWORK:
        ranks = [network_rank(r.networks[0]) if r.networks else 99 for r in rows]
        roster.orders[name] = sorted(range(len(rows)), key=ranks.__getitem__)  # stable: by name within
    elif name == Order.SINCE:
        roster.orders[name] = since_order(roster, ws.known_since())
    elif name == Order.SUGGESTION:
        suggest_all(roster, rules)
        place = {c: n for n, c in enumerate(CATEGORIES)}
        keys = [(place[s.category], s.rule) if s else (len(place), "") for s in roster.hints]
        roster.orders[name] = sorted(range(len(rows)), key=keys.__getitem__)
    elif name == Order.TALKED:
        roster.orders[name] = talked_order(roster)


def talked_order(roster: Roster) -> list[int]:
    """Positions by messages exchanged, most first, then by the last one, latest first; people
    never talked to after them, each group in roster order (both sorts are stable)."""
    rows = roster.rows
    lasts = [r.last_talk for r in rows]
    talked = [r.talked for r in rows]
    by_last = sorted(range(len(rows)), key=lasts.__getitem__, reverse=True)
    return sorted(by_last, key=talked.__getitem__, reverse=True)


def left_on(roster: Roster, network: str) -> int:
    """Undecided people to sort on this network."""
    return roster.left_per_network()[network]


def left_per_network(roster: Roster) -> Counter[str]:
    """Undecided people to sort, per network they are on (a person on two networks counts in both)."""
    return Counter(roster.left_per_network())


def pace(times: Sequence[str]) -> float | None:
    """Seconds per decision at the user's own pace, from the times of the latest decisions
    (newest first, as Workspace.decision_times gives them); gaps over PAUSE are left out. None
    until FEWEST gaps are timed."""
    stamps = [datetime.fromisoformat(t).timestamp() for t in times]
    gaps = [a - b for a, b in pairwise(stamps) if 0 <= a - b <= PAUSE]
    if len(gaps) < FEWEST:
        return None
    return max(sum(gaps) / len(gaps), 1.0)


def time_left(left: int, seconds_each: float | None) -> str:
    """'~45 min', '~3 h 10 min', '' when the pace is not known yet or nothing is left."""
    if seconds_each is None or not left:
        return ""
    minutes = round(left * seconds_each / 60)
    if minutes < 1:
        return "~1 min"
    if minutes < 60:
        return f"~{minutes} min"
    return f"~{minutes // 60} h {minutes % 60} min" if minutes % 60 else f"~{minutes // 60} h"
