"""Name pools for generated people: a few very common names and a long tail of rare ones.

Each culture has given names (with the short forms people use) and surnames, most common first;
``surname()`` mixes in made-up surnames from syllables so that, as in real life, about half the
people carry a surname almost nobody else in the bundle has. Some cultures also have the names
in their own script, as Facebook shows them.
"""

from __future__ import annotations

import csv
import random
from functools import cache
from importlib import resources

# given name -> short forms people go by (their own table, not the matcher's)
NICKNAMES = {
    "William": ["Bill", "Will", "Billy"], "Robert": ["Bob", "Rob", "Bobby"],
    "Elizabeth": ["Liz", "Beth", "Lizzie"],
    "Katherine": ["Kate", "Katie", "Kathy"], "Catherine": ["Kate", "Cathy"], "Christopher": ["Chris"],
    "Jonathan": ["Jon"], "Margaret": ["Maggie", "Peggy"], "Richard": ["Rick", "Rich"], "Michael": ["Mike"],
    "James": ["Jim", "Jamie"], "Jennifer": ["Jen", "Jenny"], "Patricia": ["Pat", "Trish"], "Thomas": ["Tom"],
    "Daniel": ["Dan", "Danny"], "Matthew": ["Matt"], "Anthony": ["Tony"], "Samantha": ["Sam"],
    "Alexander": ["Alex"], "Rebecca": ["Becky"], "Benjamin": ["Ben"], "Nicholas": ["Nick"],
    "Jessica": ["Jess"], "Aleksandr": ["Sasha"], "Ekaterina": ["Katya"], "Dmitry": ["Dima"],
    "Mikhail": ["Misha"], "Natalya": ["Natasha"], "José": ["Pepe"], "Francisco": ["Paco"],
    "Joseph": ["Joe"], "Edward": ["Ed", "Eddie"], "Andrew": ["Andy", "Drew"], "Susan": ["Sue"],
    "Stephanie": ["Steph"], "Victoria": ["Vicky", "Tori"], "Timothy": ["Tim"], "Gregory": ["Greg"],
}

