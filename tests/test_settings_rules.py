"""The settings and rules files a person edits: every wrong shape is one line naming the file and the
key, before anything can crash on it; `on:` means "on"; aliases are refused."""

from __future__ import annotations

import pytest

from circlesort.errors import InputError
from circlesort.planning.settings import Page, load_settings
from circlesort.rules.suggest import Seen, load_rules, parse, suggest
from circlesort.workspace import Workspace

from .conftest import drive, screen_text
from .test_plan_files import decided


@pytest.fixture
def config(tmp_path, monkeypatch):
    """The folder circlesort reads settings.yaml and rules.yaml from."""
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(folder))
    return folder


# --- settings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "limits: {linkedin_invitations_per_week: 0}\n",
            "limits.linkedin_invitations_per_week must be a whole number of 1 or more",
        ),
        (
            "limits:\n  instagram_unfollows_per_day: lots\n",
            "limits.instagram_unfollows_per_day must be a whole number of 1 or more",
        ),
        ("limits: {mastodon_follows: 2.5}\n", "limits.mastodon_follows must be a whole number of 1 or more"),
        ("limits: {facebook_friends: true}\n", "limits.facebook_friends must be a whole number of 1 or more"),
        ("limits: {linkedin_week: 50}\n", "unknown setting 'limits.linkedin_week'"),
        ("limits: 5\n", "limits must be a mapping of"),
        ("page: Maya Photo\n", "page must be a mapping of name, url"),
        ("page: {name: [Maya, Photo]}\n", "page.name must be text"),
        ("mastodon_export_is_professional: yes\n", "mastodon_export_is_professional must be true or false"),
        ("brand_instagram: [myphotos]\n", "brand_instagram must be text"),
        ("waiting_days: -1\n", "waiting_days must be a whole number of 0 or more"),
        ("waiting_days: 99999999999\n", "waiting_days must be at most 3650"),
        ("facebook_professional: block\n", "facebook_professional is one of unfriend, restrict"),
        (
            "page: {url: 'http://www.facebook.com/maya'}\n",
            "page.url must be an https:// address on facebook.com",
        ),
        (
            "page: {url: 'https://evil.example/maya'}\n",
            "page.url must be an https:// address on facebook.com",
        ),
        ("my_linkedin: 'javascript:alert(1)'\n", "my_linkedin must be an https:// address on linkedin.com"),
        (
            "professional_bluesky: '@me'\n",
            "unknown setting 'professional_bluesky': the professional accounts are",
        ),
        ("keymap: [h]\n", "keymap must be a mapping of key ids to keys"),
        (
            "keymap: {sort.persnal: h}\n",
            "unknown key id 'sort.persnal' in keymap (`circlesort keys` lists them)",
        ),
        (
            "keymap: {sort.personal: ' , '}\n",
            'keymap.sort.personal must be keys separated by commas, e.g. "1,h"',
        ),
        ("keymap: {sort.personal: [h]}\n", "keymap.sort.personal must be keys separated by commas"),
        ("keymap: {sort.personal: 'ctrl s'}\n", "keymap.sort.personal: 'ctrl s' is not a key"),
        ("- a list\n", "expected settings as a mapping (key: value)"),
    ],
)
def test_a_wrong_setting_is_one_line_naming_the_file_and_the_key(config, tmp_path, cli, text, problem):
    (config / "settings.yaml").write_text(text, encoding="utf-8")
    with Workspace.open():
        pass
    code, _, err = cli("plan", "--out", str(tmp_path / "plan"))
    assert code == 2
    assert err.startswith(f"circlesort: {config / 'settings.yaml'}: {problem}") and err.count("\n") == 1, err
    assert not (tmp_path / "plan").exists()


def test_verify_with_wrong_settings_is_one_line_before_it_reads_anything(config, cli):
    from .conftest import ROOT

    assert cli("import", str(ROOT / "sample_exports"))[0] == 0
    (config / "settings.yaml").write_text("limits: {facebook_friends: -5}\n", encoding="utf-8")
    code, out, err = cli("verify", str(ROOT / "sample_exports"))
    assert (code, out) == (2, "")
    assert err == (
        f"circlesort: {config / 'settings.yaml'}: limits.facebook_friends must be a whole number of 1 or more\n"
    )


def test_wrong_settings_open_the_app_on_the_form_that_says_why_and_saving_repairs_them(config):
    from circlesort.cli.commands import startup_rules
    from circlesort.planning.settings import defaults

    (config / "settings.yaml").write_text(
        "page: {url: 'ftp://fb'}\nkeymap: {sort.page: h}\n", encoding="utf-8"
    )
    assert startup_rules()[1]  # broken: the app opens on the form

    async def test(pilot, app, ws):
        text = " ".join(screen_text(app).split())
        assert "Your settings file has a problem:" in text
        assert "settings.yaml: page.url must be an https:// address on facebook.com" in text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert load_settings() == defaults()

    drive(test, settings_first=True)


