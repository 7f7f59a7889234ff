"""LinkedIn: Connections.csv (any generation), Invitations.csv and Member_Follows*.csv."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain, islice
from urllib.parse import urlsplit

from circlesort.importers.archive import Container, Entry, SkipFile
from circlesort.importers.csvfile import cell, columns, head_rows, lower_cells, read_rows
from circlesort.importers.dates import linkedin_date, linkedin_datetime
from circlesort.importers.sink import Sink
from circlesort.importers.text import clean, clean_multiline, counted
from circlesort.model import Account, Tie

LI = "linkedin"


_PLAIN_URL = re.compile(r"https?://(?:www\.)?linkedin\.com/in/([A-Za-z0-9_%-]+)/?")


def profile_url(url: str) -> str:
    """The key form of a profile URL: https, lower case, no query, no trailing slash."""
    url = clean(url)
    if not url:
        return ""
    plain = _PLAIN_URL.fullmatch(url)
    if plain:  # the usual form, without the cost of urlsplit
        return "https://www.linkedin.com/in/" + plain.group(1).lower()
    if "://" not in url:
        url = "https://" + url
    try:
        parts = urlsplit(url.lower())
    except ValueError:
        return ""
    host = parts.netloc
    if host.endswith("linkedin.com"):
        host = "www.linkedin.com"
    return f"https://{host}{parts.path.rstrip('/')}"


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


def _table(rows: Iterator[list[str]], *required: set[str]) -> tuple[dict[str, int], Iterator[list[str]]]:
    """The columns of the first row naming one of the ``required`` sets (tried in turn), and the
    rows after it. Only the first rows are held to find the header; the rest stream on."""
    head = list(islice(rows, _HEADER_WITHIN))
    for names in required:
        for i, row in enumerate(head):
            if names <= set(lower_cells(row)):
                return columns(row), chain(head[i + 1 :], rows)
    raise SkipFile(f"no header row with {', '.join(sorted(required[-1]))}")


def _connections(rows: Iterator[list[str]], container: Container, sink: Sink) -> list[Account]:
    # Notes preamble, Excel re-saves: the header is the first row naming these columns.
    cols, rows = _table(rows, {"first name", "last name", "connected on"},
                        {"first name", "last name", "company"})
    out, unnamed = [], 0
    # Connections share first names, companies, positions and days: one string and one tie for
    # each keeps the accounts of a large file a fraction of their size.
    one = {}.setdefault
    ties: dict[str | None, tuple[Tie, ...]] = {}
    for row in rows:
        first = clean(cell(row, cols, "first name"))
        last = clean(cell(row, cols, "last name"))
        url = profile_url(cell(row, cols, "url"))
        email = clean(cell(row, cols, "email address")).lower()
        if not (first or last or url):
            if any(c.strip() for c in row):
                unnamed += 1
            continue  # phantom empty rows are common
        name = f"{first} {last}".strip()
        when = linkedin_date(cell(row, cols, "connected on"))
        if (tie := ties.get(when)) is None:
            tie = ties[when] = (Tie("connection", when),)
        company = clean(cell(row, cols, "company"))
        position = clean(cell(row, cols, "position"))
        out.append(Account(
            LI, url or email or name, name=name, url=url or None, first_name=one(first, first),
            last_name=one(last, last), emails=(email,) if email else (),
            company=one(company, company), position=one(position, position), ties=tie,
        ))
    if "url" not in cols:  # once the whole file was read: a file skipped midway says only that
        sink.warn(container, LI, "Connections.csv has no profile URLs (an older export); "
                  "a newer export gives better matches and direct links")
    if unnamed:
        skipped = counted(unnamed, "connection", "connections")
        sink.warn(container, LI, f"{skipped} without a name or URL skipped")
    return out


def _invitations(rows: Iterator[list[str]]) -> list[Account]:
    cols, rows = _table(rows, {"from", "to", "direction"})
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
        tie = Tie("request_received" if incoming else "request_sent",
                  linkedin_datetime(cell(row, cols, "sent at")),
                  clean_multiline(cell(row, cols, "message")) or None)
        out.append(Account(LI, url or name, name=name, url=url or None, ties=(tie,)))
    return out


def _follows(rows: Iterator[list[str]]) -> list[Account]:
    cols, rows = _table(rows, {"fullname"})
    out = []
    for row in rows:
        name = clean(cell(row, cols, "fullname"))
        status = cell(row, cols, "status").lower()
        if name and status in ("", "active"):
            when = linkedin_datetime(cell(row, cols, "date"))
            out.append(Account(LI, name, name=name, ties=(Tie("following", when),)))
    return out


def read(container: Container, entries: list[tuple[Entry, str]], sink: Sink) -> None:
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
        sink.add(container, LI, entry, accounts)
