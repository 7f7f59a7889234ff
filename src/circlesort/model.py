"""The words of DESIGN.md as frozen dataclasses. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

NETWORKS = ("facebook", "linkedin", "instagram", "x", "mastodon", "threads", "bluesky", "contacts")

RELATIONS = (
    "friend",
    "follower",
    "following",
    "connection",
    "close_friend",
    "request_received",
    "request_sent",
    "request_declined",
    "removed",
    "blocked",
    "muted",
    "restricted",
    "contact",
)
_RELATION_ORDER = {r: i for i, r in enumerate(RELATIONS)}


@dataclass(frozen=True, slots=True)
class Tie:
    """One relation of an account to the user, as one export file states it."""

    relation: str
    since: str | None = None  # ISO 8601 date or date-time (UTC), None when the export has none
    message: str | None = None  # the note that came with a request or invitation

    def __post_init__(self) -> None:
        if self.relation not in RELATIONS:
            raise ValueError(f"unknown relation {self.relation!r}")


@dataclass(frozen=True, slots=True)
class Account:
    """One identity on one network. ``key`` is the network's most stable identifier."""

    network: str
    key: str
    name: str = ""
    handle: str | None = None
    url: str | None = None
    first_name: str = ""
    last_name: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    company: str = ""
    position: str = ""
    labels: tuple[str, ...] = ()
    ties: tuple[Tie, ...] = field(default=())
    phone_labels: tuple[tuple[str, str], ...] = ()  # (phone, label) where the export names the phone

    @property
    def relations(self) -> tuple[str, ...]:
        """Distinct relations in the canonical order of RELATIONS."""
        if len(self.ties) == 1:
            return (self.ties[0].relation,)
        return tuple(sorted({t.relation for t in self.ties}, key=_RELATION_ORDER.__getitem__))

    @property
    def display_name(self) -> str:
        return self.name or self.handle or self.key

    def since(self, relation: str) -> str | None:
        """Earliest known date of a relation."""
        dates = [t.since for t in self.ties if t.relation == relation and t.since]
        return min(dates) if dates else None

    def merged(self, *others: Account) -> Account:
        """Combine sightings of the same account (same network and key), in time linear in them all.

        An export may list one key thousands of times (a Facebook name shared by many friends), so the
        unions are built once over every sighting rather than sighting by sighting.
        """
        every = (self, *others)
        assert all((o.network, o.key) == (self.network, self.key) for o in others)

        def first(attr: str):
            return next((v for a in every if (v := getattr(a, attr))), getattr(self, attr))

        def union(attr: str) -> tuple:
            return tuple(dict.fromkeys(x for a in every for x in getattr(a, attr)))

        return replace(
            self,
            name=first("name"),
            handle=first("handle"),
            url=first("url"),
            first_name=first("first_name"),
            last_name=first("last_name"),
            emails=union("emails"),
            phones=union("phones"),
            company=first("company"),
            position=first("position"),
            labels=union("labels"),
            ties=union("ties"),
            phone_labels=union("phone_labels"),
        )


@dataclass(frozen=True, slots=True)
class Link:
    """Two accounts of one person (indexes into the person's accounts), and why."""

    a: int
    b: int
    tier: str  # "certain" or "likely"
    score: float
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Person:
    """One human: one or more accounts, at most one per network unless linked by hand."""

    id: str
    name: str
    accounts: tuple[Account, ...]
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A pair that may be one person: shown for review, never linked without the user."""

    a: Account
    b: Account
    score: float
    evidence: tuple[str, ...]
    tier: str = "possible"
