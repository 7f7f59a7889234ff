"""The settings: the plan's choices and the user's own keys, in YAML a person can edit.

docs/design.md §7. A file is read and checked once, here (``parse``): every key's
name, every value's type and range, every link; a wrong one is an InputError naming the file
and the key (one line on the command line, said at the top of the settings form in the app).
What comes out is one frozen, typed Settings that the plan, the screens and the writers trust
without checking again.
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import platformdirs

from circlesort.errors import InputError
from circlesort.planning.keytable import keymap_problem, normal_keys
from circlesort.planning.links import safe_link
from circlesort.tools import yamlfile

CHOICES = {
    "facebook_professional": ("unfriend", "restrict"),
    "linkedin_personal": ("keep", "remove"),
    "instagram_personal": ("keep", "close-friends"),
    "instagram_professional": ("remove", "keep"),
}
TEXTS = (
    "brand_instagram",
    "professional_mastodon",
    "professional_x",
    "professional_instagram",
    "my_linkedin",
)  # a blank value means the plan's own words
SWITCHES = ("mastodon_export_is_professional", "remove_without_waiting")
COUNTS = ("waiting_days",)  # whole numbers, 0 or more
MAX_DAYS = 3650
GROUPS = ("page", "limits", "messages", "keymap")  # mappings: a file may give some of their keys
# Links the plan writes into messages: only to the network's own site, over https.
LINKS = {
    "page.url": ("facebook", "https://www.facebook.com/yourpage"),
    "my_linkedin": ("linkedin", "https://www.linkedin.com/in/you"),
}


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    url: str


@dataclass(frozen=True, slots=True)
class Limits:
    linkedin_invitations_per_week: int
    instagram_unfollows_per_day: int
    facebook_unfriends_per_day: int
    facebook_page_invitations_per_day: int
    facebook_friends: int
    mastodon_follows: int

    def of(self, name: str) -> int:
        """One limit by its key under ``limits:``."""
        return int(getattr(self, name))


@dataclass(frozen=True, slots=True)
class Messages:
    connect_instead: str
    page_invitation: str
    unfriend_note: str

    def of(self, name: str) -> str:
        """One message by its key under ``messages:``; "" when blank."""
        return str(getattr(self, name, ""))


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting, checked; built by ``parse`` only."""

    page: Page
    brand_instagram: str
    professional_mastodon: str
    professional_x: str
    professional_instagram: str
    my_linkedin: str
    mastodon_export_is_professional: bool
    facebook_professional: str  # one of CHOICES[...], as are the three below
    linkedin_personal: str
    instagram_personal: str
    instagram_professional: str
    waiting_days: int
    remove_without_waiting: bool
    limits: Limits
    messages: Messages
    keymap: tuple[tuple[str, str], ...]  # (binding id, keys "1,h"), sorted by id

    def value(self, name: str) -> object:
        """One setting by its name in the file: "waiting_days", "page.url", "keymap.sort.page"."""
        if name.startswith("keymap."):
            return dict(self.keymap).get(name.removeprefix("keymap."), "")
        group, _, key = name.rpartition(".")
        return getattr(getattr(self, group) if group else self, key)

    def text(self, name: str) -> str:
        """A text setting by name ("professional_x"); "" for a name that is none."""
        found = getattr(self, name, "") if name in TEXTS else ""
        return str(found)

    def data(self) -> dict[str, Any]:
        """The settings as a file holds them: top-level keys, each group a mapping."""
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        for group in ("page", "limits", "messages"):
            part = getattr(self, group)
            out[group] = {f.name: getattr(part, f.name) for f in fields(part)}
        out["keymap"] = dict(self.keymap)
        return out

    def plan_data(self) -> dict[str, Any]:
        """What the plan rests on: every setting but the keys."""
        return {k: v for k, v in self.data().items() if k != "keymap"}

    def with_values(self, values: dict[str, object], where: str = "settings") -> Settings:
        """These settings with some given anew by name ("page.url": ...), checked as a file is."""
        data = self.data()
        for name, value in values.items():
            if name.startswith("keymap."):
                data["keymap"][name.removeprefix("keymap.")] = value
                continue
            group, _, key = name.rpartition(".")
            (data[group] if group else data)[key] = value
        return parse(data, where)


def settings_path() -> Path:
    home = os.environ.get("CIRCLESORT_CONFIG")
    folder = Path(home).expanduser() if home else platformdirs.user_config_path("circlesort")
    return folder / "settings.yaml"


def default_text() -> str:
    return resources.files(__package__).joinpath("settings_default.yaml").read_text("utf-8")


