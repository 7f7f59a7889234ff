"""Truncated zips: an interrupted download loses the zip's central directory, which lies at the end.
The local headers in front of each file are still there, so the files that arrived whole can be
read. Nothing here trusts those headers: the sizes they state are checked against the zip-bomb
ratio, and the ratio is enforced again while expanding, since streamed files state no sizes.
"""

from __future__ import annotations

import mmap
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator

from circlesort.importers.budget import Budget
from circlesort.importers.entries import COMPRESSORS, Entry, MiB, SkipFile, bomb_check, ignored

Buffer = bytes | mmap.mmap  # the whole zip in memory, or mapped from disk: find() and slices
_LOCAL = b"PK\x03\x04"
_HEADER = struct.Struct("<IHHHHHIIIHH")
_CHUNK = 64 << 10  # compressed bytes fed at a time, so the ratio is checked as the file expands


def salvage(display: str, data: Buffer, budget: Budget, notes: list[str]) -> tuple[list[Entry], int]:
    """The files whose local headers survive, each once, and how many are encrypted (not listed)."""
    entries: list[Entry] = []
    seen: set[str] = set()
    encrypted = 0
    for name, version, flag, method, start, sizes in _scan(data):
        if name in seen:
            continue
        seen.add(name)
        if flag & 1:
            encrypted += 1
            continue
        if not budget.list_one():
            notes.append(budget.listed_message())
            break
        reader = budget.meter_zip(_local_reader(data, start, version, method, sizes))
        entries.append(Entry(display, name, sizes[1] if sizes else 0, reader))
    return entries, encrypted


def _scan(data: Buffer) -> Iterator[tuple[str, int, int, int, int, tuple[int, int] | None]]:
    """(name, version needed, flags, method, start of data, (compressed, expanded) sizes unless streamed)."""
    pos, end = 0, len(data)
    while (i := data.find(_LOCAL, pos)) >= 0 and i + 30 <= end:
        _, version, flag, method, _, _, _, csize, usize, nlen, xlen = _HEADER.unpack(data[i : i + 30])
        start = i + 30 + nlen + xlen
        sizes = None if flag & 8 else (csize, usize)
        # A whole file's data holds no header of its own: skip it (a stored zip inside, say).
        pos = start + csize if sizes and start + csize <= end else i + 4
        try:
            name = bytes(data[i + 30 : i + 30 + nlen]).decode("utf-8" if flag & 0x800 else "cp437")
        except UnicodeDecodeError:
            continue
        name = name.replace("\\", "/")
        if name and not name.endswith("/") and not ignored(name):
            yield name, version, flag, method, start, sizes


def _local_reader(
    data: Buffer, start: int, version: int, method: int, sizes: tuple[int, int] | None
) -> Callable[[int], tuple[bytes, int]]:
    def read(limit: int) -> tuple[bytes, int]:
        if version & 0xFF > zipfile.MAX_EXTRACT_VERSION:  # the high byte is the system, not the version
            raise SkipFile(f"needs zip version {(version & 0xFF) / 10:.1f}, which circlesort does not know")
        if method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            name = COMPRESSORS.get(method, f"method {method}")
            raise SkipFile(f"compressed with {name}, which circlesort reads only from a complete zip")
        if sizes:
            bomb_check(sizes[1], sizes[0])
        end = start + sizes[0] if sizes is not None and start + sizes[0] <= len(data) else None
        if method == zipfile.ZIP_STORED:
            if end is None:
                raise SkipFile("cut off: the zip is incomplete")
            out = bytes(data[start : min(end, start + limit)])
            return out, len(out)
        return _inflate(data, start, len(data) if end is None else end, limit)

    return read


def _inflate(data: Buffer, start: int, end: int, limit: int) -> tuple[bytes, int]:
    """Up to ``limit`` + 1 bytes of the deflate stream at ``start``, refusing a bomb as it expands,
    and how many compressed bytes they took."""
    d = zlib.decompressobj(-15)
    out = bytearray()
    pos, tail = start, b""
    try:
        while not d.eof and len(out) <= limit:
            if not tail:
                if pos >= end:
                    break
                tail = data[pos : pos + _CHUNK]
                pos += len(tail)
            out += d.decompress(tail, min(MiB, limit + 1 - len(out)))
            tail = d.unconsumed_tail
            bomb_check(len(out), pos - start - len(tail), so_far=True)
    except zlib.error as e:
        raise SkipFile(f"damaged inside the zip ({e})") from e
    if not d.eof and len(out) <= limit:
        raise SkipFile(
            "cut off: the zip is incomplete"
            if end >= len(data)
            else "damaged inside the zip (its data ends early)"
        )
    return bytes(out), pos - start - len(tail) - len(d.unused_data)
