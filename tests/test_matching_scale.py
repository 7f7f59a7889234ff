"""Matching at scale: a name that thousands of accounts share makes no quadratic pile of pairs.

Exports can hold thousands of accounts with one name ("J Smith" on LinkedIn, "John" on
Instagram). They are namesakes: the pairs they would make are bounded by the blocking's caps,
and `circlesort match` still answers quickly, with every account in one person.
"""

from __future__ import annotations

import json

import pytest

from circlesort.matching import match
from circlesort.matching.blocking import PROBE_PAIRS, candidates
from circlesort.matching.profile import profile_of
from circlesort.model import Account, Tie

N = 20_000
J_NAMES = (
    "James",
    "John",
    "Jane",
    "Jack",
    "Jacob",
    "Jason",
    "Jeffrey",
    "Jennifer",
    "Jessica",
    "Joan",
    "Joe",
    "Joel",
    "Johanna",
    "Jonathan",
    "Jordan",
    "Joseph",
    "Joshua",
    "Joyce",
    "Judith",
    "Julia",
    "Julian",
    "Justin",
    "Jasmine",
    "Jasper",
    "Javier",
    "Jean",
    "Jens",
    "Jeremy",
    "Jerome",
    "Jill",
    "Jim",
    "Joachim",
    "Jocelyn",
    "Jody",
    "Jon",
    "Jonas",
    "Jorge",
    "Josefine",
    "Juan",
    "Judy",
    "Jules",
    "June",
    "Juno",
    "Jared",
    "Jay",
    "Jade",
    "Janet",
    "Janice",
    "Jarvis",
    "Jed",
    "Jenna",
    "Jesse",
    "Jett",
    "Jillian",
    "Joanna",
    "Jolene",
    "Josie",
    "Joy",
    "Jude",
)


def linkedin(i: int, first: str, last: str) -> Account:
    url = f"https://www.linkedin.com/in/member-{i}"
    return Account(
        "linkedin",
        url,
        name=f"{first} {last}",
        url=url,
        first_name=first,
        last_name=last,
        ties=(Tie("connection"),),
    )


def facebook(name: str) -> Account:
    return Account("facebook", name, name=name, ties=(Tie("friend"),))


def instagram(username: str, name: str = "") -> Account:
    return Account("instagram", username, name=name, ties=(Tie("follower"),))


def x(i: int, name: str) -> Account:
    return Account("x", str(i), name=name, handle=f"tw{i}", ties=(Tie("follower"),))


J_SMITHS = [facebook(f"{given} Smith") for given in J_NAMES]  # every full name "J. Smith" can stand for

