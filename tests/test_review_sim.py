"""The simulated review (benchmarks/review_sim.py): the truth answers, and answers only help."""

from __future__ import annotations

from benchmarks.accuracy import evaluate
from benchmarks.export_writer import write_bundle
from benchmarks.review_sim import run
from circlesort.importers import load


def test_a_few_simulated_reviews_answer_by_the_truth_and_do_not_lower_recall(tmp_path):
    truth = write_bundle(tmp_path, 0.01, 3)
    accounts = load([str(tmp_path)]).accounts
    before = evaluate(run(accounts, truth, 0).result, truth)
    review = run(accounts, truth, 20)
    assert review.reviews <= 20 and review.same + review.apart
    one = {k: v[0] for k, v in truth.items()}
    # a wrong link can only come from an offer the reviewer accepted whole
    assert sum(one[a] != one[b] for a, b in review.same) == review.offered_wrong
    assert all(one[a] != one[b] for a, b in review.apart)
    assert evaluate(review.result, truth).recall >= before.recall
