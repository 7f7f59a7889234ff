"""The words of docs/design.md §1 as types: frozen dataclasses, and the closed sets of words they use.

Networks, relations, categories, match tiers and plan step kinds are declared here once, as
StrEnums: each member is the string it stands for ('facebook', 'keep-personal', 'certain',
'connect'), so that it compares equal to that string and is written to SQLite, JSON and CSV as
it. The words a person reads for them live elsewhere, keyed by these types: ui/words.py for the
screens, planning/words.py for the files and the command line. No I/O here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Final, Literal


class Network(StrEnum):
    """A network circlesort reads exports of. The order is the one networks are listed in."""

    FACEBOOK = "facebook"
    LINKEDIN = "linkedin"
    INSTAGRAM = "instagram"
    X = "x"
    MASTODON = "mastodon"
    THREADS = "threads"
    BLUESKY = "bluesky"
    CONTACTS = "contacts"  # an address book (vCard, Google or Outlook CSV)


class Relation(StrEnum):
    """How an account stands to the user, as an export states it. The order is the canonical
    order of an account's relations."""

    FRIEND = "friend"
    FOLLOWER = "follower"  # follows the user
    FOLLOWING = "following"  # the user follows them
    CONNECTION = "connection"  # LinkedIn
    CLOSE_FRIEND = "close_friend"  # Instagram's Close Friends
    REQUEST_RECEIVED = "request_received"  # they asked the user
    REQUEST_SENT = "request_sent"  # the user asked them
    REQUEST_DECLINED = "request_declined"
    REMOVED = "removed"
    BLOCKED = "blocked"
    MUTED = "muted"
    RESTRICTED = "restricted"
    CONTACT = "contact"  # in the user's address book


class Category(StrEnum):
    """Where the user sorts a person. A person with no decision yet is UNDECIDED, which is no
    category: it is never stored, never suggested, never in a rules or decisions file."""

    KEEP_PERSONAL = "keep-personal"
    MOVE_TO_PROFESSIONAL = "move-to-professional"
    PAGE_FOLLOWER = "page-follower"


UNDECIDED: Final = "undecided"
Standing = Category | Literal["undecided"]  # a person's category, or UNDECIDED


def standing(value: str) -> Standing:
    """A category as stored or shown in a plain column ('keep-personal', 'undecided') as the type;
    ValueError for any other word."""
    return UNDECIDED if value == UNDECIDED else Category(value)


class Tier(StrEnum):
    """How sure the matching is that two accounts are one person."""

    CERTAIN = "certain"  # linked
    LIKELY = "likely"  # linked, worth a glance
    POSSIBLE = "possible"  # a suggestion only: never linked without the user
    MANUAL = "manual"  # linked by the user


class StepKind(StrEnum):
    """What a step of a migration plan asks the user to do (planning/steps.py)."""

    ACCEPT_REQUEST = "accept_request"  # a request they sent you
    DECLINE_REQUEST = "decline_request"
    WITHDRAW_REQUEST = "withdraw_request"  # a request you sent
    CONNECT = "connect"  # a LinkedIn invitation
    INVITE_TO_PAGE = "invite_to_page"  # Facebook: invite a friend to follow your Page
    SEND_LINK = "send_link"  # a message with your Page's or public account's link
    FOLLOW_FROM = "follow_from"  # follow them from your professional account (X, Mastodon, Instagram)
    CLOSE_FRIENDS = "close_friends"  # Instagram: add to Close Friends
    LABEL = "label"  # a contact's label (the Google Contacts file sets them all)
    UNFRIEND = "unfriend"
    RESTRICT = "restrict"  # Facebook's Restricted list, instead of unfriending
    REMOVE_FOLLOWER = "remove_follower"
    UNFOLLOW = "unfollow"
    REMOVE_CONNECTION = "remove_connection"  # LinkedIn
    ADD_FRIEND = "add_friend"  # the way back: a friend request again after an unfriend
    FOLLOW_AGAIN = "follow_again"  # the way back after an unfollow
    RECONNECT = "reconnect"  # the way back after a removed LinkedIn connection


NETWORKS: tuple[Network, ...] = tuple(Network)
RELATIONS: tuple[Relation, ...] = tuple(Relation)
CATEGORIES: tuple[Category, ...] = tuple(Category)
_RELATION_ORDER = {r: i for i, r in enumerate(RELATIONS)}


