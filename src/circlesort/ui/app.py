"""circlesort's Textual app: imports in a worker when given exports, then the sorting screen."""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from datetime import UTC, datetime
from typing import ClassVar

from textual.app import App
from textual.binding import BindingType
from textual.command import CommandPalette
from textual.screen import ModalScreen

from circlesort.errors import InputError
from circlesort.planning.settings import Settings, load_settings, settings_path
from circlesort.planning.settings_file import unset
from circlesort.rules.file import employers
from circlesort.rules.suggest import Rule, load_rules
from circlesort.rules.suggest import default_text as default_rules
from circlesort.rules.suggest import parse as parse_rules
from circlesort.ui.commands import ScreenKeys
from circlesort.ui.failures import PASSING
from circlesort.ui.keys import APP_KEYS
from circlesort.ui.opener import LinkOpened, UrlOpener, open_in_browser
from circlesort.ui.screens.importing import ImportScreen
from circlesort.ui.screens.modals import Confirm
from circlesort.ui.screens.settings import SettingsSaved, SettingsScreen
from circlesort.ui.screens.sort import SortScreen
from circlesort.workspace import ImportSummary, Workspace
from circlesort.workspace.failures import WorkspaceError, explain
from circlesort.workspace.plan_store import set_settings_offered, settings_offered

OFFER = (
    "Your plan needs a few settings: your Page, your professional accounts, the companies you "
    "work for. Fill them in now? (Later: the , key opens them.)"
)


class CirclesortApp(App):
    """Sort everyone in a workspace. The workspace stays open (and locked) while the app runs."""

    TITLE = "circlesort"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ScreenKeys}
    BINDINGS: ClassVar[list[BindingType]] = APP_KEYS

    def __init__(
        self, ws: Workspace, paths: list[str] | None = None, rules: list[Rule] | None = None
    ) -> None:
        super().__init__()
        self.ws = ws
        self.paths = paths or []
        self.settings_first = False  # a broken settings or rules file: open on the form that says why
        if rules is None:
            try:
                rules = load_rules()
            except InputError:
                rules, self.settings_first = parse_rules(default_rules(), "default rules"), True
        self.rules = rules
        self.failure: InputError | None = None  # why the app stopped, for the command line to say
        self.url_opener: UrlOpener = open_in_browser  # tests put a recorder here
        self.offer_settings = True  # tests of other screens turn the one-time offer off
        self.user_keys: dict[str, str] = {}  # the settings' keymap: binding id -> keys
        self.demo = False  # `circlesort demo`: a throwaway workspace, said in the status bar

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
            self.notify(
                message.url, title="No browser could be opened here: the link is", markup=False, timeout=20
            )

    def apply_keys(self, settings: Settings) -> None:
        """The keymap of the settings, over every screen's own keys (an id not in it keeps them)."""
        self.user_keys = dict(settings.keymap)
        self.set_keymap(self.user_keys)

    def on_mount(self) -> None:
        with suppress(InputError):  # a broken file is said on the settings form; the keys stay as they are
            self.apply_keys(load_settings())
        # The sorting screen is always underneath: the import, when there is one, sits on top
        # and hands back its summary, so there is never a switch of screens to race with keys.
        sort = SortScreen(self.ws, self.rules)
        self.push_screen(sort)
        if self.paths:

            def imported(summary: ImportSummary | None) -> None:
                sort.imported(summary)
                self._offer_settings()

            self.push_screen(ImportScreen(self.ws, self.paths), imported)
        elif self.settings_first:
            self.action_open_settings()
        else:
            self._offer_settings()

    # --- settings ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_settings":  # not over a dialog, nor over itself (the palette aside)
            stack = [s for s in self.screen_stack if not isinstance(s, CommandPalette)]
            return not isinstance(stack[-1], ModalScreen) and not any(
                isinstance(s, SettingsScreen) for s in stack
            )
        return True

    def action_open_settings(self) -> None:
        if self.check_action("open_settings", ()):
            self.push_screen(SettingsScreen(), self._settings_closed)

    def _settings_closed(self, saved: bool | None) -> None:
        """Saved: the rules are read again and every screen is told, so suggestions and plans
        follow the new employers and settings."""
        if not saved:
            return
        try:
            self.rules = load_rules()
            settings = load_settings()
        except InputError as e:  # changed on disk meanwhile: said, the old rules kept
            self.notify(str(e), severity="error", markup=False)
            return
        self.apply_keys(settings)
        for screen in self.screen_stack:
            screen.post_message(SettingsSaved(settings, self.rules))

    def _offer_settings(self) -> None:
        """Once per workspace, when it holds decisions and nothing the plan rests on is set, ask
        whether to fill in the settings now. Asked is remembered, whatever the answer."""
        if not self.offer_settings:
            return
        try:
            if settings_offered(self.ws) or not self._settings_unset():
                return
            counts = self.ws.counts()
            if not (counts["decided accounts"] or counts["answers"]):
                return
            set_settings_offered(self.ws, datetime.now(UTC).isoformat(timespec="seconds"))
        except WorkspaceError as e:
            if e.kind not in PASSING:
                raise  # a damaged workspace ends the app with one line
            return  # a disk that refuses to remember it: no offer rather than one offered each time
        self.push_screen(Confirm(OFFER), self._settings_if)

    def _settings_if(self, yes: bool | None) -> None:
        if yes:
            self.action_open_settings()

    @staticmethod
    def _settings_unset() -> bool:
        if not settings_path().exists():
            return True
        try:
            return unset(load_settings(), employers())
        except InputError:
            return False  # a broken file is said where it is used, not offered over
