"""Layout at every size: the sorting list's rows, the card beside or under it, the card's text."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import DataTable

from circlesort.ui.screens.requests import column_widths
from circlesort.ui.widgets.people_list import PeopleList, fit, widths
from circlesort.ui.widgets.person_card import INDENT, PersonCard, hang

from .conftest import drive, screen_text
from .test_ui_open_and_preview import screen_rows

SIZES = ((60, 20), (80, 24), (120, 40), (200, 50))


def test_row_columns_add_up_to_the_list_width_and_cuts_end_in_an_ellipsis():
    for width in range(10, 240):
        w = widths(width)
        assert 2 + sum(w) <= max(width, 2 + sum(w)) and (width < 23 or 2 + sum(w) == width), width
    assert widths(118).relations > widths(80).relations >= 17  # a wide list shows relations whole
    assert widths(118).name == widths(84).name  # the name stops growing; the relations take the rest
    assert widths(46).relations == 0
    assert fit("Amara Oliveira", 8) == "Amara O…" and fit("Ann", 5) == "Ann  "
    assert cell_len(fit("王王王", 4)) == 4 and fit("王王王", 4).endswith("…")


def test_rows_never_pass_the_list_and_flags_are_whole_at_every_size():
    async def test(pilot, app, ws):
        people = app.screen.query_one(PeopleList)
        width = people.size.width
        for y in range(min(people.size.height, len(people.view))):
            strip = people.render_line(y)
            assert strip.cell_length == width
            text = strip.text
            row = people.roster.rows[people.view[round(people.scroll_y) + y]]
            if cell_len(row.name) > widths(width).name - 1:
                assert "…" in text, text
            assert "gon" not in text  # the flags are one glyph each, never a cut word

    for size in SIZES:
        drive(test, size=size)


def test_the_card_goes_under_the_list_below_90_columns():
    async def beside(pilot, app, ws):
        people, card = app.screen.query_one(PeopleList), app.screen.query_one(PersonCard)
        assert not app.screen.has_class("-narrow")
        assert card.region.x >= people.region.right and card.region.y == people.region.y

    async def under(pilot, app, ws):
        people, card = app.screen.query_one(PeopleList), app.screen.query_one(PersonCard)
        assert app.screen.has_class("-narrow")
        assert card.region.y >= people.region.bottom and card.region.width >= app.size.width - 2
        assert people.size.width >= app.size.width - 2 and people.size.height >= 5

    for size in ((120, 40), (200, 50)):
        drive(beside, size=size)
    for size in ((60, 20), (80, 24)):
        drive(under, size=size)


def test_shift_j_and_k_scroll_the_card_and_the_list_keeps_the_focus():
    async def test(pilot, app, ws):
        card = app.screen.query_one(PersonCard)
        people = app.screen.query_one(PeopleList)
        await pilot.press("slash", *"José Álvarez", "enter")  # a person with many accounts
        await pilot.pause()
        assert card.max_scroll_y > 0
        await pilot.press("J", "J", "J", "J")
        await pilot.pause()
        assert card.scroll_y > 0 and app.focused is people
        await pilot.press("K", "K", "K", "K")
        await pilot.pause()
        assert card.scroll_y == 0

    drive(test, size=(80, 24))


def test_card_text_hangs_under_itself_and_links_are_cut_never_split():
    url = "https://www.linkedin.com/in/" + "a" * 60
    pieces = [
        (INDENT, Content("Head of Finance at Contoso Holdings International"), False),
        (INDENT, Content(url), True),
    ]
    lines = [line.plain for line in hang(pieces, 40)]
    assert lines[0] == " " * 11 + "Head of Finance at Contoso"
    assert lines[1] == " " * 11 + "Holdings International"
    assert lines[2].startswith(" " * 11 + "https://www.linkedin.com/in/") and lines[2].endswith("…")
    assert len(lines) == 3 and all(cell_len(line) <= 40 for line in lines)


def test_requests_table_fits_its_width_and_cuts_its_widest_column_with_an_ellipsis():
    for width in (60, 80, 120, 200):
        assert sum(column_widths(width)) + 2 * 5 + 2 <= width
    assert column_widths(80)[4] < column_widths(120)[4] < column_widths(200)[4]  # the answer first

    async def test(pilot, app, ws):
        await pilot.press("r")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.virtual_size.width <= table.size.width  # no column past the screen's edge
        text = screen_text(app)
        assert "→ decline, and conn…" in text and "esc Back" in text

    drive(test, size=(80, 24))


def test_every_screen_keeps_esc_back_in_its_footer_at_80_by_24():
    keys = ("r", "m", "s", "P")

    async def test(pilot, app, ws):
        await pilot.press("1")  # one decision: the plan has a step to show
        for key in keys:
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            text = screen_text(app)
            assert "esc Back" in text and "? Keys" in text, key
            await pilot.press("escape")
            await app.workers.wait_for_complete()
            await pilot.pause()

    drive(test, size=(80, 24))
    keys = ("P",)  # the plan's footer, the longest, keeps them at 60 columns too
    drive(test, size=(60, 20))


def test_review_evidence_wraps_under_its_bullet():
    async def test(pilot, app, ws):
        await pilot.press("m")
        await pilot.pause()
        rows = screen_rows(app)
        at = next(i for i, row in enumerate(rows) if row.lstrip().startswith("• "))
        under = " " * (rows[at].index("•") + 2)  # the sentence goes on under its first word
        assert rows[at + 1].startswith(under) and rows[at + 1][len(under)] != " "

    drive(test, size=(80, 24))
