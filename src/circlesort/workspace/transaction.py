"""Transactions on the workspace's connection: all or nothing, nested as savepoints.

The outermost block is ``BEGIN IMMEDIATE`` ... ``COMMIT``; a block inside another is a savepoint,
so that an inner failure takes back the inner work only and the outer block carries on, while an
outer failure takes back everything, the inner blocks included. Whatever fails, the COMMIT
itself included (SQLITE_BUSY, a full disk, a deferred foreign key), the connection is left with no
transaction open, and the first error is the one raised.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress

SAVEPOINT = "circlesort_nested"  # one name for every level: SQLite acts on the innermost of that name


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Everything inside lands together or not at all (the connection is in autocommit mode)."""
    if db.in_transaction:
        with _savepoint(db):
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        _roll_back(db)
        raise


@contextmanager
def _savepoint(db: sqlite3.Connection) -> Iterator[None]:
    db.execute(f"SAVEPOINT {SAVEPOINT}")
    try:
        yield
    except BaseException:
        # On a full disk or a damaged page SQLite may have rolled back the whole transaction
        # already: then there is no savepoint left to go back to, and the outer block fails too.
        if db.in_transaction:
            with suppress(sqlite3.Error):  # the first error is the one to tell
                db.execute(f"ROLLBACK TO {SAVEPOINT}")
                db.execute(f"RELEASE {SAVEPOINT}")
        raise
    db.execute(f"RELEASE {SAVEPOINT}")


def _roll_back(db: sqlite3.Connection) -> None:
    """Roll back what is open, keeping the error that got here (rolling back again when SQLite
    has already would hide it behind "no transaction is active")."""
    if db.in_transaction:
        with suppress(sqlite3.Error):
            db.execute("ROLLBACK")
