"""The rules' conditions on messages: how many one-to-one messages, on which networks, how lately.

Only one-to-one messages count (both ways: sent and received); messages in group threads do not.
A span ("the last two years") counts back from the day each network's messages run to, not from
today: Facebook's standard download stops where the end-to-end encrypted chats begin (December
2023 for most personal Messenger chats), and a Messenger that falls quiet there is not a friend
gone quiet. A network with no end given counts back from today.

The words a person reads for where messages were exchanged live here, once: MESSAGE_PLACES.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from circlesort.model import NETWORKS, Network

if TYPE_CHECKING:
    from circlesort.rules.suggest import Seen

# Where messages with an account were exchanged, in the words the card and the reasons use.
MESSAGE_PLACES: dict[str, str] = {  # by str, as planning.words: a stored network finds its word
    Network.FACEBOOK: "Messenger",
    Network.LINKEDIN: "LinkedIn",
    Network.INSTAGRAM: "Instagram",
    Network.X: "X",
    Network.MASTODON: "Mastodon",
    Network.THREADS: "Threads",
    Network.BLUESKY: "Bluesky",
    Network.CONTACTS: "Contacts",
}

MESSAGES_KEYS = ("at_least", "on", "only_on")
UNITS = ("days", "weeks", "months", "years")
# "2 years", "1 year", "2y": each unit by its name, its name for one, and its first letter.
_UNIT_WORDS = {word: unit for unit in UNITS for word in (unit, unit[:-1], unit[0])}
_SPAN = re.compile(r"(\d+)\s*([a-z]+)")
_SPAN_HELP = 'a whole number of days, weeks, months or years, e.g. "2 years", "18 months", "90d"'


@dataclass(frozen=True, slots=True)
class MessagesWanted:
    """The `messages` condition: at least ``at_least`` one-to-one messages on the networks ``on``
    (every network when None); with ``only_on``, every message is on these networks."""

    at_least: int = 1
    on: frozenset[Network] | None = None
    only_on: frozenset[Network] | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """The `last_message_within` condition: ``count`` days, weeks, months or years."""

    count: int
    unit: str  # one of UNITS

    def start(self, end: date) -> date:
        """The first day within the span that ends on ``end``."""
        try:
            if self.unit in ("days", "weeks"):
                return end - timedelta(**{self.unit: self.count})
            months = end.year * 12 + end.month - 1 - self.count * (12 if self.unit == "years" else 1)
            year, month = divmod(months, 12)
            return date(year, month + 1, min(end.day, calendar.monthrange(year, month + 1)[1]))
        except (OverflowError, ValueError):  # further back than any date
            return date.min


# --- reading the conditions ------------------------------------------------------------------------


def _networks(value: object, key: str) -> frozenset[Network]:
    """One network or a list of them."""
    words = [value] if isinstance(value, str) else value
    if not isinstance(words, list) or not all(isinstance(w, str) and w in NETWORKS for w in words):
        raise ValueError(f"{key} is a list of networks ({', '.join(NETWORKS)})")
    return frozenset(Network(w) for w in words)


def _count(value: object, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{key} is a whole number of 1 or more")
    return value


def parse_messages(value: object) -> MessagesWanted:
    """`messages: N` or `messages: {at_least: N, on: [networks], only_on: [networks]}`."""
    if not isinstance(value, dict) or any(k not in MESSAGES_KEYS for k in value):
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return MessagesWanted(value)
        raise ValueError(
            f"messages is a whole number of 1 or more, or a mapping of {', '.join(MESSAGES_KEYS)}"
        )
    return MessagesWanted(
        _count(value["at_least"], "messages.at_least") if value.get("at_least") is not None else 1,
        _networks(value["on"], "messages.on") if value.get("on") is not None else None,
        _networks(value["only_on"], "messages.only_on") if value.get("only_on") is not None else None,
    )


def parse_span(value: object) -> Span:
    """`last_message_within: 2 years` (or "18 months", "3 weeks", "90 days", "2y", "6m", "90d")."""
    found = _SPAN.fullmatch(value.strip().lower()) if isinstance(value, str) and len(value) <= 40 else None
    unit = _UNIT_WORDS.get(found.group(2)) if found else None
    if found is None or unit is None:
        shown = f' "{value}"' if isinstance(value, str) and 0 < len(value) <= 40 else ""
        raise ValueError(f"last_message_within{shown} is not a span: {_SPAN_HELP}")
    if int(found.group(1)) < 1:
        raise ValueError(f"last_message_within is a span of 1 or more: {_SPAN_HELP}")
    return Span(int(found.group(1)), unit)


# --- applying them ---------------------------------------------------------------------------------


def _day(text: str | None) -> date | None:
    """A date from an ISO date or date-time; a month ("2023-12") or a year is taken at its end."""
    if not text or not isinstance(text, str):
        return None
    try:
        if len(text) >= 10:
            return date.fromisoformat(text[:10])
        if len(text) == 7:
            year, month = int(text[:4]), int(text[5:7])
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(int(text), 12, 31) if len(text) == 4 else None
    except ValueError:
        return None


def _talking(accounts: Sequence[Seen], scope: Collection[str] | None) -> list[Seen]:
    """The accounts on the networks in scope (every network when None) with one-to-one messages."""
    return [
        a
        for a in accounts
        if a.talk is not None and a.talk.messages > 0 and (scope is None or a.network in scope)
    ]


# The networks whose exports hold message files circlesort reads.
MESSAGED: frozenset[Network] = frozenset({Network.FACEBOOK, Network.INSTAGRAM, Network.LINKEDIN, Network.X})


def _unknown(accounts: Sequence[Seen], ends: Mapping[str, str]) -> set[str]:
    """The person's networks that could hold messages but whose message files were not read
    (``ends`` names those that were)."""
    return {a.network for a in accounts if a.network in MESSAGED and a.network not in ends}


def holds(
    when: Mapping[str, object],
    accounts: Sequence[Seen],
    ends: Mapping[str, str] | None,
    today: date,
) -> bool:
    """Whether the person seen as ``accounts`` meets ``when``'s conditions on messages (as
    parse_messages and parse_span leave them; True when it has none)."""
    wanted, within = when.get("messages"), when.get("last_message_within")
    scope = wanted.on if isinstance(wanted, MessagesWanted) else None
    talking = _talking(accounts, scope)
    if isinstance(wanted, MessagesWanted):
        if sum(a.talk.messages for a in talking if a.talk) < wanted.at_least:
            return False
        everywhere = {a.network for a in _talking(accounts, None)}
        if wanted.only_on is not None and not (everywhere and everywhere <= wanted.only_on):
            return False
        if wanted.only_on is not None and ends is not None and _unknown(accounts, ends) - wanted.only_on:
            return False  # a network whose message files were not read may hold the rest
    if isinstance(within, Span):
        return any(_recent(a, within, (ends or {}).get(a.network), today) for a in talking)
    return True


def _recent(account: Seen, within: Span, end: str | None, today: date) -> bool:
    last = _day(account.talk.last if account.talk else None)
    return last is not None and last >= within.start(_day(end) or today)


def _listed(words: list[str]) -> str:
    return " and ".join(words) if len(words) < 3 else f"{', '.join(words[:-1])} and {words[-1]}"


def fill(because: str, when: Mapping[str, object], accounts: Sequence[Seen]) -> str:
    """The reason with {messages} (how many), {times} ("once", "240 times") and {networks}
    ("Messenger and Instagram") filled in, counted on the networks of the rule's `messages: on`."""
    if not any(k in because for k in ("{messages}", "{times}", "{networks}")):
        return because
    wanted = when.get("messages")
    talking = _talking(accounts, wanted.on if isinstance(wanted, MessagesWanted) else None)
    count = sum(a.talk.messages for a in talking if a.talk)
    times = "once" if count == 1 else "twice" if count == 2 else f"{count:,} times"
    held = {a.network for a in talking}
    places = [MESSAGE_PLACES[n] for n in NETWORKS if n in held]
    places += sorted(n for n in held if n not in NETWORKS)  # a network this version does not know
    return (
        because.replace("{messages}", f"{count:,}")
        .replace("{times}", times)
        .replace("{networks}", _listed(places))
    )
