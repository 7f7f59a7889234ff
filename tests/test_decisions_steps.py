"""The decisions file carries the plan's step states: a complete backup of what the user did, one
undo step on import, and a wrong state refused whole. Ticks themselves undo and redo like any
decision, and survive re-imports."""

from __future__ import annotations

import shutil
import textwrap

import pytest
import yaml

from circlesort.planning.current import current_plan
from circlesort.planning.settings import load_settings
from circlesort.planning.steps import FINISHED, StepState
from circlesort.workspace import Workspace, import_paths, store
from circlesort.workspace.changes import SetSteps
from circlesort.workspace.connection import now
from circlesort.workspace.decisions_file import STEP_STATES, export_text
from circlesort.workspace.plan_store import step_states

from .conftest import ROOT

SAMPLES = str(ROOT / "sample_exports")
JOSE = ("facebook", "José Álvarez")
SMITH = ("linkedin", "https://www.linkedin.com/in/john-smith-4c81")
LATER = "unfriend/facebook/Nobody Planned Yet"  # a step id no plan holds (yet)


@pytest.fixture(autouse=True)
def default_settings(tmp_path, monkeypatch):
    """The plan's default settings, whatever the machine running the tests has."""
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path / "config"))


def planned(ws: Workspace) -> list[str]:
    """Two people moved to professional, and the ids of the steps their plan asks for."""
    ws.decide([ws.person_of(JOSE)], "move-to-professional")
    ws.decide([ws.person_of(SMITH)], "move-to-professional")
    ids = [s.step.id for s in current_plan(ws, load_settings()).steps]
    assert len(ids) >= 2, ids
    return ids


def at(patch: pytest.MonkeyPatch, when: str) -> None:
    """Decisions from now on are stamped ``when``, as if made then."""
    patch.setattr(store, "now", lambda: when)


def test_the_states_a_file_may_hold_are_the_plans_states():
    assert tuple(s.value for s in StepState) == STEP_STATES


def test_a_round_trip_keeps_every_state_and_when_it_was_said(tmp_path, cli, monkeypatch):
    with Workspace.open() as ws:
        import_paths(ws, [SAMPLES])
        first, second, *_ = planned(ws)
        with monkeypatch.context() as patch:
            at(patch, "2026-10-01T08:00:00+00:00")
            ws.apply(SetSteps([first], "sent", "sent"))
            ws.apply(SetSteps([LATER], "skipped", "skipped"))
            at(patch, "2026-10-20T17:30:00+00:00")
            ws.apply(SetSteps([second], "done", "done"))
            ws.apply(SetSteps([first], None, "back to pending"))  # and forward again:
            ws.apply(SetSteps([first], "remove-anyway", "released"))
        kept = step_states(ws)
    assert set(kept) == {first, second, LATER}
    exported = tmp_path / "decisions.yaml"
    assert cli("decisions", "export", str(exported))[0] == 0
    steps = next(e["steps"] for e in yaml.safe_load(exported.read_text("utf-8")) if "steps" in e)
    assert steps[second] == {"state": "done", "at": "2026-10-20T17:30:00+00:00"}
    assert list(steps) == sorted(steps)  # a stable order: the file diffs well
    # A new machine: a fresh workspace, the same exports, the file. No plan there yet.
    other = str(tmp_path / "new-machine.circlesort")
    assert cli("--workspace", other, "import", SAMPLES)[0] == 0
    code, out, err = cli("--workspace", other, "decisions", "import", str(exported))
    assert code == 0, err
    assert "Applied decisions for 2 people and 3 plan steps" in out
    assert "3 of the plan steps are not in this workspace's plan yet" in out
    with Workspace.open(other) as ws:
        assert step_states(ws) == kept  # the times too: waiting and limits count from them
        plan = {s.step.id: s for s in current_plan(ws, load_settings()).steps}
        assert plan[second].state_at == "2026-10-20T17:30:00+00:00"
        assert ws.undo().label.startswith("decisions from")  # states and categories: one step
        assert step_states(ws) == {}
        assert {p.category for p in ws.people()} == {"undecided"}
        assert ws.redo().label.startswith("decisions from")
        assert {i: s for i, (s, _) in step_states(ws).items()} == {i: s for i, (s, _) in kept.items()}
    code, out, _ = cli("--workspace", other, "decisions", "import", str(exported))
    assert code == 0 and out.startswith("Nothing to change")


def test_a_hand_written_state_applies_now_and_an_unplanned_step_is_kept(tmp_path, cli):
    with Workspace.open() as ws:
        import_paths(ws, [SAMPLES])
        first = planned(ws)[0]
    edited = tmp_path / "keep.yaml"
    edited.write_text(
        textwrap.dedent(f"""\
        - steps:
            "{first}": done
            {LATER}: {{state: sent, at: 2026-09-02}}
        """),
        encoding="utf-8",
    )
    started = now()
    code, out, err = cli("decisions", "import", str(edited))
    assert code == 0, err
    assert "Applied decisions for 0 people and 2 plan steps" in out
    assert "1 of the plan steps are not in this workspace's plan yet" in out
    with Workspace.open() as ws:
        states = step_states(ws)
        assert states[first][0] == "done" and started <= states[first][1] <= now()  # stamped at the import
        assert states[LATER] == ("sent", "2026-09-02T00:00:00+00:00")
        assert {s.step.id: s.state for s in current_plan(ws, load_settings()).steps}[first] in FINISHED
    # "pending" takes a tick back, as `circlesort mark pending` does; a time to come is now.
    edited.write_text(
        f'- steps: {{"{first}": pending, {LATER}: {{state: done, at: "2999-01-01"}}}}\n', encoding="utf-8"
    )
    assert cli("decisions", "import", str(edited))[0] == 0
    with Workspace.open() as ws:
        states = step_states(ws)
        assert first not in states
        assert states[LATER][0] == "done" and started <= states[LATER][1] <= now()


