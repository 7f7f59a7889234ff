"""From scored pairs to people: best-first, one account per network, never a chain of doubts.

Pairs are taken from the strongest down. A pair joins two groups only when their networks do not
overlap and no account of one contradicts an account of the other ("Jane Doe" can join "jdoe",
but not when the group already holds a "John Doe"). A pair is only as sure as its margin: when
another account on the same network fits nearly as well, it is a suggestion, never a link.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field

from circlesort.matching.frequency import Frequencies
from circlesort.matching.profile import Profile, network_name
from circlesort.matching.score import CONFLICT, Comparison, compare, kind_of, tier_of
from circlesort.model import Tier

MARGIN = 1.5  # log-odds by which the best candidate on a network must beat the next
SUGGESTIONS_PER_ACCOUNT = 3
WEAK = 2.5  # below this, a suggestion that fits several accounts on one network is left out


@dataclass(frozen=True, slots=True)
class Pair:
    a: int
    b: int
    tier: Tier
    logit: float
    evidence: tuple[str, ...]
    kind: str = ""


@dataclass
class Group:
    members: list[int]
    networks: set[str]
    links: list[Pair] = field(default_factory=list)


class Clusterer:
    def __init__(
        self,
        profiles: list[Profile],
        scored: dict[tuple[int, int], Comparison],
        freq: Frequencies,
        same: Set[tuple[int, int]] = frozenset(),
        apart: Set[tuple[int, int]] = frozenset(),
    ) -> None:
        self.profiles = profiles
        self.freq = freq
        self.scored = scored
        self.same = same  # linked by the user: joined first, whatever the networks
        self.apart = apart  # "not the same person": never in one group
        self.group_of = list(range(len(profiles)))
        self.groups: dict[int, Group] = {}  # made when an account first joins another

    def comparison(self, i: int, j: int) -> Comparison:
        key = (i, j) if i < j else (j, i)
        if key not in self.scored:
            self.scored[key] = compare(self.profiles[key[0]], self.profiles[key[1]], self.freq)
        return self.scored[key]

    def run(self) -> tuple[list[Group | int], list[Pair]]:
        for a, b in sorted(self.same):
            self._join(Pair(a, b, Tier.MANUAL, 99.0, ("linked by you",)), forced=True)
        pairs = [p for p in self._tiered() if (p.a, p.b) not in self.apart]
        deferred: list[Pair] = []
        for pair in sorted(pairs, key=lambda p: (-p.logit, p.a, p.b)):
            if pair.tier == Tier.POSSIBLE or not self._join(pair):
                deferred.append(pair)
        # Accounts that never joined another stay a plain index: most of them, in a big export.
        groups: list[Group | int] = [
            self.groups.get(i, i) for i in range(len(self.profiles)) if self.group_of[i] == i
        ]
        return groups, self._suggestions(deferred)

    def group(self, i: int) -> Group:
        root = self.group_of[i]
        g = self.groups.get(root)
        if g is None:
            g = self.groups[root] = Group([root], {self.profiles[root].network})
        return g

    def _tiered(self) -> list[Pair]:
        """Every pair with a tier, capped at possible when a rival on the same network is close."""
        best: dict[tuple[int, str], list[float]] = {}
        for (i, j), c in self.scored.items():
            if tier_of(c.logit) is None:
                continue
            for x, y in ((i, j), (j, i)):
                top = best.setdefault((x, self.profiles[y].network), [])
                top.append(c.logit)
        for top in best.values():
            top.sort(reverse=True)
        out = []
        for (i, j), c in self.scored.items():
            tier = tier_of(c.logit)
            if tier is None:
                continue
            evidence = c.evidence
            rival = self._rival(i, j, c.logit, best) or self._rival(j, i, c.logit, best)
            if rival and tier == Tier.POSSIBLE and c.logit < WEAK:
                continue  # a weak hint that fits several accounts helps nobody
            kind = c.kind
            if rival:
                tier, evidence, kind = Tier.POSSIBLE, (*evidence, rival), kind_of((kind, "rival"))
            out.append(Pair(i, j, tier, c.logit, evidence, kind))
        return out

    def _rival(self, i: int, j: int, logit: float, best: dict[tuple[int, str], list[float]]) -> str | None:
        net = self.profiles[j].network
        top = best[(i, net)]
        runner_up = top[1] if top[0] == logit and len(top) > 1 else (top[0] if top[0] != logit else None)
        if runner_up is not None and runner_up > logit - MARGIN:
            how = "better" if runner_up > logit + MARGIN else "about as well"
            return f"another {network_name(net)} account fits {self.profiles[i].label} {how}"
        return None

    def _join(self, pair: Pair, forced: bool = False) -> bool:
        ia, ib = self.group_of[pair.a], self.group_of[pair.b]
        ga, gb = self.group(pair.a), self.group(pair.b)
        if ia == ib or (ga.networks & gb.networks and not forced):
            return False
        for x in ga.members:
            for y in gb.members:
                if (min(x, y), max(x, y)) in self.apart:
                    return False
                if not forced and (x, y) != (pair.a, pair.b) and self.comparison(x, y).logit <= CONFLICT:
                    return False
        (keep_id, keep), (gone_id, gone) = sorted(((ia, ga), (ib, gb)), key=lambda g: -len(g[1].members))
        keep.members += gone.members
        keep.networks |= gone.networks
        keep.links += [*gone.links, pair]
        for m in gone.members:
            self.group_of[m] = keep_id
        del self.groups[gone_id]
        return True

    def _overlap(self, pair: Pair) -> bool:
        return bool(self.group(pair.a).networks & self.group(pair.b).networks)

    def _suggestions(self, deferred: list[Pair]) -> list[Pair]:
        count: dict[int, int] = {}
        out = []
        for pair in deferred:
            if self.group_of[pair.a] == self.group_of[pair.b]:
                continue
            if max(count.get(pair.a, 0), count.get(pair.b, 0)) >= SUGGESTIONS_PER_ACCOUNT:
                continue
            if pair.tier != Tier.POSSIBLE:
                taken = _taken(self, pair)
                evidence, kind = (*pair.evidence, taken), kind_of((pair.kind, "taken"))
                pair = Pair(pair.a, pair.b, Tier.POSSIBLE, pair.logit, evidence, kind)
            elif self._overlap(pair):
                continue  # joining would give a person two accounts on one network
            count[pair.a] = count.get(pair.a, 0) + 1
            count[pair.b] = count.get(pair.b, 0) + 1
            out.append(pair)
        return out


def _taken(c: Clusterer, pair: Pair) -> str:
    a, b = c.profiles[pair.a], c.profiles[pair.b]
    ga, gb = c.group(pair.a), c.group(pair.b)
    if b.network in ga.networks:
        return f"but {a.label} is already linked to another {network_name(b.network)} account"
    if a.network in gb.networks:
        return f"but {b.label} is already linked to another {network_name(a.network)} account"
    return "but the two people it would join disagree elsewhere"
