"""A few SVG snapshots of whole screens, at 80x24, for what assertions on text cannot see:
layout, colours, truncation. `pytest --snapshot-update` rewrites them after a deliberate change
(read the report first)."""

from __future__ import annotations

import pytest

from circlesort.cli.commands import sample_exports
from circlesort.ui.app import CirclesortApp
from circlesort.workspace import Workspace, import_paths


@pytest.fixture
def app():
    with Workspace.open() as ws:
        import_paths(ws, [str(sample_exports())])
        yield CirclesortApp(ws)


def test_sorting_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), press=["j", "j", "j"])


def test_after_decisions_and_a_search(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), press=["1", "w", "3", "slash", *"Jose", "enter"])


def test_summary_screen(app, snap_compare):
    async def decide_and_open(pilot):  # the steps per network come from a worker: wait for it
        await pilot.press("1", "w", "w", "3", "s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=decide_and_open)


def test_help_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), press=["question_mark"])
