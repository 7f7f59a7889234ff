"""No word of a message reaches the workspace file: the readers count messages, and the
workspace keeps the counts and dates only.

This test needs the Messenger reader (importers/messages_meta.py): it checks that the thread
was counted, so that it cannot pass by reading nothing."""

from __future__ import annotations

from circlesort.workspace import Workspace, import_paths
from circlesort.workspace.roster import Roster

from .conftest import meta, write_tree

MARKER = "zq7Xmarker-quartz-heron-1193"  # in every message, never in a name
USER = "Maya Lindqvist"
DAY_MS = 86_400_000
JAN_2023_MS = 1_672_531_200_000


def thread(title: str, people: list[str], senders: list[str], folder: str) -> dict:
    return {
        "participants": [{"name": p} for p in people],
        "messages": [
            {
                "sender_name": who,
                "timestamp_ms": JAN_2023_MS + i * DAY_MS,
                "content": f"{MARKER} message {i} from {who}",
                "share": {"link": f"https://example.org/{MARKER}", "share_text": MARKER},
                "is_geoblocked_for_viewer": False,
            }
            for i, who in enumerate(senders)
        ],
        "title": title,
        "is_still_participant": True,
        "thread_path": f"inbox/{folder}",
    }


def write_export(root):
    inbox = "your_facebook_activity/messages/inbox/"
    return write_tree(
        root,
        {
            "connections/friends/your_friends.json": meta(
                {
                    "friends_v2": [
                        {"name": "Ana Kovac", "timestamp": 1600000000},
                        {"name": "Bo Lind", "timestamp": 1600000000},
                    ]
                }
            ),
            inbox + "ana_1/message_1.json": meta(
                thread("Ana Kovac", ["Ana Kovac", USER], ["Ana Kovac", USER, "Ana Kovac"], "ana_1")
            ),
            inbox + "bolind_2/message_1.json": meta(thread("Bo Lind", ["Bo Lind", USER], [USER], "bolind_2")),
            inbox + "friends_3/message_1.json": meta(
                thread("Friends", ["Ana Kovac", "Bo Lind", USER], ["Bo Lind", "Ana Kovac"], "friends_3")
            ),
        },
    )


def raw_bytes(path) -> bytes:
    """The workspace file and whatever SQLite keeps beside it."""
    return b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())


def test_no_message_text_reaches_the_workspace_file(tmp_path):
    export = write_export(tmp_path / "facebook-export")
    with Workspace.open() as ws:
        summary = import_paths(ws, [str(export)])
        assert summary.result is not None and "facebook" in summary.result.messages  # the files were read
        ana = ws.account(("facebook", "Ana Kovac"))
        assert ana is not None and ana.talk is not None and ana.talk.messages == 3  # and counted
        assert any(r.talked for r in Roster.load(ws).rows)
        path = ws.path
        assert MARKER.encode() not in raw_bytes(path)
    assert MARKER.encode() not in raw_bytes(path)  # after the last checkpoint too
    assert MARKER.encode("utf-16-le") not in raw_bytes(path)
