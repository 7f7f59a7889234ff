"""Decisions as YAML a person can read and edit: a keep-list, a backup, a move to a new machine.

    - person: José Álvarez
      accounts: ["facebook:José Álvarez", "linkedin:https://www.linkedin.com/in/jose-alvarez"]
      category: keep-personal
    - not-the-same: ["facebook:John Smith", "linkedin:https://www.linkedin.com/in/john-smith-4c81"]
    - steps:
        connect/linkedin/https://www.linkedin.com/in/ada: {state: sent, at: '2026-11-30T09:12:00+00:00'}
        unfriend/facebook/Ada Lovelace: done

Accounts listed together are one person (linked by hand if matching had them apart). `steps`
carries what the user said of the plan's steps (sent, done, skipped ...) and when, by step id:
ids are stable, so a state is kept even for a step the plan does not hold yet. Importing is one
undo step and reports every entry it could not place. The file may have been edited by hand or
come from anywhere: every field's type and value is checked before anything is applied, and an
entry with a wrong field is left out whole rather than half applied; a wrong step state stops
the whole import (InputError), since a plan step ticked wrongly could remove someone too early.
"""

from __future__ import annotations

import bisect
import heapq
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import yaml

from circlesort.errors import InputError
from circlesort.tools import yamlfile
from circlesort.tools.gcpause import paused_gc
from circlesort.workspace import codec
from circlesort.workspace.changes import DecisionsFile, Write
from circlesort.workspace.connection import now
from circlesort.workspace.failures import guarded
from circlesort.workspace.plan_store import step_states, stored_steps
from circlesort.workspace.requests import ANSWERS
from circlesort.workspace.store import CATEGORIES, UNDECIDED, Key, Workspace, own_person, pair_key

HEADER = (
    "# circlesort decisions: one entry per person you sorted. Edit freely; `circlesort decisions\n"
    "# import FILE` applies it. Categories: keep-personal, move-to-professional, page-follower,\n"
    "# undecided. Accounts are network:key, as `circlesort match` shows them. `steps` holds\n"
    "# what you did with the plan's steps (ids as plan.yaml gives them): pending, sent,\n"
    "# confirmed, done, skipped, impossible or remove-anyway, and when.\n"
)


FIELDS = {"person", "accounts", "category", "answers"}
# StepState's values (planning/steps.py; planning imports the workspace, so the workspace does not
# import planning). A test keeps the two equal.
STEP_STATES = ("pending", "sent", "confirmed", "done", "skipped", "impossible", "remove-anyway")
PENDING = "pending"  # no row: what `circlesort mark pending` leaves


@guarded
def export_text(ws: Workspace) -> str:
    entries: list[dict] = []
    answers = {k: a for k, a in ws.answers().items() if a in ANSWERS}  # as the requests queue reads them
    for p in ws.people(decided_only=True):
        keys = [codec.key_of(m.account) for m in p.members]
        mine = {codec.label(*k): answers[k] for k in keys if k in answers}
        if p.category == UNDECIDED and not mine:
            continue
        category = str(p.category)  # the word as stored: YAML cannot write the type
        entry: dict = {"person": p.name, "accounts": [codec.label(*k) for k in keys], "category": category}
        if mine:
            entry["answers"] = mine
        entries.append(entry)
    for a, b in ws.rules("not_same"):
        entries.append({"not-the-same": [codec.label(*a), codec.label(*b)]})
    steps = {
        i: ({"state": s, "at": at} if at else s)
        for i, (s, at) in sorted(step_states(ws).items())
        if s in STEP_STATES and s != PENDING
    }  # a state the plan does not know means nothing to it
    if steps:
        entries.append({"steps": steps})
    body = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, default_flow_style=None, width=100)
    return HEADER + (body if entries else "[]\n")


@dataclass
class Applied:
    people: int = 0  # people entries applied
    problems: list[str] = field(default_factory=list)
    entries: int = 0  # in the file
    placed: int = 0  # entries applied, "not-the-same" ones included
    changed: bool = False  # whether the workspace changed (one undo step then)
    steps: int = 0  # step states in the file
    unplanned: int = 0  # of which the workspace's plan does not hold the step (yet)


@guarded
def import_file(ws: Workspace, path: str) -> Applied:
    """Apply a decisions file as one undo step. Raises InputError when the file is not one."""
    with paused_gc():  # hundreds of thousands of small objects and no cycles: half the time
        data = _entries(path)
        draft = _Draft(_People.read(ws), Applied(entries=len(data)))
        for n, entry in enumerate(data, 1):
            draft.add(entry, n, path)
        applied, stamps = draft.applied, _stamped(ws, draft)
        if draft.wanted:
            label = f"decisions from {path} ({applied.people} people"
            label += f", {applied.steps} plan steps)" if applied.steps else ")"
            applied.changed = ws.apply(DecisionsFile(draft.wanted, label)).changed
    if applied.changed and stamps:
        _restore_times(ws, stamps)
    return applied


