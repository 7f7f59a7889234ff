"""The plan screen in a real terminal: ticks are saved at once, so a killed app loses none of them."""

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time

import pytest

from circlesort.cli.commands import sample_exports
from circlesort.workspace import Workspace, import_paths

from .conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
SOCKET = "circlesort-plan-test"  # a server of its own: the user's tmux sessions are never touched


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, timeout=20)


def screen(session):
    return tmux("capture-pane", "-t", session, "-p").stdout


def wait_for(session, *texts, timeout=30.0):
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = screen(session)
        if all(text in shown for text in texts):
            return shown
        time.sleep(0.2)
    raise AssertionError(f"{texts!r} never appeared; the screen was:\n{shown}")


def start(session, workspace, config):
    tmux("kill-session", "-t", session)
    cmd = (
        f"CIRCLESORT_CONFIG={shlex.quote(str(config))} {shlex.quote(sys.executable)} -m circlesort "
        f"--workspace {shlex.quote(str(workspace))}; echo EXITED-$?; sleep 30"
    )
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", "-c", str(ROOT), cmd)
    shown = wait_for(session, "Sorted 2 of 201")
    if "Fill them in now?" in shown:  # the app's one-time offer of the settings
        tmux("send-keys", "-t", session, "n")
        time.sleep(0.3)


def app_pid(session) -> int:
    """The app's process: the one child of the pane's shell."""
    shell = tmux("display-message", "-p", "-t", session, "#{pane_pid}").stdout.strip()
    children = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout.split()
    assert len(children) == 1, children
    return int(children[0])


def test_three_ticks_survive_a_kill_9(tmp_path):
    workspace = tmp_path / "mine.circlesort"
    config = tmp_path / "config"
    with Workspace.open(str(workspace)) as ws:
        import_paths(ws, [str(sample_exports())])
        ids = {p.name: p.id for p in ws.people()}
        ws.decide([ids["John Smith"], ids["Chris Evans"]], "move-to-professional")  # three steps due
    session = "circlesort-plan-kill"
    start(session, workspace, config)
    try:
        tmux("send-keys", "-t", session, "P")
        wait_for(session, "3 due now · 0 waiting · 0 done", "google_contacts.csv: 1 contacts")
        for done in (1, 2, 3):
            tmux("send-keys", "-t", session, "Space")
            wait_for(session, f"{3 - done} due now · 0 waiting · {done} done")
        shown = wait_for(session, "✓ Contacts", "✓ X", "✓ Facebook")
        assert "saving" not in shown.splitlines()[0]  # the worker has saved them
        os.kill(app_pid(session), signal.SIGKILL)
        wait_for(session, "EXITED-137")
        start(session, workspace, config)
        tmux("send-keys", "-t", session, "P")
        wait_for(session, "0 due now · 0 waiting · 3 done")
        tmux("send-keys", "-t", session, "v")
        tmux("send-keys", "-t", session, "v")
        shown = wait_for(session, "View done", "Done · 3")
        assert "✓ X" in shown and "✓ Facebook" in shown and "✓ Contacts" in shown
        tmux("send-keys", "-t", session, "q")
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "EXITED-0")
    finally:
        tmux("kill-session", "-t", session)
