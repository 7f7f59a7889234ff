"""Every key of the app has an id from the key table (keytable.py), with the table's keys."""

from __future__ import annotations

from textual.binding import Binding

from circlesort.keytable import DEFAULT_KEYS, GROUPS
from circlesort.ui.app import CirclesortApp
from circlesort.ui.screens.importing import ImportScreen
from circlesort.ui.screens.modals import Confirm, Help
from circlesort.ui.screens.plan import PlanScreen
from circlesort.ui.screens.requests import RequestsScreen
from circlesort.ui.screens.review import ReviewScreen
from circlesort.ui.screens.settings import SettingsScreen
from circlesort.ui.screens.sort import SortScreen
from circlesort.ui.screens.summary import SummaryScreen
from circlesort.ui.widgets.people_list import PeopleList
from circlesort.ui.widgets.step_list import StepList

KEYED = (
    CirclesortApp,
    SortScreen,
    PlanScreen,
    RequestsScreen,
    ReviewScreen,
    SummaryScreen,
    SettingsScreen,
    ImportScreen,
    Confirm,
    Help,
    PeopleList,
    StepList,
)


def test_every_binding_has_an_id_from_the_key_table_with_its_keys():
    ids = [k.id for _, group in GROUPS for k in group]
    assert len(ids) == len(set(ids))
    seen = set()
    for owner in KEYED:
        for b in owner.BINDINGS:
            assert isinstance(b, Binding) and b.id in DEFAULT_KEYS, (owner, b)
            assert b.key == DEFAULT_KEYS[b.id]
            seen.add(b.id)
    assert seen == set(DEFAULT_KEYS)  # and the table lists no key the app lacks
