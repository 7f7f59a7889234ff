"""Comparing two names: a ladder of levels from "same name" down to "different names".

Each level is a test over the two parsed names, a weight in log-odds and the sentence a user
reads; ``compare_names`` takes the first level whose test holds (see levels.py). The ladder is
NAME_LEVELS below, in the order it is walked.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache, cached_property

from rapidfuzz.distance import DamerauLevenshtein

from circlesort.matching.levels import Level, always, first
from circlesort.matching.normalize import nickname_kind, other_language, same_given


class Given(StrEnum):
    """How two given names relate."""

    SAME = "same"
    NICKNAME = "nickname"  # a well-known short form: Bob and Robert
    OTHER_LANGUAGE = "other language"  # one name in two languages: Alejandro and Alexander
    LOOSE_NICKNAME = "loose nickname"  # paired only by the nicknames data set: Lena and Katherine
    SPELLING = "spelling"  # spelled alike: Jon and John
    INITIAL = "initial"  # one side is only the initial of the other
    DIFFERENT = "different"


def titled(token: str) -> str:
    """A name token as a sentence shows it: "jose" is "Jose"."""
    return token[:1].upper() + token[1:]


class NamePair:
    """Two parsed names, given name first, and what the levels ask of them.

    Each fact is worked out once, when a level first asks for it. The properties below the tests
    are the fields the levels' words use."""

    def __init__(self, a: tuple[str, ...], b: tuple[str, ...]) -> None:
        self.a, self.b = a, b

    # --- what the tests ask -----------------------------------------------------------------

    @property
    def both_full(self) -> bool:
        """Both names have two parts or more."""
        return len(self.a) > 1 and len(self.b) > 1

    @property
    def one_part(self) -> bool:
        """One of the names is a single word."""
        return len(self.a) == 1 or len(self.b) == 1

    @cached_property
    def given(self) -> Given:
        return _given_relation(self.a[0], self.b[0])

    @property
    def given_agrees(self) -> bool:
        """The same given name, or a well-known short form of it."""
        return self.given in (Given.SAME, Given.NICKNAME)

    @cached_property
    def surname_agrees(self) -> bool:
        """The same surname, or the same names after the given name written together."""
        a, b = self.a, self.b
        return a[-1] == b[-1] or "".join(a[1:]) == "".join(b[1:])

    @property
    def initials_only(self) -> bool:
        """As many parts with the same initials, and one side written only in initials."""
        a, b = self.a, self.b
        return (
            len(a) == len(b)
            and all(x[0] == y[0] for x, y in zip(a, b, strict=True))
            and (all(len(x) == 1 for x in a) or all(len(y) == 1 for y in b))
        )

    @property
    def lone_given_agrees(self) -> bool:
        """The single-word name can be the other's given name."""
        lone, fuller = (self.a, self.b) if len(self.a) == 1 else (self.b, self.a)
        return same_given(lone[0], fuller[0])

    @property
    def spaced_alike(self) -> bool:
        """The same letters, or the same words, only spaced otherwise: "Mary Ann Lee", "Maryann Lee"."""
        return "".join(self.a) == "".join(self.b) or not self.extra

    @property
    def middles_differ(self) -> bool:
        """Both have middle names, and they cannot be one person's."""
        a_mid, b_mid = self.a[1:-1], self.b[1:-1]
        return bool(a_mid and b_mid) and not _middles_agree(a_mid, b_mid)

    @property
    def surname_initial_only(self) -> bool:
        """One surname is only the initial of the other."""
        a_last, b_last = self.a[-1], self.b[-1]
        return min(len(a_last), len(b_last)) == 1 and a_last[0] == b_last[0]

    @property
    def surname_in_middle(self) -> bool:
        """One surname is among the other's middle names."""
        return self.b[-1] in self.a[1:-1] or self.a[-1] in self.b[1:-1]

    @cached_property
    def surnames_alike(self) -> bool:
        """The surnames are one typing slip apart (two in a long one)."""
        return spelled_alike(self.a[-1], self.b[-1])

    @property
    def swapped(self) -> bool:
        """Given name and surname the other way round."""
        return self.a[0] == self.b[-1] and self.a[-1] == self.b[0]

    # --- what the words show ----------------------------------------------------------------

    @property
    def given_a(self) -> str:
        return titled(self.a[0])

    @property
    def given_b(self) -> str:
        return titled(self.b[0])

    @property
    def surname_a(self) -> str:
        return titled(self.a[-1])

    @property
    def surname_b(self) -> str:
        return titled(self.b[-1])

    @property
    def lone_given(self) -> str:
        return titled((self.a if len(self.a) == 1 else self.b)[0])

    @property
    def initials(self) -> str:
        return " ".join(t[0].upper() + "." for t in self.a)

    @property
    def initial(self) -> str:
        return self.a[0][0].upper()

    @property
    def surname_initial(self) -> str:
        return self.a[-1][0].upper()

    @cached_property
    def extra(self) -> list[str]:
        """The words only one of the names has."""
        return sorted(set(self.a) ^ set(self.b))

    @property
    def extra_name(self) -> str:
        return titled(self.extra[0])

    @property
    def middles_a(self) -> str:
        return " ".join(map(titled, self.a[1:-1]))

    @property
    def middles_b(self) -> str:
        return " ".join(map(titled, self.b[1:-1]))

    @property
    def short(self) -> str:
        """The shorter of the two given names (the first when they are as long)."""
        a0, b0 = self.a[0], self.b[0]
        return titled(a0 if len(a0) <= len(b0) else b0)

    @property
    def long(self) -> str:
        a0, b0 = self.a[0], self.b[0]
        return titled(b0 if len(a0) <= len(b0) else a0)


