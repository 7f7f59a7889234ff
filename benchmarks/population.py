"""Labelled bundles: made-up people, each shown on their networks the way real exports show them.

Every account records which person it belongs to and whether it carries any evidence of a name
(a username like "sunnyowl42" or an X id without tweets does not). The perturbations follow what
real exports hold: nicknames on Facebook and in contacts, accents dropped and credentials added
on LinkedIn, names in their own script, emoji, maiden names, "Jane D.", usernames that spell the
name in a dozen ways or not at all, an e-mail shared between a contact and a LinkedIn connection.

Sizes follow the heavy user of docs/design.md §9 at scale 1.0 (about 80,000 accounts).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

from benchmarks import name_pools as pools

COMPANIES = [
    "Contoso",
    "Fabrikam",
    "Northwind Analytics",
    "Litware",
    "Proseware",
    "Adatum",
    "Tailspin Toys",
    "Fourth Coffee",
    "Woodgrove Bank",
    "Wide World Importers",
    "Alpine Ski House",
    "Relecloud",
    "Trey Research",
    "Lamna Healthcare",
    "Margie's Travel",
    "Coho Winery",
    "Humongous Insurance",
    "Blue Yonder Airlines",
    "Graphic Design Institute",
    "VanArsdel",
]
POSITIONS = [
    "Software Engineer",
    "Product Manager",
    "Designer",
    "Data Analyst",
    "Consultant",
    "Recruiter",
    "Marketing Manager",
    "Account Executive",
    "Researcher",
    "Team Lead",
    "Nurse",
    "Teacher",
]
WORDS = [
    "sunny",
    "owl",
    "wild",
    "blue",
    "pixel",
    "moon",
    "coffee",
    "fox",
    "river",
    "urban",
    "vinyl",
    "salty",
    "mango",
    "nomad",
    "echo",
    "lazy",
    "cosmic",
    "velvet",
    "maple",
    "storm",
    "amber",
    "arrow",
    "atlas",
    "autumn",
    "basil",
    "berry",
    "birch",
    "bloom",
    "breeze",
    "cactus",
    "candle",
    "canyon",
    "cedar",
    "cherry",
    "cider",
    "cinder",
    "clover",
    "cobalt",
    "comet",
    "coral",
    "cotton",
    "crimson",
    "crystal",
    "daisy",
    "dawn",
    "delta",
    "desert",
    "drift",
    "dune",
    "ember",
    "fable",
    "fern",
    "fig",
    "flint",
    "frost",
    "galaxy",
    "garnet",
    "ginger",
    "glacier",
    "golden",
    "granite",
    "harbor",
    "hazel",
    "honey",
    "indigo",
    "iris",
    "ivory",
    "jade",
    "jasper",
    "juniper",
    "kite",
    "lagoon",
    "lemon",
    "lilac",
    "lotus",
    "lunar",
    "marble",
    "meadow",
    "mint",
    "misty",
    "mossy",
    "nectar",
    "neon",
    "nova",
    "oak",
    "ocean",
    "olive",
    "onyx",
    "orbit",
    "orchid",
    "pebble",
    "pepper",
    "pine",
    "plum",
    "poppy",
    "prism",
    "quartz",
    "rain",
    "raven",
    "reef",
    "rust",
    "saffron",
    "sage",
    "sapphire",
    "shadow",
    "silver",
    "sky",
    "slate",
    "snow",
    "solar",
    "spruce",
    "stone",
    "sugar",
    "summit",
    "thistle",
    "thunder",
    "tide",
    "timber",
    "topaz",
    "tulip",
    "velour",
    "violet",
    "willow",
    "winter",
    "wolf",
    "zephyr",
]
SERVERS = ["mastodon.social", "fosstodon.org", "hachyderm.io", "mas.to", "chaos.social"]
# (kind, people) -> probability of being on each network
GROUPS = {
    "personal": (
        5000,
        {"facebook": 0.9, "instagram": 0.6, "contacts": 0.35, "linkedin": 0.3, "x": 0.15, "mastodon": 0.03},
    ),
    "professional": (
        27000,
        {"linkedin": 1.0, "facebook": 0.03, "x": 0.2, "mastodon": 0.08, "instagram": 0.1, "contacts": 0.05},
    ),
    "public": (24000, {"instagram": 0.6, "x": 0.6, "mastodon": 0.03}),
}


@dataclass
class Account:
    """One generated account: what its export will show, and the truth about it."""

    network: str
    key: str
    person: int
    named: bool  # carries evidence of the person's name
    fields: dict = field(default_factory=dict)


@dataclass
class Human:
    id: int
    given: str
    family: str
    kind: str
    culture: str
    company: str
    accounts: dict[str, Account] = field(default_factory=dict)


def ascii_of(text: str) -> str:
    for a, b in (
        ("ł", "l"),
        ("Ł", "L"),
        ("ß", "ss"),
        ("đ", "d"),
        ("Đ", "D"),
        ("ø", "o"),
        ("Ø", "O"),
        ("æ", "ae"),
        ("ı", "i"),
    ):
        text = text.replace(a, b)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _slugify(text: str) -> str:
    return "".join(c for c in ascii_of(text).lower() if c.isalnum())


class Generator:
    def __init__(self, seed: int, scale: float) -> None:
        self.rng = random.Random(seed)
        self.scale = scale
        self.taken: dict[str, set[str]] = {}
        self.people: list[Human] = []

    def run(self) -> list[Human]:
        for kind, (size, where) in GROUPS.items():
            for _ in range(max(1, round(size * self.scale))):
                self._person(kind, where)
        return self.people

    def _claim(self, network: str, key: str) -> bool:
        keys = self.taken.setdefault(network, set())
        if key in keys:
            return False  # the export can hold a key once; a namesake there is left out
        keys.add(key)
        return True

    def _add(self, h: Human, network: str, key: str, named: bool, **fields: object) -> bool:
        if self._claim(network, key):
            h.accounts[network] = Account(network, key, h.id, named, dict(fields))
            return True
        return False

    def _person(self, kind: str, where: dict[str, float]) -> None:
        rng = self.rng
        c = pools.culture(rng)
        h = Human(
            len(self.people), pools.given(rng, c), pools.surname(rng, c), kind, c, rng.choice(COMPANIES)
        )
        self.people.append(h)
        handle = self._handle(h)
        if rng.random() < where.get("facebook", 0):
            name, form = self._display(h, facebook=True)
            self._add(h, "facebook", name, True, name=name, form=form)
        if rng.random() < where.get("linkedin", 0):
            self._linkedin(h)
        if rng.random() < where.get("instagram", 0):
            user, named, form = handle
            # Threads accounts are Instagram accounts: the username is the same person's.
            added = self._add(h, "instagram", user.lower(), named, username=user, form=form)
            if added and rng.random() < 0.3:
                self._add(h, "threads", user.lower(), named, username=user, form=form)
        if rng.random() < where.get("x", 0):
            self._x(h, handle)
        if rng.random() < where.get("mastodon", 0):
            user, named, form = handle if rng.random() < 0.4 else self._handle(h)
            server = rng.choice(SERVERS)
            self._add(h, "mastodon", f"{user}@{server}".lower(), named, address=f"{user}@{server}", form=form)
        if rng.random() < where.get("contacts", 0):
            self._contact(h)

    # --- how each network shows a person ------------------------------------------------------

    def _first(self, h: Human) -> str:
        """The given name a person goes by among friends: often a short form."""
        short = pools.NICKNAMES.get(h.given)
        return self.rng.choice(short) if short and self.rng.random() < 0.35 else h.given

    def _display(self, h: Human, facebook: bool) -> tuple[str, str]:
        """A display name as people write their own, and which form it takes."""
        rng, r = self.rng, self.rng.random()
        given = self._first(h) if rng.random() < 0.6 else h.given
        family = h.family
        nick = "nickname " if given != h.given else ""
        if facebook and r < 0.04 and (h.given in pools.NATIVE or h.family in pools.NATIVE):
            g, f = pools.NATIVE.get(h.given, h.given), pools.NATIVE.get(h.family, h.family)
            return (f"{f} {g}" if h.culture == "east_asian" else f"{g} {f}"), "own script"
        if r < 0.09:
            return f"{given} {pools.surname(rng, h.culture)} {family}", nick + "middle name"
        if r < 0.11:
            return f"{given} {pools.surname(rng, h.culture)}", "another surname"
        if r < 0.15:
            return f"{given} {family} {rng.choice(['🌸', '✨', '🌿', '☀️', '🎸'])}", nick + "emoji"
        if r < 0.17:
            return f"{given} {family[0]}.", nick + "surname initial"
        if r < 0.19:
            return f"{given} {family}".lower(), nick + "lower case"
        if r < 0.20:
            return f"{family.upper()} {given}", nick + "surname first"
        return f"{given} {family}", nick + "plain"

    def _handle(self, h: Human) -> tuple[str, bool, str]:
        """A username, whether it carries the name, and its pattern."""
        rng = self.rng
        g, f = _slugify(self._first(h)), _slugify(h.family)
        n = str(rng.randint(1, 99))
        patterns = [
            (f"{g}.{f}", 14, "given.surname"),
            (f"{g}{f}", 12, "givensurname"),
            (f"{g}_{f}", 8, "given_surname"),
            (f"{g}{f}{n}", 10, "givensurname99"),
            (f"{g}.{f}{n}", 4, "given.surname99"),
            (f"{g[0]}{f}", 5, "initialsurname"),
            (f"{g}{f[0]}", 3, "giveninitial"),
            (f"{f}.{g}", 3, "surname.given"),
            (f"{g}.{rng.choice(WORDS)}", 5, "given.word"),
            (f"the.{g}", 3, "the.given"),
            (f"{g}{n}", 3, "given99"),
        ]
        choice = rng.choices([*patterns, None], [w for _, w, _ in patterns] + [20])[0]
        if choice is None:
            return f"{rng.choice(WORDS)}{rng.choice(WORDS)}{rng.randint(1, 999)}", False, "unrelated"
        user, _, form = choice
        nick = "nickname " if g != _slugify(h.given) else ""
        return user[:30], True, nick + form

    def _linkedin(self, h: Human) -> None:
        rng = self.rng
        first, last = h.given, h.family
        if rng.random() < 0.5:
            first, last = ascii_of(first), ascii_of(last)
        r, form = rng.random(), "plain"
        if r < 0.06:
            last, form = last + rng.choice([", PhD", " MBA", ", CPA", ", PMP", ", MSc"]), "credential"
        elif r < 0.075:
            first, form = "Dr. " + first, "title"
        elif r < 0.115:
            first, form = first + f" {rng.choice('ABCDEHJKLMRS')}.", "middle initial"
        elif r < 0.125:
            first, last, form = f"{first} {last}", "", "all in first name"
        elif r < 0.145:
            last, form = last + rng.choice([" (she/her)", " (he/him)"]), "pronouns"
        shown_given = first.split(" ")[-1] if first.startswith("Dr.") else first.split(" ")[0]
        g, f = _slugify(shown_given), _slugify(h.family)
        hexid = "".join(rng.choice("0123456789abcdef") for _ in range(6))
        slug = rng.choices(
            [
                f"{g}-{f}",
                f"{g}{f}",
                f"{g}-{f}-{hexid}",
                f"{g[0]}{f}",
                f"{rng.choice(WORDS)}-{rng.choice(WORDS)}",
            ],
            [45, 15, 30, 5, 5],
        )[0]
        email = ""
        if rng.random() < 0.04:
            email = self._email(h)
            h.__dict__["li_email"] = email
        url = f"https://www.linkedin.com/in/{slug}"
        self._add(
            h,
            "linkedin",
            url,
            True,
            first=first,
            last=last,
            url=url,
            email=email,
            company=h.company,
            position=rng.choice(POSITIONS),
            form=form,
        )

    def _email(self, h: Human) -> str:
        g, f = _slugify(h.given), _slugify(h.family)
        if self.rng.random() < 0.5:
            return f"{g}.{f}@{_slugify(h.company)}.example"
        local = self.rng.choice([f"{g}.{f}", f"{g}{f}", f"{g[0]}{f}", f"{g}{self.rng.randint(1, 999)}"])
        return f"{local}@{self.rng.choice(['gmail.com', 'outlook.com', 'icloud.com', 'proton.me'])}"

    def _x(self, h: Human, handle: tuple[str, bool]) -> None:
        rng = self.rng
        user, _named, _ = handle if rng.random() < 0.35 else self._handle(h)
        user = user.replace(".", "_")[:15]
        key = str(rng.randint(10**6, 10**19))
        # An X archive names only the accounts the user's own tweets mention or answer: people
        # they talk to, seldom a stranger who follows them.
        mentioned = 0.55 if h.kind != "public" else 0.05
        if rng.random() < mentioned and self._claim("x handle", user.lower()):
            name, form = self._display(h, facebook=False)
            self._add(h, "x", key, True, handle=user, name=name, form=form)
        else:
            self._add(h, "x", key, False, form="id only")

    def _contact(self, h: Human) -> None:
        rng, r = self.rng, self.rng.random()
        named = True
        if r < 0.7:
            name, form = f"{h.given} {h.family}", "plain"
        elif r < 0.82:
            name, form = f"{self._first(h)} {h.family}", "nickname"
        elif r < 0.88:
            where = rng.choice(["work", "gym", "school", "neighbour"])
            name, form = f"{self._first(h)} ({where})", "given only"
        elif r < 0.9:
            name, named, form = rng.choice(["Mom", "Dad", "Plumber", "Landlord"]), False, "no name"
        else:
            name, form = f"{h.given} {h.family} ({h.company})", "with company"
        email = h.__dict__.get("li_email") if rng.random() < 0.6 else None
        if email is None and rng.random() < 0.6:
            email = self._email(h)
        key = email or name
        self._add(
            h,
            "contacts",
            key,
            named,
            name=name,
            email=email or "",
            company=h.company if rng.random() < 0.3 else "",
            form=form,
        )


def generate(scale: float = 1.0, seed: int = 7, hard: bool = False) -> list[Human]:
    """The people of a bundle; ``hard=True`` adds the hard cases of hard_cases.py (the accuracy
    bundle); without them the speed benchmarks' bundles stay the ones their figures were taken on."""
    from benchmarks import hard_cases

    gen = Generator(seed, scale)
    gen.run()
    if hard:
        hard_cases.add(gen, seed)
    return gen.people
