"""DESIGN.md's default translation: for a category and an account, the actions on its network.

Data, not code paths: each row says, for one category, what an account holding a relation on a
network calls for. The first relation of the account found in the row decides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

# category -> network -> [(relation the account holds, actions in order)]
TABLE: dict[str, dict[str, list[tuple[str, tuple[str, ...]]]]] = {
    "keep-personal": {
        "facebook": [("request_received", ("accept the friend request",))],
        "instagram": [("request_received", ("accept the follow request",))],
        "linkedin": [("request_received", ("accept the invitation",))],
        "contacts": [("contact", ("label Personal",))],
    },
    "move-to-professional": {
        "facebook": [("friend", ("unfriend",)),
                     ("request_received", ("decline the friend request", "connect on LinkedIn instead"))],
        "linkedin": [("connection", ()), ("request_received", ("accept the invitation",)),
                     ("request_sent", ()), ("following", ("connect",))],
        "instagram": [("follower", ("remove follower",)), ("following", ("unfollow",)),
                      ("request_received", ("decline the follow request",))],
        "mastodon": [("following", ("follow from the professional account",))],
        "x": [("following", ("follow from the professional account",))],
        "contacts": [("contact", ("label Professional",))],
    },
    "page-follower": {
        "facebook": [("friend", ("invite to follow the Page", "unfriend")),
                     ("request_received", ("decline the friend request", "invite to follow the Page"))],
        "linkedin": [("connection", ("follow only; remove the connection",)),
                     ("request_received", ("decline the invitation",))],
        "instagram": [("follower", ("suggest following the brand account",)),
                      ("request_received", ("decline the follow request",))],
        "contacts": [("contact", ("label Page",))],
    },
}


def actions(category: str, network: str, relations: Iterable[str]) -> tuple[str, ...]:
    held = set(relations)
    for relation, todo in TABLE.get(category, {}).get(network, []):
        if relation in held:
            return todo
    return ()


def count_by_network(decided: Iterable[tuple[str, str, Iterable[str]]]) -> Counter[str]:
    """Actions per network for (category, network, relations) of every decided account."""
    counts: Counter[str] = Counter()
    for category, network, relations in decided:
        counts[network] += len(actions(category, network, relations))
    return counts
