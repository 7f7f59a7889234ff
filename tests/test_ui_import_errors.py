"""An import that fails inside the app is a screen that says why, never the app ending in a traceback."""

from __future__ import annotations

from circlesort.ui.screens.importing import ImportScreen
from circlesort.ui.screens.sort import SortScreen

from .conftest import drive, screen_text, write_tree, write_zip

TITLE = "\x1b]0;owned\x07"


def test_an_unreadable_export_says_why_and_the_workspace_goes_on(tmp_path):
    bad = write_zip(
        tmp_path / f"facebook[b]{TITLE}.zip",
        {"connections/friends/your_friends.json": '{"friends_v2": [{"name": '},
    )

    async def test(pilot, app, ws):
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        text = " ".join(screen_text(app).split())
        assert "The import stopped; nothing of it was saved." in text
        assert "your_friends.json: invalid JSON" in text
        assert "[b]" in text and "]0;owned.zip" in text  # as written: data is never read as markup
        assert "\x1b" not in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SortScreen)
        assert app.return_code is None  # still running, on the workspace as it was
        assert ws.counts()["accounts"] == 315

    drive(test, paths=[str(bad)])  # the sample exports were imported before


def test_q_on_the_failed_import_quits_with_status_2(tmp_path):
    write_tree(tmp_path / "d", {"notes.txt": "hello"})

    async def test(pilot, app, ws):
        await pilot.pause()
        assert "no export files circlesort recognises" in " ".join(screen_text(app).split())
        await pilot.press("q")

    assert drive(test, paths=[str(tmp_path / "d")], exports=[]).return_code == 2


def test_an_unexpected_error_while_importing_is_shown_too(tmp_path, monkeypatch):
    """A bug in a reader (here simulated at the reading call) must not take the app down."""
    import circlesort.workspace.importing as importing

    def broken(paths, progress=None):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(importing, "load", broken)
    write_tree(tmp_path / "d", {"notes.txt": "hello"})

    async def test(pilot, app, ws):
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "an unexpected error while importing (RecursionError" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SortScreen)

    assert drive(test, paths=[str(tmp_path / "d")], exports=[]).return_code in (None, 0)
