"""The words for the messages a person and the user exchanged: counts and dates, never content.

"240 messages, last 2026-08 · Messenger, Instagram" on the card and in the requests; under each
account what it alone counts. Where a network's message files were read and hold nothing with
the person, the card says so ("none exchanged"); where none were read it says nothing, for
nothing is known. A Messenger standard download stops where end-to-end encryption began: the figures
say the month they run to, so that a quiet Messenger is never taken for silence.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from circlesort.model import NETWORKS, Account, MessageFiles, Talk
from circlesort.rules.messages import MESSAGE_PLACES


def place(network: str) -> str:
    """Where messages with an account of ``network`` were written: Messenger for Facebook."""
    return MESSAGE_PLACES.get(network, network)


def messages_word(n: int) -> str:
    return f"{n:,} {'message' if n == 1 else 'messages'}"


def summary(
    accounts: Sequence[Account], read: Collection[str], files: Mapping[str, MessageFiles] | None = None
) -> str:
    """One line for a person: their one-to-one messages, the month of the last, where; "" when
    no message files were read for any of their networks. ``read``: the networks whose message
    files were read; ``files``: what each held (for the month a Messenger download stops at)."""
    mine = [a for a in accounts if a.network in read]
    if not mine:
        return ""
    talks = [(a.network, a.talk) for a in mine if a.talk is not None]
    total = sum(t.messages for _, t in talks)
    groups = sum(t.in_groups for _, t in talks)
    if total:
        last = max((t.last for _, t in talks if t.last), default="")
        where = [place(n) for n in NETWORKS if any(net == n and t.messages for net, t in talks)]
        line = f"{messages_word(total)}{f', last {last[:7]}' if last else ''} · {', '.join(where)}"
    else:
        line = "none exchanged" if not groups else "none one to one"
    if groups:
        line += f" · {messages_word(groups)} in groups with you"
    stops = [
        f"{place(n)} counted only until {f.until}"
        for n in NETWORKS
        if (f := (files or {}).get(n)) is not None and f.until and any(a.network == n for a in mine)
    ]
    return " · ".join([line, *stops])


def account_line(talk: Talk) -> str:
    """Under one account: "42 messages (20 sent, 22 received), 2024-01-05 to 2026-08-30"."""
    parts = []
    if talk.messages:
        both = f"{messages_word(talk.messages)} ({talk.sent:,} sent, {talk.received:,} received)"
        if talk.first and talk.last:
            both += f", {talk.first}" + (f" to {talk.last}" if talk.last != talk.first else "")
        parts.append(both)
    if talk.in_groups:
        parts.append(f"{messages_word(talk.in_groups)} in groups with you")
    return "; ".join(parts)


def talk_brief(messages: int, last: str) -> str:
    """The list's few cells: "18 msgs, 2026-10"; "no messages" where none."""
    if not messages:
        return "no messages"
    return f"{messages:,} {'msg' if messages == 1 else 'msgs'}, {last[:7]}" if last else f"{messages:,} msgs"
