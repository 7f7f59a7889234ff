"""What the decisions ask of each network, per person: the steps of each person's move.

The translation table of docs/design.md §6, person by person. For each decided person: the answers to their
requests, what brings them to where they belong (a LinkedIn invitation, an invitation to the
Page, a follow from the professional account), what tidies where they stay (labels, close
friends), and what removes them from where they no longer belong, which waits for the bring-overs
of the same person. Accounts gone from a newer export still count: a person keeps their steps.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from circlesort.matching.normalize import parse
from circlesort.model import Account
from circlesort.planning.links import REQUEST_PAGES, safe_link, search_link
from circlesort.planning.settings import Settings
from circlesort.planning.steps import PERSON, WAY_BACK, Hint, HintKind, Phase, Step, StepKind, step_id
from circlesort.planning.words import missing
from circlesort.workspace import Person
from circlesort.workspace.requests import waiting

K = StepKind
PROFESSIONAL, PERSONAL, PAGE = "move-to-professional", "keep-personal", "page-follower"


def search_name(name: str) -> str:
    """The name to search for: without emoji, titles, credentials or pronouns."""
    return parse(name).full or name


def link_of(account: Account) -> str:
    """The account's own profile when the export gave a safe one, else a people search."""
    return safe_link(account.network, account.url, account.key) or search_link(
        account.network, search_name(account.display_name)
    )


def person_steps(person: Person, answers: dict, settings: Settings, finished: set[str]) -> list[Step]:
    """Every step this person's category and answers ask for. ``finished``: ids of steps done."""
    made: list[Step] = []
    category = person.category
    present = [m.account for m in person.members if not m.gone]
    everyone = [m.account for m in person.members]
    elsewhere = _hints(everyone)

    def add(kind: StepKind, account: Account, link: str = "") -> None:
        hints = elsewhere(account) if account.network == "facebook" else ()
        made.append(
            Step(
                kind,
                account.network,
                account.key,
                person.id,
                person.name,
                category,
                link or link_of(account),
                hints,
                _namesakes(account),
            )
        )

    wants_linkedin = category == PROFESSIONAL
    for account in present:
        answer = answers.get((account.network, account.key))
        wants_linkedin |= answer == "decline-linkedin" and account.network != "linkedin"
        for kind, link in _answer_steps(account, answer):
            add(kind, account, link)
        for kind in _category_steps(category, account, settings):
            add(kind, account)
    for account in everyone:  # the way back, after a removal done earlier
        wanted_there = wants_linkedin if account.network == "linkedin" else category == PERSONAL
        for removal, back in WAY_BACK.items():
            if wanted_there and step_id(removal, account.network, account.key) in finished:
                add(back, account)
    networks = {a.network for a in everyone}
    if wants_linkedin and "linkedin" not in networks and any(a.name for a in everyone):
        made.append(
            Step(
                K.CONNECT,
                "linkedin",
                PERSON + person.id,
                person.id,
                person.name,
                category,
                search_link("linkedin", search_name(person.name)),
            )
        )
    return _with_dependencies(made, settings)


def _answer_steps(account: Account, answer: str | None) -> list[tuple[StepKind, str]]:
    """The answer to a request still waiting; one the export shows accepted asks for nothing."""
    pending, net = waiting(account), account.network
    page = REQUEST_PAGES.get(net, {})
    out: list[tuple[StepKind, str]] = []
    if "request_sent" in pending and answer == "withdraw":
        out.append((K.WITHDRAW_REQUEST, page.get("sent", "")))
    if (
        "request_received" in pending
        and net in REQUEST_PAGES
        and answer in ("accept", "decline-linkedin", "decline-page")
    ):
        accept = answer == "accept" or (answer == "decline-linkedin" and net == "linkedin")
        out.append((K.ACCEPT_REQUEST if accept else K.DECLINE_REQUEST, page.get("received", "")))
        if answer == "decline-page" and net in ("facebook", "instagram"):
            out.append((K.SEND_LINK, ""))  # not a friend: the Page's link in a message
    return out


def _category_steps(category: str, account: Account, s: Settings) -> Iterable[StepKind]:
    held, net = set(account.relations), account.network
    if net == "contacts" and "contact" in held:
        yield K.LABEL
    if category == PROFESSIONAL:
        if net == "facebook" and "friend" in held:
            yield K.RESTRICT if s.facebook_professional == "restrict" else K.UNFRIEND
        if net == "linkedin" and "following" in held and "connection" not in held:
            yield K.CONNECT
        if net == "instagram":
            if s.professional_instagram and held & {"follower", "following"}:
                yield K.FOLLOW_FROM
            if s.instagram_professional == "remove":
                yield from ([K.REMOVE_FOLLOWER] if "follower" in held else [])
                yield from ([K.UNFOLLOW] if "following" in held else [])
        if net == "x" and held - {"blocked", "muted"}:
            yield K.FOLLOW_FROM
        if (
            net == "mastodon"
            and held - {"blocked", "muted"}
            and not (s.mastodon_export_is_professional and "following" in held)
        ):
            yield K.FOLLOW_FROM
    elif category == PERSONAL:
        if net == "linkedin" and "connection" in held and s.linkedin_personal == "remove":
            yield K.REMOVE_CONNECTION
        if (
            net == "instagram"
            and s.instagram_personal == "close-friends"
            and "close_friend" not in held
            and held & {"follower", "following"}
        ):
            yield K.CLOSE_FRIENDS
    elif category == PAGE:
        if net == "facebook" and "friend" in held:
            yield K.INVITE_TO_PAGE  # only friends can be invited: before the unfriend, which waits for it
            yield K.UNFRIEND
        if net == "linkedin" and "connection" in held:
            yield K.REMOVE_CONNECTION
        if net == "instagram" and "follower" in held and s.brand_instagram:
            yield K.SEND_LINK  # Instagram has no "suggest following": a message with the link


def _with_dependencies(steps: list[Step], settings: Settings) -> list[Step]:
    """Removals wait for every bring-over of the same person; one step per id.

    A follow from a professional account the settings do not name cannot be done: removals do
    not wait for it (a Page invitation, which must come while still friends, always counts)."""
    unique = list({s.id: s for s in steps}.values())
    bring = tuple(
        sorted(
            s.id
            for s in unique
            if s.phase == Phase.BRING and not (s.kind == K.FOLLOW_FROM and missing(s, settings))
        )
    )
    if not bring:
        return unique
    return [replace(s, depends_on=bring) if s.phase == Phase.REMOVE else s for s in unique]


def _namesakes(account: Account) -> int:
    """Facebook keys friends by name: several friends of one name are one account in the export."""
    if account.network != "facebook":
        return 0
    friends = sum(t.relation == "friend" for t in account.ties)
    return friends if friends > 1 else 0


def _hints(accounts: list[Account]):
    """What tells the right search result apart, for a network whose export has no profile links."""

    def hints(account: Account) -> tuple[Hint, ...]:
        out = []
        since = account.since("friend")
        if since:
            out.append(Hint(HintKind.SINCE, since[:4]))
        out += [Hint(HintKind.WORKS_AT, a.company) for a in accounts if a.company][:1]
        out += [
            Hint(HintKind.HANDLE, a.handle, a.network) for a in accounts if a.handle and a is not account
        ][:2]
        return tuple(out)

    return hints
