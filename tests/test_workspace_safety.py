"""The workspace against a hostile or failing world: deleting only workspaces, decisions files
that lie, damaged pages, a full disk, a read-only file, a symlink. Each test builds its own
small export and workspace; what it asserts is what the user sees and keeps."""

from __future__ import annotations

import os
import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest

from circlesort.errors import InputError
from circlesort.workspace import Workspace, import_paths
from circlesort.workspace.changes import DecisionsFile, Write
from circlesort.workspace.requests import queue
from circlesort.workspace.roster import Roster

from .conftest import meta, write_zip

FRIENDS = [f"Friend Number{i:03d}" for i in range(120)]
ASKING = ["Aino Kettunen", "Bruno Salgado"]


def facebook(tmp_path: Path) -> str:
    """A small Facebook export: friends, and two friend requests waiting for an answer."""
    friends = {"friends_v2": [{"name": n, "timestamp": 1700000000} for n in FRIENDS]}
    asking = {"received_requests_v2": [{"name": n, "timestamp": 1700000000} for n in ASKING]}
    return str(
        write_zip(
            tmp_path / "facebook-export.zip",
            {
                "connections/friends/your_friends.json": meta(friends),
                "connections/friends/received_friend_requests.json": meta(asking),
            },
        )
    )


@pytest.fixture
def workspace(tmp_path, private_workspaces) -> Path:
    """The default workspace holding the small export, one person decided."""
    with Workspace.open() as ws:
        import_paths(ws, [facebook(tmp_path)])
        ws.decide([ws.person_of(("facebook", FRIENDS[0]))], "keep-personal")
        return ws.path


def one_line(err: str) -> str:
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


def decided(path: Path) -> dict:
    with Workspace.open(str(path), create=False) as ws:
        return ws.categories()


# --- workspace delete ----------------------------------------------------------------------------


def test_delete_refuses_a_file_that_is_not_a_workspace_and_its_neighbours(cli, tmp_path):
    notes = tmp_path / "notes.circlesort"
    notes.write_text("my notes\n", encoding="utf-8")
    neighbours = [tmp_path / f"notes.circlesort{s}" for s in ("-wal", "-shm", "-journal")]
    for f in neighbours:
        f.write_text("keep me\n", encoding="utf-8")
    code, out, err = cli("workspace", "delete", str(notes), "--yes")
    assert code == 2 and "not a circlesort workspace" in one_line(err) and "Deleted" not in out
    assert notes.read_text("utf-8") == "my notes\n" and all(f.exists() for f in neighbours)


def test_delete_refuses_an_sqlite_file_of_another_program(cli, tmp_path):
    other = tmp_path / "other.circlesort"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    db.close()
    code, _, err = cli("workspace", "delete", str(other), "--yes")
    assert code == 2 and "not a circlesort workspace" in one_line(err) and other.exists()


def test_delete_refuses_a_folder_in_one_line(cli, tmp_path):
    folder = tmp_path / "photos.circlesort"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"\xff\xd8")
    code, _, err = cli("workspace", "delete", str(folder), "--yes")
    assert code == 2 and "a folder" in one_line(err)
    assert (folder / "a.jpg").exists()


def test_delete_removes_a_workspace_and_its_own_files_only(cli, workspace):
    stranger = workspace.with_name("default.circlesort.bak")
    stranger.write_text("a copy the user made\n", encoding="utf-8")
    code, out, _ = cli("workspace", "delete", "default", "--yes")
    assert code == 0 and "Deleted workspace default." in out
    assert sorted(p.name for p in workspace.parent.iterdir()) == ["default.circlesort.bak"]


def test_delete_through_a_symlink_deletes_the_workspace_it_points_to(cli, workspace, tmp_path):
    link = tmp_path / "shortcut.circlesort"
    link.symlink_to(workspace)
    code, out, _ = cli("workspace", "delete", str(link), "--yes")
    assert code == 0 and "Deleted" in out
    assert not link.is_symlink() and list(workspace.parent.iterdir()) == []


# --- decisions export / import -------------------------------------------------------------------


def test_decisions_export_does_not_replace_a_file_without_force(cli, workspace, tmp_path):
    target = tmp_path / "thesis.yaml"
    target.write_text("three years of work\n", encoding="utf-8")
    code, _, err = cli("decisions", "export", str(target))
    assert code == 2 and "--force" in one_line(err)
    assert target.read_text("utf-8") == "three years of work\n"
    code, _, _ = cli("decisions", "export", str(target), "--force")
    assert code == 0 and "keep-personal" in target.read_text("utf-8")


