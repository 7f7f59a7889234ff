"""The command line's workspace commands: import, decisions export/import, workspace list/show/delete."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from datetime import datetime
from pathlib import Path

from circlesort.errors import InputError
from circlesort.workspace import Workspace, import_paths, paths
from circlesort.workspace.lock import Busy, WorkspaceLock


def add_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import", parents=[common],
                       help="import (or re-import newer) exports into the workspace")
    p.add_argument("paths", nargs="+", metavar="PATH", help="zips, folders or files")
    d = sub.add_parser("decisions", parents=[common], help="your decisions as a YAML file you can edit")
    dsub = d.add_subparsers(dest="action", metavar="ACTION", required=True)
    dsub.add_parser("export", parents=[common], help="write the decisions to FILE ('-': standard output)") \
        .add_argument("file", metavar="FILE")
    dsub.add_parser("import", parents=[common], help="apply a decisions file (one undo step)") \
        .add_argument("file", metavar="FILE")
    w = sub.add_parser("workspace", parents=[common], help="list, show or delete workspaces")
    wsub = w.add_subparsers(dest="action", metavar="ACTION", required=True)
    wsub.add_parser("list", parents=[common], help="every workspace, with its size and counts")
    wsub.add_parser("show", parents=[common], help="one workspace: imports, counts, what undo would undo") \
        .add_argument("name", nargs="?", metavar="NAME")
    rm = wsub.add_parser("delete", parents=[common], help="remove a workspace and all its files for good")
    rm.add_argument("name", metavar="NAME")
    rm.add_argument("--yes", action="store_true", help="do not ask")


def run(args: argparse.Namespace) -> int:
    if args.command == "import":
        return _import(args)
    if args.command == "decisions":
        return _decisions(args)
    return {"list": _list, "show": _show, "delete": _delete}[args.action](args)


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
                _write_atomically(Path(args.file), text)
                print(f"Decisions of workspace {ws.name} written to {args.file}")
            return 0
        applied = import_file(ws, args.file)
        print(f"Applied decisions for {applied.people} people from {args.file} (one undo step).")
        if applied.problems:
            print(f"Could not place {len(applied.problems)}:")
            for problem in applied.problems:
                print(f"  - {problem}")
    return 0


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise InputError(str(path), e.strerror or str(e)) from None


def _peek(path: Path) -> dict[str, object]:
    """Counts of a workspace, read-only and without taking its lock."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
            return {"accounts": one("SELECT count(*) FROM accounts WHERE gone = 0"),
                    "people": one("SELECT count(DISTINCT person) FROM members"),
                    "decided": one("SELECT count(*) FROM categories"),
                    "imports": one("SELECT count(*) FROM imports")}
        finally:
            db.close()
    except sqlite3.DatabaseError as e:
        return {"error": f"unreadable ({e})"}


def _list(args: argparse.Namespace) -> int:
    found = paths.existing()
    if not found:
        print(f"No workspaces yet in {paths.root()}.")
        return 0
    print(f"Workspaces in {paths.root()}:")
    for path in found:
        stat = path.stat()
        info = _peek(path)
        when = datetime.fromtimestamp(stat.st_mtime).strftime("%Y-%m-%d %H:%M")
        detail = info.get("error") or (f"{info['accounts']:,} accounts, {info['people']:,} people, "
                                       f"{info['decided']:,} decided accounts, {info['imports']} imports")
        print(f"  {paths.name_of(path):<20} {stat.st_size / 1e6:7.1f} MB  {when}  {detail}")
    return 0


def _show(args: argparse.Namespace) -> int:
    with Workspace.open(args.name or args.workspace, create=False) as ws:
        print(f"Workspace {ws.name}\n  file: {ws.path}")
        for key, value in ws.counts().items():
            print(f"  {key}: {value:,}")
        for id_, at, _ in ws.db.execute("SELECT id, at, summary FROM imports ORDER BY id"):
            print(f"  import {id_}: {at}")
        print(f"  undo would undo: {ws.can_undo() or 'nothing'}")
        print(f"  redo would redo: {ws.can_redo() or 'nothing'}")
    return 0


def _delete(args: argparse.Namespace) -> int:
    try:
        path = paths.resolve(args.name)
    except ValueError as e:
        raise InputError(args.name, str(e)) from None
    if not path.exists():
        raise InputError(str(path), "no such workspace (circlesort workspace list shows them)")
    lock = WorkspaceLock(path)
    try:
        lock.acquire()
    except Busy as e:
        raise InputError(str(path), f"open in another circlesort ({e}); close it first") from None
    try:
        if not args.yes:
            if not sys.stdin.isatty():
                raise InputError(str(path), "deleting needs --yes when nobody is there to answer")
            name = paths.name_of(path)
            answer = input(f"Delete workspace {name} and every decision in it, for good? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                print("Kept.")
                return 0
        for f in [path, *paths.companions(path)]:
            if f.name.endswith(".lock"):
                continue
            f.unlink(missing_ok=True)
    finally:
        lock.release()
        path.with_name(path.name + ".lock").unlink(missing_ok=True)
    print(f"Deleted workspace {paths.name_of(path)}.")
    return 0
