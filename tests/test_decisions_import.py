"""Importing a decisions file: linear in the file and the workspace, and read quickly but the same.

The heavy user's file takes seconds (benchmarks/bench_decisions_import.py); here, what makes it
fast must not change what it reads: libyaml's parser gives the values the pure-Python one gives,
aliases are still refused, and a person's accounts follow the links an earlier entry made.
"""

from __future__ import annotations

import json

import pytest
import yaml

from circlesort.errors import InputError
from circlesort.tools import yamlfile
from circlesort.workspace import Workspace, import_paths
from circlesort.workspace.decisions_file import export_text, import_file

from .conftest import ROOT

SAMPLES = str(ROOT / "sample_exports")
HOSTILE = json.loads((ROOT / "tests" / "fixtures" / "hostile_names.json").read_text("utf-8"))


def _names() -> list[str]:
    found = HOSTILE if isinstance(HOSTILE, list) else [v for vs in HOSTILE.values() for v in vs]
    return [n for n in found if isinstance(n, str)] + ["tab\there", "nl\nhere", "\x85", "a\u2028b"]


def test_the_fast_reader_reads_what_the_careful_one_reads():
    entries = [
        {"person": n, "accounts": [f"facebook:{n}", "linkedin:https://www.linkedin.com/in/x?trk=1"]}
        for n in _names()
    ]
    entries.append({"steps": {"connect/linkedin/x": {"state": "sent", "at": "2026-11-30T09:12:00+00:00"}}})
    dumped = yaml.safe_dump({"entries": entries}, allow_unicode=True, default_flow_style=None, width=100)
    text = "on: yes\nnumbers: [0o17, 1_000, .inf, 2026-01-02]\n" + dumped
    assert yamlfile.load(text, "x", fast=True) == yamlfile.load(text, "x")
    assert yamlfile.load(text, "x", fast=True)["on"] == "yes"  # YAML 1.2 booleans in both


def test_the_fast_reader_still_refuses_aliases_and_leaves_stricter_texts_to_the_careful_one(monkeypatch):
    bomb = "- &a [x, x]\n- &b [*a, *a]\n"
    with pytest.raises(InputError, match="aliases"):
        yamlfile.load(bomb, "bomb.yaml", fast=True)
    assert yamlfile.load("page: {name: Maya, url:}\n", "x", fast=True) == {
        "page": {"name": "Maya", "url": None}
    }
    with pytest.raises(InputError, match="not readable YAML at line 1"):
        yamlfile.load("person: [unclosed", "bad.yaml", fast=True)
    monkeypatch.setattr(yamlfile, "_Fast", None)  # a PyYAML built without libyaml
    assert yamlfile.load("a: [1, b]\n", "x", fast=True) == {"a": [1, "b"]}


def test_an_entry_takes_the_accounts_an_earlier_entry_linked_to_its_person(tmp_path):
    """Entry 1 links Facebook José to Amara's LinkedIn; entry 2 names only Amara's contact, so
    its category reaches every account of the person entry 1 made, José's included."""
    with Workspace.open() as ws:
        import_paths(ws, [SAMPLES])
        jose = ws.member_keys([ws.person_of(("facebook", "José Álvarez"))])
        amara = ws.member_keys([ws.person_of(("facebook", "Amara Wang"))])
        first, second = [f"{n}:{k}" for n, k in jose[:1] + amara[:1]]
        other = f"{amara[-1][0]}:{amara[-1][1]}"
        path = tmp_path / "decisions.yaml"
        path.write_text(
            yaml.safe_dump(
                [
                    {"person": "José", "accounts": [first, second], "category": "keep-personal"},
                    {"person": "Amara", "accounts": [other], "category": "page-follower"},
                ],
                allow_unicode=True,
            ),
            encoding="utf-8",
        )
        applied = import_file(ws, str(path))
        assert applied.people == 2 and not applied.problems and applied.changed
        everyone = set(jose) | set(amara)
        assert {ws.person_of(k) for k in everyone} == {ws.person_of(jose[0])}
        assert {ws.categories()[k] for k in everyone} == {"page-follower"}
        assert "page-follower" in export_text(ws)
