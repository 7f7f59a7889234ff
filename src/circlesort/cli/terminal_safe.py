"""What the command line prints, with nothing in it a terminal would act on.

File names, zip entry names and values from exports reach error lines and reports. A name can
carry escape sequences (retitle the window, write the clipboard, clear the screen) or bidi
overrides that reorder what is read. Every byte the command line prints passes through
:func:`printable`, so no single print can forget to.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from circlesort.importers.text import printable


class _Filtered:
    """A text stream that filters every write and otherwise behaves as the stream it wraps."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text))
        return len(text)

    def writelines(self, lines: list[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def filtered_output() -> Iterator[None]:
    """Standard output and error filtered for as long as the block runs."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Filtered(out), _Filtered(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
