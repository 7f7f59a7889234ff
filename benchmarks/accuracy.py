"""Pairwise precision and recall of `circlesort match` on a labelled bundle, per tier.

    python -m benchmarks.accuracy [--scales 0.02 0.1 0.4 1.0] [--seed 7 11] [--reviews 0 25 50]

A predicted pair is two accounts in one person; its tier is the weakest link on the path between
them. Recall counts the true pairs whose two accounts both carry evidence of a name; "with
suggestions" also counts a pair when a suggestion joins the two people it is split between.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.export_writer import Truth, write, write_bundle
from benchmarks.message_writer import add_messages
from benchmarks.population import generate
from circlesort.importers import load
from circlesort.matching import MatchResult, match

TIERS = ("certain", "likely")
# Account forms that show only part of a name: a given name, or a given name and an initial.
PARTIAL = ("given.word", "given99", "the.given", "giveninitial", "surname initial", "given only")


def partial(form: str) -> bool:
    return form.endswith(PARTIAL)


@dataclass
class Figures:
    predicted: dict[str, int]
    correct: dict[str, int]
    true_pairs: int
    found: int
    found_with_suggestions: int
    suggestions: int
    suggestions_correct: int
    wrong: list[tuple[str, str, str]]  # (tier, account, account) of false links, for reading
    missed: list[tuple[str, str]]
    by_form: dict[str, list[int]]  # form of an account -> [true pairs, found, found with suggestions]
    full: list[int]  # pairs of accounts that both show a full name: [true pairs, found, with suggestions]
    accounts: int = 0  # accounts in the bundle
    # form without its network -> [true pairs, found, with suggestions], each pair counted once
    by_kind: dict[str, list[int]] = field(default_factory=dict)
    wrong_by_kind: dict[str, int] = field(default_factory=dict)  # false links touching each kind

    @property
    def suggestion_precision(self) -> float:
        return self.suggestions_correct / self.suggestions if self.suggestions else 1.0

    def precision(self, tier: str | None = None) -> float:
        tiers = [tier] if tier else list(TIERS)
        n = sum(self.predicted[t] for t in tiers)
        return sum(self.correct[t] for t in tiers) / n if n else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.true_pairs if self.true_pairs else 1.0

    @property
    def recall_with_suggestions(self) -> float:
        return self.found_with_suggestions / self.true_pairs if self.true_pairs else 1.0

    def table(self) -> str:
        lines = ["| measure | value |", "|---|---|"]
        for t in TIERS:
            lines.append(f"| precision, {t} ({self.predicted[t]} pairs) | {self.precision(t):.4f} |")
        lines.append(f"| precision, all links | {self.precision():.4f} |")
        lines.append(f"| recall of named true pairs ({self.true_pairs}) | {self.recall:.4f} |")
        lines.append(f"| recall counting suggestions | {self.recall_with_suggestions:.4f} |")
        n, hit, hit_s = self.full
        lines.append(f"| recall of pairs both showing a full name ({n}) | {hit / n:.4f} |")
        lines.append(f"| the same, counting suggestions | {hit_s / n:.4f} |")
        share = self.suggestions_correct / self.suggestions if self.suggestions else 1.0
        lines.append(f"| suggestions that are right ({self.suggestions}) | {share:.4f} |")
        return "\n".join(lines)

    def row(self, scale: float, seed: int) -> str:
        """One row of the per-scale table (see SCALE_HEADER)."""
        return (
            f"| {scale} | {seed} | {self.accounts:,} | {self.precision('certain'):.4f} | "
            f"{self.precision():.4f} | {self.recall:.4f} | {self.recall_with_suggestions:.4f} | "
            f"{self.suggestion_precision:.4f} ({self.suggestions}) |"
        )

    def kinds(self, only: tuple[str, ...] = ()) -> str:
        """Recall by form regardless of network (each pair once per form), and false links."""
        lines = ["| form | true pairs | recall | with suggestions | false links |", "|---|---|---|---|---|"]
        for kind, (n, hit, hit_s) in sorted(self.by_kind.items(), key=lambda kv: kv[1][1] / max(kv[1][0], 1)):
            if not only or kind in only:
                r, rs = (hit / n, hit_s / n) if n else (1.0, 1.0)
                lines.append(f"| {kind} | {n} | {r:.3f} | {rs:.3f} | {self.wrong_by_kind.get(kind, 0)} |")
        return "\n".join(lines)

    def forms(self) -> str:
        """Recall by how an account shows the person, weakest first."""
        lines = ["| account form | true pairs | recall | with suggestions |", "|---|---|---|---|"]
        for form, (n, hit, hit_s) in sorted(self.by_form.items(), key=lambda kv: kv[1][1] / kv[1][0]):
            lines.append(f"| {form} | {n} | {hit / n:.3f} | {hit_s / n:.3f} |")
        return "\n".join(lines)


def _tier(links: list, i: int, j: int) -> str:
    """The weakest tier on the path from account i to account j in a person's link tree."""
    adjacent: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for link in links:
        adjacent[link.a].append((link.b, link.tier))
        adjacent[link.b].append((link.a, link.tier))
    stack, seen = [(i, "certain")], {i}
    while stack:
        node, weakest = stack.pop()
        if node == j:
            return weakest
        for nxt, tier in adjacent[node]:
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, "likely" if "likely" in (weakest, tier) else "certain"))
    raise ValueError("accounts not connected")


