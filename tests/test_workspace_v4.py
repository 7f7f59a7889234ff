"""Workspace version 4: each suggestion keeps its kind; a workspace from before opens and keeps
its suggestions, of no kind until the next import."""

from __future__ import annotations

import sqlite3

from circlesort.cli.commands import sample_exports
from circlesort.model import Tier
from circlesort.workspace import Workspace, import_paths
from circlesort.workspace.schema import VERSION


def test_a_version_3_workspace_opens_and_keeps_its_suggestions():
    with Workspace.open() as ws:
        import_paths(ws, [str(sample_exports())])
        before = ws.pairs(Tier.POSSIBLE)
        path = ws.path
    assert before
    db = sqlite3.connect(path)  # the workspace as version 3 wrote it: no kind column
    with db:
        db.execute("ALTER TABLE suggestions DROP COLUMN kind")
        db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    db.close()

    with Workspace.open(str(path)) as ws:
        after = ws.pairs(Tier.POSSIBLE)
    assert [(p.a, p.b, p.score, p.evidence) for p in after] == [
        (p.a, p.b, p.score, p.evidence) for p in before
    ]
    assert {p.evidence_kind for p in after} == {""}
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(VERSION)
    db.close()


def test_a_suggestions_kind_is_stored():
    from circlesort.importers import load
    from circlesort.matching import match

    accounts = load([str(sample_exports())]).accounts
    made = {((s.a.network, s.a.key), (s.b.network, s.b.key)): s.kind for s in match(accounts).suggestions}
    with Workspace.open() as ws:
        import_paths(ws, [str(sample_exports())])
        stored = {(p.a, p.b): p.evidence_kind for p in ws.pairs(Tier.POSSIBLE)}
    assert stored and all(stored.values())  # every suggestion has its kind
    assert all(made.get(pair, made.get(pair[::-1])) == kind for pair, kind in stored.items())


def test_linking_many_pairs_is_one_change_and_one_undo():
    from circlesort.workspace.changes import LinkPairs

    with Workspace.open() as ws:
        import_paths(ws, [str(sample_exports())])
        a, b, c = [p.id for p in ws.people()[:3]]
        ka, kb, kc = (ws.member_keys([p])[0] for p in (a, b, c))
        effect = ws.apply(LinkPairs([(ka, kb), (kb, kc)], "linked 2 pairs"))
        assert effect.regrouped and ws.person_of(ka) == ws.person_of(kb) == ws.person_of(kc)
        assert len(ws.rules("same")) == 2
        assert ws.undo().label == "linked 2 pairs"
        assert len({ws.person_of(k) for k in (ka, kb, kc)}) == 3 and not ws.rules("same")


def test_undoing_a_link_names_the_accounts_as_a_person_reads_them():
    from circlesort.workspace.changes import LinkAccounts

    with Workspace.open() as ws:
        import_paths(ws, [str(sample_exports())])
        fb = ("facebook", "John Smith")
        other = next(p.b if p.a == fb else p.a for p in ws.pairs(Tier.POSSIBLE) if fb in (p.a, p.b))
        ws.apply(LinkAccounts(fb, other))
        seen = ws.account(other)
        assert seen is not None and ":" not in seen.display_name
        label = ws.undo().label
        assert label.startswith("linked John Smith (Facebook) and ") and f"{seen.display_name} (" in label
        assert "facebook:" not in label
