"""README's table of the sorting screen's keys names every key the sorting screen has."""

from __future__ import annotations

import re

from circlesort.planning.keytable import SORT

from .conftest import ROOT

# Textual's key names as README writes them.
SHOWN = {
    "question_mark": "?",
    "slash": "/",
    "asterisk": "*",
    "escape": "esc",
    "pagedown": "page keys",
    "pageup": "page keys",
    "down": "arrows",
    "up": "arrows",
    "home": "g",
    "end": "G",
    "shift+down": "shift",
    "shift+up": "shift",
}


def _sorting_table() -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("## Sorting", 1)[1].split("\n## ", 1)[0]
    return "\n".join(line for line in section.splitlines() if line.startswith("| "))


def test_every_sorting_key_is_in_the_readme_table():
    table = _sorting_table()
    # Keys in backticks, and the two that README names in words.
    written = set(re.findall(r"`([^`]+)`", table)) | {w for w in ("arrows", "page keys") if w in table}
    missing = [
        f"{key.id}: {name}"
        for key in SORT
        for name in key.keys.split(",")
        if SHOWN.get(name, name) not in written
    ]
    assert not missing
