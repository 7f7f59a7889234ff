"""The message files the import benchmark writes are in the networks' formats, and as many as asked."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import defaultdict

from benchmarks.export_writer import write
from benchmarks.message_writer import LINKEDIN_HEADER, OWNER_LINKEDIN, OWNER_X, Sizes, add_messages
from benchmarks.meta_threads import OWNER, counts_of
from benchmarks.population import generate
from circlesort.importers.text import fix_meta_tree


def test_counts_are_heavy_tailed_and_add_up():
    import random

    counts = counts_of(random.Random(1), 3000, 15000)
    assert sum(counts) == 15000 and min(counts) >= 1 and max(counts) > 20 * (15000 / 3000)


def test_written_threads_are_metas_format_and_add_up(tmp_path):
    people = generate(0.02, 7)
    write(people, tmp_path)
    written = add_messages(tmp_path, people, media_gb=0.002, share=0.004)
    sizes = Sizes().scaled(0.004)
    with zipfile.ZipFile(tmp_path / "facebook-heavy.zip") as zf:
        threads: dict[str, list] = defaultdict(list)
        stored = 0
        for info in zf.infolist():
            if info.filename.endswith(".json") and "/messages/" in info.filename:
                folder, _, name = info.filename.rpartition("/")
                threads[folder].append((int(name[8:-5]), fix_meta_tree(json.loads(zf.read(info)))))
            elif "/messages/" in info.filename:
                assert info.compress_type == zipfile.ZIP_STORED
                stored += info.file_size
    assert len(threads) == sizes.fb_threads == written["facebook"]["threads"]
    total = 0
    for files in threads.values():
        stamps = [m["timestamp_ms"] for _, t in sorted(files) for m in t["messages"]]
        assert stamps == sorted(stamps, reverse=True)  # newest first, message_1 the newest
        assert all(OWNER in [p["name"] for p in t["participants"]] for _, t in files)
        total += len(stamps)
    assert total == sizes.fb_messages
    assert stored == written["facebook"]["media_bytes"] > 0


def test_linkedin_and_x_messages(tmp_path):
    people = generate(0.02, 7)
    write(people, tmp_path)
    add_messages(tmp_path, people, media_gb=0, share=0.01)
    with zipfile.ZipFile(tmp_path / "linkedin-heavy.zip") as zf:
        rows = list(csv.reader(io.StringIO(zf.read("messages.csv").decode())))
    assert rows[0] == LINKEDIN_HEADER and len(rows) == 1 + Sizes().scaled(0.01).li_messages
    assert all(OWNER_LINKEDIN in (r[3], r[5]) for r in rows[1:])
    with zipfile.ZipFile(tmp_path / "twitter-heavy.zip") as zf:
        text = zf.read("data/direct-messages.js").decode()
        groups = zf.read("data/direct-messages-group.js").decode()
    assert text.startswith("window.YTD.direct_messages.part0 = [")
    for c in json.loads(text.partition("= ")[2]):
        ids = c["dmConversation"]["conversationId"].split("-")
        assert OWNER_X in ids and len(ids) == 2
    assert all(
        "-" not in c["dmConversation"]["conversationId"] for c in json.loads(groups.partition("= ")[2])
    )