@pytest.mark.parametrize("answers", ["null", "yes-please", "[accept]", "{a: b, c: d}", "42"])
def test_bad_request_answers_are_refused_and_requests_still_work(cli, workspace, tmp_path, answers):
    edited = tmp_path / "edited.yaml"
    value = answers if answers.startswith(("[", "{", "4")) else f"{{'facebook:{ASKING[0]}': {answers}}}"
    edited.write_text(
        f"- person: {ASKING[0]}\n  accounts: ['facebook:{ASKING[0]}']\n"
        f"  category: keep-personal\n  answers: {value}\n",
        encoding="utf-8",
    )
    code, out, err = cli("decisions", "import", str(edited))
    assert code == 2 and "none of its entries could be applied" in one_line(err)
    assert "answers" in out and "one undo step" not in out
    code, out, err = cli("requests")
    assert code == 0 and out.startswith("2 requests waiting for you"), err
    with Workspace.open() as ws:
        assert ws.answers() == {} and ws.can_undo() == "keep-personal for 1 person"


@pytest.mark.parametrize(
    "entry",
    [
        "accounts: 'facebook:Aino Kettunen'",
        "accounts: [{a: 1}]",
        "accounts: ['facebook:Aino Kettunen']\n  category: [keep-personal]",
        "accounts: ['facebook:Aino Kettunen']\n  person: [x]",
        "accounts: ['facebook:Aino Kettunen']\n  categroy: page-follower",
        "not-the-same: 'facebook:Aino'",
        "not-the-same: ['facebook:Aino Kettunen', 'facebook:Bruno Salgado', 'facebook:Friend Number001']",
        "not-the-same: ['facebook:Aino Kettunen', 'FACEBOOK:aino kettunen']",
    ],
)
def test_every_field_of_a_decisions_entry_is_checked(cli, workspace, tmp_path, entry):
    edited = tmp_path / "edited.yaml"
    edited.write_text(f"- {entry}\n", encoding="utf-8")
    code, out, err = cli("decisions", "import", str(edited))
    assert code == 2 and "Could not place 1" in out and "one undo step" not in out, (out, err)
    assert len(decided(workspace)) == 1


def test_a_file_that_changes_nothing_says_so(cli, workspace, tmp_path):
    exported = tmp_path / "mine.yaml"
    assert cli("decisions", "export", str(exported))[0] == 0
    code, out, _ = cli("decisions", "import", str(exported))
    assert code == 0 and "Nothing to change" in out and "one undo step" not in out


def test_good_answers_still_apply_as_one_undo_step(cli, workspace, tmp_path):
    edited = tmp_path / "edited.yaml"
    edited.write_text(
        textwrap.dedent(f"""\
        - person: {ASKING[0]}
          accounts: ['facebook:{ASKING[0]}']
          category: keep-personal
          answers: {{'facebook:{ASKING[0]}': accept}}
        """),
        encoding="utf-8",
    )
    code, out, _ = cli("decisions", "import", str(edited))
    assert code == 0 and "(one undo step)" in out
    assert "answered: accept (personal)" in cli("requests")[1]


def test_an_unknown_answer_already_in_a_workspace_does_not_crash_requests(cli, workspace):
    with Workspace.open() as ws:  # as an older circlesort's decisions import stored it
        ws.apply(DecisionsFile([Write("answers", ("facebook", ASKING[0]), "None")], "old import"))
        assert {r.account.name: r.answer for r in queue(ws)}[ASKING[0]] is None
    code, out, err = cli("requests")
    assert code == 0 and out.startswith("2 requests waiting for you"), err
    code, out, _ = cli("decisions", "export", "-")
    assert code == 0 and "None" not in out


@pytest.mark.timeout(10)
def test_an_alias_bomb_is_refused_in_one_line(cli, workspace, tmp_path):
    lines = ["- &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"- &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]"
        for i in range(1, 12)
    ]
    lines.append("- person: bomb\n  accounts: ['facebook:Aino Kettunen']\n  category: *a11")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = cli("decisions", "import", str(bomb))
    assert code == 2 and "alias" in one_line(err)


# --- damaged pages ---------------------------------------------------------------------------


