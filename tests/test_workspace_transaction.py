"""Workspace transactions: nested ones are savepoints, and a failed COMMIT leaves nothing open."""

from __future__ import annotations

import sqlite3

import pytest

from circlesort.errors import InputError
from circlesort.workspace import UNDECIDED, Workspace, import_paths, schema
from circlesort.workspace.failures import WorkspaceError

from .conftest import ROOT

SAMPLES = str(ROOT / "sample_exports")


class Boom(Exception):
    pass


def notes(ws: Workspace) -> set[str]:
    return {k for (k,) in ws.db.execute("SELECT key FROM meta WHERE key LIKE 'note-%'")}


def note(db: sqlite3.Connection, name: str) -> None:
    db.execute("INSERT INTO meta VALUES (?, 'x')", (f"note-{name}",))


def test_an_inner_failure_takes_back_the_inner_work_only():
    with Workspace.open() as ws:
        with ws.transaction() as db:
            note(db, "outer")
            with pytest.raises(Boom), ws.transaction() as inner:
                note(inner, "inner")
                raise Boom
            assert db.in_transaction  # the outer block carries on
            note(db, "after")
        assert notes(ws) == {"note-outer", "note-after"}
        assert not ws.db.in_transaction


def test_an_outer_failure_takes_back_the_inner_work_too():
    with Workspace.open() as ws:
        with pytest.raises(Boom), ws.transaction() as db:
            note(db, "outer")
            with ws.transaction() as inner:
                note(inner, "inner")
                with ws.transaction() as innermost:
                    note(innermost, "innermost")
            raise Boom
        assert notes(ws) == set()
        assert not ws.db.in_transaction


def test_three_levels_the_middle_kept_when_the_innermost_fails():
    with Workspace.open() as ws:
        with ws.transaction() as db:
            with ws.transaction() as middle:
                note(middle, "middle")
                with pytest.raises(Boom), ws.transaction() as innermost:
                    note(innermost, "innermost")
                    raise Boom
            note(db, "outer")
        assert notes(ws) == {"note-middle", "note-outer"}


def test_a_commit_refused_by_a_deferred_foreign_key_leaves_no_transaction_open():
    with Workspace.open() as ws:
        with pytest.raises(sqlite3.IntegrityError), ws.transaction() as db:
            db.execute("PRAGMA defer_foreign_keys = ON")
            note(db, "kept?")
            db.execute("INSERT INTO sources VALUES (999, 'nowhere', 'facebook', '[]', '{}')")  # no import 999
        assert not ws.db.in_transaction
        assert notes(ws) == set()
        assert ws.db.execute("SELECT count(*) FROM sources").fetchone()[0] == 0
        with ws.transaction() as db:  # and the workspace goes on as before
            note(db, "next")
        assert notes(ws) == {"note-next"}


class BusyOnCommit:
    """The workspace's connection, except that COMMIT fails as SQLite does when another program
    holds the file (SQLITE_BUSY), leaving the transaction open."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self.fail = True

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql == "COMMIT" and self.fail:
            raise sqlite3.OperationalError("database is locked")
        return self._db.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._db, name)


def test_a_busy_commit_is_rolled_back_and_said_and_the_decision_not_kept():
    with Workspace.open() as ws:
        import_paths(ws, [SAMPLES])
        pid = ws.people()[0].id
        real = ws.db
        ws.db = BusyOnCommit(real)  # type: ignore[assignment]
        with pytest.raises(WorkspaceError) as caught:
            ws.decide([pid], "keep-personal")
        assert caught.value.kind == "busy"
        assert not real.in_transaction
        ws.db.fail = False  # type: ignore[attr-defined]
        assert ws.categories_of([pid]) == {pid: UNDECIDED}
        assert ws.can_undo() is None  # the decision that failed is not there to undo
        ws.db = real
        ws.decide([pid], "keep-personal")
        assert ws.categories_of([pid]) == {pid: "keep-personal"}


def test_a_decision_inside_a_transaction_that_fails_is_not_left_to_undo():
    with Workspace.open() as ws:
        import_paths(ws, [SAMPLES])
        first, second = [p.id for p in ws.people()[:2]]
        ws.decide([first], "page-follower")
        with pytest.raises(Boom), ws.transaction():
            ws.decide([second], "keep-personal")
            raise Boom
        assert ws.categories_of([second]) == {second: UNDECIDED}
        assert ws.can_undo() == "page-follower for 1 person"


def test_a_migration_that_fails_half_way_leaves_the_file_at_its_version(monkeypatch):
    with Workspace.open():
        pass
    monkeypatch.setattr(schema, "VERSION", schema.VERSION + 1)
    monkeypatch.setitem(schema.MIGRATIONS, schema.VERSION, ["CREATE TABLE halfway (a)", "NOT SQL AT ALL"])
    with pytest.raises(InputError):
        Workspace.open()
    monkeypatch.undo()
    with Workspace.open() as ws:
        assert schema.version_of(ws.db) == schema.VERSION
        assert ws.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'halfway'").fetchone() is None
