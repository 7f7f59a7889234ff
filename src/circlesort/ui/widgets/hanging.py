"""Text in two columns that wraps under its second one: a hanging indent for lists of steps.

Each line is a prefix (a network's name, say) and a body; when the body wraps, or holds more
lines, they start under the body, not at the screen's edge. Wrapped anew for each width.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

NARROW = 12  # below this many cells for the body, lines wrap plainly


class Hanging(Visual):
    """Lines of (prefix, body) Content, bodies wrapped under themselves."""

    def __init__(self, lines: Sequence[tuple[Content, Content]]) -> None:
        self.lines = list(lines)
        self._wrapped: tuple[int, Content] | None = None

    @property
    def plain(self) -> str:
        """The text without wrapping, for tests and logs."""
        return "\n".join(prefix.plain + body.plain for prefix, body in self.lines)

    def _at(self, width: int) -> Content:
        if self._wrapped is not None and self._wrapped[0] == width:
            return self._wrapped[1]
        out: list[Content] = []
        for prefix, body in self.lines:
            indent = prefix.cell_length
            if width - indent < NARROW:
                out.append(prefix + body)
                continue
            first, *rest = body.wrap(width - indent) or [Content("")]
            out.append(prefix + first)
            out += [Content(" " * indent) + piece for piece in rest]
        joined = Content("\n").join(out)
        self._wrapped = (width, joined)
        return joined

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self._at(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max(
            (
                prefix.cell_length
                + max((Content(line).cell_length for line in body.plain.split("\n")), default=0)
                for prefix, body in self.lines
            ),
            default=0,
        )

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self._at(width).get_height(rules, width)