def damage(path: Path) -> None:
    """Overwrite the pages of the tables holding accounts and decisions; page 1 stays intact."""
    with sqlite3.connect(path) as db:
        size = db.execute("PRAGMA page_size").fetchone()[0]
        roots = [
            r
            for (r,) in db.execute(
                "SELECT rootpage FROM sqlite_master WHERE name IN ('accounts', 'members', 'categories')"
            )
        ]
    db.close()
    assert not path.with_name(path.name + "-wal").exists()  # everything is in the file itself
    with path.open("r+b") as fh:
        for page in roots:
            fh.seek((page - 1) * size + 8)
            fh.write(b"\xa5" * (size - 16))


@pytest.mark.parametrize(
    "command",
    [
        ["workspace", "show"],
        ["requests"],
        ["decisions", "export", "-"],
        ["decisions", "import", "FILE"],
        ["import", "EXPORT"],
    ],
)
def test_damaged_pages_give_one_line_naming_the_check(cli, workspace, tmp_path, command):
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text("- not-the-same: ['facebook:Aino Kettunen', 'facebook:Bruno Salgado']\n")
    other = write_zip(
        tmp_path / "facebook-newer.zip",
        {
            "connections/friends/your_friends.json": meta(
                {"friends_v2": [{"name": "Someone New", "timestamp": 1700000000}]}
            )
        },
    )
    damage(workspace)
    before = workspace.read_bytes()
    wanted = [{"FILE": str(decisions), "EXPORT": str(other)}.get(w, w) for w in command]
    code, _, err = cli(*wanted)
    assert code == 2 and "damaged" in one_line(err) and "circlesort workspace check" in err
    assert err.startswith(f"circlesort: {workspace}: ")
    assert workspace.read_bytes() == before  # left as it is


def test_the_sorting_screen_gets_the_same_clear_error(workspace):
    damage(workspace)
    with Workspace.open() as ws, pytest.raises(InputError, match="damaged"):
        Roster.load(ws)


def test_workspace_check_says_ok_or_what_sqlite_found(cli, workspace):
    code, out, _ = cli("workspace", "check")
    assert (code, out) == (0, "ok\n")
    damage(workspace)
    code, out, err = cli("workspace", "check", str(workspace))
    assert code == 2 and "damaged" in out and "Traceback" not in err
    assert len(out.splitlines()) <= 14


def test_check_waits_for_no_one_and_writes_nothing(cli, workspace):
    with Workspace.open():
        code, _, err = cli("workspace", "check")
        assert code == 2 and "open in another circlesort" in one_line(err)


# --- full disk, read-only ------------------------------------------------------------------------


def with_pragma(monkeypatch, workspace: Path, pragma: str) -> None:
    """Every connection circlesort opens to ``workspace`` starts with ``pragma``."""
    real = sqlite3.connect

    def connect(target, *args, **kwargs):
        db = real(target, *args, **kwargs)
        if isinstance(target, (str, Path)) and Path(target).resolve() == workspace.resolve():
            db.execute(pragma)
        return db

    monkeypatch.setattr(sqlite3, "connect", connect)


