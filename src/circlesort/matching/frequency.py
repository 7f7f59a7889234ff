"""How often each name part occurs in the bundle itself, for weighing a match on it.

A name shared by two accounts is strong evidence only when a namesake is unlikely. The chance of
a namesake grows with the size of the networks and with how common the given name and surname
are among the people the user knows (term-frequency adjustment, as Splink does for exact
matches, here applied to every level of name agreement).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from circlesort.matching.profile import Profile

BASELINE = 0.003
MIN_NAMES = 2000  # expected namesakes below which a name counts as telling people apart


@dataclass
class Frequencies:
    given: Counter[str] = field(default_factory=Counter)
    surname: Counter[str] = field(default_factory=Counter)
    named: int = 0
    per_network: Counter[str] = field(default_factory=Counter)
    accounts_named: Counter[tuple[str, tuple[str, ...]]] = field(default_factory=Counter)  # (network, name)
    networks_named: dict[tuple[str, ...], set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, profiles: list[Profile]) -> Frequencies:
        """Counts over distinct names, so that one person on four networks counts once."""
        f = cls()
        names: set[tuple[str, ...]] = set()
        for p in profiles:
            f.per_network[p.network] += 1
            if len(p.tokens) > 1:
                names.add(p.tokens)
                f.accounts_named[(p.network, p.tokens)] += 1
                f.networks_named.setdefault(p.tokens, set()).add(p.network)
        f.named = len(names)
        for tokens in names:
            f.given[tokens[0]] += 1
            f.surname[tokens[-1]] += 1
            if len(tokens) > 2:  # "ngoctram", as usernames write Ngoc Tram
                f.given["".join(tokens[:-1])] += 1
        return f

    def namesakes(self, tokens: tuple[str, ...], a: str, b: str) -> float:
        """Expected number of other people with this name on the two networks ``a`` and ``b``.

        The name itself is left out of the counts, so that the estimate is about everyone else.
        """
        if len(tokens) < 2 or not self.named:
            return 0.0
        # Shares from a handful of names say little; below this many, assume a wider world.
        n = max(self.named, MIN_NAMES)
        given = max(self.given[tokens[0]] - 1, 0) + 0.5
        surname = max(self.surname[tokens[-1]] - 1, 0) + 0.5
        return (self.per_network[a] + self.per_network[b]) * given / n * surname / n

    def adjustment(self, tokens: tuple[str, ...], a: str, b: str) -> float:
        """Log-odds to take off name evidence for the namesakes this bundle makes likely (<= 0)."""
        expected = self.namesakes(tokens, a, b)
        if expected <= BASELINE:
            return 0.0
        return -min(3.0, math.log(expected / BASELINE))

    def rare_given(self, given: str) -> bool:
        """Whether at most one other name in the bundle has this given name."""
        return self.given[given] <= 2

    def rare_surname(self, surname: str) -> bool:
        """Whether at most one other name in the bundle has this surname."""
        return self.surname[surname] <= 2

    def only_one_on_each(self, tokens: tuple[str, ...]) -> list[str]:
        """The networks on which exactly one account has this name, if it is so on all of them."""
        networks = self.networks_named.get(tokens, set())
        if any(self.accounts_named[(n, tokens)] != 1 for n in networks):
            return []
        return sorted(networks)
