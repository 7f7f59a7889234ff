"""The review screen learning from the answers: the queue by value, one per person; pairs the
answers make certain offered together and linked as one undo step; C links above a score."""

from __future__ import annotations

from circlesort.model import Tier
from circlesort.ui.screens.modals import Choose, Confirm
from circlesort.ui.screens.review import ReviewScreen

from .conftest import drive, meta, screen_text, write_tree
from .test_match_short_parts import exports

# Facebook friends with common surnames, and Instagram usernames of their initial and surname:
# each pair a suggestion of one kind ("username: initial and surname"), 0.73. Not namesakes: a
# kind whose doubt is who else has the name teaches nothing (matching/learning.py learnable).
GIVEN = [
    "Odalys",
    "Brisa",
    "Cosmin",
    "Dervla",
    "Eirlys",
    "Fintan",
    "Gwenllian",
    "Hamish",
    "Ilse",
    "Jolien",
    "Kerensa",
]
GIVEN += [
    "Lorcan",
    "Maelle",
    "Niamh",
    "Oisin",
    "Perpetua",
    "Quilla",
    "Rhosyn",
    "Saoirse",
    "Tamsin",
    "Ulrika",
    "Vesna",
]
SURNAMES = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
]
SURNAMES += [
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
]
NAMES = [f"{g} {s}" for g, s in zip(GIVEN, SURNAMES, strict=True)]
HANDLES = [f"{g[0]}{s}".lower() for g, s in zip(GIVEN, SURNAMES, strict=True)]
KIND = "username: initial and surname"
# Answers of the kind before the others are offered: (0.73 * 4 + 16) / 20 = 0.95, and surely so
# (learning.surely: less 1.28 standard deviations, still over 0.88); after 15 it is not.
SURE = 16


def initials(root):
    return exports(root, NAMES, HANDLES)


def linked(ws) -> int:
    """How many of the friends are one person with their Instagram account."""
    return sum(
        ws.person_of(("facebook", n)) == ws.person_of(("instagram", h))
        for n, h in zip(NAMES, HANDLES, strict=True)
    )


async def open_suggestions(pilot, app):
    await pilot.press("m")
    await pilot.pause()
    review = app.screen
    while isinstance(review, ReviewScreen) and review.kind != Tier.POSSIBLE:  # likely links first
        await pilot.press("t")
        await pilot.pause()
    assert isinstance(review, ReviewScreen) and review.kind == Tier.POSSIBLE
    return review


def test_answers_rescore_the_rest_and_the_certain_ones_are_linked_as_one_step(tmp_path):
    async def test(pilot, app, ws):
        review = await open_suggestions(pilot, app)
        assert len(review.pairs) == len(NAMES)
        assert "(score 0.73)" in screen_text(app) and "C links every suggestion" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert linked(ws) == 1 and not isinstance(app.screen, Confirm)
        shown = screen_text(app)
        assert f"you said 1 of 1 pairs like this ({KIND}) were one person" in shown
        assert "(score 0.78)" in shown  # (0.73 * 4 + 1) / 5
        await pilot.press(*"c" * (SURE - 2))  # 15 of 15: (0.73 * 4 + 15) / 19 = 0.94, not yet sure
        await pilot.pause()
        assert not isinstance(app.screen, Confirm) and linked(ws) == SURE - 1
        app.clear_notifications()  # ten toasts of "Linked" would cover the question's words
        await pilot.press("c")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        shown = screen_text(app)
        rest = len(NAMES) - SURE
        assert f"{rest} more pairs now look certain" in shown and f"like “{KIND}”" in shown
        await pilot.press("enter")  # the question names the count and the kind: Enter is yes
        await pilot.pause()
        assert linked(ws) == len(NAMES) and review.pairs == []
        await pilot.press("u")  # the rest in one step
        await pilot.pause()
        assert linked(ws) == SURE and len(review.pairs) == rest

    drive(test, size=(120, 40), exports=initials(tmp_path / "x"))


