"""A username as evidence: one that spells (part of) a name, or the same username on two networks.

Each is a level of HANDLE_LEVELS (levels.py): a test, log-odds and the sentence a user reads.
"""

from __future__ import annotations

from circlesort.matching import handles as H
from circlesort.matching.frequency import Frequencies
from circlesort.matching.levels import Level, first
from circlesort.matching.names import titled
from circlesort.matching.profile import Profile
from circlesort.matching.rarity import COMMON_GIVEN, UNCOMMON, commonness

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


def handles_vs_name(
    handles: tuple[H.Handle, ...], tokens: tuple[str, ...], freq: Frequencies | None
) -> tuple[float, str, str, str]:
    """Weight, sentence, what the handle spells (of handles.LEVELS) and the HANDLE_LEVELS level
    of the handle that spells most of the name."""
    best: tuple[int, H.Handle] | None = None  # (level's place in LEVELS, handle)
    for h in handles:
        found = H.explain(h, tokens)
        if found and found[0] in (H.GIVEN, H.SURNAME) and _another_name(h, tokens, found[1], freq):
            continue  # "isla_bennett" holds Isla, and Bennett too: not Isla Nilsson's
        if found and (best is None or H.LEVELS.index(found[0]) < best[0]):
            best = (H.LEVELS.index(found[0]), h)
    if best is None:
        return 0.0, "", "", ""
    spelled = Spelled(best[1], H.LEVELS[best[0]], tokens, freq)
    level = first(HANDLE_LEVELS, spelled)
    return level.score, level.say(spelled), spelled.found, level.name


def _another_name(handle: H.Handle, tokens: tuple[str, ...], form: str, freq: Frequencies | None) -> bool:
    """Whether the handle holds, beside the part of the name it spells, another name people here
    have ("bennett" in "isla_bennett" for Isla Nilsson, "kai" in "kai_nguyen")."""
    if freq is None:
        return False
    rest = [s for s in handle.segments if s != form and s not in tokens and len(s) >= 3]
    return any(freq.surname[s] or freq.given[s] for s in rest)


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


def shared_handle(a: Profile, b: Profile, freq: Frequencies | None) -> tuple[float, str, str]:
    """The same username on two networks. One that spells the name is the name's evidence again
    ("johnsmith") and only corroborates; one that does not ("sunnyowl42") counts by its length."""
    best: tuple[float, str, str] = (0.0, "", "")
    for x in a.handles:
        for y in b.handles:
            if x.kind == "e-mail address" and y.kind == "e-mail address":
                continue  # the same e-mail is counted as such
            if x.bare == y.bare and len(x.bare) >= 3:
                w = 1.0 + 0.35 * min(len(x.letters), 12) + (0.5 if x.bare != x.letters else 0.0)
                sentence, level = f"same username '{x.bare}' ({x.kind}, {y.kind})", "same username"
            elif x.letters == y.letters and len(x.letters) >= 5:
                w = 0.2 * min(len(x.letters), 12)  # different digits: maybe two people's
                sentence = f"{x.kind} '{x.shown}' and {y.kind} '{y.shown}' read alike"
                level = "usernames alike"
            else:
                continue
            levels = {(H.explain(x, t) or ("",))[0] for t in (a.tokens, b.tokens) if t}
            if levels & {H.FULL, H.INITIAL}:
                # Chosen twice, a username that spells the name backs it a little; a LinkedIn
                # address or an e-mail made from the name says nothing the name did not.
                w = 0.5 if x.kind in _CHOSEN and y.kind in _CHOSEN else 0.0
            elif levels - {""}:
                w = min(w, 0.5)
            elif freq is not None and _name_shaped(x.letters, freq):
                # "ajohansson" on two networks, neither naming its owner: a name many could
                # have made their username of, on each network on their own
                w, level = min(w, NAME_SHAPED), f"{level}, made of a name"
                sentence += ", but it is made of a name, which others may have chosen too"
            elif freq is not None and len(x.segments) == 1 and freq.given[x.segments[0]]:
                # "the.jane" on two networks: only a given name, which many could choose
                w = min(w, 2.0 if freq.rare_given(x.segments[0]) else 1.0)
            if w > best[0]:
                best = (w, sentence, level)
    return best


NAME_SHAPED = 2.5  # most a shared username weighs when it is made of a name (``_name_shaped``)


def _name_shaped(letters: str, freq: Frequencies) -> bool:
    """Whether a username is an initial or a given name known here, then a surname known here:
    "ajohansson", "annajohansson"."""
    for cut in range(1, len(letters) - 3):
        head, tail = letters[:cut], letters[cut:]
        if freq.surname[tail] and (cut == 1 or freq.given[head]):
            return True
    return False
