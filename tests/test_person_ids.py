"""Person ids last: across newer exports, accounts gone from them, links made by hand and splits."""

from __future__ import annotations

import json

import pytest

from circlesort.model import Account, Person
from circlesort.workspace import Workspace, import_paths
from circlesort.workspace.changes import LinkAccounts, LinkPeople, Split, UnlinkAccounts
from circlesort.workspace.people_ids import stable_ids
from circlesort.workspace.store import own_person

from .conftest import ROOT, meta, write_zip

SAMPLES = str(ROOT / "sample_exports")
ALMA = "Alma Zubizarreta"


def facebook(tmp_path, name: str, friends: list[str]) -> str:
    """A Facebook export holding exactly these friends."""
    data = meta({"friends_v2": [{"name": f, "timestamp": 1500000000 + i} for i, f in enumerate(friends)]})
    return str(write_zip(tmp_path / name, {"connections/friends/your_friends.json": data}))


def instagram(tmp_path, name: str, followers: list[str]) -> str:
    """An Instagram export in which exactly these usernames follow you."""
    rows = [
        {
            "title": "",
            "media_list_data": [],
            "string_list_data": [
                {"href": f"https://www.instagram.com/{u}", "value": u, "timestamp": 1719878400 + i}
            ],
        }
        for i, u in enumerate(followers)
    ]
    return str(
        write_zip(tmp_path / name, {"connections/followers_and_following/followers_1.json": json.dumps(rows)})
    )


def contacts(tmp_path, name: str, names: list[str]) -> str:
    cards = "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{n}\r\n{_n_line(n)}END:VCARD\r\n" for n in names)
    path = tmp_path / name
    path.write_text(cards, encoding="utf-8")
    return str(path)


def _n_line(name: str) -> str:
    first, _, last = name.partition(" ")
    return f"N:{last};{first};;;\r\n"


def members_of(ws: Workspace, pid: str) -> list[tuple[str, str, bool]]:
    person = next(p for p in ws.people() if p.id == pid)
    return [(m.account.network, m.account.key, m.gone) for m in person.members]


def all_members(ws: Workspace) -> dict[tuple[str, str], str]:
    return {(n, k): p for n, k, p in ws.db.execute("SELECT network, key, person FROM members")}


@pytest.mark.parametrize("leaves", ["facebook", "instagram"])
def test_a_person_keeps_its_id_when_one_account_leaves_a_newer_export(tmp_path, leaves):
    """Facebook is the person's first account by network: the id was made from it, and it must
    outlive the account leaving Facebook (unfriended), as much as the Instagram one leaving."""
    fb = ("facebook", ALMA)
    ig = ("instagram", "almazubizarreta")
    others = ["Bruno Salgado", "Chiara Fenoglio"]
    with Workspace.open() as ws:
        import_paths(
            ws,
            [
                facebook(tmp_path, "fb-1.zip", [ALMA, *others]),
                instagram(tmp_path, "ig-1.zip", ["almazubizarreta", "sunnyowl42"]),
            ],
        )
        pid = ws.person_of(fb)
        assert pid is not None and ws.person_of(ig) == pid  # one person on both networks
        ws.decide([pid], "keep-personal")
        if leaves == "facebook":
            newer = facebook(tmp_path, "fb-2.zip", others)
        else:
            newer = instagram(tmp_path, "ig-2.zip", ["sunnyowl42"])
        summary = import_paths(ws, [newer])
        assert summary.gone == {leaves: 1}
        assert ws.person_of(fb) == pid and ws.person_of(ig) == pid
        assert members_of(ws, pid) == [(*fb, leaves == "facebook"), (*ig, leaves == "instagram")]
        assert sum(1 for p in ws.people() if p.id == pid) == 1
        assert next(p for p in ws.people() if p.id == pid).category == "keep-personal"
        # Back in the export next month: still the same person, nothing gone.
        back = (
            facebook(tmp_path, "fb-3.zip", [ALMA, *others])
            if leaves == "facebook"
            else instagram(tmp_path, "ig-3.zip", ["almazubizarreta", "sunnyowl42"])
        )
        assert import_paths(ws, [back]).back == {leaves: 1}
        assert members_of(ws, pid) == [(*fb, False), (*ig, False)]


