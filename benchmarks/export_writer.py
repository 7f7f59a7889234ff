"""Writes generated people as the networks' real export files, and the truth beside them.

python -m benchmarks.export_writer OUT_DIR [--scale 1.0] [--seed 7] [--hard]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import zipfile
from pathlib import Path

from benchmarks.population import Human, generate
from circlesort.importers.text import to_meta_mojibake

Truth = dict[tuple[str, str], tuple[int, bool, str]]  # (network, key) -> (person, carries a name, form)


def _zip(path: Path, files: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            zf.writestr(name, text)


def _meta(obj: object) -> str:
    return json.dumps(to_meta_mojibake(obj))


def _by_network(people: list[Human], network: str) -> list:
    return [(h, h.accounts[network]) for h in people if network in h.accounts]


def write(people: list[Human], out: Path) -> Truth:
    """Write every network's export under ``out``; return the truth about each account key."""
    out.mkdir(parents=True, exist_ok=True)
    truth: Truth = {}
    for h in people:
        for a in h.accounts.values():
            key = a.key.lower() if a.network == "contacts" and "@" in a.key else a.key
            truth[(a.network, key)] = (a.person, a.named, f"{a.network} {a.fields.get('form', '')}")
    ts = 1300000000
    friends = [
        {"name": a.fields["name"], "timestamp": ts + i * 3000}
        for i, (_, a) in enumerate(_by_network(people, "facebook"))
    ]
    _zip(
        out / "facebook-heavy.zip", {"connections/friends/your_friends.json": _meta({"friends_v2": friends})}
    )

    rows = io.StringIO()
    w = csv.writer(rows)
    w.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
    for _, a in _by_network(people, "linkedin"):
        f = a.fields
        w.writerow([f["first"], f["last"], f["url"], f["email"], f["company"], f["position"], "08 Feb 2026"])
    _zip(
        out / "linkedin-heavy.zip",
        {
            "Connections.csv": 'Notes:\n"When exporting your connection data, '
            'you may notice..."\n\n' + rows.getvalue()
        },
    )

    def record(user: str, i: int, host: str = "https://www.instagram.com/") -> dict:
        return {
            "title": "",
            "media_list_data": [],
            "string_list_data": [{"href": host + user, "value": user, "timestamp": ts + i * 9000}],
        }

    ig = [record(a.fields["username"], i) for i, (_, a) in enumerate(_by_network(people, "instagram"))]
    half = len(ig) // 2
    threads = [
        record(a.fields["username"], i, "https://www.threads.net/@")
        for i, (_, a) in enumerate(_by_network(people, "threads"))
    ]
    _zip(
        out / "instagram-heavy.zip",
        {
            "connections/followers_and_following/followers_1.json": json.dumps(ig[:half]),
            "connections/followers_and_following/followers_2.json": json.dumps(ig[half:]),
            "connections/followers_and_following/following.json": json.dumps(
                {"relationships_following": ig[: half // 2]}
            ),
            "your_instagram_activity/threads/followers.json": _meta(
                {"text_post_app_text_post_app_followers": threads}
            ),
        },
    )

    xs = _by_network(people, "x")
    follower = [
        {"follower": {"accountId": a.key, "userLink": f"https://twitter.com/intent/user?user_id={a.key}"}}
        for _, a in xs
    ]
    tweets = [
        {
            "tweet": {
                "entities": {
                    "user_mentions": [
                        {"name": a.fields["name"], "screen_name": a.fields["handle"], "id_str": a.key}
                    ]
                }
            }
        }
        for _, a in xs
        if "name" in a.fields
    ]
    _zip(
        out / "twitter-heavy.zip",
        {
            "data/follower.js": "window.YTD.follower.part0 = " + json.dumps(follower),
            "data/tweets.js": "window.YTD.tweets.part0 = " + json.dumps(tweets),
        },
    )

    (out / "mastodon").mkdir(exist_ok=True)
    (out / "mastodon" / "following_accounts.csv").write_text(
        "Account address,Show boosts,Notify on new posts,Languages\n"
        + "".join(f"{a.fields['address']},true,false,\n" for _, a in _by_network(people, "mastodon")),
        encoding="utf-8",
    )

    cards = []
    for _, a in _by_network(people, "contacts"):
        f = a.fields
        name = f["name"].replace(",", "\\,").replace(";", "\\;")
        first, _, last = f["name"].partition(" ")
        lines = [
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"FN:{name}",
            f"N:{last.replace(';', '')};{first.replace(';', '')};;;",
        ]
        if f["email"]:
            lines.append(f"EMAIL;TYPE=INTERNET:{f['email']}")
        if f["company"]:
            lines.append(f"ORG:{f['company']}")
        lines.append("END:VCARD")
        cards.append("\r\n".join(lines))
    (out / "contacts.vcf").write_text("\r\n".join(cards) + "\r\n", encoding="utf-8")
    return truth


def write_bundle(out: Path, scale: float = 1.0, seed: int = 7, hard: bool = False) -> Truth:
    """The bundle's export files; ``hard`` adds the hard cases of benchmarks/hard_cases.py."""
    return write(generate(scale, seed, hard), out)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--hard", action="store_true", help="add the hard cases (the accuracy bundle)")
    args = parser.parse_args()
    t = write_bundle(args.out, args.scale, args.seed, args.hard)
    print(f"{len(t)} accounts written to {args.out}")
