"""Learning from the user's review: answers to some pairs of a kind move the others of that kind.

A suggestion's kind names the evidence levels that made its score (model.Suggestion.kind). The
matcher's score is a prior worth ``PRIOR`` answers; every answer the user gave to a pair of the
same kind updates it, Beta-Binomial: (score * PRIOR + confirmed) / (PRIOR + answered). A pair of
a kind never answered, of no kind (''), or whose doubt is namesakes (``learnable``), keeps the
matcher's score.

The review queue goes by value: the pairs of accounts a "same" would join (the two people's
sizes multiplied) times the score, then the score; and one suggestion per person at a time (the
others come back once it is answered). Pairs the answers lift over a link's score are offered
together (``now_certain``). Pure Python: no user interface, no workspace.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from circlesort.matching.score import LIKELY_FLOOR, kind_levels, score_of

PRIOR = 4.0  # the matcher's score counts as this many answers
# How sure the answers must make a pair before it is offered for linking: the re-scored score
# less this many standard deviations of its Beta posterior must still clear the link's score,
# so that three "same" answers to pairs of a broad kind do not vouch for fifty others.
DOUBT = 1.28
LINK_SCORE = score_of(LIKELY_FLOOR)  # a likely link's score (0.88): where a pair would be linked

P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Answered:
    """One answer the user gave: to a pair of ``kind``, whether it was one person."""

    kind: str
    same: bool


@dataclass(frozen=True, slots=True)
class Tally:
    """The answers to pairs of one kind."""

    confirmed: int
    answered: int


@dataclass(frozen=True, slots=True)
class Pending(Generic[P]):
    """An open suggestion as the learner sees it: ``item`` is the caller's own row, handed back;
    ``a`` and ``b`` its two accounts (any keys)."""

    item: P
    a: Hashable
    b: Hashable
    score: float
    kind: str


@dataclass(frozen=True, slots=True)
class Scored(Generic[P]):
    """A pending pair re-scored: ``tally`` is the answers that moved it (None: none did)."""

    pending: Pending[P]
    score: float
    tally: Tally | None

    @property
    def item(self) -> P:
        return self.pending.item

    @property
    def moved(self) -> bool:
        return self.tally is not None


# What a kind says when the doubt is who else has the name: each such pair stands alone (one
# John Smith being the same person says nothing of another), so answers teach nothing of them.
NAMESAKE_DOUBTS = frozenset({"very common", "common here", "rival", "taken"})


def learnable(kind: str) -> bool:
    """Whether answers to pairs of this kind say something of the others of it: a kind at all,
    and not one whose doubt is namesakes (NAMESAKE_DOUBTS)."""
    names = {name.strip() for level in kind_levels(kind) for name in level.split(",")}
    return bool(kind) and not names & NAMESAKE_DOUBTS


def tallies(answers: Iterable[Answered]) -> dict[str, Tally]:
    """The answers by kind; answers to pairs of no kind, or of a kind not learnable, teach nothing."""
    counts: dict[str, tuple[int, int]] = {}
    for answer in answers:
        if learnable(answer.kind):
            confirmed, answered = counts.get(answer.kind, (0, 0))
            counts[answer.kind] = (confirmed + answer.same, answered + 1)
    return {kind: Tally(c, n) for kind, (c, n) in counts.items()}


def surely(score: float, tally: Tally | None, prior: float = PRIOR) -> float:
    """The re-scored score less DOUBT standard deviations of the Beta posterior it is the mean of:
    what the answers vouch for (about the tenth percentile)."""
    mean = rescore(score, tally, prior)
    weight = prior + (tally.answered if tally else 0)
    return mean - DOUBT * math.sqrt(mean * (1 - mean) / (weight + 1))


def rescore(score: float, tally: Tally | None, prior: float = PRIOR) -> float:
    """The matcher's ``score`` updated by the answers to pairs of its kind."""
    if tally is None or not tally.answered:
        return score
    return (score * prior + tally.confirmed) / (prior + tally.answered)


class Learner(Generic[P]):
    """The open suggestions, re-scored by the answers so far.

    ``person_of`` gives the person an account is in now, ``size_of`` how many accounts a person
    has: what the queue's order and its one-per-person rule go by."""

    def __init__(
        self,
        pending: Iterable[Pending[P]],
        answers: Iterable[Answered],
        person_of: Callable[[Hashable], Hashable],
        size_of: Callable[[Hashable], int],
        prior: float = PRIOR,
    ) -> None:
        self.tallies = tallies(answers)
        self.person_of, self.size_of, self.prior = person_of, size_of, prior
        self.scored = [
            Scored(p, rescore(p.score, t, prior), t)
            for p in pending
            for t in [self.tallies.get(p.kind) if learnable(p.kind) else None]
        ]

    def value(self, scored: Scored[P]) -> tuple[float, float]:
        """What a pair is worth reviewing for: the pairs of accounts a "same" would join, times
        how likely that answer is (its score); then its score."""
        a, b = self.person_of(scored.pending.a), self.person_of(scored.pending.b)
        return (self.size_of(a) * self.size_of(b) * scored.score, scored.score)

    def queue(self) -> list[Scored[P]]:
        """The pairs to review, most valuable first, one per person at a time."""
        ranked = sorted(self.scored, key=self.value, reverse=True)
        return self._one_per_person(ranked)

    def now_certain(self, threshold: float = LINK_SCORE) -> list[Scored[P]]:
        """The pairs the answers lifted to ``threshold`` or over (from below it), and surely so
        (``surely``), best first; one per person, so that linking them all never joins three
        people on one guess; and of each kind no more than the user answered (the answered pairs
        came first in the queue, the likeliest of their kind: they vouch for as many others, not
        for hundreds). Scores are compared as shown, to two decimals."""
        lifted = [
            s
            for s in self.scored
            if s.moved
            and round(s.score, 2) >= threshold > s.pending.score
            and surely(s.pending.score, s.tally, self.prior) >= threshold
        ]
        ranked = self._one_per_person(sorted(lifted, key=lambda s: s.score, reverse=True))
        room = {kind: tally.answered for kind, tally in self.tallies.items()}
        out = []
        for s in ranked:
            if room.get(s.pending.kind, 0) > 0:
                room[s.pending.kind] -= 1
                out.append(s)
        return out

    def _one_per_person(self, ranked: Sequence[Scored[P]]) -> list[Scored[P]]:
        taken: set[Hashable] = set()
        out = []
        for s in ranked:
            people = {self.person_of(s.pending.a), self.person_of(s.pending.b)}
            if people & taken:
                continue
            taken |= people
            out.append(s)
        return out