def test_a_gone_account_is_never_left_beside_one_the_user_said_is_someone_else(tmp_path):
    """Facebook Alma is not LinkedIn Alma, says the user. Once Facebook Alma leaves the export,
    Instagram Alma may match LinkedIn Alma: the gone account then leaves them for a person of its own."""
    fb, ig = ("facebook", ALMA), ("instagram", "almazubizarreta")
    li = ("linkedin", "https://www.linkedin.com/in/alma-zubizarreta")
    connections = str(
        write_zip(
            tmp_path / "linkedin.zip",
            {
                "Connections.csv": "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                "Alma,Zubizarreta,https://www.linkedin.com/in/alma-zubizarreta,,Contoso,Engineer,08 Feb 2026\n"
            },
        )
    )
    with Workspace.open() as ws:
        import_paths(
            ws,
            [
                facebook(tmp_path, "fb-1.zip", [ALMA, "Bruno Salgado"]),
                instagram(tmp_path, "ig-1.zip", ["almazubizarreta"]),
                connections,
            ],
        )
        pid = ws.person_of(fb)
        assert ws.person_of(ig) == ws.person_of(li) == pid
        ws.apply(UnlinkAccounts(fb, li))
        import_paths(ws, [facebook(tmp_path, "fb-2.zip", ["Bruno Salgado"])])
        assert ws.person_of(ig) == ws.person_of(li) == pid  # matched again, without the gone account
        assert ws.person_of(fb) == own_person(fb)
        assert members_of(ws, own_person(fb)) == [(*fb, True)]


def account(network: str, key: str) -> Account:
    return Account(network, key, key)


def people(*groups: tuple[tuple[str, str], ...]) -> list[Person]:
    """Matching's people: named, as matching names them, by their first account."""
    return [Person("p-" + ":".join(min(g)), "", tuple(account(*k) for k in g)) for g in groups]


A, B, C, D, E = (("facebook", "A"), ("instagram", "b"), ("linkedin", "c"), ("x", "d"), ("contacts", "E"))


def test_an_id_goes_to_the_person_holding_most_of_its_accounts_bigger_people_first():
    before = {A: "p-1", B: "p-1", C: "p-2", D: "p-2", E: "p-2"}
    # The three accounts of p-2 are split 2 and 1: the pair keeps p-2, the single one is new.
    ids, placed = stable_ids(people((A, C), (B, D, E)), before)
    assert ids == ["p-1", "p-2"] and placed == {}
    # Ties go to the id whose accounts come first; an id given goes to nobody else.
    ids, _ = stable_ids(people((A, B), (C, D), (E,)), {A: "p-1", B: "p-2", C: "p-2", E: "p-9"})
    assert ids == ["p-1", "p-2", "p-9"]
    ids, _ = stable_ids(people((A,), (B,)), {A: "p-1", B: "p-1"})
    assert ids == ["p-1", "p-instagram:b"]  # (facebook, A) comes first
    # A person whose id went to a bigger one takes its next id, else matching's, made unique.
    ids, _ = stable_ids(people((A, B, C), (D, E)), {A: "p-1", B: "p-1", D: "p-1", E: "p-2"})
    assert ids == ["p-1", "p-2"]
    ids, _ = stable_ids(people((A, B, C), (D,)), {A: "p-x:d", B: "p-x:d", D: "p-x:d"})
    assert ids == ["p-x:d", "p-x:d-2"]
    ids, _ = stable_ids(people((A,), (D,)), {A: "p-x:d", E: "p-x:d-2"})
    assert ids == ["p-x:d", "p-x:d-3"]  # nor an id held by a gone account


def test_gone_accounts_stay_with_their_person():
    # C, D and E are gone: not among the people matched again.
    # Inherited: its gone accounts stay. All gone: it stays as it is.
    ids, placed = stable_ids(people((A, B)), {A: "p-1", B: "p-2", C: "p-1", D: "p-3", E: "p-3"})
    assert ids == ["p-1"] and placed == {C: "p-1", D: "p-3", E: "p-3"}
    # Inherited by nobody: its gone account goes where most of its present accounts went.
    m, t, s1, s2, s3 = (
        ("mastodon", "m"),
        ("threads", "t"),
        ("bluesky", "1"),
        ("bluesky", "2"),
        ("bluesky", "3"),
    )
    before = {A: "p-1", B: "p-2", m: "p-2", t: "p-2", s1: "p-3", s2: "p-3", s3: "p-3", C: "p-2"}
    ids, placed = stable_ids(people((A, B), (m, t, s1, s2, s3)), before)
    assert ids == ["p-1", "p-3"] and placed == {C: "p-3"}  # p-2: one account to p-1, two to p-3
    # Never beside an account the user said is someone else: a person of its own then.
    ids, placed = stable_ids(people((A, B)), {A: "p-1", B: "p-2", C: "p-2"}, apart=[(A, C)])
    assert ids == ["p-1"] and placed == {C: own_person(C)}
    ids, placed = stable_ids(people((A, B)), {A: "p-1", B: "p-1", C: "p-1", D: "p-1"}, apart=[(C, D), (B, C)])
    assert placed == {C: own_person(C), D: "p-1"}


