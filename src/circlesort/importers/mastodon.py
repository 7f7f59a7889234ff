"""Mastodon CSV exports, recognised by their content: follows, lists, blocks, mutes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from circlesort.importers.archive import Container, Entry, SkipFile
from circlesort.importers.csvfile import head_rows, lower_cells, read_rows
from circlesort.importers.sink import Sink
from circlesort.importers.text import clean, counted
from circlesort.model import Account, Network, Relation, Tie

MASTODON = Network.MASTODON
ACCT = re.compile(r"^@?[A-Za-z0-9_.-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
HEADERED = {"show boosts": Relation.FOLLOWING, "hide notifications": Relation.MUTED}


def _accts(rows: list[list[str]], col: int) -> bool:
    data = [r for r in rows if any(c.strip() for c in r)]
    return bool(data) and all(len(r) > col and ACCT.match(r[col].strip()) for r in data)


def kind(entry: Entry) -> Relation | Literal["lists"] | None:
    """following, follower, muted, blocked or lists; None when it is no Mastodon file."""
    if not entry.name.lower().endswith((".csv", ".txt")):
        return None
    rows = head_rows(entry)
    if not rows:
        return None
    header = lower_cells(rows[0])
    name = entry.name.lower()
    if header and header[0] == "account address":
        if len(header) > 1 and header[1] in HEADERED:
            return HEADERED[header[1]]
        return Relation.FOLLOWER if "follower" in name else Relation.FOLLOWING
    widths = {len(r) for r in rows if any(c.strip() for c in r)}
    if widths == {1} and _accts(rows, 0):
        # Blocks are written without a header; the earliest follow exports looked the same.
        if "follow" in name:
            return Relation.FOLLOWING
        return Relation.MUTED if "mute" in name else Relation.BLOCKED
    if widths == {2} and _accts(rows, 1) and not _accts(rows, 0):
        return "lists"
    return None


def _account(acct: str, relation: Relation, label: str = "") -> Account | None:
    acct = clean(acct).lstrip("@").lower()
    if not ACCT.match(acct):
        return None
    user, domain = acct.split("@", 1)
    return Account(
        MASTODON,
        acct,
        handle=user,
        url=f"https://{domain}/@{user}",
        labels=(label,) if label else (),
        ties=(Tie(relation),),
    )


def read(container: Container, entries: list[tuple[Entry, str]], sink: Sink) -> None:
    for entry, what in entries:
        try:
            accounts, bad = _accounts(read_rows(entry), what)
        except SkipFile as e:
            sink.skip(container, MASTODON, entry, str(e))
            continue
        sink.add(container, MASTODON, entry, accounts)
        if bad:
            rows_text = counted(bad, "row", "rows")
            sink.warn(container, MASTODON, f"{rows_text} of {entry.name} not an account address, skipped")


def _accounts(rows: Iterator[list[str]], what: str) -> tuple[list[Account], int]:
    """The accounts of one file's rows, and how many rows held none. ``what``: as kind() says."""
    accounts, bad = [], 0
    relation = None if what == "lists" else Relation(what)
    for n, row in enumerate(rows):
        if n == 0 and lower_cells(row)[:1] == ["account address"]:
            continue  # the header
        if not any(c.strip() for c in row):
            continue
        if relation is None:
            # Only accounts one follows can be put on a list.
            a = _account(row[1], Relation.FOLLOWING, f"list: {clean(row[0])}") if len(row) > 1 else None
        else:
            a = _account(row[0], relation)
        if a:
            accounts.append(a)
        else:
            bad += 1
    return accounts, bad
