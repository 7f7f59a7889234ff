"""Opening a link in the user's graphical browser, never in the terminal the app runs in.

Python's `webbrowser` falls back to console browsers (lynx, w3m), which would take over the
app's terminal and block it, and Textual's `open_url` cannot tell whether anything opened. So
circlesort asks the desktop itself (`open` on macOS, the file association on Windows,
`xdg-open` or `gio open` where a graphical session is running), from a worker thread, in a
session of its own with no terminal. Where there is none (over SSH, a console), nothing is
started: the URL, always shown beside the step, is the answer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable

from textual.message import Message
from textual.message_pump import MessagePump

UrlOpener = Callable[[str], bool]


def desktop_command(url: str) -> list[str] | None:
    """The command that hands ``url`` to a graphical browser here, or None when none can be."""
    if sys.platform == "darwin":
        return ["open", url]
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return None  # no graphical session: over SSH, or a console
    if shutil.which("xdg-open"):
        return ["xdg-open", url]
    if shutil.which("gio"):
        return ["gio", "open", url]
    return None


def open_in_browser(url: str) -> bool:
    """Hand an https link to the desktop's browser; True when something was started. Blocking for
    as long as starting a process takes: call it from a worker thread."""
    if not url.startswith("https://"):
        return False
    if sys.platform == "win32":
        try:
            os.startfile(url)  # type: ignore[attr-defined]  # the default browser, through the shell
        except OSError:
            return False
        return True
    command = desktop_command(url)
    if command is None:
        return False
    try:
        subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )
    except OSError:
        return False
    return True


class LinkOpened(Message):
    """A link was handed to the browser (``opened``), or could not be: the URL is the answer."""

    def __init__(self, url: str, opened: bool) -> None:
        super().__init__()
        self.url = url
        self.opened = opened


def open_link(node: MessagePump, url: str) -> None:
    """Open ``url`` from a worker thread with the app's opener; ``node`` then hears LinkOpened
    (it bubbles up to the app, which says what happened and shows the URL)."""
    app = node.app
    opener: UrlOpener = getattr(app, "url_opener", open_in_browser)

    def work() -> None:
        try:
            opened = opener(url)
        except Exception:  # an opener that fails is a link not opened, never a crash
            opened = False
        node.post_message(LinkOpened(url, opened))

    app.run_worker(work, thread=True, group="open-link", exit_on_error=False)
