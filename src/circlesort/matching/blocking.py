"""Candidate pairs without comparing every account with every other.

Each account gets keys; accounts that share a key become candidates. Keys that name a person
fully (a pair of name tokens, their sound, an e-mail, a username) meet each other. Partial keys
(an initial and a surname, a lone token) are "probes": only an account that shows no more than
that probes the index of full names, so "J. Smith" meets every Jane and John Smith but the
Smiths never meet each other through it. Blocks larger than a cap say nothing and are dropped:
a name that many accounts share belongs to namesakes. A probe block is judged by the pairs it
would make across networks, so that 100,000 "J Smith" connections cannot pair with every Jane
Smith; the pairs stay linear in the number of accounts, whatever names an export holds.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from functools import cache

import jellyfish

from circlesort.matching.handles import split_tokens
from circlesort.matching.names import spelled_alike
from circlesort.matching.normalize import extra_groups, given_forms, language_groups, nicknamer, same_given
from circlesort.matching.profile import Profile

# Most accounts a block may hold before it is dropped as uninformative, by key kind.
CAPS = {"n": 40, "p": 40, "s": 12, "e": 10, "h": 10, "l": 10, "i": 60, "j": 60, "t": 3}
# Most pairs across networks that the probes of one key may make: as many as the largest block of
# full names makes (40 accounts). Beyond it, the probing accounts are namesakes of each other.
PROBE_PAIRS = 800
SYMMETRIC = frozenset("npsehl")


@cache
def canon(given: str) -> tuple[str, ...]:
    """A given name and the formal names it stands for: one shared key for Bob and Robert."""
    forms = {given} | nicknamer().canonicals_of(given)
    for groups in (extra_groups(), language_groups()):
        group = groups.get(given)
        if group:
            forms.add(min(group))  # one name stands for the whole group
    return tuple(sorted(forms))


@cache
def _sound(token: str) -> str:
    return jellyfish.nysiis(token) if token.isalpha() else token


def _pair(a: str, b: str) -> str:
    return f"{a}|{b}" if a <= b else f"{b}|{a}"


def name_keys(tokens: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(symmetric keys, probe keys) for a parsed name."""
    if len(tokens) == 1:
        return [], [f"t:{c}" for c in canon(tokens[0])]
    first, last = tokens[0], tokens[-1]
    if len(first) == 1:  # "J. Smith"
        return [], [f"i:{first}|{last}"]
    if len(last) == 1:  # "Jane D."
        return [], [f"j:{c}|{last}" for c in canon(first)]
    sym = []
    head = tokens[:4]
    for i, x in enumerate(head):
        for y in head[i + 1 :]:
            for c in canon(x) if i == 0 else (x,):
                sym.append("n:" + _pair(c, y))
    sym.append("p:" + _pair(_sound(first), _sound(last)))
    if len(tokens) > 2:
        sym.append("n:" + _pair(first, "".join(tokens[1:])))
        sym.append("n:" + _pair("".join(tokens[:-1]), last))  # "isab elle beattie"
    sym += slip_keys(first, last)
    return sym, []


def slip_keys(first: str, last: str) -> list[str]:
    """Keys that survive a typing slip in one part, or in both: "brooke harrinhton", "kynzn doolqey".

    One part whole and the other's first or last three letters; the first two and three letters
    of each. Small blocks only (CAPS["s"]): a shared prefix of common names says nothing."""
    keys = []
    if len(last) >= 4:
        keys += [f"s:{first}|{last[:3]}<", f"s:{first}|>{last[-3:]}"]
    if len(first) >= 4:
        keys += [f"s:{first[:3]}<|{last}", f"s:>{first[-3:]}|{last}"]
    if len(first) >= 3 and len(last) >= 3:
        keys.append(f"s:{first[:2]}<|{last[:3]}<")
        # the same letters in another order: "mloly clarke", "molly clakre"
        keys += [f"s:{''.join(sorted(first))}~|{last}", f"s:{first}|{''.join(sorted(last))}~"]
    return keys


def index_keys(tokens: tuple[str, ...]) -> list[str]:
    """Keys under which a full name waits for probes: its initials, its single tokens."""
    first, last = tokens[0], tokens[-1]
    if len(tokens) < 2 or len(first) == 1 or len(last) == 1:
        return []
    keys = [f"i:{first[0]}|{last}", f"i:{last[0]}|{first}"]
    keys += [f"j:{c}|{last[0]}" for c in canon(first)]
    keys += [f"t:{c}" for c in canon(first)]  # only a given name is ever written alone
    return keys


