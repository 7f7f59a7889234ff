"""`circlesort match` end to end on the sample exports: the JSON of docs/design.md §4, the table, errors."""

from __future__ import annotations

import json
import os
from collections import Counter

from circlesort.importers import load

from .conftest import ROOT
from .test_cli import SAMPLES, run

GOLDEN = ROOT / "tests" / "golden" / "match_sample_exports.json"


def test_match_json_has_the_shape_of_the_design_and_every_account_once():
    p = run("match", "sample_exports", "--json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["version"] == 1
    placed = Counter()
    for person in data["people"]:
        assert set(person) == {"id", "name", "accounts", "links"}
        assert person["id"].startswith("p-")
        for a in person["accounts"]:
            assert set(a) == {"network", "key", "name", "relations", "url"}
            placed[(a["network"], a["key"])] += 1
        for link in person["links"]:
            assert set(link) == {"a", "b", "tier", "score", "evidence"}
            assert link["tier"] in ("certain", "likely") and 0 <= link["score"] <= 1 and link["evidence"]
            assert 0 <= link["a"] < link["b"] < len(person["accounts"])
    assert placed == Counter((a.network, a.key) for a in load([str(SAMPLES)]).accounts)
    for s in data["suggestions"]:
        assert set(s) == {"a", "b", "tier", "score", "evidence"} and s["tier"] == "possible"
        assert set(s["a"]) == {"network", "key"}


def test_match_json_is_the_golden_file():
    """The whole output for the samples; CIRCLESORT_UPDATE_GOLDEN=1 rewrites it after a deliberate change."""
    data = json.loads(run("match", "sample_exports", "--json").stdout)
    if os.environ.get("CIRCLESORT_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert data == json.loads(GOLDEN.read_text("utf-8"))


def test_person_ids_are_stable_from_run_to_run():
    ids = [
        [p["id"] for p in json.loads(run("match", "sample_exports", "--json").stdout)["people"]]
        for _ in range(2)
    ]
    assert ids[0] == ids[1] and len(set(ids[0])) == len(ids[0])


def test_match_table_shows_people_links_and_suggestions():
    p = run("match", "sample_exports")
    assert p.returncode == 0, p.stderr
    out = p.stdout
    assert out.startswith("220 people from 315 accounts")
    assert "José Álvarez\n  facebook   José Álvarez\n" in out
    assert "same name after accent folding and dropping 'MBA'" in out
    assert "Suggestions (never linked without you):" in out
    assert "facebook:John Smith and linkedin:John Smith: one person? (0.82)" in out


def test_match_on_bad_input_is_one_line_and_status_2(tmp_path):
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    p = run("match", str(tmp_path / "notes.txt"))
    assert p.returncode == 2
    assert p.stderr.count("\n") == 1 and "notes.txt" in p.stderr and "Traceback" not in p.stderr
