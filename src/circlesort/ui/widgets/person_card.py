"""The highlighted person in full: every account with its relations and dates, and the evidence."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from circlesort.importers.text import clean
from circlesort.model import Account
from circlesort.planning.links import safe_link
from circlesort.suggest import Suggestion
from circlesort.workspace.detail import Detail

RELATION_WORDS = {"friend": "friends", "follower": "follows you", "following": "you follow",
                  "connection": "connected", "close_friend": "close friend", "request_received":
                  "asked to connect", "request_sent": "you asked", "request_declined": "you declined",
                  "removed": "removed", "blocked": "blocked", "muted": "muted", "restricted": "restricted",
                  "contact": "in your contacts"}
EMPTY = ("Nobody to show.\n\nAn empty workspace: `circlesort PATH` imports your exports (the zips or the\n"
         "folder you saved them in); `circlesort demo` shows made-up ones. With a search or filter on,\n"
         "Esc clears it.")
CATEGORY_WORDS = {"keep-personal": "keep personal", "move-to-professional": "move to professional",
                  "page-follower": "page follower", "undecided": "undecided"}


def _relations(account: Account) -> str:
    parts = []
    for relation in account.relations:
        since = account.since(relation)
        parts.append(RELATION_WORDS.get(relation, relation) + (f" since {since[:10]}" if since else ""))
    return ", ".join(parts)


def card(name: str, category: str, detail: Detail, suggestion: Suggestion | None = None) -> Content:
    """The card's whole text. Data only ever enters as plain text pieces, never as markup."""
    parts: list = [(clean(name), "bold"), "  ", (CATEGORY_WORDS.get(category, category), "italic $accent"),
                   "\n"]
    if suggestion is not None:
        parts += [("Suggested: ", "bold"), (CATEGORY_WORDS[suggestion.category], "bold $success"), " — ",
                  clean(suggestion.reason), (f" (rule “{clean(suggestion.rule)}”; a accepts)", "dim"), "\n"]
    for a in detail.accounts:
        gone = (a.network, a.key) in detail.gone
        parts += ["\n", (f"{a.network:<10}", "bold $secondary"), " ",
                  (clean(a.display_name), "strike" if gone else "")]
        if gone:
            parts.append((" (gone from the newer export)", "italic"))
        if a.handle and a.handle != a.display_name:
            parts += ["  ", (f"@{clean(a.handle)}", "dim")]
        relations = _relations(a)
        if relations:
            parts += ["\n", " " * 11, (relations, "dim")]
        if a.position or a.company:
            parts += ["\n", " " * 11, clean(" at ".join(p for p in (a.position, a.company) if p))]
        if a.emails:
            parts += ["\n", " " * 11, (clean(", ".join(a.emails)), "dim")]
        if url := safe_link(a.network, a.url, a.key):  # only the network's own site, as in plans
            parts += ["\n", " " * 11, (url, "underline dim")]
    if detail.links:
        parts += ["\n\n", ("Why one person", "bold"), "\n"]
        for link in detail.links:
            parts += ["  ", (f"{link.a.network}–{link.b.network}", "bold"), f" ({link.tier}): ",
                      clean("; ".join(link.evidence)), "\n"]
    if detail.manual:
        parts += ["\n", ("You linked or split this person by hand.", "italic"), "\n"]
    if detail.suggestions:
        parts += ["\n", ("Maybe also", "bold"), "\n"]
        for s in detail.suggestions[:3]:
            parts += ["  ", (f"{s.b.network}: ", "bold"), clean(s.b.display_name), " — ",
                      (clean("; ".join(s.evidence)), "dim"), "\n"]
    return Content.assemble(*parts)


class PersonCard(Static):
    DEFAULT_CSS = """
    PersonCard { width: 1fr; height: 1fr; padding: 0 1; border-left: tall $panel; overflow-y: auto; }
    """

    def show(self, name: str, category: str, detail: Detail | None,
             suggestion: Suggestion | None = None) -> None:
        self.update(card(name, category, detail, suggestion) if detail else Content(EMPTY))
