"""The words a person reads for each step, rendered from its kind and the settings.

One place for the plan's words, used by PLAN.md, the CSVs and the plan screen. A step that needs
a setting the user has not given says which one ("set `page.url` first") rather than guessing.
"""

from __future__ import annotations

from circlesort.planning.steps import Due, Hint, HintKind, Step, StepKind

K = StepKind
NETWORK_NAMES = {"facebook": "Facebook", "instagram": "Instagram", "threads": "Threads",
                 "linkedin": "LinkedIn", "x": "X", "mastodon": "Mastodon", "contacts": "Contacts"}
REQUEST_WORD = {"facebook": "friend request", "instagram": "follow request", "linkedin": "invitation"}
LABELS = {"keep-personal": "Personal", "move-to-professional": "Professional", "page-follower": "Page"}
WHY = {"keep-personal": "kept personal", "move-to-professional": "moved to professional",
       "page-follower": "a page follower"}
# The professional account a follow comes from, per network: (setting, what to call it when unset).
FOLLOWER_ACCOUNT = {"x": "professional_x", "mastodon": "professional_mastodon",
                    "instagram": "professional_instagram"}
DUE_WORDS = {Due.NOW: "due", Due.WAITING: "waiting", Due.ASK: "remove anyway?", Due.SENT: "sent",
             Due.FINISHED: "done", Due.SKIPPED: "skipped", Due.IMPOSSIBLE: "no longer possible",
             Due.NOT_NEEDED: "no longer needed"}


def network_name(network: str) -> str:
    return NETWORK_NAMES.get(network, network)


def page_name(settings: dict) -> str:
    return settings["page"]["name"] or "your Page"


def missing(step: Step, settings: dict) -> str:
    """The setting this step needs and the user has not given, or ""."""
    if step.kind == K.INVITE_TO_PAGE or (step.kind == K.SEND_LINK and step.network == "facebook"):
        return "" if settings["page"]["url"] else "page.url"
    if step.kind == K.FOLLOW_FROM:
        setting = FOLLOWER_ACCOUNT.get(step.network, "")
        return "" if not setting or settings[setting] else setting
    return ""


def action(step: Step, settings: dict) -> str:
    """What to do, in words: "send a LinkedIn invitation", "invite to follow Ada's Bakes"."""
    request = REQUEST_WORD.get(step.network, "request")
    kind = step.kind
    text = {
        K.ACCEPT_REQUEST: f"accept the {request}",
        K.DECLINE_REQUEST: f"decline the {request}",
        K.WITHDRAW_REQUEST: f"withdraw the {request} you sent",
        K.CONNECT: "send a LinkedIn invitation",
        K.INVITE_TO_PAGE: f"invite to follow {page_name(settings)}",
        K.SEND_LINK: f"send the link to {_linked_account(step, settings)} in a message",
        K.FOLLOW_FROM: f"follow from {_follower(step, settings)}",
        K.CLOSE_FRIENDS: "add to Close Friends",
        K.LABEL: f"label {LABELS.get(step.category, '')}",
        K.UNFRIEND: "unfriend",
        K.RESTRICT: "add to the Restricted list",
        K.REMOVE_FOLLOWER: "remove as a follower",
        K.UNFOLLOW: "unfollow",
        K.REMOVE_CONNECTION: "remove the connection",
        K.ADD_FRIEND: "send a friend request again",
        K.FOLLOW_AGAIN: "follow again",
        K.RECONNECT: "send a LinkedIn invitation again",
    }[kind]
    setting = missing(step, settings)
    return f"{text} (set {setting} first)" if setting else text


def _follower(step: Step, settings: dict) -> str:
    mine = settings.get(FOLLOWER_ACCOUNT.get(step.network, ""), "")
    return mine or f"your professional {network_name(step.network)} account"


def _linked_account(step: Step, settings: dict) -> str:
    if step.network == "instagram":
        return settings["brand_instagram"] or "your public account"
    return page_name(settings)


def reason(step: Step) -> str:
    """Why the plan asks it."""
    if step.kind in (K.ACCEPT_REQUEST, K.DECLINE_REQUEST, K.WITHDRAW_REQUEST):
        return "your answer to the request"
    if step.kind in (K.ADD_FRIEND, K.FOLLOW_AGAIN, K.RECONNECT):
        return f"{WHY.get(step.category, '')} again, after a removal"
    if step.target.startswith("person:"):
        return f"{WHY.get(step.category, '')}; not on your LinkedIn yet"
    return WHY.get(step.category, "")


def waits_for(step: Step, settings: dict) -> str:
    """What a removal waits for, in words: "Ada accepts on LinkedIn"."""
    who = step.name or "they"
    net = network_name(step.network)
    if step.kind in (K.CONNECT, K.RECONNECT):
        return f"{who} accepts on LinkedIn"
    if step.kind == K.INVITE_TO_PAGE:
        return f"{who} follows {page_name(settings)}"
    if step.kind == K.ADD_FRIEND:
        return f"{who} accepts your friend request"
    if step.kind == K.SEND_LINK:
        return f"you send {who} the link on {net}"
    return f"you follow {who} from your professional {net} account"


def hint_words(h: Hint) -> tuple[str, str, str]:
    """A hint as (circlesort's words before, the export's value, words after):
    ("friends since ", "2019", ""), ("works at ", "Adatum", ""), ("", "@jdoe", " on Instagram")."""
    if h.kind == HintKind.SINCE:
        return ("friends since ", h.value, "")
    if h.kind == HintKind.WORKS_AT:
        return ("works at ", h.value, "")
    return ("", f"@{h.value}", f" on {network_name(h.network)}")


def hint_text(h: Hint) -> str:
    return "".join(hint_words(h))


def namesakes_text(step: Step) -> str:
    """The warning on a step whose Facebook name several friends share, or ""."""
    return f"{step.namesakes} friends share this name: check which one" if step.namesakes > 1 else ""
