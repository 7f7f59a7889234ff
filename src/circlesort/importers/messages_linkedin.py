"""LinkedIn messages.csv, counted: every header generation, 2020 to 2026.

A conversation is reduced to who is in it (profile URLs, keyed as linkedin.py keys connections),
how many messages each sent and its first and last day; the rows stream past and no message text
is read. The user is the profile in every conversation. Spam, drafts, and senders without a
profile URL ("LinkedIn Member") are left out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, islice

from circlesort.importers.archive import Container, Entry, SkipFile
from circlesort.importers.csvfile import cell, columns, lower_cells, read_rows
from circlesort.importers.dates import linkedin_date
from circlesort.importers.linkedin import profile_url
from circlesort.importers.sink import Sink
from circlesort.importers.tally import Thread, day_text, owner_of, summary, talks
from circlesort.importers.text import clean
from circlesort.model import Network

LI = Network.LINKEDIN
_REQUIRED = {"conversation id", "from", "sender profile url", "date"}
_HEADER_WITHIN = 50
# RECIPIENT PROFILE URLS: several joined by ";" or by "," before the next URL.
_RECIPIENTS = re.compile(r";|,(?=\s*https?://)")
_YES = {"yes", "true"}


@dataclass
class _Read:
    """One messages.csv, counted."""

    with_recipients: bool  # mid-2023 on: RECIPIENT PROFILE URLS
    threads: dict[str, Thread] = field(default_factory=dict)
    # Files before mid-2023 name the recipients only: each conversation's TO and FROM names, and
    # each sender's names, tell a group (whose TO joins several names) from a one-to-one thread.
    tos: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    froms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    urls: dict[str, str] = field(default_factory=dict)  # as written -> key

    def url(self, raw: str) -> str:
        key = self.urls.get(raw)
        if key is None:
            key = self.urls[raw] = profile_url(raw) if len(self.urls) < 1_000_000 else ""
        return key

    def add(self, other: _Read) -> None:
        for conv, t in other.threads.items():
            if conv in self.threads:
                self.threads[conv].add(t)
            else:
                self.threads[conv] = t
        for mine, theirs in ((self.tos, other.tos), (self.froms, other.froms), (self.names, other.names)):
            for k, v in theirs.items():
                mine[k] |= v
        self.with_recipients = self.with_recipients and other.with_recipients


def read(container: Container, entries: list[Entry], sink: Sink) -> None:
    total: _Read | None = None
    for entry in entries:
        try:
            part = _read_file(entry)
        except SkipFile as e:
            sink.skip(container, LI, entry, str(e))
            continue
        if total is None:
            total = part
        else:
            total.add(part)
        sink.add_messages(container, LI, entry)
    if total is not None:
        _finish(container, total, sink)


def _header(rows: Iterator[list[str]]) -> tuple[dict[str, int], Iterator[list[str]]]:
    head = list(islice(rows, _HEADER_WITHIN))
    for i, row in enumerate(head):
        if set(lower_cells(row)) >= _REQUIRED:
            return columns(row), chain(head[i + 1 :], rows)
    raise SkipFile("no header row with LinkedIn's message columns (CONVERSATION ID, FROM, DATE ...)")


def _read_file(entry: Entry) -> _Read:
    cols, rows = _header(read_rows(entry))
    state = _Read("recipient profile urls" in cols)
    for row in rows:
        if cell(row, cols, "folder").upper() == "SPAM":
            continue
        draft = cell(row, cols, "is message draft", "is conversation draft")
        if draft.lower() in _YES:
            continue
        conv = cell(row, cols, "conversation id")
        sender = state.url(cell(row, cols, "sender profile url"))
        if conv and sender:
            _row(state, row, cols, conv, sender)
    return state


def _row(state: _Read, row: list[str], cols: dict[str, int], conv: str, sender: str) -> None:
    thread = state.threads.get(conv)
    if thread is None:
        thread = state.threads[conv] = Thread()
    thread.messages += 1
    thread.count(sender, 1)
    thread.people.add(sender)
    if state.with_recipients:
        for raw in _RECIPIENTS.split(cell(row, cols, "recipient profile urls")):
            if url := state.url(raw):
                thread.people.add(url)
    else:
        if to := clean(cell(row, cols, "to")):
            state.tos[conv].add(to)
        if name := clean(cell(row, cols, "from")):
            state.froms[conv].add(name)
            state.names[sender].add(name)
    day = _day(cell(row, cols, "date"))
    thread.dated(day, day)


def _day(text: str) -> str | None:
    """2023-06-11 15:33:58 UTC, or as a spreadsheet re-saved it."""
    day = day_text(text)
    if day is None and text:
        loose = linkedin_date(text)
        day = day_text(loose) if loose else None
    return day


def _named_recipients(state: _Read) -> None:
    """Before mid-2023 only senders have URLs: a TO naming one sender (by a name that is theirs
    alone) puts them in the conversation, as the user is in those they never wrote in."""
    urls: dict[str, set[str]] = defaultdict(set)
    for url, names in state.names.items():
        for name in names:
            urls[name].add(url)
    for conv, tos in state.tos.items():
        for to in tos:
            if len(theirs := urls.get(to, set())) == 1:
                state.threads[conv].people |= theirs


def _finish(container: Container, state: _Read, sink: Sink) -> None:
    threads = state.threads
    if not state.with_recipients:
        _named_recipients(state)
    owner = owner_of(threads.values(), sink.message_owners.get(LI, ""))
    mine = state.names.get(owner, set())
    for conv, t in threads.items():
        if owner:  # the user is in every conversation, also where they never wrote
            t.people.add(owner)
        others = len(t.people - {owner}) if owner else len(t.people) - 1
        # Before mid-2023: a TO that is none of the conversation's senders joins several names.
        named_apart = not state.with_recipients and not state.tos.get(conv, set()) <= state.froms[conv] | mine
        t.group = others > 1 or named_apart
    sink.message_files(LI, summary(threads.values()))
    if not owner:
        if threads:
            sink.warn(
                container,
                LI,
                "messages.csv does not tell which profile is you (too few conversations): "
                "its counts were not given to anyone",
            )
        return
    sink.message_owners.setdefault(LI, owner)
    for t in threads.values():
        for who, talk in talks(t, owner):
            sink.talk(LI, who, talk)
