"""The import's budget: zip bombs in every shape (truncated, nested, duplicated, overlapping) stay
bounded.
"""

import errno
import io
import json
import mmap
import os
import struct
import subprocess
import sys
import tracemalloc
import zipfile
import zlib

import pytest

from circlesort.importers import load

from .conftest import meta, write_tree, write_zip

FRIENDS_FILE = "connections/friends/your_friends.json"
FOLLOWING_FILE = "connections/followers/who_you've_followed.json"


def friends(*names: str) -> str:
    return meta({"friends_v2": [{"name": n, "timestamp": 1700000000} for n in names]})


FOLLOWING = meta({"following_v3": [{"name": "Bo Berg", "timestamp": 1}]})


def inspect(cli, *paths):
    code, out, err = cli("inspect", "--json", *paths)
    assert code == 0 and "Traceback" not in err, (out, err)
    return json.loads(out)


def one_line_error(cli, *args):
    code, out, err = cli("inspect", *args)
    assert code == 2, (out, err)
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err
    return err.strip()


# --- Crafting zips by hand -------------------------------------------------------------------


def _central_directory(data: bytes) -> tuple[bytes, list[bytearray]]:
    """The bytes before a comment-less zip's central directory, and its records."""
    _, _, _, _, count, _, start = struct.unpack("<IHHHHII", data[-22:-2])
    records, pos = [], start
    for _ in range(count):
        nlen, xlen, clen = struct.unpack("<HHH", data[pos + 28 : pos + 34])
        end = pos + 46 + nlen + xlen + clen
        records.append(bytearray(data[pos:end]))
        pos = end
    return data[:start], records


def _with_directory(body: bytes, records: list[bytes]) -> bytes:
    cd = b"".join(records)
    return (
        body
        + cd
        + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(records), len(records), len(cd), len(body), 0)
    )


def _patch(data: bytes, *, cd_at: int, local_at: int, value: int) -> bytes:
    """The same 2-byte field set in every local header and every central-directory record."""
    body, records = _central_directory(data)
    body = bytearray(body)
    for r in records:
        struct.pack_into("<H", r, cd_at, value)
        offset = struct.unpack("<I", r[42:46])[0]
        struct.pack_into("<H", body, offset + local_at, value)
    return _with_directory(bytes(body), records)


class _Unseekable(io.RawIOBase):
    """Where zipfile writes streamed entries: sizes after the data (flag 8), none in the header."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        self.data += b
        return len(b)


def _zip_bytes(files: dict[str, bytes], *, streamed: bool = False, method=zipfile.ZIP_DEFLATED) -> bytes:
    out = _Unseekable() if streamed else io.BytesIO()
    with zipfile.ZipFile(out, "w", method, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return bytes(out.data) if streamed else out.getvalue()


def _cut_directory(data: bytes) -> bytes:
    """As an interrupted download leaves a zip: every file whole, the central directory gone."""
    return data[: struct.unpack("<I", data[-6:-2])[0]]


# --- The zip-bomb promise ---------------------------------------------------------------------


@pytest.mark.timeout(20)
@pytest.mark.parametrize("streamed", [False, True], ids=["sizes-in-header", "streamed"])
def test_truncated_zip_bomb_is_refused_and_the_rest_read(cli, tmp_path, streamed):
    bomb = friends("Anna Schmidt").encode() + b" " * (24 << 20)  # valid JSON, 1000:1
    z = tmp_path / "facebook.zip"
    z.write_bytes(
        _cut_directory(
            _zip_bytes({FRIENDS_FILE: bomb, FOLLOWING_FILE: FOLLOWING.encode()}, streamed=streamed)
        )
    )
    assert z.stat().st_size < 1 << 20
    doc = inspect(cli, str(z))
    assert doc["counts"] == {"facebook": {"following": 1}}
    assert any(f"skipped {FRIENDS_FILE}" in w and "possible zip bomb" in w for w in doc["warnings"])


def _part(n: int) -> bytes:
    """One export part as a cloud drive packs it: a friends file and 8 MiB of stored media."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(FRIENDS_FILE, friends(f"Person {n}"), zipfile.ZIP_DEFLATED)
        zf.writestr("media/video.bin", bytes(8 << 20), zipfile.ZIP_STORED)
    return out.getvalue()


