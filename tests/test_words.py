"""One vocabulary: networks, relations, categories, tiers and step kinds are declared once, in
model.py, as the strings they always were; the screens' words and the files' words for them each
live in one mapping keyed by the type's members, and every member has its words."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from circlesort import model
from circlesort.model import (
    CATEGORIES,
    NETWORKS,
    RELATIONS,
    UNDECIDED,
    Category,
    Network,
    Relation,
    StepKind,
    Tie,
    Tier,
    standing,
)
from circlesort.planning import steps
from circlesort.planning import words as file_words
from circlesort.ui import words as screen_words


def test_the_types_are_the_strings_they_always_were():
    assert NETWORKS == (
        "facebook",
        "linkedin",
        "instagram",
        "x",
        "mastodon",
        "threads",
        "bluesky",
        "contacts",
    )
    assert CATEGORIES == ("keep-personal", "move-to-professional", "page-follower")
    assert RELATIONS[:4] == ("friend", "follower", "following", "connection")
    assert (Tier.CERTAIN, Tier.LIKELY, Tier.POSSIBLE, Tier.MANUAL) == (
        "certain",
        "likely",
        "possible",
        "manual",
    )
    assert StepKind.CONNECT == "connect" and f"{StepKind.INVITE_TO_PAGE}/{Network.X}" == "invite_to_page/x"


def test_they_are_written_as_their_strings_to_json_csv_and_sqlite():
    assert json.dumps({Network.FACEBOOK: [Category.PAGE_FOLLOWER]}) == '{"facebook": ["page-follower"]}'
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([Relation.CLOSE_FRIEND, Tier.LIKELY])
    assert out.getvalue() == "close_friend,likely\n"
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (v TEXT)")
    db.execute("INSERT INTO t VALUES (?)", (Category.KEEP_PERSONAL,))
    assert db.execute("SELECT v, typeof(v) FROM t").fetchone() == ("keep-personal", "text")


def test_step_kinds_are_declared_once():
    assert steps.StepKind is model.StepKind


def test_a_relation_read_as_a_string_becomes_the_type_and_an_unknown_one_is_refused():
    assert type(Tie("friend").relation) is Relation
    with pytest.raises(ValueError, match="unknown relation 'poked'"):
        Tie("poked")


def test_a_stored_category_becomes_the_type():
    assert standing("move-to-professional") is Category.MOVE_TO_PROFESSIONAL
    assert standing(UNDECIDED) == UNDECIDED
    with pytest.raises(ValueError):
        standing("professional")


SCREEN = {
    "BADGES": set(Network),
    "RELATION_SHORT": set(Relation),
    "RELATION_WORDS": set(Relation),
    "CATEGORY_SHORT": {*Category, UNDECIDED},
    "CATEGORY_COLUMN": {*Category, UNDECIDED},
    "CATEGORY_WORDS": {*Category, UNDECIDED},
    "TIER_TITLES": {Tier.LIKELY, Tier.POSSIBLE, Tier.CERTAIN},
}
FILES = {
    "NETWORK_NAMES": set(Network),
    "CATEGORY_LABELS": set(Category),
    "WHY": set(Category),
}


@pytest.mark.parametrize(
    ("module", "name", "wanted"),
    [
        *((screen_words, name, wanted) for name, wanted in SCREEN.items()),
        *((file_words, name, wanted) for name, wanted in FILES.items()),
    ],
)
def test_every_member_has_its_words_and_every_key_is_a_member(module, name, wanted):
    mapping = getattr(module, name)
    assert set(mapping) == wanted
    assert all(key == UNDECIDED or isinstance(key, (Network, Relation, Category, Tier)) for key in mapping)