def test_a_refused_offer_is_not_asked_again_on_the_visit(tmp_path):
    async def test(pilot, app, ws):
        review = await open_suggestions(pilot, app)
        await pilot.press(*"c" * SURE)
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert linked(ws) == SURE and len(review.pairs) == len(NAMES) - SURE
        assert "Probably the same person (score 0.95)" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert not isinstance(app.screen, Confirm) and linked(ws) == SURE + 1

    drive(test, size=(80, 24), exports=initials(tmp_path / "x"))


def test_rejections_lower_the_others(tmp_path):
    async def test(pilot, app, ws):
        await open_suggestions(pilot, app)
        await pilot.press("r", "r")
        await pilot.pause()
        shown = screen_text(app)
        assert "you said 0 of 2 pairs like this" in shown and "(score 0.49)" in shown  # 0.73 * 4 / 6
        assert linked(ws) == 0 and len(ws.rules("not_same")) == 2

    drive(test, size=(120, 40), exports=initials(tmp_path / "x"))


def test_capital_c_asks_for_a_score_then_links_all_above_it(tmp_path):
    async def test(pilot, app, ws):
        review = await open_suggestions(pilot, app)
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, Choose)
        shown = screen_text(app)
        assert "0.80:" not in shown  # no pair scores so much
        assert f"0.70: {len(NAMES)} pairs" in shown and f"0.62: {len(NAMES)} pairs" in shown
        await pilot.press("escape")  # nothing linked
        await pilot.pause()
        assert linked(ws) == 0
        await pilot.press("C", "1")
        await pilot.pause()
        assert linked(ws) == len(NAMES) and review.pairs == []
        assert f"Linked {len(NAMES)} pairs" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert linked(ws) == 0 and len(review.pairs) == len(NAMES)

    drive(test, size=(120, 40), exports=initials(tmp_path / "x"))


def test_one_suggestion_per_person_and_the_bigger_people_first(tmp_path):
    root = tmp_path / "x"
    names = ["John Smith", "Maria Garcia", "David Johnson"]
    friends = {"friends_v2": [{"name": n, "timestamp": 1700000000} for n in names]}
    write_tree(root, {"connections/friends/your_friends.json": meta(friends)})
    # two John Smiths in the contacts: two suggestions touch Facebook's John Smith
    vcards = "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{n}\r\nEND:VCARD\r\n" for n in names)
    vcards += "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:John Smith\r\nEMAIL:js2@example.org\r\nEND:VCARD\r\n"
    (root / "contacts.vcf").write_text(vcards, encoding="utf-8")

    async def test(pilot, app, ws):
        review = await open_suggestions(pilot, app)
        john = ("facebook", "John Smith")
        assert len([p for p in review.pairs if john in (p.a, p.b)]) <= 1
        assert len([p for p in ws.pairs(Tier.POSSIBLE) if john in (p.a, p.b)]) == 2

    drive(test, size=(120, 40), exports=[str(root)])


def test_not_the_same_answers_every_suggestion_between_the_same_two_people(tmp_path):
    """Facebook's John Smith against the contact John Smith, who is linked to a LinkedIn John
    Smith: one "not the same" keeps the two people apart, so the LinkedIn pair leaves too."""

    async def test(pilot, app, ws):
        review = await open_suggestions(pilot, app)
        fb = ("facebook", "John Smith")
        touching = [p for p in ws.pairs(Tier.POSSIBLE) if fb in (p.a, p.b)]
        others = {p.b if p.a == fb else p.a for p in touching}
        assert len(touching) >= 2 and len(set(ws.persons_of(others).values())) == 1  # one person
        review.index = next(n for n, p in enumerate(review.pairs) if fb in (p.a, p.b))
        await pilot.press("r")
        await pilot.pause()
        assert not any(fb in (p.a, p.b) for p in review.pairs)
        assert "in all, one per person at a time" in screen_text(app)

    drive(test, size=(120, 40))


def test_capital_c_offers_only_scores_some_pair_reaches(tmp_path):
    async def test(pilot, app, ws):
        await open_suggestions(pilot, app)
        await pilot.press("C")
        await pilot.pause()
        shown = screen_text(app)
        assert "0 pairs" not in shown and "0.62:" in shown

    drive(test, size=(120, 40))
