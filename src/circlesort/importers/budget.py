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
from circlesort.importers.entries import DEFAULT_FILE_MB, FILE_VAR, MAX_RATIO, MiB, SkipFile, size_text

EXPAND_VAR, ENTRIES_VAR = "CIRCLESORT_MAX_EXPAND_MB", "CIRCLESORT_MAX_ENTRIES"
# Bytes expanded from zips, nested zips included. Message files are read too: a heavy user's
# threads (5,000 threads, 2 million messages) are some 1.5 GB of JSON, which leaves room for the
# rest of the exports; the photos and videos beside them are never read and cost nothing here.
DEFAULT_EXPAND_MB = 4096
DEFAULT_ENTRIES = 100_000  # files read (even only their first KB, to recognise them)
LISTED_PER_READ = 10  # files looked at (listed, never opened) per file that may be read
# Past this much expanded in all, the import's zips together may expand no more than MAX_RATIO-fold:
# real exports stay near 5-20:1 (media near 1:1), while many small bombs each under RATIO_FLOOR do not.
TOTAL_RATIO_FLOOR = 256 * MiB


def _setting(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
        raise InputError(name, f"must be a whole number above 0, not {raw!r}")
    return int(raw)


class Budget:
    """What one import may still spend. Readers wrapped by ``meter_*`` raise SkipFile once it is spent."""

    def __init__(self, max_expand: int | None = None, max_entries: int | None = None) -> None:
        _setting(FILE_VAR, DEFAULT_FILE_MB)  # entries.py reads it at import; a bad one is told here
        if max_expand is None:
            max_expand = _setting(EXPAND_VAR, DEFAULT_EXPAND_MB) * MiB
        self.max_expand = max_expand
        self.max_entries = max_entries if max_entries is not None else _setting(ENTRIES_VAR, DEFAULT_ENTRIES)
        self.max_listed = self.max_entries * LISTED_PER_READ
        self.expanded = self.compressed = self.entries_read = self.listed = 0
        self._zips_refused: str | None = None  # once set, no more is read from any zip
        self.spent: str | None = None  # why the import stopped reading, once it has

    def _refuse(self, message: str) -> SkipFile:
        self.spent = message
        return SkipFile(message)

    def expand_message(self) -> str:
        return (
            f"the import's limit of {size_text(self.max_expand)} expanded from zips was reached; "
            f"{EXPAND_VAR} raises it"
        )

    def entries_message(self) -> str:
        return f"the import's limit of {self.max_entries:,} files read was reached; {ENTRIES_VAR} raises it"

    def listed_message(self) -> str:
        return (
            f"the import's limit of {self.max_listed:,} files looked at was reached; "
            f"{ENTRIES_VAR} raises it (ten files looked at for each file read)"
        )

    def list_one(self) -> bool:
        """Count one more file listed; False once the import has looked at as many as it may."""
        if self.listed >= self.max_listed:
            self.spent = self.listed_message()
            return False
        self.listed += 1
        return True

    def count_file(self) -> None:
        """One more file read (a zip inside read in place, say); SkipFile past the limit."""
        if self.entries_read >= self.max_entries:
            raise self._refuse(self.entries_message())
        self.entries_read += 1

    def meter_file(self, reader: Callable[[int], bytes]) -> Callable[[int], bytes]:
        """A loose file's ``reader``, counted as one file read the first time it reads."""
        counted = False

        def read(limit: int) -> bytes:
            nonlocal counted
            if not counted:
                self.count_file()
                counted = True
            return reader(limit)

        return read

    def meter_zip(self, reader: Callable[[int], tuple[bytes, int]]) -> Callable[[int], bytes]:
        """A zipped file's ``reader`` (which says how many compressed bytes it took), counted as one
        file read, and its bytes as expanded: past the import's limit, or past MAX_RATIO-fold of what
        the import's zips held in all (many small bombs are one big one), it is refused."""
        counted = False

        def read(limit: int) -> bytes:
            nonlocal counted
            if self._zips_refused:
                raise self._refuse(self._zips_refused)
            if not counted:
                self.count_file()
                counted = True
            room = self.max_expand - self.expanded
            data, compressed = reader(min(limit, room + 1))
            self.expanded += len(data)
            self.compressed += compressed
            if len(data) > room:
                self._zips_refused = self.expand_message()
            elif self.expanded > TOTAL_RATIO_FLOOR and self.expanded > MAX_RATIO * self.compressed:
                ratio = self.expanded // max(self.compressed, 1)
                self._zips_refused = (
                    f"the import's zips expand {ratio}:1 in all, past "
                    f"{size_text(TOTAL_RATIO_FLOOR)}; refused as a possible zip bomb"
                )
            if self._zips_refused:
                raise self._refuse(self._zips_refused)
            return data

        return read
