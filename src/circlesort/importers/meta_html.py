"""Facebook and Instagram HTML exports: names (and usernames) exactly, dates in any language.

Class names are obfuscated and change between versions, so records are found by the few
markers every known layout shares: ``_a6-g``/``uiBoxWhite`` record boxes, a name in ``h2`` or
the first text block, profile links for Instagram. The date is found by its place, not its class:
the first text after the name that reads as a date (Instagram's 2025 layout gives it no class).
Which network a file is comes from its links when it has any: Facebook's records link nowhere.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from circlesort.importers.archive import Entry, SkipFile
from circlesort.importers.dates import html_date
from circlesort.importers.meta_json import (
    FACEBOOK_FILES,
    FB,
    IG,
    INSTAGRAM_FILES,
    TH,
    RelationRecords,
    network_hint,
    stem,
)
from circlesort.importers.meta_records import MetaRecord, username_from_href
from circlesort.importers.text import clean, counted
from circlesort.model import Network

_VOID = {"br", "img", "meta", "link", "hr", "input", "wbr", "col", "area", "base", "source"}
_RECORD_CLASSES = {"_a6-g", "uiBoxWhite", "_2lej"}
_NAME_CLASSES = {"_a6-h", "_2lel", "_2pim"}
_DATES_LOOKED_AT = 8  # texts after the name tried as the date, at most: a hostile box holds thousands
_DATE_LIKE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\d:\d\d")  # what was meant as a date


@dataclass
class HtmlRelationRecords(RelationRecords):
    """Records read from HTML, with the dates in them that could not be read."""

    unread_dates: int = 0
    unread_example: str = ""


class NoPeople(SkipFile):
    """An HTML file in which no one could be found: skipped, with the network it was read as."""

    def __init__(self, reason: str, network: Network) -> None:
        super().__init__(reason)
        self.network = network


class _Node:
    __slots__ = ("attrs", "children", "tag", "text")

    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node] = []
        self.text: list[str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    # Walks are iterative, with an explicit stack: a hostile file may nest tags 100,000 deep.

    def all_text(self) -> str:
        """The text of the node, then of its children in order, joined by spaces."""
        out: list[str] = []
        todo = [self]
        while todo:
            node = todo.pop()
            out.extend(node.text)
            todo.extend(reversed(node.children))
        return " ".join(out)

    def walk(self, prune: Callable[[_Node], bool] | None = None) -> Iterator[_Node]:
        """The node and its descendants in document order; below no node that ``prune`` accepts."""
        todo = [self]
        while todo:
            node = todo.pop()
            yield node
            if prune is None or node is self or not prune(node):
                todo.extend(reversed(node.children))


class _Tree(HTMLParser):
    """The element tree html.parser reports, built in time linear in the file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {})
        self.stack = [self.root]
        self.open: Counter[str] = Counter()  # open elements per tag, so a stray end tag costs O(1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)
            self.open[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        if not self.open[tag]:
            return  # nothing to close: searching the stack for it made 20,000 such tags take minutes
        while (node := self.stack.pop()).tag != tag:
            self.open[node.tag] -= 1
        self.open[tag] -= 1

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.stack[-1].text.append(data.strip())

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # "<![" outside SVG or MathML is a bogus comment up to the next ">" in HTML5; the
        # inherited reader raises AssertionError on an unknown keyword such as "<![C".
        return self.parse_bogus_comment(i, bool(report))


def _records(root: _Node) -> list[_Node]:
    """Outermost record boxes; the legacy layout's outermost list items when there are none.

    Outermost only, so that records never overlap and reading them stays linear.
    """

    def box(n: _Node) -> bool:
        return bool(n.classes & _RECORD_CLASSES)

    found = [n for n in root.walk(prune=box) if box(n)]
    if found:
        return found

    def item(n: _Node) -> bool:
        return n.tag == "li"

    return [n for n in root.walk(prune=item) if item(n)]


def _first(node: _Node, test: Callable[[_Node], bool]) -> _Node | None:
    return next((n for n in node.walk() if n is not node and test(n)), None)


_PROFILE_HOSTS = ((IG, "instagram.com"), (TH, "threads.net"), (TH, "threads.com"))


def _profile_network(href: str) -> Network | None:
    """Instagram or Threads for a link to a profile there, else None."""
    try:
        host = (urlsplit(href).hostname or "").removeprefix("www.")
    except ValueError:
        return None
    network = next((n for n, domain in _PROFILE_HOSTS if host == domain or host.endswith("." + domain)), None)
    return network if network and username_from_href(href) else None


def _profile_link(n: _Node) -> bool:
    return n.tag == "a" and _profile_network(n.attrs.get("href", "")) is not None


def _linked_network(nodes: list[_Node]) -> Network | None:
    """The network the first profile link below ``nodes`` points to; None when none does."""
    for node in nodes:
        link = node if _profile_link(node) else _first(node, _profile_link)
        if link is not None:
            return _profile_network(link.attrs["href"])
    return None


def _texts_after(node: _Node, first: _Node | None, skip: tuple[_Node, ...]) -> Iterator[str]:
    """The own text of each element below ``node`` from ``first`` on, in document order; none
    from within ``skip``."""
    seen = first is None
    for n in node.walk(prune=lambda n: n in skip):
        seen = seen or n is first
        if seen and n.text and n not in skip:
            yield clean(" ".join(n.text))


class _Dates:
    """Reads each record's date, and counts those that were meant as dates but cannot be read."""

    def __init__(self) -> None:
        self.unread = 0
        self.example = ""

    def read(self, texts: Iterator[str]) -> str | None:
        meant = ""
        for _, text in zip(range(_DATES_LOOKED_AT), texts, strict=False):
            if when := html_date(text):
                return when
            meant = meant or (text if len(text) <= 60 and _DATE_LIKE.search(text) else "")
        if meant:
            self.unread += 1
            self.example = self.example or meant
        return None


def _record(node: _Node, instagram: bool, dates: _Dates) -> MetaRecord:
    if instagram:
        link = _first(node, _profile_link)
        href = clean(link.attrs.get("href")) if link else ""
        heading = _first(node, lambda n: n.tag == "h2")
        username = username_from_href(href) or (clean(heading.all_text()) if heading else "")
        skip = tuple(n for n in (link, heading) if n is not None)
        first = next((n for n in node.walk() if n in skip), None)
        return MetaRecord(username=username, href=href, timestamp=dates.read(_texts_after(node, first, skip)))
    name_node = _first(node, lambda n: n.tag == "h2" or bool(n.classes & _NAME_CLASSES))
    if name_node is None and node.tag == "li":
        # Legacy lists append notes in (...) or [...] after the name, and hold no dates.
        text = clean(node.text[0] if node.text else "")
        return MetaRecord(name=clean(text.split(" (")[0].split(" [")[0]))
    if name_node is not None:
        texts = _texts_after(node, name_node, (name_node,))
        return MetaRecord(name=clean(name_node.all_text()), timestamp=dates.read(texts))
    texts = _texts_after(node, None, ())
    return MetaRecord(name=next(texts, ""), timestamp=dates.read(texts))


def _by_links(root: _Node, dates: _Dates) -> list[MetaRecord]:
    """Layouts without record boxes: each profile link is one account, dated by the texts after it."""
    recs: list[MetaRecord] = []
    following: list[str] = []

    def close() -> None:
        if recs:
            recs[-1].timestamp = dates.read(iter(following))
        following.clear()

    for n in root.walk(prune=_profile_link):
        if _profile_link(n):
            close()
            recs.append(MetaRecord(username=username_from_href(n.attrs["href"]), href=n.attrs["href"]))
        elif recs and n.text and len(following) < _DATES_LOOKED_AT:
            following.append(clean(" ".join(n.text)))
    close()
    return recs


def _network(entry: Entry, nodes: list[_Node], root: _Node) -> Network:
    """Which network the file is: its links when they point to Instagram or Threads, then its
    folders, then its name."""
    hint = network_hint(entry)
    if hint in (IG, TH):
        return hint
    if linked := _linked_network(nodes or [root]):
        return linked
    if hint is not None:
        return hint
    s = stem(entry.name)
    return IG if s in INSTAGRAM_FILES and s not in FACEBOOK_FILES else FB


def parse(entry: Entry) -> list[RelationRecords]:
    raw = entry.read()
    if b"\x00" in raw[:4096]:
        raise SkipFile("not text (binary data)")
    tree = _Tree()
    # No close(): in this Python it reads what follows an unfinished tag once per "<", which is
    # quadratic (20,000 "<a " take a minute). What follows an unfinished tag is not read.
    tree.feed(raw.decode("utf-8", errors="replace"))
    nodes = _records(tree.root)
    network = _network(entry, nodes, tree.root)
    instagram = network in (IG, TH)
    relation = (INSTAGRAM_FILES if instagram else FACEBOOK_FILES).get(stem(entry.name))
    if relation is None:
        raise SkipFile("an HTML file of a kind circlesort does not know")
    dates = _Dates()
    if instagram and not nodes:
        recs = _by_links(tree.root, dates)
    else:
        recs = [_record(n, instagram, dates) for n in nodes]
    people = [r for r in recs if r.name or r.username]
    if not people:
        what = "a username" if instagram else "a name"
        raise NoPeople(
            f"no people found in it: none of its {counted(len(recs), 'entry', 'entries')} "
            f"holds {what} circlesort can read (a page layout it does not know)"
            if recs
            else "no people found in it (an empty list, or a page layout circlesort does not know)",
            network,
        )
    return [
        HtmlRelationRecords(
            network, relation, people, unread_dates=dates.unread, unread_example=dates.example
        )
    ]
