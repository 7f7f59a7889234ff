"""The workspace's commands: import, decisions export/import, workspace list/show/check/delete."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from circlesort.errors import InputError
from circlesort.planning.words import decision_text
from circlesort.workspace import Workspace, import_paths, paths
from circlesort.workspace.connection import integrity, not_a_workspace, peek, take_lock


def add_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import", parents=[common], help="import (or re-import newer) exports into the workspace"
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="zips, folders or files")
    d = sub.add_parser("decisions", parents=[common], help="your decisions as a YAML file you can edit")
    dsub = d.add_subparsers(dest="action", metavar="ACTION", required=True)
    ex = dsub.add_parser(
        "export", parents=[common], help="write the decisions to FILE ('-': standard output)"
    )
    ex.add_argument("file", metavar="FILE")
    ex.add_argument("--force", action="store_true", help="replace FILE if it is already there")
    dsub.add_parser("import", parents=[common], help="apply a decisions file (one undo step)").add_argument(
        "file", metavar="FILE"
    )
    w = sub.add_parser("workspace", parents=[common], help="list, show, check or delete workspaces")
    wsub = w.add_subparsers(dest="action", metavar="ACTION", required=True)
    wsub.add_parser("list", parents=[common], help="every workspace, with its size and counts")
    wsub.add_parser(
        "show", parents=[common], help="one workspace: imports, counts, what undo would undo"
    ).add_argument("name", nargs="?", metavar="NAME")
    wsub.add_parser(
        "check", parents=[common], help="look for damage with SQLite's integrity check"
    ).add_argument("name", nargs="?", metavar="NAME")
    rm = wsub.add_parser("delete", parents=[common], help="remove a workspace and all its files for good")
    rm.add_argument("name", metavar="NAME")
    rm.add_argument("--yes", action="store_true", help="do not ask")


def run(args: argparse.Namespace) -> int:
    if args.command == "import":
        return _import(args)
    if args.command == "decisions":
        return _decisions(args)
    return {"list": _list, "show": _show, "check": _check, "delete": _delete}[args.action](args)


def _import(args: argparse.Namespace) -> int:
    with Workspace.open(args.workspace) as ws:
        summary = import_paths(ws, args.paths)
        print(f"Workspace {ws.name}: " + "\n".join(summary.lines()))
        if summary.result and summary.result.warnings:
            print("Warnings:")
            for w in summary.result.warnings:
                print(f"  - {w}")
    return 0


def _decisions(args: argparse.Namespace) -> int:
    from circlesort.workspace.decisions_file import export_text, import_file

    with Workspace.open(args.workspace, create=False) as ws:
        if args.action == "export":
            text = export_text(ws)
            if args.file == "-":
                sys.stdout.write(text)
            else:
                _write_atomically(Path(args.file), text, args.force)
                print(f"Decisions of workspace {ws.name} written to {args.file}")
            return 0
        applied = import_file(ws, args.file)
    if applied.changed:
        steps = f" and {_count(applied.steps, 'plan step')}" if applied.steps else ""
        print(
            f"Applied decisions for {_count(applied.people, 'person', 'people')}{steps} from {args.file} "
            "(one undo step)."
        )
    elif applied.placed or not applied.entries:
        print(f"Nothing to change: the workspace already holds every decision of {args.file}.")
    if applied.unplanned:
        print(
            f"{applied.unplanned} of the plan steps are not in this workspace's plan yet: their states "
            "are kept for when it holds them."
        )
    if applied.problems:
        print(f"Could not place {len(applied.problems)}:")
        for problem in applied.problems:
            print(f"  - {problem}")
    if applied.entries and not applied.placed:
        raise InputError(args.file, "none of its entries could be applied: nothing changed")
    return 0


def _write_atomically(path: Path, text: str, force: bool) -> None:
    if path.is_dir():
        raise InputError(str(path), "a folder: name a file to write the decisions to")
    if path.exists() and not force:
        raise InputError(str(path), "already exists; --force replaces it")
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as e:
        with suppress(OSError):  # the first error is the one to tell
            tmp.unlink(missing_ok=True)
        raise InputError(str(path), e.strerror or str(e)) from None


def _peek(path: Path) -> str:
    """A workspace's counts in words, read-only and without taking its lock."""
    try:
        found = peek(path)
    except sqlite3.DatabaseError as e:
        return f"unreadable ({e})"
    return (
        f"{found.accounts:,} accounts, {found.people:,} people, "
        f"{found.decided:,} decided accounts, {found.imports} imports"
    )