def test_right_settings_still_apply(config):
    (config / "settings.yaml").write_text(
        "limits: {linkedin_invitations_per_week: 50}\nbrand_instagram:\npage: {name: Maya Photo, url:}\n"
        "mastodon_export_is_professional: false\n",
        encoding="utf-8",
    )
    settings = load_settings()
    assert settings.limits.linkedin_invitations_per_week == 50
    assert settings.limits.instagram_unfollows_per_day == 200  # the default stays
    assert settings.brand_instagram == "" and settings.page == Page("Maya Photo", "")
    assert settings.mastodon_export_is_professional is False


def test_the_plan_screen_says_what_is_wrong_with_the_settings_instead_of_crashing(
    config, tmp_path, monkeypatch
):
    (config / "settings.yaml").write_text("page: Maya Photo\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    async def test(pilot, app, ws):
        await pilot.press("P")
        await pilot.pause()
        assert "settings.yaml: page must be a mapping of name, url" in screen_text(app)
        await pilot.press("w")
        await pilot.pause()
        assert not (tmp_path / "circlesort-plan").exists()

    drive(test, size=(160, 40), before=decided)


# --- rules ------------------------------------------------------------------------------------


def rule(when: str) -> str:
    return f"- name: mine\n  when: {when}\n  suggest: move-to-professional\n"


@pytest.mark.parametrize(
    ("when", "problem"),
    [
        ("{on: 5}", "on is a list of networks"),
        ("{on: [facebok]}", "on is a list of networks"),
        ("{only_on: {linkedin: connection}}", "only_on is a list of networks"),
        ("{relation: [facebook]}", "relation is a mapping of networks"),
        ("{relation: {fb: [friend]}}", "relation is a mapping of networks"),
        ("{relation: {facebook: [frend]}}", "relation.facebook is a list of relations"),
        ("{relation: {facebook: {friend: 1}}}", "relation.facebook is a list of relations"),
        ("{lacks: instagram}", "lacks is a mapping of networks"),
        ("{lacks: {instagram: 3}}", "lacks.instagram is a list of relations"),
        ("{company: 5}", "company is a name or a list of names"),
        ("{company: [{acme: 1}]}", "company is a name or a list of names"),
    ],
)
def test_a_condition_of_the_wrong_shape_names_the_rule_and_the_file(config, when, problem):
    path = config / "rules.yaml"
    path.write_text(rule(when), encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_rules(path)
    assert (
        e.value.path == str(path)
        and e.value.problem.startswith("rule 'mine': ")
        and problem in e.value.problem
    )


def test_name_and_because_are_text():
    with pytest.raises(InputError, match="rule 1: name and because are text"):
        parse("- name: [a, b]\n  suggest: keep-personal\n", "rules.yaml")


def test_the_documented_on_condition_means_on():
    rules = parse(rule("{on: [linkedin, facebook]}"), "rules.yaml")
    both = [Seen("facebook", ("friend",)), Seen("linkedin", ("connection",))]
    assert suggest(rules, both).rule == "mine"
    assert suggest(rules, both[:1]) is None


def test_a_lone_word_is_a_list_of_one():
    rules = parse(rule("{company: contoso, on: linkedin, relation: {linkedin: connection}}"), "rules.yaml")
    assert suggest(rules, [Seen("linkedin", ("connection",), "Acme")]) is None  # not a match on "c"
    assert suggest(rules, [Seen("linkedin", ("connection",), "Contoso Ltd")]).rule == "mine"


def test_whatever_passes_the_check_never_crashes_suggest():
    rules = parse(
        "".join(
            rule(w)
            for w in (
                "{on: null}",
                "{only_on: []}",
                "{relation: {x: null}}",
                "{lacks: {mastodon: blocked}}",
                "{company: ['', Fabrikam]}",
                "{}",
            )
        ),
        "rules.yaml",
    )
    for accounts in ([], [Seen("x", ())], [Seen("mastodon", ("blocked",), "Fabrikam")]):
        suggest(rules, accounts)


@pytest.mark.timeout(10)
def test_an_alias_in_the_rules_is_refused_in_one_line(config, cli):
    # A small "billion laughs": enough to show aliases are refused, too small to hurt if they were not.
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 6)]
    (config / "rules.yaml").write_text(
        "- bomb:\n"
        + "".join(f"    {line}\n" for line in levels)
        + "  name: *a5\n  when: {}\n  suggest: keep-personal\n",
        encoding="utf-8",
    )
    code, _, err = cli("rules")
    assert code == 2 and err.count("\n") == 1
    assert (
        err.startswith(f"circlesort: {config / 'rules.yaml'}: not readable YAML at line") and "alias" in err
    )


def test_rules_of_the_wrong_shape_open_the_app_on_the_settings_form_that_says_why(config):
    from circlesort.cli.commands import startup_rules
    from circlesort.rules.suggest import default_text, parse

    (config / "rules.yaml").write_text(rule("{relation: [facebook]}"), encoding="utf-8")
    rules, broken = startup_rules()
    assert broken and rules == parse(default_text(), "default rules")  # never a crash on the rule

    async def test(pilot, app, ws):
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "rules.yaml" in text and "rule 'mine': relation is a mapping" in text

    drive(test, settings_first=True)
