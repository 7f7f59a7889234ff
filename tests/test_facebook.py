"""Facebook DYI in its three JSON layouts, the label_values form, and HTML."""

from circlesort.importers import load

from .conftest import by_key, meta, write_tree, write_zip

FRIENDS = [
    {"name": "José Álvarez", "timestamp": 1700000000},
    {"name": "Anna Schmidt", "timestamp": 1696109832},
]


def test_current_layout_every_relation(tmp_path):
    root = "facebook-jane-2026-01-01-abc/"
    z = write_zip(
        tmp_path / "facebook-jane.zip",
        {
            root + "connections/friends/your_friends.json": meta({"friends_v2": FRIENDS}),
            root + "connections/friends/received_friend_requests.json": meta(
                {"received_requests_v2": [{"name": "Łukasz Wójcik", "timestamp": 1709000000}]}
            ),
            root + "connections/friends/sent_friend_requests.json": meta(
                {"sent_requests_v2": [{"name": "Ines Okafor", "timestamp": 1712345678}]}
            ),
            root + "connections/friends/rejected_friend_requests.json": meta(
                {"rejected_requests_v2": [{"name": "Chloe Martins", "timestamp": 1712000000}]}
            ),
            root + "connections/friends/removed_friends.json": meta(
                {"deleted_friends_v2": [{"name": "Lisa Wolf", "timestamp": 1523363572}]}
            ),
            root + "connections/followers/who_you've_followed.json": meta(
                {"following_v3": [{"name": "Jürgen Müller", "timestamp": 1628200000}]}
            ),
            root + "connections/followers/people_who_followed_you.json": meta(
                {"followers_v3": [{"name": "Fan Only"}]}
            ),
            root + "your_facebook_activity/posts/your_posts_1.json": meta([{"data": []}]),
        },
    )
    r = load([str(z)])
    assert r.counts() == {
        "facebook": {
            "friend": 2,
            "follower": 1,
            "following": 1,
            "request_received": 1,
            "request_sent": 1,
            "request_declined": 1,
            "removed": 1,
        }
    }
    accounts = by_key(r)
    jose = accounts[("facebook", "José Álvarez")]
    assert jose.name == "José Álvarez" and jose.since("friend") == "2023-11-14T22:13:20+00:00"
    assert ("facebook", "Łukasz Wójcik") in accounts and ("facebook", "Jürgen Müller") in accounts
    assert accounts[("facebook", "Fan Only")].since("follower") is None
    [source] = r.sources
    assert source.network == "facebook" and len(source.files) == 7


def test_2021_layout_and_underscore_variant(tmp_path):
    d = write_tree(
        tmp_path / "fb",
        {
            "friends_and_followers/friends.json": meta(
                {"friends_v2": [{"name": "Mads Brøndum", "timestamp": 1634498460}]}
            ),
            "friends_and_followers/friend_requests_received.json": meta(
                {"received_requests_v2": [{"name": "A B", "timestamp": 1634498460}]}
            ),
            "friends_and_followers/who_you_follow.json": meta(
                {"following_v2": [{"name": "Page X", "timestamp": 1634498460}]}
            ),
            "friends_and_followers/followers.json": meta({"followers_v2": [{"name": "F One"}]}),
            "connections/followers/who_you_ve_followed.json": meta(
                {"following_v3": [{"name": "Page Y", "timestamp": 1634498460}]}
            ),
        },
    )
    r = load([str(d)])
    keys = by_key(r)
    assert ("facebook", "Mads Brøndum") in keys
    assert keys[("facebook", "A B")].relations == ("request_received",)
    assert {k for (n, k), a in keys.items() if "following" in a.relations} == {"Page X", "Page Y"}
    assert keys[("facebook", "F One")].relations == ("follower",)


def test_2018_layout(tmp_path):
    d = write_tree(
        tmp_path / "facebook-old",
        {
            "friends/friends.json": meta({"friends": [{"name": "Old Friend", "timestamp": 1400000000}]}),
            "friends/removed_friends.json": meta(
                {"deleted_friends": [{"name": "Gone Friend", "timestamp": 1481662656}]}
            ),
            "friends/sent_friend_requests.json": meta(
                {"sent_requests": [{"name": "Asked", "timestamp": 1481662656}]}
            ),
            "following_and_followers/following.json": meta(
                {"following": [{"name": "Followed", "timestamp": 1481662656}]}
            ),
            "following_and_followers/followers.json": meta({"followers": [{"name": "Follower"}]}),
        },
    )
    r = load([str(d)])
    assert r.counts() == {
        "facebook": {"friend": 1, "follower": 1, "following": 1, "request_sent": 1, "removed": 1}
    }


