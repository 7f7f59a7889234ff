"""Instagram in every layout, and Threads inside the Instagram export."""

import json

from circlesort.importers import load

from .conftest import by_key, meta, write_tree, write_zip


def rec(user, ts=1719878400, host="https://www.instagram.com/"):
    return {
        "title": "",
        "media_list_data": [],
        "string_list_data": [{"href": host + user, "value": user, "timestamp": ts}],
    }


def new_following(user, ts=1786576120):
    return {
        "title": user,
        "string_list_data": [{"href": f"https://www.instagram.com/_u/{user}", "timestamp": ts}],
    }


def test_2018_connections_json(tmp_path):
    d = write_tree(
        tmp_path / "instagram-old",
        {
            "connections.json": json.dumps(
                {
                    "followers": {"sam.rivera": "2018-03-04T12:00:00+00:00"},
                    "following": {"Lena.Photo": "2017-01-02T03:04:05"},
                    "blocked_users": {"spammer": "2018-01-01T00:00:00"},
                }
            )
        },
    )
    keys = by_key(load([str(d)]))
    assert keys[("instagram", "sam.rivera")].since("follower") == "2018-03-04T12:00:00+00:00"
    lena = keys[("instagram", "lena.photo")]
    assert lena.handle == "Lena.Photo" and lena.relations == ("following",)
    assert keys[("instagram", "spammer")].relations == ("blocked",)


def test_2021_relationships_wrappers(tmp_path):
    z = write_zip(
        tmp_path / "ig.zip",
        {
            "followers_and_following/followers.json": json.dumps({"relationships_followers": [rec("a.one")]}),
            "followers_and_following/following.json": json.dumps({"relationships_following": [rec("b.two")]}),
        },
    )
    r = load([str(z)])
    assert r.counts() == {"instagram": {"follower": 1, "following": 1}}


def test_paged_followers_all_pages_and_new_following(tmp_path):
    base = "instagram-jane-2026-01-01-x/connections/followers_and_following/"
    z = write_zip(
        tmp_path / "instagram.zip",
        {
            base + "followers_1.json": json.dumps([rec(f"user{i}") for i in range(3)]),
            base + "followers_2.json": json.dumps([rec("user3"), rec("Sam.Rivera")]),
            base + "following.json": json.dumps({"relationships_following": [new_following("sam.rivera")]}),
        },
    )
    r = load([str(z)])
    keys = by_key(r)
    assert r.counts()["instagram"] == {"follower": 5, "following": 1}
    sam = keys[("instagram", "sam.rivera")]
    assert sam.relations == ("follower", "following")
    assert sam.url == "https://www.instagram.com/sam.rivera"
    assert not r.warnings


def test_missing_follower_page_is_reported(tmp_path):
    base = "connections/followers_and_following/"
    z = write_zip(
        tmp_path / "instagram.zip",
        {
            base + "followers_1.json": json.dumps([rec("a")]),
            base + "followers_3.json": json.dumps([rec("c")]),
        },
    )
    r = load([str(z)])
    assert any("followers_2.json" in w and "incomplete" in w for w in r.warnings)


def test_requests_close_friends_blocked_restricted(tmp_path):
    base = "connections/followers_and_following/"
    z = write_zip(
        tmp_path / "instagram-x.zip",
        {
            base + "follow_requests_you've_received.json": json.dumps(
                {"relationships_follow_requests_received": [rec("noah.b_")]}
            ),
            base + "pending_follow_requests.json": json.dumps(
                {"relationships_follow_requests_sent": [rec("hannah")]}
            ),
            base + "close_friends.json": json.dumps({"relationships_close_friends": [rec("zoe")]}),
            base + "blocked_profiles.json": json.dumps(
                {"relationships_blocked_users": [new_following("bot")]}
            ),
            # 2026: label_values with localized, mojibake labels, one record written bare
            base + "restricted_profiles.json": meta(
                {
                    "timestamp": 1740655193,
                    "media": [],
                    "label_values": [
                        {"label": "URL", "value": ""},
                        {"label": "Nome", "value": "Sarah Example"},
                        {"label": "Nome de usuário", "value": "sarah.example"},
                    ],
                }
            ),
            base + "recent_follow_requests.json": json.dumps(
                {"relationships_permanent_follow_requests": [rec("x")]}
            ),
        },
    )
    r = load([str(z)])
    keys = by_key(r)
    assert keys[("instagram", "noah.b_")].relations == ("request_received",)
    assert keys[("instagram", "hannah")].relations == ("request_sent",)
    assert keys[("instagram", "zoe")].relations == ("close_friend",)
    assert keys[("instagram", "bot")].relations == ("blocked",)
    sarah = keys[("instagram", "sarah.example")]
    assert sarah.relations == ("restricted",) and sarah.name == "Sarah Example"
    assert ("instagram", "x") not in keys


def test_threads_inside_the_instagram_export(tmp_path):
    z = write_zip(
        tmp_path / "instagram.zip",
        {
            "your_instagram_activity/threads/followers.json": meta(
                {
                    "text_post_app_text_post_app_followers": [
                        rec("sam.rivera", host="https://www.threads.net/@")
                    ]
                }
            ),
            "your_instagram_activity/threads/following.json": meta(
                {
                    "text_post_app_text_post_app_following": [
                        {
                            "title": "Zoë Dupont",
                            "media_list_data": [],
                            "string_list_data": [
                                {
                                    "href": "https://www.threads.net/@zoe.dupont",
                                    "value": "zoe.dupont",
                                    "timestamp": 1730000000,
                                }
                            ],
                        }
                    ]
                }
            ),
        },
    )
    r = load([str(z)])
    keys = by_key(r)
    assert keys[("threads", "sam.rivera")].relations == ("follower",)
    zoe = keys[("threads", "zoe.dupont")]
    assert zoe.name == "Zoë Dupont" and zoe.url == "https://www.threads.net/@zoe.dupont"
    assert [s.network for s in r.sources] == ["threads"]


def test_date_limited_export_is_flagged(tmp_path):
    followers = [rec(f"u{i}", 1760000000 + i * 86400) for i in range(40)]
    z = write_zip(
        tmp_path / "instagram.zip",
        {"connections/followers_and_following/followers_1.json": json.dumps(followers)},
    )
    r = load([str(z)])
    assert any("limited to a date range" in w and "All time" in w for w in r.warnings)


def test_html_following_with_deep_links(tmp_path):
    html = """<html><body>
    <div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder"><h2>sam.rivera</h2>
    <a target="_blank" href="https://www.instagram.com/_u/sam.rivera">sam.rivera</a><div>Oct 10, 2025 4:38 pm</div></div>
    <div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">
    <a target="_blank" href="https://www.instagram.com/lena.photo?igsh=abc">lena.photo</a></div>
    </body></html>"""
    d = write_tree(tmp_path / "instagram-h", {"connections/followers_and_following/following.html": html})
    r = load([str(d)])
    assert set(by_key(r)) == {("instagram", "sam.rivera"), ("instagram", "lena.photo")}
    assert any("HTML" in w for w in r.warnings)


def test_html_followers_without_record_boxes(tmp_path):
    html = (
        '<html><body><div><a target="_blank" href="https://www.instagram.com/kai_nguyen">kai_nguyen</a>'
        '<div>Jul 1, 2024 10:00 am</div><a href="https://www.instagram.com/sam.rivera">sam.rivera</a></div></body></html>'
    )
    d = write_tree(tmp_path / "instagram-h", {"connections/followers_and_following/followers_1.html": html})
    assert load([str(d)]).counts() == {"instagram": {"follower": 2}}
