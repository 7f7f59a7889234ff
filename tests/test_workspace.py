"""The workspace: decisions kept across restarts and newer exports, undo and redo, safe files."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from circlesort.errors import InputError
from circlesort.workspace import UNDECIDED, Workspace, import_paths, schema
from circlesort.workspace.changes import LinkAccounts, UnlinkAccounts

from .conftest import ROOT, meta, write_zip

SAMPLES = str(ROOT / "sample_exports")


def facebook(tmp_path, name: str, friends: list[str]):
    """A Facebook export holding exactly these friends."""
    data = meta({"friends_v2": [{"name": f, "timestamp": 1500000000 + i} for i, f in enumerate(friends)]})
    return str(write_zip(tmp_path / name, {"connections/friends/your_friends.json": data}))


def person(ws: Workspace, network: str, key: str):
    pid = ws.person_of((network, key))
    return next(p for p in ws.people() if p.id == pid)


def test_a_new_workspace_is_a_private_file_under_circlesort_home(private_workspaces):
    with Workspace.open() as ws:
        assert ws.path == private_workspaces / "default.circlesort"
    assert stat.S_IMODE(os.stat(private_workspaces / "default.circlesort").st_mode) == 0o600
    with Workspace.open(str(private_workspaces / "elsewhere" / "mine.circlesort")) as ws:
        assert ws.path.exists()


def test_decisions_survive_a_restart(tmp_path):
    with Workspace.open() as ws:
        import_paths(ws, [SAMPLES])
        ws.decide([ws.person_of(("facebook", "José Álvarez"))], "keep-personal")
    with Workspace.open() as ws:
        jose = person(ws, "linkedin", "https://www.linkedin.com/in/jose-alvarez-3b2a91")
        assert jose.category == "keep-personal"
        assert {m.account.network for m in jose.members} == {"facebook", "linkedin", "contacts", "instagram"}


def test_undo_and_redo_work_across_restarts():
    with Workspace.open() as ws:
        import_paths(ws, [SAMPLES])
        ids = [p.id for p in ws.people()[:5]]
        ws.decide(ids[:1], "keep-personal")
        ws.decide(ids[1:4], "move-to-professional")  # one step for three people
    with Workspace.open() as ws:
        assert ws.undo().label == "move-to-professional for 3 people"
    with Workspace.open() as ws:
        assert [p.category for p in ws.people()[:5]] == ["keep-personal"] + [UNDECIDED] * 4
        assert ws.can_redo() == "move-to-professional for 3 people"
        assert ws.redo().label == "move-to-professional for 3 people"
    with Workspace.open() as ws:
        assert [p.category for p in ws.people()[:4]] == ["keep-personal"] + ["move-to-professional"] * 3
        ws.undo()
        ws.decide(ids[4:5], "page-follower")  # a new decision ends what could be redone
        assert ws.can_redo() is None
        assert ws.undo().label == "page-follower for 1 person"
        assert ws.undo().label == "keep-personal for 1 person"
        assert ws.undo() is None


def test_newer_exports_keep_decisions_mark_gone_and_new(tmp_path):
    v1 = facebook(tmp_path, "facebook-1.zip", ["Aino Kettunen", "Bruno Salgado", "Chiara Fenoglio"])
    v2 = facebook(tmp_path, "facebook-2.zip", ["Aino Kettunen", "Chiara Fenoglio", "Dmitri Okonkwo"])
    v3 = facebook(
        tmp_path, "facebook-3.zip", ["Aino Kettunen", "Bruno Salgado", "Chiara Fenoglio", "Dmitri Okonkwo"]
    )
    with Workspace.open() as ws:
        import_paths(ws, [v1])
        for name, category in (("Aino Kettunen", "keep-personal"), ("Bruno Salgado", "page-follower")):
            ws.decide([ws.person_of(("facebook", name))], category)
        summary = import_paths(ws, [v2])
        assert summary.gone == {"facebook": 1} and summary.new == {"facebook": 1}
        people = {p.name: p for p in ws.people()}
        assert people["Aino Kettunen"].category == "keep-personal" and not people["Aino Kettunen"].new
        assert people["Bruno Salgado"].members[0].gone  # marked, not deleted
        assert people["Bruno Salgado"].category == "page-follower"
        assert people["Dmitri Okonkwo"].new and people["Dmitri Okonkwo"].category == UNDECIDED
        assert len(ws.accounts()) == 3 and len(ws.accounts(include_gone=True)) == 4
        summary = import_paths(ws, [v3])
        assert summary.back == {"facebook": 1}
        assert person(ws, "facebook", "Bruno Salgado").category == "page-follower"
        assert not person(ws, "facebook", "Bruno Salgado").members[0].gone


def test_importing_the_same_files_twice_changes_nothing():
    with Workspace.open() as ws:
        import_paths(ws, [SAMPLES])
        before = (ws.counts(), ws.db.execute("SELECT * FROM members ORDER BY 1, 2").fetchall())
        assert import_paths(ws, [SAMPLES]).unchanged
        assert (ws.counts(), ws.db.execute("SELECT * FROM members ORDER BY 1, 2").fetchall()) == before


def test_importing_one_network_leaves_the_others_alone(tmp_path):
    with Workspace.open() as ws:
        import_paths(ws, [SAMPLES])
        summary = import_paths(ws, [facebook(tmp_path, "facebook-new.zip", ["Aino Kettunen"])])
        assert set(summary.gone) == {"facebook"}
        assert ws.counts()["accounts"] == 315 - 92 + 1


def test_matching_keeps_the_users_links_and_unlinks_across_imports(tmp_path):
    fb = facebook(tmp_path, "facebook-1.zip", ["Aino Kettunen", "Sunniva Berg", "Bruno Salgado"])
    contacts = tmp_path / "contacts.vcf"
    contacts.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Aino Kettunen\r\nN:Kettunen;Aino;;;\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sunny\r\nN:;Sunny;;;\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    with Workspace.open() as ws:
        import_paths(ws, [fb, str(contacts)])
        aino, aino_c = ("facebook", "Aino Kettunen"), ("contacts", "Aino Kettunen")
        sunniva, sunny = ("facebook", "Sunniva Berg"), ("contacts", "Sunny")
        assert ws.person_of(aino) == ws.person_of(aino_c)  # matched
        ws.apply(UnlinkAccounts(aino, aino_c))
        ws.apply(LinkAccounts(sunniva, sunny))
        assert ws.person_of(aino) != ws.person_of(aino_c) and ws.person_of(sunniva) == ws.person_of(sunny)
        import_paths(
            ws, [facebook(tmp_path, "facebook-2.zip", ["Aino Kettunen", "Sunniva Berg"]), str(contacts)]
        )
        assert ws.person_of(aino) != ws.person_of(aino_c)
        assert ws.person_of(sunniva) == ws.person_of(sunny)
        ws.undo()  # the link, then the unlink: the next import matches as before
        ws.undo()
        import_paths(ws, [facebook(tmp_path, "facebook-3.zip", ["Aino Kettunen"]), str(contacts)])
        assert ws.person_of(aino) == ws.person_of(aino_c)


def test_a_workspace_from_a_newer_circlesort_is_refused(private_workspaces):
    with Workspace.open() as ws:
        ws.db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(schema.VERSION + 1),))
    with pytest.raises(InputError, match="newer circlesort"):
        Workspace.open()


def test_a_damaged_workspace_is_reported_and_left_alone(private_workspaces):
    private_workspaces.mkdir()
    path = private_workspaces / "default.circlesort"
    path.write_bytes(b"this is not sqlite " * 100)
    with pytest.raises(InputError, match="not a circlesort workspace, or damaged"):
        Workspace.open()
    assert path.read_bytes() == b"this is not sqlite " * 100
    other = private_workspaces / "other.circlesort"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE notes (x)")
    db.close()
    with pytest.raises(InputError, match="not a circlesort workspace"):
        Workspace.open("other")


def test_a_second_opener_is_refused_while_the_first_has_it():
    with Workspace.open(), pytest.raises(InputError, match="open in another circlesort"):
        Workspace.open()
    with Workspace.open():  # free again once closed
        pass


def test_an_older_workspace_is_migrated_forward(private_workspaces, monkeypatch):
    future = schema.VERSION + 1
    monkeypatch.setitem(schema.MIGRATIONS, future, ["CREATE TABLE future_notes (x TEXT)"])
    with Workspace.open() as ws:
        import_paths(ws, [SAMPLES])
    monkeypatch.setattr(schema, "VERSION", future)
    with Workspace.open() as ws:
        assert schema.version_of(ws.db) == future and ws.counts()["accounts"] == 315


def test_a_decision_that_changes_nothing_leaves_nothing_to_undo():
    with Workspace.open() as ws:
        import_paths(ws, [SAMPLES])
        pid = ws.people()[0].id
        assert ws.decide([pid], "keep-personal")
        assert ws.decide([pid], "keep-personal") == 0
        assert ws.undo().label == "keep-personal for 1 person" and ws.can_undo() is None
