"""Reading and matching the exports in a worker, with the counts so far on screen."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from circlesort.errors import InputError
from circlesort.importers.text import printable
from circlesort.ui.keys import IMPORT_KEYS
from circlesort.workspace import ImportSummary, Workspace, import_paths


class ImportScreen(Screen[ImportSummary | None]):
    """Shown over the sorting screen while a worker imports; dismissed with the summary.

    When the import fails, the screen says why and waits: the workspace is as it was, so the
    user may go on to it or quit."""

    BINDINGS: ClassVar[list[BindingType]] = IMPORT_KEYS
    DEFAULT_CSS = """
    ImportScreen > Vertical { align: center middle; }
    ImportScreen Static, ImportScreen ProgressBar { width: 64; }
    ImportScreen #error { color: $error; text-style: bold; margin: 1 0; }
    """
    failed: str | None = None

    class Progress(Message):
        def __init__(self, step: str, counts: dict[str, int]) -> None:
            super().__init__()
            self.step, self.counts = step, counts

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ImportScreen.Progress)  # only the newest counts matter

    class Done(Message):
        def __init__(self, summary: ImportSummary | None, error: str | None = None) -> None:
            super().__init__()
            self.summary, self.error = summary, error

    def __init__(self, ws: Workspace, paths: list[str]) -> None:
        super().__init__()
        self.ws, self.paths = ws, paths

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("Reading your exports…"), id="step")
            yield ProgressBar(total=None, show_eta=False, id="bar")
            yield Static(id="counts")
            yield Static(id="error")
            yield Static(id="hint")
        yield Footer()

    def on_mount(self) -> None:
        self._run()

    @work(thread=True, exclusive=True, group="import")
    def _run(self) -> None:
        """Off the event loop; talks to the screen only through messages."""
        try:
            summary = import_paths(
                self.ws, self.paths, lambda step, counts: self.post_message(self.Progress(step, counts))
            )
        except InputError as e:
            self.post_message(self.Done(None, str(e)))
        except Exception as e:  # a hostile file must never end the app with a traceback
            problem = f"an unexpected error while importing ({type(e).__name__}: {e})"
            self.post_message(self.Done(None, problem))
        else:
            self.post_message(self.Done(summary))

    def on_import_screen_progress(self, message: Progress) -> None:
        step = {
            "matching": "Recognising the same people across networks…",
            "saving": "Saving to your workspace…",
        }.get(message.step, f"Read {message.step}")
        self.query_one("#step", Static).update(Content(step))
        counts = "\n".join(f"{n:<10} {c:>8,}" for n, c in sorted(message.counts.items()))
        self.query_one("#counts", Static).update(Content(counts))

    def on_import_screen_done(self, message: Done) -> None:
        if message.error:
            self._show_failure(message.error)
            return
        self.dismiss(message.summary)

    def _show_failure(self, error: str) -> None:
        self.failed = error
        self.query_one("#bar", ProgressBar).display = False
        self.query_one("#step", Static).update(Content("The import stopped; nothing of it was saved."))
        self.query_one("#error", Static).update(Content(printable(error)))
        self.query_one("#hint", Static).update(
            Content("Your workspace is as it was before.\nenter  go on to it\nq      quit")
        )
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The keys mean something only once the import has failed."""
        if action in ("go_on", "quit_app"):
            return self.failed is not None
        return True

    def action_go_on(self) -> None:
        self.dismiss(None)

    def action_quit_app(self) -> None:
        # Said again in the terminal, where it stays after the app is gone.
        self.app.exit(return_code=2, message=Text(f"circlesort: {printable(self.failed or '')}"))
