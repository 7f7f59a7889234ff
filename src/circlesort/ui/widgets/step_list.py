"""A long list that draws only the lines on screen, with a cursor that skips its headings.

A line-API widget (as people_list.py): thousands of plan steps cost nothing until they scroll
into view. Each line is a heading (a string) or a row, drawn by the screen's ``draw`` callback;
the screen owns the rows and what they mean, the list only the cursor and the scrolling.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from circlesort.ui.keys import LIST_KEYS

Draw = Callable[[Any, int, Style], list[Segment]]  # (row, width, base style) -> segments


def fit(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells."""
    return set_cell_size(text, width) if cell_len(text) != width else text


class StepList(ScrollView, can_focus=True, inherit_bindings=False):
    """Lines of rows and headings; the cursor is always on a row (or nowhere when there is none)."""

    BINDINGS: ClassVar[list[BindingType]] = LIST_KEYS
    DEFAULT_CSS = """
    StepList { height: 1fr; overflow-x: hidden; }
    StepList > .step-list--cursor { background: $accent 40%; }
    StepList > .step-list--heading { color: $accent; text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"step-list--cursor", "step-list--heading"}

    class Highlighted(Message):
        """The cursor is on another row (None: the list is empty)."""

        def __init__(self, row: object | None) -> None:
            super().__init__()
            self.row = row

    def __init__(self, draw: Draw, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.draw = draw
        self.lines: list[object] = []  # a str is a heading; anything else a row
        self.cursor = -1

    def show(self, lines: Sequence[object], keep: Callable[[object], bool] | None = None) -> None:
        """Show these lines; the cursor stays on the row ``keep`` picks, else near where it was."""
        self.lines = list(lines)
        at = (
            next((i for i, line in enumerate(self.lines) if not isinstance(line, str) and keep(line)), None)
            if keep
            else None
        )
        if at is None:
            at = self._row_near(min(max(self.cursor, 0), len(self.lines) - 1), 1)
        self.cursor = at
        self.virtual_size = Size(1, len(self.lines))
        self.refresh()
        self.scroll_to_cursor()
        self._announce()

    @property
    def current(self) -> object | None:
        return self.lines[self.cursor] if 0 <= self.cursor < len(self.lines) else None

    def rows(self) -> list[tuple[int, object]]:
        """(line, row) of every row, headings left out."""
        return [(i, line) for i, line in enumerate(self.lines) if not isinstance(line, str)]

    def _row_near(self, index: int, direction: int) -> int:
        """The row at ``index``, else the nearest one that way, else the other way; -1 for none."""
        if not self.lines:
            return -1
        for step in (direction, -direction):
            i = index
            while 0 <= i < len(self.lines):
                if not isinstance(self.lines[i], str):
                    return i
                i += step
        return -1

    def move_to(self, index: int, direction: int = 1) -> None:
        index = self._row_near(max(0, min(index, len(self.lines) - 1)), direction)
        if index < 0:
            return
        if index != self.cursor:
            old, self.cursor = self.cursor, index
            self.refresh_line(old)
            self.refresh_line(index)
        self.scroll_to_cursor()
        self._announce()

    def action_move(self, delta: int) -> None:
        self.move_to(self.cursor + delta, 1 if delta > 0 else -1)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * max(1, self.size.height - 1), direction)

    def action_jump(self, where: int) -> None:
        self.move_to(where if where >= 0 else len(self.lines) - 1, 1 if where >= 0 else -1)

    def scroll_to_cursor(self) -> None:
        top, height = round(self.scroll_y), self.scrollable_content_region.height or 1
        headed = self.cursor > 0 and isinstance(self.lines[self.cursor - 1], str)
        first = self.cursor - 1 if headed else self.cursor
        if first < top:
            self.scroll_to(y=first, animate=False)  # a row's heading comes into view with it
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def refresh_line(self, index: int) -> None:
        """Repaint one line (after its row changed)."""
        y = index - round(self.scroll_y)
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def _announce(self) -> None:
        self.post_message(self.Highlighted(self.current))

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        width = self.size.width
        if index >= len(self.lines):
            return Strip.blank(width, self.rich_style)
        line = self.lines[index]
        if isinstance(line, str):
            style = self.rich_style + self.get_component_rich_style("step-list--heading")
            return Strip([Segment(fit(line, width), style)], width)
        base = self.rich_style
        if index == self.cursor:
            base = base + self.get_component_rich_style("step-list--cursor")
        segments = self.draw(line, width, base)
        used = sum(cell_len(s.text) for s in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return Strip(segments, width).crop(0, width)
