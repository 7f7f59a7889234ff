"""The sorting screen: everyone in a list, one key per decision, the highlighted person in full.

Every decision is committed to the workspace before the screen moves on; the list redraws only
the rows it shows, so a keystroke costs the same with 50 people or 50,000.
"""

from __future__ import annotations

import gc
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from circlesort.model import Tier
from circlesort.planning.preview import for_card, settings_or_none
from circlesort.rules.suggest import CategorySuggestion, Rule, load_rules
from circlesort.ui.failures import saves
from circlesort.ui.footer import FittedFooter
from circlesort.ui.keys import SORT_KEYS
from circlesort.ui.opener import open_link
from circlesort.ui.screens import import_prompt, sort_cursor, sort_links
from circlesort.ui.screens.modals import Confirm, Help
from circlesort.ui.screens.settings import SettingsSaved
from circlesort.ui.screens.sort_status import ShownMixin, accept_question, import_notice
from circlesort.ui.widgets.people_list import PeopleList
from circlesort.ui.widgets.person_card import PersonCard, link_to_open
from circlesort.ui.widgets.search_box import SearchBox
from circlesort.ui.words import CATEGORY_WORDS
from circlesort.workspace import CATEGORIES, UNDECIDED, ImportSummary, Workspace
from circlesort.workspace.changes import Decide, DecideMany, Effect
from circlesort.workspace.detail import person_detail
from circlesort.workspace.roster import Filter, Roster, Row
from circlesort.workspace.roster_groups import Order

CONFIRM_FROM = 2  # decisions touching this many people or more ask first
NARROW = 90  # below this many columns the card goes under the list
TIERS = (None, Tier.LIKELY, Tier.CERTAIN)
HELP_NOTES = (
    "Search with / : words match names, usernames and keys; '@word' keeps people whose\n"
    "employer contains the word. Every decision is saved the moment you make it.\n"
    "ctrl+p opens the command palette: every action here, by name."
)