@dataclass(frozen=True, slots=True)
class Tie:
    """One relation of an account to the user, as one export file states it."""

    relation: Relation
    since: str | None = None  # ISO 8601 date or date-time (UTC), None when the export has none
    message: str | None = None  # the note that came with a request or invitation

    def __post_init__(self) -> None:
        """A relation read as a string (a stored workspace) becomes the type; ValueError if unknown."""
        if type(self.relation) is not Relation:
            try:
                object.__setattr__(self, "relation", Relation(self.relation))
            except ValueError:
                raise ValueError(f"unknown relation {self.relation!r}") from None


@dataclass(frozen=True, slots=True)
class Talk:
    """What the user and one account wrote to each other, counted from the exports' message
    files: counts and dates only, never a word of what was written."""

    sent: int = 0  # one-to-one messages the user sent them
    received: int = 0  # one-to-one messages they sent the user
    in_groups: int = 0  # messages they wrote in group threads the user is in
    first: str | None = None  # ISO date (YYYY-MM-DD) of the first one-to-one message
    last: str | None = None  # ISO date of the last one-to-one message

    @property
    def messages(self) -> int:
        """One-to-one messages both ways."""
        return self.sent + self.received

    def __add__(self, other: Talk) -> Talk:
        firsts = [d for d in (self.first, other.first) if d]
        lasts = [d for d in (self.last, other.last) if d]
        return Talk(
            self.sent + other.sent,
            self.received + other.received,
            self.in_groups + other.in_groups,
            min(firsts) if firsts else None,
            max(lasts) if lasts else None,
        )


@dataclass(frozen=True, slots=True)
class MessageFiles:
    """What one network's message files held, for `inspect` and for dating the counts."""

    threads: int = 0
    group_threads: int = 0
    messages: int = 0
    last: str | None = None  # ISO date of the newest message read
    # The counts stop early: Facebook's standard download leaves out the end-to-end encrypted
    # chats (most personal Messenger chats since December 2023), which come in Messenger's own
    # secure-storage download. When only the standard one was read, this is the month they run
    # to ("2023-12"), so that a quiet Messenger is never read as "not close".
    until: str | None = None

    def __add__(self, other: MessageFiles) -> MessageFiles:
        lasts = [d for d in (self.last, other.last) if d]
        untils = [d for d in (self.until, other.until) if d]
        return MessageFiles(
            self.threads + other.threads,
            self.group_threads + other.group_threads,
            self.messages + other.messages,
            max(lasts) if lasts else None,
            max(untils) if untils else None,
        )


@dataclass(frozen=True, slots=True)
class Account:
    """One identity on one network. ``key`` is the network's most stable identifier."""

    network: Network
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
    talk: Talk | None = None  # the messages exchanged with them, where message files were read

    @property
    def relations(self) -> tuple[Relation, ...]:
        """Distinct relations in the canonical order of RELATIONS."""
        if len(self.ties) == 1:
            return (self.ties[0].relation,)
        return tuple(sorted({t.relation for t in self.ties}, key=_RELATION_ORDER.__getitem__))

    @property
    def display_name(self) -> str:
        return self.name or self.handle or self.key

    def since(self, relation: Relation) -> str | None:
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

        def first(attr: str) -> Any:
            return next((v for a in every if (v := getattr(a, attr))), getattr(self, attr))

        def union(attr: str) -> tuple[Any, ...]:
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
            talk=_talk_of(every),
        )


def _talk_of(sightings: tuple[Account, ...]) -> Talk | None:
    talks = [a.talk for a in sightings if a.talk is not None]
    if not talks:
        return None
    total = talks[0]
    for t in talks[1:]:
        total = total + t
    return total


@dataclass(frozen=True, slots=True)
class Link:
    """Two accounts of one person (indexes into the person's accounts), and why."""

    a: int
    b: int
    tier: Tier  # CERTAIN, LIKELY or MANUAL
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
    tier: Tier = Tier.POSSIBLE
    # What kind of pair this is, for learning from the user's answers: the names of the evidence
    # levels that made the score ("surname spelled alike", "common here" ...), joined by "+".
    # Pairs of one kind rise or fall together as the user confirms or rejects some of them.
    kind: str = ""
