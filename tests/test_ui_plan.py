"""The plan screen (P) and the summary screen (s) show the workspace's current plan: steps by
when they are due, what each waits for, the settings the plan lacks; w writes it."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from circlesort.ui.screens.plan import PlanScreen
from circlesort.ui.screens.sort import SortScreen
from circlesort.ui.screens.summary import SummaryScreen
from circlesort.workspace import Workspace
from circlesort.workspace.failures import WorkspaceError

from .conftest import drive, meta, screen_text, write_tree
from .test_plan_safety import hostile_exports, sort_everyone


@pytest.fixture(autouse=True)
def settings_folder(tmp_path, monkeypatch):
    """The default settings, whatever the machine's own settings file says."""
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(folder))
    return folder


def decide(**people: str):
    """A `before` for drive(): decide these people (name=category, spaces as underscores)."""
    def before(ws: Workspace) -> None:
        ids = {p.name: p.id for p in ws.people()}
        for name, category in people.items():
            ws.decide([ids[name.replace("_", " ")]], category)
    return before


async def open_plan(pilot, app) -> str:
    await pilot.press("P")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, PlanScreen)
    return " ".join(screen_text(app).split())


def section(text: str, title: str, after: str) -> str:
    """The screen's text from a group's title to the next one."""
    start = text.index(title)
    return text[start:text.index(after, start)]


def test_a_linkedin_invitation_is_due_today_and_the_unfriend_waits_for_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def test(pilot, app, ws):
        text = await open_plan(pilot, app)
        assert "steps to do" in text and "due today" in text and "clicks" in text
        today = section(text, "Today", "Waiting")
        assert "LinkedIn send a LinkedIn invitation: Amara Wang" in today
        assert "https://www.linkedin.com/search/results/people/?keywords=amara%20wang" in today
        waiting = text[text.index("Waiting"):]
        assert "Facebook unfriend: Amara Wang waits for: Amara Wang accepts on LinkedIn" in waiting
        assert "Amara Wang" not in today.replace("LinkedIn send a LinkedIn invitation: Amara Wang", "")

    drive(test, size=(120, 40), before=decide(Amara_Wang="move-to-professional"))


def test_an_invitation_sent_and_one_skipped_move_their_steps(tmp_path, monkeypatch):
    from circlesort.planning.current import current_plan, set_state
    from circlesort.planning.settings import load_settings
    from circlesort.planning.steps import StepState

    monkeypatch.chdir(tmp_path)

    def before(ws):
        decide(Amara_Wang="move-to-professional", Ana_Demir="move-to-professional")(ws)
        connect = {s.step.name: s.step.id for s in current_plan(ws, load_settings()).steps
                   if s.step.kind == "connect"}
        set_state(ws, [connect["Amara Wang"]], StepState.SENT, "sent")
        set_state(ws, [connect["Ana Demir"]], StepState.SKIPPED, "skipped")

    async def test(pilot, app, ws):
        text = await open_plan(pilot, app)
        assert "Amara Wang accepts on LinkedIn" in section(text, "Waiting", "Ask first")
        ask = section(text, "Ask first", "Sent")
        assert "Facebook unfriend: Ana Demir waits for: Ana Demir accepts on LinkedIn (skipped): remove anyway?" \
            in ask
        assert "LinkedIn send a LinkedIn invitation: Amara Wang" in section(text, "Sent", "Off the list")
        assert "Off the list 1 skipped" in text

    drive(test, size=(120, 60), before=before)


def test_the_settings_the_plan_lacks_are_said_with_how_to_set_them(tmp_path, monkeypatch, settings_folder):
    monkeypatch.chdir(tmp_path)

    async def test(pilot, app, ws):
        text = await open_plan(pilot, app)
        assert "Your Page is not set: page.name and page.url in the settings" in text
        assert "circlesort plan --init-settings" in text
        assert f"Settings file: {settings_folder / 'settings.yaml'} (not written yet)" in text
        assert "invite to follow your Page (set page.url first): Sasha Petrov" in text

    drive(test, size=(120, 40), before=decide(Sasha_Petrov="page-follower"))


def test_a_set_page_leaves_no_note_and_names_the_page(tmp_path, monkeypatch, settings_folder):
    monkeypatch.chdir(tmp_path)
    (settings_folder / "settings.yaml").write_text(
        "page: {name: Maya Photo, url: 'https://www.facebook.com/mayaphoto'}\n", encoding="utf-8")

    async def test(pilot, app, ws):
        text = await open_plan(pilot, app)
        assert "Your Page is not set" not in text
        assert "Facebook invite to follow Maya Photo: Sasha Petrov" in text
        assert "waits for: Sasha Petrov follows Maya Photo" in text

    drive(test, size=(120, 40), before=decide(Sasha_Petrov="page-follower"))


def test_w_writes_the_plan_and_asks_before_replacing_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        await pilot.press("w")
        await pilot.pause()
        assert (tmp_path / "circlesort-plan" / "PLAN.md").exists()
        assert "Plan written to circlesort-plan" in screen_text(app)
        await pilot.press("w")  # again: asks before replacing
        await pilot.pause()
        assert "Replace the plan in circlesort-plan?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SortScreen)

    drive(test, size=(120, 40), before=decide(Sasha_Petrov="page-follower", John_Smith="move-to-professional"))


