"""Reopening resumes, in a real terminal: tmux starts circlesort, moves the cursor and quits; the
next start puts the cursor back on the same person, so that the next key decides them."""

import shlex
import shutil
import subprocess
import sys
import time

import pytest

from circlesort.ui.screens.sort_cursor import PLACE
from circlesort.workspace import Workspace
from circlesort.workspace.roster import Roster

from .conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

SOCKET = "resume"  # a tmux server of its own: nothing else's sessions are touched
SESSION = "circlesort-resume-test"


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, timeout=20)


def screen():
    return tmux("capture-pane", "-t", SESSION, "-p").stdout


def wait_for(text, timeout=30.0):
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = screen()
        if text in shown:
            return shown
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{shown}")


def start(tmp_path, args):
    tmux("kill-session", "-t", SESSION)
    env = f"CIRCLESORT_HOME={shlex.quote(str(tmp_path / 'home'))} CIRCLESORT_CONFIG={shlex.quote(str(tmp_path))}"
    cmd = f"{env} {shlex.quote(sys.executable)} -m circlesort {args}; echo EXITED-$?; sleep 30"
    tmux("new-session", "-d", "-s", SESSION, "-x", "100", "-y", "30", "-c", str(ROOT), cmd)
    wait_for("Personal")  # the footer: the sorting screen is up
    time.sleep(0.8)  # as a person would: the first screen settles (its notices appear) first
    if "Fill them in now?" in screen():
        tmux("send-keys", "-t", SESSION, "n")  # the settings, offered once: decisions and no settings
        time.sleep(0.3)


def keys(*names):
    for name in names:
        tmux("send-keys", "-t", SESSION, name)
        time.sleep(0.15)


def quit_app():
    keys("q")
    wait_for("EXITED-0")


def test_the_cursor_is_where_it_was_after_quitting_and_starting_again(tmp_path):
    workspace = tmp_path / "mine.circlesort"
    try:
        start(tmp_path, f"--workspace {shlex.quote(str(workspace))} sample_exports")
        keys("j", "j", "j", "j", "j", "2")  # the sixth person decided; the cursor on the next one
        quit_app()
        with Workspace.open(str(workspace)) as ws:
            place = ws.place(PLACE)
            first = Roster.load(ws).rows[0].id
            decided = {p.id for p in ws.people() if p.category != "undecided"}
        assert place is not None and place["person"] and place["person"] not in decided
        assert place["person"] != first

        start(tmp_path, f"--workspace {shlex.quote(str(workspace))}")
        keys("3")  # decides the person the cursor stands on: the one it stood on at the quit
        quit_app()
        with Workspace.open(str(workspace)) as ws:
            pages = [p.id for p in ws.people() if p.category == "page-follower"]
        assert pages == [place["person"]]
    finally:
        tmux("kill-server")
