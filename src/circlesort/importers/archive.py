"""Reading exports where they lie: zips (read in memory, never extracted), folders, single files.

A path becomes one or more containers; a container holds entries (files) read on demand and
bounded by size limits and by the import's Budget, so that a zip bomb or a stray multi-gigabyte
file cannot exhaust memory. Only regular files are opened: a FIFO, a device or a socket would
block a reader forever or never end, so each is named for what it is and left alone.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import BinaryIO

from circlesort.errors import InputError
from circlesort.importers.budget import Budget
from circlesort.importers.entries import (
    MAX_FILE_BYTES,
    MAX_RATIO,
    RATIO_FLOOR,
    Container,
    Entry,
    MiB,
    SkipFile,
    ignored,
)
from circlesort.importers.zips import zip_containers

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_RATIO",
    "RATIO_FLOOR",
    "Budget",
    "Container",
    "Entry",
    "MiB",
    "SkipFile",
    "check_path",
    "open_path",
]

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _what(mode: int) -> str:
    return next((word for test, word in _KINDS if test(mode)), "not a regular file")


def _reason(e: OSError) -> str:
    text = e.strerror or str(e)
    return text[:1].lower() + text[1:]


def check_path(path: str) -> os.stat_result:
    """A folder or a regular file that can be read, else InputError. Never opens the path."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "no such file or folder") from None
    except OSError as e:
        raise InputError(path, f"cannot be read ({_reason(e)})") from None
    if stat.S_ISDIR(st.st_mode):
        if not os.access(path, os.R_OK | os.X_OK):
            raise InputError(path, "cannot be read (permission denied)")
    elif not stat.S_ISREG(st.st_mode):
        raise InputError(path, f"is {_what(st.st_mode)}, not an export file")
    elif not os.access(path, os.R_OK):
        raise InputError(path, "cannot be read (permission denied)")
    return st


def _open_regular(path: str | Path) -> BinaryIO:
    """The file, opened for reading only if it is a regular one (O_NONBLOCK: a FIFO put in its
    place since it was checked must not block the open)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(0, f"it is {_what(mode)}, not a file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def open_path(path: str, budget: Budget | None = None) -> Generator[Container, None, None]:
    """The containers a user-given path holds, each opened once the one before has been read.

    Raises InputError (before the first container) when the path is unusable.
    """
    budget = budget if budget is not None else Budget()
    st = check_path(path)
    if stat.S_ISDIR(st.st_mode):
        yield from _open_folder(path, Path(path), budget)
        return
    if st.st_size == 0:
        raise InputError(path, "the file is empty")
    try:
        f = _open_regular(path)
    except OSError as e:
        raise InputError(path, f"cannot be read ({_reason(e)})") from None
    with f:
        try:
            is_zip = f.read(4) == b"PK\x03\x04" or zipfile.is_zipfile(f)
        except OSError as e:
            raise InputError(path, f"cannot be read ({_reason(e)})") from None
        if is_zip:
            yield from zip_containers(path, f, budget)
            return
    yield Container(path, "file", [_file_entry(path, Path(path), Path(path).name, st.st_size, budget)])


def _file_entry(container: str, p: Path, inner: str, size: int, budget: Budget) -> Entry:
    def read(limit: int) -> bytes:
        try:
            with _open_regular(p) as f:
                return f.read(limit)
        except OSError as e:
            raise SkipFile(f"cannot be read ({_reason(e)})") from e

    return Entry(container, inner, size, budget.meter_file(read))


def _open_folder(display: str, root: Path, budget: Budget) -> Iterator[Container]:
    loose: list[Entry] = []
    zips: list[tuple[str, Path]] = []
    notes: list[str] = []
    seen_any = False

    def unlistable(e: OSError) -> None:
        where = Path(e.filename) if e.filename else root
        inner = where.relative_to(root).as_posix() if where.is_relative_to(root) else str(where)
        if inner == ".":
            raise InputError(display, f"cannot be read ({_reason(e)})")
        notes.append(f"skipped the folder {inner}: cannot be read ({_reason(e)})")

    for dirpath, dirnames, filenames in os.walk(root, onerror=unlistable):
        dirnames[:] = sorted(d for d in dirnames if d != "__MACOSX" and not d.startswith("."))
        for fname in sorted(filenames):
            full = Path(dirpath) / fname
            inner = full.relative_to(root).as_posix()
            if ignored(inner):
                continue
            seen_any = True
            if not budget.list_one():
                notes.append(budget.listed_message())
                break
            problem, is_zip, size = _look_at(full, fname)
            if problem:
                notes.append(f"skipped {inner}: {problem}")
            elif is_zip:
                zips.append((str(Path(display) / inner), full))
            else:
                loose.append(_file_entry(display, full, inner, size, budget))
        else:
            continue
        break  # the listing limit was reached
    if not seen_any and not notes:
        raise InputError(display, "the folder is empty")
    if loose or notes:
        yield Container(display, "folder", loose, notes)
    for shown, full in zips:
        yield from _zip_in_folder(shown, full, budget)


def _look_at(full: Path, fname: str) -> tuple[str | None, bool, int]:
    """(why the file cannot be read, or None; whether it is a zip; its size), without blocking."""
    try:
        st = os.stat(full)
        if not stat.S_ISREG(st.st_mode):
            return f"{_what(st.st_mode)}, not a file", False, 0
        if fname.lower().endswith(".zip"):
            return None, True, st.st_size
        with _open_regular(full) as f:
            return None, f.read(4) == b"PK\x03\x04", st.st_size
    except OSError as e:
        return f"cannot be read ({_reason(e)})", False, 0


def _zip_in_folder(shown: str, full: Path, budget: Budget) -> Iterator[Container]:
    try:
        f = _open_regular(full)
    except OSError as e:
        yield Container(shown, "zip", [], [f"cannot be read ({_reason(e)})"])
        return
    with f:
        try:
            yield from zip_containers(shown, f, budget)
        except InputError as e:
            yield Container(shown, "zip", [], [e.problem])
