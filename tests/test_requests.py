"""The requests queue: headless and on screen, answers as decisions, and newer exports."""

from __future__ import annotations

import json
import re

from circlesort.model import Account, Network
from circlesort.ui.screens.modals import Confirm
from circlesort.ui.screens.requests import RequestsScreen, age_words
from circlesort.workspace import Workspace, import_paths
from circlesort.workspace.requests import Request, grouped, queue

from .conftest import drive, meta, screen_text, write_zip
from .test_cli import run


def test_requests_json_lists_every_pending_request_oldest_first():
    run("import", "sample_exports")
    p = run("requests", "--json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["version"] == 1
    incoming = [r for r in data["requests"] if r["direction"] == "incoming"]
    outgoing = [r for r in data["requests"] if r["direction"] == "outgoing"]
    assert [(r["network"], r["name"]) for r in incoming] == [
        ("facebook", "Noah Brennan"),
        ("facebook", "Mark Taylor"),
        ("facebook", "Łukasz Wójcik"),
        ("instagram", "noah.b_"),
        ("linkedin", "Priya Sharma"),
    ]
    assert {r["name"] for r in outgoing} == {"hannah.b.design", "Ines Okafor", "Ada Quill"}
    priya = incoming[-1]
    assert priya["message"].startswith("Hi Maya, we met at the Lisbon design meetup")
    assert (
        priya["since"].startswith("2026-09-13")
        and priya["answer"] is None
        and priya["person"].startswith("p-")
    )
    assert set(priya) == {"network", "key", "name", "direction", "since", "message", "person", "answer"}


def test_requests_text_says_who_they_are_elsewhere_and_what_to_answer():
    run("import", "sample_exports")
    out = run("requests").stdout
    assert out.startswith("5 requests waiting for you, 3 you sent still pending.")
    assert "also on linkedin (connection): Backend Engineer at Proseware" in out
    assert "suggested: decline, and connect on LinkedIn instead (professional)" in out
    assert "“Hi Maya, we met at the Lisbon design meetup. Would love to connect!”" in out


def test_one_key_per_answer_saved_undoable_and_setting_the_category():
    async def test(pilot, app, ws):
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RequestsScreen)
        assert "Requests: 5 waiting for an answer" in screen_text(app)
        await pilot.press("1")  # Noah Brennan: accept (personal)
        await pilot.press("2")  # Mark Taylor: decline, connect on LinkedIn
        await pilot.press("3")  # Łukasz Wójcik: decline, invite to the Page
        await pilot.press("l")  # noah.b_: later
        answers = {r.account.display_name: r.answer for r in queue(ws)}
        assert (
            answers["Noah Brennan"],
            answers["Mark Taylor"],
            answers["Łukasz Wójcik"],
            answers["noah.b_"],
        ) == ("accept", "decline-linkedin", "decline-page", "later")
        cats = {p.name: p.category for p in ws.people()}
        assert cats["Noah Brennan"] == "keep-personal" and cats["Łukasz Wójcik"] == "page-follower"
        await pilot.press("u")
        assert {r.account.display_name: r.answer for r in queue(ws)}["noah.b_"] is None
        await pilot.press("j", "j", "j", "d")  # an outgoing one: withdraw
        assert "withdraw" in {r.answer for r in queue(ws)}
        await pilot.press("k", "k", "k", "k", "d")  # withdraw is only for sent requests
        await pilot.pause()
        assert "Withdraw is for requests you sent" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Sorted 3 of 201" in screen_text(app)

    drive(test, size=(120, 36))


def test_a_request_answered_elsewhere_leaves_the_queue_and_answers_stay(tmp_path):
    def facebook(name, requests):
        data = {"received_requests_v2": [{"name": n, "timestamp": 1700000000} for n in requests]}
        return str(
            write_zip(tmp_path / name, {"connections/friends/received_friend_requests.json": meta(data)})
        )

    with Workspace.open() as ws:
        import_paths(ws, [facebook("fb-1.zip", ["Aino Kettunen", "Bruno Salgado"])])
        first = {r.account.display_name: r for r in queue(ws)}
        assert set(first) == {"Aino Kettunen", "Bruno Salgado"}
        from circlesort.workspace.requests import answer

        answer(ws, first["Aino Kettunen"], "later")
        import_paths(ws, [facebook("fb-2.zip", ["Aino Kettunen"])])  # Bruno's was answered on Facebook
        second = {r.account.display_name: r for r in queue(ws)}
        assert set(second) == {"Aino Kettunen"} and second["Aino Kettunen"].answer == "later"


