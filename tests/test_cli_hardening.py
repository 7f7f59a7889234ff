"""The command line before the app starts, and what the app shows of links from exports."""

from __future__ import annotations

import os

import pytest

from circlesort.ui.screens.summary import SummaryScreen

from .conftest import drive, screen_text, write_tree

VCARD = """BEGIN:VCARD
VERSION:3.0
FN:Olga Hostile
N:Hostile;Olga;;;
URL:javascript:alert(document.cookie)
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Pia Lookalike
N:Lookalike;Pia;;;
URL:https://www.linkedin.com.evil.example/in/pia
END:VCARD
"""
CONNECTIONS = """First Name,Last Name,URL,Email Address,Company,Position,Connected On
Rui,Honest,https://www.linkedin.com/in/rui-honest,,Contoso,Engineer,09 Sep 2022
Ada,Data,data:text/html;base64,PHNjcmlwdD4=,,Fabrikam,Lead,09 Sep 2022
"""


@pytest.mark.timeout(30)
@pytest.mark.parametrize("command", [["import"], []], ids=["import", "the app"])
def test_a_fifo_is_refused_in_one_line_instead_of_blocking(cli, tmp_path, command):
    fifo = tmp_path / "export.zip"
    os.mkfifo(fifo)
    code, out, err = cli(*command, str(fifo))
    assert code == 2 and out == ""
    assert err == f"circlesort: {fifo}: is a FIFO (named pipe), not an export file\n"


def test_bad_settings_open_the_app_on_the_settings_form_that_says_why(tmp_path, monkeypatch):
    from circlesort.cli.commands import startup_rules
    from circlesort.ui.screens.settings import SettingsScreen

    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path / "config"))
    write_tree(tmp_path / "config", {"settings.yaml": "limits:\n  linkedin_invitations_per_week: 0\n"})
    rules, broken = startup_rules()
    assert broken and rules  # the default rules, and the form first

    async def test(pilot, app, ws):
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        text = " ".join(screen_text(app).split())
        assert "settings.yaml" in text and "linkedin_invitations_per_week" in text

    drive(test, before=lambda ws: None, settings_first=True)


def test_the_summary_screen_says_what_is_wrong_with_the_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path / "config"))
    write_tree(tmp_path / "config", {"settings.yaml": "limits: {linkedin_invitations_per_week: many}\n"})

    async def test(pilot, app, ws):
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = " ".join(screen_text(app).split())
        assert "Plan sizes need readable settings" in text and "linkedin_invitations_per_week" in text

    drive(test, size=(120, 40))


def test_the_card_shows_only_links_to_the_networks_own_sites(tmp_path):
    write_tree(tmp_path / "e", {"contacts.vcf": VCARD, "Connections.csv": CONNECTIONS})

    async def test(pilot, app, ws):
        seen = []
        for _ in range(4):
            seen.append(screen_text(app))
            await pilot.press("j")
            await pilot.pause()
        text = "\n".join(seen)
        assert "Olga Hostile" in text and "Ada Data" in text
        assert "https://www.linkedin.com/in/rui-honest" in text
        assert "javascript:" not in text and "data:text" not in text and "evil.example" not in text

    drive(test, exports=[str(tmp_path / "e")], size=(160, 40))
