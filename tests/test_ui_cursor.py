"""Where the sorting screen's cursor goes: after undo and redo, a search, a bulk decision, and
at the start (where the user left off). The next key must decide the person the user looks at."""

from __future__ import annotations

import asyncio

from circlesort.cli.commands import sample_exports
from circlesort.ui.app import CirclesortApp
from circlesort.ui.screens.sort_cursor import PLACE
from circlesort.ui.widgets.search_box import SearchBox
from circlesort.workspace import UNDECIDED, Workspace, import_paths
from circlesort.workspace.roster import Filter

from .conftest import drive, screen_text

INTERNAL = ("keep-personal", "move-to-professional", "page-follower")


def categories(ws: Workspace) -> dict[str, str]:
    return {p.id: p.category for p in ws.people()}


def on_screen(people) -> bool:
    top = round(people.scroll_y)
    return top <= people.cursor < top + people.scrollable_content_region.height


def test_undo_and_redo_go_to_the_person_and_name_them_in_words():
    async def test(pilot, app, ws):
        people = app.screen.people
        first = people.current
        await pilot.press("2", "j", "j", "j")
        await pilot.press("u")
        await pilot.pause()
        assert people.current.id == first.id and categories(ws)[first.id] == UNDECIDED
        text = screen_text(app)
        assert f"Undone: {first.name} → professional" in text
        await pilot.press("j", "j", "U")
        await pilot.pause()
        assert people.current.id == first.id and categories(ws)[first.id] == "move-to-professional"
        assert f"Redone: {first.name} → professional" in screen_text(app)
        await pilot.press("space", "space", "3", "y")  # two people at once, after asking
        await pilot.pause()
        await pilot.press("g", "u")
        await pilot.pause()
        text = screen_text(app)
        assert "Undone: 2 people → page" in text
        assert not any(word in text for word in INTERNAL)

    drive(test)


def test_workspace_show_names_the_decision_in_words(cli):
    code, _, _ = cli("import", str(sample_exports()))
    with Workspace.open() as ws:
        person = ws.people()[0]
        ws.decide([person.id], "move-to-professional")
        ws.decide([p.id for p in ws.people()[1:4]], "keep-personal")
        ws.undo()
    code, out, _ = cli("workspace", "show")
    assert code == 0
    assert f"undo would undo: {person.name} → professional" in out
    assert "redo would redo: 3 people → personal" in out
    assert not any(word in out for word in INTERNAL)


def test_a_search_starts_on_the_first_match_and_esc_keeps_the_person_on_screen():
    async def test(pilot, app, ws):
        people = app.screen.people
        await pilot.press("j", "j", "j", "j", "j")
        last = app.screen.roster.rows[people.view[-1]]
        await pilot.press("slash", *last.name.split()[0])
        await pilot.pause()
        assert people.cursor == 0 and people.current.name == app.screen.roster.rows[people.view[0]].name
        await pilot.press("enter", "G")  # the last match: the last person of the list
        wanted = people.current.id
        await pilot.press("escape")
        await pilot.pause()
        assert people.current.id == wanted and len(people.view) > 20
        assert on_screen(people)
        await pilot.press("slash")
        search = app.screen.query_one(SearchBox)
        for typed in ("A", "Am", "Ama", "Amar", "Amara"):  # a fast typist: the notices come after
            search.value = typed
        await pilot.pause()
        await pilot.pause()
        assert search.value == "Amara" and app.screen.filter.text == "Amara"
        assert people.cursor == 0 and all("amara" in app.screen.roster.rows[i].haystack for i in people.view)

    drive(test, size=(100, 24))


def test_after_a_bulk_decision_the_cursor_stays_on_the_undecided_row_it_stood_on():
    async def test(pilot, app, ws):
        people = app.screen.people
        await pilot.press("space", "space")  # the first two marked; the cursor on the third
        third = people.current.id
        await pilot.press("2", "y")
        await pilot.pause()
        assert people.current.id == third and categories(ws)[third] == UNDECIDED

    drive(test)


