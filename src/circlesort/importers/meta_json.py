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
from circlesort.model import Network, Relation

FB, IG, TH = Network.FACEBOOK, Network.INSTAGRAM, Network.THREADS

# File stems (lower case, apostrophes as "_", page numbers dropped) -> relation.
FACEBOOK_FILES = {
    "friends": Relation.FRIEND,
    "your_friends": Relation.FRIEND,
    "received_friend_requests": Relation.REQUEST_RECEIVED,
    "friend_requests_received": Relation.REQUEST_RECEIVED,
    "sent_friend_requests": Relation.REQUEST_SENT,
    "friend_requests_sent": Relation.REQUEST_SENT,
    "rejected_friend_requests": Relation.REQUEST_DECLINED,
    "removed_friends": Relation.REMOVED,
    "who_you_follow": Relation.FOLLOWING,
    "who_you_ve_followed": Relation.FOLLOWING,
    "people_who_followed_you": Relation.FOLLOWER,
    "followers": Relation.FOLLOWER,
    "following": Relation.FOLLOWING,
}
INSTAGRAM_FILES = {
    "followers": Relation.FOLLOWER,
    "following": Relation.FOLLOWING,
    "follow_requests_you_ve_received": Relation.REQUEST_RECEIVED,
    "pending_follow_requests": Relation.REQUEST_SENT,
    "close_friends": Relation.CLOSE_FRIEND,
    "blocked_profiles": Relation.BLOCKED,
    "blocked_accounts": Relation.BLOCKED,
    "restricted_profiles": Relation.RESTRICTED,
    "restricted_accounts": Relation.RESTRICTED,
    "recently_unfollowed_profiles": Relation.REMOVED,
    "recently_unfollowed_accounts": Relation.REMOVED,
}
INSTAGRAM_2018 = "connections"

# Top-level keys -> (network, relation); a relation of None marks a known key not imported.
KEYS: dict[str, tuple[Network, Relation | None]] = {
    "friends_v2": (FB, Relation.FRIEND),
    "received_requests": (FB, Relation.REQUEST_RECEIVED),
    "received_requests_v2": (FB, Relation.REQUEST_RECEIVED),
    "sent_requests": (FB, Relation.REQUEST_SENT),
    "sent_requests_v2": (FB, Relation.REQUEST_SENT),
    "rejected_requests": (FB, Relation.REQUEST_DECLINED),
    "rejected_requests_v2": (FB, Relation.REQUEST_DECLINED),
    "deleted_friends": (FB, Relation.REMOVED),
    "deleted_friends_v2": (FB, Relation.REMOVED),
    "following_v2": (FB, Relation.FOLLOWING),
    "following_v3": (FB, Relation.FOLLOWING),
    "followers_v2": (FB, Relation.FOLLOWER),
    "followers_v3": (FB, Relation.FOLLOWER),
    "relationships_followers": (IG, Relation.FOLLOWER),
    "relationships_following": (IG, Relation.FOLLOWING),
    "relationships_follow_requests_sent": (IG, Relation.REQUEST_SENT),
    "relationships_follow_requests_received": (IG, Relation.REQUEST_RECEIVED),
    "relationships_close_friends": (IG, Relation.CLOSE_FRIEND),
    "relationships_blocked_users": (IG, Relation.BLOCKED),
    "relationships_restricted_users": (IG, Relation.RESTRICTED),
    "relationships_unfollowed_users": (IG, Relation.REMOVED),
    "relationships_permanent_follow_requests": (IG, None),
}
THREADS_PREFIX = "text_post_app_text_post_app_"
THREADS_SUFFIXES = {
    "followers": Relation.FOLLOWER,
    "following": Relation.FOLLOWING,
    "blocked_users": Relation.BLOCKED,
    "restricted_users": Relation.RESTRICTED,
    "follow_requests_received": Relation.REQUEST_RECEIVED,
    "follow_requests_sent": Relation.REQUEST_SENT,
    "unfollowed_users": Relation.REMOVED,
}
# Keys whose network depends on the file: the 2018-20 Facebook lists, or Instagram's 2018
# connections.json where each is a {username: date} map.
AMBIGUOUS_KEYS = {
    "friends": Relation.FRIEND,
    "followers": Relation.FOLLOWER,
    "following": Relation.FOLLOWING,
    "blocked_users": Relation.BLOCKED,
    "restricted_users": Relation.RESTRICTED,
    "follow_requests_sent": Relation.REQUEST_SENT,
    "close_friends": Relation.CLOSE_FRIEND,
}


@dataclass
class RelationRecords:
    """Records of one relation on one network, read from one file (not matching's Group, a person
    being formed of accounts)."""

    network: Network
    relation: Relation
    records: list[MetaRecord]
    malformed: int = 0  # entries left out for values of the wrong type


def stem(name: str) -> str:
    base = name.lower().rsplit(".", 1)[0]
    base = re.sub(r"['’]", "_", base)
    return re.sub(r"_\d+$", "", base)


# The folders of Meta's message threads (messages_meta.py reads them).
THREAD_FOLDERS = frozenset(
    {"inbox", "archived_threads", "filtered_threads", "message_requests", "e2ee_cutover"}
)


def claims(entry: Entry) -> bool:
    """Whether the file is one of Meta's connection files, JSON or HTML."""
    low = entry.name.lower()
    if not low.endswith((".json", ".html", ".htm")) or THREAD_FOLDERS & set(entry.parts):
        return False  # a message thread's folder (messages.py reads those) holds no connections
    s = stem(entry.name)
    return s in FACEBOOK_FILES or s in INSTAGRAM_FILES or s == INSTAGRAM_2018


def network_hint(entry: Entry) -> Network | None:
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


def file_network(entry: Entry, sample: list[MetaRecord] | None = None) -> Network | None:
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


def load_json(data: bytes | str) -> object:
    """The JSON document in ``data``; SkipFile saying why it cannot be read."""
    try:
        return json.loads(data)
    except UnicodeDecodeError as e:
        raise SkipFile("not text (binary data)") from e
    except json.JSONDecodeError as e:
        raise SkipFile(f"invalid JSON at line {e.lineno} column {e.colno}") from e
    except ValueError as e:  # int() refuses a number of thousands of digits
        raise SkipFile("a number too long to be read") from e
    except RecursionError as e:  # json's parser recurses once per level of nesting
        raise SkipFile("nested too deeply") from e


def parse(entry: Entry) -> list[RelationRecords]:
    """The groups of records one JSON file holds. Raises SkipFile when it cannot be read."""
    try:
        text = entry.read().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SkipFile("not text (binary data)") from e
    doc = load_json(text)
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
    return [RelationRecords(network, relation, recs, malformed)]


def _keyed(entry: Entry, doc: dict) -> list[RelationRecords] | None:
    groups: list[RelationRecords] = []
    known = False
    for raw_key, value in doc.items():
        key = raw_key.lower()
        if key.startswith(THREADS_PREFIX):
            known = True
            relation = THREADS_SUFFIXES.get(key[len(THREADS_PREFIX) :])
            if relation:
                groups.append(RelationRecords(TH, relation, *records(value)))
        elif key in KEYS:
            known = True
            network, relation = KEYS[key]
            if relation:
                groups.append(RelationRecords(network, relation, *records(value)))
        elif key in AMBIGUOUS_KEYS:
            known = True
            relation = AMBIGUOUS_KEYS[key]
            if isinstance(value, dict):  # Instagram 2018-20: {username: date}
                groups.append(RelationRecords(IG, relation, *_username_map(value)))
            else:
                groups.append(RelationRecords(network_hint(entry) or FB, relation, *records(value)))
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
