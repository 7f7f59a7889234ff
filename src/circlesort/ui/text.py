"""Export data in a DataTable: as Text cells, never as str cells (which DataTable reads as markup).

Everywhere else, data reaches the screen as plain pieces of Content (``Content(text)`` or
``Content.assemble((text, style), ...)``), never inside a markup string; importers have already
stripped control characters from every string (importers/text.py).
"""

from __future__ import annotations

from rich.text import Text

from circlesort.importers.text import clean


def cell(value: object) -> Text:
    """Data for DataTable cells (str cells would be parsed as markup)."""
    return Text(clean(value), no_wrap=True, overflow="ellipsis")
