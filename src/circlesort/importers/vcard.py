"""vCard files, 2.1 to 4.0, as phones and Google write them, read card by card with vobject.

Android and Samsung write vCard 2.1 with quoted-printable values: every byte of a non-ASCII name
as ``=XX``, and past about 70 characters a soft line break, a line ending in ``=`` whose value
goes on at the start of the next line, unindented (sometimes in the middle of a character's
bytes, and on Sony phones before a blank line). vobject takes the next line for a property of
its own, so the name would be cut; the breaks are joined here before it reads the card. Samsung
also names custom phone labels ``TEL;X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,<label>)``,
a parameter vobject cannot read (it drops the whole line, number and all): the label is decoded
here and handed on as a parameter vobject reads.
"""

from __future__ import annotations

import codecs
import logging
import quopri
import re
import threading
from collections.abc import Iterator
from typing import Any, NamedTuple

import vobject

from circlesort.importers.text import clean

# At the start of a line (old Macs end lines with a lone CR).
_MARK = re.compile(r"(?:^|(?<=\r))[ \t]*(BEGIN|END):VCARD", re.IGNORECASE | re.MULTILINE)
_CARD_LINE = re.compile(r"[ \t]*(BEGIN|END):VCARD", re.IGNORECASE)
_BREAK = re.compile(r"\r\n|\r|\n")  # never str.splitlines: U+2028 inside a name is no line break
_ANDROID = re.compile(r"QUOTED-PRINTABLE|X-CUSTOM\(", re.IGNORECASE)
_QP = re.compile(r"QUOTED-PRINTABLE", re.IGNORECASE)
_CUSTOM_OPEN = re.compile(r";X-CUSTOM\(", re.IGNORECASE)
LABEL = "X-CIRCLESORT-LABEL"  # where a decoded X-CUSTOM label travels through vobject
NULL = "null"  # Samsung's empty company: Java's null written out


class Card(NamedTuple):
    """What a card says of a contact, in the words contacts.contact() takes."""

    name: str
    first: str
    last: str
    emails: list[str]
    phones: list[str]
    company: str
    position: str
    labels: list[str]  # the CATEGORIES values, as written
    url: str
    phone_labels: tuple[tuple[str, str], ...]


class _Skipped(logging.Handler):
    """Counts the lines vobject could not read, per reading thread, and prints nothing: its own
    handler would write each line, the export's text and all, to the user's terminal."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.seen = threading.local()

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.count = self.count() + 1

    def count(self) -> int:
        return getattr(self.seen, "count", 0)

    def reset(self) -> None:
        self.seen.count = 0


SKIPPED = _Skipped()
_LIBRARY = logging.getLogger("vobject.base")
_LIBRARY.handlers = [SKIPPED]
_LIBRARY.propagate = False
_LIBRARY.disabled = False
_LIBRARY.setLevel(logging.ERROR)


def cards(text: str) -> tuple[list[Card], int, int]:
    """The file's cards, how many could not be read at all, and how many lines vobject skipped."""
    out, failed = [], 0
    SKIPPED.reset()
    for block in _blocks(text):
        try:
            out.append(_card(vobject.readOne(android(block), ignoreUnreadable=True)))
        except Exception:  # vobject raises many kinds on malformed cards; skip the card
            failed += 1
    return out, failed, SKIPPED.count()


def _blocks(text: str) -> Iterator[str]:
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


def android(block: str) -> str:
    """The card with quoted-printable soft line breaks joined and X-CUSTOM labels decoded."""
    if not _ANDROID.search(block):
        return block  # Google's and Apple's cards: nothing to do
    lines = _BREAK.split(block)
    out = []
    i = 0
    while i < len(lines):
        parts = [lines[i]]  # joined once at the end: a hostile run of breaks costs linear time
        i += 1
        soft = _soft(parts[0])
        label = _open_label(parts[0])
        while soft and parts[-1].endswith("=") and i < len(lines):
            after = lines[i]
            parts[-1] = parts[-1][:-1]
            if not after.strip() or _CARD_LINE.match(after):
                # A break before a blank line ends the value (Sony phones); one before the end
                # of the card, in a file cut off inside a value, leaves the card its END.
                break
            parts.append(after)
            i += 1
            if label and ")" in after:  # the label is whole: is the value quoted-printable too?
                label = False
                soft = _soft("".join(parts))
        line = "".join(parts)
        out.append(_custom(line) if _CUSTOM_OPEN.search(line) else line)
    return "\r\n".join(out)


