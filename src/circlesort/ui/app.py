"""circlesort's Textual app: imports in a worker when given exports, then the sorting screen."""

from __future__ import annotations

from textual.app import App

from circlesort.suggest import Rule, load_rules
from circlesort.ui.commands import ScreenKeys
from circlesort.ui.screens.importing import ImportScreen
from circlesort.ui.screens.sort import SortScreen
from circlesort.workspace import Workspace


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

    def on_mount(self) -> None:
        # The sorting screen is always underneath: the import, when there is one, sits on top
        # and hands back its summary, so there is never a switch of screens to race with keys.
        sort = SortScreen(self.ws, self.rules)
        self.push_screen(sort)
        if self.paths:
            self.push_screen(ImportScreen(self.ws, self.paths), sort.imported)
