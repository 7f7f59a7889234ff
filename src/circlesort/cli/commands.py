"""The command line. The Textual app is imported only when the TUI starts."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from circlesort import __version__
from circlesort.cli import settings_files as cli_settings
from circlesort.errors import InputError

if TYPE_CHECKING:
    from circlesort.planning.current import Plan

COMMANDS = (
    "inspect",
    "match",
    "demo",
    "import",
    "decisions",
    "workspace",
    "rules",
    "requests",
    "plan",
    "verify",
    "mark",
    "keys",
)


def _common() -> argparse.ArgumentParser:
    """Options every command takes, before or after the command's name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--workspace",
        metavar="NAME_OR_PATH",
        default=argparse.SUPPRESS,
        help="the workspace to use (default: 'default'; CIRCLESORT_HOME moves them all)",
    )
    return common


def _parser() -> argparse.ArgumentParser:
    from circlesort.cli.workspace_commands import add_commands

    common = _common()
    parser = argparse.ArgumentParser(
        prog="circlesort",
        parents=[common],
        description="Sort the people you know across networks into personal and professional "
        "circles, from the networks' own data exports. Nothing leaves your machine.",
        epilog="circlesort [PATH ...] opens the sorting screen on your workspace, importing the "
        "exports at PATH first. Start with: circlesort demo",
    )
    parser.add_argument("--version", action="version", version=f"circlesort {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    inspect = sub.add_parser(
        "inspect", parents=[common], help="what each export holds: files, counts, warnings"
    )
    inspect.add_argument("paths", nargs="+", metavar="PATH", help="zips, folders or files")
    inspect.add_argument("--json", action="store_true", help="machine-readable output")
    match = sub.add_parser(
        "match", parents=[common], help="who is who across the exports, with the evidence (writes nothing)"
    )
    match.add_argument("paths", nargs="+", metavar="PATH", help="zips, folders or files")
    match.add_argument("--json", action="store_true", help="machine-readable output")
    sub.add_parser("demo", parents=[common], help="open circlesort on the bundled sample exports")
    plan = sub.add_parser("plan", parents=[common], help="write the migration plans of the workspace")
    plan.add_argument(
        "--out", metavar="DIR", default="circlesort-plan", help="where (default: ./circlesort-plan)"
    )
    plan.add_argument("--force", action="store_true", help="replace a plan already there")
    plan.add_argument(
        "--init-settings",
        action="store_true",
        help="write the default plan settings where you can edit them, and stop",
    )
    verify = sub.add_parser("verify", parents=[common], help="check the plan against newer exports")
    verify.add_argument("paths", nargs="+", metavar="PATH", help="the newer exports")
    mark = sub.add_parser("mark", parents=[common], help="say what you did with steps of the plan")
    mark.add_argument(
        "state",
        choices=list(MARKS),
        help="sent (an invitation you sent), accepted (they accepted), done, skipped, "
        "remove-anyway (a removal that need not wait), pending (back to not done)",
    )
    mark.add_argument(
        "ids",
        nargs="+",
        metavar="STEP",
        help="step ids, as plan.yaml and the CSVs give them; a trailing * takes every "
        "step whose id starts so ('label/contacts/*': every contact label)",
    )
    requests = sub.add_parser("requests", parents=[common], help="the unanswered requests of the workspace")
    requests.add_argument("--json", action="store_true", help="machine-readable output")
    rules = sub.add_parser("rules", parents=[common], help="where the rules that suggest categories live")
    rules.add_argument("--init", action="store_true", help="write the default rules there, to edit")
    sub.add_parser("keys", parents=[common], help="every key of the app by id, and how to change them")
    add_commands(sub, common)
    return parser


