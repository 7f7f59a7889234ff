"""Suggested categories: the default rules, a user's own file, and the keys that accept them."""

from __future__ import annotations

import pytest

from circlesort.errors import InputError
from circlesort.rules.suggest import Seen, load_rules, parse, suggest
from circlesort.ui.screens.modals import Confirm
from circlesort.workspace import UNDECIDED

from .conftest import drive, screen_text
from .test_cli import run


@pytest.mark.parametrize(
    ("accounts", "category", "rule"),
    [
        ([Seen("linkedin", ("connection",))], "move-to-professional", "LinkedIn only"),
        (
            [Seen("facebook", ("friend",)), Seen("instagram", ("follower", "following"))],
            "keep-personal",
            "friend who follows back",
        ),
        ([Seen("instagram", ("follower", "following", "close_friend"))], "keep-personal", "close friend"),
        ([Seen("facebook", ("follower",))], "page-follower", "follows your Facebook without being a friend"),
        ([Seen("instagram", ("follower",))], "page-follower", "follower only"),
    ],
)
def test_default_rules(accounts, category, rule):
    found = suggest(load_rules(), accounts)
    assert (found.category, found.rule) == (category, rule) and found.reason


def test_no_rule_no_suggestion():
    assert suggest(load_rules(), [Seen("facebook", ("friend",))]) is None
    assert suggest(load_rules(), [Seen("instagram", ("follower", "following"))]) is None


def test_the_employer_rule_names_the_company():
    rules = parse(
        "- name: work\n  when: {company: [contoso]}\n  suggest: move-to-professional\n"
        "  because: works at {company}\n",
        "rules",
    )
    found = suggest(rules, [Seen("facebook", ("friend",)), Seen("linkedin", ("connection",), "Contoso Ltd")])
    assert found.reason == "works at Contoso Ltd"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("- name: x\n  when: {nearby: true}\n  suggest: keep-personal\n", "conditions are"),
        ("- name: x\n  suggest: friends\n", "suggest one of"),
        ("name: x\n", "expected a list of rules"),
        ("- [unclosed\n", "not readable YAML"),
    ],
)
def test_a_broken_rules_file_says_what_is_wrong(text, problem):
    with pytest.raises(InputError, match=problem):
        parse(text, "rules.yaml")


def test_rules_command_writes_the_defaults_once(tmp_path, monkeypatch):
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path / "config"))
    assert "defaults apply" in run("rules").stdout
    assert run("rules", "--init").returncode == 0
    assert (tmp_path / "config" / "rules.yaml").exists()
    assert run("rules", "--init").returncode == 2  # never overwritten
    (tmp_path / "config" / "rules.yaml").write_text("- oops: [\n", encoding="utf-8")
    p = run("rules")  # the app would open on the settings form that says so (tests/test_settings_rules.py)
    assert p.returncode == 2 and "not readable YAML" in p.stderr and p.stderr.count("\n") == 1


def test_a_accepts_one_suggestion_and_shift_a_all_shown_after_asking():
    async def test(pilot, app, ws):
        screen = app.screen
        await pilot.press("slash", *"Ada Quill", "enter")  # on LinkedIn only
        await pilot.pause()
        assert "Suggested: move to professional — known to you only from" in screen_text(app)
        person = screen.people.current.id
        await pilot.press("a")
        assert {p.id: p.category for p in ws.people()}[person] == "move-to-professional"
        await pilot.press("escape", "A")
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and "Accept the suggestions for" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        decided = [p for p in ws.people() if p.category != UNDECIDED]
        assert len(decided) > 50
        await pilot.press("u")
        assert [p.id for p in ws.people() if p.category != UNDECIDED] == [person]

    drive(test, size=(160, 40))
