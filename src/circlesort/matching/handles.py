"""Usernames, LinkedIn slugs and e-mail local parts read as evidence of a name.

"janedoe92", "jane.doe", "doe_jane", "jdoe" and "lizzychen" all spell (part of) a name; "sunnyowl42"
does not. A handle is cut into segments at punctuation and digits; a segment is then explained
against the tokens of a name, nicknames included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from circlesort.matching.normalize import HONORIFICS, close_forms, fold, given_forms

_SEGMENTS = re.compile(r"[a-z]+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# Slug and handle decorations that are not a name ("the.jane", "dr-anna-schmidt", "jane-doe-phd").
# Credentials are the short list people put in slugs; nameparser's long list holds "ed" and "ali".
_NOISE = HONORIFICS | frozenset(
    {
        "the",
        "its",
        "im",
        "iam",
        "real",
        "official",
        "hey",
        "hi",
        "phd",
        "mba",
        "md",
        "cpa",
        "pmp",
        "jr",
        "sr",
        "ii",
        "iii",
        "esq",
        "msc",
    }
)
# Words people add to a username after their name: "andrew.weber.photo", "hannah.b.design",
# "jane_doe_official". A segment that is one of them is not part of the name; the longer ones are
# also cut off the end of a name written in one run ("yuliabelinanskidesign").
SUFFIXES = frozenset(
    {"art", "arts", "dev", "pt", "nyc", "la", "uk", "fit", "tv", "xo", "hq", "ig", "co"}
) | frozenset(
    {
        "photo",
        "photos",
        "photography",
        "design",
        "designs",
        "music",
        "films",
        "film",
        "studio",
        "tattoo",
        "tattoos",
        "travels",
        "travel",
        "writes",
        "coach",
        "makeup",
        "beauty",
        "fitness",
        "foodie",
        "official",
        "creative",
        "creates",
        "draws",
        "makes",
        "yoga",
        "books",
        "reads",
        "style",
        "styles",
        "shop",
        "media",
        "visuals",
        "sings",
        "dance",
        "cooks",
        "bakes",
        "runs",
    }
)
_RUN_ON = re.compile(
    "(?<=[a-z]{6})(" + "|".join(sorted((w for w in SUFFIXES if len(w) >= 4), key=len, reverse=True)) + ")$"
)


def _without_suffix(segments: tuple[str, ...]) -> tuple[str, ...]:
    """The segments without the words people add after their name (SUFFIXES)."""
    kept = tuple(s for s in segments if s not in SUFFIXES) or segments
    cut = _RUN_ON.sub("", kept[-1])
    return kept if cut == kept[-1] else (*kept[:-1], cut)


# Most letters a handle that spells a name has: usernames stop at 30, an e-mail's local part at 64.
# Longer ones (only a hostile export has them) are compared whole but never read as a name, which
# would take time growing with the square of their length.
LONGEST = 100


@dataclass(slots=True)  # not frozen: built tens of thousands of times per match
class Handle:
    """One handle of an account: where it came from, as shown, and its letter segments."""

    kind: str  # "instagram username", "e-mail address", "LinkedIn profile address" ...
    shown: str  # as the user would recognise it
    bare: str  # lower case letters and digits only, for "the same username"
    segments: tuple[str, ...]  # letter runs without decoration, e.g. ("jane", "doe")
    letters: str  # the segments written together: "janedoe"


def make_handle(kind: str, text: str) -> Handle | None:
    """A handle, or None when nothing is left of it once digits and punctuation go."""
    folded = text.lower() if text.isascii() else fold(text.replace(".", " ").replace("_", " "))
    segments = tuple(s for s in _SEGMENTS.findall(folded) if s not in _NOISE)
    if not segments:
        return None
    segments = _without_suffix(segments)
    bare = _NOT_ALNUM.sub("", folded)
    return Handle(kind, text, bare, segments, "".join(segments))


def linkedin_slug(url: str) -> str | None:
    """The name part of a profile URL: "jose-alvarez-3b2a91" without its trailing id."""
    m = re.search(r"/in/([^/?#]+)", url)
    if not m:
        return None
    parts = m.group(1).split("-")
    # LinkedIn appends an id of hex digits to names that were taken ("jane-doe-7a1b").
    while len(parts) > 1 and re.search(r"\d", parts[-1]):
        parts.pop()
    return "-".join(parts)


# --- explaining a handle by a name ------------------------------------------------------------

FULL = "full"  # both given name (or a nickname) and surname
INITIAL = "initial"  # the given name's initial and the surname: "jdoe", "doe.j"
GIVEN_INITIAL = "given and initial"  # the given name and the surname's initial: "janed", "bob.j"
GIVEN = "given"  # only the given name (or a nickname): "the.jane", "jane92"
# Given name and surname, each of one or two letters: "kaan" holds An Ka, as "boli" holds Bo Li.
# So many usernames hold such letters by chance that this is at most a suggestion, never a link.
SHORT = "short parts"
SURNAME = "surname"  # only the surname
LEVELS = (FULL, INITIAL, GIVEN_INITIAL, SHORT, GIVEN, SURNAME)


def explain(handle: Handle, tokens: tuple[str, ...]) -> tuple[str, str] | None:
    """How much of the name ``tokens`` the handle spells, and the form of the given name it uses.

    Returns (level, given form) or None. Surnames count from four letters and given names from
    three, so "al" or "li" alone never explain a handle; together, two parts of one or two
    letters are SHORT. German umlauts written out ("mueller") are tried as well.
    """
    if len(handle.letters) > LONGEST:
        return None
    found = _explain(handle.letters, handle.segments, tokens)
    if (found is None or found[0] != FULL) and _UMLAUTS.search(handle.letters):
        segments = tuple(_UMLAUTS.sub(lambda m: m.group(0)[0], s) for s in handle.segments)
        again = _explain("".join(segments), segments, tokens)
        if again and (found is None or LEVELS.index(again[0]) < LEVELS.index(found[0])):
            found = again
    return found


_UMLAUTS = re.compile(r"(?<=[a-z])[aou]e")


def _adjacent(letters: str, segments: tuple[str, ...], first: str, second: str) -> bool:
    """``first`` then ``second`` in ``letters``. A short form may run on by two letters ("liz-zy-chen");
    a surname of three letters or fewer must end the handle or be a segment of its own."""
    i = letters.find(first)
    while i >= 0:
        j = letters.find(second, i + len(first))
        while 0 <= j - i - len(first) <= 2:
            if j > i + len(first) and len(given_forms(letters[i:j])) < 2:
                break  # the letters between must make the short form another known name: "lizzy"
            if len(second) > 3 or second in segments or j + len(second) == len(letters):
                return True
            j = letters.find(second, j + 1)
        i = letters.find(first, i + 1)
    return False


def _explain(letters: str, segments: tuple[str, ...], tokens: tuple[str, ...]) -> tuple[str, str] | None:
    if not tokens:
        return None
    given = tokens[0]
    surnames = [tokens[-1], "".join(tokens[1:])] if len(tokens) > 1 else []
    forms = _longest_first(given)
    if len(tokens) > 2:  # "ngoctram" for Ngoc Tram Nguyen
        forms = ["".join(tokens[:-1]), *forms]
    if surnames and len(surnames[0]) == 1:  # "Natalya M.": only the initial is known
        surnames = []
        for form in forms:
            if len(form) >= 3 and letters == form + tokens[-1]:
                return GIVEN_INITIAL, form
    short: tuple[str, str] | None = None  # the name spelled only by parts of one or two letters
    for last in surnames:
        if last not in letters:
            continue
        for form in forms:
            if (
                len(form) >= 2
                and form in letters
                and (_adjacent(letters, segments, form, last) or last + form in letters)
            ):
                if len(form) > 2 or len(last) > 2:
                    return FULL, form
                short = short or (SHORT, form)
    if len(segments) <= 2:
        initials = dict.fromkeys(f[0] for f in (given, *forms) if len(f) > 1)  # "rnavarro" for Bob
        for last in surnames:
            for initial in initials if len(given) > 1 and last in letters else ():
                if _beside(segments, initial, last):
                    if len(last) > 2:
                        return INITIAL, initial
                    short = short or (SHORT, initial)
        for form in forms:
            if surnames and len(form) >= 3 and form in letters and _beside(segments, form, surnames[0][0]):
                return GIVEN_INITIAL, form
    if short:
        return short
    for form in forms:
        if len(form) >= 3 and form in segments:
            return GIVEN, form
    if surnames and len(surnames[0]) >= 4 and surnames[0] in segments:
        return SURNAME, ""
    for form in forms:  # "jane92", "janeart": the given name opening a single segment
        if len(form) >= 4 and len(segments) == 1 and letters.startswith(form):
            return GIVEN, form
    return None


@cache
def _longest_first(given: str) -> list[str]:
    return sorted(close_forms(given), key=len, reverse=True)


def _beside(segs: tuple[str, ...], a: str, b: str) -> bool:
    """ "jdoe", "j.doe", "doej", "janed": ``a`` next to ``b``, nothing else around them."""
    if len(segs) == 1:
        return segs[0] in (a + b, b + a)
    if len(segs) == 2:
        return (segs[0], segs[1]) in ((a, b), (b, a))
    return False


# --- splitting a handle into name tokens, for finding candidates --------------------------------


def split_tokens(handle: Handle, vocabulary: frozenset[str] | set[str]) -> set[tuple[str, str]]:
    """Pairs of name tokens the handle could spell, as (given or initial, surname) in either order.

    ``vocabulary`` holds the name tokens seen on named accounts, so "janedoe" splits only where
    both halves are real names of someone in the export.
    """
    found: set[tuple[str, str]] = set()
    if len(handle.letters) > LONGEST:
        return found
    singles: list[str] = []
    for seg in handle.segments:
        if seg in vocabulary:
            singles.append(seg)
            continue
        for i in range(2, len(seg) - 1):
            head, tail = seg[:i], seg[i:]
            if head in vocabulary and tail in vocabulary:
                found.add((head, tail))
        if len(seg) >= 4 and seg[1:] in vocabulary:
            found.add((seg[0], seg[1:]))
        if len(seg) >= 4 and seg[:-1] in vocabulary:
            found.add((seg[:-1], seg[-1]))
    for i, a in enumerate(singles):
        for b in singles[i + 1 :]:
            found.add((a, b))
    if len(handle.segments) == 2:  # "j.doe", "jane.d"
        a, b = handle.segments
        if len(a) == 1 and b in vocabulary:
            found.add((a, b))
        if len(b) == 1 and a in vocabulary:
            found.add((a, b))
    return found