def test_hostile_names_and_messages_on_the_requests_screen(tmp_path):
    names = ["Bob [/]", "[bold]Ann[/bold]", "John [Work]"]
    data = {"received_requests_v2": [{"name": n, "timestamp": 1700000000} for n in names]}
    path = str(
        write_zip(tmp_path / "fb.zip", {"connections/friends/received_friend_requests.json": meta(data)})
    )

    async def test(pilot, app, ws):
        await pilot.press("r")
        await pilot.pause()
        text = screen_text(app)
        assert all(n in text for n in names)
        await pilot.press("1", "u")
        await pilot.pause()
        assert "Undone: " in screen_text(app)

    drive(test, size=(120, 36), exports=[path])


def test_the_other_keys_of_the_requests_screen():
    async def test(pilot, app, ws):
        await pilot.press("r", "p")  # the letter alias of 1, as on the sorting screen
        first = queue(ws)[0]
        assert first.answer == "accept"
        await pilot.press("k", "x")  # back on it: no answer
        assert queue(ws)[0].answer is None
        await pilot.press("u", "U")  # undo the clearing, redo it
        assert queue(ws)[0].answer is None
        await pilot.press("k", "w")
        assert queue(ws)[0].answer == "decline-linkedin"
        await pilot.press("f")
        assert queue(ws)[1].answer == "decline-page"
        await pilot.press("q")
        await pilot.pause()
        assert type(app.screen).__name__ == "SortScreen"

    drive(test, size=(120, 36))


def test_answers_that_do_not_fit_a_sent_request_are_refused_with_a_reason():
    async def test(pilot, app, ws):
        await pilot.press("r", *"jjjjjjj", "1")  # the last one is a request Maya sent
        await pilot.pause()
        assert "This is a request you sent: d withdraws it" in screen_text(app)
        assert all(r.answer is None for r in queue(ws))

    drive(test, size=(120, 36))


def test_requests_speak_the_sorting_screens_keys_with_ages_in_words():
    async def test(pilot, app, ws):
        await pilot.press("r", "G")
        await pilot.pause()
        screen = app.screen
        assert screen.current.account.display_name == "Ada Quill"  # G: the last row
        await pilot.press("home")
        assert screen.current.account.display_name == "Noah Brennan"
        await pilot.press("end", "g")
        assert screen.current.account.display_name == "Noah Brennan"
        text = screen_text(app)
        assert re.search(r"\b\d+ months\b", text) and re.search(r"\b\d+ years\b", text)  # ages in words
        assert "1 Accept as personal" in text and "2 Decline, connect on LinkedIn" in text
        await pilot.press("a")  # Noah has no suggestion: nothing answered, and it says so
        await pilot.pause()
        assert "No suggested answer" in screen_text(app) and queue(ws)[0].answer is None
        await pilot.press("j", "j", "j", "l")  # noah.b_ later, and on to Priya Sharma, on LinkedIn
        assert screen.current.account.display_name == "Priya Sharma"
        app.clear_notifications()
        await pilot.pause()
        text = screen_text(app)
        assert "2 Accept as professional" in text
        assert "Requests: 5 waiting for an answer" in text  # later is not answered
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and "Answer 3 requests as suggested" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        answers = {r.account.display_name: r.answer for r in queue(ws)}
        assert (
            answers["Priya Sharma"] == "decline-linkedin" and answers["Łukasz Wójcik"] == "decline-linkedin"
        )
        assert answers["noah.b_"] == "later" and answers["Noah Brennan"] is None
        # Mark Taylor wrote to Maya on Messenger last year: the rules take him as a friend.
        assert answers["Mark Taylor"] == "accept"
        await pilot.press("u")  # one undo takes the three back
        answers = {r.account.display_name: r.answer for r in queue(ws)}
        assert answers["Priya Sharma"] is None and answers["Łukasz Wójcik"] is None
        assert answers["Mark Taylor"] is None

    drive(test, size=(80, 24))


def test_the_same_persons_requests_on_several_networks_are_together():
    def request(person: str, network: str, since: str) -> Request:
        account = Account(Network(network), person + network, person)
        return Request(account, "incoming", since, None, person, None, ())

    found = [
        request("ann", "facebook", "2020"),
        request("bob", "facebook", "2021"),
        request("ann", "instagram", "2022"),
    ]
    assert [(r.person, r.account.network) for r in grouped(found)] == [
        ("ann", "facebook"),
        ("ann", "instagram"),
        ("bob", "facebook"),
    ]
    assert [age_words(d) for d in (0, 1, 5, 21, 200, 4100)] == [
        "today",
        "1 day",
        "5 days",
        "3 weeks",
        "6 months",
        "11 years",
    ]
