"""Who the user talks to, on screen: the card's messages line and each account's counts, the
"talked to in the last year" filter and the order "most talked to", the requests' line. The
sample exports' made-up message files, read for real; driven by keys with Pilot."""

from __future__ import annotations

from textual.widgets import Static

from circlesort.ui.screens.requests import RequestsScreen
from circlesort.ui.screens.sort_cursor import filter_from
from circlesort.ui.widgets.person_card import PersonCard

from .conftest import drive, screen_text


def card_text(app) -> str:
    """The card's text unwrapped, as a reader takes it in."""
    return app.screen.query_one(PersonCard).query_one(Static).visual.plain


def test_the_card_says_how_much_and_where_they_talk_and_each_account_its_share():
    async def test(pilot, app, ws):
        await pilot.press("slash", *"Zoe", "enter")
        await pilot.pause()
        text = card_text(app)
        assert (
            "messages   18 messages, last 2026-10 · Messenger, Instagram · 1 message in groups with you"
            in text
        )
        assert "· Messenger counted only until 2026-09" in text  # a standard download: where it stops
        assert "10 messages (5 sent, 5 received), 2025-11-16 to 2026-09-20" in text
        assert "8 messages (3 sent, 5 received), 2026-09-15 to 2026-10-27" in text
        await pilot.press("escape", "slash", *"Jane Doe", "enter")
        await pilot.pause()
        assert "messages   none exchanged" in card_text(app)  # her networks' files were read

    drive(test, size=(140, 50))


def test_talked_to_in_the_last_year_filters_and_most_talked_to_orders():
    async def test(pilot, app, ws):
        screen = app.screen
        await pilot.press("T")
        await pilot.pause()
        shown = [screen.roster.rows[i] for i in screen.people.view]
        assert {r.name for r in shown} == {"Zoë 🌸 Dupont", "Sam Rivera", "Sunny ☀️"}
        assert "talked to in the last year: 3" in screen_text(app)
        await pilot.press("O", "O", "O", "O")  # by network, known since, suggestion, most talked to
        assert screen.roster.rows[screen.people.view[0]].name == "Zoë 🌸 Dupont"
        assert "18 msgs, 2026-10" in screen_text(app)  # the list says how many, in place of relations
        await pilot.press("T")  # off again: everyone to sort
        assert len(screen.people.view) == 201
        # Tomás wrote on LinkedIn in 2021: long ago, though LinkedIn's own files end there.
        assert all(r.name != "Tomás Reyes" for r in shown)

    drive(test, size=(120, 40))


def test_the_requests_say_whether_you_ever_exchanged_messages():
    async def test(pilot, app, ws):
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RequestsScreen)
        assert "Messages with them: none exchanged" in screen_text(app)  # Noah Brennan, on Facebook

    drive(test, size=(120, 40))


def test_the_filter_on_talk_is_kept_across_restarts_and_odd_values_are_dropped():
    assert filter_from({"talked_within_days": 365}).talked_within_days == 365
    for odd in (0, -5, "365", 36.5, True, None):
        assert filter_from({"talked_within_days": odd}).talked_within_days is None
