"""The overview screen, driven by keys with Pilot, on real sample exports and hostile names."""

import asyncio
import html
import re

from textual.widgets import DataTable, Input

from circlesort.cli import sample_exports
from circlesort.importers import load
from circlesort.ui.app import CirclesortApp

from .conftest import HOSTILE, meta, write_tree


def screen_text(app) -> str:
    """The characters on screen, from the SVG screenshot, spans joined."""
    svg = app.export_screenshot()
    return html.unescape("".join(re.findall(r">([^<>]*)</text>", svg))).replace("\xa0", " ")


def run(app, test, size=(100, 30)):
    async def go():
        async with app.run_test(size=size, notifications=True) as pilot:
            await pilot.pause()
            await test(pilot)
    asyncio.run(go())


def test_overview_lists_every_network_and_filters_by_search_and_network():
    app = CirclesortApp(load([str(sample_exports())]))

    async def test(pilot):
        summary = app.query_one("#summary", DataTable)
        networks = [summary.get_row_at(i)[0].plain for i in range(summary.row_count)]
        assert networks == ["all", "contacts", "facebook", "instagram", "linkedin", "mastodon",
                            "threads", "x"]
        table = app.query_one("#accounts", DataTable)
        assert table.row_count == len(app.result.accounts)
        await pilot.press("slash", *"alvarez")
        await pilot.pause()
        names = {table.get_row_at(i)[1].plain for i in range(table.row_count)}
        assert "José Álvarez" in names and all("lvarez" in n for n in names)
        await pilot.press("escape")
        await pilot.pause()
        assert app.query_one("#search", Input).value == "" and table.has_focus
        summary.focus()
        await pilot.press("down", "down")  # facebook
        await pilot.pause()
        assert {table.get_row_at(i)[0].plain for i in range(table.row_count)} == {"facebook"}
        assert "Warnings" in screen_text(app)
        await pilot.press("q")

    run(app, test)
    assert app.return_code == 0


def test_hostile_names_render_literally(tmp_path):
    names = [n for n in HOSTILE if n.strip()]
    write_tree(tmp_path / "h", {"connections/friends/your_friends.json": meta(
        {"friends_v2": [{"name": n, "timestamp": 1700000000} for n in names]})})
    app = CirclesortApp(load([str(tmp_path / "h")]))

    async def test(pilot):
        for probe in ("Bob [/]", "[bold]Ann[/bold]", "John [Work]", "[@click=app.quit]Free"):
            app.query_one("#search", Input).value = probe
            await pilot.pause()
            assert probe in screen_text(app)
            table = app.query_one("#accounts", DataTable)
            assert table.row_count >= 1 and table.get_row_at(0)[1].plain.startswith(probe)
        assert "\x1b" not in app.export_screenshot()

    run(app, test)


def test_no_exports_shows_how_to_start():
    app = CirclesortApp(None)

    async def test(pilot):
        assert "circlesort demo" in screen_text(app)
        await pilot.press("q")

    run(app, test, size=(80, 24))
