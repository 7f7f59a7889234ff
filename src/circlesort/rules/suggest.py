"""Suggested categories from rules a person can read and edit in YAML.

A person is seen as what each of their accounts shows: network, relations, company, and the
messages exchanged with it (the conditions on those are in messages.py). The first rule whose
conditions all hold names the category and the reason. Nothing here decides: the screen shows
the suggestion and applies it only on a keystroke.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

import platformdirs

from circlesort.errors import InputError
from circlesort.model import CATEGORIES, NETWORKS, RELATIONS, Category, Talk
from circlesort.rules import messages
from circlesort.tools import yamlfile

CONDITIONS = ("on", "only_on", "relation", "lacks", "company", "messages", "last_message_within")


@dataclass(frozen=True, slots=True)
class Seen:
    """One account of a person, as the rules see it: a Network's and Relations' values (the
    workspace's plain columns give them as strings, which compare equal)."""

    network: str
    relations: tuple[str, ...]
    company: str = ""
    talk: Talk | None = None  # the messages exchanged with the account, where message files were read


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    when: dict
    suggest: Category
    because: str


@dataclass(frozen=True, slots=True)
class CategorySuggestion:
    """The category the first rule that fits a person suggests, with the rule and its reason."""

    category: Category
    rule: str
    reason: str


def rules_path() -> Path:
    """Where the user's rules live: beside circlesort's settings ($CIRCLESORT_CONFIG moves them)."""
    home = os.environ.get("CIRCLESORT_CONFIG")
    return (Path(home).expanduser() if home else platformdirs.user_config_path("circlesort")) / "rules.yaml"


def default_text() -> str:
    return resources.files(__package__).joinpath("default.yaml").read_text("utf-8")


def load_rules(path: Path | None = None) -> list[Rule]:
    """The user's rules if they wrote some, else the defaults. Raises InputError on a bad file."""
    path = path or rules_path()
    if path.exists():
        try:
            return parse(path.read_text("utf-8"), str(path))
        except (OSError, UnicodeDecodeError) as e:
            why = getattr(e, "strerror", None) or "not UTF-8 text"
            raise InputError(str(path), f"cannot read: {why}") from None
    return parse(default_text(), "default rules")


def parse(text: str, where: str) -> list[Rule]:
    """The rules in ``text``, each condition checked and put in the shape suggest() uses."""
    data = yamlfile.load(text, where)
    if data is None:
        return []
    if not isinstance(data, list):
        raise InputError(where, "expected a list of rules (- name: ...)")
    rules = []
    for n, item in enumerate(data, 1):
        if not isinstance(item, dict):
            raise InputError(where, f"rule {n} is not a mapping")
        name, because = item.get("name", f"rule {n}"), item.get("because", item.get("name", f"rule {n}"))
        if not isinstance(name, str | int | float) or not isinstance(because, str | int | float):
            raise InputError(where, f"rule {n}: name and because are text")
        name = str(name)
        when = item.get("when") or {}
        if not isinstance(when, dict) or any(k not in CONDITIONS for k in when):
            raise InputError(where, f"rule '{name}': conditions are {', '.join(CONDITIONS)}")
        if item.get("suggest") not in CATEGORIES:
            raise InputError(where, f"rule '{name}': suggest one of {', '.join(CATEGORIES)}")
        try:
            checked = {key: _CHECKS[key](value) for key, value in when.items()}
        except ValueError as e:
            raise InputError(where, f"rule '{name}': {e}") from None
        rules.append(Rule(name, checked, Category(item["suggest"]), str(because)))
    return rules


def _words(value: object, known: tuple[str, ...], what: str, key: str) -> frozenset[str]:
    """One word or a list of them, each one of ``known``."""
    words = [] if value is None else [value] if isinstance(value, str) else value
    if not isinstance(words, list) or not all(isinstance(w, str) and w in known for w in words):
        raise ValueError(f"{key} is a list of {what} ({', '.join(known)})")
    return frozenset(words)


def _per_network(value: object, key: str) -> dict[str, frozenset[str]]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(k, str) and k in NETWORKS for k in value):
        raise ValueError(f"{key} is a mapping of networks ({', '.join(NETWORKS)}) to lists of relations")
    return {
        network: _words(wanted, RELATIONS, "relations", f"{key}.{network}")
        for network, wanted in value.items()
    }


def _companies(value: object) -> tuple[str, ...]:
    names = [] if value is None else [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(c, str) for c in names):
        raise ValueError("company is a name or a list of names")
    return tuple(c.casefold() for c in names if c)


_CHECKS = {
    "on": lambda v: _words(v, NETWORKS, "networks", "on"),
    "only_on": lambda v: _words(v, NETWORKS, "networks", "only_on"),
    "relation": lambda v: _per_network(v, "relation"),
    "lacks": lambda v: _per_network(v, "lacks"),
    "company": _companies,
    "messages": messages.parse_messages,
    "last_message_within": messages.parse_span,
}


def suggest(
    rules: Sequence[Rule],
    accounts: Sequence[Seen],
    ends: Mapping[str, str] | None = None,
    today: date | None = None,
) -> CategorySuggestion | None:
    """The first rule that fits the person seen as ``accounts``. ``ends``: per network, the ISO
    date its message files run to (a span like "the last two years" counts back from it, from
    ``today`` for a network with none)."""
    today = today or date.today()
    for rule in rules:
        found = _fits(rule.when, accounts)
        if found is not None and messages.holds(rule.when, accounts, ends, today):
            reason = messages.fill(rule.because, rule.when, accounts).replace("{company}", found)
            return CategorySuggestion(rule.suggest, rule.name, reason)
    return None


def _fits(when: dict, accounts: Sequence[Seen]) -> str | None:
    """None when the conditions (but those on messages) do not all hold; else the company that
    matched ("" if none).

    ``when`` is as parse() leaves it: sets of networks and relations, casefolded company names."""
    networks = {a.network for a in accounts}
    if "on" in when and not when["on"] <= networks:
        return None
    if "only_on" in when and not (networks and networks <= when["only_on"]):
        return None
    for network, wanted in when.get("relation", {}).items():
        held = {r for a in accounts if a.network == network for r in a.relations}
        if not wanted <= held or not held:
            return None
    for network, unwanted in when.get("lacks", {}).items():
        held = {r for a in accounts if a.network == network for r in a.relations}
        if held & unwanted:
            return None
    if "company" in when:
        for a in accounts:
            if a.company and any(w in a.company.casefold() for w in when["company"]):
                return a.company
        return None
    return ""
