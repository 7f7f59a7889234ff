"""The words of a migration plan, as types: what a step asks, what state it is in, when it is due.

A plan is a set of steps, each about one person on one network. A step's id is built from its
kind, its network and its target (the account key, or the person's id on a network the person is
not on yet), never from display text, so it keeps its state through re-imports and new
decisions. The kinds are declared with the other closed sets of words, in model.py (StepKind is
importable from here too); the words a person reads are rendered from the kind (planning/words.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, NamedTuple

from circlesort.model import Network, Standing, StepKind


class Phase(StrEnum):
    """Where a step stands in a person's move."""

    ANSWER = "answer"  # answering a request: due at once
    BRING = "bring"  # brings the person to where they belong
    KEEP = "keep"  # tidies where they stay (labels, close friends)
    REMOVE = "remove"  # removes them from where they no longer belong: waits for the bring-overs


PHASE = {
    StepKind.ACCEPT_REQUEST: Phase.ANSWER,
    StepKind.DECLINE_REQUEST: Phase.ANSWER,
    StepKind.WITHDRAW_REQUEST: Phase.ANSWER,
    StepKind.CONNECT: Phase.BRING,
    StepKind.INVITE_TO_PAGE: Phase.BRING,
    StepKind.SEND_LINK: Phase.BRING,
    StepKind.FOLLOW_FROM: Phase.BRING,
    StepKind.ADD_FRIEND: Phase.BRING,
    StepKind.FOLLOW_AGAIN: Phase.BRING,
    StepKind.RECONNECT: Phase.BRING,
    StepKind.CLOSE_FRIENDS: Phase.KEEP,
    StepKind.LABEL: Phase.KEEP,
    StepKind.UNFRIEND: Phase.REMOVE,
    StepKind.RESTRICT: Phase.REMOVE,
    StepKind.REMOVE_FOLLOWER: Phase.REMOVE,
    StepKind.UNFOLLOW: Phase.REMOVE,
    StepKind.REMOVE_CONNECTION: Phase.REMOVE,
}
# Bring-overs the other side has to accept: sending them is not yet enough for a removal.
NEEDS_ACCEPTANCE = frozenset(
    {StepKind.CONNECT, StepKind.INVITE_TO_PAGE, StepKind.ADD_FRIEND, StepKind.RECONNECT}
)
# The way back after a removal that was done, when the person is wanted there again.
WAY_BACK = {
    StepKind.UNFRIEND: StepKind.ADD_FRIEND,
    StepKind.UNFOLLOW: StepKind.FOLLOW_AGAIN,
    StepKind.REMOVE_CONNECTION: StepKind.RECONNECT,
}


class StepState(StrEnum):
    """What the user (or a newer export) says of a step."""

    PENDING = "pending"  # not done yet
    SENT = "sent"  # a bring-over the user did; the other side has not accepted yet
    CONFIRMED = "confirmed"  # the other side accepted (the user says so, or an export shows it)
    DONE = "done"
    SKIPPED = "skipped"  # the user won't do it
    IMPOSSIBLE = "impossible"  # no longer possible (a request answered the other way)
    REMOVE_ANYWAY = "remove-anyway"  # a removal the user releases without waiting for acceptance


FINISHED = frozenset({StepState.CONFIRMED, StepState.DONE})


class Due(StrEnum):
    """Where a step stands today, computed whenever the plan is shown or written."""

    NOW = "due"  # to do now (within its batch)
    WAITING = "waiting"  # waits for another step, or for the other side to accept
    ASK = "ask"  # a removal whose bring-over was skipped, or has waited long enough: remove anyway?
    SENT = "sent"  # done on the user's side, waiting for the other side
    FINISHED = "finished"  # done or confirmed
    SKIPPED = "skipped"
    IMPOSSIBLE = "impossible"
    NOT_NEEDED = "not-needed"  # a decision changed: no longer part of the plan


class HintKind(StrEnum):
    """What tells the right search result apart, where the export gave no profile link."""

    SINCE = "since"  # the year you became friends
    WORKS_AT = "works_at"  # the employer another of their accounts gives
    HANDLE = "handle"  # their username on another network


class Hint(NamedTuple):
    kind: HintKind
    value: str  # from the export: the year, the employer, the username
    network: Network | Literal[""] = ""  # for a handle: where


@dataclass(frozen=True, slots=True)
class Step:
    """One thing to do for one person on one network."""

    kind: StepKind
    network: Network
    target: str  # the account key, or "person:<id>" on a network the person is not on yet
    person: str  # the person's id
    name: str  # the person's name, as the screens show it
    category: Standing  # the person's category when the step was planned (UNDECIDED: requests only)
    link: str = ""  # the profile, else a search or the network's own request page
    hints: tuple[Hint, ...] = ()  # what tells the right search result apart
    namesakes: int = 0  # Facebook friends who share this name (one account in the export): check which
    depends_on: tuple[str, ...] = ()  # ids of the bring-overs a removal waits for
    id: str = field(init=False, compare=False)  # kind, network and target: see step_id

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", step_id(self.kind, self.network, self.target))

    @property
    def phase(self) -> Phase:
        return PHASE[self.kind]

    @property
    def account_key(self) -> str | None:
        """The account the step acts on; None when the person is not on that network yet."""
        return None if self.target.startswith(PERSON) else self.target


PERSON = "person:"


def step_id(kind: StepKind, network: Network, target: str) -> str:
    """Kind, network and target, joined by a character no kind or network holds."""
    return f"{kind}/{network}/{target}"


@dataclass(frozen=True, slots=True)
class Scheduled:
    """A step as it stands today: its state, whether it is due, and the batch it belongs to."""

    step: Step
    state: StepState
    due: Due
    batch: int  # 0: today; n: the nth day or week after today (by the step's limit); -1: none
    batch_label: str  # "today", "day 2", "week 3", "waiting", "done" ...
    waits_for: str = ""  # in words: "Ada accepts on LinkedIn"
    state_at: str = ""  # when the user last changed the state
    seen: str = ""  # what the newest export shows: "done", "not yet", "impossible" or ""
    notes: tuple[str, ...] = field(default=())
