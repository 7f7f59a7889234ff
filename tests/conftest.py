"""Shared test helpers: real export files (zips and folders), and a Pilot harness for the app."""

from __future__ import annotations

import asyncio
import html
import json
import re
import zipfile
from pathlib import Path

import pytest

from circlesort.cli.commands import main, sample_exports
from circlesort.importers.text import to_meta_mojibake
from circlesort.ui.app import CirclesortApp
from circlesort.workspace import Workspace, import_paths

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = json.loads((ROOT / "tests" / "fixtures" / "hostile_names.json").read_text("utf-8"))


def meta(obj: object) -> str:
    """JSON as Meta writes it: each UTF-8 byte of each string as its own \\u00XX escape."""
    return json.dumps(to_meta_mojibake(obj), ensure_ascii=True)


def write_zip(path: Path, files: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, data in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            p.write_text(data, encoding="utf-8")
        else:
            p.write_bytes(data)
    return root


def by_key(result) -> dict[tuple[str, str], object]:
    return {(a.network, a.key): a for a in result.accounts}


@pytest.fixture(autouse=True)
def private_workspaces(tmp_path, monkeypatch):
    """Every test keeps its workspaces, settings and rules in its own folders, never the user's."""
    home = tmp_path / "circlesort-home"
    monkeypatch.setenv("CIRCLESORT_HOME", str(home))
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path / "circlesort-config"))
    return home


@pytest.fixture
def cli(capsys):
    """Run the command line in-process; returns (exit status, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def pytest_terminal_summary(terminalreporter):
    """The matching accuracy, measured by tests/test_match_accuracy.py, in every run's summary."""
    from tests.test_match_accuracy import FIGURES

    if FIGURES:
        terminalreporter.section("matching accuracy on the labelled bundle (scale 0.05)")
        terminalreporter.write_line(FIGURES["table"])


def screen_text(app) -> str:
    """The characters on screen, from the SVG screenshot, spans joined."""
    svg = app.export_screenshot()
    return html.unescape("".join(re.findall(r">([^<>]*)</text>", svg))).replace("\xa0", " ")


def drive(test, paths=None, size=(110, 32), exports=None, before=None, settings_first=False):
    """Run ``test(pilot, app, ws)`` in the app, on a fresh workspace holding ``exports`` (the
    sample exports unless given; [] for none). ``before(ws)`` runs ahead of the app;
    ``settings_first``: the app opens on the settings form, as with a broken settings file."""

    async def go():
        with Workspace.open() as ws:
            wanted = [str(sample_exports())] if exports is None else exports
            if wanted:
                import_paths(ws, wanted)
            if before is not None:
                before(ws)
            app = CirclesortApp(ws, paths)
            app.offer_settings = False  # the one-time offer of the settings has its own tests
            app.settings_first = app.settings_first or settings_first
            async with app.run_test(size=size, notifications=True) as pilot:
                await app.workers.wait_for_complete()
                await pilot.pause()
                await test(pilot, app, ws)
            return app

    return asyncio.run(go())
