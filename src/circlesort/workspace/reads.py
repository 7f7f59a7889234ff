"""Reading a workspace: Workspace's read methods, each one or two queries, returning typed rows.

Workspace (store.py) takes these from the Reads class; the screens, the command line and the
planner call them instead of writing SQL of their own.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from circlesort.model import UNDECIDED, Account, Category, MessageFiles, Standing, Tier
from circlesort.workspace import codec
from circlesort.workspace.failures import guarded
from circlesort.workspace.rows import ImportRow, Key, Member, PairRow, PersonRow, display_name, runs_to

MANY = 5000  # accounts above which reading all of them is quicker than looking each one up
# Account keys given to a query as one JSON array of [network, key] pairs.
_KEYS = (
    "json_each(?) j JOIN members m "
    "ON m.network = json_extract(j.value, '$[0]') AND m.key = json_extract(j.value, '$[1]')"
)


class Reads:
    """The read methods of an open workspace (its connection ``db``, its file ``path``)."""

    db: sqlite3.Connection
    path: Path

    @guarded
    def last_import(self) -> int:
        return int(self.db.execute("SELECT coalesce(max(id), 0) FROM imports").fetchone()[0])

    @guarded
    def imports(self) -> list[ImportRow]:
        """Every import, oldest first."""
        return [ImportRow(i, at) for i, at in self.db.execute("SELECT id, at FROM imports ORDER BY id")]

    @guarded
    def accounts(self, include_gone: bool = False, networks: Sequence[str] | None = None) -> list[Account]:
        """The accounts, present ones only unless ``include_gone``; of ``networks`` when given."""
        where = ["1"] if include_gone else ["gone = 0"]
        if networks is not None:
            where.append(f"network IN ({', '.join('?' * len(networks))})")
        rows = self.db.execute(
            f"SELECT network, key, name, data FROM accounts WHERE {' AND '.join(where)} "
            "ORDER BY network, key",
            list(networks or ()),
        )
        return [codec.load(*row) for row in rows]

    @guarded
    def account(self, key: Key) -> Account | None:
        """One account as the newest import shows it; None when the workspace has no such account."""
        row = self.db.execute("SELECT name, data FROM accounts WHERE network = ? AND key = ?", key).fetchone()
        return codec.load(key[0], key[1], *row) if row else None

    @guarded
    def message_files(self) -> dict[str, MessageFiles]:
        """Per network, what its message files held when last read (networks whose message
        files were never read are left out)."""
        rows = self.db.execute(
            "SELECT network, threads, group_threads, messages, last, until FROM message_files "
            "ORDER BY network"
        )
        return {n: MessageFiles(t, g, m, last, until) for n, t, g, m, last, until in rows}

    def message_ends(self) -> dict[str, str]:
        """Per network whose message files were read, the ISO date its counts run to
        (rows.runs_to): what a span like "the last year" counts back from, so that an old
        download is not read as silence."""
        files, today = self.message_files(), datetime.now(UTC).date()
        downloaded = max((f.last for f in files.values() if f.last), default="")
        return {n: runs_to(f, today, downloaded) for n, f in files.items()}

    @guarded
    def categories(self) -> dict[Key, str]:
        return {(n, k): c for n, k, c in self.db.execute("SELECT network, key, category FROM categories")}

    @guarded
    def answers(self) -> dict[Key, str]:
        return {(n, k): a for n, k, a in self.db.execute("SELECT network, key, answer FROM answers")}

    @guarded
    def rules(self, rule: str) -> list[tuple[Key, Key]]:
        """Pairs the user linked by hand ("same") or kept apart ("not_same")."""
        rows = self.db.execute(
            "SELECT a_network, a_key, b_network, b_key FROM pair_rules WHERE rule = ?", (rule,)
        )
        return [((an, ak), (bn, bk)) for an, ak, bn, bk in rows]

    @guarded
    def pairs(self, kind: Tier) -> list[PairRow]:
        """The links of a tier (LIKELY, CERTAIN), weakest first, or the suggestions (POSSIBLE),
        best first, leaving out the pairs the user confirmed or kept apart."""
        if kind == Tier.POSSIBLE:
            rows = self.db.execute(
                "SELECT a_network, a_key, b_network, b_key, score, evidence, kind FROM suggestions "
                "ORDER BY score DESC"
            )
        else:
            rows = self.db.execute(
                "SELECT a_network, a_key, b_network, b_key, score, evidence, '' FROM links "
                "WHERE tier = ? ORDER BY score",
                (kind,),
            )
        ruled = set(self.db.execute("SELECT a_network, a_key, b_network, b_key FROM pair_rules"))
        out = []
        for an, ak, bn, bk, score, evidence, what in rows:
            first, second = sorted([(an, ak), (bn, bk)])
            if (*first, *second) not in ruled:
                out.append(PairRow((an, ak), (bn, bk), kind, score, tuple(json.loads(evidence)), what))
        return out

    @guarded
    def answered_kinds(self) -> list[tuple[str, bool]]:
        """The user's answers to suggestions still held, as (the suggestion's kind, whether one
        person): what the review learns from, kept until the next import turns them into rules."""
        join = (
            "SELECT s.kind, r.rule FROM suggestions s JOIN pair_rules r ON r.a_network = s.{0}_network "
            "AND r.a_key = s.{0}_key AND r.b_network = s.{1}_network AND r.b_key = s.{1}_key "
            "WHERE s.kind != ''"
        )
        rows = self.db.execute(f"{join.format('a', 'b')} UNION ALL {join.format('b', 'a')}")
        return [(kind, rule == "same") for kind, rule in rows]

    @guarded
    def sizes_of(self, people: Iterable[str]) -> dict[str, int]:
        """How many accounts each of these people has (0: no such person)."""
        wanted = list(dict.fromkeys(people))
        rows = self.db.execute(
            "SELECT m.person, count(*) FROM json_each(?) j JOIN members m ON m.person = j.value "
            "GROUP BY m.person",
            (json.dumps(wanted),),
        )
        return {pid: 0 for pid in wanted} | dict(rows)

    @guarded
    def person_of(self, key: Key) -> str | None:
        row = self.db.execute("SELECT person FROM members WHERE network = ? AND key = ?", key).fetchone()
        return row[0] if row else None

    @guarded
    def persons_of(self, keys: Iterable[Key]) -> dict[Key, str]:
        """The person each of these accounts belongs to now (those the workspace has)."""
        wanted = set(keys)
        if len(wanted) > MANY:  # one scan of every account rather than a lookup per account
            rows = self.db.execute("SELECT network, key, person FROM members")
            return {(n, k): p for n, k, p in rows if (n, k) in wanted}
        rows = self.db.execute(f"SELECT m.network, m.key, m.person FROM {_KEYS}", (_json(wanted),))
        return {(n, k): p for n, k, p in rows}

    @guarded
    def member_keys(self, people: Iterable[str]) -> list[Key]:
        """The accounts of these people, person by person, each person's in key order."""
        rows = self.db.execute(
            "SELECT m.network, m.key FROM json_each(?) j JOIN members m ON m.person = j.value "
            "ORDER BY j.key, m.network, m.key",
            (json.dumps(list(dict.fromkeys(people))),),
        )
        return [(n, k) for n, k in rows]

    @guarded
    def people(self, decided_only: bool = False) -> list[PersonRow]:
        """Everyone, with their accounts, category and what changed at the last import.

        ``decided_only`` keeps the people with a category or an answer to a request: all a plan
        or a decisions file needs, without reading every account of a big workspace."""
        wanted = self._decided_people() if decided_only else None
        last = self.last_import()
        multiple = self.db.execute("SELECT count(*) FROM imports").fetchone()[0] > 1
        cats = self.db.execute("SELECT network, key, category, at FROM categories").fetchall()
        decided = {(n, k): (at, Category(c)) for n, k, c, at in cats}
        groups: dict[str, list[Member]] = defaultdict(list)
        rows = self.db.execute(
            "SELECT m.person, a.network, a.key, a.name, a.data, a.first_seen, a.gone "
            "FROM members m JOIN accounts a USING (network, key) ORDER BY m.person, a.network, a.key"
        )
        for person, network, key, name, data, first_seen, gone in rows:
            if wanted is not None and person not in wanted:
                continue
            member = Member(codec.load(network, key, name, data), multiple and first_seen == last, bool(gone))
            groups[person].append(member)
        out = []
        for pid, members in groups.items():
            picks = [
                decided[(m.account.network, m.account.key)]
                for m in members
                if (m.account.network, m.account.key) in decided
            ]
            category: Standing = max(picks)[1] if picks else UNDECIDED  # the latest decision counts
            out.append(PersonRow(pid, display_name(members), tuple(members), category))
        out.sort(key=lambda p: (p.name.casefold(), p.id))
        return out

    def _decided_people(self) -> set[str]:
        return {
            p
            for (p,) in self.db.execute(
                "SELECT m.person FROM members m JOIN categories USING (network, key) "
                "UNION SELECT m.person FROM members m JOIN answers USING (network, key)"
            )
        }

    @guarded
    def categories_of(self, people: Iterable[str]) -> dict[str, str]:
        """The category of each of these people: the latest decision among their accounts."""
        wanted = list(dict.fromkeys(people))
        picks: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for pid, at, category in self.db.execute(
            "SELECT m.person, c.at, c.category FROM json_each(?) j JOIN members m ON m.person = j.value "
            "JOIN categories c ON c.network = m.network AND c.key = m.key",
            (json.dumps(wanted),),
        ):
            picks[pid].append((at, category))
        return {pid: max(picks[pid])[1] if picks[pid] else UNDECIDED for pid in wanted}

    @guarded
    def counts(self) -> dict[str, int]:
        """Accounts, people and decisions, for `workspace show` and summaries."""

        def one(sql: str) -> int:
            return int(self.db.execute(sql).fetchone()[0])

        return {
            "accounts": one("SELECT count(*) FROM accounts WHERE gone = 0"),
            "gone": one("SELECT count(*) FROM accounts WHERE gone = 1"),
            "people": one("SELECT count(DISTINCT person) FROM members"),
            "decided accounts": one("SELECT count(*) FROM categories"),
            "answers": one("SELECT count(*) FROM answers"),
            "imports": one("SELECT count(*) FROM imports"),
            "journal entries": one("SELECT count(*) FROM journal"),
        }

    @guarded
    def decision_times(self, last: int = 200) -> list[str]:
        """When the latest ``last`` decisions and answers were made (ISO times, newest first):
        what the sorting screen measures the user's pace by."""
        return [
            at
            for (at,) in self.db.execute(
                "SELECT at FROM journal WHERE kind IN ('decide', 'answer') ORDER BY id DESC LIMIT ?", (last,)
            )
        ]

    @guarded
    def known_since(self) -> dict[str, str]:
        """Per person, the earliest date any export gives a relation of theirs (people without
        one are left out): the sorting list's "known since" order. One scan, read when asked."""
        return dict(self.db.execute(_KNOWN_SINCE))


_KNOWN_SINCE = (
    "SELECT m.person, min(json_extract(t.value, '$[1]')) FROM accounts a "
    "JOIN members m ON m.network = a.network AND m.key = a.key, json_each(a.data, '$.ties') t "
    "WHERE json_extract(t.value, '$[1]') IS NOT NULL GROUP BY m.person"
)


def known_since_apart(path: Path) -> dict[str, str]:
    """Workspace.known_since on a read-only connection of its own, for a thread beside the app's
    (the app's connection is one thread's at a time)."""
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
        return dict(db.execute(_KNOWN_SINCE))


def _json(keys: Iterable[Key]) -> str:
    return json.dumps([list(k) for k in keys], ensure_ascii=False)
