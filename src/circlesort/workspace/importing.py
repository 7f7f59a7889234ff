"""Importing exports into a workspace: new accounts in, gone ones marked, decisions kept.

Decisions live on account keys, so an account that comes back in next month's export keeps its
category. Matching runs again over everything, with the user's own links and "not the same
person" pairs as rules. Files already imported change nothing (fingerprint.py knows them again
without reading their media).

Message counts are kept per network: an import that read a network's message files replaces
what its accounts held; one that read none (a newer friends list alone) keeps the counts held.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from circlesort.importers import ImportResult, Progress, load
from circlesort.matching import MatchResult, match
from circlesort.model import Account
from circlesort.tools.gcpause import paused_gc
from circlesort.workspace import codec, message_counts
from circlesort.workspace.failures import guarded
from circlesort.workspace.fingerprint import file_hashes
from circlesort.workspace.people_ids import stable_ids
from circlesort.workspace.rows import Key
from circlesort.workspace.store import Workspace, now


@dataclass
class ImportSummary:
    unchanged: bool = False  # the same files as an earlier import: nothing was done
    import_id: int = 0
    new: Counter[str] = field(default_factory=Counter)  # network -> accounts seen for the first time
    back: Counter[str] = field(default_factory=Counter)  # network -> accounts gone before, back now
    gone: Counter[str] = field(default_factory=Counter)  # network -> accounts no longer in the export
    accounts: int = 0
    people: int = 0
    result: ImportResult | None = None

    def lines(self) -> list[str]:
        if self.unchanged:
            return ["These files were imported before, byte for byte: nothing changed."]
        out = [f"Imported {self.accounts:,} accounts; {self.people:,} people in the workspace."]
        for title, counts in (("New", self.new), ("Back again", self.back), ("Gone", self.gone)):
            if counts:
                out.append(f"{title}: " + ", ".join(f"{n} {c:,}" for n, c in sorted(counts.items())))
        return out


@guarded
def import_paths(ws: Workspace, paths: Sequence[str], progress: Progress | None = None) -> ImportSummary:
    """Import (or re-import newer) exports. Raises InputError as `load` does.

    ``progress`` hears of each export read, then of "matching" and "saving".
    """
    hashes = file_hashes(paths)
    if _seen_before(ws, set(hashes.values())):
        return ImportSummary(unchanged=True)
    result = load(paths, progress)
    with paused_gc():
        return _store(ws, result, hashes, progress)


def _seen_before(ws: Workspace, digests: set[str]) -> bool:
    """Whether the last import already held every one of these files, byte for byte."""
    last = ws.last_import()
    if not last or not digests:
        return False
    (summary,) = ws.db.execute("SELECT summary FROM imports WHERE id = ?", (last,)).fetchone()
    return digests <= set(json.loads(summary).get("files", []))


Held = dict[Key, tuple[str, int]]  # every account in the workspace: (its JSON, whether gone)


def _store(
    ws: Workspace, result: ImportResult, hashes: dict[str, str], progress: Progress | None
) -> ImportSummary:
    """Match everyone again with the new accounts, then write it all in one transaction."""
    summary = ImportSummary(accounts=len(result.accounts), result=result)
    networks = sorted(result.connection_networks)  # message files alone mark no account gone
    held: Held = {
        (n, k): (data, gone)
        for n, k, data, gone in ws.db.execute("SELECT network, key, data, gone FROM accounts")
    }
    message_counts.keep(result, held)
    message_counts.join_loose(ws.db, result, held)
    incoming = {codec.key_of(a): a for a in result.accounts}
    _count(summary, held, incoming, networks)
    matched = _match(ws, result, incoming, networks, progress)
    at = now()
    with ws.transaction() as db:
        summary.import_id = import_id = _record(db, summary, networks, hashes, at)
        _write_accounts(db, result, held, incoming, networks, import_id)
        _write_sources(db, result, hashes, import_id)
        db.executemany(
            "INSERT OR REPLACE INTO message_files VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (n, m.threads, m.group_threads, m.messages, m.last, m.until, import_id)
                for n, m in result.messages.items()
            ],
        )
        _write_people(ws, matched)
        db.execute(
            "INSERT INTO journal (at, kind, payload) VALUES (?, 'import', ?)",
            (
                at,
                json.dumps(
                    {
                        "import": import_id,
                        "new": sum(summary.new.values()),
                        "gone": sum(summary.gone.values()),
                    }
                ),
            ),
        )
    summary.people = len(matched.people)
    return summary


def _count(summary: ImportSummary, held: Held, incoming: dict[Key, Account], networks: list[str]) -> None:
    """The accounts new, back and gone, per network, into the summary."""
    for key in incoming:
        if key not in held:
            summary.new[key[0]] += 1
        elif held[key][1]:
            summary.back[key[0]] += 1
    for key, (_, gone) in held.items():
        if not gone and key[0] in networks and key not in incoming:
            summary.gone[key[0]] += 1


def _match(
    ws: Workspace,
    result: ImportResult,
    incoming: dict[Key, Account],
    networks: list[str],
    progress: Progress | None,
) -> MatchResult:
    """Match over everything still present, the user's rules included, before writing anything."""
    present = [a for a in ws.accounts(networks=_others(ws, networks)) if codec.key_of(a) not in incoming]
    present += result.accounts
    counts: dict[str, int] = dict(Counter(a.network for a in result.accounts))
    if progress:
        progress("matching", counts)
    matched = match(present, same=ws.rules("same"), apart=ws.rules("not_same"))
    if progress:
        progress("saving", counts)
    return matched


