"""circlesort in a real terminal: tmux starts it, reads the screen, presses keys, starts it again."""

import shlex
import shutil
import subprocess
import sys
import time

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True, timeout=20)


def wait_for(session, text, timeout=30.0):
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-t", session, "-p").stdout
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


def start(session, args):
    tmux("kill-session", "-t", session)
    cmd = f"{shlex.quote(sys.executable)} -m circlesort {args}; echo EXITED-$?; sleep 30"
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", "-c", str(ROOT), cmd)


def test_demo_opens_searches_and_quits():
    session = "circlesort-demo-test"
    start(session, "demo")
    try:
        wait_for(session, "DEMO — nothing is kept │ 0/201 sorted")  # the demo's word shortens the count
        time.sleep(0.5)  # as a person would: the first screen settles (its notice appears) first
        tmux("send-keys", "-t", session, "/")
        time.sleep(0.2)
        tmux("send-keys", "-t", session, "-l", "Mukhina")
        screen = wait_for(session, "“Mukhina”: 2")
        assert "Наталья Мухи" in screen  # the list's name column (pytest gives the app COLUMNS=80)
        tmux("send-keys", "-t", session, "Escape")
        wait_for(session, "to sort: 201")
        tmux("send-keys", "-t", session, "T")  # the people talked to in the last year
        screen = wait_for(session, "talked to in the last year: 3")
        assert "Zoë 🌸 Dupont" in screen
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "EXITED-0")
    finally:
        tmux("kill-session", "-t", session)


def test_decisions_are_still_there_after_quitting_and_starting_again(tmp_path):
    session = "circlesort-restart-test"
    workspace = shlex.quote(str(tmp_path / "mine.circlesort"))
    start(session, f"--workspace {workspace} sample_exports")
    try:
        wait_for(session, "Sorted 0 of 201")
        tmux("send-keys", "-t", session, "1")
        wait_for(session, "Sorted 1 of 201")
        tmux("send-keys", "-t", session, "w")
        wait_for(session, "Sorted 2 of 201")
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "EXITED-0")
        start(session, f"--workspace {workspace}")
        screen = wait_for(session, "Sorted 2 of 201")
        assert "pers 1 · prof 1" in screen  # the counts, shortened to fit 100 columns
        time.sleep(0.5)
        if "Fill them in now?" in tmux("capture-pane", "-t", session, "-p").stdout:
            tmux("send-keys", "-t", session, "n")  # the settings, offered once: decisions and no settings
        tmux("send-keys", "-t", session, "u")
        wait_for(session, "Sorted 1 of 201")  # undo reaches back across the restart
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "EXITED-0")
    finally:
        tmux("kill-session", "-t", session)
