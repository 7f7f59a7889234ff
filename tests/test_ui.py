"""The sorting screen driven by keys with Pilot, checked against the workspace and the screen."""

from __future__ import annotations

import re

from circlesort.cli.commands import sample_exports
from circlesort.ui.screens.modals import Confirm, Help
from circlesort.ui.screens.sort import SortScreen
from circlesort.workspace import UNDECIDED, Workspace

from .conftest import HOSTILE, drive, meta, screen_text, write_tree


def categories(ws: Workspace) -> dict[str, str]:
    return {p.id: p.category for p in ws.people()}


def test_exports_given_on_start_are_imported_with_progress_then_sorted():
    async def test(pilot, app, ws):
        await pilot.pause()
        assert isinstance(app.screen, SortScreen)
        text = screen_text(app)
        # 19 of the 220 are not to sort (blocked, muted, declined, X ids alone): set aside, counted
        assert "Sorted 0 of 201" in text and "to sort: 201" in text and "19 not to sort" in text
        assert "Imported 315 accounts" in text  # the notification
        assert ws.counts()["accounts"] == 315

    drive(test, paths=[str(sample_exports())], exports=[])


def test_one_key_per_decision_saved_at_once_and_the_cursor_moves_on():
    async def test(pilot, app, ws):
        screen = app.screen
        first = screen.people.current.id
        await pilot.press("1")
        assert categories(ws)[first] == "keep-personal"
        second = screen.people.current.id
        assert second != first
        await pilot.press("w")
        third = screen.people.current.id
        await pilot.press("3")
        fourth = screen.people.current.id
        await pilot.press("x")  # back to undecided: it was undecided already, nothing to undo
        saved = categories(ws)
        assert (saved[second], saved[third], saved[fourth]) == (
            "move-to-professional",
            "page-follower",
            UNDECIDED,
        )
        await pilot.press("u")
        assert categories(ws)[third] == UNDECIDED
        await pilot.press("u", "U")
        assert categories(ws)[second] == "move-to-professional" and categories(ws)[third] == UNDECIDED
        await pilot.pause()
        assert "Sorted 2 of 201" in screen_text(app)

    drive(test)


def test_marked_people_are_decided_together_after_asking_and_undone_in_one_step():
    async def test(pilot, app, ws):
        screen = app.screen
        marked = [screen.people.current.id]
        await pilot.press("space")
        marked.append(screen.people.current.id)
        await pilot.press("space", "2")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert "Make 2 people “move to professional”?" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert [categories(ws)[m] for m in marked] == ["move-to-professional"] * 2
        await pilot.press("u")
        assert [categories(ws)[m] for m in marked] == [UNDECIDED] * 2
        await pilot.press("asterisk", "3", "n")  # every one shown, then changing one's mind
        await pilot.pause()
        assert set(categories(ws).values()) == {UNDECIDED}

    drive(test)


def test_filters_and_search_narrow_the_list():
    async def test(pilot, app, ws):
        screen = app.screen
        await pilot.press("1", "d")  # undecided only: the one just decided is gone from view
        assert len(screen.people.view) == 200
        await pilot.press("n")  # the first network: contacts
        assert {n for i in screen.people.view for n in screen.roster.rows[i].networks} >= {"contacts"}
        assert all("contacts" in screen.roster.rows[i].networks for i in screen.people.view)
        await pilot.press("escape", "slash", *"mukhina", "enter")
        await pilot.pause()
        names = {screen.roster.rows[i].name for i in screen.people.view}
        assert "Наталья Мухина" in names  # found by its transliteration
        await pilot.press("escape", "slash", *"@contoso", "enter")
        await pilot.pause()
        assert screen.people.view and all(
            any("contoso" in c.casefold() for c in screen.roster.rows[i].companies)
            for i in screen.people.view
        )
        await pilot.press("escape", "t")
        assert all(screen.roster.rows[i].tier == "likely" for i in screen.people.view)
        await pilot.press("escape")
        assert len(screen.people.view) == 201

    drive(test)


