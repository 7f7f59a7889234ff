"""What `circlesort inspect` prints: the JSON of docs/design.md §4, or a readable summary."""

from __future__ import annotations

from circlesort.importers import ImportResult


def inspect_json(result: ImportResult) -> dict:
    return {
        "version": 1,
        "sources": [
            {"path": s.path, "network": s.network, "files": s.files, "warnings": s.warnings}
            for s in result.sources
        ],
        "counts": result.counts(),
        "warnings": result.warnings,
    }


def inspect_text(result: ImportResult) -> str:
    lines: list[str] = []
    for s in result.sources:
        lines.append(f"{s.network:<10} {s.path}")
        lines.extend(f"{'':<12}{f}" for f in s.files)
    lines.append("")
    counts = result.counts()
    width = max((len(r) for rs in counts.values() for r in rs), default=8)
    for network, relations in counts.items():
        total = sum(1 for a in result.accounts if a.network == network)
        lines.append(f"{network} ({total} accounts)")
        lines.extend(f"  {r:<{width}} {n:>7,}" for r, n in relations.items())
    if result.warnings:
        lines.append("")
        lines.append("Warnings:")
        lines.extend(f"  - {w}" for w in result.warnings)
    return "\n".join(lines)
