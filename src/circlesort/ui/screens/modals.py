"""Small dialogs: confirming a decision for many people, and the list of keys."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from circlesort.ui.keys import CONFIRM_KEYS, HELP_KEYS, mapped


class Confirm(ModalScreen[bool]):
    """Asks before a decision touches many people: y to go ahead, anything else to stop."""

    BINDINGS: ClassVar[list[BindingType]] = CONFIRM_KEYS
    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm > Vertical { width: 60; height: auto; border: thick $accent; background: $surface; padding: 1 2; }
    """

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.question))
            yield Static(Content.from_markup("[b]y[/b] yes    [b]n[/b] no"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class Help(ModalScreen[None]):
    """Every key of the screen below, from its own bindings, so the list cannot go stale."""

    BINDINGS: ClassVar[list[BindingType]] = HELP_KEYS
    DEFAULT_CSS = """
    Help { align: center middle; }
    Help > Vertical { width: 76; height: auto; max-height: 90%; border: thick $accent; background: $surface;
                      padding: 1 2; overflow-y: auto; }
    """

    def __init__(self, title: str, bindings: list[Binding], notes: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.bindings = bindings
        self.notes = notes

    def compose(self) -> ComposeResult:
        rows: list = [(self.title_text, "bold"), "\n\n"]
        for b in mapped(self.bindings, getattr(self.app, "user_keys", {})):  # the keymap's keys
            keys = key_names(b.key)
            rows += [(f"{keys:<18}", "bold $accent"), b.description or b.action, "\n"]
        if self.notes:
            rows += ["\n", self.notes]
        with Vertical():
            yield Static(Content.assemble(*rows))

    def action_close(self) -> None:
        self.dismiss(None)


def key_names(keys: str) -> str:
    """A binding's keys as a person reads them: "1, p", "?", "esc"."""
    names = {"question_mark": "?", "slash": "/", "asterisk": "*", "space": "space", "escape": "esc"}
    return ", ".join(names.get(k, k) for k in keys.split(","))
