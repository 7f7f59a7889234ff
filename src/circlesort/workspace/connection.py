"""Opening a workspace file: its lock, its SQLite connection, and telling a workspace from other files.

A workspace is recognised the way Workspace.open recognises one: an SQLite file whose ``meta``
table records a schema version. Commands that delete or check a file ask that first, read-only.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from circlesort.errors import InputError
from circlesort.workspace import schema
from circlesort.workspace.failures import explain
from circlesort.workspace.lock import Busy, WorkspaceLock
from circlesort.workspace.rows import Peek

CHECK_LINES = 10  # what SQLite's integrity check reports at most, enough to tell damage apart


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def take_lock(path: Path) -> WorkspaceLock:
    """The workspace's lock, or InputError when another circlesort holds it."""
    lock = WorkspaceLock(path)
    try:
        lock.acquire()
    except Busy as e:
        raise InputError(str(path), f"open in another circlesort ({e}); close that one first") from None
    except OSError as e:
        raise InputError(str(path), f"cannot open: {e.strerror or e}") from None
    return lock


def connect(path: Path) -> sqlite3.Connection:
    """The workspace's connection, migrated to this circlesort's schema; created when new."""
    fresh = not path.exists() or path.stat().st_size == 0
    db = None
    try:
        if fresh and os.name == "posix":
            # Private data: made 0600 before SQLite opens it, as SQLite gives its -wal and -shm
            # files the workspace's own permissions.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            os.chmod(path, 0o600)
        # One connection, used by the app's import worker and then by its screens, never at once.
        # The real path: a workspace reached through a symlink has one -wal file, beside the real one.
        db = sqlite3.connect(path.resolve(), isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")  # a committed decision survives a power cut too
        db.execute("PRAGMA foreign_keys = ON")
        schema.migrate(db)
        if fresh:
            db.execute("INSERT OR IGNORE INTO meta VALUES ('created', ?)", (now(),))
    except schema.SchemaError as e:
        _close(db)
        raise InputError(str(path), str(e)) from None
    except OSError as e:
        _close(db)
        raise InputError(str(path), f"cannot create the workspace: {e.strerror or e}") from None
    except sqlite3.DatabaseError as e:
        _close(db)
        found = explain(path, e)
        if found is not None and found.kind != "damaged":  # a full disk, a read-only file or folder
            raise found from None
        raise InputError(
            str(path), f"not a circlesort workspace, or damaged ({e}); circlesort leaves it as it is"
        ) from None
    return db


def _close(db: sqlite3.Connection | None) -> None:
    if db is not None:
        db.close()


@contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that cannot change the file (nor create it), for looking before acting."""
    uri = path.resolve().as_uri() + "?mode=ro"
    with closing(sqlite3.connect(uri, uri=True, isolation_level=None)) as db:
        yield db


def peek(path: Path) -> Peek:
    """A workspace's counts, read-only and without taking its lock (another circlesort may have
    it open). Raises sqlite3.DatabaseError when the file cannot be read as a workspace."""
    with read_only(path) as db:

        def one(sql: str) -> int:
            return int(db.execute(sql).fetchone()[0])

        return Peek(
            accounts=one("SELECT count(*) FROM accounts WHERE gone = 0"),
            people=one("SELECT count(DISTINCT person) FROM members"),
            decided=one("SELECT count(*) FROM categories"),
            imports=one("SELECT count(*) FROM imports"),
        )


def not_a_workspace(path: Path) -> str | None:
    """Why this file is not a circlesort workspace, or None when it is one (damaged pages or not)."""
    if path.is_dir():
        return "a folder, not a workspace file"
    if not path.is_file():
        return "not a regular file, so not a workspace"
    try:
        with read_only(path) as db:
            if schema.version_of(db) == 0:
                return "an empty SQLite file, not a circlesort workspace"
    except schema.SchemaError as e:
        return str(e)
    except sqlite3.Error as e:
        return f"not a circlesort workspace, or damaged beyond recognition ({e})"
    return None


def integrity(path: Path) -> list[str]:
    """What SQLite's integrity check finds in the file, read-only: ["ok"] when nothing is wrong."""
    try:
        with read_only(path) as db:
            found = [str(row[0]) for row in db.execute(f"PRAGMA integrity_check({CHECK_LINES})")]
            if found == ["ok"]:
                schema.version_of(db)  # sound, but is it a workspace?
            return found
    except schema.SchemaError as e:
        raise InputError(str(path), str(e)) from None
    except sqlite3.DatabaseError as e:
        return [str(e)]
