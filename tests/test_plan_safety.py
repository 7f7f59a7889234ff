"""Plans are safe to write and to open: --out never deletes what circlesort did not write, and
links from hostile exports reach neither PLAN.md, the CSVs nor the screen."""

from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import urlsplit

import pytest
from markdown_it import MarkdownIt

from circlesort.model import Account, Tie
from circlesort.planning.derive import link_of
from circlesort.planning.links import safe_link
from circlesort.planning.markdown import code
from circlesort.workspace import Workspace, import_paths

from .conftest import write_tree, write_zip


@pytest.fixture
def workspace():
    """An empty default workspace: `circlesort plan` writes a plan with nothing to do."""
    with Workspace.open():
        pass


def one_line(err: str, path: str, problem: str) -> None:
    assert err.startswith(f"circlesort: {path}: ") and problem in err and err.count("\n") == 1, err


# --- where a plan is written ------------------------------------------------------------------


def test_out_dot_with_force_never_empties_the_current_folder(tmp_path, monkeypatch, cli, workspace):
    home = write_tree(tmp_path / "home", {"thesis.txt": "years of work", "photos/cat.jpg": "meow"})
    monkeypatch.chdir(home)
    for flags in ([], ["--force"]):
        code_, _, err = cli("plan", "--out", ".", *flags)
        assert code_ == 2
        one_line(err, ".", "not empty and not a plan circlesort wrote")
    code_, _, err = cli("plan", "--out", str(home), "--force")
    assert code_ == 2
    one_line(err, str(home), "not a plan circlesort wrote")
    assert sorted(p.name for p in home.iterdir()) == ["photos", "thesis.txt"]
    assert (home / "thesis.txt").read_text() == "years of work" and (home / "photos" / "cat.jpg").exists()


@pytest.mark.parametrize("earlier", ["this version", "before the marker"])
def test_force_replaces_only_the_files_circlesort_wrote(tmp_path, cli, workspace, earlier):
    out = tmp_path / "plan"
    assert cli("plan", "--out", str(out))[0] == 0
    if earlier == "before the marker":  # plan.yaml as circlesort wrote it until now
        (out / "plan.yaml").write_text(
            "version: 1\ncreated: '2026-11-23T10:00:00+00:00'\nworkspace: default\n"
        )
    (out / "notes.txt").write_text("called Sasha on Monday")
    (out / "x.csv").write_text("step,action\n")  # from an earlier plan that had X in it
    (out / "mastodon_following_2.csv").write_text("Account address\n")
    (out / "PLAN.md").write_text("old")
    code_, _, err = cli("plan", "--out", str(out))
    assert code_ == 2
    one_line(err, str(out), "a plan is already there; --force replaces it")
    assert cli("plan", "--out", str(out), "--force")[0] == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "PLAN.md",
        "google_contacts.csv",
        "notes.txt",
        "plan.yaml",
    ]
    assert (out / "notes.txt").read_text() == "called Sasha on Monday"
    assert (out / "PLAN.md").read_text("utf-8").startswith("# Your circlesort plan")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # nothing staged left


def test_an_empty_folder_is_filled(tmp_path, cli, workspace):
    out = tmp_path / "empty"
    out.mkdir()
    assert cli("plan", "--out", str(out))[0] == 0
    assert (out / "plan.yaml").exists() and (out / "PLAN.md").exists()


def test_out_at_a_file_is_one_line_and_the_file_stays(tmp_path, cli, workspace):
    mine = tmp_path / "budget.xlsx"
    mine.write_text("numbers")
    for out, flags in ((mine, []), (mine, ["--force"]), (mine / "plan", [])):
        code_, _, err = cli("plan", "--out", str(out), *flags)
        assert code_ == 2, err
        assert err.startswith("circlesort: ") and err.count("\n") == 1 and "Traceback" not in err
    assert "a file, not a folder" in cli("plan", "--out", str(mine))[2]
    assert mine.read_text() == "numbers"


