"""LinkedIn: Connections.csv (any generation), Invitations.csv and Member_Follows*.csv."""

from __future__ import annotations

import re
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


def _header(rows: list[list[str]], required: set[str]) -> int:
    for i, row in enumerate(rows[:50]):
        if required <= set(lower_cells(row)):
            return i
    raise SkipFile(f"no header row with {', '.join(sorted(required))}")


def _connections(rows: list[list[str]], container: Container, sink: Sink) -> list[Account]:
    # Notes preamble, Excel re-saves: the header is the first row naming these columns.
    try:
        start = _header(rows, {"first name", "last name", "connected on"})
    except SkipFile:
        start = _header(rows, {"first name", "last name", "company"})
    cols = columns(rows[start])
    if "url" not in cols:
        sink.warn(container, LI, "Connections.csv has no profile URLs (an older export); "
                  "a newer export gives better matches and direct links")
    out, unnamed = [], 0
    for row in rows[start + 1 :]:
        first = clean(cell(row, cols, "first name"))
        last = clean(cell(row, cols, "last name"))
        url = profile_url(cell(row, cols, "url"))
        email = clean(cell(row, cols, "email address")).lower()
        if not (first or last or url):
            if any(c.strip() for c in row):
                unnamed += 1
            continue  # phantom empty rows are common
        name = f"{first} {last}".strip()
        out.append(Account(
            LI, url or email or name, name=name, url=url or None, first_name=first,
            last_name=last, emails=(email,) if email else (),
            company=clean(cell(row, cols, "company")),
            position=clean(cell(row, cols, "position")),
            ties=(Tie("connection", linkedin_date(cell(row, cols, "connected on"))),),
        ))
    if unnamed:
        skipped = counted(unnamed, "connection", "connections")
        sink.warn(container, LI, f"{skipped} without a name or URL skipped")
    return out


def _invitations(rows: list[list[str]]) -> list[Account]:
    start = _header(rows, {"from", "to", "direction"})
    cols = columns(rows[start])
    out = []
    for row in rows[start + 1 :]:
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


def _follows(rows: list[list[str]]) -> list[Account]:
    start = _header(rows, {"fullname"})
    cols = columns(rows[start])
    out = []
    for row in rows[start + 1 :]:
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
