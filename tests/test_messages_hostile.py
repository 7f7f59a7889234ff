"""Message files that are not what they seem: each skipped with one line, or read as far as it
holds counts, never a traceback; names cleaned, dates out of range ignored."""

from __future__ import annotations

import json

import pytest

from circlesort.importers import load
from circlesort.importers.archive import Entry
from circlesort.importers.meta_json import claims
from circlesort.model import Talk

from .conftest import by_key, meta, write_tree, write_zip
from .test_readers_hostile import _WRONG, _paths, _replaced

ME, ANA = "Me Self", "Ana Kováč"
T0 = 1_700_000_000_000
THREAD = "messages/inbox/anakovac_1/message_1.json"
FRIENDS = meta({"friends_v2": [{"name": ANA, "timestamp": 1600000000}]})


def _doc(messages, people=(ANA, ME)):
    return {"participants": [{"name": p} for p in people], "messages": messages, "title": people[0]}


def test_broken_thread_files_are_one_line_each_and_the_rest_is_read(tmp_path):
    ok = {"sender_name": ANA, "timestamp_ms": T0, "content": "x"}
    z = write_zip(
        tmp_path / "facebook.zip",
        {
            "friends/friends.json": FRIENDS,
            THREAD: meta(_doc([ok])),
            "messages/inbox/b_2/message_1.json": "{not json",
            "messages/inbox/c_3/message_1.json": "[1, 2]",
            "messages/inbox/d_4/message_1.json": json.dumps({"participants": "everyone", "messages": []}),
            "messages/inbox/e_5/message_1.json": b"\xff\xfe\x00binary",
            "messages/inbox/f_6/message_1.json": "[" * 100_000 + "]" * 100_000,
            "messages/inbox/g_7/message_1.json": '{"participants": [], "messages": [1' + "0" * 5000 + "]}",
        },
    )
    r = load([str(z)])
    assert by_key(r)[("facebook", ANA)].talk == Talk(0, 1, 0, "2023-11-14", "2023-11-14")
    skipped = sorted(w for w in r.warnings if "skipped" in w)
    assert len(skipped) == 6 and all("\n" not in w for w in skipped)
    assert any("b_2/message_1.json: invalid JSON at line 1" in w for w in skipped)
    assert any("c_3/message_1.json: not a message thread" in w for w in skipped)
    assert any("f_6/message_1.json: nested too deeply" in w for w in skipped)


def test_values_of_the_wrong_type_and_dates_out_of_range(tmp_path):
    messages = [
        {"sender_name": ANA, "timestamp_ms": 10**30},
        {"sender_name": ANA, "timestamp_ms": -5},
        {"sender_name": ANA, "timestamp_ms": "1700000000000"},
        {"sender_name": ANA, "timestamp_ms": True},
        {"sender_name": ["Ana"], "timestamp_ms": T0},
        {"sender_name": None},
        "not a message",
        [],
        {"sender_name": "Ana\x00 Kov\u00e1\u010d\u202e", "timestamp_ms": T0 + 86_400_000},
        {"sender_name": ME, "timestamp_ms": 1},
    ]
    d = write_tree(tmp_path / "fb", {"friends/friends.json": FRIENDS, THREAD: meta(_doc(messages))})
    r = load([str(d)])
    assert by_key(r)[("facebook", ANA)].talk == Talk(1, 5, 0, "2023-11-14", "2023-11-15")
    assert r.messages["facebook"].messages == 8 and not r.warnings


def test_one_thread_of_two_unnamed_people_is_counted_for_no_one(tmp_path):
    doc = {"participants": [ANA, ME], "messages": [{"senderName": ANA, "timestamp": T0}]}
    d = write_tree(tmp_path / "fb", {"friends/friends.json": FRIENDS, "x_1.json": json.dumps(doc)})
    r = load([str(d)])
    assert by_key(r)[("facebook", ANA)].talk is None
    assert r.messages["facebook"].threads == 1
    assert any("do not tell which participant is you" in w for w in r.warnings)


def test_thread_folders_are_never_claimed_by_the_connection_readers():
    def entry(inner):
        return Entry("export.zip", inner, 10, lambda n: b"")

    assert not claims(entry("messages/inbox/followers_123/followers_1.json"))
    assert not claims(entry("your_facebook_activity/messages/e2ee_cutover/friends_9/message_1.json"))
    assert claims(entry("connections/followers_and_following/followers_1.json"))


def test_a_secure_thread_named_on_its_own_and_a_messages_csv_without_its_header(tmp_path):
    doc = {
        "participants": [ME, ANA],
        "threadName": f"{ANA}_2",
        "messages": [{"senderName": ME, "timestamp": T0}],
    }
    d = write_tree(tmp_path / "x", {"Ana_2.json": json.dumps(doc), "messages.csv": "a,b\n1,2\n"})
    r = load([str(d / "Ana_2.json")])
    assert r.accounts == [] and r.messages["facebook"].messages == 1
    r = load([str(d)])
    assert any("skipped messages.csv: no header row with LinkedIn's message columns" in w for w in r.warnings)


STANDARD = _doc(
    [
        {
            "sender_name": ANA,
            "timestamp_ms": T0,
            "content": "x",
            "reactions": [{"reaction": "x", "actor": ME}],
        },
        {"sender_name": ME, "timestamp_ms": T0},
    ]
)
SECURE = {
    "participants": [ME, ANA],
    "threadName": "Ana_1",
    "messages": [{"senderName": ANA, "timestamp": T0, "text": "x", "type": "text", "media": []}],
}
X_DMS = [
    {
        "dmConversation": {
            "conversationId": "1-11",
            "messages": [
                {"messageCreate": {"id": "5", "senderId": "11", "recipientId": "1", "createdAt": "2020"}}
            ],
        }
    }
]


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    "inner, doc, prefix",
    [
        (THREAD, STANDARD, ""),
        ("messages/Ana_1.json", SECURE, ""),
        ("data/direct-messages.js", X_DMS, "window.YTD.direct_messages.part0 = "),
    ],
    ids=["standard", "secure", "x"],
)
def test_type_mutation_fuzz(tmp_path, inner, doc, prefix):
    """Each value of a thread replaced by each wrong type: read or skipped, never a traceback."""
    n = 0
    for path in _paths(doc):
        for value in _WRONG:
            n += 1
            files = {"friends/friends.json": FRIENDS, inner: prefix + json.dumps(_replaced(doc, path, value))}
            r = load([str(write_tree(tmp_path / f"case{n}", files))])
            for a in r.accounts:
                assert a.talk is None or isinstance(a.talk, Talk), (path, value)
    assert n > 100
