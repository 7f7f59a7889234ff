"""Accounts to and from the workspace's rows: the fields beyond network and key as JSON."""

from __future__ import annotations

import json

from circlesort.model import Account, Network, Talk, Tie


def dump(account: Account) -> str:
    data = {
        "handle": account.handle,
        "url": account.url,
        "first_name": account.first_name,
        "last_name": account.last_name,
        "emails": account.emails,
        "phones": account.phones,
        "company": account.company,
        "position": account.position,
        "labels": account.labels,
        "ties": [[t.relation, t.since, t.message] for t in account.ties],
        "phone_labels": [list(p) for p in account.phone_labels],
        "talk": _talk(account.talk),
    }
    return json.dumps({k: v for k, v in data.items() if v}, ensure_ascii=False, separators=(",", ":"))


def load(network: str, key: str, name: str, data: str) -> Account:
    d = json.loads(data)
    return Account(
        Network(network),
        key,
        name=name,
        handle=d.get("handle"),
        url=d.get("url"),
        first_name=d.get("first_name", ""),
        last_name=d.get("last_name", ""),
        emails=tuple(d.get("emails", ())),
        phones=tuple(d.get("phones", ())),
        company=d.get("company", ""),
        position=d.get("position", ""),
        labels=tuple(d.get("labels", ())),
        ties=tuple(Tie(r, s, m) for r, s, m in d.get("ties", ())),
        phone_labels=tuple((p, lb) for p, lb in d.get("phone_labels", ())),
        talk=Talk(*d["talk"]) if d.get("talk") else None,
    )


def talk_of(data: str) -> Talk | None:
    """An account's talk from its stored JSON, without reading the rest (None when it has none)."""
    if '"talk":' not in data:  # a key only: inside a string the quotes are escaped
        return None
    found = json.loads(data).get("talk")
    return Talk(*found) if found else None


def plain_talk(account: Account) -> tuple[int, str]:
    """The plain columns of an account's talk: one-to-one messages both ways, the last one's date."""
    talk = account.talk
    return (talk.messages, talk.last or "") if talk is not None else (0, "")


def _talk(talk: Talk | None) -> list | None:
    """Counts and dates only: [sent, received, in groups, first, last]."""
    if talk is None:
        return None
    return [talk.sent, talk.received, talk.in_groups, talk.first, talk.last]


def key_of(account: Account) -> tuple[str, str]:
    return (account.network, account.key)


def label(network: str, key: str) -> str:
    """How a decisions file writes an account: "facebook:José Álvarez"."""
    return f"{network}:{key}"


def parse_label(text: str) -> tuple[str, str] | None:
    network, sep, key = str(text).partition(":")
    return (network.strip().lower(), key.strip()) if sep and key.strip() else None
