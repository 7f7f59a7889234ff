"""Every path a command names, checked before anything is written and before the app takes the screen.

A wrong path is one line and exit status 2, with no workspace file and no folder left behind: the
checks only look (stat, a zip's listing, the first bytes of a file), and run before a workspace is
opened, a plan folder made or the terminal switched to the app.
"""

from __future__ import annotations

import argparse
import os
import stat
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

from circlesort.errors import InputError

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def check_paths(args: argparse.Namespace) -> None:
    """The paths of a parsed command line: exports, workspace, files and folders to write."""
    command, action = args.command, getattr(args, "action", None)
    if command in ("inspect", "match", "verify"):
        _each_path(args.paths)  # reading them says the rest; these create nothing
    if command == "import":
        check_exports(args.paths)
    if command == "decisions" and action == "import":
        _readable_file(args.file, "a decisions file")
    if command == "decisions" and action == "export" and args.file != "-":
        _writable_file(Path(args.file), "the decisions")
    if command == "plan" and not args.init_settings:
        _out_folder(Path(args.out))
    if command == "workspace" and action in ("show", "check", "delete"):
        check_workspace(args.name or args.workspace, create=False)
    elif command in ("import", "decisions", "verify", "mark", "plan", "requests") and not (
        command == "plan" and args.init_settings
    ):
        check_workspace(args.workspace, create=command == "import")


def check_exports(paths: Sequence[str]) -> None:
    """Each path exists, can be read, and holds an export circlesort reads."""
    from circlesort.importers import load

    _each_path(paths)
    for path in paths:
        if not _holds_export(path):
            load([path])  # nothing recognised at a glance: reading it says why, in one line


def _each_path(paths: Sequence[str]) -> None:
    from circlesort.importers.archive import check_path

    for path in paths:
        check_path(path)


def _holds_export(path: str) -> bool:
    """Whether a file under ``path`` is one a reader takes, by its name or its first bytes.

    Stops at the first container that holds one, so a real export costs a zip listing."""
    from circlesort.importers import detect, meta_json
    from circlesort.importers.archive import Budget, open_path

    with closing(open_path(path, Budget())) as containers:
        for container in containers:
            routes = detect.route(container)
            if routes.by_reader or any(meta_json.claims(e) for e in routes.meta):
                return True
    return False


def check_workspace(name: str | None, create: bool) -> None:
    """The workspace file is one, or (when ``create``) can be made without making folders.

    The folder of named workspaces is circlesort's own and is made when missing; the folder of a
    workspace given by its path must be there already."""
    from circlesort.workspace import paths

    try:
        path = paths.resolve(name)
    except ValueError as e:
        raise InputError(str(name), str(e)) from None
    st = _stat(path)
    if st is None:
        # Without ``create``, opening says "no such workspace", after the command's other checks.
        if create and path.parent != paths.root():
            _folder_of(path, "the workspace")
        return
    if stat.S_ISDIR(st.st_mode):
        raise InputError(str(path), "a folder, not a workspace file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(str(path), f"is {_what(st.st_mode)}, not a workspace file")
    if not os.access(path, os.R_OK):
        raise InputError(str(path), "cannot be read (permission denied)")


def _readable_file(name: str, what: str) -> None:
    st = _stat(Path(name))
    if st is None:
        raise InputError(name, "no such file")
    if stat.S_ISDIR(st.st_mode):
        raise InputError(name, f"a folder, not {what}")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(name, f"is {_what(st.st_mode)}, not {what}")
    if not os.access(name, os.R_OK):
        raise InputError(name, "cannot be read (permission denied)")


def _writable_file(path: Path, what: str) -> None:
    st = _stat(path)
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise InputError(str(path), f"a folder: name a file to write {what} to")
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise InputError(str(path), f"is {_what(st.st_mode)}, not a file to write {what} to")
    _folder_of(path, what)


def _out_folder(path: Path) -> None:
    """A plan's folder: there already, or made inside a folder that is."""
    st = _stat(path)
    if st is None:
        _folder_of(path, "the plan")
    elif not stat.S_ISDIR(st.st_mode):
        raise InputError(str(path), "a file, not a folder; give a folder for the plan")


def _folder_of(path: Path, what: str) -> None:
    """The folder ``path`` goes in exists and can be written: circlesort makes no folders on a typo."""
    folder = path.parent
    st = _stat(folder)
    if st is None:
        raise InputError(str(folder), f"no such folder to write {what} in")
    if not stat.S_ISDIR(st.st_mode):
        raise InputError(str(folder), f"not a folder, so {what} cannot go there")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(str(folder), "cannot be written (permission denied)")


def _stat(path: Path) -> os.stat_result | None:
    """The path's status, None when nothing is there; a path that cannot be looked at is an error."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as e:
        text = e.strerror or str(e)
        raise InputError(str(path), f"cannot be read ({text[:1].lower() + text[1:]})") from None


def _what(mode: int) -> str:
    return next((word for test, word in _KINDS if test(mode)), "not a regular file")
