"""Comparison levels, as Splink has them: an ordered ladder of named rungs, each with its test,
its weight and the words a user reads. A comparison walks the ladder from the top and takes the
first rung whose test holds, so each test may assume that every rung above it failed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

C = TypeVar("C")  # what a ladder compares: two names, a handle and a name ...


@dataclass(frozen=True)  # no slots: typing sets __orig_class__ on Level[X](...), which they break
class Level(Generic[C]):
    """One rung: taken when ``test`` holds of the comparison and no rung above it did.

    ``words`` is a template whose fields are attributes of the comparison: "same surname, and
    {short} is a short form of {long}" reads ``short`` and ``long`` off it."""

    name: str
    test: Callable[[C], bool]
    score: float  # log-odds that the two sides are one person
    words: str

    def say(self, compared: C) -> str:
        """The words, with the comparison's own names in them."""
        return self.words.format_map(_Fields(compared)) if "{" in self.words else self.words


def first(ladder: Sequence[Level[C]], compared: C) -> Level[C]:
    """The first rung of ``ladder`` whose test holds; a ladder ends with one that always does."""
    for level in ladder:
        if level.test(compared):
            return level
    raise ValueError(f"no level holds for {compared!r}")


def always(_: object) -> bool:
    """The test of a ladder's last rung."""
    return True


class _Fields:
    """A comparison's attributes as the mapping ``str.format_map`` reads fields from."""

    __slots__ = ("_of",)

    def __init__(self, of: object) -> None:
        self._of = of

    def __getitem__(self, field: str) -> object:
        return getattr(self._of, field)
