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

from circlesort.errors import InputError
from circlesort.model import Account
from circlesort.planning.derive import person_steps
from circlesort.planning.schedule import Effort, Kept, effort, schedule
from circlesort.planning.steps import (
    FINISHED,
    PERSON,
    WAY_BACK,
    Due,
    Scheduled,
    Step,
    StepKind,
    StepState,
    step_id,
)
from circlesort.planning.words import missing
from circlesort.workspace import Workspace
from circlesort.workspace.plan_store import (
    StoredStep,
    accounts_by_key,
    last_import_at,
    members_of,
    person_ids,
    plan_people,
    planned_at,
    revision,
    save_steps,
    set_planned_at,
    step_states,
    stored_steps,
)

K = StepKind
NOT_YET, DONE, IMPOSSIBLE = "not yet", "done", "impossible"
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

    @property
    def effort(self) -> Effort:
        return effort(self.steps)

    def changes(self) -> str:
        """'3 steps added, 1 no longer needed', or ''."""
        parts = [f"{n:,} {'step' if n == 1 else 'steps'} {word}" for n, word in
                 ((self.added, "added"), (self.dropped, "no longer needed")) if n]
        return ", ".join(parts)


def judge(kind: StepKind, account: Account | None) -> str:
    """What the newest export shows of a step on this account (None: gone from the export)."""
    held = set(account.relations) if account else set()
    gone = account is None
    removals = {K.UNFRIEND: "friend", K.REMOVE_FOLLOWER: "follower", K.UNFOLLOW: "following",
                K.REMOVE_CONNECTION: "connection"}
    if kind in removals:
        return DONE if gone or removals[kind] not in held else NOT_YET
    if kind == K.RESTRICT:
        return DONE if gone or "restricted" in held else NOT_YET
    if kind in (K.CONNECT, K.RECONNECT):
        return DONE if "connection" in held else NOT_YET
    if kind == K.ADD_FRIEND:
        return DONE if "friend" in held else NOT_YET
    if kind == K.FOLLOW_AGAIN:
        return DONE if "following" in held else NOT_YET
    if kind == K.CLOSE_FRIENDS:
        return DONE if "close_friend" in held else NOT_YET
    if kind == K.ACCEPT_REQUEST:
        settled = held & {"friend", "connection", "follower"}
        return DONE if settled else IMPOSSIBLE if gone or "request_received" not in held else NOT_YET
    if kind in (K.DECLINE_REQUEST, K.WITHDRAW_REQUEST):
        if held & {"friend", "connection"}:
            return IMPOSSIBLE
        pending = "request_received" if kind == K.DECLINE_REQUEST else "request_sent"
        return DONE if gone or pending not in held else NOT_YET
    return ""  # a Page invitation, a follow from another account, a label: no export shows it


