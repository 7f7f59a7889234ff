"""What `circlesort inspect` prints: the JSON of docs/design.md §4, or a readable summary."""

from __future__ import annotations

from circlesort.importers import ImportResult
from circlesort.model import MessageFiles


def inspect_json(result: ImportResult) -> dict:
    return {
        "version": 1,
        "sources": [
            {
                "path": s.path,
                "network": s.network,
                "files": s.files,
                "message_files": s.message_files,
                "warnings": s.warnings,
            }
            for s in result.sources
        ],
        "counts": result.counts(),
        "messages": {n: messages_json(m) for n, m in sorted(result.messages.items())},
        "warnings": result.warnings,
    }


def messages_json(files: MessageFiles) -> dict:
    """What a network's message files held: threads (group threads among them) and messages
    counted, never read out; the newest message's date, and the month the files stop at."""
    return {
        "threads": files.threads,
        "group_threads": files.group_threads,
        "messages": files.messages,
        "last": files.last,
        "until": files.until,
    }


def messages_text(files: MessageFiles) -> str:
    """'40 threads (35 one-to-one, 5 group), 1,234 messages, the last on 2023-12-20, until 2023-12'."""
    alone = files.threads - files.group_threads
    parts = [
        f"{files.threads:,} {'thread' if files.threads == 1 else 'threads'} "
        f"({alone:,} one-to-one, {files.group_threads:,} group)",
        f"{files.messages:,} {'message' if files.messages == 1 else 'messages'}",
    ]
    if files.last:
        parts.append(f"the last on {files.last}")
    if files.until:
        parts.append(
            f"counted until {files.until}: the standard download leaves out the end-to-end encrypted "
            "chats; add Messenger's secure-storage download to count them"
        )
    return ", ".join(parts)


def inspect_text(result: ImportResult) -> str:
    lines: list[str] = []
    for s in result.sources:
        lines.append(f"{s.network:<10} {s.path}")
        lines.extend(f"{'':<12}{f}" for f in s.files)
        if s.message_files:
            lines.append(f"{'':<12}{s.message_files:,} message {'file' if s.message_files == 1 else 'files'}")
    lines.append("")
    counts = result.counts()
    width = max((len(r) for rs in counts.values() for r in rs), default=8)
    for network, relations in counts.items():
        total = sum(1 for a in result.accounts if a.network == network)
        lines.append(f"{network} ({total} accounts)")
        lines.extend(f"  {r:<{width}} {n:>7,}" for r, n in relations.items())
    if result.messages:
        lines.append("")
        lines.append("Messages (counted, never read out):")
        width = max(len(n) for n in result.messages)
        lines.extend(f"  {n:<{width}} {messages_text(m)}" for n, m in sorted(result.messages.items()))
    if result.warnings:
        lines.append("")
        lines.append("Warnings:")
        lines.extend(f"  - {w}" for w in result.warnings)
    return "\n".join(lines)