def _open_label(line: str) -> bool:
    opened = _CUSTOM_OPEN.search(line)
    return opened is not None and line.find(")", opened.end()) < 0


def _soft(line: str) -> bool:
    """Whether the ``=`` ending this line is a soft break: the property is quoted-printable, or
    its X-CUSTOM label (quoted-printable too, and broken like any value) is not closed yet."""
    opened = _CUSTOM_OPEN.search(line)
    if opened:
        close = line.find(")", opened.end())
        if close < 0:
            return True
        line = line[: opened.start()] + line[close + 1 :]
    colon = line.find(":")
    return colon >= 0 and _QP.search(line, 0, colon) is not None


def _custom(line: str) -> str:
    """``TEL;X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,=D7=A0...):+972...`` as
    ``TEL;X-CIRCLESORT-LABEL="<the label>":+972...``."""
    opened = _CUSTOM_OPEN.search(line)
    close = line.find(")", opened.end()) if opened else -1
    if opened is None or close < 0 or ":" in line[: opened.start()]:
        return line  # no label, or one inside the value: vobject says what it makes of it
    settings: dict[str, str] = {}
    parts = line[opened.end() : close].split(",")
    while len(parts) > 1 and parts[0].partition("=")[0].strip().upper() in ("CHARSET", "ENCODING"):
        name, _, value = parts.pop(0).partition("=")
        settings[name.strip().upper()] = value.strip()
    label = _decoded(",".join(parts), settings)
    param = f';{LABEL}="{label}"' if label else ""
    return line[: opened.start()] + param + line[close + 1 :]


def _decoded(raw: str, settings: dict[str, str]) -> str:
    data = raw.encode("utf-8", "replace")
    if settings.get("ENCODING", "").upper() == "QUOTED-PRINTABLE":
        data = quopri.decodestring(data)
    charset = settings.get("CHARSET") or "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = "utf-8"
    return clean(data.decode(charset, errors="replace")).replace('"', "'")


def _values(card: vobject.base.Component, name: str) -> list[Any]:
    return [c.value for c in card.contents.get(name, [])]


def _text(value: object) -> str:
    if isinstance(value, list):
        return clean(" ".join(str(v) for v in value))
    return clean(value)


def _known(value: str) -> str:
    """A value, unless it is Samsung's ``null`` for none."""
    return "" if value == NULL else value


def _card(card: vobject.base.Component) -> Card:
    n = card.contents.get("n", [None])[0]
    first = clean(n.value.given) if n is not None and hasattr(n.value, "given") else ""
    last = clean(n.value.family) if n is not None and hasattr(n.value, "family") else ""
    org = (_values(card, "org") or [""])[0]
    phones, named = [], []
    for tel in card.contents.get("tel", []):
        number = clean(str(tel.value)).removeprefix("tel:")
        label = clean((tel.params.get(LABEL) or [""])[0])
        phones.append(number)
        if number and label:
            named.append((number, label))
    categories = [",".join(c) if isinstance(c, list) else str(c) for c in _values(card, "categories")]
    urls = [clean(str(u)) for u in _values(card, "url")]
    return Card(
        name=_text((_values(card, "fn") or [""])[0]),
        first=first,
        last=last,
        emails=[clean(str(e)) for e in _values(card, "email")],
        phones=phones,
        company=_known(_text(org[0] if isinstance(org, list) and org else org)),
        position=_known(_text((_values(card, "title") or [""])[0])),
        labels=categories,
        url=urls[0] if urls else "",
        phone_labels=tuple(named),
    )
