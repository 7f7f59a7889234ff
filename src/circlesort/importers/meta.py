"""Facebook, Instagram and Threads: from Meta's files to accounts, with the checks users need."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from itertools import islice

from circlesort.importers import meta_html, meta_json
from circlesort.importers.archive import Container, Entry, SkipFile
from circlesort.importers.meta_json import FB, IG, TH, RelationRecords
from circlesort.importers.meta_records import MetaRecord, username_from_href
from circlesort.importers.sink import Sink
from circlesort.importers.text import counted, unreadable
from circlesort.model import Account, Network, Relation, Tie

PROFILE_URL = {IG: "https://www.instagram.com/{}", TH: "https://www.threads.net/@{}"}


def account(network: Network, relation: Relation, rec: MetaRecord) -> Account | None:
    tie = (Tie(relation, meta_json.since(rec)),)
    if network == FB:
        name = rec.name or rec.username
        return Account(FB, name, name=name, ties=tie) if name else None
    username = (rec.username or username_from_href(rec.href)).lstrip("@")
    if not username:
        return None
    return Account(
        network,
        username.casefold(),
        name=rec.name,
        handle=username,
        url=PROFILE_URL[network].format(username.casefold()),
        ties=tie,
    )


def read(container: Container, entries: list[Entry], sink: Sink) -> None:
    seen_pages: dict[str, set[int]] = defaultdict(set)
    for entry in entries:
        html = entry.name.lower().endswith((".html", ".htm"))
        try:
            groups = meta_html.parse(entry) if html else meta_json.parse(entry)
            read = [(group, *_accounts(group)) for group in groups]
        except SkipFile as e:
            network = e.network if isinstance(e, meta_html.NoPeople) else meta_json.network_hint(entry) or FB
            sink.skip(container, network, entry, str(e))
            continue
        except (
            RecursionError,
            ValueError,
            TypeError,
            AttributeError,
            KeyError,
            IndexError,
            OverflowError,
            AssertionError,
        ) as e:
            # A shape no test foresaw: this file is skipped with what went wrong, the rest is read.
            sink.skip(container, meta_json.network_hint(entry) or FB, entry, unreadable(e))
            continue
        for group, accounts, nameless in read:
            _add_group(container, entry, group, accounts, nameless, sink, html)
            if group.network == IG and group.relation == Relation.FOLLOWER:
                seen_pages["followers"].add(_page(entry.name))
    _check_pages(container, seen_pages["followers"], sink)
    _check_instagram(container, sink)


def _accounts(group: RelationRecords) -> tuple[list[Account], int]:
    """The group's accounts, and how many records had no name to make one of."""
    accounts = [a for rec in group.records if (a := account(group.network, group.relation, rec))]
    return accounts, len(group.records) - len(accounts)


def _add_group(
    container: Container,
    entry: Entry,
    group: RelationRecords,
    accounts: list[Account],
    nameless: int,
    sink: Sink,
    html: bool,
) -> None:
    sink.add(container, group.network, entry, accounts)
    if group.network == FB:
        _warn_homonyms(container, entry, accounts, sink)
    if nameless:
        what = "without a name" if group.network == FB else "without a username"
        sink.warn(
            container,
            group.network,
            f"{counted(nameless, 'entry', 'entries')} {what} in {entry.name} skipped (deactivated accounts)",
        )
    if group.malformed:
        sink.warn(
            container,
            group.network,
            f"{counted(group.malformed, 'entry', 'entries')} of an unexpected shape in {entry.name} "
            "skipped (values of the wrong type)",
        )
    if isinstance(group, meta_html.HtmlRelationRecords) and group.unread_dates:
        sink.warn(
            container,
            group.network,
            f"{counted(group.unread_dates, 'date', 'dates')} in {entry.name} could not be read "
            f"(such as '{group.unread_example}'): those people are left undated",
        )
    if html:
        sink.warn(
            container,
            group.network,
            "this export is HTML: names were read, dates only where they could be; "
            "download it again choosing the JSON format for exact dates",
        )


def _warn_homonyms(container: Container, entry: Entry, accounts: list[Account], sink: Sink) -> None:
    """Facebook exports hold no ids: two friends of one name can only be shown as one."""
    counts = Counter(a.key for a in accounts)
    if len(counts) == len(accounts):
        return
    twice = sorted(n for n, c in counts.items() if c > 1)
    example = ", ".join(f"'{n}'" for n in twice[:3])
    sink.warn(
        container,
        FB,
        f"{counted(len(twice), 'name appears', 'names appear')} more than once "
        f"in {entry.name} ({example}): Facebook exports hold no ids, so each is shown once",
    )


def _page(name: str) -> int:
    """The page number of ``followers_3.json``; 1 for an unnumbered file."""
    tail = name.rsplit(".", 1)[0].rsplit("_", 1)[-1]
    # Past 18 digits it is no page number, and past 4,300 int() refuses it.
    return int(tail) if tail.isdecimal() and len(tail) <= 18 else 1


def _check_pages(container: Container, pages: set[int], sink: Sink) -> None:
    """Name the follower pages missing between those present, from the gaps: never by counting to
    the highest number, which a file's name may set to ten billion."""
    present = sorted(p for p in pages if p >= 1)
    if not present or (count := present[-1] - len(present)) == 0:
        return
    gaps = (range(a + 1, b) for a, b in zip([0, *present], present, strict=False))
    first = list(islice((n for gap in gaps for n in gap), 3))
    names = ", ".join(f"followers_{n}.json" for n in first)
    more = f" and {count - len(first):,} more" if count > len(first) else ""
    sink.warn(container, IG, f"follower pages missing ({names}{more}): followers are incomplete")


def _check_instagram(container: Container, sink: Sink) -> None:
    """Warn about exports that look limited to a date range or that lack followers."""
    mine = sink.source_accounts(container, IG)
    if not mine:
        return
    relations = {r for a in mine for r in a.relations}
    if Relation.FOLLOWING in relations and Relation.FOLLOWER not in relations:
        sink.warn(container, IG, "no followers file was found: followers are missing")
    dates = sorted(
        t.since[:10]
        for a in mine
        for t in a.ties
        if t.relation in (Relation.FOLLOWER, Relation.FOLLOWING) and t.since
    )
    if len(dates) >= 30:
        first, last = datetime.fromisoformat(dates[0]), datetime.fromisoformat(dates[-1])
        if (last - first).days < 400:
            sink.warn(
                container,
                IG,
                f"every follower and following dates from {dates[0][:7]} to {dates[-1][:7]}: "
                "this export may be limited to a date range; download it again choosing "
                "'All time'",
            )
