"""How much a name tells apart: "John Smith" matches strangers, "Ngoc Tram Nguyen" hardly does."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from circlesort.matching.normalize import nicknamer

VERY_COMMON = "very common"
COMMON_SURNAME = "common surname"
COMMON_GIVEN = "common given name"
UNCOMMON = "uncommon"

# Log-odds added to name evidence. A very common name alone stays a suggestion.
ADJUSTMENT = {VERY_COMMON: -3.0, COMMON_SURNAME: -0.5, COMMON_GIVEN: -0.3, UNCOMMON: 0.5}


@cache
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    text = resources.files(__package__).joinpath("common_names.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    given = frozenset(str(n) for n in data["given"])
    surnames = frozenset(str(n).replace(" ", "") for n in data["surnames"])
    return given, surnames


@cache
def _common_given(name: str) -> bool:
    given, _ = _lists()
    return name in given or any(c in given for c in nicknamer().canonicals_of(name))


@cache
def commonness(tokens: tuple[str, ...]) -> str:
    """One of VERY_COMMON, COMMON_SURNAME, COMMON_GIVEN, UNCOMMON for a name of two tokens or more."""
    _, surnames = _lists()
    first, last = tokens[0], tokens[-1]
    # A compound surname ("van den berg", "de vries") is common when written together it is.
    surname = last in surnames or "".join(tokens[1:]) in surnames
    given = _common_given(first)
    if (
        given
        and len(tokens) > 2
        and "".join(tokens[1:]) not in surnames
        and any(not (_common_given(t) or t in surnames) for t in tokens[1:-1])
    ):
        given = False  # a rare middle name tells apart
    if given and surname:
        return VERY_COMMON
    if surname:
        return COMMON_SURNAME
    if given:
        return COMMON_GIVEN
    return UNCOMMON
