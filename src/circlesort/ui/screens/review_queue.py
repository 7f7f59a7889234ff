"""The review screen's suggestions queue, learning from the user's answers (matching/learning.py).

The answers are the user's pair rules on the suggestions the workspace holds (kept across
restarts until the next import, which turns them into rules the matching keeps). After each
answer the open suggestions are re-scored and ranked again; the pairs the answers lift over a
likely link's score are offered together, and ``C`` links every suggestion above a score the
user picks. Both link with one change, so one ``u`` takes them back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence

from circlesort.matching.learning import Answered, Learner, Pending, Scored
from circlesort.ui.words import (
    REVIEW_ABOVE_ANSWER,
    REVIEW_CERTAIN,
    REVIEW_LEARNED,
    kind_words,
    pairs_word,
)
from circlesort.workspace import Workspace
from circlesort.workspace.changes import Effect, LinkPairs
from circlesort.workspace.rows import Key, PairRow

FLOORS = (0.80, 0.70, 0.62)  # what C offers to link above; 0.62 is a suggestion's own floor
PairId = tuple[Key, Key]


def pair_id(pair: PairRow) -> PairId:
    return (pair.a, pair.b)


def learner_of(ws: Workspace, pairs: Sequence[PairRow]) -> Learner[PairRow]:
    """The open suggestions ``pairs``, re-scored by the user's answers so far."""
    owner: dict[Hashable, Hashable] = dict(ws.persons_of(k for p in pairs for k in (p.a, p.b)))
    sizes: dict[Hashable, int] = {p: n for p, n in ws.sizes_of(str(p) for p in owner.values()).items()}

    def person(key: Hashable) -> Hashable:
        return owner.get(key, key)

    def size(person: Hashable) -> int:
        return sizes.get(person, 1)

    answers = [Answered(kind, same) for kind, same in ws.answered_kinds()]
    pending = [Pending(p, p.a, p.b, p.score, p.evidence_kind) for p in pairs]
    return Learner(pending, answers, person, size)


def learned_line(scored: Scored[PairRow] | None) -> str:
    """In words, how the user's answers moved this pair's score ('' when they did not)."""
    if scored is None or scored.tally is None:
        return ""
    tally = scored.tally
    return REVIEW_LEARNED.format(
        confirmed=tally.confirmed, answered=tally.answered, kind=kind_words(scored.pending.kind)
    )


def certain_question(certain: Sequence[Scored[PairRow]]) -> str:
    """The question offering the pairs the answers made certain: their count and kinds."""
    kinds = Counter(kind_words(s.pending.kind) for s in certain)
    named = "; ".join(f"{n} like “{kind}”" for kind, n in kinds.most_common(3))
    if len(kinds) > 3:
        named += "; ..."
    return REVIEW_CERTAIN.format(count=len(certain), pairs=pairs_word(len(certain)), kinds=named)


def above_answers(queue: Sequence[Scored[PairRow]]) -> tuple[list[float], list[str]]:
    """C's answers: the floors above which some pair of the queue is, each with how many pairs
    it would link (a floor that would link nothing is not offered)."""
    floors, answers = [], []
    for floor in FLOORS:
        count = len(above(queue, floor))
        if count:
            floors.append(floor)
            answers.append(REVIEW_ABOVE_ANSWER.format(floor=floor, count=count, pairs=pairs_word(count)))
    return floors, answers


def above(queue: Sequence[Scored[PairRow]], floor: float) -> list[PairRow]:
    """The pairs of the queue whose score (re-scored) is ``floor`` or more."""
    return [s.item for s in queue if round(s.score, 2) >= floor]


def link_all(ws: Workspace, pairs: Sequence[PairRow], label: str) -> Effect:
    """Link each of these pairs: one change, so one undo."""
    return ws.apply(LinkPairs([(p.a, p.b) for p in pairs], label))
