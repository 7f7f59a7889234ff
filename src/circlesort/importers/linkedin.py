"""LinkedIn: Connections.csv (any generation), Invitations.csv and Member_Follows*.csv."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from itertools import chain, islice
from typing import cast
from urllib.parse import quote, urlsplit

from circlesort.importers.archive import Container, Entry, SkipFile
from circlesort.importers.csvfile import cell, columns, head_rows, lower_cells, read_rows
from circlesort.importers.dates import linkedin_date
from circlesort.importers.sink import Sink
from circlesort.importers.text import clean, clean_multiline, counted
from circlesort.model import Account, Network, Relation, Tie

LI = Network.LINKEDIN


_PLAIN_URL = re.compile(r"https?://(?:www\.)?linkedin\.com/in/([A-Za-z0-9_%-]+)/?")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def profile_url(url: str) -> str:
    """The key form of a profile URL: https, lower case, no query, no trailing slash, non-ASCII
    percent-encoded (Connections.csv writes "sof%C3%ADa", Invitations.csv "sofía": one key).
    A URL naming no profile (some Invitations.csv write "https://www.linkedin.com/in") is none."""
    url = clean(url)
    if not url:
        return ""
    plain = _PLAIN_URL.fullmatch(url)
    if plain:  # the usual form, without the cost of urlsplit
        return "https://www.linkedin.com/in/" + plain.group(1).lower()
    if "://" not in url:
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    host = parts.netloc.lower()
    path = _NOT_ASCII.sub(lambda m: quote(m[0]), parts.path).rstrip("/").lower()
    if host.endswith("linkedin.com"):
        host = "www.linkedin.com"
        if path in ("", "/in", "/pub"):
            return ""
    return f"https://{host}{path}"


def kind(entry: Entry) -> str | None:
    """Which LinkedIn file this is, by name or, for renamed files, by its header."""
    low = entry.name.lower()
    if not low.endswith(".csv"):
        return None
    if low == "connections.csv":
        return "connections"
    if low == "invitations.csv":
        return "invitations"
    if low.startswith("member_follows"):
        return "follows"
    for row in head_rows(entry):
        cells = set(lower_cells(row))
        if {"first name", "connected on"} <= cells:
            return "connections"
        if {"from", "to", "sent at", "direction"} <= cells:
            return "invitations"
        if {"date", "status", "fullname"} <= cells:
            return "follows"
    return None


_HEADER_WITHIN = 50  # rows; a Notes preamble takes a few

# The columns each file is recognised by, as LinkedIn writes them: in English whatever the
# member's language (real exports from Argentina, Denmark, India, Italy and Spain alike).
_CONNECTIONS = ("First Name", "Last Name", "Connected On")
_INVITATIONS = ("From", "To", "Direction")
_FOLLOWS = ("FullName",)
Rows = Iterator[list[str]]


def _table(rows: Rows, *required: tuple[str, ...]) -> tuple[dict[str, int], Rows]:
    """The columns of the first row naming one of the ``required`` sets (tried in turn), and the
    rows after it. Only the first rows are held to find the header; the rest stream on."""
    head = list(islice(rows, _HEADER_WITHIN))
    for names in required:
        wanted = {n.lower() for n in names}
        for i, row in enumerate(head):
            if wanted <= set(lower_cells(row)):
                return columns(row), chain(head[i + 1 :], rows)
    raise SkipFile(
        f"no header row with LinkedIn's columns {', '.join(required[0])} (LinkedIn writes "
        "them in English in every language; a translated header is not read)"
    )


def _connections(rows: Rows, container: Container, sink: Sink) -> list[Account]:
    # Notes preamble, Excel re-saves: the header is the first row naming these columns.
    cols, rows = _table(rows, _CONNECTIONS, ("First Name", "Last Name", "Company"))
    out, unnamed = [], 0
    # Connections share first names, companies, positions and days: one string and one tie for
    # each keeps the accounts of a large file a fraction of their size.
    one = cast(dict[str, str], {}).setdefault
    ties: dict[str | None, tuple[Tie, ...]] = {}
    for row in rows:
        first = clean(cell(row, cols, "first name"))
        last = clean(cell(row, cols, "last name"))
        url = profile_url(cell(row, cols, "url"))
        # 2018 exports put the member's id ("urn:li:member:…") where no e-mail address is shared.
        email = clean(cell(row, cols, "email address")).lower()
        member, email = (email, "") if email.startswith("urn:li:") else ("", email)
        if not (first or last or url):
            if any(c.strip() for c in row):
                unnamed += 1
            continue  # phantom empty rows are common
        name = f"{first} {last}".strip()
        when = linkedin_date(cell(row, cols, "connected on"))
        if (tie := ties.get(when)) is None:
            tie = ties[when] = (Tie(Relation.CONNECTION, when),)
        company = clean(cell(row, cols, "company"))
        position = clean(cell(row, cols, "position"))
        out.append(
            Account(
                LI,
                url or email or member or name,
                name=name,
                url=url or None,
                first_name=one(first, first),
                last_name=one(last, last),
                emails=(email,) if email else (),
                company=one(company, company),
                position=one(position, position),
                ties=tie,
            )
        )
    if "url" not in cols:  # once the whole file was read: a file skipped midway says only that
        sink.warn(
            container,
            LI,
            "Connections.csv has no profile URLs (an older export); "
            "a newer export gives better matches and direct links",
        )
    if unnamed:
        skipped = counted(unnamed, "connection", "connections")
        sink.warn(container, LI, f"{skipped} without a name or URL skipped")
    return out


def _invitations(rows: Rows) -> list[Account]:
    """Every invitation LinkedIn kept, accepted ones too: an accepted one is told apart by the
    connection it became (see ``_joined``)."""
    cols, rows = _table(rows, _INVITATIONS)
    out = []
    for row in rows:
        direction = cell(row, cols, "direction").upper()
        if direction not in ("INCOMING", "OUTGOING"):
            continue
        incoming = direction == "INCOMING"
        name = clean(cell(row, cols, "from" if incoming else "to"))
        url = profile_url(cell(row, cols, "inviterprofileurl" if incoming else "inviteeprofileurl"))
        if not (name or url):
            continue
        when = linkedin_date(cell(row, cols, "sent at"))
        tie = Tie(
            Relation.REQUEST_RECEIVED if incoming else Relation.REQUEST_SENT,
            when,
            clean_multiline(cell(row, cols, "message")) or None,
        )
        out.append(Account(LI, url or name, name=name, url=url or None, ties=(tie,)))
    return out


def _follows(rows: Rows) -> list[Account]:
    cols, rows = _table(rows, _FOLLOWS)
    out = []
    for row in rows:
        name = clean(cell(row, cols, "fullname"))
        status = cell(row, cols, "status").lower()
        if name and status in ("", "active"):
            when = linkedin_date(cell(row, cols, "date"))
            out.append(Account(LI, name, name=name, ties=(Tie(Relation.FOLLOWING, when),)))
    return out


def _joined(invitations: list[Account], connections: list[Account]) -> list[Account]:
    """Invitations keyed as the connection of the same name, where they give no profile URL.

    Older exports key connections by e-mail and invitations by name (2023 ones give invitations
    a member id that nothing else has), so one person would be two accounts, and an invitation
    accepted long ago would look unanswered. Names compare as matching compares them."""
    if not connections or all(a.url for a in invitations):
        return invitations
    from circlesort.matching.normalize import parse  # only for exports that need it

    named: dict[str, list[Account]] = defaultdict(list)
    for c in connections:
        if full := parse(c.name).full:
            named[full].append(c)
    out = []
    for a in invitations:
        if a.url is None and (same := named.get(parse(a.name).full)):
            c = _accepted_as(a, same)
            a = replace(a, key=c.key, url=c.url)
        out.append(a)
    return out


def _accepted_as(invitation: Account, namesakes: list[Account]) -> Account:
    """Of connections sharing a name, the first made on or after the invitation was sent."""
    sent = (invitation.ties[0].since or "")[:10]
    later = [
        (since, i)
        for i, c in enumerate(namesakes)
        if sent and (since := (c.since(Relation.CONNECTION) or "")[:10]) >= sent
    ]
    return namesakes[min(later)[1]] if later else namesakes[0]


def read(container: Container, entries: list[tuple[Entry, str]], sink: Sink) -> None:
    read_files: list[tuple[Entry, str, list[Account]]] = []
    for entry, what in entries:
        try:
            rows = read_rows(entry)
            if what == "connections":
                accounts = _connections(rows, container, sink)
            elif what == "invitations":
                accounts = _invitations(rows)
            else:
                accounts = _follows(rows)
        except SkipFile as e:
            sink.skip(container, LI, entry, str(e))
            continue
        read_files.append((entry, what, accounts))
    # Within one export, whichever order its files come in.
    connections = [a for _, what, accounts in read_files if what == "connections" for a in accounts]
    for entry, what, accounts in read_files:
        sink.add(container, LI, entry, _joined(accounts, connections) if what == "invitations" else accounts)
