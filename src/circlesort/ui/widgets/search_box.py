"""The sorting screen's search: one line, shown on / and while it holds a search.

Tab reaches it only while it is open, so that keys meant for the list never land in it unseen.
"""

from __future__ import annotations

from textual.widgets import Input


class SearchBox(Input):
    DEFAULT_CSS = """
    SearchBox, SearchBox:focus { height: 1; border: none; padding: 0 1; background: $boost; }
    SearchBox:focus { background: $accent 30%; }
    """

    def __init__(self, placeholder: str, *, id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.display = self.can_focus = False

    def open(self) -> None:
        """Shown and focused at once (focus() waits a turn): the keys typed next are the search's."""
        self.display = self.can_focus = True
        self.screen.set_focus(self)

    def hold(self, value: str) -> None:
        """Hold this search: shown while it holds any, or while the user is typing in it."""
        self.value = value
        self.display = bool(value.strip()) or self.has_focus

    def on_blur(self) -> None:
        """Left (enter, Tab, a click): Tab does not come back to it, and an empty one hides."""
        self.can_focus = False
        self.display = bool(self.value.strip())
