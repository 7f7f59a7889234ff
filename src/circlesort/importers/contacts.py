"""Phone and Google contacts: Google CSV (both header generations), Outlook CSV, vCard 2.1-4.0."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence

from circlesort.importers import vcard
from circlesort.importers.archive import Container, Entry, SkipFile
from circlesort.importers.csvfile import cell, columns, decode, head_rows, lower_cells, read_rows
from circlesort.importers.sink import Sink
from circlesort.importers.text import clean, counted
from circlesort.model import Account, Network, Relation, Tie

CONTACTS = Network.CONTACTS
_GOOGLE_MARKERS = {
    "e-mail 1 - value",
    "phone 1 - value",
    "group membership",
    "labels",
    "given name",
    "e-mail address",
    "e-mail 1 - type",
}
_DEFAULT_GROUPS = {"mycontacts", "my contacts", "starred"}
_DIGITS = 30  # more than any number and its extension: a hostile "phone" makes no huge key


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


def contact_key(name: str, emails: Sequence[str], phones: Sequence[str]) -> str:
    """A contact's key: its first e-mail; without one, its name and first phone number, so that
    two people of one name ("Anuj" and "Anuj") stay two; the name alone when it has neither.

    Each card is keyed by what it holds itself, never by which other cards share its name, so a
    namesake added later changes no key. The number is its digits (and a leading +), as the
    same number is spaced and dashed differently by Google and by the phone.
    """
    if emails:
        return emails[0]
    number = next((d for d in map(_dialled, phones) if d.strip("+")), "")
    return f"{name} ({number})" if name and number else name


def _dialled(phone: str) -> str:
    digits = "".join(str(unicodedata.decimal(c)) for c in phone if c.isdecimal())
    return ("+" if phone.lstrip().startswith("+") else "") + digits[:_DIGITS]


def _contact(
    name: str,
    first: str,
    last: str,
    emails: list[str],
    phones: list[str],
    company: str,
    position: str,
    labels: tuple[str, ...],
    url: str = "",
    phone_labels: tuple[tuple[str, str], ...] = (),
) -> Account | None:
    emails = list(dict.fromkeys(e.lower() for e in emails if "@" in e))
    phones = list(dict.fromkeys(p for p in phones if p))
    name = name or f"{first} {last}".strip()
    key = contact_key(name, emails, phones)
    if not key:
        return None
    return Account(
        CONTACTS,
        key,
        name=name or company,
        first_name=first,
        last_name=last,
        emails=tuple(emails),
        phones=tuple(phones),
        company=company,
        position=position,
        labels=labels,
        url=url or None,
        ties=(Tie(Relation.CONTACT),),
        phone_labels=phone_labels,
    )


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
            full or clean(cell(row, cols, "file as", "nickname")),
            first,
            last,
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


def _vcard_accounts(text: str) -> tuple[list[Account], int, int]:
    out, skipped = [], 0
    found, failed, lines = vcard.cards(text)
    for card in found:
        a = _contact(
            card.name,
            card.first,
            card.last,
            card.emails,
            card.phones,
            card.company,
            card.position,
            _labels(card.labels),
            card.url,
            card.phone_labels,
        )
        if a:
            out.append(a)
        else:
            skipped += 1
    return out, skipped + failed, lines


def read(container: Container, entries: list[tuple[Entry, str]], sink: Sink) -> None:
    for entry, what in entries:
        lines = 0
        try:
            if what == "vcard":
                accounts, skipped, lines = _vcard_accounts(decode(entry.read()))
            else:
                accounts, skipped = _csv_accounts(read_rows(entry))
        except SkipFile as e:
            sink.skip(container, CONTACTS, entry, str(e))
            continue
        sink.add(container, CONTACTS, entry, accounts)
        if skipped:
            sink.warn(
                container,
                CONTACTS,
                f"{counted(skipped, 'contact', 'contacts')} in {entry.name} without a name or e-mail skipped",
            )
        if lines:
            sink.warn(
                container,
                CONTACTS,
                f"skipped {counted(lines, 'line', 'lines')} of {entry.name} that could not be read",
            )
        _warn_namesakes(container, entry, accounts, sink)


def _warn_namesakes(container: Container, entry: Entry, accounts: list[Account], sink: Sink) -> None:
    """Contacts with neither e-mail nor phone are known by name alone: namesakes become one."""
    counts = Counter(a.key for a in accounts if not a.emails and not a.phones)
    twice = sorted(n for n, c in counts.items() if c > 1)
    if twice:
        example = ", ".join(f"'{n}'" for n in twice[:3])
        sink.warn(
            container,
            CONTACTS,
            f"{counted(len(twice), 'name appears', 'names appear')} more than once in {entry.name} "
            f"({example}) with neither e-mail nor phone to tell them apart: each is shown once",
        )
