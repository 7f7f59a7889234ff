"""A file a person may edit, replaced in one step and only with text that reads back as meant."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_checked(path: Path, text: str, check: Callable[[Path], None]) -> None:
    """Write ``text`` to ``path`` in one step, once ``check(temporary file)`` accepts it.

    ``check`` raises (InputError, naming the temporary file) when the text is not what was meant;
    then nothing is written. The temporary file sits beside ``path``, so the replace is atomic."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        check(temp)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
