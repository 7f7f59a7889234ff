"""The workspace from the command line: import, decisions files, list/show/delete, two at once,
and a session killed in the middle."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import yaml

from circlesort.workspace import Workspace
from circlesort.workspace.changes import UnlinkAccounts

from .conftest import ROOT
from .test_cli import run

SAMPLES = str(ROOT / "sample_exports")


def test_import_reports_what_is_new_then_that_nothing_changed():
    p = run("import", "sample_exports")
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("Workspace default: Imported 315 accounts; 220 people in the workspace.")
    assert "New: contacts 45, facebook 92" in p.stdout
    again = run("import", "sample_exports")
    assert "imported before, byte for byte: nothing changed" in again.stdout


def test_decisions_round_trip_through_a_yaml_file(tmp_path):
    run("import", "sample_exports")
    with Workspace.open() as ws:
        jose = ws.person_of(("facebook", "José Álvarez"))
        smith = ws.person_of(("linkedin", "https://www.linkedin.com/in/john-smith-4c81"))
        ws.decide([jose], "keep-personal")
        ws.decide([smith], "move-to-professional")
        ws.apply(
            UnlinkAccounts(("facebook", "Sasha Petrov"), ("linkedin", "https://www.linkedin.com/in/apetrov"))
        )
    exported = tmp_path / "decisions.yaml"
    assert run("decisions", "export", str(exported)).returncode == 0
    entries = yaml.safe_load(exported.read_text("utf-8"))
    by_name = {e.get("person"): e for e in entries}
    assert by_name["José Álvarez"]["category"] == "keep-personal"
    assert "facebook:José Álvarez" in by_name["José Álvarez"]["accounts"]
    assert {
        "not-the-same": ["facebook:Sasha Petrov", "linkedin:https://www.linkedin.com/in/apetrov"]
    } in entries
    # A new machine: a fresh workspace, the same exports, the file.
    other = str(tmp_path / "new-machine.circlesort")
    run("--workspace", other, "import", "sample_exports")
    p = run("decisions", "import", str(exported), "--workspace", other)
    assert p.returncode == 0, p.stderr
    assert "Applied decisions for 2 people" in p.stdout
    with Workspace.open(other) as ws:
        cats = {p.name: p.category for p in ws.people()}
        assert cats["José Álvarez"] == "keep-personal" and cats["John Smith"] in (
            "move-to-professional",
            "undecided",
        )
        assert ws.person_of(("facebook", "Sasha Petrov")) != ws.person_of(
            ("linkedin", "https://www.linkedin.com/in/apetrov")
        )
        assert ws.undo().label.startswith("decisions from")  # the whole file is one step
        assert {p.category for p in ws.people()} == {"undecided"}


def test_a_hand_edited_file_places_what_it_can_and_says_what_it_cannot(tmp_path):
    run("import", "sample_exports")
    edited = tmp_path / "keep.yaml"
    edited.write_text(
        textwrap.dedent("""\
        - person: Liz Chen
          accounts: ["facebook:Liz Chen", "LINKEDIN:https://www.linkedin.com/in/Elizabeth-Chen-PhD"]
          category: keep-personal
        - person: Nobody
          accounts: ["facebook:No Such Friend"]
          category: page-follower
        - person: Typo
          accounts: ["facebook:Mark Taylor"]
          category: keep-personel
        """),
        encoding="utf-8",
    )
    p = run("decisions", "import", str(edited))
    assert p.returncode == 0, p.stderr
    assert "Applied decisions for 1 person from" in p.stdout
    assert "no account 'facebook:No Such Friend' in this workspace" in p.stdout
    assert "unknown category 'keep-personel'" in p.stdout
    with Workspace.open() as ws:  # listed together: linked by hand, one person
        liz = ws.person_of(("facebook", "Liz Chen"))
        assert liz == ws.person_of(("linkedin", "https://www.linkedin.com/in/elizabeth-chen-phd"))
        assert next(x for x in ws.people() if x.id == liz).category == "keep-personal"


def test_a_file_that_is_not_a_decisions_file_is_one_line_and_status_2(tmp_path):
    run("import", "sample_exports")
    bad = tmp_path / "bad.yaml"
    bad.write_text("person: [unclosed", encoding="utf-8")
    p = run("decisions", "import", str(bad))
    assert p.returncode == 2 and p.stderr.strip() == f"circlesort: {bad}: not readable YAML at line 1"
    bad.write_text("just: a mapping\n", encoding="utf-8")
    assert "expected a list of entries" in run("decisions", "import", str(bad)).stderr


def test_list_show_and_delete(private_workspaces):
    run("import", "sample_exports")
    run("--workspace", "work", "import", "sample_exports/contacts.vcf")
    listed = run("workspace", "list").stdout
    assert "default" in listed and "315 accounts" in listed and "work" in listed and "45 accounts" in listed
    shown = run("workspace", "show", "work").stdout
    assert "accounts: 45" in shown and "undo would undo: nothing" in shown
    assert run("workspace", "delete", "work").returncode == 2  # nobody at a terminal to say yes
    assert run("workspace", "delete", "work", "--yes").returncode == 0
    assert not any(p.name.startswith("work.") for p in private_workspaces.iterdir())
    assert run("workspace", "show", "work").returncode == 2


def test_a_second_circlesort_on_the_same_workspace_is_refused():
    run("import", "sample_exports")
    with Workspace.open():
        p = run("import", "sample_exports")
    assert p.returncode == 2
    assert "open in another circlesort" in p.stderr and "Traceback" not in p.stderr


def test_a_newer_or_damaged_workspace_is_status_2_never_a_reset(private_workspaces):
    private_workspaces.mkdir()
    (private_workspaces / "default.circlesort").write_bytes(b"\x00garbage" * 64)
    p = run("import", "sample_exports")
    assert p.returncode == 2 and "damaged" in p.stderr
    assert (private_workspaces / "default.circlesort").read_bytes() == b"\x00garbage" * 64


SESSION = """
import sys
from circlesort.workspace import Workspace
with Workspace.open() as ws:
    for pid in sorted({p.id for p in ws.people()}):
        ws.decide([pid], "keep-personal")
        print(pid, flush=True)  # on screen only once committed
"""


def test_a_session_killed_at_any_moment_keeps_every_acknowledged_decision():
    run("import", "sample_exports")
    proc = subprocess.Popen(
        [sys.executable, "-c", SESSION], stdout=subprocess.PIPE, text=True, cwd=ROOT, env=os.environ.copy()
    )
    acknowledged = []
    assert proc.stdout is not None
    for line in proc.stdout:
        acknowledged.append(line.strip())
        if len(acknowledged) == 40:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with Workspace.open() as ws:  # reopens cleanly after the kill, lock and all
        decided = {p.id for p in ws.people() if p.category == "keep-personal"}
        assert set(acknowledged) <= decided
        assert ws.can_undo() == "keep-personal for 1 person"
