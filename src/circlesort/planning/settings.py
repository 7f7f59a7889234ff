"""The plan's settings: DESIGN.md's choices, in YAML a person can edit.

Every value is checked for its shape when the file is read, so that a wrong one is one line
naming the key and the file, never a crash later in the plan.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

from circlesort import yamlfile
from circlesort.errors import InputError

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
GROUPS = ("page", "limits", "messages")  # mappings: a file may give some of their keys


def settings_path() -> Path:
    home = os.environ.get("CIRCLESORT_CONFIG")
    folder = Path(home).expanduser() if home else platformdirs.user_config_path("circlesort")
    return folder / "settings.yaml"


def default_text() -> str:
    return resources.files(__package__).joinpath("settings_default.yaml").read_text("utf-8")


def load_settings(path: Path | None = None) -> dict:
    """The defaults, with the user's file laid over them. Raises InputError on a bad file."""
    settings = defaults()
    path = path or settings_path()
    if not path.exists():
        return settings
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        why = getattr(e, "strerror", None) or "not UTF-8 text"
        raise InputError(str(path), f"cannot read: {why}") from None
    mine = yamlfile.load(text, str(path))
    if mine is None:
        return settings
    if not isinstance(mine, dict):
        raise InputError(str(path), "expected settings as a mapping (key: value)")
    for key, value in mine.items():
        problem = _problem(settings, key, value)
        if problem:
            raise InputError(str(path), problem)
        if key in GROUPS:
            settings[key] = {**settings[key], **{k: "" if v is None else v for k, v in (value or {}).items()}}
        elif key in TEXTS:
            settings[key] = value or ""
        else:
            settings[key] = value
    return settings


def defaults() -> dict:
    """The default settings, as the file circlesort ships gives them."""
    return yamlfile.load(default_text(), "default settings")


def problem(key: str, value: object) -> str:
    """What load_settings would say of one top-level setting as a file gives it, or "" (for forms)."""
    return _problem(defaults(), key, value)


def _problem(defaults: dict, key: object, value: object) -> str:
    """What is wrong with one top-level setting, or ""."""
    if not isinstance(key, str) or key not in defaults:
        return f"unknown setting {key!r}"
    if key in CHOICES:
        known = isinstance(value, str) and value in CHOICES[key]
        return "" if known else f"{key} is one of {', '.join(CHOICES[key])}"
    if key in SWITCHES:
        return "" if isinstance(value, bool) else f"{key} must be true or false"
    if key in TEXTS:
        return "" if value is None or isinstance(value, str) else f"{key} must be text (in quotes if need be)"
    if key in COUNTS:
        whole = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        return "" if whole else f"{key} must be a whole number of 0 or more"
    if value is None:
        return ""
    if not isinstance(value, dict):
        return f"{key} must be a mapping of {', '.join(defaults[key])}"
    for sub, given in value.items():
        name = f"{key}.{sub}"
        if not isinstance(sub, str) or sub not in defaults[key]:
            return f"unknown setting {name!r}"
        if key == "limits" and (isinstance(given, bool) or not isinstance(given, int) or given < 1):
            return f"{name} must be a whole number of 1 or more"
        if key in ("page", "messages") and given is not None and not isinstance(given, str):
            return f"{name} must be text (in quotes if need be)"
    return ""
