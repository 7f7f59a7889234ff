"""No file name, zip entry name or export value reaches the terminal with an escape sequence in it."""

import subprocess
import sys

from circlesort.cli.terminal_safe import printable

from .conftest import meta, write_zip

TITLE = "\x1b]0;owned\x07"  # retitles the terminal window
CLIPBOARD = "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07"  # writes the clipboard
CLEAR = "\x1b[2J\x1b[H"  # clears the screen
BIDI = "\u202e"  # reverses what follows
HOSTILE_NAME = f"a{TITLE}b{CLIPBOARD}c{CLEAR}d{BIDI}e"


def assert_clean(*texts: str) -> None:
    for text in texts:
        assert "\x1b" not in text and "\x07" not in text and BIDI not in text, repr(text)


def test_printable_keeps_layout_and_drops_controls():
    assert printable("line one\n\tline two") == "line one\n\tline two"
    assert printable(HOSTILE_NAME) == "a]0;ownedb]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==c[2J[Hde"
    assert printable("Zoë 😀 Σ") == "Zoë 😀 Σ"


def test_zip_entry_names_in_inspect_output(cli, tmp_path):
    friends = meta({"friends_v2": [{"name": f"Ana{CLEAR}Ruiz", "timestamp": 1700000000}]})
    export = write_zip(
        tmp_path / f"facebook{TITLE}.zip",
        {
            f"{HOSTILE_NAME}/connections/friends/your_friends.json": friends,
            f"{HOSTILE_NAME}/connections/friends/received_friend_requests.json": "not json",
        },
    )
    code, out, err = cli("inspect", str(export))
    assert code == 0
    assert "your_friends.json" in out and "received_friend_requests.json" in out
    assert_clean(out, err)
    code, out, err = cli("inspect", "--json", str(export))
    assert code == 0
    assert_clean(out, err)


def test_path_in_an_error_line(cli, tmp_path):
    missing = tmp_path / f"exports{TITLE}{CLIPBOARD}.zip"
    code, out, err = cli("inspect", str(missing))
    assert code == 2 and err.count("\n") == 1
    assert err.endswith(".zip: no such file or folder\n")
    assert_clean(out, err)


def test_entry_name_in_an_error_line(cli, tmp_path):
    write_zip(tmp_path / "x.zip", {f"{HOSTILE_NAME}/connections/friends/your_friends.json": "{]"})
    code, out, err = cli("inspect", str(tmp_path / "x.zip"))
    assert code == 2 and err.count("\n") == 1
    assert "your_friends.json: invalid JSON" in err
    assert_clean(out, err)


def test_import_output_and_a_real_terminal_stream(tmp_path, private_workspaces):
    """The whole command line as a user runs it: a real process, its real standard streams."""
    friends = meta({"friends_v2": [{"name": HOSTILE_NAME, "timestamp": 1700000000}]})
    write_zip(
        tmp_path / f"fb{TITLE}.zip",
        {
            "connections/friends/your_friends.json": friends,
            f"connections/friends/{HOSTILE_NAME}.json": "not json",
        },
    )
    env = {"CIRCLESORT_HOME": str(private_workspaces), "PATH": "/usr/bin:/bin"}
    for args in (
        ["import", str(tmp_path / f"fb{TITLE}.zip")],
        ["requests"],
        ["match", str(tmp_path)],
        ["decisions", "export", "-"],
        ["argparse-refuses", f"--bad{TITLE}"],
    ):
        p = subprocess.run(
            [sys.executable, "-m", "circlesort", *args], capture_output=True, text=True, env=env, timeout=60
        )
        assert "Traceback" not in p.stderr, p.stderr
        assert_clean(p.stdout, p.stderr)
