"""Times importing the heavy user into a workspace, the same files again, and a newer export.

    python -m benchmarks.bench_reimport

Runs the real command line (`circlesort import`) in fresh processes against a workspace in a
temporary folder: first import, the same files again (docs/design.md §9's target: under 5 s), and a
"next month" export in which the contacts changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_match import run
from benchmarks.export_writer import write_bundle


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bundle = Path(tmp) / "exports"
        truth = write_bundle(bundle)
        os.environ["CIRCLESORT_HOME"] = str(Path(tmp) / "home")
        print(f"bundle: {len(truth):,} accounts")
        command = [sys.executable, "-m", "circlesort", "import", str(bundle)]
        for label in ("first import", "same files again"):
            wall, peak, _ = run(command)
            print(f"{label:<28} {wall:6.2f} s wall   {peak:6.0f} MB peak")
        with (bundle / "contacts.vcf").open("a", encoding="utf-8") as f:
            f.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Someone New\r\nN:New;Someone;;;\r\nEND:VCARD\r\n")
        wall, peak, _ = run(command)
        print(f"{'a newer export':<28} {wall:6.2f} s wall   {peak:6.0f} MB peak")


if __name__ == "__main__":
    main()
