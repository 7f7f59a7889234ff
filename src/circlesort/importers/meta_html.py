"""Facebook and Instagram HTML exports: names (and usernames) exactly, dates on a best effort.

Class names are obfuscated and change between versions, so records are found by the few
markers every known layout shares: ``_a6-g``/``uiBoxWhite`` record boxes, a name in ``h2`` or
the first text block, dates in ``_a72d``/``_2lem``, and profile links for Instagram.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser

from circlesort.importers.archive import Entry, SkipFile
from circlesort.importers.dates import html_date
from circlesort.importers.meta_json import (
    FACEBOOK_FILES,
    IG,
    INSTAGRAM_FILES,
    TH,
    Group,
    network_hint,
    stem,
)
from circlesort.importers.meta_records import MetaRecord, username_from_href
from circlesort.importers.text import clean

_VOID = {"br", "img", "meta", "link", "hr", "input", "wbr", "col", "area", "base", "source"}
_RECORD_CLASSES = {"_a6-g", "uiBoxWhite", "_2lej"}
_NAME_CLASSES = {"_a6-h", "_2lel", "_2pim"}
_DATE_CLASSES = {"_a72d", "_2lem", "_a6-o"}


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

    def walk(self, prune=None) -> Iterator[_Node]:
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

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)
            self.open[tag] += 1

    def handle_endtag(self, tag):
        if not self.open[tag]:
            return  # nothing to close: searching the stack for it made 20,000 such tags take minutes
        while (node := self.stack.pop()).tag != tag:
            self.open[node.tag] -= 1
        self.open[tag] -= 1

    def handle_data(self, data):
        if data.strip():
            self.stack[-1].text.append(data.strip())

    def parse_marked_section(self, i, report=1):
        # "<![" outside SVG or MathML is a bogus comment up to the next ">" in HTML5; the
        # inherited reader raises AssertionError on an unknown keyword such as "<![C".
        return self.parse_bogus_comment(i, report)


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


def _first(node: _Node, test) -> _Node | None:
    return next((n for n in node.walk() if n is not node and test(n)), None)


def _date(node: _Node) -> str | None:
    """The first date box below ``node`` holding text, read; a box without text holds none below."""
    for n in node.walk(prune=lambda n: bool(n.classes & _DATE_CLASSES)):
        if n is not node and n.classes & _DATE_CLASSES and (text := n.all_text()):
            return html_date(clean(text))
    return None


def _profile_host(href: str) -> bool:
    return "instagram.com" in href or "threads." in href


def _record(node: _Node, instagram: bool) -> MetaRecord:
    when = _date(node)
    if instagram:
        link = _first(node, lambda n: n.tag == "a" and _profile_host(n.attrs.get("href", "")))
        href = clean(link.attrs.get("href")) if link else ""
        heading = _first(node, lambda n: n.tag == "h2")
        username = username_from_href(href) or (clean(heading.all_text()) if heading else "")
        return MetaRecord(username=username, href=href, timestamp=when)
    name_node = _first(node, lambda n: n.tag == "h2" or bool(n.classes & _NAME_CLASSES))
    text = clean(name_node.all_text() if name_node else (node.text[0] if node.text else ""))
    if not name_node and node.tag == "li":
        # Legacy lists append notes in (...) or [...] after the name.
        text = clean(text.split(" (")[0].split(" [")[0])
    return MetaRecord(name=text, timestamp=when)


def parse(entry: Entry) -> list[Group]:
    raw = entry.read()
    if b"\x00" in raw[:4096]:
        raise SkipFile("not text (binary data)")
    tree = _Tree()
    # No close(): in this Python it reads what follows an unfinished tag once per "<", which is
    # quadratic (20,000 "<a " take a minute). What follows an unfinished tag is not read.
    tree.feed(raw.decode("utf-8", errors="replace"))
    s = stem(entry.name)
    network = network_hint(entry)
    if network is None:
        network = IG if s in INSTAGRAM_FILES and s not in FACEBOOK_FILES else "facebook"
    instagram = network in (IG, TH)
    relation = (INSTAGRAM_FILES if instagram else FACEBOOK_FILES).get(s)
    if relation is None:
        raise SkipFile("an HTML file of a kind circlesort does not know")
    nodes = _records(tree.root)
    if instagram and not nodes:
        # Layouts without record boxes: every profile link is one account.
        nodes = [n for n in tree.root.walk() if n.tag == "a" and username_from_href(n.attrs.get("href", ""))]
        recs = [MetaRecord(username=username_from_href(n.attrs["href"]), href=n.attrs["href"]) for n in nodes]
    else:
        recs = [_record(n, instagram) for n in nodes]
    return [Group(network, relation, [r for r in recs if r.name or r.username])]
