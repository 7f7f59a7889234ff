"""The unanswered-requests queue: friend and follow requests and invitations, across networks.

Incoming requests (Facebook, Instagram, LinkedIn) wait for an answer; outgoing ones, sent and
never accepted, can be withdrawn. A request the export shows accepted is history, not a request
(LinkedIn's Invitations.csv keeps every invitation, also those accepted long ago). An answer is a
decision like the others: journaled, undoable, kept on the account's key across newer exports,
and it sets the person's category too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import ClassVar

from circlesort.model import Account, Category, Network, Relation
from circlesort.rules.suggest import CategorySuggestion, Rule, Seen, suggest
from circlesort.workspace import codec
from circlesort.workspace.changes import Answer, Change, Draft, Effect
from circlesort.workspace.failures import guarded
from circlesort.workspace.reads import Reads
from circlesort.workspace.rows import Key
from circlesort.workspace.store import Workspace

INCOMING_NETWORKS = (Network.FACEBOOK, Network.INSTAGRAM, Network.LINKEDIN)
DIRECTIONS = {Relation.REQUEST_RECEIVED: "incoming", Relation.REQUEST_SENT: "outgoing"}
# (network, direction) -> the relation that shows the request accepted. Following is not
# friendship: a Facebook requester who also follows the user still waits for an answer.
SETTLED_BY: dict[tuple[str, str], Relation] = {
    (Network.FACEBOOK, "incoming"): Relation.FRIEND,
    (Network.FACEBOOK, "outgoing"): Relation.FRIEND,
    (Network.LINKEDIN, "incoming"): Relation.CONNECTION,
    (Network.LINKEDIN, "outgoing"): Relation.CONNECTION,
    (Network.INSTAGRAM, "incoming"): Relation.FOLLOWER,
    (Network.INSTAGRAM, "outgoing"): Relation.FOLLOWING,
    (Network.THREADS, "incoming"): Relation.FOLLOWER,
    (Network.THREADS, "outgoing"): Relation.FOLLOWING,
}
# answer -> (what it means, the category it puts the person in)
ANSWERS: dict[str, tuple[str, Category | None]] = {
    "accept": ("accept (personal)", Category.KEEP_PERSONAL),
    "decline-linkedin": (
        "decline, and connect on LinkedIn instead (professional)",
        Category.MOVE_TO_PROFESSIONAL,
    ),
    "decline-page": ("decline, and invite to follow the Page (page follower)", Category.PAGE_FOLLOWER),
    "later": ("leave for later", None),
    "withdraw": ("withdraw the request you sent", None),
}
# A category in a word, as the requests queue gives the reason for an answer (the plan and undo
# add "undecided": planning/words.py).
CATEGORY_NAMES: dict[str, str] = {
    Category.KEEP_PERSONAL: "personal",
    Category.MOVE_TO_PROFESSIONAL: "professional",
    Category.PAGE_FOLLOWER: "page follower",
}
# A person's category -> the answer it implies for their requests.
BY_CATEGORY: dict[str, str] = {
    Category.KEEP_PERSONAL: "accept",
    Category.MOVE_TO_PROFESSIONAL: "decline-linkedin",
    Category.PAGE_FOLLOWER: "decline-page",
}


@dataclass(frozen=True, slots=True)
class Request:
    account: Account
    direction: str  # "incoming" or "outgoing"
    since: str | None
    message: str | None
    person: str
    answer: str | None
    elsewhere: tuple[Account, ...]  # the person's accounts on other networks
    # Per network, the ISO date its message counts run to (Workspace.message_ends): the rules
    # count a span of time back from it.
    ends: Mapping[str, str] = field(default_factory=dict)

    @property
    def key(self) -> Key:
        return codec.key_of(self.account)

    def age_days(self, today: date | None = None) -> int | None:
        if not self.since:
            return None
        when = datetime.fromisoformat(self.since[:10]).date()
        return ((today or datetime.now(UTC).date()) - when).days


@guarded
def queue(ws: Workspace) -> list[Request]:
    """Every pending request, incoming first, each direction oldest first.

    An answer circlesort does not know (a workspace written by an older decisions import took
    any text) counts as no answer: the request waits to be answered again."""
    answers = {k: a for k, a in ws.answers().items() if a in ANSWERS}
    rows = ws.db.execute(
        "SELECT a.network, a.key, a.name, a.data, m.person FROM accounts a JOIN members m "
        "USING (network, key) WHERE a.gone = 0 "
        "AND (a.relations LIKE '%request_received%' OR a.relations LIKE '%request_sent%')"
    )
    # (A request the user answered on the network itself is simply gone from the newer export.)
    found, ends = [], ws.message_ends()
    for network, key, name, data, person in rows:
        account = codec.load(network, key, name, data)
        if not (pending := waiting(account)):
            continue  # accepted: history, not a request
        others = tuple(
            codec.load(n, k, nm, d)
            for n, k, nm, d in ws.db.execute(
                "SELECT a.network, a.key, a.name, a.data FROM members m JOIN accounts a USING (network, key) "
                "WHERE m.person = ? AND NOT (a.network = ? AND a.key = ?) AND a.gone = 0",
                (person, network, key),
            )
        )
        for relation in pending:
            tie = next(t for t in account.ties if t.relation == relation)
            found.append(
                Request(
                    account,
                    DIRECTIONS[relation],
                    account.since(relation),
                    tie.message,
                    person,
                    answers.get((network, key)),
                    others,
                    ends,
                )
            )
    found.sort(
        key=lambda r: (r.direction != "incoming", r.since or "9999", r.account.display_name.casefold())
    )
    return found


def accepted(account: Account, direction: str) -> bool:
    """Whether the export shows the account's request of this direction accepted."""
    return SETTLED_BY.get((account.network, direction)) in account.relations


