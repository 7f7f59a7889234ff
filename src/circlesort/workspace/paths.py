"""Where workspaces live: one SQLite file each under the user's data folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

SUFFIX = ".circlesort"
DEFAULT = "default"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._ -]{0,63}")


def root() -> Path:
    """The folder holding named workspaces: $CIRCLESORT_HOME, else the platform's data folder."""
    home = os.environ.get("CIRCLESORT_HOME")
    return Path(home).expanduser() if home else platformdirs.user_data_path("circlesort") / "workspaces"


def resolve(name_or_path: str | None) -> Path:
    """A workspace name ("default", "work") or a path to a workspace file."""
    value = name_or_path or DEFAULT
    if "/" in value or os.sep in value or value.endswith(SUFFIX):
        return Path(value).expanduser()
    if not _NAME.fullmatch(value):
        raise ValueError(f"not a workspace name: {value!r} (letters, digits, '.', '_', '-' and spaces)")
    return root() / f"{value}{SUFFIX}"


def name_of(path: Path) -> str:
    return path.name.removesuffix(SUFFIX) if path.parent == root() else str(path)


def existing() -> list[Path]:
    folder = root()
    return sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []


def companions(path: Path) -> list[Path]:
    """The files SQLite and circlesort keep beside a workspace: its journal and lock."""
    return [path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal", ".lock")]
