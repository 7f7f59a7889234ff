"""Writes the disk refused: a keystroke whose step SQLite did not save says so and changes nothing.

A full disk or a workspace made read-only fails one statement; SQLite rolls that step back and
everything saved before stays saved, so the screen goes on as it was. A damaged workspace is
not passed over: the exception goes on to the app, which ends with one line and status 2.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from circlesort.workspace.failures import WorkspaceError

PASSING = ("full", "read-only", "busy", "io")  # the workspace is as it was before the step

F = TypeVar("F", bound=Callable[..., Any])


def not_saved_notice(app: Any, error: WorkspaceError) -> None:
    app.notify(str(error), title="Not saved", severity="error", markup=False, timeout=12)


def saves(method: F) -> F:
    """For a screen's method that writes to the workspace, written before the screen changes:
    when the disk refuses the write, the method stops there and the user is told."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except WorkspaceError as e:
            if e.kind not in PASSING:
                raise
            not_saved_notice(self.app, e)
            return None

    return wrapper  # type: ignore[return-value]
