"""Times the sorting screen on a workspace of about 50,000 people.

    python -m benchmarks.bench_tui [--scale 0.72]

1. Start: the real command line in a real terminal (tmux, 120x40) on an already-imported
   workspace, from launch until the sorting screen shows its counts.
2. Keystrokes: in the running app (headless), the work each key does on the event loop, timed
   around the action handler itself plus drawing the visible lines of the list (not Pilot's
   pauses): moving, deciding (committed to disk), marking, undoing, filtering, searching.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.export_writer import write_bundle


def start_time(workspace: Path) -> float | None:
    """Seconds from launch until the counts are on screen, in a real terminal; None without tmux."""
    if shutil.which("tmux") is None:
        return None
    session = "circlesort-bench"
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    cmd = f"{shlex.quote(sys.executable)} -m circlesort --workspace {shlex.quote(str(workspace))}"
    begin = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", cmd], check=True)
    try:
        while time.perf_counter() - begin < 60:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-t", session, "-p"], capture_output=True, text=True
            ).stdout
            if "Sorted " in screen and "to sort:" in screen:
                return time.perf_counter() - begin
            time.sleep(0.01)
        return None
    finally:
        subprocess.run(["tmux", "send-keys", "-t", session, "q"], capture_output=True)
        time.sleep(0.5)
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


async def keystrokes(workspace: Path) -> dict[str, list[float]]:
    from circlesort.ui.app import CirclesortApp
    from circlesort.ui.screens.sort import SortScreen
    from circlesort.workspace import Workspace

    timings: dict[str, list[float]] = {}
    with Workspace.open(str(workspace)) as ws:
        app = CirclesortApp(ws)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, SortScreen)

            def timed(name: str, action, times: int = 50) -> None:
                for _ in range(times):
                    begin = time.perf_counter()
                    action()
                    for y in range(screen.people.size.height):  # what the next frame draws
                        screen.people.render_line(y)
                    timings.setdefault(name, []).append(time.perf_counter() - begin)

            timed("move down (j)", lambda: screen.action_move(1))
            timed("decide keep-personal (1)", lambda: screen.action_decide("keep-personal"))
            timed("undo (u)", screen.action_undo, 20)
            timed("mark (space)", screen.action_mark)
            timed("page down", lambda: screen.action_page(1), 20)
            timed("undecided only (d)", screen.action_toggle_undecided, 10)
            timed("by network (n)", screen.action_cycle_network, 10)
            timed("people not to sort (e)", screen.action_toggle_aside, 10)
            timed("by suggestion (b)", screen.action_cycle_group, 10)  # the first works out everyone's
            timed("order (O)", screen.action_cycle_order, 8)  # the first of each order sorts once
            words = iter(["m", "ma", "mar", "mari", "maria"] * 4)

            def typed() -> None:  # what the search box's Changed handler does for each letter
                screen.filter.text = next(words)
                screen._apply_filter()

            timed("search, a letter typed", typed, 20)
            await pilot.pause()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.72)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        write_bundle(Path(tmp) / "exports", args.scale)
        workspace = Path(tmp) / "bench.circlesort"
        env = {**os.environ, "CIRCLESORT_HOME": str(Path(tmp) / "home")}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "circlesort",
                "--workspace",
                str(workspace),
                "import",
                str(Path(tmp) / "exports"),
            ],
            check=True,
            capture_output=True,
            env=env,
        )
        from circlesort.workspace import Workspace

        with Workspace.open(str(workspace)) as ws:
            print(f"workspace: {ws.counts()['people']:,} people, {ws.counts()['accounts']:,} accounts")
        seconds = start_time(workspace)
        print(
            f"start to counts on screen (tmux, 120x40): "
            f"{'not measured (no tmux)' if seconds is None else f'{seconds:.2f} s'}"
        )
        timings = asyncio.run(keystrokes(workspace))
        print(f"{'keystroke':<28} {'median':>8} {'max':>8}  (ms of work on the event loop)")
        for name, values in timings.items():
            print(f"{name:<28} {statistics.median(values) * 1000:8.2f} {max(values) * 1000:8.2f}")


if __name__ == "__main__":
    main()
