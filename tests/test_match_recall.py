"""What matching finds beyond exact names: typing slips, short forms in other languages, one name
in two languages (weaker), and how many people two networks share, read from the exports."""

from __future__ import annotations

from circlesort.matching.blocking import candidates
from circlesort.matching.frequency import TYPICAL_OVERLAP, Frequencies
from circlesort.matching.names import compare_names, name_level
from circlesort.matching.normalize import parse
from circlesort.matching.profile import profile_of
from circlesort.matching.score import compare, tier_of
from circlesort.model import Account, Tie, Tier


def li(first: str, last: str, n: int) -> Account:
    url = f"https://www.linkedin.com/in/ACoAA{n:08x}"
    return Account("linkedin", url, first_name=first, last_name=last, url=url, ties=(Tie("connection"),))


def contact(name: str) -> Account:
    return Account("contacts", name, name=name, ties=(Tie("contact"),))


def level(a: str, b: str) -> str:
    return name_level(parse(a).tokens, parse(b).tokens)[2]


def test_a_typing_slip_in_one_part_meets_its_account():
    accounts = [li("Brooke", "Harrington", 1), contact("Brooke Harrinhton"), li("Kynan", "Dooley", 2)]
    accounts.append(contact("Kynzn Doolqey"))
    profiles = [profile_of(i, a) for i, a in enumerate(accounts)]
    assert set(candidates(profiles)) >= {(0, 1), (2, 3)}


def test_short_forms_in_other_languages_are_short_forms():
    for short, full in [("Hannes", "Johannes"), ("Lasse", "Lars"), ("Pepe", "Jose"), ("Kasia", "Katarzyna")]:
        assert level(f"{short} Berger", f"{full} Berger") == "nickname", short


def test_one_name_in_two_languages_counts_less_than_a_short_form():
    assert level("Alejandro Echeverria", "Alexander Echeverria") == "other language"
    other = compare_names(parse("Alejandro Echeverria").tokens, parse("Alexander Echeverria").tokens)
    nickname = compare_names(parse("Bob Echeverria").tokens, parse("Robert Echeverria").tokens)
    assert other[0] < nickname[0]
    assert "one name in two languages" in other[1]
    c = compare(
        profile_of(0, li("Alejandro", "Echeverria", 1)), profile_of(1, contact("Alexander Echeverria"))
    )
    assert tier_of(c.logit) == Tier.POSSIBLE  # often two people: never linked on that alone


def test_networks_that_share_most_people_weigh_a_shared_name_more():
    shared = [li(f"Given{i}", f"Family{i}", i) for i in range(300)]
    mine = shared + [contact(f"Given{i} Family{i}") for i in range(300)]
    apart = shared + [contact(f"Other{i} Person{i}") for i in range(300)]
    close = Frequencies.of([profile_of(i, a) for i, a in enumerate(mine)])
    far = Frequencies.of([profile_of(i, a) for i, a in enumerate(apart)])
    assert close.overlap("linkedin", "contacts") > TYPICAL_OVERLAP > far.overlap("linkedin", "contacts")
    assert close.prior("linkedin", "contacts") > 0 > far.prior("linkedin", "contacts")


def test_words_after_the_name_in_a_username_are_not_the_name():
    from circlesort.matching.handles import make_handle

    for text, segments in [
        ("andrew.weber.photo", ("andrew", "weber")),
        ("hannah.b.design", ("hannah", "b")),
        ("jane_doe_official", ("jane", "doe")),
        ("yuliabelinanskidesign", ("yuliabelinanski",)),
        ("mariastuart", ("mariastuart",)),  # a name that ends like a suffix word keeps it
    ]:
        handle = make_handle("Instagram username", text)
        assert handle is not None and handle.segments == segments, text


def test_the_same_full_name_alone_on_three_networks_links_where_the_exports_can_tell():
    from circlesort.matching import match

    people = [li(f"Given{i}", f"Family{i}", i) for i in range(2100)]  # a bundle large enough to count
    x = Account("x", "1", name="Anja Schmidt", handle="anjaschmidt1", ties=(Tie("follower"),))
    fb = Account("facebook", "Anja Schmidt", name="Anja Schmidt", ties=(Tie("friend"),))
    result = match([*people, li("Anja", "Schmidt", 9999), fb, x])
    anja = next(p for p in result.people if any(a.network == "facebook" for a in p.accounts))
    assert sorted(a.network for a in anja.accounts) == ["facebook", "linkedin", "x"]
    assert any("the only Anja Schmidt on each of" in e for link in anja.links for e in link.evidence)


def test_a_typing_slip_is_one_keystroke_or_two_in_a_long_name():
    from circlesort.matching.names import spelled_alike

    for a, b in [
        ("harrington", "harrinhton"),
        ("clarke", "clakre"),
        ("jon", "john"),
        ("katherine", "catherine"),
    ]:
        assert spelled_alike(a, b), (a, b)
    for a, b in [("maheovari", "maheolkarni"), ("smith", "smythe"), ("al", "ali"), ("anna", "anna")]:
        assert not spelled_alike(a, b), (a, b)


def test_a_username_may_use_the_initial_of_the_formal_name():
    from circlesort.matching import handles as H
    from circlesort.matching.handles import make_handle

    handle = make_handle("Instagram username", "rnavarro")
    assert handle is not None
    assert H.explain(handle, ("bob", "navarro")) == (H.INITIAL, "r")
    danny = make_handle("Instagram username", "danny.silva")
    assert danny is not None and H.explain(danny, ("daniel", "silva"))[0] == H.FULL


def test_a_shared_username_made_of_a_name_is_a_suggestion():
    from circlesort.matching.frequency import Frequencies

    ig = Account("instagram", "ajohansson", handle="ajohansson", ties=(Tie("follower"),))
    masto = Account("mastodon", "ajohansson@mastodon.social", ties=(Tie("follower"),))
    odd = Account("instagram", "sunnyowl42", handle="sunnyowl42", ties=(Tie("follower"),))
    odd_masto = Account("mastodon", "sunnyowl42@mastodon.social", ties=(Tie("follower"),))
    known = [li("Anna", "Johansson", 1), contact("Erik Johansson")]
    profiles = [profile_of(i, a) for i, a in enumerate([ig, masto, odd, odd_masto, *known])]
    freq = Frequencies.of(profiles)
    shaped = compare(profiles[0], profiles[1], freq)
    assert tier_of(shaped.logit) == Tier.POSSIBLE
    assert any("made of a name, which others may have chosen too" in e for e in shaped.evidence)
    assert tier_of(compare(profiles[2], profiles[3], freq).logit) != Tier.POSSIBLE


def test_a_mistyped_letter_in_a_short_name_is_another_name():
    from circlesort.matching.names import spelled_alike

    assert not spelled_alike("thi", "thu") and not spelled_alike("ana", "ina")
    assert spelled_alike("lily", "liyl") and spelled_alike("jon", "john")


def test_a_space_typed_inside_the_given_name_is_read_through():
    assert level("Isab Elle Beattie", "Isabelle Beattie") in ("spaced differently", "same")
    assert level("Har Risn Boulter", "Harrison Boulter") == "given name spelled alike"
