"""Comparing two accounts: evidence as log-odds, each piece with a sentence a user understands.

The weights are hand-set log-odds in the spirit of Fellegi-Sunter: shared identifiers (e-mail,
Instagram/Threads username) decide alone; names count by how closely they agree and how rare
they are; an employer or a username that spells the name adds to them. Tiers cut the sum.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import JaroWinkler

from circlesort.matching import handles as H
from circlesort.matching.frequency import Frequencies
from circlesort.matching.normalize import nickname_kind, same_given
from circlesort.matching.profile import Profile, employer_matches, network_name
from circlesort.matching.rarity import ADJUSTMENT, COMMON_GIVEN, UNCOMMON, VERY_COMMON, commonness

CERTAIN, LIKELY, POSSIBLE = "certain", "likely", "possible"
CERTAIN_FLOOR = 4.5
LIKELY_FLOOR = 3.0  # links start here; below it a pair is at most a suggestion
THRESHOLDS = ((CERTAIN, CERTAIN_FLOOR), (LIKELY, LIKELY_FLOOR), (POSSIBLE, 1.5))
CONFLICT = -4.0  # at or below this, two accounts can never be one person
STRUCTURE = 1.0  # a name held by exactly one account on each of three networks or more


def tier_of(logit: float) -> str | None:
    for tier, floor in THRESHOLDS:
        if logit >= floor:
            return tier
    return None


def score_of(logit: float) -> float:
    """A probability-like score for display, 0 to 1."""
    return round(1 / (1 + math.exp(-(logit - 1.0))), 2)


@dataclass(frozen=True, slots=True)
class Comparison:
    logit: float
    evidence: tuple[str, ...]


def _title(token: str) -> str:
    return token[:1].upper() + token[1:]


@cache
def compare_names(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[float, str]:
    """Weight and sentence for two parsed names (given name first)."""
    if a != b:  # "Müller" is written "Mueller" as often as "Muller"
        a, b = _umlauts(a), _umlauts(b)
    if a == b:
        return (5.5, "same name") if len(a) > 1 else (0.5, f"only the name '{_title(a[0])}' to go on")
    if len(a) > 1 and len(b) > 1 and sorted(a) == sorted(b):
        return 5.0, "same name, in another order"
    if (
        len(a) == len(b)
        and all(x[0] == y[0] for x, y in zip(a, b, strict=True))
        and (all(len(x) == 1 for x in a) or all(len(y) == 1 for y in b))
    ):
        return 1.0, f"matching initials ({' '.join(t[0].upper() + '.' for t in a)})"
    if len(a) == 1 or len(b) == 1:
        one, full = (a, b) if len(a) == 1 else (b, a)
        if same_given(one[0], full[0]):
            return 0.0, f"only the given name '{_title(one[0])}' to go on"
        return -1.0, "different names"
    a0, aL, b0, bL = a[0], a[-1], b[0], b[-1]
    first = _given_relation(a0, b0)
    if aL == bL or "".join(a[1:]) == "".join(b[1:]):
        if first == "same":
            extra = sorted(set(a) ^ set(b))
            if "".join(a) == "".join(b) or not extra:
                return 5.0, "same name, spaced differently"
            a_mid, b_mid = a[1:-1], b[1:-1]
            if a_mid and b_mid and not _middles_agree(a_mid, b_mid):
                return 2.0, (
                    f"same given name and surname, but different middle names "
                    f"({' '.join(map(_title, a_mid))} / {' '.join(map(_title, b_mid))})"
                )
            return 4.5, f"same given name and surname; one also has '{_title(extra[0])}'"
        if first in ("nickname", "loose nickname"):
            short, full = (a0, b0) if len(a0) <= len(b0) else (b0, a0)
            if first == "loose nickname":
                return 2.0, f"same surname; {_title(short)} is sometimes a short form of {_title(full)}"
            return 4.5, f"same surname, and {_title(short)} is a short form of {_title(full)}"
        if first == "spelling":
            return 3.5, f"same surname; given names spelled alike ({_title(a0)} / {_title(b0)})"
        if first == "initial":
            return 2.0, f"same surname and a matching initial ({a0[0].upper()}.)"
        return -5.0, f"same surname but different given names ({_title(a0)} / {_title(b0)})"
    if first in ("same", "nickname"):
        if min(len(aL), len(bL)) == 1 and aL[0] == bL[0]:
            return (2.0 if first == "same" else 1.5), (
                f"same given name; only the initial of the surname ({aL[0].upper()}.) on one side"
            )
        if bL in a[1:-1] or aL in b[1:-1]:
            return 3.0, "same given name; one surname appears as a middle name (a maiden name?)"
        if JaroWinkler.normalized_similarity(aL, bL) >= 0.9:
            return 3.5, f"same given name; surnames spelled alike ({_title(aL)} / {_title(bL)})"
        return -2.5, f"same given name but different surnames ({_title(aL)} / {_title(bL)})"
    if first == "spelling" and JaroWinkler.normalized_similarity(aL, bL) >= 0.92:
        return 2.5, "given names and surnames spelled alike"
    if a0 == bL and aL == b0:
        return 5.0, "same name, in another order"
    return -6.0, "different names"


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


def _given_relation(a: str, b: str) -> str:
    if a == b:
        return "same"
    if len(a) == 1 or len(b) == 1:
        return "initial" if a[0] == b[0] else "different"
    kind = nickname_kind(a, b)
    if kind:
        return "nickname" if kind == "close" else "loose nickname"
    if _GENDERED.sub("", a) == _GENDERED.sub("", b):
        return "different"  # Francisco and Francisca, Cornelius and Cornelia
    if a[0] == b[0] and JaroWinkler.normalized_similarity(a, b) >= 0.9:
        return "spelling"
    return "different"


_GENDERED = re.compile(r"(a|o|us|e|os|as|ina|ine)$")


_HANDLE_WEIGHT = {
    H.FULL: 4.0,
    H.INITIAL: 2.5,
    H.GIVEN_INITIAL: 1.5,
    H.SHORT: 1.5,
    H.GIVEN: 0.5,
    H.SURNAME: 0.5,
}
_HANDLE_SENTENCE = {
    H.FULL: "{kind} '{shown}' spells the name {name}",
    H.INITIAL: "{kind} '{shown}' spells the initial and surname of {name}",
    H.GIVEN_INITIAL: "{kind} '{shown}' spells the given name and surname initial of {name}",
    H.SHORT: "{kind} '{shown}' may spell {name}, but only with name parts of one or two letters",
    H.GIVEN: "{kind} '{shown}' holds only the given name of {name}",
    H.SURNAME: "{kind} '{shown}' holds only the surname of {name}",
}


def _handles_vs_name(
    handles: tuple[H.Handle, ...], tokens: tuple[str, ...], freq: Frequencies | None
) -> tuple[float, str, str]:
    """Weight, sentence and level of the handle that spells most of the name."""
    best: tuple[int, H.Handle] | None = None  # (level's place in LEVELS, handle)
    for h in handles:
        found = H.explain(h, tokens)
        if found and (best is None or H.LEVELS.index(found[0]) < best[0]):
            best = (H.LEVELS.index(found[0]), h)
    if best is None:
        return 0.0, "", ""
    level, h = H.LEVELS[best[0]], best[1]
    w = _HANDLE_WEIGHT[level]
    sentence = _HANDLE_SENTENCE[level].format(kind=h.kind, shown=h.shown, name=" ".join(map(_title, tokens)))
    if level == H.FULL and h.letters in ("".join(tokens), "".join(tokens[1:]) + tokens[0]):
        w += 0.5  # the name and nothing else: "jose.alvarez", not "jose.alvarez.art92"
    if level == H.GIVEN and freq is not None and freq.rare_given(tokens[0]):
        w += 1.0
        sentence += f", and hardly anyone else here is called {_title(tokens[0])}"
    elif (
        level == H.INITIAL
        and freq is not None
        and freq.rare_surname(tokens[-1])
        and commonness(tokens) in (UNCOMMON, COMMON_GIVEN)
    ):
        w += 0.5
        sentence += f", and hardly anyone else here is called {_title(tokens[-1])}"
    return w, sentence, level


# Usernames people pick themselves; LinkedIn builds its addresses from the name.
_CHOSEN = frozenset(
    {
        "Instagram username",
        "Threads username",
        "X handle",
        "Mastodon account",
        "Bluesky handle",
        "e-mail address",
    }
)


def _shared_handle(a: Profile, b: Profile, freq: Frequencies | None) -> tuple[float, str]:
    """The same username on two networks. One that spells the name is the name's evidence again
    ("johnsmith") and only corroborates; one that does not ("sunnyowl42") counts by its length."""
    best: tuple[float, str] = (0.0, "")
    for x in a.handles:
        for y in b.handles:
            if x.kind == "e-mail address" and y.kind == "e-mail address":
                continue  # the same e-mail is counted as such
            if x.bare == y.bare and len(x.bare) >= 3:
                w = 1.0 + 0.35 * min(len(x.letters), 12) + (0.5 if x.bare != x.letters else 0.0)
                sentence = f"same username '{x.bare}' ({x.kind}, {y.kind})"
            elif x.letters == y.letters and len(x.letters) >= 5:
                w = 0.2 * min(len(x.letters), 12)  # different digits: maybe two people's
                sentence = f"{x.kind} '{x.shown}' and {y.kind} '{y.shown}' read alike"
            else:
                continue
            levels = {(H.explain(x, t) or ("",))[0] for t in (a.tokens, b.tokens) if t}
            if levels & {H.FULL, H.INITIAL}:
                # Chosen twice, a username that spells the name backs it a little; a LinkedIn
                # address or an e-mail made from the name says nothing the name did not.
                w = 0.5 if x.kind in _CHOSEN and y.kind in _CHOSEN else 0.0
            elif levels - {""}:
                w = min(w, 0.5)
            elif freq is not None and len(x.segments) == 1 and freq.given[x.segments[0]]:
                # "the.jane" on two networks: only a given name, which many could choose
                w = min(w, 2.0 if freq.rare_given(x.segments[0]) else 1.0)
            if w > best[0]:
                best = (w, sentence)
    return best


def compare(a: Profile, b: Profile, freq: Frequencies | None = None) -> Comparison:
    """All the evidence that ``a`` and ``b`` are one person, summed as log-odds."""
    identifiers = _identifiers(a, b, freq)
    w, sentence, short = _name_evidence(a, b, freq)
    found = [*identifiers, (w, sentence), _employer(a, b)]
    logit = sum(w for w, s in found if s)
    if short:  # "kaan" for An Ka: a suggestion at most, whatever else agrees, bar a shared identifier
        logit = min(logit, sum(w for w, s in identifiers if s) + LIKELY_FLOOR - 0.1)
    return Comparison(logit, tuple(s for _, s in found if s))


def _identifiers(a: Profile, b: Profile, freq: Frequencies | None) -> list[tuple[float, str]]:
    """What names an account outright: an e-mail address, a username."""
    out = []
    shared_emails = a.emails & b.emails
    if shared_emails:
        out.append((9.0, f"same e-mail address ({min(shared_emails)})"))
    if {a.network, b.network} == {"instagram", "threads"} and a.account.key == b.account.key:
        out.append((9.0, "same username on Instagram and Threads (one Meta account)"))
    else:
        out.append(_shared_handle(a, b, freq))
    return out


def _name_evidence(a: Profile, b: Profile, freq: Frequencies | None) -> tuple[float, str, bool]:
    """The names, or a username standing in for a name, weighed by how many could share them;
    and whether that username spells the name only by parts of one or two letters."""
    w, sentence, short = 0.0, "", False
    if a.tokens and b.tokens:
        w, sentence = compare_names(a.tokens, b.tokens)
        notes = a.notes + b.notes
        if w >= 4.5 and notes:
            sentence += " after " + " and ".join(dict.fromkeys(notes))
    both_named = len(a.tokens) > 1 and len(b.tokens) > 1
    for named, other in ((a, b), (b, a)):
        if named.tokens and other.handles:
            hw, hs, level = _handles_vs_name(other.handles, named.tokens, freq)
            if not both_named and hw > w:
                w, sentence = hw, hs  # a username stands in for a name the account lacks
                short = level == H.SHORT
            elif both_named and hw >= 4.0 and 3.0 <= w < 4.5:
                w, sentence = w + 0.5, f"{sentence}; {hs}"  # a username backs a near match
    if w < 2.0:
        return w, sentence, short
    # What both accounts show is what tells the person apart: a middle name on one side does not.
    tokens = min((t for t in (a.tokens, b.tokens) if t), key=len)
    if not both_named and len(tokens) > 2:
        tokens = (tokens[0], tokens[-1])  # a username spells given name and surname at most
    rarity = commonness(tokens) if len(tokens) > 1 else COMMON_GIVEN
    adjust = ADJUSTMENT[rarity] if rarity != UNCOMMON or w >= 3.0 else 0.0
    shared = freq.adjustment(tokens, a.network, b.network) if freq is not None else 0.0
    if rarity == VERY_COMMON:
        sentence += ", but a very common name"
    elif shared < -1.0:
        sentence += ", but its parts are common among the people here"
    elif rarity == UNCOMMON and len(tokens) > 1 and w + adjust >= 4.5:
        sentence += ", an uncommon name"
    w += min(adjust, shared) if shared < 0 else adjust
    if freq is not None and a.tokens == b.tokens and w < 4.5 and rarity != VERY_COMMON:
        alone = freq.only_one_on_each(a.tokens)
        if len(alone) >= 3:  # one person seen everywhere, not namesakes scattered about
            w = max(w, min(w + STRUCTURE, CERTAIN_FLOOR - 0.1))  # a glance, never certain alone
            sentence += (
                f"; the only {' '.join(map(_title, a.tokens))} on each of "
                f"{', '.join(network_name(n) for n in alone)}"
            )
    return w, sentence, short


def _employer(a: Profile, b: Profile) -> tuple[float, str]:
    for x, y in ((a, b), (b, a)):
        how = employer_matches(x.employer, y)
        if how:
            what = "company" if how == "company" else "e-mail domain"
            return 2.0, (
                f"same employer: {x.account.company} ({network_name(x.network)}) "
                f"and the {what} on {network_name(y.network)}"
            )
    return 0.0, ""