# --- links only to the networks ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("network", "url", "key"),
    [
        ("linkedin", "https://www.linkedin.com/in/adaquill", ""),
        ("linkedin", "https://linkedin.com/in/jos%C3%A9-%C3%A1lvarez", ""),
        ("linkedin", "https://www.linkedin.com/in/josé-álvarez", ""),
        ("instagram", "https://www.instagram.com/janedoe92", ""),
        ("instagram", "https://m.instagram.com/janedoe92", ""),
        ("threads", "https://www.threads.net/@jane", ""),
        ("threads", "https://www.threads.com/@jane", ""),
        ("x", "https://x.com/jane_doe", ""),
        ("x", "https://twitter.com/intent/user?user_id=42", ""),
        ("x", "https://mobile.twitter.com/jane", ""),
        ("facebook", "https://www.facebook.com/profile.php?id=1000", ""),
        ("mastodon", "https://hachyderm.io/@ana", "ana@hachyderm.io"),
    ],
)
def test_links_to_the_networks_own_sites_are_kept(network, url, key):
    assert safe_link(network, url, key) == url


@pytest.mark.parametrize(
    ("network", "url", "key"),
    [
        ("x", "javascript:alert(1)", ""),
        ("x", "JavaScript://x.com/%0aalert(1)", ""),
        ("linkedin", "data:text/html,<script>alert(1)</script>", ""),
        ("linkedin", "http://www.linkedin.com/in/ada", ""),
        ("linkedin", "https://evil.org/in/ada", ""),
        ("facebook", "https://facebook.com.evil.org/x", ""),
        ("facebook", "https://evilfacebook.com/x", ""),
        ("x", "https://x.com@evil.org/", ""),
        ("x", "https://user:pw@x.com/", ""),
        ("x", "https://x.com:8443/jane", ""),
        ("x", "https://x.com\\@evil.org/", ""),
        ("x", "https://x.com/jane doe", ""),
        ("x", "https://x.com/jane\tdoe", ""),
        ("x", " https://x.com/jane", ""),
        ("x", "https://x.com/jane\u202egnp.exe", ""),
        ("instagram", "https://www.instagram.com/a](javascript:alert(1))", ""),
        ("instagram", "https://www.instagram.com/<img src=x onerror=alert(1)>", ""),
        ("instagram", "https://www.instagram.com/a`b", ""),
        ("instagram", "https://x.com/jane", ""),  # another network's host
        ("mastodon", "https://evil.org/@ana", "ana@hachyderm.io"),
        ("mastodon", "https://www.hachyderm.io/@ana", "ana@hachyderm.io"),  # the instance exactly
        ("contacts", "https://www.linkedin.com/in/ada", "ada@example.com"),
        ("facebook", None, ""),
    ],
)
def test_other_links_are_refused(network, url, key):
    assert safe_link(network, url, key) == ""


def test_a_refused_link_becomes_the_networks_people_search():
    account = Account(
        "instagram",
        "a](javascript:alert(1))",
        handle="a](javascript:alert(1))",
        url="https://www.instagram.com/a](javascript:alert(1))",
        ties=(Tie("follower"),),
    )
    link = link_of(account)
    assert link.startswith("https://www.instagram.com/explore/search/keyword/?q=") and "(" not in link
    assert (
        link_of(Account("x", "42", name="Jane", url="javascript:alert(1)"))
        == "https://x.com/search?q=jane&f=user"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Ann",
        "a`b",
        "`start",
        "end`",
        "``double``",
        "a ``` b",
        " pad ",
        "a](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "\\*not\\*",
        "two\n# lines",
    ],
)
def test_names_are_code_spans_shown_exactly_as_written(text):
    html = MarkdownIt("commonmark").render(f"- {code(text)}").strip()
    assert (
        html.startswith("<ul>\n<li><code>")
        and html.endswith("</code></li>\n</ul>")
        and html.count("<code>") == 1
    )
    inner = html[len("<ul>\n<li><code>") : -len("</code></li>\n</ul>")]
    shown = " ".join(text.splitlines())  # one line, as the importers leave every name
    assert inner == shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&quot;"
    )


