"""Small dialogs: confirming a decision for many people, and the list of keys."""

from __future__ import annotations

import re
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from circlesort.ui.keys import CHOOSE_KEYS, CONFIRM_KEYS, HELP_KEYS, mapped

WIDE = 120  # from this many columns, the list of keys takes two columns


class Confirm(ModalScreen[bool]):
    """Asks before a decision touches many people: y to go ahead, n or esc to stop, Enter for the
    answer in bold (``default``)."""

    BINDINGS: ClassVar[list[BindingType]] = CONFIRM_KEYS
    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm > Vertical { width: 60; max-width: 100%; height: auto; max-height: 100%; border: thick $accent;
                         background: $surface; padding: 1 2; }
    """

    def __init__(self, question: str, default: bool = True) -> None:
        super().__init__()
        self.question = question
        self.default = default

    def compose(self) -> ComposeResult:
        yes, no = ("bold $accent", "") if self.default else ("", "bold $accent")
        with Vertical():
            yield Static(Content(self.question))
            yield Static(
                Content.assemble(
                    ("y", "bold"),
                    (" yes", yes),
                    "    ",
                    ("n", "bold"),
                    (" no", no),
                    "    ",
                    ("enter", "bold"),
                    f" {'yes' if self.default else 'no'}",
                )
            )

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def action_default(self) -> None:
        self.dismiss(self.default)


class Choose(ModalScreen[int]):
    """A question with up to three answers, 1 2 3; esc answers -1 (nothing chosen)."""

    BINDINGS: ClassVar[list[BindingType]] = CHOOSE_KEYS
    DEFAULT_CSS = """
    Choose { align: center middle; }
    Choose > Vertical { width: 60; max-width: 100%; height: auto; max-height: 100%; border: thick $accent;
                        background: $surface; padding: 1 2; }
    """

    def __init__(self, question: str, answers: list[str]) -> None:
        super().__init__()
        self.question = question
        self.answers = answers[:3]

    def compose(self) -> ComposeResult:
        rows: list = []
        for i, words in enumerate(self.answers):
            rows += [(str(i + 1), "bold $accent"), f" {words}", "\n"]
        rows += [("esc", "bold"), " cancel"]
        with Vertical():
            yield Static(Content(self.question))
            yield Static(Content.assemble("\n", *rows))

    def action_pick(self, index: int) -> None:
        if index < len(self.answers):
            self.dismiss(index)


class Help(ModalScreen[None]):
    """Every key of the screen below, from its own bindings, so the list cannot go stale. It
    scrolls with the keyboard, fits 80x24, and takes two columns when the terminal is wide."""

    BINDINGS: ClassVar[list[BindingType]] = HELP_KEYS
    DEFAULT_CSS = """
    Help { align: center middle; }
    Help > VerticalScroll { width: 76; max-width: 100%; height: auto; max-height: 100%; border: thick $accent;
                            background: $surface; padding: 0 1; }
    Help.-wide > VerticalScroll { width: 116; }
    Help Horizontal { height: auto; }
    Help .column { width: 1fr; height: auto; }
    """

    def __init__(self, title: str, bindings: list[Binding], notes: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.bindings = bindings
        self.notes = notes

    def compose(self) -> ComposeResult:
        keys = mapped(self.bindings, getattr(self.app, "user_keys", {}))  # the keymap's keys
        wide = self.app.size.width >= WIDE and len(keys) > 8
        self.set_class(wide, "-wide")
        half = (len(keys) + 1) // 2 if wide else len(keys)
        with VerticalScroll():
            yield Static(
                Content.assemble((self.title_text, "bold"), "  ", ("esc closes, arrows scroll", "dim"))
            )
            with Horizontal():
                for part in (keys[:half], keys[half:]) if wide else (keys,):
                    yield Static(key_rows(part, 16 if wide else 18), classes="column")
            if self.notes:
                yield Static(Content("\n" + re.sub(r"(?<!\n)\n(?!\n)", " ", self.notes)))  # the lines rewrap

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_scroll(self, lines: int) -> None:
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)


def key_rows(bindings: list[Binding], width: int) -> Content:
    """One line per binding: its keys, then what it does."""
    rows: list = []
    for b in bindings:
        rows += [(f"{key_names(b.key):<{width}}", "bold $accent"), b.description or b.action, "\n"]
    return Content.assemble(*rows[:-1])


def key_names(keys: str) -> str:
    """A binding's keys as a person reads them: "1, p", "?", "esc"."""
    names = {
        "question_mark": "?",
        "slash": "/",
        "asterisk": "*",
        "space": "space",
        "escape": "esc",
        "enter": "enter",
    }
    return ", ".join(names.get(k, k) for k in keys.split(","))


def show_help(screen: Screen, title: str, notes: str = "") -> None:
    """The Help of ``screen``: its own bindings, with the keys the keymap gives them."""
    screen.app.push_screen(Help(title, [b for b in screen.BINDINGS if isinstance(b, Binding)], notes))
