"""X archives: ids as strings, the owner never a contact, names from tweets, split parts."""

import json

from circlesort.importers import load

from .conftest import by_key, write_tree, write_zip


def js(kind, items, part=0):
    return f"window.YTD.{kind}.part{part} = " + json.dumps(items, indent=2)


def follow(kind, i, link=True):
    inner = {"accountId": i}
    if link:
        inner["userLink"] = f"https://twitter.com/intent/user?user_id={i}"
    return {kind: inner}


ACCOUNT = js("account", [{"account": {"username": "me", "accountId": "12497", "accountDisplayName": "Me"}}])


def test_current_archive_names_from_tweets_and_owner_excluded(tmp_path):
    tweets = [
        {
            "tweet": {
                "entities": {
                    "user_mentions": [
                        {
                            "name": "Jane Doe",
                            "screen_name": "jane_doe",
                            "id_str": "1583786340730150919",
                            "id": "1583786340730150919",
                        }
                    ]
                }
            }
        },
        {
            "tweet": {
                "in_reply_to_user_id_str": "38554421",
                "in_reply_to_screen_name": "nmukhina",
                "entities": {"user_mentions": []},
            }
        },
        {"tweet": {"in_reply_to_user_id_str": "12497", "in_reply_to_screen_name": "me"}},
    ]
    z = write_zip(
        tmp_path / "twitter-2026.zip",
        {
            "data/account.js": ACCOUNT,
            "data/follower.js": js(
                "follower",
                [
                    follow("follower", "1583786340730150919"),
                    follow("follower", "38554421"),
                    follow("follower", "12497"),
                ],
            ),
            "data/following.js": js(
                "following", [follow("following", "1583786340730150919"), follow("following", "99")]
            ),
            "data/tweets.js": js("tweets", tweets),
            "data/block.js": js("block", [follow("blocking", "5")]),
            "data/mute.js": js("mute", [follow("muting", "6")]),
            "Your archive.html": "<html></html>",
        },
    )
    r = load([str(z)])
    keys = by_key(r)
    jane = keys[("x", "1583786340730150919")]
    assert (jane.handle, jane.name, jane.relations) == ("jane_doe", "Jane Doe", ("follower", "following"))
    assert jane.url == "https://x.com/jane_doe"
    assert keys[("x", "38554421")].handle == "nmukhina"
    assert ("x", "12497") not in keys and r.owners["x"] == "12497"
    assert keys[("x", "5")].relations == ("blocked",) and keys[("x", "6")].relations == ("muted",)
    assert all(isinstance(a.key, str) for a in r.accounts)
    assert any("3 of 5 accounts have no name or handle" in w for w in r.warnings)


def test_parts_listed_in_manifest_and_a_missing_part(tmp_path):
    manifest = "window.__THAR_CONFIG = " + json.dumps(
        {
            "userInfo": {"accountId": "12497", "userName": "me"},
            "dataTypes": {
                "follower": {
                    "files": [
                        {
                            "fileName": "data/follower-part1.js",
                            "globalName": "YTD.follower.part1",
                            "count": "1",
                        },
                        {
                            "fileName": "data/follower-part2.js",
                            "globalName": "YTD.follower.part2",
                            "count": "1",
                        },
                        {
                            "fileName": "data/follower-part3.js",
                            "globalName": "YTD.follower.part3",
                            "count": "1",
                        },
                    ]
                }
            },
        }
    )
    z = write_zip(
        tmp_path / "twitter.zip",
        {
            "data/manifest.js": manifest,
            "data/follower-part1.js": js("follower", [follow("follower", "1")], 1),
            "data/follower-part2.js": js(
                "follower", [follow("follower", "2"), follow("follower", "12497")], 2
            )
            + ";",
        },
    )
    r = load([str(z)])
    assert sorted(a.key for a in r.accounts) == ["1", "2"]
    assert any("follower-part3.js" in w for w in r.warnings)


def test_2019_layout_at_zip_root_without_user_links(tmp_path):
    z = write_zip(
        tmp_path / "old.zip",
        {
            "follower.js": 'window.YTD.follower.part0 = [ {\n  "follower" : {\n    "accountId" : "73747798"\n  }\n} ]',
            "following.js": 'window.YTD.following.part0 = [ { "accountId" : "386025404" } ]',
            "tweet.js": js(
                "tweet",
                [
                    {
                        "tweet": {
                            "entities": {
                                "user_mentions": [
                                    {"name": "Old Friend", "screen_name": "oldf", "id_str": "386025404"}
                                ]
                            }
                        }
                    }
                ],
            ),
        },
    )
    keys = by_key(load([str(z)]))
    assert keys[("x", "73747798")].url == "https://twitter.com/intent/user?user_id=73747798"
    assert keys[("x", "386025404")].name == "Old Friend"


def test_empty_lists(tmp_path):
    d = write_tree(
        tmp_path / "tw",
        {
            "data/follower.js": "window.YTD.follower.part0 = [ ]",
            "data/following.js": js("following", [follow("following", "7")]),
        },
    )
    assert load([str(d)]).counts() == {"x": {"following": 1}}


def test_pre_2018_archive_says_it_has_no_lists(tmp_path):
    d = write_tree(
        tmp_path / "tw",
        {
            "tweets.csv": "tweet_id,text\n1,hi\n",
            "data/js/tweets/2017_01.js": "x",
            "data/follower.js": js("follower", []),
        },
    )
    r = load([str(d)])
    assert any("before August 2018" in w for w in r.warnings)
