"""Contacts as Android and Samsung phones write them (vCard 2.1, quoted-printable), and contacts who
share a name kept apart, in new workspaces and in those made before they were."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime

from circlesort.importers import contacts, load
from circlesort.planning.current import current_plan, set_state
from circlesort.planning.import_files import google_contacts
from circlesort.planning.settings import load_settings
from circlesort.planning.steps import StepState
from circlesort.workspace import Workspace, import_paths
from circlesort.workspace.changes import LinkAccounts
from circlesort.workspace.plan_store import step_states, stored_steps

from .conftest import ROOT, by_key, meta, write_tree

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
QP = "CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE"
CUSTOM = "X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,"


def android_qp(text: str) -> str:
    """As Android's vCard writer encodes a value: every byte as =XX, and after every 22 bytes a
    soft line break, "=" and CRLF, the value going on at the start of the next line."""
    out, width = [], 0
    for byte in text.encode("utf-8"):
        out.append(f"={byte:02X}")
        width += 3
        if width >= 67:
            out.append("=\r\n")
            width = 0
    return "".join(out)


def android_card(first: str, last: str, *lines: str) -> str:
    n = ";".join(android_qp(part) for part in (last, first, "", "", ""))
    return (
        f"BEGIN:VCARD\r\nVERSION:2.1\r\nN;{QP}:{n}\r\nFN;{QP}:{android_qp(f'{first} {last}')}\r\n"
        + "".join(f"{line}\r\n" for line in lines)
        + "END:VCARD\r\n"
    )


def by_name(result) -> dict[str, object]:
    return {a.name: a for a in result.accounts}


def inspect_json(path) -> tuple[dict, str]:
    """`circlesort inspect --json` in a process of its own: its output, and all it wrote to stderr."""
    run = subprocess.run(
        [sys.executable, "-m", "circlesort", "inspect", str(path), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout), run.stderr


# --- 1. soft line breaks -------------------------------------------------------------------------


def test_android_soft_line_breaks_keep_long_names_whole(tmp_path):
    russian = android_card("Александра Константиновна", "Вишневецкая-Оболенская", "TEL;CELL:+79161234567")
    hebrew = android_card("שמואל", "רוזנבלום-אייזנברג", "TEL;CELL:+972501112233")
    assert "=\r\n=" in russian and "=\r\n=" in hebrew  # the names run over several lines
    # A Sony phone ends the last line of a value with a break, then a blank line.
    sony = (
        f"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;{QP}:{android_qp('Коммерческий Автобус')}=\r\n\r\n"
        "TEL;CELL:+70000000001\r\nEND:VCARD\r\n"
    )
    # In vCard 3.0 without quoted-printable a trailing "=" is text, not a break.
    plain = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Equals Sign=\r\nEMAIL:eq@example.org\r\n"
        "NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9\r\nEND:VCARD\r\n"
    )
    d = write_tree(tmp_path / "phone", {"contacts.vcf": russian + hebrew + sony + plain})
    result = load([str(d)])
    names = by_name(result)
    assert sorted(names) == [
        "Equals Sign=",
        "Александра Константиновна Вишневецкая-Оболенская",
        "Коммерческий Автобус",
        "שמואל רוזנבלום-אייזנברג",
    ]
    sasha = names["Александра Константиновна Вишневецкая-Оболенская"]
    assert (sasha.first_name, sasha.last_name) == ("Александра Константиновна", "Вишневецкая-Оболенская")
    assert sasha.key.startswith(sasha.name)  # the whole name is the key, never a cut one
    shmuel = names["שמואל רוזנבלום-אייזנברג"]
    assert (shmuel.first_name, shmuel.last_name, shmuel.phones) == (
        "שמואל",
        "רוזנבלום-אייזנברג",
        ("+972501112233",),
    )
    assert names["Коммерческий Автобус"].phones == ("+70000000001",)
    assert names["Equals Sign="].emails == ("eq@example.org",)
    assert result.warnings == []


def test_a_value_cut_off_by_the_end_of_the_file_costs_only_its_card(tmp_path):
    whole = android_card("Ilse", "Brandt", "TEL;CELL:+4930123456")
    # Cut inside the bytes of a character, so the value cannot be read whole.
    cut = f"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;{QP}:{android_qp('Борис Годунов')[:36]}=\r\n"
    d = write_tree(tmp_path / "phone", {"contacts.vcf": whole + cut})
    result = load([str(d)])
    assert [a.name for a in result.accounts] == ["Ilse Brandt"]
    assert any("1 contact in contacts.vcf" in w for w in result.warnings)


# --- 2. Samsung's custom labels ----------------------------------------------------------------

SAMSUNG = (
    android_card(
        "Dana", "Levi", "TEL;CELL:+972 52-000-0001", f"TEL;{CUSTOM}{android_qp('נייד')}):+972 50-111-2233"
    )
    + android_card(
        "Lena",
        "Vogt",
        f"TEL;{CUSTOM}{android_qp('Arbeit Mobil')}):+49 162 0000001",
        f"EMAIL;{CUSTOM}{android_qp('Arbeit Handy')}):lena.vogt@example.de",
    )
    + android_card("Zoe", "Lopez", f"TEL;{CUSTOM}Soccer coach, Saturdays):555-010-5656")
    # A label longer than 22 bytes is broken across lines like any value.
    + android_card("Ori", "Katz", f"TEL;{CUSTOM}{android_qp('מספר ישן של העבודה')}):03-555-0000")
)


def test_samsung_custom_labels_keep_the_number_and_its_label(tmp_path):
    assert "=\r\n=" in android_qp("מספר ישן של העבודה")
    d = write_tree(tmp_path / "phone", {"contacts.vcf": SAMSUNG})
    result = load([str(d)])
    names = by_name(result)
    dana = names["Dana Levi"]
    assert dana.phones == ("+972 52-000-0001", "+972 50-111-2233")
    assert dana.phone_labels == (("+972 50-111-2233", "נייד"),)
    lena = names["Lena Vogt"]
    assert (lena.key, lena.emails, lena.phones) == (
        "lena.vogt@example.de",
        ("lena.vogt@example.de",),
        ("+49 162 0000001",),
    )
    assert lena.phone_labels == (("+49 162 0000001", "Arbeit Mobil"),)
    assert names["Zoe Lopez"].phone_labels == (("555-010-5656", "Soccer coach, Saturdays"),)
    assert names["Ori Katz"].phone_labels == (("03-555-0000", "מספר ישן של העבודה"),)
    assert len(result.accounts) == 4 and result.warnings == []


def test_the_label_reaches_the_google_contacts_file(tmp_path):
    d = write_tree(tmp_path / "phone", {"contacts.vcf": SAMSUNG})
    with Workspace.open() as ws:
        import_paths(ws, [str(d)])
        dana = next(p.id for p in ws.people() if p.name == "Dana Levi")
        ws.decide([dana], "keep-personal")
        text, count = google_contacts(ws, current_plan(ws, load_settings(), NOW))
    [header, row] = list(csv.reader(io.StringIO(text)))
    got = dict(zip(header, row, strict=True))
    assert count == 1 and (got["Phone 1 - Label"], got["Phone 1 - Value"]) == ("", "+972 52-000-0001")
    assert (got["Phone 2 - Label"], got["Phone 2 - Value"]) == ("נייד", "+972 50-111-2233")


# --- 3. ORG:null -------------------------------------------------------------------------------


def test_samsungs_org_null_is_no_company(tmp_path):
    cards = android_card(
        "Noa", "Peretz", "TEL;CELL:+972500000009", "ORG:null", f"TITLE;{QP}:{android_qp('סוכנת')}"
    ) + android_card("Ada", "Quill", "EMAIL:ada@nullsoft.example", "ORG:Nullsoft;null", "TITLE:null")
    d = write_tree(tmp_path / "phone", {"contacts.vcf": cards})
    names = by_name(load([str(d)]))
    noa = names["Noa Peretz"]
    assert (noa.company, noa.position) == ("", "סוכנת")
    ada = names["Ada Quill"]
    assert (ada.company, ada.position) == ("Nullsoft", "")


# --- 4. what the library could not read --------------------------------------------------------


def test_unreadable_lines_are_one_warning_and_nothing_reaches_stderr(tmp_path):
    card = android_card(
        "Kim",
        "Sato",
        "TEL;CELL:+81900000001",
        "this line is no property",
        "neither is this one",
        "X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Kimmy;1;;;;;;;;;;;;;",
    )
    path = write_tree(tmp_path / "phone", {"junk.vcf": card}) / "junk.vcf"
    report, stderr = inspect_json(path)
    assert stderr == ""
    assert report["counts"] == {"contacts": {"contact": 1}}
    assert report["sources"][0]["warnings"] == ["skipped 2 lines of junk.vcf that could not be read"]


# --- 5. namesakes ------------------------------------------------------------------------------

NAMESAKES = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:;Anuj;;;\r\nFN:Anuj\r\nTEL;CELL:+91 98765 43210\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:;Anuj;;;\r\nFN:Anuj\r\nTEL;CELL:+91 99999 00000\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:;Mom;;;\r\nFN:Mom\r\nTEL;HOME:+1 555 0100\r\nEND:VCARD\r\n"
)


def test_namesakes_without_email_stay_two_and_those_without_a_number_are_warned_of(tmp_path):
    nameless = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya\r\nEND:VCARD\r\n"
    )
    path = write_tree(tmp_path / "phone", {"contacts.vcf": NAMESAKES + nameless}) / "contacts.vcf"
    keys = by_key(load([str(path)]))
    assert sorted(k for _, k in keys) == [
        "Anuj (+919876543210)",
        "Anuj (+919999900000)",
        "Mom (+15550100)",
        "Priya",
    ]
    assert keys[("contacts", "Anuj (+919999900000)")].phones == ("+91 99999 00000",)
    report, _ = inspect_json(path)
    assert report["counts"] == {"contacts": {"contact": 4}}
    assert report["sources"][0]["warnings"] == [
        "1 name appears more than once in contacts.vcf ('Priya') with neither e-mail nor phone to tell them "
        "apart: each is shown once"
    ]


def _old_key(name, emails, phones):
    """How circlesort keyed contacts until workspace version 3."""
    return emails[0] if emails else name


def test_a_workspace_from_before_keeps_its_decisions_links_and_steps_on_the_new_keys(tmp_path, monkeypatch):
    friends = {"friends_v2": [{"name": "Martha Quill", "timestamp": 1600000000}]}
    exports = write_tree(
        tmp_path / "exports",
        {"contacts.vcf": NAMESAKES, "fb/connections/friends/your_friends.json": meta(friends)},
    )
    with monkeypatch.context() as old:  # the workspace as the reader before version 3 made it
        old.setattr(contacts, "contact_key", _old_key)
        with Workspace.open() as ws:
            import_paths(ws, [str(exports)])
            assert {a.key for a in ws.accounts(networks=["contacts"])} == {"Anuj", "Mom"}
            assert ws.apply(LinkAccounts(("contacts", "Mom"), ("facebook", "Martha Quill"))).changed
            mom, anuj = ws.person_of(("contacts", "Mom")), ws.person_of(("contacts", "Anuj"))
            ws.decide([mom], "keep-personal")
            ws.decide([anuj], "move-to-professional")
            steps = {s.step.id for s in current_plan(ws, load_settings(), NOW).steps}
            assert {"label/contacts/Anuj", "label/contacts/Mom"} <= steps
            set_state(ws, ["label/contacts/Anuj"], StepState.DONE, "done")
            path = ws.path
    db = sqlite3.connect(path)  # and at its version then
    with db:
        db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    db.close()

    anuj_key, mom_key = "Anuj (+919876543210)", "Mom (+15550100)"
    with Workspace.open() as ws:
        assert {a.key for a in ws.accounts(networks=["contacts"])} == {anuj_key, mom_key}
        assert ws.person_of(("contacts", mom_key)) == ws.person_of(("facebook", "Martha Quill")) == mom
        assert ws.person_of(("contacts", anuj_key)) == anuj
        assert ws.categories() == {
            ("contacts", mom_key): "keep-personal",
            ("facebook", "Martha Quill"): "keep-personal",
            ("contacts", anuj_key): "move-to-professional",
        }
        assert ws.rules("same") == [(("contacts", mom_key), ("facebook", "Martha Quill"))]
        assert step_states(ws)[f"label/contacts/{anuj_key}"][0] == "done"
        assert not [i for i in stored_steps(ws) if i.endswith(("/Anuj", "/Mom"))]
        plan = {s.step.id: s.state for s in current_plan(ws, load_settings(), NOW).steps}
        assert plan[f"label/contacts/{anuj_key}"] == StepState.DONE
        assert plan[f"label/contacts/{mom_key}"] == StepState.PENDING
        assert not [i for i in plan if i in ("label/contacts/Anuj", "label/contacts/Mom")]
        # Undo takes back the mark made before: on the step as it is keyed now.
        assert ws.undo().label == "done"
        assert f"label/contacts/{anuj_key}" not in step_states(ws)
        assert ws.redo().label == "done"
        assert ws.undo().label == "done" and ws.undo() is not None  # the decision for Anuj
        assert ("contacts", anuj_key) not in ws.categories()
        ws.redo()
        ws.redo()

    # Next month's export: nobody gone; the second Anuj, merged into the first until now, is new.
    newer = write_tree(
        tmp_path / "newer",
        {
            "contacts.vcf": NAMESAKES
            + (
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Quentin Newcomb\r\nEMAIL:quentin@example.org\r\nEND:VCARD\r\n"
            )
        },
    )
    with Workspace.open() as ws:
        summary = import_paths(ws, [str(newer / "contacts.vcf")])
        assert summary.gone == {} and summary.new == {"contacts": 2}
        assert ws.categories()[("contacts", anuj_key)] == "move-to-professional"
        assert ws.person_of(("contacts", anuj_key)) == anuj
        assert ws.person_of(("contacts", mom_key)) == mom
        assert ("contacts", "Anuj (+919999900000)") not in ws.categories()
        assert step_states(ws)[f"label/contacts/{anuj_key}"][0] == "done"
