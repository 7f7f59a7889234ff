"""The settings screen: what the plan and the suggestions rest on, as a form; ctrl+s saves it.

It writes the files the command line writes (settings.yaml, and the rules file's "my employers"
rule), each checked the way circlesort reads it and replaced in one step; a wrong value is said
beside its field and nothing is written. A settings or rules file that cannot be read is said at
the top and the form starts from the defaults, so saving repairs it.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Select, Static, Switch, TextArea

from circlesort.errors import InputError
from circlesort.planning.settings import Settings, defaults, load_settings, settings_path
from circlesort.planning.settings_file import save_settings
from circlesort.rules.file import clean, employers, save_employers
from circlesort.rules.suggest import Rule, rules_path
from circlesort.ui.keys import SETTINGS_KEYS
from circlesort.ui.screens.modals import Confirm
from circlesort.ui.screens.settings_fields import FIELDS, SECTIONS, Field, check, typed, value_of, with_values


class SettingsSaved(Message):
    """Sent by the app to every screen once the settings are saved: the new settings and rules."""

    def __init__(self, settings: Settings, rules: list[Rule]) -> None:
        super().__init__()
        self.settings, self.rules = settings, rules


def _read() -> tuple[Settings, list[str], list[str], bool]:
    """The settings and employers in effect, what stops either file being read, and whether the
    rules file is broken (then saving writes it afresh)."""
    problems = []
    try:
        settings = load_settings()
    except InputError as e:
        settings = defaults()
        problems.append(
            f"Your settings file has a problem: {e}. The form shows the defaults; saving "
            "writes a new file with the values below."
        )
    try:
        names = employers()
        broken = False
    except InputError as e:
        names, broken = [], True
        problems.append(
            f"Your rules file has a problem: {e}. Saving replaces it with circlesort's "
            "default rules and the employers below."
        )
    return settings, names, problems, broken


class SettingsScreen(Screen[bool]):
    """Dismissed with True once saved, False when left without saving."""

    BINDINGS: ClassVar[list[BindingType]] = SETTINGS_KEYS
    DEFAULT_CSS = """
    SettingsScreen #settings-title { height: auto; padding: 0 1; background: $panel; }
    SettingsScreen #settings-problem { height: auto; padding: 0 1; color: $text-error;
                                       background: $error-muted; }
    SettingsScreen #settings-form { height: 1fr; padding: 0 1; }
    SettingsScreen .section { margin-top: 1; text-style: bold; color: $accent; }
    SettingsScreen .section-about { color: $text-muted; }
    SettingsScreen .row { height: auto; margin-top: 1; }
    SettingsScreen .label { width: 40%; min-width: 30; max-width: 46; height: auto; padding-right: 1; }
    SettingsScreen .wide-label { height: auto; }
    SettingsScreen .field { width: 1fr; max-width: 72; height: auto; }
    SettingsScreen #settings-form > * { max-width: 118; }
    SettingsScreen .error { color: $text-error; height: auto; display: none; }
    SettingsScreen .error.-shown { display: block; }
    SettingsScreen .switch-row { height: auto; }
    SettingsScreen .on-off { width: auto; padding: 1 0 0 2; }
    SettingsScreen TextArea { height: 5; }
    SettingsScreen #field-employers { height: 5; }
    SettingsScreen #settings-buttons { height: auto; margin: 1 0; }
    SettingsScreen #settings-buttons Button { margin-right: 2; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.settings, self.employers, self.problems, self.rules_broken = _read()
        self.start: dict[str, object] = {}  # the form's values as opened, to know what changed

    # --- the form --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(
                ("Settings", "bold"),
                "  ctrl+s saves them to ",
                str(settings_path()),
                " (your employers to ",
                rules_path().name,
                " beside it)",
                ("   tab moves, esc leaves", "dim"),
            ),
            id="settings-title",
        )
        if self.problems:
            yield Static(Content("\n".join(self.problems)), id="settings-problem")
        with VerticalScroll(id="settings-form"):
            for title, about, fields in SECTIONS:
                yield Static(Content(title), classes="section")
                if about:
                    yield Static(Content(about), classes="section-about")
                for field in fields:
                    yield from self._row(field)
            with Horizontal(id="settings-buttons"):
                yield Button(Content("Save (ctrl+s)"), variant="primary", id="settings-save")
                yield Button(Content("Leave (esc)"), id="settings-leave")
        yield Footer()

    def _label(self, field: Field, classes: str) -> Static:
        parts: list = [(field.title, "bold")]
        if field.about:
            parts += ["\n", (field.about, "dim")]
        return Static(Content.assemble(*parts), classes=classes)

    def _row(self, field: Field) -> ComposeResult:
        error = Static("", id=f"{field.widget_id}-error", classes="error", markup=False)
        if field.kind in ("message", "employers"):
            yield self._label(field, "wide-label row")
            yield self._widget(field)
            yield error
            return
        with Horizontal(classes="row"):
            yield self._label(field, "label")
            with Vertical(classes="field"):
                if field.kind == "switch":  # the word beside it: the slider alone is a colour
                    with Horizontal(classes="switch-row"):
                        yield self._widget(field)
                        yield Static(self._on_off(bool(value_of(self.settings, field))), classes="on-off")
                else:
                    yield self._widget(field)
                yield error

    def _widget(self, field: Field) -> Widget:
        wid = field.widget_id
        if field.kind == "employers":
            return TextArea(
                "\n".join(self.employers), id=wid, placeholder=Content("one a line, e.g. Contoso")
            )
        value = value_of(self.settings, field)
        if field.kind == "message":
            return TextArea(str(value), id=wid)
        if field.kind == "switch":
            return Switch(bool(value), animate=False, id=wid)
        if field.kind == "choice":
            options = [(Content(words), v) for words, v in field.options]
            return Select(options, value=value, allow_blank=False, id=wid)
        return Input(str(value), id=wid, type="integer" if field.kind == "count" else "text")

    @staticmethod
    def _on_off(on: bool) -> Content:
        return Content.styled("on" if on else "off", "bold" if on else "dim")

    @on(Switch.Changed)
    def _switched(self, event: Switch.Changed) -> None:
        parent = event.switch.parent
        if parent is not None:
            parent.query_one(".on-off", Static).update(self._on_off(event.value))

    def on_mount(self) -> None:
        self.start = self.values()
        self.query_one(f"#{FIELDS[0].widget_id}").focus()

    def values(self) -> dict[str, object]:
        """Field name -> what the form holds, typed as the files hold it."""
        out: dict[str, object] = {}
        for field in FIELDS:
            widget = self.query_one(f"#{field.widget_id}")
            if isinstance(widget, TextArea):
                raw: object = widget.text
            else:
                raw = widget.value  # type: ignore[attr-defined]
            out[field.name] = clean(str(raw).splitlines()) if field.kind == "employers" else typed(field, raw)
        return out

    def changed(self) -> bool:
        return self.values() != self.start

    def _show_error(self, field: Field, problem: str) -> None:
        error = self.query_one(f"#{field.widget_id}-error", Static)
        error.update(Content(problem))
        error.set_class(bool(problem), "-shown")

    @on(Input.Changed)
    def _recheck(self, event: Input.Changed) -> None:
        """A field said wrong is checked again as it is typed, so the error goes when it is right."""
        field = next((f for f in FIELDS if f.widget_id == event.input.id), None)
        if field is not None and self.query_one(f"#{field.widget_id}-error").has_class("-shown"):
            self._show_error(field, check(field, typed(field, event.value)))

    # --- saving and leaving ----------------------------------------------------------------------

    def action_save(self) -> None:
        values = self.values()
        wrong = []
        for field in FIELDS:
            found = check(field, values[field.name])
            self._show_error(field, found)
            if found:
                wrong.append(field)
        if wrong:
            first = self.query_one(f"#{wrong[0].widget_id}")
            first.focus(scroll_visible=False)
            row = first.parent if first.parent is not None else first  # with its error under it
            self.call_after_refresh(self.query_one("#settings-form").scroll_to_center, row, animate=False)
            count = f"{len(wrong)} settings need" if len(wrong) > 1 else "1 setting needs"
            self.notify(
                f"{count} fixing (said beside each); nothing was saved.", severity="error", markup=False
            )
            return
        try:
            written = [save_settings(with_values(self.settings, values))]
            if self.rules_broken or values["employers"] != self.start["employers"]:
                written.append(
                    save_employers(
                        list(values["employers"]),  # type: ignore[call-overload]
                        from_defaults=self.rules_broken,
                    )
                )
        except InputError as e:
            self._say_problem(f"Nothing more was saved: {e}")
            return
        except OSError as e:
            self._say_problem(f"Nothing more was saved: {e.filename or ''}: {e.strerror or e}")
            return
        self.notify("Saved: " + ", ".join(str(p) for p in written), title="Settings", markup=False)
        self.dismiss(True)

    def _say_problem(self, text: str) -> None:
        found = self.query("#settings-problem")
        if found:
            found.first(Static).update(Content(text))
        else:
            self.mount(Static(Content(text), id="settings-problem"), after="#settings-title")
        self.notify(text, severity="error", markup=False)

    @on(Button.Pressed, "#settings-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#settings-leave")
    def _leave_pressed(self) -> None:
        self.action_back()

    def action_back(self) -> None:
        if not self.changed():
            self.dismiss(False)
            return
        self.app.push_screen(
            Confirm("Leave the settings without saving your changes?"),
            lambda yes: yes and self.dismiss(False),
        )
