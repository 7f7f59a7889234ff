"""The settings screen (`,` or the palette): a form over settings.yaml and the rules' employers,
written as the command line writes them, checked as circlesort reads them; and its one-time offer."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest
from textual.widgets import Input, Select, Switch, TextArea

from circlesort.cli.commands import sample_exports
from circlesort.errors import InputError
from circlesort.planning.settings import Page, default_text, defaults, load_settings, settings_path
from circlesort.planning.settings_file import render, save_settings
from circlesort.rules.file import employers, save_employers
from circlesort.rules.suggest import default_text as default_rules
from circlesort.rules.suggest import load_rules, rules_path
from circlesort.ui.app import CirclesortApp
from circlesort.ui.screens.modals import Confirm
from circlesort.ui.screens.settings import SettingsScreen
from circlesort.ui.screens.settings_fields import FIELDS
from circlesort.ui.screens.sort import SortScreen
from circlesort.workspace import Workspace, import_paths

from .conftest import drive, screen_text

ODD = 'Zoë [Photo] "quoted" #1: {page} \\ 王'  # what a YAML file must quote and escape


async def open_settings(pilot, app) -> SettingsScreen:
    await pilot.press("comma")
    await pilot.pause()
    assert isinstance(app.screen, SettingsScreen)
    return app.screen


def field(app, name: str):
    return app.screen.query_one("#field-" + name.replace(".", "--"))


# --- the files ------------------------------------------------------------------------------------


def test_the_defaults_render_as_the_file_the_command_line_writes():
    assert render(defaults()) == default_text()


def test_saved_settings_load_back_exactly_with_comments_kept(tmp_path):
    wanted = defaults().with_values(
        {
            "page.name": ODD,
            "page.url": "https://www.facebook.com/zoe",
            "professional_x": "@zoe_work",
            "facebook_professional": "restrict",
            "remove_without_waiting": True,
            "limits.facebook_unfriends_per_day": 7,
            "messages.connect_instead": "Hi {first},\nline two: {linkedin}\u2028end",
            "keymap.sort.personal": "1, h",
            "keymap.plan.help": "?",
        }
    )
    path = save_settings(wanted, tmp_path / "settings.yaml")
    assert load_settings(path) == wanted
    assert wanted.keymap == (("plan.help", "?"), ("sort.personal", "1,h"))
    text = path.read_text("utf-8")
    assert text.endswith('keymap:\n  plan.help: "?"\n  sort.personal: "1,h"\n')  # the user's keys kept
    assert "# the public Page that page followers are invited to follow" in text
    assert (
        "facebook_professional: restrict # or: unfriend; restrict: add to the Restricted list instead" in text
    )
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left


def test_a_value_load_settings_refuses_is_never_written(tmp_path):
    path = tmp_path / "settings.yaml"
    path.write_text("waiting_days: 3\n", encoding="utf-8")
    settings = defaults()
    wrong = replace(settings, limits=replace(settings.limits, facebook_friends=0))  # past the checks
    with pytest.raises(InputError, match=r"limits\.facebook_friends must be a whole number of 1 or more"):
        save_settings(wrong, path)
    assert path.read_text("utf-8") == "waiting_days: 3\n"
    assert list(tmp_path.iterdir()) == [path]


def test_employers_go_into_the_rules_file_beside_the_users_own_rules(tmp_path):
    path = tmp_path / "rules.yaml"
    save_employers([], path)
    assert path.read_text("utf-8") == default_rules()  # none: circlesort's own file
    mine = "- name: cousins\n  when: {on: [facebook], company: Oak}\n  suggest: keep-personal\n  because: 'family: {company}'\n"
    path.write_text(mine, encoding="utf-8")
    save_employers(["Contoso, Inc.", " Woodgrove Bank ", "", "Contoso, Inc.", ODD], path)
    assert employers(path) == ["Contoso, Inc.", "Woodgrove Bank", ODD]
    rules = load_rules(path)
    assert [r.name for r in rules] == ["my employers", "cousins"]
    assert rules[0].when["company"] == ("contoso, inc.", "woodgrove bank", ODD.casefold())
    assert rules[1].because == "family: {company}" and rules[1].when["on"] == frozenset({"facebook"})
    assert path.read_text("utf-8").startswith(default_rules().split("- name:")[0])  # the explanation on top


# --- the screen -----------------------------------------------------------------------------------


def test_the_screen_writes_what_was_entered_and_suggestions_follow_the_new_employers():
    async def test(pilot, app, ws):
        sort = app.screen
        banker = next(r for r in sort.roster.rows if "Woodgrove Bank" in r.companies)
        assert (sort.suggested(banker) or None) is None or sort.suggested(banker).rule != "my employers"
        await open_settings(pilot, app)
        await pilot.press(*"Woodgrove", "enter", *"Fabrikam")  # the employers' box has the focus
        await pilot.press("tab", *"Maya")  # the Page's name, by keys
        field(app, "page.name").value += " " + ODD
        field(app, "page.url").value = "https://www.facebook.com/mayaphoto"
        field(app, "professional_mastodon").value = "@maya@mastodon.social"
        field(app, "facebook_professional").value = "restrict"
        field(app, "instagram_personal").value = "close-friends"
        field(app, "remove_without_waiting").value = True
        field(app, "waiting_days").value = "21"
        field(app, "limits.facebook_friends").value = "4900"
        field(app, "messages.unfriend_note").text = "Bye {first} [for now]: {linkedin}"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is sort
        saved = load_settings()
        assert saved.page == Page(f"Maya {ODD}", "https://www.facebook.com/mayaphoto")
        assert saved.professional_mastodon == "@maya@mastodon.social"
        assert (saved.facebook_professional, saved.instagram_personal) == ("restrict", "close-friends")
        assert saved.remove_without_waiting is True and saved.waiting_days == 21
        assert saved.limits.facebook_friends == 4900
        assert saved.messages.unfriend_note == "Bye {first} [for now]: {linkedin}"
        untouched = {
            k: v
            for k, v in saved.data().items()
            if k
            not in (
                "page",
                "professional_mastodon",
                "facebook_professional",
                "instagram_personal",
                "remove_without_waiting",
                "waiting_days",
                "limits",
                "messages",
            )
        }
        assert untouched == {k: v for k, v in defaults().data().items() if k in untouched}
        assert employers() == ["Woodgrove", "Fabrikam"]
        assert app.rules[0].when["company"] == ("woodgrove", "fabrikam")
        found = sort.suggested(banker)
        assert found is not None and (found.rule, found.reason) == ("my employers", "works at Woodgrove Bank")
        assert "Saved:" in screen_text(app)

    drive(test, size=(80, 24))


def test_a_wrong_value_is_said_beside_its_field_and_nothing_is_written():
    async def test(pilot, app, ws):
        await open_settings(pilot, app)
        field(app, "page.name").value = "Maya Photo"
        field(app, "limits.facebook_unfriends_per_day").value = "0"
        field(app, "waiting_days").value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        text = " ".join(screen_text(app).split())
        assert app.focused is field(app, "waiting_days")  # the first wrong field, in view with its error
        assert "must be a whole number of 0 or more" in text
        assert "2 settings need fixing" in text and "nothing was saved." in text  # the notice
        assert not settings_path().exists() and not rules_path().exists()
        limit = app.screen.query_one("#field-limits--facebook_unfriends_per_day-error")
        assert limit.has_class("-shown") and str(limit.render()) == "must be a whole number of 1 or more"
        await pilot.press("3")  # put right: the error goes as it is typed
        await pilot.pause()
        assert "must be a whole number of 0 or more" not in screen_text(app)

    drive(test, size=(80, 24))


def test_a_link_is_checked_as_the_file_checks_it_and_a_keymap_in_the_file_is_kept():
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text('keymap: {sort.page: "3,h"}\n', encoding="utf-8")

    async def test(pilot, app, ws):
        await open_settings(pilot, app)
        field(app, "page.url").value = "http://www.facebook.com/maya"
        field(app, "my_linkedin").value = "https://evil.example/in/maya"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        shown = {
            name: str(app.screen.query_one(f"#field-{name.replace('.', '--')}-error").render())
            for name in ("page.url", "my_linkedin")
        }
        assert shown == {
            "page.url": "must be an https:// address on facebook.com, e.g. https://www.facebook.com/yourpage",
            "my_linkedin": "must be an https:// address on linkedin.com, e.g. https://www.linkedin.com/in/you",
        }
        field(app, "page.url").value = "https://www.facebook.com/maya"
        field(app, "my_linkedin").value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = load_settings()
        assert saved.page.url == "https://www.facebook.com/maya" and saved.keymap == (("sort.page", "3,h"),)

    drive(test, size=(80, 24))


def test_a_broken_settings_file_is_said_at_the_top_and_saving_repairs_it(tmp_path):
    async def test(pilot, app, ws):
        settings_path().write_text("page: [unclosed\n", encoding="utf-8")
        rules_path().write_text("- name: x\n  suggest: nowhere\n", encoding="utf-8")
        await open_settings(pilot, app)
        text = screen_text(app)
        assert "Your settings file has a problem:" in text and "not readable YAML at line 2" in text
        assert "Your rules file has a problem:" in text and "suggest one of" in text
        assert field(app, "page.name").value == "" and field(app, "waiting_days").value == "14"
        assert field(app, "employers").text == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert load_settings() == defaults()
        assert rules_path().read_text("utf-8") == default_rules()

    settings_path().parent.mkdir(parents=True)
    drive(test, size=(80, 24))


def test_esc_leaves_at_once_unless_something_changed_then_asks_first():
    async def test(pilot, app, ws):
        await open_settings(pilot, app)
        await pilot.press("escape")
        assert isinstance(app.screen, SortScreen)
        await open_settings(pilot, app)
        await pilot.press(*"Contoso")  # into the employers' box
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        assert isinstance(app.screen, SettingsScreen) and field(app, "employers").text == "Contoso"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, SortScreen)
        assert not settings_path().exists() and not rules_path().exists()

    drive(test, size=(80, 24))


def test_the_palette_and_comma_open_the_settings_and_a_comma_in_the_search_is_a_comma():
    async def test(pilot, app, ws):
        await pilot.press("ctrl+p", *"Settings", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        await pilot.press("slash", "a", "comma")
        await pilot.pause()
        assert isinstance(app.screen, SortScreen) and app.screen.query_one("#search", Input).value == "a,"
        await pilot.press("enter", "comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one(Switch).focus()
        await pilot.press("comma")  # not a second settings screen over the first
        await pilot.pause()
        assert sum(isinstance(s, SettingsScreen) for s in app.screen_stack) == 1

    drive(test, size=(80, 24))


def test_every_field_has_its_widget_and_tab_reaches_them_in_order():
    async def test(pilot, app, ws):
        await open_settings(pilot, app)
        order = []
        for _ in range(40):
            if isinstance(app.focused, Input | Select | Switch | TextArea):
                order.append(app.focused.id)
            await pilot.press("tab")
        first = order.index("field-employers")
        assert order[first : first + len(FIELDS)] == [f.widget_id for f in FIELDS]  # as the form reads
        assert order[:3] == ["field-employers", "field-page--name", "field-page--url"]

    drive(test, size=(80, 24))


# --- the offer ------------------------------------------------------------------------------------


def run_app(test) -> None:
    """The app on the default workspace, offer and all, as `circlesort` starts it."""

    async def go():
        with Workspace.open() as ws:
            app = CirclesortApp(ws)
            async with app.run_test(size=(80, 24), notifications=True) as pilot:
                await pilot.pause()
                await test(pilot, app)

    asyncio.run(go())


def sorted_one(imported: bool = False) -> None:
    with Workspace.open() as ws:
        if not imported:
            import_paths(ws, [str(sample_exports())])
        ws.decide([ws.people()[0].id], "move-to-professional")


def test_the_settings_are_offered_once_when_there_are_decisions_and_no_settings():
    sorted_one()

    async def offered(pilot, app):
        assert isinstance(app.screen, Confirm)
        assert "Your plan needs a few settings" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SortScreen)

    async def not_again(pilot, app):
        assert isinstance(app.screen, SortScreen)
        assert "Your plan needs a few settings" not in screen_text(app)

    run_app(offered)
    run_app(not_again)  # after a restart: remembered in the workspace


def test_no_offer_without_decisions_or_with_settings_set():
    with Workspace.open() as ws:
        import_paths(ws, [str(sample_exports())])

    async def no_offer(pilot, app):
        assert isinstance(app.screen, SortScreen)

    run_app(no_offer)  # nothing decided yet
    sorted_one(imported=True)
    save_employers(["Contoso"])  # employers alone are a setting the plan rests on...
    settings_path().write_text("waiting_days: 3\n", encoding="utf-8")
    run_app(no_offer)

    async def offered(pilot, app):
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        assert isinstance(app.screen, SortScreen)

    rules_path().unlink()  # ...without them and without a Page or account, it is offered
    run_app(offered)
