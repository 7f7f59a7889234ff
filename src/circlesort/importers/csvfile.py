"""Reading CSV the way exports and spreadsheet re-saves write it.

Rows are streamed: the file's bytes are decoded a chunk at a time as the rows are read, so a
large file is held once (as bytes), not again as text, lines and a list of rows.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from itertools import chain

from circlesort.importers.archive import Entry, SkipFile

csv.field_size_limit(16 << 20)

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CHUNK = 1 << 20
_HEAD = 8192


def encoding(raw: bytes) -> str:
    """How an export file is encoded: UTF-8 (with or without BOM), UTF-16 from Excel, else cp1252."""
    if raw.startswith(_UTF16_BOMS):
        return "utf-16"
    if b"\x00" in raw[:4096]:
        raise SkipFile("not text (binary data)")
    if raw.isascii():
        return "utf-8"
    check = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(raw)
    try:  # a chunk at a time: the decoded text is thrown away, never the whole file at once
        for start in range(0, len(raw), _CHUNK):
            check.decode(view[start : start + _CHUNK])
        check.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def decode(raw: bytes) -> str:
    """Text of an export file; bytes that do not decode (a cut-off UTF-16 file) become U+FFFD."""
    return raw.decode(encoding(raw), errors="replace")


def _lines(raw: bytes) -> Iterator[str]:
    """The file's lines, decoded as they are read; ``newline=""`` keeps quoted line breaks whole."""
    code = encoding(raw)
    if code == "utf-16" and len(raw) % 2:
        raw = raw[:-1]  # a file cut one byte into a character: that byte is no text
    return io.TextIOWrapper(io.BytesIO(raw), encoding=code, errors="replace", newline="")


def rows_of(lines: Iterable[str]) -> Iterator[list[str]]:
    """Rows of CSV lines; the delimiter is ";" when a European spreadsheet re-saved the file.

    Raises SkipFile, also midway, when the file turns out not to be readable CSV.
    """
    lines = iter(lines)
    try:
        for line in lines:
            if line.strip():
                break
            yield from csv.reader([line])  # blank lines lead nothing to guess from; none is held
        else:
            return
        delimiter = ";" if line.count(";") > line.count(",") else ","
        yield from csv.reader(chain([line], lines), delimiter=delimiter)
    except csv.Error as e:
        raise SkipFile(f"not a readable CSV ({e})") from e


def read_rows(entry: Entry) -> Iterator[list[str]]:
    """The rows of an export file, read lazily: iterate inside the reader's ``except SkipFile``."""
    return rows_of(_lines(entry.read()))


def head_rows(entry: Entry, n: int = 6) -> list[list[str]]:
    """The first rows, from the first few KB, for recognising a file by its content."""
    try:
        raw = entry.head(_HEAD)
        text_cut = len(raw) >= _HEAD
        if text_cut and not raw.startswith(_UTF16_BOMS) and (end := raw.rfind(b"\n")) >= 0:
            raw, text_cut = raw[: end + 1], False  # whole lines: no UTF-8 character cut in two
        text = decode(raw)
    except SkipFile:
        return []
    lines = text.splitlines()
    if text_cut:
        lines = lines[:-1] or lines  # the last line may be cut off
    try:
        return list(csv.reader(io.StringIO("\n".join(lines[:n]))))
    except csv.Error:
        return []


def lower_cells(row: list[str]) -> list[str]:
    return [c.strip().lower() for c in row]


def columns(header: list[str]) -> dict[str, int]:
    return {name: i for i, name in reversed(list(enumerate(lower_cells(header))))}


def cell(row: list[str], cols: dict[str, int], *names: str) -> str:
    for name in names:
        i = cols.get(name)
        if i is not None and i < len(row) and row[i].strip():
            return row[i].strip()
    return ""
