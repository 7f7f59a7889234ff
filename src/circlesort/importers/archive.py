"""Reading exports where they lie: zips (read in memory, never extracted), folders, single files.

A path becomes one or more containers; a container holds entries (files) read on demand and
bounded by size limits, so that a zip bomb or a stray multi-gigabyte file cannot exhaust memory.
"""

from __future__ import annotations

import io
import mmap
import os
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from circlesort.errors import InputError

MiB = 1 << 20
# Real connection files are a few MB; a heavy tweets.js can pass 500 MB.
MAX_FILE_BYTES = int(os.environ.get("CIRCLESORT_MAX_FILE_MB", "1024")) * MiB
# Deflate tops out near 1032:1 on runs of one byte; text exports compress about 5-20:1.
MAX_RATIO = 200
RATIO_FLOOR = 16 * MiB  # small files may compress well without being a bomb


class SkipFile(Exception):
    """One file cannot be read; the rest of the export still can."""


@dataclass(frozen=True)
class Entry:
    """One file in a container. ``inner`` is its POSIX path inside the container."""

    container: str
    inner: str
    size: int
    _open: Callable[[int], bytes] = field(repr=False, compare=False)

    @property
    def name(self) -> str:
        return PurePosixPath(self.inner).name

    @property
    def parts(self) -> tuple[str, ...]:
        """Folder names above the file, lower-cased, for path hints."""
        return tuple(p.lower() for p in PurePosixPath(self.inner).parts[:-1])

    def read(self) -> bytes:
        if self.size > MAX_FILE_BYTES:
            raise SkipFile(f"{_size(self.size)}, more than the {_size(MAX_FILE_BYTES)} limit "
                           "for one file (CIRCLESORT_MAX_FILE_MB raises it)")
        data = self._open(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise SkipFile(f"expands past the {_size(MAX_FILE_BYTES)} limit for one file")
        return data

    def head(self, n: int = 4096) -> bytes:
        return self._open(n)[:n]


@dataclass
class Container:
    """A zip, a folder or a single file, as the user named it (or as found inside a folder)."""

    path: str
    kind: str  # "zip", "folder" or "file"
    entries: list[Entry]
    warnings: list[str] = field(default_factory=list)


def _size(n: int) -> str:
    return f"{n / (1 << 30):.1f} GiB" if n >= 1 << 30 else f"{n / MiB:.0f} MiB"


def _ignored(inner: str) -> bool:
    parts = PurePosixPath(inner).parts
    return (
        not parts
        or any(p == "__MACOSX" for p in parts)
        or parts[-1].startswith("._")
        or parts[-1] in {".DS_Store", "Thumbs.db", "desktop.ini"}
    )


def open_path(path: str) -> list[Container]:
    """The containers a user-given path holds. Raises InputError when the path is unusable."""
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file or folder")
    if p.is_dir():
        return _open_folder(path, p)
    if p.stat().st_size == 0:
        raise InputError(path, "the file is empty")
    if zipfile.is_zipfile(p) or _looks_like_zip(p):
        return _open_zip_file(path, p)
    return [Container(path, "file", [_file_entry(path, p, p.name)])]


def _looks_like_zip(p: Path) -> bool:
    with p.open("rb") as f:
        return f.read(4) == b"PK\x03\x04"


def _file_entry(container: str, p: Path, inner: str) -> Entry:
    def read(limit: int) -> bytes:
        try:
            with p.open("rb") as f:
                return f.read(limit)
        except OSError as e:
            raise SkipFile(e.strerror or str(e)) from e

    return Entry(container, inner, p.stat().st_size, read)


def _open_folder(display: str, root: Path) -> list[Container]:
    loose: list[Entry] = []
    zips: list[Container] = []
    seen_any = False
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__MACOSX" and not d.startswith("."))
        for fname in sorted(filenames):
            full = Path(dirpath) / fname
            inner = full.relative_to(root).as_posix()
            if _ignored(inner) or not full.is_file():
                continue
            seen_any = True
            if fname.lower().endswith(".zip") or _looks_like_zip(full):
                shown = str(Path(display) / inner)
                try:
                    zips.extend(_open_zip_file(shown, full))
                except InputError as e:
                    zips.append(Container(shown, "zip", [], [e.problem]))
            else:
                loose.append(_file_entry(display, full, inner))
    if not seen_any:
        raise InputError(display, "the folder is empty")
    return ([Container(display, "folder", loose)] if loose else []) + zips


def _open_zip_file(display: str, p: Path) -> list[Container]:
    try:
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, OSError, ValueError):
        return [_salvage(display, p)]
    return _open_zip(display, zf)


