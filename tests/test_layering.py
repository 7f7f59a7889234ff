"""The layers, read from the source: what each part of circlesort may import.

The run-time check in test_cli.py proves the core loads without the UI; this one reads every
import statement (also those inside functions), so a forbidden import fails here even on a path
no test runs.
"""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "src" / "circlesort"
UI_LIBRARIES = {"textual", "rich"}

# What each part must never import, from circlesort or outside it.
FORBIDDEN: dict[str, set[str]] = {
    "errors": {"tools", "model", "rules", "importers", "matching", "workspace", "planning", "ui", "cli"},
    "tools": {"model", "rules", "importers", "matching", "workspace", "planning", "ui", "cli"},
    "model": {"rules", "importers", "matching", "workspace", "planning", "ui", "cli"},
    "rules": {"importers", "matching", "workspace", "planning", "ui", "cli"},
    "importers": {"rules", "workspace", "planning", "ui", "cli"},
    "matching": {"rules", "importers", "workspace", "planning", "ui", "cli"},
    "workspace": {"planning", "ui", "cli"},
    "planning": {"ui", "cli"},
    "ui": {"cli"},
}
CORE = {"errors", "tools", "model", "rules", "importers", "matching", "workspace", "planning"}
# The top of the package: the model, the errors and the entry points; everything else in a part.
TOP = {"__init__.py", "__main__.py", "model.py", "errors.py"}


def _part(path: Path, package: Path) -> str:
    """The layer a module belongs to: its package under circlesort, or its own name at the top."""
    rel = path.relative_to(package)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _imports(path: Path, root: Path) -> list[tuple[int, str]]:
    """Every absolute module an import statement names, with its line (relative ones resolved)."""
    tree = ast.parse(path.read_text("utf-8"))
    package = ".".join(("circlesort", *path.relative_to(root).parent.parts))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found += [(node.lineno, base)] + [(node.lineno, f"{base}.{a.name}") for a in node.names]
    return found


def _target(module: str) -> str | None:
    """The circlesort part a module name points into, or the library's top name."""
    parts = module.split(".")
    if parts[0] != "circlesort":
        return parts[0]
    return parts[1] if len(parts) > 1 else None


def _violations(root: Path = PACKAGE) -> list[str]:
    bad: list[str] = []
    for path in sorted(root.rglob("*.py")):
        part = _part(path, root)
        forbidden = FORBIDDEN.get(part, set()) | (UI_LIBRARIES if part in CORE else set())
        for line, module in _imports(path, root):
            target = _target(module)
            if target in forbidden and target != part:
                bad.append(f"{path.relative_to(root.parent)}:{line} imports {module}")
    return sorted(set(bad))


def test_each_layer_imports_only_what_is_beneath_it():
    assert _violations() == []


def test_the_top_level_holds_only_the_model_the_errors_and_the_entry_point():
    assert {p.name for p in PACKAGE.glob("*.py")} == TOP
    assert not [p.name for p in PACKAGE.iterdir() if p.is_file() and p.suffix not in (".py", ".tcss")]


def test_the_contract_catches_a_forbidden_import(tmp_path: Path):
    """The reader itself can fail: an import inside a function, and a relative one, are both seen."""
    root = tmp_path / "circlesort"
    (root / "planning").mkdir(parents=True)
    (root / "planning" / "probe.py").write_text("def f():\n    from ..ui import app\n    import textual\n")
    (root / "ui").mkdir()
    (root / "ui" / "fine.py").write_text("from circlesort.planning import probe\nimport textual\n")
    assert _violations(root) == [
        "circlesort/planning/probe.py:2 imports circlesort.ui",
        "circlesort/planning/probe.py:2 imports circlesort.ui.app",
        "circlesort/planning/probe.py:3 imports textual",
    ]
