"""One import's budget: how much it may expand from zips, and how many files it may look at and read.

A zip bomb comes in many shapes: one huge entry, many small ones, zips inside zips, a central
directory that lists one entry many times, a truncated zip read by its local headers. Rather than
chase each shape, every ``load()`` makes one Budget and every file's reader draws on it, so the
whole import stays bounded whatever the shape. The defaults are far above a real export: a heavy
user's connection files are a few hundred MB at most, spread over a few hundred files.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from circlesort.errors import InputError
from circlesort.importers.entries import MiB, SkipFile, size_text

EXPAND_VAR, ENTRIES_VAR = "CIRCLESORT_MAX_EXPAND_MB", "CIRCLESORT_MAX_ENTRIES"
DEFAULT_EXPAND_MB = 4096  # bytes expanded from zips, nested zips included
DEFAULT_ENTRIES = 100_000  # files read (even only their first KB, to recognise them)
LISTED_PER_READ = 10  # files looked at (listed, never opened) per file that may be read


def _setting(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise InputError(name, f"must be a whole number above 0, not {raw!r}")
    return int(raw)


class Budget:
    """What one import may still spend. Readers wrapped by ``meter`` raise SkipFile once it is spent."""

    def __init__(self, max_expand: int | None = None, max_entries: int | None = None) -> None:
        if max_expand is None:
            max_expand = _setting(EXPAND_VAR, DEFAULT_EXPAND_MB) * MiB
        self.max_expand = max_expand
        self.max_entries = max_entries if max_entries is not None else _setting(ENTRIES_VAR, DEFAULT_ENTRIES)
        self.max_listed = self.max_entries * LISTED_PER_READ
        self.expanded = self.entries_read = self.listed = 0
        self.spent: str | None = None  # why the import stopped reading, once it has

    def _refuse(self, message: str) -> SkipFile:
        self.spent = message
        return SkipFile(message)

    def expand_message(self) -> str:
        return (f"the import's limit of {size_text(self.max_expand)} expanded from zips was reached; "
                f"{EXPAND_VAR} raises it")

    def entries_message(self) -> str:
        return f"the import's limit of {self.max_entries:,} files read was reached; {ENTRIES_VAR} raises it"

    def listed_message(self) -> str:
        return (f"the import's limit of {self.max_listed:,} files looked at was reached; "
                f"{ENTRIES_VAR} raises it (ten files looked at for each file read)")

    def list_one(self) -> bool:
        """Count one more file listed; False once the import has looked at as many as it may."""
        if self.listed >= self.max_listed:
            self.spent = self.listed_message()
            return False
        self.listed += 1
        return True

    def meter(self, reader: Callable[[int], bytes], *, expands: bool) -> Callable[[int], bytes]:
        """``reader`` drawing on this budget: one file read (the first time), and the bytes it
        expands when it comes out of a zip."""
        counted = False

        def read(limit: int) -> bytes:
            nonlocal counted
            if not counted:
                if self.entries_read >= self.max_entries:
                    raise self._refuse(self.entries_message())
                self.entries_read += 1
                counted = True
            if not expands:
                return reader(limit)
            room = self.max_expand - self.expanded
            if room <= 0:
                raise self._refuse(self.expand_message())
            data = reader(min(limit, room + 1))
            self.expanded += len(data)
            if len(data) > room:
                raise self._refuse(self.expand_message())
            return data

        return read
