"""Reading the networks' own "download your data" exports into accounts.

``load(paths)`` takes zips, folders and files in any mix, finds each network's files by name
or content, and returns every account with the relations the exports state, plus a report per
source. Nothing is extracted to disk; what cannot be read is reported, never fatal unless a
named path yields nothing at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import closing

from circlesort.errors import InputError
from circlesort.importers import contacts, detect, linkedin, mastodon, messages, meta, x
from circlesort.importers.archive import Container, open_path
from circlesort.importers.budget import Budget
from circlesort.importers.sink import ImportResult, Sink, SourceReport
from circlesort.tools.gcpause import paused_gc

__all__ = ["ImportResult", "Progress", "SourceReport", "load"]

_READERS = {"x": x.read, "linkedin": linkedin.read, "mastodon": mastodon.read, "contacts": contacts.read}


Progress = Callable[[str, dict[str, int]], object]  # (what was just read, accounts so far per network)


def load(paths: Sequence[str], progress: Progress | None = None) -> ImportResult:
    """Read every export under ``paths``. Raises InputError for a path that holds nothing usable.

    ``progress`` is called after each export file or folder is read, from the calling thread.
    """
    with paused_gc():
        return _load(paths, progress)


def _load(paths: Sequence[str], progress: Progress | None) -> ImportResult:
    sink = Sink()
    budget = Budget()  # one for the whole import: a bomb split over many files or zips is still one bomb
    for path in paths:
        read_before, skips_before = sink.files_read, len(sink.skips)
        notes: list[str] = []
        shape = _Shape()
        # Containers are opened one after another, so a zip inside a zip is freed once read.
        with closing(open_path(path, budget)) as containers:
            for container in containers:
                shape.add(container)
                notes.extend(_read_container(container, sink))
                if progress is not None:
                    progress(container.path, dict(Counter(network for network, _ in sink.accounts)))
        if sink.files_read == read_before:
            raise InputError(path, _why_nothing(path, shape, sink.skips[skips_before:], notes))
    if budget.spent:
        sink.loose_warnings.append(f"the import stopped reading early: {budget.spent}")
    return sink.result()


class _Shape:
    """What a path held, kept for explaining why it gave nothing (not the containers themselves)."""

    def __init__(self) -> None:
        self.containers = self.files = 0
        self.first_kind = ""

    def add(self, container: Container) -> None:
        self.containers += 1
        self.files += len(container.entries)
        self.first_kind = self.first_kind or container.kind


def _read_container(container: Container, sink: Sink) -> list[str]:
    routes = detect.route(container)
    if routes.meta:
        meta.read(container, routes.meta, sink)
    for reader, entries in routes.by_reader.items():
        _READERS[reader](container, entries, sink)
    if routes.messages:  # after the connection files: X's account.js names the user
        messages.read(container, routes.messages, sink)
    notes = [*container.warnings]
    if routes.bluesky:
        notes.append(detect.BLUESKY_UNSUPPORTED)
    if routes.grailbird:
        notes.append(detect.GRAILBIRD)
    networks = sink.networks_of(container)
    for note in notes:
        if networks:
            for network in networks:
                sink.warn(container, network, note)
        else:
            sink.loose_warnings.append(f"{container.path}: {note}")
    if container.kind == "file" and not networks and not notes and container.entries:
        notes.append(detect.describe_unknown(container.entries[0]))
    return notes


def _why_nothing(path: str, shape: _Shape, skips: list, notes: list[str]) -> str:
    if skips:
        _, inner, reason = skips[0]
        single_file = shape.containers == 1 and shape.first_kind == "file"
        where = "" if single_file else f"{inner}: "
        more = f" (and {len(skips) - 1} more files)" if len(skips) > 1 else ""
        return f"{where}{reason}{more}"
    if notes:
        return notes[-1]
    return f"no export files circlesort recognises ({shape.files} files looked at)"
