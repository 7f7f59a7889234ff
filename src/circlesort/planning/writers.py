"""The plan written out: plan.yaml (complete), a CSV per network, PLAN.md (a checklist), and the
import files networks accept: Mastodon's following CSV and a Google Contacts CSV with labels.

Links are checked once more on the way out (planning/links.py); names and usernames in PLAN.md
are code spans, so no Markdown link or raw HTML in an export reaches it. folder.py decides where
a plan may go and writes the files, each staged first.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import yaml

from circlesort.errors import InputError
from circlesort.planning.folder import MARKER, existing_plan, write_files
from circlesort.planning.links import safe_link
from circlesort.planning.plan import Action
from circlesort.planning.table import LABELS
from circlesort.workspace import UNDECIDED, Workspace

FIELDS = ("step", "action", "person", "account", "link", "reason", "batch")
MASTODON_HEADER = ["Account address", "Show boosts", "Notify on new posts", "Languages"]
GOOGLE_HEADER = ["Name", "Given Name", "Family Name", "E-mail 1 - Value", "Phone 1 - Value", "Labels"]


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run: formulas start with = + - @ (or a tab or return).

    A phone number ("+34 612 345 678") starts with + and holds nothing a spreadsheet could run,
    so it stays as it is for the contacts import."""
    text = "" if value is None else str(value)
    if text[:1] in ("+", "-") and _NUMBER.fullmatch(text):
        return text
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


_NUMBER = re.compile(r"[+-][\d\s().-]*")


def _csv(rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([[safe_cell(c) for c in row] for row in rows])
    return out.getvalue()


def _link(a: Action) -> str:
    return safe_link(a.network, a.link, a.key)


def _row(a: Action) -> dict:
    return {"step": a.step, "action": a.action, "person": a.person, "account": a.key, "link": _link(a),
            "reason": a.reason, "batch": a.batch, "id": a.id}


def plan_yaml(plan: dict[str, list[Action]], workspace: str, created: str) -> str:
    data = {"version": 1, "created": created, "workspace": workspace,
            "networks": {net: [_row(a) for a in actions] for net, actions in plan.items()}}
    return MARKER + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


def network_csv(actions: list[Action]) -> str:
    return _csv([list(FIELDS)] + [[a.step, a.action, a.person, a.key, _link(a), a.reason, a.batch]
                                   for a in actions])


def _md(text: str) -> str:
    """circlesort's own words (and the settings' names) in Markdown, shown as written."""
    return "".join("\\" + c if c in "\\`*_{}[]()#+-.!|<>&" else c for c in text)


_TICKS = re.compile("`+")


def code(text: str) -> str:
    """Data from an export as a CommonMark code span: shown as written, never a link or HTML.

    The fence is a run of backticks longer than any inside; a space pads a value that starts or
    ends with a backtick (or with a space at both ends, which CommonMark would strip)."""
    text = " ".join(text.splitlines())  # a code span holds one line; the importers' clean() made it so
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in _TICKS.findall(text)), default=0) + 1)
    pad = " " if text[0] == "`" or text[-1] == "`" or (text[0] == text[-1] == " " and text.strip()) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def plan_md(plan: dict[str, list[Action]], created: str, notes: list[str] | None = None) -> str:
    lines = ["# Your circlesort plan", "", f"Written {created[:10]}. Work through each network in order; "
             "tick what you have done. `circlesort verify` checks it against newer exports.", ""]
    lines += [f"> {_md(note)}" for note in notes or []] + ([""] if notes else [])
    for net, actions in plan.items():
        lines.append(f"## {net.capitalize()} ({len(actions)} actions)")
        batch = None
        for a in actions:
            if a.batch != batch:
                batch = a.batch
                lines += ["", f"### {batch}", ""]
            link = _link(a)
            where = f" — [open]({link})" if link else ""
            lines.append(f"- [ ] {a.step}. **{_md(a.action)}**: {code(a.person)}{where} — {_md(a.reason)}")
        lines.append("")
    if not plan:
        lines.append("Nothing to do yet: sort some people first.")
    return "\n".join(lines) + "\n"


def mastodon_files(plan: dict[str, list[Action]], limit: int) -> dict[str, str]:
    """Mastodon's import format, for the professional account: deduplicated, split under the limit."""
    follows = [a.key for a in plan.get("mastodon", []) if a.action.startswith("follow from")]
    addresses = list(dict.fromkeys(follows))
    chunks = [addresses[i:i + limit] for i in range(0, len(addresses), limit)] or []
    return {(f"mastodon_following_{n}.csv" if len(chunks) > 1 else "mastodon_following.csv"):
            _csv([MASTODON_HEADER] + [[a, "true", "false", ""] for a in chunk])
            for n, chunk in enumerate(chunks, 1)}


def google_contacts(ws: Workspace) -> str:
    rows: list[list[object]] = [GOOGLE_HEADER]
    for person in ws.people(decided_only=True):
        if person.category == UNDECIDED:
            continue
        for m in person.members:
            a = m.account
            if a.network == "contacts" and not m.gone:
                label = LABELS[person.category]
                rows.append([a.display_name, a.first_name, a.last_name, a.emails[0] if a.emails else "",
                             a.phones[0] if a.phones else "", f"{label} ::: * myContacts"])
    return _csv(rows)


def limit_notes(ws: Workspace, plan: dict[str, list[Action]], settings: dict) -> list[str]:
    """What the platforms would refuse: Facebook stops at 5,000 friends."""
    friends = sum(1 for a in ws.accounts(networks=["facebook"]) if "friend" in a.relations)
    facebook = plan.get("facebook", [])
    after = friends + sum(a.action == "accept the friend request" for a in facebook) \
        - sum(a.action == "unfriend" for a in facebook)
    limit = int(settings["limits"]["facebook_friends"])
    if after > limit:
        return [f"Facebook allows {limit:,} friends; after this plan you would have {after:,}. "
                "Unfriend before you accept, or leave some requests for later."]
    return []


def write_plan(ws: Workspace, plan: dict[str, list[Action]], out: Path, settings: dict,
               force: bool = False, created: str | None = None) -> list[str]:
    """Write every file of the plan into ``out``; returns their names.

    ``out`` is a new or empty folder, or one holding a plan circlesort wrote (replaced only with
    ``force``); anything else raises InputError before a file is touched."""
    if existing_plan(out) and not force:
        raise InputError(str(out), "a plan is already there; --force replaces it")
    created = created or datetime.now(UTC).isoformat(timespec="seconds")
    files = {"plan.yaml": plan_yaml(plan, ws.name, created),
             "PLAN.md": plan_md(plan, created, limit_notes(ws, plan, settings))}
    files |= {f"{net}.csv": network_csv(actions) for net, actions in plan.items()}
    files |= mastodon_files(plan, int(settings["limits"]["mastodon_follows"]))
    files["google_contacts.csv"] = google_contacts(ws)
    write_files(out, files)
    return sorted(files)
