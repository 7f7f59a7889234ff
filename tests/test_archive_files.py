"""Only regular files are opened: a FIFO, a device or a socket is named for what it is instead of
blocking the import, and a file or folder that cannot be read is skipped with its reason.
"""

import json
import os
import socket

import pytest

from .conftest import meta, write_tree

FRIENDS_FILE = "connections/friends/your_friends.json"


def friends(*names: str) -> str:
    return meta({"friends_v2": [{"name": n, "timestamp": 1700000000} for n in names]})


def inspect(cli, *paths):
    code, out, err = cli("inspect", "--json", *paths)
    assert code == 0 and "Traceback" not in err, (out, err)
    return json.loads(out)


def one_line_error(cli, *args):
    code, out, err = cli("inspect", *args)
    assert code == 2, (out, err)
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err
    return err.strip()


@pytest.mark.timeout(10)
def test_a_fifo_is_named_not_waited_on(cli, tmp_path):
    os.mkfifo(tmp_path / "export.zip")
    msg = one_line_error(cli, str(tmp_path / "export.zip"))
    assert msg.endswith("export.zip: is a FIFO (named pipe), not an export file")


def test_a_device_is_named(cli):
    assert one_line_error(cli, "/dev/null").endswith("/dev/null: is a character device, not an export file")


def test_a_socket_is_named(cli, tmp_path):
    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))
        assert one_line_error(cli, str(path)).endswith("s: is a socket, not an export file")


@pytest.mark.timeout(10)
def test_a_fifo_in_a_folder_is_skipped_with_a_word(cli, tmp_path):
    folder = write_tree(tmp_path / "facebook", {FRIENDS_FILE: friends("Anna Schmidt")})
    os.mkfifo(folder / "connections/friends/received_friend_requests.json")
    doc = inspect(cli, str(folder))
    assert doc["counts"] == {"facebook": {"friend": 1}}
    assert any(
        "skipped connections/friends/received_friend_requests.json: a FIFO (named pipe), not a file" in w
        for w in doc["warnings"]
    )


def test_a_file_that_fails_to_read_is_skipped_and_the_rest_read(cli, tmp_path):
    folder = write_tree(tmp_path / "facebook", {FRIENDS_FILE: friends("Anna Schmidt")})
    (folder / "notes.txt").symlink_to("/proc/self/mem")  # a regular file whose first bytes fail to read
    doc = inspect(cli, str(folder))
    assert doc["counts"] == {"facebook": {"friend": 1}}
    assert any("skipped notes.txt: cannot be read (input/output error)" in w for w in doc["warnings"])


needs_non_root = pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")


@needs_non_root
def test_an_unreadable_file_is_one_line(cli, tmp_path):
    p = tmp_path / "your_friends.json"
    p.write_text(friends("Anna Schmidt"))
    p.chmod(0)
    assert one_line_error(cli, str(p)).endswith("your_friends.json: cannot be read (permission denied)")


@needs_non_root
def test_unreadable_folders_are_named(cli, tmp_path):
    folder = write_tree(
        tmp_path / "facebook", {FRIENDS_FILE: friends("Anna Schmidt"), "private/x.json": "{}"}
    )
    (folder / "private").chmod(0)
    try:
        doc = inspect(cli, str(folder))
        assert any(
            "skipped the folder private: cannot be read (permission denied)" in w for w in doc["warnings"]
        )
        folder.chmod(0)
        assert one_line_error(cli, str(folder)).endswith("facebook: cannot be read (permission denied)")
    finally:
        folder.chmod(0o755)
        (folder / "private").chmod(0o755)


def _refuse_listing(monkeypatch, refused):
    """The operating system refusing to list one folder, as it does for a folder without read permission."""
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == os.fspath(refused):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unlistable_subfolder_is_named_not_skipped_silently(cli, tmp_path, monkeypatch):
    folder = write_tree(
        tmp_path / "facebook", {FRIENDS_FILE: friends("Anna Schmidt"), "private/x.json": "{}"}
    )
    _refuse_listing(monkeypatch, folder / "private")
    doc = inspect(cli, str(folder))
    assert doc["counts"] == {"facebook": {"friend": 1}}
    assert any("skipped the folder private: cannot be read (permission denied)" in w for w in doc["warnings"])


def test_an_unlistable_folder_is_not_called_empty(cli, tmp_path, monkeypatch):
    folder = write_tree(tmp_path / "facebook", {FRIENDS_FILE: friends("Anna Schmidt")})
    _refuse_listing(monkeypatch, folder)
    assert one_line_error(cli, str(folder)).endswith("facebook: cannot be read (permission denied)")
