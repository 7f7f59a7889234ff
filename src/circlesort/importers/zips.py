"""Zips, read in memory and never extracted: their files, then the zips inside them, one at a time.

Every file's reader draws on the import's Budget. A central directory may be crafted: a file it
lists twice (by name or by where its data lies) is read once, and a file whose data runs into the
next file's is refused, since that is how one compressed kernel is made to expand many times.
"""

from __future__ import annotations

import io
import lzma
import mmap
import struct
import zipfile
import zlib
from bisect import bisect_right
from collections.abc import Callable, Iterator
from typing import BinaryIO, cast

from circlesort.errors import InputError
from circlesort.importers.budget import Budget
from circlesort.importers.entries import COMPRESSORS, Container, Entry, SkipFile, bomb_check, ignored
from circlesort.importers.salvage import salvage

MAX_DEPTH = 2  # a zip inside a zip inside a zip is opened; one level more is not
_READABLE = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_INCOMPLETE = (
    "the zip is incomplete (its end is missing; was the download interrupted?): "
    "read what arrived whole; download it again for the rest"
)


def zip_containers(display: str, source: BinaryIO, budget: Budget, depth: int = 0) -> Iterator[Container]:
    """The zip's own files as one container, then each zip inside it, opened only once the one
    before has been read (so one nested zip at a time is held in memory).

    Raises InputError, before the first container, when the zip cannot be read at all.
    """
    notes: list[str] = []
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as e:
        # NotImplementedError: one directory entry asks for a zip version Python does not know, which
        # refuses the whole directory; each file's own header still tells where its data lies.
        why = (
            (
                f"the zip's directory asks for {e}, which circlesort does not know (a damaged or unusual "
                "zip): its files were read by their own headers"
            )
            if isinstance(e, NotImplementedError)
            else _INCOMPLETE
        )
        try:
            entries, close = _salvaged(display, source, budget, notes, why)
        except (OSError, ValueError) as e:  # the disk failing under the read, or a file mmap refuses
            why = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
            raise InputError(display, f"cannot be read ({why[:1].lower()}{why[1:]})") from e
        stored: dict[str, zipfile.ZipInfo] = {}
    else:
        (entries, stored), close = _listed(display, zf, budget, notes), zf.close
    try:
        files, nested = _split(entries, depth, notes)
        yield Container(display, "zip", files, notes)
        yield from _nested(nested, budget, depth, source, stored)
    finally:
        close()


def _split(entries: list[Entry], depth: int, notes: list[str]) -> tuple[list[Entry], list[Entry]]:
    """Files, and the zips inside to open (as cloud drives deliver several export parts)."""
    files, nested = [], []
    for entry in entries:
        if not entry.inner.lower().endswith(".zip"):
            files.append(entry)
        elif depth < MAX_DEPTH:
            nested.append(entry)
        else:
            notes.append(
                f"skipped {entry.inner}: a zip three levels deep, which circlesort does not open; "
                "unzip the outer zips and give the folder instead"
            )
    return files, nested


def _nested(
    entries: list[Entry], budget: Budget, depth: int, source: BinaryIO, stored: dict[str, zipfile.ZipInfo]
) -> Iterator[Container]:
    for k, entry in enumerate(entries):
        shown = f"{entry.container}/{entry.inner}"
        if budget.spent:  # one word for the rest, rather than one per zip
            left = len(entries) - k
            yield Container(entry.container, "zip", [], [f"{left} zips inside not opened: {budget.spent}"])
            return
        try:
            inner = _open_nested(entry, budget, source, stored.get(entry.inner))
        except SkipFile as e:
            yield Container(shown, "zip", [], [str(e)])
            continue
        try:
            yield from zip_containers(shown, inner, budget, depth + 1)
        except InputError as e:
            yield Container(shown, "zip", [], [e.problem])
        del inner  # this zip is done with: free it before the next one is read


def _open_nested(entry: Entry, budget: Budget, source: BinaryIO, info: zipfile.ZipInfo | None) -> BinaryIO:
    """A zip inside: read in place when it was stored (no copy, however large), else expanded."""
    if info is not None:
        try:
            source.seek(info.header_offset)
            header = source.read(30)
        except OSError:
            header = b""  # read as any other file below, which says why it cannot be
        if len(header) == 30 and header[:4] == b"PK\x03\x04":
            budget.count_file()
            nlen, xlen = struct.unpack("<HH", header[26:30])
            stored = _Stored(source, info.header_offset + 30 + nlen + xlen, info.compress_size)
            return cast(BinaryIO, stored)  # a raw file: read, readinto, seek, tell, as a zip needs
    return io.BytesIO(entry.read())


