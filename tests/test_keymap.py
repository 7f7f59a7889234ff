"""Keys a user changes: every binding has an id from the key table, `keymap:` in settings.yaml
gives an id other keys (at start, and again once the settings form saves), and `circlesort keys`
lists the ids."""

from __future__ import annotations

from textual.binding import Binding

from circlesort.planning.keytable import DEFAULT_KEYS, GROUPS
from circlesort.planning.settings import settings_path
from circlesort.ui.app import CirclesortApp
from circlesort.ui.screens.import_prompt import ImportPrompt
from circlesort.ui.screens.importing import ImportScreen
from circlesort.ui.screens.modals import Choose, Confirm, Help
from circlesort.ui.screens.plan import PlanScreen
from circlesort.ui.screens.requests import RequestsScreen
from circlesort.ui.screens.review import ReviewScreen
from circlesort.ui.screens.settings import SettingsScreen
from circlesort.ui.screens.sort import SortScreen
from circlesort.ui.screens.summary import SummaryScreen
from circlesort.ui.widgets.people_list import PeopleList
from circlesort.ui.widgets.step_list import StepList
from circlesort.workspace import UNDECIDED, Workspace

from .conftest import drive, screen_text

KEYED = (
    CirclesortApp,
    SortScreen,
    PlanScreen,
    RequestsScreen,
    ReviewScreen,
    SummaryScreen,
    SettingsScreen,
    ImportScreen,
    Choose,
    ImportPrompt,
    Confirm,
    Help,
    PeopleList,
    StepList,
)


def categories(ws: Workspace) -> dict[str, str]:
    return {p.id: p.category for p in ws.people()}


def keymap(text: str) -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(text, encoding="utf-8")


def test_every_binding_has_an_id_from_the_key_table_with_its_keys():
    ids = [k.id for _, group in GROUPS for k in group]
    assert len(ids) == len(set(ids))
    seen = set()
    for owner in KEYED:
        for b in owner.BINDINGS:
            assert isinstance(b, Binding) and b.id in DEFAULT_KEYS, (owner, b)
            assert b.key == DEFAULT_KEYS[b.id]
            seen.add(b.id)
    assert seen == set(DEFAULT_KEYS)  # and the table lists no key the app lacks


def test_a_keymap_gives_a_decision_another_key():
    keymap('keymap:\n  sort.personal: "h"\n')

    async def test(pilot, app, ws):
        screen = app.screen
        first = screen.people.current.id
        await pilot.press("1")  # the keymap replaces the binding's keys: 1 and p no longer decide
        await pilot.press("p")
        assert categories(ws)[first] == UNDECIDED and screen.people.current.id == first
        await pilot.press("h")
        assert categories(ws)[first] == "keep-personal"
        assert screen.people.current.id != first  # on to the next undecided, as with 1
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, Help)
        text = screen_text(app)  # the list of keys says the keymap's
        assert f"{'h':<18}Personal" in text and f"{'1, p':<18}Personal" not in text

    drive(test, size=(110, 40))


def test_a_keymap_saved_from_the_settings_form_applies_at_once():
    async def test(pilot, app, ws):
        first = app.screen.people.current.id
        keymap('keymap:\n  sort.personal: "h, 7"\n')  # written meanwhile, kept by the form's save
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SortScreen) and app.user_keys == {"sort.personal": "h,7"}
        assert 'sort.personal: "h,7"' in settings_path().read_text("utf-8")
        await pilot.press("7")
        assert categories(ws)[first] == "keep-personal"

    drive(test)


def test_a_wrong_keymap_is_said_on_the_settings_form_and_the_keys_stay_circlesorts():
    keymap('keymap:\n  sort.persnal: "h"\n')

    async def test(pilot, app, ws):
        assert isinstance(app.screen, SettingsScreen)
        text = " ".join(screen_text(app).split())
        assert "settings.yaml: unknown key id 'sort.persnal' in keymap" in text
        assert app.user_keys == {}

    drive(test, settings_first=True)


def test_circlesort_keys_lists_every_id_with_its_keys_and_the_users(cli):
    code, out, err = cli("keys")
    assert code == 0 and err == ""
    assert str(settings_path()) in out
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ")}
    assert set(lines) == set(DEFAULT_KEYS)
    assert lines["sort.personal"].split()[-1] == "1,p" and "Personal" in lines["sort.personal"]
    keymap('keymap: {sort.personal: "h", plan.tick: "t"}\n')
    code, out, _ = cli("keys")
    mine = next(line for line in out.splitlines() if line.startswith("  sort.personal "))
    assert code == 0 and mine.endswith("h (yours; circlesort's: 1,p)")


def test_circlesort_keys_with_a_wrong_keymap_is_one_line(cli):
    keymap('keymap: {sort.personal: ""}\n')
    code, out, err = cli("keys")
    assert code == 2 and out == ""
    assert (
        err
        == f'circlesort: {settings_path()}: keymap.sort.personal must be keys separated by commas, e.g. "1,h"\n'
    )