def waiting(account: Account) -> list[Relation]:
    """The account's requests still waiting for an answer: "request_received", "request_sent"."""
    return [
        relation
        for relation, direction in DIRECTIONS.items()
        if relation in account.relations
        and not accepted(account, direction)
        and (direction == "outgoing" or account.network in INCOMING_NETWORKS)
    ]


def presence(request: Request) -> list[str]:
    """The person elsewhere, in words: "also a LinkedIn connection: Product Manager at Contoso"."""
    out = []
    for a in request.elsewhere:
        what = ", ".join(r.replace("_", " ") for r in a.relations) or "known"
        job = " at ".join(p for p in (a.position, a.company) if p)
        out.append(f"also on {a.network} ({what})" + (f": {job}" if job else ""))
    return out


def suggested_answer(request: Request, rules: list[Rule], category: str | None) -> tuple[str, str] | None:
    """(answer, reason) from the person's category if decided, else from the rules."""
    if request.direction == "outgoing":
        return None
    if category in BY_CATEGORY:
        return BY_CATEGORY[category], f"you sorted them as {CATEGORY_NAMES[category]}"
    seen = [Seen(a.network, a.relations, a.company, a.talk) for a in (request.account, *request.elsewhere)]
    found: CategorySuggestion | None = suggest(rules, seen, request.ends)
    if found is None:
        if request.account.network == Network.LINKEDIN:
            return "decline-linkedin", "an invitation on LinkedIn, where professional contacts belong"
        return None
    return BY_CATEGORY[found.category], f"{found.reason} (rule “{found.rule}”)"


def grouped(requests: list[Request]) -> list[Request]:
    """The queue with each person's requests together, the person where their first one was."""
    first: dict[str, int] = {}
    for i, r in enumerate(requests):
        first.setdefault(r.person, i)
    return sorted(requests, key=lambda r: first[r.person])  # stable: each person's own order kept


def open_question(request: Request) -> bool:
    """Whether the request still waits for an answer: unanswered, or left for later."""
    return request.answer in (None, "later")


@dataclass(frozen=True, slots=True)
class AnswerMany(Change):
    """Several answers as one undo step (the last word on an account wins)."""

    kind: ClassVar[str] = "answer"
    answers: Sequence[Answer]
    label: str

    def draft(self, ws: Reads) -> Draft:
        writes = {(w.table, tuple(w.key)): w for a in self.answers for w in a.draft(ws).writes}
        return Draft(self.label, list(writes.values()))


def answer_all(ws: Workspace, found: list[tuple[Request, str]], label: str) -> Effect:
    """Several answers, and the categories they imply, as one undo step."""
    changes = [
        Answer(r.key, r.person, value, ANSWERS[value][1], f"{r.account.display_name}: {value}")
        for r, value in found
    ]
    return ws.apply(AnswerMany(changes, label))


def answer(ws: Workspace, request: Request, value: str | None) -> Effect:
    """Record an answer (None takes it back) and the category it implies, as one undo step."""
    if value is not None and value not in ANSWERS:
        raise ValueError(f"unknown answer {value!r}")
    category = ANSWERS[value][1] if value else None
    words = describe(value, request.account.network) if value else "no answer"
    label = f"{request.account.display_name}: {words}"
    return ws.apply(Answer(request.key, request.person, value, category, label))


def describe(value: str, network: str) -> str:
    """An answer in words; on LinkedIn, the professional answer is to accept the invitation."""
    if network == Network.LINKEDIN and value == "decline-linkedin":
        return "accept the invitation (professional)"
    if network == Network.LINKEDIN and value == "accept":
        return "accept the invitation (personal)"
    return ANSWERS[value][0]


def choice(value: str, network: str) -> str:
    """What a key does to a request on this network, in a few words ("Accept as professional")."""
    if value == "accept":
        return "Accept as personal"
    if value == "decline-linkedin":
        return "Accept as professional" if network == Network.LINKEDIN else "Decline, connect on LinkedIn"
    if value == "decline-page":
        return "Decline, send Page link"
    return ANSWERS[value][0].capitalize()


def as_json(requests: list[Request]) -> dict:
    return {
        "version": 1,
        "requests": [
            {
                "network": r.account.network,
                "key": r.account.key,
                "name": r.account.display_name,
                "direction": r.direction,
                "since": r.since,
                "message": r.message,
                "person": r.person,
                "answer": r.answer,
            }
            for r in requests
        ],
    }
