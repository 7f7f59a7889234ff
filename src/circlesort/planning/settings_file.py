"""Writing the settings file: circlesort's own commented layout, with a person's values in it.

The file is rendered from the default file line by line, each value replaced and its comment
kept, so a file written from a form reads like the one `circlesort plan --init-settings`
writes (with the defaults, it is that file, byte for byte). A file is written only once it has
been read back the way circlesort reads it and gives back the values meant, and it replaces the
old one in one step: a crash or a full disk never leaves half a file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from circlesort.errors import InputError
from circlesort.planning.settings import CHOICES, GROUPS, Settings, default_text, load_settings, settings_path
from circlesort.tools.checked_write import write_checked

# "  key: value   # comment": a value is a quoted string or runs up to the comment.
_LINE = re.compile(
    r'^(?P<head>(?P<indent> *)(?P<key>[a-z_]+):)(?P<value> *(?:"(?:[^"\\]|\\.)*"|[^#]*?))'
    r"(?P<comment> *#.*)?$"
)
PROFESSIONAL = ("professional_x", "professional_mastodon", "professional_instagram")


def scalar(value: object, plain: bool = False) -> str:
    """One value as YAML on one line: text in double quotes (escaped as YAML escapes it), unless
    ``plain`` (a word of circlesort's own, like `unfriend`); true/false; whole numbers as they are."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = "" if value is None else str(value)
    if plain and re.fullmatch(r"[a-z][a-z-]*", text):
        return text
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=float("inf")).rstrip("\n")


def render(settings: Settings) -> str:
    """The settings file holding ``settings``, in the default file's layout and comments; the
    keymap's entries, which the default file has none of, under its `keymap:`."""
    data = settings.data()
    out = []
    group = ""
    for line in default_text().splitlines():
        found = _LINE.match(line)
        if found is None:
            out.append(line)
            continue
        key, indent = found["key"], found["indent"]
        if not indent:
            group = key if key in GROUPS and not found["value"].strip() else ""
            if group:
                out.append(line)
                out += [f"  {k}: {scalar(v)}" for k, v in data[key].items()] if key == "keymap" else []
                continue
            given = data.get(key, _MISSING)
        else:
            given = data.get(group, {}).get(key, _MISSING) if group else _MISSING
        if given is _MISSING:
            out.append(line)
            continue
        value = found["head"] + " " + scalar(given, plain=not indent and key in CHOICES)
        comment = found["comment"] or ""
        if not indent and key in CHOICES and given != found["value"].strip():
            comment = _other_choice(comment, found["value"].strip(), str(given))
        if comment:
            column = len(line) - len(comment.lstrip())  # where the comment began: kept if there is room
            value = value.ljust(column - 1) + " " + comment.lstrip()
        out.append(value)
    return "\n".join(out) + "\n"


_MISSING: Any = object()


def _other_choice(comment: str, default: str, chosen: str) -> str:
    """A choice's comment once the other word is chosen: "# or: restrict (add to the Restricted
    list instead)" becomes "# or: unfriend; restrict: add to the Restricted list instead"."""
    found = re.fullmatch(r"(?P<space> *)# or: (?P<other>\S+) \((?P<why>.*)\)", comment)
    if found is None or found["other"] != chosen:
        return comment
    return f"{found['space']}# or: {default}; {chosen}: {found['why']}"


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write ``settings`` to the settings file; returns its path.

    Raises InputError when the file would not read back as these settings, and then the file
    on disk is left as it was."""
    path = path or settings_path()

    def check(temp: Path) -> None:
        try:
            loaded = load_settings(temp)
        except InputError as e:
            raise InputError(str(path), e.problem) from None
        if loaded != settings:
            mine, back = settings.data(), loaded.data()
            wrong = sorted(k for k in mine if back.get(k) != mine[k])
            raise InputError(str(path), f"would not read back as given: {', '.join(wrong)}")

    write_checked(path, render(settings), check)
    return path


def unset(settings: Settings, employers: list[str]) -> bool:
    """Nothing set that the plan and the suggestions rest on: no Page, no professional account,
    no employer."""
    page = settings.page
    return not (page.name or page.url or any(settings.text(k) for k in PROFESSIONAL) or employers)
