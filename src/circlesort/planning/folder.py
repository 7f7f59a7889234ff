"""The folder a plan is written to: what may be replaced there, and the writing itself.

`--out` may name any folder, the current one included, so nothing is ever deleted wholesale.
A folder circlesort wrote is recognised by its plan.yaml, whose first line is MARKER; only
there, and only when asked, are the files circlesort writes replaced. Files a person added stay.
Any other folder with something in it is refused, whatever the flags.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from circlesort.errors import InputError
from circlesort.model import NETWORKS

MARKER = "# circlesort plan: written by circlesort; `circlesort plan --force` replaces its files here."
# Plans written before the marker began with these two lines.
_EARLIER = re.compile(r"version: 1\ncreated: '[0-9T:+-]+'\n")
OWN_FILES = re.compile(
    r"plan\.yaml|PLAN\.md|google_contacts\.csv|mastodon_following(?:_\d+)?\.csv|"
    rf"(?:{'|'.join(NETWORKS)})\.csv"
)
STAGING = ".circlesort-writing-"


def is_plan_folder(out: Path) -> bool:
    """True when ``out`` holds a plan.yaml that circlesort wrote."""
    try:
        with (out / "plan.yaml").open(encoding="utf-8", errors="replace") as f:
            head = f.read(len(MARKER) + 200)
    except OSError:
        return False
    return head.startswith(MARKER + "\n") or _EARLIER.match(head) is not None


def existing_plan(out: Path) -> bool:
    """Whether writing to ``out`` replaces a plan there (True) or fills a new or empty folder.

    Raises InputError when ``out`` is a file, or a folder with something other than a plan in it."""
    try:
        if not out.exists():
            if out.is_symlink():
                raise InputError(str(out), "a link to nothing; give a folder")
            return False
        if not out.is_dir():
            raise InputError(str(out), "a file, not a folder; give a folder for the plan")
        with os.scandir(out) as entries:  # a staging folder left by a crash does not count
            empty = all(e.name.startswith(STAGING) for e in entries)
    except OSError as e:
        raise InputError(str(out), e.strerror or str(e)) from None
    if empty:
        return False
    if not is_plan_folder(out):
        raise InputError(str(out), "not empty and not a plan circlesort wrote; give a new or empty folder")
    return True


def write_files(out: Path, files: dict[str, str]) -> None:
    """Every file in ``files`` into ``out``, staged first so that none is ever half written.

    A new folder is staged whole beside its place and renamed into it. In a folder already there,
    each file is staged inside it and moved over its older version; circlesort's files from an
    earlier plan that this one does not write (a network no longer in it) are removed."""
    try:
        if not out.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
            try:
                _stage(staging, files)
                staging.rename(out)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            return
        staging = Path(tempfile.mkdtemp(prefix=STAGING, dir=out))
        try:
            _stage(staging, files)
            stale = [
                p
                for p in out.iterdir()
                if OWN_FILES.fullmatch(p.name) and p.name not in files and (p.is_symlink() or p.is_file())
            ]
            for path in stale:
                path.unlink()
            # plan.yaml first: whatever happens next, the folder is still recognised as a plan.
            for name in sorted(files, key=lambda n: n != "plan.yaml"):
                os.replace(staging / name, out / name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as e:
        raise InputError(str(out), e.strerror or str(e)) from None


def _stage(staging: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (staging / name).write_text(text, encoding="utf-8")
