"""LinkedIn exports read exactly: every generation's and re-save's dates, one account a person, and
a translated header refused by name. Files in the shapes of real exports, with made-up people."""

from __future__ import annotations

import json

import pytest

from circlesort.importers import load

from .conftest import by_key, write_tree, write_zip

LI = "linkedin"
# A 2018 export: no Notes, no URL column, connections keyed by e-mail (or, where none is shared,
# the member's id), dates with the time; Invitations.csv names people and gives no URLs.
CONNECTIONS_2018 = (
    "First Name,Last Name,Email Address,Company,Position,Connected On\n"
    'Ada,Quill,ada.quill@example.org,Adatum,Founder,"1/8/18, 6:14 PM"\n'
    'Bo,Lindqvist,urn:li:member:123456789,,,"8/18/18, 12:37 AM"\n'
    'Meike,"Brandt, PhD",meike@example.org,Contoso,Researcher,"10/18/18, 1:21 AM"\n'
    'Tariq,Kumar,tariq.k@example.org,Fabrikam,Engineer,"7/21/15, 8:13 PM"\n'
)
INVITATIONS_2018 = (
    "From,To,Sent At,Message,Direction\n"
    'Maya Lindqvist,Bo Lindqvist,"8/18/18, 12:37 AM",,OUTGOING\n'
    'Maya Lindqvist,Jon Sand,"8/13/18, 3:27 AM",hi from the workshop,OUTGOING\n'
    '"Meike Brandt, PhD",Maya Lindqvist,"10/18/18, 1:10 AM",,INCOMING\n'
    'tariq kumar,Maya Lindqvist,"7/21/15, 9:48 AM",,INCOMING\n'
    'Ruth Okoye,Maya Lindqvist,"10/31/18, 7:52 AM",,INCOMING\n'
)


def export_2018(tmp_path):
    return write_zip(
        tmp_path / "Complete_LinkedInDataExport_11-04-2018.zip",
        {"Connections.csv": CONNECTIONS_2018, "Invitations.csv": INVITATIONS_2018},
    )


# --- 1. Dates: one reader, every form seen --------------------------------------------------------


def test_a_2018_export_keeps_every_connection_date_and_time(tmp_path):
    r = load([str(export_2018(tmp_path))])
    keys = by_key(r)
    ada = keys[(LI, "ada.quill@example.org")]
    assert ada.since("connection") == "2018-01-08T18:14"
    assert all(a.since("connection") for a in r.accounts if "connection" in a.relations)
    # The member id is a key, never an e-mail address.
    bo = keys[(LI, "urn:li:member:123456789")]
    assert bo.emails == () and bo.since("connection") == "2018-08-18T00:37"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("09 Sep 2022", "2022-09-09"),  # LinkedIn today
        ("9-Sep-22", "2022-09-09"),  # Excel re-save
        ("02-Dec-21", "2021-12-02"),  # Excel re-save, day with its zero
        ("1/8/18, 6:14 PM", "2018-01-08T18:14"),  # 2018 exports
        ("1/8/2018", "2018-01-08"),  # month first, as LinkedIn writes it
        ("1/8/2018 18:14", "2018-01-08T18:14"),  # Excel re-save of the 2018 form
        ("18-ene-20", "2020-01-18"),  # Spanish Excel re-save
        ("16.09.2021", "2021-09-16"),  # Danish Excel re-save, semicolons and all
    ],
)
def test_connected_on_in_every_form_seen(tmp_path, written, read):
    text = f"First Name;Last Name;Company;Position;Connected On\nAda;Quill;Adatum;Founder;{written}\n"
    [ada] = load([str(write_tree(tmp_path / "li", {"Connections.csv": text.encode("cp1252")}))]).accounts
    assert ada.since("connection") == read


def test_invitations_and_follows_read_by_the_same_reader(tmp_path):
    # A day-first spreadsheet re-saving "9/4/21" writes "09-04-2021": the digits stay month first,
    # as the rows around it show (sent 9/15/21 ... 09-04-2021 ... 8/30/21).
    d = write_tree(
        tmp_path / "li",
        {
            "Invitations.csv": (
                "From,To,Sent At,Message,Direction\r\n"
                "Ada Quill,Maya Lindqvist,9/15/21,,INCOMING\r\n"
                "Bo Lindqvist,Maya Lindqvist,09-04-2021,,INCOMING\r\n"
                'Cy Young,Maya Lindqvist,"1/8/2018 18:14",,INCOMING\r\n'
            ),
            "Member_Follows.csv": "Date,Status,FullName\n2024-02-19 17:32:21,Active,Grace Hopper\n",
        },
    )
    keys = by_key(load([str(d)]))
    assert keys[(LI, "Ada Quill")].since("request_received") == "2021-09-15"
    assert keys[(LI, "Bo Lindqvist")].since("request_received") == "2021-09-04"
    assert keys[(LI, "Cy Young")].since("request_received") == "2018-01-08T18:14"
    assert keys[(LI, "Grace Hopper")].since("following") == "2024-02-19T17:32"


# --- 3. One person, one LinkedIn account ----------------------------------------------------------


def test_an_invitation_without_url_is_the_connection_of_that_name(tmp_path):
    r = load([str(export_2018(tmp_path))])
    keys = by_key(r)
    # Keyed by e-mail or member id, found by name as matching compares names ("Meike Brandt, PhD",
    # "tariq kumar"): each is one account, the connection and the invitation it came from.
    assert keys[(LI, "urn:li:member:123456789")].relations == ("connection", "request_sent")
    meike = keys[(LI, "meike@example.org")]
    assert meike.relations == ("connection", "request_received") and meike.name == "Meike Brandt, PhD"
    assert keys[(LI, "tariq.k@example.org")].relations == ("connection", "request_received")
    # Nobody of that name: the invitation stays its own account.
    assert keys[(LI, "Jon Sand")].relations == ("request_sent",)
    assert keys[(LI, "Ruth Okoye")].relations == ("request_received",)
    assert len(r.accounts) == 6
    assert r.counts() == {LI: {"connection": 4, "request_received": 3, "request_sent": 2}}


