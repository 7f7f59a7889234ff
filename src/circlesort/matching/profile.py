"""What each account offers the matcher: its name as tokens, its handles, e-mails and employer."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from circlesort.matching.handles import Handle, linkedin_slug, make_handle
from circlesort.matching.normalize import fold, parse
from circlesort.model import Account

# E-mail providers say nothing about an employer.
_WEBMAIL = frozenset(
    {
        "gmail",
        "googlemail",
        "yahoo",
        "ymail",
        "hotmail",
        "outlook",
        "live",
        "msn",
        "icloud",
        "me",
        "mac",
        "aol",
        "gmx",
        "web",
        "proton",
        "protonmail",
        "pm",
        "yandex",
        "mail",
        "qq",
        "163",
        "126",
        "fastmail",
        "zoho",
        "tutanota",
        "posteo",
        "example",
        "free",
        "orange",
        "btinternet",
        "comcast",
        "t-online",
    }
)
_LEGAL = frozenset(
    {
        "inc",
        "ltd",
        "llc",
        "gmbh",
        "sa",
        "ag",
        "co",
        "corp",
        "corporation",
        "company",
        "plc",
        "bv",
        "ab",
        "as",
        "oy",
        "srl",
        "spa",
        "limited",
        "group",
        "the",
    }
)
_HANDLE_KIND = {
    "instagram": "Instagram username",
    "threads": "Threads username",
    "x": "X handle",
    "mastodon": "Mastodon account",
    "bluesky": "Bluesky handle",
}
_NETWORK_NAME = {
    "facebook": "Facebook",
    "linkedin": "LinkedIn",
    "instagram": "Instagram",
    "x": "X",
    "mastodon": "Mastodon",
    "threads": "Threads",
    "bluesky": "Bluesky",
    "contacts": "contacts",
}


def network_name(network: str) -> str:
    return _NETWORK_NAME.get(network, network)


@dataclass(slots=True)  # not frozen: built tens of thousands of times per match
class Profile:
    """One account as the matcher sees it. ``index`` is its place in the input."""

    index: int
    account: Account
    network: str
    tokens: tuple[str, ...]  # the name, given name first; () when the account shows none
    raw: str  # the name as the export shows it
    handles: tuple[Handle, ...]
    emails: frozenset[str]
    employer: str  # the company, folded, without "Inc." and the like
    domains: frozenset[str]  # employers named by e-mail domains ("contoso" from jo@contoso.com)

    @property
    def notes(self) -> tuple[str, ...]:
        """What folding did to the name ("accent folding", "dropping 'MBA'"), for the evidence."""
        return _notes(self.raw, self.tokens) if self.tokens else ()

    @property
    def label(self) -> str:
        """How evidence names this account: "the LinkedIn account 'Jose Alvarez, MBA'"."""
        return f"{network_name(self.network)} '{self.account.display_name}'"


def profile_of(index: int, account: Account) -> Profile:
    raw = _raw_name(account)
    tokens = _name(raw, account.first_name, account.last_name) if raw else ()
    if account.emails:
        emails = frozenset(e.strip().lower() for e in account.emails if "@" in e)
        domains = frozenset(d for d in (_domain_label(e) for e in emails) if d)
    else:
        emails = domains = frozenset()
    handles = [h for h in _handles(account, emails) if h is not None]
    return Profile(
        index,
        account,
        account.network,
        tokens,
        raw,
        tuple(handles),
        emails,
        _employer(account.company),
        domains,
    )


def _raw_name(account: Account) -> str:
    if account.first_name or account.last_name:
        return f"{account.first_name} {account.last_name}".strip()
    if account.network == "contacts" and "@" in account.name and " " not in account.name.strip():
        return ""  # a contact saved under its e-mail address has no name
    return account.name


def _name(raw: str, first: str, last: str) -> tuple[str, ...]:
    tokens = parse(raw, first, last).tokens
    if len(tokens) == 1 and len(tokens[0]) == 1:
        return ()  # a lone initial is no name
    return tokens


@cache
def _notes(raw: str, tokens: tuple[str, ...]) -> tuple[str, ...]:
    """What was done to ``raw`` to reach ``tokens``, in words for the evidence."""
    notes = []
    scripts = {unicodedata.name(c, "").split(" ")[0] for c in raw if c.isalpha() and ord(c) > 0x24F}
    scripts -= {"", "LATIN"}
    if scripts:
        names = {
            "CJK": "Chinese characters",
            "HIRAGANA": "Japanese",
            "KATAKANA": "Japanese",
            "HANGUL": "Korean",
        }
        written = sorted({names.get(s, s.title()) for s in scripts})
        notes.append(f"transliteration from {' and '.join(written)}")
    elif any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", raw)) or any(
        c in raw for c in "łŁøØßđĐ"
    ):
        notes.append("accent folding")
    if any(unicodedata.category(c) == "So" for c in raw):
        notes.append("removing emoji")
    kept = set(tokens)
    dropped: dict[str, None] = {}  # in order of appearance, each once
    words = re.split(r"[\s,]+", raw)
    if len(words) <= len(tokens):
        words = []  # nothing can have been dropped
    for word in words:
        folded = fold(word)
        if folded and all(w not in kept for w in folded.split()):
            dropped[word.strip("()")] = None
    if dropped:
        notes.append("dropping " + ", ".join(f"'{w}'" for w in list(dropped)[:3]))
    return tuple(notes)


def _handles(account: Account, emails: frozenset[str]) -> list[Handle | None]:
    out: list[Handle | None] = []
    net = account.network
    if net in ("instagram", "threads"):
        out.append(make_handle(_HANDLE_KIND[net], account.key))
    elif net == "x" and account.handle:
        out.append(make_handle(_HANDLE_KIND[net], "@" + account.handle))
    elif net in ("mastodon", "bluesky"):
        out.append(
            make_handle(
                _HANDLE_KIND[net],
                account.key.split("@")[0] if net == "mastodon" else account.key.split(".")[0],
            )
        )
    if account.url and "linkedin.com/in/" in account.url:
        slug = linkedin_slug(account.url)
        if slug:
            out.append(make_handle("LinkedIn profile address", slug))
    for email in sorted(emails) if emails else ():
        local = email.split("@")[0].split("+")[0]
        out.append(make_handle("e-mail address", local))
    return out


def _domain_label(email: str) -> str:
    """The organisation part of an e-mail domain: "contoso" from "jo@mail.contoso.co.uk"."""
    labels = email.rsplit("@", 1)[-1].split(".")
    while len(labels) > 1 and (len(labels[-1]) <= 3 or labels[-1] in ("example", "local")):
        labels.pop()
    label = labels[-1] if labels else ""
    return "" if label in _WEBMAIL or len(label) < 3 else label


@cache
def _employer(company: str) -> str:
    words = [w for w in fold(company).split() if w not in _LEGAL]
    return " ".join(words)


def employer_matches(employer: str, other: Profile) -> str | None:
    """How ``other`` shows the same employer: its company field or its e-mail domain."""
    if not employer:
        return None
    if other.employer and other.employer == employer:
        return "company"
    joined, first = employer.replace(" ", ""), employer.split()[0]
    for d in other.domains:
        if d == joined or (len(first) >= 4 and d == first):
            return "domain"
    return None