HOSTILE = [
    "a](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "x`](https://evil.org)`",
    "<script>alert(1)</script>",
]


def hostile_exports(root):
    """Crafted exports whose usernames, profile URLs and names try to become links or HTML."""
    ig = write_tree(
        root / "instagram-old",
        {
            "connections.json": json.dumps(
                {
                    "followers": {name: "2018-03-04T12:00:00+00:00" for name in HOSTILE},
                    "following": {name: "2018-03-04T12:00:00+00:00" for name in HOSTILE},
                }
            )
        },
    )
    rows = "\n".join(
        f'"{first}",Doe,{url},,Contoso,Engineer,12 Apr 2011'
        for first, url in [
            ("Ann", "https://evil.org/in/ann"),
            ("Bea", "https://www.linkedin.com.evil.org/in/bea"),
            ("Cy", "https://x.com@evil.org/in/cy"),
            ("Dee", "javascript:alert(1)"),
            ("<b>Eve</b>", "https://www.linkedin.com/in/eve"),
        ]
    )
    li = write_zip(
        root / "Complete_LinkedInDataExport_11-02-2026.zip",
        {
            "Connections.csv": "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            + rows
            + "\n"
        },
    )
    vcf = root / "contacts.vcf"
    vcf.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Fay [open](javascript:alert(1))\nN:Fay;;;;\n"
        "EMAIL:fay@example.com\nURL:javascript:alert(1)\nEND:VCARD\n",
        encoding="utf-8",
    )
    return [str(ig), str(li), str(vcf)]


def sort_everyone(ws):
    """LinkedIn connections as page followers (their connection is removed), the rest professional."""
    people = ws.people()
    on_linkedin = [p.id for p in people if any(m.account.network == "linkedin" for m in p.members)]
    ws.decide(on_linkedin, "page-follower")
    ws.decide([p.id for p in people if p.id not in on_linkedin], "move-to-professional")


def test_hostile_exports_give_no_link_but_the_networks_own(tmp_path, cli):
    with Workspace.open() as ws:
        import_paths(ws, hostile_exports(tmp_path))
        sort_everyone(ws)
    assert cli("plan", "--out", str(tmp_path / "plan"))[0] == 0
    out = tmp_path / "plan"
    seen = []
    for name in ("instagram.csv", "linkedin.csv", "contacts.csv"):
        rows = list(csv.DictReader(io.StringIO((out / name).read_text("utf-8"))))
        assert rows, name  # the accounts are still read and planned
        for row in rows:
            if row["link"]:
                parts = urlsplit(row["link"])
                assert (parts.scheme, parts.port, parts.username) == ("https", None, None), row
                assert parts.hostname in ("www.instagram.com", "www.linkedin.com"), row
                assert not set(row["link"]) & set("()[]<>`\"' \\"), row
            seen.append(row["name"])
    assert {"<b>Eve</b> Doe", "a](javascript:alert(1))"} <= set(seen)
    text = (out / "PLAN.md").read_text("utf-8")
    html = MarkdownIt("commonmark").render(text)
    outside = re.sub(r'<code>.*?</code>|href="[^"]*"', "", html)  # what is not shown as written, or a link
    assert set(re.findall(r"</?([a-z0-9]+)", outside)) <= {
        "h1",
        "h2",
        "h3",
        "p",
        "ul",
        "li",
        "strong",
        "code",
        "a",
        "sub",
        "blockquote",
        "pre",
    }
    assert "javascript" not in outside and "evil" not in outside
    hrefs = re.findall(r'<a href="([^"]*)"', html)
    assert hrefs and {urlsplit(h).hostname for h in hrefs} <= {
        "www.instagram.com",
        "www.linkedin.com",
        "contacts.google.com",
    }  # the import step's
    for name in [*HOSTILE, "&lt;b&gt;Eve&lt;/b&gt; Doe", "Fay [open](javascript:alert(1))"]:
        assert f"<code>{name.replace('<', '&lt;').replace('>', '&gt;')}</code>" in html or "`" in name, name
