"""SVG snapshots of the four main screens at 80x24 and 120x40, for what assertions on text cannot
see: layout, colours, truncation. `pytest --snapshot-update` rewrites them after a deliberate
change (read the report first)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from circlesort.cli.commands import sample_exports
from circlesort.ui.app import CirclesortApp
from circlesort.workspace import Workspace, import_paths
from circlesort.workspace import requests as requests_module

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


class _FixedDay(datetime):
    """The requests' ages in words count from one day, so the pictures do not age."""

    @classmethod
    def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
        return datetime(2026, 12, 1, 12, 0, tzinfo=tz or UTC)


@pytest.fixture
def app(monkeypatch):
    monkeypatch.setattr(requests_module, "datetime", _FixedDay)
    with Workspace.open() as ws:
        import_paths(ws, [str(sample_exports())])
        yield CirclesortApp(ws)


@pytest.mark.parametrize("size", SIZES)
def test_sorting_screen(app, snap_compare, size):
    assert snap_compare(app, terminal_size=size, press=["j", "j", "j"])


def test_after_decisions_and_a_search(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), press=["1", "w", "3", "slash", *"Jose", "enter"])


@pytest.mark.parametrize("size", SIZES)
def test_requests_screen(app, snap_compare, size):
    assert snap_compare(app, terminal_size=size, press=["r", "j"])


@pytest.mark.parametrize("size", SIZES)
def test_review_screen(app, snap_compare, size):
    assert snap_compare(app, terminal_size=size, press=["m"])


@pytest.mark.parametrize("size", SIZES)
def test_summary_screen(app, snap_compare, size):
    async def decide_and_open(pilot):  # the steps per network come from a worker: wait for it
        await pilot.press("1", "w", "w", "3", "s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=decide_and_open)


def test_help_screen(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), press=["question_mark"])
