"""The demo in a real terminal: tmux starts it, reads the screen, presses keys."""

import shutil
import subprocess
import sys
import time

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True, timeout=20)


def wait_for(session, text, timeout=20.0):
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-t", session, "-p").stdout
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


def test_demo_opens_searches_and_quits():
    session = "circlesort-demo-test"
    tmux("kill-session", "-t", session)
    cmd = f"{sys.executable} -m circlesort demo; echo EXITED-$?; sleep 30"
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", "-c", str(ROOT), cmd)
    try:
        screen = wait_for(session, "Networks")
        assert "linkedin" in screen and "instagram" in screen and "315" in screen
        tmux("send-keys", "-t", session, "/")
        tmux("send-keys", "-t", session, "-l", "Mukhina")
        screen = wait_for(session, "2 accounts")
        assert "Natalya Mukhina" in screen and "nmukhina" in screen
        tmux("send-keys", "-t", session, "Escape")
        wait_for(session, "315 accounts")
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "EXITED-0")
    finally:
        tmux("kill-session", "-t", session)
