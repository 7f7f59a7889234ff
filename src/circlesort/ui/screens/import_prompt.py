"""i on the sorting screen: where the exports are, asked with path completion, then the import
screen with its progress (importing.py), as when the paths are given on the command line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static

from circlesort.ui.keys import IMPORT_PATH_KEYS
from circlesort.ui.screens.importing import ImportScreen

if TYPE_CHECKING:
    from circlesort.ui.screens.sort import SortScreen


def complete(value: str) -> str | None:
    """``value`` completed as far as the names in its folder agree ("~/Down" -> "~/Downloads/"),
    or None. Hidden names only when asked for with a dot."""
    if not value:
        return None
    folder, prefix = os.path.split(os.path.expanduser(value))
    try:
        names = sorted(os.listdir(folder or "."))
    except OSError:
        return None
    hits = [n for n in names if n.startswith(prefix) and (prefix.startswith(".") or not n.startswith("."))]
    if not hits:
        return None
    name = hits[0]  # the characters every hit begins with
    for other in hits[1:]:
        while not other.startswith(name):
            name = name[:-1]
    if len(hits) == 1 and os.path.isdir(os.path.join(folder or ".", name)):
        name += "/"
    return value + name[len(prefix) :] if name != prefix else None


class PathSuggester(Suggester):
    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete(value)


class ImportPrompt(ModalScreen[str | None]):
    """A path, completed with Tab (or →); Enter takes it once it exists, Esc gives up."""

    BINDINGS: ClassVar[list[BindingType]] = IMPORT_PATH_KEYS
    DEFAULT_CSS = """
    ImportPrompt { align: center middle; }
    ImportPrompt > Vertical { width: 72; max-width: 100%; height: auto; border: thick $accent;
                              background: $surface; padding: 1 2; }
    ImportPrompt #problem { color: $error; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                Content(
                    "Import your exports: the path of a zip, or of the folder you saved them in "
                    "(Tab completes, Enter imports, Esc cancels)."
                )
            )
            yield Input(placeholder="~/Downloads", suggester=PathSuggester(), id="path")
            yield Static(id="problem")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_complete(self) -> None:
        field = self.query_one(Input)
        if done := complete(field.value):
            field.value = done
            field.cursor_position = len(done)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _take(self, event: Input.Submitted) -> None:
        path = Path(os.path.expanduser(event.value.strip())) if event.value.strip() else None
        if path is None or not path.exists():
            said = f"No such file or folder: {event.value.strip()}" if path else "Type a path first."
            self.query_one("#problem", Static).update(Content(said))
            return
        self.dismiss(str(path.absolute()))


def ask_and_import(screen: SortScreen) -> None:
    """The path, then the import with progress; the list is read again when it is done."""

    def chosen(path: str | None) -> None:
        if path:
            screen.app.push_screen(ImportScreen(screen.ws, [path]), screen.imported)

    screen.app.push_screen(ImportPrompt(), chosen)
