"""The plan from the command line: settings, `plan`, `verify` and `mark` on the sample exports."""

from __future__ import annotations

import json
import shutil
import zipfile

from circlesort.model import Account, Tie
from circlesort.planning.current import current_plan
from circlesort.planning.derive import category_steps
from circlesort.planning.settings import load_settings
from circlesort.planning.steps import Due, StepKind
from circlesort.workspace import Workspace

from .conftest import ROOT

K = StepKind


def test_init_settings_writes_the_defaults_once(tmp_path, monkeypatch, cli):
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path))
    assert cli("plan", "--init-settings")[0] == 0
    text = (tmp_path / "settings.yaml").read_text("utf-8")
    assert "facebook_professional: unfriend" in text and "waiting_days: 14" in text
    assert cli("plan", "--init-settings")[0] == 2


def test_new_settings_are_checked_for_their_shapes(tmp_path, monkeypatch, cli):
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path))
    (tmp_path / "settings.yaml").write_text("waiting_days: soon\n", encoding="utf-8")
    code, _, err = cli("plan")
    assert code == 2 and "waiting_days must be a whole number of 0 or more" in err
    (tmp_path / "settings.yaml").write_text("messages: {page_invitation: [1]}\n", encoding="utf-8")
    code, _, err = cli("plan")
    assert code == 2 and "messages.page_invitation must be text" in err


def test_verify_without_a_plan_says_so(cli):
    assert cli("import", str(ROOT / "sample_exports"))[0] == 0
    code, _, err = cli("verify", str(ROOT / "sample_exports"))
    assert code == 2 and "no plan yet: circlesort plan writes one" in err


def test_mastodon_accounts_already_followed_are_left_out(tmp_path, monkeypatch):
    followed = Account("mastodon", "ana@fosstodon.org", ties=(Tie("following"),))
    follower = Account("mastodon", "bo@fosstodon.org", ties=(Tie("follower"),))
    settings = load_settings()
    assert list(category_steps("move-to-professional", followed, settings)) == []
    assert list(category_steps("move-to-professional", follower, settings)) == [K.FOLLOW_FROM]
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path))
    (tmp_path / "settings.yaml").write_text("mastodon_export_is_professional: false\n", encoding="utf-8")
    assert list(category_steps("move-to-professional", followed, load_settings())) == [K.FOLLOW_FROM]


def test_an_accepted_request_is_done_by_the_newer_export_and_leaves_the_queue(tmp_path, cli):
    """Sample exports in, an answer from a decisions file, a plan written, newer exports checked."""
    exports = tmp_path / "exports"
    shutil.copytree(ROOT / "sample_exports", exports)
    assert cli("import", str(exports))[0] == 0
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text(
        '- person: Mark Taylor\n  accounts: ["facebook:Mark Taylor"]\n  category: keep-personal\n'
        '  answers: {"facebook:Mark Taylor": accept}\n',
        encoding="utf-8",
    )
    assert cli("decisions", "import", str(decisions))[0] == 0
    code, out, err = cli("plan", "--out", str(tmp_path / "plan"))
    assert code == 0, err
    assert "due today" in out and "clicks" in out
    zip_path = next(exports.glob("facebook-*.zip"))  # a month later Mark is a friend
    with zipfile.ZipFile(zip_path) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    for name, data in files.items():
        if name.endswith("your_friends.json"):
            doc = json.loads(data)
            doc["friends_v2"].append({"name": "Mark Taylor", "timestamp": 1790000000})
            files[name] = json.dumps(doc).encode()
        if name.endswith("received_friend_requests.json"):
            doc = json.loads(data)
            doc["received_requests_v2"] = [
                r for r in doc["received_requests_v2"] if r["name"] != "Mark Taylor"
            ]
            files[name] = json.dumps(doc).encode()
    with zipfile.ZipFile(zip_path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    code, out, err = cli("verify", str(exports))
    assert code == 0, err
    assert "Facebook" in out and "1 done" in out
    with Workspace.open() as ws:
        plan = current_plan(ws, load_settings())
    accept = next(s for s in plan.steps if s.step.kind == K.ACCEPT_REQUEST and s.step.name == "Mark Taylor")
    assert accept.due == Due.FINISHED
    assert cli("requests", "--json")[1].count('"Mark Taylor"') == 0  # no longer waiting


def test_plan_command_writes_once_and_replaces_only_when_asked(tmp_path, cli):
    assert cli("import", str(ROOT / "sample_exports"))[0] == 0
    with Workspace.open() as ws:
        ws.decide([p.id for p in ws.people()[:20]], "move-to-professional")
    out = tmp_path / "myplan"
    code, text, err = cli("plan", "--out", str(out))
    assert code == 0, err
    assert f"Written to {out}" in text and (out / "PLAN.md").exists() and (out / "linkedin.csv").exists()
    code, _, err = cli("plan", "--out", str(out))
    assert code == 2 and "--force replaces it" in err
    assert cli("plan", "--out", str(out), "--force")[0] == 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".myplan-")]  # no staging left


def test_mark_takes_every_step_of_an_import_file_at_once(cli):
    assert cli("import", str(ROOT / "sample_exports"))[0] == 0
    with Workspace.open() as ws:
        ws.decide([p.id for p in ws.people()], "keep-personal")
        labels = [s for s in current_plan(ws, load_settings()).steps if s.step.kind == K.LABEL]
    code, out, _ = cli("mark", "done", "label/contacts/*")
    assert code == 0 and f"Marked done: {len(labels)} steps" in out
    with Workspace.open() as ws:
        assert {s.due for s in current_plan(ws, load_settings()).steps if s.step.kind == K.LABEL} == {
            Due.FINISHED
        }
    code, _, err = cli("mark", "done", "label/nowhere/*")
    assert code == 2 and "no such step in the plan" in err
