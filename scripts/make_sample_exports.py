"""Writes sample_exports/: Maya Lindqvist's exports from six networks, in their real formats.

Deterministic: the same run writes the same bytes (fixed seed, fixed zip timestamps), so a
test can check that the committed files are what this script makes.

    python scripts/make_sample_exports.py [OUT_DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sample_messages
from sample_people import SamplePerson, everyone

from circlesort.importers.text import to_meta_mojibake

EXPORT_DAY = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
ZIP_TIME = (2026, 11, 2, 9, 30, 0)
OWNER = {
    "name": "Maya Lindqvist",
    "ig": "maya.lindqvist",
    "x_id": "1204567890123456789",
    "x_handle": "mayalindqvist",
    "email": "maya@lindqvist.example",
}


def write_zip(path: Path, files: dict[str, str | bytes]) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            data = files[name]
            zf.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    path.write_bytes(buf.getvalue())


def meta_json(obj: object) -> str:
    """JSON as Meta writes it: every UTF-8 byte of every string as its own \\u00XX escape."""
    return json.dumps(to_meta_mojibake(obj), indent=2, ensure_ascii=True) + "\n"


class Clock:
    """Plausible timestamps: the year a tie began, a day drawn from the seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def ts(self, year: int) -> int:
        start = datetime(max(2008, min(year, 2026)), 1, 1, tzinfo=UTC).timestamp()
        end = min(datetime(year + 1, 1, 1, tzinfo=UTC).timestamp(), EXPORT_DAY.timestamp())
        return int(self.rng.uniform(start, max(start + 86400, end - 86400)))


def facebook(people: list[SamplePerson], clock: Clock) -> dict[str, str]:
    root = "facebook-mayalindqvist-2026-11-02-Xk3vB9Qa/"
    keys = {
        "friend": ("connections/friends/your_friends.json", "friends_v2"),
        "request_received": ("connections/friends/received_friend_requests.json", "received_requests_v2"),
        "request_sent": ("connections/friends/sent_friend_requests.json", "sent_requests_v2"),
        "request_declined": ("connections/friends/rejected_friend_requests.json", "rejected_requests_v2"),
        "removed": ("connections/friends/removed_friends.json", "deleted_friends_v2"),
        "following": ("connections/followers/who_you've_followed.json", "following_v3"),
        "follower": ("connections/followers/people_who_followed_you.json", "followers_v3"),
    }
    lists: dict[str, list] = {rel: [] for rel in keys}
    for p in people:
        for rel in p.fb_rel if p.fb else ():
            year = p.since_year if rel in ("friend", "removed") else 2025
            lists[rel].append({"name": p.fb, "timestamp": clock.ts(year)})
    lists["friend"].append({"name": "", "timestamp": clock.ts(2019)})  # a deactivated account
    files = {
        root + path: meta_json({key: sorted(lists[rel], key=lambda r: -r["timestamp"])})
        for rel, (path, key) in keys.items()
    }
    files[root + "connections/friends/people_you_may_know.json"] = meta_json(
        [
            {
                "timestamp": clock.ts(2026),
                "media": [],
                "fbid": "100000000000001",
                "label_values": [{"label": "Name", "value": "Someone Suggested"}],
            }
        ]
    )
    files[root + "personal_information/profile_information/profile_information.json"] = meta_json(
        {"profile_v2": {"name": {"full_name": OWNER["name"]}, "emails": {"emails": [OWNER["email"]]}}}
    )
    files[root + "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json"] = meta_json(
        [{"timestamp": clock.ts(2024), "data": [{"post": "Pastéis de nata day ☕"}]}]
    )
    files |= {root + path: meta_json(thread) for path, thread in sample_messages.messenger().items()}
    return files


def _ig_record(username: str, ts: int, new_style: bool = False) -> dict:
    if new_style:  # late-2025 following: username in title, /_u/ deep link, no value
        return {
            "title": username,
            "string_list_data": [{"href": f"https://www.instagram.com/_u/{username}", "timestamp": ts}],
        }
    return {
        "title": "",
        "media_list_data": [],
        "string_list_data": [
            {"href": f"https://www.instagram.com/{username}", "value": username, "timestamp": ts}
        ],
    }