def load_settings(path: Path | None = None) -> Settings:
    """The defaults, with the user's file laid over them. Raises InputError on a bad file."""
    path = path or settings_path()
    if not path.exists():
        return defaults()
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        why = getattr(e, "strerror", None) or "not UTF-8 text"
        raise InputError(str(path), f"cannot read: {why}") from None
    return parse(yamlfile.load(text, str(path)), str(path))


def defaults() -> Settings:
    """The default settings, as the file circlesort ships gives them."""
    return parse(None, "default settings")


def parse(mine: object, where: str) -> Settings:
    """The settings a file gives (as YAML loads it), over the defaults, each value checked.

    Raises InputError naming ``where`` and the first setting that is wrong."""
    data = _default_data()
    if mine is None:
        return _typed(data)
    if not isinstance(mine, dict):
        raise InputError(where, "expected settings as a mapping (key: value)")
    for key, value in mine.items():
        problem = _problem(data, key, value)
        if problem:
            raise InputError(where, problem)
        if key == "keymap":
            data[key] = {**data[key], **{k: normal_keys(v) for k, v in (value or {}).items()}}
        elif key in GROUPS:
            data[key] = {**data[key], **{k: "" if v is None else v for k, v in (value or {}).items()}}
        elif key in TEXTS:
            data[key] = value or ""
        else:
            data[key] = value
    return _typed(data)


def problem(key: str, value: object) -> str:
    """What parse would say of one top-level setting as a file gives it, or "" (for forms)."""
    return _problem(_default_data(), key, value)


@cache
def _defaults_loaded() -> dict[str, Any]:
    data = yamlfile.load(default_text(), "default settings")
    data["keymap"] = data.get("keymap") or {}
    return data


def _default_data() -> dict[str, Any]:
    return copy.deepcopy(_defaults_loaded())


def _typed(data: dict[str, Any]) -> Settings:
    plain = {k: data[k] for k in (*TEXTS, *SWITCHES, *COUNTS, *CHOICES)}
    return Settings(
        page=Page(**data["page"]),
        limits=Limits(**data["limits"]),
        messages=Messages(**data["messages"]),
        keymap=tuple(sorted(data["keymap"].items())),
        **plain,
    )


def _problem(defaults: dict[str, Any], key: object, value: object) -> str:
    """What is wrong with one top-level setting, or ""."""
    if not isinstance(key, str) or key not in defaults:
        return _unknown(key)
    if key in CHOICES:
        known = isinstance(value, str) and value in CHOICES[key]
        return "" if known else f"{key} is one of {', '.join(CHOICES[key])}"
    if key in SWITCHES:
        return "" if isinstance(value, bool) else f"{key} must be true or false"
    if key in TEXTS:
        return _text_problem(key, value)
    if key in COUNTS:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            return f"{key} must be a whole number of 0 or more"
        return f"{key} must be at most {MAX_DAYS} (ten years)" if value > MAX_DAYS else ""
    if value is None:
        return ""
    if key == "keymap":
        if not isinstance(value, dict):
            return 'keymap must be a mapping of key ids to keys, e.g. sort.personal: "1,h"'
        return next((p for k, v in value.items() if (p := keymap_problem(k, v))), "")
    if not isinstance(value, dict):
        return f"{key} must be a mapping of {', '.join(defaults[key])}"
    for sub, given in value.items():
        name = f"{key}.{sub}"
        if not isinstance(sub, str) or sub not in defaults[key]:
            return _unknown(name)
        if key == "limits" and (isinstance(given, bool) or not isinstance(given, int) or given < 1):
            return f"{name} must be a whole number of 1 or more"
        if key in ("page", "messages") and (found := _text_problem(name, given)):
            return found
    return ""


def _text_problem(name: str, value: object) -> str:
    if value is not None and not isinstance(value, str):
        return f"{name} must be text (in quotes if need be)"
    if value and name in LINKS and not safe_link(LINKS[name][0], value):
        network, example = LINKS[name]
        site = {"facebook": "facebook.com", "linkedin": "linkedin.com"}[network]
        return f"{name} must be an https:// address on {site}, e.g. {example}"
    return ""


def _unknown(name: object) -> str:
    """Unknown, and what there is instead where a network's name was likely meant."""
    found = re.fullmatch(r"professional_(\w+)", name) if isinstance(name, str) else None
    if found:
        known = ", ".join(t for t in TEXTS if t.startswith("professional_"))
        return f"unknown setting {name!r}: the professional accounts are {known}"
    return f"unknown setting {name!r}"
