"""The append-only journal: every decision with what it changed, so that it can be undone.

A journal entry holds changes, each ``[table, key, before, after]``. Undo writes the befores
and appends an "undo" entry naming the one it undid; redo writes the afters and appends a
"redo". Nothing is ever removed, so the stacks are rebuilt by reading the journal from the
start, which is how undo and redo survive a restart.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
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
class Entry:
    id: int
    kind: str
    label: str
    changes: list[Changed]


@dataclass
class Stacks:
    done: list[Entry] = field(default_factory=list)  # undo takes from the end
    undone: list[Entry] = field(default_factory=list)  # redo takes from the end


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
            s.done.append(Entry(id_, kind, data.get("label", kind), changes(data)))
            s.undone.clear()  # a new decision ends what could be redone
        elif kind == "undo" and s.done and s.done[-1].id == data.get("ref"):
            s.undone.append(s.done.pop())
        elif kind == "redo" and s.undone and s.undone[-1].id == data.get("ref"):
            s.done.append(s.undone.pop())
    return s


def changes(payload: dict[str, Any]) -> list[Changed]:
    """An entry's changes, as its JSON payload holds them."""
    return [Changed(t, tuple(k), b, a) for t, k, b, a in payload.get("changes", [])]