def _open_zip(display: str, zf: zipfile.ZipFile, depth: int = 0) -> list[Container]:
    entries: list[Entry] = []
    nested: list[Container] = []
    for info in zf.infolist():
        inner = info.filename.replace("\\", "/")
        if info.is_dir() or _ignored(inner):
            continue
        entry = Entry(display, inner, info.file_size, _zip_reader(zf, info))
        if inner.lower().endswith(".zip") and depth < 2:
            # A zip of zips, as some cloud drives deliver several export parts.
            try:
                inner_zip = zipfile.ZipFile(io.BytesIO(entry.read()))
                nested.extend(_open_zip(f"{display}/{inner}", inner_zip, depth + 1))
            except (zipfile.BadZipFile, SkipFile) as e:
                nested.append(Container(f"{display}/{inner}", "zip", [], [str(e)]))
            continue
        entries.append(entry)
    return [Container(display, "zip", entries), *nested]


def _zip_reader(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Callable[[int], bytes]:
    def read(limit: int) -> bytes:
        if (
            info.file_size > RATIO_FLOOR
            and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            ratio = info.file_size // max(info.compress_size, 1)
            raise SkipFile(f"would expand {ratio}:1 to {_size(info.file_size)}; "
                           "refused as a possible zip bomb")
        try:
            with zf.open(info) as f:
                return f.read(limit)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as e:
            raise SkipFile(f"damaged inside the zip ({e})") from e
        except RuntimeError as e:  # encrypted member
            raise SkipFile(f"cannot be read ({e})") from e

    return read


# --- Truncated zips -------------------------------------------------------------------------
# An interrupted download loses the zip's central directory, which lies at the end. The local
# headers in front of each file are still there, so the files that arrived whole can be read.

_LOCAL = b"PK\x03\x04"


def _salvage(display: str, p: Path) -> Container:
    with p.open("rb") as f:
        if f.read(4) != _LOCAL:
            raise InputError(display, "not a zip file, or a damaged one")
        data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    entries = [Entry(display, name, size, reader) for name, size, reader in _scan_local(data)]
    if not entries:
        raise InputError(display, "the zip is damaged or incomplete (was the download interrupted?)")
    warning = ("the zip is incomplete (its end is missing; was the download interrupted?): "
               "read what arrived whole; download it again for the rest")
    return Container(display, "zip", entries, [warning])


def _scan_local(data: mmap.mmap) -> Iterator[tuple[str, int, Callable[[int], bytes]]]:
    pos = 0
    while (i := data.find(_LOCAL, pos)) >= 0 and i + 30 <= len(data):
        _, _, flag, method, _, _, _, csize, usize, nlen, xlen = struct.unpack(
            "<IHHHHHIIIHH", data[i : i + 30]
        )
        raw_name = data[i + 30 : i + 30 + nlen]
        pos = i + 4
        try:
            name = raw_name.decode("utf-8" if flag & 0x800 else "cp437").replace("\\", "/")
        except UnicodeDecodeError:
            continue
        if not name or method not in (0, 8) or name.endswith("/") or _ignored(name):
            continue
        start = i + 30 + nlen + xlen
        reader = _local_reader(data, start, method, csize if not flag & 8 else None)
        yield name, (usize if not flag & 8 else 0), reader


def _local_reader(data: mmap.mmap, start: int, method: int, csize: int | None):
    def read(limit: int) -> bytes:
        if method == 0:
            if csize is None or start + csize > len(data):
                raise SkipFile("cut off: the zip is incomplete")
            return bytes(data[start : start + min(csize, limit)])
        d = zlib.decompressobj(-15)
        out = bytearray()
        pos = start
        while not d.eof and pos < len(data) and len(out) < limit:
            chunk = data[pos : pos + MiB]
            pos += len(chunk)
            try:
                out += d.decompress(chunk, limit - len(out) + 1)
                while d.unconsumed_tail and len(out) <= limit:
                    out += d.decompress(d.unconsumed_tail, limit - len(out) + 1)
            except zlib.error as e:
                raise SkipFile(f"damaged inside the zip ({e})") from e
        if not d.eof and len(out) <= limit:
            raise SkipFile("cut off: the zip is incomplete")
        return bytes(out)

    return read
