"""The requests queue: one list across networks, oldest first, one key per answer."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from circlesort.importers.text import clean
from circlesort.planning.derive import link_of
from circlesort.rules.suggest import Rule
from circlesort.ui.failures import saves
from circlesort.ui.keys import REQUESTS_KEYS
from circlesort.ui.opener import open_link
from circlesort.ui.text import cell
from circlesort.workspace import Workspace
from circlesort.workspace.changes import Effect
from circlesort.workspace.requests import Request, answer, describe, presence, queue, suggested_answer

COLUMNS = (("age", 9), ("network", 10), ("", 9), ("name", 26), ("answer", 44))


class RequestsScreen(Screen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = REQUESTS_KEYS
    DEFAULT_CSS = """
    RequestsScreen DataTable { height: 1fr; }
    RequestsScreen #detail { height: auto; max-height: 12; padding: 0 1; border-top: tall $panel; }
    RequestsScreen #title { padding: 0 1; background: $panel; }
    """

    def __init__(self, ws: Workspace, rules: list[Rule]) -> None:
        super().__init__()
        self.ws, self.rules = ws, rules
        self.requests: list[Request] = []
        self.changed = False

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Static(id="detail")
        yield Footer(show_command_palette=False)  # ctrl+p still opens it; the keys need the room

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in COLUMNS:
            table.add_column(label, width=width)  # fixed widths: DataTable mis-draws otherwise
        self._load()
        table.focus()

    def _load(self, at: int = 0) -> None:
        self.requests = queue(self.ws)
        self.categories = self.ws.categories_of({r.person for r in self.requests})
        table = self.query_one(DataTable)
        table.clear()
        for r in self.requests:
            age = r.age_days()
            table.add_row(
                cell(f"{age} days" if age is not None else ""),
                cell(r.account.network),
                cell(r.direction),
                cell(r.account.display_name),
                cell(self._answer_text(r)),
            )
        waiting = sum(r.direction == "incoming" and not r.answer for r in self.requests)
        self.query_one("#title", Static).update(
            Content(f"Requests: {waiting} waiting for an answer · {len(self.requests)} in all, oldest first")
        )
        if self.requests:
            table.move_cursor(row=min(at, len(self.requests) - 1))
        self._detail()

    def _answer_text(self, r: Request) -> str:
        if r.answer:
            return describe(r.answer, r.account.network)
        hint = suggested_answer(r, self.rules, self.categories.get(r.person))
        return f"→ {describe(hint[0], r.account.network)}" if hint else ""

    @property
    def current(self) -> Request | None:
        row = self.query_one(DataTable).cursor_row
        return self.requests[row] if self.requests and 0 <= row < len(self.requests) else None

    @on(DataTable.RowHighlighted)
    def _detail(self) -> None:
        r = self.current
        detail = self.query_one("#detail", Static)
        if r is None:
            detail.update(Content("No requests: nothing is waiting."))
            return
        parts: list = [(clean(r.account.display_name), "bold"), f"  {r.direction} on {r.account.network}"]
        if r.since:
            parts.append(f", since {r.since[:10]}")
        if r.message:
            parts += ["\n", ("“" + clean(r.message) + "”", "italic")]
        for line in presence(r):
            parts += ["\n", clean(line)]
        hint = suggested_answer(r, self.rules, self.categories.get(r.person))
        if hint and not r.answer:
            parts += [
                "\n",
                ("Suggested: ", "bold"),
                describe(hint[0], r.account.network),
                " — ",
                clean(hint[1]),
            ]
        detail.update(Content.assemble(*parts))

    @saves
    def action_answer(self, value: str) -> None:
        r = self.current
        if r is None:
            return
        if value == "withdraw" and r.direction != "outgoing":
            self.notify(
                "Withdraw is for requests you sent; this one is answered with 1, 2 or 3.", markup=False
            )
            return
        if value not in ("withdraw", "", "later") and r.direction == "outgoing":
            self.notify("This is a request you sent: d withdraws it, l leaves it for later.", markup=False)
            return
        at = self.query_one(DataTable).cursor_row
        answer(self.ws, r, value or None)
        self.changed = True
        self._load(at + 1)

    @saves
    def action_undo(self) -> None:
        self._step(self.ws.undo(), "Undone")

    @saves
    def action_redo(self) -> None:
        self._step(self.ws.redo(), "Redone")

    def _step(self, effect: Effect | None, verb: str) -> None:
        self.changed = True
        self._load(self.query_one(DataTable).cursor_row)
        self.notify(f"{verb}: {effect.label}" if effect else f"Nothing to {verb[:-1].lower()}.", markup=False)

    def action_open(self) -> None:
        """The highlighted request's account: its profile when the export gave a safe link, else
        the network's people search."""
        r = self.current
        if r is None:
            return
        url = link_of(r.account)
        if not url:
            self.notify(
                f"No link for this account: {r.account.network} has no profile page or search.", markup=False
            )
            return
        open_link(self, url)

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + step)

    def action_back(self) -> None:
        self.dismiss(self.changed)
