"""The user's decisions as values: every change to a workspace goes through Workspace.apply.

A change reads what it needs (whose accounts, which person an account is in) and drafts the rows
to write; the workspace writes them in one transaction and journals them with what they replace,
as one undo step. Applying, undoing and redoing all answer with an Effect: the accounts, people
and plan steps touched, and whether who is who changed, so that a screen knows what to read
again without knowing the workspace's tables.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, NamedTuple

from circlesort.matching.profile import network_name
from circlesort.model import CATEGORIES, UNDECIDED
from circlesort.workspace import codec
from circlesort.workspace.journal import Changed, Write
from circlesort.workspace.reads import Reads
from circlesort.workspace.rows import Key

__all__ = [
    "Answer",
    "Change",
    "Decide",
    "DecideMany",
    "DecisionsFile",
    "Draft",
    "Effect",
    "FollowSteps",
    "LinkAccounts",
    "LinkPairs",
    "LinkPeople",
    "SetSteps",
    "Split",
    "UnlinkAccounts",
    "Write",
    "effect_of",
    "own_person",
    "pair_key",
]

REGROUPING = ("members", "pair_rules")  # tables whose change means who is who changed


class Draft(NamedTuple):
    """What a change comes to: its words in the journal (shown by undo), and the rows to write."""

    label: str
    writes: list[Write]


class Change(ABC):
    """A change the user makes; ``kind`` names it in the journal."""

    kind: ClassVar[str]

    @abstractmethod
    def draft(self, ws: Reads) -> Draft:
        """The rows to write, read from the workspace as it is now."""


@dataclass(frozen=True, slots=True)
class Decide(Change):
    """Every account of these people in ``category`` (None: back to undecided)."""

    kind: ClassVar[str] = "decide"
    people: Sequence[str]
    category: str | None
    label: str = ""

    def __post_init__(self) -> None:
        if self.category is not None and self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}")

    def draft(self, ws: Reads) -> Draft:
        count = len(set(self.people))
        who = f"{count} {'person' if count == 1 else 'people'}"
        text = self.label or f"{self.category or UNDECIDED} for {who}"
        return Draft(text, [Write("categories", k, self.category) for k in ws.member_keys(self.people)])


@dataclass(frozen=True, slots=True)
class DecideMany(Change):
    """Several categories at once ({category: people})."""

    kind: ClassVar[str] = "decide"
    decisions: Mapping[str, Sequence[str]]
    label: str

    def draft(self, ws: Reads) -> Draft:
        writes = [
            Write("categories", k, category)
            for category, people in self.decisions.items()
            for k in ws.member_keys(people)
        ]
        return Draft(self.label, writes)


@dataclass(frozen=True, slots=True)
class Answer(Change):
    """An answer to a request (None takes it back), and the category it implies for its person."""

    kind: ClassVar[str] = "answer"
    key: Key
    person: str
    answer: str | None
    category: str | None
    label: str

    def draft(self, ws: Reads) -> Draft:
        writes = [Write("answers", self.key, self.answer)]
        if self.category:
            writes += [Write("categories", k, self.category) for k in ws.member_keys([self.person])]
        return Draft(self.label, writes)


@dataclass(frozen=True, slots=True)
class LinkAccounts(Change):
    """The user says a and b are one person: their people become one."""

    kind: ClassVar[str] = "link"
    a: Key
    b: Key

    def draft(self, ws: Reads) -> Draft:
        keep, other = ws.person_of(self.a), ws.person_of(self.b)
        writes = [Write("pair_rules", pair_key(self.a, self.b), "same")]
        if keep and other and keep != other:
            writes += [Write("members", k, keep) for k in ws.member_keys([other])]
        return Draft(f"linked {_named(ws, self.a)} and {_named(ws, self.b)}", writes)


@dataclass(frozen=True, slots=True)
class LinkPairs(Change):
    """The user says each of these pairs is one person (a review's "link them all"): one undo step."""

    kind: ClassVar[str] = "link"
    pairs: Sequence[tuple[Key, Key]]
    label: str

    def draft(self, ws: Reads) -> Draft:
        owner = ws.persons_of(k for pair in self.pairs for k in pair)
        root: dict[str, str] = {}

        def find(person: str) -> str:
            while root.get(person, person) != person:
                person = root[person]
            return person

        writes = []
        for a, b in self.pairs:
            writes.append(Write("pair_rules", pair_key(a, b), "same"))
            if a in owner and b in owner and (keep := find(owner[a])) != (other := find(owner[b])):
                root[other] = keep
        moved = [p for p in root if find(p) != p]
        keys = ws.member_keys(moved)
        moving = ws.persons_of(keys)
        writes += [Write("members", k, find(moving[k])) for k in keys]
        return Draft(self.label, writes)


@dataclass(frozen=True, slots=True)
class UnlinkAccounts(Change):
    """The user says a and b are not the same person: b leaves a's person."""

    kind: ClassVar[str] = "unlink"
    a: Key
    b: Key

    def draft(self, ws: Reads) -> Draft:
        writes = [Write("pair_rules", pair_key(self.a, self.b), "not_same")]
        if ws.person_of(self.a) == ws.person_of(self.b):
            writes.append(Write("members", self.b, own_person(self.b)))
        return Draft(f"{_named(ws, self.a)} and {_named(ws, self.b)} are not one person", writes)


@dataclass(frozen=True, slots=True)
class LinkPeople(Change):
    """The user says these people are one: one person, kept as rules at every import; with
    ``category``, the person is in it (the people were in different ones), in the same undo step."""

    kind: ClassVar[str] = "link"
    people: Sequence[str]
    category: str | None = None

    def draft(self, ws: Reads) -> Draft:
        keys = [found for p in dict.fromkeys(self.people) if (found := ws.member_keys([p]))]
        label = f"linked {len(keys)} people into one"
        if len(keys) < 2:
            return Draft(label, [])
        first = keys[0][0]
        writes = [Write("pair_rules", pair_key(first, other[0]), "same") for other in keys[1:]]
        keep = ws.person_of(first)
        writes += [Write("members", k, keep) for group in keys[1:] for k in group]
        if self.category is not None:
            writes += [Write("categories", k, self.category) for group in keys for k in group]
        return Draft(label, writes)


@dataclass(frozen=True, slots=True)
class Split(Change):
    """The user says this person's accounts are all different people."""

    kind: ClassVar[str] = "unlink"
    person: str

    def draft(self, ws: Reads) -> Draft:
        keys = ws.member_keys([self.person])
        writes = [
            Write("pair_rules", pair_key(a, b), "not_same") for i, a in enumerate(keys) for b in keys[i + 1 :]
        ]
        writes += [Write("members", k, own_person(k)) for k in keys[1:]]
        return Draft(f"split {len(keys)} accounts into separate people", writes)


@dataclass(frozen=True, slots=True)
class SetSteps(Change):
    """The user's word on plan steps (None: back to pending)."""

    kind: ClassVar[str] = "step"
    ids: Sequence[str]
    state: str | None
    label: str

    def draft(self, ws: Reads) -> Draft:
        return Draft(self.label, [Write("step_states", (i,), self.state) for i in dict.fromkeys(self.ids)])


@dataclass(frozen=True, slots=True)
class FollowSteps(Change):
    """The planner passing the user's word on steps on to the steps of the person they became
    (step id -> state). Journaled as the plan's, not a decision that undo takes back."""

    kind: ClassVar[str] = "plan"
    states: Mapping[str, str]
    label: str

    def draft(self, ws: Reads) -> Draft:
        return Draft(self.label, [Write("step_states", (i,), s) for i, s in self.states.items()])


@dataclass(frozen=True, slots=True)
class DecisionsFile(Change):
    """A decisions file's entries, drafted by decisions_file.py: one undo step."""

    kind: ClassVar[str] = "decisions-import"
    writes: Sequence[Write]
    label: str

    def draft(self, ws: Reads) -> Draft:
        return Draft(self.label, list(self.writes))


@dataclass(frozen=True, slots=True)
class Effect:
    """What applying, undoing or redoing a change did."""

    entry: int  # the journal entry (0: nothing changed, so nothing was journaled)
    kind: str
    label: str
    accounts: frozenset[Key] = frozenset()  # whose category or answer changed
    people: frozenset[str] = frozenset()  # whose category may have changed, or who lost or gained accounts
    steps: frozenset[str] = frozenset()  # plan steps whose state changed
    regrouped: bool = False  # who is who changed (linked, split, kept apart): anyone may differ
    # person -> the category the change set them to (None: undecided), whether applied, undone or
    # redone: what a screen names ("Undone: Ava Iyer → professional")
    decided: Mapping[str, str | None] = field(default_factory=dict, hash=False)

    @property
    def changed(self) -> bool:
        return self.entry != 0


def effect_of(ws: Reads, entry: int, kind: str, label: str, changes: Sequence[Changed]) -> Effect:
    """The Effect of these changes, read after they were written."""
    accounts = frozenset((c.key[0], c.key[1]) for c in changes if c.table in ("categories", "answers"))
    moved = {(c.key[0], c.key[1]) for c in changes if c.table == "members"}
    paired = {(c.key[i], c.key[i + 1]) for c in changes if c.table == "pair_rules" for i in (0, 2)}
    owner = ws.persons_of(accounts | moved | paired)
    people = set(owner.values())
    people |= {p for c in changes if c.table == "members" for p in (c.before, c.after) if p}
    steps = frozenset(c.key[0] for c in changes if c.table == "step_states")
    regrouped = any(c.table in REGROUPING for c in changes)
    decided = {
        owner[key]: c.after
        for c in changes
        if c.table == "categories" and (key := (c.key[0], c.key[1])) in owner
    }
    return Effect(entry, kind, label, accounts, frozenset(people), steps, regrouped, decided)


def own_person(key: Key) -> str:
    """The person id of an account split off by the user, until the next matching."""
    return "p-own-" + codec.label(*key)


def pair_key(a: Key, b: Key) -> tuple[str, str, str, str]:
    """A pair rule's key: its two accounts in key order."""
    first, second = sorted([(a[0], a[1]), (b[0], b[1])])
    return (*first, *second)


def _named(ws: Reads, key: Key) -> str:
    """An account as a person reads it in an undo message: "Amara Wang (Facebook)"; its key when
    the workspace no longer has it."""
    account = ws.account(key)
    if account is None:
        return codec.label(*key)
    return f"{account.display_name} ({network_name(key[0])})"
