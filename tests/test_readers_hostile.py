"""Hostile X, LinkedIn, contacts and Mastodon files: a skip with its reason, never a traceback or a hang.

Every file here is crafted in the test; the names are made up.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
import time
import tracemalloc
import zipfile

import pytest

from circlesort.importers import dates, load
from circlesort.importers.archive import Entry
from circlesort.importers.csvfile import read_rows

from .conftest import by_key, write_tree, write_zip

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
ADA = "Ada,Quill,https://www.linkedin.com/in/adaquill,,Adatum,Founder,08 Feb 2026\r\n"
CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{0}\r\nEMAIL:{1}\r\nEND:VCARD\r\n"


def one_line_error(cli, *args: str) -> str:
    code, out, err = cli("inspect", *args)
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and "Traceback" not in err
    return err.strip()


def inspect_json(cli, *args: str) -> dict:
    code, out, err = cli("inspect", "--json", *args)
    assert code == 0, err
    return json.loads(out)


# --- vCard ------------------------------------------------------------------------------------


@pytest.mark.timeout(15)
def test_vcards_without_end_are_read_in_linear_time(tmp_path):
    # 20,000 cards begun and never ended (260 KB): once a quadratic scan from each BEGIN.
    p = tmp_path / "contacts.vcf"
    p.write_text(CARD.format("Lena Vogt", "lena@example.org") + "BEGIN:VCARD\r\n" * 20_000, "utf-8")
    started = time.perf_counter()
    r = load([str(p)])
    assert time.perf_counter() - started < 6
    assert [a.key for a in r.accounts] == ["lena@example.org"]
    assert any("20,000 contacts" in w and "skipped" in w for w in r.warnings)


def test_a_card_cut_off_at_the_end_is_still_read(tmp_path):
    cut = CARD.format("Arun Kumar", "arun@example.com").removesuffix("END:VCARD\r\n")
    p = write_tree(tmp_path / "c", {"contacts.vcf": CARD.format("Lena Vogt", "lena@example.org") + cut})
    assert sorted(a.key for a in load([str(p)]).accounts) == ["arun@example.com", "lena@example.org"]


def test_a_card_whose_end_is_missing_before_the_next_card(tmp_path):
    first = CARD.format("Arun Kumar", "arun@example.com").removesuffix("END:VCARD\r\n")
    p = write_tree(tmp_path / "c", {"contacts.vcf": first + CARD.format("Lena Vogt", "lena@example.org")})
    r = load([str(p)])
    assert sorted(a.key for a in r.accounts) == ["arun@example.com", "lena@example.org"]
    assert by_key(r)[("contacts", "arun@example.com")].name == "Arun Kumar"


# --- CSV: memory, encodings, limits ------------------------------------------------------------


def _connections(n: int) -> str:
    return HEADER + "".join(
        f"Person{i},Surname{i % 97},https://www.linkedin.com/in/p-{i},,Company {i % 300},Engineer,0{i % 9 + 1} Feb 2026\r\n"
        for i in range(n)
    )


@pytest.mark.parametrize(
    "text",
    [_connections(40_000), "\r\n" * 2_000_000 + HEADER + ADA],
    ids=["40,000 connections", "2,000,000 blank lines first"],
)
def test_csv_rows_stream_without_copies_of_the_file(text):
    data = text.encode()  # about 4 MB
    size = len(data)
    entry = Entry("export", "Connections.csv", size, lambda n: data[:n])
    tracemalloc.start()
    try:
        n = sum(1 for _ in read_rows(entry))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n == text.count("\n")
    # The bytes once, and little besides: never text, lines and a list of rows of the whole file.
    assert peak < 1.6 * size, (peak, size)


def test_large_connections_file_accounts_share_their_strings(tmp_path):
    p = tmp_path / "Connections.csv"
    p.write_text(_connections(20_000), "utf-8")
    r = load([str(p)])
    assert len(r.accounts) == 20_000
    companies = {id(a.company) for a in r.accounts}
    ties = {id(a.ties) for a in r.accounts}
    assert len(companies) == 300 and len(ties) == 9


@pytest.mark.parametrize("extra", [b"x", b"\xd8"])
def test_utf16_with_an_odd_byte_count_is_read(tmp_path, extra):
    # Excel's UTF-16, cut one byte into a character; named as LinkedIn names it and renamed.
    data = (HEADER + ADA).encode("utf-16") + extra
    d = write_tree(tmp_path / "li", {"Connections.csv": data})
    r = load([str(d)])
    assert [a.name for a in r.accounts] == ["Ada Quill"]
    d2 = write_tree(tmp_path / "li2", {"my connections.csv": data})
    assert [a.name for a in load([str(d2)]).accounts] == ["Ada Quill"]


def test_a_field_over_the_csv_limit_skips_that_file_with_its_reason(cli, tmp_path):
    huge = "y" * (17 << 20)
    d = write_tree(
        tmp_path / "li",
        {
            "Connections.csv": HEADER + ADA,
            "Invitations.csv": "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n"
            f'Bo Lind,Me,"1/29/26, 2:37 PM","{huge}",INCOMING,,\r\n',
        },
    )
    doc = inspect_json(cli, str(d))
    assert doc["counts"] == {"linkedin": {"connection": 1}}
    assert any(
        "skipped Invitations.csv: not a readable CSV (field larger than field limit" in w
        for w in doc["warnings"]
    )


def test_nul_bytes_inside_a_csv_are_no_traceback(cli, tmp_path):
    d = write_tree(
        tmp_path / "li",
        {
            "Connections.csv": (
                HEADER + ADA * 100 + "Bo\x00b,Lind,https://www.linkedin.com/in/bolind,,,,\r\n"
            ).encode()
        },
    )
    doc = inspect_json(cli, str(d))
    assert doc["counts"] == {"linkedin": {"connection": 2}}


@pytest.mark.timeout(20)
def test_a_csv_refused_as_a_zip_bomb_is_one_line(cli, tmp_path):
    z = tmp_path / "contacts.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf, zf.open("google.csv", "w") as f:
        f.write(b"Name,E-mail 1 - Value\r\n")
        for _ in range(17):
            f.write(b" " * (1 << 20))
    assert "google.csv: would expand" in one_line_error(cli, str(z))
    assert "possible zip bomb" in one_line_error(cli, str(z))


@pytest.mark.timeout(20)
def test_a_refused_csv_beside_a_good_one_is_a_warning(cli, tmp_path):
    z = tmp_path / "export.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Connections.csv", HEADER + ADA)
        with zf.open("google.csv", "w") as f:
            for _ in range(17):
                f.write(b" " * (1 << 20))
    doc = inspect_json(cli, str(z))
    assert doc["counts"] == {"linkedin": {"connection": 1}}
    assert any("skipped google.csv:" in w and "zip bomb" in w for w in doc["warnings"])


def test_a_damaged_csv_in_a_zip_is_skipped_with_its_reason(cli, tmp_path):
    z = write_zip(
        tmp_path / "export.zip",
        {
            "Connections.csv": HEADER + ADA,
            "google.csv": "Name,E-mail 1 - Value\r\n" + "Lena,l@example.org\r\n" * 50,
        },
    )
    data = bytearray(z.read_bytes())
    at = data.index(b"google.csv") + len("google.csv")  # the first local header's name, then its data
    data[at : at + 8] = b"\xff" * 8
    z.write_bytes(bytes(data))
    doc = inspect_json(cli, str(z))
    assert doc["counts"] == {"linkedin": {"connection": 1}}
    assert any("skipped google.csv:" in w for w in doc["warnings"]), doc["warnings"]


# --- Dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        10**400,
        -(10**400),
        "1e999",
        float("nan"),
        2**63,
        "9999-12-31T23:59:59-01:00",
        "0001-01-01T00:00:00+01:00",
        "99999-01-01",
        None,
        [],
        {},
        True,
    ],
)
def test_every_date_reader_says_no_date_for_values_out_of_range(value):
    for read in (
        dates.from_unix,
        dates.iso_loose,
        dates.linkedin_date,
        dates.linkedin_datetime,
        dates.html_date,
    ):
        assert read(value) is None, (read.__name__, value)


def test_connected_on_out_of_range_keeps_the_connection_undated(tmp_path):
    d = write_tree(
        tmp_path / "li", {"Connections.csv": HEADER + ADA.replace("08 Feb 2026", "9999-12-31T23:59:59-01:00")}
    )
    [ada] = load([str(d)]).accounts
    assert ada.name == "Ada Quill" and ada.since("connection") is None


def test_a_huge_meta_timestamp_keeps_the_friend_undated(tmp_path):
    friends = '{"friends_v2": [{"name": "Anna Schmidt", "timestamp": 1' + "0" * 400 + "}]}"
    d = write_tree(tmp_path / "fb", {"connections/friends/your_friends.json": friends})
    [anna] = load([str(d)]).accounts
    assert anna.name == "Anna Schmidt" and anna.since("friend") is None


# --- X -----------------------------------------------------------------------------------------


def js(kind: str, items: object) -> str:
    return f"window.YTD.{kind}.part0 = " + json.dumps(items)


GOOD_TWEETS = [
    {
        "tweet": {
            "entities": {"user_mentions": [{"name": "Jane Doe", "screen_name": "jane_doe", "id_str": "11"}]}
        }
    },
    {"tweet": {"in_reply_to_user_id_str": "12", "in_reply_to_screen_name": "nmukhina"}},
]


def test_x_values_of_the_wrong_type_are_skipped_per_record(cli, tmp_path):
    tweets = [
        {"tweet": {"entities": "not a mapping"}},
        {"tweet": {"entities": {"user_mentions": 7}}},
        {
            "tweet": {
                "entities": {"user_mentions": [7, "x", None, {"id_str": ["11"], "screen_name": {"a": 1}}]}
            }
        },
        {"tweet": {"in_reply_to_user_id_str": {"id": "12"}, "in_reply_to_screen_name": ["x"]}},
        {"tweet": {"in_reply_to_user_id_str": "13", "in_reply_to_screen_name": "a/../../b"}},
        "a string",
        5,
        None,
        *GOOD_TWEETS,
    ]
    followers = [
        {"follower": {"accountId": "11"}},
        {"follower": {"accountId": "12"}},
        {"follower": {"accountId": {"id": "1"}}},
        {"follower": {"accountId": ["2"]}},
        {"follower": {"accountId": True}},
        {"follower": {"accountId": 1.5}},
        {"follower": {"accountId": "9" * 400}},
        {"follower": {"accountId": "١٢"}},
        {"follower": "14"},
        {"follower": None},
        ["15"],
        "16",
        {"follower": {"accountId": "13", "userLink": "javascript:alert(1)"}},
    ]
    d = write_tree(
        tmp_path / "tw",
        {
            "data/manifest.js": "window.__THAR_CONFIG = "
            + json.dumps(
                {
                    "userInfo": ["12497"],
                    "dataTypes": {
                        "follower": {"files": 3},
                        "following": ["x"],
                        "block": {"files": [{"fileName": {"a": 1}}, 5]},
                    },
                }
            ),
            "data/account.js": js("account", [{"account": "me"}, {"account": {"accountId": {"x": 1}}}]),
            "data/tweets.js": js("tweets", tweets),
            "data/follower.js": js("follower", followers),
            "data/following.js": js("following", {"following": {"accountId": "17"}}),
        },
    )
    doc = inspect_json(cli, str(d))
    assert doc["counts"] == {"x": {"follower": 3}}
    r = load([str(d)])
    keys = by_key(r)
    assert sorted(k for _, k in keys) == ["11", "12", "13"]
    assert keys[("x", "11")].handle == "jane_doe" and keys[("x", "12")].handle == "nmukhina"
    thirteen = keys[("x", "13")]
    assert thirteen.handle is None and thirteen.url == "https://twitter.com/intent/user?user_id=13"


def test_x_manifest_that_is_not_a_mapping(cli, tmp_path):
    for manifest in (
        "[1, 2]",
        '"text"',
        '{"userInfo": 5, "dataTypes": [1]}',
        '{"dataTypes": {"follower": 3}}',
    ):
        d = write_tree(
            tmp_path / f"tw{len(manifest)}",
            {
                "data/manifest.js": "window.__THAR_CONFIG = " + manifest,
                "data/follower.js": js("follower", [{"follower": {"accountId": "11"}}]),
            },
        )
        assert inspect_json(cli, str(d))["counts"] == {"x": {"follower": 1}}


def test_x_numbers_too_long_to_convert_and_deep_nesting(cli, tmp_path):
    d = write_tree(
        tmp_path / "tw",
        {
            "data/follower.js": "window.YTD.follower.part0 = "
            '[{"follower": {"accountId": "11", "n": 1' + "0" * 5000 + '}}, {"follower": {"accountId": 12}}]',
            "data/following.js": "window.YTD.following.part0 = " + "[" * 100_000 + "]" * 100_000,
            "data/block.js": js("block", [{"blocking": {"accountId": "13"}}]),
        },
    )
    doc = inspect_json(cli, str(d))
    assert doc["counts"] == {"x": {"follower": 2, "blocked": 1}}
    assert any("skipped data/following.js: nested too deeply" in w for w in doc["warnings"])
    assert all(isinstance(a.key, str) for a in load([str(d)]).accounts)


_WRONG = [None, True, 0, -1.5, 10**30, "", "text", "\u202e12", [], [1], {}, {"a": "b"}]


def _paths(obj: object, at: tuple = ()) -> list[tuple]:
    """Every place in a JSON document, as a path of keys and indexes."""
    out = [at]
    if isinstance(obj, dict):
        for k, v in obj.items():
            out += _paths(v, (*at, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out += _paths(v, (*at, i))
    return out


def _replaced(doc: object, path: tuple, value: object) -> object:
    if not path:
        return value
    doc = copy.deepcopy(doc)
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return doc


@pytest.mark.timeout(60)
def test_x_type_mutation_fuzz(tmp_path):
    """Each value of a small archive replaced by each wrong type: accounts still read, ids strings."""
    files = {
        "manifest": (
            "window.__THAR_CONFIG = ",
            {
                "userInfo": {"accountId": "1"},
                "dataTypes": {"follower": {"files": [{"fileName": "data/follower.js"}]}},
            },
        ),
        "account": ("window.YTD.account.part0 = ", [{"account": {"accountId": "1", "username": "me"}}]),
        "tweets": (
            "window.YTD.tweets.part0 = ",
            [
                {
                    "tweet": {
                        "entities": {
                            "user_mentions": [
                                {"name": "Jane", "screen_name": "jane", "id_str": "11", "id": "11"}
                            ]
                        },
                        "in_reply_to_user_id_str": "12",
                        "in_reply_to_screen_name": "bo",
                    }
                }
            ],
        ),
        "follower": (
            "window.YTD.follower.part0 = ",
            [
                {"follower": {"accountId": "11", "userLink": "https://x.com/i"}},
                {"follower": {"accountId": "12"}},
            ],
        ),
    }
    n = 0
    for name, (_, doc) in files.items():
        for path in _paths(doc):
            for value in _WRONG:
                n += 1
                tree = {
                    f"data/{k}.js": p + json.dumps(_replaced(d, path, value) if k == name else d)
                    for k, (p, d) in files.items()
                }
                r = load([str(write_tree(tmp_path / f"case{n}", tree))])
                for a in r.accounts:
                    assert type(a.key) is str and a.key.isascii() and a.key.isdigit(), (name, path, value)
                    assert a.handle is None or re.fullmatch(r"\w+", a.handle, re.ASCII), (name, path, value)
                if name != "follower":  # the follower list untouched: both followers still there
                    assert {a.key for a in r.accounts} == {"11", "12"}, (name, path, value)
    assert n > 300


# --- Mastodon ----------------------------------------------------------------------------------


def test_mastodon_file_with_a_field_over_the_limit_and_odd_utf16(cli, tmp_path):
    follows = "Account address,Show boosts\r\nann@example.social,true\r\n".encode("utf-16") + b"!"
    d = write_tree(
        tmp_path / "m",
        {
            "following_accounts.csv": follows,
            "blocked_accounts.csv": "troll@example.social\r\n" + '"' + "z" * (17 << 20) + '"\r\n',
        },
    )
    doc = inspect_json(cli, str(d))
    assert doc["counts"] == {"mastodon": {"following": 1}}
    assert any("skipped blocked_accounts.csv: not a readable CSV" in w for w in doc["warnings"])


def test_an_unparseable_vcard_line_writes_nothing_to_stderr(tmp_path):
    # vobject logged such lines, export text and all, on its own stderr handler.
    p = tmp_path / "contacts.vcf"
    p.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lena Vogt\r\nEMAIL:lena@example.org\r\n"
        "NOT A PROPERTY\x1b]0;title\x07\r\nEND:VCARD\r\n",
        "utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "circlesort", "inspect", str(p)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and "Lena Vogt" not in done.stderr
    assert done.stderr == ""


@pytest.mark.timeout(15)
def test_a_header_of_many_email_columns_costs_short_rows_nothing(tmp_path):
    header = "Name," + ",".join(f"E-mail {i} - Value" for i in range(1, 50_001)) + "\r\n"
    rows = "".join(f"Lena {i},lena{i}@example.org\r\n" for i in range(5_000))
    d = write_tree(tmp_path / "c", {"google.csv": header + rows})
    started = time.perf_counter()
    r = load([str(d)])
    assert time.perf_counter() - started < 5
    assert len(r.accounts) == 5_000 and by_key(r)[("contacts", "lena7@example.org")].name == "Lena 7"
