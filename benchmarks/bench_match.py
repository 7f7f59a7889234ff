"""Times `circlesort match` on the heavy user of docs/design.md §9, with the naive thefuzz script beside it.

    python -m benchmarks.bench_match [--scale 1.0] [--hard] [--naive-queries 2000]

Writes the bundle (about 80,000 accounts in the networks' real formats; 112,000 with --hard, the
bundle with the hard cases), then runs the real command line in a fresh process, as a user would,
and reports its wall time and peak memory: `circlesort inspect` (reading the exports and nothing
more), then `match` printing the readable table and printing the JSON, each also as a multiple of
the reading time (the target: `match --json` at most 20 times it). The naive script runs on the
same bundle in the same run; it is timed on a sample of its queries and extrapolated.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.export_writer import write_bundle


def run(argv: list[str]) -> tuple[float, float, list[str]]:
    """Wall seconds, peak RSS in MB and the last lines of output of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read() if proc.stdout else b""
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status:
        sys.exit(f"{' '.join(argv)} failed:\n{err.decode()}")
    return wall, usage.ru_maxrss / 1024, out.decode().strip().splitlines()[-2:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--hard", action="store_true", help="the bundle with its hard cases")
    parser.add_argument("--naive-queries", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        truth = write_bundle(Path(tmp), args.scale, hard=args.hard)
        print(f"bundle: {len(truth):,} accounts at scale {args.scale}")
        reading, peak, _ = run([sys.executable, "-m", "circlesort", "inspect", tmp])
        print(f"{'circlesort inspect':<26} {reading:6.2f} s wall   {peak:6.0f} MB peak")
        for label, extra in (("circlesort match", []), ("circlesort match --json", ["--json"])):
            wall, peak, _ = run([sys.executable, "-m", "circlesort", "match", tmp, *extra])
            print(f"{label:<26} {wall:6.2f} s wall   {peak:6.0f} MB peak   {wall / reading:4.1f}x reading")
        wall, peak, last = run(
            [sys.executable, "-m", "benchmarks.naive_thefuzz", tmp, "--queries", str(args.naive_queries)]
        )
        print(f"{'naive thefuzz (sampled)':<26} {wall:6.2f} s wall   {peak:6.0f} MB peak")
        for line in last:
            print(f"  {line}")


if __name__ == "__main__":
    main()
