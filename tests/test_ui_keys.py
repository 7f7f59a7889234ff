"""Keys a person can discover and trust: the help on every screen, the footer, the questions."""

from __future__ import annotations

import re
import shutil

from circlesort.cli.commands import sample_exports
from circlesort.model import Tier
from circlesort.ui.screens.import_prompt import ImportPrompt, complete
from circlesort.ui.screens.modals import Choose, Confirm, Help
from circlesort.ui.screens.sort import SortScreen
from circlesort.ui.words import CATEGORY_WORDS
from circlesort.workspace.changes import Decide, LinkPeople

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

    async def test_smallest(pilot, app, ws):  # the other screens' keys leave first, none is cut
        line = footer_line(app).rstrip()
        assert line.endswith("q Quit") and "1 Personal" in line and "? Keys" in line, line
        assert "s Summary" not in line and "P Plan" not in line

    drive(test_narrow, size=(80, 24))
    drive(test_wide, size=(120, 40))
    drive(test_smallest, size=(60, 20))


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


def mark_sunniva_and_sunnyowl():
    return (
        "slash",
        *"sunnyowl42",
        "enter",
        "space",
        "escape",
        "slash",
        *"Sunniva Berg",
        "enter",
        "space",
    )


def test_linking_people_in_different_categories_asks_which_one_the_linked_person_keeps():
    def before(ws):
        ws.apply(Decide([ws.person_of(("instagram", "sunnyowl42"))], "keep-personal"))
        ws.apply(Decide([ws.person_of(("facebook", "Sunniva Berg"))], "page-follower"))

    async def test(pilot, app, ws):
        await pilot.press(*mark_sunniva_and_sunnyowl(), "L")
        await pilot.pause()
        assert isinstance(app.screen, Choose)
        text = screen_text(app)
        assert "which category does the linked person keep?" in app.screen.question
        assert "keep personal" in text and "page follower" in text
        chosen = app.screen.answers[1]
        await pilot.press("2")
        await pilot.pause()
        one = ws.person_of(("instagram", "sunnyowl42"))
        assert one == ws.person_of(("facebook", "Sunniva Berg"))
        assert CATEGORY_WORDS[ws.categories_of([one])[one]] == chosen
        assert "Linked 2 people into one" in screen_text(app)
        await pilot.press("u")  # one undo: apart again, each in the category it had
        assert ws.person_of(("instagram", "sunnyowl42")) != ws.person_of(("facebook", "Sunniva Berg"))

    drive(test, before=before)


def test_split_asks_first_and_says_what_it_did():
    async def test(pilot, app, ws):
        await pilot.press(*mark_sunniva_and_sunnyowl(), "L")  # both undecided: no question
        await pilot.pause()
        one = ws.person_of(("instagram", "sunnyowl42"))
        assert one == ws.person_of(("facebook", "Sunniva Berg"))
        await pilot.press("escape", "escape", "slash", *"Sunniva Berg", "enter", "S")
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and "into 2 people, one per account" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert ws.person_of(("instagram", "sunnyowl42")) == ws.person_of(("facebook", "Sunniva Berg"))
        await pilot.press("S", "y")
        await pilot.pause()
        assert ws.person_of(("instagram", "sunnyowl42")) != ws.person_of(("facebook", "Sunniva Berg"))
        assert "Split Sunniva Berg into separate" in screen_text(app)

    drive(test)


def test_review_says_whose_each_side_is_the_score_in_words_and_drops_answered_suggestions():
    answered = []

    def before(ws):
        pair = ws.pairs(Tier.POSSIBLE)[0]
        answered.append((pair.a, pair.b))
        ws.apply(LinkPeople([ws.person_of(pair.a), ws.person_of(pair.b)]))  # linked by hand, not as this pair

    async def test(pilot, app, ws):
        await pilot.press("m")
        await pilot.pause()
        text = screen_text(app)
        assert re.search(r"in .+ \(\d accounts: [^)]+\),\s*undecided", text)
        assert re.search(r"(Almost certainly|Probably|Maybe) the same person \(score 0\.\d\d\)", text)
        await pilot.press("t")  # the suggestions
        await pilot.pause()
        screen = app.screen
        assert screen.kind == Tier.POSSIBLE
        assert answered[0] not in [(p.a, p.b) for p in screen.pairs]
        assert answered[0] in [(p.a, p.b) for p in ws.pairs(Tier.POSSIBLE)]  # still stored, not shown

    drive(test, size=(120, 40), before=before)


def test_the_demo_says_it_is_one_and_refuses_a_workspace(cli):
    async def test(pilot, app, ws):
        app.demo = True  # as `circlesort demo` sets it
        await pilot.press("d", "d")  # the status bar drawn again
        await pilot.pause()
        assert screen_text(app).splitlines()[0].startswith("circlesortDEMO — nothing is kept │ ")

    drive(test, size=(80, 24))
    code, out, err = cli("demo", "--workspace", "mine")
    assert (code, out) == (2, "")
    assert err == "circlesort: mine: demo opens a throwaway workspace of its own; drop --workspace\n"


def test_i_imports_from_an_empty_workspace_with_a_path_prompt_that_completes(tmp_path):
    exports = tmp_path / "my-exports"
    shutil.copytree(sample_exports(), exports)
    assert complete(str(tmp_path / "my-e")) == str(exports) + "/"

    async def test(pilot, app, ws):
        assert "An empty workspace: nobody to sort yet. i imports your exports" in screen_text(app)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportPrompt)
        await pilot.press(*str(tmp_path / "nothing-here"), "enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportPrompt) and "No such file or folder" in screen_text(app)
        app.screen.query_one("Input").value = ""
        await pilot.press(*str(tmp_path / "my-e"), "tab")  # Tab completes the folder's name
        assert app.screen.query_one("Input").value == str(exports) + "/"
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SortScreen)
        assert ws.counts()["accounts"] == 315
        assert "Imported 315 accounts" in screen_text(app)  # the import screen's summary, as at start

    drive(test, exports=[])
