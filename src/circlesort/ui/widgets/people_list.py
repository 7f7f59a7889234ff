"""Everyone in one scrolling list that draws only the lines on screen: instant at 50,000 people.

A line-API widget (Textual's DataTable lays out every row and stalls for seconds at this size).
It shows a view (positions into the roster) and keeps a cursor; the screen owns the decisions.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import ClassVar, NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from circlesort.model import UNDECIDED, Category
from circlesort.rules.suggest import CategorySuggestion
from circlesort.ui.keys import LIST_KEYS
from circlesort.ui.talk_words import talk_brief
from circlesort.ui.words import CATEGORY_COLUMN, RELATION_SHORT, ROW_FLAGS, TIER_FLAGS, badge
from circlesort.workspace.roster import Roster, Row

CATEGORY_STYLE: dict[str, Style] = {
    Category.KEEP_PERSONAL: Style(color="green"),
    Category.MOVE_TO_PROFESSIONAL: Style(color="cyan"),
    Category.PAGE_FOLLOWER: Style(color="magenta"),
    UNDECIDED: Style(dim=True),
}


NAME_MOST = 30  # past this the name column stops growing and the relations take the room
RELATIONS_LEAST = 17  # the relations column with its space: shown only when the name keeps 12


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with "…" in its last cell."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


class Widths(NamedTuple):
    """The columns of a row, each with the space after it; they add up to the list's width."""

    name: int
    badges: int
    relations: int
    category: int
    flags: int


def widths(width: int) -> Widths:
    """How a row of ``width`` cells is shared: the mark (2), the flags (3: one glyph each), the
    networks and the category (15 each, 9 when the list is narrow), then the name, and the
    relations when the name keeps 12 cells; the name stops growing at NAME_MOST and the
    relations take the rest, so a wide list shows them whole."""
    flags = 3
    rest = width - 2 - flags
    column = 15 if rest >= 45 else 9
    rest -= 2 * column
    if rest < 12 + RELATIONS_LEAST:
        return Widths(max(rest, 0), column, 0, column, flags)
    relations = max(RELATIONS_LEAST, rest - NAME_MOST)
    return Widths(rest - relations, column, relations, column, flags)


class PeopleList(ScrollView, can_focus=True, inherit_bindings=False):
    """The roster, filtered: name, networks, relations and category of each person.

    Its own keys move the cursor (a scroll view's would only scroll the page under it)."""

    BINDINGS: ClassVar[list[BindingType]] = LIST_KEYS

    DEFAULT_CSS = """
    PeopleList { height: 1fr; overflow-x: hidden; }
    PeopleList > .people-list--cursor { background: $accent 40%; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"people-list--cursor"}

    class Highlighted(Message):
        def __init__(self, person: str | None) -> None:
            super().__init__()
            self.person = person

    def __init__(
        self,
        roster: Roster,
        suggested: Callable[[Row], CategorySuggestion | None] | None = None,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.roster = roster
        self.suggested = suggested
        self.view: list[int] = []
        self.cursor = 0
        self.marked: set[str] = set()
        self.empty_text = ""  # why the list is empty, drawn in its place (the screen says)
        self.talk_shown = False  # the relations column shows the messages exchanged instead

    # --- data ----------------------------------------------------------------------------------

    def show(self, view: list[int], keep: str | None = None) -> None:
        """Show these roster positions; keep the cursor on person ``keep`` if still shown."""
        self.view = view
        rows = self.roster.rows
        at = next((i for i, pos in enumerate(view) if rows[pos].id == keep), None) if keep else None
        self.cursor = at if at is not None else min(self.cursor, max(len(view) - 1, 0))
        self.virtual_size = Size(1, len(view))
        self.scroll_to_cursor(immediate=True)  # the person kept (after Esc, say) stays on screen
        self.refresh()
        self._announce()

    @property
    def current(self) -> Row | None:
        return self.roster.rows[self.view[self.cursor]] if self.view else None

    def move_to(self, index: int) -> None:
        if not self.view:
            return
        index = max(0, min(index, len(self.view) - 1))
        if index != self.cursor:
            old, self.cursor = self.cursor, index
            self.refresh_line(old)
            self.refresh_line(index)
        self.scroll_to_cursor()
        self._announce()

    def action_move(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * max(1, self.size.height - 1))

    def action_jump(self, where: int) -> None:
        self.move_to(where if where >= 0 else len(self.view) - 1)

    def scroll_to_cursor(self, immediate: bool = False) -> None:
        """``immediate``: now, even before the scroll bar of a list just grown is laid out."""
        top, height = round(self.scroll_y), self.scrollable_content_region.height or 1
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=immediate, force=immediate)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=immediate, force=immediate)

    def refresh_line(self, index: int) -> None:
        """Repaint one row of the view (after a decision or a mark)."""
        y = index - round(self.scroll_y)
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def _announce(self) -> None:
        row = self.current
        self.post_message(self.Highlighted(row.id if row else None))

    # --- drawing -------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        width = self.size.width
        if index >= len(self.view):
            lines = textwrap.wrap(self.empty_text, max(10, width - 4)) if not self.view else []
            if 0 < y <= len(lines):  # one blank line, then the words, two cells in
                words = Segment(fit(f"  {lines[y - 1]}", width), self.rich_style + Style(italic=True))
                return Strip([words], width)
            return Strip.blank(width, self.rich_style)
        row = self.roster.rows[self.view[index]]
        base = self.rich_style
        if index == self.cursor:
            base = base + self.get_component_rich_style("people-list--cursor")
        return Strip(self._segments(row, width, base), width)

    def _segments(self, row: Row, width: int, base: Style) -> list[Segment]:
        mark = "● " if row.id in self.marked else "  "
        badges = " ".join(badge(n) for n in row.networks)
        category = CATEGORY_COLUMN[row.category]
        hint = self.suggested(row) if self.suggested and row.category == UNDECIDED else None
        if hint is not None:
            category = f"→ {CATEGORY_COLUMN[hint.category]}"
        flags = "".join(
            glyph for glyph, shown in ((ROW_FLAGS["new"], row.new), (ROW_FLAGS["gone"], row.gone)) if shown
        )
        flags += TIER_FLAGS.get(row.tier, "")
        relations = (
            talk_brief(row.talked, row.last_talk)
            if self.talk_shown
            else ", ".join(RELATION_SHORT.get(r, r) for r in row.relations)
        )
        w = widths(width)
        dim = base + Style(dim=True)

        def column(text: str, cells: int) -> str:  # the text, then the column's space
            return fit(text, cells - 1) + " " if cells > 1 else " " * cells

        segs = [
            Segment(mark, base + Style(color="yellow", bold=True)),
            Segment(column(row.name, w.name), base + (Style(strike=True) if row.gone else Style())),
            Segment(column(badges, w.badges), dim),
            Segment(column(relations, w.relations), dim),
            Segment(column(category, w.category), base + CATEGORY_STYLE[row.category]),
            Segment(fit(flags, w.flags), dim),
        ]
        return list(Strip(segs).crop_extend(0, width, base))
