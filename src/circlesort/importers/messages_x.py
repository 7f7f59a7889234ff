"""X direct messages, counted: direct-messages.js and direct-messages-group.js (older names
direct-message*.js, split into parts), or their -headers files (the same ids and dates, no text)
where the full files are absent.

A conversation is reduced to its two account ids (one-to-one: "111-222") or its senders (group),
messages per sender, deduplicated by message id, and its first and last day. X accounts are keyed
by account id; the user is the one in every conversation, or account.js's.
"""

from __future__ import annotations

from collections import defaultdict

from circlesort.importers.archive import Container, Entry, SkipFile
from circlesort.importers.messages_meta import SHAPE_ERRORS
from circlesort.importers.sink import Sink
from circlesort.importers.tally import Thread, day_text, owner_of, summary, talks
from circlesort.importers.text import unreadable
from circlesort.importers.x import parse_js
from circlesort.model import Network

X = Network.X
ONE, GROUP = "x", "x-group"  # kinds of file; "-headers" appended for the files without text
KINDS = (ONE, ONE + "-headers", GROUP, GROUP + "-headers")


def read(container: Container, found: dict[str, list[Entry]], sink: Sink) -> None:
    threads: dict[str, Thread] = {}
    for kind in (ONE, GROUP):
        # The full files where present; their headers otherwise, never both (one message twice).
        for entry in found.get(kind) or found.get(kind + "-headers", []):
            try:
                part = _tally(parse_js(entry), kind == GROUP)
            except SkipFile as e:
                sink.skip(container, X, entry, str(e))
                continue
            except SHAPE_ERRORS as e:
                sink.skip(container, X, entry, unreadable(e))
                continue
            for cid, t in part.items():
                if cid in threads:
                    threads[cid].add(t)
                else:
                    threads[cid] = t
            sink.add_messages(container, X, entry)
    if threads:
        _finish(container, threads, sink)


def _id(value: object) -> str:
    """An account id: ASCII digits of a 64-bit size, as a plain string; else ""."""
    if not isinstance(value, str):
        return ""
    text = str.strip(value)
    return text if text.isascii() and text.isdigit() and len(text) <= 20 else ""


def _tally(doc: object, group_file: bool) -> dict[str, Thread]:
    """The conversations of one file, counted. A conversation may come in several entries."""
    if not isinstance(doc, list):
        raise SkipFile("not a list of conversations")
    parts: dict[str, list[list]] = defaultdict(list)
    for item in doc:
        conv = item.get("dmConversation") if isinstance(item, dict) else None
        if not isinstance(conv, dict):
            continue
        cid, messages = conv.get("conversationId"), conv.get("messages")
        if isinstance(cid, str) and cid and isinstance(messages, list):
            parts[str(cid)].append(messages)
    return {cid: _conversation(cid, lists, group_file or "-" not in cid) for cid, lists in parts.items()}


def _conversation(cid: str, lists: list[list], group: bool) -> Thread:
    thread = Thread(group=group)
    a, _, b = cid.partition("-")
    pair = {_id(a), _id(b)} - {""} if not group else set()
    seen: set[str] = set()
    by: dict[str, int] = {}
    low = high = ""
    for messages in lists:
        for m in messages:
            create = m.get("messageCreate") if m.__class__ is dict else None
            if create.__class__ is not dict:
                continue  # joins, leaves, renames, reactions: no message
            mid = create.get("id")
            if isinstance(mid, str):
                if mid in seen:
                    continue
                seen.add(mid)
            thread.messages += 1
            sender = create.get("senderId")
            if isinstance(sender, str):
                by[sender] = by.get(sender, 0) + 1
            when = create.get("createdAt")
            if isinstance(when, str) and (day := day_text(when)):
                low = day if not low or day < low else low
                high = day if day > high else high
            if not group and len(pair) < 2 and (to := _id(create.get("recipientId"))):
                pair |= {to, _id(sender)} - {""}
    for raw, n in by.items():
        if who := _id(raw):
            thread.count(who, n)
    thread.people = pair if not group else set(thread.sent_by)
    thread.dated(low or None, high or None)
    return thread


def _finish(container: Container, threads: dict[str, Thread], sink: Sink) -> None:
    known = sink.owners.get(X, "") or sink.message_owners.get(X, "")
    owner = owner_of((t for t in threads.values() if not t.group), known)
    sink.message_files(X, summary(threads.values()))
    if owner:
        sink.message_owners.setdefault(X, owner)
    elif any(not t.group for t in threads.values()):
        sink.warn(
            container,
            X,
            "the direct messages do not tell which account is you (too few conversations, "
            "no account.js): their one-to-one counts were not given to anyone",
        )
    for t in threads.values():  # group senders need no owner: the user is no account of theirs
        for who, talk in talks(t, owner):
            sink.talk(X, who, talk)
