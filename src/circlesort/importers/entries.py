"""What a container holds: files (entries) read on demand within limits, and the word for a file
that cannot be read while the rest of the export can.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePosixPath

MiB = 1 << 20
# The names zipfile gives the compression methods it knows, for the reason a file is skipped.
COMPRESSORS: dict[int, str] = getattr(zipfile, "compressor_names", {})
# Real connection files are a few MB; a heavy tweets.js can pass 500 MB.
FILE_VAR, DEFAULT_FILE_MB = "CIRCLESORT_MAX_FILE_MB", 1024
# A setting that is no number is refused, on one line, when an import starts (budget.py), not here.
_raw = os.environ.get(FILE_VAR, "").strip()
MAX_FILE_BYTES = (int(_raw) if _raw.isascii() and _raw.isdigit() and int(_raw) > 0 else DEFAULT_FILE_MB) * MiB
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

    # Cached: every reader asks every entry its name, and a Messenger download holds tens of
    # thousands of entries (media included).
    @cached_property
    def name(self) -> str:
        return PurePosixPath(self.inner).name

    @cached_property
    def parts(self) -> tuple[str, ...]:
        """Folder names above the file, lower-cased, for path hints."""
        return tuple(p.lower() for p in PurePosixPath(self.inner).parts[:-1])

    def read(self) -> bytes:
        if self.size > MAX_FILE_BYTES:
            raise SkipFile(
                f"{size_text(self.size)}, more than the {size_text(MAX_FILE_BYTES)} limit "
                "for one file (CIRCLESORT_MAX_FILE_MB raises it)"
            )
        data = self._open(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise SkipFile(f"expands past the {size_text(MAX_FILE_BYTES)} limit for one file")
        return data

    def head(self, n: int = 4096) -> bytes:
        """The first ``n`` bytes, for recognising the file. Raises SkipFile as ``read`` does."""
        return self._open(n)[:n]


@dataclass
class Container:
    """A zip, a folder or a single file, as the user named it (or as found inside a folder)."""

    path: str
    kind: str  # "zip", "folder" or "file"
    entries: list[Entry]
    warnings: list[str] = field(default_factory=list)


def size_text(n: int) -> str:
    return f"{n / (1 << 30):.1f} GiB" if n >= 1 << 30 else f"{n / MiB:.0f} MiB"


def ignored(inner: str) -> bool:
    """Debris that zip tools and desktops leave beside real files."""
    parts = PurePosixPath(inner).parts
    return (
        not parts
        or any(p == "__MACOSX" for p in parts)
        or parts[-1].startswith("._")
        or parts[-1] in {".DS_Store", "Thumbs.db", "desktop.ini"}
    )


def bomb_check(expanded: int, compressed: int, *, so_far: bool = False) -> None:
    """Refuse a file that expands more than MAX_RATIO-fold past RATIO_FLOOR (SkipFile).

    ``so_far``: the sizes are those reached while expanding, not those the zip declares.
    """
    if expanded > RATIO_FLOOR and expanded > MAX_RATIO * max(compressed, 1):
        ratio = expanded // max(compressed, 1)
        what = (
            f"expanded {ratio}:1 to {size_text(expanded)} and more"
            if so_far
            else f"would expand {ratio}:1 to {size_text(expanded)}"
        )
        raise SkipFile(f"{what}; refused as a possible zip bomb")
