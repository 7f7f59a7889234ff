"""Checking a written plan against newer exports: done, not yet, or no longer possible.

A plan's actions are kept in the workspace when it is written. Newer exports are imported as
usual, and each action is judged by what the account shows now: the friend is gone from the
friends list (done), the request is still pending (not yet), the request was answered the other
way (no longer possible). What no export can show (a Page invitation, a follow from another
account) is said to be so.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from circlesort.model import Account
from circlesort.workspace import ImportSummary, Workspace, codec, import_paths

DONE, NOT_YET, IMPOSSIBLE, UNCHECKABLE, PLANNED = ("done", "not yet", "no longer possible",
                                                   "not visible in exports", "planned")


def judge(action: str, account: Account | None) -> str:
    """The state of one action, from the account as the newest export shows it (None: gone)."""
    held = set(account.relations) if account else set()
    gone = account is None

    def when(done: bool, impossible: bool = False) -> str:
        return DONE if done else IMPOSSIBLE if impossible else NOT_YET

    if action == "unfriend":
        return when(gone or "friend" not in held)
    if action.startswith("restrict"):
        return when(gone or "restricted" in held)
    if action.startswith("accept the"):
        return when(bool(held & {"friend", "connection", "follower"}), gone or "request_received" not in held)
    if action.startswith("decline the"):
        return when(gone or ("request_received" not in held and not held & {"friend", "connection"}),
                    bool(held & {"friend", "connection"}))
    if action.startswith("withdraw"):
        return when(gone or ("request_sent" not in held and not held & {"friend", "connection"}),
                    bool(held & {"friend", "connection"}))
    if action == "connect":
        return when("connection" in held)
    if action.startswith("remove the connection"):
        return when(gone or "connection" not in held)
    if action == "remove follower":
        return when(gone or "follower" not in held)
    if action == "unfollow":
        return when(gone or "following" not in held)
    if action.startswith("close friends"):
        return when("close_friend" in held)
    if action.startswith("label "):
        return when(account is not None and any(action[6:].lower() in lab.lower() for lab in account.labels))
    return UNCHECKABLE  # a Page invitation, a follow from your professional account ...


@dataclass
class Verification:
    summary: ImportSummary
    statuses: dict[str, str] = field(default_factory=dict)  # action id -> status

    def counts(self) -> dict[str, Counter[str]]:
        out: dict[str, Counter[str]] = defaultdict(Counter)
        for action_id, status in self.statuses.items():
            out[action_id.split("|", 1)[0]][status] += 1
        return dict(sorted(out.items()))


def remember(ws: Workspace, action_ids: Sequence[str]) -> None:
    """Keep a written plan's actions, so that newer exports can be checked against it.

    A newer plan replaces the older one: actions it no longer holds are forgotten, and actions
    it still holds keep the state verify found for them."""
    wanted = set(action_ids)
    known = dict(ws.db.execute("SELECT action, status FROM plan_status"))
    changes = [["plan_status", [a], None] for a in known if a not in wanted]
    changes += [["plan_status", [a], PLANNED] for a in sorted(wanted) if a not in known]
    ws.record("plan", f"plan written ({len(wanted)} actions)", changes)


def verify(ws: Workspace, paths: Sequence[str]) -> Verification:
    summary = import_paths(ws, paths)
    planned = [a for (a,) in ws.db.execute("SELECT action FROM plan_status ORDER BY action")]
    statuses = {}
    for action_id in planned:
        network, key, action = action_id.split("|", 2)
        row = ws.db.execute("SELECT name, data, gone FROM accounts WHERE network = ? AND key = ?",
                            (network, key)).fetchone()
        account = codec.load(network, key, row[0], row[1]) if row and not row[2] else None
        if not key and network == "linkedin":  # "connect" with someone not on LinkedIn yet
            statuses[action_id] = UNCHECKABLE
            continue
        statuses[action_id] = judge(action, account)
    ws.record("plan", f"plan checked against newer exports ({len(statuses)} actions)",
              [["plan_status", [a], s] for a, s in statuses.items()])
    return Verification(summary, statuses)
