"""The workspace's tables, and the migrations that bring an older file up to date.

Every version is a list of statements (SQL, or a function given the connection) run in one
transaction; the file records the version it is at. A file from a newer circlesort is refused
rather than guessed at.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from circlesort.workspace import rekey
from circlesort.workspace.transaction import transaction

VERSION = 5

MIGRATIONS: dict[int, list[str | Callable[[sqlite3.Connection], None]]] = {
    1: [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # One row per import: when, and what it changed.
        "CREATE TABLE imports (id INTEGER PRIMARY KEY, at TEXT NOT NULL, summary TEXT NOT NULL)",
        "CREATE TABLE sources (import_id INTEGER NOT NULL REFERENCES imports(id), path TEXT NOT NULL, "
        "network TEXT NOT NULL, files TEXT NOT NULL, hashes TEXT NOT NULL)",
        # Every account ever imported; gone ones stay, marked, never deleted.
        # name, handle, company and relations are kept beside the JSON for lists that must load fast.
        "CREATE TABLE accounts (network TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, "
        "handle TEXT NOT NULL, company TEXT NOT NULL, relations TEXT NOT NULL, data TEXT NOT NULL, "
        "first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, gone INTEGER NOT NULL DEFAULT 0, "
        "PRIMARY KEY (network, key)) WITHOUT ROWID",
        # Who is who, as the last matching (with the user's own rules) said.
        "CREATE TABLE members (network TEXT NOT NULL, key TEXT NOT NULL, person TEXT NOT NULL, "
        "PRIMARY KEY (network, key)) WITHOUT ROWID",
        "CREATE INDEX members_person ON members (person)",
        "CREATE TABLE links (person TEXT NOT NULL, a_network TEXT NOT NULL, a_key TEXT NOT NULL, "
        "b_network TEXT NOT NULL, b_key TEXT NOT NULL, tier TEXT NOT NULL, score REAL NOT NULL, "
        "evidence TEXT NOT NULL)",
        "CREATE INDEX links_person ON links (person)",
        "CREATE TABLE suggestions (a_network TEXT NOT NULL, a_key TEXT NOT NULL, b_network TEXT NOT NULL, "
        "b_key TEXT NOT NULL, score REAL NOT NULL, evidence TEXT NOT NULL)",
        # The user's decisions, each keyed by account so that newer exports keep them.
        "CREATE TABLE categories (network TEXT NOT NULL, key TEXT NOT NULL, category TEXT NOT NULL, "
        "at TEXT NOT NULL, PRIMARY KEY (network, key)) WITHOUT ROWID",
        "CREATE TABLE answers (network TEXT NOT NULL, key TEXT NOT NULL, answer TEXT NOT NULL, "
        "at TEXT NOT NULL, PRIMARY KEY (network, key)) WITHOUT ROWID",
        # "same" (linked by hand) or "not_same" (not the same person), a before b in key order.
        "CREATE TABLE pair_rules (a_network TEXT NOT NULL, a_key TEXT NOT NULL, b_network TEXT NOT NULL, "
        "b_key TEXT NOT NULL, rule TEXT NOT NULL, at TEXT NOT NULL, "
        "PRIMARY KEY (a_network, a_key, b_network, b_key)) WITHOUT ROWID",
        "CREATE TABLE plan_status (action TEXT PRIMARY KEY, status TEXT NOT NULL, at TEXT NOT NULL)",
        # Append-only: every decision, undo and redo, in order.
        "CREATE TABLE journal (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, kind TEXT NOT NULL, "
        "payload TEXT NOT NULL)",
    ],
    # The migration plan, kept: every step ever planned (never deleted, so none is lost when an
    # export or a decision changes), and the user's own word on each (journaled, undoable).
    2: [
        "CREATE TABLE plan_steps (id TEXT PRIMARY KEY, kind TEXT NOT NULL, network TEXT NOT NULL, "
        "target TEXT NOT NULL, person TEXT NOT NULL, needed INTEGER NOT NULL, seen TEXT NOT NULL, "
        "added TEXT NOT NULL, data TEXT NOT NULL)",
        "CREATE INDEX plan_steps_person ON plan_steps (person)",
        "CREATE TABLE step_states (id TEXT PRIMARY KEY, state TEXT NOT NULL, at TEXT NOT NULL)",
        # What verify found per action of a written plan: found again from the exports now.
        "DROP TABLE plan_status",
    ],
    # Contacts without an e-mail keyed by name and first phone, no longer by name alone: two
    # people of one name stay two. Every key already held is moved (rekey.py).
    3: [rekey.contacts_by_phone],
    # Each suggestion's kind: the evidence levels that made its score, joined by "+", so that
    # the review can learn from the user's answers to pairs of the same kind ('' before it).
    4: [lambda db: _add_column(db, "suggestions", "kind TEXT NOT NULL DEFAULT ''")],
    # The messages exchanged with each account, counted (never a word of them): one-to-one
    # messages both ways and the date of the last, as plain columns beside the JSON for the
    # lists; and what each network's message files held (the date they run to), network by network.
    5: [
        lambda db: _add_column(db, "accounts", "messages INTEGER NOT NULL DEFAULT 0"),
        lambda db: _add_column(db, "accounts", "last_message TEXT NOT NULL DEFAULT ''"),
        "UPDATE accounts SET messages = coalesce(json_extract(data, '$.talk[0]'), 0) "
        "+ coalesce(json_extract(data, '$.talk[1]'), 0), "
        "last_message = coalesce(json_extract(data, '$.talk[4]'), '') "
        "WHERE instr(data, '\"talk\":') AND json_type(data, '$.talk') = 'array'",
        "CREATE TABLE IF NOT EXISTS message_files (network TEXT PRIMARY KEY, threads INTEGER NOT NULL, "
        "group_threads INTEGER NOT NULL, messages INTEGER NOT NULL, last TEXT, until TEXT, "
        "import_id INTEGER NOT NULL) WITHOUT ROWID",
    ],
}


def _add_column(db: sqlite3.Connection, table: str, column: str) -> None:
    """ALTER TABLE ... ADD COLUMN, unless the table has it already (a file whose version was
    set back by hand)."""
    have = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
    if column.split()[0] not in have:
        db.execute(f"ALTER TABLE {table} ADD COLUMN {column}")


class SchemaError(Exception):
    """The file is not a workspace this circlesort can read."""


def version_of(db: sqlite3.Connection) -> int:
    has_meta = db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if not has_meta:
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise SchemaError("an SQLite file, but not a circlesort workspace")
        return 0
    row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    if row is None or not str(row[0]).isdigit():
        raise SchemaError("a workspace without a schema version (damaged?)")
    return int(row[0])


def migrate(db: sqlite3.Connection) -> int:
    """Bring the file to VERSION; returns the version it was at."""
    found = version_of(db)
    if found > VERSION:
        raise SchemaError(
            f"written by a newer circlesort (workspace version {found}; "
            f"this one reads up to {VERSION}): upgrade circlesort to open it"
        )
    for version in range(found + 1, VERSION + 1):
        with transaction(db):  # each version whole or not at all
            for statement in MIGRATIONS[version]:
                if callable(statement):
                    statement(db)
                else:
                    db.execute(statement)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(version),))
    return found