@pytest.mark.parametrize(
    ("steps", "says"),
    [
        (
            "{ID: snet}",
            "entry 2: step 'ID': 'snet' is not a step state (pending, sent, confirmed, done, skipped, "
            "impossible, remove-anyway)",
        ),
        ("{ID: {state: Done}}", "entry 2: step 'ID': 'Done' is not a step state"),
        ("{ID: {at: '2026-10-01'}}", "entry 2: step 'ID': None is not a step state"),
        ("{ID: [done]}", "entry 2: step 'ID': ['done'] is not a step state"),
        ("{12: done}", "entry 2: step id 12 is not text"),
        ("{ID: {state: done, at: yesterday}}", "entry 2: step 'ID': at 'yesterday' is not a date and time"),
        (
            "{ID: {state: done, at: '0001-01-01T00:00+05:00'}}",
            "entry 2: step 'ID': at '0001-01-01T00:00+05:00' is not",
        ),
        ("{ID: {state: done, by: me}}", "entry 2: step 'ID': unknown field 'by' (fields: at, state)"),
        ("[ID]", "entry 2: steps should map step ids to states"),
    ],
)
def test_a_wrong_step_is_one_line_naming_the_file_and_the_entry_and_nothing_is_applied(
    tmp_path, cli, steps, says
):
    with Workspace.open() as ws:
        import_paths(ws, [SAMPLES])
        before = ws.db.execute("SELECT count(*) FROM journal").fetchone()[0]
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        '- person: José Álvarez\n  accounts: ["facebook:José Álvarez"]\n  category: keep-personal\n'
        f"- steps: {steps.replace('ID', 'unfriend/facebook/José Álvarez')}\n",
        encoding="utf-8",
    )
    code, out, err = cli("decisions", "import", str(bad))
    assert code == 2 and out == ""
    assert err.startswith(f"circlesort: {bad}: ") and err.count("\n") == 1, err
    assert says.replace("ID", "unfriend/facebook/José Álvarez") in err
    with Workspace.open() as ws:  # not even the person's category
        assert ws.db.execute("SELECT count(*) FROM journal").fetchone()[0] == before
        assert ws.categories() == {} and step_states(ws) == {}


def test_steps_stand_alone_in_their_entry(tmp_path, cli):
    with Workspace.open() as ws:
        import_paths(ws, [SAMPLES])
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        '- person: José Álvarez\n  accounts: ["facebook:José Álvarez"]\n  steps: {}\n', encoding="utf-8"
    )
    code, _, err = cli("decisions", "import", str(bad))
    assert code == 2 and "entry 1: steps stands alone" in err


def test_a_workspace_without_ticks_exports_no_steps_and_an_empty_steps_entry_is_fine(tmp_path, cli):
    with Workspace.open() as ws:
        import_paths(ws, [SAMPLES])
        planned(ws)
        assert not any("steps" in e for e in yaml.safe_load(export_text(ws)))
        ws.apply(SetSteps([LATER], "done", "done"))
        ws.apply(SetSteps([LATER], "pending", "pending"))  # said, but what no row says as well
        assert not any("steps" in e for e in yaml.safe_load(export_text(ws)))
    empty = tmp_path / "empty.yaml"
    empty.write_text("- steps:\n", encoding="utf-8")
    code, out, _ = cli("decisions", "import", str(empty))
    assert code == 0 and out.startswith("Nothing to change")


def test_a_mark_undoes_and_redoes_like_any_decision(cli):
    with Workspace.open() as ws:
        import_paths(ws, [SAMPLES])
        step = planned(ws)[0]
    code, _, err = cli("mark", "done", step)
    assert code == 0, err
    with Workspace.open() as ws:  # as `u` in the app does, after a restart even
        assert step_states(ws)[step][0] == "done"
        assert ws.can_undo() == "1 step marked done"
        assert ws.undo().label == "1 step marked done"
        assert step not in step_states(ws)
        assert {s.step.id: s.state for s in current_plan(ws, load_settings()).steps}[
            step
        ] == StepState.PENDING
    with Workspace.open() as ws:
        assert ws.redo().label == "1 step marked done"
        assert step_states(ws)[step][0] == "done"
        assert ws.redo() is None


def test_a_mark_survives_a_reimport_and_a_decisions_file_without_it(tmp_path, cli):
    newer = tmp_path / "newer"
    shutil.copytree(SAMPLES, newer)
    with Workspace.open() as ws:
        import_paths(ws, [str(newer)])
        ids = planned(ws)
    step = next(i for i in ids if not i.startswith("label/contacts/"))  # not on the re-imported network
    old = tmp_path / "before-the-mark.yaml"
    assert cli("decisions", "export", str(old))[0] == 0
    assert cli("mark", "done", step)[0] == 0
    contacts = newer / "contacts.vcf"  # next month's contacts: one more
    contacts.write_text(
        contacts.read_text("utf-8") + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Quentin Newcomb\r\n"
        "N:Newcomb;Quentin;;;\r\nEMAIL:quentin@example.org\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    code, out, err = cli("import", str(newer))
    assert code == 0 and "nothing changed" not in out, err
    with Workspace.open() as ws:
        assert any(p.name == "Quentin Newcomb" for p in ws.people())
        assert step_states(ws)[step][0] == "done"
        assert {s.step.id: s.state for s in current_plan(ws, load_settings()).steps}[step] in FINISHED
    # An older decisions file, from before the mark, leaves it alone.
    assert cli("decisions", "import", str(old))[0] == 0
    with Workspace.open() as ws:
        assert step_states(ws)[step][0] == "done"