def _threads_record(p: SamplePerson, clock: Clock) -> dict:
    link = {"href": f"https://www.threads.net/@{p.ig}", "value": p.ig, "timestamp": clock.ts(2024)}
    return {"title": "", "media_list_data": [], "string_list_data": [link]}


def instagram(people: list[SamplePerson], clock: Clock) -> dict[str, str]:
    root = "connections/followers_and_following/"
    by_rel: dict[str, list[SamplePerson]] = {}
    for p in people:
        for rel in p.ig_rel if p.ig else ():
            by_rel.setdefault(rel, []).append(p)

    def recs(rel: str, new: bool = False) -> list[dict]:
        return [_ig_record(p.ig, clock.ts(max(p.since_year, 2012)), new) for p in by_rel.get(rel, [])]

    files = {
        root + "followers_1.json": json.dumps(recs("follower"), indent=2),
        root + "following.json": json.dumps({"relationships_following": recs("following", True)}, indent=2),
        root + "follow_requests_you've_received.json": json.dumps(
            {"relationships_follow_requests_received": recs("request_received")}, indent=2
        ),
        root + "pending_follow_requests.json": json.dumps(
            {"relationships_follow_requests_sent": recs("request_sent")}, indent=2
        ),
        root + "close_friends.json": json.dumps(
            {"relationships_close_friends": recs("close_friend")}, indent=2
        ),
        root + "blocked_profiles.json": json.dumps(
            {"relationships_blocked_users": recs("blocked", True)}, indent=2
        ),
        root + "restricted_profiles.json": meta_json(
            [
                {
                    "timestamp": clock.ts(2026),
                    "media": [],
                    "fbid": "17841400000000001",
                    "label_values": [
                        {"label": "URL", "value": "", "href": ""},
                        {"label": "Name", "value": "Angry Commenter 😠"},
                        {"label": "Username", "value": p.ig},
                    ],
                }
                for p in by_rel.get("restricted", [])
            ]
        ),
    }
    threads = [p for p in people if p.threads]

    files["your_instagram_activity/threads/followers.json"] = meta_json(
        {"text_post_app_text_post_app_followers": [_threads_record(p, clock) for p in threads]}
    )
    files["your_instagram_activity/threads/following.json"] = meta_json(
        {"text_post_app_text_post_app_following": [_threads_record(p, clock) for p in threads[::2]]}
    )
    files["personal_information/personal_information/personal_information.json"] = meta_json(
        {
            "profile_user": [
                {"string_map_data": {"Username": {"value": OWNER["ig"]}, "Name": {"value": OWNER["name"]}}}
            ]
        }
    )
    files |= {path: meta_json(thread) for path, thread in sample_messages.instagram().items()}
    return {f"instagram-{OWNER['ig']}-2026-11-02-Qm8Rt2Lp/{k}": v for k, v in files.items()}


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def linkedin(people: list[SamplePerson], clock: Clock) -> dict[str, str]:
    notes = (
        'Notes:\n"When exporting your connection data, you may notice that some of the email '
        "addresses are missing. You will only see email addresses for connections who have "
        "allowed their connections to see or download their email address using this setting "
        "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
        'https://www.linkedin.com/help/linkedin/answer/261"\n\n'
    )
    conns = [["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]]
    invites = [["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"]]
    follows = [["Date", "Status", "FullName"]]
    me_url = "https://www.linkedin.com/in/mayalindqvist"
    for p in people:
        if not p.li:
            continue
        url = f"https://www.linkedin.com/in/{p.li_slug}"
        when = datetime.fromtimestamp(clock.ts(p.since_year), UTC)
        name = " ".join(p.li)
        if p.li_rel == "connection":
            conns.append([*p.li, url, p.li_email, p.li_company, p.li_position, when.strftime("%d %b %Y")])
        elif p.li_rel == "following":
            follows.append([when.strftime("%Y-%m-%d %H:%M:%S"), "Active", name])
        else:
            sent = datetime.fromtimestamp(clock.ts(2026), UTC)
            stamp = f"{sent.month}/{sent.day}/{sent.strftime('%y')}, {sent.strftime('%I:%M %p').lstrip('0')}"
            if p.li_rel == "request_received":
                invites.append([name, OWNER["name"], stamp, p.li_message, "INCOMING", url, me_url])
            else:
                invites.append([OWNER["name"], name, stamp, p.li_message, "OUTGOING", me_url, url])
    conns.append(["", "", "", "", "", "", ""])  # the phantom row real exports end with
    return {
        "Connections.csv": notes + _csv(conns),
        "Invitations.csv": _csv(invites),
        "Member_Follows_80412345.csv": _csv(follows),
        "Profile.csv": _csv(
            [
                ["First Name", "Last Name", "Headline"],
                ["Maya", "Lindqvist", "Product Designer at Northwind Studio"],
            ]
        ),
        "messages.csv": sample_messages.linkedin_messages(
            {p.li_slug: f"https://www.linkedin.com/in/{p.li_slug}" for p in people if p.li_slug}
        ),
    }


X_ACCOUNT = [
    {
        "account": {
            "email": OWNER["email"],
            "createdVia": "web",
            "username": OWNER["x_handle"],
            "accountId": OWNER["x_id"],
            "createdAt": "2011-05-04T10:00:00.000Z",
            "accountDisplayName": OWNER["name"],
        }
    }
]


def _x_manifest(lists: dict[str, list], dms: int) -> dict:
    """data/manifest.js: the archive's owner and how many items each data file holds."""
    manifest = {
        "userInfo": {"accountId": OWNER["x_id"], "userName": OWNER["x_handle"], "displayName": OWNER["name"]},
        "archiveInfo": {
            "sizeBytes": "1234567",
            "generationDate": "2026-11-02T09:30:00.000Z",
            "isPartialArchive": False,
            "maxPartSizeBytes": "53687091200",
        },
        "dataTypes": {
            k: {"files": [{"fileName": f"data/{k}.js", "globalName": f"YTD.{k}.part0", "count": str(len(v))}]}
            for k, v in lists.items()
        },
    }
    manifest["dataTypes"]["directMessages"] = {"files": [sample_messages.X_MANIFEST | {"count": str(dms)}]}
    return manifest


def x_archive(people: list[SamplePerson], rng: random.Random) -> dict[str, str]:
    ids = {}
    for p in people:
        if p.x_handle:
            ids[p.x_handle] = str(
                rng.randint(10**17, 10**19 - 1) if rng.random() < 0.7 else rng.randint(10**6, 10**9)
            )

    def js(name: str, items: list) -> str:
        return f"window.YTD.{name}.part0 = " + json.dumps(items, indent=2, ensure_ascii=False)

    def link(i: str) -> str:
        return f"https://twitter.com/intent/user?user_id={i}"

    lists: dict[str, list] = {"follower": [], "following": [], "block": [], "mute": []}
    tweets = []
    for n, p in enumerate(q for q in people if q.x_handle):
        i = ids[p.x_handle]
        for rel in p.x_rel:
            lists[rel].append({rel: {"accountId": i, "userLink": link(i)}})
        if p.x_mentioned:
            text = f"@{p.x_handle} great talk today!"
            tweet = {
                "id_str": str(1800000000000000000 + n),
                "full_text": text,
                "created_at": "Fri Oct 02 10:00:00 +0000 2026",
                "entities": {
                    "user_mentions": [
                        {
                            "name": p.x_name,
                            "screen_name": p.x_handle,
                            "indices": ["0", str(len(p.x_handle) + 1)],
                            "id_str": i,
                            "id": i,
                        }
                    ]
                },
            }
            if n % 3 == 0:
                tweet |= {"in_reply_to_user_id_str": i, "in_reply_to_screen_name": p.x_handle}
            tweets.append({"tweet": tweet})
    lists["block"].append({"blocking": {"accountId": "987654321", "userLink": link("987654321")}})
    lists["mute"].append({"muting": {"accountId": "123123123", "userLink": link("123123123")}})
    dms = sample_messages.x_messages(ids, OWNER["x_id"])
    files = {f"data/{k}.js": js(k, v) for k, v in lists.items()}
    files["data/account.js"] = js("account", X_ACCOUNT)
    files["data/tweets.js"] = js("tweets", tweets)
    files["data/direct-messages.js"] = js("direct_messages", dms)
    manifest = _x_manifest({**lists, "tweets": tweets}, len(dms))
    files["data/manifest.js"] = "window.__THAR_CONFIG = " + json.dumps(manifest, indent=2)
    files["Your archive.html"] = "<!DOCTYPE html><html><body>Your archive</body></html>\n"
    return files


def mastodon(people: list[SamplePerson]) -> dict[str, str]:
    follows = [["Account address", "Show boosts", "Notify on new posts", "Languages"]]
    blocks, lists = [], []
    for p in people:
        if not p.mastodon:
            continue
        if "following" in p.masto_rel:
            follows.append([p.mastodon, "true", "false", ""])
            if p.li:
                lists.append(["Tech", p.mastodon])
        if "blocked" in p.masto_rel:
            blocks.append([p.mastodon])
    return {
        "following_accounts.csv": _csv(follows),
        "lists.csv": _csv(lists),
        "blocked_accounts.csv": _csv(blocks),
        "muted_accounts.csv": _csv(
            [["Account address", "Hide notifications"], ["shouty@mastodon.social", "true"]]
        ),
    }


def vcard(people: list[SamplePerson]) -> str:
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")

    cards = []
    for p in people:
        if not p.contact:
            continue
        name = p.contact_name or f"{p.given} {p.family}"
        lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{esc(name)}", f"N:{esc(p.family)};{esc(p.given)};;;"]
        lines += [f"EMAIL;TYPE=INTERNET:{e}" for e in p.emails]
        if p.phone:
            lines.append(f"TEL;TYPE=CELL:{p.phone}")
        if p.contact_org:
            lines.append(f"ORG:{esc(p.contact_org)}")
        lines.append("CATEGORIES:" + ",".join(("myContacts", *p.labels)))
        lines.append("END:VCARD")
        cards.append("\r\n".join(lines))
    return "\r\n".join(cards) + "\r\n"


def main(out: Path) -> None:
    people = everyone()
    clock = Clock(random.Random(7))
    out.mkdir(parents=True, exist_ok=True)
    write_zip(out / "facebook-mayalindqvist-2026-11-02-Xk3vB9Qa.zip", facebook(people, clock))
    write_zip(out / "instagram-maya.lindqvist-2026-11-02-Qm8Rt2Lp.zip", instagram(people, clock))
    write_zip(out / "Complete_LinkedInDataExport_11-02-2026.zip", linkedin(people, clock))
    write_zip(out / "twitter-2026-11-02-8f2a1c9e4b7d.zip", x_archive(people, random.Random(11)))
    (out / "mastodon").mkdir(exist_ok=True)
    for name, text in mastodon(people).items():
        (out / "mastodon" / name).write_text(text, encoding="utf-8")
    (out / "contacts.vcf").write_bytes(vcard(people).encode("utf-8"))
    (out / "README.md").write_text(
        "# Sample exports\n\nMade-up exports of one person, Maya Lindqvist, from Facebook, "
        "Instagram (with Threads), LinkedIn, X, Mastodon and her phone's contacts, in the "
        "networks' real formats, with a few message threads (Messenger, Instagram, LinkedIn and X "
        "direct messages; short made-up lines). Written by `scripts/make_sample_exports.py`; "
        "do not edit by hand.\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[1] / "sample_exports"
    parser.add_argument("out", nargs="?", type=Path, default=default, help="default: sample_exports/")
    main(parser.parse_args().out)
