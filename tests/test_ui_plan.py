"""The plan screen (P) and the summary screen (s) show the workspace's current plan: what is due
now, then what waits and for what, the settings the plan lacks; w writes it. The keys that carry
the plan out are in test_ui_plan_ticks.py, views, links and copies in test_ui_plan_views.py."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from circlesort.ui.screens.modals import Confirm
from circlesort.ui.screens.plan import PlanScreen
from circlesort.ui.screens.plan_rows import PlanRow
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


def flat(app) -> str:
    return " ".join(screen_text(app).split())


def listed(app) -> str:
    """The list's lines as drawn, every one of them (not only those scrolled into view), one text."""
    from rich.style import Style

    screen = app.screen
    width = screen.step_list.size.width
    out = [
        line if isinstance(line, str) else "".join(seg.text for seg in screen._draw(line, width, Style()))
        for line in screen.step_list.lines
    ]
    return " ".join(" | ".join(out).split())


async def settle(pilot, app) -> None:
    """Until the worker has saved what was ticked and the new plan is drawn."""
    await app.workers.wait_for_complete()
    await pilot.pause()


async def open_plan(pilot, app) -> str:
    if isinstance(app.screen, Confirm):  # the app's one-time offer to fill in the settings
        await pilot.press("n")
        await pilot.pause()
    await pilot.press("P")
    await settle(pilot, app)
    assert isinstance(app.screen, PlanScreen)
    return flat(app)


def panel(app, name: str) -> str:
    """A part of the screen as one line: detail (the highlighted step in full), notes, copied,
    progress, plan-status."""
    return " ".join(str(app.screen.query_one(f"#{name}").content).split())


def detail(app) -> str:
    return panel(app, "detail")


def rows(app) -> list[PlanRow]:
    return [line for line in app.screen.step_list.lines if isinstance(line, PlanRow)]


async def goto(pilot, app, name: str, kind: str = "") -> PlanRow:
    """Put the cursor on the row of ``name``'s step (of ``kind``), as j/k would."""
    screen = app.screen
    for i, line in enumerate(screen.step_list.lines):
        if isinstance(line, PlanRow) and not line.file:
            step = screen.steps[line.id].step
            if step.name == name and (not kind or step.kind == kind):
                screen.step_list.move_to(i)
                await pilot.pause()
                return line
    raise AssertionError(f"no row for {name} {kind} in {screen.view}")


def section(text: str, title: str, after: str | None = None) -> str:
    """The screen's text from a section's heading to the next one."""
    start = text.index(title)
    return text[start : text.index(after, start)] if after else text[start:]


def test_it_opens_on_what_is_due_now_then_what_waits_and_for_what(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def test(pilot, app, ws):
        assert "View due now" in await open_plan(pilot, app)
        text = listed(app)
        assert "Network all" in flat(app)
        due = section(text, "Due now · 1", "Waiting · 1")
        assert "○ LinkedIn Amara Wang send a LinkedIn invitation today" in due
        assert "… Facebook Amara Wang unfriend waiting" in section(text, "Waiting · 1")
        assert "Amara Wang" in detail(app) and "send a LinkedIn invitation" in detail(app)
        assert "https://www.linkedin.com/search/results/people/?keywords=amara%20wang" in panel(app, "link")
        await goto(pilot, app, "Amara Wang", "unfriend")
        assert "waits for: Amara Wang accepts on LinkedIn" in detail(app)
        assert "id unfriend/facebook/" in detail(app)

    drive(test, size=(120, 40), before=decide(Amara_Wang="move-to-professional"))


def test_an_invitation_sent_and_one_skipped_move_their_steps(tmp_path, monkeypatch):
    from circlesort.planning.current import current_plan, set_state
    from circlesort.planning.settings import load_settings
    from circlesort.planning.steps import StepState

    monkeypatch.chdir(tmp_path)

    def before(ws):
        decide(Amara_Wang="move-to-professional", Ana_Demir="move-to-professional")(ws)
        connect = {
            s.step.name: s.step.id
            for s in current_plan(ws, load_settings()).steps
            if s.step.kind == "connect"
        }
        set_state(ws, [connect["Amara Wang"]], StepState.SENT, "sent")
        set_state(ws, [connect["Ana Demir"]], StepState.SKIPPED, "skipped")

    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        text = listed(app)
        assert "? Facebook Ana Demir unfriend remove anyway?" in section(text, "Due now", "Waiting")
        waiting = section(text, "Waiting")
        assert "→ LinkedIn Amara Wang send a LinkedIn invitation sent" in waiting
        assert "… Facebook Amara Wang unfriend waited 0d" in waiting
        await goto(pilot, app, "Ana Demir", "unfriend")
        assert "Ana Demir accepts on LinkedIn (skipped): remove anyway?" in detail(app)
        assert "r remove anyway" in detail(app)
        await goto(pilot, app, "Amara Wang", "unfriend")
        assert "waits for: Amara Wang accepts on LinkedIn waited 0 of 14 days" in detail(app)

    drive(test, size=(120, 60), before=before)


def test_the_settings_the_plan_lacks_are_said_with_how_to_set_them(tmp_path, monkeypatch, settings_folder):
    monkeypatch.chdir(tmp_path)

    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        text = panel(app, "notes")
        assert "Your Page is not set: page.name and page.url in the settings" in text
        assert "circlesort plan --init-settings" in text
        assert f"Settings file: {settings_folder / 'settings.yaml'} (not written yet)" in text
        assert "Facebook Sasha Petrov invite to follow your Page ⚠ page.url" in listed(app)
        await goto(pilot, app, "Sasha Petrov", "invite_to_page")
        assert "invite to follow your Page (set page.url first)" in detail(app)
        assert "⚠ set page.url first" in detail(app)

    drive(test, size=(120, 40), before=decide(Sasha_Petrov="page-follower"))


def test_a_set_page_leaves_no_note_and_names_the_page(tmp_path, monkeypatch, settings_folder):
    monkeypatch.chdir(tmp_path)
    (settings_folder / "settings.yaml").write_text(
        "page: {name: Maya Photo, url: 'https://www.facebook.com/mayaphoto'}\n", encoding="utf-8"
    )

    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        text = panel(app, "notes")
        assert "Your Page is not set" not in text and "⚠ page.url" not in listed(app)
        assert "Facebook Sasha Petrov invite to follow Maya Photo today" in listed(app)
        await goto(pilot, app, "Sasha Petrov", "unfriend")
        assert "waits for: Sasha Petrov follows Maya Photo" in detail(app)

    drive(test, size=(120, 40), before=decide(Sasha_Petrov="page-follower"))


def test_w_writes_the_plan_beside_the_workspace_and_asks_before_replacing_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        await pilot.press("w")
        await pilot.pause()
        out = ws.path.parent.absolute() / "default-plan"  # under the workspace's folder, whatever the cwd
        assert (out / "PLAN.md").exists() and not (tmp_path / "circlesort-plan").exists()
        assert any(f"Plan written to {out}:" in n.message for n in app._notifications)  # the absolute path
        await pilot.press("w")  # again: asks before replacing
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and app.screen.question == f"Replace the plan in {out}?"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SortScreen)

    drive(
        test, size=(120, 40), before=decide(Sasha_Petrov="page-follower", John_Smith="move-to-professional")
    )


