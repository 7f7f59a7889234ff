"""How far the plan has come: per network what is done, due and waiting, and each limit's use.

Counted from the plan's own rows (their state, where they stand, when the state was set), so
that a screen can count again after changing a row in memory, before the plan is worked out anew.
The limits are schedule.LIMITS: a step counts against its limit when it was sent or done within
the limit's rolling window, as the schedule counts it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from circlesort.planning.schedule import LIMITS
from circlesort.planning.settings import Settings
from circlesort.planning.steps import NEEDS_ACCEPTANCE, Due, Phase, Scheduled, StepState

DONE = frozenset({Due.FINISHED, Due.SKIPPED, Due.IMPOSSIBLE, Due.NOT_NEEDED})  # off the list
ACTED = frozenset({StepState.SENT, StepState.DONE, StepState.CONFIRMED})  # what uses up a limit
_LIMIT_OF = {(cls[0], kind): cls for cls in LIMITS for kind in cls[1]}


# Where a step stands in the progress: 0 done (off the list), 1 due today, 2 waiting; None: by its batch.
_BUCKET = {**dict.fromkeys(DONE, 0), Due.ASK: 1, Due.WAITING: 2, Due.SENT: 2}


def bucket(s: Scheduled) -> int:
    """0: done, skipped or no longer needed; 1: due today; 2: waiting (or in a later batch)."""
    b = _BUCKET.get(s.due)
    return b if b is not None else (1 if s.batch <= 0 else 2)


def due_now(s: Scheduled) -> bool:
    """To do today: due in today's batch, or a removal that asks for the user's word."""
    return bucket(s) == 1


def waiting(s: Scheduled) -> bool:
    """Live but not for today: waiting for another step or the other side, or for a later batch."""
    return bucket(s) == 2


@dataclass(frozen=True, slots=True)
class NetworkProgress:
    network: str
    done: int  # done, accepted, skipped, no longer possible or needed
    due: int  # due today
    waiting: int  # waiting, sent, or in a later batch

    @property
    def total(self) -> int:
        return self.done + self.due + self.waiting


@dataclass(frozen=True, slots=True)
class LimitUse:
    network: str
    setting: str  # the key under the settings' limits:
    used: int  # steps sent or done within the window
    limit: int
    days: int  # the window: 1 or 7


class Tally:
    """The counts of a plan, kept up to date one changed step at a time (a screen's tick costs
    next to nothing, whatever the plan's size)."""

    def __init__(self, steps: Iterable[Scheduled], settings: Settings | None, now: datetime) -> None:
        self.settings, self.now = settings, now
        self.networks: dict[str, list[int]] = {}  # network -> [done, due, waiting], in first-seen order
        self.used: dict[tuple, int] = {}  # limit (schedule.LIMITS key) -> steps counted against it
        for s in steps:
            self.add(s, 1)

    def add(self, s: Scheduled, sign: int) -> None:
        self.networks.setdefault(s.step.network, [0, 0, 0])[bucket(s)] += sign
        cls = _LIMIT_OF.get((s.step.network, s.step.kind))
        if cls is not None:
            self.used[cls] = self.used.get(cls, 0) + sign * self._against(s, LIMITS[cls][1])

    def change(self, old: Scheduled, new: Scheduled) -> None:
        self.add(old, -1)
        self.add(new, 1)

    def _against(self, s: Scheduled, days: int) -> int:
        acted = s.state in ACTED and bool(s.state_at)
        return int(acted and _since(s.state_at, self.now) < timedelta(days=days))

    def progress(self) -> list[NetworkProgress]:
        return [NetworkProgress(network, *row) for network, row in self.networks.items()]

    def limits(self) -> list[LimitUse]:
        """Each limit's use; none without the settings that say the limits."""
        if self.settings is None:
            return []
        return [
            LimitUse(cls[0], setting, n, self.settings.limits.of(setting), days)
            for cls, n in self.used.items()
            for setting, days in (LIMITS[cls],)
        ]

    def totals(self) -> tuple[int, int, int]:
        """(done, due today, waiting) over all networks."""
        rows = self.networks.values()
        return sum(r[0] for r in rows), sum(r[1] for r in rows), sum(r[2] for r in rows)


def per_network(steps: Iterable[Scheduled]) -> list[NetworkProgress]:
    """Per network, in the order the networks first come in ``steps``."""
    return Tally(steps, None, datetime.now(UTC)).progress()


def limit_use(steps: Iterable[Scheduled], settings: Settings, now: datetime) -> list[LimitUse]:
    """Each limit that a step of the plan falls under, with how much of it the window has used."""
    return Tally(steps, settings, now).limits()


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


def _since(at: str, now: datetime) -> timedelta:
    try:
        return now - datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return timedelta(0)
