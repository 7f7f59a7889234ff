"""Exports imported before are known again without reading their media: a zip by its central
directory, a folder's media by path, size and time, the export files by their bytes."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from circlesort.workspace import Workspace, import_paths
from circlesort.workspace.fingerprint import file_hashes

from .conftest import meta, write_tree

FRIENDS = {"friends_v2": [{"name": "Ana Kovac", "timestamp": 1700000000}]}
BIG = 8 << 20  # the media: bytes that must never be read


class Counted:
    """A file that counts the bytes read from it."""

    read_in_all = 0

    def __init__(self, raw) -> None:
        self._raw = raw

    def read(self, n: int = -1) -> bytes:
        data = self._raw.read(n)
        Counted.read_in_all += len(data)
        return data

    def readinto(self, buffer) -> int:
        n = self._raw.readinto(buffer)
        Counted.read_in_all += n or 0
        return n

    def __enter__(self) -> Counted:
        return self

    def __exit__(self, *exc: object) -> None:
        self._raw.close()

    def __getattr__(self, name: str):
        return getattr(self._raw, name)


@pytest.fixture
def counted(monkeypatch):
    """Every file opened by io.open (Path.open, zipfile) counts what is read from it."""
    real = io.open

    def opening(file, mode="r", *args, **kwargs):
        f = real(file, mode, *args, **kwargs)
        return Counted(f) if "b" in mode and "r" in mode else f

    Counted.read_in_all = 0
    monkeypatch.setattr(io, "open", opening)
    monkeypatch.setattr("builtins.open", opening)
    return Counted


def facebook_zip(path, media: bytes = b"") -> str:
    with zipfile.ZipFile(path, "w") as zf:  # stored: the media as they lie in a real download
        zf.writestr("connections/friends/your_friends.json", meta(FRIENDS))
        if media:
            zf.writestr("your_facebook_activity/messages/inbox/ana_1/videos/clip.mp4", media)
    return str(path)


def test_a_zip_is_known_by_its_central_directory_never_its_media(tmp_path, counted):
    z = facebook_zip(tmp_path / "facebook.zip", os.urandom(BIG))
    first = file_hashes([z])
    assert 0 < counted.read_in_all < 64 << 10  # the end record and the central directory only
    counted.read_in_all = 0
    assert file_hashes([z]) == first and counted.read_in_all < 64 << 10
    facebook_zip(tmp_path / "other.zip", os.urandom(BIG))  # the same names and sizes, other bytes
    assert file_hashes([str(tmp_path / "other.zip")])[str(tmp_path / "other.zip")] != first[z]


def test_a_zip_with_big_media_imported_again_is_recognised_without_reading_the_media(tmp_path, counted):
    z = facebook_zip(tmp_path / "facebook.zip", os.urandom(BIG))
    with Workspace.open() as ws:
        assert not import_paths(ws, [z]).unchanged
        counted.read_in_all = 0
        assert import_paths(ws, [z]).unchanged
        assert counted.read_in_all < 1 << 20


def test_a_folders_media_are_known_by_path_size_and_time(tmp_path, counted):
    root = write_tree(
        tmp_path / "export",
        {
            "connections/friends/your_friends.json": meta(FRIENDS),
            "your_facebook_activity/messages/inbox/ana_1/photos/a.jpg": os.urandom(BIG),
        },
    )
    counted.read_in_all = 0
    first = file_hashes([str(root)])
    assert counted.read_in_all < 64 << 10  # the friends file, not the photo
    assert set(first) == {str(root / "connections/friends/your_friends.json"), str(root)}
    photo = root / "your_facebook_activity/messages/inbox/ana_1/photos/a.jpg"
    st = photo.stat()
    os.utime(photo, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # changed since, by its time
    assert file_hashes([str(root)])[str(root)] != first[str(root)]


def test_an_export_file_changed_in_place_is_new_whatever_its_time(tmp_path):
    root = write_tree(tmp_path / "export", {"connections/friends/your_friends.json": meta(FRIENDS)})
    friends = root / "connections/friends/your_friends.json"
    with Workspace.open() as ws:
        assert not import_paths(ws, [str(root)]).unchanged
        st = friends.stat()
        friends.write_text(meta({"friends_v2": [{"name": "Ana Kovaz", "timestamp": 1700000000}]}), "utf-8")
        os.utime(friends, ns=(st.st_atime_ns, st.st_mtime_ns))  # the same size and time
        assert not import_paths(ws, [str(root)]).unchanged
        assert import_paths(ws, [str(root)]).unchanged


def test_a_zip_given_under_another_name_is_still_known_by_its_directory(tmp_path, counted):
    z = facebook_zip(tmp_path / "facebook.download", os.urandom(BIG))
    counted.read_in_all = 0
    first = file_hashes([z])
    assert counted.read_in_all < 64 << 10 and list(first) == [z]
    assert (
        file_hashes([facebook_zip(tmp_path / "without.download")])[str(tmp_path / "without.download")]
        != first[z]
    )


def test_a_damaged_zip_is_known_by_its_bytes(tmp_path):
    bad = tmp_path / "facebook.zip"
    bad.write_bytes(b"PK\x03\x04 not a zip at all")
    first = file_hashes([str(bad)])
    bad.write_bytes(b"PK\x03\x04 not a zip at all!")
    assert list(first) == [str(bad)] and file_hashes([str(bad)]) != first
