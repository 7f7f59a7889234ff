"""Laying the steps the decisions ask for over the steps the workspace keeps, person by person.

New steps are added; steps a changed decision no longer asks for are marked so (kept, with their
state); steps whose account a newer export no longer shows stay as they were. What the newest
export shows of each step (the friend gone, the connection made) is judged by its kind and its
account, never by its words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from circlesort.model import Account, Network, Relation, Standing
from circlesort.planning.derive import person_steps
from circlesort.planning.schedule import Kept
from circlesort.planning.settings import Settings
from circlesort.planning.steps import FINISHED, PERSON, WAY_BACK, Hint, HintKind, Step, StepKind, step_id
from circlesort.workspace import PersonRow, Workspace
from circlesort.workspace.changes import FollowSteps
from circlesort.workspace.plan_store import StoredStep, accounts_by_key, members_of, person_ids, save_steps
from circlesort.workspace.requests import accepted

K, R = StepKind, Relation
NOT_YET, DONE, IMPOSSIBLE = "not yet", "done", "impossible"


@dataclass
class Layered:
    kept: list[Kept]
    added: int
    dropped: int
    states_changed: bool  # steps passed on to the people they became: states must be read again


def layer(
    ws: Workspace,
    people: list[PersonRow],
    stored: dict[str, StoredStep],
    own: Iterable[str],
    states: dict,
    settings: Settings,
    now: datetime,
    imported_at: str,
) -> Layered:
    """The steps of ``people`` laid over the kept rows ``own`` (ids in ``stored``), saved.

    ``stored`` is every kept row (a person linked into another passes on their steps' states);
    ``own`` are the rows that belong to these people."""
    finished = {i for i, (s, _) in states.items() if s in FINISHED} | {
        i for i in own if stored[i].seen == DONE
    }
    answers = ws.answers()
    category = {p.id: p.category for p in people}
    wanted: dict[str, Step] = {}
    for person in people:
        for step in person_steps(person, answers, settings, finished):
            wanted[step.id] = step
    by_id = {p.id: p for p in people}
    members = _Members(by_id)
    passed = _pass_on(ws, wanted, stored, states, members)
    if passed:
        from circlesort.workspace.plan_store import step_states

        states = step_states(ws)
    steps = {i: from_row(stored[i]) for i in own if i not in wanted} | wanted
    accounts = _Accounts.read(ws, by_id, steps.values())
    context = _Context(wanted, category, by_id, members, accounts, states, imported_at)
    kept, rows, added, dropped = [], [], 0, 0
    for sid, step in steps.items():
        row = stored.get(sid)
        one, needed = _kept(context, sid, step, row)
        data = one.data
        if row is None or (row.needed, row.seen, row.data) != (needed, one.kept.seen, data):
            added_at = row.added if row else now.isoformat(timespec="seconds")
            rows.append(
                StoredStep(
                    sid,
                    step.kind,
                    step.network,
                    step.target,
                    step.person,
                    needed,
                    one.kept.seen,
                    added_at,
                    data,
                )
            )
        added += needed and not (row and row.needed)
        dropped += bool(row and row.needed and not needed and states.get(sid, ("",))[0] not in FINISHED)
        kept.append(one.kept)
    save_steps(ws, rows)
    return Layered(kept, added, dropped, bool(passed))


@dataclass(frozen=True, slots=True)
class _Context:
    """What every step of one layering is judged against."""

    wanted: dict[str, Step]
    category: dict[str, Standing]
    by_id: dict[str, PersonRow]
    members: _Members
    accounts: _Accounts
    states: dict
    imported_at: str


@dataclass(frozen=True, slots=True)
class _Judged:
    kept: Kept
    data: dict


def _kept(c: _Context, sid: str, step: Step, row: StoredStep | None) -> tuple[_Judged, bool]:
    """One step as the newest export shows it, and whether the plan still needs it."""
    account = c.accounts.of(step)
    gone = account is None or account[1]
    # A newer export drops no step: one whose account it no longer shows stays while the
    # person's category is the same.
    needed = sid in c.wanted or bool(
        row and row.needed and gone and c.category.get(step.person) == step.category
    )
    seen = c.accounts.seen(step)
    if step.kind in _BACK_FROM and _ticked_after(c.states, step, _BACK_FROM[step.kind], c.imported_at):
        seen = ""  # the export was made before the removal: it cannot tell whether they are back
    data = _data(step)
    if step.target.startswith(PERSON) and step.person in c.by_id:
        data["accounts"] = c.members.get(step.person)  # so its state can follow the person's accounts
    elif row and "accounts" in row.data:
        data["accounts"] = row.data["accounts"]
    return _Judged(Kept(step, needed, seen), data), needed


def judge(kind: StepKind, account: Account | None) -> str:
    """What the newest export shows of a step on this account (None: gone from the export)."""
    held = set(account.relations) if account else set()
    gone = account is None
    removals = {
        K.UNFRIEND: R.FRIEND,
        K.REMOVE_FOLLOWER: R.FOLLOWER,
        K.UNFOLLOW: R.FOLLOWING,
        K.REMOVE_CONNECTION: R.CONNECTION,
    }
    if kind in removals:
        return DONE if gone or removals[kind] not in held else NOT_YET
    if kind == K.RESTRICT:
        return DONE if gone or R.RESTRICTED in held else NOT_YET
    if kind in (K.CONNECT, K.RECONNECT):
        return DONE if R.CONNECTION in held else NOT_YET
    if kind == K.ADD_FRIEND:
        return DONE if R.FRIEND in held else NOT_YET
    if kind == K.FOLLOW_AGAIN:
        return DONE if R.FOLLOWING in held else NOT_YET
    if kind == K.CLOSE_FRIENDS:
        return DONE if R.CLOSE_FRIEND in held else NOT_YET
    if kind == K.ACCEPT_REQUEST:
        settled = account is not None and accepted(account, "incoming")
        return DONE if settled else IMPOSSIBLE if gone or R.REQUEST_RECEIVED not in held else NOT_YET
    if kind in (K.DECLINE_REQUEST, K.WITHDRAW_REQUEST):
        if account is not None and accepted(account, "incoming" if kind == K.DECLINE_REQUEST else "outgoing"):
            return IMPOSSIBLE
        pending = R.REQUEST_RECEIVED if kind == K.DECLINE_REQUEST else R.REQUEST_SENT
        return DONE if gone or pending not in held else NOT_YET
    return ""  # a Page invitation, a follow from another account, a label: no export shows it


def _pass_on(
    ws: Workspace, wanted: dict[str, Step], stored: dict[str, StoredStep], states: dict, members: _Members
) -> int:
    """Steps of a person not yet on a network follow the person's accounts: when two people are
    linked into one, what the user said of the other's step (an invitation sent) passes to the
    step of the person they became."""
    people = person_ids(ws)
    orphans = {
        (row.kind, row.network, tuple(key)): row.id
        for row in stored.values()
        if row.target.startswith(PERSON) and row.person not in people and row.id in states
        for key in row.data.get("accounts", [])
    }
    if not orphans:
        return 0
    follow: dict[str, str] = {}
    for step in wanted.values():
        if step.target.startswith(PERSON) and step.id not in states:
            found = next(
                (
                    orphans[k]
                    for key in members.get(step.person) or []
                    if (k := (step.kind, step.network, tuple(key))) in orphans
                ),
                None,
            )
            if found:
                follow[step.id] = states[found][0]
    if not follow:
        return 0
    return ws.apply(FollowSteps(follow, f"{len(follow)} steps follow their people")).entry


_BACK_FROM = {back: removal for removal, back in WAY_BACK.items()}


def _ticked_after(states: dict, step: Step, removal: StepKind, imported_at: str) -> bool:
    """Whether the user said the removal was done after the newest export was imported."""
    state, at = states.get(step_id(removal, step.network, step.target), ("", ""))
    return state in FINISHED and at >= imported_at


_HINT_KINDS = frozenset(HintKind)


def from_row(row: StoredStep) -> Step:
    d = row.data
    hints = tuple(
        Hint(HintKind(h[0]), *h[1:])
        for h in d.get("hints", ())
        if isinstance(h, list) and h and h[0] in _HINT_KINDS
    )
    return Step(
        StepKind(row.kind),
        Network(row.network),
        row.target,
        row.person,
        d.get("name", ""),
        d.get("category", ""),
        d.get("link", ""),
        hints,
        int(d.get("namesakes", 0)),
        tuple(d.get("depends_on", ())),
    )


def _data(step: Step) -> dict:
    return {
        "name": step.name,
        "category": step.category,
        "link": step.link,
        "hints": [list(h) for h in step.hints],
        "namesakes": step.namesakes,
        "depends_on": list(step.depends_on),
    }


class _Members:
    """Each decided person's account keys, worked out only for those asked about."""

    def __init__(self, by_id: dict) -> None:
        self.by_id = by_id

    def get(self, person: str, default: list | None = None) -> list | None:
        found = self.by_id.get(person)
        return [[m.account.network, m.account.key] for m in found.members] if found else default


@dataclass
class _Accounts:
    """The account each step acts on, as the newest import shows it: from the decided people
    in hand, else (for a step whose person is no longer decided) read from the workspace."""

    by_id: dict  # person id -> PersonRow
    found: dict[tuple[str, str], tuple[Account, bool]]  # (network, key) -> (account, gone)
    members: dict[str, list[tuple[str, str]]]  # person id -> keys, of people not decided now

    @classmethod
    def read(cls, ws: Workspace, by_id: dict, steps: Iterable[Step]) -> _Accounts:
        here = cls(by_id, {}, {})
        strays = [s for s in steps if not here._held(s)]
        here.members = members_of(ws, {s.person for s in strays if s.target.startswith(PERSON)})
        wanted: set[tuple[str, str]] = {
            (s.network, s.target) for s in strays if not s.target.startswith(PERSON)
        }
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
        return next(
            (
                self.found[k]
                for k in self.members.get(step.person, ())
                if k[0] == step.network and k in self.found and not self.found[k][1]
            ),
            None,
        )

    def seen(self, step: Step) -> str:
        if step.kind not in _JUDGED:
            return ""
        account = self.of(step)
        if step.target.startswith(PERSON) and account is None:
            return ""  # not on that network yet
        return judge(step.kind, None if account is None or account[1] else account[0])


_JUDGED = frozenset(K) - {K.INVITE_TO_PAGE, K.SEND_LINK, K.FOLLOW_FROM, K.LABEL}