def test_of_namesakes_the_invitation_goes_to_the_one_connected_after_it(tmp_path):
    d = write_tree(
        tmp_path / "li",
        {
            "Connections.csv": (
                "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                'Sam,Lee,sam.lee@example.org,Adatum,Buyer,"3/1/18, 9:00 AM"\n'
                'Sam,Lee,slee@example.net,Fabrikam,Designer,"9/1/18, 9:00 AM"\n'
            ),
            "Invitations.csv": (
                'From,To,Sent At,Message,Direction\nMaya Lindqvist,Sam Lee,"8/30/18, 5:00 PM",,OUTGOING\n'
            ),
        },
    )
    keys = by_key(load([str(d)]))
    assert keys[(LI, "slee@example.net")].relations == ("connection", "request_sent")
    assert keys[(LI, "sam.lee@example.org")].relations == ("connection",)


def test_2023_invitations_with_member_ids_join_connections_by_name(tmp_path):
    # 2023 exports give invitations member ids (inviterProfileUrn) that no other file has.
    z = write_zip(
        tmp_path / "Basic_LinkedInDataExport_06-20-2023.zip",
        {
            "Connections.csv": (
                'Notes:\n"When exporting your connection data..."\n\n'
                "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                "Ada,Quill,https://www.linkedin.com/in/adaquill,,Adatum,Founder,17 Jun 2023\n"
            ),
            "Invitations.csv": (
                "From,To,Sent At,Message,Direction,inviterProfileUrn,inviteeProfileUrn\n"
                'Maya Lindqvist,Ada Quill,"6/17/23, 6:18 AM",,OUTGOING,'
                "urn:li:member:610150649,urn:li:member:1025949835\n"
            ),
        },
    )
    [ada] = load([str(z)]).accounts
    assert ada.key == "https://www.linkedin.com/in/adaquill"
    assert ada.relations == ("connection", "request_sent")


def test_profile_urls_written_two_ways_are_one_key_and_a_bare_one_is_none(tmp_path):
    # Connections.csv percent-encodes a slug that Invitations.csv writes as it is; some 2023
    # Invitations.csv write "https://www.linkedin.com/in" for everyone.
    z = write_zip(
        tmp_path / "Complete_LinkedInDataExport_12-13-2023.zip",
        {
            "Connections.csv": (
                "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                "Sofía,López,https://www.linkedin.com/in/sof%C3%ADa-l%C3%B3pez-1a2b,,Adatum,CTO,"
                "12 Dec 2023\n"
                "Felipe,Alonso,https://www.linkedin.com/in/felipealonso,,Contoso,Analyst,7 Nov 2023\n"
            ),
            "Invitations.csv": (
                "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
                'Maya Lindqvist,Sofía López,"12/11/23, 10:25 AM",,OUTGOING,'
                "https://www.linkedin.com/in/mayalindqvist,https://www.linkedin.com/in/sofía-lópez-1a2b\n"
                'Maya Lindqvist,Felipe Alonso,"11/7/23, 12:20 PM",,OUTGOING,'
                "https://www.linkedin.com/in,https://www.linkedin.com/in\n"
                'Maya Lindqvist,Fabrizio Ramos,"11/24/23, 10:42 AM",,OUTGOING,'
                "https://www.linkedin.com/in,https://www.linkedin.com/in\n"
            ),
        },
    )
    r = load([str(z)])
    keys = by_key(r)
    assert keys[(LI, "https://www.linkedin.com/in/sof%c3%ada-l%c3%b3pez-1a2b")].relations == (
        "connection",
        "request_sent",
    )
    assert keys[(LI, "https://www.linkedin.com/in/felipealonso")].relations == ("connection", "request_sent")
    assert keys[(LI, "Fabrizio Ramos")].relations == ("request_sent",)
    assert len(r.accounts) == 3


# --- 4. Translated headers: refused, naming LinkedIn's columns --------------------------------------

GERMAN = (
    "Vorname,Nachname,URL,E-Mail-Adresse,Unternehmen,Position,Verbunden am\n"
    "Hanna,Beispiel,https://www.linkedin.com/in/hanna-beispiel,,Beispiel AG,Entwicklerin,03 Apr 2022\n"
)


def test_a_translated_connections_file_alone_is_refused_naming_the_columns(tmp_path, cli):
    f = tmp_path / "Connections.csv"
    f.write_text(GERMAN, encoding="utf-8")
    code, out, err = cli("inspect", "--json", str(f))
    assert code == 2 and out == ""
    [line] = err.strip().splitlines()
    assert "Connections.csv" in line and "First Name, Last Name, Connected On" in line
    assert "Traceback" not in err


def test_a_translated_file_in_an_export_is_named_and_the_rest_read(tmp_path, cli):
    z = write_zip(
        tmp_path / "Complete_LinkedInDataExport_04-03-2022.zip",
        {
            "Connections.csv": GERMAN,
            "Invitations.csv": 'From,To,Sent At,Message,Direction\nAda Quill,Maya Lindqvist,"4/1/22, 9:00 AM",,INCOMING\n',
        },
    )
    code, out, err = cli("inspect", "--json", str(z))
    assert code == 0, err
    doc = json.loads(out)
    assert doc["counts"] == {LI: {"request_received": 1}}
    [warning] = [w for w in doc["warnings"] if "Connections.csv" in w]
    assert "skipped Connections.csv" in warning and "First Name, Last Name, Connected On" in warning
