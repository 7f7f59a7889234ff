"""Facebook and Instagram HTML exports: names (and usernames) exactly, dates on a best effort.

Class names are obfuscated and change between versions, so records are found by the few
markers every known layout shares: ``_a6-g``/``uiBoxWhite`` record boxes, a name in ``h2`` or
the first text block, dates in ``_a72d``/``_2lem``, and profile links for Instagram.
"""

from __future__ import annotations

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

    def all_text(self) -> str:
        out = list(self.text)
        for c in self.children:
            out.append(c.all_text())
        return " ".join(t for t in out if t)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if data.strip():
            self.stack[-1].text.append(data.strip())


def _records(root: _Node) -> list[_Node]:
    """Outermost record boxes; the legacy layout's list items when there are none."""
    found: list[_Node] = []

    def visit(node: _Node) -> None:
        if node.classes & _RECORD_CLASSES or (node.tag == "section" and "_a6-g" in node.classes):
            found.append(node)
            return
        for c in node.children:
            visit(c)

    visit(root)
    if found:
        return found
    return [n for n in root.walk() if n.tag == "li"]


def _first(node: _Node, test) -> _Node | None:
    return next((n for n in node.walk() if n is not node and test(n)), None)


def _profile_host(href: str) -> bool:
    return "instagram.com" in href or "threads." in href


def _record(node: _Node, instagram: bool) -> MetaRecord:
    date_node = _first(node, lambda n: bool(n.classes & _DATE_CLASSES) and n.all_text())
    when = html_date(clean(date_node.all_text())) if date_node else None
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
