"""The plan written out: plan.yaml (every step), a CSV per network, PLAN.md (planning/markdown.py),
and the files networks import themselves (planning/import_files.py).

plan.yaml is written line by line rather than by a YAML library: PyYAML takes tens of seconds for
80,000 steps (libyaml too), and its output differs with libyaml or without. Every string that is
not one of circlesort's own plain words is a double-quoted scalar with JSON's escapes (which YAML
reads the same), plus escapes for the few characters YAML reads as line breaks or refuses, so
`yaml.safe_load` gives back exactly what was written. folder.py decides where a plan may go and
writes the files, each staged first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache
from json.encoder import encode_basestring
from pathlib import Path

from circlesort.errors import InputError
from circlesort.model import Network, Relation
from circlesort.planning.current import Plan
from circlesort.planning.folder import MARKER, existing_plan, write_files
from circlesort.planning.import_files import csv_text, google_contacts, mastodon_files, safe_cell
from circlesort.planning.links import safe_link
from circlesort.planning.markdown import code, plan_md, summary
from circlesort.planning.settings import Settings
from circlesort.planning.steps import Due, Scheduled, StepKind
from circlesort.planning.words import action, hint_text, namesakes_text
from circlesort.workspace import Workspace

__all__ = [
    "FIELDS",
    "code",
    "limit_notes",
    "network_csv",
    "plan_md",
    "plan_yaml",
    "safe_cell",
    "step_data",
    "write_plan",
]

FIELDS = (
    "id",
    "kind",
    "state",
    "due",
    "batch",
    "name",
    "action",
    "link",
    "hints",
    "flag",
    "waits_for",
    "depends_on",
    "person",
)
K = StepKind


def step_data(s: Scheduled, settings: Settings) -> dict:
    """One step as plan.yaml holds it."""
    step = s.step
    return {
        "id": step.id,
        "kind": step.kind.value,
        "action": action(step, settings),
        "network": step.network,
        "account": step.target,
        "person": step.person,
        "name": step.name,
        "category": step.category,
        "state": s.state.value,
        "due": s.due.value,
        "batch": s.batch_label,
        "waits_for": s.waits_for,
        "depends_on": list(step.depends_on),
        "link": safe_link(step.network, step.link, step.account_key or ""),
        "hints": [hint_text(h) for h in step.hints],
        "flag": namesakes_text(step),
    }


# --- plan.yaml ------------------------------------------------------------------------------------

_PLAIN = re.compile(r"[a-z][a-z0-9_-]*(?: [a-z0-9_-]+)*")  # circlesort's own words: kinds, states, "day 2"
_RESERVED = frozenset({"yes", "no", "true", "false", "on", "off", "null"})  # YAML 1.1 reads these otherwise
# What JSON leaves as it is but YAML reads as a line break, or refuses in a stream.
_YAML_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def scalar(value: object) -> str:
    """A YAML scalar that reads back as ``value`` (a string, a whole number or a flag)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text not in _RESERVED:
        return text
    quoted = encode_basestring(text)  # "...", with \" \\ \n \t and \u00XX for control characters
    if _YAML_ESCAPE.search(quoted):
        quoted = _YAML_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
    return quoted


def _value(value: object) -> str:
    if isinstance(value, list | tuple):
        return "[" + ", ".join(scalar(v) for v in value) + "]" if value else "[]"
    return scalar(value) if value != "" else '""'


_vocabulary = lru_cache(maxsize=4096)(scalar)  # kinds, networks, states ...: a few words, said often
_VOCABULARY = frozenset({"kind", "network", "category", "state", "due", "batch"})


def plan_yaml(
    plan: Plan,
    settings: Settings,
    workspace: str,
    created: str,
    notes: list[str],
    data: Sequence[dict] | None = None,
) -> str:
    """plan.yaml; ``data``: the steps as step_data gives them, when already at hand."""
    effort = plan.effort
    lines = [
        MARKER,
        "version: 2",
        f"created: {scalar(created)}",
        f"workspace: {scalar(workspace)}",
        "summary:",
        f"  steps: {effort.steps}",
        f"  clicks: {effort.clicks}",
        f"  span: {scalar(effort.span)}",
        f"  text: {scalar(summary(plan))}",
        f"notes: {_value(notes)}",
    ]
    lines.append("steps:" if plan.steps else "steps: []")
    for row in data if data is not None else (step_data(s, settings) for s in plan.steps):
        first = True
        for key, value in row.items():
            text = _vocabulary(value) if key in _VOCABULARY else _value(value)
            lines.append(f"{'- ' if first else '  '}{key}: {text}")
            first = False
    return "\n".join(lines) + "\n"


# --- the CSVs -------------------------------------------------------------------------------------


def network_csv(steps: Sequence[Scheduled], settings: Settings, data: Sequence[dict] | None = None) -> str:
    """One network's steps, in the order to carry them out, each with its id for `circlesort mark`."""
    rows: list[list[object]] = [list(FIELDS)]
    for d in data if data is not None else (step_data(s, settings) for s in steps):
        rows.append(
            [
                d["id"],
                d["kind"],
                d["state"],
                d["due"],
                d["batch"],
                d["name"],
                d["action"],
                d["link"],
                "; ".join(d["hints"]),
                d["flag"],
                d["waits_for"],
                "\n".join(d["depends_on"]),
                d["person"],
            ]
        )
    return csv_text(rows)


def limit_notes(ws: Workspace, plan: Plan, settings: Settings) -> list[str]:
    """What the platforms would refuse: Facebook stops at 5,000 friends."""
    friends = sum(1 for a in ws.accounts(networks=[Network.FACEBOOK]) if Relation.FRIEND in a.relations)
    live = [
        s.step.kind
        for s in plan.steps
        if s.step.network == Network.FACEBOOK and s.due in (Due.NOW, Due.WAITING, Due.ASK, Due.SENT)
    ]
    after = friends + sum(k in (K.ACCEPT_REQUEST, K.ADD_FRIEND) for k in live) - live.count(K.UNFRIEND)
    limit = settings.limits.facebook_friends
    if after > limit:
        return [
            f"Facebook allows {limit:,} friends; after this plan you would have {after:,}. Unfriend "
            "before you accept (the unfriends wait for the invitations they follow), or leave some "
            "requests for later."
        ]
    return []


def write_plan(
    ws: Workspace, plan: Plan, out: Path, settings: Settings, force: bool = False, created: str | None = None
) -> list[str]:
    """Write every file of the plan into ``out``; returns their names.

    ``out`` is a new or empty folder, or one holding a plan circlesort wrote (replaced only with
    ``force``); anything else raises InputError before a file is touched."""
    if existing_plan(out) and not force:
        raise InputError(str(out), "a plan is already there; --force replaces it")
    created = created or datetime.now(UTC).isoformat(timespec="seconds")
    notes = limit_notes(ws, plan, settings)
    mastodon = mastodon_files(plan, settings.limits.mastodon_follows)
    contacts, count = google_contacts(ws, plan)
    data = [step_data(s, settings) for s in plan.steps]
    per_network: dict[str, list[dict]] = {}
    for d in data:
        per_network.setdefault(d["network"], []).append(d)
    files = {
        "plan.yaml": plan_yaml(plan, settings, ws.name, created, [*plan.notes, *notes], data),
        "PLAN.md": plan_md(plan, settings, created, notes, count, sorted(mastodon)),
        "google_contacts.csv": contacts,
    }
    files |= {f"{net}.csv": network_csv((), settings, rows) for net, rows in sorted(per_network.items())}
    files |= mastodon
    write_files(out, files)
    return sorted(files)