def current_plan(ws: Workspace, settings: dict, now: datetime | None = None) -> Plan:
    """The plan as it stands: laid over the kept steps, saved, judged and scheduled.

    When nothing changed since the plan was last worked out (no decision, import or tick, the
    same settings), the kept steps are the plan and only their schedule is worked out again."""
    now = now or datetime.now(UTC)
    stored = stored_steps(ws)
    states = step_states(ws)
    imported_at = last_import_at(ws)
    fingerprint = f"{PLAN_RULES}:{json.dumps(settings, sort_keys=True, default=str)}"
    if stored and planned_at(ws) == f"{revision(ws)}:{fingerprint}":
        kept = [Kept(_from_row(row), row.needed, row.seen) for row in stored.values()]
        scheduled = schedule(kept, states, settings, now, imported_at)
        return Plan(scheduled, 0, 0, notes(scheduled, settings) + _employers_note())
    finished = {i for i, (s, _) in states.items() if s in FINISHED} | {
        i for i, row in stored.items() if row.seen == DONE}
    answers = ws.answers()
    people = plan_people(ws)
    category = {p.id: p.category for p in people}
    wanted: dict[str, Step] = {}
    for person in people:
        for step in person_steps(person, answers, settings, finished):
            wanted[step.id] = step
    by_id = {p.id: p for p in people}
    members = _Members(by_id)
    if _pass_on(ws, wanted, stored, states, members):
        states = step_states(ws)
    steps = {i: _from_row(row) for i, row in stored.items() if i not in wanted} | wanted
    accounts = _Accounts.read(ws, by_id, steps.values())
    kept, rows, added, dropped = [], [], 0, 0
    for sid, step in steps.items():
        row = stored.get(sid)
        account = accounts.of(step)
        gone = account is None or account[1]
        # A newer export drops no step: one whose account it no longer shows stays while the
        # person's category is the same.
        needed = sid in wanted or bool(row and row.needed and gone and category.get(step.person)
                                           == step.category)
        seen = accounts.seen(step)
        if step.kind in _BACK_FROM and _ticked_after(states, step, _BACK_FROM[step.kind], imported_at):
            seen = ""  # the export was made before the removal: it cannot tell whether they are back
        data = _data(step)
        if step.target.startswith(PERSON) and step.person in by_id:
            data["accounts"] = members.get(step.person)  # so its state can follow the person's accounts
        elif row and "accounts" in row.data:
            data["accounts"] = row.data["accounts"]
        if row is None or (row.needed, row.seen, row.data) != (needed, seen, data):
            rows.append(StoredStep(sid, step.kind, step.network, step.target, step.person, needed, seen,
                                   row.added if row else now.isoformat(timespec="seconds"), data))
        added += needed and not (row and row.needed)
        dropped += bool(row and row.needed and not needed and states.get(sid, ("",))[0] not in FINISHED)
        kept.append(Kept(step, needed, seen))
    save_steps(ws, rows)
    set_planned_at(ws, f"{revision(ws)}:{fingerprint}")
    scheduled = schedule(kept, states, settings, now, imported_at)
    if not stored:
        added = 0  # the first look at a plan: nothing "changed"
    return Plan(scheduled, added, dropped, notes(scheduled, settings) + _employers_note())


def _pass_on(ws: Workspace, wanted: dict[str, Step], stored: dict[str, StoredStep], states: dict,
             members: _Members) -> int:
    """Steps of a person not yet on a network follow the person's accounts: when two people are
    linked into one, what the user said of the other's step (an invitation sent) passes to the
    step of the person they became."""
    people = person_ids(ws)
    orphans = {(row.kind, row.network, tuple(key)): row.id for row in stored.values()
               if row.target.startswith(PERSON) and row.person not in people and row.id in states
               for key in row.data.get("accounts", [])}
    if not orphans:
        return 0
    changes = []
    for step in wanted.values():
        if step.target.startswith(PERSON) and step.id not in states:
            found = next((orphans[k] for key in members.get(step.person, [])
                          if (k := (step.kind, step.network, tuple(key))) in orphans), None)
            if found:
                changes.append(["step_states", [step.id], states[found][0]])
    return ws.record("plan", f"{len(changes)} steps follow their people", changes) if changes else 0


_BACK_FROM = {back: removal for removal, back in WAY_BACK.items()}


def _ticked_after(states: dict, step: Step, removal: StepKind, imported_at: str) -> bool:
    """Whether the user said the removal was done after the newest export was imported."""
    state, at = states.get(step_id(removal, step.network, step.target), ("", ""))
    return state in FINISHED and at >= imported_at


def _from_row(row: StoredStep) -> Step:
    d = row.data
    return Step(StepKind(row.kind), row.network, row.target, row.person, d.get("name", ""),
                d.get("category", ""), d.get("link", ""), tuple(d.get("hints", ())), d.get("flag", ""),
                tuple(d.get("depends_on", ())))


def _data(step: Step) -> dict:
    return {"name": step.name, "category": step.category, "link": step.link, "hints": list(step.hints),
            "flag": step.flag, "depends_on": list(step.depends_on)}


class _Members:
    """Each decided person's account keys, worked out only for those asked about."""

    def __init__(self, by_id: dict) -> None:
        self.by_id = by_id

    def get(self, person: str, default=None) -> list | None:
        found = self.by_id.get(person)
        return [[m.account.network, m.account.key] for m in found.members] if found else default


