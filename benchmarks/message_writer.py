"""Adds the heavy user's message files to a bundle written by export_writer: Messenger, Instagram,
LinkedIn and X, in their real formats, with GBs of Messenger media beside them.

python -m benchmarks.message_writer OUT_DIR [--media-gb 3] [--share 1.0]

Writes the bundle itself first (export_writer.write), then appends to its zips. Threads are
streamed into the zips one file at a time (Meta's message_N.json holds at most 10,000 messages):
the 2,000,000 messages are never in memory at once. Media members are stored (not deflated) from
one reused random buffer, so writing GBs costs little more than the disk.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.meta_threads import OWNER, MetaThreads, Thread, counts_of
from benchmarks.population import WORDS, Human, generate

OWNER_LINKEDIN = "https://www.linkedin.com/in/heavy-user-0a1b2c"
OWNER_X = "1000000000000000001"
DAY_MS = 86_400_000
LINKEDIN_HEADER = [  # since 2025
    *("CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS"),
    *("DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS"),
]
END_MS = 1_792_000_000_000  # 2026-10-14: the newest message of the bundle


@dataclass(frozen=True)
class Sizes:
    """How many threads and messages each network's files hold (at share 1.0, the heavy user)."""

    fb_threads: int = 5_000
    fb_groups: int = 400
    fb_messages: int = 2_000_000
    ig_threads: int = 2_000
    ig_groups: int = 100
    ig_messages: int = 400_000
    li_conversations: int = 3_000
    li_messages: int = 15_000
    x_conversations: int = 800
    x_groups: int = 40
    x_messages: int = 40_000

    def scaled(self, share: float) -> Sizes:
        return Sizes(*(max(1, round(v * share)) for v in vars(self).values()))


def _of(people: list[Human], network: str) -> list[Human]:
    return [h for h in people if network in h.accounts]


def _last_ms(rng: random.Random) -> int:
    """When a thread's newest message was written: most recent, some years ago."""
    return END_MS - int(rng.expovariate(1 / 500) * DAY_MS) % (12 * 365 * DAY_MS)


def _facebook_threads(people: list[Human], sizes: Sizes, rng: random.Random) -> Iterator[Thread]:
    friends = [h.accounts["facebook"].fields["name"] for h in _of(people, "facebook")]
    singles = sizes.fb_threads - sizes.fb_groups
    counts = counts_of(rng, sizes.fb_threads, sizes.fb_messages)
    talked = rng.sample(friends, min(len(friends), singles))
    sections = ["inbox"] * 55 + ["e2ee_cutover"] * 35 + ["archived_threads"] * 6 + ["filtered_threads"] * 4
    for i in range(sizes.fb_threads):
        last = _last_ms(rng)
        if i < len(talked):
            section = rng.choice(sections)
            if section == "e2ee_cutover":  # history up to each chat's switch to end-to-end encryption
                last = min(last, 1_702_000_000_000 - rng.randrange(400 * DAY_MS))
            yield Thread(section, [talked[i]], "", counts[i], last)
        elif i < singles:  # someone who is no friend: a message request
            stranger = f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()}son"
            yield Thread("message_requests", [stranger], "", counts[i], last)
        else:
            members = rng.sample(friends, min(len(friends), rng.randint(2, 24)))
            title = f"{rng.choice(WORDS).title()} {rng.choice(['crew', 'club', 'family', 'trip', 'team'])}"
            yield Thread("inbox", members, title, counts[i], last)


