"""Suggested categories from rules a person can read and edit in YAML.

A person is seen as what each of their accounts shows: network, relations, company. The first
rule whose conditions all hold names the category and the reason. Nothing here decides: the
screen shows the suggestion and applies it only on a keystroke.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import platformdirs
import yaml

from circlesort.errors import InputError

CATEGORIES = ("keep-personal", "move-to-professional", "page-follower")
CONDITIONS = ("on", "only_on", "relation", "lacks", "company")


@dataclass(frozen=True, slots=True)
class Seen:
    """One account of a person, as the rules see it."""

    network: str
    relations: tuple[str, ...]
    company: str = ""


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    when: dict
    suggest: str
    because: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    category: str
    rule: str
    reason: str


def rules_path() -> Path:
    """Where the user's rules live: beside circlesort's settings ($CIRCLESORT_CONFIG moves them)."""
    home = os.environ.get("CIRCLESORT_CONFIG")
    return (Path(home).expanduser() if home else platformdirs.user_config_path("circlesort")) / "rules.yaml"


def default_text() -> str:
    return resources.files("circlesort").joinpath("rules_default.yaml").read_text("utf-8")


def load_rules(path: Path | None = None) -> list[Rule]:
    """The user's rules if they wrote some, else the defaults. Raises InputError on a bad file."""
    path = path or rules_path()
    if path.exists():
        try:
            return parse(path.read_text("utf-8"), str(path))
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(str(path), f"cannot read: {e}") from None
    return parse(default_text(), "default rules")


def parse(text: str, where: str) -> list[Rule]:
    try:
        data = yaml.safe_load(text) or []
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise InputError(where, "not readable YAML" + (f" at line {mark.line + 1}" if mark else "")) from None
    if not isinstance(data, list):
        raise InputError(where, "expected a list of rules (- name: ...)")
    rules = []
    for n, item in enumerate(data, 1):
        if not isinstance(item, dict):
            raise InputError(where, f"rule {n} is not a mapping")
        name = str(item.get("name", f"rule {n}"))
        when = item.get("when") or {}
        if not isinstance(when, dict) or any(k not in CONDITIONS for k in when):
            raise InputError(where, f"rule '{name}': conditions are {', '.join(CONDITIONS)}")
        if item.get("suggest") not in CATEGORIES:
            raise InputError(where, f"rule '{name}': suggest one of {', '.join(CATEGORIES)}")
        rules.append(Rule(name, when, item["suggest"], str(item.get("because", name))))
    return rules


def suggest(rules: Sequence[Rule], accounts: Sequence[Seen]) -> Suggestion | None:
    for rule in rules:
        found = _fits(rule.when, accounts)
        if found is not None:
            return Suggestion(rule.suggest, rule.name, rule.because.replace("{company}", found))
    return None


def _fits(when: dict, accounts: Sequence[Seen]) -> str | None:
    """None when the conditions do not all hold; else the company that matched ("" if none)."""
    networks = {a.network for a in accounts}
    if "on" in when and not set(when["on"] or ()) <= networks:
        return None
    if "only_on" in when and not (networks and networks <= set(when["only_on"] or ())):
        return None
    for network, wanted in (when.get("relation") or {}).items():
        held = {r for a in accounts if a.network == network for r in a.relations}
        if not set(wanted if isinstance(wanted, list) else [wanted]) <= held or not held:
            return None
    for network, unwanted in (when.get("lacks") or {}).items():
        held = {r for a in accounts if a.network == network for r in a.relations}
        if held & set(unwanted if isinstance(unwanted, list) else [unwanted]):
            return None
    if "company" in when:
        words = [str(w).casefold() for w in when["company"] or ()]
        for a in accounts:
            if a.company and any(w and w in a.company.casefold() for w in words):
                return a.company
        return None
    return ""