def _entries(path: str) -> list[object]:
    """The file's entries. Raises InputError when it cannot be read or is not a list."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as e:
        raise InputError(path, e.strerror or str(e)) from None
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text, so not a decisions file") from None
    data = yamlfile.load(text, path, fast=True)
    if data is None:
        data = []
    if not isinstance(data, list):
        raise InputError(path, "expected a list of entries (- person: ...), as `decisions export` writes")
    return data


class _People:
    """Every account's person, as the entries before this one left it, and each person's
    accounts, kept in the workspace's key order: an entry finds its person's accounts without
    looking at everyone's, so that importing is linear in the size of the file and workspace."""

    def __init__(self, person: dict[Key, str | None]) -> None:
        self.person = person
        self.known = set(person)
        self.folded = {(n, k.casefold()): (n, k) for n, k in person}
        self._rank = {k: i for i, k in enumerate(person)}
        self._holds: dict[str | None, list[Key]] = {}
        for key, pid in person.items():
            self._holds.setdefault(pid, []).append(key)

    @classmethod
    def read(cls, ws: Workspace) -> _People:
        """Keys and their people in one read (not a query per account of a big workspace)."""
        rows = ws.db.execute(
            "SELECT a.network, a.key, m.person FROM accounts a LEFT JOIN members m USING (network, key)"
        )
        return cls({(n, k): p for n, k, p in rows})

    def accounts(self, pid: str | None) -> list[Key]:
        """The accounts of this person now, in key order."""
        return list(self._holds.get(pid, ()))

    def move(self, key: Key, pid: str) -> None:
        """One account to another person."""
        self._holds[self.person[key]].remove(key)
        bisect.insort(self._holds.setdefault(pid, []), key, key=self._rank.__getitem__)
        self.person[key] = pid

    def merge(self, other: str | None, into: str | None) -> list[Key]:
        """Every account of ``other`` to ``into``; the accounts moved, in key order."""
        moved = self._holds.pop(other, [])
        for key in moved:
            self.person[key] = into
        kept = self._holds.get(into, [])
        self._holds[into] = list(heapq.merge(kept, moved, key=self._rank.__getitem__))
        return moved


@dataclass
class _Draft:
    """What the file's entries come to, entry by entry: the rows to write, and the step states
    with the times the file gives them."""

    people: _People
    applied: Applied
    wanted: list[Write] = field(default_factory=list)
    stamps: dict[str, tuple[str, str]] = field(default_factory=dict)  # step id -> (state, when)

    def add(self, entry: object, n: int, path: str) -> None:
        if not isinstance(entry, dict):
            self.applied.problems.append(f"entry {n}: not a mapping")
        elif "steps" in entry:
            self.stamps |= _steps(entry, n, path)
            self.applied.placed += 1
        elif "not-the-same" in entry:
            self._apart(entry, n)
        else:
            self._person(entry, n)

    def _resolve(self, labels: list[str], n: int) -> list[Key]:
        return _resolve(labels, self.people.known, self.people.folded, n, self.applied.problems)

    def _apart(self, entry: dict, n: int) -> None:
        """``- not-the-same: [a, b]``: b leaves a's person if they are one."""
        problems = self.applied.problems
        if len(entry) > 1:
            problems.append(f"entry {n}: not-the-same stands alone, with two accounts")
            return
        pair, before = entry["not-the-same"], len(problems)
        if not _labels(pair) or len(pair) != 2:
            problems.append(f"entry {n}: not-the-same takes a list of two network:key accounts")
            return
        keys = self._resolve(pair, n)
        if len(keys) == 1 and len(problems) == before:
            problems.append(f"entry {n}: not-the-same names one account twice")
        if len(keys) == 2:
            self.wanted.append(Write("pair_rules", pair_key(*keys), "not_same"))
            if self.people.person[keys[0]] == self.people.person[keys[1]]:
                self.people.move(keys[1], own_person(keys[1]))
                self.wanted.append(Write("members", keys[1], own_person(keys[1])))
            self.applied.placed += 1

    def _person(self, entry: dict, n: int) -> None:
        """``- person: ...``: its accounts one person, in its category, with its answers."""
        who, wrong = _check_entry(entry, n)
        if wrong:
            self.applied.problems.append(f"{who}: {wrong}")
            return
        keys = self._resolve(entry["accounts"], n)
        if not keys:
            self.applied.problems.append(f"{who}: none of its accounts is in this workspace")
            return
        person = self.people.person
        for other in keys[1:]:  # listed together: one person
            self.wanted.append(Write("pair_rules", pair_key(keys[0], other), "same"))
            if person[other] != person[keys[0]]:
                moved = self.people.merge(person[other], person[keys[0]])
                self.wanted += [Write("members", k, person[keys[0]]) for k in moved]
        category = entry.get("category", UNDECIDED)
        value = None if category == UNDECIDED else category
        self.wanted += [Write("categories", k, value) for k in self.people.accounts(person[keys[0]])]
        for label, answer in (entry.get("answers") or {}).items():
            self.wanted += [Write("answers", k, answer) for k in self._resolve([label], n)]
        self.applied.people += 1
        self.applied.placed += 1


