"""What the decisions ask of each network, per person: the steps of each person's move.

The translation table of docs/design.md §6, person by person. For each decided person: the answers to their
requests, what brings them to where they belong (a LinkedIn invitation, an invitation to the
Page, a follow from the professional account), what tidies where they stay (labels, close
friends), and what removes them from where they no longer belong, which waits for the bring-overs
of the same person. Accounts gone from a newer export still count: a person keeps their steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from circlesort.matching.normalize import parse
from circlesort.model import Account, Category, Network, Relation, Standing
from circlesort.planning.links import REQUEST_PAGES, safe_link, search_link
from circlesort.planning.settings import Settings
from circlesort.planning.steps import PERSON, WAY_BACK, Hint, HintKind, Phase, Step, StepKind, step_id
from circlesort.planning.words import missing
from circlesort.workspace import PersonRow
from circlesort.workspace.requests import waiting

K, N, R = StepKind, Network, Relation
PROFESSIONAL, PERSONAL, PAGE = Category.MOVE_TO_PROFESSIONAL, Category.KEEP_PERSONAL, Category.PAGE_FOLLOWER


def search_name(name: str) -> str:
    """The name to search for: without emoji, titles, credentials or pronouns."""
    return parse(name).full or name


def link_of(account: Account) -> str:
    """The account's own profile when the export gave a safe one, else a people search."""
    return safe_link(account.network, account.url, account.key) or search_link(
        account.network, search_name(account.display_name)
    )


def person_steps(person: PersonRow, answers: dict, settings: Settings, finished: set[str]) -> list[Step]:
    """Every step this person's category and answers ask for. ``finished``: ids of steps done."""
    made: list[Step] = []
    category = person.category
    present = [m.account for m in person.members if not m.gone]
    everyone = [m.account for m in person.members]
    elsewhere = _hints(everyone)

    def add(kind: StepKind, account: Account, link: str = "") -> None:
        hints = elsewhere(account) if account.network == N.FACEBOOK else ()
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
        wants_linkedin |= answer == "decline-linkedin" and account.network != N.LINKEDIN
        for kind, link in _answer_steps(account, answer):
            add(kind, account, link)
        for kind in category_steps(category, account, settings):
            add(kind, account)
    for account in everyone:  # the way back, after a removal done earlier
        wanted_there = wants_linkedin if account.network == N.LINKEDIN else category == PERSONAL
        for removal, back in WAY_BACK.items():
            if wanted_there and step_id(removal, account.network, account.key) in finished:
                add(back, account)
    networks = {a.network for a in everyone}
    if wants_linkedin and N.LINKEDIN not in networks and any(a.name for a in everyone):
        made.append(
            Step(
                K.CONNECT,
                N.LINKEDIN,
                PERSON + person.id,
                person.id,
                person.name,
                category,
                search_link(N.LINKEDIN, search_name(person.name)),
            )
        )
    return _with_dependencies(made, settings)


def _answer_steps(account: Account, answer: str | None) -> list[tuple[StepKind, str]]:
    """The answer to a request still waiting; one the export shows accepted asks for nothing."""
    pending, net = waiting(account), account.network
    page = REQUEST_PAGES.get(net, {})
    out: list[tuple[StepKind, str]] = []
    if R.REQUEST_SENT in pending and answer == "withdraw":
        out.append((K.WITHDRAW_REQUEST, page.get("sent", "")))
    if (
        R.REQUEST_RECEIVED in pending
        and net in REQUEST_PAGES
        and answer in ("accept", "decline-linkedin", "decline-page")
    ):
        accept = answer == "accept" or (answer == "decline-linkedin" and net == N.LINKEDIN)
        out.append((K.ACCEPT_REQUEST if accept else K.DECLINE_REQUEST, page.get("received", "")))
        if answer == "decline-page" and net in (N.FACEBOOK, N.INSTAGRAM):
            out.append((K.SEND_LINK, ""))  # not a friend: the Page's link in a message
    return out


def category_steps(category: Standing, account: Account, s: Settings) -> Iterable[StepKind]:
    """What a category asks of one account, before the answers to requests and the way back."""
    held, net = set(account.relations), account.network
    if net == N.CONTACTS and R.CONTACT in held:
        yield K.LABEL
    if category == PROFESSIONAL:
        if net == N.FACEBOOK and R.FRIEND in held:
            yield K.RESTRICT if s.facebook_professional == "restrict" else K.UNFRIEND
        if net == N.LINKEDIN and R.FOLLOWING in held and R.CONNECTION not in held:
            yield K.CONNECT
        if net == N.INSTAGRAM:
            if s.professional_instagram and held & {R.FOLLOWER, R.FOLLOWING}:
                yield K.FOLLOW_FROM
            if s.instagram_professional == "remove":
                yield from ([K.REMOVE_FOLLOWER] if R.FOLLOWER in held else [])
                yield from ([K.UNFOLLOW] if R.FOLLOWING in held else [])
        if net == N.X and held - {R.BLOCKED, R.MUTED}:
            yield K.FOLLOW_FROM
        if (
            net == N.MASTODON
            and held - {R.BLOCKED, R.MUTED}
            and not (s.mastodon_export_is_professional and R.FOLLOWING in held)
        ):
            yield K.FOLLOW_FROM
    elif category == PERSONAL:
        if net == N.LINKEDIN and R.CONNECTION in held and s.linkedin_personal == "remove":
            yield K.REMOVE_CONNECTION
        if (
            net == N.INSTAGRAM
            and s.instagram_personal == "close-friends"
            and R.CLOSE_FRIEND not in held
            and held & {R.FOLLOWER, R.FOLLOWING}
        ):
            yield K.CLOSE_FRIENDS
    elif category == PAGE:
        if net == N.FACEBOOK and R.FRIEND in held:
            yield K.INVITE_TO_PAGE  # only friends can be invited: before the unfriend, which waits for it
            yield K.UNFRIEND
        if net == N.LINKEDIN and R.CONNECTION in held:
            yield K.REMOVE_CONNECTION
        if net == N.INSTAGRAM and R.FOLLOWER in held and s.brand_instagram:
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
    if account.network != N.FACEBOOK:
        return 0
    friends = sum(t.relation == R.FRIEND for t in account.ties)
    return friends if friends > 1 else 0


def _hints(accounts: list[Account]) -> Callable[[Account], tuple[Hint, ...]]:
    """What tells the right search result apart, for a network whose export has no profile links."""

    def hints(account: Account) -> tuple[Hint, ...]:
        out = []
        since = account.since(R.FRIEND)
        if since:
            out.append(Hint(HintKind.SINCE, since[:4]))
        out += [Hint(HintKind.WORKS_AT, a.company) for a in accounts if a.company][:1]
        out += [
            Hint(HintKind.HANDLE, a.handle, a.network) for a in accounts if a.handle and a is not account
        ][:2]
        return tuple(out)

    return hints
