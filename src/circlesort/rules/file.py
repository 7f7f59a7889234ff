"""Writing the rules file with the user's employers in its "my employers" rule.

The file is written in the default file's layout: its explanation on top, then each rule; a rule
the user left as circlesort wrote it keeps its comment, every other rule (the user's own
included) is kept and written in the same shape. It is written only once `suggest.parse` reads
it back and it gives back the employers meant, in one step (see planning/settings_file.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from circlesort.errors import InputError
from circlesort.rules.suggest import default_text, load_rules, parse, rules_path
from circlesort.tools import yamlfile
from circlesort.tools.checked_write import write_checked

MY_EMPLOYERS = "my employers"
_FLOW: dict[str, Any] = {
    "default_flow_style": True,
    "sort_keys": False,
    "allow_unicode": True,
    "width": 1 << 30,
}


def _header_and_blocks() -> tuple[str, list[str]]:
    """The default file's explanation, and the text of each of its rules."""
    lines = default_text().splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("- "))
    blocks = "\n".join(lines[first:]).strip().split("\n\n")
    return "\n".join(lines[:first]).rstrip("\n"), blocks


def _items(text: str, where: str) -> list[dict]:
    """The rules in ``text`` as written (names as typed, not casefolded); checked by parse first."""
    parse(text, where)
    data = yamlfile.load(text, where)
    return list(data or [])


def employers_in(items: list[dict]) -> list[str]:
    """The companies of the first "my employers" rule, as written."""
    for item in items:
        if item.get("name") == MY_EMPLOYERS:
            found = (item.get("when") or {}).get("company")
            names = [] if found is None else [found] if isinstance(found, str) else found
            return [str(n) for n in names if n]
    return []


def employers(path: Path | None = None) -> list[str]:
    """The employers the rules in effect name (none with the default rules).

    Raises InputError, as load_rules does, when the rules file is broken."""
    path = path or rules_path()
    load_rules(path)  # the same checks, the same one-line error
    if not path.exists():
        return employers_in(_items(default_text(), "default rules"))
    return employers_in(_items(path.read_text("utf-8"), str(path)))


def clean(names: list[str]) -> list[str]:
    """Employers as a form gives them: trimmed, blank ones and repeats dropped, in order."""
    return list(dict.fromkeys(n.strip() for n in names if n.strip()))


def _scalar(value: object) -> str:
    """A name or a reason as YAML on one line: plain where YAML allows, quoted where it must."""
    return yaml.safe_dump(value, allow_unicode=True, width=1 << 30).removesuffix("\n...\n").rstrip("\n")


def _rule_text(item: dict, comment: str = "") -> str:
    when = yaml.safe_dump(item.get("when") or {}, **_FLOW).rstrip("\n")
    when_line = f"  when: {when}"
    if comment:  # at the default file's column when there is room
        when_line = (when_line.ljust(31) if len(when_line) < 31 else when_line + "  ") + comment
    return "\n".join(
        [
            f"- name: {_scalar(item.get('name', ''))}",
            when_line,
            f"  suggest: {item.get('suggest', '')}",
            f"  because: {_scalar(item.get('because', ''))}",
        ]
    )


def render(items: list[dict]) -> str:
    """The rules file holding these rules (as yamlfile.load gives them) in the default layout."""
    header, blocks = _header_and_blocks()
    known = {}
    for block in blocks:
        (item,) = yamlfile.load(block, "default rules")
        known[repr(item)] = block
    default_mine = next(b for b in blocks if b.startswith(f"- name: {MY_EMPLOYERS}\n"))
    when_line = next(line for line in default_mine.splitlines() if line.startswith("  when:"))
    comment = when_line.split("#", 1)[1].strip() if "#" in when_line else ""
    out = []
    for item in items:
        if repr(item) in known:
            out.append(known[repr(item)])
        else:
            mine = isinstance(item, dict) and item.get("name") == MY_EMPLOYERS
            out.append(_rule_text(item, f"# {comment}" if mine and comment else ""))
    return header + "\n\n" + "\n\n".join(out) + "\n"


def with_employers(items: list[dict], names: list[str]) -> list[dict]:
    """The rules with these employers in the first "my employers" rule (added on top if missing)."""
    out = [dict(item) for item in items]
    for item in out:
        if item.get("name") == MY_EMPLOYERS:
            item["when"] = {**(item.get("when") or {}), "company": list(names)}
            return out
    _, blocks = _header_and_blocks()
    (mine,) = yamlfile.load(next(b for b in blocks if b.startswith(f"- name: {MY_EMPLOYERS}\n")), "default")
    mine["when"] = {**mine["when"], "company": list(names)}
    return [mine, *out]


def save_employers(names: list[str], path: Path | None = None, from_defaults: bool = False) -> Path:
    """Write the rules file with these employers; the user's other rules are kept, unless
    ``from_defaults`` (a broken file is replaced by the default rules). Returns its path."""
    path = path or rules_path()
    names = clean(names)
    start = default_text() if from_defaults or not path.exists() else path.read_text("utf-8")
    items = with_employers(_items(start, str(path)), names)

    def check(temp: Path) -> None:
        try:
            written = _items(temp.read_text("utf-8"), str(path))
        except InputError as e:
            raise InputError(str(path), e.problem) from None
        if employers_in(written) != names:
            raise InputError(str(path), "the employers would not read back as given")

    write_checked(path, render(items), check)
    return path
