"""Checking the plan against newer exports: what is done, what waits, what the user ticked wrongly.

Newer exports are imported as usual; the kept plan is then brought up to date, and each step is
judged by its kind and its account as the newest export shows them (planning/current.py): the
friend gone from the friends list (done), the connection made (confirmed), the request answered
the other way (no longer possible). What no export can show (a Page invitation, a follow from
another account) stays as the user said.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from circlesort.planning.current import Plan, current_plan
from circlesort.planning.settings import Settings
from circlesort.planning.steps import Due
from circlesort.planning.words import DUE_WORDS, action, network_name
from circlesort.workspace import ImportSummary, Workspace, import_paths

SHOWN = 20  # steps named per list; the plan files hold them all


@dataclass
class Verification:
    summary: ImportSummary
    plan: Plan

    def counts(self) -> dict[str, Counter[str]]:
        """Per network: how many steps stand where (done, due, waiting ...)."""
        out: dict[str, Counter[str]] = defaultdict(Counter)
        for s in self.plan.steps:
            out[s.step.network][DUE_WORDS[s.due]] += 1
        return dict(sorted(out.items()))


def verify(ws: Workspace, paths: Sequence[str], settings: Settings) -> Verification:
    summary = import_paths(ws, paths)
    return Verification(summary, current_plan(ws, settings))


def report(v: Verification, settings: Settings) -> list[str]:
    """What `circlesort verify` prints."""
    lines = ["What changed: " + " ".join(v.summary.lines())]
    if v.plan.changes():
        lines.append(f"The plan: {v.plan.changes()}.")
    for network, counts in v.counts().items():
        lines.append(
            f"  {network_name(network):<10} " + ", ".join(f"{n:,} {word}" for word, n in counts.most_common())
        )
    wrong = [s for s in v.plan.steps if s.notes]
    if wrong:
        lines.append("Ticked, but the newest export still shows them:")
        lines += [
            f"  {network_name(s.step.network)}: {action(s.step, settings)}: {s.step.name} ({s.step.id})"
            for s in wrong[:SHOWN]
        ]
    due = [s for s in v.plan.steps if s.due == Due.NOW]
    if due:
        lines.append(f"Still to do ({len(due):,}; the plan files list them all):")
        lines += [
            f"  {s.batch_label}: {network_name(s.step.network)}: {action(s.step, settings)}: {s.step.name}"
            for s in due[:SHOWN]
        ]
    return lines