def _record(
    db: sqlite3.Connection, summary: ImportSummary, networks: list[str], hashes: dict[str, str], at: str
) -> int:
    """The import's row: when, what it changed, which files; its number."""
    found = {
        "new": summary.new,
        "back": summary.back,
        "gone": summary.gone,
        "networks": networks,
        "files": sorted(set(hashes.values())),
    }
    cursor = db.execute("INSERT INTO imports (at, summary) VALUES (?, ?)", (at, json.dumps(found)))
    return int(cursor.lastrowid or 0)


def _write_accounts(
    db: sqlite3.Connection,
    result: ImportResult,
    held: Held,
    incoming: dict[Key, Account],
    networks: list[str],
    import_id: int,
) -> None:
    """Accounts gone from their network's export marked, the others seen now, and only what is
    new or differs written: a month's export is mostly the same."""
    db.executemany(
        "UPDATE accounts SET gone = 1 WHERE network = ? AND key = ?",
        (
            (n, k)
            for (n, k), (_, gone) in held.items()
            if not gone and n in networks and (n, k) not in incoming
        ),
    )
    marks = ", ".join("?" * len(networks))
    db.execute(
        f"UPDATE accounts SET last_seen = ? WHERE gone = 0 AND network IN ({marks})",
        (import_id, *networks),
    )
    rows = (
        (
            a.network,
            a.key,
            a.name,
            a.handle or "",
            a.company,
            ",".join(a.relations),
            codec.dump(a),
            import_id,
            import_id,
            *codec.plain_talk(a),
        )
        for a in result.accounts
    )
    db.executemany(
        "INSERT INTO accounts (network, key, name, handle, company, relations, data, first_seen, "
        "last_seen, messages, last_message, gone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) "
        "ON CONFLICT (network, key) DO UPDATE SET name = excluded.name, handle = excluded.handle, "
        "company = excluded.company, relations = excluded.relations, data = excluded.data, "
        "last_seen = excluded.last_seen, messages = excluded.messages, "
        "last_message = excluded.last_message, gone = 0",
        (r for r in rows if held.get((r[0], r[1]), (None, 0)) != (r[6], 0)),
    )


def _write_sources(
    db: sqlite3.Connection, result: ImportResult, hashes: dict[str, str], import_id: int
) -> None:
    """Each export read, with the hashes of its files."""
    for source in result.sources:
        inside = source.path.rstrip("/") + "/"
        mine = {p: h for p, h in hashes.items() if p == source.path or p.startswith(inside)}
        db.execute(
            "INSERT INTO sources VALUES (?, ?, ?, ?, ?)",
            (import_id, source.path, source.network, json.dumps(source.files), json.dumps(mine)),
        )


def _others(ws: Workspace, networks: list[str]) -> list[str]:
    """The networks in the workspace that this import does not bring."""
    have = [n for (n,) in ws.db.execute("SELECT DISTINCT network FROM accounts")]
    return [n for n in have if n not in networks]


def _write_people(ws: Workspace, matched: MatchResult) -> None:
    """Replace who-is-who with the new matching, each person keeping the id it had, and the
    accounts gone from the exports (all those the matching no longer holds) with their person."""
    db = ws.db
    before = {(n, k): p for n, k, p in db.execute("SELECT network, key, person FROM members")}
    ids, placed = stable_ids(matched.people, before, ws.rules("not_same"))
    db.execute("DELETE FROM members")
    db.execute("DELETE FROM links")
    db.execute("DELETE FROM suggestions")
    people = list(zip(matched.people, ids, strict=True))
    db.executemany(
        "INSERT INTO members VALUES (?, ?, ?)",
        [(a.network, a.key, pid) for p, pid in people for a in p.accounts]
        + [(n, k, pid) for (n, k), pid in placed.items()],
    )
    db.executemany(
        "INSERT INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                pid,
                p.accounts[link.a].network,
                p.accounts[link.a].key,
                p.accounts[link.b].network,
                p.accounts[link.b].key,
                link.tier,
                link.score,
                json.dumps(link.evidence, ensure_ascii=False),
            )
            for p, pid in people
            for link in p.links
        ],
    )
    db.executemany(
        "INSERT INTO suggestions (a_network, a_key, b_network, b_key, score, evidence, kind) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                s.a.network,
                s.a.key,
                s.b.network,
                s.b.key,
                s.score,
                json.dumps(s.evidence, ensure_ascii=False),
                s.kind,
            )
            for s in matched.suggestions
        ],
    )