CULTURES: dict[str, dict] = {
    "english": {
        "weight": 34,
        "given": ["James", "John", "Robert", "Michael", "William", "David", "Mary", "Jennifer", "Elizabeth",
                  "Sarah", "Emily", "Jessica", "Christopher", "Daniel", "Matthew", "Olivia", "Emma",
                  "Thomas", "Katherine", "Rebecca", "Jonathan", "Samantha", "Benjamin", "Nicholas",
                  "Anthony", "Margaret", "Richard", "Patricia", "Joseph", "Edward", "Andrew", "Susan",
                  "Stephanie", "Victoria", "Timothy", "Gregory", "Chloe", "Grace", "Harriet", "Imogen",
                  "Rupert", "Tristan", "Phoebe", "Felicity", "Jasper", "Ellis", "Wren", "Sterling"],
        "surnames": ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
                     "Taylor", "Anderson", "Thomas", "Moore", "Martin", "Clark", "Lewis", "Walker",
                     "Hall", "Young", "King", "Wright", "Hughes", "Price", "Bennett", "Foster", "Reid",
                     "Brooks", "Kelly", "Murphy", "O'Brien", "Fitzgerald", "Ashworth", "Pemberton"],
        "syllables": (["Ash", "Black", "Brad", "Craw", "Fair", "Hart", "Kings", "Lang", "Mor", "Penn",
                       "Rad", "Stan", "Thorn", "Wake", "Whit", "Wood", "Hol", "Bram", "Cald", "Dun"],
                      ["ford", "ley", "worth", "ton", "field", "by", "wick", "more", "hurst", "well",
                       "dale", "combe", "stead", "cott", "ridge", "holm", "brook", "lock"]),
    },
    "iberian": {
        "weight": 14,
        "given": ["José", "María", "Juan", "Ana", "Carlos", "Lucía", "Javier", "Sofía", "Álvaro",
                  "Inés", "João", "Beatriz", "Tomás", "Marta", "Francisco", "Nuño", "Begoña", "Íñigo",
                  "Conceição", "Gonçalo", "Rocío", "Ximena"],
        "surnames": ["García", "Rodríguez", "Martínez", "López", "González", "Pérez", "Sánchez", "Silva",
                     "Santos", "Ferreira", "Álvarez", "Fernández", "Gómez", "Oliveira", "Ibáñez", "Muñoz"],
        "syllables": (["Alba", "Bel", "Cas", "Echa", "Garri", "Iri", "Larra", "Mendi", "Olai", "Ur",
                       "Zuba", "Arri", "Bara", "Goi", "Lasa"],
                      ["zábal", "rría", "goitia", "rrieta", "ondo", "arte", "buru", "eta", "iaga",
                       "zola", "llano", "ranz"]),
    },
    "german": {
        "weight": 8,
        "given": ["Jürgen", "Lukas", "Anja", "Jörg", "Käthe", "Uwe", "Sören", "Günther", "Mia",
                  "Felix", "Jonas", "Lea", "Björn", "Hannelore"],
        "surnames": ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
                     "Schäfer", "Köhler", "Groß", "Hoffmann"],
        "syllables": (["Alt", "Brau", "Eich", "Frei", "Gold", "Hasel", "Kirch", "Lind", "Rosen",
                       "Stein", "Wald", "Zimmer", "Löwen", "Grün"],
                      ["mann", "berger", "hof", "bach", "feld", "hauser", "meier", "stätter", "huber",
                       "brück", "thal"]),
    },
    "slavic": {
        "weight": 8,
        "given": ["Aleksandr", "Natalya", "Dmitry", "Ekaterina", "Mikhail", "Olga", "Ivan", "Tatiana",
                  "Sergey", "Yulia", "Łukasz", "Małgorzata", "Wojciech", "Agnieszka"],
        "surnames": ["Ivanov", "Petrov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Nowak", "Kowalski",
                     "Wiśniewski", "Wójcik"],
        "syllables": (["Bel", "Vor", "Zhur", "Kras", "Lebe", "Mukh", "Orl", "Prokh", "Rybak", "Sed",
                       "Tik", "Yegor", "Zaj", "Grab", "Szczep"],
                      ["ova", "ov", "enko", "insky", "akov", "ichev", "anski", "owicz", "ak", "yuk"]),
    },
    "vietnamese": {
        "weight": 4,
        "given": ["Ngọc Trâm", "Thị Lan", "Văn Minh", "Thu Hà", "Quang Huy", "Bảo Anh", "Đức Anh",
                  "Thanh Tùng"],
        "surnames": ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"],
        "syllables": (["Đ", "Ng", "Kh", "Tr"], ["inh", "ô", "ương", "iêu"]),
    },
    "south_asian": {
        "weight": 8,
        "given": ["Priya", "Arjun", "Rahul", "Ananya", "Sanjay", "Divya", "Vikram", "Meera", "Aarav",
                  "Ishaan", "Kavya", "Rohan", "Nandini", "Siddharth"],
        "surnames": ["Sharma", "Patel", "Singh", "Kumar", "Gupta", "Iyer", "Reddy", "Nair", "Menon",
                     "Chatterjee", "Banerjee", "Krishnan"],
        "syllables": (["Adi", "Bhat", "Chand", "Desh", "Gan", "Jaya", "Kul", "Mahe", "Ragh", "Sub",
                       "Venk", "Pari"],
                      ["karni", "pande", "wala", "avan", "ramani", "esan", "ari", "aswamy", "tekar"]),
    },
    "east_asian": {
        "weight": 8,
        "given": ["Wei", "Jing", "Xiaoming", "Min-jun", "Ji-woo", "Yuki", "Haruto", "Mei", "Hao",
                  "Seo-yeon", "Taro", "Sakura"],
        "surnames": ["Wang", "Li", "Zhang", "Chen", "Liu", "Kim", "Park", "Lee", "Tanaka", "Sato",
                     "Yamada", "Suzuki"],
        "syllables": (["Ha", "Ki", "Mo", "Na", "Shi", "Ta", "Yo", "Fu"],
                      ["shimoto", "mura", "gawa", "yama", "saki", "zawa", "oka", "hara"]),
    },
    "nordic": {
        "weight": 6,
        "given": ["Søren", "Åsa", "Björn", "Sigrún", "Freya", "Oskar", "Ingrid", "Sven", "Linnea", "Nils"],
        "surnames": ["Andersson", "Johansson", "Nilsson", "Hansen", "Jensen", "Lindqvist", "Berg",
                     "Sørensen"],
        "syllables": (["Ek", "Lund", "Sjö", "Holm", "Berg", "Dahl", "Ström", "Åker"],
                      ["gren", "qvist", "ström", "berg", "lund", "vall", "näs", "dahl"]),
    },
    "arabic_turkish": {
        "weight": 10,
        "given": ["Mohammed", "Ahmed", "Fatima", "Omar", "Layla", "Yusuf", "Zeynep", "Emre", "Elif",
                  "Karim", "Nour", "Hamza"],
        "surnames": ["Khan", "Ali", "Hassan", "Haddad", "Yılmaz", "Kaya", "Demir", "Öztürk", "Mansour",
                     "Al-Sayed"],
        "syllables": (["Al-", "Ben ", "Abu ", "Kar", "Tur", "Ak", "Er"],
                      ["hashimi", "rahman", "masri", "tekin", "doğan", "soy", "kurt", "bakri"]),
    },
}

