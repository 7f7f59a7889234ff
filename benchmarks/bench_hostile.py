"""Times `circlesort inspect` on crafted hostile exports: each must end quickly, in bounded memory.

    python -m benchmarks.bench_hostile [--runs 3]

Every file is made here, made-up names only. Each case runs the real command line in fresh
processes; the figure is the median wall time and the median peak memory of the runs.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

FRIENDS = "connections/friends/your_friends.json"
MiB = 1 << 20


def _friends(*names: str) -> bytes:
    return json.dumps({"friends_v2": [{"name": n, "timestamp": 1700000000} for n in names]}).encode()


def same_name(folder: Path) -> Path:
    """100,000 friends all called John Smith (Facebook keys friends by name)."""
    rows = [{"name": "John Smith", "timestamp": 1600000000 + i} for i in range(100_000)]
    path = folder / "facebook" / FRIENDS
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"friends_v2": rows}))
    return folder / "facebook"


def unclosed_html(folder: Path) -> Path:
    """A Facebook HTML friends page of 300,000 tags that are never closed."""
    path = folder / "facebook" / FRIENDS.replace(".json", ".html")
    path.parent.mkdir(parents=True)
    path.write_text("<html><body>" + "<div><h2>Ann" * 300_000)
    return folder / "facebook"


def vcard_without_end(folder: Path) -> Path:
    """20,000 vCards that begin and never end."""
    path = folder / "contacts.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Example\r\n" * 20_000)
    return path


def nested_zips(folder: Path) -> Path:
    """400 zips inside one zip, each a friends file padded to 16 MiB with spaces (6.4 GiB in all)."""
    part = io.BytesIO()
    with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(FRIENDS, _friends("Ann Example") + b" " * (16 * MiB - 100))
    path = folder / "takeout.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for n in range(400):
            zf.writestr(f"facebook-part{n}.zip", part.getvalue())
    return path


def _deflated_zeros(size: int) -> tuple[bytes, int]:
    c, chunk, out, crc = zlib.compressobj(9, zlib.DEFLATED, -15), bytes(MiB), [], 0
    for _ in range(size // MiB):
        out.append(c.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    out.append(c.flush())
    return b"".join(out), crc


def truncated_bomb(folder: Path) -> Path:
    """A zip whose central directory is cut off, one file of it 900 MiB of zeros (under 1 MiB packed)."""
    packed, crc = _deflated_zeros(900 * MiB)
    name = b"connections/followers/who_you've_followed.json"
    sizes = (crc, len(packed), 900 * MiB, len(name))
    header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, *sizes, 0)
    friends = io.BytesIO()
    with zipfile.ZipFile(friends, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(FRIENDS, _friends("Ann Example"))
    data = friends.getvalue()
    first = data[: struct.unpack("<I", data[-6:-2])[0]]  # its local header and data, no directory
    path = folder / "facebook.zip"
    path.write_bytes(first + header + name + packed)
    return path


def repeated_directory(folder: Path) -> Path:
    """A zip whose central directory lists one 8 MiB file 50,000 times."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(FRIENDS, _friends("Ann Example") + b" " * (8 * MiB))
    data = buf.getvalue()
    start = struct.unpack("<I", data[-6:-2])[0]
    record, n = data[start:-22], 50_000
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(record) * n, start, 0)
    path = folder / "facebook.zip"
    path.write_bytes(data[:start] + record * n + end)
    return path


CASES: dict[str, Callable[[Path], Path]] = {
    "one name 100,000 times": same_name,
    "HTML, 300,000 unclosed tags": unclosed_html,
    "20,000 vCards without END": vcard_without_end,
    "400 zips in a zip (6.4 GiB)": nested_zips,
    "truncated zip, 900 MiB file": truncated_bomb,
    "one file listed 50,000 times": repeated_directory,
}


def run(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit status of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    for label, make in CASES.items():
        with tempfile.TemporaryDirectory() as tmp:
            target = make(Path(tmp))
            size = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file())
            command = [sys.executable, "-m", "circlesort", "inspect", str(target)]
            runs = [run(command) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            peak = statistics.median(r[1] for r in runs)
            print(
                f"{label:<32} {size / MiB:8.1f} MB on disk  {wall:6.2f} s wall  {peak:6.0f} MB peak"
                f"  exit {runs[0][2]}"
            )


if __name__ == "__main__":
    main()
