"""What each category would ask of a person, before the user picks one: the sorting card's
consequence lines ("2 → LinkedIn: connect · Facebook: unfriend after").

The plan's own planner (derive.person_steps) with the person given each category in turn, so the
preview cannot say other than what the plan then holds. Answers to the person's requests are
left out: they come from the answer, whichever category is picked. One person's steps, three
times: cheap enough to redo on every cursor move.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from circlesort.errors import InputError
from circlesort.matching import network_rank
from circlesort.model import CATEGORIES, standing
from circlesort.planning.derive import person_steps
from circlesort.planning.reconcile import DONE
from circlesort.planning.settings import Settings, load_settings
from circlesort.planning.steps import FINISHED, Phase, Step
from circlesort.planning.words import short_action
from circlesort.workspace import PersonRow
from circlesort.workspace.detail import Detail

Consequence = tuple[str, str, bool]  # (network, short words, waits for a bring-over first)
PHASES = list(Phase)


def consequences(
    person: PersonRow, answers: dict, settings: Settings, finished: Iterable[str] = ()
) -> dict[str, list[Consequence]]:
    """Per category, the steps it would ask of ``person``, network by network. ``finished``: ids
    of steps done (a removal done earlier brings the way back when the person is wanted there)."""
    done = set(finished)
    out: dict[str, list[Consequence]] = {}
    for category in CATEGORIES:
        steps = [
            s
            for s in person_steps(replace(person, category=category), answers, settings, done)
            if s.phase != Phase.ANSWER
        ]
        out[category] = [(s.network, short_action(s), bool(s.depends_on)) for s in _in_order(steps)]
    return out


def for_card(
    detail: Detail, name: str, category: str, settings: Settings | None
) -> dict[str, list[Consequence]] | None:
    """The consequences for the sorting card's person; None without settings to plan by."""
    if settings is None:
        return None
    person = detail.as_person(name, standing(category))
    return consequences(person, detail.answers, settings, finished_ids(detail.steps))


def settings_or_none() -> Settings | None:
    """The plan's settings, or None when the file is wrong: a preview then goes without (the plan
    screen and `circlesort plan` say what is wrong)."""
    try:
        return load_settings()
    except InputError:
        return None


def finished_ids(steps: Mapping[str, tuple[str, str]]) -> set[str]:
    """The ids among a person's planned steps (id -> (state, seen)) that are done, as the plan
    counts them: the user said so, or the newest export shows it."""
    return {i for i, (state, seen) in steps.items() if state in FINISHED or seen == DONE}


def _in_order(steps: list[Step]) -> list[Step]:
    """Network by network, the networks with something to bring over first (bring-overs come
    before removals); within a network, in the order of its steps' phases."""
    first: dict[str, tuple[int, int]] = {}
    for s in steps:
        key = (PHASES.index(s.phase), network_rank(s.network))
        first[s.network] = min(first.get(s.network, key), key)
    return sorted(steps, key=lambda s: (first[s.network], s.network, PHASES.index(s.phase)))
