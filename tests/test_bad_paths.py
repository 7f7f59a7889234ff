"""A wrong path on the command line: one line, exit status 2, and nothing made.

Missing, a FIFO, a device, a folder where a file is wanted, a file where a folder is wanted, a
file that is no export: every command says so in one line naming the path, before it makes a
workspace, a folder or a file, and before the app takes the terminal's screen.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, write_tree

EXPORT = str(ROOT / "sample_exports" / "contacts.vcf")  # a small export with made-up names
ALTERNATE_SCREEN = b"\x1b[?1049h"


def everything(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


@pytest.fixture
def here(tmp_path):
    write_tree(tmp_path, {"notes.md": "# Notes\n\nNot an export.\n", "misc/todo.txt": "milk\n"})
    os.mkfifo(tmp_path / "pipe")
    return tmp_path


def bad_exports(t: Path) -> dict[str, str]:
    return {
        "missing": str(t / "nowhere" / "export.zip"),
        "a file that is no export": str(t / "notes.md"),
        "a folder holding no export": str(t / "misc"),
        "a FIFO": str(t / "pipe"),
        "a device": os.devnull,
        "a path through a file": str(t / "notes.md" / "export.zip"),
    }


def outside(*args: str) -> tuple[int, str, str]:
    """The command line in its own process: a FIFO that blocks it fails the test, not the run."""
    try:
        p = subprocess.run(
            [sys.executable, "-m", "circlesort", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            timeout=20,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"circlesort {shlex.join(args)} blocked")
    return p.returncode, p.stdout, p.stderr


def assert_one_line(code: int, out: str, err: str, path: str) -> None:
    assert code == 2, (out, err)
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"circlesort: {path}"), err


@pytest.mark.parametrize("kind", list(bad_exports(Path("."))))
def test_import_of_a_bad_path_makes_no_workspace(cli, here, kind):
    path = bad_exports(here)[kind]
    before = everything(here)
    assert_one_line(*cli("import", path), path)
    assert_one_line(*cli("import", EXPORT, path), path)  # one bad path among good ones: nothing either
    assert everything(here) == before


def test_a_workspace_in_a_folder_that_is_not_there_is_not_made(cli, here):
    before = everything(here)
    code, out, err = cli("--workspace", str(here / "typo" / "mine.circlesort"), "import", EXPORT)
    assert_one_line(code, out, err, str(here / "typo"))
    assert "no such folder" in err
    assert everything(here) == before


@pytest.mark.parametrize(
    "command",
    [
        ["requests"],
        ["mark", "done", "x"],
        ["plan"],
        ["decisions", "export", "-"],
        ["import", EXPORT],
        ["workspace", "show"],
        ["workspace", "check"],
    ],
)
@pytest.mark.parametrize("kind", ["a FIFO", "a device", "a folder"])
def test_a_workspace_path_that_is_no_workspace_file(cli, here, command, kind):
    path = {"a FIFO": str(here / "pipe"), "a device": os.devnull, "a folder": str(here / "misc")}[kind]
    before = everything(here)
    assert_one_line(*(outside if kind == "a FIFO" else cli)("--workspace", path, *command), path)
    assert everything(here) == before


@pytest.fixture
def workspace(cli, here):
    assert cli("import", EXPORT)[0] == 0
    return here


@pytest.mark.parametrize("kind", ["missing", "a FIFO", "a device", "a folder"])
def test_decisions_import_of_a_bad_path(cli, workspace, kind):
    path = {
        "missing": str(workspace / "gone.yaml"),
        "a FIFO": str(workspace / "pipe"),
        "a device": os.devnull,
        "a folder": str(workspace / "misc"),
    }[kind]
    before = everything(workspace)
    assert_one_line(*(outside if kind == "a FIFO" else cli)("decisions", "import", path), path)
    assert everything(workspace) == before


@pytest.mark.parametrize(
    ("command", "where"),
    [
        (["decisions", "export"], "notes.md/decisions.yaml"),  # a file where a folder is wanted
        (["decisions", "export"], "typo/decisions.yaml"),
        (["plan", "--out"], "typo/deeper/plan"),
        (["plan", "--out"], "notes.md/plan"),
    ],
)
def test_files_and_folders_to_write_go_only_in_folders_that_are_there(cli, workspace, command, where):
    path = workspace / where
    before = everything(workspace)
    code, out, err = cli(*command, str(path))
    assert_one_line(code, out, err, str(path.parent.parent if "deeper" in where else path.parent))
    assert everything(workspace) == before


@pytest.mark.parametrize("command", [["rules", "--init"], ["plan", "--init-settings"]])
def test_a_configuration_folder_that_cannot_be_made(cli, here, monkeypatch, command):
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(here / "notes.md" / "config"))
    code, _, err = cli(*command)
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert "notes.md" in err and "cannot be written" in err


# --- the app: a wrong path never reaches the terminal's alternate screen -----------------------


def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True, timeout=20)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("kind", ["a file that is no export", "missing", "a FIFO"])
def test_the_app_on_a_bad_path_leaves_the_terminal_as_it_was(here, kind):
    """In a real terminal: every byte circlesort writes to it is kept, and none switches screens."""
    path = bad_exports(here)[kind]
    session = f"circlesort-bad-path-{os.getpid()}"
    raw = here / "terminal.out"
    home, config = here / "home", here / "config"
    command = (
        f"CIRCLESORT_HOME={shlex.quote(str(home))} CIRCLESORT_CONFIG={shlex.quote(str(config))} "
        f"{shlex.quote(sys.executable)} -m circlesort {shlex.quote(path)}; echo EXIT''ED-$?"
    )
    tmux("kill-session", "-t", session)
    tmux(
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        "200",
        "-y",
        "30",
        "-c",
        str(ROOT),
        "bash --norc --noprofile",
    )
    try:
        tmux("pipe-pane", "-t", session, "-o", f"cat >> {shlex.quote(str(raw))}")
        tmux("send-keys", "-t", session, "-l", command)
        tmux("send-keys", "-t", session, "Enter")
        deadline, screen = time.monotonic() + 30, ""
        while time.monotonic() < deadline and "EXITED-" not in screen:
            time.sleep(0.2)
            screen = tmux("capture-pane", "-t", session, "-p", "-J").stdout
            if "Go on to the workspace" in screen:  # today's app, showing the failure full-screen
                tmux("send-keys", "-t", session, "q")
        assert "EXITED-2" in screen, screen
        assert f"circlesort: {path}: " in screen
    finally:
        tmux("kill-session", "-t", session)
    written = raw.read_bytes()
    assert f"circlesort: {path}: ".encode() in written  # the pipe saw what circlesort wrote
    assert ALTERNATE_SCREEN not in written
    assert not home.exists()  # no workspace made
