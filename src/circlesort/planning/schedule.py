"""When each step is due: dependencies first, then the platforms' limits, as rolling windows.

A removal waits until every bring-over of the same person is confirmed; after the waiting time
(or when a bring-over was skipped) the user is asked whether to remove anyway. Steps the
platforms limit (LinkedIn invitations a week, Instagram unfollows a day ...) are spread into
batches: what is left of today's window after the steps actually done in it, then a day or a
week at a time. Recomputed whenever the plan is shown or written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from circlesort.model import Network
from circlesort.planning.settings import Settings
from circlesort.planning.steps import (
    FINISHED,
    NEEDS_ACCEPTANCE,
    Due,
    Phase,
    Scheduled,
    Step,
    StepKind,
    StepState,
)
from circlesort.planning.words import waits_for

K = StepKind
# (network, kinds) -> (the setting holding the limit, the window in days)
LIMITS = {
    (Network.LINKEDIN, (K.CONNECT, K.RECONNECT)): ("linkedin_invitations_per_week", 7),
    (Network.INSTAGRAM, (K.UNFOLLOW, K.REMOVE_FOLLOWER)): ("instagram_unfollows_per_day", 1),
    (Network.FACEBOOK, (K.UNFRIEND, K.RESTRICT)): ("facebook_unfriends_per_day", 1),
    (Network.FACEBOOK, (K.INVITE_TO_PAGE,)): ("facebook_page_invitations_per_day", 1),
}
_CLASS = {(network, kind): cls for cls in LIMITS for network in (cls[0],) for kind in cls[1]}
PHASE_ORDER = {Phase.ANSWER: 0, Phase.BRING: 1, Phase.KEEP: 2, Phase.REMOVE: 3}
_STATES = frozenset(StepState)  # a stored state circlesort no longer knows is left out
# Clicks a step takes on the website, opening its link included: for the effort estimate.
CLICKS = {
    K.ACCEPT_REQUEST: 2,
    K.DECLINE_REQUEST: 2,
    K.WITHDRAW_REQUEST: 3,
    K.CONNECT: 4,
    K.INVITE_TO_PAGE: 3,
    K.SEND_LINK: 4,
    K.FOLLOW_FROM: 2,
    K.CLOSE_FRIENDS: 3,
    K.LABEL: 0,
    K.UNFRIEND: 4,
    K.RESTRICT: 4,
    K.REMOVE_FOLLOWER: 3,
    K.UNFOLLOW: 3,
    K.REMOVE_CONNECTION: 4,
    K.ADD_FRIEND: 2,
    K.FOLLOW_AGAIN: 2,
    K.RECONNECT: 4,
}


@dataclass(frozen=True, slots=True)
class Kept:
    """A step as the workspace keeps it: still needed by the plan, and what the newest export shows."""

    step: Step
    needed: bool
    seen: str  # "done", "not yet", "impossible" or "" (no export can show it)


def schedule(
    kept: Sequence[Kept],
    states: dict[str, tuple[str, str]],
    settings: Settings,
    now: datetime,
    imported_at: str = "",
) -> list[Scheduled]:
    """Every kept step as it stands at ``now``, in the order to carry them out.

    ``imported_at``: when the newest export was imported; a tick made after it cannot be
    contradicted by it."""
    by_id = {k.step.id: k for k in kept}
    state_of = {i: (StepState(s), at) for i, (s, at) in states.items() if s in _STATES}
    first: dict[str, Scheduled] = {}
    for k in kept:
        first[k.step.id] = _standing(k, state_of.get(k.step.id, (StepState.PENDING, "")), imported_at)
    wait = timedelta(days=settings.waiting_days)
    for k in kept:
        s = first[k.step.id]
        if s.due == Due.NOW and k.step.phase == Phase.REMOVE:
            first[k.step.id] = _removal(
                s,
                [first[d] for d in k.step.depends_on if d in by_id and by_id[d].needed],
                settings,
                now,
                wait,
            )
    return _batched(list(first.values()), state_of, settings, now)


def _standing(k: Kept, stated: tuple[StepState, str], imported_at: str) -> Scheduled:
    """Where a step stands from its own state alone (dependencies and limits come after)."""
    step, (state, at) = k.step, stated
    notes: tuple[str, ...] = ()
    if k.seen == "done":
        due, state = Due.FINISHED, StepState.CONFIRMED if step.kind in NEEDS_ACCEPTANCE else StepState.DONE
    elif state in FINISHED or (state == StepState.SENT and step.kind not in NEEDS_ACCEPTANCE):
        due = Due.FINISHED
        if k.seen == "not yet" and step.phase == Phase.REMOVE and at < imported_at:
            notes = ("ticked, but the newest export still shows them",)
    elif state == StepState.SENT:
        due = Due.SENT if k.needed else Due.NOT_NEEDED
    elif state == StepState.SKIPPED:
        due = Due.SKIPPED
    elif state == StepState.IMPOSSIBLE or k.seen == "impossible":
        due = Due.IMPOSSIBLE
    elif not k.needed:
        due = Due.NOT_NEEDED
    else:
        due = Due.NOW
    return Scheduled(step, state, due, -1, due.value, state_at=at, seen=k.seen, notes=notes)


def _removal(
    s: Scheduled, deps: list[Scheduled], settings: Settings, now: datetime, wait: timedelta
) -> Scheduled:
    """A removal is due once its person's bring-overs are confirmed, or when the user says so."""
    open_ = [d for d in deps if d.due not in (Due.FINISHED, Due.NOT_NEEDED)]
    if not open_ or s.state == StepState.REMOVE_ANYWAY or settings.remove_without_waiting:
        return s
    words = "; ".join(waits_for(d.step, settings) for d in open_)
    given_up = [d for d in open_ if d.due in (Due.SKIPPED, Due.IMPOSSIBLE)]
    waited = [d for d in open_ if d.due == Due.SENT and _since(d.state_at, now) >= wait]
    if given_up:
        return _replace(s, Due.ASK, "ask", f"{words} (skipped): remove anyway?")
    if waited and len(waited) == len(open_):
        days = min(_since(d.state_at, now) for d in waited).days
        return _replace(s, Due.ASK, "ask", f"{words} (waited {days} days): remove anyway?")
    return _replace(s, Due.WAITING, "waiting", words)


