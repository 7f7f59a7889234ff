"""Facebook and Instagram HTML exports as Meta writes them now: Instagram's 2025 layout, dates in
the account's language, and Instagram files given on their own.

The markup copies real exports (2024-2026, several languages) record for record; every name,
username and date here is made up.
"""

from __future__ import annotations

import json

import pytest

from circlesort.importers import load
from circlesort.importers.dates import html_date

from .conftest import by_key, write_tree

BOX = '<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">{}</div>'
HEAD = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />'
    '<title>{}</title></head><body class="_5vb_ _2yq _a7o5"><div class="_li"><div class="_a705">'
    '<main class="_a706" role="main">'
)
TAIL = "</main></div></div></body></html>"


def ig_followers(*rows: tuple[str, str]) -> str:
    """Instagram's 2025 followers_1.html: the date is a plain <div> after the username's link."""
    boxes = "".join(
        BOX.format(
            f'<div class="_a6-p"><div><div><a target="_blank" href="https://www.instagram.com/{u}">'
            f"{u}</a></div><div>{when}</div></div></div>"
        )
        for u, when in rows
    )
    return HEAD.format("Followers") + boxes + TAIL


def ig_following(*rows: tuple[str, str]) -> str:
    """Instagram's 2025 following.html: the username in an h2, then its _u/ link, then the date."""
    boxes = "".join(
        BOX.format(
            f'<h2 class="_3-95 _2pim _a6-h _a6-i">{u}</h2><div class="_a6-p"><div><div>'
            f'<a target="_blank" href="https://www.instagram.com/_u/{u}">'
            f"https://www.instagram.com/_u/{u}</a></div><div>{when}</div></div></div>"
        )
        for u, when in rows
    )
    return HEAD.format("Following") + boxes + TAIL


def fb_friends(*rows: tuple[str, str]) -> str:
    """Facebook's 2024 your_friends.html, as written in any language."""
    boxes = "".join(
        f'<div class="_3-95 _a6-g"><div class="_2ph_ _a6-h _a6-i">{name}</div>'
        f'<div class="_3-94 _a6-o _2pie"><div class="_a72d">{when}</div></div></div>'
        for name, when in rows
    )
    return HEAD.format("Your friends") + boxes + TAIL


IG = "instagram-jane_doe-2025-11-02/connections/followers_and_following/"


# --- 1. Instagram's 2025 layout ------------------------------------------------------------------


def test_instagram_2025_layout_dates_every_follower_and_following(tmp_path):
    d = write_tree(
        tmp_path / "exports",
        {
            IG + "followers_1.html": ig_followers(
                ("kai_nguyen", "Nov 02, 2025 1:55 am"), ("sam.rivera", "Oct 31, 2025 1:52 pm")
            ),
            IG + "following.html": ig_following(
                ("lena.photo", "Oct 17, 2025 5:11 pm"), ("sam.rivera", "Jan 03, 2026 8:15 am")
            ),
        },
    )
    keys = by_key(load([str(d)]))
    assert keys[("instagram", "kai_nguyen")].since("follower") == "2025-11-02T01:55:00"
    assert keys[("instagram", "sam.rivera")].since("follower") == "2025-10-31T13:52:00"
    assert keys[("instagram", "sam.rivera")].since("following") == "2026-01-03T08:15:00"
    assert keys[("instagram", "lena.photo")].since("following") == "2025-10-17T17:11:00"


def test_the_date_is_the_first_text_after_the_name_that_reads_as_one(tmp_path):
    # The date is the first text after the name that reads as one: a note before it is passed over.
    html = (
        HEAD.format("Your friends")
        + (
            '<section class="_a6-g"><h2 class="_2ph_ _a6-h">Ada Quill</h2><div class="_2ph_ _a6-p">'
            "<div>Added from Jan 01, 2019 suggestions list 7</div></div>"
            '<footer class="_3-94 _a6-o"><div class="_a72d">Nov 08, 2021 4:19:54 am</div></footer></section>'
        )
        + TAIL
    )
    d = write_tree(tmp_path / "facebook-ada", {"connections/friends/your_friends.html": html})
    [ada] = load([str(d)]).accounts
    assert ada.since("friend") == "2021-11-08T04:19:54"


# --- 2. Dates in the account's language ----------------------------------------------------------

