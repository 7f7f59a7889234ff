"""Facebook, Instagram and Threads JSON: which file and key means what, across generations.

Files are found by name anywhere in the tree; a file's top-level key, when it has one, is the
authority on what it holds. Every string is repaired of Meta's mojibake before use.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from circlesort.importers.archive import Entry, SkipFile
from circlesort.importers.dates import from_unix, iso_loose
from circlesort.importers.meta_records import Malformed, MetaRecord, as_stamp, as_text, records
from circlesort.importers.text import fix_meta_tree

FB, IG, TH = "facebook", "instagram", "threads"

# File stems (lower case, apostrophes as "_", page numbers dropped) -> relation.
FACEBOOK_FILES = {
    "friends": "friend",
    "your_friends": "friend",
    "received_friend_requests": "request_received",
    "friend_requests_received": "request_received",
    "sent_friend_requests": "request_sent",
    "friend_requests_sent": "request_sent",
    "rejected_friend_requests": "request_declined",
    "removed_friends": "removed",
    "who_you_follow": "following",
    "who_you_ve_followed": "following",
    "people_who_followed_you": "follower",
    "followers": "follower",
    "following": "following",
}
INSTAGRAM_FILES = {
    "followers": "follower",
    "following": "following",
    "follow_requests_you_ve_received": "request_received",
    "pending_follow_requests": "request_sent",
    "close_friends": "close_friend",
    "blocked_profiles": "blocked",
    "blocked_accounts": "blocked",
    "restricted_profiles": "restricted",
    "restricted_accounts": "restricted",
    "recently_unfollowed_profiles": "removed",
    "recently_unfollowed_accounts": "removed",
}
INSTAGRAM_2018 = "connections"

# Top-level keys -> (network, relation); a relation of None marks a known key not imported.
KEYS: dict[str, tuple[str, str | None]] = {
    "friends_v2": (FB, "friend"),
    "received_requests": (FB, "request_received"),
    "received_requests_v2": (FB, "request_received"),
    "sent_requests": (FB, "request_sent"),
    "sent_requests_v2": (FB, "request_sent"),
    "rejected_requests": (FB, "request_declined"),
    "rejected_requests_v2": (FB, "request_declined"),
    "deleted_friends": (FB, "removed"),
    "deleted_friends_v2": (FB, "removed"),
    "following_v2": (FB, "following"),
    "following_v3": (FB, "following"),
    "followers_v2": (FB, "follower"),
    "followers_v3": (FB, "follower"),
    "relationships_followers": (IG, "follower"),
    "relationships_following": (IG, "following"),
    "relationships_follow_requests_sent": (IG, "request_sent"),
    "relationships_follow_requests_received": (IG, "request_received"),
    "relationships_close_friends": (IG, "close_friend"),
    "relationships_blocked_users": (IG, "blocked"),
    "relationships_restricted_users": (IG, "restricted"),
    "relationships_unfollowed_users": (IG, "removed"),
    "relationships_permanent_follow_requests": (IG, None),
}
THREADS_PREFIX = "text_post_app_text_post_app_"
THREADS_SUFFIXES = {
    "followers": "follower",
    "following": "following",
    "blocked_users": "blocked",
    "restricted_users": "restricted",
    "follow_requests_received": "request_received",
    "follow_requests_sent": "request_sent",
    "unfollowed_users": "removed",
}
# Keys whose network depends on the file: the 2018-20 Facebook lists, or Instagram's 2018
# connections.json where each is a {username: date} map.
AMBIGUOUS_KEYS = {
    "friends": "friend",
    "followers": "follower",
    "following": "following",
    "blocked_users": "blocked",
    "restricted_users": "restricted",
    "follow_requests_sent": "request_sent",
    "close_friends": "close_friend",
}


@dataclass
class Group:
    """Records of one relation on one network, read from one file."""

    network: str
    relation: str
    records: list[MetaRecord]
    malformed: int = 0  # entries left out for values of the wrong type


def stem(name: str) -> str:
    base = name.lower().rsplit(".", 1)[0]
    base = re.sub(r"['’]", "_", base)
    return re.sub(r"_\d+$", "", base)


def claims(entry: Entry) -> bool:
    """Whether the file is one of Meta's connection files, JSON or HTML."""
    low = entry.name.lower()
    if not low.endswith((".json", ".html", ".htm")):
        return False
    s = stem(entry.name)
    return s in FACEBOOK_FILES or s in INSTAGRAM_FILES or s == INSTAGRAM_2018


