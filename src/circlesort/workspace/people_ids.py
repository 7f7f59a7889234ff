"""Person ids that last across re-imports, links and splits.

Matching names a person by a hash of its first account, so on its own an id would change
whenever that account leaves an export (a friend removed on Facebook) or the user links an
account that sorts before it. Whatever else hangs on a person id (plan steps for someone not on
a network yet) would be lost, and the account gone from the export, still holding the old id,
would become a person of its own. So each newly matched person inherits an id its accounts
already had:

- Its previous id is the one held by most of its accounts (ties: the id whose accounts come
  first by network, then key); bigger people choose first, then by their first account. An id
  already given goes to nobody else: the person takes its next id, or, having none left,
  matching's id, made unique with -2, -3 ... when anyone holds it or held it before.
- An account gone from its export stays with its person: an id that was inherited keeps its gone
  accounts; one that nobody inherited sends them to the person that took most of its present
  accounts; one whose accounts are all gone stays as it is. A gone account never lands beside an
  account the user said is not the same person: it gets a person of its own instead.

One pass over the accounts with dicts and counters, no SQL; only the people who hold the
same previous id are sorted, to settle who gets it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from circlesort.model import Person
from circlesort.workspace.changes import own_person
from circlesort.workspace.rows import Key

Held = str | dict[str, list[Any]] | None  # a person's previous ids (see _Previous.held)


@dataclass
class _Previous:
    """What the newly matched people's accounts held until now."""

    left: dict[Key, str]  # the accounts not matched again: gone, once the people took theirs
    firsts: list[Key] = field(default_factory=list)  # each person's first account
    # Per person, the previous ids of its accounts: None, the one id of a one-account person
    # (most people in a big workspace), or id -> [how many of its accounts held it, the first].
    held: list[Held] = field(default_factory=list)
    wanted: dict[str, int] = field(default_factory=dict)  # previous id -> how many new people hold it


def stable_ids(
    people: Sequence[Person], before: Mapping[Key, str], apart: Iterable[tuple[Key, Key]] = ()
) -> tuple[list[str], dict[Key, str]]:
    """The id of each of ``people`` (matching's, in order), and the person of each gone account.

    ``before`` is every account's person until now; those of its accounts that are not among
    ``people`` are gone from their exports. ``apart`` are the user's "not the same" pairs.
    """
    previous = _previous(people, before)
    ids, given = _inherited(people, previous)
    taken = set(before.values()) | given
    final = _the_others(people, ids, previous.firsts, taken)
    placed = _gone(previous, given, final)
    _keep_apart(people, final, placed, apart, before, given, taken)
    return final, placed


def _previous(people: Sequence[Person], before: Mapping[Key, str]) -> _Previous:
    """One pass over the accounts: the ids each person's accounts held, and how many want each."""
    found = _Previous(dict(before))
    left, wanted = found.left, found.wanted
    for p in people:
        if len(p.accounts) == 1:
            a = p.accounts[0]
            key: Key = (a.network, a.key)
            found.firsts.append(key)
            old = left.pop(key, None)
            found.held.append(old)
            if old is not None:
                wanted[old] = wanted.get(old, 0) + 1
            continue
        keys: list[Key] = sorted((a.network, a.key) for a in p.accounts)
        counts: dict[str, list[Any]] = {}
        for key in keys:
            old = left.pop(key, None)
            if old is None:
                continue  # new in this import
            if old in counts:
                counts[old][0] += 1
            else:
                counts[old] = [1, key]  # keys come in order: the first is the first
                wanted[old] = wanted.get(old, 0) + 1
        found.firsts.append(keys[0])
        found.held.append(counts or None)
    return found


