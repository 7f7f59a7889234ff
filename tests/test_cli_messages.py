"""`circlesort inspect` counts what the message files held, per network: threads (group threads
among them), messages, the newest date and where the files stop."""

from __future__ import annotations

import json

from circlesort.cli.report import inspect_json, inspect_text
from circlesort.importers import ImportResult
from circlesort.importers.sink import SourceReport
from circlesort.model import Account, MessageFiles, Network, Relation, Tie


def result() -> ImportResult:
    ana = Account(Network.FACEBOOK, "Ana Kovac", name="Ana Kovac", ties=(Tie(Relation.FRIEND),))
    found = ImportResult([ana], [SourceReport("facebook.zip", "facebook", ["your_friends.json"])], [])
    found.messages = {
        "linkedin": MessageFiles(3, 0, 1, "2021-05-04"),
        "facebook": MessageFiles(1204, 35, 48_210, "2023-12-20", "2023-12"),
    }
    return found


def test_inspect_json_has_the_messages_of_each_network():
    doc = inspect_json(result())
    assert doc["messages"] == {
        "facebook": {
            "threads": 1204,
            "group_threads": 35,
            "messages": 48_210,
            "last": "2023-12-20",
            "until": "2023-12",
        },
        "linkedin": {"threads": 3, "group_threads": 0, "messages": 1, "last": "2021-05-04", "until": None},
    }
    assert list(doc) == ["version", "sources", "counts", "messages", "warnings"]
    json.dumps(doc)


def test_inspect_json_without_message_files_says_none_were_read():
    found = result()
    found.messages = {}
    assert inspect_json(found)["messages"] == {}


def test_inspect_text_counts_the_messages():
    text = inspect_text(result())
    assert "Messages (counted, never read out):" in text
    assert (
        "  facebook 1,204 threads (1,169 one-to-one, 35 group), 48,210 messages, "
        "the last on 2023-12-20, counted until 2023-12: the standard download leaves out the end-to-end "
        "encrypted chats; add Messenger's secure-storage download to count them"
    ) in text
    assert "  linkedin 3 threads (3 one-to-one, 0 group), 1 message, the last on 2021-05-04" in text
    assert text.index("Messages") > text.index("facebook (1 accounts)")


def test_inspect_text_without_message_files_has_no_messages_section():
    found = result()
    found.messages = {}
    assert "Messages" not in inspect_text(found)


def test_inspect_prints_the_messages_the_readers_counted(cli, monkeypatch, tmp_path):
    monkeypatch.setattr("circlesort.importers.load", lambda paths, progress=None: result())
    (tmp_path / "facebook.zip").write_bytes(b"")
    code, out, _ = cli("inspect", "--json", str(tmp_path / "facebook.zip"))
    assert code == 0 and json.loads(out)["messages"]["facebook"]["until"] == "2023-12"
    code, out, _ = cli("inspect", str(tmp_path / "facebook.zip"))
    assert code == 0 and "48,210 messages" in out
