"""Times working out and writing the migration plan for the heavy user, everyone decided.

    python -m benchmarks.bench_plan [--scale 1.0] [--runs 3]

Imports the bundle into a workspace in a temporary folder, decides every person (a third each to
personal, professional and page, in turn), then times, in this process: the first look at the
plan (every step new, all saved to the workspace), a second look (nothing changed), a look after
ten more decisions, and writing every file of the plan. Medians of the runs (each run on a fresh
copy of the decided workspace).
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
from circlesort.planning.current import current_plan
from circlesort.planning.settings import load_settings
from circlesort.planning.writers import write_plan
from circlesort.workspace import CATEGORIES, Workspace, import_paths
from circlesort.workspace.changes import DecideMany


def decided_workspace(folder: Path, scale: float) -> Path:
    bundle = folder / "exports"
    truth = write_bundle(bundle, scale)
    path = folder / "decided.sqlite"
    with Workspace.open(str(path)) as ws:
        import_paths(ws, [str(bundle)])
        people = [p.id for p in ws.people()]
        ws.apply(DecideMany({c: people[i::3] for i, c in enumerate(CATEGORIES)}, "everyone"))
    print(f"bundle: {len(truth):,} accounts, {len(people):,} people, all decided")
    return path


def one_run(source: Path, folder: Path, n: int, settings: dict) -> tuple[float, float, float, float, int]:
    path = folder / f"run{n}.sqlite"
    shutil.copy(source, path)
    with Workspace.open(str(path)) as ws:
        start = time.perf_counter()
        plan = current_plan(ws, settings)
        first = time.perf_counter() - start
        start = time.perf_counter()
        plan = current_plan(ws, settings)
        again = time.perf_counter() - start
        people = [p.id for p in ws.people()[:10]]
        for i, person in enumerate(people):
            ws.decide([person], CATEGORIES[(i + 1) % 3])
        start = time.perf_counter()
        plan = current_plan(ws, settings)
        decided = time.perf_counter() - start
        start = time.perf_counter()
        write_plan(ws, plan, folder / f"plan{n}", settings)
        written = time.perf_counter() - start
    return first, again, decided, written, len(plan.steps)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    settings = load_settings(Path(os.devnull))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = decided_workspace(folder, args.scale)
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        runs = [one_run(source, folder, n, settings) for n in range(args.runs)]
        print(f"steps: {runs[0][-1]:,}")
        for i, label in enumerate(
            (
                "first look (all steps saved)",
                "second look (nothing changed)",
                "after ten more decisions",
                "writing every file",
            )
        ):
            print(f"{label:<32} {statistics.median(r[i] for r in runs):6.2f} s (median of {args.runs})")
        print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
