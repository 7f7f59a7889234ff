"""Making export strings safe and readable: Meta's mojibake, control characters, bidi overrides."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

# C0 and C1 controls, DEL, bidi embeddings/overrides/isolates and the directional marks.
# Zero-width joiners stay: they hold emoji sequences together.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]")
_SPACES = re.compile(r"\s+")


# The characters importers.text.clean() removes from names, less the line break and the tab
# that lay out the output itself.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]"
)


def printable(text: str) -> str:
    """``text`` without control, bidi and format characters, line breaks kept."""
    return _UNSAFE.sub("", text) if _UNSAFE.search(text) else text


def clean(value: object) -> str:
    """Any value from an export as a safe one-line string: no control or bidi characters."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.isprintable():  # no controls, no bidi or format characters: the usual case
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
        return " ".join(text.split())
    if _UNSAFE.search(text):
        # Controls that separate words become spaces; the rest disappear.
        text = _UNSAFE.sub(lambda m: " " if m.group() in "\t\n\r\x0b\x0c\x85" else "", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def clean_multiline(value: object) -> str:
    """Like clean() but keeps line breaks, for messages that came with requests."""
    if value is None:
        return ""
    lines = str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(c for c in (clean(line) for line in lines) if c)


def fix_meta(text: str) -> str:
    """Undo Meta's mojibake: UTF-8 bytes written as one \\u00XX escape each.

    A string with characters above U+00FF, or whose bytes are not valid UTF-8, was not
    mangled and is returned unchanged.
    """
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def fix_meta_tree(obj: Any) -> Any:
    """fix_meta applied to every string, keys included, of a parsed Meta JSON document."""
    return _map_strings(obj, fix_meta, fix_meta)


def to_meta_mojibake(obj: Any) -> Any:
    """The inverse of fix_meta_tree, as Meta writes its JSON: for sample and test exports."""
    return _map_strings(obj, _mojibake, str)


def _mojibake(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def _map_strings(obj: Any, fix: Callable[[str], str], fix_key: Callable[[str], str]) -> Any:
    """A copy of a JSON tree with ``fix`` applied to every string value, ``fix_key`` to every key.

    Iterative, with an explicit stack: a hostile file may nest thousands of levels deep.
    """
    if not isinstance(obj, list | dict):
        return fix(obj) if isinstance(obj, str) else obj
    top: Any = [] if isinstance(obj, list) else {}
    todo: list[tuple[Any, Any]] = [(obj, top)]  # (a container, its copy to fill)
    push = todo.append
    copy: Any  # each nested container's copy, made as it is met
    while todo:
        source, out = todo.pop()
        # The two loops are one, written twice: this runs on every value of a 50,000-record file.
        if isinstance(source, dict):
            for k, v in source.items():
                if isinstance(v, str):
                    v = fix(v)
                elif isinstance(v, list | dict):
                    push((v, copy := [] if isinstance(v, list) else {}))
                    v = copy
                out[fix_key(k)] = v
        else:
            add = out.append
            for v in source:
                if isinstance(v, str):
                    v = fix(v)
                elif isinstance(v, list | dict):
                    push((v, copy := [] if isinstance(v, list) else {}))
                    v = copy
                add(v)
    return top


def counted(n: int, one: str, many: str) -> str:
    """'1 entry', '3 entries': warnings read as sentences."""
    return f"{n:,} {one if n == 1 else many}"


def unreadable(error: Exception) -> str:
    """Why a file of a shape no test foresaw is skipped: what went wrong, on one short line."""
    return f"content circlesort cannot read ({type(error).__name__}: {clean(str(error))[:120]})"
