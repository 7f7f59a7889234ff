"""The words a person reads for each step, rendered from its kind and the settings.

One place for the plan's words, used by PLAN.md, the CSVs and the plan screen. A step that needs
a setting the user has not given says which one ("set `page.url` first") rather than guessing.
The files' and the command line's words for the model's types are here too, keyed by the types
(model.py); the screens have theirs in ui/words.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

from circlesort.model import UNDECIDED, Category, Network
from circlesort.planning.settings import Settings
from circlesort.planning.steps import PERSON, Due, Hint, HintKind, Scheduled, Step, StepKind, StepState
from circlesort.workspace import requests

K = StepKind
# The words below are typed by str, as a member of the type that keys them is one: a stored step
# or account looks them up with the stored string as well.
NETWORK_NAMES: dict[str, str] = {
    Network.FACEBOOK: "Facebook",
    Network.LINKEDIN: "LinkedIn",
    Network.INSTAGRAM: "Instagram",
    Network.X: "X",
    Network.MASTODON: "Mastodon",
    Network.THREADS: "Threads",
    Network.BLUESKY: "Bluesky",
    Network.CONTACTS: "Contacts",
}
# What a network calls a request; "request" where it has no word of its own.
REQUEST_WORD: dict[str, str] = {
    Network.FACEBOOK: "friend request",
    Network.INSTAGRAM: "follow request",
    Network.LINKEDIN: "invitation",
}
# A category as a contact's label (the Google Contacts file) and in "label Personal".
CATEGORY_LABELS: dict[str, str] = {
    Category.KEEP_PERSONAL: "Personal",
    Category.MOVE_TO_PROFESSIONAL: "Professional",
    Category.PAGE_FOLLOWER: "Page",
}
# A category in a word: what undo and redo name, on the command line and on screen.
CATEGORY_NAMES: dict[str, str] = {**requests.CATEGORY_NAMES, UNDECIDED: "undecided"}
# A category as the reason for a step.
WHY: dict[str, str] = {
    Category.KEEP_PERSONAL: "kept personal",
    Category.MOVE_TO_PROFESSIONAL: "moved to professional",
    Category.PAGE_FOLLOWER: "a page follower",
}
# The setting naming the professional account a follow comes from, per network.
FOLLOWER_ACCOUNT: dict[str, str] = {
    Network.X: "professional_x",
    Network.MASTODON: "professional_mastodon",
    Network.INSTAGRAM: "professional_instagram",
}
DUE_WORDS = {
    Due.NOW: "due",
    Due.WAITING: "waiting",
    Due.ASK: "remove anyway?",
    Due.SENT: "sent",
    Due.FINISHED: "done",
    Due.SKIPPED: "skipped",
    Due.IMPOSSIBLE: "no longer possible",
    Due.NOT_NEEDED: "no longer needed",
}


def decision_text(
    decided: Mapping[str, str | None], name: Callable[[str], str], words: Mapping[str, str] = CATEGORY_NAMES
) -> str:
    """A decision in words, for undo and redo: 'Ava Iyer → professional', '12 people →
    professional', '12 people → 8 personal, 4 professional' (None: back to undecided)."""
    by = Counter(c or UNDECIDED for c in decided.values())
    who = name(next(iter(decided))) if len(decided) == 1 else f"{len(decided):,} people"
    what = ", ".join(
        words.get(c, c) if len(by) == 1 else f"{n:,} {words.get(c, c)}" for c, n in by.most_common()
    )
    return f"{who} → {what}"


def network_name(network: str) -> str:
    return NETWORK_NAMES.get(network, network)


def page_name(settings: Settings) -> str:
    return settings.page.name or "your Page"


def missing(step: Step, settings: Settings) -> str:
    """The setting this step needs and the user has not given, or ""."""
    if step.kind == K.INVITE_TO_PAGE or (step.kind == K.SEND_LINK and step.network == Network.FACEBOOK):
        return "" if settings.page.url else "page.url"
    if step.kind == K.FOLLOW_FROM:
        setting = FOLLOWER_ACCOUNT.get(step.network, "")
        return "" if not setting or settings.text(setting) else setting
    return ""


def action(step: Step, settings: Settings) -> str:
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
        K.LABEL: f"label {CATEGORY_LABELS.get(step.category, '')}",
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


SHORT_ACTIONS = {
    K.ACCEPT_REQUEST: "accept the request",
    K.DECLINE_REQUEST: "decline the request",
    K.WITHDRAW_REQUEST: "withdraw your request",
    K.CONNECT: "connect",
    K.INVITE_TO_PAGE: "invite to your Page",
    K.FOLLOW_FROM: "follow from your professional account",
    K.CLOSE_FRIENDS: "add to Close Friends",
    K.UNFRIEND: "unfriend",
    K.RESTRICT: "restrict",
    K.REMOVE_FOLLOWER: "remove follower",
    K.UNFOLLOW: "unfollow",
    K.REMOVE_CONNECTION: "remove connection",
    K.ADD_FRIEND: "add friend again",
    K.FOLLOW_AGAIN: "follow again",
    K.RECONNECT: "connect again",
}


