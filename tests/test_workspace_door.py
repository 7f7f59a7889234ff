"""One door to the workspace: SQL runs only inside circlesort/workspace/, read from the source.

Screens, the command line and the planner read typed rows through Workspace's methods and change
it through Workspace.apply; none of them holds the connection, runs a statement or opens the
file with sqlite3. The workspace's own functions stay short enough to read whole.
"""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "src" / "circlesort"
WORKSPACE = PACKAGE / "workspace"
STATEMENTS = {"execute", "executemany", "executescript"}
LONGEST = 60  # lines of a function in workspace/, its docstring included


def _outside() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if WORKSPACE not in p.parents]


def _uses(text: str, name: str) -> list[str]:
    """Where a module outside the workspace reaches for SQLite: a statement run, the
    connection (``ws.db``), or a connection of its own."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Attribute):
            continue
        if node.attr in STATEMENTS:
            found.append(f"{name}:{node.lineno}: .{node.attr}(")
        elif node.attr == "db":
            found.append(f"{name}:{node.lineno}: .db")
        elif node.attr == "connect" and isinstance(node.value, ast.Name) and node.value.id == "sqlite3":
            found.append(f"{name}:{node.lineno}: sqlite3.connect")
    return found


def test_no_sql_outside_the_workspace():
    modules = _outside()
    assert len(modules) > 20  # the walk sees the package
    found = [use for p in modules for use in _uses(p.read_text("utf-8"), str(p.relative_to(ROOT)))]
    assert not found, "SQL outside circlesort/workspace/ (give Workspace a read method):\n" + "\n".join(found)


def test_the_check_sees_what_it_forbids():
    probe = "import sqlite3\ndef f(ws):\n    ws.db.execute('SELECT 1')\n    sqlite3.connect('x').executemany('', [])\n"
    assert set(_uses(probe, "probe.py")) == {
        "probe.py:3: .execute(",
        "probe.py:3: .db",
        "probe.py:4: .executemany(",
        "probe.py:4: sqlite3.connect",
    }


def test_no_long_functions_in_the_workspace():
    long = []
    for path in sorted(WORKSPACE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > LONGEST:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {lines} lines")
    assert not long, "\n".join(long)
