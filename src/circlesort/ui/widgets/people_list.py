"""Everyone in one scrolling list that draws only the lines on screen: instant at 50,000 people.

A line-API widget (Textual's DataTable lays out every row and stalls for seconds at this size).
It shows a view (positions into the roster) and keeps a cursor; the screen owns the decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

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
from circlesort.ui.words import CATEGORY_COLUMN, RELATION_SHORT, TIER_FLAGS, badge
from circlesort.workspace.roster import Roster, Row

CATEGORY_STYLE: dict[str, Style] = {
    Category.KEEP_PERSONAL: Style(color="green"),
    Category.MOVE_TO_PROFESSIONAL: Style(color="cyan"),
    Category.PAGE_FOLLOWER: Style(color="magenta"),
    UNDECIDED: Style(dim=True),
}


def _fit(text: str, width: int) -> str:
    return set_cell_size(text, width) if cell_len(text) != width else text


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

    # --- data ----------------------------------------------------------------------------------

    def show(self, view: list[int], keep: str | None = None) -> None:
        """Show these roster positions; keep the cursor on person ``keep`` if still shown."""
        self.view = view
        rows = self.roster.rows
        at = next((i for i, pos in enumerate(view) if rows[pos].id == keep), None) if keep else None
        self.cursor = at if at is not None else min(self.cursor, max(len(view) - 1, 0))
        self.virtual_size = Size(1, len(view))
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

    def scroll_to_cursor(self) -> None:
        top, height = round(self.scroll_y), self.scrollable_content_region.height or 1
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

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
        flags = "".join(text for text, shown in (("new ", row.new), ("gone ", row.gone)) if shown)
        flags += TIER_FLAGS.get(row.tier, "")
        relations = ", ".join(RELATION_SHORT.get(r, r) for r in row.relations)
        # The name takes what the other columns leave; relations show only when there is room.
        relation_width = 0 if width < 70 else 16
        name_width = max(12, width - 2 - 15 - relation_width - 15 - 6)
        dim = base + Style(dim=True)
        segs = [
            Segment(mark, base + Style(color="yellow", bold=True)),
            Segment(_fit(row.name, name_width) + " ", base + (Style(strike=True) if row.gone else Style())),
            Segment(_fit(badges, 14) + " ", dim),
            Segment(_fit(relations, relation_width - 1) + " " if relation_width else "", dim),
            Segment(_fit(category, 14) + " ", base + CATEGORY_STYLE[row.category]),
            Segment(_fit(flags, 5), dim),
        ]
        used = sum(cell_len(s.text) for s in segs)
        if used < width:
            segs.append(Segment(" " * (width - used), base))
        return segs
