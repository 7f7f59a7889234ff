"""Comparing two accounts: evidence as log-odds, each piece with a sentence a user understands.

The weights are hand-set log-odds in the spirit of Fellegi-Sunter: shared identifiers (e-mail,
Instagram/Threads username) decide alone; names count by how closely they agree and how rare
they are; an employer or a username that spells the name adds to them. Tiers cut the sum.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from circlesort.matching import handles as H
from circlesort.matching.frequency import Frequencies
from circlesort.matching.handle_score import handles_vs_name, shared_handle
from circlesort.matching.levels import always
from circlesort.matching.names import name_level, titled
from circlesort.matching.profile import Profile, employer_matches, network_name
from circlesort.matching.rarity import ADJUSTMENT, COMMON_GIVEN, UNCOMMON, VERY_COMMON, commonness
from circlesort.model import Tier

CERTAIN_FLOOR = 4.5
LIKELY_FLOOR = 3.0  # links start here; below it a pair is at most a suggestion
THRESHOLDS = ((Tier.CERTAIN, CERTAIN_FLOOR), (Tier.LIKELY, LIKELY_FLOOR), (Tier.POSSIBLE, 1.5))
# The name levels whose parts agree only as a typing slip: (given name, surname).
SLIPS = {
    "given name spelled alike": (True, False),
    "surname spelled alike": (False, True),
    "both spelled alike": (True, True),
}
CONFLICT = -4.0  # at or below this, two accounts can never be one person
STRUCTURE = 0.75  # for each network beyond two on which exactly one account holds a full name


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
    kind: str = ""  # the levels that made the score, joined by "+" (model.Suggestion.kind)


def kind_of(levels: Iterable[str]) -> str:
    """A comparison's kind: the names of the levels it reached, joined by "+"."""
    return "+".join(level for level in levels if level)


def kind_levels(kind: str) -> list[str]:
    """The level names a kind is made of (``kind_of``); a level may carry qualifiers after
    commas: "same, very common"."""
    return [level.strip() for level in kind.split("+") if level.strip()]


class Found(NamedTuple):
    """One piece of evidence: its log-odds, its sentence and the level it reached."""

    weight: float
    sentence: str
    level: str


def compare(a: Profile, b: Profile, freq: Frequencies | None = None) -> Comparison:
    """All the evidence that ``a`` and ``b`` are one person, summed as log-odds."""
    identifiers = _identifiers(a, b, freq)
    name, short = _name_evidence(a, b, freq)
    found = [f for f in (*identifiers, name, _employer(a, b), _messaged(a, b, name, freq)) if f.sentence]
    logit = sum(f.weight for f in found)
    if short:  # "kaan" for An Ka: a suggestion at most, whatever else agrees, bar a shared identifier
        logit = min(logit, sum(f.weight for f in identifiers if f.sentence) + LIKELY_FLOOR - 0.1)
    return Comparison(logit, tuple(f.sentence for f in found), kind_of(f.level for f in found))


def _identifiers(a: Profile, b: Profile, freq: Frequencies | None) -> list[Found]:
    """What names an account outright: an e-mail address, a username."""
    out = []
    shared_emails = a.emails & b.emails
    if shared_emails:
        out.append(Found(9.0, f"same e-mail address ({min(shared_emails)})", "same e-mail"))
    if {a.network, b.network} == {"instagram", "threads"} and a.account.key == b.account.key:
        meta = "same username on Instagram and Threads (one Meta account)"
        out.append(Found(9.0, meta, "one Meta account"))
    else:
        out.append(Found(*shared_handle(a, b, freq)))
    return out


def _name_evidence(a: Profile, b: Profile, freq: Frequencies | None) -> tuple[Found, bool]:
    """The names, or a username standing in for a name, weighed by how many could share them;
    and whether that username spells the name only by parts of one or two letters."""
    found, short = _names_or_handles(a, b, freq)
    if found.weight < 2.0:
        return found, short
    how = HowCommon.of(a, b, freq, found.weight, found.level)
    qualifier = next(q for q in COMMONNESS if q.test(how))
    sentence = found.sentence + qualifier.words
    level = found.level if qualifier.name == "unremarkable" else f"{found.level}, {qualifier.name}"
    w, sentence, alone = _seen_alone(a, b, freq, how, how.adjusted, sentence)
    return Found(w, sentence, level + (", seen alone" if alone else "")), short


