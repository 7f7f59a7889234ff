"""The naive way to match friend lists, for comparison: thefuzz's extractOne, name against names.

For every account that shows a name or a username, the best-scoring account on each other network
(`process.extractOne` with `token_sort_ratio` and thefuzz's default processing), linked when the
score reaches 85. No blocking, no one-to-one rule, no evidence.

    python -m benchmarks.naive_thefuzz PATH... [--queries N]

On a big bundle every query scans tens of thousands of names, so ``--queries`` times a sample
of that many queries and extrapolates to all of them; the memory figure is the real one.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from collections import defaultdict

from thefuzz import fuzz, process

from circlesort.importers import load
from circlesort.model import Account

CUTOFF = 85


def names_by_network(accounts: list[Account]) -> dict[str, list[tuple[str, Account]]]:
    out: dict[str, list[tuple[str, Account]]] = defaultdict(list)
    for a in accounts:
        text = a.name or a.handle or (a.key if a.network in ("instagram", "threads", "mastodon") else "")
        if text:
            out[a.network].append((text, a))
    return out


def naive_links(
    accounts: list[Account], queries: int | None = None, seed: int = 1
) -> tuple[list[tuple[Account, Account]], float, int, int]:
    """(links found, seconds, queries run, queries in all)."""
    by_net = names_by_network(accounts)
    choices = {net: dict(enumerate(t for t, _ in items)) for net, items in by_net.items()}
    work = [
        (net, text, a, other)
        for net, items in by_net.items()
        for text, a in items
        for other in by_net
        if other > net
    ]
    total = len(work)
    if queries is not None and queries < total:
        work = random.Random(seed).sample(work, queries)
    links = []
    start = time.perf_counter()
    for _net, text, a, other in work:
        best = process.extractOne(text, choices[other], scorer=fuzz.token_sort_ratio, score_cutoff=CUTOFF)
        if best:
            links.append((a, by_net[other][best[2]][1]))
    return links, time.perf_counter() - start, len(work), total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--queries", type=int, default=None, help="time a sample of this many queries")
    args = parser.parse_args()
    accounts = load(args.paths).accounts
    links, seconds, ran, total = naive_links(accounts, args.queries)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    estimate = seconds / ran * total if ran else 0.0
    print(f"queries run: {ran:,} of {total:,} in {seconds:.1f} s; all of them: about {estimate:,.0f} s")
    print(f"links from the queries run: {len(links):,}; peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
