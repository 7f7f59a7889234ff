"""The checks, run by the suite itself: ruff (lint and format), mypy, and the size limits."""

import ast
import subprocess
import sys

from .conftest import ROOT

CODE = ["src", "tests", "scripts", "benchmarks"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """A tool from the interpreter running the tests, so the check runs wherever the tests do."""
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=240
    )


def test_ruff_is_clean():
    p = _run("ruff", "check", *CODE)
    assert p.returncode == 0, p.stdout


def test_ruff_format_is_kept():
    p = _run("ruff", "format", "--check", *CODE)
    assert p.returncode == 0, p.stdout


def test_mypy_is_clean():
    """Every function in src/ annotated and checked (the settings are in pyproject.toml)."""
    p = _run("mypy")
    assert p.returncode == 0, p.stdout


def test_no_function_over_60_lines():
    long = [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for path in sorted((ROOT / "src").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (node.end_lineno or node.lineno) - node.lineno + 1 > 60
    ]
    assert not long


def test_no_module_over_400_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for p in (ROOT / "src").rglob("*.py")
        if (n := len(p.read_text("utf-8").splitlines())) > 400
    }
    assert not long
