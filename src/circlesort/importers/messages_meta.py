"""Messenger and Instagram message files, counted: the standard download's message_N.json (every
generation and folder), and Messenger's end-to-end encrypted "secure storage" download.

Only the thread files are opened, one at a time; each is parsed once, reduced to a Thread (who
is in it, how many messages each wrote, its first and last day) and dropped. Photos, videos and
audio beside them are never opened. Names are repaired of Meta's mojibake and cleaned; no message
text is looked at.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from circlesort.importers.archive import Container, Entry, SkipFile
from circlesort.importers.meta_json import load_json
from circlesort.importers.sink import Sink
from circlesort.importers.tally import FIRST_MS, LAST_MS, Thread, days_ms, owner_of, summary, talks
from circlesort.importers.text import clean, fix_meta, unreadable
from circlesort.model import Network

FB, IG = Network.FACEBOOK, Network.INSTAGRAM
# Names that stand for no one: deleted accounts, and participants Meta left unnamed.
_NOBODY = {"", "facebook user", "instagram user"}
_ID_TAIL = re.compile(r"_\d+\Z")
_NOT_THREAD = "not a message thread (no participants and messages lists)"
_NO_OWNER = (
    "the message threads do not tell which participant is you (too few threads): "
    "their counts were not given to anyone"
)
# Folders that show a thread is Instagram's or Facebook's, above its messages folder.
_INSTAGRAM_EXPORT = {"your_instagram_activity", "followers_and_following"}
_FACEBOOK_EXPORT = {"your_facebook_activity", "your_activity_across_facebook"}
# What the reasons a thread file of an unforeseen shape is skipped may be.
SHAPE_ERRORS = (RecursionError, ValueError, TypeError, AttributeError, KeyError, IndexError, OverflowError)


@dataclass(frozen=True)
class _Shape:
    participant: str  # the key of a participant's name, or "" where participants are bare names
    sender: str
    stamp: str  # milliseconds


STANDARD = _Shape("name", "sender_name", "timestamp_ms")
SECURE = _Shape("", "senderName", "timestamp")


@dataclass
class _Read:
    """What one container's thread files held so far: a Thread per thread, never a message."""

    instagram_export: bool
    threads: dict[tuple[Network, str], Thread] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # raw name -> repaired and cleaned
    standard_last: str | None = None  # the newest day of Facebook's standard download
    secure: bool = False  # a secure-storage file was read

    def name(self, raw: object) -> str:
        if not isinstance(raw, str):
            return ""
        done = self.names.get(raw)
        if done is None:
            done = clean(fix_meta(raw))
            done = "" if done.casefold() in _NOBODY else done
            self.names[raw] = done
        return done


def read(container: Container, standard: list[Entry], secure: list[Entry], sink: Sink) -> None:
    state = _Read(instagram_export(container))
    for entry in standard:
        _read_file(container, entry, STANDARD, state, sink)
    for entry in secure:
        _read_file(container, entry, SECURE, state, sink)
    for network in (FB, IG):
        _finish(container, network, state, sink)


def instagram_export(container: Container) -> bool:
    """Whether the container holds an Instagram export's folders."""
    marks = tuple(f"{folder}/" for folder in _INSTAGRAM_EXPORT)
    return any(mark in e.inner.lower() for e in container.entries for mark in marks)


def network_of(entry: Entry, instagram_export: bool) -> Network:
    """Facebook's or Instagram's thread, by the folders above its messages folder, the names of
    the export's folders or zip, or (for the pre-2024 layouts both share) the rest of the export."""
    parts = entry.parts
    above = parts[: parts.index("messages")] if "messages" in parts else parts[:-2]
    if _INSTAGRAM_EXPORT & set(above):
        return IG
    if _FACEBOOK_EXPORT & set(above):
        return FB
    for text in (*reversed(above), entry.container.lower()):
        if "instagram" in text:
            return IG
        if "facebook" in text or "messenger" in text:
            return FB
    return IG if instagram_export else FB