def test_the_card_shows_accounts_relations_and_evidence():
    async def test(pilot, app, ws):
        await pilot.press("slash", *"José Álvarez", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "friends since 2011" in text and "Head of Finance at Contoso" in text
        assert "3b2a91" in text
        assert "contacts–linkedin (certain): same name after accent folding and dropping" in text

    drive(test, size=(200, 40))  # wide enough that no line of the card wraps


def test_help_lists_every_key():
    async def test(pilot, app, ws):
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, Help)
        text = screen_text(app)
        for words in (
            "1, p",
            "Personal",
            "u ",
            "Undo",
            "space",
            "Mark",
            "/",
            "Search",
            "d ",
            "Undecided only",
        ):
            assert words in text
        await pilot.press("escape")
        assert isinstance(app.screen, SortScreen)
        await pilot.press("q")

    assert drive(test).return_code == 0


def test_hostile_names_render_literally(tmp_path):
    names = [n for n in HOSTILE if n.strip()]
    write_tree(
        tmp_path / "h",
        {
            "connections/friends/your_friends.json": meta(
                {"friends_v2": [{"name": n, "timestamp": 1700000000} for n in names]}
            )
        },
    )

    async def test(pilot, app, ws):
        screen = app.screen
        for probe in ("Bob [/]", "[bold]Ann[/bold]", "John [Work]", "[@click=app.quit]Free"):
            await pilot.press("escape", "slash", *probe, "enter")
            await pilot.pause()
            assert screen.people.view, probe
            assert probe in screen_text(app)
            await pilot.press("1")  # deciding one, and the notice of undoing it, stay literal
            await pilot.press("u")
            await pilot.pause()
        assert "\x1b" not in app.export_screenshot()

    drive(test, exports=[str(tmp_path / "h")])


def test_an_empty_workspace_says_so():
    async def test(pilot, app, ws):
        assert "Sorted 0 of 0" in screen_text(app) and "Nobody to show." in screen_text(app)
        await pilot.press("1", "u", "space", "j")  # nothing to act on, and no crash

    drive(test, exports=[])


def test_usable_at_80_by_24():
    async def test(pilot, app, ws):
        text = screen_text(app)
        assert "Sorted 0 of 201" in text and "Personal" in text and "Requests" in text and "Keys" in text

    drive(test, size=(80, 24))


def test_every_key_is_also_in_the_command_palette():
    async def test(pilot, app, ws):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"accept")
        await pilot.pause(0.3)
        assert "Accept" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("ctrl+p", *"Personal", "enter")
        await pilot.pause(0.3)
        assert "keep-personal" in set(categories(ws).values())

    drive(test)


def test_summary_draws_counts_as_bars_and_sizes_the_plans():
    async def test(pilot, app, ws):
        await pilot.press("slash", *"Sasha Petrov", "enter", "3", "escape", "s")
        await pilot.pause()
        text = screen_text(app)
        assert "Sorted 1 of 201 people" in text and "page" in text and "█" in text
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        # Facebook friend: invite to the Page, then unfriend; LinkedIn connection: removed (they follow).
        assert re.search(r"facebook +\d+ +█+ +2 to do", text)
        assert re.search(r"linkedin +\d+ +█+ +1 to do", text)
        await pilot.press("escape")
        assert isinstance(app.screen, SortScreen)

    drive(test)