def full_disk(monkeypatch, workspace: Path) -> None:
    """No page beyond those the workspace has: SQLite's own page limit fails a write exactly as a
    full disk does (SQLITE_FULL, "database or disk is full")."""
    with sqlite3.connect(workspace) as db:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.close()
    with_pragma(monkeypatch, workspace, f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_during_an_import_keeps_the_workspace(cli, workspace, tmp_path, monkeypatch):
    more = write_zip(
        tmp_path / "facebook-newer.zip",
        {
            "connections/friends/your_friends.json": meta(
                {
                    "friends_v2": [
                        {"name": f"Another Friend{i:04d}", "timestamp": 1700000000} for i in range(400)
                    ]
                }
            )
        },
    )
    with monkeypatch.context() as patch:
        full_disk(patch, workspace)
        code, _, err = cli("import", str(more))
    assert code == 2 and "the disk is full" in one_line(err) and str(workspace) in err
    assert len(decided(workspace)) == 1
    with Workspace.open() as ws:
        assert ws.counts()["accounts"] == len(FRIENDS) + len(ASKING)


def test_a_full_disk_during_a_decision_leaves_the_workspace_usable(workspace, monkeypatch):
    full_disk(monkeypatch, workspace)
    with Workspace.open() as ws:
        everyone = [p.id for p in ws.people()]
        with pytest.raises(InputError, match="the disk is full"):
            ws.decide(everyone, "move-to-professional")
        assert ws.can_undo() == "keep-personal for 1 person"  # nothing half-done in memory either
        ws.db.execute("PRAGMA max_page_count = 1000000")  # space again: the next decision lands
        assert ws.decide(everyone[:1], "page-follower") > 0
    assert set(decided(workspace).values()) == {"keep-personal", "page-follower"}


@pytest.mark.parametrize(
    ("pragma", "said"),
    [("PRAGMA max_page_count = 1", "the disk is full"), ("PRAGMA query_only = 1", "read-only")],
)
def test_creating_a_workspace_on_a_full_disk_or_read_only_says_which(tmp_path, monkeypatch, pragma, said):
    new = tmp_path / "new.circlesort"
    with_pragma(monkeypatch, new, pragma)
    with pytest.raises(InputError, match=said) as e:
        Workspace.open(str(new))
    assert "not a circlesort workspace" not in str(e.value)


def test_a_read_only_workspace_refuses_decisions_import_in_one_line(cli, workspace, tmp_path, monkeypatch):
    # What a file the user may not write gives SQLite (SQLITE_READONLY), even when run as root.
    with_pragma(monkeypatch, workspace, "PRAGMA query_only = 1")
    edited = tmp_path / "edited.yaml"
    edited.write_text(f"- accounts: ['facebook:{FRIENDS[5]}']\n  category: page-follower\n", encoding="utf-8")
    code, _, err = cli("decisions", "import", str(edited))
    assert code == 2 and "read-only" in one_line(err)
    code, out, _ = cli("workspace", "show")  # reading still works
    assert code == 0 and "decided accounts: 1" in out


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0,
    reason="permission bits do not stop root from writing; query_only stands in above",
)
def test_a_workspace_file_without_write_permission(cli, workspace, tmp_path):
    workspace.chmod(0o444)
    edited = tmp_path / "edited.yaml"
    edited.write_text(f"- accounts: ['facebook:{FRIENDS[5]}']\n  category: page-follower\n", encoding="utf-8")
    code, _, err = cli("decisions", "import", str(edited))
    assert code == 2 and "read-only" in one_line(err) and "not a circlesort workspace" not in err


# --- symlinks ------------------------------------------------------------------------------------


def test_a_workspace_through_a_symlink_takes_the_same_lock(workspace, tmp_path):
    link = tmp_path / "shortcut.circlesort"
    link.symlink_to(workspace)
    with Workspace.open(str(workspace)), pytest.raises(InputError, match="open in another circlesort"):
        Workspace.open(str(link))
    with Workspace.open(str(link)) as ws:
        assert len(ws.categories()) == 1


def test_a_failed_write_with_the_disk_nearly_full_is_called_a_full_disk(tmp_path, monkeypatch):
    from circlesort.workspace import failures

    error = sqlite3.OperationalError("disk I/O error")  # what growing the -shm file on a full disk gives
    assert "could not be read or written" in str(failures.explain(tmp_path / "w.circlesort", error))
    monkeypatch.setattr(failures.shutil, "disk_usage", lambda _: shutil._ntuple_diskusage(10**9, 10**9, 4096))
    assert "the disk is full" in str(failures.explain(tmp_path / "w.circlesort", error))


def test_a_lock_file_that_cannot_take_the_pid_still_locks(workspace, monkeypatch):
    def no_space(*args):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "pwrite", no_space)
        with Workspace.open() as ws:
            assert len(ws.categories()) == 1
            with pytest.raises(InputError, match="open in another circlesort"):
                Workspace.open()


@pytest.mark.skipif(os.name != "posix", reason="permission bits")
def test_a_new_workspace_and_its_journal_files_are_private(tmp_path):
    path = tmp_path / "private.circlesort"
    with Workspace.open(str(path)) as ws:
        ws.db.execute("INSERT INTO meta VALUES ('note', 'x')")
        companions = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
        assert all(f.exists() for f in companions)
        assert {oct(f.stat().st_mode & 0o777) for f in [path, *companions]} == {"0o600"}


def test_a_workspace_whose_journal_cannot_be_made_beside_it_says_so(cli, workspace):
    # SQLite cannot create its -wal file there: what a read-only folder gives, even to root.
    workspace.with_name(workspace.name + "-wal").mkdir()
    code, _, err = cli("workspace", "show")
    assert code == 2 and "writable" in one_line(err) and "not a circlesort workspace" not in err
    workspace.with_name(workspace.name + "-wal").rmdir()
    assert len(decided(workspace)) == 1