def _stamped(ws: Workspace, draft: _Draft) -> dict[str, tuple[str, str]]:
    """The file's step states into the draft; of them, those this import sets that the file
    says when, to be given their own times once written."""
    stamps, applied = draft.stamps, draft.applied
    if not stamps:
        return {}
    applied.steps = len(stamps)
    applied.unplanned = len(stamps.keys() - stored_steps(ws).keys())
    before = step_states(ws)
    draft.wanted += [Write("step_states", (i,), None if s == PENDING else s) for i, (s, _) in stamps.items()]
    return {
        i: (s, at) for i, (s, at) in stamps.items() if at and s != PENDING and before.get(i, ("",))[0] != s
    }


def _steps(entry: dict, n: int, path: str) -> dict[str, tuple[str, str]]:
    """A `steps` entry as {id: (state, when or "")}. Raises InputError naming the entry: a wrong
    state is not left out quietly, as the plan would then ask for a step the user did."""
    if len(entry) > 1:
        raise InputError(path, f"entry {n}: steps stands alone (- steps: {{step id: state}})")
    steps = entry["steps"] or {}
    if not isinstance(steps, dict):
        raise InputError(path, f"entry {n}: steps should map step ids to states (step id: done)")
    out = {}
    for step, said in steps.items():
        if not isinstance(step, str) or not step:
            raise InputError(path, f"entry {n}: step id {step!r} is not text")
        state, at = (said.get("state"), said.get("at")) if isinstance(said, dict) else (said, None)
        if isinstance(said, dict) and set(said) - {"state", "at"}:
            field_ = sorted(map(str, set(said) - {"state", "at"}))[0]
            raise InputError(path, f"entry {n}: step {step!r}: unknown field {field_!r} (fields: at, state)")
        if not isinstance(state, str) or state not in STEP_STATES:
            raise InputError(
                path, f"entry {n}: step {step!r}: {state!r} is not a step state ({', '.join(STEP_STATES)})"
            )
        when = _when(at)
        if when is None:
            raise InputError(
                path,
                f"entry {n}: step {step!r}: at {at!r} is not a date and time (2026-11-30T09:12:00+00:00)",
            )
        out[step] = (state, when)
    return out


def _when(at: object) -> str | None:
    """A time from the file as the workspace writes them (UTC, to the second; none later than now),
    "" when the file gives none, None when it is not a time."""
    if at is None or at == "":
        return ""
    if isinstance(at, str):
        try:
            at = datetime.fromisoformat(at.strip())
        except ValueError:
            return None
    if isinstance(at, date) and not isinstance(at, datetime):
        at = datetime(at.year, at.month, at.day)
    if not isinstance(at, datetime):
        return None
    try:
        at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    except (OverflowError, ValueError):  # 0001-01-01T00:00+05:00 is before year 1 in UTC
        return None
    return min(at.isoformat(timespec="seconds"), now())  # ISO times in UTC compare as text


@guarded
def _restore_times(ws: Workspace, stamps: dict[str, tuple[str, str]]) -> None:
    """When the file says each state was set (the import stamped them now): the plan's waiting
    times and rolling limits count from the day the user did it, not from the restore."""
    with ws.transaction() as db:
        db.executemany(
            "UPDATE step_states SET at = ? WHERE id = ? AND state = ?",
            [(at, i, s) for i, (s, at) in stamps.items()],
        )


def _check_entry(entry: dict, n: int) -> tuple[str, str | None]:
    """(how to name the entry, what is wrong with its fields or None)."""
    person = entry.get("person")
    who = f"entry {n} ({person})" if isinstance(person, str) and person else f"entry {n}"
    unknown = sorted(str(k) for k in entry if k not in FIELDS)
    if unknown:
        return who, f"unknown field {unknown[0]!r} (fields: {', '.join(sorted(FIELDS))})"
    if "person" in entry and not isinstance(person, str):
        return who, "person should be a name"
    if not _labels(entry.get("accounts")):
        return who, "accounts should be a list of network:key"
    category = entry.get("category", UNDECIDED)
    if not isinstance(category, str) or category not in (*CATEGORIES, UNDECIDED):
        return who, f"unknown category {category!r}"
    answers = entry.get("answers")
    if answers is None:
        return who, None
    if not isinstance(answers, dict):
        return who, 'answers should map network:key to an answer (answers: {"facebook:Name": accept})'
    for label, answer in answers.items():
        if not isinstance(label, str) or codec.parse_label(label) is None:
            return who, f"answers: {label!r} is not a network:key account"
        if not isinstance(answer, str) or answer not in ANSWERS:
            return who, f"answers: {answer!r} for {label} is not one of {', '.join(ANSWERS)}"
    return who, None


def _labels(value: object) -> bool:
    """Whether this is a list of account labels (strings), as the file holds them."""
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _resolve(
    labels: list[str], known: set[Key], folded: dict[tuple[str, str], Key], n: int, problems: list[str]
) -> list[Key]:
    out = []
    for text in labels:
        key = codec.parse_label(text)
        found = key if key in known else folded.get((key[0], key[1].casefold())) if key else None
        if found is None:
            problems.append(f"entry {n}: no account {text!r} in this workspace")
        elif found not in out:
            out.append(found)
    return out
