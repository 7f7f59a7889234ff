"""`circlesort inspect` end to end, as a user runs it, on the bundled sample exports."""

import json
import os
import subprocess
import sys

from .conftest import ROOT

SAMPLES = ROOT / "sample_exports"


def run(*args, cwd=ROOT):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "circlesort", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )


def test_inspect_json_on_the_samples_reports_all_six_networks():
    p = run("inspect", "sample_exports", "--json")
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    assert doc["version"] == 1 and set(doc) == {"version", "sources", "counts", "messages", "warnings"}
    assert {"facebook", "linkedin", "instagram", "x", "mastodon", "contacts"} <= set(doc["counts"])
    assert "threads" in doc["counts"]
    for source in doc["sources"]:
        assert set(source) == {"path", "network", "files", "message_files", "warnings"}
        assert source["path"].startswith("sample_exports") and source["files"]
    fb = doc["counts"]["facebook"]
    assert fb["friend"] > 50 and fb["request_received"] >= 2 and fb["request_sent"] >= 1
    assert doc["counts"]["linkedin"]["connection"] > 50
    assert doc["counts"]["linkedin"]["request_received"] >= 1
    assert sum(sum(c.values()) for c in doc["counts"].values()) > 300
    assert any(w.startswith("x: ") and "no name or handle" in w for w in doc["warnings"])


def test_inspect_text_is_readable():
    p = run("inspect", "sample_exports")
    assert p.returncode == 0
    assert "facebook (" in p.stdout and "connection" in p.stdout and "Warnings:" in p.stdout


def test_bad_input_from_a_real_process_is_one_line(tmp_path):
    p = run("inspect", str(tmp_path / "missing.zip"))
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr.strip() == f"circlesort: {tmp_path / 'missing.zip'}: no such file or folder"


def test_sample_exports_are_what_the_generator_writes(tmp_path):
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_sample_exports.py"), str(tmp_path)],
        check=True,
        timeout=60,
    )
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(SAMPLES) for p in SAMPLES.rglob("*") if p.is_file())
    assert made == committed
    for rel in made:
        assert (tmp_path / rel).read_bytes() == (SAMPLES / rel).read_bytes(), rel


def test_core_never_imports_textual_or_rich():
    code = (
        "import sys, circlesort.model, circlesort.importers, circlesort.cli.report, circlesort.cli\n"
        "import circlesort.cli.match_report, circlesort.cli.workspace_commands, circlesort.rules.suggest\n"
        "import circlesort.planning.current, circlesort.planning.writers, circlesort.planning.verify\n"
        "import circlesort.planning.markdown, circlesort.planning.import_files\n"
        "import circlesort.workspace.roster, circlesort.workspace.detail, circlesort.workspace.requests\n"
        "from circlesort.importers import load\nfrom circlesort.matching import match\n"
        "from circlesort.workspace import Workspace, import_paths\n"
        "from circlesort.workspace.decisions_file import export_text\n"
        "match(load(['sample_exports']).accounts)\n"
        "ws = Workspace.open()\nimport_paths(ws, ['sample_exports'])\nexport_text(ws)\nws.close()\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "assert not bad, bad"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert p.returncode == 0, p.stderr
