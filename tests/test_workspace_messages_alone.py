"""Message files imported on their own, after the exports they belong to: their counts join the
accounts the workspace holds, no account is marked gone, and the user is told what the secure
download alone leaves out. Real files, a real workspace."""

from __future__ import annotations

import json

from circlesort.model import Talk
from circlesort.workspace import Workspace, import_paths

from .conftest import write_zip
from .test_messages_readers import ME, SECURE_ZIP, T0, _follower, friends, ig_thread, thread


def _talks(ws: Workspace) -> dict[tuple[str, str], tuple[Talk | None, bool, str]]:
    present = {(a.network, a.key) for a in ws.accounts()}
    return {
        (a.network, a.key): (a.talk, (a.network, a.key) not in present, a.name) for a in ws.accounts(True)
    }


def test_secure_storage_imported_alone_joins_the_friends_held_and_marks_no_one_gone(tmp_path):
    standard = write_zip(
        tmp_path / "facebook-me.zip",
        {
            "your_facebook_activity/connections/friends/your_friends.json": friends(
                "Ana Kovač", "Bob Stone", "Cleo Park"
            ),
            "your_facebook_activity/messages/inbox/cleopark_1/message_1.json": thread(
                ["Cleo Park", ME], [("Cleo Park", T0)]
            ),
        },
    )
    secure = write_zip(tmp_path / "messenger.zip", SECURE_ZIP)
    with Workspace.open(str(tmp_path / "ws.sqlite")) as ws:
        import_paths(ws, [str(standard)])
        summary = import_paths(ws, [str(secure)])
        talks = _talks(ws)
        files = ws.message_files()["facebook"]
    assert not summary.gone
    assert any(
        "secure-storage download was read without your Facebook download" in w
        for w in summary.result.warnings
    )
    assert talks[("facebook", "Ana Kovač")][:2] == (Talk(1, 1, 0, "2024-06-01", "2024-06-02"), False)
    assert talks[("facebook", "Bob Stone")][:2] == (Talk(0, 1, 0, "2024-09-09", "2024-09-09"), False)
    # The network's counts are replaced whole: Cleo's came from the standard download.
    assert talks[("facebook", "Cleo Park")][:2] == (None, False)
    assert files.until is None and files.messages == 3


def test_instagram_threads_imported_alone_find_their_usernames_in_the_workspace(tmp_path):
    follows = write_zip(
        tmp_path / "instagram-me.zip",
        {
            "connections/followers_and_following/followers_1.json": json.dumps(
                [_follower(u) for u in ("ana.k", "sam_rivera")]
            )
        },
    )
    base = "your_instagram_activity/messages/inbox/"
    messages = write_zip(
        tmp_path / "instagram-me-messages.zip",
        {
            base + "anak_17841400000000001/message_1.json": ig_thread(
                ["Ana K", ME], [("Ana K", T0), (ME, T0)]
            ),
            base + "strangerx_17841400000000004/message_1.json": ig_thread(
                ["Stranger", ME], [("Stranger", T0)]
            ),
            base + "samrivera_17841400000000002/message_1.json": ig_thread(["Sam R", ME], [(ME, T0)]),
        },
    )
    with Workspace.open(str(tmp_path / "ws.sqlite")) as ws:
        import_paths(ws, [str(follows)])
        summary = import_paths(ws, [str(messages)])
        talks = _talks(ws)
    assert not summary.gone
    assert talks[("instagram", "ana.k")] == (Talk(1, 1, 0, "2023-11-14", "2023-11-14"), False, "Ana K")
    assert talks[("instagram", "sam_rivera")][0] == Talk(1, 0, 0, "2023-11-14", "2023-11-14")
    assert ("instagram", "strangerx") not in talks
