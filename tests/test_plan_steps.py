"""The plan as a migration per person: bring-overs first, removals waiting for them, steps that keep
their ids and states through decisions and re-imports, and batches under the platforms' limits."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import yaml

from circlesort.planning.current import current_plan, set_state
from circlesort.planning.schedule import Kept, schedule
from circlesort.planning.settings import load_settings
from circlesort.planning.steps import Due, Step, StepKind, StepState
from circlesort.workspace import Workspace
from circlesort.workspace.changes import LinkPeople, Split

from .conftest import meta, write_tree

K = StepKind
FRIENDS = "connections/friends/your_friends.json"
IG = "connections/followers_and_following/"
NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def facebook(root, *names):
    return write_tree(
        root, {FRIENDS: meta({"friends_v2": [{"name": n, "timestamp": 1600000000} for n in names]})}
    )


def instagram(root, followers, following):
    def rec(user):
        return {
            "title": "",
            "media_list_data": [],
            "string_list_data": [
                {"href": f"https://www.instagram.com/{user}", "value": user, "timestamp": 1700000000}
            ],
        }

    return write_tree(
        root,
        {
            IG + "followers_1.json": json.dumps([rec(u) for u in followers]),
            IG + "following.json": json.dumps({"relationships_following": [rec(u) for u in following]}),
        },
    )


def steps_of(plan, name):
    return {(s.step.kind, s.step.network): s for s in plan.steps if s.step.name == name}


def person_named(ws, name):
    return next(p for p in ws.people() if p.name == name)


# --- The scenario that lost a friend: unfriend before the invitation, and a step that vanished ---------


def test_moving_friends_to_professional_invites_first_and_survives_an_early_unfriend(tmp_path, cli):
    fb = facebook(tmp_path / "facebook", "Alma Silva", "Bruno Costa", "Carla Dias")
    ig = instagram(tmp_path / "instagram", ["brunocosta"], ["brunocosta"])
    assert cli("import", str(fb), str(ig))[0] == 0
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text(
        '- person: Alma Silva\n  accounts: ["facebook:Alma Silva"]\n'
        "  category: move-to-professional\n"
        '- person: Bruno Costa\n  accounts: ["facebook:Bruno Costa", "instagram:brunocosta"]\n'
        "  category: move-to-professional\n",
        encoding="utf-8",
    )
    assert cli("decisions", "import", str(decisions))[0] == 0
    code, _, err = cli("plan", "--out", str(tmp_path / "plan"))
    assert code == 0, err
    first = yaml.safe_load((tmp_path / "plan" / "plan.yaml").read_text("utf-8"))["steps"]
    by_id = {s["id"]: s for s in first}

    with Workspace.open() as ws:
        alma_id = person_named(ws, "Alma Silva").id
        plan = current_plan(ws, load_settings(), NOW)
    alma, bruno = steps_of(plan, "Alma Silva"), steps_of(plan, "Bruno Costa")
    for person in (alma, bruno):
        invite, unfriend = person[(K.CONNECT, "linkedin")], person[(K.UNFRIEND, "facebook")]
        assert invite.due == Due.NOW and invite.batch_label == "today"
        assert unfriend.due == Due.WAITING and invite.step.id in unfriend.step.depends_on
        assert unfriend.waits_for.endswith("accepts on LinkedIn")
        assert plan.steps.index(invite) < plan.steps.index(unfriend)  # followed top to bottom: invite first
    assert bruno[(K.REMOVE_FOLLOWER, "instagram")].due == Due.WAITING
    assert alma[(K.CONNECT, "linkedin")].step.target == f"person:{alma_id}"
    assert by_id[alma[(K.UNFRIEND, "facebook")].step.id]["depends_on"] == [
        alma[(K.CONNECT, "linkedin")].step.id
    ]

    # Alma was unfriended early, against the plan: the newer Facebook export no longer lists her.
    newer = facebook(tmp_path / "facebook-newer", "Bruno Costa", "Carla Dias")
    code, _out, err = cli("verify", str(newer))
    assert code == 0, err
    with Workspace.open() as ws:
        assert person_named(ws, "Alma Silva").id == alma_id  # the gone account stays her person
        plan = current_plan(ws, load_settings(), NOW)
    alma = steps_of(plan, "Alma Silva")
    assert alma[(K.UNFRIEND, "facebook")].due == Due.FINISHED
    connect = alma[(K.CONNECT, "linkedin")]
    assert connect.due == Due.NOW and connect.step.person == alma_id  # still to do, same person

    assert cli("plan", "--out", str(tmp_path / "plan"), "--force")[0] == 0
    second = yaml.safe_load((tmp_path / "plan" / "plan.yaml").read_text("utf-8"))["steps"]
    assert set(by_id) <= {s["id"] for s in second}  # nothing lost from plan.yaml


def test_verify_judges_by_kind_and_account_whatever_the_name_holds(tmp_path, cli):
    odd = ["Jane Doe | Photographer", "Ann: the one", "Bo|facebook|unfriend", "Cy\nunfriend/facebook/Cy"]
    assert cli("import", str(facebook(tmp_path / "fb", *odd, "Stay Friend")))[0] == 0
    with Workspace.open() as ws:
        ws.decide([p.id for p in ws.people() if p.name != "Stay Friend"], "move-to-professional")
        ws.decide([person_named(ws, "Stay Friend").id], "keep-personal")
    assert cli("plan", "--out", str(tmp_path / "plan"))[0] == 0
    assert cli("verify", str(facebook(tmp_path / "fb2", "Stay Friend")))[0] == 0
    with Workspace.open() as ws:
        plan = current_plan(ws, load_settings(), NOW)
    unfriends = {s.step.name: s.due for s in plan.steps if s.step.kind == K.UNFRIEND}
    shown = [name.replace("\n", " ") for name in odd]  # a line break in a name is read as a space
    assert unfriends == dict.fromkeys(shown, Due.FINISHED)


# --- States the user gives, and what a removal waits for -----------------------------------------------


def one_person_plan(tmp_path, cli, settings_text=""):
    if settings_text:
        (tmp_path / "config").mkdir(exist_ok=True)
        (tmp_path / "config" / "settings.yaml").write_text(settings_text, encoding="utf-8")
    assert cli("import", str(facebook(tmp_path / "fb", "Ada Quill")))[0] == 0
    with Workspace.open() as ws:
        ws.decide([person_named(ws, "Ada Quill").id], "move-to-professional")


def ada(when=NOW):
    with Workspace.open() as ws:
        return steps_of(current_plan(ws, load_settings(), when), "Ada Quill")


def test_a_removal_waits_for_acceptance_then_asks_after_the_waiting_time(tmp_path, cli, monkeypatch):
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path / "config"))
    one_person_plan(tmp_path, cli)
    steps = ada()
    invite, unfriend = steps[(K.CONNECT, "linkedin")].step.id, steps[(K.UNFRIEND, "facebook")].step.id
    assert cli("mark", "sent", invite)[0] == 0
    steps = ada()
    assert (
        steps[(K.CONNECT, "linkedin")].due == Due.SENT and steps[(K.UNFRIEND, "facebook")].due == Due.WAITING
    )
    later = ada(datetime.now(UTC) + timedelta(days=15))[(K.UNFRIEND, "facebook")]
    assert later.due == Due.ASK and "waited 15 days" in later.waits_for and "remove anyway" in later.waits_for
    assert cli("mark", "remove-anyway", unfriend)[0] == 0
    assert ada()[(K.UNFRIEND, "facebook")].due == Due.NOW
    assert cli("mark", "pending", unfriend)[0] == 0 and cli("mark", "accepted", invite)[0] == 0
    steps = ada()
    assert (
        steps[(K.CONNECT, "linkedin")].due == Due.FINISHED and steps[(K.UNFRIEND, "facebook")].due == Due.NOW
    )


def test_a_skipped_invitation_asks_before_its_removal(tmp_path, cli, monkeypatch):
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path / "config"))
    one_person_plan(tmp_path, cli)
    assert cli("mark", "skipped", ada()[(K.CONNECT, "linkedin")].step.id)[0] == 0
    unfriend = ada()[(K.UNFRIEND, "facebook")]
    assert unfriend.due == Due.ASK and "(skipped): remove anyway?" in unfriend.waits_for


def test_remove_without_waiting_is_a_setting(tmp_path, cli, monkeypatch):
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path / "config"))
    one_person_plan(tmp_path, cli, "remove_without_waiting: true\n")
    plan_order = list(ada())
    assert ada()[(K.UNFRIEND, "facebook")].due == Due.NOW
    assert plan_order.index((K.CONNECT, "linkedin")) < plan_order.index((K.UNFRIEND, "facebook"))


def test_marks_are_undone_with_undo_and_a_written_plan_is_not(tmp_path, cli, monkeypatch):
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path / "config"))
    one_person_plan(tmp_path, cli)
    invite = ada()[(K.CONNECT, "linkedin")].step.id
    assert cli("plan", "--out", str(tmp_path / "plan"))[0] == 0
    with Workspace.open() as ws:
        assert set_state(ws, [invite], StepState.SENT, "1 step marked sent")
        assert ws.can_undo() == "1 step marked sent"
        ws.undo()
    assert ada()[(K.CONNECT, "linkedin")].due == Due.NOW
    with Workspace.open() as ws:  # across a restart
        assert ws.can_redo() == "1 step marked sent"
        ws.redo()
    assert ada()[(K.CONNECT, "linkedin")].due == Due.SENT


def test_an_unknown_step_id_is_one_line(tmp_path, cli):
    one_person_plan(tmp_path, cli)
    code, _out, err = cli("mark", "done", "unfriend/facebook/Nobody")
    assert code == 2 and "no such step in the plan" in err and err.count("\n") == 1


# --- Decisions that change ---------------------------------------------------------------------------


def test_a_changed_decision_keeps_what_was_done_and_adds_the_way_back(tmp_path, cli, monkeypatch):
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path / "config"))
    one_person_plan(tmp_path, cli, "remove_without_waiting: true\n")
    unfriend = ada()[(K.UNFRIEND, "facebook")].step.id
    assert cli("mark", "done", unfriend)[0] == 0
    with Workspace.open() as ws:
        ws.decide([person_named(ws, "Ada Quill").id], "keep-personal")
        plan = current_plan(ws, load_settings(), NOW)
    steps = steps_of(plan, "Ada Quill")
    assert steps[(K.UNFRIEND, "facebook")].due == Due.FINISHED  # done stays done
    assert steps[(K.CONNECT, "linkedin")].due == Due.NOT_NEEDED
    assert steps[(K.ADD_FRIEND, "facebook")].due == Due.NOW  # the way back
    assert plan.changes() == "1 step added, 1 step no longer needed"


def test_settings_change_the_steps_and_missing_ones_are_said(tmp_path, cli, monkeypatch):
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path / "config"))
    one_person_plan(tmp_path, cli, "facebook_professional: restrict\n")
    assert (K.RESTRICT, "facebook") in ada() and (K.UNFRIEND, "facebook") not in ada()
    with Workspace.open() as ws:
        ws.decide([person_named(ws, "Ada Quill").id], "page-follower")
        plan = current_plan(ws, load_settings(), NOW)
    invite = steps_of(plan, "Ada Quill")[(K.INVITE_TO_PAGE, "facebook")]
    assert invite.due == Due.NOW
    assert any("Your Page is not set" in note for note in plan.notes)
    assert steps_of(plan, "Ada Quill")[(K.UNFRIEND, "facebook")].waits_for == "Ada Quill follows your Page"


# --- Batches under the limits, as rolling windows --------------------------------------------------


def connects(n):
    return [
        Kept(
            Step(K.CONNECT, "linkedin", f"k{i}", f"p{i}", f"P{i:03}", "move-to-professional"), True, "not yet"
        )
        for i in range(n)
    ]


def test_batches_keep_under_the_platform_limits():
    settings = load_settings()
    labels = [s.batch_label for s in schedule(connects(250), {}, settings, NOW)]
    assert labels[:100] == ["today"] * 100 and labels[100] == "week 2" and labels[-1] == "week 3"
    unfollows = [
        Kept(
            Step(K.UNFOLLOW, "instagram", f"k{i}", f"p{i}", f"P{i}", "move-to-professional"), True, "not yet"
        )
        for i in range(450)
    ]
    assert schedule(unfollows, {}, settings, NOW)[-1].batch_label == "day 3"


def test_steps_done_this_week_count_against_the_window():
    kept = connects(130)
    sent_recently = {k.step.id: ("sent", (NOW - timedelta(days=3)).isoformat()) for k in kept[:30]}
    sent_long_ago = {k.step.id: ("sent", (NOW - timedelta(days=9)).isoformat()) for k in kept[:30]}
    today = [s for s in schedule(kept, sent_recently, load_settings(), NOW) if s.batch_label == "today"]
    assert len(today) == 70
    today = [s for s in schedule(kept, sent_long_ago, load_settings(), NOW) if s.batch_label == "today"]
    assert len(today) == 100


def test_a_persons_steps_follow_them_when_they_are_linked_into_another(tmp_path, cli, monkeypatch):
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path / "config"))
    contacts = tmp_path / "contacts.vcf"
    contacts.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mom\r\nEND:VCARD\r\n", encoding="utf-8")
    assert cli("import", str(facebook(tmp_path / "fb", "Ada Quill")), str(contacts))[0] == 0
    with Workspace.open() as ws:
        ws.decide([person_named(ws, "Ada Quill").id], "move-to-professional")
    assert cli("mark", "sent", ada()[(K.CONNECT, "linkedin")].step.id)[0] == 0
    with Workspace.open() as ws:  # "Mom" is Ada: linked, keeping the contact's person
        mom, before = person_named(ws, "Mom").id, person_named(ws, "Ada Quill").id
        ws.apply(LinkPeople([mom, before]))
        assert person_named(ws, "Ada Quill").id == mom
        plan = current_plan(ws, load_settings(), NOW)
    connects = {s.step.person: s.due for s in plan.steps if s.step.kind == K.CONNECT}
    assert connects == {mom: Due.SENT, before: Due.NOT_NEEDED}


def test_a_follow_the_settings_cannot_make_does_not_hold_up_removals(tmp_path, monkeypatch):
    from circlesort.model import Account, Tie
    from circlesort.planning.derive import person_steps
    from circlesort.workspace.store import Member, PersonRow

    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path))
    accounts = (
        Account("facebook", "Ada Quill", name="Ada Quill", ties=(Tie("friend"),)),
        Account("linkedin", "https://www.linkedin.com/in/adaq", name="Ada Quill", ties=(Tie("connection"),)),
        Account("x", "123", name="Ada Quill", handle="adaq", ties=(Tie("follower"),)),
    )
    ada = PersonRow(
        "p-ada", "Ada Quill", tuple(Member(a, False, False) for a in accounts), "move-to-professional"
    )
    steps = {s.kind: s for s in person_steps(ada, {}, load_settings(), set())}
    assert steps[K.UNFRIEND].depends_on == ()  # no professional X account named: nothing to wait for
    (tmp_path / "settings.yaml").write_text("professional_x: '@ada_at_work'\n", encoding="utf-8")
    steps = {s.kind: s for s in person_steps(ada, {}, load_settings(), set())}
    assert steps[K.UNFRIEND].depends_on == (steps[K.FOLLOW_FROM].id,)


def test_working_out_only_what_changed_gives_the_plan_a_full_look_gives(cli):
    from circlesort.workspace.plan_store import set_planned_at

    from .conftest import ROOT

    assert cli("import", str(ROOT / "sample_exports"))[0] == 0
    settings = load_settings()

    def looked(ws, full=False):
        if full:
            set_planned_at(ws, "")
        return sorted(
            (s.step.id, s.step.person, s.due, s.batch_label, s.waits_for)
            for s in current_plan(ws, settings, NOW).steps
        )

    with Workspace.open() as ws:
        people = ws.people()
        ws.decide([p.id for p in people[:40]], "move-to-professional")
        ws.decide([p.id for p in people[40:80]], "page-follower")
        first = current_plan(ws, settings, NOW)
        invite = next(s.step.id for s in first.steps if s.step.kind == K.CONNECT)
        first_key = (people[5].members[0].account.network, people[5].members[0].account.key)
        changes = [
            lambda: ws.decide([people[3].id], "keep-personal"),
            lambda: set_state(ws, [invite], StepState.SENT, "sent"),
            lambda: ws.apply(LinkPeople([people[5].id, people[90].id])),
            lambda: ws.apply(Split(ws.person_of(first_key))),
            ws.undo,
            ws.undo,
            ws.redo,
            lambda: ws.decide([people[100].id, people[3].id], "move-to-professional"),
        ]
        for change in changes:
            change()
            assert looked(ws) == looked(ws, full=True)


def test_friends_who_share_a_name_are_flagged_never_unfriended_as_one(tmp_path, cli):
    rows = [{"name": "John Smith", "timestamp": 1600000000}, {"name": "John Smith", "timestamp": 1650000000}]
    fb = write_tree(tmp_path / "fb", {FRIENDS: meta({"friends_v2": rows})})
    assert cli("import", str(fb))[0] == 0
    with Workspace.open() as ws:
        ws.decide([person_named(ws, "John Smith").id], "move-to-professional")
        unfriend = steps_of(current_plan(ws, load_settings(), NOW), "John Smith")[(K.UNFRIEND, "facebook")]
    assert unfriend.step.namesakes == 2
    assert cli("plan", "--out", str(tmp_path / "plan"))[0] == 0
    text = (tmp_path / "plan" / "PLAN.md").read_text("utf-8")
    assert "**2 friends share this name: check which one**" in text
