"""Reading the YAML a person edits (settings, rules, decisions), safely.

PyYAML's safe loader still expands aliases: a few hundred bytes of nested ``*a`` references
become gigabytes once a value is turned into a string. circlesort's own files never use anchors
or aliases, so any alias is refused outright. Booleans follow YAML 1.2 (only ``true`` and
``false``): a rule's condition ``on:`` stays the word "on" instead of turning into ``True``.
"""

from __future__ import annotations

import re
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


def load(stream: str | IO[str], where: str) -> Any:
    """The YAML document in ``stream``. Raises InputError naming ``where`` and the line."""
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
