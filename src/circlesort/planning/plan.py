"""Decisions and request answers turned into ordered actions per network, in batches.

Each action says what to do, to whom, where (the profile, else a search), why, and when (the
batch that keeps the user under the platform's limits). Order within a network follows the
kinds of action: answering requests first, inviting to the Page before unfriending.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from circlesort.model import Account
from circlesort.planning.links import safe_link, search_link
from circlesort.planning.table import ANSWER_ROWS, CATEGORY_ROWS, LABELS, REQUEST_WORD, WHY
from circlesort.workspace import Workspace

# The order of kinds of action within a network; unknown kinds come last.
ORDER = ("withdraw", "accept", "decline", "invite", "suggest", "connect", "follow", "remove", "unfollow",
         "restrict", "unfriend", "close", "label")
WEEKLY = {"connect": "linkedin_invitations_per_week"}
DAILY = {"unfollow": "instagram_unfollows_per_day", "remove follower": "instagram_unfollows_per_day"}


@dataclass(frozen=True, slots=True)
class Action:
    network: str
    action: str
    person: str
    key: str
    link: str
    reason: str
    step: int = 0
    batch: str = ""

    @property
    def id(self) -> str:
        """Stable across plans: what `verify` and the plan's status refer to."""
        return f"{self.network}|{self.key}|{self.action}"


def link_of(account: Account) -> str:
    """The account's own profile when the export gave a safe one, else a people search."""
    return safe_link(account.network, account.url, account.key) or search_link(account.network,
                                                                               account.display_name)


def account_actions(category: str, account: Account, answer: str | None, s: dict) -> list[tuple[str, str]]:
    """(action, reason) for one account of a person in ``category``, from the tables."""
    net, held = account.network, set(account.relations)
    words = {"page": s["page"]["name"] or "your Page", "brand": s["brand_instagram"] or "your public account",
             "mastodon": s["professional_mastodon"] or "your professional account",
             "request": REQUEST_WORD.get(net, "request"), "why": WHY.get(category, ""),
             "label": LABELS.get(category, "")}
    todo: list[tuple[str, str]] = []
    if "request_sent" in held and answer == "withdraw":
        todo.append(("withdraw the request you sent", "you chose to withdraw it"))
    if "request_received" in held and net in REQUEST_WORD and answer in ANSWER_ROWS:
        rows = ANSWER_ROWS[answer]
        todo += rows.get(net, rows["*"])
    if net == "mastodon" and s["mastodon_export_is_professional"] and "following" in held:
        return [(a.format(**words), r.format(**words)) for a, r in todo]  # followed already
    for row_category, row_network, relation, setting, variants in CATEGORY_ROWS:
        if row_category != category or row_network != net:
            continue
        wanted = relation.lstrip("!")
        if relation != "*" and (wanted in held) == relation.startswith("!"):  # "!x": must not hold x
            continue
        todo += variants[s[setting] if setting else None]
    return [(action.format(**words), reason.format(**words)) for action, reason in todo]


def build(ws: Workspace, settings: dict) -> dict[str, list[Action]]:
    """The plan: actions per network, ordered and batched."""
    answers = ws.answers()
    found: dict[str, list[Action]] = defaultdict(list)
    for person in ws.people(decided_only=True):  # the undecided ask nothing of any network
        accounts = [m.account for m in person.members if not m.gone]
        for account in accounts:
            key = (account.network, account.key)
            for action, reason in account_actions(person.category, account, answers.get(key), settings):
                found[account.network].append(Action(account.network, action, person.name, account.key,
                                                     link_of(account), reason))
        networks = {a.network for a in accounts}
        wants_linkedin = person.category == "move-to-professional" or any(
            answers.get((a.network, a.key)) == "decline-linkedin"
            for a in accounts if a.network != "linkedin")
        if wants_linkedin and "linkedin" not in networks and any(a.name for a in accounts):
            found["linkedin"].append(Action("linkedin", "connect", person.name, "",
                                            search_link("linkedin", person.name),
                                            "moved to professional; not on your LinkedIn yet"))
    return {net: _batched(actions, settings) for net, actions in sorted(found.items())}


def _rank(action: str) -> int:
    words = action.split()
    for i, kind in enumerate(ORDER):
        if words[0] == kind or action.startswith(kind):
            return i
    return len(ORDER)


def _batched(actions: list[Action], s: dict) -> list[Action]:
    ordered = sorted(actions, key=lambda a: (_rank(a.action), a.person.casefold(), a.key,
                                             a.action))
    # Invitations to the Page go before the unfriending of the same person (rank does it).
    out, used = [], defaultdict(int)
    for step, a in enumerate(ordered, 1):
        kind = next((k for k in (*WEEKLY, *DAILY) if a.action.startswith(k)), None)
        if kind in WEEKLY:
            limit = int(s["limits"][WEEKLY[kind]])
            batch = f"week {used[kind] // limit + 1}"
        elif kind in DAILY:
            limit = int(s["limits"][DAILY[kind]])
            batch = f"day {used['daily'] // limit + 1}"
            kind = "daily"
        else:
            batch = "any time"
        if kind:
            used[kind] += 1
        out.append(Action(a.network, a.action, a.person, a.key, a.link, a.reason, step, batch))
    return out