NameLevel = Level[NamePair]

# The ladder, walked from the top: NameLevel(name, test, log-odds, words). A test may assume that
# every test above it failed: below "one word, different" both names have two parts or more.
NAME_LEVELS: tuple[NameLevel, ...] = (
    NameLevel("same", lambda p: p.a == p.b and len(p.a) > 1, 5.5, "same name"),
    NameLevel("same word", lambda p: p.a == p.b, 0.5, "only the name '{given_a}' to go on"),
    NameLevel(
        "reordered", lambda p: p.both_full and sorted(p.a) == sorted(p.b), 5.0, "same name, in another order"
    ),
    NameLevel("initials", lambda p: p.initials_only, 1.0, "matching initials ({initials})"),
    NameLevel(
        "one word, given name",
        lambda p: p.one_part and p.lone_given_agrees,
        0.0,
        "only the given name '{lone_given}' to go on",
    ),
    NameLevel("one word, different", lambda p: p.one_part, -1.0, "different names"),
    # The same surname (or the same names after the given name) ...
    NameLevel(
        "spaced differently",
        lambda p: p.surname_agrees and p.given == Given.SAME and p.spaced_alike,
        5.0,
        "same name, spaced differently",
    ),
    NameLevel(
        "different middle names",
        lambda p: p.surname_agrees and p.given == Given.SAME and p.middles_differ,
        2.0,
        "same given name and surname, but different middle names ({middles_a} / {middles_b})",
    ),
    NameLevel(
        "one more name",
        lambda p: p.surname_agrees and p.given == Given.SAME,
        4.5,
        "same given name and surname; one also has '{extra_name}'",
    ),
    NameLevel(
        "nickname",
        lambda p: p.surname_agrees and p.given == Given.NICKNAME,
        4.5,
        "same surname, and {short} is a short form of {long}",
    ),
    NameLevel(
        "other language",
        lambda p: p.surname_agrees and p.given == Given.OTHER_LANGUAGE,
        2.5,
        "same surname; {given_a} and {given_b} are one name in two languages",
    ),
    NameLevel(
        "loose nickname",
        lambda p: p.surname_agrees and p.given == Given.LOOSE_NICKNAME,
        2.0,
        "same surname; {short} is sometimes a short form of {long}",
    ),
    NameLevel(
        "given name spelled alike",
        lambda p: p.surname_agrees and p.given == Given.SPELLING,
        3.5,
        "same surname; given names spelled alike ({given_a} / {given_b})",
    ),
    NameLevel(
        "given initial",
        lambda p: p.surname_agrees and p.given == Given.INITIAL,
        2.0,
        "same surname and a matching initial ({initial}.)",
    ),
    NameLevel(
        "different given names",
        lambda p: p.surname_agrees,
        -5.0,
        "same surname but different given names ({given_a} / {given_b})",
    ),
    # ... or the same given name (or a well-known short form of it) and another surname.
    NameLevel(
        "surname initial",
        lambda p: p.given == Given.SAME and p.surname_initial_only,
        2.0,
        "same given name; only the initial of the surname ({surname_initial}.) on one side",
    ),
    NameLevel(
        "nickname and surname initial",
        lambda p: p.given == Given.NICKNAME and p.surname_initial_only,
        1.5,
        "same given name; only the initial of the surname ({surname_initial}.) on one side",
    ),
    NameLevel(
        "maiden name",
        lambda p: p.given_agrees and p.surname_in_middle,
        3.0,
        "same given name; one surname appears as a middle name (a maiden name?)",
    ),
    NameLevel(
        "surname spelled alike",
        lambda p: p.given_agrees and p.surnames_alike,
        3.5,
        "same given name; surnames spelled alike ({surname_a} / {surname_b})",
    ),
    NameLevel(
        "different surnames",
        lambda p: p.given_agrees,
        -2.5,
        "same given name but different surnames ({surname_a} / {surname_b})",
    ),
    # Neither agrees outright.
    NameLevel(
        "both spelled alike",
        lambda p: p.given == Given.SPELLING and p.surnames_alike,
        2.5,
        "given names and surnames spelled alike",
    ),
    NameLevel("swapped", lambda p: p.swapped, 5.0, "same name, in another order"),
    NameLevel("different", always, -6.0, "different names"),
)


