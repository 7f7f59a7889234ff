"""Comparing two accounts: evidence as log-odds, each piece with a sentence a user understands.

The weights are hand-set log-odds in the spirit of Fellegi-Sunter: shared identifiers (e-mail,
Instagram/Threads username) decide alone; names count by how closely they agree and how rare
they are; an employer or a username that spells the name adds to them. Tiers cut the sum.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from circlesort.matching import handles as H
from circlesort.matching.frequency import Frequencies
from circlesort.matching.levels import Level, always, first
from circlesort.matching.names import compare_names, titled
from circlesort.matching.profile import Profile, employer_matches, network_name
from circlesort.matching.rarity import ADJUSTMENT, COMMON_GIVEN, UNCOMMON, VERY_COMMON, commonness
from circlesort.model import Tier

CERTAIN_FLOOR = 4.5
LIKELY_FLOOR = 3.0  # links start here; below it a pair is at most a suggestion
THRESHOLDS = ((Tier.CERTAIN, CERTAIN_FLOOR), (Tier.LIKELY, LIKELY_FLOOR), (Tier.POSSIBLE, 1.5))
CONFLICT = -4.0  # at or below this, two accounts can never be one person
STRUCTURE = 1.0  # a name held by exactly one account on each of three networks or more


def tier_of(logit: float) -> Tier | None:
    """The tier a pair's log-odds reach, or None below a suggestion's."""
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


# --- a username that spells the name --------------------------------------------------------


class Spelled:
    """A handle that spells (part of) a name, at the level handles.explain found, and what the
    handle levels ask of it."""

    def __init__(
        self, handle: H.Handle, found: str, tokens: tuple[str, ...], freq: Frequencies | None
    ) -> None:
        self.handle, self.found, self.tokens, self.freq = handle, found, tokens, freq

    @property
    def name_alone(self) -> bool:
        """The name and nothing else: "jose.alvarez", not "jose.alvarez.art92"."""
        tokens = self.tokens
        return self.handle.letters in ("".join(tokens), "".join(tokens[1:]) + tokens[0])

    @property
    def rare_given(self) -> bool:
        return self.freq is not None and self.freq.rare_given(self.tokens[0])

    @property
    def rare_surname(self) -> bool:
        """Hardly anyone else here has the surname, and the name is not a common one."""
        return (
            self.freq is not None
            and self.freq.rare_surname(self.tokens[-1])
            and commonness(self.tokens) in (UNCOMMON, COMMON_GIVEN)
        )

    @property
    def kind(self) -> str:
        return self.handle.kind

    @property
    def shown(self) -> str:
        return self.handle.shown

    @property
    def name(self) -> str:
        return " ".join(map(titled, self.tokens))

    @property
    def given(self) -> str:
        return titled(self.tokens[0])

    @property
    def surname(self) -> str:
        return titled(self.tokens[-1])


HandleLevel = Level[Spelled]

# The levels of handles.LEVELS, each split where the name's rarity in the bundle adds to it:
# HandleLevel(name, test, log-odds, words), walked from the top.
HANDLE_LEVELS: tuple[HandleLevel, ...] = (
    HandleLevel(
        "the name alone",
        lambda s: s.found == H.FULL and s.name_alone,
        4.5,
        "{kind} '{shown}' spells the name {name}",
    ),
    HandleLevel("the name", lambda s: s.found == H.FULL, 4.0, "{kind} '{shown}' spells the name {name}"),
    HandleLevel(
        "initial and a rare surname",
        lambda s: s.found == H.INITIAL and s.rare_surname,
        3.0,
        "{kind} '{shown}' spells the initial and surname of {name}, "
        "and hardly anyone else here is called {surname}",
    ),
    HandleLevel(
        "initial and surname",
        lambda s: s.found == H.INITIAL,
        2.5,
        "{kind} '{shown}' spells the initial and surname of {name}",
    ),
    HandleLevel(
        "given name and initial",
        lambda s: s.found == H.GIVEN_INITIAL,
        1.5,
        "{kind} '{shown}' spells the given name and surname initial of {name}",
    ),
    HandleLevel(
        "short parts",
        lambda s: s.found == H.SHORT,
        1.5,
        "{kind} '{shown}' may spell {name}, but only with name parts of one or two letters",
    ),
    HandleLevel(
        "a rare given name",
        lambda s: s.found == H.GIVEN and s.rare_given,
        1.5,
        "{kind} '{shown}' holds only the given name of {name}, and hardly anyone else here is called {given}",
    ),
    HandleLevel(
        "given name",
        lambda s: s.found == H.GIVEN,
        0.5,
        "{kind} '{shown}' holds only the given name of {name}",
    ),
    HandleLevel(
        "surname",
        lambda s: s.found == H.SURNAME,
        0.5,
        "{kind} '{shown}' holds only the surname of {name}",
    ),
)


def _handles_vs_name(
    handles: tuple[H.Handle, ...], tokens: tuple[str, ...], freq: Frequencies | None
) -> tuple[float, str, str]:
    """Weight, sentence and level (of handles.LEVELS) of the handle that spells most of the name."""
    best: tuple[int, H.Handle] | None = None  # (level's place in LEVELS, handle)
    for h in handles:
        found = H.explain(h, tokens)
        if found and (best is None or H.LEVELS.index(found[0]) < best[0]):
            best = (H.LEVELS.index(found[0]), h)
    if best is None:
        return 0.0, "", ""
    spelled = Spelled(best[1], H.LEVELS[best[0]], tokens, freq)
    level = first(HANDLE_LEVELS, spelled)
    return level.score, level.say(spelled), spelled.found


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
    w, sentence, short = _names_or_handles(a, b, freq)
    if w < 2.0:
        return w, sentence, short
    how = HowCommon.of(a, b, freq, w)
    sentence += next(q for q in COMMONNESS if q.test(how)).words
    w, sentence = _seen_alone(a, b, freq, how, how.adjusted, sentence)
    return w, sentence, short


def _names_or_handles(a: Profile, b: Profile, freq: Frequencies | None) -> tuple[float, str, bool]:
    """The names compared; a username stands in for the name an account lacks, or backs a near
    match of two full names."""
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
    return w, sentence, short


# --- how many could share the name ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HowCommon:
    """How common a name is, and what that does to the evidence resting on it (``weight``)."""

    tokens: tuple[str, ...]  # what both accounts show of the name
    rarity: str  # VERY_COMMON, COMMON_SURNAME, COMMON_GIVEN or UNCOMMON (rarity.py)
    adjust: float  # log-odds rarity.ADJUSTMENT gives the name, at this weight
    shared: float  # log-odds the bundle's own counts take off (term frequency, <= 0)
    weight: float

    @classmethod
    def of(cls, a: Profile, b: Profile, freq: Frequencies | None, weight: float) -> HowCommon:
        # What both accounts show tells the person apart: a middle name on one side does not.
        tokens = min((t for t in (a.tokens, b.tokens) if t), key=len)
        if not (len(a.tokens) > 1 and len(b.tokens) > 1) and len(tokens) > 2:
            tokens = (tokens[0], tokens[-1])  # a username spells given name and surname at most
        rarity = commonness(tokens) if len(tokens) > 1 else COMMON_GIVEN
        adjust = ADJUSTMENT[rarity] if rarity != UNCOMMON or weight >= 3.0 else 0.0
        shared = freq.adjustment(tokens, a.network, b.network) if freq is not None else 0.0
        return cls(tokens, rarity, adjust, shared, weight)

    @property
    def adjusted(self) -> float:
        """The weight after the adjustment, or the bundle's counts where they take off more."""
        return self.weight + (min(self.adjust, self.shared) if self.shared < 0 else self.adjust)


