"""One person in full, for the detail card: every account, the links between them and why."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from circlesort.matching import network_rank
from circlesort.model import Account, MessageFiles, Standing, Tier
from circlesort.workspace import codec
from circlesort.workspace.store import Member, PersonRow, Workspace


@dataclass(frozen=True, slots=True)
class LinkInfo:
    a: Account
    b: Account
    tier: str  # a Tier's value
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Detail:
    accounts: tuple[Account, ...]
    gone: frozenset[tuple[str, str]]
    links: tuple[LinkInfo, ...]
    suggestions: tuple[LinkInfo, ...]  # possible matches with people outside this one
    manual: bool  # the user linked or split this person by hand
    id: str = ""  # the person's
    answers: dict[tuple[str, str], str] = field(default_factory=dict)  # to this person's requests
    steps: dict[str, tuple[str, str]] = field(default_factory=dict)  # planned: id -> (state, seen)
    # What the message files of this person's networks held (those read): the card labels an
    # account's counts by them ("until 2023-12": Messenger's standard download stops there).
    message_files: dict[str, MessageFiles] = field(default_factory=dict)

    def as_person(self, name: str, category: Standing) -> PersonRow:
        """The person as the planner takes them, with this category."""
        members = tuple(Member(a, False, (a.network, a.key) in self.gone) for a in self.accounts)
        return PersonRow(self.id, name, members, category)


def person_detail(ws: Workspace, person: str) -> Detail:
    rows = ws.db.execute(
        "SELECT a.network, a.key, a.name, a.data, a.gone FROM members m JOIN accounts a USING (network, key) "
        "WHERE m.person = ?",
        (person,),
    ).fetchall()
    accounts = sorted(
        (codec.load(n, k, name, data) for n, k, name, data, _ in rows),
        key=lambda a: (network_rank(a.network), a.key),
    )
    by_key = {codec.key_of(a): a for a in accounts}
    links = tuple(
        LinkInfo(by_key[(an, ak)], by_key[(bn, bk)], tier, tuple(json.loads(ev)))
        for an, ak, bn, bk, tier, ev in ws.db.execute(
            "SELECT a_network, a_key, b_network, b_key, tier, evidence FROM links WHERE person = ?", (person,)
        )
        if (an, ak) in by_key and (bn, bk) in by_key
    )
    suggestions = _suggestions(ws, by_key)
    manual = any(
        ws.db.execute(
            "SELECT 1 FROM pair_rules WHERE (a_network = ? AND a_key = ?) OR (b_network = ? AND b_key = ?)",
            (*key, *key),
        ).fetchone()
        for key in by_key
    )
    gone = frozenset((n, k) for n, k, _, _, g in rows if g)
    answers = {
        (n, k): a
        for n, k, a in ws.db.execute(
            "SELECT network, key, answer FROM members JOIN answers USING (network, key) WHERE person = ?",
            (person,),
        )
    }
    steps = {
        i: (state, seen)
        for i, state, seen in ws.db.execute(
            "SELECT p.id, coalesce(s.state, ''), p.seen FROM plan_steps p LEFT JOIN step_states s USING (id) "
            "WHERE p.person = ?",
            (person,),
        )
    }
    networks = {a.network for a in accounts}
    files = {n: m for n, m in ws.message_files().items() if n in networks}
    return Detail(tuple(accounts), gone, links, tuple(suggestions), manual, person, answers, steps, files)


def _suggestions(ws: Workspace, by_key: dict[tuple[str, str], Account]) -> list[LinkInfo]:
    """The possible matches of this person's accounts with accounts of other people."""
    suggestions: list[LinkInfo] = []
    for n, k in by_key:
        for an, ak, bn, bk, ev in ws.db.execute(
            "SELECT a_network, a_key, b_network, b_key, evidence FROM suggestions "
            "WHERE (a_network = ? AND a_key = ?) OR (b_network = ? AND b_key = ?)",
            (n, k, n, k),
        ):
            other = (bn, bk) if (an, ak) == (n, k) else (an, ak)
            if other in by_key:
                continue
            found = ws.db.execute(
                "SELECT name, data FROM accounts WHERE network = ? AND key = ?", other
            ).fetchone()
            if found:
                suggestions.append(
                    LinkInfo(by_key[(n, k)], codec.load(*other, *found), Tier.POSSIBLE, tuple(json.loads(ev)))
                )
    return suggestions
