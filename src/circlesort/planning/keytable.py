"""Every key of the app as data: each binding's id, default keys, action and words.

The ids are what a user's keymap names (`keymap:` in settings.yaml; docs/design.md §7).
The table holds no Textual object, so the settings can check a keymap and `circlesort keys` can
list the ids without loading the UI; ui/keys.py turns each group into Textual bindings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Key:
    """One binding: ``keys`` in Textual's names, separated by commas ("1,p", "question_mark")."""

    id: str
    keys: str
    action: str
    description: str
    show: bool = True  # in the footer
    tooltip: str = ""
    priority: bool = False  # before the focused widget (ctrl+s in a text box saves)


APP = (Key("app.settings", "comma", "open_settings", "Settings", show=False),)
SORT = (
    Key("sort.personal", "1,p", "decide('keep-personal')", "Personal"),
    Key("sort.professional", "2,w", "decide('move-to-professional')", "Professional"),
    Key("sort.page", "3,f", "decide('page-follower')", "Page"),
    Key("sort.undecided", "0,x", "decide('undecided')", "Undecide", show=False),
    Key("sort.accept", "a", "accept", "Accept", tooltip="Accept the suggested category"),
    Key("sort.accept_shown", "A", "accept_shown", "Accept all suggestions shown", show=False),
    Key("sort.undo", "u", "undo", "Undo"),
    Key("sort.redo", "U", "redo", "Redo", show=False),
    Key("sort.mark", "space", "mark", "Mark", show=False),
    Key("sort.mark_all", "asterisk", "mark_all", "Mark shown", show=False),
    Key("sort.search", "slash", "search", "Search"),
    Key("sort.open", "o", "open", "Open", tooltip="Open the profile on the card in your browser"),
    Key("sort.only_undecided", "d", "toggle_undecided", "Undecided only", show=False),
    Key("sort.by_network", "n", "cycle_network", "By network", show=False),
    Key("sort.by_category", "c", "cycle_category", "By category", show=False),
    Key("sort.by_tier", "t", "cycle_tier", "By match tier", show=False),
    Key("sort.only_new", "N", "toggle_new", "New since last import", show=False),
    Key("sort.show_aside", "e", "toggle_aside", "Show also the people not to sort", show=False),
    Key("sort.by_suggestion", "b", "cycle_group", "By suggestion: each category, each rule", show=False),
    Key("sort.talked", "T", "toggle_talked", "Talked to in the last year", show=False),
    Key(
        "sort.order",
        "O",
        "cycle_order",
        "Order: name, network, known since, suggestion, most talked to",
        show=False,
    ),
    Key("sort.clear", "escape", "clear", "Clear search and filters, then marks", show=False),
    Key("sort.next", "j,down", "move(1)", "Next", show=False),
    Key("sort.previous", "k,up", "move(-1)", "Previous", show=False),
    Key("sort.page_down", "pagedown", "page(1)", "Page down", show=False),
    Key("sort.page_up", "pageup", "page(-1)", "Page up", show=False),
    Key("sort.first", "g,home", "jump(0)", "First", show=False),
    Key("sort.last", "G,end", "jump(-1)", "Last", show=False),
    Key("sort.card_down", "J,shift+down", "card_scroll(1)", "Scroll the card down", show=False),
    Key("sort.card_up", "K,shift+up", "card_scroll(-1)", "Scroll the card up", show=False),
    Key("sort.link", "L", "link_marked", "Link marked people", show=False),
    Key("sort.split", "S", "split", "Split this person", show=False),
    Key("sort.help", "question_mark", "help", "Keys"),
    Key("sort.requests", "r", "requests", "Requests"),
    Key("sort.review", "m", "review", "Matches", tooltip="Review the matches one pair at a time"),
    Key("sort.plan", "P", "plan", "Plan"),
    Key("sort.summary", "s", "summary", "Summary"),
    Key("sort.import", "i", "import_exports", "Import exports", show=False),
    Key("sort.quit", "q", "app.quit", "Quit"),
)
# The people list's and the plan's step list's own keys, when the list has the focus.
LIST = (
    Key("list.next", "down", "move(1)", "Next", show=False),
    Key("list.previous", "up", "move(-1)", "Previous", show=False),
    Key("list.page_down", "pagedown", "page(1)", "Page down", show=False),
    Key("list.page_up", "pageup", "page(-1)", "Page up", show=False),
    Key("list.first", "home", "jump(0)", "First", show=False),
    Key("list.last", "end", "jump(-1)", "Last", show=False),
)
PLAN = (
    Key("plan.tick", "space,enter", "tick", "Done"),
    Key("plan.accept", "a", "mark('confirmed')", "Accepted"),
    Key("plan.skip", "s", "mark('skipped')", "Skip"),
    Key("plan.remove_anyway", "r", "mark('remove-anyway')", "Remove anyway", show=False),
    Key("plan.open", "o", "open", "Open link"),
    Key("plan.copy", "c", "copy", "Copy"),
    Key("plan.view", "v", "cycle_view", "View"),
    Key("plan.network", "n", "cycle_network", "Network"),
    Key("plan.undo", "u", "undo", "Undo"),
    Key("plan.redo", "U", "redo", "Redo", show=False),
    Key("plan.write", "w", "write", "Write files"),
    Key("plan.settings", "comma", "settings", "Settings", show=False),
    Key("plan.progress", "p", "toggle_progress", "Progress", show=False),
    Key("plan.down", "j", "move(1)", "Down", show=False),
    Key("plan.up", "k", "move(-1)", "Up", show=False),
    Key("plan.top", "g", "jump(0)", "First", show=False),
    Key("plan.bottom", "G", "jump(-1)", "Last", show=False),
    Key("plan.help", "question_mark", "help", "Keys"),
    Key("plan.back", "escape,q", "back", "Back"),
)
REQUESTS = (
    Key("requests.accept", "1,p", "answer('accept')", "Personal"),
    Key("requests.professional", "2,w", "answer('decline-linkedin')", "Professional"),
    Key("requests.page", "3,f", "answer('decline-page')", "Page"),
    Key("requests.suggested", "a", "accept", "Accept", tooltip="Answer as suggested"),
    Key("requests.suggested_shown", "A", "accept_shown", "Answer all shown as suggested", show=False),
    Key("requests.later", "l", "answer('later')", "Later"),
    Key(
        "requests.withdraw",
        "d",
        "answer('withdraw')",
        "Withdraw",
        show=False,
        tooltip="Withdraw a request you sent",
    ),
    Key("requests.clear", "0,x", "answer('')", "No answer", show=False),
    Key("requests.open", "o", "open", "Open", show=False, tooltip="Open the profile in your browser"),
    Key("requests.undo", "u", "undo", "Undo"),
    Key("requests.redo", "U", "redo", "Redo", show=False),
    Key("requests.next", "j", "move(1)", "Next", show=False),
    Key("requests.previous", "k", "move(-1)", "Previous", show=False),
    Key("requests.first", "g,home", "jump(0)", "First", show=False, priority=True),
    Key("requests.last", "G,end", "jump(-1)", "Last", show=False, priority=True),
    Key("requests.help", "question_mark", "help", "Keys"),
    Key("requests.back", "escape,q", "back", "Back"),
)
REVIEW = (
    Key("review.confirm", "c", "confirm", "Same person"),
    Key("review.reject", "r", "reject", "Not the same"),
    Key(
        "review.confirm_above",
        "C",
        "confirm_above",
        "Link all above a score",
        show=False,
        tooltip="Link every suggestion in the queue above a score you pick",
    ),
    Key("review.next", "j,down,space", "move(1)", "Next"),
    Key("review.previous", "k,up", "move(-1)", "Previous"),
    Key("review.kind", "t", "kind", "Links / suggestions"),
    Key("review.undo", "u", "undo", "Undo"),
    Key("review.help", "question_mark", "help", "Keys"),
    Key("review.back", "escape,q", "back", "Back"),
)
SUMMARY = (
    Key("summary.help", "question_mark", "help", "Keys"),
    Key("summary.back", "escape,s,q", "back", "Back"),
)
SETTINGS = (
    Key("settings.save", "ctrl+s", "save", "Save", priority=True),
    Key("settings.back", "escape", "back", "Leave"),
)
IMPORT = (
    Key("import.go_on", "enter,escape", "go_on", "Go on to the workspace"),
    Key("import.quit", "q", "quit_app", "Quit"),
)
IMPORT_PATH = (
    Key("import_path.complete", "tab", "complete", "Complete the path", priority=True),
    Key("import_path.cancel", "escape", "cancel", "Cancel"),
)
CONFIRM = (
    Key("confirm.yes", "y", "answer(True)", "Yes"),
    Key("confirm.no", "n,escape", "answer(False)", "No"),
    Key("confirm.default", "enter", "default", "The answer in bold"),
)
CHOOSE = (
    Key("choose.first", "1", "pick(0)", "The first", show=False),
    Key("choose.second", "2", "pick(1)", "The second", show=False),
    Key("choose.third", "3", "pick(2)", "The third", show=False),
    Key("choose.cancel", "escape,n", "pick(-1)", "Cancel", show=False),
)
HELP = (
    Key("help.close", "escape,question_mark,q", "close", "Close"),
    Key("help.down", "j,down", "scroll(1)", "Scroll down", show=False),
    Key("help.up", "k,up", "scroll(-1)", "Scroll up", show=False),
    Key("help.page_down", "pagedown,space", "scroll(10)", "Page down", show=False),
    Key("help.page_up", "pageup", "scroll(-10)", "Page up", show=False),
)

