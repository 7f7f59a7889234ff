"""The rules' conditions on messages (messages, last_message_within), their one-line errors, the
reasons that name how many and where, and the default rules that use them."""

from __future__ import annotations

from datetime import date

import pytest

from circlesort.errors import InputError
from circlesort.model import NETWORKS, Talk
from circlesort.rules.file import _items, render, save_employers
from circlesort.rules.messages import MESSAGE_PLACES, Span, parse_span
from circlesort.rules.suggest import Seen, default_text, load_rules, parse, suggest

TODAY = date(2026, 12, 7)


def rule(when: str, because: str = "mine") -> list:
    return parse(
        f"- name: mine\n  when: {when}\n  suggest: keep-personal\n  because: {because}\n", "rules.yaml"
    )


def fits(when: str, accounts: list[Seen], ends: dict | None = None) -> bool:
    return suggest(rule(when), accounts, ends, TODAY) is not None


def talk(sent: int, received: int = 0, last: str | None = "2026-11-30", groups: int = 0) -> Talk:
    return Talk(sent, received, groups, "2010-01-01" if last else None, last)


FB = Seen("facebook", ("friend",), talk=talk(200, 40, "2023-06-02"))
IG = Seen("instagram", ("follower", "following"), talk=talk(2, 1, "2026-10-01"))
IN = Seen("linkedin", ("connection",), talk=talk(3, 4, "2025-02-01"))
QUIET_FB = Seen("facebook", ("friend",))


# --- messages ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "accounts", "expected"),
    [
        ("{messages: 7}", [IN], True),
        ("{messages: 8}", [IN], False),
        ("{messages: 247}", [FB, IN], True),  # over the person's accounts
        ("{messages: 248}", [FB, IN], False),
        ("{messages: 1}", [QUIET_FB], False),
        ("{messages: 1}", [Seen("facebook", (), talk=talk(0, groups=90))], False),  # groups do not count
        ("{messages: {at_least: 8, on: [linkedin]}}", [FB, IN], False),
        ("{messages: {at_least: 7, on: linkedin}}", [FB, IN], True),
        ("{messages: {on: [x, mastodon]}}", [FB, IN], False),
        ("{messages: {}}", [IG], True),  # has messages
        ("{messages: {only_on: [linkedin]}}", [QUIET_FB, IN], True),
        ("{messages: {only_on: [linkedin]}}", [FB, IN], False),
        ("{messages: {only_on: [linkedin]}}", [QUIET_FB], False),  # no messages at all
        ("{messages: {only_on: [linkedin, instagram]}}", [QUIET_FB, IG, IN], True),
        ("{messages: {only_on: [linkedin], at_least: 8}}", [IN], False),
    ],
)
def test_messages(when, accounts, expected):
    assert fits(when, accounts) is expected


def test_the_accounts_only_on_keeps_its_meaning_beside_the_messages_only_on():
    accounts = [QUIET_FB, IN]
    assert fits("{messages: {only_on: [linkedin]}}", accounts)
    assert not fits("{only_on: [linkedin]}", accounts)  # also on Facebook
    assert not fits("{only_on: [linkedin], messages: {only_on: [linkedin]}}", accounts)
    assert fits("{only_on: [linkedin], messages: {only_on: [linkedin]}}", [IN])


# --- last_message_within -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("2 years", Span(2, "years")),
        ("1 year", Span(1, "years")),
        ("2y", Span(2, "years")),
        (" 18 Months ", Span(18, "months")),
        ("6m", Span(6, "months")),
        ("3 weeks", Span(3, "weeks")),
        ("90 days", Span(90, "days")),
        ("90d", Span(90, "days")),
    ],
)
def test_spans_read(text, span):
    assert parse_span(text) == span


def test_a_span_counts_back_by_the_calendar():
    assert Span(2, "years").start(date(2024, 2, 29)) == date(2022, 2, 28)
    assert Span(1, "months").start(date(2024, 3, 31)) == date(2024, 2, 29)
    assert Span(13, "months").start(date(2024, 1, 15)) == date(2022, 12, 15)
    assert Span(90, "days").start(date(2024, 3, 31)) == date(2024, 1, 1)
    assert Span(99999, "years").start(date(2024, 1, 1)) == date.min  # never a crash


@pytest.mark.parametrize(
    ("when", "accounts", "expected"),
    [
        ("{last_message_within: 90 days}", [IG], True),  # 2026-10-01, today 2026-12-07
        ("{last_message_within: 30 days}", [IG], False),
        ("{last_message_within: 2 years}", [IN], True),
        ("{last_message_within: 1 year}", [IN], False),
        ("{last_message_within: 1 year}", [QUIET_FB], False),
        ("{last_message_within: 10 years}", [Seen("x", (), talk=talk(0, groups=5, last=None))], False),
        ("{messages: {on: [facebook]}, last_message_within: 1 year}", [FB, IN, IG], False),
        ("{messages: {on: [instagram]}, last_message_within: 1 year}", [FB, IN, IG], True),
        ("{messages: 300, last_message_within: 1 year}", [FB, IN, IG], False),
    ],
)
def test_last_message_within(when, accounts, expected):
    assert fits(when, accounts) is expected