class _Stored(io.RawIOBase):
    """A stored (uncompressed) file inside a zip, as a file of its own."""

    def __init__(self, source: BinaryIO, start: int, size: int) -> None:
        super().__init__()
        self._source, self._start, self._size, self._pos = source, start, size, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        n = max(0, min(len(b), self._size - self._pos))
        if not n:
            return 0
        self._source.seek(self._start + self._pos)
        data = self._source.read(n)
        b[: len(data)] = data
        self._pos += len(data)
        return len(data)


def _listed(
    display: str, zf: zipfile.ZipFile, budget: Budget, notes: list[str]
) -> tuple[list[Entry], dict[str, zipfile.ZipInfo]]:
    """The files, each once, and those stored whole (uncompressed) that may be read in place."""
    entries: list[Entry] = []
    stored: dict[str, zipfile.ZipInfo] = {}
    names: set[str] = set()
    offsets: set[int] = set()
    twice = encrypted = 0
    infos = zf.infolist()
    starts = sorted({i.header_offset for i in infos} | {zf.start_dir})
    for info in infos:
        inner = info.filename.replace("\\", "/")
        if info.is_dir() or ignored(inner):
            continue
        if inner in names or info.header_offset in offsets:
            twice += 1
            continue
        names.add(inner)
        offsets.add(info.header_offset)
        if info.flag_bits & 1:
            encrypted += 1
            continue
        if not budget.list_one():
            notes.append(budget.listed_message())
            break
        # The local header is 30 bytes and more: its data ends before the next file begins.
        following = (
            starts[bisect_right(starts, info.header_offset)]
            if info.header_offset < zf.start_dir
            else info.header_offset
        )
        overlaps = info.header_offset + 30 + info.compress_size > following
        reader = budget.meter_zip(_reader(zf, info, overlaps))
        entries.append(Entry(display, inner, info.file_size, reader))
        if info.compress_type == zipfile.ZIP_STORED and not overlaps and inner.lower().endswith(".zip"):
            stored[inner] = info
    if twice:
        notes.append(
            f"the zip's directory lists {twice} files more than once (a damaged or crafted zip); "
            "each was read once"
        )
    if encrypted:
        notes.append(_encrypted(encrypted, everything=not entries))
    return entries, stored


def _encrypted(n: int, everything: bool) -> str:
    what = (
        "the zip is encrypted (password-protected)"
        if everything
        else f"{n} files in the zip are encrypted (password-protected) and were not read"
    )
    return (
        f"{what}: circlesort reads no encrypted files; unzip it with its password and give the folder instead"
    )


def _reader(zf: zipfile.ZipFile, info: zipfile.ZipInfo, overlaps: bool) -> Callable[[int], tuple[bytes, int]]:
    def read(limit: int) -> tuple[bytes, int]:
        if overlaps:
            raise SkipFile(
                "its data runs into another file's in the zip (a crafted zip); refused as a possible zip bomb"
            )
        bomb_check(info.file_size, info.compress_size)
        if info.compress_type not in _READABLE:
            name = COMPRESSORS.get(info.compress_type, f"method {info.compress_type}")
            raise SkipFile(
                f"compressed with {name}, which circlesort cannot read; "
                "unzip the export and give the folder instead"
            )
        try:
            with zf.open(info) as f:
                data = f.read(limit)
        except (
            zipfile.BadZipFile,
            zlib.error,
            lzma.LZMAError,
            EOFError,
            OSError,
            NotImplementedError,
            UnicodeDecodeError,
        ) as e:  # the last: a file header's name that is not the UTF-8 it claims
            raise SkipFile(f"damaged inside the zip ({e})") from e
        # The compressed bytes behind what was read (files that overlap were refused above, so no
        # two files claim the same bytes).
        whole = len(data) >= info.file_size
        return data, info.compress_size if whole else info.compress_size * len(data) // max(info.file_size, 1)

    return read


def _salvaged(
    display: str, source: BinaryIO, budget: Budget, notes: list[str], why: str
) -> tuple[list[Entry], Callable[[], None]]:
    """A zip without a usable central directory, read by its local headers (see salvage.py)."""
    source.seek(0)
    if source.read(4) != b"PK\x03\x04":
        raise InputError(display, "not a zip file, or a damaged one")
    data: bytes | mmap.mmap
    if isinstance(source, io.BytesIO):
        data, close = source.getvalue(), _nothing
    elif isinstance(source, _Stored):  # bounded by the zip around it, which is on disk or in memory
        source.seek(0)
        data, close = source.read(), _nothing
    else:
        data = mmap.mmap(source.fileno(), 0, access=mmap.ACCESS_READ)
        close = data.close
    entries, encrypted = salvage(display, data, budget, notes)
    if not entries:
        close()
        if encrypted:
            raise InputError(display, _encrypted(encrypted, everything=True))
        raise InputError(display, "the zip is damaged or incomplete (was the download interrupted?)")
    notes.append(why)
    if encrypted:
        notes.append(_encrypted(encrypted, everything=False))
    return entries, close


def _nothing() -> None:
    pass
