"""Message threads as counts: who is in a thread, how many messages each wrote, and when.

Every message reader (Meta's, LinkedIn's, X's) reduces a thread to one ``Thread`` while it reads
the thread's file, and drops the file: no message, and no word of one, is kept. Once every thread
of a network in an export has been read, the user is told apart (the one in every thread) and the
counts become each account's ``Talk``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache

from circlesort.model import MessageFiles, Talk

# Timestamps in milliseconds from 2000-01-01 to 2100-01-01: anything else is no date.
FIRST_MS, LAST_MS = 946_684_800_000, 4_102_444_800_000
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(slots=True)
class Thread:
    """One conversation, counted: never its messages."""

    people: set[str] = field(default_factory=set)  # who is in it (names, URLs or ids), the user too
    sent_by: dict[str, int] = field(default_factory=dict)  # messages per sender
    messages: int = 0  # every message, those of senders not known included
    group: bool = False
    first: str | None = None  # ISO date of its first and last dated message
    last: str | None = None
    named: str = ""  # whom a one-to-one thread is named after: someone other than the user
    slug: str = ""  # Instagram: the thread folder's name less its id, the username without punctuation

    def count(self, sender: str, n: int) -> None:
        self.sent_by[sender] = self.sent_by.get(sender, 0) + n

    def add(self, other: Thread) -> None:
        """Another file's part of the same thread (message_2.json ...)."""
        self.people |= other.people
        for who, n in other.sent_by.items():
            self.count(who, n)
        self.messages += other.messages
        self.group = self.group or other.group
        self.dated(other.first, other.last)
        self.named = self.named or other.named
        self.slug = self.slug or other.slug

    def dated(self, first: str | None, last: str | None) -> None:
        if first and (self.first is None or first < self.first):
            self.first = first
        if last and (self.last is None or last > self.last):
            self.last = last


def day_ms(ms: int) -> str:
    """The ISO date (UTC) of a timestamp in milliseconds already known to be in range."""
    return datetime.fromtimestamp(ms // 1000, UTC).date().isoformat()


def days_ms(low: int, high: int) -> tuple[str | None, str | None]:
    """The dates of the lowest and highest in-range timestamps of a file (None where there were none)."""
    if low > high:
        return None, None
    return day_ms(low), day_ms(high)


def day_text(text: object) -> str | None:
    """The ISO date a date-time string starts with ("2023-06-11 15:33:58 UTC",
    "2020-01-20T21:42:09.068Z"), if it is a real date from 2000 to 2099; else None."""
    if not isinstance(text, str) or not _DAY.match(text):
        return None
    return _real_day(text[:10])


@lru_cache(maxsize=16384)  # messages share days; bounded against a hostile file of unique ones
def _real_day(text: str) -> str | None:
    try:
        day = date(int(text[:4]), int(text[5:7]), int(text[8:10]))
    except ValueError:
        return None
    return text if 2000 <= day.year < 2100 else None


def owner_of(threads: Iterable[Thread], known: str = "") -> str:
    """The user: the one present in the most threads (in every thread, as a rule). ``known`` when
    it is among them (an owner read elsewhere). A tie goes to whoever is least often the one a
    one-to-one thread is named after; "" when still tied (one thread of two people, unnamed)."""
    threads = list(threads)
    seen = Counter(p for t in threads for p in t.people)
    if not seen:
        return ""
    if known and known in seen:
        return known
    top = max(seen.values())
    best = [p for p, n in seen.items() if n == top]
    if len(best) > 1:
        named = Counter(t.named for t in threads if t.named)
        fewest = min(named[p] for p in best)
        best = [p for p in best if named[p] == fewest]
    return best[0] if len(best) == 1 else ""


def talks(thread: Thread, owner: str) -> Iterator[tuple[str, Talk]]:
    """(someone, what they and the user wrote) for a thread. A one-to-one thread gives its other
    person both ways and its dates; a group gives every sender but the user what they wrote."""
    if thread.group:
        for who, n in thread.sent_by.items():
            if who != owner and n:
                yield who, Talk(in_groups=n)
        return
    others = thread.people - {owner}
    if not owner or owner not in thread.people or len(others) != 1:
        return
    (other,) = others
    sent, received = thread.sent_by.get(owner, 0), thread.sent_by.get(other, 0)
    if sent or received:
        yield other, Talk(sent, received, 0, thread.first, thread.last)


def summary(threads: Iterable[Thread]) -> MessageFiles:
    """What the threads held in all."""
    n = groups = messages = 0
    last: str | None = None
    for t in threads:
        n += 1
        groups += t.group
        messages += t.messages
        if t.last and (last is None or t.last > last):
            last = t.last
    return MessageFiles(n, groups, messages, last)
