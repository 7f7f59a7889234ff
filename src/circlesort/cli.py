"""The command line. The Textual app is imported only when the TUI starts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from circlesort import __version__
from circlesort.errors import InputError

COMMANDS = ("inspect", "match", "demo")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="circlesort",
        description="Sort the people you know across networks into personal and professional "
        "circles, from the networks' own data exports. Nothing leaves your machine.",
    )
    parser.add_argument("--version", action="version", version=f"circlesort {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    inspect = sub.add_parser("inspect", help="what each export holds: files, counts, warnings")
    inspect.add_argument("paths", nargs="+", metavar="PATH", help="zips, folders or files")
    inspect.add_argument("--json", action="store_true", help="machine-readable output")
    match = sub.add_parser("match", help="who is who across the exports, with the evidence (writes nothing)")
    match.add_argument("paths", nargs="+", metavar="PATH", help="zips, folders or files")
    match.add_argument("--json", action="store_true", help="machine-readable output")
    sub.add_parser("demo", help="open circlesort on the bundled sample exports")
    return parser


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="circlesort", add_help=False)
    parser.add_argument("paths", nargs="*", metavar="PATH")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and not args_list[0].startswith("-") and args_list[0] not in COMMANDS:
            return _open(_open_parser().parse_args(args_list).paths)
        args = _parser().parse_args(args_list)
        if args.command == "inspect":
            return _inspect(args.paths, args.json)
        if args.command == "match":
            return _match(args.paths, args.json)
        if args.command == "demo":
            return _open([str(sample_exports())])
        return _open([])
    except InputError as e:
        print(f"circlesort: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def sample_exports() -> Path:
    """The bundled sample exports: inside the installed package, or beside the source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "sample_exports", here.parents[1] / "sample_exports"):
        if candidate.is_dir():
            return candidate
    raise InputError("sample_exports", "the bundled sample exports are missing from this install")


def _inspect(paths: list[str], as_json: bool) -> int:
    from circlesort.importers import load
    from circlesort.report import inspect_json, inspect_text

    result = load(paths)
    if as_json:
        print(json.dumps(inspect_json(result), ensure_ascii=False, indent=2))
    else:
        print(inspect_text(result))
    return 0


def _match(paths: list[str], as_json: bool) -> int:
    from circlesort.gcpause import paused_gc
    from circlesort.importers import load
    from circlesort.match_report import match_json, match_text
    from circlesort.matching import match

    result = match(load(paths).accounts)
    with paused_gc():
        # One line, non-ASCII escaped, no cycle check: the C encoder's fast path, several times
        # quicker than indent= for 80,000 accounts; any JSON reader gets the same strings.
        text = (json.dumps(match_json(result), check_circular=False) if as_json
                else match_text(result))
    print(text)
    return 0


def _open(paths: list[str]) -> int:
    from circlesort.importers import load

    result = load(paths) if paths else None
    from circlesort.ui.app import CirclesortApp

    CirclesortApp(result).run()
    return 0
