"""How often each name part occurs in the bundle itself, for weighing a match on it.

A name shared by two accounts is strong evidence only when a namesake is unlikely. The chance of
a namesake grows with the size of the networks and with how common the given name and surname
are among the people the user knows (term-frequency adjustment, as Splink does for exact
matches, here applied to every level of name agreement).
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from circlesort.matching.names import spelled_alike
from circlesort.matching.profile import Profile

BASELINE = 0.003  # expected namesakes at which a name's evidence is taken as the levels set it
MIN_NAMES = 2000  # below this many names, counts say little: assume a wider world
SLIP_SHARE = 0.0005  # how often two people's names are a slip apart, until a bundle shows it
SLIP_SAMPLE = 20_000  # pairs of names drawn to measure it
# The share of accounts on one network whose full name another network also shows, beyond chance,
# that the levels' weights were set for; a pair of networks that share more or fewer people moves
# the weight of every name evidence between them (see ``overlap``).
TYPICAL_OVERLAP = 0.5
# How often one person shows exactly the same full name on two networks (the rest are short
# forms, slips, middle names ...): turns the share of exact agreements into the share of people.
SAME_NAME_SHOWN = 0.6
MUTUAL = frozenset({"facebook", "linkedin", "contacts"})  # ties both sides agreed to
RAREST = 1.0  # most log-odds a rare name adds


@dataclass
class Frequencies:
    given: Counter[str] = field(default_factory=Counter)
    surname: Counter[str] = field(default_factory=Counter)
    named: int = 0
    per_network: Counter[str] = field(default_factory=Counter)
    accounts_named: Counter[tuple[str, tuple[str, ...]]] = field(default_factory=Counter)  # (network, name)
    networks_named: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    named_on: Counter[str] = field(default_factory=Counter)  # accounts with a full name, by network
    overlaps: dict[frozenset[str], float] = field(default_factory=dict)  # see ``overlap``
    # How often two people's given names, or surnames, are a typing slip apart (names.spelled_alike)
    slips: tuple[float, float] = (SLIP_SHARE, SLIP_SHARE)
    messaged: Counter[str] = field(default_factory=Counter)  # accounts written to one to one, by network

    @classmethod
    def of(cls, profiles: list[Profile]) -> Frequencies:
        """Counts of name parts, over people rather than accounts (see below)."""
        f = cls()
        for p in profiles:
            f.per_network[p.network] += 1
            if p.account.talk is not None and p.account.talk.messages:
                f.messaged[p.network] += 1
            if len(p.tokens) > 1:
                f.accounts_named[(p.network, p.tokens)] += 1
                f.networks_named.setdefault(p.tokens, set()).add(p.network)
        # A name counts as many times as the network holding it most often holds it: one person
        # on four networks once, three namesakes on one network three times.
        most: Counter[tuple[str, ...]] = Counter()
        for (network, tokens), count in f.accounts_named.items():
            f.named_on[network] += count
            most[tokens] = max(most[tokens], count)
        f.named = sum(most.values())
        for tokens, count in most.items():
            f.given[tokens[0]] += count
            f.surname[tokens[-1]] += count
            if len(tokens) > 2:  # "ngoctram", as usernames write Ngoc Tram
                f.given["".join(tokens[:-1])] += count
        f.overlaps = f._overlaps()
        if f.counted:
            f.slips = (_slip_share([t[0] for t in most]), _slip_share([t[-1] for t in most]))
        return f

    def _overlaps(self) -> dict[frozenset[str], float]:
        """For each pair of networks, the share of the smaller one's named accounts whose exact
        full name the other shows, less what namesakes alone would give (estimated from the counts
        of given names and surnames), over SAME_NAME_SHOWN: how many people the two networks have
        in common."""
        agree: Counter[frozenset[str]] = Counter()
        chance: dict[frozenset[str], float] = defaultdict(float)
        n = max(self.named, MIN_NAMES)
        for tokens, networks in self.networks_named.items():
            ordered = sorted(networks)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    agree[frozenset((a, b))] += min(
                        self.accounts_named[(a, tokens)], self.accounts_named[(b, tokens)]
                    )
            p = (self.given[tokens[0]] + 0.5) / n * (self.surname[tokens[-1]] + 0.5) / n
            for a in ordered:  # the namesakes each of its accounts has on every other network
                for b in self.named_on:
                    if b != a:
                        chance[frozenset((a, b))] += (
                            self.accounts_named[(a, tokens)] * self.named_on[b] * p / 2
                        )
        out = {}
        for pair, count in agree.items():
            smaller = min(self.named_on[x] for x in pair)
            share = (count - chance[pair]) / smaller / SAME_NAME_SHOWN if smaller else TYPICAL_OVERLAP
            out[pair] = min(max(share, 0.02), 0.9)
        return out

    def overlap(self, a: str, b: str) -> float:
        """The share of people the networks ``a`` and ``b`` have in common, as ``_overlaps`` estimates
        it from full names; TYPICAL_OVERLAP where either shows too few full names to tell, or
        shows them for too small a share of its accounts to stand for the rest (Instagram, whose
        export names no one, shows the names of the few its message threads name)."""
        if (
            min(self.named_on[a], self.named_on[b]) < 200
            or min(self._named_share(a), self._named_share(b)) < 0.1
        ):
            return TYPICAL_OVERLAP
        return self.overlaps.get(frozenset((a, b)), 0.02)

    def _named_share(self, network: str) -> float:
        return self.named_on[network] / max(self.per_network[network], 1)

    def prior(self, a: str, b: str) -> float:
        """Log-odds to add to name evidence between networks ``a`` and ``b`` for how many people
        they have in common, against the TYPICAL_OVERLAP the levels were set for. Only networks
        of mutual ties (MUTUAL) may raise it: where strangers follow, some follow because they
        share the name of someone the user knows, and exact names agree beyond chance for that."""
        share = self.overlap(a, b)
        typical = TYPICAL_OVERLAP / (1 - TYPICAL_OVERLAP)
        most = 1.5 if a in MUTUAL and b in MUTUAL else 0.0
        return min(max(math.log(share / (1 - share) / typical), -2.0), most)

    def namesakes(
        self, tokens: tuple[str, ...], a: str, b: str, slip: tuple[bool, bool] = (False, False)
    ) -> float:
        """Expected number of other people with this name on the two networks ``a`` and ``b``.

        The name itself is left out of the counts, so that the estimate is about everyone else.
        ``slip`` says which parts (given name, surname) agree only as a typing slip: there the
        chance is that of any two people's names being a slip apart, not of this one's.
        """
        if len(tokens) < 2 or not self.named:
            return 0.0
        given, surname = self._shares(tokens)
        if slip[0]:
            given = math.sqrt(given * self.slips[0])
        if slip[1]:
            surname = math.sqrt(surname * self.slips[1])
        return (self.per_network[a] + self.per_network[b]) * given * surname

    def namesakes_on(self, tokens: tuple[str, ...], network: str) -> float:
        """Expected number of accounts on ``network`` that hold this name by chance."""
        given, surname = self._shares(tokens)
        return self.per_network[network] * given * surname

    def _shares(self, tokens: tuple[str, ...]) -> tuple[float, float]:
        """The shares of other people here with this given name, and with this surname (the name
        itself left out). From a handful of names they say little: below MIN_NAMES, a wider world."""
        n = max(self.named, MIN_NAMES)
        given = max(self.given[tokens[0]] - 1, 0) + 0.5
        surname = max(self.surname[tokens[-1]] - 1, 0) + 0.5
        return given / n, surname / n

    def weighed(
        self, tokens: tuple[str, ...], a: str, b: str, slip: tuple[bool, bool] = (False, False)
    ) -> float:
        """Log-odds for how rare the name is in this bundle against BASELINE: below 0 for a name
        whose parts many here share, up to RAREST for one hardly anyone else could hold."""
        expected = self.namesakes(tokens, a, b, slip)
        if not expected:
            return 0.0
        return min(max(math.log(BASELINE / expected), -3.0), RAREST)

    @property
    def counted(self) -> bool:
        """Enough names to count: the bundle's own counts replace general lists of common names."""
        return self.named >= MIN_NAMES

    def messaged_share(self, network: str) -> float:
        """The share of a network's accounts the user exchanged one-to-one messages with."""
        return self.messaged[network] / max(self.per_network[network], 1)

    def rare_given(self, given: str) -> bool:
        """Whether at most one other name in the bundle has this given name."""
        return self.given[given] <= 2

    def rare_surname(self, surname: str) -> bool:
        """Whether at most one other name in the bundle has this surname."""
        return self.surname[surname] <= 2

    def only_one_on(self, tokens: tuple[str, ...]) -> list[str]:
        """The networks on which exactly one account has this name."""
        networks = self.networks_named.get(tokens, set())
        return sorted(n for n in networks if self.accounts_named[(n, tokens)] == 1)


def _slip_share(names: list[str]) -> float:
    """How often two names drawn from ``names`` are a typing slip apart, from SLIP_SAMPLE pairs
    (always the same pairs for the same names), and never below a tenth of SLIP_SHARE."""
    pick = random.Random(len(names)).choice
    alike = sum(spelled_alike(pick(names), pick(names)) for _ in range(SLIP_SAMPLE))
    return max(alike / SLIP_SAMPLE, SLIP_SHARE / 10)
