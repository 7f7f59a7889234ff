"""Messages as matching evidence: two accounts the user writes to, whose full names agree a
little, are one person more likely than two, the more so the fewer people the user writes to;
messages alone never join anyone."""

from __future__ import annotations

from circlesort.matching import match
from circlesort.model import Account, Network, Relation, Talk, Tie

FRIEND = (Tie(Relation.FRIEND),)
FOLLOWER = (Tie(Relation.FOLLOWER),)
TALK = Talk(sent=20, received=22, first="2024-01-05", last="2026-08-30")
FB_NAME, IG = "Dorota Wiśniewska", "dw_77"


def _others(talk: Talk | None = None) -> list[Account]:
    """Friends and followers about, whom the user writes to or not."""
    return [
        Account(Network.FACEBOOK, f"Friend{i} Person{i}", name=f"Friend{i} Person{i}", ties=FRIEND, talk=talk)
        for i in range(12)
    ] + [
        Account(Network.INSTAGRAM, f"user{i}", handle=f"user{i}", ties=FOLLOWER, talk=talk) for i in range(12)
    ]


def _pair(
    talk_a: Talk | None, talk_b: Talk | None, ig_name: str = "Dorota W", others: Talk | None = None
) -> list[Account]:
    return [
        Account(Network.FACEBOOK, FB_NAME, name=FB_NAME, ties=FRIEND, talk=talk_a),
        # The name her Instagram threads show: her export shows only the username.
        Account(Network.INSTAGRAM, IG, handle=IG, name=ig_name, ties=FOLLOWER, talk=talk_b),
        *_others(others),
    ]


def _together(result) -> bool:
    return any({FB_NAME, IG} <= {x.key for x in p.accounts} for p in result.people)


def _suggested(result) -> list:
    return [s for s in result.suggestions if {s.a.key, s.b.key} == {FB_NAME, IG}]


def test_a_surname_initial_alone_is_only_a_suggestion():
    result = match(_pair(None, None))
    assert not _together(result) and _suggested(result)


def test_messages_with_both_accounts_back_the_name_and_say_so():
    result = match(_pair(TALK, Talk(received=3, first="2025-02-01", last="2025-03-01")))
    person = next(p for p in result.people if any(a.key == IG for a in p.accounts))
    assert {a.key for a in person.accounts} == {FB_NAME, IG}
    (link,) = person.links
    assert any(
        "you exchanged messages with both (42 on Messenger, 3 on Instagram)" in e for e in link.evidence
    )


def test_messages_with_only_one_of_them_add_nothing():
    assert not _together(match(_pair(TALK, None)))


def test_writing_to_nearly_everyone_says_nothing_of_anyone():
    assert not _together(match(_pair(TALK, TALK, others=TALK)))


def test_messages_never_join_accounts_whose_names_do_not_agree():
    result = match(_pair(TALK, TALK, ig_name="Sunny ☀️"))
    assert not _together(result) and not _suggested(result)


def test_group_messages_alone_are_no_evidence():
    group_only = Talk(in_groups=50)
    assert not _together(match(_pair(group_only, group_only)))
