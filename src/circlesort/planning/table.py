"""DESIGN.md's translation table, as data: what a category asks of an account on each network.

A row: (category, network, relation the account must hold ("!x": must not hold x, "*": any), the setting
that picks a variant (or None), {variant: [(action, reason), ...]}). Every row that fits an
account applies; "{page}", "{brand}", "{mastodon}" and "{label}" come from the settings.
Answers to requests have their own table, by answer.
"""

from __future__ import annotations

WHY = {"keep-personal": "kept personal", "move-to-professional": "moved to professional",
       "page-follower": "a page follower"}
LABELS = {"keep-personal": "Personal", "move-to-professional": "Professional", "page-follower": "Page"}

CATEGORY_ROWS: list[tuple[str, str, str, str | None, dict[str | None, list[tuple[str, str]]]]] = [
    ("move-to-professional", "facebook", "friend", "facebook_professional",
     {"unfriend": [("unfriend", "{why}")], "restrict": [("restrict (add to the Restricted list)", "{why}")]}),
    ("page-follower", "facebook", "friend", None,
     {None: [("invite to follow {page}", "{why}"), ("unfriend", "{why}, once invited to the Page")]}),
    ("keep-personal", "linkedin", "connection", "linkedin_personal",
     {"keep": [], "remove": [("remove the connection", "{why}")]}),
    ("page-follower", "linkedin", "connection", None,
     {None: [("remove the connection (they can follow you)", "{why}")]}),
    ("move-to-professional", "linkedin", "following", None, {None: [("connect", "{why}")]}),
    ("keep-personal", "instagram", "!close_friend", "instagram_personal",
     {"keep": [], "close-friends": [("close friends: add", "{why}")]}),
    ("move-to-professional", "instagram", "follower", "instagram_professional",
     {"remove": [("remove follower", "{why}")], "keep": []}),
    ("move-to-professional", "instagram", "following", "instagram_professional",
     {"remove": [("unfollow", "{why}")], "keep": []}),
    ("page-follower", "instagram", "follower", None, {None: [("suggest following {brand}", "{why}")]}),
    ("move-to-professional", "mastodon", "*", None, {None: [("follow from {mastodon}", "{why}")]}),
    ("move-to-professional", "x", "*", None,
     {None: [("follow from your professional account", "{why}")]}),
    *[(category, "contacts", "contact", None, {None: [("label {label}", "{why}")]}) for category in LABELS],
]

REQUEST_WORD = {"facebook": "friend request", "instagram": "follow request", "linkedin": "invitation"}
# answer -> network ("*": any other) -> [(action, reason)]
ANSWER_ROWS: dict[str, dict[str, list[tuple[str, str]]]] = {
    "accept": {"*": [("accept the {request}", "your answer to the request")]},
    "decline-linkedin": {
        "linkedin": [("accept the {request}", "your answer to the request")],
        "*": [("decline the {request}", "your answer: connect on LinkedIn instead")]},
    "decline-page": {
        "facebook": [("decline the {request}", "your answer: invite them to the Page instead"),
                     ("invite to follow {page}", "your answer to the request")],
        "*": [("decline the {request}", "your answer: invite them to the Page instead")]},
}
