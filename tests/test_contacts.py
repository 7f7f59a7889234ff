"""Google Contacts CSV (both header generations), Outlook CSV, vCard 2.1 / 3.0 / 4.0."""

from circlesort.importers import load

from .conftest import by_key, write_tree

GOOGLE_NEW = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,"
    "Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,"
    "Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value\n"
    "Grace,Brewster,Hopper,,,,,,Amazing Grace,,US Navy,Rear Admiral,,1906-12-09,,,* myContacts ::: Navy,"
    "* Work,Grace@Navy.example,Other,grace@example.com,Mobile,+1 555 0199\n"
    "Lena,,Vogt,,,,,,,,,,,,,,* myContacts,* Home,lena.vogt@example.org,,,Mobile,+49 170 0000000 ::: +49 30 1234\n"
    ",,,,,,,,,,,,,,,,* myContacts,,,,,,\n"
)
GOOGLE_OLD = (
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,Family Name Yomi,"
    "Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,"
    "Directory Server,Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Language,Photo,Group Membership,"
    "E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title\n"
    "Arun Kumar,Arun,,Kumar,,,,,,,,,,,,,,,,,,,,,,,,,* My Contacts ::: Vendors,* Work,arun.kumar@acme.example,"
    "Mobile,+91 98765 43210,Acme Ltd,CFO\n"
)
VCARD3 = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Arun Kumar\r\nN:Kumar;Arun;;;\r\n"
    "EMAIL;TYPE=INTERNET;TYPE=WORK:arun.kumar@acme.example\r\nEMAIL;TYPE=INTERNET:arun@home.example\r\n"
    "TEL;TYPE=CELL:+91 98765 43210\r\nORG:Acme Ltd\r\nTITLE:CFO\r\nBDAY:1980-09-21\r\n"
    "item1.URL:https://example.com/arun\r\nitem1.X-ABLabel:Website\r\n"
    "NOTE:Met at the expo\\, prefers calls.\r\nCATEGORIES:myContacts,starred,Vendors\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Priya Sharma with a very long name that is folded\r\n  onto two lines\r\n"
    "N:Sharma;Priya;;;\r\nEMAIL;TYPE=INTERNET:priya@example.net\r\nBDAY:--02-29\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nEND:VCARD\r\n"
)
VCARD4 = (
    "BEGIN:VCARD\nVERSION:4.0\nFN:Zoë Dupont\nN:Dupont;Zoë;;;\nTEL;VALUE=uri;TYPE=cell:tel:+33-6-12-34-56-78\n"
    "EMAIL;TYPE=home:zoe@example.fr\nKIND:individual\nEND:VCARD\n"
)
VCARD21 = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller\r\nTEL;CELL:+4917012345\r\nEND:VCARD\r\n"
)


def test_google_csv_current_generation(tmp_path):
    d = write_tree(tmp_path / "c", {"contacts.csv": GOOGLE_NEW})
    r = load([str(d)])
    keys = by_key(r)
    grace = keys[("contacts", "grace@navy.example")]
    assert grace.name == "Grace Brewster Hopper" and grace.emails == (
        "grace@navy.example",
        "grace@example.com",
    )
    assert (grace.company, grace.position, grace.labels) == ("US Navy", "Rear Admiral", ("Navy",))
    assert keys[("contacts", "lena.vogt@example.org")].phones == ("+49 170 0000000", "+49 30 1234")
    assert len(r.accounts) == 2 and any("1 contact " in w for w in r.warnings)


def test_google_csv_older_generation(tmp_path):
    d = write_tree(tmp_path / "c", {"google.csv": GOOGLE_OLD})
    [arun] = load([str(d)]).accounts
    assert (arun.name, arun.first_name, arun.last_name) == ("Arun Kumar", "Arun", "Kumar")
    assert (arun.company, arun.position, arun.labels) == ("Acme Ltd", "CFO", ("Vendors",))


def test_outlook_csv(tmp_path):
    d = write_tree(
        tmp_path / "c",
        {
            "outlook.csv": "First Name,Middle Name,Last Name,Company,Job Title,"
            "E-mail Address,Mobile Phone\nAda,,Quill,Adatum,Founder,ada@adatum.example,+1 555\n"
        },
    )
    [ada] = load([str(d)]).accounts
    assert ada.key == "ada@adatum.example" and ada.phones == ("+1 555",)


def test_vcard_3_google_takeout(tmp_path):
    d = write_tree(tmp_path, {"Takeout/Contacts/My Contacts/My Contacts.vcf": VCARD3})
    r = load([str(d / "Takeout")])
    keys = by_key(r)
    arun = keys[("contacts", "arun.kumar@acme.example")]
    assert arun.emails == ("arun.kumar@acme.example", "arun@home.example")
    assert (arun.company, arun.position, arun.labels, arun.url) == (
        "Acme Ltd",
        "CFO",
        ("Vendors",),
        "https://example.com/arun",
    )
    assert (
        keys[("contacts", "priya@example.net")].name
        == "Priya Sharma with a very long name that is folded onto two lines"
    )
    assert r.sources[0].files == ["My Contacts.vcf"]
    assert any("1 contact " in w for w in r.warnings)


def test_vcard_4_and_2_1(tmp_path):
    d = write_tree(tmp_path / "c", {"a.vcf": VCARD4, "b.vcf": VCARD21})
    keys = by_key(load([str(d)]))
    zoe = keys[("contacts", "zoe@example.fr")]
    assert zoe.name == "Zoë Dupont" and zoe.phones == ("+33-6-12-34-56-78",)
    assert keys[("contacts", "Jürgen Müller (+4917012345)")].phones == ("+4917012345",)
