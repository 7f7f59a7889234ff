"""The append-only journal: every decision with what it changed, so that it can be undone.

A journal entry holds changes, each ``[table, key, before, after]``. Undo writes the befores
and appends an "undo" entry naming the one it undid; redo writes the afters and appends a
"redo". Nothing is ever removed, so the stacks are rebuilt by reading the journal from the
start, which is how undo and redo survive a restart.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

# table -> (key columns, value column, whether the row records when)
TABLES = {
    "categories": (("network", "key"), "category", True),
    "answers": (("network", "key"), "answer", True),
    "members": (("network", "key"), "person", False),
    "pair_rules": (("a_network", "a_key", "b_network", "b_key"), "rule", True),
    "step_states": (("id",), "state", True),
}
# What undo and redo act on. A plan written or checked is journaled too, but is not a decision
# to take back with u: the plan files are on disk already.
ACTIONS = ("decide", "answer", "link", "unlink", "decisions-import", "step")
BULK = 2000  # rows of one table above which held() reads the whole table rather than row by row


class Write(NamedTuple):
    """A value to set in one of TABLES: its row by key; None deletes the row."""

    table: str
    key: tuple[str, ...]
    value: str | None


class Changed(NamedTuple):
    """A change as the journal keeps it (a JSON list: [table, key, before, after])."""

    table: str
    key: tuple[str, ...]
    before: str | None
    after: str | None


@dataclass
class JournalEntry:
    """One undoable decision as the journal holds it (not an importer's Entry, a file in an export)."""

    id: int
    kind: str
    label: str
    changes: list[Changed]


@dataclass
class Stacks:
    done: list[JournalEntry] = field(default_factory=list)  # undo takes from the end
    undone: list[JournalEntry] = field(default_factory=list)  # redo takes from the end


def write(db: sqlite3.Connection, table: str, key: Sequence[str], value: str | None, at: str) -> None:
    keys, column, timed = TABLES[table]
    where = " AND ".join(f"{k} = ?" for k in keys)
    if value is None:
        db.execute(f"DELETE FROM {table} WHERE {where}", key)
        return
    cols = [*keys, column, *(["at"] if timed else [])]
    values = [*key, value, *([at] if timed else [])]
    db.execute(
        f"INSERT OR REPLACE INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", values
    )


def write_all(db: sqlite3.Connection, writes: Iterable[Write], at: str) -> None:
    """Write these in order, as write() one by one would leave them, each row written once."""
    final: dict[tuple[str, tuple[str, ...]], str | None] = {}
    for table, key, value in writes:
        final[(table, tuple(key))] = value
    for table in dict.fromkeys(t for t, _ in final):
        keys, column, timed = TABLES[table]
        where = " AND ".join(f"{k} = ?" for k in keys)
        gone = [key for (t, key), value in final.items() if t == table and value is None]
        db.executemany(f"DELETE FROM {table} WHERE {where}", gone)
        cols = [*keys, column, *(["at"] if timed else [])]
        rows = [
            (*key, value, *([at] if timed else []))
            for (t, key), value in final.items()
            if t == table and value is not None
        ]
        db.executemany(
            f"INSERT OR REPLACE INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows
        )


def held(db: sqlite3.Connection, writes: Sequence[Write]) -> dict[tuple[str, tuple[str, ...]], str | None]:
    """What the rows these writes touch hold now, by (table, key); None where there is no row.
    A query per row for a few; the whole table at once for many (a decisions file)."""
    wanted: dict[str, set[tuple[str, ...]]] = {}
    for table, key, _ in writes:
        wanted.setdefault(table, set()).add(tuple(key))
    out: dict[tuple[str, tuple[str, ...]], str | None] = {}
    for table, keys in wanted.items():
        if len(keys) < BULK:
            out.update(((table, k), read(db, table, k)) for k in keys)
            continue
        cols, column, _ = TABLES[table]
        found = {
            tuple(row[:-1]): row[-1] for row in db.execute(f"SELECT {', '.join(cols)}, {column} FROM {table}")
        }
        out.update(((table, k), found.get(k)) for k in keys)
    return out


def read(db: sqlite3.Connection, table: str, key: Sequence[str]) -> str | None:
    keys, column, _ = TABLES[table]
    row = db.execute(
        f"SELECT {column} FROM {table} WHERE {' AND '.join(f'{k} = ?' for k in keys)}", key
    ).fetchone()
    return row[0] if row else None


def append(db: sqlite3.Connection, kind: str, at: str, payload: dict[str, Any]) -> int:
    cur = db.execute(
        "INSERT INTO journal (at, kind, payload) VALUES (?, ?, ?)",
        (at, kind, json.dumps(payload, ensure_ascii=False, separators=(",", ":"))),
    )
    return int(cur.lastrowid or 0)


def stacks(db: sqlite3.Connection) -> Stacks:
    """Replay the journal into what undo and redo would act on now."""
    s = Stacks()
    # Imports and plans are in the journal for the history; they are not undone.
    for id_, kind, payload in db.execute("SELECT id, kind, payload FROM journal ORDER BY id"):
        data = json.loads(payload)
        if kind in ACTIONS:
            s.done.append(JournalEntry(id_, kind, data.get("label", kind), changes(data)))
            s.undone.clear()  # a new decision ends what could be redone
        elif kind == "undo" and s.done and s.done[-1].id == data.get("ref"):
            s.undone.append(s.done.pop())
        elif kind == "redo" and s.undone and s.undone[-1].id == data.get("ref"):
            s.done.append(s.undone.pop())
    return s


def changes(payload: dict[str, Any]) -> list[Changed]:
    """An entry's changes, as its JSON payload holds them."""
    return [Changed(t, tuple(k), b, a) for t, k, b, a in payload.get("changes", [])]
