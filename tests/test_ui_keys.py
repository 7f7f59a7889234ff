"""Keys a person can discover and trust: the help on every screen, the footer, the questions."""

from __future__ import annotations

from circlesort.ui.screens.modals import Confirm, Help
from circlesort.ui.screens.sort import SortScreen

from .conftest import drive, screen_text


def footer_line(app) -> str:
    return screen_text(app).splitlines()[-1]


def test_question_mark_opens_a_help_on_every_screen_that_scrolls_and_fits_80_by_24():
    async def test(pilot, app, ws):
        for key in ("", "r", "m", "s", "P"):
            if key:
                await pilot.press(key)
                await pilot.pause()
            below = app.screen
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, Help), f"? on {type(below).__name__}"
            box = app.screen.query_one("VerticalScroll").region
            assert box.x >= 0 and box.right <= 80 and box.bottom <= 24
            if key == "":  # the sorting screen's keys do not fit: the keyboard scrolls them
                assert app.screen.query_one("VerticalScroll").max_scroll_y > 0
                await pilot.press("pagedown", "j")
                await pilot.pause()
                assert app.screen.query_one("VerticalScroll").scroll_y > 0
                assert "Quit" in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is below
            if key:
                await pilot.press("escape")
                await pilot.pause()
        assert isinstance(app.screen, SortScreen)

    drive(test, size=(80, 24))


def test_the_help_takes_two_columns_when_wide():
    async def test(pilot, app, ws):
        await pilot.press("question_mark")
        await pilot.pause()
        assert len(app.screen.query(".column")) == 2

    drive(test, size=(160, 40))


def test_the_sorting_footer_names_the_other_screens_and_the_palette_when_there_is_room():
    async def test_narrow(pilot, app, ws):
        line = footer_line(app)
        for words in (
            "1 Personal",
            "3 Page",
            "? Keys",
            "r Requests",
            "m Matches",
            "P Plan",
            "s Summary",
            "q Quit",
        ):
            assert words in line, (words, line)
        assert "^p" not in line

    async def test_wide(pilot, app, ws):
        line = footer_line(app)
        for words in ("2 Professional", "a Accept", "u Undo", "r Requests", "q Quit", "^p"):
            assert words in line, (words, line)

    drive(test_narrow, size=(80, 24))
    drive(test_wide, size=(120, 40))


def test_questions_fit_60_columns_and_enter_gives_the_answer_in_bold():
    async def test(pilot, app, ws):
        await pilot.press("asterisk", "3")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        box = app.screen.query_one("Vertical").region
        assert box.x >= 0 and box.right <= 60
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SortScreen)
        assert {p.category for p in ws.people()} >= {"page-follower"}

    drive(test, size=(60, 20))
