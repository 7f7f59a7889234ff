"""The workspace failing under the app: a refused write is a notice, a damaged file one line and exit 2."""

from __future__ import annotations

import asyncio

from circlesort.cli.commands import sample_exports
from circlesort.ui.app import CirclesortApp
from circlesort.workspace import UNDECIDED, Workspace, import_paths

from .test_workspace_safety import damage


def run_app(path, test, size=(110, 32)):
    async def go():
        with Workspace.open(str(path)) as ws:
            app = CirclesortApp(ws)
            async with app.run_test(size=size, notifications=True) as pilot:
                await pilot.pause()
                await test(pilot, app, ws)
            return app

    return asyncio.run(go())


def categories(ws: Workspace) -> dict[str, str]:
    return {p.id: p.category for p in ws.people()}


def test_a_workspace_turned_read_only_on_a_keystroke_is_a_notice_and_nothing_half_saved(tmp_path):
    path = tmp_path / "w.circlesort"
    with Workspace.open(str(path)) as ws:
        import_paths(ws, [str(sample_exports())])

    async def test(pilot, app, ws):
        first = app.screen.people.current.id
        ws.db.execute("PRAGMA query_only = 1")  # SQLite's "attempt to write a readonly database"
        await pilot.press("1")
        await pilot.pause()
        notices = [n.message for n in app._notifications]
        assert any("read-only" in m and "not saved" in m for m in notices), notices
        assert app.return_code is None  # still running
        assert categories(ws)[first] == UNDECIDED
        assert app.screen.people.current.id == first  # the cursor stayed: nothing happened
        ws.db.execute("PRAGMA query_only = 0")  # writable again
        await pilot.press("1")
        assert categories(ws)[first] == "keep-personal"

    assert run_app(path, test).failure is None


def test_a_damaged_workspace_ends_the_app_with_one_line_and_status_2(tmp_path):
    path = tmp_path / "w.circlesort"
    with Workspace.open(str(path)) as ws:
        import_paths(ws, [str(sample_exports())])
    damage(path)

    async def go():
        with Workspace.open(str(path)) as ws:
            app = CirclesortApp(ws)
            # Headless, as run_test would be, but nobody presses anything: the app ends by itself.
            await asyncio.wait_for(app.run_async(headless=True, size=(110, 32)), 30)
            return app

    app = asyncio.run(go())
    assert app.return_code == 2
    assert "the workspace is damaged" in str(app.failure)
    assert "circlesort workspace check" in str(app.failure)
