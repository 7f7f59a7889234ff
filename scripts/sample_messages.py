"""Made-up message threads of the sample exports, in each network's real message format.

A handful of short, harmless lines per thread: what circlesort reads of them is who wrote to whom,
how often and when (never the words). The people are chosen so that the demo shows a personal
case (Zoë Dupont: Messenger and Instagram, many and recent), a professional one (Tomás Reyes:
a few LinkedIn messages in 2021), someone asking to be a friend who has written (Mark Taylor) and
people never messaged at all (Jane Doe, Bob Johnson).

Everything is drawn from its own seeded generator, so the other sample files stay as they were.
"""

from __future__ import annotations

import base64
import csv
import io
import random
from dataclasses import dataclass
from datetime import UTC, datetime

ME = "Maya Lindqvist"
ME_LINKEDIN = "https://www.linkedin.com/in/mayalindqvist"


@dataclass(frozen=True)
class Thread:
    """One conversation: its people (the user first), its lines (index of the sender, text)."""

    folder: str  # slug of the thread folder, or the other side's key
    people: tuple[str, ...]
    lines: tuple[tuple[int, str], ...]
    start: str  # ISO dates the lines are spread over
    end: str
    section: str = "inbox"
    title: str = ""


MESSENGER = [
    Thread(
        "zoedupont",
        (ME, "Zoë 🌸 Dupont"),
        (
            (1, "Coffee on Saturday?"),
            (0, "Yes! The usual place?"),
            (1, "Perfect, 10ish"),
            (0, "See you there ☕"),
            (1, ""),  # a photo
            (0, "Love it"),
            (1, "Did you get home ok?"),
            (0, "All good, thanks!"),
            (1, "The plants are still alive 🌿"),
            (0, "Proud of you"),
        ),
        "2025-11-08",
        "2026-10-24",
    ),
    Thread(
        "oskarlindqvist",
        (ME, "Oskar Lindqvist"),
        (
            (1, "Happy birthday sis! 🎂"),
            (0, "Thank you!!"),
            (1, "Call mum this weekend?"),
            (0, "Sunday evening works"),
            (1, "Flights booked for Christmas"),
            (0, "Yay"),
            (1, "Bring the board game"),
            (0, "Already packed"),
        ),
        "2021-02-14",
        "2023-11-28",
        section="e2ee_cutover",
    ),
    Thread(
        "lisboncrew",
        (ME, "Zoë 🌸 Dupont", "Sam Rivera", "Sunniva Berg"),
        (
            (2, "Beach on Sunday?"),
            (3, "I'm in"),
            (1, "Bringing snacks"),
            (0, "Count me in"),
            (2, "Meet at the station at 9"),
            (3, "See you!"),
        ),
        "2026-07-20",
        "2026-08-02",
        title="Lisbon crew 🏖️",
    ),
    Thread(  # his friend request is still waiting: the requests queue says they have written
        "marktaylor",
        (ME, "Mark Taylor"),
        ((1, "Hi Maya, great to meet you at the climbing gym!"), (0, "Likewise, see you Thursday")),
        "2025-02-03",
        "2025-02-04",
        section="message_requests",
    ),
]

INSTAGRAM = [  # folder: the username without punctuation; people: display names
    Thread(
        "zoedupont",
        (ME, "Zoë Dupont"),
        (
            (1, "This view!!"),
            (0, "Where is that?"),
            (1, "Sintra, last weekend"),
            (0, "Next time I'm coming"),
            (1, "Deal"),
            (1, "Reacted ❤️ to your message "),
            (0, "Happy Friday 🎉"),
            (1, "🎉🎉"),
        ),
        "2026-09-12",
        "2026-10-30",
    ),
    Thread(  # the name she goes by on Instagram is no full name: nothing joins her accounts
        "sunnyowl42",
        (ME, "Sunny ☀️"),
        ((1, "Going to the market?"), (0, "Maybe Saturday"), (1, "Let me know!"), (0, "Will do")),
        "2026-05-02",
        "2026-05-03",
    ),
    Thread(
        "samrivera",
        (ME, "Sam Rivera"),
        ((0, "Great photos from the hike"), (1, "Thanks! Next one in April"), (0, "Sign me up")),
        "2026-03-10",
        "2026-03-11",
    ),
]

LINKEDIN = [  # folder: the other side's profile slug; people: their names as LinkedIn shows them
    Thread(
        "tomasreyes",
        (ME, "Tomás Reyes"),
        (
            (1, "Hi Maya, thanks for the design review today."),
            (0, "Happy to help! Send me the next draft."),
            (1, "Will do, probably next week.\nThanks again"),
            (0, "Sounds good"),
        ),
        "2021-03-09",
        "2021-03-12",
    ),
    Thread(
        "jonathan-ellison",
        (ME, "Jonathan Ellison"),
        ((0, "Thanks for the talk at the meetup"), (1, "Glad you liked it!")),
        "2019-11-05",
        "2019-11-06",
    ),
]

X = [  # folder: the other side's handle, for their account id
    Thread("jellison", ("", ""), ((1, "Slides are up"), (0, "Thanks!")), "2022-05-17", "2022-05-17"),
    Thread(
        "chrisevans_dev",
        ("", ""),
        ((1, "Are you at the conference?"), (0, "Yes, hall B"), (1, "See you there")),
        "2024-02-21",
        "2024-02-21",
    ),
]