LOCALISED = [
    ("Dec 17, 2023 9:22:56pm", "2023-12-17T21:22:56"),  # English, no space before pm
    ("Mar 4, 2024, 1:03 AM", "2024-03-04T01:03:00"),  # English, capitals and a comma
    ("mar 22, 2024 2:21:27pm", "2024-03-22T14:21:27"),  # Spanish
    ("14 jun. 2021 21:41", "2021-06-14T21:41:00"),  # Spanish, 2021 layout
    ("13 de enero de 2024, 10:30", "2024-01-13T10:30:00"),  # Spanish, long form
    ("ago 10, 2024 4:38 da manhã", "2024-08-10T04:38:00"),  # Portuguese (Brazil)
    ("out 05, 2023 9:12 da noite", "2023-10-05T21:12:00"),
    ("août 07, 2022 10:55:38pm", "2022-08-07T22:55:38"),  # French
    ("déc 02, 2025 3:15 pm", "2025-12-02T15:15:00"),
    ("avr 18, 2021 8:22:57am", "2021-04-18T08:22:57"),
    ("14. Nov. 2023, 22:13", "2023-11-14T22:13:00"),  # German
    ("3. Okt. 2021, 09:05", "2021-10-03T09:05:00"),
    ("5. März 2024, 17:45", "2024-03-05T17:45:00"),
    ("giu 12, 2023 6:01 pm", "2023-06-12T18:01:00"),  # Italian
    ("4 dicembre 2016 alle ore 13:54", "2016-12-04T13:54:00"),
    ("mrt 05, 2024 3:04 pm", "2024-03-05T15:04:00"),  # Dutch
    ("mei 21, 2023 11:30am", "2023-05-21T11:30:00"),
    ("feb. 03, 2024 5:08:06pm", "2024-02-03T17:08:06"),  # Norwegian
    ("des. 24, 2022 7:00:01am", "2022-12-24T07:00:01"),
    ("maj 17, 2024 8:15 pm", "2024-05-17T20:15:00"),  # Danish, Swedish
    ("okt. 29, 2023 9:05:11am", "2023-10-29T09:05:11"),
    ("4 grudnia 2016 o 13:54", "2016-12-04T13:54:00"),  # Polish
    ("paź 09, 2024 10:10 pm", "2024-10-09T22:10:00"),
    ("Eki 14, 2023 10:13 ÖS", "2023-10-14T22:13:00"),  # Turkish
    ("Şub 02, 2024 7:45 ÖÖ", "2024-02-02T07:45:00"),
    ("Mei 08, 2025 1:07 am", "2025-05-08T01:07:00"),  # Indonesian
    ("Agu 17, 2024 8:00pm", "2024-08-17T20:00:00"),
    ("Tháng 10 01, 2025 10:21:24 ch", "2025-10-01T22:21:24"),  # Vietnamese
    ("Tháng 12 02, 2024 10:15:35 sáng", "2024-12-02T10:15:35"),
]


@pytest.mark.parametrize(("text", "expected"), LOCALISED)
def test_html_dates_in_the_languages_meta_writes(text, expected):
    assert html_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Jan 1, 2024 13:30 pm",
        "Nov 31, 2023 1:00 pm",
        "Mar 2020",
        "Oct 14 10:13 pm",
        "14 2023 10:13",
        "2024年2月3日 17:08",
        "Φεβ 03, 2024 5:08 μ.μ.",
    ],
)
def test_what_is_not_a_whole_date_is_none(text):
    assert html_date(text) is None


def test_localised_exports_are_dated(tmp_path):
    d = write_tree(
        tmp_path / "exports",
        {
            "facebook-kari/connections/friends/your_friends.html": fb_friends(
                ("Kari Nordmann", "feb. 03, 2024 5:08:06pm"), ("Ola Berg", "jan. 31, 2024 11:30:10am")
            ),
            "facebook-anna/connections/friends/your_friends.html": fb_friends(
                ("Anna Schmidt", "14. Nov. 2023, 22:13")
            ),
            "instagram-budi/connections/followers_and_following/followers_1.html": ig_followers(
                ("budi.santoso", "Mei 08, 2025 1:07 am"), ("sari_dewi", "Agu 17, 2024 8:00pm")
            ),
        },
    )
    keys = by_key(load([str(d)]))
    assert keys[("facebook", "Kari Nordmann")].since("friend") == "2024-02-03T17:08:06"
    assert keys[("facebook", "Ola Berg")].since("friend") == "2024-01-31T11:30:10"
    assert keys[("facebook", "Anna Schmidt")].since("friend") == "2023-11-14T22:13:00"
    assert keys[("instagram", "budi.santoso")].since("follower") == "2025-05-08T01:07:00"
    assert keys[("instagram", "sari_dewi")].since("follower") == "2024-08-17T20:00:00"


