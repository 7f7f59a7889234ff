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

BASELINE = 0.002  # expected namesakes below which a name counts as telling people apart


@dataclass
class Frequencies:
    given: Counter[str] = field(default_factory=Counter)
    surname: Counter[str] = field(default_factory=Counter)
    named: int = 0
    per_network: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, profiles: list[Profile]) -> Frequencies:
        f = cls()
        for p in profiles:
            f.per_network[p.network] += 1
            if len(p.tokens) > 1:
                f.named += 1
                f.given[p.tokens[0]] += 1
                f.surname[p.tokens[-1]] += 1
                if len(p.tokens) > 2:  # "ngoctram", as usernames write Ngoc Tram
                    f.given["".join(p.tokens[:-1])] += 1
        return f

    def namesakes(self, tokens: tuple[str, ...], a: str, b: str, own: int) -> float:
        """Expected number of other people with this name on the two networks ``a`` and ``b``.

        ``own`` is how many of the two accounts compared are counted themselves (named ones):
        they are left out, so that the estimate is about everyone else.
        """
        if len(tokens) < 2 or not self.named:
            return 0.0
        n = self.named
        given = max(self.given[tokens[0]] - own, 0) + 0.5
        surname = max(self.surname[tokens[-1]] - own, 0) + 0.5
        return (self.per_network[a] + self.per_network[b]) * given / n * surname / n

    def adjustment(self, tokens: tuple[str, ...], a: str, b: str, own: int = 2) -> float:
        """Log-odds to take off name evidence for the namesakes this bundle makes likely (<= 0)."""
        expected = self.namesakes(tokens, a, b, own)
        if expected <= BASELINE:
            return 0.0
        return -min(3.0, math.log(expected / BASELINE))

    def rare_given(self, given: str) -> bool:
        """Whether at most two named accounts of the bundle have this given name."""
        return self.given[given] <= 2

    def rare_surname(self, surname: str) -> bool:
        """Whether at most two named accounts of the bundle have this surname."""
        return self.surname[surname] <= 2