@pytest.mark.timeout(20)
def test_zips_inside_a_zip_count_against_the_budget(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("CIRCLESORT_MAX_EXPAND_MB", "20")
    outer = write_zip(tmp_path / "takeout.zip", {f"facebook-part{n}.zip": _part(n) for n in range(1, 5)})
    doc = inspect(cli, str(outer))
    assert doc["counts"] == {"facebook": {"friend": 2}}  # parts 1 and 2; part 3 would pass 20 MiB
    limit = "the import's limit of 20 MiB expanded from zips was reached; CIRCLESORT_MAX_EXPAND_MB raises it"
    assert any(limit in w for w in doc["warnings"])


def _same_data_zip(files: dict[str, bytes]) -> bytes:
    """A deflated zip where files with the same content share one compression run (fast to make)."""
    streams: dict[bytes, bytes] = {}
    body, records = bytearray(), []
    for name, data in files.items():
        if data not in streams:
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            streams[data] = c.compress(data) + c.flush()
        packed, n = streams[data], name.encode()
        sizes = (zlib.crc32(data), len(packed), len(data), len(n))
        records.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, *sizes, 0, 0, 0, 0, 0, len(body)
            )
            + n
        )
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, *sizes, 0) + n + packed
    return _with_directory(bytes(body), records)


@pytest.mark.timeout(20)
def test_many_small_bombs_are_one_big_one(cli, tmp_path):
    """Each part expands 1000:1 but stays under 16 MiB; together they pass 256 MiB at that ratio."""
    part = io.BytesIO()
    with zipfile.ZipFile(part, "w") as zf:
        zf.writestr(FRIENDS_FILE, friends("Anna Schmidt"), zipfile.ZIP_DEFLATED)
        zf.writestr("media/video.bin", bytes(15 << 20), zipfile.ZIP_STORED)
    z = tmp_path / "takeout.zip"
    z.write_bytes(_same_data_zip({f"facebook-part{n}.zip": part.getvalue() for n in range(40)}))
    assert z.stat().st_size < 1 << 20
    doc = inspect(cli, str(z))
    assert doc["counts"] == {"facebook": {"friend": 1}}
    refused = "in all, past 256 MiB; refused as a possible zip bomb"
    assert any(
        "zips inside not opened: the import's zips expand" in w and refused in w for w in doc["warnings"]
    )


