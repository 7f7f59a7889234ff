"""A reviewer simulated from the truth: how much a few reviews, learned from, improve the links.

``simulate(accounts, truth, reviews)`` matches, then answers up to ``reviews`` suggestions in the
review screen's queue order (matching/learning.py: most accounts joined first, one per person),
the truth answering: the same person is a ``same`` pair, else ``apart``. After each answer the
open suggestions are re-scored by the answers so far; when the answers make pairs certain, the
reviewer accepts the offer, all of it, as one review (the links it makes that the truth says
are wrong are counted). Finally the matching runs again with the answers as the user's rules.

    python -m benchmarks.review_sim --scale 0.02 --seed 7
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.accuracy import evaluate
from benchmarks.export_writer import Truth, write_bundle
from circlesort.importers import load
from circlesort.matching import MatchResult, match
from circlesort.matching.learning import Answered, Learner, Pending
from circlesort.model import Account, Suggestion

Key = tuple[str, str]
Pair = tuple[Key, Key]


@dataclass
class Review:
    """What the simulated reviewer did, and the matching with their answers."""

    result: MatchResult
    reviews: int = 0  # answers given, an accepted offer counting as one
    same: list[Pair] = field(default_factory=list)
    apart: list[Pair] = field(default_factory=list)
    offers: int = 0  # offers of pairs made certain, all accepted
    offered: int = 0  # pairs linked by those offers
    offered_wrong: int = 0  # of them, not one person in truth


class _People:
    """Who is who as the review goes: the matching's people, joined as pairs are confirmed."""

    def __init__(self, result: MatchResult) -> None:
        self.of: dict[Key, int] = {
            (a.network, a.key): n for n, p in enumerate(result.people) for a in p.accounts
        }
        self.size = {n: len(p.accounts) for n, p in enumerate(result.people)}
        self.parent: dict[int, int] = {}

    def find(self, person: int) -> int:
        while self.parent.get(person, person) != person:
            person = self.parent[person]
        return person

    def person(self, key: Hashable) -> Hashable:
        return self.find(self.of[key])  # type: ignore[index]

    def size_of(self, person: Hashable) -> int:
        return self.size[person]  # type: ignore[index]

    def join(self, a: Key, b: Key) -> None:
        pa, pb = self.find(self.of[a]), self.find(self.of[b])
        if pa != pb:
            self.parent[pb] = pa
            self.size[pa] += self.size[pb]


def _key(account: Account) -> Key:
    return (account.network, account.key)


def _pair(s: Suggestion) -> Pair:
    return (_key(s.a), _key(s.b))


def run(accounts: Sequence[Account], truth: Truth, reviews: int) -> Review:
    """The review simulated (see the module's words)."""
    first = match(accounts)
    people, answers = _People(first), list[Answered]()
    review = Review(first)
    answered: set[Pair] = set()

    def learner() -> Learner[Suggestion]:
        open_ = [
            Pending(s, _key(s.a), _key(s.b), s.score, s.kind)
            for s in first.suggestions
            if _pair(s) not in answered and people.person(_key(s.a)) != people.person(_key(s.b))
        ]
        return Learner(open_, answers, people.person, people.size_of)

    def answer(s: Suggestion, same: bool) -> None:
        answered.add(_pair(s))
        answers.append(Answered(s.kind, same))
        (review.same if same else review.apart).append(_pair(s))
        if same:
            people.join(*_pair(s))

    def one(key: Key) -> int:
        return truth[key][0]

    while review.reviews < reviews:
        queue = learner().queue()
        if not queue:
            break
        top = queue[0].item
        answer(top, one(_key(top.a)) == one(_key(top.b)))
        review.reviews += 1
        certain = learner().now_certain()
        if certain and review.reviews < reviews:
            review.reviews += 1  # the offer, accepted whole: one review
            review.offers += 1
            for s in certain:
                review.offered += 1
                review.offered_wrong += one(_key(s.item.a)) != one(_key(s.item.b))
                answer(s.item, True)
    review.result = match(accounts, same=review.same, apart=review.apart)
    return review


def simulate(accounts: Sequence[Account], truth: Truth, reviews: int) -> MatchResult:
    """The matching after ``reviews`` simulated reviews."""
    return run(accounts, truth, reviews).result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scale", type=float, default=0.02)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reviews", type=int, nargs="*", default=[0, 25, 50])
    parser.add_argument("--hard", action="store_true", help="with the hard cases, as accuracy.measure")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        truth = write_bundle(Path(tmp), args.scale, args.seed, hard=args.hard)
        accounts = load([tmp]).accounts
    print(f"scale {args.scale}, seed {args.seed}: {len(accounts):,} accounts")
    print("| reviews | answers | linked precision | linked recall | offers (pairs, wrong) |")
    print("|---|---|---|---|---|")
    for n in args.reviews:
        review = run(accounts, truth, n)
        figures = evaluate(review.result, truth)
        print(
            f"| {n} | {len(review.same)} same, {len(review.apart)} apart | {figures.precision():.4f} | "
            f"{figures.recall:.4f} | {review.offers} ({review.offered}, {review.offered_wrong}) |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