def _times(rng: random.Random, thread: Thread) -> list[int]:
    """Milliseconds since the epoch for each line, oldest first, spread between start and end."""
    start = datetime.fromisoformat(thread.start).replace(hour=8, tzinfo=UTC).timestamp()
    end = datetime.fromisoformat(thread.end).replace(hour=22, tzinfo=UTC).timestamp()
    n = len(thread.lines)
    step = (end - start) / n
    return [int((start + i * step + rng.uniform(0, step * 0.8)) * 1000) for i in range(n)]


def _meta_message(rng: random.Random, thread: Thread, ms: int, who: int, text: str, folder: str) -> dict:
    message: dict = {"sender_name": thread.people[who], "timestamp_ms": ms}
    if text:
        message["content"] = text
    else:
        photo = f"{folder}/photos/{rng.randint(10**14, 10**15 - 1)}_{rng.randint(10**8, 10**9)}.jpg"
        message["photos"] = [{"uri": photo, "creation_timestamp": ms // 1000}]
    if rng.random() < 0.25:
        other = thread.people[1 if who == 0 else 0]
        message["reactions"] = [{"reaction": rng.choice(["❤", "😆", "👍"]), "actor": other}]
    message["is_geoblocked_for_viewer"] = False
    message["is_unsent_image_by_messenger_kid_parent"] = False
    return message


def _meta_threads(threads: list[Thread], base: str, rng: random.Random) -> dict[str, dict]:
    """``base`` + <section>/<slug>_<id>/message_1.json -> the thread, newest message first."""
    files = {}
    for t in threads:
        thread_path = f"{t.section}/{t.folder}_{rng.randint(10**15, 10**17)}"
        folder = f"{base}{thread_path}"
        times = _times(rng, t)
        messages = [
            _meta_message(rng, t, ms, who, text, folder)
            for ms, (who, text) in zip(times, t.lines, strict=True)
        ]
        thread: dict = {
            "participants": [{"name": name} for name in (*t.people[1:], t.people[0])],
            "messages": messages[::-1],
            "title": t.title or t.people[1],
            "is_still_participant": True,
            "thread_path": thread_path,
            "magic_words": [],
        }
        if len(t.people) > 2:
            thread["joinable_mode"] = {"mode": 1, "link": ""}
        files[f"{folder}/message_1.json"] = thread
    return files


def messenger() -> dict[str, dict]:
    """Facebook's standard download: path in the export -> the thread, before Meta's mojibake."""
    return _meta_threads(MESSENGER, "your_facebook_activity/messages/", random.Random(1801))


def instagram() -> dict[str, dict]:
    """Instagram's download: path in the export -> the thread, before Meta's mojibake."""
    return _meta_threads(INSTAGRAM, "your_instagram_activity/messages/", random.Random(1802))


def linkedin_messages(urls: dict[str, str]) -> str:
    """messages.csv as LinkedIn writes it since 2025: every field quoted, line breaks in CONTENT.

    ``urls``: profile slug -> the sample connection's profile address."""
    rng = random.Random(1803)
    out = io.StringIO()
    w = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(
        [
            "CONVERSATION ID",
            "CONVERSATION TITLE",
            "FROM",
            "SENDER PROFILE URL",
            "TO",
            "RECIPIENT PROFILE URLS",
            "DATE",
            "SUBJECT",
            "CONTENT",
            "FOLDER",
            "ATTACHMENTS",
        ]
    )
    rows = []
    for t in LINKEDIN:
        raw = f"{rng.getrandbits(128):032x}_{rng.randint(100, 999)}".encode()
        conversation = "2-" + base64.b64encode(raw).decode()
        side = [(ME, ME_LINKEDIN), (t.people[1], urls[t.folder])]
        for ms, (who, text) in zip(_times(rng, t), t.lines, strict=True):
            (name, url), (to, to_url) = side[who], side[1 - who]
            date = datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
            rows.append([conversation, "", name, url, to, to_url, date, "", text, "INBOX", ""])
    rows.sort(key=lambda r: r[6], reverse=True)  # newest first, as LinkedIn lists them
    w.writerows(rows)
    return out.getvalue()


X_MANIFEST = {"fileName": "data/direct-messages.js", "globalName": "YTD.direct_messages.part0"}


def x_messages(ids: dict[str, str], me: str) -> list[dict]:
    """The entries of data/direct-messages.js: one-to-one conversations, newest message first.

    ``ids``: handle -> the sample account's id; ``me``: the user's own account id."""
    rng = random.Random(1804)
    conversations = []
    for t in X:
        them = ids[t.folder]
        pair = sorted((me, them), key=int)
        messages = []
        for ms, (who, text) in zip(_times(rng, t), t.lines, strict=True):
            sender, recipient = (me, them) if who == 0 else (them, me)
            when = datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
            create = {
                "recipientId": recipient,
                "reactions": [],
                "urls": [],
                "text": text,
                "mediaUrls": [],
                "senderId": sender,
                "id": str(rng.randint(10**18, 10**19 - 1)),
                "createdAt": when,
            }
            messages.append({"messageCreate": create})
        conversations.append(
            {"dmConversation": {"conversationId": "-".join(pair), "messages": messages[::-1]}}
        )
    return conversations