def test_dates_that_cannot_be_read_leave_people_undated_in_one_warning_per_file(tmp_path):
    d = write_tree(
        tmp_path / "facebook-yui",
        {
            "connections/friends/your_friends.html": fb_friends(
                ("Yui Tanaka", "2024年2月3日 17:08"),
                ("Ren Sato", "2023年11月14日 22:13"),
                ("Mia Ito", "Nov 14, 2023 10:13:20 pm"),
                ("Kai Mori", ""),
            )
        },
    )
    r = load([str(d)])
    keys = by_key(r)
    assert [keys[("facebook", n)].since("friend") for n in ("Yui Tanaka", "Ren Sato", "Kai Mori")] == [
        None
    ] * 3
    assert keys[("facebook", "Mia Ito")].since("friend") == "2023-11-14T22:13:20"
    unread = [w for w in r.warnings if "could not be read" in w]
    assert len(unread) == 1, r.warnings
    assert unread[0].startswith(
        "facebook: 2 dates in your_friends.html could not be read (such as '2024年2月3日 17:08')"
    )


# --- 3. Instagram files on their own, and files that give nothing ---------------------------------


@pytest.fixture
def plain_dir(tmp_path_factory):
    """A folder whose path names no network: a test's own tmp_path holds its name, which may."""
    return tmp_path_factory.mktemp("dl")


def inspect_json(cli, *paths: str) -> dict:
    code, out, err = cli("inspect", "--json", *paths)
    assert code == 0, (out, err)
    return json.loads(out)


def test_a_lone_instagram_followers_file_is_instagram(cli, plain_dir):
    f = plain_dir / "followers_1.html"
    write_tree(
        plain_dir,
        {
            "followers_1.html": ig_followers(
                ("kai_nguyen", "Nov 02, 2025 1:55 am"), ("sam.rivera", "Oct 31, 2025 1:52 pm")
            )
        },
    )
    doc = inspect_json(cli, str(f))
    assert doc["counts"] == {"instagram": {"follower": 2}}
    assert by_key(load([str(f)]))[("instagram", "kai_nguyen")].since("follower") == "2025-11-02T01:55:00"


def test_a_lone_instagram_following_file_and_a_folder_without_hints(cli, plain_dir):
    d = write_tree(
        plain_dir / "my stuff",
        {
            "following.html": ig_following(("lena.photo", "Oct 17, 2025 5:11 pm")),
            "followers_1.html": ig_followers(("lena.photo", "Oct 18, 2025 9:00 am")),
        },
    )
    assert inspect_json(cli, str(d / "following.html"))["counts"] == {"instagram": {"following": 1}}
    assert inspect_json(cli, str(d))["counts"] == {"instagram": {"follower": 1, "following": 1}}


def test_facebook_html_without_links_stays_facebook(cli, plain_dir):
    d = write_tree(plain_dir, {"followers.html": fb_friends(("Ada Quill", "Nov 14, 2023 10:13:20 pm"))})
    assert inspect_json(cli, str(d / "followers.html"))["counts"] == {"facebook": {"follower": 1}}


def test_an_html_export_that_gives_no_one_exits_2_with_the_reason(cli, plain_dir):
    d = write_tree(
        plain_dir,
        {
            "followers_1.html": HEAD.format("Followers") + "<p>Nothing to show</p>" + TAIL,
            "following.html": HEAD.format("Following") + BOX.format("<div><div></div></div>") * 3 + TAIL,
        },
    )
    for name, why in (
        ("followers_1.html", "no people found in it (an empty list, or a page layout"),
        ("following.html", "no people found in it: none of its 3 entries holds a name"),
    ):
        code, out, err = cli("inspect", str(d / name))
        assert code == 2 and out == "" and err.count("\n") == 1, (out, err)
        assert f"{name}: {why}" in err
    code, out, err = cli("inspect", str(d))
    assert code == 2 and "no people found in it" in err and "(and 1 more files)" in err


def test_an_empty_html_file_beside_others_is_a_warning(cli, plain_dir):
    d = write_tree(
        plain_dir / "instagram-jane",
        {
            "connections/followers_and_following/followers_1.html": ig_followers(
                ("kai_nguyen", "Nov 02, 2025 1:55 am")
            ),
            "connections/followers_and_following/following.html": HEAD.format("Following") + TAIL,
        },
    )
    doc = inspect_json(cli, str(d))
    assert doc["counts"] == {"instagram": {"follower": 1}}
    assert any(
        "instagram: skipped connections/followers_and_following/following.html: no people found in it" in w
        for w in doc["warnings"]
    ), doc["warnings"]