SHAPES = {
    "LinkedIn 'J Smith' probing every Facebook J… Smith": lambda: (
        [linkedin(i, "J", "Smith") for i in range(N)] + J_SMITHS
    ),
    "unnamed Instagram 'jsmith…' usernames probing every Facebook J… Smith": lambda: (
        [instagram(f"jsmith{i}") for i in range(N)] + J_SMITHS
    ),
    "Instagram accounts named only 'John' probing the Facebook Johns": lambda: (
        [instagram(f"member{i}", "John") for i in range(N)]
        + [facebook(f"John {s}") for s in ("Smith", "Brown", "Lee")]
    ),
    "LinkedIn 'J Smith' against LinkedIn J… Smiths: one network, never linked": lambda: (
        [linkedin(i, "J", "Smith") for i in range(N)]
        + [linkedin(N + k, g, "Smith") for k, g in enumerate(J_NAMES)]
    ),
    "one full name on three networks": lambda: (
        [linkedin(i, "John", "Smith") for i in range(N // 3)]
        + [instagram(f"member{i}", "John Smith") for i in range(N // 3)]
        + [x(i, "John Smith") for i in range(N // 3)]
    ),
}


@pytest.mark.timeout(30)
@pytest.mark.parametrize("shape", SHAPES)
def test_a_crowd_of_namesakes_makes_no_quadratic_pairs(shape):
    accounts = SHAPES[shape]()
    profiles = [profile_of(i, a) for i, a in enumerate(accounts)]
    pairs = sum(1 for _ in candidates(profiles))
    # One block, dropped: the namesakes meet nobody through it (before, 20,000 x 60 pairs).
    assert pairs <= PROBE_PAIRS


@pytest.mark.timeout(10)  # a hang guard: before, 17 s and 700 MB
def test_namesakes_beside_people_still_found():
    """20,000 'J Smith' do not stop a real pair from being linked, nor anyone from being placed."""
    crowd = [linkedin(i, "J", "Smith") for i in range(N)] + J_SMITHS
    pair = [facebook("Ngaio Quenneville"), linkedin(N + 1, "Ngaio", "Quenneville")]
    result = match(crowd + pair)
    assert sum(len(p.accounts) for p in result.people) == len(crowd) + 2
    linked = [p for p in result.people if len(p.accounts) > 1]
    assert [{a.name for a in p.accounts} for p in linked] == [{"Ngaio Quenneville"}]
    assert linked[0].links[0].tier == "certain"
    assert not result.suggestions


@pytest.mark.timeout(10)  # a hang guard: before, 16 s
def test_match_on_twenty_thousand_j_smith_connections_answers(tmp_path, cli):
    rows = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    rows += [f"J,Smith,https://www.linkedin.com/in/member-{i},,,,12 Apr 2011" for i in range(N)]
    rows.append("Ngaio,Quenneville,https://www.linkedin.com/in/ngaio-q,,,,12 Apr 2011")
    (tmp_path / "Connections.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    friends = tmp_path / "facebook" / "connections" / "friends"
    friends.mkdir(parents=True)
    names = [f"{g} Smith" for g in J_NAMES] + ["Ngaio Quenneville"]
    (friends / "your_friends.json").write_text(
        json.dumps({"friends_v2": [{"name": n, "timestamp": 1700000000 + i} for i, n in enumerate(names)]})
    )
    code, out, err = cli("match", str(tmp_path / "Connections.csv"), str(tmp_path / "facebook"), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert sum(len(p["accounts"]) for p in data["people"]) == N + 1 + len(names)
    linked = [p for p in data["people"] if len(p["accounts"]) > 1]
    assert [p["name"] for p in linked] == ["Ngaio Quenneville"]
    assert data["suggestions"] == []


# --- one account with a huge name or username: time stays linear in its length ------------------


def _words(count: int, seed: int) -> list[str]:
    """Made-up name-like words, all different: "babababa", "cabababa", ..."""
    out = []
    for k in range(seed, seed + count):
        word = ""
        for _ in range(4):
            word += "bcdfghklmnprstvz"[k % 16] + "aeiou"[k // 16 % 5]
            k //= 80
        out.append(word)
    return out


@pytest.mark.timeout(10)  # a hang guard: before, minutes
@pytest.mark.parametrize(
    "username",
    [".".join(["john", "smith"] * 20_000), "johnsmith" * 40_000],
    ids=["40,000 dotted parts", "360,000 letters"],
)
def test_a_huge_username_is_matched_in_linear_time(username):
    result = match([instagram(username), facebook("John Smith")])
    assert sorted(len(p.accounts) for p in result.people) == [1, 1]  # no name to go on: never linked


@pytest.mark.timeout(10)  # a hang guard: before, every middle name against every other (minutes)
def test_names_with_thousands_of_middle_names_are_compared_in_linear_time():
    first = " ".join(["John", *_words(20_000, 0), "Quenneville"])
    second = " ".join(["John", *_words(20_000, 50_000), "Quenneville"])
    result = match([facebook(first), linkedin(1, "", second)])
    assert len(result.people) == 2
    [suggestion] = result.suggestions
    assert "but different middle names" in suggestion.evidence[0]


@pytest.mark.timeout(10)  # a hang guard: before, 30 s
def test_a_name_with_thousands_of_dropped_words_is_read_in_linear_time():
    display = "Ngaio Quenneville " + " ".join(f"({w})" for w in _words(60_000, 0))
    result = match([facebook(display), linkedin(1, "Ngaio", "Quenneville")])
    [person] = result.people
    assert (
        person.links[0].evidence[0].startswith("same name after dropping 'babababa', 'cabababa', 'dabababa'")
    )
