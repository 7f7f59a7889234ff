"""Writes DESIGN.md's "heavy" user in the networks' real formats, for the benchmarks.

5,000 Facebook friends, 30,000 LinkedIn connections, 20,000 Instagram accounts, 20,000 X
accounts, 3,000 Mastodon follows and 3,000 contacts: about 80,000 accounts.

    python benchmarks/heavy_exports.py OUT_DIR [--scale 1.0]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import zipfile
from pathlib import Path

from circlesort.importers.text import to_meta_mojibake

SIZES = {
    "facebook": 5000,
    "linkedin": 30000,
    "instagram": 20000,
    "x": 20000,
    "mastodon": 3000,
    "contacts": 3000,
}
GIVEN = [
    "Olivia",
    "Liam",
    "Emma",
    "Noah",
    "Ava",
    "Lucas",
    "Sofia",
    "Mateo",
    "José",
    "Zoë",
    "Łukasz",
    "Jürgen",
    "Ngọc",
    "Наталья",
    "Priya",
    "Wei",
    "Amara",
    "Kofi",
    "Elif",
    "Greta",
    "Yuki",
    "Omar",
]
FAMILY = [
    "Silva",
    "Andersson",
    "Rossi",
    "Moreau",
    "Jansen",
    "Murphy",
    "Tanaka",
    "Mensah",
    "Khan",
    "Patel",
    "Wang",
    "Kowalski",
    "Yilmaz",
    "Fischer",
    "Novak",
    "Kim",
    "Álvarez",
    "Müller",
    "Nguyễn",
]


def _name(rng: random.Random) -> tuple[str, str]:
    return rng.choice(GIVEN), f"{rng.choice(FAMILY)}{rng.choice(['', '', '-' + rng.choice(FAMILY)])}"


def _zip(path: Path, files: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            zf.writestr(name, text)


def _meta(obj: object) -> str:
    return json.dumps(to_meta_mojibake(obj))


def write(out: Path, scale: float = 1.0, seed: int = 1) -> None:
    rng = random.Random(seed)
    n = {k: int(v * scale) for k, v in SIZES.items()}
    out.mkdir(parents=True, exist_ok=True)
    friends = [
        {"name": " ".join(_name(rng)) + f" {i}", "timestamp": 1300000000 + i * 3000}
        for i in range(n["facebook"])
    ]
    _zip(
        out / "facebook-heavy.zip", {"connections/friends/your_friends.json": _meta({"friends_v2": friends})}
    )
    rows = io.StringIO()
    w = csv.writer(rows)
    w.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
    for i in range(n["linkedin"]):
        g, f = _name(rng)
        w.writerow(
            [g, f, f"https://www.linkedin.com/in/{g.lower()}-{i}", "", "Contoso", "Engineer", "08 Feb 2026"]
        )
    _zip(out / "linkedin-heavy.zip", {"Connections.csv": 'Notes:\n"..."\n\n' + rows.getvalue()})
    recs = [
        {
            "title": "",
            "media_list_data": [],
            "string_list_data": [
                {
                    "href": f"https://www.instagram.com/user{i}",
                    "value": f"user{i}",
                    "timestamp": 1300000000 + i * 9000,
                }
            ],
        }
        for i in range(n["instagram"])
    ]
    half = len(recs) // 2
    _zip(
        out / "instagram-heavy.zip",
        {
            "connections/followers_and_following/followers_1.json": json.dumps(recs[:half]),
            "connections/followers_and_following/followers_2.json": json.dumps(recs[half:]),
            "connections/followers_and_following/following.json": json.dumps(
                {"relationships_following": recs[: half // 2]}
            ),
        },
    )
    ids = [str(10**17 + i) for i in range(n["x"])]
    follower = [
        {"follower": {"accountId": i, "userLink": f"https://twitter.com/intent/user?user_id={i}"}}
        for i in ids
    ]
    tweets = [
        {
            "tweet": {
                "entities": {
                    "user_mentions": [{"name": " ".join(_name(rng)), "screen_name": f"h{i}", "id_str": i}]
                }
            }
        }
        for i in ids[::3]
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
        + "".join(f"user{i}@mastodon.social,true,false,\n" for i in range(n["mastodon"]))
    )
    (out / "contacts.vcf").write_text(
        "".join(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{g} {f}\r\nN:{f};{g};;;\r\n"
            f"EMAIL:c{i}@example.com\r\nEND:VCARD\r\n"
            for i, (g, f) in enumerate(_name(rng) for _ in range(n["contacts"]))
        )
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    write(args.out, args.scale)