def test_a_contact_linked_by_hand_keeps_the_persons_id_at_the_next_import(tmp_path):
    """The contact's key comes first by network, so matching alone would name the person by it."""
    fb, ig, sunny = ("facebook", ALMA), ("instagram", "almazubizarreta"), ("contacts", "Sunny")
    card = contacts(tmp_path, "contacts.vcf", ["Sunny", "Dmitri Okonkwo"])
    with Workspace.open() as ws:
        import_paths(
            ws,
            [
                facebook(tmp_path, "fb-1.zip", [ALMA]),
                instagram(tmp_path, "ig-1.zip", ["almazubizarreta"]),
                card,
            ],
        )
        pid = ws.person_of(fb)
        assert ws.person_of(sunny) != pid
        ws.apply(LinkAccounts(fb, sunny))
        assert ws.person_of(sunny) == pid
        import_paths(ws, [facebook(tmp_path, "fb-2.zip", [ALMA, "Bruno Salgado"])])
        assert {k: p for k, p in all_members(ws).items() if p == pid} == {fb: pid, ig: pid, sunny: pid}


def test_people_linked_by_hand_keep_the_first_ones_id_at_the_next_import(tmp_path):
    fb, ig, sunny = ("facebook", ALMA), ("instagram", "almazubizarreta"), ("contacts", "Sunny")
    card = contacts(tmp_path, "contacts.vcf", ["Sunny"])
    with Workspace.open() as ws:
        import_paths(
            ws,
            [
                facebook(tmp_path, "fb-1.zip", [ALMA]),
                instagram(tmp_path, "ig-1.zip", ["almazubizarreta"]),
                card,
            ],
        )
        pid, other = ws.person_of(fb), ws.person_of(sunny)
        ws.apply(LinkPeople([pid, other]))
        import_paths(ws, [contacts(tmp_path, "contacts-2.vcf", ["Sunny", "Dmitri Okonkwo"])])
        assert ws.person_of(fb) == ws.person_of(ig) == ws.person_of(sunny) == pid
        assert other not in set(all_members(ws).values())


def test_a_split_off_account_keeps_its_own_id_at_the_next_import(tmp_path):
    fb, ig = ("facebook", ALMA), ("instagram", "almazubizarreta")
    with Workspace.open() as ws:
        import_paths(
            ws, [facebook(tmp_path, "fb-1.zip", [ALMA]), instagram(tmp_path, "ig-1.zip", ["almazubizarreta"])]
        )
        pid = ws.person_of(fb)
        ws.apply(Split(pid))
        assert ws.person_of(fb) == pid and ws.person_of(ig) == own_person(ig)
        import_paths(ws, [facebook(tmp_path, "fb-2.zip", [ALMA, "Bruno Salgado"])])
        assert ws.person_of(fb) == pid and ws.person_of(ig) == own_person(ig)
        # And when the account the person kept its id by leaves the export, the split stays.
        import_paths(ws, [facebook(tmp_path, "fb-3.zip", ["Bruno Salgado"])])
        assert ws.person_of(fb) == pid and ws.person_of(ig) == own_person(ig)
        assert members_of(ws, pid) == [(*fb, True)]


def test_importing_the_same_people_twice_gives_the_same_ids(tmp_path):
    with Workspace.open() as ws:
        import_paths(ws, [SAMPLES])
        first = all_members(ws)
        # The same people, in a file that is new byte for byte: every id stays.
        import_paths(ws, [SAMPLES, contacts(tmp_path, "more.vcf", ["Someone Quitenew"])])
        again = all_members(ws)
        assert {k: p for k, p in again.items() if k != ("contacts", "Someone Quitenew")} == first
        assert again[("contacts", "Someone Quitenew")] not in set(first.values())
    with Workspace.open(str(tmp_path / "other.circlesort")) as other:
        import_paths(other, [SAMPLES])
        assert all_members(other) == first  # and another workspace names them alike
