"""L and S on the sorting screen: the marked people linked into one, one person split apart.

Both change who is who, so both ask first when there is something to choose or to lose: linking
people in different categories asks which one the linked person keeps; splitting asks before it
splits, and says what it did. Each is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from circlesort.planning.words import network_name
from circlesort.ui.failures import saves
from circlesort.ui.screens.modals import Choose, Confirm
from circlesort.ui.words import CATEGORY_WORDS
from circlesort.workspace import UNDECIDED
from circlesort.workspace.changes import LinkPeople, Split

if TYPE_CHECKING:
    from circlesort.ui.screens.sort import SortScreen


def link_marked(screen: SortScreen) -> None:
    marked = sorted(screen.people.marked)
    if len(marked) < 2:
        screen.notify("Mark two people or more (space), then L links them into one.", markup=False)
        return
    roster = screen.roster
    rows = [roster.rows[roster.position[p]] for p in marked if p in roster.position]
    kinds = list(dict.fromkeys(r.category for r in rows if r.category != UNDECIDED))
    if len(kinds) < 2:
        _link(screen, marked, kinds[0] if kinds else None)
        return
    who = ", ".join(f"{r.name} ({CATEGORY_WORDS[r.category]})" for r in rows if r.category != UNDECIDED)
    question = f"Link {len(marked)} people into one? {who}: which category does the linked person keep?"

    def chosen(index: int | None) -> None:
        if index is not None and index >= 0:
            _link(screen, marked, kinds[index])

    screen.app.push_screen(Choose(question, [CATEGORY_WORDS[c] for c in kinds]), chosen)


@saves
def _link(screen: SortScreen, marked: list[str], category: str | None) -> None:
    screen._refresh(screen.ws.apply(LinkPeople(marked, category)))
    kept = f", {CATEGORY_WORDS[category]}" if category else ""
    screen.notify(f"Linked {len(marked)} people into one{kept}. u undoes it.", markup=False)


def split(screen: SortScreen) -> None:
    row = screen.people.current
    if row is None or len(row.brief) < 2:
        screen.notify("This person has one account: nothing to split.", markup=False)
        return
    where = ", ".join(network_name(network) for network, _, _ in row.brief)
    question = (
        f"Split {row.name} into {len(row.brief)} people, one per account ({where})? "
        "circlesort will not link them again. One undo takes it back."
    )
    screen.app.push_screen(Confirm(question), lambda yes: yes and _split(screen, row.id, row.name, where))


@saves
def _split(screen: SortScreen, person: str, name: str, where: str) -> None:
    effect = screen.ws.apply(Split(person))
    screen._refresh(effect)
    screen.notify(f"Split {name} into separate people: {where}. u undoes it.", markup=False)