def test_match_review_confirms_and_rejects_and_the_list_follows():
    async def test(pilot, app, ws):
        await pilot.press("m")
        await pilot.pause()
        review = app.screen
        assert "Likely links (linked; worth a glance)" in screen_text(app) and "Why:" in screen_text(app)
        first = review.pairs[0]
        assert ws.person_of(first.a) == ws.person_of(first.b)
        await pilot.press("r")  # not the same person: split apart, and remembered
        assert ws.person_of(first.a) != ws.person_of(first.b)
        assert (first.a, first.b) in ws.rules("not_same") or (first.b, first.a) in ws.rules("not_same")
        await pilot.press("t")  # on to the suggestions
        assert review.kind == "possible"
        suggestion = review.pairs[0]
        await pilot.press("c")  # the same person after all: linked by hand
        assert ws.person_of(suggestion.a) == ws.person_of(suggestion.b)
        await pilot.press("u")
        assert ws.person_of(suggestion.a) != ws.person_of(suggestion.b)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SortScreen)
        people = {p.id for p in ws.people()}
        await pilot.press("e")  # everyone, the people not to sort too
        assert {app.screen.roster.rows[i].id for i in app.screen.people.view} == people

    drive(test)


def test_link_marked_people_and_split_a_person():
    async def test(pilot, app, ws):
        screen = app.screen
        await pilot.press("slash", *"Sunniva", "enter")  # Sunniva Berg, and sunnyowl42 is hers
        await pilot.pause()
        sunniva = ws.person_of(("facebook", "Sunniva Berg"))
        await pilot.press(
            "escape",
            "slash",
            *"sunnyowl42",
            "enter",
            "space",
            "escape",
            "slash",
            *"Sunniva Berg",
            "enter",
            "space",
            "L",
        )
        await pilot.pause()
        assert ws.person_of(("instagram", "sunnyowl42")) == ws.person_of(("facebook", "Sunniva Berg"))
        await pilot.press("escape", "slash", *"Sunniva Berg", "enter", "S", "y")  # S asks first
        await pilot.pause()
        assert ws.person_of(("instagram", "sunnyowl42")) != ws.person_of(("facebook", "Sunniva Berg"))
        assert sunniva and screen.people.view

    drive(test)


def test_every_other_key_moves_filters_or_decides_as_its_label_says():
    async def test(pilot, app, ws):
        screen = app.screen
        people = screen.people
        await pilot.press("G")
        assert people.cursor == len(people.view) - 1
        await pilot.press("g", "pagedown")
        assert people.cursor > 10
        await pilot.press("pageup", "down", "down", "up")
        assert people.cursor == 1
        await pilot.press("end", "home", "j", "k")
        assert people.cursor == 0
        first = people.current.id
        await pilot.press("p")  # the letter aliases of 1, 2, 3 and 0
        second = people.current.id
        await pilot.press("f")
        saved = categories(ws)
        assert (saved[first], saved[second]) == ("keep-personal", "page-follower")
        await pilot.press("k", "0")
        assert categories(ws)[second] == UNDECIDED
        await pilot.press("c", "c")  # by category: undecided, then keep-personal
        assert [screen.roster.rows[i].id for i in people.view] == [first]
        await pilot.press("escape", "N")  # new since the last import: one import so far, nobody
        assert people.view == []
        await pilot.press("escape")
        assert len(people.view) == 201

    drive(test)


def test_hostile_names_on_the_review_screen(tmp_path):
    names = ["Bob [/]", "[bold]Ann[/bold] Kettunen", "John [Work] Salgado"]
    write_tree(
        tmp_path / "h",
        {
            "connections/friends/your_friends.json": meta(
                {"friends_v2": [{"name": n, "timestamp": 1700000000} for n in names]}
            )
        },
    )
    vcards = "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{n}\r\nEND:VCARD\r\n" for n in names)
    (tmp_path / "h" / "contacts.vcf").write_text(vcards, encoding="utf-8")

    async def test(pilot, app, ws):
        await pilot.press("m")
        await pilot.pause()
        shown = ""
        for _ in range(3):
            shown += screen_text(app)
            await pilot.press("j")
            await pilot.pause()
        for _ in range(3):
            await pilot.press("t")
            await pilot.pause()
            shown += screen_text(app)
        assert "John [Work] Salgado" in shown and "[bold]Ann[/bold] Kettunen" in shown
        await pilot.press("escape", "s")
        await pilot.pause()
        assert "Sorted 0 of" in screen_text(app)

    drive(test, size=(120, 36), exports=[str(tmp_path / "h")])
