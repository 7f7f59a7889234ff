"""The workspace: a SQLite file holding what the user imported and every decision they made.

Each decision is one transaction, committed before the call returns (WAL, synchronous=FULL):
once the screen shows it, a crash or a kill cannot take it back. Decisions attach to account
keys, never to row numbers or person ids, so that newer exports keep them.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from circlesort.errors import InputError
from circlesort.matching import person_name
from circlesort.model import Account
from circlesort.workspace import codec, journal, paths
from circlesort.workspace.connection import connect, now, take_lock
from circlesort.workspace.failures import explain, guard, guarded
from circlesort.workspace.lock import WorkspaceLock
from circlesort.workspace.transaction import transaction

CATEGORIES = ("keep-personal", "move-to-professional", "page-follower")
UNDECIDED = "undecided"
Key = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Member:
    """An account as the workspace knows it: new since the last import, or gone from it."""

    account: Account
    new: bool
    gone: bool


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    members: tuple[Member, ...]
    category: str  # one of CATEGORIES, or UNDECIDED

    @property
    def new(self) -> bool:
        return all(m.new for m in self.members)


class Workspace:
    """An open workspace. Use as a context manager, or call close()."""

    def __init__(self, path: Path, db: sqlite3.Connection, lock: WorkspaceLock) -> None:
        self.path = path
        self.db = db
        self._lock = lock
        self._stacks: journal.Stacks | None = None
        self.last_step: journal.Entry | None = None  # what the last undo or redo touched

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

    # --- reading ---------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return paths.name_of(self.path)

    @guarded
    def last_import(self) -> int:
        return self.db.execute("SELECT coalesce(max(id), 0) FROM imports").fetchone()[0]

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
    def person_of(self, key: Key) -> str | None:
        row = self.db.execute("SELECT person FROM members WHERE network = ? AND key = ?", key).fetchone()
        return row[0] if row else None

    @guarded
    def member_keys(self, people: Iterable[str]) -> list[Key]:
        out: list[Key] = []
        for pid in dict.fromkeys(people):
            out += self.db.execute(
                "SELECT network, key FROM members WHERE person = ? ORDER BY network, key", (pid,)
            ).fetchall()
        return [tuple(k) for k in out]

    @guarded
    def people(self, decided_only: bool = False) -> list[Person]:
        """Everyone, with their accounts, category and what changed at the last import.

        ``decided_only`` keeps the people with a category or an answer to a request: all a plan
        or a decisions file needs, without reading every account of a big workspace."""
        wanted = self._decided_people() if decided_only else None
        last = self.last_import()
        multiple = self.db.execute("SELECT count(*) FROM imports").fetchone()[0] > 1
        cats = self.db.execute("SELECT network, key, category, at FROM categories").fetchall()
        decided = {(n, k): (at, c) for n, k, c, at in cats}
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
            category = max(picks)[1] if picks else UNDECIDED  # the latest decision counts
            out.append(Person(pid, display_name(members), tuple(members), category))
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
        out = {}
        for pid in people:
            picks = self.db.execute(
                "SELECT c.at, c.category FROM members m JOIN categories c USING (network, key) "
                "WHERE m.person = ?",
                (pid,),
            ).fetchall()
            out[pid] = max(picks)[1] if picks else UNDECIDED
        return out

    @guarded
    def counts(self) -> dict[str, int]:
        """Accounts, people and decisions, for `workspace show` and summaries."""
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "accounts": one("SELECT count(*) FROM accounts WHERE gone = 0"),
            "gone": one("SELECT count(*) FROM accounts WHERE gone = 1"),
            "people": one("SELECT count(DISTINCT person) FROM members"),
            "decided accounts": one("SELECT count(*) FROM categories"),
            "answers": one("SELECT count(*) FROM answers"),
            "imports": one("SELECT count(*) FROM imports"),
            "journal entries": one("SELECT count(*) FROM journal"),
        }

    # --- decisions, each committed at once and undoable ----------------------------------------

    def decide(self, people: Sequence[str], category: str | None, label: str | None = None) -> int:
        """Put every account of ``people`` in ``category`` (None: back to undecided). One undo step."""
        if category is not None and category not in CATEGORIES:
            raise ValueError(f"unknown category {category!r}")
        keys = self.member_keys(people)
        count = len(set(people))
        text = label or f"{category or UNDECIDED} for {count} {'person' if count == 1 else 'people'}"
        return self.record("decide", text, [["categories", list(k), category] for k in keys])

    def decide_many(self, decisions: dict[str, list[str]], label: str) -> int:
        """Several categories at once ({category: people}), as one undo step."""
        wanted = [
            ["categories", list(k), category]
            for category, people in decisions.items()
            for k in self.member_keys(people)
        ]
        return self.record("decide", label, wanted)

    def answer(self, key: Key, answer: str | None, label: str | None = None) -> int:
        return self.record("answer", label or f"answer {answer}", [["answers", list(key), answer]])

    def set_plan_status(self, action: str, status: str | None) -> int:
        return self.record("plan", f"{action}: {status}", [["plan_status", [action], status]])

    @guarded
    def link(self, a: Key, b: Key) -> int:
        """The user says a and b are one person: their people become one."""
        keep, other = self.person_of(a), self.person_of(b)
        changes = [["pair_rules", pair_key(a, b), "same"]]
        if keep and other and keep != other:
            changes += [["members", list(k), keep] for k in self.member_keys([other])]
        return self.record("link", f"linked {codec.label(*a)} and {codec.label(*b)}", changes)

    @guarded
    def unlink(self, a: Key, b: Key) -> int:
        """The user says a and b are not the same person: b leaves a's person."""
        changes = [["pair_rules", pair_key(a, b), "not_same"]]
        if self.person_of(a) == self.person_of(b):
            changes.append(["members", list(b), own_person(b)])
        return self.record("unlink", f"{codec.label(*a)} and {codec.label(*b)} are not one person", changes)

    @guarded
    def record(self, kind: str, label: str, wanted: list[list]) -> int:
        """Apply changes [table, key, value] and journal them with what they replace.

        Returns the journal entry's id, or 0 when nothing changed (nothing to undo then)."""
        stacks = self._journal()  # read before writing: the new entry is added by hand below
        at = now()
        with self.transaction() as db:
            changes = []
            for table, key, value in wanted:
                before = journal.read(db, table, key)
                if before != value:
                    journal.write(db, table, key, value, at)
                    changes.append([table, key, before, value])
            if not changes:
                return 0
            entry_id = journal.append(db, kind, at, {"label": label, "changes": changes})
        if kind not in journal.ACTIONS:
            return entry_id
        stacks.done.append(journal.Entry(entry_id, kind, label, changes))
        stacks.undone.clear()
        return entry_id

    @guarded
    def link_people(self, people: Sequence[str]) -> int:
        """The user says these people are one: one person, kept as rules at every import."""
        keys = [self.member_keys([p]) for p in dict.fromkeys(people)]
        keys = [k for k in keys if k]
        if len(keys) < 2:
            return 0
        first = keys[0][0]
        changes = [["pair_rules", pair_key(first, other[0]), "same"] for other in keys[1:]]
        keep = self.person_of(first)
        changes += [["members", list(k), keep] for group in keys[1:] for k in group]
        return self.record("link", f"linked {len(keys)} people into one", changes)

    @guarded
    def split(self, person: str) -> int:
        """The user says this person's accounts are all different people."""
        keys = self.member_keys([person])
        changes = [
            ["pair_rules", pair_key(a, b), "not_same"] for i, a in enumerate(keys) for b in keys[i + 1 :]
        ]
        changes += [["members", list(k), own_person(k)] for k in keys[1:]]
        return self.record("unlink", f"split {len(keys)} accounts into separate people", changes)

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

    def undo(self) -> str | None:
        return self._step(undo=True)

    def redo(self) -> str | None:
        return self._step(undo=False)

    @guarded
    def _step(self, undo: bool) -> str | None:
        stacks = self._journal()
        source, target = (stacks.done, stacks.undone) if undo else (stacks.undone, stacks.done)
        if not source:
            return None
        entry = source[-1]
        at = now()
        with self.transaction() as db:
            for table, key, before, after in reversed(entry.changes) if undo else entry.changes:
                journal.write(db, table, key, before if undo else after, at)
            journal.append(db, "undo" if undo else "redo", at, {"ref": entry.id})
        target.append(source.pop())
        self.last_step = entry
        return entry.label


def own_person(key: Key) -> str:
    """The person id of an account split off by the user, until the next matching."""
    return "p-own-" + codec.label(*key)


def pair_key(a: Key, b: Key) -> list[str]:
    first, second = sorted([tuple(a), tuple(b)])
    return [*first, *second]


def display_name(members: list[Member]) -> str:
    """The matching's naming, with accounts gone from the exports considered last."""
    present = [m.account for m in members if not m.gone]
    return person_name(present) if present else person_name([m.account for m in members])
