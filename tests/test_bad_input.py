"""Bad input gets one line naming the file and the problem, exit status 2, never a traceback."""

import json
import zipfile

import pytest

from .conftest import meta, write_tree, write_zip

FRIENDS = meta({"friends_v2": [{"name": "Anna Schmidt", "timestamp": 1700000000}]})


def one_line_error(cli, *args):
    code, out, err = cli("inspect", *args)
    assert code == 2, (out, err)
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    return err.strip()


def test_missing_path(cli, tmp_path):
    assert one_line_error(cli, str(tmp_path / "nope.zip")).endswith("nope.zip: no such file or folder")


def test_empty_folder(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    assert "empty: the folder is empty" in one_line_error(cli, str(tmp_path / "empty"))


def test_folder_of_unrelated_files(cli, tmp_path):
    write_tree(tmp_path / "d", {"a.txt": "hello", "b.jpg": b"\xff\xd8\xff"})
    assert "no export files circlesort recognises (2 files looked at)" in one_line_error(
        cli, str(tmp_path / "d")
    )


def test_binary_file(cli, tmp_path):
    p = tmp_path / "photo.bin"
    p.write_bytes(bytes(range(256)) * 20)
    assert "photo.bin: binary data" in one_line_error(cli, str(p))


def test_csv_of_another_kind(cli, tmp_path):
    p = tmp_path / "budget.csv"
    p.write_text("Month,Amount\nJan,100\n")
    msg = one_line_error(cli, str(p))
    assert "budget.csv: a CSV file circlesort does not recognise" in msg and "Month,Amount" in msg


def test_invalid_json_alone(cli, tmp_path):
    write_zip(
        tmp_path / "facebook.zip", {"connections/friends/your_friends.json": '{"friends_v2": [{"name": "A",'}
    )
    msg = one_line_error(cli, str(tmp_path / "facebook.zip"))
    assert msg.endswith(
        "facebook.zip: connections/friends/your_friends.json: invalid JSON at line 1 column 30"
    )


def test_partly_readable_export_loads_what_it_can(cli, tmp_path):
    write_zip(
        tmp_path / "facebook.zip",
        {
            "connections/friends/your_friends.json": FRIENDS,
            "connections/friends/received_friend_requests.json": "not json at all",
        },
    )
    code, out, err = cli("inspect", "--json", str(tmp_path / "facebook.zip"))
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert doc["counts"] == {"facebook": {"friend": 1}}
    assert doc["sources"][0]["warnings"] == [
        "skipped connections/friends/received_friend_requests.json: invalid JSON at line 1 column 1"
    ]


def test_truncated_zip_salvages_the_whole_files(cli, tmp_path):
    z = write_zip(
        tmp_path / "facebook.zip",
        {
            "connections/friends/your_friends.json": FRIENDS,
            "connections/friends/sent_friend_requests.json": meta(
                {"sent_requests_v2": [{"name": "X Y", "timestamp": 1}]}
            ),
            "media/big.bin": bytes(range(256)) * 400,
        },
    )
    data = z.read_bytes()
    z.write_bytes(data[: len(data) // 2])
    code, out, _ = cli("inspect", "--json", str(z))
    assert code == 0
    doc = json.loads(out)
    assert doc["counts"]["facebook"]["friend"] == 1
    assert any("incomplete" in w for w in doc["warnings"])


def test_truncated_zip_with_nothing_whole(cli, tmp_path):
    z = write_zip(tmp_path / "facebook.zip", {"connections/friends/your_friends.json": FRIENDS * 50})
    z.write_bytes(z.read_bytes()[:60])
    msg = one_line_error(cli, str(z))
    assert "facebook.zip:" in msg and ("incomplete" in msg or "cut off" in msg)


def test_garbage_with_a_zip_extension(cli, tmp_path):
    p = tmp_path / "export.zip"
    p.write_bytes(b"this is not a zip file at all")
    assert "export.zip:" in one_line_error(cli, str(p))


def test_very_large_file_is_refused_without_reading(cli, tmp_path):
    p = tmp_path / "your_friends.json"
    with p.open("wb") as f:
        f.truncate(3 << 30)  # sparse: 3 GiB on paper, nothing on disk
    msg = one_line_error(cli, str(p))
    assert "your_friends.json:" in msg and "3.0 GiB, more than the 1.0 GiB limit" in msg


def test_zip_bomb_is_refused(cli, tmp_path):
    z = tmp_path / "bomb.zip"
    with (
        zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("connections/friends/your_friends.json", "w") as f,
    ):
        for _ in range(64):
            f.write(b" " * (1 << 20))
    assert z.stat().st_size < 1 << 20
    assert "possible zip bomb" in one_line_error(cli, str(z))


def test_bluesky_car_is_not_supported_in_plain_words(cli, tmp_path):
    p = tmp_path / "repo.car"
    p.write_bytes(b"\x3a\xa2eroots\x81\xd8*X%\x00\x01q\x12 " + bytes(40))
    msg = one_line_error(cli, str(p))
    assert "Bluesky" in msg and "does not read yet" in msg


def test_bluesky_car_beside_other_exports_is_a_warning(cli, tmp_path):
    write_tree(
        tmp_path / "all",
        {
            "repo.car": b"\x3a\xa2eroots",
            "Connections.csv": "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,\n",
        },
    )
    code, out, _ = cli("inspect", "--json", str(tmp_path / "all"))
    assert code == 0 and any("Bluesky" in w for w in json.loads(out)["warnings"])


@pytest.mark.parametrize(
    "junk", ["__MACOSX/connections/friends/._your_friends.json", "connections/friends/._your_friends.json"]
)
def test_macos_debris_is_ignored(cli, tmp_path, junk):
    write_zip(
        tmp_path / "f.zip",
        {junk: b"\x00\x05\x16\x07binary", "connections/friends/your_friends.json": FRIENDS},
    )
    code, out, _ = cli("inspect", "--json", str(tmp_path / "f.zip"))
    assert code == 0 and json.loads(out)["warnings"] == []


def test_several_zips_wrappers_backslashes_and_nested_zips(cli, tmp_path):
    part1 = write_zip(
        tmp_path / "facebook-part1.zip",
        {"Drive/facebook-me-2026/connections/friends/your_friends.json": FRIENDS},
    )
    part2 = write_zip(
        tmp_path / "facebook-part2.zip",
        {
            "facebook-me-2026\\connections\\followers\\who_you've_followed.json": meta(
                {"following_v3": [{"name": "Anna Schmidt", "timestamp": 1}]}
            )
        },
    )
    outer = write_zip(tmp_path / "takeout.zip", {"inner/instagram-me.zip": _instagram_zip_bytes(tmp_path)})
    code, out, _ = cli("inspect", "--json", str(part1), str(part2), str(outer))
    assert code == 0
    doc = json.loads(out)
    assert doc["counts"]["facebook"] == {"friend": 1, "following": 1}
    assert doc["counts"]["instagram"] == {"follower": 1}
    assert [s["path"] for s in doc["sources"]] == [str(part1), str(part2), f"{outer}/inner/instagram-me.zip"]


def _instagram_zip_bytes(tmp_path):
    z = write_zip(
        tmp_path / "ig-inner.zip",
        {
            "connections/followers_and_following/followers_1.json": json.dumps(
                [
                    {
                        "title": "",
                        "string_list_data": [
                            {"href": "https://www.instagram.com/a", "value": "a", "timestamp": 1}
                        ],
                    }
                ]
            )
        },
    )
    data = z.read_bytes()
    z.unlink()
    return data


def test_hostile_strings_survive_every_importer(tmp_path):
    from circlesort.importers import load

    from .conftest import HOSTILE

    names = [n for n in HOSTILE if n.strip()]
    write_tree(
        tmp_path / "h",
        {
            "facebook/connections/friends/your_friends.json": meta(
                {"friends_v2": [{"name": n, "timestamp": 1700000000} for n in names]}
            ),
            "linkedin/Connections.csv": "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            + "".join(
                '"{}",X,https://www.linkedin.com/in/h{},,"{}",,08 Feb 2026\n'.format(
                    n.replace('"', '""'), i, n.replace('"', '""')
                )
                for i, n in enumerate(names)
            ),
            "contacts.vcf": "".join(
                f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{n.replace(chr(10), ' ').replace(chr(13), ' ')}\r\nEND:VCARD\r\n"
                for n in names
            ),
        },
    )
    r = load([str(tmp_path / "h")])
    assert {a.network for a in r.accounts} == {"facebook", "linkedin", "contacts"}
    assert sum(a.network == "linkedin" for a in r.accounts) == len(names)
    for a in r.accounts:
        for value in (a.key, a.name, a.company):
            assert not any(
                ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E for c in value
            ), repr(value)
    fb = {a.key for a in r.accounts if a.network == "facebook"}
    assert "[@click=app.quit]Free prize[/]" in fb and "Bob [/]" in fb and "José Álvarez" in fb


class _Unseekable:
    """A write-only stream: zipfile then puts sizes after the data, as streaming zippers do."""

    def __init__(self):
        self.data = bytearray()

    def write(self, b):
        self.data += b
        return len(b)

    def flush(self):
        pass


def test_truncated_streamed_zip_is_salvaged(cli, tmp_path):
    out = _Unseekable()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("connections/friends/your_friends.json", FRIENDS)
        zf.writestr("media/big.bin", bytes(range(256)) * 400)
    data = bytes(out.data)
    assert data[6] & 8, "sizes should follow the data"
    z = tmp_path / "facebook.zip"
    z.write_bytes(data[: len(data) // 2])
    code, out_text, _ = cli("inspect", "--json", str(z))
    assert code == 0 and json.loads(out_text)["counts"] == {"facebook": {"friend": 1}}
