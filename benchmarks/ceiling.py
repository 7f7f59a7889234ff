"""How much of a labelled bundle names alone can link at all, whatever the matcher.

    python -m benchmarks.ceiling [--scales 0.02 0.1 1.0] [--seed 7 11]

Of the true pairs that accuracy.py counts (both accounts show some part of a name), two kinds
no name-only matcher can link at a precision of 0.99:

- another person on one side's network shows the very same name evidence (two Ana Silvas on
  LinkedIn, two "the.ana" on Instagram): whatever links the pair links the namesake as well;
- one side shows no surname (`jane.meadow`, `jane92`, "Jane (school)", "Jane M."). The best such a
  matcher can do is link it to the only person of that given name shown elsewhere; this measures
  how often that is right, which is what bounds it.

The ceiling is the share of true pairs of neither kind.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict

from anyascii import anyascii

from benchmarks.accuracy import bundle, partial


def _norm(text: str | None) -> str:
    return " ".join(anyascii(text or "").lower().replace(".", " ").replace("_", " ").split())


def _given(account) -> str:
    """The given name an account shows: its name's first word, or its username's first word."""
    if account.name:
        return _norm(account.name).split()[0]
    words = [w for w in re.split(r"[._0-9]+", (account.handle or "").lower()) if w]
    if len(words) > 1 and words[0] == "the":
        return words[1]
    return words[0] if words else ""


def measure(scale: float, seed: int) -> dict[str, float]:
    accounts, truth = bundle(scale, seed)
    shown: dict[tuple[str, str], str] = {}
    owners: dict[tuple[str, str], set[int]] = defaultdict(set)  # (network, evidence) -> people
    full_named: dict[str, set[int]] = defaultdict(set)  # given name -> people showing a full name
    for a in accounts:
        k = (a.network, a.key)
        person, _, form = truth[k]
        evidence = "given " + _given(a) if partial(form) else _norm(a.name) or _norm(a.handle)
        shown[k] = evidence
        owners[(a.network, evidence)].add(person)
        if not partial(form) and len(_norm(a.name).split()) > 1:
            full_named[_given(a)].add(person)
    people: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for k, (person, named, _) in truth.items():
        if named:
            people[person].append(k)
    pairs = namesakes = no_surname = 0
    for person, keys in people.items():
        for i, x in enumerate(keys):
            for y in keys[i + 1 :]:
                pairs += 1
                if any(owners[(k[0], shown[k])] - {person} for k in (x, y)):
                    namesakes += 1
                elif any(partial(truth[k][2]) for k in (x, y)):
                    no_surname += 1
    rule = right = 0  # a surnameless account linked to the only person of its given name
    for a in accounts:
        k = (a.network, a.key)
        if partial(truth[k][2]) and len(full_named.get(_given(a), ())) == 1:
            rule += 1
            right += truth[k][0] in full_named[_given(a)]
    return {
        "accounts": len(accounts),
        "pairs": pairs,
        "namesakes": namesakes / pairs,
        "no surname": no_surname / pairs,
        "ceiling": 1 - (namesakes + no_surname) / pairs,
        "rule": rule,
        "rule right": right / rule if rule else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[0.02, 0.1, 1.0])
    parser.add_argument("--seed", type=int, nargs="+", default=[7, 11])
    args = parser.parse_args()
    print(
        "| scale | seed | accounts | named true pairs | a namesake shows the same "
        "| one side shows no surname | ceiling | only-given-name rule right (links) |\n"
        "|---|---|---|---|---|---|---|---|"
    )
    for seed in args.seed:
        for scale in args.scales:
            m = measure(scale, seed)
            rule = f"{m['rule right']:.2f} ({m['rule']})" if m["rule"] else "- (0)"
            print(
                f"| {scale} | {seed} | {m['accounts']:,} | {m['pairs']:,} | {m['namesakes']:.3f} | "
                f"{m['no surname']:.3f} | {m['ceiling']:.3f} | {rule} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