def compare_names(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[float, str]:
    """Weight and sentence for two parsed names (given name first)."""
    score, sentence, _ = name_level(a, b)
    return score, sentence


@cache
def name_level(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[float, str, str]:
    """Weight, sentence and the name of the level two parsed names reach."""
    pair = NamePair(a, b)
    level = first(NAME_LEVELS, pair)
    others = []
    ua, ub = _umlauts(a), _umlauts(b)
    if a != b and (ua != a or ub != b):  # "Müller" is written "Mueller"; "Michael" is no "Michal"
        others.append(NamePair(ua, ub))
    if len(a) == len(b) + 1 and len(a) > 2:  # "Har Risn Boulter": a space typed in the given name
        others.append(NamePair((a[0] + a[1], *a[2:]), b))
    elif len(b) == len(a) + 1 and len(b) > 2:
        others.append(NamePair(a, (b[0] + b[1], *b[2:])))
    for other in others:
        again = first(NAME_LEVELS, other)
        if again.score > level.score:
            pair, level = other, again
    return level.score, level.say(pair), level.name


def _middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Middle names that can be one person's: shared, or an initial of the other's.

    Sets, not every middle name against every other: a hostile name can hold thousands."""
    if not set(a).isdisjoint(b):
        return True
    initials_a, initials_b = {x for x in a if len(x) == 1}, {y for y in b if len(y) == 1}
    return bool(initials_a & {y[0] for y in b} or initials_b & {x[0] for x in a})


def _umlauts(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_UMLAUT.sub(r"\1", t) for t in tokens)


_UMLAUT = re.compile(r"(?<=[a-z])([aou])e")


def _given_relation(a: str, b: str) -> Given:
    if a == b:
        return Given.SAME
    if len(a) == 1 or len(b) == 1:
        return Given.INITIAL if a[0] == b[0] else Given.DIFFERENT
    kind = nickname_kind(a, b)
    if kind == "close":
        return Given.NICKNAME
    if other_language(a, b):
        return Given.OTHER_LANGUAGE
    if kind:
        return Given.LOOSE_NICKNAME
    if _GENDERED.sub("", a) == _GENDERED.sub("", b):
        return Given.DIFFERENT  # Francisco and Francisca, Cornelius and Cornelia
    if spelled_alike(a, b):
        return Given.SPELLING
    return Given.DIFFERENT


@cache
def spelled_alike(a: str, b: str) -> bool:
    """One typing slip apart (a letter dropped, doubled, swapped with its neighbour or mistyped),
    or two in a name of eight letters or more: "Harrington" and "Harrinhton", "Jon" and "John",
    "Katherine" and "Catherine". Not "Maheovari" and "Maheolkarni", which only begin alike."""
    if a == b or min(len(a), len(b)) < 3:
        return False
    if max(len(a), len(b)) <= 4 and len(a) == len(b) and sorted(a) != sorted(b):
        return False  # "Thi" and "Thu", "Ana" and "Ina": in a short name a mistyped letter is another name
    return DamerauLevenshtein.distance(a, b, score_cutoff=2) <= (1 if max(len(a), len(b)) < 8 else 2)


_GENDERED = re.compile(r"(a|o|us|e|os|as|ina|ine)$")
