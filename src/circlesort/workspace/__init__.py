"""The workspace: everything the user imported and decided, in one SQLite file, kept between runs.

Workspace.open(name_or_path) -> a locked, migrated workspace (store.py), read through its
                                methods (reads.py), changed by ws.apply(change) (changes.py)
import_paths(ws, paths)        -> exports in, gone accounts marked, matching again (importing.py)
decisions export / import      -> a YAML keep-list a person can edit (decisions_file.py)

SQL lives in this package only: the rest of circlesort reads typed rows (rows.py).
"""

from circlesort.workspace.importing import ImportSummary, import_paths
from circlesort.workspace.store import CATEGORIES, UNDECIDED, PersonRow, Workspace

__all__ = ["CATEGORIES", "UNDECIDED", "ImportSummary", "PersonRow", "Workspace", "import_paths"]
