"""Message files counted, never kept: LinkedIn's messages.csv of every header generation, and X's
direct messages (full files, group files, headers-only files)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from circlesort.importers import load
from circlesort.model import MessageFiles, Talk

from .conftest import by_key, write_tree, write_zip

SECRET = "the words nobody keeps"
IN = "https://www.linkedin.com/in/"
ME, ANA, BOB = (
    ("Me Self", IN + "me-self"),
    ("Ana Kovac, PhD", IN + "Ana-Kovac/"),
    ("Bob Stone", IN + "bobstone"),
)
CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    f'Ana,"Kovac, PhD",{IN}ana-kovac,,Contoso,Engineer,08 Feb 2020\n'
    f"Bob,Stone,{IN}bobstone,,Adatum,Founder,08 Feb 2021\n"
)
BASE = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO"]
TAIL = ["DATE", "SUBJECT", "CONTENT", "FOLDER"]
RECIPIENTS = ["RECIPIENT PROFILE URLS"]
GENERATIONS = {
    "2020": BASE + TAIL,
    "mid-2023": BASE + RECIPIENTS + TAIL,
    "dec-2024": BASE + RECIPIENTS + TAIL + ["IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"],
    "2025": BASE + RECIPIENTS + TAIL + ["ATTACHMENTS"],
    "2025-13": BASE + RECIPIENTS + TAIL + ["ATTACHMENTS", "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT"],
    "2026": BASE + RECIPIENTS + TAIL + ["ATTACHMENTS", "IS MESSAGE DRAFT"],
}


def _row(conv, sender, to, date, folder="INBOX", draft="No"):
    return {
        "CONVERSATION ID": conv,
        "FROM": sender[0],
        "SENDER PROFILE URL": sender[1],
        "TO": ", ".join(p[0] for p in to),
        "RECIPIENT PROFILE URLS": ",".join(p[1] for p in to),
        "DATE": date,
        "CONTENT": SECRET + "\nand a second line",
        "FOLDER": folder,
        "IS MESSAGE DRAFT": draft,
    }


ROWS = [
    _row("2-QQ==", ANA, [ME], "2023-06-11 15:33:58 UTC"),
    _row("2-QQ==", ME, [ANA], "2023-06-12 09:00:00 UTC"),
    _row("2-QQ==", ME, [ANA], "2023-07-01 10:00:00 UTC"),
    _row("2-Qg==", ME, [ANA, BOB], "2023-08-01 10:00:00 UTC"),
    _row("2-Qg==", BOB, [ME, ANA], "2023-08-02 10:00:00 UTC"),
    _row("2-Qw==", ("LinkedIn Member", ""), [ME], "2023-09-01 10:00:00 UTC"),
    _row("2-RA==", ("Spam Bot", IN + "spam-bot"), [ME], "2023-09-02 10:00:00 UTC", folder="SPAM"),
    _row("2-RQ==", BOB, [ME], "2024-01-05 08:00:00 UTC", folder=""),
]
DRAFT = _row("2-QQ==", ME, [ANA], "2024-02-01 10:00:00 UTC", draft="Yes")


def messages_csv(header, rows, quote_all=False):
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(column, "") for column in header])
    return out.getvalue()


@pytest.mark.parametrize("generation", GENERATIONS)
def test_linkedin_messages_of_every_generation(tmp_path, generation):
    header = GENERATIONS[generation]
    rows = [*ROWS, DRAFT] if "IS MESSAGE DRAFT" in header else ROWS
    z = write_zip(
        tmp_path / "Complete_LinkedInDataExport.zip",
        {
            "Connections.csv": CONNECTIONS,
            "messages.csv": messages_csv(header, rows, quote_all=generation == "2026"),
            "guide_messages.csv": messages_csv(header, [ROWS[0]] * 5),
            "learning_coach_messages.csv": messages_csv(header, [ROWS[0]] * 5),
        },
    )
    r = load([str(z)])
    keys = by_key(r)
    assert keys[("linkedin", IN + "ana-kovac")].talk == Talk(2, 1, 0, "2023-06-11", "2023-07-01")
    assert keys[("linkedin", IN + "bobstone")].talk == Talk(0, 1, 1, "2024-01-05", "2024-01-05")
    assert r.messages == {"linkedin": MessageFiles(3, 1, 6, "2024-01-05")}
    [source] = r.sources
    assert source.files == ["Connections.csv"] and source.message_files == 1
    assert SECRET not in repr(r) and not r.warnings


def test_linkedin_messages_alone_count_for_no_one(tmp_path):
    """Someone known only from messages is no connection: the counts are kept for no account."""
    d = write_tree(tmp_path / "li", {"messages.csv": messages_csv(GENERATIONS["2025"], ROWS)})
    r = load([str(d)])
    assert r.accounts == [] and r.messages["linkedin"].messages == 6


def test_linkedin_dates_out_of_range_or_garbage_leave_no_date(tmp_path):
    rows = [_row("c1", ANA, [ME], "1970-01-01 00:00:00 UTC"), _row("c1", ME, [ANA], "not a date")]
    rows += [_row("c2", BOB, [ME], "2023-02-30 10:00:00 UTC"), _row("c2", ME, [BOB], "2023-03-01")]
    d = write_tree(
        tmp_path / "li", {"Connections.csv": CONNECTIONS, "messages.csv": messages_csv(BASE + TAIL, rows)}
    )
    keys = by_key(load([str(d)]))
    assert keys[("linkedin", IN + "ana-kovac")].talk == Talk(1, 1, 0, None, None)
    assert keys[("linkedin", IN + "bobstone")].talk == Talk(1, 1, 0, "2023-03-01", "2023-03-01")


def js(kind, items):
    return f"window.YTD.{kind}.part0 = " + json.dumps(items, indent=2)


def dm(mid, sender, recipient=None, when="2020-01-20T21:42:09.068Z", headers=False):
    create = {"id": mid, "senderId": sender, "createdAt": when}
    if recipient is not None:
        create["recipientId"] = recipient
    if not headers:
        create |= {"text": SECRET, "reactions": [], "urls": [], "mediaUrls": []}
    return {"messageCreate": create}


def x_files(headers=False, old_names=False):
    one = [
        {
            "dmConversation": {
                "conversationId": "100-200",
                "messages": [
                    dm("3", "200", "100", "2021-05-01T00:00:00.000Z", headers),
                    dm("2", "100", "200", headers=headers),
                ],
            }
        },
        {
            "dmConversation": {
                "conversationId": "100-200",
                "messages": [dm("2", "100", "200", headers=headers), dm("1", "200", "100", headers=headers)],
            }
        },
        {
            "dmConversation": {
                "conversationId": "300-100",
                "messages": [dm("4", "100", "300", "2019-12-31T23:59:59.000Z", headers)],
            }
        },
    ]
    group = [
        {
            "dmConversation": {
                "conversationId": "987654321",
                "messages": [
                    dm("9", "300", headers=headers),
                    dm("8", "300", headers=headers),
                    dm("7", "100", headers=headers),
                    dm("6", "200", headers=headers),
                    {"joinConversation": {"initiatingUserId": "300", "participantsSnapshot": ["100", "200"]}},
                ],
            }
        }
    ]
    stem = "direct-message" if old_names else "direct-messages"
    suffix = "-headers" if headers else ""
    kind = "direct_message" if old_names else "direct_messages"
    return {
        f"data/{stem}{suffix}.js": js(kind + suffix.replace("-", "_"), one),
        f"data/{stem}-group{suffix}.js": js(kind + "_group" + suffix.replace("-", "_"), group),
    }


X_ACCOUNTS = {
    "data/account.js": js("account", [{"account": {"username": "me", "accountId": "100"}}]),
    "data/follower.js": js(
        "follower", [{"follower": {"accountId": "200"}}, {"follower": {"accountId": "300"}}]
    ),
}
X_TALKS = {
    ("x", "200"): Talk(1, 2, 1, "2020-01-20", "2021-05-01"),
    ("x", "300"): Talk(1, 0, 2, "2019-12-31", "2019-12-31"),
}


@pytest.mark.parametrize(
    "files",
    [x_files(), x_files(headers=True, old_names=True), x_files() | x_files(headers=True)],
    ids=["full", "headers-only", "both"],
)
def test_x_direct_messages_one_to_one_group_and_headers(tmp_path, files):
    z = write_zip(tmp_path / "twitter-2026.zip", X_ACCOUNTS | files)
    r = load([str(z)])
    keys = by_key(r)
    assert {k: keys[k].talk for k in X_TALKS} == X_TALKS
    assert r.messages == {"x": MessageFiles(3, 1, 8, "2021-05-01")}
    assert SECRET not in repr(r)


def test_x_without_account_js_finds_the_user_in_every_conversation(tmp_path):
    z = write_zip(tmp_path / "twitter.zip", {"data/follower.js": X_ACCOUNTS["data/follower.js"]} | x_files())
    keys = by_key(load([str(z)]))
    assert {k: keys[k].talk for k in X_TALKS} == X_TALKS
