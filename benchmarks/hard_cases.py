"""Hard cases seen in real exports, added on top of the older bundle of benchmarks/population.py.

The older bundle's people are generated first and stay exactly as they were; then HARD_SHARE more
people per person of it are added, each showing one kind of hard case, drawn with the fixed
shares of KIND_SHARES from a random stream of their own. Every account of such a person carries
its kind as its form, so the per-form table of benchmarks/accuracy.py shows each kind apart.

The shares were fixed before any figure was measured and are not tuned to the matcher. The
accuracy bundle (benchmarks/accuracy.py) holds them; the speed benchmarks' bundles do not.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from benchmarks import hard_names as hn
from benchmarks import name_pools as pools
from benchmarks.population import COMPANIES, POSITIONS, SERVERS, WORDS, Human, _slugify, ascii_of

if TYPE_CHECKING:
    from benchmarks.population import Generator

# Hard cases drawn per person of the older bundle: 0.2. With the namesakes some kinds bring along,
# about 20% of the people in the whole bundle belong to the new kinds.
HARD_SHARE = 0.2
# Share of each kind among those people (sums to 1).
KIND_SHARES = {
    "suffix word": 0.18,
    "short given": 0.14,
    "foreign short form": 0.12,
    "cross-language": 0.08,
    "cross-language namesake": 0.04,  # a pair of two different people: half as often as the above
    "e-mail only contact": 0.06,
    "accented surname initial": 0.06,
    "typing slip": 0.12,
    "spelling variant": 0.08,
    "common name x3": 0.12,  # one person on Facebook, LinkedIn and X, with namesakes elsewhere
}
# Namesakes of a "common name x3" person: 1 to 3, on other networks.
COMMON_NAMESAKES = (1, 3)
# A typing slip is one keystroke (70%) or two (30%).
TWO_SLIPS = 0.3


def typo(rng: random.Random, part: str) -> str:
    """One word of a name part with one keystroke slipped (letters swapped, dropped, doubled or a
    neighbouring key hit); the spaces between words are left alone."""
    words = part.split(" ")
    k = rng.randrange(len(words))
    words[k] = _slip(rng, words[k])
    return " ".join(words)


def _slip(rng: random.Random, word: str) -> str:
    if len(word) < 3:
        return word + word[-1]
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(["swap", "drop", "double", "neighbour"])
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == "drop":
        return word[:i] + word[i + 1 :]
    if op == "double":
        return word[: i + 1] + word[i] + word[i + 1 :]
    c = word[i].lower()
    for row in hn.KEYBOARD_ROWS:
        if c in row:
            k = row.index(c)
            near = [row[j] for j in (k - 1, k + 1) if 0 <= j < len(row)]
            return word[:i] + rng.choice(near) + word[i + 1 :]
    return word[:i] + word[i + 1 :]


class HardCases:
    def __init__(self, gen: Generator, seed: int) -> None:
        self.g = gen
        self.rng = random.Random(f"hard cases {seed}")

    def run(self, base: int) -> None:
        kinds = list(KIND_SHARES)
        weights = [KIND_SHARES[k] for k in kinds]
        for _ in range(round(base * HARD_SHARE)):
            kind = self.rng.choices(kinds, weights)[0]
            getattr(self, "_" + kind.replace(" ", "_").replace("-", "_"))(kind)

    # --- people and accounts ----------------------------------------------------------------

    def _human(self, given: str, family: str, culture: str) -> Human:
        h = Human(len(self.g.people), given, family, "personal", culture, self.rng.choice(COMPANIES))
        self.g.people.append(h)
        return h

    def _random_human(self) -> Human:
        c = pools.culture(self.rng)
        return self._human(pools.given(self.rng, c), pools.surname(self.rng, c), c)

    def _facebook(self, h: Human, name: str, form: str) -> None:
        self.g._add(h, "facebook", name, True, name=name, form=form)

    def _linkedin(self, h: Human, first: str, last: str, form: str) -> None:
        rng = self.rng
        if rng.random() < 0.5:
            first, last = ascii_of(first), ascii_of(last)
        hexid = "".join(rng.choice("0123456789abcdef") for _ in range(6))
        url = f"https://www.linkedin.com/in/{_slugify(first)}-{_slugify(last)}-{hexid}"
        fields = {"first": first, "last": last, "url": url, "email": "", "company": h.company}
        self.g._add(h, "linkedin", url, True, position=rng.choice(POSITIONS), form=form, **fields)

    def _instagram(self, h: Human, user: str, form: str) -> None:
        user = user[:30]  # Instagram's limit
        self.g._add(h, "instagram", user.lower(), True, username=user, form=form)

    def _x(self, h: Human, name: str, handle: str, form: str) -> None:
        handle = handle.replace(".", "_")[:15]
        key = str(self.rng.randint(10**6, 10**19))
        if self.g._claim("x handle", handle.lower()):
            self.g._add(h, "x", key, True, handle=handle, name=name, form=form)

    def _mastodon(self, h: Human, user: str, form: str) -> None:
        address = f"{user}@{self.rng.choice(SERVERS)}"
        self.g._add(h, "mastodon", address.lower(), True, address=address, form=form)

    def _contact(self, h: Human, name: str, form: str, email: str = "") -> None:
        self.g._add(h, "contacts", email or name, True, name=name, email=email, company="", form=form)

    # --- the kinds ----------------------------------------------------------------------------

    def _suffix_word(self, form: str) -> None:
        rng, h = self.rng, self._random_human()
        g, f, w = _slugify(h.given), _slugify(h.family), rng.choice(hn.SUFFIX_WORDS)
        user, sub = rng.choice(
            [
                (f"{g}.{f}.{w}", ""),
                (f"{g}_{f}_{w}", ""),
                (f"{g}{f}{w}", ""),
                (f"{g}.{f}_{w}", ""),
                (f"{g}.{f[0]}.{w}", " giveninitial"),
            ]
        )
        self._instagram(h, user, form + sub)
        self._facebook(h, f"{h.given} {h.family}", form)
        if rng.random() < 0.5:
            self._linkedin(h, h.given, h.family, form)

    def _short_given(self, form: str) -> None:
        rng = self.rng
        full, short, c = rng.choice(hn.ENGLISH_SHORT)
        h = self._human(full, pools.surname(rng, c), c)
        s, g, f = _slugify(short), _slugify(full), _slugify(h.family)
        user, sub = rng.choice(
            [
                (f"{s}.{f}", ""),
                (f"{s}_{f}", ""),
                (f"{s}{f}", ""),
                (f"{g[0]}{f}", ""),
                (f"the.{s}", " the.given"),
            ]
        )
        self._instagram(h, user, form + sub)
        self._linkedin(h, full, h.family, form)
        if rng.random() < 0.6:
            self._facebook(h, f"{short} {h.family}", form)
        if sub:  # the.pam here, pamela.combs there
            self._mastodon(h, f"{g}.{f}", form)

    def _foreign_short_form(self, form: str) -> None:
        rng = self.rng
        full, short, c = rng.choice(hn.FOREIGN_SHORT)
        family = rng.choice(hn.DUTCH_SURNAMES) if c == "dutch" else pools.surname(rng, c)
        h = self._human(full, family, "german" if c == "dutch" else c)
        self._linkedin(h, full, family, form)
        self._facebook(h, f"{short} {family}", form)
        if rng.random() < 0.3:
            self._contact(h, f"{short} {family}", form)
        if rng.random() < 0.4:
            self._instagram(h, f"{_slugify(short)}.{_slugify(family)}", form)

    def _cross_language(self, form: str) -> None:
        rng = self.rng
        a, b, c = rng.choice(hn.CROSS_LANGUAGE)
        if rng.random() < 0.5:
            a, b = b, a
        h = self._human(a, pools.surname(rng, c), c)
        self._linkedin(h, a, h.family, form)
        self._facebook(h, f"{b} {h.family}", form)
        if rng.random() < 0.3:
            self._instagram(h, f"{_slugify(b)}.{_slugify(h.family)}", form)

    def _cross_language_namesake(self, form: str) -> None:
        """Two different people, the two forms of one name and the same surname."""
        rng = self.rng
        a, b, c = rng.choice(hn.CROSS_LANGUAGE)
        family = pools.surname(rng, c)
        one, other = self._human(a, family, c), self._human(b, family, c)
        self._linkedin(one, a, family, form)
        self._facebook(other, f"{b} {family}", form)

    def _e_mail_only_contact(self, form: str) -> None:
        rng = self.rng
        c = pools.culture(rng)
        given = rng.choice(pools.CULTURES["english"]["given"][:20])
        h = self._human(given, pools.surname(rng, c), c)
        g, f = _slugify(given), _slugify(h.family)
        email = f"{g}{rng.randint(70, 99)}@{rng.choice(['gmail.com', 'outlook.com', 'icloud.com'])}"
        self._contact(h, f"{given} {h.family}", form, email)
        self._instagram(h, f"{g}.{f}.{rng.choice(hn.SUFFIX_WORDS)}", form)

    def _accented_surname_initial(self, form: str) -> None:
        rng = self.rng
        c = rng.choice(["english", "german", "nordic", "iberian"])
        h = self._human(rng.choice(hn.ACCENTED), pools.surname(rng, c), c)
        self._facebook(h, f"{h.given} {h.family[0]}.", form)
        self._linkedin(h, h.given, h.family, form)

    def _typing_slip(self, form: str) -> None:
        rng, h = self.rng, self._random_human()
        given, family = h.given, h.family
        slips = 2 if rng.random() < TWO_SLIPS else 1
        for _ in range(slips):
            if rng.random() < 0.5:
                given = typo(rng, given)
            else:
                family = typo(rng, family)
        name = f"{given} {family}"
        self._contact(h, name.lower() if rng.random() < 0.5 else name, form)
        if rng.random() < 0.6:
            self._facebook(h, f"{h.given} {h.family}", form)
        else:
            self._linkedin(h, h.given, h.family, form)

    def _spelling_variant(self, form: str) -> None:
        rng = self.rng
        a, b, c = rng.choice(hn.SPELLING_VARIANTS)
        if rng.random() < 0.5:
            a, b = b, a
        h = self._human(a, pools.surname(rng, c), c)
        self._linkedin(h, a, h.family, form)
        if rng.random() < 0.5:
            self._facebook(h, f"{b} {h.family}", form)
        else:
            self._contact(h, f"{b} {h.family}", form)

    def _common_name_x3(self, form: str) -> None:
        """A common full name on Facebook, LinkedIn and X, and namesakes elsewhere."""
        rng = self.rng
        c = rng.choice(["english", "english", "iberian", "german", "south_asian", "slavic"])
        given = rng.choice(pools.CULTURES[c]["given"][:3])
        family = rng.choice(pools.CULTURES[c]["surnames"][:3])
        g, f = _slugify(given), _slugify(family)
        h = self._human(given, family, c)
        self._facebook(h, f"{given} {family}", form)
        self._linkedin(h, given, family, form)
        self._x(h, f"{given} {family}", f"{g}{f}{rng.randint(1, 99)}", form)
        for _ in range(rng.randint(*COMMON_NAMESAKES)):
            other = self._human(given, family, c)
            where = rng.choice(["instagram", "contacts", "x", "mastodon"])
            if where == "instagram" or rng.random() < 0.3:
                self._instagram(other, f"{g}.{f}{rng.randint(1, 999)}", "common namesake")
            if where == "contacts":
                self._contact(other, f"{given} {family}", "common namesake")
            elif where == "x":
                self._x(other, f"{given} {family}", f"{g}_{f}{rng.randint(1, 999)}", "common namesake")
            elif where == "mastodon":
                self._mastodon(other, f"{g}{f}{rng.choice(WORDS)}", "common namesake")


def add(gen: Generator, seed: int) -> None:
    """Add the hard cases to a generator that has made the older bundle's people."""
    HardCases(gen, seed).run(len(gen.people))
