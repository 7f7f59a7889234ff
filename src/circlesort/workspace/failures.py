"""What to tell the user when SQLite fails under a workspace: damaged, disk full, read-only.

SQLite reports a damaged page, a full disk or a file it may not write only when a statement
touches it, in the middle of any command or keystroke. These are the user's machine talking,
not circlesort's bugs: each becomes a WorkspaceError (an InputError, so one line and exit
status 2 on the command line) that names the file and what to do. A failed step is rolled back
by SQLite, so what was saved before stays saved; the messages say so.
"""

from __future__ import annotations

import functools
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from circlesort.errors import InputError
from circlesort.workspace import paths

# SQLite's primary result codes (sqlite3.h) that mean "the file or the disk", not "a bug".
BUSY, LOCKED, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB = 5, 6, 8, 10, 11, 13, 14, 26
KEPT = "what was saved before is kept"
NEARLY_FULL = 1 << 20  # bytes free below which a failed write is put down to a full disk


class WorkspaceError(InputError):
    """The workspace file or its disk failed; ``kind`` is damaged, full, read-only, cannot-open or busy."""

    def __init__(self, path: str, problem: str, kind: str) -> None:
        super().__init__(path, problem)
        self.kind = kind


def check_command(path: Path) -> str:
    """The command that runs SQLite's integrity check on this workspace."""
    name = paths.name_of(path)
    return "circlesort workspace check" + ("" if name == paths.DEFAULT else f" {_quoted(name)}")


def _quoted(text: str) -> str:
    return f"'{text}'" if any(c in text for c in " '\"$`\\") else text


def kind_of(error: sqlite3.Error) -> str | None:
    """damaged / full / read-only / cannot-open / busy, or None when the error is circlesort's own."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error).lower()
    if primary in (CORRUPT, NOTADB) or "malformed" in text or "not a database" in text:
        return "damaged"
    if primary == FULL or "disk is full" in text:
        return "full"
    if primary == READONLY or "readonly database" in text:
        return "read-only"
    if primary == CANTOPEN or "unable to open database" in text:
        return "cannot-open"
    if primary == IOERR or "disk i/o error" in text:
        return "io"  # a full disk, too, when SQLite grows its shared-memory file: see explain()
    if primary in (BUSY, LOCKED) or "database is locked" in text:
        return "busy"
    return None


def explain(path: Path, error: sqlite3.Error) -> WorkspaceError | None:
    """The error in the user's words, or None when it is a bug to report as such."""
    kind = kind_of(error)
    if kind is None:
        return None
    if kind == "io" and _nearly_full(path):
        kind = "full"
    problem = {
        "damaged": f"the workspace is damaged ({error}): `{check_command(path)}` shows what SQLite finds; "
        "circlesort leaves the file as it is",
        "full": f"the disk is full: this step was not saved, {KEPT}; free some space and try again",
        "read-only": f"the workspace is read-only, so this step was not saved ({KEPT}): "
        "make the file and its folder writable, or copy it somewhere writable",
        "cannot-open": "cannot open the workspace file or write beside it (SQLite keeps its journal in "
        "the same folder): check that the folder exists and is writable",
        "io": f"the disk could not be read or written ({error}); {KEPT}",
        "busy": f"another program is using the workspace file ({error}); close it and try again",
    }[kind]
    return WorkspaceError(str(path), problem, kind)


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.resolve().parent).free < NEARLY_FULL
    except OSError:
        return False


@contextmanager
def guard(path: Path) -> Iterator[None]:
    """Turn SQLite's file and disk errors inside the block into WorkspaceError."""
    try:
        yield
    except sqlite3.Error as e:
        found = explain(path, e)
        if found is None:
            raise
        raise found from None


F = TypeVar("F", bound=Callable[..., Any])


def guarded(func: F) -> F:
    """A Workspace method (or a function of a workspace first) whose SQLite failures are explained."""

    @functools.wraps(func)
    def wrapper(ws: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return func(ws, *args, **kwargs)
        except sqlite3.Error as e:
            found = explain(ws.path, e)
            if found is None:
                raise
            raise found from None

    return wrapper  # type: ignore[return-value]