@pytest.mark.parametrize("end", ["2023-12", "2023-12-31", "2023-12-15T08:00:00Z"])
def test_a_span_counts_back_from_where_that_networks_messages_end(end):
    # Messenger's standard download stops at 2023-12: June 2023 is recent for it.
    assert fits("{last_message_within: 1 year}", [FB], {"facebook": end})
    assert not fits("{last_message_within: 1 year}", [FB])  # from today: not recent
    assert not fits("{last_message_within: 3 months}", [FB], {"facebook": end})
    # Each network counts from its own end: LinkedIn's (none given) is today.
    assert not fits("{last_message_within: 1 year}", [QUIET_FB, IN], {"facebook": end})
    assert fits("{last_message_within: 1 year}", [QUIET_FB, IN], {"facebook": end, "linkedin": "2025-06-30"})


def test_odd_dates_and_ends_never_crash_and_never_count_as_recent():
    odd = Seen("facebook", (), talk=Talk(3, 0, 0, "x", "not a date"))
    for ends in (None, {"facebook": "garbage"}, {"facebook": ""}, {"facebook": "2023-13"}):
        assert not fits("{last_message_within: 99999 years}", [odd], ends)
        assert fits("{last_message_within: 99999 years}", [FB], ends)


# --- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "problem"),
    [
        ("{messages: -3}", "messages is a whole number of 1 or more, or a mapping of at_least, on, only_on"),
        ("{messages: 0}", "messages is a whole number of 1 or more"),
        ("{messages: 2.5}", "messages is a whole number of 1 or more"),
        ("{messages: true}", "messages is a whole number of 1 or more"),
        ("{messages: lots}", "messages is a whole number of 1 or more"),
        ("{messages: [linkedin]}", "messages is a whole number of 1 or more"),
        ("{messages: {within: 2}}", "or a mapping of at_least, on, only_on"),
        ("{messages: {at_least: -1}}", "messages.at_least is a whole number of 1 or more"),
        ("{messages: {at_least: many}}", "messages.at_least is a whole number of 1 or more"),
        ("{messages: {on: [messenger]}}", "messages.on is a list of networks (facebook, linkedin"),
        ("{messages: {only_on: [linkdin]}}", "messages.only_on is a list of networks (facebook"),
        ("{messages: {only_on: {linkedin: 2}}}", "messages.only_on is a list of networks"),
        ("{last_message_within: 2 fortnights}", 'last_message_within "2 fortnights" is not a span: a whole'),
        ("{last_message_within: -2 years}", 'last_message_within "-2 years" is not a span'),
        (
            "{last_message_within: 2 years ago}",
            "is not a span: a whole number of days, weeks, months or years",
        ),
        ("{last_message_within: 0 days}", "last_message_within is a span of 1 or more"),
        ("{last_message_within: 2}", "last_message_within is not a span"),
        ("{last_message_within: years}", 'last_message_within "years" is not a span'),
        ("{last_message_within: [2, years]}", "last_message_within is not a span"),
        ("{last_message_within: " + "9" * 50 + " days}", "last_message_within is not a span"),
        (
            "{message: 3}",
            "conditions are on, only_on, relation, lacks, company, messages, last_message_within",
        ),
    ],
)
def test_a_wrong_condition_on_messages_is_one_line_naming_the_rule(tmp_path, when, problem):
    path = tmp_path / "rules.yaml"
    path.write_text(f"- name: mine\n  when: {when}\n  suggest: keep-personal\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_rules(path)
    assert e.value.path == str(path) and e.value.problem.startswith("rule 'mine': ")
    assert problem in e.value.problem and "\n" not in e.value.problem


# --- reasons -------------------------------------------------------------------------------------


def test_the_reason_names_how_many_and_where():
    because = "'{messages}: messaged {times} on {networks}'"
    ig = Seen("instagram", (), talk=talk(1000, 0))
    assert suggest(rule("{messages: 1}", because), [FB, ig], today=TODAY).reason == (
        "1,240: messaged 1,240 times on Messenger and Instagram"
    )
    three = suggest(rule("{messages: 1}", because), [IN, FB, IG], today=TODAY).reason
    assert three == "250: messaged 250 times on Messenger, LinkedIn and Instagram"  # in the networks' order
    assert suggest(rule("{}", because), [IN], today=TODAY).reason == "7: messaged 7 times on LinkedIn"
    one, two = Seen("x", (), talk=talk(1)), Seen("x", (), talk=talk(1, 1))
    assert suggest(rule("{}", "'{times} on {networks}'"), [one], today=TODAY).reason == "once on X"
    assert suggest(rule("{}", "'{times} on {networks}'"), [two], today=TODAY).reason == "twice on X"
    assert suggest(rule("{}", "'{times} on {networks}.'"), [QUIET_FB], today=TODAY).reason == "0 times on ."


def test_the_reason_counts_on_the_rules_networks_and_keeps_other_braces():
    found = suggest(
        rule("{messages: {on: [linkedin]}}", "'{times} on {networks} {sic}'"), [FB, IN], today=TODAY
    )
    assert found.reason == "7 times on LinkedIn {sic}"


def test_every_network_has_a_word_for_where_its_messages_are():
    assert set(MESSAGE_PLACES) == set(NETWORKS) and MESSAGE_PLACES["facebook"] == "Messenger"


# --- the defaults --------------------------------------------------------------------------------


def test_the_default_rules_for_someone_messaged_lately_on_messenger():
    found = suggest(load_rules(), [FB], {"facebook": "2023-12"}, TODAY)
    assert (found.category, found.rule) == ("keep-personal", "messaged lately on Messenger or Instagram")
    assert found.reason == "wrote to each other 240 times on Messenger, the last within two years"
    # Even a page follower, a LinkedIn colleague asking on Facebook: the messages say personal.
    asking = [Seen("facebook", ("request_received",), talk=talk(5, 5)), Seen("linkedin", ("connection",))]
    assert suggest(load_rules(), asking, today=TODAY).category == "keep-personal"


def test_the_default_rules_for_someone_messaged_only_on_linkedin():
    found = suggest(load_rules(), [QUIET_FB, IN], today=TODAY)
    assert (found.category, found.rule) == ("move-to-professional", "messaged only on LinkedIn")
    assert found.reason == "wrote to each other 7 times on LinkedIn, nowhere else"


@pytest.mark.parametrize(
    "accounts",
    [
        [QUIET_FB],
        [Seen("facebook", ("friend",), talk=Talk(0, 0, 40))],  # only in groups
        [Seen("facebook", ("friend",), talk=talk(30, 30, "2019-05-01"))],  # long ago, no end given
        [Seen("facebook", ("friend",), talk=talk(30, 30, "2019-05-01")), IN],  # not only on LinkedIn
    ],
)
def test_the_message_rules_leave_others_to_the_other_rules(accounts):
    found = suggest(load_rules(), accounts, {"facebook": "2023-12"}, TODAY)
    assert found is None or "messaged" not in found.rule


def test_the_other_defaults_still_come_first_where_they_fit():
    close = Seen("instagram", ("close_friend",), talk=talk(5))
    assert suggest(load_rules(), [close], today=TODAY).rule == "close friend"
    mine = save_employers(["Contoso"], None)  # $CIRCLESORT_CONFIG is the test's own (conftest)
    colleague = Seen("linkedin", ("connection",), "Contoso", talk=talk(1))
    assert suggest(load_rules(mine), [colleague, FB], {"facebook": "2023-12"}, TODAY).rule == "my employers"


def test_the_defaults_round_trip_through_the_rules_file(tmp_path):
    assert render(_items(default_text(), "default rules")) == default_text()
    path = tmp_path / "rules.yaml"
    mine = "- name: pen pals\n  when: {messages: {at_least: 3, on: [x]}, last_message_within: 6m}\n"
    path.write_text(mine + "  suggest: keep-personal\n  because: '{times} on {networks}'\n", "utf-8")
    save_employers(["Fabrikam"], path)
    rules = load_rules(path)
    assert [r.name for r in rules] == ["my employers", "pen pals"]
    assert rules[1].when == rule("{messages: {at_least: 3, on: x}, last_message_within: 6 months}")[0].when
    assert rules[1].because == "{times} on {networks}"


def test_only_on_needs_the_other_networks_messages_to_have_been_read():
    """A Facebook friend written to on LinkedIn is "only on LinkedIn" only where Facebook's
    message files were read; with none read, their Messenger chats are unknown."""
    only = "{messages: {only_on: [linkedin]}}"
    assert fits(only, [QUIET_FB, IN], {"facebook": "2026-11-01", "linkedin": "2026-11-01"})
    assert not fits(only, [QUIET_FB, IN], {"linkedin": "2026-11-01"})
    assert fits(only, [IN], {"linkedin": "2026-11-01"})  # LinkedIn alone: nothing unknown
    found = suggest(load_rules(), [QUIET_FB, IN], {"linkedin": "2026-11-01"}, today=TODAY)
    assert found is None or found.rule != "messaged only on LinkedIn"