# Names as Facebook shows them in their own script (the Latin form is what LinkedIn shows).
NATIVE = {
    "Aleksandr": "Александр", "Natalya": "Наталья", "Dmitry": "Дмитрий", "Ekaterina": "Екатерина",
    "Mikhail": "Михаил", "Olga": "Ольга", "Ivan": "Иван", "Tatiana": "Татьяна", "Sergey": "Сергей",
    "Yulia": "Юлия", "Ivanov": "Иванов", "Petrov": "Петров", "Smirnov": "Смирнов",
    "Kuznetsov": "Кузнецов", "Popov": "Попов", "Sokolov": "Соколов",
    "Taro": "太郎", "Yamada": "山田", "Tanaka": "田中", "Sato": "佐藤", "Suzuki": "鈴木", "Yuki": "由紀",
    "Haruto": "陽翔", "Sakura": "さくら",
}


def _zipf(rng: random.Random, items: list[str], power: float = 1.0) -> str:
    weights = [1 / (rank + 1) ** power for rank in range(len(items))]
    return rng.choices(items, weights)[0]


def culture(rng: random.Random) -> str:
    names = list(CULTURES)
    return rng.choices(names, [CULTURES[c]["weight"] for c in names])[0]


@cache
def _english_tail() -> list[str]:
    """About a thousand English given names, most of them rare, from the nicknames data set."""
    path = resources.files("nicknames").joinpath("names.csv")
    with path.open(encoding="utf-8") as f:
        names = {row[0] for row in csv.reader(f) if row and row[0].isalpha() and len(row[0]) > 3}
    return sorted(n.title() for n in names)


def given(rng: random.Random, kind: str) -> str:
    """A given name: one of the culture's usual ones, or one of a thousand rarer ones.

    Real given names are spread thin: two strangers share one about once in 150 times
    (the sum of squared shares is about 0.007 for US given names; 0.007 to 0.01 here).
    """
    if rng.random() < (0.5 if kind == "english" else 0.65):
        return rng.choice(_english_tail())
    return _zipf(rng, CULTURES[kind]["given"], 0.5)


def surname(rng: random.Random, kind: str) -> str:
    """A common surname now and then, else a rare one made of syllables, as in real life.

    The most common surname is held by about 1% of a culture (Smith: 0.9% of the US) and two
    strangers share a surname about once in 1,500 times; Vietnamese and East Asian surnames are
    few and shared widely, and so are they here.
    """
    c = CULTURES[kind]
    if rng.random() < (0.5 if kind in ("vietnamese", "east_asian") else 0.08):
        return _zipf(rng, c["surnames"], 0.7)
    heads, tails = c["syllables"]
    middle = rng.choice(_MIDDLES) if kind not in ("vietnamese", "east_asian") else ""
    return rng.choice(heads) + middle + rng.choice(tails)


_MIDDLES = ["", "", "", "er", "en", "in", "ol", "am", "is", "ov"]
