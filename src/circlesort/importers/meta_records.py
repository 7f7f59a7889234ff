"""The record shapes Meta's JSON exports use, read into one uniform record.

Shapes: ``{name, timestamp}`` (Facebook), ``{title, string_list_data: [{href, value,
timestamp}]}`` (Instagram, Threads; the username moved from ``value`` to ``title`` in late
2025), and the generic localized ``label_values`` form. A file holding one record may hold it
bare, without the list around it.

A record whose fields have the wrong types (a list for a name, a number for a list) is malformed:
it is left out and counted, and the records around it are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from circlesort.importers.text import clean

USERNAME = re.compile(r"^@?[A-Za-z0-9._]{1,30}$")

# Labels are localized to the account's language; these are the ones seen or expected.
NAME_LABELS = {
    "name",
    "full name",
    "nome",
    "nom",
    "nombre",
    "имя",
    "name des profils",
    "nome completo",
    "nombre completo",
    "naam",
    "imię",
}
USERNAME_LABELS = {
    "username",
    "user name",
    "nome de usuário",
    "nom d'utilisateur",
    "nom d’utilisateur",
    "nombre de usuario",
    "benutzername",
    "nome utente",
    "gebruikersnaam",
    "имя пользователя",
    "nazwa użytkownika",
}
URL_LABELS = {"url", "link", "profile url", "profile"}


@dataclass
class MetaRecord:
    name: str = ""
    username: str = ""
    href: str = ""
    timestamp: object = None


class Malformed(Exception):
    """A record whose fields are not of the types Meta writes."""


def records(value: object) -> tuple[list[MetaRecord], int]:
    """Every record of a list of records, or of one bare record; and how many were malformed."""
    items = [value] if isinstance(value, dict) else value
    if not isinstance(items, list):
        return [], 0 if value is None else 1
    out: list[MetaRecord] = []
    malformed = 0
    for item in items:
        try:
            out.append(record(item))
        except Malformed:
            malformed += 1
    return out, malformed


def record(item: object) -> MetaRecord:
    """One record. Raises Malformed."""
    if not isinstance(item, dict):
        raise Malformed
    if "label_values" in item:
        return _label_values(item)
    if "string_list_data" in item or "title" in item:
        return _string_list(item)
    return MetaRecord(name=as_text(item.get("name")), timestamp=as_stamp(item.get("timestamp")))


def as_text(value: object) -> str:
    """A text field, cleaned: a string or a number; missing is empty. Raises Malformed."""
    if isinstance(value, str | int | float) or value is None:
        return clean(value)
    raise Malformed


def as_stamp(value: object) -> object:
    """A timestamp field as it is, to be read as a date later: never a list or an object."""
    if isinstance(value, list | dict):
        raise Malformed
    return value


_PLAIN_HREF = re.compile(
    r"https://www\.(?:instagram\.com|threads\.net|threads\.com)/(?:_u/)?@?([A-Za-z0-9._]{1,30})/?"
)


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
    if data is None:
        data = []
    if not isinstance(data, list) or (data and not isinstance(data[0], dict)):
        raise Malformed
    first = data[0] if data else {}
    value = as_text(first.get("value"))
    href = as_text(first.get("href"))
    title = as_text(item.get("title"))
    timestamp = as_stamp(first.get("timestamp", item.get("timestamp")))
    from_href = username_from_href(href)
    if value:
        username, name = value, (title if title and title != value else "")
    elif title and looks_like_username(title) and (not from_href or from_href == title.lstrip("@")):
        username, name = title, ""
    else:
        username, name = from_href, title
    return MetaRecord(name=name, username=username.lstrip("@"), href=href, timestamp=timestamp)


def _flatten(values: object) -> list[tuple[str, str, str]]:
    """(label, value, href) of every label_values entry, nested ones in document order.

    Iterative: ``dict`` entries nest, and a hostile file may nest them hundreds deep.
    """
    out: list[tuple[str, str, str]] = []
    todo: list[list] = [_lv_list(values)[::-1]]  # stacks of entries still to read, reversed
    while todo:
        pending = todo[-1]
        if not pending:
            todo.pop()
            continue
        lv = pending.pop()
        if isinstance(lv, tuple):  # an entry's own timestamp, read after its nested entries
            out.append(lv)
            continue
        if not isinstance(lv, dict):
            raise Malformed
        label = as_text(lv.get("label")).casefold()
        if "value" in lv or "href" in lv:
            out.append((label, as_text(lv.get("value")), as_text(lv.get("href"))))
        for nested in _lv_list(lv.get("vec")):
            if not isinstance(nested, dict):
                raise Malformed
            out.append((label, as_text(nested.get("value")), as_text(nested.get("href"))))
        if "timestamp_value" in lv:
            pending.append(("timestamp", as_text(lv["timestamp_value"]), ""))
        if nested_entries := _lv_list(lv.get("dict")):
            todo.append(nested_entries[::-1])
    return out


def _lv_list(value: object) -> list:
    """A list of entries; missing or empty is none. Raises Malformed."""
    if not value:
        return []
    if not isinstance(value, list):
        raise Malformed
    return value


def _label_values(item: dict) -> MetaRecord:
    fields = _flatten(item["label_values"])
    rec = MetaRecord(timestamp=as_stamp(item.get("timestamp")))
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