def _since(at: str, now: datetime) -> timedelta:
    try:
        return now - datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return timedelta(0)


def _replace(s: Scheduled, due: Due, label: str, waits: str = "", batch: int = -1) -> Scheduled:
    return Scheduled(s.step, s.state, due, batch, label, waits or s.waits_for, s.state_at, s.seen, s.notes)


def _batched(steps: list[Scheduled], state_of: dict, settings: Settings, now: datetime) -> list[Scheduled]:
    """Due steps into batches under each limit; everything in the order to carry it out."""
    used: dict[tuple, int] = defaultdict(int)
    for s in steps:
        cls = _CLASS.get((s.step.network, s.step.kind))
        acted = s.state in (StepState.SENT, StepState.DONE, StepState.CONFIRMED) and s.state_at
        if cls and acted and _since(s.state_at, now) < timedelta(days=LIMITS[cls][1]):
            used[cls] += 1
    due = sorted((s for s in steps if s.due == Due.NOW), key=_order)
    taken: dict[tuple, int] = defaultdict(int)
    out: dict[str, Scheduled] = {}
    for s in due:
        cls = _CLASS.get((s.step.network, s.step.kind))
        if cls is None:
            out[s.step.id] = _replace(s, Due.NOW, "today", batch=0)
            continue
        setting, days = LIMITS[cls]
        limit = settings.limits.of(setting)
        room = max(0, limit - used[cls])
        n = taken[cls]
        taken[cls] += 1
        batch = 0 if n < room else 1 + (n - room) // limit
        unit = "week" if days == 7 else "day"
        out[s.step.id] = _replace(s, Due.NOW, "today" if batch == 0 else f"{unit} {batch + 1}", batch=batch)
    rest = sorted((s for s in steps if s.step.id not in out), key=_order)
    return [*sorted(out.values(), key=_order), *rest]


def _order(s: Scheduled) -> tuple:
    """By when; within a batch, removals after everything else, so that a plan followed top to
    bottom brings a person over before removing them; then by network."""
    removal = s.step.phase == Phase.REMOVE
    return (s.batch, removal, s.step.network, PHASE_ORDER[s.step.phase], s.step.name.casefold(), s.step.id)


@dataclass(frozen=True, slots=True)
class Effort:
    """What is left to do, in clicks and in time: "about 540 clicks over 4 weeks"."""

    steps: int
    clicks: int
    span: str  # "today", "5 days", "4 weeks"
    today: int = 0  # of the steps, those due today


# Steps one import file does all at once (google_contacts.csv, mastodon_following.csv): one step.
BY_FILE = frozenset({(K.LABEL, Network.CONTACTS), (K.FOLLOW_FROM, Network.MASTODON)})
IMPORT_CLICKS = 8


def effort(steps: Sequence[Scheduled]) -> Effort:
    left = [s for s in steps if s.due in (Due.NOW, Due.WAITING, Due.ASK)]
    files = {(s.step.kind, s.step.network) for s in left} & BY_FILE
    singles = [s for s in left if (s.step.kind, s.step.network) not in BY_FILE]
    clicks = sum(CLICKS[s.step.kind] for s in singles) + IMPORT_CLICKS * len(files)
    weeks = max((s.batch + 1 for s in left if s.batch > 0 and s.batch_label.startswith("week")), default=0)
    days = max((s.batch + 1 for s in left if s.batch > 0 and s.batch_label.startswith("day")), default=0)
    if weeks and days <= 7 * weeks:
        span = f"{weeks} weeks"
    elif days:
        span = f"{days} days"
    else:
        span = "today"
    due_now = [s for s in left if s.due == Due.NOW and s.batch == 0]
    today = sum((s.step.kind, s.step.network) not in BY_FILE for s in due_now) + len(
        {(s.step.kind, s.step.network) for s in due_now} & BY_FILE
    )
    return Effort(len(singles) + len(files), clicks, span, today)
