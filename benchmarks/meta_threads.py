"""Meta's message threads (Messenger's standard download, Instagram) streamed into a zip.

Each thread is written as Meta writes it: `<section>/<slug>_<id>/message_N.json`, at most 10,000
messages a file, newest first (message_1 the newest), two-space indentation, every string in
Meta's mojibake (each UTF-8 byte as its own \\u00XX escape). Messages are formatted from templates
rather than json.dumps (Python's indenting encoder is slow for millions), a few hundred at a time:
no thread is ever held whole. Media the messages name (photos, videos, voice clips) are written as
stored members after each file, from one reused random buffer.
"""

from __future__ import annotations

import json
import os
import random
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from benchmarks.population import WORDS

OWNER = "Heavy User"
PER_FILE = 10_000  # messages per message_N.json, as Meta splits long threads
CHUNK = 500  # messages formatted before each write
ZIP_TIME = (2026, 10, 20, 12, 0, 0)
# Expected media per message, in units of size: photos (1.5%, 1-3 each, 1 unit), videos (0.2%,
# 12 units), voice clips (0.2%, 1 unit). The unit is set so the media add up to the GBs asked for.
UNITS_PER_MESSAGE = 0.015 * 2 + 0.002 * 12 + 0.002 * 1

LINES = [
    "hi",
    "Hey! How are you?",
    "Good, thanks. You?",
    "See you tomorrow",
    "haha",
    "ok 👍",
    "On my way",
    "Running 10 minutes late, sorry!",
    "Did you see this?",
    "Happy birthday!! 🎂🎉",
    "Thank you so much ❤️",
    "Sounds good",
    "What time works for you?",
    "Maybe next week?",
    "Café at 5?",
    "Ça va? On se voit samedi?",
    "¿Vienes a la cena?",
    "Danke dir! Bis später",
    "Спасибо!",
    "ありがとう",
    "Good night 🌙",
    "lol yes",
    "I'll call you later",
    "Where are you?",
    "Just landed ✈️",
    "Congrats!!",
    "Miss you guys",
    "Can you send me the photos?",
    "Reacted 😂 to your message",
    "Reacted ❤️ to your message",
    "You sent an attachment.",
    "The video call ended.",
]


@dataclass(frozen=True)
class Thread:
    """One thread to write: the other participants' names (the owner is added), its size and date."""

    section: str  # inbox, e2ee_cutover, archived_threads, filtered_threads, message_requests
    others: list[str]
    title: str  # a group's name; "" for one-to-one (the title is then the other's name)
    count: int  # messages
    last_ms: int  # timestamp of the newest message
    slug: str = ""  # the folder's name before _<id>; by default from the title or name


def counts_of(rng: random.Random, threads: int, messages: int) -> list[int]:
    """Messages per thread, heavy-tailed as real inboxes are (a few threads hold most), summing to
    ``messages``."""
    weights = [min(rng.paretovariate(1.1), 500.0) for _ in range(threads)]
    total, spread = sum(weights), messages - threads
    counts = [1 + int(spread * w / total) for w in weights]
    counts[max(range(threads), key=weights.__getitem__)] += messages - sum(counts)
    return counts


def mojibake(text: str) -> str:
    """A string as a JSON literal the way Meta writes it."""
    return json.dumps(text.encode("utf-8").decode("latin-1"), ensure_ascii=True)


def _nested(key: str, value: object) -> str:
    """A rarer message field through json.dumps, indented to sit inside a message."""
    return f'      "{key}": ' + json.dumps(value, indent=2).replace("\n", "\n      ") + ",\n"


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower()) or "facebookuser"


