"""What the sorting list shows: the people not to sort set aside, groups by suggestion, orders,
the pace, why an empty list is empty, and a status bar that fits any width."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rich.cells import cell_len
from textual.widgets import Static

from circlesort.cli.commands import sample_exports
from circlesort.rules.suggest import load_rules
from circlesort.ui.screens.modals import Confirm
from circlesort.ui.screens.sort_status import Status, status_line
from circlesort.workspace import UNDECIDED, Workspace, import_paths
from circlesort.workspace.reads import known_since_apart
from circlesort.workspace.roster import Filter, Roster, _asks
from circlesort.workspace.roster_groups import Order, groups, order, pace, since_order, time_left

from .conftest import drive, screen_text


def status_of(app) -> str:
    return str(app.screen.query_one("#status", Static).content)


def test_people_not_to_sort_are_set_aside_by_their_relations():
    with Workspace.open() as ws:
        import_paths(ws, [str(sample_exports())])
        roster = Roster.load(ws)
    by_name = {r.name: r for r in roster.rows}
    # Only removed, declined, blocked, muted, restricted; or an X account known by its number.
    for name in (
        "Ben Okoro",
        "Chloe Martins",
        "free_followers_4u",
        "shouty",
        "Angry Commenter 😠",
        "123123123",
    ):
        assert not by_name[name].to_sort, name
    assert all(r.to_sort for r in roster.rows if "x" in r.networks and not r.name.isdigit())
    assert by_name["Alice Martin"].to_sort  # a connection who follows: to decide about
    assert roster.aside() == 19 and sum(roster.counts().values()) == 201
    assert len(roster.select(Filter())) == 201 and len(roster.select(Filter(everyone=True))) == 220
    # Gone from the newest export: aside; muted but followed: still to sort.
    assert not _asks(("facebook", "A B", "A B", "", "", "friend", 1, 1))
    assert _asks(("instagram", "ab", "A B", "ab", "", "following,muted", 1, 0))


def test_groups_by_suggestion_and_orders_in_the_core():
    with Workspace.open() as ws:
        import_paths(ws, [str(sample_exports())])
        roster = Roster.load(ws)
        rules = load_rules()
        found = groups(roster, rules)
        linkedin_only = next(g for g in found if g.rule == "LinkedIn only")
        f = Filter(suggested=linkedin_only.category, rule="LinkedIn only")
        shown = roster.select(f)
        assert len(shown) == linkedin_only.count == 30
        assert all(roster.rows[i].networks == ("linkedin",) for i in shown)
        order(roster, Order.SINCE, ws, rules)
        since = ws.known_since()
        dates = [
            since[roster.rows[i].id]
            for i in roster.select(Filter(), Order.SINCE)
            if roster.rows[i].id in since
        ]
        assert dates == sorted(dates) and dates
        # The app reads the same dates beforehand on a connection of its own, in a thread.
        assert known_since_apart(ws.path) == since
        assert since_order(roster, known_since_apart(ws.path)) == roster.orders[Order.SINCE]


def test_pace_leaves_out_pauses():
    start = datetime(2026, 1, 1, tzinfo=UTC)
    gaps = [10, 10, 3600, 20, 10, 10, 20]  # an hour's pause among them
    times, t = [], start
    for g in gaps:
        t += timedelta(seconds=g)
        times.append(t.isoformat())
    each = pace(list(reversed(times)))
    assert each == 14.0  # 10, 20, 10, 10, 20: the hour left out
    assert time_left(1900, 1.4) == "~44 min" and time_left(1900, 10) == "~5 h 17 min"
    assert pace(times[:3]) is None and time_left(10, None) == ""


def test_status_bar_shortens_by_priority_and_keeps_filter_and_marks():
    facts = Status(
        120,
        2001,
        {"keep-personal": 50, UNDECIDED: 1881},
        42,
        False,
        1881,
        "",
        "~45 min",
        "undecided, facebook",
        900,
        "by network",
        3,
    )
    full = status_line(facts, 200)
    assert "Sorted 120 of 2,001" in full and "42 not to sort" in full and "~1,881 left, ~45 min" in full
    for width in (118, 78, 58, 44):
        line = status_line(facts, width)
        assert cell_len(line) <= width
        assert line.endswith("3 marked") and "900" in line
    assert "undecided, facebook" in status_line(facts, 78)
    facts.shown = "“張偉 張偉 張偉 張偉 張偉 張偉 張偉 張偉 張偉 張偉”"  # a search in wide characters
    assert all(cell_len(status_line(facts, width)) <= width for width in (78, 58, 44))


def test_the_people_not_to_sort_one_key_away_and_never_counted():
    async def test(pilot, app, ws):
        screen = app.screen
        assert "19 not to sort" in status_of(app) and "Sorted 0 of 201" in status_of(app)
        assert all(screen.roster.rows[i].to_sort for i in screen.people.view)
        await pilot.press("e")
        assert len(screen.people.view) == 220 and "(shown)" in status_of(app)
        await pilot.press("slash", *"Ben Okoro", "enter", "1")  # decided anyway: still not counted
        await pilot.pause()
        assert "Sorted 0 of 201" in status_of(app)
        await pilot.press("escape")
        assert len(screen.people.view) == 201

    drive(test)


def test_a_group_by_suggestion_reviewed_and_accepted_with_a_breakdown():
    async def test(pilot, app, ws):
        screen = app.screen
        await pilot.press("b")  # the first group: everyone the rules suggest keep personal for
        await pilot.pause()
        assert screen.filter.suggested == "keep-personal" and len(screen.people.view) == 34
        text = screen_text(app)
        assert "suggested personal: 34" in text and "in contacts and on Facebook: 22" in text
        assert "messaged lately on Messenger or Instagram: 2" in text
        assert "suggested personal: 34" in status_of(app)
        await pilot.press("b")
        assert screen.filter.rule == "in contacts and on Facebook" and len(screen.people.view) == 22
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert "personal 22: in contacts and on Facebook 22" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert sum(p.category == "keep-personal" for p in ws.people()) == 22
        assert screen.people.view == []
        assert "Everyone suggested personal is sorted — b: next group, esc: everyone" in screen_text(app)

    drive(test, size=(120, 40))


def test_orders_cycle_with_one_key_and_the_status_names_them():
    async def test(pilot, app, ws):
        screen = app.screen
        await pilot.press("O")
        assert "by network" in status_of(app)
        networks = [screen.roster.rows[i].networks[0] for i in screen.people.view]
        assert networks[0] == screen.roster.rows[screen.roster.select(Filter(), Order.NETWORK)[0]].networks[0]
        await pilot.press("O")
        assert "known longest first" in status_of(app)
        await pilot.press("O")
        assert "by suggestion" in status_of(app)
        await pilot.press("O")  # the people written to most first: Zoë, on Messenger and Instagram
        assert "most talked to" in status_of(app)
        first = screen.roster.rows[screen.people.view[0]]
        assert first.name == "Zoë 🌸 Dupont" and first.talked == 18
        await pilot.press("O")
        assert screen.order == Order.NAME and "by " not in status_of(app)

    drive(test)


def test_pace_and_what_is_left_per_network_in_the_status_bar():
    async def test(pilot, app, ws):
        await pilot.press("n")
        while app.screen.filter.network != "facebook":
            await pilot.press("n")
        for _ in range(7):
            await pilot.press("1")
        await pilot.pause()
        line = status_of(app)
        assert "left on Facebook" in line and "min" in line

    drive(test, size=(140, 30))


def test_an_empty_list_says_why():
    async def test(pilot, app, ws):
        text = screen_text(app)
        assert "An empty workspace" in text and "`" not in text

    drive(test, exports=[])

    async def dry(pilot, app, ws):
        await pilot.press("n")
        while app.screen.filter.network != "facebook":
            await pilot.press("n")
        await pilot.press("d", "asterisk", "1")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.people.view == []
        assert "All Facebook people are sorted — n: next network, esc: everyone" in screen_text(app)

    drive(dry, size=(120, 30))


def test_the_status_bar_fits_at_60_80_and_120_columns():
    for width in (60, 80, 120):

        async def test(pilot, app, ws, width=width):
            await pilot.press("escape", "d", "space", "space")  # (the workspace kept the last run's filter)
            await pilot.pause()
            line = status_of(app)
            assert cell_len(line) <= width - 2, line
            assert "undecided" in line and "2 marked" in line
            assert line.splitlines()[0] in screen_text(app)

        drive(test, size=(width, 24))
