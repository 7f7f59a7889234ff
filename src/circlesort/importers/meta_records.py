"""The record shapes Meta's JSON exports use, read into one uniform record.

Shapes: ``{name, timestamp}`` (Facebook), ``{title, string_list_data: [{href, value,
timestamp}]}`` (Instagram, Threads; the username moved from ``value`` to ``title`` in late
2025), and the generic localized ``label_values`` form. A file holding one record may hold it
bare, without the list around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from circlesort.importers.text import clean

USERNAME = re.compile(r"^@?[A-Za-z0-9._]{1,30}$")

# Labels are localized to the account's language; these are the ones seen or expected.
NAME_LABELS = {"name", "full name", "nome", "nom", "nombre", "имя", "name des profils",
               "nome completo", "nombre completo", "naam", "imię"}
USERNAME_LABELS = {"username", "user name", "nome de usuário", "nom d'utilisateur",
                   "nom d’utilisateur", "nombre de usuario", "benutzername", "nome utente",
                   "gebruikersnaam", "имя пользователя", "nazwa użytkownika"}
URL_LABELS = {"url", "link", "profile url", "profile"}


@dataclass
class MetaRecord:
    name: str = ""
    username: str = ""
    href: str = ""
    timestamp: object = None


def records(value: object) -> list[MetaRecord]:
    """Every record of a list of records, or of one bare record."""
    items = [value] if isinstance(value, dict) else value
    if not isinstance(items, list):
        return []
    return [record(item) for item in items if isinstance(item, dict)]


def record(item: dict) -> MetaRecord:
    if isinstance(item.get("label_values"), list):
        return _label_values(item)
    if "string_list_data" in item or "title" in item:
        return _string_list(item)
    return MetaRecord(name=clean(item.get("name")), timestamp=item.get("timestamp"))


_PLAIN_HREF = re.compile(r"https://www\.(?:instagram\.com|threads\.net|threads\.com)/(?:_u/)?@?([A-Za-z0-9._]{1,30})/?")


def username_from_href(href: str) -> str:
    """The username in a profile link: /name, /_u/name, /@name; query strings dropped."""
    plain = _PLAIN_HREF.fullmatch(href)
    if plain:  # the usual form, without the cost of urlsplit
        return plain.group(1)
    try:
        parts = [p for p in urlsplit(href).path.split("/") if p]
    except ValueError:
        return ""
    parts = [p for p in parts if p not in ("_u", "_n")]
    if not parts:
        return ""
    candidate = parts[0].lstrip("@")
    return candidate if USERNAME.match(candidate) else ""


def looks_like_username(text: str) -> bool:
    return bool(USERNAME.match(text))


def _string_list(item: dict) -> MetaRecord:
    data = item.get("string_list_data")
    first = next((d for d in data if isinstance(d, dict)), {}) if isinstance(data, list) else {}
    value = clean(first.get("value"))
    href = clean(first.get("href"))
    title = clean(item.get("title"))
    timestamp = first.get("timestamp", item.get("timestamp"))
    from_href = username_from_href(href)
    if value:
        username, name = value, (title if title and title != value else "")
    elif title and looks_like_username(title) and (not from_href or from_href == title.lstrip("@")):
        username, name = title, ""
    else:
        username, name = from_href, title
    return MetaRecord(name=name, username=username.lstrip("@"), href=href, timestamp=timestamp)


def _flatten(values: list) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for lv in values:
        if not isinstance(lv, dict):
            continue
        label = clean(lv.get("label")).casefold()
        if "value" in lv or "href" in lv:
            out.append((label, clean(lv.get("value")), clean(lv.get("href"))))
        for nested in lv.get("vec") or []:
            if isinstance(nested, dict):
                out.append((label, clean(nested.get("value")), clean(nested.get("href"))))
        for nested in lv.get("dict") or []:
            if isinstance(nested, dict):
                out.extend(_flatten([nested]))
        if "timestamp_value" in lv:
            out.append(("timestamp", str(lv["timestamp_value"]), ""))
    return out


def _label_values(item: dict) -> MetaRecord:
    fields = _flatten(item["label_values"])
    rec = MetaRecord(timestamp=item.get("timestamp"))
    for label, value, href in fields:
        if label in USERNAME_LABELS and value and not rec.username:
            rec.username = value.lstrip("@")
        elif label in NAME_LABELS and value and not rec.name:
            rec.name = value
        elif label in URL_LABELS and (href or value) and not rec.href:
            rec.href = href or value
        elif label == "timestamp" and rec.timestamp is None:
            rec.timestamp = value
    if not rec.username and rec.href:
        rec.username = username_from_href(rec.href)
    if not rec.name and not rec.username:
        # Labels in a language not listed above: the first plain value is the name.
        plain = [v for _, v, _ in fields if v and "://" not in v and not v.isdigit()]
        rec.name = plain[0] if plain else ""
    return rec
