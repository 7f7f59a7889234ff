"""Usernames, LinkedIn addresses and e-mail local parts read as evidence of a name."""

from __future__ import annotations

import pytest

from circlesort.matching import handles as H
from circlesort.matching.normalize import parse


def level(handle: str, name: str) -> str | None:
    found = H.explain(H.make_handle("Instagram username", handle), parse(name).tokens)
    return found[0] if found else None


@pytest.mark.parametrize(
    ("handle", "name", "expected"),
    [
        ("jane.doe", "Jane Doe", H.FULL),
        ("janedoe92", "Jane Doe", H.FULL),
        ("doe_jane", "Jane Doe", H.FULL),
        ("jdoe", "Jane Doe", H.INITIAL),
        ("doe.j", "Jane Doe", H.INITIAL),
        ("janed", "Jane Doe", H.GIVEN_INITIAL),
        ("the.jane", "Jane Doe", H.GIVEN),
        ("jane92", "Jane Doe", H.GIVEN),
        ("sunnyowl42", "Sunniva Berg", None),
        ("sashapetrov", "Aleksandr Petrov", H.FULL),  # a nickname from the supplement
        ("bob.johnson", "Robert Johnson", H.FULL),
        ("lizzychen", "Liz Chen", H.FULL),  # a short form run on by two letters
        ("ngoctram.nguyen", "Ngọc Trâm Nguyễn", H.FULL),
        ("juergen-mueller", "Jürgen Müller", H.FULL),  # umlauts written out
        ("nmukhina", "Наталья Мухина", H.INITIAL),
        ("natalyam", "Natalya M.", H.GIVEN_INITIAL),
        ("dr-anna-schmidt", "Anna Schmidt", H.FULL),  # the title is decoration
    ],
)
def test_explain(handle, name, expected):
    assert level(handle, name) == expected


@pytest.mark.parametrize(
    ("handle", "name"),
    [
        ("emre.almasri", "Emre Abu Masri"),  # another surname particle is not a short form's tail
        ("minerva.kulerwala", "Minerva Le"),  # a two-letter surname must stand alone
        ("danny.garriranz", "Sheridan Garriranz"),  # far-fetched nicknames don't spell a name
        ("alex.kingsmore", "Jalen Kingsmore"),
    ],
)
def test_explain_refuses_near_misses(handle, name):
    assert level(handle, name) != H.FULL


def test_linkedin_slug_drops_the_id_linkedin_appends():
    assert H.linkedin_slug("https://www.linkedin.com/in/jose-alvarez-3b2a91") == "jose-alvarez"
    assert H.linkedin_slug("https://www.linkedin.com/in/janedoe") == "janedoe"
    assert H.linkedin_slug("https://www.linkedin.com/company/contoso") is None


def test_a_handle_of_digits_and_dots_is_no_handle():
    assert H.make_handle("X handle", "1234_.") is None


def test_split_tokens_only_where_both_halves_are_names_seen():
    vocabulary = {"jane", "doe", "john"}
    assert H.split_tokens(H.make_handle("x", "janedoe92"), vocabulary) == {("jane", "doe")}
    assert ("j", "doe") in H.split_tokens(H.make_handle("x", "jdoe"), vocabulary)
    assert H.split_tokens(H.make_handle("x", "sunnyowl42"), vocabulary) == set()
