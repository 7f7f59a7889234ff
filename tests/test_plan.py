"""Plans: the translation, the batches and the command (the written files: test_plan_files.py)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from circlesort.planning.plan import Action, _batched, account_actions, build
from circlesort.planning.settings import load_settings
from circlesort.workspace import Workspace, import_paths
from circlesort.workspace.requests import answer, queue

from .conftest import ROOT
from .test_cli import run


def decided(ws: Workspace) -> None:
    """A small, fixed set of decisions and answers on the sample exports."""
    ids = {p.name: p.id for p in ws.people()}
    ws.decide([ids["Sasha Petrov"]], "page-follower")
    ws.decide([ids["José Álvarez"], ids["Oskar Lindqvist"]], "keep-personal")
    ws.decide([ids["John Smith"], ids["Alice Martin"], ids["Jane Doe"], ids["Amara Costa"]],
              "move-to-professional")
    q = {r.account.display_name: r for r in queue(ws)}
    answer(ws, q["Łukasz Wójcik"], "decline-linkedin")
    answer(ws, q["Mark Taylor"], "decline-page")
    answer(ws, q["Priya Sharma"], "decline-linkedin")
    answer(ws, q["Ada Quill"], "withdraw")


def test_the_page_invitation_comes_before_the_unfriending():
    with Workspace.open() as ws:
        import_paths(ws, [str(ROOT / "sample_exports")])
        decided(ws)
        fb = build(ws, load_settings())["facebook"]
    sasha = [a.action for a in fb if a.person == "Sasha Petrov"]
    assert sasha == ["invite to follow your Page", "unfriend"]
    assert [a.step for a in fb] == list(range(1, len(fb) + 1))


def test_batches_keep_under_the_platform_limits():
    settings = load_settings()
    connects = [Action("linkedin", "connect", f"P{i}", f"k{i}", "", "") for i in range(250)]
    batches = [a.batch for a in _batched(connects, settings)]
    assert batches[0] == "week 1" and batches[99] == "week 1" and batches[100] == "week 2" and batches[-1] == "week 3"
    unfollows = [Action("instagram", "unfollow", f"P{i}", f"k{i}", "", "") for i in range(450)]
    assert [a.batch for a in _batched(unfollows, settings)][-1] == "day 3"


def test_settings_change_the_translation(tmp_path, monkeypatch):
    from circlesort.model import Account, Tie

    friend = Account("facebook", "Bob", name="Bob", ties=(Tie("friend"),))
    assert account_actions("move-to-professional", friend, None, load_settings())[0][0] == "unfriend"
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path))
    (tmp_path / "settings.yaml").write_text("facebook_professional: restrict\npage: {name: Maya Photo}\n",
                                            encoding="utf-8")
    settings = load_settings()
    assert account_actions("move-to-professional", friend, None, settings)[0][0].startswith("restrict")
    assert account_actions("page-follower", friend, None, settings)[0][0] == "invite to follow Maya Photo"
    (tmp_path / "settings.yaml").write_text("facebook_professional: block\n", encoding="utf-8")
    with pytest.raises(Exception, match="facebook_professional is one of unfriend, restrict"):
        load_settings()


def test_plan_command_writes_once_and_replaces_only_when_asked(tmp_path):
    run("import", "sample_exports")
    with Workspace.open() as ws:
        decided(ws)
    out = tmp_path / "myplan"
    p = run("plan", "--out", str(out))
    assert p.returncode == 0, p.stderr
    assert "actions written to" in p.stdout and (out / "PLAN.md").exists()
    rows = list(csv.DictReader(io.StringIO((out / "linkedin.csv").read_text("utf-8"))))
    assert {r["action"] for r in rows} >= {"withdraw the request you sent", "accept the invitation"}
    again = run("plan", "--out", str(out))
    assert again.returncode == 2 and "--force replaces it" in again.stderr
    assert run("plan", "--out", str(out), "--force").returncode == 0
    assert not [p for p in Path(tmp_path).iterdir() if p.name.startswith(".myplan-")]  # no staging left


def test_verify_against_a_newer_export(tmp_path):
    from .conftest import meta, write_zip

    def facebook(name, friends, requests):
        return str(write_zip(tmp_path / name, {
            "connections/friends/your_friends.json": meta(
                {"friends_v2": [{"name": n, "timestamp": 1600000000} for n in friends]}),
            "connections/friends/received_friend_requests.json": meta(
                {"received_requests_v2": [{"name": n, "timestamp": 1700000000} for n in requests]})}))

    v1 = facebook("fb-1.zip", ["Sasha Petrov", "Aino Kettunen", "Bruno Salgado"], ["Łukasz Wójcik", "Mark Taylor"])
    assert run("import", v1).returncode == 0
    with Workspace.open() as ws:
        ids = {p.name: p.id for p in ws.people()}
        ws.decide([ids["Sasha Petrov"], ids["Bruno Salgado"]], "move-to-professional")
        q = {r.account.display_name: r for r in queue(ws)}
        answer(ws, q["Łukasz Wójcik"], "decline-linkedin")
        answer(ws, q["Mark Taylor"], "accept")
    assert run("plan", "--out", str(tmp_path / "plan")).returncode == 0
    # A month later: Sasha unfriended, Mark accepted, but Łukasz was accepted too, and Bruno is still there.
    v2 = facebook("fb-2.zip", ["Aino Kettunen", "Bruno Salgado", "Mark Taylor", "Łukasz Wójcik"], [])
    p = run("verify", v2)
    assert p.returncode == 0, p.stderr
    assert "What changed: Imported 4 accounts" in p.stdout and "Gone: facebook 1" in p.stdout
    assert "facebook: unfriend (Bruno Salgado)" in p.stdout
    with Workspace.open() as ws:
        status = dict(ws.db.execute("SELECT action, status FROM plan_status"))
    assert status["facebook|Sasha Petrov|unfriend"] == "done"
    assert status["facebook|Bruno Salgado|unfriend"] == "not yet"
    assert status["facebook|Mark Taylor|accept the friend request"] == "done"
    assert status["facebook|Łukasz Wójcik|decline the friend request"] == "no longer possible"
    assert {s for a, s in status.items() if a.startswith("linkedin||")} == {"not visible in exports"}


def test_verify_without_a_plan_says_so(tmp_path):
    run("import", "sample_exports")
    p = run("verify", "sample_exports")
    assert p.returncode == 2 and "no plan written yet" in p.stderr


def test_init_settings_writes_the_defaults_once(tmp_path, monkeypatch):
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path))
    assert run("plan", "--init-settings").returncode == 0
    assert "facebook_professional: unfriend" in (tmp_path / "settings.yaml").read_text("utf-8")
    assert run("plan", "--init-settings").returncode == 2


def test_end_to_end_from_the_command_line(tmp_path):
    """Sample exports in, decisions from a file, a plan written, a month of work, newer exports checked."""
    import json
    import shutil
    import zipfile

    exports = tmp_path / "exports"
    shutil.copytree(ROOT / "sample_exports", exports)
    assert run("import", str(exports)).returncode == 0
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text(
        '- person: Sasha Petrov\n  accounts: ["facebook:Sasha Petrov"]\n  category: move-to-professional\n'
        '- person: Mark Taylor\n  accounts: ["facebook:Mark Taylor"]\n  category: keep-personal\n'
        '  answers: {"facebook:Mark Taylor": accept}\n', encoding="utf-8")
    assert "Applied decisions for 2 people" in run("decisions", "import", str(decisions)).stdout
    assert run("plan", "--out", str(tmp_path / "plan")).returncode == 0
    fb_lines = (tmp_path / "plan" / "facebook.csv").read_text("utf-8").splitlines()
    assert fb_lines[1].startswith("1,accept the friend request,Mark Taylor")
    assert any(",unfriend,Sasha Petrov," in line for line in fb_lines)
    # A month later Sasha is unfriended and Mark accepted: the newer Facebook export shows it.
    zip_path = next(exports.glob("facebook-*.zip"))
    with zipfile.ZipFile(zip_path) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    for name, data in files.items():
        if name.endswith("your_friends.json"):
            doc = json.loads(data)
            doc["friends_v2"] = [f for f in doc["friends_v2"] if f["name"] != "Sasha Petrov"]
            doc["friends_v2"].append({"name": "Mark Taylor", "timestamp": 1790000000})
            files[name] = json.dumps(doc).encode()
        if name.endswith("received_friend_requests.json"):
            doc = json.loads(data)
            doc["received_requests_v2"] = [r for r in doc["received_requests_v2"] if r["name"] != "Mark Taylor"]
            files[name] = json.dumps(doc).encode()
    with zipfile.ZipFile(zip_path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    p = run("verify", str(exports))
    assert p.returncode == 0, p.stderr
    assert "facebook" in p.stdout and "2 done" in p.stdout
    with Workspace.open() as ws:
        status = dict(ws.db.execute("SELECT action, status FROM plan_status"))
    assert status["facebook|Sasha Petrov|unfriend"] == "done"
    assert status["facebook|Mark Taylor|accept the friend request"] == "done"
    assert run("requests", "--json").stdout.count('"Mark Taylor"') == 0  # no longer pending


def test_mastodon_accounts_already_followed_are_left_out(tmp_path, monkeypatch):
    from circlesort.model import Account, Tie

    followed = Account("mastodon", "ana@fosstodon.org", ties=(Tie("following"),))
    follower = Account("mastodon", "bo@fosstodon.org", ties=(Tie("follower"),))
    settings = load_settings()
    assert account_actions("move-to-professional", followed, None, settings) == []
    assert account_actions("move-to-professional", follower, None, settings)[0][0] == (
        "follow from your professional account")
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path))
    (tmp_path / "settings.yaml").write_text("mastodon_export_is_professional: false\n"
                                            "professional_mastodon: '@maya@work.social'\n", encoding="utf-8")
    assert account_actions("move-to-professional", followed, None, load_settings())[0][0] == (
        "follow from @maya@work.social")


def test_a_newer_plan_replaces_the_older_and_keeps_what_verify_found():
    from circlesort.planning.verify import remember

    with Workspace.open() as ws:
        remember(ws, ["facebook|A|unfriend", "facebook|B|unfriend"])
        ws.set_plan_status("facebook|A|unfriend", "done")
        remember(ws, ["facebook|A|unfriend", "facebook|C|unfriend"])
        assert dict(ws.db.execute("SELECT action, status FROM plan_status")) == {
            "facebook|A|unfriend": "done", "facebook|C|unfriend": "planned"}


def test_writing_or_checking_a_plan_is_not_something_undo_takes_back():
    from circlesort.planning.verify import remember

    with Workspace.open() as ws:
        import_paths(ws, [str(ROOT / "sample_exports")])
        ws.decide([ws.people()[0].id], "keep-personal")
        remember(ws, ["facebook|A|unfriend"])
        assert ws.can_undo() == "keep-personal for 1 person"
    with Workspace.open() as ws:  # and so after a restart too
        assert ws.can_undo() == "keep-personal for 1 person"