def label(a) -> tuple[str, str]:
    return (a.network, a.key)


def _predicted(result: MatchResult, truth: Truth) -> tuple[dict, dict, dict, list]:
    """Each account's predicted person; predicted and correct pairs per tier; the false ones."""
    person_of: dict[tuple[str, str], int] = {}
    predicted: dict[str, int] = defaultdict(int)
    correct: dict[str, int] = defaultdict(int)
    wrong = []
    for n, p in enumerate(result.people):
        keys = [label(a) for a in p.accounts]
        for k in keys:
            person_of[k] = n
        for i in range(len(keys)):
            for j in range(i + 1, len(keys)):
                tier = _tier(list(p.links), i, j)
                predicted[tier] += 1
                if truth[keys[i]][0] == truth[keys[j]][0]:
                    correct[tier] += 1
                else:
                    wrong.append((tier, f"{keys[i][0]}:{keys[i][1]}", f"{keys[j][0]}:{keys[j][1]}"))
    return person_of, predicted, correct, wrong


def evaluate(result: MatchResult, truth: Truth) -> Figures:
    person_of, predicted, correct, wrong = _predicted(result, truth)
    joined = set()
    right = 0
    for s in result.suggestions:
        a, b = label(s.a), label(s.b)
        joined.add(frozenset((person_of[a], person_of[b])))
        right += truth[a][0] == truth[b][0]
    by_person: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for k, (pid, named, _) in truth.items():
        if named:
            by_person[pid].append(k)
    true_pairs = found = with_suggestions = 0
    missed = []
    by_form: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    full = [0, 0, 0]
    for keys in by_person.values():
        for i in range(len(keys)):
            for j in range(i + 1, len(keys)):
                true_pairs += 1
                pa, pb = person_of[keys[i]], person_of[keys[j]]
                hit = (pa == pb, pa == pb or frozenset((pa, pb)) in joined)
                found += hit[0]
                with_suggestions += hit[1]
                if not hit[1]:
                    missed.append((f"{keys[i][0]}:{keys[i][1]}", f"{keys[j][0]}:{keys[j][1]}"))
                forms = {truth[keys[i]][2], truth[keys[j]][2]}
                if not any(partial(f) for f in forms):
                    full[0] += 1
                    full[1] += hit[0]
                    full[2] += hit[1]
                for form in forms:
                    counts = by_form[form]
                    counts[0] += 1
                    counts[1] += hit[0]
                    counts[2] += hit[1]
    figures = Figures(
        predicted,
        correct,
        true_pairs,
        found,
        with_suggestions,
        len(result.suggestions),
        right,
        wrong,
        missed,
        dict(by_form),
        full,
        accounts=len(truth),
    )
    figures.by_kind, figures.wrong_by_kind = _kinds(result, truth, person_of, joined)
    return figures


def _kinds(
    result: MatchResult, truth: Truth, person_of: dict, joined: set
) -> tuple[dict[str, list[int]], dict[str, int]]:
    """Recall per form regardless of network, each true pair once per form; false links per form."""

    def kind(k: tuple[str, str]) -> str:
        return truth[k][2].partition(" ")[2]

    by_person: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for k, (pid, named, _) in truth.items():
        if named:
            by_person[pid].append(k)
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for keys in by_person.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                pa, pb = person_of[a], person_of[b]
                for form in {kind(a), kind(b)}:
                    counts = by_kind[form]
                    counts[0] += 1
                    counts[1] += pa == pb
                    counts[2] += pa == pb or frozenset((pa, pb)) in joined
    wrong: dict[str, int] = defaultdict(int)
    for p in result.people:
        keys = [(a.network, a.key) for a in p.accounts]
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if truth[a][0] != truth[b][0]:
                    for form in {kind(a), kind(b)}:
                        wrong[form] += 1
    return dict(by_kind), dict(wrong)


