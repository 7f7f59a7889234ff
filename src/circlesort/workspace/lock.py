"""One circlesort at a time per workspace: an advisory lock the system drops when the process dies."""

from __future__ import annotations

import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: SQLite's own locking still keeps the file consistent
    fcntl = None  # type: ignore[assignment]


class Busy(Exception):
    """Another circlesort has this workspace open."""


class WorkspaceLock:
    def __init__(self, path: Path) -> None:
        # Beside the real file: through a symlink or by its own path, one workspace has one lock.
        real = path.resolve()
        self.path = real.with_name(real.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                os.close(fd)
                raise Busy(f"pid {holder}" if holder.isdigit() else "another process") from None
        self._fd = fd
        try:  # who holds it, for the message another circlesort shows; the lock holds without it
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode(), 0)
        except OSError:
            pass

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the lock
            self._fd = None
