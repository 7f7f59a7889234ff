"""Phone and Google contacts: Google CSV (both header generations), Outlook CSV, vCard 2.1-4.0."""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Iterator

import vobject

from circlesort.importers.archive import Container, Entry, SkipFile
from circlesort.importers.csvfile import cell, columns, decode, head_rows, lower_cells, read_rows
from circlesort.importers.sink import Sink
from circlesort.importers.text import clean, counted
from circlesort.model import Account, Tie

CONTACTS = "contacts"
# vobject writes each line it cannot parse, export text and all, to its own stderr handler;
# the reader counts the cards it skips instead.
logging.getLogger("vobject.base").disabled = True
# At the start of a line (old Macs end lines with a lone CR).
_MARK = re.compile(r"(?:^|(?<=\r))[ \t]*(BEGIN|END):VCARD", re.IGNORECASE | re.MULTILINE)
_GOOGLE_MARKERS = {"e-mail 1 - value", "phone 1 - value", "group membership", "labels",
                   "given name", "e-mail address", "e-mail 1 - type"}
_DEFAULT_GROUPS = {"mycontacts", "my contacts", "starred"}


def kind(entry: Entry) -> str | None:
    low = entry.name.lower()
    if low.endswith((".vcf", ".vcard")):
        return "vcard"
    try:
        head = entry.head(1024)
    except SkipFile:
        return None  # encrypted, damaged or refused: detect reports why
    if b"BEGIN:VCARD" in head.upper():
        return "vcard"
    if low.endswith(".csv"):
        rows = head_rows(entry, 1)
        if rows and _GOOGLE_MARKERS & set(lower_cells(rows[0])):
            return "csv"
    return None


def _split(value: str) -> list[str]:
    return [clean(v) for v in value.split(":::") if clean(v)]


def _labels(values: list[str]) -> tuple[str, ...]:
    out = []
    for v in values:
        for part in _split(v.replace(",", ":::")) if "," in v and ":::" not in v else _split(v):
            part = part.lstrip("* ").strip()
            if part.lower() not in _DEFAULT_GROUPS:
                out.append(part)
    return tuple(dict.fromkeys(o for o in out if o))


def _contact(name: str, first: str, last: str, emails: list[str], phones: list[str],
             company: str, position: str, labels: tuple[str, ...], url: str = "") -> Account | None:
    emails = list(dict.fromkeys(e.lower() for e in emails if "@" in e))
    phones = list(dict.fromkeys(p for p in phones if p))
    name = name or f"{first} {last}".strip()
    key = emails[0] if emails else name
    if not key:
        return None
    return Account(CONTACTS, key, name=name or company, first_name=first, last_name=last,
                   emails=tuple(emails), phones=tuple(phones), company=company,
                   position=position, labels=labels, url=url or None, ties=(Tie("contact"),))


def _matching(cols: dict[str, int], pattern: str) -> list[int]:
    """Where the repeated columns (E-mail 1, E-mail 2 ...) are, in the file's order."""
    return sorted(i for c, i in cols.items() if re.fullmatch(pattern, c))


def _repeated(row: list[str], at: list[int]) -> list[str]:
    """The values in those columns; only those the row has are looked at, so a header of a
    million e-mail columns costs each short row nothing."""
    return [v for i in at[: bisect_left(at, len(row))] for v in _split(row[i])]


def _csv_accounts(rows: Iterator[list[str]]) -> tuple[list[Account], int]:
    header = next(rows, None)
    if header is None:
        return [], 0
    cols = columns(header)
    email_cols = _matching(cols, r"e-mail( \d+)? (- value|address)")
    phone_cols = _matching(cols, r"phone \d+ - value|(mobile|home|business) phone")
    out, skipped = [], 0
    for row in rows:
        if not any(c.strip() for c in row):
            continue
        first = clean(cell(row, cols, "first name", "given name"))
        middle = clean(cell(row, cols, "middle name", "additional name"))
        last = clean(cell(row, cols, "last name", "family name"))
        full = clean(cell(row, cols, "name")) or " ".join(p for p in (first, middle, last) if p)
        a = _contact(
            full or clean(cell(row, cols, "file as", "nickname")), first, last,
            _repeated(row, email_cols),
            _repeated(row, phone_cols),
            clean(cell(row, cols, "organization name", "organization 1 - name", "company")),
            clean(cell(row, cols, "organization title", "organization 1 - title", "job title")),
            _labels([cell(row, cols, "labels", "group membership", "categories")]),
        )
        if a:
            out.append(a)
        else:
            skipped += 1
    return out, skipped


def _values(card, name: str) -> list:
    return [c.value for c in card.contents.get(name, [])]


def _text(value) -> str:
    if isinstance(value, list):
        return clean(" ".join(str(v) for v in value))
    return clean(value)


def _card_account(card) -> Account | None:
    n = card.contents.get("n", [None])[0]
    first = clean(n.value.given) if n is not None and hasattr(n.value, "given") else ""
    last = clean(n.value.family) if n is not None and hasattr(n.value, "family") else ""
    fn = _text((_values(card, "fn") or [""])[0])
    org = (_values(card, "org") or [""])[0]
    company = _text(org[0] if isinstance(org, list) and org else org)
    phones = [clean(str(t)).removeprefix("tel:") for t in _values(card, "tel")]
    categories = [",".join(c) if isinstance(c, list) else str(c) for c in _values(card, "categories")]
    urls = [clean(str(u)) for u in _values(card, "url")]
    return _contact(fn, first, last, [clean(str(e)) for e in _values(card, "email")], phones,
                    company, _text((_values(card, "title") or [""])[0]), _labels(categories),
                    urls[0] if urls else "")


def _cards(text: str) -> Iterator[str]:
    """Each BEGIN:VCARD ... END:VCARD block, in one pass over the text.

    A card whose END:VCARD is missing (the next card begins, or the file was cut off) ends where
    the next begins and is given its END, so a damaged file costs no more than a whole one.
    """
    start = -1
    for mark in _MARK.finditer(text):
        if mark[1].upper() == "BEGIN":
            if start >= 0:
                yield _ended(text[start : mark.start()])
            start = mark.start()
        elif start >= 0:
            yield text[start : mark.end()]
            start = -1
    if start >= 0:
        yield _ended(text[start:])


def _ended(block: str) -> str:
    return block.rstrip() + "\r\nEND:VCARD\r\n"


def _vcard_accounts(text: str) -> tuple[list[Account], int]:
    out, skipped = [], 0
    for block in _cards(text):
        try:
            card = vobject.readOne(block, ignoreUnreadable=True)
            a = _card_account(card)
        except Exception:  # vobject raises many kinds on malformed cards; skip the card
            a = None
        if a:
            out.append(a)
        else:
            skipped += 1
    return out, skipped


def read(container: Container, entries: list[tuple[Entry, str]], sink: Sink) -> None:
    for entry, what in entries:
        try:
            if what == "vcard":
                accounts, skipped = _vcard_accounts(decode(entry.read()))
            else:
                accounts, skipped = _csv_accounts(read_rows(entry))
        except SkipFile as e:
            sink.skip(container, CONTACTS, entry, str(e))
            continue
        sink.add(container, CONTACTS, entry, accounts)
        if skipped:
            sink.warn(container, CONTACTS,
                      f"{counted(skipped, 'contact', 'contacts')} in {entry.name} "
                      "without a name or e-mail skipped")
