"""The demo's throwaway workspaces: made in the system's temporary folder, removed on the way out;
and those a closed terminal left behind (the process killed before it could remove its own)."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from circlesort.workspace.lock import Busy, WorkspaceLock

PREFIX = "circlesort-demo-"
NAME = "demo.circlesort"
# What a demo's folder holds: the workspace, SQLite's files beside it, and its lock.
OURS = {NAME, f"{NAME}-wal", f"{NAME}-shm", f"{NAME}-journal", f"{NAME}.lock"}
STALE_SECONDS = 600  # older than this and unlocked: no demo is starting in it


def sweep(root: Path | None = None, now: float | None = None) -> int:
    """Remove the demo folders left behind: ours (this user's), holding nothing but a demo's
    files, untouched for STALE_SECONDS, and whose workspace no running circlesort has locked.
    Anything else is left alone. Returns how many were removed."""
    root = root or Path(tempfile.gettempdir())
    now = time.time() if now is None else now
    removed = 0
    for folder in root.glob(PREFIX + "*"):
        try:
            st = folder.lstat()
            names = {p.name for p in folder.iterdir()}
        except OSError:
            continue
        if not folder.is_dir() or folder.is_symlink() or st.st_uid != os.getuid():
            continue
        if not names <= OURS or now - st.st_mtime < STALE_SECONDS:
            continue
        if _unlocked(folder / NAME):
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


def _unlocked(workspace: Path) -> bool:
    lock = WorkspaceLock(workspace)
    try:
        lock.acquire()
    except (Busy, OSError):
        return False
    lock.release()
    return True
