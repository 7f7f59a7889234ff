"""The only place export data becomes something Textual renders: never through markup."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from circlesort.importers.text import clean


def plain(value: object) -> Content:
    """Data for Static, Label, Button, border titles: shown literally, brackets and all."""
    return Content(clean(value))


def lines(values: list[object]) -> Content:
    """Several data strings, one a line, shown literally."""
    return Content("\n".join(clean(v) for v in values))


def cell(value: object) -> Text:
    """Data for DataTable cells (str cells would be parsed as markup)."""
    return Text(clean(value), no_wrap=True, overflow="ellipsis")


def styled(template: str, **values: object) -> Content:
    """Our own markup with data only as $variables, which are never parsed."""
    return Content.from_markup(template, **{k: clean(v) for k, v in values.items()})
