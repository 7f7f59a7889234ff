"""circlesort's Textual app: for now, the overview of what the loaded exports hold."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Header, Input, Static

from circlesort.importers import ImportResult
from circlesort.importers.text import counted
from circlesort.model import Account
from circlesort.ui.text import cell, lines, plain, styled

MAX_ROWS = 1000  # DataTable stalls past a few thousand rows; narrow the view instead
ALL = "all"


def _matches(account: Account, network: str, needle: str) -> bool:
    if network != ALL and account.network != network:
        return False
    if not needle:
        return True
    hay = f"{account.name} {account.handle or ''} {account.key} {account.company}".casefold()
    return all(word in hay for word in needle.split())


def _handle(account: Account) -> str:
    """What identifies the account besides its name: handle, e-mail or profile key."""
    if account.handle:
        return account.handle
    return account.key if account.key != account.display_name else ""


class CirclesortApp(App):
    """Browse every account the exports hold, by network and by search."""

    TITLE = "circlesort"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("slash", "search", "Search", id="search"),
        Binding("escape", "clear_search", "Clear search", show=False, id="clear_search"),
    ]

    def __init__(self, result: ImportResult | None) -> None:
        super().__init__()
        self.result = result
        self.network = ALL

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        if self.result is None:
            yield Static(plain("No exports loaded. Start circlesort with your exports: "
                               "circlesort PATH... (zips, folders or files), or try "
                               "circlesort demo."), id="welcome")
        else:
            with Horizontal(id="body"):
                yield DataTable(id="summary", cursor_type="row", zebra_stripes=False)
                with Vertical(id="main"):
                    yield Input(placeholder="Search names, handles, companies  ( / )", id="search")
                    yield DataTable(id="accounts", cursor_type="row", zebra_stripes=True)
                    yield Static(id="status")
            yield Static(id="warnings")
        yield Footer()

    def on_mount(self) -> None:
        if self.result is None:
            return
        summary = self.query_one("#summary", DataTable)
        summary.border_title = "Networks"
        summary.add_column(cell("Network"), width=10, key="network")
        summary.add_column(cell("Accounts"), width=8, key="count")
        per_network: dict[str, int] = {}
        for a in self.result.accounts:
            per_network[a.network] = per_network.get(a.network, 0) + 1
        summary.add_row(cell("all"), cell(f"{len(self.result.accounts):,}"), key=ALL)
        for network, n in sorted(per_network.items()):
            summary.add_row(cell(network), cell(f"{n:,}"), key=network)
        table = self.query_one("#accounts", DataTable)
        for label, width in (("Network", 9), ("Name", 24), ("Handle or e-mail", 22),
                             ("Relations", 26)):
            table.add_column(cell(label), width=width, key=label)
        warnings = self.query_one("#warnings", Static)
        warnings.border_title = "Warnings"
        if self.result.warnings:
            warnings.update(lines([f"• {w}" for w in self.result.warnings]))
        else:
            warnings.add_class("-empty")
        self.refill()
        table.focus()

    def refill(self) -> None:
        """Show the accounts of the chosen network that match the search."""
        assert self.result is not None
        needle = self.query_one("#search", Input).value.casefold().strip()
        shown = [a for a in self.result.accounts if _matches(a, self.network, needle)]
        table = self.query_one("#accounts", DataTable)
        table.clear()
        table.add_rows(
            (cell(a.network), cell(a.display_name), cell(_handle(a)),
             cell(", ".join(a.relations)))
            for a in shown[:MAX_ROWS]
        )
        total = len(shown)
        if total > MAX_ROWS:
            text = styled("Showing the first $n of $total: search to narrow",
                          n=f"{MAX_ROWS:,}", total=f"{total:,}")
        else:
            text = plain(counted(total, "account", "accounts"))
        self.query_one("#status", Static).update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "summary" and event.row_key.value != self.network:
            self.network = event.row_key.value or ALL
            self.refill()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#accounts", DataTable).focus()

    def action_search(self) -> None:
        if self.result is not None:
            self.query_one("#search", Input).focus()

    def action_clear_search(self) -> None:
        if self.result is not None:
            self.query_one("#search", Input).value = ""
            self.query_one("#accounts", DataTable).focus()
