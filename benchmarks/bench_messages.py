"""Times reading and importing the heavy user's exports with and without their message files.

    python -m benchmarks.bench_messages [--media-gb 3] [--share 1.0] [--runs 3] [--bundle DIR]

Writes the heavy user twice (export_writer at scale 1.0): as is, and with message files added by
message_writer (5,000 Messenger threads holding 2,000,000 messages and --media-gb GiB of media in
the Facebook zip; Instagram, LinkedIn and X messages in proportion). Then, for each bundle, in a
fresh process each and alternating between the two: `circlesort.importers.load` (its own wall
time, and the process's peak RSS), the real `circlesort import` into a fresh workspace, and the
same import again with nothing changed. Each child reports the bytes it read (rchar of
/proc/self/io), so a re-import that reads the media shows it. Medians of --runs runs, the fastest
and slowest beside them; a markdown table at the end. The targets: with messages under twice the
time without, under 600 MB.

--bundle DIR keeps the written bundles there (DIR/plain, DIR/messages) and reuses them when they
exist; without it they are written to a temporary folder and removed. --at REV measures circlesort
as committed at REV (its src/ exported to a temporary folder), whatever the working tree holds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_RATIO, TARGET_MB = 2.0, 600


def _rchar() -> int:
    """Bytes this process has read through read() calls so far (page cache or disk)."""
    with open("/proc/self/io") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("rchar:"))


def child_load(path: str) -> None:
    """Run in the child: load() once, print what it read as one JSON line."""
    from circlesort.importers import load

    start = time.perf_counter()
    result = load([path])
    seconds = time.perf_counter() - start
    messages = {n: {"threads": m.threads, "messages": m.messages} for n, m in result.messages.items()}
    talked = sum(1 for a in result.accounts if a.talk is not None)
    info = {"seconds": seconds, "accounts": len(result.accounts), "talked": talked, "messages": messages}
    print(json.dumps(info | {"read": _rchar()}))


def child_cli(argv: list[str]) -> None:
    """Run in the child: the real command line, then the bytes read as the last line."""
    from circlesort.cli import main

    code = main(argv)
    print(json.dumps({"read": _rchar()}))
    sys.exit(code)


def write_bundles(where: Path, media_gb: float, share: float) -> dict:
    """The bundle without messages in where/plain, with them in where/messages (reused if there)."""
    plain, full, note = where / "plain", where / "messages", where / "written.json"
    asked = {"media_gb": media_gb, "share": share}
    if note.exists() and plain.is_dir() and full.is_dir():
        written = json.loads(note.read_text())
        if written["asked"] == asked:
            return written
    from benchmarks.export_writer import write
    from benchmarks.message_writer import add_messages
    from benchmarks.population import generate

    shutil.rmtree(plain, ignore_errors=True)
    shutil.rmtree(full, ignore_errors=True)
    people = generate(1.0, 7)
    write(people, plain)
    shutil.copytree(plain, full)
    start = time.perf_counter()
    written = add_messages(full, people, media_gb, share)
    written["seconds to write"] = round(time.perf_counter() - start, 1)
    written["asked"] = asked
    note.write_text(json.dumps(written, indent=2))
    return written


def _child(*argv: str) -> tuple[float, float, dict]:
    """Wall seconds, peak RSS (MB) and the JSON last line of one fresh child process."""
    from benchmarks.bench_match import run

    wall, peak, last = run([sys.executable, "-m", "benchmarks.bench_messages", *argv])
    return wall, peak, json.loads(last[-1])


def measure(bundles: dict[str, Path], homes: Path, runs: int) -> tuple[dict, dict]:
    """For each bundle, lists over the runs of (seconds, peak MB, bytes read) per measure; and what
    its last load found (accounts, accounts with messages, messages per network)."""
    got: dict[str, dict[str, list]] = {label: {} for label in bundles}
    found = {}
    for run in range(runs):
        for label, path in bundles.items():
            rows = got[label]
            _, peak, found[label] = _child("--child-load", str(path))
            rows.setdefault("load", []).append((found[label]["seconds"], peak, found[label]["read"]))
            os.environ["CIRCLESORT_HOME"] = str(homes / f"{label}-{run}")
            for name in ("import", "import again"):
                wall, peak, info = _child("--child-cli", "import", str(path))
                rows.setdefault(name, []).append((wall, peak, info["read"]))
            shutil.rmtree(homes / f"{label}-{run}", ignore_errors=True)
            print(f"run {run + 1} {label}: " + ", ".join(f"{k} {v[-1][0]:.2f} s" for k, v in rows.items()))
    return got, found


def _cell(samples: list[tuple[float, float, int]]) -> tuple[str, float, float, float]:
    """The cell of one measure: median seconds (fastest-slowest), peak MB, median MB read."""
    secs = [s for s, _, _ in samples]
    median, peak = statistics.median(secs), max(p for _, p, _ in samples)
    read = statistics.median(r for _, _, r in samples) / (1 << 20)
    text = f"{median:.2f} s ({min(secs):.2f}-{max(secs):.2f}), {peak:.0f} MB, read {read:,.0f} MB"
    return text, median, peak, read


def table(got: dict[str, dict[str, list]], media_mb: float) -> str:
    """Markdown: one row per measure, and whether the targets hold."""
    names = {"load": "`load` (in process)", "import": "`circlesort import`, fresh workspace"}
    names["import again"] = "`circlesort import` again, files unchanged"
    lines = ["| measure | without messages | with messages | with / without |", "|---|---|---|---|"]
    for key, title in names.items():
        plain, p_secs, _, _ = _cell(got["plain"][key])
        full, f_secs, f_peak, f_read = _cell(got["messages"][key])
        if key == "import again":
            miss = f_read >= media_mb / 2  # the target: the media are never read again
        else:
            miss = f_secs > TARGET_RATIO * p_secs or f_peak > TARGET_MB
        lines.append(f"| {title} | {plain} | {full} | {f_secs / p_secs:.2f}x{' (missed)' if miss else ''} |")
    return "\n".join(lines)


def use_revision(rev: str | None, tmp: Path) -> str:
    """Make the children import circlesort as committed at ``rev``; say which code is measured."""

    def git(*argv: str) -> str:
        return subprocess.run(["git", *argv], check=True, capture_output=True, text=True).stdout.strip()

    if rev is None:
        dirty = git("status", "--porcelain", "--", "src")
        return f"working tree at {git('rev-parse', '--short', 'HEAD')}" + (" (src changed)" if dirty else "")
    tar = subprocess.run(["git", "archive", rev, "src"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tmp)], input=tar, check=True)
    os.environ["PYTHONPATH"] = str(tmp / "src")
    return f"commit {git('rev-parse', '--short', rev)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--media-gb", type=float, default=3.0, help="Messenger media in GiB (default 3)")
    parser.add_argument("--share", type=float, default=1.0, help="of the message counts (default 1)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bundle", type=Path, help="keep (and reuse) the written bundles here")
    parser.add_argument("--at", metavar="REV", help="measure circlesort as committed at REV")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_messages_") as tmp:
        print(f"circlesort: {use_revision(args.at, Path(tmp))}")
        where = args.bundle or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        written = write_bundles(where, args.media_gb, args.share)
        print("written:", json.dumps(written))
        bundles = {"plain": where / "plain", "messages": where / "messages"}
        for label, path in bundles.items():
            size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
            print(f"{label}: {size / (1 << 20):,.0f} MB on disk")
        got, found = measure(bundles, Path(tmp), args.runs)
        for label, info in found.items():
            print(
                f"{label} read: "
                + json.dumps({k: v for k, v in info.items() if k not in ("seconds", "read")})
            )
        print(f"load average after: {os.getloadavg()[0]:.2f}\n")
        print(table(got, written["facebook"]["media_bytes"] / (1 << 20)))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child-load":
        child_load(sys.argv[2])
    elif len(sys.argv) > 1 and sys.argv[1] == "--child-cli":
        child_cli(sys.argv[2:])
    else:
        main()
