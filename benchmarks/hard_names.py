"""Small name pools for the hard cases of benchmarks/hard_cases.py.

Kept apart from name_pools.py so the older bundle's pools stay as they were. Every name here is a
common given name or surname, or a usual short form of one.
"""

from __future__ import annotations

# Short forms people use in usernames, often missing from the matcher's nickname table:
# (full given name, short form, culture of the surname pool)
ENGLISH_SHORT = [
    ("Daniel", "Danny", "english"),
    ("Joseph", "Joey", "english"),
    ("Jacqueline", "Jackie", "english"),
    ("Pamela", "Pam", "english"),
    ("Robert", "Bob", "english"),
    ("William", "Billy", "english"),
    ("Katherine", "Katie", "english"),
    ("Thomas", "Tommy", "english"),
    ("Samuel", "Sammy", "english"),
    ("Timothy", "Timmy", "english"),
    ("Rebecca", "Becca", "english"),
    ("Abigail", "Abby", "english"),
    ("Deborah", "Debbie", "english"),
    ("Frederick", "Freddie", "english"),
    ("Theodore", "Teddy", "english"),
    ("Susan", "Susie", "english"),
]
FOREIGN_SHORT = [
    ("Johannes", "Hannes", "german"),
    ("Josef", "Sepp", "german"),
    ("Friedrich", "Fritz", "german"),
    ("Justus", "Joost", "dutch"),
    ("Cornelis", "Kees", "dutch"),
    ("Hendrik", "Henk", "dutch"),
    ("Lars", "Lasse", "nordic"),
    ("Mikael", "Micke", "nordic"),
    ("Aleksandr", "Sasha", "slavic"),
    ("Yevgeny", "Zhenya", "slavic"),
    ("Anastasia", "Nastya", "slavic"),
    ("Katarzyna", "Kasia", "slavic"),
    ("Wojciech", "Wojtek", "slavic"),
    ("José", "Pepe", "iberian"),
    ("Francisco", "Paco", "iberian"),
    ("Enrique", "Quique", "iberian"),
    ("Ignacio", "Nacho", "iberian"),
    ("Dolores", "Lola", "iberian"),
    ("José", "Zé", "iberian"),
    ("Francisco", "Chico", "iberian"),
    ("Eduardo", "Dudu", "iberian"),
]
DUTCH_SURNAMES = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder"]

# One name in two languages: (one form, the other form, culture of the surname pool)
CROSS_LANGUAGE = [
    ("Alejandro", "Alexander", "iberian"),
    ("Giovanni", "John", "english"),
    ("Jens", "Hans", "nordic"),
    ("Mikhail", "Michael", "slavic"),
    ("Pedro", "Peter", "iberian"),
    ("Guillermo", "William", "iberian"),
    ("Juan", "John", "iberian"),
    ("Katarina", "Catherine", "nordic"),
    ("Pavel", "Paul", "slavic"),
    ("Jakob", "James", "german"),
    ("Giuseppe", "Joseph", "english"),
    ("Stefan", "Stephen", "german"),
]

# Spellings of one given name, each used by some people: (one, the other, culture of the surname)
SPELLING_VARIANTS = [
    ("Katherine", "Catherine", "english"),
    ("Mohammed", "Muhammad", "arabic_turkish"),
    ("Jon", "John", "english"),
    ("Steven", "Stephen", "english"),
    ("Sara", "Sarah", "english"),
    ("Jeffrey", "Geoffrey", "english"),
    ("Yusuf", "Youssef", "arabic_turkish"),
    ("Ekaterina", "Yekaterina", "slavic"),
    ("Nathalie", "Natalie", "german"),
]

# Given names written with an accent (the LinkedIn side may drop it)
ACCENTED = ["Stéphanie", "Chloé", "Zoë", "Renée", "Jérôme", "Hélène", "Agnès", "Joël", "Inês", "Björn"]

# Words people hang after their name in a username
SUFFIX_WORDS = [
    "photo",
    "design",
    "official",
    "art",
    "dev",
    "music",
    "pt",
    "nyc",
    "studio",
    "tattoo",
    "films",
    "yoga",
    "travels",
    "writes",
    "codes",
    "fit",
]

# Neighbouring keys on a phone's QWERTY keyboard
KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
