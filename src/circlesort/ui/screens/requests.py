"""The requests queue: one list across networks, oldest first, one key per answer."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from circlesort.importers.text import clean
from circlesort.planning.derive import link_of
from circlesort.planning.words import network_name
from circlesort.rules.suggest import Rule
from circlesort.ui import talk_words
from circlesort.ui.failures import saves
from circlesort.ui.footer import FittedFooter
from circlesort.ui.keys import REQUESTS_KEYS
from circlesort.ui.opener import open_link
from circlesort.ui.screens.modals import Confirm, show_help
from circlesort.ui.text import cell
from circlesort.workspace import Workspace
from circlesort.workspace.changes import Effect
from circlesort.workspace.requests import (
    Request,
    answer,
    answer_all,
    choice,
    describe,
    grouped,
    open_question,
    presence,
    queue,
    suggested_answer,
)

COLUMNS = (("age", 9), ("network", 9), ("", 8), ("name", 26), ("answer", 44))
REQUESTS_NOTES = (
    "1 2 3 mean what they mean on the sorting screen, and set the person's category too:\n"
    "personal accepts; professional declines and connects on LinkedIn (on LinkedIn, accepts);\n"
    "page declines and sends your Page's link. The line under the list says it for each request."
)
CHOICES = (("1", "accept"), ("2", "decline-linkedin"), ("3", "decline-page"))


def column_widths(width: int) -> list[int]:
    """The columns' widths in a table ``width`` cells wide (each column takes 2 more cells of
    padding, the scroll bar 2): the answer, the widest, shrinks first, to 20, then the name, to
    16, then both to 12 and 10; their cells cut with "…" (ui/text.cell). Room past them widens
    the answer."""
    sizes = [w for _, w in COLUMNS]
    spare = width - 2 - sum(sizes) - 2 * len(sizes)
    for index, least in ((4, 20), (3, 16), (4, 12), (3, 10)):
        cut = max(0, min(-spare, sizes[index] - least))
        sizes[index] -= cut
        spare += cut
    sizes[4] += max(spare, 0)
    return sizes


def age_words(days: int | None) -> str:
    """An age as a person says it: "today", "5 days", "3 weeks", "4 months", "11 years"."""
    if days is None:
        return ""
    for limit, size, unit in ((1, 1, ""), (14, 1, "day"), (60, 7, "week"), (730, 30, "month")):
        if days < limit:
            return f"{days // size} {unit}{'s' if days // size != 1 else ''}" if unit else "today"
    return f"{days // 365} years"


class RequestsScreen(FittedFooter[bool]):
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
        self._columns(self.app.size.width)
        self._load()
        table.focus()

    def _columns(self, width: int) -> None:
        """Fixed widths (DataTable mis-draws otherwise), made to fit ``width``."""
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for (label, _), size in zip(COLUMNS, column_widths(width), strict=True):
            table.add_column(label, width=size)

    def on_resize(self) -> None:
        table = self.query_one(DataTable)
        if [c.width for c in table.columns.values()] != column_widths(self.size.width):
            self._columns(self.size.width)
            self._load(table.cursor_row)

    def _load(self, at: int = 0) -> None:
        self.requests = grouped(queue(self.ws))
        self.categories = self.ws.categories_of({r.person for r in self.requests})
        table = self.query_one(DataTable)
        table.clear()
        previous = ""
        for r in self.requests:
            same = r.person == previous  # the same person's requests on several networks, together
            previous = r.person
            table.add_row(
                cell(age_words(r.age_days())),
                cell(network_name(r.account.network)),
                cell(r.direction),
                cell(("└ " if same else "") + r.account.display_name),
                cell(self._answer_text(r)),
            )
        waiting = sum(r.direction == "incoming" and open_question(r) for r in self.requests)
        self.query_one("#title", Static).update(
            Content(f"Requests: {waiting} waiting for an answer · {len(self.requests)} in all, oldest first")
        )
        if self.requests:
            table.move_cursor(row=min(at, len(self.requests) - 1))
        self._detail()

    def _answer_text(self, r: Request) -> str:
        if r.answer and r.answer != "later":
            return describe(r.answer, r.account.network)
        hint = suggested_answer(r, self.rules, self.categories.get(r.person))
        later = "later" if r.answer else ""
        return " · ".join(
            w for w in (later, f"→ {describe(hint[0], r.account.network)}" if hint else "") if w
        )

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
        parts: list = [
            (clean(r.account.display_name), "bold"),
            f"  {r.direction} on {network_name(r.account.network)}",
        ]
        if r.since:
            parts.append(f", since {r.since[:10]}")
        parts.append("\n")  # what each key does to this request, on this network, first: always in sight
        if r.direction == "incoming":
            for key, value in CHOICES:
                parts += [(key, "bold $accent"), f" {choice(value, r.account.network)}  "]
        else:
            parts += [("d", "bold $accent"), " Withdraw it  ", ("l", "bold $accent"), " Later"]
        hint = suggested_answer(r, self.rules, self.categories.get(r.person))
        if hint and open_question(r):
            parts += ["\n", ("a", "bold $accent"), " Suggested: ", describe(hint[0], r.account.network)]
            parts += [" — ", clean(hint[1])]
        if said := talk_words.summary((r.account, *r.elsewhere), r.ends):
            parts += ["\n", ("Messages with them: ", "bold"), said]
        if r.message:  # the note that came with the request: the export keeps it, and so does circlesort
            parts += ["\n", ("“" + clean(r.message) + "”", "italic")]
        for line in presence(r):
            parts += ["\n", clean(line)]
        detail.update(Content.assemble(*parts))

    def _suggestion(self, r: Request) -> str | None:
        """The suggested answer of a request still open, or None."""
        if not open_question(r):
            return None
        hint = suggested_answer(r, self.rules, self.categories.get(r.person))
        return hint[0] if hint else None

    def action_accept(self) -> None:
        r = self.current
        value = self._suggestion(r) if r else None
        if value is None:
            self.notify("No suggested answer for this request: 1, 2 or 3 answers it.", markup=False)
            return
        self.action_answer(value)

    def action_accept_shown(self) -> None:
        """Every open request shown that has a suggestion gets it, after asking."""
        found = [(r, v) for r in self.requests if (v := self._suggestion(r))]
        if not found:
            self.notify("No suggested answers among the requests shown.", markup=False)
            return
        counts: dict[str, int] = {}
        for r, v in found:
            counts[choice(v, r.account.network)] = counts.get(choice(v, r.account.network), 0) + 1
        words = ", ".join(f"{n} {w.lower()}" for w, n in counts.items())
        question = f"Answer {len(found)} requests as suggested ({words})? One undo takes them back."
        self.app.push_screen(Confirm(question), lambda yes: yes and self._answer_all(found))

    @saves
    def _answer_all(self, found: list[tuple[Request, str]]) -> None:
        answer_all(self.ws, found, f"answered {len(found)} requests as suggested")
        self.changed = True
        self._load(self.query_one(DataTable).cursor_row)

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

    def action_jump(self, where: int) -> None:
        self.query_one(DataTable).move_cursor(row=where if where >= 0 else len(self.requests) - 1)

    def action_help(self) -> None:
        show_help(self, "Requests: keys", REQUESTS_NOTES)

    def action_back(self) -> None:
        self.dismiss(self.changed)
