"""Demo folders a closed terminal left behind are removed at the next demo; nothing else is."""

from __future__ import annotations

import os

from circlesort.cli.demo_dirs import NAME, PREFIX, STALE_SECONDS, sweep
from circlesort.workspace.lock import WorkspaceLock

LONG_AGO = 10_000


def _demo(root, name, *files, age=LONG_AGO):
    folder = root / f"{PREFIX}{name}"
    folder.mkdir()
    for f in (NAME, *files):
        (folder / f).write_bytes(b"")
    os.utime(folder, (1_000_000, 1_000_000 + LONG_AGO - age))
    return folder


def test_only_stale_unlocked_demo_folders_holding_only_a_demo_are_removed(tmp_path):
    now = 1_000_000 + LONG_AGO
    left = _demo(tmp_path, "left", f"{NAME}-wal", f"{NAME}-shm", f"{NAME}.lock")
    running = _demo(tmp_path, "running")
    starting = _demo(tmp_path, "starting", age=STALE_SECONDS // 2)
    other = _demo(tmp_path, "other", "notes.txt")  # someone's own file: never ours to remove
    unrelated = tmp_path / "circlesort-other"
    unrelated.mkdir()
    link = tmp_path / f"{PREFIX}link"
    link.symlink_to(other)
    lock = WorkspaceLock(running / NAME)
    lock.acquire()  # a demo still open in another terminal, for hours
    os.utime(running, (1_000_000, 1_000_000))
    try:
        assert sweep(tmp_path, now) == 1
    finally:
        lock.release()
    assert not left.exists()
    assert running.exists() and starting.exists() and (other / "notes.txt").exists()
    assert unrelated.exists() and link.is_symlink()
