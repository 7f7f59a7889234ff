"""The plan screen's rows: which steps a view shows, in which section, and a tick made in memory.

A row stands for one step, or for every step one import file does (the Google Contacts labels,
the Mastodon follows), which are ticked together. A view is sections of rows (due now, waiting,
done); a step ticked on this screen stays in the section it was ticked in until the view is
chosen again, so the list does not jump under the cursor while the user works down it.
No Textual here: the screen draws what these functions decide.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from circlesort.planning.markdown import fill, message_of
from circlesort.planning.progress import bucket, due_now
from circlesort.planning.settings import Settings
from circlesort.planning.steps import NEEDS_ACCEPTANCE, Due, Phase, Scheduled, StepKind, StepState
from circlesort.planning.words import FILE_STEPS, SECTIONS, first_name, page_name

VIEW_ORDER = ("due", "waiting", "done", "all")
VIEW_SECTIONS = {
    "due": ("due", "waiting"),
    "waiting": ("waiting",),
    "done": ("done",),
    "all": ("due", "waiting", "done"),
}
LIVE = (Due.NOW, Due.WAITING, Due.ASK, Due.SENT)
FILE_NETWORKS = frozenset(network for _, network in FILE_STEPS)


@dataclass(eq=False)
class PlanRow:
    """One line of the list: the steps it stands for (one, or an import file's many)."""

    ids: list[str]
    file: tuple[StepKind, str] | None = None  # (kind, network) of an import file's row

    @property
    def id(self) -> str:
        return self.ids[0]


SECTION_OF = ("done", "due", "waiting")  # by progress.bucket


def section(s: Scheduled) -> str:
    return SECTION_OF[bucket(s)]


def lines(ordered: Iterable[Scheduled], view: str, network: str, origin: Mapping[str, str]) -> list[object]:
    """The view's lines: each section's heading, then its rows in the plan's order. ``origin``:
    the section a step ticked on this screen was in."""
    wanted = VIEW_SECTIONS[view]
    rows: dict[str, list[PlanRow]] = {key: [] for key in wanted}
    files: dict[tuple, PlanRow] = {}
    counts = dict.fromkeys(wanted, 0)
    for s in ordered:  # one tight pass: thousands of steps on every view switch and new plan
        step = s.step
        if network and step.network != network:
            continue
        where = (origin.get(step.id) if origin else None) or SECTION_OF[bucket(s)]
        if where not in rows:
            continue
        counts[where] += 1
        kind = (step.kind, step.network) if step.network in FILE_NETWORKS else None  # (enums hash slowly)
        if kind in FILE_STEPS:
            row = files.get((where, kind))
            if row is None:
                row = files[(where, kind)] = PlanRow([], kind)
                rows[where].append(row)
            row.ids.append(step.id)
        else:
            rows[where].append(PlanRow([step.id]))
    out: list[object] = []
    for key in wanted:
        if rows[key]:
            out.append(f"{SECTIONS[key]} · {counts[key]:,}")
            out.extend(rows[key])
    return out


def ticked(s: Scheduled, state: StepState, at: str) -> Scheduled:
    """The step as it will stand once the user's word is saved, before the plan is worked out anew."""
    if state == StepState.REMOVE_ANYWAY:
        return Scheduled(s.step, state, Due.NOW, 0, "today", "", at, s.seen)
    due = {
        StepState.DONE: Due.FINISHED,
        StepState.CONFIRMED: Due.FINISHED,
        StepState.SKIPPED: Due.SKIPPED,
        StepState.SENT: Due.SENT if s.step.kind in NEEDS_ACCEPTANCE else Due.FINISHED,
        StepState.PENDING: Due.NOW,
    }[state]
    waits = s.waits_for if due == Due.SENT else ""
    return Scheduled(s.step, state, due, 0 if due == Due.NOW else -1, due.value, waits, at, s.seen)


def tick_state(s: Scheduled) -> StepState:
    """What space/enter says of a step: sent, for a bring-over the other side has to accept."""
    return StepState.SENT if s.step.kind in NEEDS_ACCEPTANCE else StepState.DONE


def why_not(s: Scheduled, state: StepState) -> str:
    """Why a key does nothing on this step, or "" when it applies."""
    if state == StepState.CONFIRMED:
        if s.step.kind not in NEEDS_ACCEPTANCE:
            return "a marks an invitation or request as accepted; this step has nobody to accept it"
        return "already accepted" if s.due == Due.FINISHED else ""
    if state == StepState.REMOVE_ANYWAY:
        if s.step.phase != Phase.REMOVE or s.due not in (Due.WAITING, Due.ASK):
            return "r releases a removal that waits; this one does not wait"
        return ""
    if s.due not in LIVE:
        return f"already {s.due.value.replace('-', ' ')}: u undoes"
    if state == StepState.SENT and s.due == Due.SENT:
        return "already sent: a marks it accepted"
    return ""


def next_due(lines_: list[object], start: int, steps: Mapping[str, Scheduled]) -> int | None:
    """The line of the first row after ``start`` (then from the top) with a step due now."""
    order = list(range(start + 1, len(lines_))) + list(range(0, start + 1))
    for i in order:
        row = lines_[i]
        if isinstance(row, PlanRow) and any(due_now(steps[x]) for x in row.ids if x in steps):
            return i
    return None


def copy_text(s: Scheduled, settings: Settings) -> str:
    """The step's message, filled in for this person; the person's name for a step without one."""
    key = message_of(s.step)
    template = settings.messages.of(key) if key else ""
    if not template:
        return s.step.name
    page = settings.page
    return fill(
        template,
        {
            "first": first_name(s.step.name),
            "linkedin": settings.my_linkedin,
            "page": page_name(settings) if page.name else "",
            "page_url": page.url,
        },
    )