def _list(args: argparse.Namespace) -> int:
    found = paths.existing()
    if not found:
        print(f"No workspaces yet in {paths.root()}.")
        return 0
    print(f"Workspaces in {paths.root()}:")
    for path in found:
        stat = path.stat()
        detail = _peek(path)
        when = datetime.fromtimestamp(stat.st_mtime).strftime("%Y-%m-%d %H:%M")
        print(f"  {paths.name_of(path):<20} {stat.st_size / 1e6:7.1f} MB  {when}  {detail}")
    return 0


def _show(args: argparse.Namespace) -> int:
    with Workspace.open(args.name or args.workspace, create=False) as ws:
        print(f"Workspace {ws.name}\n  file: {ws.path}")
        for key, value in ws.counts().items():
            print(f"  {key}: {value:,}")
        for row in ws.imports():
            print(f"  import {row.id}: {row.at}")
        print(f"  undo would undo: {_next_step(ws, undo=True)}")
        print(f"  redo would redo: {_next_step(ws, undo=False)}")
    return 0


def _next_step(ws: Workspace, undo: bool) -> str:
    """What undo or redo would change, in words: a decision names its people and category."""
    effect = ws.next_step(undo)
    if effect is None:
        return "nothing"
    if effect.kind == "decide" and effect.decided:
        return decision_text(effect.decided, ws.person_name)
    return effect.label


def _check(args: argparse.Namespace) -> int:
    """SQLite's integrity check, read-only, with the lock held so that nothing writes meanwhile."""
    path = _existing(args.name or args.workspace)
    if path.is_dir():
        raise InputError(str(path), "a folder, not a workspace file")
    lock = take_lock(path)
    try:
        found = integrity(path)
    finally:
        lock.release()
    if found == ["ok"]:
        print("ok")
        return 0
    print(f"{path}: damaged. SQLite's integrity check found:")
    for line in found:
        print(f"  {line}")
    print(
        "circlesort leaves the file as it is. A copy of it, or a decisions file exported earlier "
        "(circlesort decisions import FILE), brings your decisions into a new workspace."
    )
    return 2


def _existing(name: str | None) -> Path:
    try:
        path = paths.resolve(name)
    except ValueError as e:
        raise InputError(str(name), str(e)) from None
    if not path.exists():
        raise InputError(str(path), "no such workspace (circlesort workspace list shows them)")
    return path


def _delete(args: argparse.Namespace) -> int:
    """Delete a workspace, its SQLite journal files and its lock, and nothing else."""
    path = _existing(args.name)
    real = path.resolve()
    why_not = not_a_workspace(real)  # asked before the lock, so as to leave no lock file beside it
    if why_not:
        raise InputError(str(path), f"{why_not}; circlesort deletes only its own workspaces")
    lock = take_lock(path)
    try:
        if not args.yes:
            if not sys.stdin.isatty():
                raise InputError(str(path), "deleting needs --yes when nobody is there to answer")
            name = paths.name_of(path)
            answer = input(f"Delete workspace {name} and every decision in it, for good? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                print("Kept.")
                return 0
        for f in [real, *(c for c in paths.companions(real) if not c.name.endswith(".lock"))]:
            f.unlink(missing_ok=True)
        if path.is_symlink():
            path.unlink()  # the link to the workspace just deleted
        lock.path.unlink(missing_ok=True)  # while still held: nobody opens the deleted one meanwhile
    except OSError as e:
        raise InputError(str(path), f"cannot delete: {e.strerror or e}") from None
    finally:
        lock.release()
    print(f"Deleted workspace {paths.name_of(path)}.")
    return 0


def _count(n: int, one: str, many: str = "") -> str:
    """'1 person', '2 people', '1 plan step', '3 plan steps'."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"
