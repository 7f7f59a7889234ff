"""Evidence between two accounts: weights, tiers and the sentences a user reads."""

from __future__ import annotations

import string

from circlesort.matching.handle_score import HANDLE_LEVELS, Spelled
from circlesort.matching.names import NAME_LEVELS, NamePair, compare_names
from circlesort.matching.normalize import parse
from circlesort.matching.profile import profile_of
from circlesort.matching.score import CONFLICT, compare, tier_of
from circlesort.model import Account, Tie, Tier

FRIEND = (Tie("friend"),)


def fb(name: str) -> Account:
    return Account("facebook", name, name=name, ties=FRIEND)


def li(first: str, last: str, slug: str, **kw) -> Account:
    url = f"https://www.linkedin.com/in/{slug}"
    return Account(
        "linkedin",
        url,
        name=f"{first} {last}",
        url=url,
        first_name=first,
        last_name=last,
        ties=(Tie("connection"),),
        **kw,
    )


def ig(username: str) -> Account:
    return Account("instagram", username, handle=username, ties=(Tie("follower"),))


def pair(a: Account, b: Account):
    return compare(profile_of(0, a), profile_of(1, b))


def names(a: str, b: str) -> tuple[float, str]:
    return compare_names(parse(a).tokens, parse(b).tokens)


def test_name_levels_rank_as_a_person_would():
    exact, reordered = (
        names("Ngoc Tram Nguyen", "Ngoc Tram Nguyen")[0],
        names("Nguyen, Ngoc Tram", "Ngoc Tram Nguyen")[0],
    )
    nickname = names("Bob Johnson", "Robert Johnson")[0]
    loose = names("Lena Akensoy", "Katherine Akensoy")[0]  # the data set pairs them; few people do
    initial = names("J. Doe", "Jane Doe")[0]
    assert exact > nickname > loose > 0
    assert reordered >= nickname and initial < nickname
    assert names("Jane Doe", "John Doe")[0] <= CONFLICT  # siblings, not one person
    assert names("Francisco Lopez", "Francisca Lopez")[0] <= CONFLICT


def test_same_rare_name_is_certain_with_the_reason_spelled_out():
    c = pair(fb("José Álvarez"), li("Jose", "Alvarez, MBA", "jose-alvarez-3b2a91"))
    assert tier_of(c.logit) == Tier.CERTAIN
    assert "same name after accent folding and dropping 'MBA'" in c.evidence[0]


def test_a_very_common_name_alone_is_only_a_suggestion():
    c = pair(fb("John Smith"), li("John", "Smith", "john-smith-4c81"))
    assert tier_of(c.logit) == Tier.POSSIBLE
    assert any("very common name" in e for e in c.evidence)


def test_an_uncommon_name_in_another_order_is_certain():
    c = pair(fb("Ngọc Trâm Nguyễn"), li("Nguyen", "Ngoc Tram", "ngoctram-nguyen"))
    assert tier_of(c.logit) == Tier.CERTAIN
    assert "in another order" in c.evidence[0]


def test_the_same_email_decides_alone():
    contact = Account(
        "contacts",
        "tomas.reyes@example.org",
        name="T. R.",
        emails=("tomas.reyes@example.org",),
        ties=(Tie("contact"),),
    )
    c = pair(contact, li("Tomás", "Reyes", "tomasreyes", emails=("Tomas.Reyes@example.org",)))
    assert tier_of(c.logit) == Tier.CERTAIN
    assert c.evidence[0] == "same e-mail address (tomas.reyes@example.org)"


def test_instagram_and_threads_share_an_account():
    c = pair(ig("sunnyowl42"), Account("threads", "sunnyowl42", handle="sunnyowl42"))
    assert tier_of(c.logit) == Tier.CERTAIN


def test_a_username_that_spells_the_name_stands_in_for_it():
    c = pair(fb("Sunniva Kalbergsdottir"), ig("sunniva.kalbergsdottir"))
    assert tier_of(c.logit) in (Tier.CERTAIN, Tier.LIKELY)
    assert "spells the name Sunniva Kalbergsdottir" in c.evidence[0]


def test_an_unrelated_username_is_no_evidence():
    assert tier_of(pair(fb("Sunniva Berg"), ig("sunnyowl42")).logit) is None


def test_same_unrelated_username_on_two_networks_is_strong():
    x = Account("x", "1585120", handle="sunnyowl42")
    assert tier_of(pair(ig("sunnyowl42"), x).logit) in (Tier.CERTAIN, Tier.LIKELY)


def test_the_employer_backs_a_name():
    with_employer = pair(
        Account("contacts", "jo@contoso.com", name="Johanna Virtanen", emails=("jo@contoso.com",)),
        li("Johanna", "Virtanen", "jvirtanen", company="Contoso Ltd"),
    )
    assert any("same employer: Contoso Ltd" in e for e in with_employer.evidence)


def test_every_level_says_only_what_its_comparison_shows():
    """A misspelled field in a level's words would fail only once a pair first took that level."""
    for ladder, compared in ((NAME_LEVELS, NamePair), (HANDLE_LEVELS, Spelled)):
        assert len({level.name for level in ladder}) == len(ladder)
        for level in ladder:
            for _, field, _, _ in string.Formatter().parse(level.words):
                assert field is None or hasattr(compared, field), (level.name, field)
