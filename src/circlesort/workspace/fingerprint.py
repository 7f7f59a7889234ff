"""Recognising exports imported before, without reading their photos and videos.

A zip is known by its own central directory, each member's name, size and CRC-32, and its size:
never by its bytes, which for a download with messages can be gigabytes of media. The files the
readers read (.json, .js, .csv, .html ...) are hashed whole when small, as the readers read them
whole anyway; any other file in a folder (media) is known by its path, size and time of change,
all of a folder's together as one fingerprint.
"""

from __future__ import annotations

import functools
import hashlib
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from circlesort.importers.archive import check_path

# The files the readers read, recognised by name; the others in a folder are media to them.
EXPORT_SUFFIXES = (".json", ".js", ".csv", ".txt", ".vcf", ".vcard", ".html", ".htm", ".car")
SMALL = 64 << 20  # bytes: an export file up to this size is hashed whole, a bigger one by size and time


def file_hashes(paths: Sequence[str]) -> dict[str, str]:
    """A fingerprint of every export under ``paths``, by path: the same files give the same ones.

    Each zip and each export file has its own; the other files of a folder one together, under
    the folder's path. A file that cannot be read has none, so that it is never "seen before"
    (reading it says why)."""
    out: dict[str, str] = {}
    for path in paths:
        check_path(path)  # a FIFO or a device named here would block the read below
        p = Path(path)
        if p.is_dir():
            out.update(_folder(p))
        elif (digest := _file(p, given=True)) is not None:
            out[str(p)] = digest
    return out


def _folder(root: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    media = hashlib.sha256(b"media\n")
    any_media = False
    # is_file() is true of regular files only: a FIFO inside a folder is never opened.
    for f in sorted(f for f in root.rglob("*") if f.is_file()):
        if f.name.lower().endswith((".zip", *EXPORT_SUFFIXES)):
            if (digest := _file(f, given=False)) is not None:
                out[str(f)] = digest
            continue
        try:
            st = f.stat()
        except OSError:
            continue
        media.update(_stat_line(str(f.relative_to(root)), st))
        any_media = True
    if any_media:
        out[str(root)] = media.hexdigest()
    return out


def _file(f: Path, given: bool) -> str | None:
    """A zip's central directory, a small file's bytes, or a big one's name, size and time.

    A file named on the command line is read whatever its name, so it is looked into: a zip by
    its first bytes, anything else hashed when small."""
    try:
        with f.open("rb") as fh:
            st = os.fstat(fh.fileno())
            if f.name.lower().endswith(".zip") or (given and fh.read(4) == b"PK\x03\x04"):
                try:
                    return _zip(fh, st.st_size)
                except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
                    pass  # damaged: known as any other file, and the import says what is wrong
            if st.st_size > SMALL:
                return hashlib.sha256(_stat_line(f.name, st)).hexdigest()
            fh.seek(0)
            digest = hashlib.sha256()
            for block in iter(functools.partial(fh.read, 1 << 20), b""):
                digest.update(block)
            return digest.hexdigest()
    except OSError:
        return None


def _zip(fh: BinaryIO, size: int) -> str:
    """A zip by its central directory and its size: the members' bytes are never read."""
    digest = hashlib.sha256(f"zip {size}\n".encode())
    with zipfile.ZipFile(fh) as zf:
        for info in zf.infolist():
            line = f"{info.filename}\0{info.file_size}\0{info.CRC}\n"
            digest.update(line.encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _stat_line(name: str, st: os.stat_result) -> bytes:
    return f"{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape")