def _names_or_handles(a: Profile, b: Profile, freq: Frequencies | None) -> tuple[Found, bool]:
    """The names compared; a username stands in for the name an account lacks, or backs a near
    match of two full names."""
    w, sentence, level, short = 0.0, "", "", False
    if a.tokens and b.tokens:
        w, sentence, level = name_level(a.tokens, b.tokens)
        notes = a.notes + b.notes
        if w >= 4.5 and notes:
            sentence += " after " + " and ".join(dict.fromkeys(notes))
    both_named = len(a.tokens) > 1 and len(b.tokens) > 1
    if both_named and not 3.0 <= w < 4.5:
        return Found(w, sentence, level), short  # a username changes nothing here: skip them
    for named, other in ((a, b), (b, a)):
        if named.tokens and other.handles:
            hw, hs, spelled, hlevel = handles_vs_name(other.handles, named.tokens, freq)
            if not both_named and hw > w:
                w, sentence, level = hw, hs, f"username: {hlevel}"  # it stands in for a name
                short = spelled == H.SHORT
            elif both_named and hw >= 4.0 and 3.0 <= w < 4.5:
                # a username backs a near match
                w, sentence, level = w + 0.5, f"{sentence}; {hs}", f"{level}, backed by a username"
    return Found(w, sentence, level), short


# --- how many could share the name ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HowCommon:
    """How common a name is, and what that does to the evidence resting on it (``weight``)."""

    tokens: tuple[str, ...]  # what both accounts show of the name
    rarity: str  # VERY_COMMON, COMMON_SURNAME, COMMON_GIVEN or UNCOMMON (rarity.py)
    adjust: float  # log-odds rarity.ADJUSTMENT gives the name, at this weight
    shared: float  # log-odds the bundle's own counts give the name (term frequency)
    prior: float  # log-odds for how many people the two networks have in common
    counted: bool  # the bundle is large enough for its counts to replace the lists
    weight: float

    @classmethod
    def of(
        cls, a: Profile, b: Profile, freq: Frequencies | None, weight: float, level: str = ""
    ) -> HowCommon:
        # What both accounts show tells the person apart: a middle name on one side does not.
        tokens = min((t for t in (a.tokens, b.tokens) if t), key=len)
        if level.startswith("username"):  # "John ✨" and john.johnson: the name the username spells
            tokens = max(a.tokens, b.tokens, key=len)
        if len(tokens) > 1 and len(tokens[-1]) == 1:  # "Stéphanie B.": the surname the other shows
            tokens = max(a.tokens, b.tokens, key=lambda t: len(t[-1]))
        if not (len(a.tokens) > 1 and len(b.tokens) > 1) and len(tokens) > 2:
            tokens = (tokens[0], tokens[-1])  # a username spells given name and surname at most
        rarity = commonness(tokens) if len(tokens) > 1 else COMMON_GIVEN
        adjust = ADJUSTMENT[rarity] if rarity != UNCOMMON or weight >= 3.0 else 0.0
        if freq is None:
            return cls(tokens, rarity, adjust, 0.0, 0.0, False, weight)
        shared = freq.weighed(tokens, a.network, b.network, SLIPS.get(level, (False, False)))
        prior = freq.prior(a.network, b.network)
        if rarity == VERY_COMMON:  # many people share the name anywhere: the overlap cannot vouch
            prior = min(prior, 0.0)
        return cls(tokens, rarity, adjust, shared, prior, freq.counted and len(tokens) > 1, weight)

    @property
    def listed(self) -> bool:
        """Whether the general lists of common names weigh the name (the bundle is too small)."""
        return not self.counted

    @property
    def adjusted(self) -> float:
        """The weight after the bundle's counts (a large bundle), or after the lists and the
        counts where they take off more (a small one); then the networks' overlap."""
        shared = min(self.shared, 0.0)
        return self.weight + (min(self.adjust, shared) if shared < 0 else self.adjust) + self.prior


@dataclass(frozen=True, slots=True)
class Qualifier:
    """Words on how common the name is, when ``test`` holds and no qualifier above it did."""

    name: str
    test: Callable[[HowCommon], bool]
    words: str


