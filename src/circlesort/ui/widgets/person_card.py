"""The highlighted person in full: every account with its relations and dates, and the evidence,
and what each of the keys 1, 2 and 3 would ask of each of the person's networks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static

from circlesort.importers.text import clean
from circlesort.model import Category
from circlesort.planning.derive import link_of
from circlesort.planning.links import safe_link
from circlesort.planning.preview import Consequence
from circlesort.rules.suggest import CategorySuggestion
from circlesort.ui import talk_words
from circlesort.ui.words import CATEGORY_WORDS, badge, network_name, relations_text
from circlesort.workspace.detail import Detail

EMPTY = "Nobody to show."  # the list says why (sort_status.ShownMixin._why_empty)
KEYS: dict[str, str] = {
    Category.KEEP_PERSONAL: "1",
    Category.MOVE_TO_PROFESSIONAL: "2",
    Category.PAGE_FOLLOWER: "3",
}
SEPARATOR, COMMA = Content(" · "), Content(", ")
NARROW = 16  # below this many cells beside the key, a consequence line wraps plainly
SPELLED_OUT = 40  # from this many cells beside the key, networks are named in full


def head(name: str, category: str, suggestion: CategorySuggestion | None = None) -> Content:
    """The name, the category and the suggestion. Data only ever enters as plain text pieces."""
    parts: list = [(clean(name), "bold"), "  ", (CATEGORY_WORDS.get(category, category), "italic $accent")]
    if suggestion is not None:
        parts += [
            "\n",
            ("Suggested: ", "bold"),
            (CATEGORY_WORDS[suggestion.category], "bold $success"),
            " — ",
            clean(suggestion.reason),
            (f" (rule “{clean(suggestion.rule)}”; a accepts)", "dim"),
        ]
    return Content.assemble(*parts)


NetworkSteps = tuple[str, list[Content]]  # a network, and what a key asks there ("unfriend after")
Line = tuple[Content, list[NetworkSteps]]  # a key's prefix ("2 → "), and its networks


def consequence_lines(found: dict[str, list[Consequence]], category: str) -> list[Line]:
    """Per key, its prefix and its networks' steps. The person's own category is the key shown
    reversed."""
    lines = []
    for each, steps in found.items():
        key_style = "bold reverse $accent" if each == category else "bold $accent"
        groups: list[NetworkSteps] = []
        for network, words, waits in steps:
            said = Content.assemble(words, *([(" after", "italic")] if waits else []))
            if groups and groups[-1][0] == network:
                groups[-1][1].append(said)
            else:
                groups.append((network, [said]))
        lines.append((Content.assemble((KEYS[each], key_style), " → "), groups))
    return lines


def pack(groups: list[NetworkSteps], room: int, spelled: bool | None = None) -> list[Content]:
    """Networks side by side with " · " while they fit in ``room`` cells, named as the list
    names them ("fb") when the room is narrow; a network that fits nowhere else starts a row;
    one too long for any row breaks between its steps (the rest indented under it), and only a
    step too long for a row is wrapped inside, indented too."""
    if not groups:
        return [Content.styled("nothing to do", "dim")]
    spelled = room >= SPELLED_OUT if spelled is None else spelled
    rows: list[Content] = []
    joinable = False  # the last row holds whole networks only: another may join it
    for network, steps in groups:
        name = network_name(network) if spelled else badge(network)
        label = Content.styled(f"{name}:", "bold") + " "
        whole = label + COMMA.join(steps)
        if joinable and rows[-1].cell_length + SEPARATOR.cell_length + whole.cell_length <= room:
            rows[-1] = rows[-1] + SEPARATOR + whole
            continue
        row, joinable = label + steps[0], True
        for step in steps[1:]:
            if row.cell_length + COMMA.cell_length + step.cell_length <= room:
                row = row + COMMA + step
            else:
                rows.append(row + ",")
                row, joinable = Content("  ") + step, False
        rows.append(row)
    out: list[Content] = []
    for row in rows:  # a step too long for a row: wrapped, the rest indented under its network
        first, *rest = row.wrap(room - 2) if row.cell_length > room else [row]
        out += [first, *(Content("  ") + piece for piece in rest)]
    return out


Piece = tuple[Content, Content, bool]  # a prefix, the text that wraps under itself, and
# whether the text is a link: shown whole on one line, cut with "…" when too long, never split
INDENT = Content(" " * 11)  # under the account's name, past its network
BLANK: Piece = (Content(""), Content(""), False)


def body(detail: Detail) -> list[Piece]:
    """Every account, then why they are one person and who else they may be."""
    out: list[Piece] = [BLANK]
    if talked := talk_words.summary(detail.accounts, detail.message_files, detail.message_files):
        out += [(Content.styled(f"{'messages':<10} ", "bold"), Content(talked), False), BLANK]
    for a in detail.accounts:
        gone = (a.network, a.key) in detail.gone
        name: list = [(clean(a.display_name), "strike" if gone else "")]
        if gone:
            name.append((" (gone from the newer export)", "italic"))
        if a.handle and a.handle != a.display_name:
            name += ["  ", (f"@{clean(a.handle)}", "dim")]
        out.append((Content.styled(f"{a.network:<10} ", "bold $secondary"), Content.assemble(*name), False))
        if relations := relations_text(a):
            out.append((INDENT, Content.styled(relations, "dim"), False))
        if a.position or a.company:
            out.append((INDENT, Content(clean(" at ".join(p for p in (a.position, a.company) if p))), False))
        if a.emails:
            out.append((INDENT, Content.styled(clean(", ".join(a.emails)), "dim"), False))
        if a.talk is not None and (counted := talk_words.account_line(a.talk)):
            out.append((INDENT, Content.styled(counted, "dim"), False))
        if url := safe_link(a.network, a.url, a.key):  # only the network's own site, as in plans
            out.append((INDENT, Content.styled(url, "underline dim"), True))
    if detail.links:
        out += [BLANK, (Content(""), Content.styled("Why one person", "bold"), False)]
        for link in detail.links:
            said = Content.assemble(
                (f"{link.a.network}–{link.b.network}", "bold"),
                f" ({link.tier}): ",
                clean("; ".join(link.evidence)),
            )
            out.append((Content("  "), said, False))
    if detail.manual:
        out += [
            BLANK,
            (Content(""), Content.styled("You linked or split this person by hand.", "italic"), False),
        ]
    if detail.suggestions:
        out += [BLANK, (Content(""), Content.styled("Maybe also", "bold"), False)]
        others = {(s.b.network, s.b.key): s for s in detail.suggestions}  # one line per account
        for sug in list(others.values())[:3]:
            said = Content.assemble(
                (f"{sug.b.network}: ", "bold"),
                clean(sug.b.display_name),
                " — ",
                (clean("; ".join(sug.evidence)), "dim"),
            )
            out.append((Content("  "), said, False))
    return out


def hang(pieces: list[Piece], width: int) -> list[Content]:
    """Each piece at ``width``: its text wrapped under itself past the prefix (a hanging
    indent), a link cut with "…" instead; with too little room, a piece wraps plainly."""
    out: list[Content] = []
    for prefix, text, link in pieces:
        room = width - prefix.cell_length
        if link and room > 1:
            out.append(prefix + (text.truncate(room, ellipsis=True) if text.cell_length > room else text))
        elif room < NARROW or text.cell_length <= room:
            out.append(prefix + text)
        else:
            first, *rest = text.wrap(room)
            out += [prefix + first, *(Content(" " * prefix.cell_length) + piece for piece in rest)]
    return out


def link_to_open(detail: Detail) -> str:
    """What `o` opens: the first account shown that has a link (accounts still in the exports
    first), its profile when the export gave a safe one, else the network's people search
    (Facebook's export gives no profile links); "" when none has either (contacts)."""
    shown = sorted(detail.accounts, key=lambda a: (a.network, a.key) in detail.gone)
    return next((link for a in shown if (link := link_of(a))), "")


class CardText(Visual):
    """The card: its head, the consequence lines, then the accounts, laid out for each width.

    A consequence line that does not fit beside its key goes on under it, a network to a row
    where one fits (see pack)."""

    def __init__(self, top: Content, lines: list[Line], rest: list[Piece]) -> None:
        self.top, self.lines, self.rest = top, lines, rest
        self._laid: tuple[int, Content] | None = None

    @property
    def plain(self) -> str:
        """The text without wrapping, for tests and logs."""
        return self._at(10_000).plain

    def _at(self, width: int) -> Content:
        if self._laid is not None and self._laid[0] == width:
            return self._laid[1]
        out = [self.top, Content("")] if self.lines else [self.top]
        for prefix, groups in self.lines:
            room = width - prefix.cell_length
            if room < NARROW:
                out.append(prefix + pack(groups, 10_000, spelled=False)[0])  # one row, wrapped plainly
                continue
            pieces = pack(groups, room)
            indent = Content(" " * prefix.cell_length)
            out += [prefix + pieces[0], *(indent + piece for piece in pieces[1:])]
        laid = Content("\n").join(out + hang(self.rest, width))
        self._laid = (width, laid)
        return laid

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self._at(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._at(width).get_height(rules, width)


class PersonCard(VerticalScroll, can_focus=False):
    """The card, scrolled by the sorting screen's keys (J, K): the list keeps the focus and its keys."""

    DEFAULT_CSS = """
    PersonCard { width: 1fr; height: 1fr; padding: 0 1; border-left: tall $panel; }
    PersonCard > Static { width: 1fr; height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Content(""))

    def show(
        self,
        name: str,
        category: str,
        detail: Detail | None,
        suggestion: CategorySuggestion | None = None,
        found: dict[str, list[Consequence]] | None = None,
    ) -> None:
        """``found``: what each key would ask (planning/preview.py), or None to leave it out."""
        text = self.query_one(Static)
        self.scroll_home(animate=False)
        if detail is None:
            text.update(Content(EMPTY))
            return
        lines = consequence_lines(found, category) if found else []
        text.update(CardText(head(name, category, suggestion), lines, body(detail)))