def network_hint(entry: Entry) -> str | None:
    """The network a file's folders or its zip's name point to, if any."""
    parts = entry.parts
    if "threads" in parts:
        return TH
    if "followers_and_following" in parts or "your_instagram_activity" in parts:
        return IG
    facebook_dirs = {"friends_and_followers", "following_and_followers", "friends"}
    if facebook_dirs & set(parts) or ("connections" in parts and "followers" in parts):
        return FB
    container = entry.container.lower()
    if "instagram" in container:
        return IG
    if "facebook" in container:
        return FB
    return None


def file_network(entry: Entry, sample: list[MetaRecord] | None = None) -> str | None:
    s = stem(entry.name)
    hint = network_hint(entry)
    if hint:
        return hint
    if s in FACEBOOK_FILES and s not in INSTAGRAM_FILES:
        return FB
    if s in INSTAGRAM_FILES and s not in FACEBOOK_FILES:
        return IG
    if sample and any(r.username and not r.name for r in sample):
        return IG
    return FB if sample else None


def parse(entry: Entry) -> list[Group]:
    """The groups of records one JSON file holds. Raises SkipFile when it cannot be read."""
    try:
        text = entry.read().decode("utf-8-sig")
        doc = json.loads(text)
    except UnicodeDecodeError as e:
        raise SkipFile("not text (binary data)") from e
    except json.JSONDecodeError as e:
        raise SkipFile(f"invalid JSON at line {e.lineno} column {e.colno}") from e
    except ValueError as e:  # int() refuses a number of thousands of digits
        raise SkipFile("a number too long to be read") from e
    except RecursionError as e:  # json's parser recurses once per level of nesting
        raise SkipFile("nested too deeply") from e
    if not text.isascii() or "\\u00" in text:  # only then can a string hold Meta's mojibake
        doc = fix_meta_tree(doc)
    s = stem(entry.name)
    if isinstance(doc, dict):
        groups = _keyed(entry, doc)
        if groups is not None:
            return groups
        doc = [doc]  # one record, written bare
    if not isinstance(doc, list):
        raise SkipFile("a JSON file of a kind circlesort does not know")
    recs, malformed = records(doc)
    network = file_network(entry, recs)
    table = FACEBOOK_FILES if network == FB else INSTAGRAM_FILES
    relation = table.get(s)
    if network is None or relation is None:
        raise SkipFile("a JSON file of a kind circlesort does not know")
    return [Group(network, relation, recs, malformed)]


def _keyed(entry: Entry, doc: dict) -> list[Group] | None:
    groups: list[Group] = []
    known = False
    for raw_key, value in doc.items():
        key = raw_key.lower()
        if key.startswith(THREADS_PREFIX):
            known = True
            relation = THREADS_SUFFIXES.get(key[len(THREADS_PREFIX) :])
            if relation:
                groups.append(Group(TH, relation, *records(value)))
        elif key in KEYS:
            known = True
            network, relation = KEYS[key]
            if relation:
                groups.append(Group(network, relation, *records(value)))
        elif key in AMBIGUOUS_KEYS:
            known = True
            relation = AMBIGUOUS_KEYS[key]
            if isinstance(value, dict):  # Instagram 2018-20: {username: date}
                groups.append(Group(IG, relation, *_username_map(value)))
            else:
                groups.append(Group(network_hint(entry) or FB, relation, *records(value)))
    return groups if known else None


def _username_map(value: dict) -> tuple[list[MetaRecord], int]:
    recs: list[MetaRecord] = []
    malformed = 0
    for user, when in value.items():
        try:
            recs.append(MetaRecord(username=as_text(user).lstrip("@"), timestamp=as_stamp(when)))
        except Malformed:
            malformed += 1
    return recs, malformed


def since(rec: MetaRecord) -> str | None:
    """The record's date as ISO 8601; None when it has none or it is no date."""
    ts = rec.timestamp
    if isinstance(ts, str) and not ts.strip().isdigit():
        return iso_loose(ts)
    return from_unix(ts)
