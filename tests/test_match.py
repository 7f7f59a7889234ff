"""People from accounts: the sample exports' hard cases, one account per network, no chains."""

from __future__ import annotations

from collections import Counter

import pytest

from circlesort.importers import load
from circlesort.matching import match
from circlesort.model import Account, Tie
from tests.conftest import HOSTILE, ROOT


@pytest.fixture(scope="module")
def sample():
    accounts = load([str(ROOT / "sample_exports")]).accounts
    return accounts, match(accounts)


def person_of(result, network: str, name: str):
    hits = [
        p
        for p in result.people
        for a in p.accounts
        if a.network == network and name in (a.display_name, a.key)
    ]
    assert len(hits) == 1, (network, name)
    return hits[0]


def networks(person) -> list[str]:
    return [a.network for a in person.accounts]


def test_every_account_is_in_exactly_one_person_with_one_account_per_network(sample):
    accounts, result = sample
    placed = Counter((a.network, a.key) for p in result.people for a in p.accounts)
    assert placed == Counter((a.network, a.key) for a in accounts)
    for p in result.people:
        assert len(set(networks(p))) == len(p.accounts), p.name
        assert len(p.links) == len(p.accounts) - 1  # a tree: every account joined by one link


def test_jose_alvarez_across_four_networks(sample):
    _, result = sample
    p = person_of(result, "facebook", "José Álvarez")
    assert sorted(networks(p)) == ["contacts", "facebook", "instagram", "linkedin"]
    assert p.name == "José Álvarez"
    assert {link.tier for link in p.links} == {"certain"}
    evidence = [e for link in p.links for e in link.evidence]
    assert "same name after accent folding and dropping 'MBA'" in evidence


@pytest.mark.parametrize(
    ("network", "name", "other", "other_name"),
    [
        ("facebook", "Sasha Petrov", "linkedin", "Aleksandr Petrov"),
        ("facebook", "Kate O'Brien", "linkedin", "Catherine O'Brien"),
        ("facebook", "Ngọc Trâm Nguyễn", "linkedin", "Nguyen Ngoc Tram"),
        ("facebook", "Наталья Мухина", "linkedin", "Natalya Mukhina"),
        ("facebook", "Łukasz Wójcik", "linkedin", "Lukasz Wojcik"),
        ("facebook", "Jürgen Müller-Lüdenscheidt", "linkedin", "Juergen Mueller-Luedenscheidt"),
        ("linkedin", "Jane Doe", "instagram", "janedoe92"),
        ("instagram", "janedoe92", "threads", "janedoe92"),
        ("facebook", "Zoë 🌸 Dupont", "instagram", "zoe.dupont"),
    ],
)
def test_hard_cases_are_linked(sample, network, name, other, other_name):
    _, result = sample
    assert person_of(result, network, name) is person_of(result, other, other_name)


@pytest.mark.parametrize(
    ("network", "name", "other", "other_name"),
    [
        ("facebook", "John Smith", "linkedin", "John Smith"),  # a school friend and a colleague
        ("facebook", "Maria Garcia", "linkedin", "Maria Garcia"),
        ("facebook", "Sunniva Berg", "instagram", "sunnyowl42"),  # "Sunny ☀️" on Instagram: no full name
    ],
)
def test_namesakes_and_strangers_stay_apart(sample, network, name, other, other_name):
    _, result = sample
    assert person_of(result, network, name) is not person_of(result, other, other_name)


def test_common_names_become_suggestions_with_their_reason(sample):
    _, result = sample
    pairs = {(s.a.network, s.a.display_name, s.b.network, s.b.display_name): s for s in result.suggestions}
    s = pairs[("facebook", "John Smith", "linkedin", "John Smith")]
    assert s.tier == "possible" and "very common name" in " ".join(s.evidence)
    assert ("facebook", "Maria Garcia", "linkedin", "Maria Garcia") in pairs


def account(network: str, name: str, key: str | None = None, **kw) -> Account:
    return Account(network, key or name, name=name, ties=(Tie("friend"),), **kw)


def test_two_equally_good_candidates_on_one_network_are_left_to_the_user():
    accounts = [
        account("facebook", "Ottilie Brandvold"),
        account("linkedin", "Ottilie Brandvold", "https://www.linkedin.com/in/ob1"),
        account("linkedin", "Ottilie Brandvold", "https://www.linkedin.com/in/ob2"),
    ]
    result = match(accounts)
    assert all(len(p.accounts) == 1 for p in result.people)
    assert len(result.suggestions) == 2
    assert all(
        "fits Facebook 'Ottilie Brandvold' about as well" in " ".join(s.evidence) for s in result.suggestions
    )


def test_a_group_never_holds_two_people_who_contradict_each_other():
    # "J. Brandvold" could join either; once Jonas is with Ottilie's username it cannot be both.
    accounts = [
        account("facebook", "Jonas Brandvold"),
        account("linkedin", "Ottilie Brandvold", "u1"),
        Account("instagram", "jbrandvold", handle="jbrandvold"),
    ]
    result = match(accounts)
    for p in result.people:
        names = {a.display_name for a in p.accounts}
        assert not {"Jonas Brandvold", "Ottilie Brandvold"} <= names


def test_hostile_names_are_matched_without_harm():
    accounts = [account("facebook", n, f"k{i}") for i, n in enumerate(HOSTILE)]
    accounts += [account("contacts", n, f"c{i}") for i, n in enumerate(HOSTILE)]
    result = match(accounts)
    assert sum(len(p.accounts) for p in result.people) == len(accounts)
    for text in [e for p in result.people for link in p.links for e in link.evidence]:
        assert "\x1b" not in text and "\x00" not in text
