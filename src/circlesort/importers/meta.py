"""Facebook, Instagram and Threads: from Meta's files to accounts, with the checks users need."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from circlesort.importers import meta_html, meta_json
from circlesort.importers.archive import Container, Entry, SkipFile
from circlesort.importers.meta_json import FB, IG, TH, Group
from circlesort.importers.meta_records import MetaRecord, username_from_href
from circlesort.importers.sink import Sink
from circlesort.importers.text import counted
from circlesort.model import Account, Tie

PROFILE_URL = {IG: "https://www.instagram.com/{}", TH: "https://www.threads.net/@{}"}


def account(network: str, relation: str, rec: MetaRecord) -> Account | None:
    tie = (Tie(relation, meta_json.since(rec)),)
    if network == FB:
        name = rec.name or rec.username
        return Account(FB, name, name=name, ties=tie) if name else None
    username = (rec.username or username_from_href(rec.href)).lstrip("@")
    if not username:
        return None
    return Account(network, username.casefold(), name=rec.name, handle=username,
                   url=PROFILE_URL[network].format(username.casefold()), ties=tie)


def read(container: Container, entries: list[Entry], sink: Sink) -> None:
    seen_pages: dict[str, set[int]] = defaultdict(set)
    for entry in entries:
        html = entry.name.lower().endswith((".html", ".htm"))
        try:
            groups = meta_html.parse(entry) if html else meta_json.parse(entry)
        except SkipFile as e:
            network = meta_json.network_hint(entry) or FB
            sink.skip(container, network, entry, str(e))
            continue
        for group in groups:
            _add_group(container, entry, group, sink, html)
            if group.network == IG and group.relation == "follower":
                seen_pages["followers"].add(_page(entry.name))
    _check_pages(container, seen_pages["followers"], sink)
    _check_instagram(container, sink)


def _add_group(container: Container, entry: Entry, group: Group, sink: Sink, html: bool) -> None:
    accounts, nameless = [], 0
    for rec in group.records:
        a = account(group.network, group.relation, rec)
        if a is None:
            nameless += 1
        else:
            accounts.append(a)
    sink.add(container, group.network, entry, accounts)
    if group.network == FB:
        _warn_homonyms(container, entry, group, accounts, sink)
    if nameless:
        what = "without a name" if group.network == FB else "without a username"
        sink.warn(container, group.network,
                  f"{counted(nameless, 'entry', 'entries')} {what} in {entry.name} skipped "
                  "(deactivated accounts)")
    if html:
        sink.warn(container, group.network,
                  "this export is HTML: names were read, dates only where they could be; "
                  "download it again choosing the JSON format for exact dates")


def _warn_homonyms(container: Container, entry: Entry, group: Group, accounts: list[Account],
                   sink: Sink) -> None:
    """Facebook exports hold no ids: two friends of one name can only be shown as one."""
    names = [a.key for a in accounts]
    twice = sorted({n for n in names if names.count(n) > 1}) if len(set(names)) < len(names) else []
    if twice:
        example = ", ".join(f"'{n}'" for n in twice[:3])
        sink.warn(container, FB, f"{counted(len(twice), 'name appears', 'names appear')} more than once "
                  f"in {entry.name} ({example}): Facebook exports hold no ids, so each is shown once")


def _page(name: str) -> int:
    tail = name.rsplit(".", 1)[0].rsplit("_", 1)[-1]
    return int(tail) if tail.isdigit() else 1


def _check_pages(container: Container, pages: set[int], sink: Sink) -> None:
    if pages and (missing := sorted(set(range(1, max(pages) + 1)) - pages)):
        names = ", ".join(f"followers_{n}.json" for n in missing)
        sink.warn(container, IG, f"follower pages missing ({names}): followers are incomplete")


def _check_instagram(container: Container, sink: Sink) -> None:
    """Warn about exports that look limited to a date range or that lack followers."""
    mine = sink.source_accounts(container, IG)
    if not mine:
        return
    relations = {r for a in mine for r in a.relations}
    if "following" in relations and "follower" not in relations:
        sink.warn(container, IG, "no followers file was found: followers are missing")
    dates = sorted(t.since[:10] for a in mine for t in a.ties
                   if t.relation in ("follower", "following") and t.since)
    if len(dates) >= 30:
        first, last = datetime.fromisoformat(dates[0]), datetime.fromisoformat(dates[-1])
        if (last - first).days < 400:
            sink.warn(container, IG,
                      f"every follower and following dates from {dates[0][:7]} to {dates[-1][:7]}: "
                      "this export may be limited to a date range; download it again choosing "
                      "'All time'")
