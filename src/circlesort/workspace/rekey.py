"""Workspace version 3: contacts without an e-mail are keyed by name and first phone number.

Until then such a contact was keyed by its name alone, so two people of one name in the phone
("Anuj" and "Anuj") became one account. The reader now keys it by name and first number
(importers/contacts.py, contact_key). Every key is held in many places, and a key that changed
in some of them only would make the contact gone and new at the next import, its decisions, links
and plan steps left behind on the old one. So each contact already in the workspace is given
the key today's reader gives it, at once everywhere: the account, its person, links and
suggestions, the user's categories, answers and pair rules, the plan's steps, their states and
what depends on them, and the journal (undo finds the new key). Person ids do not change.

Two namesakes the old reader had merged into one account keep their decisions on the first
card's key; the second arrives new at the next import, as a person of its own.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter

from circlesort.importers.contacts import CONTACTS, contact_key

# The tables that hold an account key: (network column, key column) pairs.
_HOLDERS = {
    "accounts": (("network", "key"),),
    "members": (("network", "key"),),
    "categories": (("network", "key"),),
    "answers": (("network", "key"),),
    "links": (("a_network", "a_key"), ("b_network", "b_key")),
    "suggestions": (("a_network", "a_key"), ("b_network", "b_key")),
}
_ONE_KEY = ("categories", "answers", "members")  # journal changes keyed [network, key]


def contacts_by_phone(db: sqlite3.Connection) -> None:
    """Re-key the contacts; runs inside the migration's transaction."""
    renames = _renames(db)
    if not renames:
        return
    db.execute("CREATE TEMP TABLE rekey (old TEXT PRIMARY KEY, new TEXT NOT NULL) WITHOUT ROWID")
    db.executemany("INSERT INTO temp.rekey VALUES (?, ?)", renames.items())
    for table, holders in _HOLDERS.items():
        for network, key in holders:
            db.execute(
                f"UPDATE {table} SET {key} = (SELECT new FROM temp.rekey WHERE old = {key}) "
                f"WHERE {network} = ? AND {key} IN (SELECT old FROM temp.rekey)",
                (CONTACTS,),
            )
    db.execute("DROP TABLE temp.rekey")
    _pair_rules(db, renames)
    _steps(db, renames)
    _journal(db, renames)
    # The kept plan is worked out again from everyone at the next look.
    db.execute("DELETE FROM meta WHERE key = 'plan_revision'")


def _renames(db: sqlite3.Connection) -> dict[str, str]:
    """Old key -> new key of every contact whose key changes; never onto a key someone holds."""
    held = set()
    renames: dict[str, str] = {}
    for key, data in db.execute("SELECT key, data FROM accounts WHERE network = ?", (CONTACTS,)):
        held.add(key)
        try:
            d = json.loads(data)
        except ValueError:
            continue
        if not isinstance(d, dict) or d.get("emails"):
            continue  # keyed by its e-mail, as before
        phones = [p for p in d.get("phones", ()) if isinstance(p, str)]
        new = contact_key(key, (), phones)  # the old key is the contact's name
        if new != key:
            renames[key] = new
    landing = Counter(renames.values())
    return {old: new for old, new in renames.items() if new not in held and landing[new] == 1}


def _pair(renames: dict[str, str], an: str, ak: str, bn: str, bk: str) -> list[str]:
    """A pair rule's four columns re-keyed, its two accounts in key order as the store keeps them."""
    a = (an, renames.get(ak, ak) if an == CONTACTS else ak)
    b = (bn, renames.get(bk, bk) if bn == CONTACTS else bk)
    first, second = sorted([a, b])
    return [*first, *second]


def _pair_rules(db: sqlite3.Connection, renames: dict[str, str]) -> None:
    rows = db.execute(
        "SELECT a_network, a_key, b_network, b_key, rule, at FROM pair_rules "
        "WHERE a_network = ? OR b_network = ?",
        (CONTACTS, CONTACTS),
    ).fetchall()
    for an, ak, bn, bk, rule, at in rows:
        new = _pair(renames, an, ak, bn, bk)
        if new != [an, ak, bn, bk]:
            db.execute(
                "DELETE FROM pair_rules WHERE a_network = ? AND a_key = ? AND b_network = ? AND b_key = ?",
                (an, ak, bn, bk),
            )
            db.execute("INSERT OR REPLACE INTO pair_rules VALUES (?, ?, ?, ?, ?, ?)", (*new, rule, at))


def _step(renames: dict[str, str], step: str) -> str:
    """A step id re-keyed: ids are kind/network/target, the target a contact's key."""
    kind, _, rest = step.partition("/")
    network, _, target = rest.partition("/")
    return f"{kind}/{network}/{renames[target]}" if network == CONTACTS and target in renames else step


def _steps(db: sqlite3.Connection, renames: dict[str, str]) -> None:
    """The plan's contact steps, the user's word on them, and the steps waiting for them."""
    rows = db.execute("SELECT id, target FROM plan_steps WHERE network = ?", (CONTACTS,)).fetchall()
    moves = [(_step(renames, step), renames[target], step) for step, target in rows if target in renames]
    db.executemany("UPDATE plan_steps SET id = ?, target = ? WHERE id = ?", moves)
    states = [
        (new, step)
        for (step,) in db.execute("SELECT id FROM step_states")
        if (new := _step(renames, step)) != step
    ]
    db.executemany("UPDATE step_states SET id = ? WHERE id = ?", states)
    # A removal waits for its bring-overs, by their ids.
    for step, data in db.execute(
        "SELECT id, data FROM plan_steps WHERE instr(data, ?) > 0", (f"/{CONTACTS}/",)
    ).fetchall():
        d = json.loads(data)
        waits = d.get("depends_on") if isinstance(d, dict) else None
        if isinstance(waits, list) and (now := [_step(renames, w) for w in waits]) != waits:
            d["depends_on"] = now
            db.execute(
                "UPDATE plan_steps SET data = ? WHERE id = ?",
                (json.dumps(d, ensure_ascii=False, separators=(",", ":")), step),
            )


def _journal(db: sqlite3.Connection, renames: dict[str, str]) -> None:
    """The journal's changes re-keyed, so that undo and redo write the keys the tables hold."""
    for entry, payload in db.execute(
        "SELECT id, payload FROM journal WHERE instr(payload, ?) > 0", (CONTACTS,)
    ).fetchall():
        data = json.loads(payload)
        changes = data.get("changes") if isinstance(data, dict) else None
        if not isinstance(changes, list):
            continue
        touched = False
        for change in changes:
            if not (isinstance(change, list) and len(change) >= 2 and isinstance(change[1], list)):
                continue
            table, key = change[0], change[1]
            if table in _ONE_KEY and len(key) == 2 and key[0] == CONTACTS and key[1] in renames:
                change[1] = [CONTACTS, renames[key[1]]]
            elif table == "pair_rules" and len(key) == 4 and CONTACTS in (key[0], key[2]):
                change[1] = _pair(renames, *key)
            elif table == "step_states" and len(key) == 1 and isinstance(key[0], str):
                change[1] = [_step(renames, key[0])]
            else:
                continue
            touched = touched or change[1] != key
        if touched:
            db.execute(
                "UPDATE journal SET payload = ? WHERE id = ?",
                (json.dumps(data, ensure_ascii=False, separators=(",", ":")), entry),
            )
