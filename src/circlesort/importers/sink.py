"""Where readers put what they read: accounts merged by (network, key), and per-source reports."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from circlesort.importers.archive import Container, Entry
from circlesort.model import RELATIONS, Account, MessageFiles, Talk


@dataclass
class SourceReport:
    """What one export (a zip, a folder, a file) held for one network."""

    path: str
    network: str
    files: list[str] = field(default_factory=list)  # the files read, message files apart
    warnings: list[str] = field(default_factory=list)
    message_files: int = 0  # message files read (thousands in a Messenger download: counted, not listed)


@dataclass
class ImportResult:
    accounts: list[Account]
    sources: list[SourceReport]
    warnings: list[str]
    owners: dict[str, str] = field(default_factory=dict)  # network -> the user's own key
    # network -> what its message files held; only networks whose message files were read
    messages: dict[str, MessageFiles] = field(default_factory=dict)
    # Counts of messages with accounts this load did not read (message files imported on their
    # own): (network, key) -> (talk, name), and by username without punctuation (Instagram).
    loose_talk: dict[tuple[str, str], tuple[Talk, str]] = field(default_factory=dict)
    loose_slugs: dict[tuple[str, str], tuple[Talk, str]] = field(default_factory=dict)

    @property
    def connection_networks(self) -> frozenset[str]:
        """Networks whose connection files were read (not message files alone): only these can
        have accounts gone from their export."""
        return frozenset(s.network for s in self.sources if s.files)

    def counts(self) -> dict[str, dict[str, int]]:
        """Accounts per network and relation (an account with two relations counts in both)."""
        out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for a in self.accounts:
            for r in a.relations:
                out[a.network][r] += 1
        return {n: {r: rs[r] for r in RELATIONS if r in rs} for n, rs in sorted(out.items())}


class Sink:
    """Collects the accounts and reports of every container of one load."""

    def __init__(self) -> None:
        self._accounts: dict[tuple[str, str], Account] = {}
        self._later: dict[tuple[str, str], list[Account]] = defaultdict(list)  # sightings not merged yet
        self._reports: dict[tuple[str, str], SourceReport] = {}
        self._files: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        self._seen_files: set[tuple[str, str, Entry]] = set()  # the same, to look up (message files)
        self._kinds: dict[str, str] = {}
        self._keys: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        self.loose_warnings: list[str] = []
        self.skips: list[tuple[str, str, str]] = []  # (container, file, reason)
        self.files_read = 0
        self.owners: dict[str, str] = {}
        self._talks: dict[tuple[str, str], Talk] = {}
        self._talk_names: dict[tuple[str, str], str] = {}
        self.messages: dict[str, MessageFiles] = {}
        # Messages with an account known by a username without its punctuation (Instagram thread
        # folders): joined to the account of that username when the load ends.
        self._slug_talks: dict[tuple[str, str], tuple[Talk, str]] = {}
        # Networks whose message files are whole: Messenger's secure-storage download was read
        # beside the standard one, so the counts do not stop early (MessageFiles.until).
        self.messages_whole: set[str] = set()
        # network -> the user as the message files name them (a name, a URL, an id): the user of
        # one export's threads, for another export of the load where it cannot be told.
        self.message_owners: dict[str, str] = {}
        self.messages_standard: set[str] = set()  # networks whose standard message files were read
        self._message_reads: dict[tuple[str, str], int] = defaultdict(int)  # (container, network) -> files

    def _report(self, container: Container, network: str) -> SourceReport:
        key = (container.path, network)
        if key not in self._reports:
            self._reports[key] = SourceReport(container.path, network)
            self._kinds[container.path] = container.kind
        return self._reports[key]

    def add(self, container: Container, network: str, entry: Entry | None, accounts: list[Account]) -> None:
        """Record that ``entry`` was read for ``network`` and yielded ``accounts``."""
        self._report(container, network)
        if entry is not None and (container.path, network, entry) not in self._seen_files:
            self._seen_files.add((container.path, network, entry))
            self._files[(container.path, network)].append(entry)
            self.files_read += 1
        for a in accounts:
            k = (a.network, a.key)
            self._keys[(container.path, network)].add(k)
            if k in self._accounts:
                self._later[k].append(a)
            else:
                self._accounts[k] = a

    @property
    def accounts(self) -> dict[tuple[str, str], Account]:
        """Every account read so far, each merged over all its sightings."""
        for k, later in self._later.items():
            self._accounts[k] = self._accounts[k].merged(*later)
        self._later.clear()
        return self._accounts

    def networks_of(self, container: Container) -> list[str]:
        return [n for (path, n) in self._reports if path == container.path]

    def source_accounts(self, container: Container, network: str) -> list[Account]:
        """The accounts (as merged so far) that this container gave for this network."""
        return [self.accounts[k] for k in sorted(self._keys[(container.path, network)])]

    def add_messages(self, container: Container, network: str, entry: Entry) -> None:
        """Record that the message file ``entry`` was read for ``network``."""
        self._report(container, network)
        seen = (container.path, network, entry)
        if seen not in self._seen_files:
            self._seen_files.add(seen)
            self._message_reads[(container.path, network)] += 1
            self.files_read += 1

    def talk(self, network: str, key: str, talk: Talk, name: str = "") -> None:
        """Messages exchanged with the account (network, key), as one message file counts them.

        They join the account read from the connection files when the load ends; someone known
        only from messages is no connection and is left out. ``name`` is the name the thread
        shows, given to an account whose export shows none (an Instagram username)."""
        k = (network, key)
        held = self._talks.get(k)
        self._talks[k] = talk if held is None else held + talk
        if name and k not in self._talk_names:
            self._talk_names[k] = name

    def talk_slug(self, network: str, slug: str, talk: Talk, name: str = "") -> None:
        """Messages with the account whose username, lower case and without punctuation, is
        ``slug``; joined to it when the load ends (its connection files may come later). A slug
        that fits no account, or more than one, is left out."""
        k = (network, slug_of(slug))
        if not k[1]:
            return
        held = self._slug_talks.get(k)
        self._slug_talks[k] = (talk, name) if held is None else (held[0] + talk, held[1] or name)

    def _resolve_slugs(self) -> None:
        if not self._slug_talks:
            return
        fits: dict[tuple[str, str], list[str]] = defaultdict(list)
        networks = {n for n, _ in self._slug_talks}
        for network, key in self.accounts:
            if network in networks:
                fits[(network, slug_of(key))].append(key)
        loose = {}
        for (network, slug), (talk, name) in self._slug_talks.items():
            keys = fits.get((network, slug), [])
            if len(keys) == 1:
                self.talk(network, keys[0], talk, name)
            elif not keys:
                loose[(network, slug)] = (talk, name)  # the workspace may hold the account
        self._slug_talks = loose

    def message_files(self, network: str, files: MessageFiles) -> None:
        held = self.messages.get(network)
        self.messages[network] = files if held is None else held + files

    def _with_talk(self, account: Account) -> Account:
        k = (account.network, account.key)
        talk = self._talks.get(k)
        if talk is None:
            return account
        talk = talk if account.talk is None else account.talk + talk
        return replace(
            account, talk=talk, name=account.name or thread_name(account, self._talk_names.get(k, ""))
        )

    def skip(self, container: Container, network: str, entry: Entry, reason: str) -> None:
        """A file that should have been readable and was not: warned, and kept for errors."""
        self.skips.append((container.path, entry.inner, reason))
        self.warn(container, network, f"skipped {entry.inner}: {reason}")

    def warn(self, container: Container, network: str, message: str) -> None:
        report = self._report(container, network)
        if message not in report.warnings:
            report.warnings.append(message)

    def result(self) -> ImportResult:
        reports = []
        for (path, network), report in self._reports.items():
            entries = self._files[(path, network)]
            if self._kinds[path] == "folder" and entries:
                report.path, report.files = _folder_source(path, [e.inner for e in entries])
            else:
                report.files = [e.inner for e in entries]
            report.message_files = self._message_reads.get((path, network), 0)
            reports.append(report)
        reports.sort(key=lambda r: (r.path, r.network))
        warnings = [f"{r.network}: {w} ({r.path})" for r in reports for w in r.warnings]
        self._resolve_slugs()
        # The user's own account is never one of their contacts.
        accounts = sorted(
            (self._with_talk(a) for a in self.accounts.values() if a.key != self.owners.get(a.network)),
            key=lambda a: (a.network, a.key),
        )
        messages = {
            n: replace(m, until=None) if n in self.messages_whole else m for n, m in self.messages.items()
        }
        if self.messages_whole - self.messages_standard:
            self.loose_warnings.append(SECURE_ALONE)
        result = ImportResult(accounts, reports, warnings + self.loose_warnings, dict(self.owners), messages)
        have = self.accounts
        result.loose_talk = {
            k: (t, self._talk_names.get(k, "")) for k, t in self._talks.items() if k not in have
        }
        result.loose_slugs = dict(self._slug_talks)
        return result


def thread_name(account: Account, name: str) -> str:
    """The name a thread shows for an account whose export shows none, unless it is only the
    username again (Instagram shows the username of someone who set no name)."""
    return "" if name.casefold() in (account.key.casefold(), (account.handle or "").casefold()) else name


SECURE_ALONE = (
    "Messenger's secure-storage download was read without your Facebook download: it holds only "
    "the chats since end-to-end encryption, and its counts replace those held; import both together "
    "to count every chat"
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug_of(username: str) -> str:
    """A username as a thread folder may spell it: lower case, letters and digits only."""
    return _NOT_SLUG.sub("", username.casefold())


def _folder_source(root: str, inners: list[str]) -> tuple[str, list[str]]:
    """A folder source is named by the deepest folder holding all its files."""
    if len(inners) == 1:
        return str(PurePosixPath(root) / inners[0]), [PurePosixPath(inners[0]).name]
    common = os.path.commonpath([str(PurePosixPath(i).parent) for i in inners])
    base = PurePosixPath(root) / common if common not in ("", ".") else PurePosixPath(root)
    files = [str(PurePosixPath(i).relative_to(common)) if common not in ("", ".") else i for i in inners]
    return str(base), files