@dataclass
class _Accounts:
    """The account each step acts on, as the newest import shows it: from the decided people
    in hand, else (for a step whose person is no longer decided) read from the workspace."""

    by_id: dict  # person id -> Person
    found: dict[tuple[str, str], tuple[Account, bool]]  # (network, key) -> (account, gone)
    members: dict[str, list[tuple[str, str]]]  # person id -> keys, of people not decided now

    @classmethod
    def read(cls, ws: Workspace, by_id: dict, steps) -> _Accounts:
        here = cls(by_id, {}, {})
        strays = [s for s in steps if not here._held(s)]
        here.members = members_of(ws, {s.person for s in strays if s.target.startswith(PERSON)})
        wanted = {(s.network, s.target) for s in strays if not s.target.startswith(PERSON)}
        wanted |= {k for keys in here.members.values() for k in keys}
        if wanted:
            here.found = accounts_by_key(ws, wanted)
        return here

    def _held(self, step: Step) -> bool:
        """Whether the step's person is in hand and holds its account (when it names one)."""
        person = self.by_id.get(step.person)
        if person is None or step.target.startswith(PERSON):
            return person is not None
        return any(m.account.key == step.target and m.account.network == step.network for m in person.members)

    def of(self, step: Step) -> tuple[Account, bool] | None:
        """The account a step is judged on: its own, or, for a person not yet on that network, the
        account they have there now (None until they have one)."""
        person_level = step.target.startswith(PERSON)
        person = self.by_id.get(step.person)
        if person is not None:
            for m in person.members:
                a = m.account
                if a.network == step.network and (a.key == step.target or (person_level and not m.gone)):
                    return (a, m.gone)
            if person_level:
                return None  # not on that network yet
        if not person_level:
            return self.found.get((step.network, step.target))
        return next((self.found[k] for k in self.members.get(step.person, ())
                     if k[0] == step.network and k in self.found and not self.found[k][1]), None)

    def seen(self, step: Step) -> str:
        if step.kind not in _JUDGED:
            return ""
        account = self.of(step)
        if step.target.startswith(PERSON) and account is None:
            return ""  # not on that network yet
        return judge(step.kind, None if account is None or account[1] else account[0])


_JUDGED = frozenset(K) - {K.INVITE_TO_PAGE, K.SEND_LINK, K.FOLLOW_FROM, K.LABEL}

SETTING_HELP = {
    "page.url": "Your Page is not set: page.name and page.url in the settings say whom page followers are "
                "invited to follow.",
    "professional_x": "Your professional X account is not set (professional_x in the settings).",
    "professional_mastodon": "Your professional Mastodon account is not set (professional_mastodon in the "
                             "settings).",
    "professional_instagram": "Your professional Instagram account is not set (professional_instagram).",
}


def notes(steps: Sequence[Scheduled], settings: dict) -> list[str]:
    """The settings the plan's live steps need and do not have, each said once."""
    wanted = dict.fromkeys(missing(s.step, settings) for s in steps
                           if s.due in (Due.NOW, Due.WAITING, Due.ASK))
    return [SETTING_HELP[k] + " `circlesort plan --init-settings` writes a settings file to edit."
            for k in wanted if k]


def _employers_note() -> list[str]:
    """Without employers in the rules, colleagues are not suggested professional: say so."""
    from circlesort.suggest import load_rules

    try:
        rules = load_rules()
    except InputError:
        return []  # the sorting screen says what is wrong with the file
    if any(rule.when.get("company") for rule in rules):
        return []
    return ["No employers in your rules: colleagues are not suggested professional. `circlesort rules "
            "--init` writes the rules; list your companies under 'my employers'."]


def set_state(ws: Workspace, ids: Sequence[str], state: StepState | None, label: str) -> int:
    """The user's word on steps, journaled and undoable (None: back to pending)."""
    from circlesort.workspace.plan_store import set_step_states

    return set_step_states(ws, ids, state.value if state else None, label)
