"""Pairwise precision and recall on a labelled bundle written in the real export formats.

The bundle (benchmarks/population.py) holds about 4,000 accounts of made-up people with the
hard cases of real exports; the figures are printed at the end of every test run.
"""

from __future__ import annotations

import pytest

from benchmarks.accuracy import measure

FIGURES: dict[str, str] = {}


@pytest.fixture(scope="module")
def figures():
    f = measure(scale=0.05, seed=7)
    FIGURES["table"] = f.table()
    return f


def test_certain_links_can_be_trusted_blindly(figures):
    assert figures.predicted["certain"] > 500
    assert figures.precision("certain") >= 0.995


def test_all_links_stay_precise(figures):
    assert figures.precision() >= 0.99


# The goals are 0.90 linked and 0.97 with suggestions on every named pair; the bundle's hard cases
# (benchmarks/hard_cases.py) keep circlesort below them, so these gates hold what it reaches now
# and are raised as matching improves (benchmarks/README.md has the figures).
def test_named_pairs_are_found(figures):
    assert figures.recall >= 0.73
    assert figures.recall_with_suggestions >= 0.85


def test_people_showing_their_full_name_are_found(figures):
    pairs, found, with_suggestions = figures.full
    assert found / pairs >= 0.79
    assert with_suggestions / pairs >= 0.89