def short_action(step: Step) -> str:
    """What to do in a few words, for a line that holds several networks: "connect", "unfriend",
    "label Professional". Without the settings' names, which can be long."""
    if step.kind == K.LABEL:
        return f"label {CATEGORY_LABELS.get(step.category, '')}".rstrip()
    if step.kind == K.SEND_LINK:
        return (
            "send your Page's link" if step.network == Network.FACEBOOK else "send your public account's link"
        )
    return SHORT_ACTIONS[step.kind]


def _follower(step: Step, settings: Settings) -> str:
    mine = settings.text(FOLLOWER_ACCOUNT.get(step.network, ""))
    return mine or f"your professional {network_name(step.network)} account"


def _linked_account(step: Step, settings: Settings) -> str:
    if step.network == Network.INSTAGRAM:
        return settings.brand_instagram or "your public account"
    return page_name(settings)


def reason(step: Step) -> str:
    """Why the plan asks it."""
    if step.kind in (K.ACCEPT_REQUEST, K.DECLINE_REQUEST, K.WITHDRAW_REQUEST):
        return "your answer to the request"
    if step.kind in (K.ADD_FRIEND, K.FOLLOW_AGAIN, K.RECONNECT):
        return f"{WHY.get(step.category, '')} again, after a removal"
    if step.target.startswith(PERSON):
        return f"{WHY.get(step.category, '')}; not on your LinkedIn yet"
    return WHY.get(step.category, "")


def waits_for(step: Step, settings: Settings) -> str:
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


# --- The plan screen: carrying the plan out ---------------------------------------------------

STATE_WORDS = {
    StepState.PENDING: "not done yet",
    StepState.SENT: "sent",
    StepState.CONFIRMED: "accepted",
    StepState.DONE: "done",
    StepState.SKIPPED: "skipped",
    StepState.IMPOSSIBLE: "no longer possible",
    StepState.REMOVE_ANYWAY: "remove anyway",
}
VIEWS = {"due": "due now", "waiting": "waiting", "done": "done", "all": "all"}
SECTIONS = {"due": "Due now", "waiting": "Waiting", "done": "Done"}
# What each limit of schedule.LIMITS counts, by its setting.
LIMIT_WORDS = {
    "linkedin_invitations_per_week": "invitations",
    "instagram_unfollows_per_day": "unfollows",
    "facebook_unfriends_per_day": "unfriends",
    "facebook_page_invitations_per_day": "Page invitations",
}
# The import files that do every step of a kind at once (schedule.BY_FILE), and where they go.
FILE_STEPS: dict[tuple[StepKind, str], tuple[str, str, str]] = {
    (K.LABEL, Network.CONTACTS): (
        "google_contacts.csv",
        "contacts",
        "import it into Google Contacts (Import, then Merge & fix)",
    ),
    (K.FOLLOW_FROM, Network.MASTODON): (
        "mastodon_following.csv",
        "accounts to follow",
        "import it on your professional Mastodon account (Preferences, "
        "Import and export, Following list, Merge)",
    ),
}
FILE_LINKS: dict[tuple[StepKind, str], str] = {(K.LABEL, Network.CONTACTS): "https://contacts.google.com/"}


def limit_line(network: str, setting: str, used: int, limit: int, days: int) -> str:
    """'LinkedIn: 37 of 100 invitations this week'."""
    return (
        f"{network_name(network)}: {used:,} of {limit:,} {LIMIT_WORDS.get(setting, 'steps')} "
        f"{'this week' if days == 7 else 'today'}"
    )


def waited_words(days: int, waiting_days: int) -> str:
    """'waited 3 of 14 days', 'waited 15 days'."""
    if days >= waiting_days:
        return f"waited {days} {'day' if days == 1 else 'days'}"
    return f"waited {days} of {waiting_days} days"


def first_name(name: str) -> str:
    """The first word of a name, for a message's {first}; '' for none."""
    return name.split()[0] if name.split() else ""


def file_step(kind: StepKind, network: str, n: int) -> str:
    """One row for all the steps an import file does: 'google_contacts.csv: 45 contacts'."""
    file, what, _ = FILE_STEPS[(kind, network)]
    return f"{file}: {n:,} {what}"


def tick_label(state: StepState | None, name: str, n: int = 1) -> str:
    """The journal's words for a tick, shown again by undo: 'done: Ada Quill', 'sent: 3 steps'."""
    word = STATE_WORDS[state] if state else STATE_WORDS[StepState.PENDING]
    return f"{word}: {name if n == 1 else f'{n:,} steps'}"


def needs_setting(setting: str) -> str:
    """'set page.url first'."""
    return f"set {setting} first"


def standing(s: Scheduled, waited_days: int | None = None) -> str:
    """Where a step stands, in a word or two, for a list's last column: 'today', 'day 2',
    'waited 3 days', 'sent', 'done'."""
    if s.due == Due.NOW:
        return "today" if s.batch <= 0 else s.batch_label
    if s.due == Due.ASK:
        return DUE_WORDS[Due.ASK]
    if s.due == Due.WAITING:
        return f"waited {waited_days}d" if waited_days is not None else "waiting"
    if s.due == Due.FINISHED:
        return STATE_WORDS[StepState.CONFIRMED] if s.state == StepState.CONFIRMED else "done"
    return DUE_WORDS[s.due]
