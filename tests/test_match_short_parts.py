"""A username that spells a name only with parts of one or two letters is a suggestion, never a link.

"kaan_pirecioglu" holds "ka" and "an", as a great many usernames do: a Facebook friend called
Ẩn Ka is no more likely to be its owner than anyone else with those letters in their name.
"""

from __future__ import annotations

import json

from circlesort.matching import handles as H
from circlesort.matching import match
from circlesort.model import Account

from .conftest import meta, write_tree

FRIENDS = "connections/friends/your_friends.json"
FOLLOWING = "connections/followers_and_following/following.json"


def exports(root, friends, following):
    def rec(user):
        return {
            "title": "",
            "media_list_data": [],
            "string_list_data": [
                {"href": f"https://www.instagram.com/{user}", "value": user, "timestamp": 1700000000}
            ],
        }

    fb = write_tree(
        root / "facebook-me-2026-01-01-abc",
        {FRIENDS: meta({"friends_v2": [{"name": n, "timestamp": 1600000000} for n in friends]})},
    )
    ig = write_tree(
        root / "instagram-me-2026-01-01-abc",
        {FOLLOWING: json.dumps({"relationships_following": [rec(u) for u in following]})},
    )
    return [str(fb), str(ig)]


def linked_and_suggested(cli, paths):
    code, out, err = cli("match", *paths, "--json")
    assert code == 0, err
    data = json.loads(out)
    linked = {
        frozenset((a["network"], a["key"]) for a in p["accounts"])
        for p in data["people"]
        if len(p["accounts"]) > 1
    }
    suggested = {
        frozenset(((s["a"]["network"], s["a"]["key"]), (s["b"]["network"], s["b"]["key"])))
        for s in data["suggestions"]
    }
    return linked, suggested


def test_two_letter_name_parts_inside_a_username_link_no_one(cli, tmp_path):
    paths = exports(tmp_path, ["Ẩn Ka", "Jane Doe"], ["kaan_pirecioglu", "janedoe92"])
    linked, _ = linked_and_suggested(cli, paths)
    assert [sorted(n for n, _ in group) for group in linked] == [["facebook", "instagram"]]
    (group,) = linked
    assert ("instagram", "janedoe92") in group  # a name spelled in full still links
    assert not any(("instagram", "kaan_pirecioglu") in g for g in linked)


def test_a_short_name_spelled_by_its_username_is_offered_as_a_suggestion(cli, tmp_path):
    paths = exports(tmp_path, ["Bo Li"], ["bo.li"])
    linked, suggested = linked_and_suggested(cli, paths)
    assert not linked
    assert len(suggested) == 1


def test_an_employer_on_top_does_not_make_it_a_link():
    people = match(
        [
            Account("linkedin", "an-ka", name="An Ka", company="Kaanworks"),
            Account("contacts", "c1", emails=("kaan@kaanworks.com",)),
        ]
    )
    assert all(len(p.accounts) == 1 for p in people.people)
    (suggestion,) = people.suggestions
    assert any("one or two letters" in e for e in suggestion.evidence)


def test_levels_of_short_parts():
    def level(handle, tokens):
        found = H.explain(H.make_handle("Instagram username", handle), tokens)
        return found[0] if found else None

    assert level("kaan_pirecioglu", ("an", "ka")) == H.SHORT
    assert level("wli", ("wei", "li")) == H.SHORT  # an initial and a two-letter surname
    assert level("andrewma", ("andrew", "ma")) == H.FULL  # one long part is enough
    assert level("liwei", ("li", "wei")) == H.FULL
