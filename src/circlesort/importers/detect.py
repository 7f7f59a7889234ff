"""Which reader takes which file: by name where the networks fix names, by content otherwise."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from circlesort.importers import contacts, linkedin, mastodon, messages, meta_json, x
from circlesort.importers.archive import Container, Entry, SkipFile
from circlesort.importers.csvfile import decode, head_rows

BLUESKY_UNSUPPORTED = (
    "a Bluesky repository export (.car), which circlesort does not read yet: "
    "it holds only the DIDs of the accounts you follow, no names or handles"
)
GRAILBIRD = (
    "an X archive from before August 2018: those hold no follower or following lists; "
    "request a new archive from X"
)


@dataclass
class Routes:
    meta: list[Entry] = field(default_factory=list)
    by_reader: dict[str, list[tuple[Entry, str]]] = field(default_factory=lambda: defaultdict(list))
    bluesky: list[Entry] = field(default_factory=list)
    grailbird: bool = False
    messages: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))  # kind -> files


def route(container: Container) -> Routes:
    routes = Routes()
    routes.grailbird = x.is_grailbird(container.entries)
    single = container.kind == "file"
    for entry in container.entries:
        low = entry.name.lower()
        if what := messages.kind(entry, single):  # before the rest: no relation reader takes them
            routes.messages[what].append(entry)
        elif low.endswith(".js") and (kind := x.data_type(entry)):
            routes.by_reader["x"].append((entry, kind))
        elif meta_json.claims(entry) or (single and low.endswith(".json")):
            routes.meta.append(entry)
        elif low.endswith(".car"):
            routes.bluesky.append(entry)
        elif low.endswith((".csv", ".txt", ".vcf", ".vcard")) or single:
            for reader, module in (("linkedin", linkedin), ("mastodon", mastodon), ("contacts", contacts)):
                if kind := module.kind(entry):
                    routes.by_reader[reader].append((entry, kind))
                    break
            else:
                if low.endswith(_EXPORT_SUFFIXES) and (why := _unreadable(entry)):
                    # No reader could look inside: say why, as a reader says why it skipped a file.
                    container.warnings.append(f"skipped {entry.inner}: {why}")
    return routes


_EXPORT_SUFFIXES = (".csv", ".vcf", ".vcard")


def _unreadable(entry: Entry) -> str | None:
    """Why a file cannot be opened at all (encrypted, damaged, a possible zip bomb), else None."""
    try:
        entry.head(1)
    except SkipFile as e:
        return str(e)
    return None


def describe_unknown(entry: Entry) -> str:
    """Why a file named on its own is not something circlesort reads."""
    try:
        head = entry.head(4096)
    except SkipFile as e:
        return str(e)
    try:
        decode(head)
    except SkipFile:
        return "binary data, not an export file circlesort reads"
    low = entry.name.lower()
    if low.endswith(".csv"):
        rows = head_rows(entry, 1)
        first = ",".join(rows[0])[:60] if rows else ""
        return (
            f"a CSV file circlesort does not recognise (its first row is '{first}'); "
            "expected a LinkedIn, Mastodon or Google Contacts export"
        )
    return "not an export file circlesort recognises"