def test_label_values_records_and_bare_object(tmp_path):
    d = write_tree(
        tmp_path / "facebook-x",
        {
            "connections/friends/your_friends.json": meta(
                [
                    {
                        "timestamp": 1740655193,
                        "media": [],
                        "fbid": "1",
                        "label_values": [
                            {"label": "Name", "value": "Anna Schmidt"},
                            {"label": "URL", "value": "", "href": ""},
                        ],
                    },
                    {
                        "timestamp": 1740600000,
                        "media": [],
                        "label_values": [{"label": "Nome", "value": "Mark Taylor"}],
                    },
                ]
            ),
            "connections/friends/received_friend_requests.json": meta(
                {"timestamp": 1740600000, "label_values": [{"label": "Name", "value": "Solo Record"}]}
            ),
        },
    )
    keys = by_key(load([str(d)]))
    assert keys[("facebook", "Anna Schmidt")].since("friend") == "2025-02-27T11:19:53+00:00"
    assert ("facebook", "Mark Taylor") in keys
    assert keys[("facebook", "Solo Record")].relations == ("request_received",)


def test_empty_names_are_counted_not_imported(tmp_path):
    d = write_tree(
        tmp_path / "facebook-e",
        {
            "connections/friends/your_friends.json": meta(
                {"friends_v2": [{"name": "", "timestamp": 1}, {"name": "Real", "timestamp": 1700000000}]}
            )
        },
    )
    r = load([str(d)])
    assert [a.key for a in r.accounts] == ["Real"]
    assert any("1 entry without a name" in w for w in r.warnings)


HTML_2023 = """<html><head><meta charset="utf-8"></head><body><div class="_a706">
<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">
<div class="_3-95 _2pim _a6-h _a6-i">Anna Schmidt</div>
<div class="_3-95 _a6-p"><div><div></div><div></div></div></div>
<div class="_3-94 _a6-o"><a href="#"><div class="_a72d">Nov 14, 2023 10:13:20 pm</div></a></div>
</div>
<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">
<div class="_3-95 _2pim _a6-h _a6-i">José [Work] Álvarez</div>
<div class="_3-94 _a6-o"><div class="_a72d">14. Nov. 2023, 22:13</div></div>
</div></div></body></html>"""

HTML_2025 = """<html><body><main>
<section class="_a6-g"><h2 class="_2ph_ _a6-h">Zoë Dupont</h2><footer><div class="_a72d">Nov 08, 2005 4:19:54 am</div></footer></section>
</main></body></html>"""

HTML_LEGACY = """<html><body><div class="contents"><h2>Friends</h2><ul>
<li>Old Friend (Added you)</li><li>Another One</li></ul></div></body></html>"""


def test_html_exports_names_dates_and_a_warning(tmp_path):
    d = write_tree(
        tmp_path / "facebook-html",
        {
            "connections/friends/your_friends.html": HTML_2023,
            "connections/followers/who_you've_followed.html": HTML_2025,
            "html/friends.htm": HTML_LEGACY,
        },
    )
    r = load([str(d)])
    keys = by_key(r)
    assert keys[("facebook", "Anna Schmidt")].since("friend") == "2023-11-14T22:13:20"
    assert keys[("facebook", "José [Work] Álvarez")].since("friend") == "2023-11-14T22:13:00"
    assert keys[("facebook", "Zoë Dupont")].relations == ("following",)
    assert ("facebook", "Old Friend") in keys and ("facebook", "Another One") in keys
    assert any("this export is HTML" in w for w in r.warnings)


def test_two_friends_with_one_name_are_reported(tmp_path):
    d = write_tree(
        tmp_path / "facebook-h",
        {
            "connections/friends/your_friends.json": meta(
                {
                    "friends_v2": [
                        {"name": "John Smith", "timestamp": 1300000000},
                        {"name": "John Smith", "timestamp": 1600000000},
                        {"name": "Ann Lee", "timestamp": 1600000000},
                    ]
                }
            )
        },
    )
    r = load([str(d)])
    assert len(r.accounts) == 2
    assert any("1 name appears more than once" in w and "'John Smith'" in w for w in r.warnings)