class MetaThreads:
    """Writes threads under ``base`` in an open zip, and counts what it wrote."""

    def __init__(
        self,
        zf: zipfile.ZipFile,
        base: str,
        rng: random.Random,
        media_bytes: float,
        messages: int,
        owner: str = OWNER,
    ) -> None:
        self.zf, self.base, self.rng, self.owner = zf, base, rng, owner
        self.unit = media_bytes / max(1.0, messages * UNITS_PER_MESSAGE)
        self.buffer = os.urandom(32 << 20) if media_bytes else b""
        # The set lines, and made-up ones of 2 to 9 words, so the JSON compresses as real threads do.
        made_up = (" ".join(rng.choices(WORDS, k=rng.randint(2, 9))) for _ in range(5000))
        self.texts = [mojibake(t) for t in (*LINES, *made_up)]
        self.reactions = [mojibake(e) for e in ("❤", "😂", "👍", "😮", "😢", "😡")]
        self.counts = dict.fromkeys(("threads", "groups", "messages", "files", "media", "media_bytes"), 0)

    def summary(self) -> dict[str, int]:
        return dict(self.counts)

    def write_all(self, threads: Iterable[Thread]) -> None:
        for t in threads:
            self.write(t)

    def write(self, t: Thread) -> None:
        thread_path = (
            f"{t.section}/{t.slug or _slug(t.title or t.others[0])}_{self.rng.randint(10**15, 10**17)}"
        )
        folder = self.base + thread_path
        names = [mojibake(p) for p in (*t.others, self.owner)]
        head = (
            '{\n  "participants": [\n'
            + ",\n".join(f'    {{\n      "name": {n}\n    }}' for n in names)
            + '\n  ],\n  "messages": [\n'
        )
        tail = (
            f'\n  ],\n  "title": {mojibake(t.title or t.others[0])},\n  "is_still_participant": true,\n'
            f'  "thread_path": {json.dumps(thread_path)},\n  "magic_words": []'
        )
        if len(names) > 2:
            tail += ',\n  "joinable_mode": {\n    "mode": 1,\n    "link": ""\n  }'
        tail += "\n}\n"
        ms, left, n = t.last_ms, t.count, 1
        while left > 0:
            media: list[tuple[str, int]] = []
            with self.zf.open(f"{folder}/message_{n}.json", "w") as out:
                out.write(head.encode())
                for start in range(0, min(PER_FILE, left), CHUNK):
                    k = min(CHUNK, PER_FILE - start, left - start)
                    chunk = []
                    for _ in range(k):
                        chunk.append(self._message(names, ms, folder, media))
                        ms -= int(self.rng.expovariate(1 / 3_600_000)) + 1000
                    out.write(((",\n" if start else "") + ",\n".join(chunk)).encode())
                out.write(tail.encode())
            left -= min(PER_FILE, left)
            n += 1
            self._media(media)
        self.counts["threads"] += 1
        self.counts["groups"] += len(names) > 2
        self.counts["messages"] += t.count
        self.counts["files"] += n - 1

    def _message(self, names: list[str], ms: int, folder: str, media: list[tuple[str, int]]) -> str:
        rng = self.rng
        r = rng.random()
        body = ""
        if r < 0.015:
            body = self._files("photos", "jpg", 1, rng.randint(1, 3), ms, folder, media)
        elif r < 0.017:
            body = self._files("videos", "mp4", 12, 1, ms, folder, media)
        elif r < 0.019:
            body = self._files("audio_files", "mp4", 1, 1, ms, folder, media)
        elif r < 0.04:
            link = f"https://example.com/{rng.randrange(10**6)}"
            body = f'      "content": {json.dumps(link)},\n' + _nested("share", {"link": link})
        elif r < 0.05:
            body = _nested("sticker", {"uri": f"messages/stickers_used/{rng.randrange(10**9)}.png"})
        elif r < 0.055:
            body = f'      "call_duration": {rng.randrange(0, 4000)},\n'
        elif r < 0.06:
            body = '      "is_unsent": true,\n'
        else:
            body = f'      "content": {rng.choice(self.texts)},\n'
        who = rng.randrange(len(names))
        if rng.random() < 0.1:
            actor = names[(who + 1) % len(names)]
            body += _reaction(rng.choice(self.reactions), actor)
        return (
            f'    {{\n      "sender_name": {names[who]},\n      "timestamp_ms": {ms},\n{body}'
            '      "is_geoblocked_for_viewer": false,\n'
            '      "is_unsent_image_by_messenger_kid_parent": false\n    }'
        )

    def _files(
        self, key: str, ext: str, units: int, count: int, ms: int, folder: str, media: list[tuple[str, int]]
    ) -> str:
        entries = []
        for _ in range(count):
            uri = f"{folder}/{key}/{self.rng.randrange(10**14, 10**15)}_{self.rng.randrange(10**9)}.{ext}"
            size = int(self.unit * units * self.rng.uniform(0.5, 1.5))
            if size:
                media.append((uri, size))
            entries.append({"uri": uri, "creation_timestamp": ms // 1000})
        return _nested(key, entries)

    def _media(self, media: list[tuple[str, int]]) -> None:
        """Each medium as a stored member, its bytes a slice of the random buffer (repeated if big)."""
        buffer = memoryview(self.buffer)
        for uri, size in media:
            info = zipfile.ZipInfo(uri, ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.file_size = size
            with self.zf.open(info, "w") as out:
                start, left = self.rng.randrange(len(buffer) // 2), size
                while left > 0:
                    piece = buffer[start : start + left]
                    out.write(piece)
                    left -= len(piece)
                    start = 0
            self.counts["media"] += 1
            self.counts["media_bytes"] += size


def _reaction(emoji: str, actor: str) -> str:
    """The reactions field, one reaction (both arguments already JSON literals)."""
    return (
        '      "reactions": [\n        {\n          "reaction": '
        + emoji
        + f',\n          "actor": {actor}\n        }}\n      ],\n'
    )
