"""Identity matching: which accounts on different networks belong to one person, and why.

profiles (profile.py) -> candidate pairs (blocking.py) -> evidence (score.py)
-> best-first groups with one account per network (cluster.py) -> people and suggestions
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from circlesort.matching.blocking import candidates
from circlesort.matching.cluster import Clusterer, Group
from circlesort.matching.frequency import Frequencies
from circlesort.matching.profile import profile_of
from circlesort.matching.score import compare, score_of
from circlesort.model import Account, Link, Network, Person, Suggestion
from circlesort.tools.gcpause import paused_gc

# Whose name a person is shown by: first the networks where people write their own name in full,
# then the others, by how often a name there is a real one.
_FULL_NAMES = (Network.FACEBOOK, Network.CONTACTS, Network.LINKEDIN, Network.X)
_NAME_ORDER = (*_FULL_NAMES, Network.MASTODON, Network.BLUESKY, Network.INSTAGRAM, Network.THREADS)


class Named(Protocol):
    """What naming a person reads of an account: an Account, or a lighter row of one."""

    @property
    def network(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def display_name(self) -> str: ...


@dataclass(frozen=True, slots=True)
class MatchResult:
    people: list[Person]
    suggestions: list[Suggestion]


Key = tuple[str, str]  # (network, account key)


def match(
    accounts: Sequence[Account], same: Iterable[tuple[Key, Key]] = (), apart: Iterable[tuple[Key, Key]] = ()
) -> MatchResult:
    """Group ``accounts`` into people. Every account ends up in exactly one person.

    ``same`` are pairs the user linked by hand (always one person, even two accounts on one
    network); ``apart`` are pairs the user said are not the same person (never one person).
    """
    with paused_gc():
        return _match(accounts, same, apart)


def _match(
    accounts: Sequence[Account], same: Iterable[tuple[Key, Key]], apart: Iterable[tuple[Key, Key]]
) -> MatchResult:
    profiles = [profile_of(i, a) for i, a in enumerate(accounts)]
    freq = Frequencies.of(profiles)
    scored = {(i, j): compare(profiles[i], profiles[j], freq) for i, j in candidates(profiles)}
    place: dict[tuple[str, ...], int] = {(a.network, a.key): i for i, a in enumerate(accounts)}
    groups, deferred = Clusterer(profiles, scored, freq, _indexed(same, place), _indexed(apart, place)).run()
    people = sorted((_person(g, accounts) for g in groups), key=lambda p: (p.name.casefold(), p.id))
    suggestions = [
        Suggestion(accounts[p.a], accounts[p.b], score_of(p.logit), p.evidence, kind=p.kind) for p in deferred
    ]
    return MatchResult(people, suggestions)


def network_rank(network: str) -> int:
    return _NAME_ORDER.index(network) if network in _NAME_ORDER else len(_NAME_ORDER)


def person_name(accounts: Sequence[Named]) -> str:
    """What a person is called: the name they give themselves where people write it in full
    (Facebook, contacts, LinkedIn, X), else any name, else a username or key. ``accounts``
    come in order of preference."""
    ranked = sorted(accounts, key=lambda a: network_rank(a.network))
    named = [a for a in ranked if a.name and a.network in _FULL_NAMES]
    return (named or [a for a in ranked if a.name] or ranked)[0].display_name


def _indexed(pairs: Iterable[tuple[Key, Key]], place: dict[tuple[str, ...], int]) -> set[tuple[int, int]]:
    """Pairs of keys as pairs of indexes (smaller first); pairs naming an absent account drop out."""
    out = set()
    for a, b in pairs:
        i, j = place.get(tuple(a)), place.get(tuple(b))
        if i is not None and j is not None and i != j:
            out.add((min(i, j), max(i, j)))
    return out


def _person(group: Group | int, accounts: Sequence[Account]) -> Person:
    if isinstance(group, int) or len(group.members) == 1:
        account = accounts[group if isinstance(group, int) else group.members[0]]
        return Person(_person_id(account), account.display_name, (account,))
    members = sorted(group.members, key=lambda i: (network_rank(accounts[i].network), accounts[i].key))
    place = {m: n for n, m in enumerate(members)}
    links = tuple(
        sorted(
            (
                Link(
                    min(place[p.a], place[p.b]),
                    max(place[p.a], place[p.b]),
                    p.tier,
                    score_of(p.logit),
                    p.evidence,
                )
                for p in group.links
            ),
            key=lambda link: (link.a, link.b),
        )
    )
    ordered = tuple(accounts[m] for m in members)
    name = person_name(ordered)
    return Person(_person_id(min(ordered, key=lambda a: (a.network, a.key))), name, ordered, links)


def _person_id(account: Account) -> str:
    """Stable across runs: made from the person's first account (by network, then key)."""
    return "p-" + hashlib.sha1(f"{account.network}\0{account.key}".encode()).hexdigest()[:10]
