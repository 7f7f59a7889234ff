"""What the plan and summary screens share: the current plan, worked out in a thread, and the
user's word on steps, saved by the same thread.

`current_plan` lays the decisions over the kept steps and saves them, which takes a moment on a
big workspace, so it runs in a worker that only posts a message; the screen draws the result.
The workspace has one connection, used by one thread at a time: a tick, an undo or a redo is
queued for the worker, which saves it (before anything else, so at once when it is idle), then
works the plan out again and posts it. The screen has already changed the row in memory, so a
key costs the event loop next to nothing. "Back" pressed meanwhile leaves once the worker is
done, never while a decision could be written beside it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from textual.message import Message
from textual.screen import Screen

from circlesort.errors import InputError
from circlesort.planning.current import Plan, current_plan, set_state
from circlesort.planning.settings import Settings, defaults, load_settings
from circlesort.planning.steps import StepState
from circlesort.ui.failures import PASSING
from circlesort.workspace import Workspace
from circlesort.workspace.failures import WorkspaceError


@dataclass(frozen=True)
class QueuedWrite:
    """A write queued for the worker: the user's word on steps, or an undo or redo."""

    seq: int
    kind: str  # "state", "undo" or "redo"
    ids: tuple[str, ...] = ()
    state: StepState | None = None
    label: str = ""


@dataclass(frozen=True)
class Done:
    """What a write came to: its journal label (undo, redo: None when there was nothing to take
    back), or the error the disk gave (nothing was saved then)."""

    write: QueuedWrite
    label: str | None = None
    error: WorkspaceError | None = None


class PlanWorkScreen(Screen):
    """A screen that shows the current plan once a worker has worked it out."""

    class Ready(Message):
        """The worker's result: the plan (or the error that stopped it), the writes it saved first
        (up to ``saved``, in order) and what each came to."""

        def __init__(
            self,
            plan: Plan | None,
            error: Exception | None = None,
            saved: int = 0,
            done: Sequence[Done] = (),
            last: bool = True,
            prepared: object = None,
        ) -> None:
            super().__init__()
            self.plan, self.error, self.saved, self.done = plan, error, saved, list(done)
            self.last = last  # the worker has ended
            self.prepared = prepared  # what prepare() made of the plan, in the worker

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.plan: Plan | None = None
        self.settings: Settings = defaults()  # until the file is read, in work_out
        self.problem = ""  # why there is no plan: unreadable settings, or a plan the disk refused
        self.bad_settings = False
        self.working = False  # a worker is running (reads and writes the workspace)
        self.leaving = False
        self.saved = 0  # the last write the worker has saved
        self.prepared: object = None
        self._lock = threading.Lock()  # guards the queue and the worker's coming and going
        self._queue: list[QueuedWrite] = []
        self._again = False
        self._seq = 0

    def work_out(self) -> None:
        """Read the settings and start the worker; a bad settings file is said, nothing worked out."""
        try:
            self.settings = load_settings()
        except InputError as e:
            self.problem, self.bad_settings = str(e), True
            self.plan_ready()
            return
        self.problem, self.bad_settings = "", False
        self._start(again=True)

    def queue_write(
        self, kind: str, ids: Sequence[str] = (), state: StepState | None = None, label: str = ""
    ) -> int:
        """Have the worker save this write, then work the plan out again; returns its number."""
        self._seq += 1
        with self._lock:
            self._queue.append(QueuedWrite(self._seq, kind, tuple(ids), state, label))
        self._start(again=False)
        return self._seq

    @property
    def unsaved(self) -> int:
        """Writes queued or under way, not yet saved."""
        return self._seq - self.saved

    def _start(self, again: bool) -> None:
        with self._lock:
            self._again = self._again or again
            if self.working:
                return  # the running worker takes it before it ends
            self.working = True
        self.run_worker(self._work, thread=True, group="plan", exit_on_error=False)

    def _work(self) -> None:
        """Off the event loop: save what is queued, work the plan out, post it; again while there
        is more. Talks to the screen only through its message."""
        while True:
            with self._lock:
                writes, self._queue = self._queue, []
                self._again = False
            plan, error, done, prepared = None, None, [], None
            try:
                done = [self._save(w) for w in writes]
                plan = None if self.leaving else current_plan(self.ws, self.settings)
                prepared = None if plan is None else self.prepare(plan)
            except Exception as e:  # handed to the event loop, which tells it or ends the app
                error = e
            with self._lock:
                last = error is not None or (not self._queue and not self._again)
                if last:
                    self.working = False  # before the message: its handler may start another
            self.post_message(self.Ready(plan, error, writes[-1].seq if writes else 0, done, last, prepared))
            if last:
                return

    def _save(self, w: QueuedWrite) -> Done:
        try:
            if w.kind in ("undo", "redo"):
                effect = self.ws.undo() if w.kind == "undo" else self.ws.redo()
                return Done(w, effect.label if effect else None)
            set_state(self.ws, w.ids, w.state, w.label)
            return Done(w, w.label)
        except WorkspaceError as e:
            if e.kind not in PASSING:
                raise
            return Done(w, None, e)

    def on_plan_work_screen_ready(self, message: Ready) -> None:
        self.saved = max(self.saved, message.saved)
        error = message.error
        if error is not None:
            if not (isinstance(error, WorkspaceError) and error.kind in PASSING):
                raise error  # a damaged workspace ends the app with one line (CirclesortApp)
            self.problem = f"The plan could not be saved, so it is not shown: {error}"
        elif message.plan is not None:
            self.problem = ""
        self.writes_done(message.done)
        if self.leaving:
            if message.last and not self.working:
                self.dismiss()
            return
        if message.plan is not None or error is not None:
            self.plan = message.plan
            self.prepared = message.prepared
            self.plan_ready()
        self.refresh_bindings()

    def prepare(self, plan: Plan) -> object:
        """In the worker, after the plan: what the screen would otherwise work out from it on the
        event loop (``self.prepared`` when plan_ready is called). Must not touch widgets."""
        return None

    def writes_done(self, done: list[Done]) -> None:
        """What the saved writes came to: for the screen that queued them."""

    def plan_ready(self) -> None:
        """Draw ``self.plan`` (or ``self.problem``): for the screen to fill in."""

    def leave_when_done(self) -> bool:
        """Go back now, or once the worker is done; True when the screen stays for now."""
        if self.working:
            self.leaving = True
            self.refresh_bindings()
            return True
        self.dismiss()
        return False