def _first_word(args: list[str]) -> str | None:
    """The first argument that is neither an option nor an option's value."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--workspace":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def main(argv: Sequence[str] | None = None) -> int:
    from circlesort.cli.terminal_safe import filtered_output

    args_list = list(sys.argv[1:] if argv is None else argv)
    with filtered_output():  # names from exports and file names never reach the terminal raw
        return _main(args_list)


def _main(args_list: list[str]) -> int:
    try:
        first = _first_word(args_list)
        if first is not None and first not in COMMANDS:
            opener = argparse.ArgumentParser(prog="circlesort", parents=[_common()])
            opener.add_argument("paths", nargs="*", metavar="PATH")
            opened = opener.parse_args(args_list)
            return _open(opened.paths, getattr(opened, "workspace", None))
        args = _parser().parse_args(args_list)
        args.workspace = getattr(args, "workspace", None)
        if args.command is not None:
            from circlesort.cli.paths import check_paths

            check_paths(args)  # a wrong path is one line before anything is made
        if args.command == "inspect":
            return _inspect(args.paths, args.json)
        if args.command == "match":
            return _match(args.paths, args.json)
        if args.command == "demo":
            if args.workspace is not None:
                raise InputError(
                    args.workspace, "demo opens a throwaway workspace of its own; drop --workspace"
                )
            return _demo()
        if args.command == "verify":
            return _verify(args.workspace, args.paths)
        if args.command == "mark":
            return _mark(args.workspace, args.state, args.ids)
        if args.command == "plan" and args.init_settings:
            return cli_settings.init_settings()
        if args.command == "rules":
            return cli_settings.rules(args.init)
        if args.command == "keys":
            return cli_settings.keys()
        if args.command == "plan":
            return _plan(args.workspace, args.out, args.force)
        if args.command == "requests":
            return _requests(args.workspace, args.json)
        if args.command in ("import", "decisions", "workspace"):
            from circlesort.cli import workspace_commands as cli_workspace

            return cli_workspace.run(args)
        return _open([], args.workspace)
    except InputError as e:
        print(f"circlesort: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def sample_exports() -> Path:
    """The bundled sample exports: inside the installed package, or beside the source tree."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "sample_exports", package.parents[1] / "sample_exports"):
        if candidate.is_dir():
            return candidate
    raise InputError("sample_exports", "the bundled sample exports are missing from this install")


def _inspect(paths: list[str], as_json: bool) -> int:
    from circlesort.cli.report import inspect_json, inspect_text
    from circlesort.importers import load

    result = load(paths)
    if as_json:
        print(json.dumps(inspect_json(result), ensure_ascii=False, indent=2))
    else:
        print(inspect_text(result))
    return 0


def _match(paths: list[str], as_json: bool) -> int:
    from circlesort.cli.match_report import match_json, match_text
    from circlesort.importers import load
    from circlesort.matching import match
    from circlesort.tools.gcpause import paused_gc

    result = match(load(paths).accounts)
    with paused_gc():
        # One line, non-ASCII escaped, no cycle check: the C encoder's fast path, several times
        # quicker than indent= for 80,000 accounts; any JSON reader gets the same strings.
        text = json.dumps(match_json(result), check_circular=False) if as_json else match_text(result)
    print(text)
    return 0


def _plan(workspace: str | None, out: str, force: bool) -> int:
    from circlesort.planning.current import current_plan
    from circlesort.planning.settings import load_settings
    from circlesort.planning.writers import write_plan
    from circlesort.workspace import Workspace

    settings = load_settings()
    with Workspace.open(workspace, create=False) as ws:
        plan = current_plan(ws, settings)
        files = write_plan(ws, plan, Path(out), settings, force)
    summary, *notes = plan_summary(plan).split("\n")
    print("\n".join([f"{summary} Written to {out}: {', '.join(files)}", *notes]))
    return 0


def plan_summary(plan: Plan) -> str:
    """'1,359 steps to do, 212 due today (about 2,700 clicks over 4 weeks); 3 steps added.'"""

    effort = plan.effort
    today = effort.today
    span = "today" if effort.span == "today" else f"over {effort.span}"
    text = (
        f"{effort.steps:,} {'step' if effort.steps == 1 else 'steps'} to do, {today:,} due today "
        f"(about {effort.clicks:,} clicks {span})."
    )
    if plan.changes():
        text += f" Since the plan was last looked at: {plan.changes()}."
    return text + "".join(f"\n{note}" for note in plan.notes)


def _verify(workspace: str | None, paths: list[str]) -> int:
    from circlesort.planning.settings import load_settings
    from circlesort.planning.verify import report, verify
    from circlesort.workspace import Workspace
    from circlesort.workspace.plan_store import stored_steps

    settings = load_settings()
    with Workspace.open(workspace, create=False) as ws:
        if not stored_steps(ws):
            raise InputError(str(ws.path), "no plan yet: circlesort plan writes one")
        result = verify(ws, paths, settings)
    print("\n".join(report(result, settings)))
    return 0


