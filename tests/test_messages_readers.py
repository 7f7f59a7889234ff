"""Message files counted, never kept: Facebook's standard download (every generation), Messenger's
secure storage, Instagram. Counts and dates join the accounts read from the connection files."""

from __future__ import annotations

import json
import zipfile

from circlesort.importers import load, zips
from circlesort.model import MessageFiles, Talk

from .conftest import by_key, meta, write_tree, write_zip

SECRET = "the words nobody keeps"
ME = "Me Self"
ANA = "Ana Kováč"
DAY = 86_400_000
T0 = 1_700_000_000_000  # 2023-11-14


def thread(people, messages, title=None, **extra):
    """A standard-download message_N.json as Meta writes it (mojibake and all), newest first."""
    doc = {
        "participants": [{"name": p} for p in people],
        "messages": [
            {"sender_name": s, "timestamp_ms": t, "content": SECRET, "is_geoblocked_for_viewer": False}
            for s, t in sorted(messages, key=lambda m: -m[1])
        ],
        "title": title if title is not None else (people[0] if len(people) == 2 else "Group"),
        "is_still_participant": True,
        "thread_path": "inbox/x_1",
        "magic_words": [],
        **extra,
    }
    return meta(doc)


def secure(people, messages, name):
    return json.dumps(
        {
            "participants": people,
            "threadName": name,
            "messages": [
                {
                    "senderName": s,
                    "timestamp": t,
                    "text": SECRET,
                    "type": "text",
                    "isUnsent": False,
                    "media": [],
                }
                for s, t in messages
            ],
        },
        ensure_ascii=False,
    )


def friends(*names):
    return meta({"friends_v2": [{"name": n, "timestamp": 1600000000} for n in names]})


def no_text(result):
    assert SECRET not in repr(result)


def test_old_layout_one_to_one_split_files_group_and_mojibake(tmp_path):
    z = write_zip(
        tmp_path / "facebook-me.zip",
        {
            "friends/friends.json": friends(ANA, "Bob Stone", "Cy Lee"),
            "messages/inbox/anakovac_123/message_1.json": thread(
                [ANA, ME], [(ANA, T0 + 3 * DAY), (ME, T0 + 2 * DAY), (ANA, T0 + DAY)]
            ),
            "messages/inbox/anakovac_123/message_2.json": thread([ANA, ME], [(ME, T0)]),
            "messages/inbox/anakovac_123/photos/1.jpg": b"\xff\xd8not really a photo",
            "messages/inbox/bobstone_9/message_1.json": thread(["Bob Stone", ME], [(ME, T0 + 40 * DAY)]),
            "messages/archived_threads/group_77/message_1.json": thread(
                [ME, ANA, "Bob Stone", "Cy Lee"],
                [(ANA, T0), (ANA, T0), ("Cy Lee", T0), ("Facebook user", T0), (ME, T0), ("Gone Guy", T0)],
                thread_type="RegularGroup",
            ),
            "messages/message_requests/dan_5/message_1.json": thread(["Dan Only", ME], [("Dan Only", T0)]),
        },
    )
    r = load([str(z)])
    keys = by_key(r)
    assert keys[("facebook", ANA)].talk == Talk(2, 2, 2, "2023-11-14", "2023-11-17")
    assert keys[("facebook", "Bob Stone")].talk == Talk(1, 0, 0, "2023-12-24", "2023-12-24")
    assert keys[("facebook", "Cy Lee")].talk == Talk(in_groups=1)
    assert ("facebook", "Dan Only") not in keys and ("facebook", "Gone Guy") not in keys
    assert r.messages == {"facebook": MessageFiles(4, 1, 12, "2023-12-24", "2023-12")}
    [source] = r.sources
    # Message files are counted, not listed (a Messenger download holds thousands).
    assert source.files == ["friends/friends.json"] and source.message_files == 5
    assert not r.warnings
    no_text(r)