def _instagram_threads(people: list[Human], sizes: Sizes, rng: random.Random) -> Iterator[Thread]:
    accounts = [(h, h.accounts["instagram"].fields["username"]) for h in _of(people, "instagram")]
    singles = sizes.ig_threads - sizes.ig_groups
    counts = counts_of(rng, sizes.ig_threads, sizes.ig_messages)
    talked = rng.sample(accounts, min(len(accounts), sizes.ig_threads))
    for i in range(sizes.ig_threads):
        if i < singles:
            h, username = talked[i]
            # Display names, never usernames; the username is only in the folder, without punctuation.
            name = rng.choice([f"{h.given} {h.family}", h.given, f"{h.given} ✨", username])
            slug = "".join(c for c in username.lower() if c.isalnum())
            section = "message_requests" if rng.random() < 0.03 else "inbox"
            yield Thread(section, [name], "", counts[i], _last_ms(rng), slug=slug)
        else:
            members = [f"{h.given} {h.family}" for h, _ in rng.sample(accounts, rng.randint(2, 12))]
            yield Thread("inbox", members, f"{rng.choice(WORDS)} chat", counts[i], _last_ms(rng))


def write_linkedin(zf: zipfile.ZipFile, people: list[Human], sizes: Sizes, rng: random.Random) -> None:
    """messages.csv as LinkedIn writes it since 2025: every field quoted, newest first per conversation."""
    connections = [h.accounts["linkedin"].fields for h in _of(people, "linkedin")]
    counts = counts_of(rng, sizes.li_conversations, sizes.li_messages)
    with zf.open("messages.csv", "w") as raw, io.TextIOWrapper(raw, "utf-8", newline="") as text:
        w = csv.writer(text, quoting=csv.QUOTE_ALL, lineterminator="\n")
        w.writerow(LINKEDIN_HEADER)
        for n, f in enumerate(rng.sample(connections, min(len(connections), sizes.li_conversations))):
            them = (f"{f['first']} {f['last']}".strip(), f["url"])
            if rng.random() < 0.01:
                them = ("LinkedIn Member", "")
            me = ("Heavy User", OWNER_LINKEDIN)
            conversation = f"2-{rng.getrandbits(160):040x}=="
            folder = rng.choice(["INBOX"] * 9 + ["ARCHIVE"])
            ms = _last_ms(rng) - rng.randrange(6 * 365) * DAY_MS
            for i in range(counts[n]):
                (who, url), (to, to_url) = (me, them) if (i + n) % 2 else (them, me)
                date = _utc(ms)
                body = rng.choice(_LINKEDIN_LINES)
                w.writerow([conversation, "", who, url, to, to_url, date, "", body, folder, ""])
                ms -= rng.randrange(1, 40) * DAY_MS // 10


_LINKEDIN_LINES = [
    "Thanks for connecting!",
    "Hi, are you open to a quick call next week?\nBest regards",
    "Congrats on the new role!",
    "Sounds good, talk soon.",
    "Happy to help, send me the details.",
    "Great meeting you at the conference.",
]


def _utc(ms: int) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(ms / 1000))


def write_x(zf: zipfile.ZipFile, people: list[Human], sizes: Sizes, rng: random.Random) -> None:
    """direct-messages.js and direct-messages-group.js, X's layout (" : " separators), and account.js."""
    ids = [h.accounts["x"].key for h in _of(people, "x")]
    counts = counts_of(rng, sizes.x_conversations, sizes.x_messages)
    singles = sizes.x_conversations - sizes.x_groups
    talked = rng.sample(ids, min(len(ids), singles))
    _x_file(
        zf,
        "direct-messages",
        "direct_messages",
        (_x_conversation(rng, [t], c) for t, c in zip(talked, counts, strict=False)),
    )
    groups = (_x_conversation(rng, rng.sample(ids, rng.randint(2, 9)), c) for c in counts[singles:])
    _x_file(zf, "direct-messages-group", "direct_messages_group", groups)
    account = {"account": {"accountId": OWNER_X, "username": "heavyuser", "accountDisplayName": "Heavy User"}}
    zf.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps([account], indent=2))


