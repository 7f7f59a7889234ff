"""X (Twitter) archives: data/*.js files, each a JavaScript assignment of a JSON array.

Follower and following lists hold only numeric account ids. Handles and display names come
from the archive's own tweets, wherever they mention or reply to an account.
"""

from __future__ import annotations

import json
import re
from typing import Any

from circlesort.importers.archive import Container, Entry, SkipFile
from circlesort.importers.sink import Sink
from circlesort.importers.text import clean
from circlesort.model import Account, Network, Relation, Tie

X = Network.X
# data type -> (item wrapper key, relation); None marks files read for other reasons.
TYPES: dict[str, tuple[str, Relation | None]] = {
    "follower": ("follower", Relation.FOLLOWER),
    "following": ("following", Relation.FOLLOWING),
    "block": ("blocking", Relation.BLOCKED),
    "mute": ("muting", Relation.MUTED),
    "account": ("account", None),
    "tweets": ("tweet", None),
    "tweet": ("tweet", None),
    "manifest": ("", None),
}
_ASSIGNMENT = re.compile(r"\s*window\.[\w.$]+\s*=\s*")
_NAME = re.compile(r"^(?P<type>[a-z-]+?)(?:-part\d+)?\.js$")
_SPACE = re.compile(r"\s*")
_TRAILER = re.compile(r"[\s;]*\Z")


class _Digits(str):
    """A JSON integer, kept as its digits: an id either way, never text such as a handle."""


_DECODER = json.JSONDecoder(parse_int=_Digits)
_HANDLE = re.compile(r"[A-Za-z0-9_]{1,50}")
_LINKS = ("https://twitter.com/", "https://x.com/")


def data_type(entry: Entry) -> str | None:
    kind = data_type_name(entry.name.lower())
    return kind if kind in TYPES else None


def is_grailbird(entries: list[Entry]) -> bool:
    """The pre-2018 archive: tweets.csv and data/js/tweets/*.js, no follower lists."""
    return any(e.name.lower() == "tweets.csv" for e in entries) and any(
        "js" in e.parts and "tweets" in e.parts for e in entries
    )


def parse_js(entry: Entry) -> Any:
    """The JSON behind ``window.YTD.x.part0 = [...]`` (or ``window.__THAR_CONFIG = {...}``).

    Numbers stay strings: ids are strings, and no number is too long to convert. The JSON is
    parsed where it lies in the text, without a copy of the file's body.
    """
    try:
        text = entry.read().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SkipFile("not text (binary data)") from e
    m = _ASSIGNMENT.match(text) or _SPACE.match(text)
    start = m.end() if m else 0  # \s* always matches
    if not text.startswith(("[", "{"), start):
        raise SkipFile("not an X archive data file (no 'window.YTD… =' assignment)")
    try:
        doc, end = _DECODER.raw_decode(text, start)
        if not _TRAILER.match(text, end):
            raise json.JSONDecodeError("Extra data", text, end)
    except json.JSONDecodeError as e:
        raise SkipFile(f"invalid data after the assignment (line {e.lineno} column {e.colno})") from e
    except RecursionError as e:
        raise SkipFile("nested too deeply to be X archive data") from e
    return doc


def _items(doc: Any, wrapper: str) -> list[dict]:
    if not isinstance(doc, list):
        return []
    out = []
    for item in doc:
        if isinstance(item, dict):
            inner = item.get(wrapper, item)  # older archives lack the wrapper key
            if isinstance(inner, dict):
                out.append(inner)
    return out


def _ids(value: object) -> str:
    """An account id: a string of ASCII digits of a 64-bit size, else ""."""
    if not isinstance(value, str):
        return ""
    text = str.strip(value)  # a plain str, also from _Digits
    return text if text.isascii() and text.isdigit() and len(text) <= 20 else ""


def _text(value: object) -> str:
    """A string value, cleaned; anything else (a number, a list, a mapping) is no text."""
    return clean(value) if isinstance(value, str) and not isinstance(value, _Digits) else ""


