"""The plan kept in the workspace: every step ever planned, and the user's word on each.

`plan_steps` holds each step as last planned, with whether the plan still needs it and what the
newest export shows of it; rows are never deleted, so a step cannot vanish before it is done.
`step_states` holds what the user said (sent, accepted, done, skipped ...): a decision like any
other, journaled and undoable, and carried by the decisions file.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from circlesort.model import UNDECIDED, Account, Category, Network, Standing, Tie
from circlesort.tools.gcpause import paused_gc
from circlesort.workspace import codec
from circlesort.workspace.failures import guarded
from circlesort.workspace.rows import Key, Member, PersonRow, display_name
from circlesort.workspace.store import Workspace

COLUMNS = "id, kind, network, target, person, needed, seen, added, data"


@dataclass(frozen=True, slots=True)
class StoredStep:
    """One row of the kept plan. ``data`` holds what the plan derived (name, link, hints ...)."""

    id: str
    kind: str
    network: str
    target: str
    person: str
    needed: bool
    seen: str
    added: str
    data: dict


@guarded
def stored_steps(ws: Workspace) -> dict[str, StoredStep]:
    rows = ws.db.execute(f"SELECT {COLUMNS} FROM plan_steps")
    return {
        r[0]: StoredStep(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7], json.loads(r[8])) for r in rows
    }


@guarded
def save_steps(ws: Workspace, steps: Sequence[StoredStep]) -> None:
    """Write these rows (new or changed) in one transaction."""
    if not steps:
        return
    with ws.transaction() as db:
        db.executemany(
            f"INSERT OR REPLACE INTO plan_steps ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    s.id,
                    s.kind,
                    s.network,
                    s.target,
                    s.person,
                    int(s.needed),
                    s.seen,
                    s.added,
                    json.dumps(s.data, ensure_ascii=False, separators=(",", ":")),
                )
                for s in steps
            ],
        )


@guarded
def step_states(ws: Workspace) -> dict[str, tuple[str, str]]:
    """Step id -> (state, when the user said so)."""
    return {i: (s, at) for i, s, at in ws.db.execute("SELECT id, state, at FROM step_states")}


@guarded
def plan_people(ws: Workspace, only: set[str] | None = None) -> list[PersonRow]:
    """The people a plan is about (a category, or an answer to a request), read light; of those
    in ``only`` when given.

    A plan needs of each account its relations, name, handle, company and profile link, and of
    Facebook accounts their dates; reading and decoding every account's JSON would cost seconds
    for the heavy user, so SQLite picks out the two fields."""
    db = ws.db
    with paused_gc():
        decided = {
            (n, k): (at, Category(c))
            for n, k, c, at in db.execute("SELECT network, key, category, at FROM categories")
        }
        wanted = {
            p
            for (p,) in db.execute(
                "SELECT m.person FROM members m JOIN categories USING (network, key) "
                "UNION SELECT m.person FROM members m JOIN answers USING (network, key)"
            )
        }
        if only is not None:
            wanted &= only
        groups: dict[str, list[Member]] = defaultdict(list)
        for person, network, key, name, handle, company, relations, gone, url, ties in db.execute(
            "SELECT m.person, a.network, a.key, a.name, a.handle, a.company, a.relations, a.gone, "
            "json_extract(a.data, '$.url'), "
            "CASE WHEN a.network = 'facebook' THEN json_extract(a.data, '$.ties') END "
            "FROM members m JOIN accounts a USING (network, key)"
            + (" WHERE m.person IN (SELECT value FROM json_each(?))" if only is not None else ""),
            (json.dumps(sorted(wanted)),) if only is not None else (),
        ):
            if person not in wanted:
                continue
            held = (
                tuple(Tie(r, s, m) for r, s, m in json.loads(ties))
                if ties
                else tuple(Tie(r) for r in relations.split(",") if r)
            )
            account = Account(
                Network(network), key, name=name, handle=handle or None, url=url, company=company, ties=held
            )
            groups[person].append(Member(account, False, bool(gone)))
        out = []
        for pid, members in groups.items():
            members.sort(key=lambda m: (m.account.network, m.account.key))
            picks = [decided[k] for m in members if (k := (m.account.network, m.account.key)) in decided]
            category: Standing = max(picks)[1] if picks else UNDECIDED
            out.append(PersonRow(pid, display_name(members), tuple(members), category))
    return out


@guarded
def accounts_by_key(ws: Workspace, keys: Iterable[Key]) -> dict[Key, tuple[Account, bool]]:
    """The accounts (as the newest import shows them) and whether each is gone, for these keys."""
    wanted = set(keys)
    out: dict[Key, tuple[Account, bool]] = {}
    for network, key, name, data, gone in ws.db.execute(
        "SELECT network, key, name, data, gone FROM accounts"
    ):
        if (network, key) in wanted:
            out[(network, key)] = (codec.load(network, key, name, data), bool(gone))
    return out


@guarded
def members_of(ws: Workspace, people: Iterable[str]) -> dict[str, list[Key]]:
    """Each person's account keys, gone ones included."""
    wanted = set(people)
    out: dict[str, list[Key]] = {p: [] for p in wanted}
    for network, key, person in ws.db.execute("SELECT network, key, person FROM members"):
        if person in wanted:
            out[person].append((network, key))
    return out