@pytest.mark.timeout(20)
def test_zips_inside_a_zip_are_held_in_memory_one_at_a_time(tmp_path):
    outer = write_zip(tmp_path / "takeout.zip", {f"facebook-part{n}.zip": _part(n) for n in range(1, 7)})
    tracemalloc.start()
    try:
        result = load([str(outer)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(result.accounts) == 6
    assert peak < 30 << 20, f"{peak >> 20} MiB held for six 8 MiB zips"


@pytest.mark.timeout(20)
def test_a_zip_stored_inside_a_zip_is_read_in_place(tmp_path):
    outer = tmp_path / "takeout.zip"
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_STORED) as zf:
        for n in range(3):
            zf.writestr(f"facebook-part{n}.zip", _part(n))
    tracemalloc.start()
    try:
        result = load([str(outer)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(result.accounts) == 3
    assert peak < 4 << 20, f"{peak >> 20} MiB held to read three 8 MiB zips stored in a zip"


@pytest.mark.timeout(20)
def test_duplicate_directory_entries_are_read_once(cli, tmp_path):
    padded = friends("Anna Schmidt").encode() + b" " * (4 << 20)
    body, (record,) = _central_directory(_zip_bytes({FRIENDS_FILE: padded}))
    renamed = bytearray(record)  # another name, the same data
    renamed[46 : 46 + len(FRIENDS_FILE)] = FRIENDS_FILE.replace("your", "our_").encode()
    z = tmp_path / "facebook.zip"
    z.write_bytes(_with_directory(body, [record] * 150 + [renamed] * 150))
    doc = inspect(cli, str(z))
    assert doc["counts"] == {"facebook": {"friend": 1}}
    assert doc["sources"][0]["files"] == [FRIENDS_FILE]
    assert any("lists 299 files more than once" in w for w in doc["warnings"])


def test_a_file_whose_data_runs_into_the_next_is_refused(cli, tmp_path):
    data = _zip_bytes(
        {FRIENDS_FILE: friends("Anna Schmidt"), FOLLOWING_FILE: FOLLOWING}, method=zipfile.ZIP_STORED
    )
    body, (first, second) = _central_directory(data)
    # The first file claims everything up to the directory: the second file's header and data too.
    claimed = body[30 + len(FRIENDS_FILE) :]
    struct.pack_into("<III", first, 16, zlib.crc32(claimed), len(claimed), len(claimed))
    local = bytearray(body)
    struct.pack_into("<III", local, 14, zlib.crc32(claimed), len(claimed), len(claimed))
    z = tmp_path / "facebook.zip"
    z.write_bytes(_with_directory(bytes(local), [first, second]))
    doc = inspect(cli, str(z))
    assert doc["counts"] == {"facebook": {"following": 1}}
    assert any(f"skipped {FRIENDS_FILE}: its data runs into another file's" in w for w in doc["warnings"])


def test_a_zip_three_levels_deep_is_named_not_silently_dropped(cli, tmp_path):
    third = _zip_bytes({FRIENDS_FILE: friends("Deep Down").encode()})
    second = _zip_bytes({"c.zip": third, FOLLOWING_FILE: FOLLOWING.encode()})
    outer = write_zip(tmp_path / "a.zip", {"b.zip": _zip_bytes({"b2.zip": second})})
    doc = inspect(cli, str(outer))
    assert doc["counts"] == {"facebook": {"following": 1}}
    assert any("skipped c.zip: a zip three levels deep" in w for w in doc["warnings"])


def test_files_read_are_capped(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("CIRCLESORT_MAX_ENTRIES", "2")
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    write_tree(tmp_path / "d", {f"{n}/Connections.csv": f"{header}A{n},B,,,,,\n" for n in range(4)})
    doc = inspect(cli, str(tmp_path / "d"))
    assert doc["counts"] == {"linkedin": {"connection": 2}}
    assert any(
        "the import's limit of 2 files read was reached; CIRCLESORT_MAX_ENTRIES raises it" in w
        for w in doc["warnings"]
    )


def test_files_looked_at_are_capped(cli, tmp_path, monkeypatch):
    """A folder of more files than any export holds (a whole disk, say) is not listed forever."""
    monkeypatch.setenv("CIRCLESORT_MAX_ENTRIES", "1")
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    write_tree(
        tmp_path / "d",
        {
            "Connections.csv": f"{header}A,B,,,,,\n",
            **{f"photos/{n:02}.jpg": b"\xff\xd8\xff" for n in range(30)},
        },
    )
    doc = inspect(cli, str(tmp_path / "d"))
    assert doc["counts"] == {"linkedin": {"connection": 1}}
    assert any("the import's limit of 10 files looked at was reached" in w for w in doc["warnings"])


def test_a_bad_limit_setting_is_one_line(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("CIRCLESORT_MAX_EXPAND_MB", "lots")
    write_zip(tmp_path / "f.zip", {FRIENDS_FILE: friends("Anna Schmidt")})
    assert one_line_error(cli, str(tmp_path / "f.zip")).endswith(
        "CIRCLESORT_MAX_EXPAND_MB: must be a whole number above 0, not 'lots'"
    )


def test_a_bad_file_limit_setting_is_one_line_not_a_traceback(tmp_path):
    write_zip(tmp_path / "f.zip", {FRIENDS_FILE: friends("Anna Schmidt")})
    env = {**os.environ, "CIRCLESORT_MAX_FILE_MB": "1GB", "CIRCLESORT_HOME": str(tmp_path / "home")}
    p = subprocess.run(
        [sys.executable, "-m", "circlesort", "inspect", str(tmp_path / "f.zip")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr == "circlesort: CIRCLESORT_MAX_FILE_MB: must be a whole number above 0, not '1GB'\n"


# --- Zips circlesort cannot read: each says what it is ------------------------------------------


def test_encrypted_zip_says_so(cli, tmp_path):
    z = tmp_path / "facebook.zip"
    z.write_bytes(_patch(_zip_bytes({FRIENDS_FILE: friends("A B").encode()}), cd_at=8, local_at=6, value=1))
    assert "facebook.zip: the zip is encrypted (password-protected)" in one_line_error(cli, str(z))
    z.write_bytes(_cut_directory(z.read_bytes()))
    assert "facebook.zip: the zip is encrypted (password-protected)" in one_line_error(cli, str(z))


def test_unknown_compression_method_is_named(cli, tmp_path):
    z = tmp_path / "facebook.zip"
    z.write_bytes(_patch(_zip_bytes({FRIENDS_FILE: friends("A B").encode()}), cd_at=10, local_at=8, value=9))
    assert "compressed with deflate64, which circlesort cannot read" in one_line_error(cli, str(z))


def test_damaged_lzma_file_is_skipped_and_the_rest_read(cli, tmp_path):
    z = write_zip(tmp_path / "facebook.zip", {FRIENDS_FILE: friends("Anna Schmidt")})
    with zipfile.ZipFile(z, "a", zipfile.ZIP_LZMA) as zf:
        zf.writestr(FOLLOWING_FILE, FOLLOWING)
        info = zf.getinfo(FOLLOWING_FILE)
    data = bytearray(z.read_bytes())
    nlen, xlen = struct.unpack("<HH", data[info.header_offset + 26 : info.header_offset + 30])
    data[info.header_offset + 30 + nlen + xlen + 4] = 0xFF  # LZMA properties no decoder accepts
    z.write_bytes(bytes(data))
    doc = inspect(cli, str(z))
    assert doc["counts"] == {"facebook": {"friend": 1}}
    assert any(f"skipped {FOLLOWING_FILE}: damaged inside the zip" in w for w in doc["warnings"])


def test_a_file_header_with_a_broken_name_is_skipped_and_the_rest_read(cli, tmp_path):
    connections = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,\n"
    data = bytearray(_zip_bytes({FOLLOWING_FILE: FOLLOWING.encode(), "Connections.csv": connections}))
    at = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("Connections.csv").header_offset
    struct.pack_into("<H", data, at + 6, 0x800)  # "the name is UTF-8" ...
    data[at + 30] = 0xFF  # ... and it is not
    z = tmp_path / "export.zip"
    z.write_bytes(bytes(data))
    doc = inspect(cli, str(z))
    assert doc["counts"] == {"facebook": {"following": 1}}
    assert any("skipped Connections.csv: damaged inside the zip" in w for w in doc["warnings"])


def test_a_file_asking_for_a_zip_version_circlesort_does_not_know(cli, tmp_path):
    """Python refuses the whole directory for one such file: the others are read by their own headers."""
    both = _zip_bytes({FOLLOWING_FILE: FOLLOWING.encode(), FRIENDS_FILE: friends("Anna Schmidt").encode()})
    body, records = _central_directory(both)
    body = bytearray(body)
    struct.pack_into("<H", records[1], 6, 99)  # version 9.9 needed, in the directory ...
    struct.pack_into("<H", body, struct.unpack("<I", records[1][42:46])[0] + 4, 99)  # ... and the header
    z = tmp_path / "odd.zip"
    z.write_bytes(_with_directory(bytes(body), records))
    doc = inspect(cli, str(z))
    assert doc["counts"] == {"facebook": {"following": 1}}
    assert any(
        f"skipped {FRIENDS_FILE}: needs zip version 9.9, which circlesort does not know" in w
        for w in doc["warnings"]
    )
    assert any("the zip's directory asks for zip file version 9.9" in w for w in doc["warnings"])

    z.write_bytes(_patch(_zip_bytes({FRIENDS_FILE: friends("A B").encode()}), cd_at=6, local_at=4, value=99))
    assert one_line_error(cli, str(z)).endswith(
        f"odd.zip: {FRIENDS_FILE}: needs zip version 9.9, which circlesort does not know"
    )


def test_a_truncated_zip_on_a_disk_that_refuses_mapping_is_one_line(cli, tmp_path, monkeypatch):
    z = tmp_path / "facebook.zip"
    z.write_bytes(_cut_directory(_zip_bytes({FRIENDS_FILE: friends("Anna Schmidt").encode()})))

    def refuse(*args, **kwargs):  # as some network and FUSE file systems answer
        raise OSError(errno.ENODEV, "No such device")

    monkeypatch.setattr(mmap, "mmap", refuse)
    assert one_line_error(cli, str(z)).endswith("facebook.zip: cannot be read (no such device)")
