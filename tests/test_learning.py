"""The learner: answers to pairs of a kind move the other pairs of that kind; the review queue
by value, one suggestion per person at a time; pairs lifted over a link's score."""

from __future__ import annotations

import pytest

from circlesort.matching.learning import (
    LINK_SCORE,
    PRIOR,
    Answered,
    Learner,
    Pending,
    Tally,
    rescore,
    tallies,
)
from circlesort.matching.score import LIKELY_FLOOR, score_of


def learner(pairs, answers=(), people=None, sizes=None):
    """Pairs as (a, b, score, kind); each account its own person of one account unless given."""
    people = people or {}
    sizes = sizes or {}
    pending = [Pending((a, b), a, b, score, kind) for a, b, score, kind in pairs]
    return Learner(pending, answers, lambda k: people.get(k, k), lambda p: sizes.get(p, 1))


def test_the_link_score_is_a_likely_links():
    assert LINK_SCORE == score_of(LIKELY_FLOOR) == 0.88


def test_answers_update_the_prior_beta_binomial():
    assert rescore(0.7, None) == 0.7
    assert rescore(0.7, Tally(5, 5)) == pytest.approx((0.7 * PRIOR + 5) / (PRIOR + 5))
    assert rescore(0.7, Tally(0, 3)) == pytest.approx(0.7 * PRIOR / (PRIOR + 3))
    assert rescore(0.7, Tally(0, 0)) == 0.7


def test_only_pairs_of_an_answered_kind_move_and_no_kind_learns_nothing():
    answers = [Answered("surname", True), Answered("surname", True), Answered("", True), Answered("", False)]
    assert tallies(answers) == {"surname": Tally(2, 2)}
    scored = {
        s.item: s
        for s in learner(
            [("a", "b", 0.7, "surname"), ("c", "d", 0.7, "given"), ("e", "f", 0.7, "")], answers
        ).scored
    }
    assert scored[("a", "b")].score == pytest.approx((0.7 * 4 + 2) / 6) and scored[("a", "b")].moved
    assert scored[("c", "d")].score == 0.7 and not scored[("c", "d")].moved
    assert scored[("e", "f")].score == 0.7 and not scored[("e", "f")].moved


def test_rejections_sink_a_kind():
    scored = learner([("a", "b", 0.8, "k")], [Answered("k", False)] * 4).scored[0]
    assert scored.score == pytest.approx(0.4)


def test_the_queue_goes_by_the_accounts_joined_then_the_score():
    pairs = [("a", "b", 0.9, ""), ("c", "d", 0.7, ""), ("e", "f", 0.8, "")]
    people = {"c": "P"}  # c is in a person of three accounts
    order = [s.item for s in learner(pairs, people=people, sizes={"P": 3}).queue()]
    assert order == [("c", "d"), ("a", "b"), ("e", "f")]


def test_one_suggestion_per_person_at_a_time():
    pairs = [("a", "b", 0.7, ""), ("a", "c", 0.8, ""), ("d", "c", 0.75, ""), ("e", "f", 0.65, "")]
    queue = [s.item for s in learner(pairs).queue()]
    assert queue == [("a", "c"), ("e", "f")]  # a's and c's other pairs wait
    # c's account is in the same person as x: a pair touching x waits for it too
    queue = [
        s.item
        for s in learner([*pairs, ("x", "y", 0.6, "")], people={"x": "C", "c": "C"}, sizes={"C": 1}).queue()
    ]
    assert ("x", "y") not in queue


def test_now_certain_are_the_pairs_answers_lifted_over_a_links_score():
    pairs = [("a", "b", 0.8, "k"), ("c", "d", 0.75, "k"), ("e", "f", 0.8, "other"), ("g", "h", 0.5, "k")]
    nothing = learner(pairs)
    assert nothing.now_certain() == []
    five = [Answered("k", True)] * 5
    assert learner(pairs, five).now_certain() == []  # 0.91 and 0.89, but five answers are not sure
    many = [Answered("k", True)] * 15
    certain = learner(pairs, many).now_certain()
    # (0.8*4+15)/19 = 0.96 and (0.75*4+15)/19 = 0.95, surely over 0.88; (0.5*4+15)/19 = 0.89 is not
    assert [s.item for s in certain] == [("a", "b"), ("c", "d")]
    assert all(s.tally == Tally(15, 15) for s in certain)
    # one per person: two lifted pairs sharing an account are not offered together
    shared = learner([("a", "b", 0.8, "k"), ("a", "c", 0.79, "k")], many).now_certain()
    assert [s.item for s in shared] == [("a", "b")]
    assert [s.item for s in learner(pairs, many).now_certain(threshold=0.97)] == []


def test_answers_vouch_for_no_more_pairs_than_they_are():
    pairs = [(f"a{n}", f"b{n}", 0.8, "k") for n in range(40)]
    answers = [Answered("k", True)] * 15
    offered = learner(pairs, answers).now_certain()
    assert len(offered) == 15  # fifteen answers, fifteen pairs: not all forty


def test_answers_about_namesakes_teach_nothing():
    from circlesort.matching.learning import learnable

    assert learnable("username: initial and surname") and learnable("surname spelled alike")
    assert not learnable("same, very common") and not learnable("same, common here")
    assert not learnable("username: the name alone+rival") and not learnable("")
    pairs = [("a", "b", 0.82, "same, very common")]
    moved = learner(pairs, [Answered("same, very common", False)] * 3)
    assert moved.scored[0].score == 0.82 and moved.scored[0].tally is None
