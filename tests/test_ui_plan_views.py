"""The plan screen's views and network filter, its links (o), its copies (c), its progress, and the
way to the settings (,)."""

from __future__ import annotations

from .conftest import drive
from .test_ui_plan import decide, detail, flat, goto, listed, open_plan, panel, settings_folder, settle

__all__ = ["settings_folder"]  # the fixture: the default settings for every test here

PEOPLE = decide(
    Amara_Wang="move-to-professional", Chris_Evans="move-to-professional", Sasha_Petrov="page-follower"
)


def test_v_cycles_the_views_and_n_the_networks():
    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        assert "View due now" in panel(app, "plan-status") and "Network all" in panel(app, "plan-status")
        assert "Due now ·" in listed(app) and "Waiting ·" in listed(app)
        await goto(pilot, app, "Chris Evans", "follow_from")
        await pilot.press("space")
        await settle(pilot, app)
        await pilot.press("v")
        assert "View waiting" in panel(app, "plan-status")
        assert listed(app).startswith("Waiting · 3") and "Due now" not in listed(app)
        await pilot.press("v")
        assert "View done" in panel(app, "plan-status")
        assert listed(app) == "Done · 1 | ✓ X Chris Evans follow from your professional X done"
        await pilot.press("v")
        assert "View all" in panel(app, "plan-status")
        assert all(title in listed(app) for title in ("Due now ·", "Waiting · 3", "Done · 1"))
        await pilot.press("v", "n")
        assert "View due now" in panel(app, "plan-status")
        first = panel(app, "plan-status").split("Network ")[1].split()[0]
        shown = {part.split()[1] for part in listed(app).split(" | ") if not part[0].isupper()}
        assert shown == {first}, listed(app)
        for _ in range(10):
            await pilot.press("n")
            if "Network LinkedIn" in panel(app, "plan-status"):
                break
        assert "LinkedIn Amara Wang send a LinkedIn invitation" in listed(app)
        assert "Facebook" not in listed(app) and "X Chris" not in listed(app)

    drive(test, size=(120, 40), before=PEOPLE)


def test_the_list_keys_move_the_cursor_and_the_detail_follows():
    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        first = detail(app)
        await pilot.press("j")
        assert detail(app) != first
        await pilot.press("k")
        assert detail(app) == first
        await pilot.press("G")
        assert detail(app).startswith("Sasha Petrov LinkedIn remove the connection")  # the last waiting step
        await pilot.press("g")
        assert detail(app) == first
        await pilot.press("pagedown", "up", "down")
        assert app.screen.step_list.cursor > 1

    drive(test, size=(120, 40), before=PEOPLE)


def test_o_opens_the_highlighted_link_and_the_url_stays_on_screen():
    opened: list[str] = []

    async def test(pilot, app, ws):
        app.url_opener = lambda url: opened.append(url) or False  # no browser here: the URL is the answer
        await open_plan(pilot, app)
        await goto(pilot, app, "Amara Wang", "connect")
        url = "https://www.linkedin.com/search/results/people/?keywords=amara%20wang"
        assert f"link {url} o opens it" == panel(app, "link")
        await pilot.press("o")
        await settle(pilot, app)
        assert opened == [url]
        assert "No browser could be" in flat(app)  # the notice; the URL stays beside the list
        assert f"link {url}" in panel(app, "link")

    drive(test, size=(120, 40), before=PEOPLE)


def test_c_copies_the_filled_message_or_the_name_and_shows_it(settings_folder):
    (settings_folder / "settings.yaml").write_text(
        "page: {name: Maya Photo, url: 'https://www.facebook.com/mayaphoto'}\n", encoding="utf-8"
    )
    copied: list[str] = []

    async def test(pilot, app, ws):
        app.copy_to_clipboard = copied.append  # what Textual sends the terminal (OSC 52)
        await open_plan(pilot, app)
        await goto(pilot, app, "Sasha Petrov", "invite_to_page")
        await pilot.press("c")
        message = (
            "Hi Sasha, I now share my work on Maya Photo: https://www.facebook.com/mayaphoto. I'd be "
            "glad to see you there!"
        )
        assert copied == [message]
        assert (
            panel(app, "copied") == f"Copied (where the terminal does not take it, select it here): {message}"
        )
        await goto(pilot, app, "Amara Wang", "connect")  # no message: the name, to paste in a search
        await pilot.press("c")
        assert copied[-1] == "Amara Wang" and panel(app, "copied").endswith(": Amara Wang")

    drive(test, size=(120, 40), before=PEOPLE)


def test_the_progress_shows_each_network_each_limit_and_the_time_left():
    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        progress = panel(app, "progress")
        assert "LinkedIn ████░░░░ 0 done · 1 due · 1 waiting" in progress
        assert "LinkedIn: 0 of 100 invitations this week" in progress
        assert "Facebook: 0 of 100 Page invitations today" in progress
        assert "Facebook: 0 of 50 unfriends today" in progress
        assert "steps left, about" in progress and "all of it today." in progress
        await goto(pilot, app, "Amara Wang", "connect")
        await pilot.press("space")
        assert "LinkedIn: 1 of 100 invitations this week" in panel(app, "progress")  # before the worker
        assert "LinkedIn ░░░░░░░░ 0 done · 0 due · 2 waiting" in panel(app, "progress")

    drive(test, size=(120, 40), before=PEOPLE)


def test_p_hides_the_progress_and_a_small_terminal_starts_without_it():
    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        assert "invitations this week" not in flat(app)
        await pilot.press("p")
        assert "LinkedIn: 0 of 100 invitations this week" in flat(app)
        assert "Due now ·" in flat(app)

    drive(test, size=(80, 24), before=PEOPLE)


def test_comma_opens_the_settings_and_the_plan_follows_them_back(settings_folder):
    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        await goto(pilot, app, "Sasha Petrov", "invite_to_page")
        assert "⚠ set page.url first" in detail(app)
        plan_screen = app.screen
        await pilot.press("comma")
        await pilot.pause()
        if not hasattr(app, "action_open_settings"):
            assert "settings.yaml" in flat(app)
            return
        assert app.screen is not plan_screen  # the settings screen, over the plan
        (settings_folder / "settings.yaml").write_text(  # as saving there would
            "page: {name: Maya Photo, url: 'https://www.facebook.com/mayaphoto'}\n", encoding="utf-8"
        )
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is plan_screen
        assert "Facebook Sasha Petrov invite to follow Maya Photo today" in listed(app)
        assert "⚠ set page.url first" not in detail(app)

    drive(test, size=(120, 40), before=PEOPLE)
