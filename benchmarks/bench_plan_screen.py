"""Times the plan screen on a workspace whose plan holds about 5,000 steps.

    python -m benchmarks.bench_plan_screen [--scale 0.15] [--runs 3]

Builds a workspace from the generated bundle, everyone decided (a third each to personal,
professional and page), then, in the running app (headless, 120x40), on a fresh copy per run:

1. P to the first due steps drawn: from the P key's action until the step list draws its first
   row (the plan is worked out in the worker meanwhile), on the first look at the plan (every
   step new, all saved) and on a second look (the plan kept).
2. The event loop's work per key: the action handler plus drawing the list's visible lines (not
   Pilot's pauses): moving, paging, ticking (the row changed in memory, the counts again, the
   write queued), switching the view and the network; the step in full beside the list, drawn
   when the cursor lands on it; and the work of drawing a new plan when the worker posts it
   after a tick.

Medians over the runs (and over the keys within a run); the load average before and after.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.export_writer import write_bundle
from circlesort.workspace import CATEGORIES, Workspace, import_paths
from circlesort.workspace.changes import DecideMany


def decided_workspace(folder: Path, scale: float) -> Path:
    bundle = folder / "exports"
    write_bundle(bundle, scale)
    path = folder / "decided.sqlite"
    with Workspace.open(str(path)) as ws:
        import_paths(ws, [str(bundle)])
        people = [p.id for p in ws.people()]
        ws.apply(DecideMany({c: people[i::3] for i, c in enumerate(CATEGORIES)}, "everyone"))
    print(f"workspace: {len(people):,} people, all decided")
    return path


async def one_run(path: Path) -> tuple[dict[str, float], dict[str, list[float]], int]:
    from circlesort.ui.app import CirclesortApp
    from circlesort.ui.screens.plan import PlanScreen
    from circlesort.ui.screens.sort import SortScreen
    from circlesort.ui.widgets.step_list import StepList

    drawn: list[float] = []
    real_render = StepList.render_line

    def render_line(self, y):  # the first row drawn: the moment the user sees the steps
        if not drawn and self.lines:
            drawn.append(time.perf_counter())
        return real_render(self, y)

    StepList.render_line = render_line  # type: ignore[method-assign]
    opened: dict[str, float] = {}
    timings: dict[str, list[float]] = {}
    try:
        with Workspace.open(str(path)) as ws:
            app = CirclesortApp(ws)
            app.offer_settings = False  # where the app offers the settings once: not timed here
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.pause()
                for look in ("first look (every step new)", "second look (plan kept)"):
                    sort = app.screen
                    assert isinstance(sort, SortScreen)
                    drawn.clear()
                    begin = time.perf_counter()
                    sort.action_plan()
                    while not drawn:
                        await asyncio.sleep(0.002)
                    opened[look] = drawn[0] - begin
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                    screen = app.screen
                    assert isinstance(screen, PlanScreen)
                    if look.startswith("first"):
                        await screen.run_action("back")
                        await pilot.pause()
                steps = len(screen.steps)

                def timed(name: str, action, times: int = 30) -> None:
                    for _ in range(times):
                        begin = time.perf_counter()
                        action()
                        for y in range(screen.list.size.height):  # what the next frame draws
                            screen.list.render_line(y)
                        timings.setdefault(name, []).append(time.perf_counter() - begin)

                async def ticks(name: str, action, times: int = 20) -> None:
                    for _ in range(times):  # one at a time, the worker done in between, as a person ticks
                        timed(name, action, 1)
                        real_ready = screen.plan_ready

                        def ready(real_ready=real_ready) -> None:
                            begin = time.perf_counter()
                            real_ready()
                            timings.setdefault("the new plan drawn (after a tick)", []).append(
                                time.perf_counter() - begin
                            )

                        screen.plan_ready = ready  # type: ignore[method-assign]
                        await app.workers.wait_for_complete()
                        await pilot.pause()
                        del screen.plan_ready

                timed("move down (j)", lambda: screen.action_move(1))
                timed(
                    "the step in full, after a move",
                    lambda: screen.on_step_list_highlighted(StepList.Highlighted(screen.list.current)),
                )
                timed("page down", lambda: screen.list.action_page(1), 10)
                timed("move up (k)", lambda: screen.action_move(-1))
                await ticks("tick (space)", screen.action_tick)
                await ticks("skip (s)", lambda: screen.action_mark("skipped"), 10)
                timed("view (v)", screen.action_cycle_view, 8)
                timed("network (n)", screen.action_cycle_network, 12)
                await pilot.pause()
    finally:
        StepList.render_line = real_render  # type: ignore[method-assign]
    return opened, timings, steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.15)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["CIRCLESORT_CONFIG"] = str(folder / "config")  # the default settings
        source = decided_workspace(folder, args.scale)
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        runs = []
        for n in range(args.runs):
            path = folder / f"run{n}.sqlite"
            shutil.copy(source, path)
            runs.append(asyncio.run(one_run(path)))
        print(f"plan steps: {runs[0][2]:,}")
        for look in runs[0][0]:
            print(
                f"P to the first due steps drawn, {look:<28} "
                f"{statistics.median(r[0][look] for r in runs) * 1000:7.0f} ms (median of {args.runs})"
            )
        print(f"{'key':<36} {'median':>8} {'worst':>8}  (ms of work on the event loop)")
        for name in runs[0][1]:
            values = [v for r in runs for v in r[1][name]]
            print(f"{name:<36} {statistics.median(values) * 1000:8.2f} {max(values) * 1000:8.2f}")
        print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
