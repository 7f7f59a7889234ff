"""Helpers that write real export files (zips and folders) for the importer tests."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from circlesort.cli import main
from circlesort.importers.text import to_meta_mojibake

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
    """Every test keeps its workspaces in its own folder, never in the user's."""
    home = tmp_path / "circlesort-home"
    monkeypatch.setenv("CIRCLESORT_HOME", str(home))
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
