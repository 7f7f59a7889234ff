"""Times reading the heavy user's exports: wall time and peak memory of `load`.

python -m benchmarks.bench_import
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

from benchmarks.export_writer import write_bundle
from circlesort.importers import load


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        write_bundle(Path(tmp))
        start = time.perf_counter()
        result = load([tmp])
        wall = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"accounts read:      {len(result.accounts):,}")
    print(f"load wall time:     {wall:.2f} s")
    print(f"peak memory (RSS):  {peak_mb:.0f} MB (includes writing the bundle)")


if __name__ == "__main__":
    main()