def bundle(scale: float, seed: int, messages: bool = False) -> tuple[list, Truth]:
    """The accounts of the bundle with its hard cases, read as a user's exports, and the truth;
    ``messages``: with the heavy user's message files scaled to the bundle (message_writer.py)."""
    with tempfile.TemporaryDirectory() as tmp:
        people = generate(scale, seed, hard=True)
        truth = write(people, Path(tmp))
        if messages:
            add_messages(Path(tmp), people, media_gb=0.0, share=scale)
        loaded = load([tmp])
    return loaded.accounts, truth


def measure(scale: float, seed: int, messages: bool = False) -> Figures:
    accounts, truth = bundle(scale, seed, messages)
    return evaluate(match(accounts), truth)


def reviewed(scale: float, seed: int, counts: list[int]) -> str:
    """A row of linked precision / recall after each count of simulated reviews (review_sim.py)."""
    from benchmarks.review_sim import simulate

    accounts, truth = bundle(scale, seed)
    cells = []
    for n in counts:
        f = evaluate(simulate(accounts, truth, n), truth)
        cells.append(f"{f.precision():.4f} / {f.recall:.4f}")
    return f"| {scale} | {seed} | " + " | ".join(cells) + " |"


def naive_table(scale: float, seed: int) -> str:
    """The same figures for the naive thefuzz script: its links taken as they come, pair by pair."""
    from benchmarks.naive_thefuzz import naive_links

    with tempfile.TemporaryDirectory() as tmp:
        truth = write_bundle(Path(tmp), scale, seed, hard=True)
        accounts = load([tmp]).accounts
    links, seconds, _, _ = naive_links(accounts)
    linked = {frozenset(((a.network, a.key), (b.network, b.key))) for a, b in links}
    right = sum(len({truth[k][0] for k in pair}) == 1 for pair in linked)
    by_person: dict[int, list] = defaultdict(list)
    for k, (pid, named, form) in truth.items():
        if named:
            by_person[pid].append((k, partial(form)))
    pairs = [(x, y) for keys in by_person.values() for i, x in enumerate(keys) for y in keys[i + 1 :]]
    found = [frozenset((x[0], y[0])) in linked for x, y in pairs]
    full = [hit for (x, y), hit in zip(pairs, found, strict=True) if not (x[1] or y[1])]
    return "\n".join(
        [
            "| measure | naive thefuzz |",
            "|---|---|",
            f"| precision of its links ({len(linked)}) | {right / len(linked):.4f} |",
            f"| recall of named true pairs ({len(pairs)}) | {sum(found) / len(pairs):.4f} |",
            f"| recall of pairs both showing a full name ({len(full)}) | {sum(full) / len(full):.4f} |",
            f"| time to match | {seconds:.1f} s |",
        ]
    )


SCALE_HEADER = (
    "| scale | seed | accounts | certain precision | all links precision | recall | with suggestions "
    "| suggestions right (count) |\n|---|---|---|---|---|---|---|---|"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[0.1], help="one row per scale")
    parser.add_argument("--scale", type=float, default=None, help="the same as --scales with one scale")
    parser.add_argument("--seed", type=int, nargs="+", default=[7], help="tune on 7, report on 11")
    parser.add_argument("--show", type=int, default=0, help="print this many wrong and missed pairs")
    parser.add_argument("--naive", action="store_true", help="also measure the naive thefuzz script")
    parser.add_argument("--kinds", action="store_true", help="recall per form, whatever the network")
    parser.add_argument(
        "--messages", action="store_true", help="with message files (the heavy user's, scaled to the bundle)"
    )
    parser.add_argument(
        "--reviews", type=int, nargs="*", default=[], help="also after these many simulated reviews: 0 25 50"
    )
    args = parser.parse_args()
    scales = [args.scale] if args.scale is not None else args.scales
    print(SCALE_HEADER)
    runs = []
    for seed in args.seed:
        for scale in scales:
            runs.append((scale, seed, measure(scale, seed, args.messages)))
            print(runs[-1][2].row(scale, seed), flush=True)
    if args.reviews:
        print("\nlinked precision / recall after simulated reviews\n")
        print("| scale | seed | " + " | ".join(f"{n} reviews" for n in args.reviews) + " |")
        print("|---|---|" + "---|" * len(args.reviews))
        for scale, seed, _ in runs:
            print(reviewed(scale, seed, args.reviews), flush=True)
    for scale, seed, figures in runs:
        print(f"\nscale {scale}, seed {seed}")
        if len(runs) == 1:
            print(f"{figures.table()}\n\n{figures.forms()}")
        if args.kinds:
            print(f"\n{figures.kinds()}")
        if args.naive:
            print(f"\n{naive_table(scale, seed)}")
        for row in figures.wrong[: args.show]:
            print("wrong", *row)
        for row in figures.missed[: args.show]:
            print("missed", *row)


if __name__ == "__main__":
    main()