@guarded
def revision(ws: Workspace) -> int:
    """Grows with every change to the workspace's decisions, imports and step states."""
    return ws.db.execute("SELECT coalesce(max(id), 0) FROM journal").fetchone()[0]


@guarded
def planned_at(ws: Workspace) -> str:
    """What the kept plan was last worked out from (see set_planned_at), or ""."""
    row = ws.db.execute("SELECT value FROM meta WHERE key = 'plan_revision'").fetchone()
    return row[0] if row else ""


@guarded
def set_planned_at(ws: Workspace, value: str) -> None:
    with ws.transaction() as db:
        db.execute("INSERT OR REPLACE INTO meta VALUES ('plan_revision', ?)", (value,))


@guarded
def settings_offered(ws: Workspace) -> bool:
    """Whether the app has offered this workspace's user the settings screen (it does so once)."""
    return ws.db.execute("SELECT 1 FROM meta WHERE key = 'settings_offered'").fetchone() is not None


@guarded
def set_settings_offered(ws: Workspace, at: str) -> None:
    with ws.transaction() as db:
        db.execute("INSERT OR REPLACE INTO meta VALUES ('settings_offered', ?)", (at,))


@guarded
def changes_since(ws: Workspace, after: int) -> tuple[set[Key], set[str], set[str]] | None:
    """What the journal changed after entry ``after``: the accounts whose decisions, answers or
    person changed, the people accounts left or joined, and the steps whose state changed. None
    when an import came in between: then everything may have changed."""
    keys: set[Key] = set()
    people: set[str] = set()
    steps: set[str] = set()
    entries = ws.db.execute("SELECT kind, payload FROM journal WHERE id > ? ORDER BY id", (after,))
    for kind, payload in entries:
        if kind == "import":
            return None
        data = json.loads(payload)
        changes = data.get("changes", [])
        if kind in ("undo", "redo"):
            ref = ws.db.execute("SELECT payload FROM journal WHERE id = ?", (data.get("ref"),)).fetchone()
            changes = json.loads(ref[0]).get("changes", []) if ref else []
        for table, key, before, after_value in changes:
            if table in ("categories", "answers", "members"):
                keys.add((key[0], key[1]))
            if table == "members":
                people |= {p for p in (before, after_value) if p}
            elif table == "pair_rules":
                keys |= {(key[0], key[1]), (key[2], key[3])}
            elif table == "step_states":
                steps.add(key[0])
    return keys, people, steps


@guarded
def person_ids(ws: Workspace) -> set[str]:
    """Every person in the workspace now."""
    return {p for (p,) in ws.db.execute("SELECT DISTINCT person FROM members")}


@guarded
def last_import_at(ws: Workspace) -> str:
    """When the newest export was imported ("" before any): what it shows is as of then."""
    row = ws.db.execute("SELECT at FROM imports ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else ""
