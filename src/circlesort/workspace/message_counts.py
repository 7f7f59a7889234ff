"""The message counts an import brings, joined to the accounts the workspace already holds.

A network's message files read in one import are the whole of its counts: they replace what
was held. An import that read none for a network keeps what its accounts had. Message files
imported on their own (Messenger's secure-storage download, say) have no connection files
beside them: their counts join the accounts the workspace holds for that network.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace

from circlesort.importers import ImportResult
from circlesort.importers.sink import slug_of, thread_name
from circlesort.model import Account, Talk
from circlesort.workspace import codec

Held = Mapping[tuple[str, str], tuple[str, int]]  # every account held: (its JSON, whether gone)


def keep(result: ImportResult, held: Held) -> None:
    """The talk held for the accounts of networks whose message files this import did not
    read, kept on the accounts it brings (in place in ``result``)."""
    for i, a in enumerate(result.accounts):
        if a.talk is not None or a.network in result.messages or (found := held.get(codec.key_of(a))) is None:
            continue
        if (talk := codec.talk_of(found[0])) is not None:
            result.accounts[i] = replace(a, talk=talk)


def join_loose(db: sqlite3.Connection, result: ImportResult, held: Held) -> None:
    """For each network whose message files came without its connection files: every held
    account of it that gains counts or loses old ones, added to ``result`` with its new talk
    (so the import writes it; the network's accounts are not marked gone, see importing)."""
    networks = set(result.messages) - result.connection_networks
    if not networks:
        return
    found = _found(result, held, networks)
    incoming = {codec.key_of(a) for a in result.accounts}
    for k, (data, gone) in held.items():
        if gone or k[0] not in networks or k in incoming:
            continue
        talk, name = found.get(k, (None, ""))
        if talk is None and codec.talk_of(data) is None:
            continue
        account = _held_account(db, k, data)
        result.accounts.append(replace(account, talk=talk, name=account.name or thread_name(account, name)))


def _found(result: ImportResult, held: Held, networks: set[str]) -> dict[tuple[str, str], tuple[Talk, str]]:
    """The loose counts that name a held account of these networks, by key or by username."""
    found = {k: v for k, v in result.loose_talk.items() if k[0] in networks and k in held and not held[k][1]}
    slugged = {k: v for k, v in result.loose_slugs.items() if k[0] in networks}
    if slugged:
        by_slug: dict[tuple[str, str], list[str]] = defaultdict(list)
        for (network, key), (_, gone) in held.items():
            if network in networks and not gone:
                by_slug[(network, slug_of(key))].append(key)
        for (network, slug), value in slugged.items():
            keys = by_slug.get((network, slug), [])
            if len(keys) == 1:  # a slug two usernames share names no one
                found[(network, keys[0])] = value
    return found


def _held_account(db: sqlite3.Connection, key: tuple[str, str], data: str) -> Account:
    (name,) = db.execute("SELECT name FROM accounts WHERE network = ? AND key = ?", key).fetchone()
    return codec.load(key[0], key[1], name, data)
