"""Where the sorting screen's cursor goes: after a decision, an undo or a redo, and at the start,
where the user left it (kept in the workspace, with the filters and the search, across restarts).
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from dataclasses import asdict, fields
from enum import Enum

from circlesort.model import CATEGORIES, UNDECIDED, Tier
from circlesort.planning.words import decision_text
from circlesort.ui.widgets.people_list import PeopleList
from circlesort.ui.words import CATEGORY_SHORT
from circlesort.workspace import Workspace
from circlesort.workspace.changes import Effect
from circlesort.workspace.failures import WorkspaceError
from circlesort.workspace.roster import Filter

PLACE = "sort"  # the screen's name for Workspace.place
SEARCHED = ("text", "company")  # the filter's fields the search box sets: kept as the search itself


def step_words(effect: Effect, ws: Workspace, people: PeopleList) -> str:
    """What an undo or redo changed, in words: a decision names its people and category."""
    if effect.kind != "decide" or not effect.decided:
        return effect.label
    roster = people.roster

    def name(pid: str) -> str:
        pos = roster.position.get(pid)
        return roster.rows[pos].name if pos is not None else ws.person_name(pid)

    return decision_text(effect.decided, name, CATEGORY_SHORT)


def go_to_people(people: PeopleList, ids: Iterable[str]) -> None:
    """The cursor on the first of these people the list shows (none shown: it stays)."""
    position = people.roster.position
    wanted = {position[p] for p in ids if p in position}
    found = next((i for i, pos in enumerate(people.view) if pos in wanted), None)
    if found is not None:
        people.move_to(found)


def move_on(people: PeopleList, old_view: list[int], old_cursor: int, inclusive: bool) -> None:
    """The cursor on the next undecided person from where it was (``inclusive``: the row it
    stood on counts, as after a bulk decision that left it undecided). ``old_view``: the list's
    view before the change; the view may since have been filtered again."""
    view, rows = people.view, people.roster.rows
    if not view:
        return
    start = old_cursor + (0 if inclusive else 1)
    if view is old_view:  # the same people shown: a scan forward
        for i in range(start, len(view)):
            if rows[view[i]].category == UNDECIDED:
                people.move_to(i)
                return
        people.move_to(min(start, len(view) - 1))
        return
    # Filtered again: the rows after the old cursor, found in the new view. Most often the next
    # one slid into the cursor's place (an undecided-only list), which needs no search.
    here = people.cursor
    if start < len(old_view) and view[here] == old_view[start] and rows[view[here]].category == UNDECIDED:
        people.move_to(here)
        return
    where = {pos: j for j, pos in enumerate(view)}
    for pos in old_view[start:]:
        if pos in where and rows[pos].category == UNDECIDED:
            people.move_to(where[pos])
            return


def first_undecided(people: PeopleList) -> None:
    rows = people.roster.rows
    found = next((i for i, pos in enumerate(people.view) if rows[pos].category == UNDECIDED), None)
    if found is not None:
        people.move_to(found)


def search_words(f: Filter, value: str) -> None:
    """The search's words into the filter: '@word' keeps an employer, the others match names."""
    words = value.split()
    f.company = " ".join(w[1:] for w in words if w.startswith("@")).casefold()
    f.text = " ".join(w for w in words if not w.startswith("@"))


def keep_place(ws: Workspace, person: str | None, f: Filter, search: str) -> None:
    """Where the user is, kept in the workspace for the next start (the search as typed, the
    other filters, the person highlighted). A disk that refuses it loses only the place."""
    kept = {k: v for k, v in asdict(f).items() if k not in SEARCHED}
    with suppress(WorkspaceError):
        ws.keep_place(PLACE, {"person": person, "filter": kept, "search": search})


def left_at(ws: Workspace, networks: list[str]) -> tuple[Filter, str, str | None] | None:
    """The filters, the search and the person kept by keep_place; None for a fresh workspace.
    A network or a category no longer there is let go (the filter keys cycle through those there)."""
    place = ws.place(PLACE)
    if place is None:
        return None
    search, person = place.get("search"), place.get("person")
    f = filter_from(place.get("filter"))
    if f.network not in (None, *networks):
        f.network = None
    if f.category not in (None, UNDECIDED, *CATEGORIES):
        f.category = None
    return (
        f,
        search if isinstance(search, str) else "",
        person if isinstance(person, str) else None,
    )


def filter_from(saved: object) -> Filter:
    """The filters kept by place_of; a field missing, unknown or of the wrong type keeps its default."""
    f = Filter()
    if not isinstance(saved, dict):
        return f
    for field in fields(Filter):
        if field.name in SEARCHED or field.name not in saved:
            continue
        value, default = saved[field.name], getattr(f, field.name)
        if field.name == "tier":
            value = Tier(value) if value in set(Tier) else None
        elif isinstance(default, Enum):
            try:
                value = type(default)(value)
            except ValueError:
                continue
        elif field.name == "talked_within_days":
            if not (type(value) is int and value > 0):
                continue
        elif not (type(value) is type(default) or (default is None and isinstance(value, str))):
            continue  # a bool for a bool, a string for a string, or a string where None is the default
        setattr(f, field.name, value)
    return f
