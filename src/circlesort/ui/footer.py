"""A footer that keeps the keys that matter when the terminal is narrow.

Textual's Footer shows every binding with show=True, in the key table's order, and cuts what does
not fit at the right. A screen with ``FittedFooter`` names, in ``FOOTER_FROM``, the bindings
(by id) that show only from a width on; narrower, they leave the footer (their keys still work,
and the help lists them). The command palette's ^p shows from ``PALETTE_FROM`` columns.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import ClassVar, TypeVar

from textual import events, on
from textual.binding import ActiveBinding
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer

PALETTE_FROM = 120
Result = TypeVar("Result")
# binding id -> (the width from which it shows in full, its word below that: "" leaves it out).
# Ids are unique across screens, so one table serves every screen.
FOOTER_FROM: dict[str, tuple[int, str]] = {
    "sort.search": (140, ""),
    "sort.open": (140, ""),
    "sort.undo": (100, ""),
    "sort.accept": (100, ""),
    "sort.professional": (100, "Pro"),
    # Below 80 columns the other screens' keys go first (? lists them); the decisions stay.
    "sort.summary": (80, ""),
    "sort.plan": (80, ""),
    "sort.review": (70, ""),
    "review.next": (100, ""),
    "review.previous": (100, ""),
}


class FittedFooter(Screen[Result]):
    """A screen whose footer drops the keys of ``FOOTER_FROM`` below their widths."""

    FOOTER_FROM: ClassVar[Mapping[str, tuple[int, str]]] = FOOTER_FROM

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        found = super().active_bindings
        width = self.size.width or self.app.size.width
        for key, active in found.items():
            fits, word = self.FOOTER_FROM.get(active.binding.id or "", (0, ""))
            if active.binding.show and width < fits:
                short = (
                    replace(active.binding, description=word) if word else replace(active.binding, show=False)
                )
                found[key] = active._replace(binding=short)
        return found

    @on(events.Resize)
    def _fit_footer(self, event: events.Resize) -> None:
        try:
            footer = self.query_one(Footer)
        except NoMatches:
            return
        footer.show_command_palette = event.size.width >= PALETTE_FROM
        footer.compact = True  # one space between keys: the room goes to more keys
        self.refresh_bindings()