def test_2024_and_2025_layouts_with_e2ee_cutover_in_a_folder(tmp_path):
    d = write_tree(
        tmp_path / "facebook-me",
        {
            "your_facebook_activity/connections/friends/your_friends.json": friends(ANA, "Bob Stone"),
            "your_facebook_activity/messages/inbox/anakovac_10/message_1.json": thread(
                [ANA, ME], [(ANA, T0 + 100 * DAY)]
            ),
            "your_facebook_activity/messages/e2ee_cutover/anakovac_11/message_1.json": thread(
                [ANA, ME], [(ME, T0), (ANA, T0 + DAY)]
            ),
            "your_activity_across_facebook/messages/filtered_threads/bob_3/message_1.json": thread(
                ["Bob Stone", ME], [("Bob Stone", T0 - 400 * DAY)]
            ),
        },
    )
    r = load([str(d)])
    keys = by_key(r)
    assert keys[("facebook", ANA)].talk == Talk(1, 2, 0, "2023-11-14", "2024-02-22")
    assert keys[("facebook", "Bob Stone")].talk == Talk(0, 1, 0, "2022-10-10", "2022-10-10")
    assert r.messages["facebook"] == MessageFiles(3, 0, 4, "2024-02-22", "2024-02")
    no_text(r)


SECURE_ZIP = {
    "Ana Kovač_40.json": secure(
        [ME, "Ana Kovač"], [("Ana Kovač", T0 + 200 * DAY), (ME, T0 + 201 * DAY)], "Ana Kovač_40"
    ),
    "Bob Stone_3.json": secure(["Bob Stone", ME], [("Bob Stone", T0 + 300 * DAY)], "Bob Stone_3"),
    "media/0b6e2a.jpeg": b"\xff\xd8",
}


def test_secure_storage_beside_the_standard_download_counts_to_the_end(tmp_path):
    standard = write_zip(
        tmp_path / "facebook-me.zip",
        {
            "your_facebook_activity/connections/friends/your_friends.json": friends("Ana Kovač", "Bob Stone"),
            "your_facebook_activity/messages/e2ee_cutover/anakovac_1/message_1.json": thread(
                ["Ana Kovač", ME], [(ME, T0)]
            ),
        },
    )
    r = load([str(standard), str(write_zip(tmp_path / "messenger.zip", SECURE_ZIP))])
    keys = by_key(r)
    assert keys[("facebook", "Ana Kovač")].talk == Talk(2, 1, 0, "2023-11-14", "2024-06-02")
    assert keys[("facebook", "Bob Stone")].talk == Talk(0, 1, 0, "2024-09-09", "2024-09-09")
    assert r.messages["facebook"] == MessageFiles(3, 0, 4, "2024-09-09", None)
    assert {s.path.rsplit("/", 1)[-1] for s in r.sources} == {"facebook-me.zip", "messenger.zip"}
    no_text(r)

    alone = load([str(standard)])
    assert alone.messages["facebook"].until == "2023-11"


def test_secure_storage_is_known_by_content_whatever_its_name(tmp_path):
    """A chat with someone called Following is a thread, never Facebook's following list."""
    d = write_tree(
        tmp_path / "export",
        {
            "friends.json": friends("Following"),
            "messages/Following_2.json": secure(["Following", ME], [("Following", T0)], "Following_2"),
            "messages/Bob_1.json": secure([ME, "Bob"], [(ME, T0)], "Bob_1"),
        },
    )
    r = load([str(d)])
    assert by_key(r)[("facebook", "Following")].talk == Talk(0, 1, 0, "2023-11-14", "2023-11-14")
    assert r.counts() == {"facebook": {"friend": 1}}
    # Read without the standard download: the user hears what that leaves out.
    assert [w[:56] for w in r.warnings] == ["Messenger's secure-storage download was read without you"]
    assert r.messages["facebook"].until is None


def ig_thread(people, messages):
    return thread(people, messages, title=people[0])


