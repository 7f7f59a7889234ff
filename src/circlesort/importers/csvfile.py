"""Reading CSV the way exports and spreadsheet re-saves write it."""

from __future__ import annotations

import csv
import io

from circlesort.importers.archive import Entry, SkipFile

csv.field_size_limit(16 << 20)


def decode(raw: bytes) -> str:
    """Text of an export file: UTF-8 (with or without BOM), UTF-16 from Excel, else cp1252."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        raise SkipFile("not text (binary data)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def rows(text: str) -> list[list[str]]:
    """All rows; the delimiter is ";" when a European spreadsheet re-saved the file."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as e:
        raise SkipFile(f"not a readable CSV ({e})") from e


def read_rows(entry: Entry) -> list[list[str]]:
    return rows(decode(entry.read()))


def head_rows(entry: Entry, n: int = 6) -> list[list[str]]:
    """The first rows, from the first few KB, for recognising a file by its content."""
    try:
        text = decode(entry.head(8192))
    except SkipFile:
        return []
    lines = text.splitlines()[:-1] or text.splitlines()  # the last line may be cut off
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
