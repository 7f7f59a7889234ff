"""The code stays ruff-clean and livable: small modules, no UI in the core."""

import subprocess
import sys

from .conftest import ROOT


def test_ruff_is_clean():
    """Run ruff from the interpreter running the tests, so the check runs wherever the tests do."""
    p = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests", "scripts", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.returncode == 0, p.stdout


def test_no_module_over_400_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for p in (ROOT / "src").rglob("*.py")
        if (n := len(p.read_text("utf-8").splitlines())) > 400
    }
    assert not long