def test_instagram_threads_join_the_username_of_their_folder(tmp_path):
    base = "your_instagram_activity/messages/inbox/"
    messages = write_zip(
        tmp_path / "instagram-me-messages.zip",
        {
            base + "anak_17841400000000001/message_1.json": ig_thread(
                ["Ana K", ME], [("Ana K", T0), (ME, T0)]
            ),
            base + "samrivera_17841400000000002/message_1.json": ig_thread(["Sam R", ME], [(ME, T0)]),
            base + "twins_17841400000000003/message_1.json": ig_thread(["Twin", ME], [("Twin", T0)]),
            base + "strangerx_17841400000000004/message_1.json": ig_thread(
                ["Stranger", ME], [("Stranger", T0)]
            ),
            base + "friends_17841400000000005/message_1.json": thread(
                ["Ana K", "Sam R", ME], [("Ana K", T0), ("Sam R", T0), ("Sam R", T0)]
            ),
            base + "anak_17841400000000001/audio/1.mp4": b"\x00\x00\x00\x18ftypmp42",
        },
    )
    follows = write_zip(
        tmp_path / "instagram-me.zip",
        {
            "connections/followers_and_following/followers_1.json": json.dumps(
                [_follower(u) for u in ("ana.k", "Sam_Rivera", "twins", "twins_")]
            )
        },
    )
    r = load([str(messages), str(follows)])  # the connection files come after the messages
    keys = by_key(r)
    ana, sam = keys[("instagram", "ana.k")], keys[("instagram", "sam_rivera")]
    assert ana.talk == Talk(1, 1, 1, "2023-11-14", "2023-11-14") and ana.name == "Ana K"
    assert sam.talk == Talk(1, 0, 2, "2023-11-14", "2023-11-14") and sam.name == "Sam R"
    assert keys[("instagram", "twins")].talk is None and keys[("instagram", "twins_")].talk is None
    assert keys[("instagram", "twins")].name == ""
    assert r.messages == {"instagram": MessageFiles(5, 1, 8, "2023-11-14", None)}
    no_text(r)


def _follower(user):
    return {"title": "", "string_list_data": [{"href": f"https://www.instagram.com/{user}", "value": user}]}


def test_older_instagram_messages_folder_is_instagram_by_its_export(tmp_path):
    z = write_zip(
        tmp_path / "export-2021.zip",
        {
            "followers_and_following/followers.json": json.dumps(
                {"relationships_followers": [_follower("ana.k"), _follower("bo")]}
            ),
            "messages/inbox/anak_1/message_1.json": ig_thread(["Ana K", ME], [("Ana K", T0)]),
            "messages/inbox/bo_2/message_1.json": ig_thread(["Bo", ME], [(ME, T0)]),
        },
    )
    r = load([str(z)])
    assert by_key(r)[("instagram", "ana.k")].talk == Talk(0, 1, 0, "2023-11-14", "2023-11-14")
    assert set(r.messages) == {"instagram"}


def test_media_beside_the_threads_is_never_opened(tmp_path, monkeypatch):
    """Gigabytes of photos and audio: listed, never read, never counted against the budget."""
    path = tmp_path / "facebook-me.zip"
    base = "your_facebook_activity/messages/inbox/anakovac_1/"
    write_zip(
        path,
        {
            "your_facebook_activity/connections/friends/your_friends.json": friends(ANA),
            base + "message_1.json": thread([ANA, ME], [(ANA, T0)]),
        },
    )
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr(zipfile.ZipInfo(base + "videos/huge.mp4"), b"\x00" * (1 << 20))  # stored
        zf.writestr(base + "audio/a.ogg", b"OggS" * 5000, zipfile.ZIP_DEFLATED)
        zf.writestr(base + "photos/broken.jpg", b"\xff\xd8" * 1000, zipfile.ZIP_DEFLATED)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        infos = {i.filename: i for i in zf.infolist()}
    for name in (base + "photos/broken.jpg", base + "audio/a.ogg"):
        start = infos[name].header_offset + 30 + len(name)
        data[start : start + 8] = b"\xde\xad\xbe\xef" * 2  # damaged: reading it would fail
    path.write_bytes(bytes(data))
    opened: list[str] = []
    real = zips._reader

    def spy(zf, info, overlaps):
        read = real(zf, info, overlaps)

        def reading(limit):
            opened.append(info.filename)
            return read(limit)

        return reading

    monkeypatch.setattr(zips, "_reader", spy)
    r = load([str(path)])
    assert by_key(r)[("facebook", ANA)].talk == Talk(0, 1, 0, "2023-11-14", "2023-11-14")
    assert base + "message_1.json" in opened
    assert not any(name.endswith((".jpg", ".mp4", ".ogg")) for name in opened)
    assert not r.warnings


def test_a_thread_showing_only_the_username_again_gives_no_name():
    """Instagram shows the username of someone who set no name: that is no name to match on."""
    from circlesort.importers.sink import thread_name
    from circlesort.model import Account, Network

    account = Account(Network.INSTAGRAM, "jane.doe92", handle="jane.doe92")
    assert thread_name(account, "jane.doe92") == "" and thread_name(account, "Jane.Doe92") == ""
    assert thread_name(account, "Jane ✨") == "Jane ✨" and thread_name(account, "Jane Doe") == "Jane Doe"