def _mark(workspace: str | None, state: str, ids: list[str]) -> int:
    from circlesort.planning.current import set_state
    from circlesort.planning.steps import StepState
    from circlesort.workspace import Workspace
    from circlesort.workspace.plan_store import stored_steps

    with Workspace.open(workspace, create=False) as ws:
        known = stored_steps(ws)
        chosen: list[str] = []
        for given in ids:  # "label/contacts/*": every step whose id starts so
            found = (
                [i for i in known if i.startswith(given[:-1])]
                if given.endswith("*")
                else [given]
                if given in known
                else []
            )
            if not found:
                raise InputError(given, "no such step in the plan (plan.yaml and the CSVs give step ids)")
            chosen += found
        ids = list(dict.fromkeys(chosen))
        wanted = None if state == "pending" else StepState(MARKS[state])
        steps = f"{len(ids):,} {'step' if len(ids) == 1 else 'steps'}"
        changed = set_state(ws, ids, wanted, f"{steps} marked {state}")
    print(f"Marked {state}: {steps}" + ("" if changed else " (already so; nothing changed)") + ".")
    return 0


MARKS = {
    "sent": "sent",
    "accepted": "confirmed",
    "done": "done",
    "skipped": "skipped",
    "remove-anyway": "remove-anyway",
    "pending": "pending",
}


def _requests(workspace: str | None, as_json: bool) -> int:
    from circlesort.rules.suggest import load_rules
    from circlesort.workspace import Workspace
    from circlesort.workspace.requests import as_json as requests_json
    from circlesort.workspace.requests import describe, presence, queue, suggested_answer

    with Workspace.open(workspace, create=False) as ws:
        found = queue(ws)
        if as_json:
            print(json.dumps(requests_json(found), ensure_ascii=False, indent=2))
            return 0
        rules, categories = load_rules(), ws.categories_of({r.person for r in found})
        print(
            f"{sum(r.direction == 'incoming' for r in found)} requests waiting for you, "
            f"{sum(r.direction == 'outgoing' for r in found)} you sent still pending."
        )
        for r in found:
            age = r.age_days()
            head = f"{r.direction:<9} {r.account.network:<10} {r.account.display_name}"
            print(f"\n{head}" + (f"  ({age} days)" if age is not None else ""))
            if r.message:
                print(f"          “{r.message}”")
            for line in presence(r):
                print(f"          {line}")
            if r.answer:
                print(f"          answered: {describe(r.answer, r.account.network)}")
            elif hint := suggested_answer(r, rules, categories.get(r.person)):
                print(f"          suggested: {describe(hint[0], r.account.network)}, because {hint[1]}")
    return 0


def _demo() -> int:
    """The app on the sample exports, in a workspace that is thrown away afterwards."""
    from circlesort.cli import demo_dirs

    demo_dirs.sweep()  # what a closed terminal left behind of earlier demos
    with tempfile.TemporaryDirectory(prefix=demo_dirs.PREFIX) as tmp:
        return _open([str(sample_exports())], str(Path(tmp) / demo_dirs.NAME), demo=True)


def _open(paths: list[str], workspace: str | None, demo: bool = False) -> int:
    """The app on a workspace; given exports, it imports them first, in a worker, with progress."""
    from circlesort.cli.paths import check_exports, check_workspace
    from circlesort.workspace import Workspace

    # A wrong path, a FIFO (which would block) or a file that is no export is one line here, before
    # the app takes the screen and before a workspace is made.
    check_exports(paths)
    check_workspace(workspace, create=True)
    rules, broken = startup_rules()
    with Workspace.open(workspace) as ws:
        from circlesort.ui.app import CirclesortApp

        app = CirclesortApp(ws, paths, rules)
        app.settings_first = broken
        app.demo = demo  # the status bar says nothing is kept
        app.run()
    if app.failure is not None:
        raise app.failure
    return app.return_code or 0


def startup_rules() -> tuple[list, bool]:
    """The rules the app starts with, and whether a settings or rules file is broken: then the
    app starts on the default rules and opens on the settings form, which says what is wrong."""
    from circlesort.planning.settings import load_settings
    from circlesort.rules.suggest import default_text, load_rules, parse

    try:
        rules = load_rules()
        load_settings()
    except InputError:
        return parse(default_text(), "default rules"), True
    return rules, False
