"""What `circlesort match` prints: the JSON of docs/design.md §4, or a readable table of who is who."""

from __future__ import annotations

from collections import Counter

from circlesort.matching import MatchResult
from circlesort.model import Account, Tier


def _account(a: Account) -> dict:
    return {
        "network": a.network,
        "key": a.key,
        "name": a.display_name,
        "relations": list(a.relations),
        "url": a.url,
    }


def match_json(result: MatchResult) -> dict:
    return {
        "version": 1,
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "accounts": [_account(a) for a in p.accounts],
                "links": [
                    {
                        "a": link.a,
                        "b": link.b,
                        "tier": link.tier,
                        "score": link.score,
                        "evidence": list(link.evidence),
                    }
                    for link in p.links
                ],
            }
            for p in result.people
        ],
        "suggestions": [
            {
                "a": {"network": s.a.network, "key": s.a.key},
                "b": {"network": s.b.network, "key": s.b.key},
                "tier": s.tier,
                "score": s.score,
                "evidence": list(s.evidence),
            }
            for s in result.suggestions
        ],
    }


def match_text(result: MatchResult) -> str:
    """Everyone on more than one network with the reason for each link, then the suggestions."""
    linked = [p for p in result.people if len(p.accounts) > 1]
    tiers = Counter(link.tier for p in linked for link in p.links)
    lines = [
        f"{len(result.people):,} people from {sum(len(p.accounts) for p in result.people):,} accounts; "
        f"{len(linked):,} on more than one network.",
        f"Links: {tiers[Tier.CERTAIN]:,} certain, {tiers[Tier.LIKELY]:,} likely (worth a glance). "
        f"Suggestions to review: {len(result.suggestions):,}.",
    ]
    for p in linked:
        lines.append("")
        lines.append(p.name)
        lines.extend(f"  {a.network:<10} {a.display_name}" for a in p.accounts)
        for link in p.links:
            a, b = p.accounts[link.a].network, p.accounts[link.b].network
            lines.append(f"  = {a} and {b}, {link.tier}: {'; '.join(link.evidence)}")
    if result.suggestions:
        lines.append("")
        lines.append("Suggestions (never linked without you):")
        for s in result.suggestions:  # the pair, then why on a line of its own
            pair = f"{s.a.network}:{s.a.display_name} and {s.b.network}:{s.b.display_name}"
            lines.append(f"  {pair}: one person? ({s.score:.2f})")
            lines.append(f"      {'; '.join(s.evidence)}")
    return "\n".join(lines)
