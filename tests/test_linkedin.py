"""LinkedIn: Connections.csv of every generation, Invitations.csv, Member_Follows."""

from circlesort.importers import load

from .conftest import by_key, write_tree, write_zip

NOTES = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email '
    'addresses are missing. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n\n'
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def test_current_connections_with_notes_preamble(tmp_path):
    z = write_zip(
        tmp_path / "Complete_LinkedInDataExport_02-08-2026.zip",
        {
            "Connections.csv": NOTES
            + HEADER
            + (
                'Ines,Okafor,https://www.linkedin.com/in/Ines-Okafor-3b2a91/?trk=x,,"Northwind Analytics, Inc.",Director of People Ops,08 Feb 2026\n'
                'Tomás,Reyes,https://www.linkedin.com/in/tomasreyes,tomas.reyes@example.org,Contoso,"Engineer, Platform",14 Nov 2019\n'
                ",,,,,,\n,,,,,,\n"
            )
        },
    )
    r = load([str(z)])
    keys = by_key(r)
    ines = keys[("linkedin", "https://www.linkedin.com/in/ines-okafor-3b2a91")]
    assert (ines.first_name, ines.last_name, ines.company) == ("Ines", "Okafor", "Northwind Analytics, Inc.")
    assert ines.since("connection") == "2026-02-08"
    tomas = keys[("linkedin", "https://www.linkedin.com/in/tomasreyes")]
    assert tomas.emails == ("tomas.reyes@example.org",) and tomas.position == "Engineer, Platform"
    assert r.counts() == {"linkedin": {"connection": 2}}
    assert not r.warnings


def test_older_export_without_url(tmp_path):
    d = write_tree(
        tmp_path / "li",
        {
            "Connections.csv": "First Name,Last Name,Email Address,Company,Position,Connected On\nAda,Quill,,Adatum,Founder,3/29/2016\n"
        },
    )
    r = load([str(d)])
    [ada] = r.accounts
    assert ada.key == "Ada Quill" and ada.url is None and ada.since("connection") == "2016-03-29"
    assert any("no profile URLs" in w for w in r.warnings)


def test_excel_resave_semicolons_cp1252_and_reflowed_notes(tmp_path):
    text = (
        "Notes:;;;;;;\n;;;;;;\n"
        "First Name;Last Name;URL;Email Address;Company;Position;Connected On\n"
        "José;Núñez;https://www.linkedin.com/in/jose-nunez;;Contoso;CFO;29-Mar-21\n"
    )
    d = write_tree(tmp_path / "li", {"Connections.csv": text.encode("cp1252")})
    [jose] = load([str(d)]).accounts
    assert jose.name == "José Núñez" and jose.since("connection") == "2021-03-29"


def test_invitations_both_directions_with_message(tmp_path):
    d = write_tree(
        tmp_path / "li",
        {
            "Invitations.csv": "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
            'Jordan Pike,Ines Okafor,"1/29/26, 2:37 PM",,OUTGOING,https://www.linkedin.com/in/jordanpike,https://www.linkedin.com/in/ines-okafor-3b2a91\n'
            'Ada Quill,Jordan Pike,"9/1/25, 10:00 AM",Hi Jordan - we met at the meetup,INCOMING,https://www.linkedin.com/in/adaquill,https://www.linkedin.com/in/jordanpike\n'
            'No Url,Jordan Pike,"9/2/25, 10:00 AM",,INCOMING,,\n'
        },
    )
    keys = by_key(load([str(d)]))
    ada = keys[("linkedin", "https://www.linkedin.com/in/adaquill")]
    [tie] = ada.ties
    assert (tie.relation, tie.since, tie.message) == (
        "request_received",
        "2025-09-01T10:00",
        "Hi Jordan - we met at the meetup",
    )
    assert keys[("linkedin", "https://www.linkedin.com/in/ines-okafor-3b2a91")].relations == ("request_sent",)
    assert keys[("linkedin", "No Url")].name == "No Url"
    assert ("linkedin", "https://www.linkedin.com/in/jordanpike") not in keys  # the owner


def test_member_follows(tmp_path):
    d = write_tree(
        tmp_path / "li",
        {
            "Member_Follows_80412345.csv": "Date,Status,FullName\n2024-02-01 15:02:55,Active,Grace Hopper\n2024-02-01 15:02:55,Inactive,Old Follow\n"
        },
    )
    [grace] = load([str(d)]).accounts
    assert grace.key == "Grace Hopper" and grace.relations == ("following",)


def test_renamed_connections_file_is_recognised_by_content(tmp_path):
    d = write_tree(
        tmp_path / "dl",
        {"my linkedin people.csv": NOTES + HEADER + "A,B,https://www.linkedin.com/in/ab,,,,01 Jan 2020\n"},
    )
    assert load([str(d)]).counts() == {"linkedin": {"connection": 1}}
