"""The workspace's one current plan: kept up to date with decisions and imports, never losing a step.

Whenever the plan is shown, written or checked, the steps the decisions ask for now are laid over
the steps the workspace keeps: new ones are added, ones a changed decision no longer asks for
are marked so (kept, with their state), and ones whose account a newer export no longer shows
stay as they were. What the newest exports show of each step (the friend gone, the connection
made) is judged by its kind and its account, never by its words.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property

from circlesort.errors import InputError
from circlesort.planning.reconcile import from_row, judge, layer
from circlesort.planning.schedule import Effort, Kept, effort, schedule
from circlesort.planning.settings import Settings
from circlesort.planning.steps import Due, Scheduled, StepState
from circlesort.planning.words import missing
from circlesort.tools.gcpause import paused_gc
from circlesort.workspace import Workspace
from circlesort.workspace.changes import SetSteps
from circlesort.workspace.plan_store import (
    changes_since,
    last_import_at,
    plan_people,
    planned_at,
    revision,
    set_planned_at,
    step_states,
    stored_steps,
)

__all__ = ["Plan", "current_plan", "judge", "notes", "set_state"]

PLAN_RULES = 1  # grows when circlesort plans differently: kept plans are worked out again


@dataclass
class Plan:
    steps: list[Scheduled]  # in the order to carry them out
    added: int = 0  # steps new since the plan was last looked at
    dropped: int = 0  # steps a changed decision no longer asks for
    notes: list[str] = field(default_factory=list)  # settings the plan needs and does not have

    def live(self) -> list[Scheduled]:
        """Everything still to do or to wait for (not done, skipped or no longer needed)."""
        return [s for s in self.steps if s.due in (Due.NOW, Due.WAITING, Due.ASK, Due.SENT)]

    @cached_property
    def effort(self) -> Effort:
        return effort(self.steps)

    def changes(self) -> str:
        """'3 steps added, 1 step no longer needed', or ''."""
        parts = [
            f"{n:,} {'step' if n == 1 else 'steps'} {word}"
            for n, word in ((self.added, "added"), (self.dropped, "no longer needed"))
            if n
        ]
        return ", ".join(parts)


def current_plan(ws: Workspace, settings: Settings, now: datetime | None = None) -> Plan:
    with paused_gc():  # tens of thousands of small objects and no cycles
        return _current_plan(ws, settings, now)


def _current_plan(ws: Workspace, settings: Settings, now: datetime | None) -> Plan:
    """The plan as it stands: the kept steps brought up to date, judged and scheduled.

    Only what changed since the plan was last worked out is worked out again: after a few
    decisions, the steps of those people; after an import or a change of settings, everyone's.
    Nothing changed: the kept steps are the plan, and only their schedule is worked out."""
    now = now or datetime.now(UTC)
    stored = stored_steps(ws)
    states = step_states(ws)
    imported_at = last_import_at(ws)
    fingerprint = f"{PLAN_RULES}:{json.dumps(settings.plan_data(), sort_keys=True)}"
    then, _, was = planned_at(ws).partition(":")
    touched = changes_since(ws, int(then)) if stored and was == fingerprint and then.isdigit() else None
    if touched is None:  # the first look, an import, other settings: everyone
        people, own = plan_people(ws), list(stored)
    else:
        affected = _affected(ws, touched, stored)
        people = plan_people(ws, affected) if affected else []
        own = [i for i, row in stored.items() if row.person in affected]
    layered = layer(ws, people, stored, own, states, settings, now, imported_at) if people or own else None
    if layered and layered.states_changed:
        states = step_states(ws)
    set_planned_at(ws, f"{revision(ws)}:{fingerprint}")
    redone = {k.step.id for k in layered.kept} if layered else set()
    kept = (layered.kept if layered else []) + [
        Kept(from_row(row), row.needed, row.seen) for i, row in stored.items() if i not in redone
    ]
    scheduled = schedule(kept, states, settings, now, imported_at)
    added = layered.added if layered and stored else 0  # the first look at a plan: nothing "changed"
    dropped = layered.dropped if layered else 0
    return Plan(scheduled, added, dropped, notes(scheduled, settings) + _employers_note())


def _affected(ws: Workspace, touched: tuple[set, set, set], stored: dict) -> set[str]:
    """The people whose steps a few changes may have changed."""
    keys, people, step_ids = touched
    return people | set(ws.persons_of(keys).values()) | {stored[i].person for i in step_ids if i in stored}


SETTING_HELP = {
    "page.url": "Your Page is not set: page.name and page.url in the settings say whom page followers are "
    "invited to follow.",
    "professional_x": "Your professional X account is not set (professional_x in the settings).",
    "professional_mastodon": "Your professional Mastodon account is not set (professional_mastodon in the "
    "settings).",
    "professional_instagram": "Your professional Instagram account is not set (professional_instagram).",
}


def notes(steps: Sequence[Scheduled], settings: Settings) -> list[str]:
    """The settings the plan's live steps need and do not have, each said once."""
    wanted = dict.fromkeys(
        missing(s.step, settings) for s in steps if s.due in (Due.NOW, Due.WAITING, Due.ASK)
    )
    return [
        SETTING_HELP[k] + " `circlesort plan --init-settings` writes a settings file to edit."
        for k in wanted
        if k
    ]


def _employers_note() -> list[str]:
    """Without employers in the rules, colleagues are not suggested professional: say so."""
    from circlesort.rules.suggest import load_rules

    try:
        rules = load_rules()
    except InputError:
        return []  # the sorting screen says what is wrong with the file
    if any(rule.when.get("company") for rule in rules):
        return []
    return [
        "No employers in your rules: colleagues are not suggested professional. `circlesort rules "
        "--init` writes the rules; list your companies under 'my employers'."
    ]


def set_state(ws: Workspace, ids: Sequence[str], state: StepState | None, label: str) -> int:
    """The user's word on steps, journaled and undoable (None: back to pending); the journal
    entry's id, 0 when nothing changed."""
    return ws.apply(SetSteps(ids, state.value if state else None, label)).entry
