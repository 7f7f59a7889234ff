"""circlesort's Textual app: imports in a worker when given exports, then the sorting screen."""

from __future__ import annotations

import sqlite3

from textual.app import App

from circlesort.errors import InputError
from circlesort.suggest import Rule, load_rules
from circlesort.ui.commands import ScreenKeys
from circlesort.ui.opener import LinkOpened, UrlOpener, open_in_browser
from circlesort.ui.screens.importing import ImportScreen
from circlesort.ui.screens.sort import SortScreen
from circlesort.workspace import Workspace
from circlesort.workspace.failures import explain


class CirclesortApp(App):
    """Sort everyone in a workspace. The workspace stays open (and locked) while the app runs."""

    TITLE = "circlesort"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ScreenKeys}

    def __init__(self, ws: Workspace, paths: list[str] | None = None,
                 rules: list[Rule] | None = None) -> None:
        super().__init__()
        self.ws = ws
        self.paths = paths or []
        self.rules = rules if rules is not None else load_rules()
        self.failure: InputError | None = None  # why the app stopped, for the command line to say
        self.url_opener: UrlOpener = open_in_browser  # tests put a recorder here

    def _handle_exception(self, error: Exception) -> None:
        """A workspace that fails under the app (damaged, unreadable) is the user's disk talking,
        not a bug: the app ends and the command line says it in one line, with status 2. (Writes
        the disk refuses are caught at the keystroke: ui/failures.py.)"""
        if isinstance(error, sqlite3.Error):
            error = explain(self.ws.path, error) or error
        if isinstance(error, InputError):
            self.failure = error
            self.exit(return_code=2)
            return
        super()._handle_exception(error)

    def on_link_opened(self, message: LinkOpened) -> None:
        """The URL is always shown: where no browser could be opened, it is the answer."""
        if message.opened:
            self.notify(message.url, title="Opened in your browser", markup=False)
        else:
            self.notify(message.url, title="No browser could be opened here: the link is",
                        markup=False, timeout=20)

    def on_mount(self) -> None:
        # The sorting screen is always underneath: the import, when there is one, sits on top
        # and hands back its summary, so there is never a switch of screens to race with keys.
        sort = SortScreen(self.ws, self.rules)
        self.push_screen(sort)
        if self.paths:
            self.push_screen(ImportScreen(self.ws, self.paths), sort.imported)