def _inherited(people: Sequence[Person], previous: _Previous) -> tuple[list[str | None], set[str]]:
    """Each person's previous id, if it has one left to take (None: none), and the ids given.
    Only people holding an id someone else holds too need the order: the others take theirs."""
    ids: list[str | None] = [None] * len(people)
    given: set[str] = set()
    contested = []
    for i, mine in enumerate(previous.held):
        if mine is None:
            continue
        if isinstance(mine, str):
            if previous.wanted[mine] == 1:
                ids[i] = mine
                given.add(mine)
            else:
                contested.append(i)
        elif all(previous.wanted[old] == 1 for old in mine):
            ids[i] = pick = _ranked(mine)[0]
            given.add(pick)
        else:
            contested.append(i)
    contested.sort(key=lambda i: (-len(people[i].accounts), previous.firsts[i]))
    for i in contested:
        mine = previous.held[i]
        for old in [mine] if isinstance(mine, str) else _ranked(mine or {}):
            if old not in given:
                ids[i] = old
                given.add(old)
                break
    return ids, given


def _the_others(
    people: Sequence[Person], ids: list[str | None], firsts: list[Key], taken: set[str]
) -> list[str]:
    """Everyone without a previous id gets matching's id, unless somebody holds it, or held it
    before (``taken``, which grows by the ids given here)."""
    clashes = []
    for i, p in enumerate(people):
        if ids[i] is None:
            if p.id in taken:
                clashes.append(i)
            else:
                ids[i] = p.id
                taken.add(p.id)
    clashes.sort(key=lambda i: (-len(people[i].accounts), firsts[i]))
    for i in clashes:
        ids[i] = _unique(people[i].id, taken)
    return [pid or "" for pid in ids]


def _gone(previous: _Previous, given: set[str], final: list[str]) -> dict[Key, str]:
    """The person of each account gone from its export: its id's if that was inherited or all
    its accounts are gone, else the one that took most of its id's present accounts."""
    # Where the present accounts of an id with gone accounts went: new person -> [count, first].
    went: dict[str, dict[int, list[Any]]] = {old: {} for old in previous.left.values()}
    if went:
        for i, mine in enumerate(previous.held):
            if isinstance(mine, str):
                if mine in went:
                    went[mine][i] = [1, previous.firsts[i]]
            elif mine is not None:
                for old, entry in mine.items():
                    if old in went:
                        went[old][i] = entry
    placed: dict[Key, str] = {}
    for key, old in previous.left.items():
        receivers = went[old]
        if old in given or not receivers:
            placed[key] = old  # inherited, or all its accounts gone: it stays
        else:
            best = min(receivers, key=lambda i: (-receivers[i][0], receivers[i][1]))
            placed[key] = final[best]
    return placed


def _keep_apart(
    people: Sequence[Person],
    ids: list[str],
    placed: dict[Key, str],
    apart: Iterable[tuple[Key, Key]],
    before: Mapping[Key, str],
    given: set[str],
    taken: set[str],
) -> None:
    """A gone account placed beside one the user said is not the same person gets its own person."""
    partners: dict[Key, list[Key]] = {}
    for a, b in apart:
        a, b = (a[0], a[1]), (b[0], b[1])
        if a in placed:
            partners.setdefault(a, []).append(b)
        if b in placed:
            partners.setdefault(b, []).append(a)
    if not partners:
        return
    person_of: dict[Key, str] = {
        (a.network, a.key): pid for p, pid in zip(people, ids, strict=True) for a in p.accounts
    }
    person_of.update(placed)
    for key in sorted(partners):
        if any(person_of.get(other) == placed[key] for other in partners[key]):
            own = own_person(key)
            if before.get(key) != own or own in given:  # its own person from a split, if still free
                own = _unique(own, taken)
            placed[key] = person_of[key] = own


def _ranked(counts: dict[str, list[Any]]) -> list[str]:
    """Previous ids, the one most of the accounts held first; ties by the first account holding it."""
    return sorted(counts, key=lambda old: (-counts[old][0], counts[old][1]))


def _unique(pid: str, taken: set[str]) -> str:
    """``pid``, or ``pid``-2, -3 ... the first that nobody holds; it is taken from then on."""
    out, n = pid, 2
    while out in taken:
        out, n = f"{pid}-{n}", n + 1
    taken.add(out)
    return out