def handle_keys(profile: Profile, vocabulary: frozenset[str]) -> tuple[list[str], list[str]]:
    """(symmetric keys, probe keys) from e-mails and handles."""
    sym = [f"e:{e}" for e in profile.emails]
    probe: list[str] = []
    for h in profile.handles:
        if h.kind != "e-mail address" and len(h.bare) >= 3:
            sym.append(f"h:{h.bare}")
        if len(h.letters) >= 5:
            sym.append(f"l:{h.letters}")
        if profile.tokens and len(profile.tokens) > 1:
            continue  # a named account is found by its name
        for a, b in split_tokens(h, vocabulary):
            if len(a) == 1:
                probe.append(f"i:{a}|{b}")
            elif len(b) == 1:
                probe += [f"j:{c}|{b}" for c in canon(a)]
            else:
                probe += ["n:" + _pair(c, b) for c in canon(a)] + ["n:" + _pair(a, c) for c in canon(b)]
        if len(h.segments) <= 2:  # "the.jane", "jane.art", "jane92"
            probe += [f"t:{s}" for s in h.segments if len(s) >= 3 and s in vocabulary]
    return sym, probe


def vocabulary_of(profiles: Iterable[Profile]) -> frozenset[str]:
    words: set[str] = set()
    for tokens in {p.tokens for p in profiles if p.tokens}:
        for t in tokens:
            if len(t) >= 2:
                words.add(t)
        if len(tokens) > 1:  # "patcrawford", "bobjohnson": short forms spelled in usernames
            words.update(_spelled_forms(tokens[0]))
        if len(tokens) > 2:  # "benerbakri" in "gabriellabenerbakri40"
            words.add("".join(tokens[1:]))
            words.add("".join(tokens[:-1]))
    return frozenset(words)


@cache
def _spelled_forms(given: str) -> tuple[str, ...]:
    return tuple({f for f in given_forms(given) if len(f) >= 3} | set(canon(given)))


def candidates(profiles: list[Profile]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) on different networks that share a key, each once."""
    vocabulary = vocabulary_of(profiles)
    members: dict[str, list[int]] = defaultdict(list)  # symmetric and index members
    probes: dict[str, list[int]] = defaultdict(list)
    instagram = {p.account.key for p in profiles if p.network == "instagram"}
    for p in profiles:
        if p.network == "threads" and p.account.key in instagram and not p.tokens:
            # One Meta account: the Threads twin meets only its Instagram account, and joins
            # everyone else through it.
            if p.handles:
                members["h:" + p.handles[0].bare].append(p.index)
            continue
        sym, probe = name_keys(p.tokens) if p.tokens else ([], [])
        hsym, hprobe = handle_keys(p, vocabulary)
        for key in set(sym + hsym):
            members[key].append(p.index)
        for key in set(probe + hprobe):
            probes[key].append(p.index)
    # Index keys only matter where something probes them: most never are.
    for p in profiles:
        if len(p.tokens) > 1:
            for key in set(index_keys(p.tokens)):
                if key in probes:
                    members[key].append(p.index)
    network = [p.network for p in profiles]
    seen: set[tuple[int, int]] = set()
    add = seen.add
    for key, group in members.items():
        size = len(group)
        if size == 1 and key not in probes:
            continue
        kind = key[0]
        if size > CAPS[kind]:
            continue
        pairs: list[tuple[int, int]] = []
        if kind == "s":  # only names that can be one person's with a slip: the rest are "different"
            pairs = [
                (i, j)
                for n, i in enumerate(group)
                for j in group[n + 1 :]
                if network[i] != network[j] and _slipped(profiles[i].tokens, profiles[j].tokens)
            ]
        elif kind in SYMMETRIC:
            pairs = [(i, j) for n, i in enumerate(group) for j in group[n + 1 :] if network[i] != network[j]]
        probing = probes.get(key)
        if probing and (
            len(probing) * size <= PROBE_PAIRS or 0 < cross_pairs(probing, group, network) <= PROBE_PAIRS
        ):
            pairs += [(i, j) for i in probing for j in group if network[i] != network[j]]
        for i, j in pairs:
            pair = (i, j) if i < j else (j, i)
            if pair not in seen:
                add(pair)
                yield pair


def _slipped(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names and surnames each the same, a short form or a slip apart."""
    return (a[-1] == b[-1] or spelled_alike(a[-1], b[-1])) and (
        a[0] == b[0] or spelled_alike(a[0], b[0]) or same_given(a[0], b[0])
    )


def cross_pairs(probing: list[int], group: list[int], network: list[str]) -> int:
    """How many pairs on different networks ``probing`` x ``group`` holds, counted without making them."""
    by_network = Counter(network[j] for j in group)
    return len(probing) * len(group) - sum(by_network[network[i]] for i in probing)
