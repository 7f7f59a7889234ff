"""What reading a workspace gives back: typed rows, never SQLite's tuples.

Everything outside the workspace package reads through Workspace's methods (reads.py), which
return these; only the workspace package holds SQL.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from circlesort.matching import person_name
from circlesort.model import Account, MessageFiles, Standing, Tier

Key = tuple[str, str]  # (network, key): an account, as decisions are attached to it


@dataclass(frozen=True, slots=True)
class Member:
    """An account as the workspace knows it: new since the last import, or gone from it."""

    account: Account
    new: bool
    gone: bool


@dataclass(frozen=True, slots=True)
class PersonRow:
    """A person as the workspace holds them: their accounts as members (new, gone) and their
    category. The matching's person, with the links between accounts, is model.Person."""

    id: str
    name: str
    members: tuple[Member, ...]
    category: Standing

    @property
    def new(self) -> bool:
        return all(m.new for m in self.members)


@dataclass(frozen=True, slots=True)
class PairRow:
    """Two accounts the matching linked (tier LIKELY or CERTAIN) or only suggested (POSSIBLE), for
    review. The matching's own pair of account indexes is matching.cluster.Pair."""

    a: Key
    b: Key
    kind: Tier
    score: float
    evidence: tuple[str, ...]
    # A suggestion's kind of evidence (model.Suggestion.kind, '' when unknown; links have none):
    # what the review learns by from the user's answers.
    evidence_kind: str = ""


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


def runs_to(files: MessageFiles | None, today: date, downloaded: str = "") -> str:
    """The ISO date a network's message counts run to: the month its message files stop at
    (``until``, to its last day), else when the exports were downloaded (``downloaded``: the
    newest message of any network, for the user's own networks' newest message may be years
    old), else the newest message read, else today."""
    if files is not None and files.until:
        if len(files.until) == 7:  # a month: "2023-12"
            year, month = int(files.until[:4]), int(files.until[5:])
            return f"{files.until}-{calendar.monthrange(year, month)[1]:02d}"
        return files.until[:10]
    if downloaded:
        return downloaded[:10]
    if files is not None and files.last:
        return files.last[:10]
    return today.isoformat()