def _x_file(zf: zipfile.ZipFile, name: str, variable: str, conversations: Iterator[dict]) -> None:
    with zf.open(f"data/{name}.js", "w") as out:
        out.write(f"window.YTD.{variable}.part0 = [".encode())
        for i, c in enumerate(conversations):
            text = json.dumps(c, indent=2, separators=(",", " : "), ensure_ascii=False)
            out.write((("," if i else "") + "\n  " + text.replace("\n", "\n  ")).encode())
        out.write(b"\n]")


def _x_conversation(rng: random.Random, others: list[str], count: int) -> dict:
    group = len(others) > 1
    people = [OWNER_X, *others]
    cid = str(rng.randint(10**18, 10**19)) if group else "-".join(sorted(people, key=int))
    ms, messages = _last_ms(rng), []
    for _ in range(count):
        sender = rng.choice(people)
        create = {"reactions": [], "urls": [], "text": rng.choice(_X_LINES), "mediaUrls": []}
        if not group:
            create = {"recipientId": others[0] if sender == OWNER_X else OWNER_X, **create}
        stamp = time_iso(ms)
        create |= {"senderId": sender, "id": str(rng.randint(10**18, 10**19)), "createdAt": stamp}
        messages.append({"messageCreate": create})
        ms -= rng.randrange(60_000, 5 * DAY_MS)
    if group:
        messages.append(
            {
                "joinConversation": {
                    "initiatingUserId": others[0],
                    "participantsSnapshot": people,
                    "createdAt": stamp,
                }
            }
        )
    return {"dmConversation": {"conversationId": cid, "messages": messages}}


_X_LINES = ["Hi!", "Thanks for the follow", "See you there", "Great thread 👏", "Sent you the link", "lol"]


def time_iso(ms: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms / 1000)) + f".{ms % 1000:03d}Z"


def add_messages(out: Path, people: list[Human], media_gb: float = 3.0, share: float = 1.0) -> dict:
    """Append every network's message files to the bundle in ``out``; return what was written."""
    sizes = Sizes().scaled(share)
    rng = random.Random(18)
    written: dict = {}
    with zipfile.ZipFile(out / "facebook-heavy.zip", "a", zipfile.ZIP_DEFLATED) as zf:
        fb = MetaThreads(zf, "your_facebook_activity/messages/", rng, media_gb * (1 << 30), sizes.fb_messages)
        fb.write_all(_facebook_threads(people, sizes, rng))
        written["facebook"] = fb.summary()
    with zipfile.ZipFile(out / "instagram-heavy.zip", "a", zipfile.ZIP_DEFLATED) as zf:
        ig = MetaThreads(zf, "your_instagram_activity/messages/", rng, 0, sizes.ig_messages, owner=OWNER)
        ig.write_all(_instagram_threads(people, sizes, rng))
        written["instagram"] = ig.summary()
    with zipfile.ZipFile(out / "linkedin-heavy.zip", "a", zipfile.ZIP_DEFLATED) as zf:
        write_linkedin(zf, people, sizes, rng)
    written["linkedin"] = {"threads": sizes.li_conversations, "messages": sizes.li_messages}
    with zipfile.ZipFile(out / "twitter-heavy.zip", "a", zipfile.ZIP_DEFLATED) as zf:
        write_x(zf, people, sizes, rng)
    written["x"] = {"threads": sizes.x_conversations, "messages": sizes.x_messages}
    return written


def write_with_messages(out: Path, media_gb: float = 3.0, share: float = 1.0, seed: int = 7) -> dict:
    """The heavy user's bundle (export_writer, scale 1.0) with message files added."""
    from benchmarks.export_writer import write

    people = generate(1.0, seed)
    write(people, out)
    return add_messages(out, people, media_gb, share)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--media-gb", type=float, default=3.0, help="Messenger media, in GiB (default 3)")
    parser.add_argument("--share", type=float, default=1.0, help="of the threads and messages (default 1)")
    args = parser.parse_args()
    print(json.dumps(write_with_messages(args.out, args.media_gb, args.share), indent=2))
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(f"{size / (1 << 30):.2f} GiB in {args.out}")