class SortScreen(ShownMixin, FittedFooter, Screen):
    # Focus is set at once in on_mount: the deferred automatic focus could land after the user's
    # first keys and pull focus back from the search box.
    AUTO_FOCUS = None
    BINDINGS: ClassVar[list[BindingType]] = SORT_KEYS

    def __init__(self, ws: Workspace, rules: list[Rule] | None = None) -> None:
        super().__init__()
        self.ws = ws
        self.rules = rules if rules is not None else load_rules()
        self.roster = Roster.load(ws)
        self.filter = Filter()
        self.order: str = Order.NAME
        self.networks = self._networks()
        self.settings = settings_or_none()  # read once: the card redraws on every cursor move
        self.here: str | None = None  # the person highlighted, and the search as typed: kept at
        self.searched = ""  # the end (on_unmount, when the widgets are gone already)

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal():
            yield PeopleList(self.roster, self.suggested, id="people")
            yield PersonCard(id="card")
        yield SearchBox("search names, usernames, @employer; enter keeps it, esc clears", id="search")
        yield Footer(show_command_palette=False)  # ctrl+p still opens it; the keys need the room

    def on_mount(self) -> None:
        """Where the user left off (the person, the filters, the search), else the first undecided."""
        place = sort_cursor.left_at(self.ws, self.networks)
        if place is None:
            self._apply_filter()
            sort_cursor.first_undecided(self.people)
        else:
            self.filter, search, person = place
            self._set_search(search)
            self._apply_filter(person)
        self.set_focus(self.people)

    def on_unmount(self) -> None:
        sort_cursor.keep_place(self.ws, self.here, self.filter, self.searched)

    def _networks(self) -> list[str]:
        return sorted({n for r in self.roster.rows for n in r.networks})

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")  # the card under the list, not beside

    def action_card_scroll(self, direction: int) -> None:
        """J / K: the card scrolls half its height, the list keeps its keys (and the focus)."""
        card = self.query_one(PersonCard)
        card.scroll_relative(y=direction * max(1, card.size.height // 2), animate=False)

    # --- what the screen shows -------------------------------------------------------------------

    @property
    def people(self) -> PeopleList:
        return self.query_one(PeopleList)

    def _apply_filter(self, keep: str | None = None, first: bool = False) -> None:
        """Show who the filter keeps; the cursor stays on ``keep``, else on the person it was on
        (``first``: on the first person shown, as after a search)."""
        current = self.people.current
        self._prepare()
        shown = self.roster.select(self.filter, self.order)
        # Ordered or filtered by messages: the list says how many, where it says the relations.
        self.people.talk_shown = self.order == Order.TALKED or bool(self.filter.talked_within_days)
        if first:
            self.people.cursor = 0
        self.people.show(shown, None if first else keep or (current.id if current else None))
        self._status()

    @on(PeopleList.Highlighted)
    def _show_person(self) -> None:
        row = self.people.current
        self.here = row.id if row else None
        card = self.query_one(PersonCard)
        if row is None:
            card.show("", UNDECIDED, None)
            return
        detail = person_detail(self.ws, row.id)
        card.show(
            row.name,
            row.category,
            detail,
            self.suggested(row),
            for_card(detail, row.name, row.category, self.settings),
        )

    def on_screen_resume(self) -> None:
        """Back from another screen (the settings', say): the settings file may have changed."""
        # The roster holds no reference cycles: frozen, the collector stops walking its 50,000
        # rows (a 60 ms stall on the first key after loading). The plan screen thaws on leaving.
        gc.freeze()
        if (settings := settings_or_none()) != self.settings:
            self.settings = settings
            self._show_person()

    def action_open(self) -> None:
        row = self.people.current
        url = link_to_open(person_detail(self.ws, row.id)) if row else ""
        if url:
            open_link(self, url)
        elif row:
            self.notify(
                "No link for this person: none of their networks has a profile page or a search.",
                markup=False,
            )

    def suggested(self, row: Row) -> CategorySuggestion | None:
        return self.roster.suggestion(row, self.rules)

    # --- decisions -------------------------------------------------------------------------------

    def action_decide(self, category: str) -> None:
        targets = (
            sorted(self.people.marked)
            if self.people.marked
            else ([self.people.current.id] if self.people.current else [])
        )
        if not targets:
            return
        if len(targets) >= CONFIRM_FROM:
            words = CATEGORY_WORDS.get(category, category)
            question = f"Make {len(targets):,} people “{words}”? One undo takes it back."
            self.app.push_screen(Confirm(question), lambda yes: yes and self._decide(targets, category))
        else:
            self._decide(targets, category)

    @saves
    def _decide(self, targets: list[str], category: str) -> None:
        view, cursor = self.people.view, self.people.cursor
        effect = self.ws.apply(Decide(targets, None if category == UNDECIDED else category))
        self.people.marked.clear()
        self._refresh(effect)
        # One person: on to the next; several: the row it stood on counts when it is still undecided.
        sort_cursor.move_on(self.people, view, cursor, inclusive=len(targets) > 1)

    def action_accept(self) -> None:
        row = self.people.current
        found = self.suggested(row) if row else None
        if row is None or found is None:
            self.notify("No suggestion for this person.", markup=False)
            return
        self._decide([row.id], found.category)

    def action_accept_shown(self) -> None:
        """Every undecided person shown who has a suggestion gets it, after asking."""
        rows = [self.roster.rows[i] for i in self.people.view]
        by_category: dict[str, list[str]] = {}
        suggestions = []
        for row in rows:
            found = self.suggested(row) if row.category == UNDECIDED else None
            if found:
                by_category.setdefault(found.category, []).append(row.id)
                suggestions.append(found)
        total = sum(len(v) for v in by_category.values())
        if not total:
            self.notify("No suggestions among the people shown.", markup=False)
            return

        @saves
        def accept(self: SortScreen, yes: bool | None) -> None:
            if yes:
                label = f"suggestions accepted for {total:,} people"
                view, cursor = self.people.view, self.people.cursor
                self._refresh(self.ws.apply(DecideMany(by_category, label)))
                sort_cursor.move_on(self.people, view, cursor, inclusive=True)

        self.app.push_screen(
            Confirm(accept_question(suggestions)),
            lambda yes: accept(self, yes),
        )

    @saves
    def action_undo(self) -> None:
        self._step(self.ws.undo(), "Undone")

    @saves
    def action_redo(self) -> None:
        self._step(self.ws.redo(), "Redone")

    def _step(self, effect: Effect | None, verb: str) -> None:
        if effect is None:
            self.notify(f"Nothing to {verb[:-1].lower()}.", markup=False)
            return
        self._refresh(effect)
        sort_cursor.go_to_people(self.people, effect.people)  # the next key decides who was undone
        self.notify(f"{verb}: {sort_cursor.step_words(effect, self.ws, self.people)}", markup=False)

    def _refresh(self, effect: Effect | None = None) -> None:
        """The one redraw after a change: the people it touched read again (everyone, and the
        marks let go, when who is who changed or ``effect`` is None: an import, another screen's
        changes), the view filtered again when who is shown may differ, the list, counts and card
        drawn."""
        self.pace_read = False  # a decision made, taken back or imported: the pace is read again
        if effect is None or effect.regrouped:
            self.roster = Roster.load(self.ws)
            gc.freeze()  # as on_screen_resume: the new roster out of the collector's way
            self.people.roster = self.roster
            self.people.marked.clear()
            self.networks = self._networks()  # an import may bring networks: n cycles through them
        else:
            self.roster.refresh_people(self.ws, set(effect.people))
        if effect is None or effect.regrouped or self.filter.by_decision:
            self._apply_filter()  # who is shown depends on the change; the cursor stays near where it was
        else:
            self._status()
        self.people.refresh()
        self._show_person()

    # --- marks, moves, filters, search -------------------------------------------------------------

    def action_mark(self) -> None:
        row = self.people.current
        if row is None:
            return
        self.people.marked.symmetric_difference_update({row.id})
        self.people.refresh_line(self.people.cursor)
        self.people.move_to(self.people.cursor + 1)
        self._status()

    def action_mark_all(self) -> None:
        shown = {self.roster.rows[i].id for i in self.people.view}
        self.people.marked = set() if shown <= self.people.marked else shown
        self.people.refresh()
        self._status()

    def action_move(self, delta: int) -> None:
        self.people.action_move(delta)

    def action_page(self, direction: int) -> None:
        self.people.action_page(direction)

    def action_jump(self, where: int) -> None:
        self.people.action_jump(where)

    def action_toggle_undecided(self) -> None:
        self.filter.undecided = not self.filter.undecided
        self._apply_filter()

    def action_toggle_new(self) -> None:
        self.filter.new = not self.filter.new
        self._apply_filter()

    def action_toggle_talked(self) -> None:
        """Only the people written to or from in the last year (of each network's messages)."""
        self.filter.talked_within_days = None if self.filter.talked_within_days else 365
        self._apply_filter()

    def action_cycle_network(self) -> None:
        choices = [None, *self.networks]
        self.filter.network = choices[(choices.index(self.filter.network) + 1) % len(choices)]
        self._apply_filter()

    def action_cycle_category(self) -> None:
        choices = [None, UNDECIDED, *CATEGORIES]
        self.filter.category = choices[(choices.index(self.filter.category) + 1) % len(choices)]
        self._apply_filter()

    def action_cycle_tier(self) -> None:
        self.filter.tier = TIERS[(TIERS.index(self.filter.tier) + 1) % len(TIERS)]
        self._apply_filter()

    def action_clear(self) -> None:
        """Esc clears the search and filters; with none left, a second Esc clears the marks."""
        if self.filter == Filter():
            self.people.marked.clear()
            self.people.refresh()
        self.filter = Filter()
        self._set_search("")
        self._apply_filter()  # the highlighted person stays highlighted, and on screen
        self.set_focus(self.people)

    def _set_search(self, value: str, hold: bool = True) -> None:
        """The filter takes the words of ``value`` (``hold``: the search box is set to it too)."""
        if hold:
            self.query_one(SearchBox).hold(value)
        self.searched = value
        sort_cursor.search_words(self.filter, value)

    def action_search(self) -> None:
        self.query_one(SearchBox).open()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        before = (self.filter.company, self.filter.text)
        self._set_search(self.query_one(SearchBox).value, hold=False)  # now: a fast typist's keys first
        if (self.filter.company, self.filter.text) != before:  # not when set by Esc or at the start
            self._apply_filter(first=True)  # on the first match

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.set_focus(self.people)

    def action_review(self) -> None:
        from circlesort.ui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen(self.ws), self._back_from)

    def action_requests(self) -> None:
        from circlesort.ui.screens.requests import RequestsScreen

        self.app.push_screen(RequestsScreen(self.ws, self.rules), self._back_from)

    def _back_from(self, changed: bool | None) -> None:
        """Back from reviewing matches or answering requests: everyone again if anything changed."""
        if changed:
            self._refresh()

    def action_import_exports(self) -> None:
        import_prompt.ask_and_import(self)  # where the exports are, then the import with progress

    def imported(self, summary: ImportSummary | None) -> None:
        """The import on top finished: everyone again, and what it did in a notice."""
        self._refresh()
        if summary is not None:
            narrow = self.size.width < 100  # the notice sits on the card: the first line only, briefly
            self.notify(import_notice(summary, narrow), markup=False, timeout=5 if narrow else 8)

    def action_plan(self) -> None:
        from circlesort.ui.screens.plan import PlanScreen

        self.app.push_screen(PlanScreen(self.ws))

    def on_settings_saved(self, message: SettingsSaved) -> None:
        """New employers, say: every suggestion is worked out again, with the rules just saved."""
        self.rules = message.rules
        self.roster = self.roster.afresh()  # the same people, no suggestion kept
        self.people.roster = self.roster
        self.people.refresh()
        self._show_person()

    def action_link_marked(self) -> None:
        sort_links.link_marked(self)  # asks which category when the people are in different ones

    def action_split(self) -> None:
        sort_links.split(self)  # asks first

    def action_summary(self) -> None:
        from circlesort.ui.screens.summary import SummaryScreen

        self.app.push_screen(SummaryScreen(self.roster, self.ws))

    def action_help(self) -> None:
        self.app.push_screen(
            Help("Sorting: keys", [b for b in self.BINDINGS if isinstance(b, Binding)], HELP_NOTES)
        )