def _handle(value: object) -> str:
    text = _text(value).lstrip("@")
    return text if _HANDLE.fullmatch(text) else ""


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _names_from_tweets(tweets: list[dict], names: dict[str, tuple[str, str]]) -> None:
    for tweet in tweets:
        for mention in _list(_dict(tweet.get("entities")).get("user_mentions")):
            if isinstance(mention, dict) and (i := _ids(mention.get("id_str")) or _ids(mention.get("id"))):
                names.setdefault(i, (_handle(mention.get("screen_name")), _text(mention.get("name"))))
        reply_id = _ids(tweet.get("in_reply_to_user_id_str")) or _ids(tweet.get("in_reply_to_user_id"))
        handle = _handle(tweet.get("in_reply_to_screen_name"))
        if reply_id and handle:
            old = names.get(reply_id, ("", ""))
            names[reply_id] = (old[0] or handle, old[1])


def read(container: Container, entries: list[tuple[Entry, str]], sink: Sink) -> None:
    docs: dict[str, list[tuple[Entry, Any]]] = {}
    listed: set[str] = set()
    owner = ""
    for entry, kind in entries:
        try:
            doc = parse_js(entry)
        except SkipFile as e:
            sink.skip(container, X, entry, str(e))
            continue
        if kind == "manifest":
            owner, listed = _manifest(doc)
            continue
        docs.setdefault(kind, []).append((entry, doc))
    for entry, doc in docs.get("account", []):
        for acc in _items(doc, "account"):
            owner = owner or _ids(acc.get("accountId"))
        sink.add(container, X, entry, [])
    if owner:
        sink.owners[X] = owner
    names: dict[str, tuple[str, str]] = {}
    for kind in ("tweets", "tweet"):
        for entry, doc in docs.get(kind, []):
            _names_from_tweets(_items(doc, "tweet"), names)
            sink.add(container, X, entry, [])
    everyone: dict[str, bool] = {}  # account id -> has a handle
    for kind, (wrapper, relation) in TYPES.items():
        if relation is None:
            continue
        for entry, doc in docs.get(kind, []):
            accounts = [
                a
                for a in (_account(i, relation, names) for i in _items(doc, wrapper))
                if a and a.key != owner
            ]
            everyone.update((a.key, bool(a.handle)) for a in accounts)
            sink.add(container, X, entry, accounts)
    _warn_missing_parts(container, entries, listed, sink)
    total, named = len(everyone), sum(everyone.values())
    if named < total:
        sink.warn(
            container,
            X,
            f"{total - named} of {total} accounts have no name or handle: "
            "X archives hold only account ids, and names come only from tweets that "
            "mention or reply to them",
        )


def _account(item: dict, relation: Relation, names: dict[str, tuple[str, str]]) -> Account | None:
    account_id = _ids(item.get("accountId"))
    if not account_id:
        return None
    handle, name = names.get(account_id, ("", ""))
    link = _text(item.get("userLink"))
    link = link if link.startswith(_LINKS) else ""
    url = (
        f"https://x.com/{handle}"
        if handle
        else (link or f"https://twitter.com/intent/user?user_id={account_id}")
    )
    return Account(X, account_id, name=name, handle=handle or None, url=url, ties=(Tie(relation),))


def _manifest(doc: Any) -> tuple[str, set[str]]:
    doc = _dict(doc)
    owner = _ids(_dict(doc.get("userInfo")).get("accountId"))
    listed: set[str] = set()
    for kind, spec in _dict(doc.get("dataTypes")).items():
        if kind in TYPES:
            for f in _list(_dict(spec).get("files")):
                if name := _text(_dict(f).get("fileName")):
                    listed.add(name.split("/")[-1].lower())
    return owner, listed


def _warn_missing_parts(
    container: Container, entries: list[tuple[Entry, str]], listed: set[str], sink: Sink
) -> None:
    present = {e.name.lower() for e, _ in entries}
    for name in sorted(listed - present):
        if TYPES.get(data_type_name(name) or "", ("", None))[1]:
            sink.warn(
                container,
                X,
                f"the archive's manifest lists {name}, which is missing: that list is incomplete",
            )


def data_type_name(file_name: str) -> str | None:
    m = _NAME.match(file_name)
    return m["type"] if m else None