def test_w_in_the_app_refuses_a_file_where_the_plan_would_go(tmp_path):
    def before(ws):
        (ws.path.parent / "default-plan").write_text("my own file")

    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        assert "Nothing to do yet" in panel(app, "notes")
        await pilot.press("w")
        await pilot.pause()
        assert any("default-plan: a file, not a folder" in n.message for n in app._notifications)
        assert isinstance(app.screen, PlanScreen)
        assert (ws.path.parent / "default-plan").read_text() == "my own file"

    drive(test, size=(120, 40), exports=[], before=before)


def test_the_plan_screen_shows_the_same_safe_link(tmp_path):
    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        await pilot.press("v", "v", "v")  # all
        links, shown = set(), ""
        for row in rows(app):
            if row.file:
                continue
            app.screen.step_list.move_to(app.screen.step_list.lines.index(row))
            await pilot.pause()
            shown += panel(app, "link") + " "
            links.update(re.findall(r"link (https://\S+)", panel(app, "link")))
        assert "https://www.linkedin.com/in/eve" in links and "evil.org" not in " ".join(links)
        assert "javascript" not in " ".join(links) and "link https://www.linkedin.com/in/eve" in shown
        assert {urlsplit(link).hostname for link in links} <= {
            "www.instagram.com",
            "www.linkedin.com",
            "www.facebook.com",
            "x.com",
        }

    drive(test, size=(160, 60), exports=hostile_exports(tmp_path), before=sort_everyone)


PROBES = [
    "Bob [/]",
    "[bold]Ann[/bold]",
    "[ Jo ]",
    "John [Work]",
    "[@click=app.quit]Free prize[/]",
    "[$accent]Mia",
    "[/",
]


def test_hostile_names_render_literally(tmp_path):
    write_tree(
        tmp_path / "h",
        {
            "connections/friends/your_friends.json": meta(
                {"friends_v2": [{"name": n, "timestamp": 1700000000} for n in PROBES]}
            )
        },
    )

    def everyone_a_page_follower(ws):
        ws.decide([p.id for p in ws.people()], "page-follower")

    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        text = listed(app)
        for name in PROBES:
            assert f"Facebook {name[:15]}" in text, name
            await goto(pilot, app, name, "invite_to_page")
            assert detail(app).startswith(f"{name} Facebook invite to follow your Page (set page.url first)")
            await goto(pilot, app, name, "unfriend")
            assert f"waits for: {name} follows your Page" in detail(app), name
        await pilot.press("c")
        await pilot.pause()
        assert "\x1b" not in app.export_screenshot()

    drive(test, size=(120, 60), exports=[str(tmp_path / "h")], before=everyone_a_page_follower)


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
        if isinstance(app.screen, Confirm):
            await pilot.press("n")
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
        await open_plan(pilot, app)
        text = detail(app)
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
        assert "Sorted 1 of 201 people" in text
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
    (settings_folder / "settings.yaml").write_text(
        "limits: {linkedin_invitations_per_week: many}\n", encoding="utf-8"
    )

    async def test(pilot, app, ws):
        await pilot.press("s")
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "Sorted 0 of 201 people" in text
        assert "Plan sizes need readable settings" in text and "linkedin_invitations_per_week" in text

    drive(test, size=(120, 40))