# Only the words: the weight moves by HowCommon.adjusted whichever qualifier is said.
COMMONNESS: tuple[Qualifier, ...] = (
    Qualifier("very common", lambda c: c.listed and c.rarity == VERY_COMMON, ", but a very common name"),
    Qualifier("common here", lambda c: c.shared < -1.0, ", but its parts are common among the people here"),
    Qualifier(
        "uncommon",
        lambda c: (
            (c.shared > 0.5 if c.counted else c.rarity == UNCOMMON)
            and len(c.tokens) > 1
            and c.weight + c.adjust >= 4.5
        ),
        ", an uncommon name",
    ),
    Qualifier("unremarkable", always, ""),
)


def _seen_alone(
    a: Profile, b: Profile, freq: Frequencies | None, how: HowCommon, w: float, sentence: str
) -> tuple[float, str, bool]:
    """One person seen everywhere, not namesakes scattered about: a full name held by exactly one
    account on each of three networks or more adds, between any two of them, up to STRUCTURE for
    each other such network: less the more namesakes that network makes likely (30,000 public
    followers hold many names by chance), never making a pair certain alone. A very common name
    only where the exports hold enough names to tell, and only on three networks."""
    if freq is None or a.tokens != b.tokens or len(a.tokens) < 2 or w >= CERTAIN_FLOOR:
        return w, sentence, False
    alone = freq.only_one_on(a.tokens)
    if len(alone) < 3 or a.network not in alone or b.network not in alone:
        return w, sentence, False
    if how.rarity == VERY_COMMON and (not freq.counted or len(freq.networks_named[a.tokens]) > 3):
        return w, sentence, False
    others = [n for n in alone if n not in (a.network, b.network)]
    bonus = sum(_vouches(freq.namesakes_on(a.tokens, n)) for n in others)
    if bonus < 0.5:
        return w, sentence, False
    return (
        max(w, min(w + bonus, CERTAIN_FLOOR - 0.1)),
        f"{sentence}; the only {' '.join(map(titled, a.tokens))} on each of "
        f"{', '.join(network_name(n) for n in alone)}",
        True,
    )


def _vouches(namesakes: float) -> float:
    """What a third network holding the name once adds: STRUCTURE when hardly anyone there could
    hold it by chance, nothing when one namesake there is to be expected."""
    return min(STRUCTURE, max(0.0, -math.log(max(namesakes, 1e-9)) / 2))


MESSAGED = 1.5  # the most it adds: the user writes to both, and to few of the others


def _messaged(a: Profile, b: Profile, name: Found, freq: Frequencies | None) -> Found:
    """Both accounts exchanged one-to-one messages with the user: backs a name that agrees at
    least as a suggestion would, never stands alone (two friends one writes to are two people).
    Worth as much as being written to is rare: one person written to on both networks is about
    as likely as the commoner of the two shares is small (nothing when one writes to nearly
    everyone on a network)."""
    ta, tb = a.account.talk, b.account.talk
    if not (ta and tb and ta.messages and tb.messages) or not _backable(a, b, name):
        return Found(0.0, "", "")
    common = max(freq.messaged_share(a.network), freq.messaged_share(b.network)) if freq else 0.2
    weight = min(MESSAGED, -math.log(max(common, 1e-9)))
    if weight < 0.25:
        return Found(0.0, "", "")
    return Found(
        weight,
        f"you exchanged messages with both ({_counted(ta.messages, a.network)}, "
        f"{_counted(tb.messages, b.network)})",
        "messaged on both",
    )


def _backable(a: Profile, b: Profile, name: Found) -> bool:
    """A name worth backing: a full name on both sides (or a username spelling one) agreeing
    at least as a suggestion, and not one many people share: one John Johnson written to on
    Facebook and another on Instagram are two people as often as one."""
    full = (len(a.tokens) > 1 and len(b.tokens) > 1) or name.level.startswith("username: the name")
    shared = {"very common", "common here"} & {q.strip() for q in name.level.split(",")}
    return full and name.weight >= 1.5 and not shared


def _counted(n: int, network: str) -> str:
    where = "Messenger" if network == "facebook" else network_name(network)
    return f"{n:,} on {where}"


def _employer(a: Profile, b: Profile) -> Found:
    for x, y in ((a, b), (b, a)):
        how = employer_matches(x.employer, y)
        if how:
            what = "company" if how == "company" else "e-mail domain"
            return Found(
                2.0,
                f"same employer: {x.account.company} ({network_name(x.network)}) "
                f"and the {what} on {network_name(y.network)}",
                "same employer",
            )
    return Found(0.0, "", "")
