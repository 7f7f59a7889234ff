"""Names as comparable tokens: accents folded, scripts transliterated, titles and credentials
dropped, "Last, First" turned around, and given names compared through their nicknames.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from anyascii import anyascii
from nameparser.config import CONSTANTS
from nicknames import NickNamer

# Things people put in display names that are not their name.
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}")
_PRONOUNS = re.compile(r"\b(she|he|they|xe|ze)\s*/\s*(her|him|them|hers|his|theirs|xem|zir)\b", re.I)
_HEADLINE = re.compile(r"\s[|•·@–—]\s.*$")
_PLAIN = re.compile(r" *[A-Za-z]+(?: +[A-Za-z]+)* *")
_HYPHEN = re.compile(r"(?<=\w)[-‐‑](?=\w)")
# Titles before a name that are never a name themselves; handles.py drops them from usernames too.
HONORIFICS = frozenset({"dr", "prof", "mr", "mrs", "ms", "mx", "miss", "sir", "dame"})
_TITLES = frozenset(CONSTANTS.titles) | HONORIFICS
# Credentials written after a name without a comma; a short list, since the long one holds real
# surnames ("Do", "Ma", "Ali").
_TRAILING = frozenset(
    [
        "phd",
        "mba",
        "md",
        "cpa",
        "pmp",
        "csm",
        "cfa",
        "msc",
        "bsc",
        "jd",
        "esq",
        "jr",
        "sr",
        "ii",
        "iii",
        "iv",
        "dds",
        "dvm",
        "llm",
        "mph",
        "rn",
    ]
)
# Credentials after a comma: nameparser's suffixes, the trailing ones, and a few more.
_CREDENTIALS = (
    frozenset(CONSTANTS.suffix_acronyms)
    | frozenset(CONSTANTS.suffix_not_acronyms)
    | _TRAILING
    | frozenset(["ma", "ba", "pe", "ceng", "frcs", "mrcp", "meng", "beng"])
)


@dataclass(frozen=True, slots=True)
class Name:
    """A display name reduced to lower-case ASCII tokens, given name first."""

    tokens: tuple[str, ...]

    @property
    def first(self) -> str:
        return self.tokens[0] if self.tokens else ""

    @property
    def last(self) -> str:
        return self.tokens[-1] if len(self.tokens) > 1 else ""

    @property
    def full(self) -> str:
        return " ".join(self.tokens)

    def __bool__(self) -> bool:
        return bool(self.tokens)


def fold(text: str) -> str:
    """NFKC, transliterated to ASCII, lower case, only letters, digits and single spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = "".join(c for c in text if c.isascii() or not unicodedata.category(c).startswith(("S", "C")))
        text = anyascii(text)
    return " ".join(_NOT_ALNUM.sub(" ", text.lower().replace("'", "")).split())


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _is_credential(part: str) -> bool:
    words = fold(part).split()
    return bool(words) and all(w in _CREDENTIALS for w in words)


def parse(display: str, first: str = "", last: str = "") -> Name:
    """The comparable form of a name. ``first``/``last`` are used where an export has them."""
    if first or last:
        display = f"{first} {last}"
    if _PLAIN.fullmatch(display):  # most names: letters and spaces only
        return _trimmed(display.lower().split())
    text = _PRONOUNS.sub(" ", _BRACKETED.sub(" ", display))
    text = _HEADLINE.sub("", text)
    parts = [p for p in text.split(",") if p.strip()]
    # Credentials after commas ("Anna Schmidt, PhD, MBA") go; one other part means "Last, First".
    kept = [parts[0]] + [p for p in parts[1:] if not _is_credential(p)] if parts else []
    if len(kept) == 2 and len(fold(kept[1]).split()) <= 3:
        kept = [kept[1], kept[0]]
    # A hyphenated name is one name: "Müller-Lüdenscheidt", "Jean-Pierre", "Al-Ahmad".
    return _trimmed(fold(_HYPHEN.sub("", " ".join(kept))).split())


def _trimmed(tokens: list[str]) -> Name:
    # Honorifics go whenever a name remains; titles that are also names ("Dean", "Major") only
    # from names of three tokens or more.
    while len(tokens) > 1 and (tokens[0] in HONORIFICS or (len(tokens) > 2 and tokens[0] in _TITLES)):
        tokens.pop(0)
    # Trailing credentials without a comma ("Jane Doe MBA"), never eating a short surname ("Andrew Ma").
    while len(tokens) > 2 and tokens[-1] in _TRAILING:
        tokens.pop()
    return Name(tuple(tokens))


@cache
def nicknamer() -> NickNamer:
    """The `nicknames` data set, loaded once: nicknames and formal names of English given names."""
    return NickNamer()


@cache
def extra_groups() -> dict[str, frozenset[str]]:
    """The supplement (nicknames_extra.yaml): each name with every name of its groups, itself included."""
    return _name_groups("nicknames_extra.yaml")


@cache
def language_groups() -> dict[str, frozenset[str]]:
    """languages.yaml: each given name with its forms in other languages, itself included."""
    return _name_groups("languages.yaml")


def _name_groups(filename: str) -> dict[str, frozenset[str]]:
    """A file of groups of names (a YAML list of lists): each name, folded, with its groups' names."""
    text = resources.files(__package__).joinpath(filename).read_text("utf-8")
    groups: dict[str, set[str]] = {}
    for group in yaml.safe_load(text):
        names = {fold(str(n)) for n in group}
        for n in names:
            groups.setdefault(n, set()).update(names)
    return {k: frozenset(v) for k, v in groups.items()}


def other_language(a: str, b: str) -> bool:
    """Whether two given names are one name in two languages: Alejandro and Alexander."""
    return b in language_groups().get(a, ())


@cache
def given_forms(name: str) -> frozenset[str]:
    """A given name with its nicknames and formal forms (Bob: robert; Liz: elizabeth)."""
    name = fold(name)
    nn = nicknamer()
    forms = {name} | nn.nicknames_of(name) | nn.canonicals_of(name)
    forms |= extra_groups().get(name, frozenset())
    return frozenset(fold(f) for f in forms)


def same_given(a: str, b: str) -> bool:
    """Whether two given names can be one person's: equal, or one a nickname of the other.

    Two nicknames sharing a formal name are not enough (Bill and Bob are both Williams' or
    Roberts'), so one side must be among the other's forms.
    """
    a, b = fold(a), fold(b)
    if not a or not b:
        return False
    return a == b or b in given_forms(a) or a in given_forms(b)


@cache
def close_forms(name: str) -> frozenset[str]:
    """A given name with only its well-known forms (see nickname_kind)."""
    return frozenset(f for f in given_forms(name) if f == fold(name) or nickname_kind(name, f) == "close")


def nickname_kind(a: str, b: str) -> str | None:
    """ "close" when one given name is a well-known form of the other (Bob and Robert, Kate and
    Katherine, Sasha and Aleksandr, Chris and Christopher), "loose" when only the `nicknames` data
    set pairs them (it also pairs Lena with Katherine), None when they are not related."""
    a, b = fold(a), fold(b)
    if a == b or not same_given(a, b):
        return None
    if b in extra_groups().get(a, ()) or (min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a))):
        return "close"
    return "loose"