# Where each group's keys work, as `circlesort keys` names it.
GROUPS: tuple[tuple[str, tuple[Key, ...]], ...] = (
    ("everywhere", APP),
    ("sorting", SORT),
    ("lists, when focused", LIST),
    ("plan", PLAN),
    ("requests", REQUESTS),
    ("match review", REVIEW),
    ("summary", SUMMARY),
    ("settings", SETTINGS),
    ("import", IMPORT),
    ("the path to import", IMPORT_PATH),
    ("questions (y/n)", CONFIRM),
    ("questions with choices", CHOOSE),
    ("list of keys", HELP),
)
DEFAULT_KEYS: dict[str, str] = {k.id: k.keys for _, group in GROUPS for k in group}

_MODIFIED = re.compile(r"(?:(?:ctrl|alt|shift|super|meta|hyper)\+)*(?P<name>.+)")
_NAME = re.compile(r"[a-z][a-z0-9_]*|\S")


def split_keys(keys: str) -> list[str]:
    """ "1, h" -> ["1", "h"]; blanks dropped."""
    return [k.strip() for k in keys.split(",") if k.strip()]


def keymap_problem(binding_id: object, keys: object) -> str:
    """What is wrong with one keymap entry (``binding_id: keys``), or ""."""
    if not isinstance(binding_id, str) or binding_id not in DEFAULT_KEYS:
        return f"unknown key id {binding_id!r} in keymap (`circlesort keys` lists them)"
    name = f"keymap.{binding_id}"
    if isinstance(keys, bool) or not isinstance(keys, str | int) or not split_keys(str(keys)):
        return f'{name} must be keys separated by commas, e.g. "1,h"'
    for key in split_keys(str(keys)):
        found = _MODIFIED.fullmatch(key)
        if found is None or not _NAME.fullmatch(found["name"]):
            return f"{name}: {key!r} is not a key (a character, or a name such as f1, ctrl+s, question_mark)"
    return ""


def normal_keys(keys: str | int) -> str:
    """A keymap entry's keys as circlesort keeps them: "1, h" -> "1,h"."""
    return ",".join(split_keys(str(keys)))
