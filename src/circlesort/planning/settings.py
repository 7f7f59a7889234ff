"""The plan's settings: DESIGN.md's choices, in YAML a person can edit."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs
import yaml

from circlesort.errors import InputError

CHOICES = {"facebook_professional": ("unfriend", "restrict"), "linkedin_personal": ("keep", "remove"),
           "instagram_personal": ("keep", "close-friends"), "instagram_professional": ("remove", "keep")}


def settings_path() -> Path:
    home = os.environ.get("CIRCLESORT_CONFIG")
    folder = Path(home).expanduser() if home else platformdirs.user_config_path("circlesort")
    return folder / "settings.yaml"


def default_text() -> str:
    return resources.files(__package__).joinpath("settings_default.yaml").read_text("utf-8")


def load_settings(path: Path | None = None) -> dict:
    """The defaults, with the user's file laid over them. Raises InputError on a bad file."""
    settings = yaml.safe_load(default_text())
    path = path or settings_path()
    if not path.exists():
        return settings
    try:
        mine = yaml.safe_load(path.read_text("utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise InputError(str(path), f"not readable YAML{where}") from None
    if not isinstance(mine, dict):
        raise InputError(str(path), "expected settings as a mapping (key: value)")
    for key, value in mine.items():
        if key not in settings:
            raise InputError(str(path), f"unknown setting {key!r}")
        if key in CHOICES and value not in CHOICES[key]:
            raise InputError(str(path), f"{key} is one of {', '.join(CHOICES[key])}")
        both = isinstance(settings[key], dict) and isinstance(value, dict)
        settings[key] = {**settings[key], **value} if both else value
    return settings
