"""Messages as matching evidence: two accounts the user writes to, whose names agree a little,
are one person more likely than two; messages alone never join anyone."""

from __future__ import annotations

from circlesort.matching import match
from circlesort.model import Account, Network, Relation, Talk, Tie

FRIEND = (Tie(Relation.FRIEND),)
FOLLOWER = (Tie(Relation.FOLLOWER),)
TALK = Talk(sent=20, received=22, first="2024-01-05", last="2026-08-30")


def _pair(talk_a: Talk | None, talk_b: Talk | None, handle: str = "maria.l") -> tuple[Account, ...]:
    return (
        Account(Network.FACEBOOK, "Maria Lindqvist", name="Maria Lindqvist", ties=FRIEND, talk=talk_a),
        Account(Network.INSTAGRAM, handle, handle=handle, ties=FOLLOWER, talk=talk_b),
        # Others about, so the bundle is not one person alone.
        Account(Network.FACEBOOK, "Tomas Berg", name="Tomas Berg", ties=FRIEND),
        Account(Network.INSTAGRAM, "tberg", handle="tberg", ties=FOLLOWER),
    )


def _together(result, a: str, b: str) -> bool:
    return any({a, b} <= {x.key for x in p.accounts} for p in result.people)


def _suggested(result, a: str, b: str) -> list:
    return [s for s in result.suggestions if {s.a.key, s.b.key} == {a, b}]


def test_a_weak_name_match_is_only_a_suggestion_without_messages():
    result = match(list(_pair(None, None)))
    assert not _together(result, "Maria Lindqvist", "maria.l")
    assert _suggested(result, "Maria Lindqvist", "maria.l")


def test_messages_with_both_accounts_back_the_name_and_say_so():
    result = match(list(_pair(TALK, Talk(received=3, first="2025-02-01", last="2025-03-01"))))
    person = next(p for p in result.people if any(a.key == "maria.l" for a in p.accounts))
    assert {a.key for a in person.accounts} == {"Maria Lindqvist", "maria.l"}
    (link,) = person.links
    assert any(
        "you exchanged messages with both (42 on Messenger, 3 on Instagram)" in e for e in link.evidence
    )


def test_messages_with_only_one_of_them_add_nothing():
    result = match(list(_pair(TALK, None)))
    assert not _together(result, "Maria Lindqvist", "maria.l")


def test_messages_never_join_accounts_whose_names_do_not_agree():
    result = match(list(_pair(TALK, TALK, handle="sunset.lover")))
    assert not _together(result, "Maria Lindqvist", "sunset.lover")
    assert not _suggested(result, "Maria Lindqvist", "sunset.lover")


def test_group_messages_alone_are_no_evidence():
    group_only = Talk(in_groups=50)
    result = match(list(_pair(group_only, group_only)))
    assert not _together(result, "Maria Lindqvist", "maria.l")