def test_accepting_the_suggestions_shown_goes_to_the_next_undecided_from_where_it_was():
    async def test(pilot, app, ws):
        screen = app.screen
        people = screen.people
        await pilot.press(*"jjjjj")
        start = people.cursor
        await pilot.press("A", "y")
        await pilot.pause()
        rows = [screen.roster.rows[i] for i in people.view]
        assert people.current.category == UNDECIDED
        assert people.cursor >= start and all(r.category != UNDECIDED for r in rows[start : people.cursor])

    drive(test)


def test_the_search_box_is_one_line_shown_on_slash_and_never_reached_by_tab():
    async def test(pilot, app, ws):
        search = app.screen.query_one(SearchBox)
        people = app.screen.people
        assert not search.display
        await pilot.press("tab", "tab", "tab")
        assert not isinstance(app.focused, SearchBox)
        first = people.current.id
        await pilot.press("1")  # a decision, not a "1" typed into a search
        assert categories(ws)[first] == "keep-personal" and search.value == ""
        await pilot.press("slash")
        await pilot.pause()
        assert search.display and app.focused is search and search.region.height == 1
        await pilot.press("enter")  # nothing typed: it goes away
        await pilot.pause()
        assert not search.display and app.focused is people
        await pilot.press("slash", "a", "enter")  # a search kept: shown, but Tab does not go there
        await pilot.pause()
        assert search.display and search.value == "a"
        await pilot.press("tab", "tab", "tab")
        assert not isinstance(app.focused, SearchBox)

    drive(test, size=(80, 24))


def test_n_cycles_the_networks_of_an_import_made_in_the_same_run():
    async def test(pilot, app, ws):
        await pilot.pause()
        screen = app.screen
        await pilot.press("n")
        network = screen.filter.network
        assert network is not None
        assert screen.people.view and all(
            network in screen.roster.rows[i].networks for i in screen.people.view
        )

    drive(test, paths=[str(sample_exports())], exports=[])


def test_reopening_resumes_the_person_the_filters_and_the_search():
    async def run(ws: Workspace, keys: tuple[str, ...]) -> tuple[str | None, object, str]:
        app = CirclesortApp(ws)
        app.offer_settings = False
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            screen = app.screen
            found = (screen.people.current.id, screen.filter.undecided, screen.query_one(SearchBox).value)
            shown = screen.query_one(SearchBox).display
        assert shown == bool(found[2])
        return found

    async def go() -> None:
        with Workspace.open() as ws:
            import_paths(ws, [str(sample_exports())])
            left = await run(ws, ("d", "slash", "a", "enter", "j", "j", "j"))
            assert left[1] is True and left[2] == "a"
            assert await run(ws, ()) == left
            assert await run(ws, ("escape",)) == (left[0], False, "")
            assert await run(ws, ()) == (left[0], False, "")

    asyncio.run(go())


def test_a_fresh_workspace_starts_on_the_first_undecided_person():
    def before(ws: Workspace) -> None:
        from circlesort.workspace.roster import Roster

        rows = Roster.load(ws).rows
        ws.decide([r.id for r in rows[:3]], "keep-personal")

    async def test(pilot, app, ws):
        current = app.screen.people.current
        assert current.category == UNDECIDED
        shown = [app.screen.roster.rows[i] for i in app.screen.people.view]
        assert all(r.category != UNDECIDED for r in shown[: app.screen.people.cursor])
        assert app.screen.people.cursor >= 1

    drive(test, before=before)


def test_a_kept_place_that_no_longer_fits_is_let_go():
    def before(ws: Workspace) -> None:
        bad = {"network": "nowhere", "category": "bogus", "tier": "x", "undecided": "yes", "new": 1}
        ws.keep_place(PLACE, {"filter": bad, "person": 5, "search": ["x"]})

    async def test(pilot, app, ws):
        screen = app.screen
        assert screen.filter == Filter() and screen.people.current.category == UNDECIDED
        await pilot.press("n", "c", "t")  # the filter keys cycle on from there
        assert screen.filter.network is not None

    drive(test, before=before)
    with Workspace.open() as ws:
        with ws.transaction() as db:
            db.execute("UPDATE meta SET value = 'not json' WHERE key = ?", (f"place:{PLACE}",))
        assert ws.place(PLACE) is None  # then the first undecided person, as in a fresh workspace
