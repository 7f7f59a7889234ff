"""The exports' message files: which files they are, and the readers that count them.

Message files are counted, never kept: how many messages the user and each account wrote to each
other, and when the first and last were, never a word of what was written (see tally.py). Only
the thread files themselves are opened; the gigabytes of photos, videos and audio beside them
never are. Files are known by name (Meta's message_N.json in its thread folders, LinkedIn's
messages.csv, X's direct-message*.js), and Messenger's secure-storage download, whose files are
named after the people, by its content.
"""

from __future__ import annotations

import re

from circlesort.importers import messages_linkedin, messages_meta, messages_x
from circlesort.importers.archive import Container, Entry, SkipFile
from circlesort.importers.meta_json import THREAD_FOLDERS
from circlesort.importers.sink import Sink

META, SECURE, LINKEDIN, HTML = "meta", "secure", "linkedin", "meta-html"
KINDS = (META, SECURE, LINKEDIN, HTML, *messages_x.KINDS)

_THREAD_FILE = re.compile(r"message_\d+\.json")
_THREAD_HTML = re.compile(r"message_\d+\.html?")
_NAMED_THREAD = re.compile(r".+_\d+\.json")  # the secure download's "Ana Kovac_40.json"
_X_FILE = re.compile(r"direct-messages?(?P<group>-group)?(?P<headers>-headers)?(?:-part\d+)?\.js")
# The head of a secure-storage thread: participants as bare names, or its messages' senderName.
_SECURE_HEAD = re.compile(rb'"participants"\s*:\s*\[\s*"|"senderName"\s*:')
# Folders of Meta's standard download, where no secure-storage file lies: their files are not
# opened to be recognised.
_STANDARD_TREE = frozenset(
    {
        "your_facebook_activity",
        "your_activity_across_facebook",
        "your_instagram_activity",
        "connections",
        "personal_information",
        "logged_information",
        "security_and_login_information",
        "ads_information",
        "apps_and_websites_off_of_facebook",
        "preferences",
        "followers_and_following",  # Instagram's and Facebook's before 2024
        "friends_and_followers",
        "following_and_followers",
        *THREAD_FOLDERS,
    }
)
HTML_NOTE = (
    "the message files are HTML and were not counted; download the export again "
    "choosing the JSON format to count messages"
)


def kind(entry: Entry, single: bool) -> str | None:
    """Which message file ``entry`` is, if it is one. ``single``: named on its own by the user."""
    low = entry.name.lower()
    if low == "messages.csv":  # exactly: guide_messages.csv, coach_messages.csv are no one's messages
        return LINKEDIN
    if low.endswith(".js"):
        m = _X_FILE.fullmatch(low)
        if m is None:
            return None
        return (messages_x.GROUP if m["group"] else messages_x.ONE) + ("-headers" if m["headers"] else "")
    if _THREAD_FILE.fullmatch(low):
        return META
    if _THREAD_HTML.fullmatch(low):
        return HTML
    if (
        low.endswith(".json")
        and (single or _NAMED_THREAD.fullmatch(low))
        and not _STANDARD_TREE & set(entry.parts)
        and _secure_head(entry)
    ):
        return SECURE
    return None


def _secure_head(entry: Entry) -> bool:
    try:
        head = entry.head(4096)
    except SkipFile:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and bool(_SECURE_HEAD.search(head))


def read(container: Container, found: dict[str, list[Entry]], sink: Sink) -> None:
    """Count every message file of one container, after its connection files were read."""
    if found.get(META) or found.get(SECURE):
        messages_meta.read(container, found.get(META, []), found.get(SECURE, []), sink)
    if found.get(HTML):
        instagram = messages_meta.instagram_export(container)
        networks = {messages_meta.network_of(e, instagram) for e in found[HTML]}
        for network in sorted(networks):
            sink.warn(container, network, HTML_NOTE)
    if found.get(LINKEDIN):
        messages_linkedin.read(container, found[LINKEDIN], sink)
    if any(found.get(k) for k in messages_x.KINDS):
        messages_x.read(container, found, sink)
