"""Times `decisions import` of the heavy user's decisions file, everyone decided, into a new workspace.

    python -m benchmarks.bench_decisions_import [--scale 1.0] [--runs 3]

Imports the bundle into a workspace in a temporary folder, copies it, decides every person of the
copy (a third each to personal, professional and page, in turn) and exports its decisions file:
the move to a new machine. Then times, in this process, applying that file to a fresh copy of the
undecided workspace (decisions_file.import_file, as `circlesort decisions import FILE` runs it),
and of that, reading the file's YAML. Medians of the runs, each on a fresh copy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.export_writer import write_bundle
from circlesort.tools import yamlfile
from circlesort.tools.gcpause import paused_gc
from circlesort.workspace import CATEGORIES, Workspace, import_paths
from circlesort.workspace.changes import DecideMany
from circlesort.workspace.decisions_file import export_text, import_file


def workspaces(folder: Path, scale: float) -> tuple[Path, Path]:
    """The bundle imported (undecided), and its decisions file with everyone decided."""
    bundle = folder / "exports"
    truth = write_bundle(bundle, scale)
    fresh = folder / "fresh.sqlite"
    with Workspace.open(str(fresh)) as ws:
        import_paths(ws, [str(bundle)])
    decided = folder / "decided.sqlite"
    shutil.copy(fresh, decided)
    with Workspace.open(str(decided)) as ws:
        people = [p.id for p in ws.people()]
        ws.apply(DecideMany({c: people[i::3] for i, c in enumerate(CATEGORIES)}, "everyone"))
        text = export_text(ws)
    decisions = folder / "decisions.yaml"
    decisions.write_text(text, encoding="utf-8")
    size = decisions.stat().st_size / 1e6
    print(f"bundle: {len(truth):,} accounts, {len(people):,} people, all decided; file {size:.1f} MB")
    return fresh, decisions


def one_run(fresh: Path, decisions: Path, folder: Path, n: int) -> tuple[float, float, int]:
    path = folder / f"run{n}.sqlite"
    shutil.copy(fresh, path)
    start = time.perf_counter()
    with paused_gc():  # as import_file reads it
        yamlfile.load(decisions.read_text("utf-8"), str(decisions), fast=True)
    reading = time.perf_counter() - start
    with Workspace.open(str(path)) as ws:
        start = time.perf_counter()
        applied = import_file(ws, str(decisions))
        whole = time.perf_counter() - start
    assert applied.changed and not applied.problems, applied.problems[:5]
    return whole, reading, applied.people


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        fresh, decisions = workspaces(folder, args.scale)
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        runs = [one_run(fresh, decisions, folder, n) for n in range(args.runs)]
        print(f"people entries applied: {runs[0][2]:,}")
        for i, label in enumerate(("decisions import (whole)", "of which reading the YAML")):
            print(f"{label:<28} {statistics.median(r[i] for r in runs):6.2f} s (median of {args.runs})")
        print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
