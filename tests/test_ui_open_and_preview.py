"""`o` opens the highlighted person's profile (sorting card, requests queue), and the sorting card
says what each of 1, 2 and 3 would ask of each of the person's networks, as the plan then holds."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from textual.content import Content

from circlesort.planning.current import current_plan, set_state
from circlesort.planning.preview import consequences
from circlesort.planning.settings import load_settings, settings_path
from circlesort.planning.steps import Phase, StepState
from circlesort.planning.words import short_action
from circlesort.ui.screens.requests import RequestsScreen
from circlesort.ui.widgets.person_card import pack
from circlesort.workspace.detail import person_detail

from .conftest import HOSTILE, drive, meta, screen_text, write_tree

ALMA = (
    "1 → nothing to do",
    "2 → LinkedIn: connect · Facebook: unfriend after · Instagram: remove follower after",
    "3 → Facebook: invite to your Page, unfriend after",
)


def recorder(app) -> list[str]:
    """Every URL the app hands to the browser, instead of a browser."""
    urls: list[str] = []
    app.url_opener = lambda url: urls.append(url) or True
    return urls


async def find(pilot, name: str) -> None:
    await pilot.press("escape", "slash", *name, "enter")
    await pilot.pause()
    assert pilot.app.screen.people.current.name == name


async def press_o(pilot) -> None:
    await pilot.press("o")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def flat(app) -> str:
    return " ".join(screen_text(app).split())


def screen_rows(app) -> list[str]:
    """The screen row by row, from the SVG screenshot (its text spans grouped by their y)."""
    rows: dict[float, list[str]] = {}
    for y, text in re.findall(r'<text[^>]*?y="([\d.]+)"[^>]*>([^<]*)</text>', app.export_screenshot()):
        rows.setdefault(float(y), []).append(html.unescape(text).replace("\xa0", " "))
    return ["".join(parts) for _, parts in sorted(rows.items())]


def test_o_on_the_card_opens_the_first_account_and_shows_the_url():
    async def test(pilot, app, ws):
        urls = recorder(app)
        await find(pilot, "Ada Quill")  # on LinkedIn, with the profile link the export gave
        await press_o(pilot)
        await find(pilot, "Alma Silva")  # Facebook first, whose export has no profile links
        await press_o(pilot)
        assert urls == [
            "https://www.linkedin.com/in/adaquill",
            "https://www.facebook.com/search/people/?q=alma%20silva",
        ]
        text = flat(app)
        assert "Opened in your browser" in text and "q=alma%20silva" in text

    drive(test, size=(160, 40))


def test_o_on_the_requests_screen_opens_the_highlighted_requests_account():
    async def test(pilot, app, ws):
        urls = recorder(app)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RequestsScreen)
        await press_o(pilot)
        first = screen.current.account
        wanted = [r.account.display_name for r in screen.requests].index("Priya Sharma")
        await pilot.press(*"j" * wanted)
        await press_o(pilot)
        assert first.display_name == "Noah Brennan"
        assert urls[0] == "https://www.facebook.com/search/people/?q=noah%20brennan"
        assert urlsplit(urls[1]).hostname == "www.linkedin.com" and len(urls) == 2
        assert "Open" in screen_text(app)  # in the footer

    drive(test, size=(120, 40))


def test_the_card_says_what_each_key_asks_and_the_plan_then_holds_it():
    async def test(pilot, app, ws):
        await find(pilot, "Alma Silva")  # a Facebook friend who follows you on Instagram
        text = flat(app)
        for line in ALMA:
            assert line in text
        person = app.screen.people.current.id
        await pilot.press("2")
        plan = current_plan(ws, load_settings())
        held = sorted(
            (s.step.network, short_action(s.step), bool(s.step.depends_on))
            for s in plan.steps
            if s.step.person == person and s.step.phase != Phase.ANSWER
        )
        detail = person_detail(ws, person)
        shown = consequences(detail.as_person("Alma Silva", "undecided"), detail.answers, load_settings())
        assert (
            held
            == sorted(shown["move-to-professional"])
            == [
                ("facebook", "unfriend", True),
                ("instagram", "remove follower", True),
                ("linkedin", "connect", False),
            ]
        )

    drive(test, size=(260, 40))  # wide enough that each key's line holds on one row


def test_a_removal_done_earlier_shows_the_way_back_as_the_plan_does():
    def before(ws):
        amara = next(p.id for p in ws.people() if p.name == "Amara Wang")
        ws.decide([amara], "move-to-professional")
        unfriend = next(
            s.step.id for s in current_plan(ws, load_settings()).steps if s.step.kind == "unfriend"
        )
        set_state(ws, [unfriend], StepState.DONE, "unfriended")

    async def test(pilot, app, ws):
        await find(pilot, "Amara Wang")
        text = flat(app)
        assert "1 → Facebook: add friend again" in text
        assert "2 → LinkedIn: connect · Facebook: unfriend after" in text
        await pilot.press("1")
        held = [s.step.kind for s in current_plan(ws, load_settings()).live() if s.step.name == "Amara Wang"]
        assert held == ["add_friend"]

    drive(test, size=(200, 40), before=before)


def test_the_lines_fit_a_small_terminal_a_network_to_a_row_named_as_the_list_names_it():
    async def test(pilot, app, ws):
        await find(pilot, "Alma Silva")
        rows = [row.split("▊")[-1].strip() for row in screen_rows(app)]
        for words in (
            "1 → nothing to do",
            "2 → in: connect",
            "fb: unfriend after",
            "ig: remove follower after",
            "3 → fb: invite to your Page,",
            "unfriend after",
        ):
            assert words in rows, words
        text = screen_text(app)
        assert "Keys" in text  # the footer still holds ? (o Open leaves it by width: ui/footer.py)

    drive(test, size=(92, 24))  # the card beside the list, narrow (below 90 columns it goes under)


def test_pack_keeps_each_network_whole_and_names_networks_short_when_narrow():
    groups = [
        ("linkedin", [Content("connect")]),
        ("facebook", [Content("invite to your Page"), Content("unfriend after")]),
        ("contacts", [Content("label Page")]),
        ("instagram", [Content("remove follower after")]),
    ]
    assert [c.plain for c in pack(groups, 90)] == [
        "LinkedIn: connect · Facebook: invite to your Page, unfriend after · Contacts: label Page",
        "Instagram: remove follower after",
    ]
    # a network broken between its steps: the next one starts a row of its own
    assert [c.plain for c in pack(groups, 42)] == [
        "LinkedIn: connect",
        "Facebook: invite to your Page,",
        "  unfriend after",
        "Contacts: label Page",
        "Instagram: remove follower after",
    ]
    narrow = [c.plain for c in pack(groups, 20)]
    assert narrow == [
        "in: connect",
        "fb: invite to your",
        "  Page,",
        "  unfriend after",
        "co: label Page",
        "ig: remove",
        "  follower after",
    ]
    assert [c.plain for c in pack([], 20)] == ["nothing to do"]


def test_hostile_names_on_the_card_and_in_the_link(tmp_path):
    names = ["Bob [/]", "[bold]Ann[/bold]", "John [Work]", "[@click=app.quit]Free prize[/]"]
    assert set(names) <= set(HOSTILE)
    write_tree(
        tmp_path / "h",
        {
            "connections/friends/your_friends.json": meta(
                {"friends_v2": [{"name": n, "timestamp": 1700000000} for n in names]}
            )
        },
    )

    async def test(pilot, app, ws):
        urls = recorder(app)
        for name in names:
            await find(pilot, name)
            text = flat(app)
            assert name in text and "2 → LinkedIn: connect · Facebook: unfriend after" in text
            await press_o(pilot)
            parts = urlsplit(urls[-1])
            assert (parts.scheme, parts.hostname) == ("https", "www.facebook.com")
            assert not set(urls[-1]) & set("[] ")
            assert urls[-1] in flat(app)  # the notification shows it literally
        assert "\x1b" not in app.export_screenshot()

    drive(test, size=(200, 40), exports=[str(tmp_path / "h")])


def test_a_broken_settings_file_leaves_the_card_working_without_the_lines():
    def before(ws):
        path = settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("facebook_professional: maybe\n", encoding="utf-8")

    async def test(pilot, app, ws):
        urls = recorder(app)
        await find(pilot, "Alma Silva")
        text = flat(app)
        assert "Alma Silva" in text and "friends since" in text
        assert "→ nothing to do" not in text and "2 → " not in text
        await press_o(pilot)
        await pilot.press("2")
        assert urls and ws.categories_of([app.screen.people.current.id])

    drive(test, size=(200, 40), before=before)
