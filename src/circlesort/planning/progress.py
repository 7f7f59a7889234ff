"""How far the plan has come: per network what is done, due and waiting, and each limit's use.

Counted from the plan's own rows (their state, where they stand, when the state was set), so
that a screen can count again after changing a row in memory, before the plan is worked out anew.
The limits are schedule.LIMITS: a step counts against its limit when it was sent or done within
the limit's rolling window, as the schedule counts it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from circlesort.planning.schedule import LIMITS
from circlesort.planning.steps import NEEDS_ACCEPTANCE, Due, Phase, Scheduled, StepState

DONE = frozenset({Due.FINISHED, Due.SKIPPED, Due.IMPOSSIBLE, Due.NOT_NEEDED})  # off the list
ACTED = frozenset({StepState.SENT, StepState.DONE, StepState.CONFIRMED})  # what uses up a limit
_LIMIT_OF = {(cls[0], kind): cls for cls in LIMITS for kind in cls[1]}


def due_now(s: Scheduled) -> bool:
    """To do today: due in today's batch, or a removal that asks for the user's word."""
    return (s.due == Due.NOW and s.batch <= 0) or s.due == Due.ASK


def waiting(s: Scheduled) -> bool:
    """Live but not for today: waiting for another step or the other side, or for a later batch."""
    return s.due in (Due.WAITING, Due.SENT) or (s.due == Due.NOW and s.batch > 0)


@dataclass(frozen=True, slots=True)
class NetworkProgress:
    network: str
    done: int  # done, accepted, skipped, no longer possible or needed
    due: int  # due today
    waiting: int  # waiting, sent, or in a later batch

    @property
    def total(self) -> int:
        return self.done + self.due + self.waiting


def per_network(steps: Iterable[Scheduled]) -> list[NetworkProgress]:
    """Per network, in the order the networks first come in ``steps``."""
    counts: dict[str, list[int]] = {}
    for s in steps:
        row = counts.setdefault(s.step.network, [0, 0, 0])
        if s.due in DONE:
            row[0] += 1
        elif due_now(s):
            row[1] += 1
        else:
            row[2] += 1
    return [NetworkProgress(network, *row) for network, row in counts.items()]


@dataclass(frozen=True, slots=True)
class LimitUse:
    network: str
    setting: str  # the key under settings["limits"]
    used: int  # steps sent or done within the window
    limit: int
    days: int  # the window: 1 or 7


def limit_use(steps: Iterable[Scheduled], settings: Mapping, now: datetime) -> list[LimitUse]:
    """Each limit that a step of the plan falls under, with how much of it the window has used."""
    used: dict[tuple, int] = {}
    for s in steps:
        cls = _LIMIT_OF.get((s.step.network, s.step.kind))
        if cls is None:
            continue
        used.setdefault(cls, 0)
        if s.state in ACTED and s.state_at and _since(s.state_at, now) < timedelta(days=LIMITS[cls][1]):
            used[cls] += 1
    return [LimitUse(cls[0], LIMITS[cls][0], n, int(settings["limits"][LIMITS[cls][0]]), LIMITS[cls][1])
            for cls, n in used.items()]


def waited(s: Scheduled, by_id: Mapping[str, Scheduled], now: datetime) -> timedelta | None:
    """How long a waiting removal has waited: since the latest of its open bring-overs was sent.
    None for a step that waits for nothing sent (a bring-over not done yet, or no removal)."""
    if s.step.phase != Phase.REMOVE or s.due not in (Due.WAITING, Due.ASK):
        return None
    open_ = [by_id[d] for d in s.step.depends_on if d in by_id and by_id[d].due not in DONE]
    sent = [d for d in open_ if d.state == StepState.SENT and d.step.kind in NEEDS_ACCEPTANCE and d.state_at]
    if not sent or len(sent) < len(open_):
        return None
    return min(_since(d.state_at, now) for d in sent)


def counts(steps: Sequence[Scheduled]) -> tuple[int, int, int]:
    """(done, due today, waiting) over all networks."""
    rows = per_network(steps)
    return sum(r.done for r in rows), sum(r.due for r in rows), sum(r.waiting for r in rows)


def _since(at: str, now: datetime) -> timedelta:
    try:
        return now - datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return timedelta(0)