def test_w_in_the_app_refuses_a_file_where_the_plan_would_go(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "circlesort-plan").write_text("my own file")

    async def test(pilot, app, ws):
        text = await open_plan(pilot, app)
        assert "Nothing to do yet" in text
        await pilot.press("w")
        await pilot.pause()
        assert "circlesort-plan: a file, not a folder" in screen_text(app)
        assert isinstance(app.screen, PlanScreen)

    drive(test, size=(120, 40), exports=[])
    assert (tmp_path / "circlesort-plan").read_text() == "my own file"


def test_the_plan_screen_shows_the_same_safe_link(tmp_path):
    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        text = screen_text(app)
        links = re.findall(r"(?<![(])https://[^\s)`]+", text)  # not the ones inside the hostile names
        assert "https://www.linkedin.com/in/eve" in links and "evil.org/in/ann" not in text
        assert {urlsplit(link).hostname for link in links} == {"www.instagram.com", "www.linkedin.com"}

    drive(test, size=(160, 80), exports=hostile_exports(tmp_path), before=sort_everyone)


PROBES = ["Bob [/]", "[bold]Ann[/bold]", "[ Jo ]", "John [Work]", "[@click=app.quit]Free prize[/]",
          "[$accent]Mia", "[/"]


def test_hostile_names_render_literally(tmp_path):
    write_tree(tmp_path / "h", {"connections/friends/your_friends.json": meta(
        {"friends_v2": [{"name": n, "timestamp": 1700000000} for n in PROBES]})})

    def everyone_a_page_follower(ws):
        ws.decide([p.id for p in ws.people()], "page-follower")

    async def test(pilot, app, ws):
        text = await open_plan(pilot, app)
        for name in PROBES:
            assert f"invite to follow your Page (set page.url first): {name} " in text, name
            assert f"waits for: {name} follows your Page" in text, name
        assert "\x1b" not in app.export_screenshot()

    drive(test, size=(120, 100), exports=[str(tmp_path / "h")], before=everyone_a_page_follower)


def test_back_while_the_plan_is_worked_out_leaves_once_it_is_saved(tmp_path, monkeypatch):
    """The worker uses the workspace's connection: no decision may be written beside it."""
    import threading

    from circlesort.ui.screens import plan_work

    monkeypatch.chdir(tmp_path)
    go_on = threading.Event()
    real = plan_work.current_plan

    def slow(ws, settings):
        go_on.wait(10)
        return real(ws, settings)

    monkeypatch.setattr(plan_work, "current_plan", slow)

    async def test(pilot, app, ws):
        await pilot.press("P")
        await pilot.pause()
        assert "Working out the plan…" in screen_text(app)
        await pilot.press("w", "escape")  # w waits for the plan; back waits for the worker
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        assert "going back when it is saved" in screen_text(app)
        assert not (tmp_path / "circlesort-plan").exists()
        go_on.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SortScreen)
        await pilot.press("1")  # and the workspace takes a decision again
        await pilot.pause()
        assert "Not saved" not in screen_text(app)

    drive(test, before=decide(Sasha_Petrov="page-follower"))


def test_a_plan_the_disk_refuses_to_save_is_said_and_nothing_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def full(ws, settings):
        raise WorkspaceError(str(ws.path), "the disk is full; what was saved before is kept", "full")

    monkeypatch.setattr("circlesort.ui.screens.plan_work.current_plan", full)

    async def test(pilot, app, ws):
        text = await open_plan(pilot, app)
        assert "The plan could not be saved, so it is not shown" in text and "the disk is full" in text
        await pilot.press("w")
        await pilot.pause()
        assert not (tmp_path / "circlesort-plan").exists()

    drive(test, size=(120, 40))


def test_the_summary_counts_the_steps_left_per_network():
    async def test(pilot, app, ws):
        await pilot.press("slash", *"Sasha Petrov", "enter", "3", "escape", "s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "Sorted 1 of 220 people" in text
        # A Facebook friend: invite to the Page, then unfriend; a LinkedIn connection: removed.
        assert re.search(r"facebook +\d+ +█+ +2 to do", text)
        assert re.search(r"linkedin +\d+ +█+ +1 to do", text)
        assert not re.search(r"instagram +\d+ +█+ +\d+ to do", text)
        assert "To do: the steps your decisions and answers so far still ask of each network" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SortScreen)

    drive(test)


def test_the_summary_counts_without_readable_settings(settings_folder):
    (settings_folder / "settings.yaml").write_text("limits: {linkedin_invitations_per_week: many}\n",
                                                   encoding="utf-8")

    async def test(pilot, app, ws):
        await pilot.press("s")
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "Sorted 0 of 220 people" in text
        assert "Plan sizes need readable settings" in text and "linkedin_invitations_per_week" in text

    drive(test, size=(120, 40))