def _read_file(container: Container, entry: Entry, shape: _Shape, state: _Read, sink: Sink) -> None:
    secure = shape is SECURE
    network = FB if secure else network_of(entry, state.instagram_export)
    try:
        part = _thread_of(load_json(entry.read()), shape, state)  # bytes: json finds their encoding
    except SkipFile as e:
        sink.skip(container, network, entry, str(e))
        return
    except SHAPE_ERRORS as e:
        sink.skip(container, network, entry, unreadable(e))
        return
    folder = PurePosixPath(entry.inner).parent
    where = entry.inner if secure or str(folder) == "." else str(folder)
    if network == IG:
        part.slug = _ID_TAIL.sub("", folder.name)
    thread = state.threads.get((network, where))
    if thread is None:
        state.threads[(network, where)] = part
    else:
        thread.add(part)
    if secure:
        state.secure = True
    elif network == FB and part.last and (state.standard_last is None or part.last > state.standard_last):
        state.standard_last = part.last
    sink.add_messages(container, network, entry)


def _thread_of(doc: object, shape: _Shape, state: _Read) -> Thread:
    """One thread file as counts; SkipFile when it is no thread."""
    if not isinstance(doc, dict):
        raise SkipFile(_NOT_THREAD)
    participants, messages = doc.get("participants"), doc.get("messages")
    if not isinstance(participants, list) or not isinstance(messages, list):
        raise SkipFile(_NOT_THREAD)
    thread = Thread()
    key = shape.participant
    for p in participants:
        if key:
            p = p.get(key) if isinstance(p, dict) else None
        if who := state.name(p):
            thread.people.add(who)
    thread.group = len(participants) > 2 or doc.get("thread_type") == "RegularGroup"
    by_raw, n, low, high = _count(messages, shape.sender, shape.stamp)
    for raw, k in by_raw.items():
        if who := state.name(raw):
            thread.count(who, k)
    thread.messages = n
    thread.first, thread.last = days_ms(low, high)
    if not thread.group:  # the standard download's title, the secure one's "Ana Kovac_40"
        title = doc.get("title") if key else doc.get("threadName")
        thread.named = state.name(title if key or not isinstance(title, str) else _ID_TAIL.sub("", title))
    return thread


def _count(messages: list, sender: str, stamp: str) -> tuple[dict[str, int], int, int, int]:
    """Messages per sender (names as written), how many, and the lowest and highest timestamps in
    range. The one loop over every message: kept to a dictionary update and two comparisons."""
    by: dict[str, int] = {}
    get = by.get
    n = 0
    low, high = LAST_MS + 1, FIRST_MS - 1
    for m in messages:
        if m.__class__ is not dict:
            continue
        n += 1
        s = m.get(sender)
        if s.__class__ is str:
            by[s] = get(s, 0) + 1
        ts = m.get(stamp)
        if ts.__class__ is int and FIRST_MS <= ts <= LAST_MS:  # out of range: no date, still a message
            if ts < low:
                low = ts
            if ts > high:
                high = ts
    return by, n, low, high


def _finish(container: Container, network: Network, state: _Read, sink: Sink) -> None:
    threads = [t for (n, _), t in state.threads.items() if n == network]
    if not threads:
        return
    for t in threads:  # senders who left are in no participants list: three people are a group
        if not t.group and len(t.people | t.sent_by.keys()) > 2:
            t.group = True
    owner = owner_of(threads, sink.message_owners.get(network, ""))
    files = summary(threads)
    if network == FB and state.standard_last:
        files = replace(files, until=state.standard_last[:7])
        sink.messages_standard.add(FB)
    if network == FB and state.secure:
        sink.messages_whole.add(FB)
    sink.message_files(network, files)
    if not owner:
        sink.warn(container, network, _NO_OWNER)
        return
    sink.message_owners.setdefault(network, owner)
    if network == FB:
        for t in threads:
            for who, talk in talks(t, owner):
                sink.talk(FB, who, talk)
    else:
        _instagram(threads, owner, sink)


def _instagram(threads: list[Thread], owner: str, sink: Sink) -> None:
    """Instagram threads name display names; the username is in a one-to-one thread's folder.
    Group messages go to the username of the same display name's one-to-one thread, if one."""
    slugs: dict[str, set[str]] = defaultdict(set)
    for t in threads:
        if not t.group and t.slug:
            for who, talk in talks(t, owner):
                sink.talk_slug(IG, t.slug, talk, name=who)
                slugs[who].add(t.slug)
    for t in threads:
        if t.group:
            for who, talk in talks(t, owner):
                if len(mine := slugs.get(who, set())) == 1:
                    sink.talk_slug(IG, next(iter(mine)), talk)
