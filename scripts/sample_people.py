"""The people of the sample exports: Maya Lindqvist's friends, colleagues and followers.

Featured people carry the hard cases a matcher meets in real exports; the rest are drawn from
name pools with a fixed seed. Everything here is made up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class SamplePerson:
    """One made-up person and how each network's export shows them (not the model's Person)."""

    given: str
    family: str
    fb: str | None = None  # Facebook display name
    fb_rel: tuple[str, ...] = ()  # friend, request_received, request_sent, request_declined,
    #                              removed, follower, following
    li: tuple[str, str] | None = None  # (First Name, Last Name) as LinkedIn shows them
    li_slug: str | None = None
    li_company: str = ""
    li_position: str = ""
    li_email: str = ""
    li_rel: str = "connection"  # connection, request_received, request_sent, following
    li_message: str = ""
    ig: str | None = None  # username
    ig_rel: tuple[str, ...] = ()  # follower, following, close_friend, request_received, ...
    threads: bool = False
    x_handle: str | None = None
    x_name: str = ""
    x_rel: tuple[str, ...] = ()
    x_mentioned: bool = True  # whether a tweet names them (else only the id is known)
    mastodon: str | None = None
    masto_rel: tuple[str, ...] = ()
    contact: bool = False
    contact_name: str | None = None
    emails: tuple[str, ...] = ()
    phone: str = ""
    contact_org: str = ""
    labels: tuple[str, ...] = ()
    since_year: int = 2015
    extra: dict = field(default_factory=dict)


FEATURED = [
    SamplePerson(
        "José",
        "Álvarez",
        fb="José Álvarez",
        fb_rel=("friend",),
        li=("Jose", "Alvarez, MBA"),
        li_slug="jose-alvarez-3b2a91",
        li_company="Contoso",
        li_position="Head of Finance",
        ig="jose.alvarez",
        ig_rel=("follower", "following"),
        contact=True,
        emails=("jose.alvarez@example.com",),
        phone="+34 612 345 678",
        since_year=2011,
    ),
    SamplePerson(
        "Robert",
        "Johnson",
        fb="Bob Johnson",
        fb_rel=("friend",),
        li=("Robert", "Johnson"),
        li_slug="robertjohnson",
        li_company="Fabrikam",
        li_position="Sales Director",
        contact=True,
        contact_name="Robert Johnson",
        emails=("bob.j@example.net",),
        since_year=2009,
    ),
    SamplePerson(
        "Elizabeth",
        "Chen",
        fb="Liz Chen",
        fb_rel=("friend",),
        li=("Elizabeth", "Chen, PhD"),
        li_slug="elizabeth-chen-phd",
        li_company="Northwind Analytics",
        li_position="Principal Data Scientist",
        ig="lizzychen",
        ig_rel=("follower", "following"),
        threads=True,
    ),
    SamplePerson(
        "Zoë",
        "Dupont",
        fb="Zoë 🌸 Dupont",
        fb_rel=("friend",),
        ig="zoe.dupont",
        ig_rel=("follower", "following", "close_friend"),
        threads=True,
        since_year=2016,
    ),
    SamplePerson(
        "Ngọc Trâm",
        "Nguyễn",
        fb="Ngọc Trâm Nguyễn",
        fb_rel=("friend",),
        li=("Nguyen", "Ngoc Tram"),
        li_slug="ngoctram-nguyen",
        li_company="Tailspin Toys",
        li_position="UX Researcher",
        ig="ngoctram.ng",
        ig_rel=("following",),
    ),
    SamplePerson(
        "Наталья",
        "Мухина",
        fb="Наталья Мухина",
        fb_rel=("friend",),
        li=("Natalya", "Mukhina"),
        li_slug="natalya-mukhina",
        li_company="Litware",
        li_position="Engineering Manager",
        x_handle="nmukhina",
        x_name="Natalya M.",
        x_rel=("follower", "following"),
    ),
    SamplePerson(
        "John",
        "Smith",
        fb="John Smith",
        fb_rel=("friend",),
        since_year=2008,
        extra={"note": "school friend; not the LinkedIn John Smith"},
    ),
    SamplePerson(
        "John",
        "Smith",
        li=("John", "Smith"),
        li_slug="john-smith-4c81",
        li_company="Contoso",
        li_position="Account Executive",
        contact=True,
        emails=("john.smith@contoso.example",),
        contact_org="Contoso",
        labels=("Work",),
    ),
    SamplePerson(
        "Sunniva",
        "Berg",
        fb="Sunniva Berg",
        fb_rel=("friend",),
        ig="sunnyowl42",
        ig_rel=("follower", "following"),
    ),
    SamplePerson(
        "Anna",
        "Schmidt",
        fb="Anna Schmidt",
        fb_rel=("friend",),
        li=("Dr. Anna", "Schmidt"),
        li_slug="dr-anna-schmidt",
        li_company="Adventure Works",
        li_position="Chief Medical Officer",
        contact=True,
        contact_name="Dr. Anna Schmidt, PhD",
        emails=("anna.schmidt@example.de",),
    ),
    SamplePerson(
        "Łukasz",
        "Wójcik",
        fb="Łukasz Wójcik",
        fb_rel=("request_received",),
        li=("Lukasz", "Wojcik"),
        li_slug="lukasz-wojcik",
        li_company="Proseware",
        li_position="Backend Engineer",
    ),
    SamplePerson(
        "Jürgen",
        "Müller-Lüdenscheidt",
        fb="Jürgen Müller-Lüdenscheidt",
        fb_rel=("following",),
        li=("Juergen", "Mueller-Luedenscheidt"),
        li_slug="juergen-mueller-luedenscheidt",
        li_company="Wide World Importers",
        li_position="Logistics Lead",
    ),
    SamplePerson(
        "Aleksandr",
        "Petrov",
        fb="Sasha Petrov",
        fb_rel=("friend",),
        li=("Aleksandr", "Petrov"),
        li_slug="apetrov",
        li_company="Litware",
        li_position="Security Architect",
        x_handle="sashapetrov",
        x_name="Sasha Petrov",
        x_rel=("following",),
    ),
    SamplePerson(
        "Catherine",
        "O'Brien",
        fb="Kate O'Brien",
        fb_rel=("friend",),
        li=("Catherine", "O'Brien"),
        li_slug="catherine-obrien",
        li_company="Woodgrove Bank",
        li_position="Risk Analyst",
        contact=True,
        contact_name="Kate O'Brien",
        phone="+353 87 123 4567",
    ),
    SamplePerson(
        "Jane",
        "Doe",
        li=("Jane", "Doe"),
        li_slug="jane-doe-7a1b",
        li_company="Fourth Coffee",
        li_position="Product Designer",
        ig="janedoe92",
        ig_rel=("follower", "following"),
        mastodon="jdoe@mastodon.social",
        masto_rel=("following",),
        x_handle="jane_doe",
        x_name="Jane Doe",
        x_rel=("follower", "following"),
        threads=True,
    ),
    SamplePerson(
        "Taro",
        "Yamada",
        fb="山田 太郎",
        fb_rel=("friend",),
        li=("Taro", "Yamada"),
        li_slug="taro-yamada",
        li_company="Tailspin Toys",
        li_position="Hardware Engineer",
    ),
    SamplePerson(
        "Mark",
        "Taylor",
        fb="Mark Taylor",
        fb_rel=("request_received",),
        since_year=2023,
        li=("Mark", "Taylor"),
        li_slug="marktaylor-pm",
        li_company="Contoso",
        li_position="Product Manager",
    ),
    SamplePerson(
        "Priya",
        "Sharma",
        li=("Priya", "Sharma"),
        li_slug="priya-sharma-88",
        li_company="Northwind Analytics",
        li_position="Recruiter",
        li_rel="request_received",
        li_message="Hi Maya, we met at the Lisbon design meetup. Would love to connect!",
        contact=True,
        emails=("priya@example.net",),
    ),
    SamplePerson(
        "Tomás",
        "Reyes",
        li=("Tomás", "Reyes"),
        li_slug="tomasreyes",
        li_email="tomas.reyes@example.org",
        li_company="Contoso",
        li_position="Engineer, Platform",
        contact=True,
        emails=("tomas.reyes@example.org",),
        phone="+351 912 000 111",
    ),
    SamplePerson(
        "Ines",
        "Okafor",
        fb="Ines Okafor",
        fb_rel=("request_sent",),
        li=("Ines", "Okafor"),
        li_slug="ines-okafor-3b2a91",
        li_company="Northwind Analytics, Inc.",
        li_position="Director of People Ops",
    ),
    SamplePerson(
        "Lena",
        "Vogt",
        ig="lena.photo",
        ig_rel=("follower", "following"),
        mastodon="lena@photog.social",
        masto_rel=("following",),
        contact=True,
        emails=("lena.vogt@example.org",),
        phone="+49 170 0000000",
    ),
    SamplePerson("Kai", "Nguyen", ig="kai_nguyen", ig_rel=("follower",), threads=True),
    SamplePerson(
        "Sam",
        "Rivera",
        fb="Sam Rivera",
        fb_rel=("friend",),
        ig="sam.rivera",
        ig_rel=("follower", "following", "close_friend"),
        threads=True,
        contact=True,
        phone="+351 913 222 333",
    ),
    SamplePerson(
        "Mohammed",
        "Al-Ahmad",
        fb="محمد الأحمد",
        fb_rel=("friend",),
        li=("Mohammed", "Al-Ahmad"),
        li_slug="mohammed-al-ahmad",
        li_company="Fabrikam",
        li_position="Regional Manager",
    ),
    SamplePerson(
        "Christopher",
        "Evans",
        fb="Chris Evans",
        fb_rel=("friend",),
        li=("Christopher", "Evans"),
        li_slug="chris-evans-dev",
        li_company="Proseware",
        li_position="Staff Engineer",
        x_handle="chrisevans_dev",
        x_name="Chris Evans",
        x_rel=("follower", "following"),
    ),
    SamplePerson(
        "Maria",
        "Garcia",
        fb="Maria Garcia",
        fb_rel=("friend",),
        extra={"note": "cousin's friend; the LinkedIn Maria Garcia is someone else"},
    ),
    SamplePerson(
        "Maria",
        "Garcia",
        li=("Maria", "Garcia"),
        li_slug="mariagarcia-legal",
        li_company="Woodgrove Bank",
        li_position="Legal Counsel",
    ),
    SamplePerson(
        "Emily",
        "Park",
        fb="Emily Kim Park",
        fb_rel=("friend",),
        li=("Emily", "Park"),
        li_slug="emilypark",
        li_company="Fourth Coffee",
        li_position="Marketing Lead",
    ),
    SamplePerson(
        "Jonathan",
        "Ellison",
        li=("Jonathan", "Ellison"),
        li_slug="jonathan-ellison",
        li_company="Litware",
        li_position="CTO",
        x_handle="jellison",
        x_name="Jon Ellison",
        x_rel=("following",),
    ),
    SamplePerson(
        "Noah",
        "Brennan",
        fb="Noah Brennan",
        fb_rel=("request_received",),
        ig="noah.b_",
        ig_rel=("request_received",),
        since_year=2025,
    ),
    SamplePerson(
        "Ada",
        "Quill",
        li=("Ada", "Quill"),
        li_slug="adaquill",
        li_company="Adatum",
        li_position="Founder",
        li_rel="request_sent",
    ),
    SamplePerson(
        "Alice",
        "Martin",
        li=("Alice", "Martin"),
        li_slug="alice-martin-sre",
        li_company="Adatum",
        li_position="Site Reliability Engineer",
        mastodon="alice@hachyderm.io",
        masto_rel=("following",),
        x_handle="alicem_sre",
        x_name="Alice Martin",
        x_rel=("follower",),
    ),
    SamplePerson("Local", "Bakery", fb="Local Bakery", fb_rel=("following",)),
    SamplePerson(
        "Oskar",
        "Lindqvist",
        fb="Oskar Lindqvist",
        fb_rel=("friend",),
        ig="oskar.lq",
        ig_rel=("follower", "following", "close_friend"),
        contact=True,
        contact_name="Oskar (brother)",
        phone="+46 70 123 45 67",
        labels=("Family",),
    ),
    SamplePerson(
        "Grace",
        "Hopper",
        li=("Grace", "Hopper"),
        li_slug="gracehopper",
        li_rel="following",
        li_company="",
        li_position="",
    ),
    SamplePerson("Ben", "Okoro", fb="Ben Okoro", fb_rel=("removed",), since_year=2014),
    SamplePerson("Chloe", "Martins", fb="Chloe Martins", fb_rel=("request_declined",)),
    SamplePerson(
        "Diego", "Fernández", fb="Diego Fernández", fb_rel=("follower",), ig="diegofdz", ig_rel=("follower",)
    ),
    SamplePerson("Hannah", "Berg", ig="hannah.b.design", ig_rel=("request_sent",)),
    SamplePerson(
        "Spam",
        "Bot",
        ig="free_followers_4u",
        ig_rel=("blocked",),
        x_handle="cryptoprize_x",
        x_name="Crypto Prize",
        x_rel=("follower",),
    ),
    SamplePerson(
        "Troll",
        "Account",
        ig="angry.commenter",
        ig_rel=("restricted",),
        mastodon="loud@toxic.example",
        masto_rel=("blocked",),
    ),
]

GIVEN = [
    "Olivia",
    "Liam",
    "Emma",
    "Noah",
    "Ava",
    "Lucas",
    "Sofia",
    "Mateo",
    "Isla",
    "Leo",
    "Freya",
    "Hugo",
    "Clara",
    "Felix",
    "Nora",
    "Elias",
    "Alma",
    "Oscar",
    "Ella",
    "Theo",
    "Marta",
    "Rui",
    "Beatriz",
    "Tiago",
    "Inês",
    "Joana",
    "Pedro",
    "Ana",
    "Miguel",
    "Rita",
    "Yuki",
    "Hiro",
    "Amara",
    "Kofi",
    "Layla",
    "Omar",
    "Mei",
    "Wei",
    "Arjun",
    "Divya",
    "Tobias",
    "Greta",
    "Sven",
    "Ingrid",
    "Paolo",
    "Giulia",
    "Camille",
    "Julien",
    "Anouk",
    "Daan",
    "Niamh",
    "Cian",
    "Aoife",
    "Fatima",
    "Yusuf",
    "Elif",
    "Emre",
    "Kasia",
    "Piotr",
]
FAMILY = [
    "Silva",
    "Santos",
    "Ferreira",
    "Costa",
    "Oliveira",
    "Pereira",
    "Andersson",
    "Nilsson",
    "Berglund",
    "Holm",
    "Rossi",
    "Bianchi",
    "Moreau",
    "Laurent",
    "Jansen",
    "de Vries",
    "Murphy",
    "Kelly",
    "Tanaka",
    "Sato",
    "Mensah",
    "Haddad",
    "Khan",
    "Patel",
    "Iyer",
    "Wang",
    "Li",
    "Kowalski",
    "Nowak",
    "Yilmaz",
    "Demir",
    "Fischer",
    "Weber",
    "Novak",
    "Horvat",
    "Kim",
    "Lee",
    "Brooks",
    "Hughes",
    "Price",
    "Bennett",
    "Foster",
    "Reid",
]
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
]
POSITIONS = [
    "Software Engineer",
    "Product Manager",
    "Designer",
    "Data Analyst",
    "Consultant",
    "Marketing Manager",
    "Account Manager",
    "Researcher",
    "Team Lead",
    "Recruiter",
]


def _ascii(s: str) -> str:
    table = str.maketrans("áàâãäåéèêëíìîïóòôõöúùûüçñøłÁÉÍÓÚÇÑ", "aaaaaaeeeeiiiiooooouuuucnolAEIOUCN")
    return s.translate(table)


def generated(rng: random.Random, count: int) -> list[SamplePerson]:
    """Ordinary people: mostly consistent names, handles that often (not always) spell them."""
    people = []
    used: set[tuple[str, str]] = set()
    while len(people) < count:
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        if (given, family) in used:
            continue
        used.add((given, family))
        g, f = _ascii(given).lower(), _ascii(family).lower().replace(" ", "")
        kind = rng.random()
        p = SamplePerson(given, family, since_year=rng.randint(2008, 2026))
        if kind < 0.45:  # friends from life
            p.fb, p.fb_rel = f"{given} {family}", ("friend",)
            if rng.random() < 0.6:
                p.ig = rng.choice(
                    [
                        f"{g}.{f}",
                        f"{g}{f}",
                        f"{g}_{f}{rng.randint(1, 99)}",
                        f"{g[0]}{f}",
                        f"{rng.choice(['sunny', 'blue', 'wild'])}{g}",
                    ]
                )
                p.ig_rel = rng.choice([("follower", "following"), ("follower",), ("following",)])
            if rng.random() < 0.35:
                p.contact = True
                p.phone = f"+351 9{rng.randint(10, 69)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
        elif kind < 0.85:  # work
            p.li = (given, family)
            p.li_slug = rng.choice([f"{g}-{f}", f"{g}{f}", f"{g}-{f}-{rng.randint(10, 99)}a"])
            p.li_company, p.li_position = rng.choice(COMPANIES), rng.choice(POSITIONS)
            if rng.random() < 0.3:
                p.fb, p.fb_rel = f"{given} {family}", ("friend",)
            if rng.random() < 0.25:
                p.x_handle, p.x_name = f"{g}{f}"[:15], f"{given} {family}"
                p.x_rel = rng.choice([("following",), ("follower", "following")])
                p.x_mentioned = rng.random() < 0.6
            if rng.random() < 0.15:
                p.mastodon = f"{g}@{rng.choice(['mastodon.social', 'fosstodon.org', 'hachyderm.io'])}"
                p.masto_rel = ("following",)
            if rng.random() < 0.3:
                p.contact = True
                p.emails = (f"{g}.{f}@{p.li_company.lower().replace(' ', '')}.example",)
                p.contact_org = p.li_company
        else:  # followers only
            p.ig = rng.choice([f"{g}{f}", f"{g}.{rng.randint(80, 99)}", f"the.{g}"])
            p.ig_rel = ("follower",)
            if rng.random() < 0.3:
                p.x_handle, p.x_name, p.x_rel = f"{g}_{f}"[:15], given, ("follower",)
                p.x_mentioned = rng.random() < 0.5
        people.append(p)
    return people


def everyone(seed: int = 20261102) -> list[SamplePerson]:
    rng = random.Random(seed)
    return FEATURED + generated(rng, 110)