@dataclass(frozen=True, slots=True)
class Qualifier:
    """Words on how common the name is, when ``test`` holds and no qualifier above it did."""

    name: str
    test: Callable[[HowCommon], bool]
    words: str


# Only the words: the weight moves by HowCommon.adjusted whichever qualifier is said.
COMMONNESS: tuple[Qualifier, ...] = (
    Qualifier("very common", lambda c: c.rarity == VERY_COMMON, ", but a very common name"),
    Qualifier("common here", lambda c: c.shared < -1.0, ", but its parts are common among the people here"),
    Qualifier(
        "uncommon",
        lambda c: c.rarity == UNCOMMON and len(c.tokens) > 1 and c.weight + c.adjust >= 4.5,
        ", an uncommon name",
    ),
    Qualifier("unremarkable", always, ""),
)


def _seen_alone(
    a: Profile, b: Profile, freq: Frequencies | None, how: HowCommon, w: float, sentence: str
) -> tuple[float, str]:
    """One person seen everywhere, not namesakes scattered about: a name held by exactly one
    account on each of three networks or more adds a little, never making a pair certain alone."""
    if freq is None or a.tokens != b.tokens or w >= 4.5 or how.rarity == VERY_COMMON:
        return w, sentence
    alone = freq.only_one_on_each(a.tokens)
    if len(alone) < 3:
        return w, sentence
    return max(w, min(w + STRUCTURE, CERTAIN_FLOOR - 0.1)), (
        f"{sentence}; the only {' '.join(map(titled, a.tokens))} on each of "
        f"{', '.join(network_name(n) for n in alone)}"
    )


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
