"""The links a plan gives: only to the network's own site, else the network's people search.

Profile links come from export data (vCard URLs, X's userLink, LinkedIn URLs, Instagram
usernames), so they are checked before they reach PLAN.md, the CSVs or the screen: https, the
network's own host (or its www./m./mobile. subdomain; a Mastodon account's own instance,
exactly), no userinfo, no port, and nothing in the rest that could end a Markdown link or open
raw HTML.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from circlesort.model import Network

HOSTS: dict[str, tuple[str, ...]] = {
    Network.FACEBOOK: ("facebook.com",),
    Network.INSTAGRAM: ("instagram.com",),
    Network.THREADS: ("threads.net", "threads.com"),
    Network.LINKEDIN: ("linkedin.com",),
    Network.X: ("x.com", "twitter.com"),
}
SUBDOMAINS = ("", "www.", "m.", "mobile.")
_ALLOWED = {
    network: frozenset(sub + host for host in hosts for sub in SUBDOMAINS) for network, hosts in HOSTS.items()
}

# Scheme and host in ASCII (so "@" for userinfo and ":" for a port cannot appear before the path),
# then a path, query or fragment of URL characters without ( ) [ ] < > ' " ` \ or spaces.
# Printable non-ASCII letters may stay in a path (LinkedIn vanity names); they are checked apart.
_URL = re.compile(
    r"https://([a-z0-9.-]+)(?:[/?#][a-z0-9\-._~!$&*+,;=:@%/?#\u00a0-\U0010ffff]*)?", re.IGNORECASE
)
_MASTODON_HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+")


def allowed_hosts(network: str, key: str = "") -> frozenset[str]:
    """The hosts a link of this network may point to; a Mastodon account's is its own instance."""
    if network == Network.MASTODON:
        host = key.rpartition("@")[2].lower()
        return frozenset((host,)) if "@" in key and _MASTODON_HOST.fullmatch(host) else frozenset()
    return _ALLOWED.get(network, frozenset())


def safe_link(network: str, url: str | None, key: str = "") -> str:
    """``url`` when it is an https link to the network's own site, else ""."""
    if not url:
        return ""
    found = _URL.fullmatch(url)
    if found is None or (not url.isascii() and not url.isprintable()):
        return ""
    return url if found.group(1).lower() in allowed_hosts(network, key) else ""


def search_link(network: str, name: str) -> str:
    """The network's people search for ``name``; "" for networks that have none."""
    q = quote(name)
    searches: dict[str, str] = {
        Network.FACEBOOK: f"https://www.facebook.com/search/people/?q={q}",
        Network.LINKEDIN: f"https://www.linkedin.com/search/results/people/?keywords={q}",
        Network.INSTAGRAM: f"https://www.instagram.com/explore/search/keyword/?q={q}",
        Network.X: f"https://x.com/search?q={q}&f=user",
    }
    return searches.get(network, "")


# Where a network lists the requests waiting: answering one there beats searching for the person.
REQUEST_PAGES: dict[str, dict[str, str]] = {
    Network.FACEBOOK: {
        "received": "https://www.facebook.com/friends/requests",
        "sent": "https://www.facebook.com/friends/requests",
    },
    Network.LINKEDIN: {
        "received": "https://www.linkedin.com/mynetwork/invitation-manager/",
        "sent": "https://www.linkedin.com/mynetwork/invitation-manager/sent/",
    },
    Network.INSTAGRAM: {"received": "https://www.instagram.com/accounts/activity/", "sent": ""},
}
