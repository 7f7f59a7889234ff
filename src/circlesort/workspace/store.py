"""The workspace: a SQLite file holding what the user imported and every decision they made.

Each decision is one transaction, committed before the call returns (WAL, synchronous=FULL):
once the screen shows it, a crash or a kill cannot take it back. Decisions attach to account
keys, never to row numbers or person ids, so that newer exports keep them. Reading is in
reads.py; every change is a value from changes.py, written by Workspace.apply and undone or
redone from the journal (journal.py).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from circlesort.errors import InputError
from circlesort.model import CATEGORIES, UNDECIDED
from circlesort.workspace import codec, journal, paths
from circlesort.workspace.changes import Change, Decide, Effect, effect_of, own_person, pair_key
from circlesort.workspace.connection import connect, now, take_lock
from circlesort.workspace.failures import explain, guard, guarded
from circlesort.workspace.lock import WorkspaceLock
from circlesort.workspace.reads import Reads
from circlesort.workspace.rows import Key, Member, PersonRow, display_name
from circlesort.workspace.transaction import transaction

# Names other modules and older callers take from here.
__all__ = [
    "CATEGORIES",
    "UNDECIDED",
    "Key",
    "Member",
    "PersonRow",
    "Workspace",
    "display_name",
    "own_person",
    "pair_key",
]


class Workspace(Reads):
    """An open workspace. Use as a context manager, or call close()."""

    def __init__(self, path: Path, db: sqlite3.Connection, lock: WorkspaceLock) -> None:
        self.path = path
        self.db = db
        self._lock = lock
        self._stacks: journal.Stacks | None = None

    # --- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(cls, name_or_path: str | None = None, create: bool = True) -> Workspace:
        try:
            path = paths.resolve(name_or_path)
        except ValueError as e:
            raise InputError(str(name_or_path), str(e)) from None
        if not path.exists() and not create:
            raise InputError(str(path), "no such workspace (circlesort workspace list shows them)")
        if path.is_dir():
            raise InputError(str(path), "a folder, not a workspace file")
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as e:
            raise InputError(str(path.parent), f"cannot make this folder: {e.strerror or e}") from None
        lock = take_lock(path)
        try:
            db = connect(path)
        except BaseException:
            lock.release()
            raise
        return cls(path, db, lock)

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            self._lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, kind: object, error: BaseException | None, tb: object) -> None:
        """Close; a damaged page, a full disk or a read-only file met inside becomes one clear line."""
        self.close()
        if isinstance(error, sqlite3.Error) and (found := explain(self.path, error)) is not None:
            raise found from None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Everything inside lands together or not at all; inside another, a savepoint
        (transaction.py). A file or disk failure becomes one clear WorkspaceError."""
        outermost = not self.db.in_transaction
        try:
            with guard(self.path), transaction(self.db) as db:
                yield db
        except BaseException:
            if outermost:
                self._stacks = None  # undo and redo are read again from what the journal kept
            raise

    @property
    def name(self) -> str:
        return paths.name_of(self.path)

    # --- changes, each committed at once and undoable -----------------------------------------

    @guarded
    def apply(self, change: Change) -> Effect:
        """Write the change and journal it with what it replaces, in one transaction.

        Nothing to change (the value is there already): no journal entry, and ``entry`` is 0."""
        label, writes = change.draft(self)
        stacks = self._journal()  # read before writing: the new entry is added by hand below
        at = now()
        with self.transaction() as db:
            now_held, changes = journal.held(db, writes), []
            for table, key, value in writes:
                if (before := now_held[(table, tuple(key))]) != value:
                    now_held[(table, tuple(key))] = value
                    changes.append(journal.Changed(table, tuple(key), before, value))
            if not changes:
                return Effect(0, change.kind, label)
            journal.write_all(db, (journal.Write(c.table, c.key, c.after) for c in changes), at)
            entry_id = journal.append(db, change.kind, at, {"label": label, "changes": changes})
            effect = effect_of(self, entry_id, change.kind, label, changes)
        if change.kind in journal.ACTIONS:  # (an outer transaction that fails drops the stacks)
            stacks.done.append(journal.JournalEntry(entry_id, change.kind, label, changes))
            stacks.undone.clear()
        return effect

    def decide(self, people: Sequence[str], category: str | None, label: str | None = None) -> int:
        """apply(Decide(...)), the journal entry's id: the shorthand tests and benchmarks use."""
        return self.apply(Decide(people, category, label or "")).entry

    def _journal(self) -> journal.Stacks:
        if self._stacks is None:
            self._stacks = journal.stacks(self.db)
        return self._stacks

    @guarded
    def can_undo(self) -> str | None:
        """What undo would undo, in words; None when there is nothing."""
        done = self._journal().done
        return done[-1].label if done else None

    @guarded
    def can_redo(self) -> str | None:
        undone = self._journal().undone
        return undone[-1].label if undone else None

    @guarded
    def next_step(self, undo: bool) -> Effect | None:
        """What undo (or redo) would change, read now and written nowhere; None when nothing."""
        stacks = self._journal()
        source = stacks.done if undo else stacks.undone
        if not source:
            return None
        entry = source[-1]
        return effect_of(self, entry.id, entry.kind, entry.label, entry.changes)

    @guarded
    def person_name(self, person: str) -> str:
        """One person's name, as the workspace names them ("" for nobody)."""
        rows = self.db.execute(
            "SELECT a.network, a.key, a.name, a.data, a.gone FROM members m "
            "JOIN accounts a USING (network, key) WHERE m.person = ?",
            (person,),
        ).fetchall()
        members = [Member(codec.load(n, k, name, data), False, bool(gone)) for n, k, name, data, gone in rows]
        return display_name(members) if members else ""

    @guarded
    def place(self, screen: str) -> dict[str, Any] | None:
        """Where the user left a screen (its cursor, filters, search), as the screen kept it."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (f"place:{screen}",)).fetchone()
        try:
            found = json.loads(row[0]) if row else None
        except ValueError:
            return None  # written by nobody circlesort knows: start afresh
        return found if isinstance(found, dict) else None

    @guarded
    def keep_place(self, screen: str, place: dict[str, Any]) -> None:
        """Remember where the user is on a screen, for the next start. Not a decision: no journal."""
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"place:{screen}", json.dumps(place)))

    def undo(self) -> Effect | None:
        """Take back the last change; what it touched, or None when there was nothing to undo."""
        return self._step(undo=True)

    def redo(self) -> Effect | None:
        return self._step(undo=False)

    @guarded
    def _step(self, undo: bool) -> Effect | None:
        stacks = self._journal()
        source, target = (stacks.done, stacks.undone) if undo else (stacks.undone, stacks.done)
        if not source:
            return None
        entry = source[-1]
        at = now()
        with self.transaction() as db:
            steps = reversed(entry.changes) if undo else entry.changes
            journal.write_all(db, (journal.Write(t, k, b if undo else a) for t, k, b, a in steps), at)
            step_id = journal.append(db, "undo" if undo else "redo", at, {"ref": entry.id})
            effect = effect_of(self, step_id, entry.kind, entry.label, entry.changes)
        target.append(source.pop())
        return effect
