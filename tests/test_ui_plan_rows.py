"""The plan screen's parts without the app: the counts kept tick by tick (planning/progress.py),
the rows a view shows, a tick made in memory, and a step the newest export contradicts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rich.style import Style

from circlesort.planning.progress import Tally, per_network
from circlesort.planning.settings import load_settings
from circlesort.planning.steps import Due, Scheduled, Step, StepKind, StepState
from circlesort.ui.screens.plan_panels import detail, draw_row
from circlesort.ui.screens.plan_rows import PlanRow, lines, ticked

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def row(
    kind: StepKind,
    network: str,
    name: str,
    due: Due = Due.NOW,
    state: StepState = StepState.PENDING,
    at: str = "",
    batch: int = 0,
    notes: tuple[str, ...] = (),
) -> Scheduled:
    step = Step(kind, network, name, f"p-{name}", name, "move-to-professional")
    return Scheduled(
        step, state, due, batch, "today" if batch == 0 else f"week {batch + 1}", state_at=at, notes=notes
    )


def test_the_tally_counts_each_network_and_each_limit_in_its_window_and_follows_a_tick():
    steps = [
        row(StepKind.CONNECT, "linkedin", "Ada"),
        row(
            StepKind.CONNECT,
            "linkedin",
            "Bo",
            Due.SENT,
            StepState.SENT,
            (NOW - timedelta(days=2)).isoformat(),
        ),
        row(
            StepKind.CONNECT,
            "linkedin",
            "Cy",
            Due.SENT,
            StepState.SENT,
            (NOW - timedelta(days=9)).isoformat(),
        ),
        row(StepKind.CONNECT, "linkedin", "Di", batch=1),
        row(StepKind.UNFRIEND, "facebook", "Ada", Due.WAITING),
    ]
    tally = Tally(steps, load_settings(), NOW)
    assert [(p.network, p.done, p.due, p.waiting) for p in tally.progress()] == [
        ("linkedin", 0, 1, 3),
        ("facebook", 0, 0, 1),
    ]
    assert [(u.network, u.used, u.limit, u.days) for u in tally.limits()] == [
        ("linkedin", 1, 100, 7),
        ("facebook", 0, 50, 1),
    ]
    tally.change(steps[0], ticked(steps[0], StepState.SENT, NOW.isoformat()))
    assert tally.totals() == (0, 0, 5) and tally.limits()[0].used == 2
    assert per_network(steps)[0].waiting == 3


def test_a_view_keeps_a_ticked_step_in_its_section_and_groups_an_import_files_steps():
    steps = [
        row(StepKind.LABEL, "contacts", "Ada"),
        row(StepKind.LABEL, "contacts", "Bo"),
        row(StepKind.CONNECT, "linkedin", "Cy"),
        row(StepKind.UNFRIEND, "facebook", "Cy", Due.WAITING),
    ]
    done = ticked(steps[2], StepState.CONFIRMED, NOW.isoformat())
    shown = lines([*steps[:2], done, steps[3]], "due", "", {done.step.id: "due"})
    assert [x if isinstance(x, str) else len(x.ids) for x in shown] == ["Due now · 3", 2, 1, "Waiting · 1", 1]
    assert lines([*steps[:2], done, steps[3]], "done", "", {})[0] == "Done · 1"
    assert lines(steps, "all", "linkedin", {})[1].ids == [steps[2].step.id]


def test_a_tick_the_newest_export_contradicts_says_so_in_its_row_and_in_full():
    s = row(
        StepKind.UNFRIEND,
        "facebook",
        "Ada",
        Due.FINISHED,
        StepState.DONE,
        NOW.isoformat(),
        notes=("ticked, but the newest export still shows them",),
    )
    steps = {s.step.id: s}
    drawn = "".join(seg.text for seg in draw_row(PlanRow([s.step.id]), steps, load_settings(), 100, Style()))
    assert "✓ Facebook  Ada" in drawn and "⚠ done" in drawn
    assert "⚠ ticked, but the newest export still shows them" in str(
        detail(PlanRow([s.step.id]), steps, load_settings(), False)
    )
