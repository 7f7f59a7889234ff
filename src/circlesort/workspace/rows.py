"""What reading a workspace gives back: typed rows, never SQLite's tuples.

Everything outside the workspace package reads through Workspace's methods (reads.py), which
return these; only the workspace package holds SQL.
"""

from __future__ import annotations

from dataclasses import dataclass

from circlesort.matching import person_name
from circlesort.model import Account

CATEGORIES = ("keep-personal", "move-to-professional", "page-follower")
UNDECIDED = "undecided"
Key = tuple[str, str]  # (network, key): an account, as decisions are attached to it


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


@dataclass(frozen=True, slots=True)
class Pair:
    """Two accounts the matching linked (tier "likely" or "certain") or only suggested ("possible")."""

    a: Key
    b: Key
    kind: str
    score: float
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One import into the workspace: its number and when (UTC, ISO)."""

    id: int
    at: str


@dataclass(frozen=True, slots=True)
class Peek:
    """A workspace's counts, read without opening it for work (``workspace list``)."""

    accounts: int
    people: int
    decided: int
    imports: int


def display_name(members: list[Member]) -> str:
    """The matching's naming, with accounts gone from the exports considered last."""
    present = [m.account for m in members if not m.gone]
    return person_name(present) if present else person_name([m.account for m in members])
