"""Decisions as YAML a person can read and edit: a keep-list, a backup, a move to a new machine.

    - person: José Álvarez
      accounts: ["facebook:José Álvarez", "linkedin:https://www.linkedin.com/in/jose-alvarez"]
      category: keep-personal
    - not-the-same: ["facebook:John Smith", "linkedin:https://www.linkedin.com/in/john-smith-4c81"]

Accounts listed together are one person (linked by hand if matching had them apart). Importing
is one undo step and reports every entry it could not place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from circlesort.errors import InputError
from circlesort.workspace import codec
from circlesort.workspace.store import CATEGORIES, UNDECIDED, Key, Workspace, own_person, pair_key

HEADER = ("# circlesort decisions: one entry per person you sorted. Edit freely; `circlesort decisions\n"
          "# import FILE` applies it. Categories: keep-personal, move-to-professional, page-follower,\n"
          "# undecided. Accounts are network:key, as `circlesort match` shows them.\n")


def export_text(ws: Workspace) -> str:
    entries: list[dict] = []
    answers = ws.answers()
    for p in ws.people(decided_only=True):
        keys = [codec.key_of(m.account) for m in p.members]
        mine = {codec.label(*k): answers[k] for k in keys if k in answers}
        if p.category == UNDECIDED and not mine:
            continue
        entry: dict = {"person": p.name, "accounts": [codec.label(*k) for k in keys], "category": p.category}
        if mine:
            entry["answers"] = mine
        entries.append(entry)
    for a, b in ws.rules("not_same"):
        entries.append({"not-the-same": [codec.label(*a), codec.label(*b)]})
    body = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, default_flow_style=None, width=100)
    return HEADER + (body if entries else "[]\n")


@dataclass
class Applied:
    people: int = 0
    problems: list[str] = field(default_factory=list)


def import_file(ws: Workspace, path: str) -> Applied:
    """Apply a decisions file as one undo step. Raises InputError when the file is not one."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except OSError as e:
        raise InputError(path, e.strerror or str(e)) from None
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        where = getattr(e, "problem_mark", None)
        at = f" at line {where.line + 1}" if where is not None else ""
        raise InputError(path, f"not readable YAML{at}") from None
    if data is None:
        data = []
    if not isinstance(data, list):
        raise InputError(path, "expected a list of entries (- person: ...), as `decisions export` writes")
    # Keys and their people in one read each (not a query per account of a big workspace).
    members: dict[Key, str | None] = {
        (n, k): p for n, k, p in ws.db.execute(
            "SELECT a.network, a.key, m.person FROM accounts a LEFT JOIN members m USING (network, key)")}
    known = set(members)
    folded = {(n, k.casefold()): (n, k) for n, k in known}
    applied = Applied()
    wanted: list[list] = []
    for n, entry in enumerate(data, 1):
        if not isinstance(entry, dict):
            applied.problems.append(f"entry {n}: not a mapping")
            continue
        if "not-the-same" in entry:
            keys = _resolve(entry.get("not-the-same"), known, folded, n, applied.problems)
            if len(keys) == 2:
                wanted.append(["pair_rules", pair_key(*keys), "not_same"])
                if members[keys[0]] == members[keys[1]]:
                    members[keys[1]] = own_person(keys[1])
                    wanted.append(["members", list(keys[1]), members[keys[1]]])
            continue
        keys = _resolve(entry.get("accounts"), known, folded, n, applied.problems)
        who = entry.get("person", f"entry {n}")
        if not keys:
            applied.problems.append(f"entry {n} ({who}): none of its accounts is in this workspace")
            continue
        category = entry.get("category", UNDECIDED)
        if category not in (*CATEGORIES, UNDECIDED):
            applied.problems.append(f"entry {n} ({who}): unknown category {category!r}")
            continue
        for other in keys[1:]:  # listed together: one person
            wanted.append(["pair_rules", pair_key(keys[0], other), "same"])
            if members[other] != members[keys[0]]:
                for k in [k for k, p in members.items() if p == members[other]]:
                    members[k] = members[keys[0]]
                    wanted.append(["members", list(k), members[keys[0]]])
        person_keys = [k for k, p in members.items() if p == members[keys[0]]]
        value = None if category == UNDECIDED else category
        wanted += [["categories", list(k), value] for k in person_keys]
        for label, answer in (entry.get("answers") or {}).items():
            key = _resolve([label], known, folded, n, applied.problems)
            wanted += [["answers", list(k), str(answer)] for k in key]
        applied.people += 1
    if wanted:
        ws.record("decisions-import", f"decisions from {path} ({applied.people} people)", wanted)
    return applied


def _resolve(labels: object, known: set[Key], folded: dict[tuple[str, str], Key], n: int,
             problems: list[str]) -> list[Key]:
    if not isinstance(labels, list):
        problems.append(f"entry {n}: accounts should be a list of network:key")
        return []
    out = []
    for text in labels:
        key = codec.parse_label(text)
        found = key if key in known else folded.get((key[0], key[1].casefold())) if key else None
        if found is None:
            problems.append(f"entry {n}: no account {text!r} in this workspace")
        elif found not in out:
            out.append(found)
    return out
