"""Every screen's keys, as Textual bindings built from circlesort's key table (planning/keytable.py).

Each binding carries its id, which is what a user's keymap names; the app applies the keymap
with App.set_keymap, and the help list and the palette show the keys it gives (``mapped``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.binding import Binding, BindingType

from circlesort.planning import keytable
from circlesort.planning.keytable import Key


def bindings(keys: Iterable[Key]) -> list[BindingType]:
    return [
        Binding(
            k.keys,
            k.action,
            k.description,
            show=k.show,
            tooltip=k.tooltip,
            priority=k.priority,
            id=k.id,
        )
        for k in keys
    ]


def mapped(found: Iterable[BindingType], keymap: Mapping[str, str]) -> list[Binding]:
    """The bindings among ``found``, each with the keys the keymap gives it."""
    return [
        b.with_key(keymap[b.id]) if b.id is not None and b.id in keymap else b
        for b in found
        if isinstance(b, Binding)
    ]


APP_KEYS = bindings(keytable.APP)
SORT_KEYS = bindings(keytable.SORT)
LIST_KEYS = bindings(keytable.LIST)
PLAN_KEYS = bindings(keytable.PLAN)
REQUESTS_KEYS = bindings(keytable.REQUESTS)
REVIEW_KEYS = bindings(keytable.REVIEW)
SUMMARY_KEYS = bindings(keytable.SUMMARY)
SETTINGS_KEYS = bindings(keytable.SETTINGS)
IMPORT_KEYS = bindings(keytable.IMPORT)
CONFIRM_KEYS = bindings(keytable.CONFIRM)
IMPORT_PATH_KEYS = bindings(keytable.IMPORT_PATH)
CHOOSE_KEYS = bindings(keytable.CHOOSE)
HELP_KEYS = bindings(keytable.HELP)
