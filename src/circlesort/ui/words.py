"""The words the screens show for networks, relations, categories and match tiers.

One place for them, each a mapping keyed by the members of one of the model's types (model.py),
so that a screen never spells a category or a relation itself. The mappings are typed by str, as
a member is one: the roster's plain columns look them up with the stored strings.

The files and the command line have their words in planning/words.py. A plan's steps read the
same on screen as in the files, so the plan screen takes its step words from there, and the
screens name a network in full as the files do (network_name).
"""

from __future__ import annotations

from circlesort.matching.score import kind_levels
from circlesort.model import UNDECIDED, Account, Category, Network, Relation, Tier
from circlesort.planning.words import network_name
from circlesort.workspace.roster_groups import Order

# A network in two letters or fewer, where a line has no room for its name.
BADGES: dict[str, str] = {
    Network.FACEBOOK: "fb",
    Network.LINKEDIN: "in",
    Network.INSTAGRAM: "ig",
    Network.X: "x",
    Network.MASTODON: "ma",
    Network.THREADS: "th",
    Network.BLUESKY: "bs",
    Network.CONTACTS: "co",
}
# A relation in the people list's narrow column.
RELATION_SHORT: dict[str, str] = {
    Relation.FRIEND: "friend",
    Relation.FOLLOWER: "follows you",
    Relation.FOLLOWING: "you follow",
    Relation.CONNECTION: "connection",
    Relation.CLOSE_FRIEND: "close friend",
    Relation.REQUEST_RECEIVED: "asks you",
    Relation.REQUEST_SENT: "you asked",
    Relation.REQUEST_DECLINED: "declined",
    Relation.REMOVED: "removed",
    Relation.BLOCKED: "blocked",
    Relation.MUTED: "muted",
    Relation.RESTRICTED: "restricted",
    Relation.CONTACT: "contact",
}
# A relation on the person card and the review screen, where a date may follow.
RELATION_WORDS: dict[str, str] = {
    Relation.FRIEND: "friends",
    Relation.FOLLOWER: "follows you",
    Relation.FOLLOWING: "you follow",
    Relation.CONNECTION: "connected",
    Relation.CLOSE_FRIEND: "close friend",
    Relation.REQUEST_RECEIVED: "asked to connect",
    Relation.REQUEST_SENT: "you asked",
    Relation.REQUEST_DECLINED: "you declined",
    Relation.REMOVED: "removed",
    Relation.BLOCKED: "blocked",
    Relation.MUTED: "muted",
    Relation.RESTRICTED: "restricted",
    Relation.CONTACT: "in your contacts",
}
# A category in a word: the status line, the summary's bars, a count in a question.
CATEGORY_SHORT: dict[str, str] = {
    Category.KEEP_PERSONAL: "personal",
    Category.MOVE_TO_PROFESSIONAL: "professional",
    Category.PAGE_FOLLOWER: "page",
    UNDECIDED: "undecided",
}
# The people list's category column: the word, and a dot for nobody decided yet.
CATEGORY_COLUMN: dict[str, str] = {**CATEGORY_SHORT, UNDECIDED: "·"}
# A category as the decision it is: the person card, and the question before a decision.
CATEGORY_WORDS: dict[str, str] = {
    Category.KEEP_PERSONAL: "keep personal",
    Category.MOVE_TO_PROFESSIONAL: "move to professional",
    Category.PAGE_FOLLOWER: "page follower",
    UNDECIDED: "undecided",
}
# The review screen's title for each tier it shows, in the order it shows them.
TIER_TITLES: dict[str, str] = {
    Tier.LIKELY: "Likely links (linked; worth a glance)",
    Tier.POSSIBLE: "Suggestions (not linked)",
    Tier.CERTAIN: "Certain links",
}
# The sorting list's orders (workspace/roster_groups.py Order), as the status bar names them.
ORDER_WORDS: dict[str, str] = {
    Order.NAME: "by name",
    Order.NETWORK: "by network",
    Order.SINCE: "known longest first",
    Order.SUGGESTION: "by suggestion",
    Order.TALKED: "most talked to",
}
# The people list's flag for a person whose weakest link is only likely.
TIER_FLAGS: dict[str, str] = {Tier.LIKELY: "?"}
# The people list's one-cell flags: new since the last import, gone from the newer exports.
ROW_FLAGS: dict[str, str] = {"new": "+", "gone": "✗"}

# The review screen learning from the user's answers (matching/learning.py).
REVIEW_LEARNED = "you said {confirmed} of {answered} pairs like this ({kind}) were one person"
REVIEW_CERTAIN = (
    "{count} more {pairs} now look certain from your answers: {kinds}.\n\n"
    "Link each pair as one person? u takes them all back in one step."
)
REVIEW_ABOVE = "Link every suggestion in the queue scoring at least:"
REVIEW_ABOVE_ANSWER = "{floor:.2f}: {count} {pairs}"
REVIEW_LINKED_ALL = "Linked {count} {pairs}: each one person."
REVIEW_ABOVE_HINT = "Most accounts joined first. C links every suggestion above a score you pick."
REVIEW_HELD = " · {held:,} in all, one per person at a time"
REVIEW_NONE_ABOVE = "No suggestion scores {floor:.2f} or more."
REVIEW_ONLY_SUGGESTIONS = "C links suggestions: t shows them."


def pairs_word(count: int) -> str:
    return "pair" if count == 1 else "pairs"


# The level names of a suggestion's kind that say nothing to a person as they stand (the others,
# "surname spelled alike", "same, very common", are read as they are).
LEVEL_WORDS: dict[str, str] = {
    "same": "same name",
    "same, common here": "same name, common here",
    "same, very common": "same name, very common",
    "same, uncommon": "same name, uncommon",
    "rival": "another account fits as well",
    "taken": "already linked elsewhere",
}


def kind_words(kind: str) -> str:
    """A suggestion's kind (its evidence levels joined by "+") as words."""
    return " and ".join(LEVEL_WORDS.get(level, level) for level in kind_levels(kind))


def badge(network: str) -> str:
    """'fb' for Facebook; a network without a badge by its first two letters."""
    return BADGES.get(network, network[:2])


def relations_text(account: Account) -> str:
    """An account's relations with their dates: 'friends since 2019-04-02, follows you'."""
    parts = []
    for relation in account.relations:
        since = account.since(relation)
        parts.append(RELATION_WORDS.get(relation, relation) + (f" since {since[:10]}" if since else ""))
    return ", ".join(parts)


__all__ = [
    "BADGES",
    "CATEGORY_COLUMN",
    "CATEGORY_SHORT",
    "CATEGORY_WORDS",
    "ORDER_WORDS",
    "RELATION_SHORT",
    "RELATION_WORDS",
    "REVIEW_ABOVE",
    "REVIEW_ABOVE_ANSWER",
    "REVIEW_ABOVE_HINT",
    "REVIEW_CERTAIN",
    "REVIEW_HELD",
    "REVIEW_LEARNED",
    "REVIEW_LINKED_ALL",
    "REVIEW_NONE_ABOVE",
    "REVIEW_ONLY_SUGGESTIONS",
    "ROW_FLAGS",
    "TIER_FLAGS",
    "TIER_TITLES",
    "badge",
    "kind_words",
    "network_name",
    "pairs_word",
    "relations_text",
]
