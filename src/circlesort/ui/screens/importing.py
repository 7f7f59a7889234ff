"""Reading and matching the exports in a worker, with the counts so far on screen."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from circlesort.errors import InputError
from circlesort.workspace import ImportSummary, Workspace, import_paths


class ImportScreen(Screen[ImportSummary]):
    """Shown over the sorting screen while a worker imports; dismissed with the summary."""

    DEFAULT_CSS = """
    ImportScreen > Vertical { align: center middle; }
    ImportScreen Static, ImportScreen ProgressBar { width: 64; }
    """

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
        yield Footer()

    def on_mount(self) -> None:
        self._run()

    @work(thread=True, exclusive=True, group="import")
    def _run(self) -> None:
        """Off the event loop; talks to the screen only through messages."""
        try:
            summary = import_paths(self.ws, self.paths, lambda step, counts: self.post_message(
                self.Progress(step, counts)))
        except InputError as e:
            self.post_message(self.Done(None, str(e)))
        else:
            self.post_message(self.Done(summary))

    def on_import_screen_progress(self, message: Progress) -> None:
        step = {"matching": "Recognising the same people across networks…",
                "saving": "Saving to your workspace…"}.get(message.step, f"Read {message.step}")
        self.query_one("#step", Static).update(Content(step))
        counts = "\n".join(f"{n:<10} {c:>8,}" for n, c in sorted(message.counts.items()))
        self.query_one("#counts", Static).update(Content(counts))

    def on_import_screen_done(self, message: Done) -> None:
        if message.error:
            self.app.exit(return_code=2, message=f"circlesort: {message.error}")
            return
        self.dismiss(message.summary)
