"""The files a network imports itself: Mastodon's following list, and a Google Contacts CSV.

google_contacts.csv has the columns Google Contacts exports today (First Name, Middle Name, Last
Name, ..., Labels, E-mail 1 - Label, E-mail 1 - Value, ..., Phone 1 - Label, Phone 1 - Value, ...),
one row per decided contact with every e-mail address and phone number it has, so that Google's
"Merge & fix" recognises each row as a copy of the contact already there and merges the new label
into it. mastodon_following.csv is Mastodon's own "Following list" import format.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from circlesort.model import Network
from circlesort.planning.current import Plan
from circlesort.planning.steps import Due, StepKind
from circlesort.planning.words import CATEGORY_LABELS
from circlesort.workspace import Workspace

MASTODON_HEADER = ["Account address", "Show boosts", "Notify on new posts", "Languages"]
# Google Contacts' own export, up to the repeated e-mail and phone columns.
GOOGLE_NAMES = [
    "First Name",
    "Middle Name",
    "Last Name",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Photo",
    "Labels",
]
MY_CONTACTS = "* myContacts"  # the label Google gives every contact in "Contacts"


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run: formulas start with = + - @ (or a tab or return).

    A phone number ("+34 612 345 678") starts with + and holds nothing a spreadsheet could run,
    so it stays as it is for the contacts import."""
    text = "" if value is None else str(value)
    if text[:1] in ("+", "-") and _NUMBER.fullmatch(text):
        return text
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


_NUMBER = re.compile(r"[+-][\d\s().-]*")


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([safe_cell(c) for c in row] for row in rows)
    return out.getvalue()


def mastodon_files(plan: Plan, limit: int) -> dict[str, str]:
    """Mastodon's import format, for the professional account: the follows still to do,
    deduplicated, split under the limit ({} when there are none)."""
    follows = [
        s.step.target
        for s in plan.steps
        if s.step.kind == StepKind.FOLLOW_FROM and s.step.network == Network.MASTODON and s.due == Due.NOW
    ]
    addresses = list(dict.fromkeys(follows))
    chunks = [addresses[i : i + limit] for i in range(0, len(addresses), limit)]
    return {
        (f"mastodon_following_{n}.csv" if len(chunks) > 1 else "mastodon_following.csv"): csv_text(
            [MASTODON_HEADER] + [[a, "true", "false", ""] for a in chunk]
        )
        for n, chunk in enumerate(chunks, 1)
    }


def google_contacts(ws: Workspace, plan: Plan) -> tuple[str, int]:
    """google_contacts.csv, and how many contacts it holds: the contact of every label step the
    plan still has (one per decided person's contact), labelled Personal, Professional or Page."""
    labels = {
        s.step.target: CATEGORY_LABELS[s.step.category]
        for s in plan.steps
        if s.step.kind == StepKind.LABEL
        and s.step.network == Network.CONTACTS
        and s.due != Due.NOT_NEEDED
        and s.step.category in CATEGORY_LABELS
    }
    # The contacts still in the export: gone ones are left out.
    found = {a.key: a for a in ws.accounts(networks=[Network.CONTACTS])} if labels else {}
    contacts = [(found[key], label) for key, label in labels.items() if key in found]
    emails = max((len(a.emails) for a, _ in contacts), default=0) or 1
    phones = max((len(a.phones) for a, _ in contacts), default=0) or 1
    header: list[object] = [
        *GOOGLE_NAMES,
        *(f"E-mail {n} - {part}" for n in range(1, emails + 1) for part in ("Label", "Value")),
        *(f"Phone {n} - {part}" for n in range(1, phones + 1) for part in ("Label", "Value")),
    ]
    rows: list[list[object]] = [header]
    for a, label in contacts:
        first, last = (a.first_name, a.last_name) if a.first_name or a.last_name else (a.display_name, "")
        # "File As" keeps the name the contact is shown by ("Oskar (brother)") when it is not the two parts.
        shown_as = a.display_name if a.display_name != " ".join(filter(None, (first, last))) else ""
        row: list[object] = [
            first,
            "",
            last,
            "",
            "",
            "",
            "",
            "",
            "",
            shown_as,
            a.company,
            a.position,
            "",
            "",
            "",
            "",
            f"{label} ::: {MY_CONTACTS}",
        ]
        row += [cell for i in range(emails) for cell in ("", a.emails[i] if i < len(a.emails) else "")]
        named = dict(a.phone_labels)
        row += [
            cell
            for i in range(phones)
            for cell in ((named.get(a.phones[i], ""), a.phones[i]) if i < len(a.phones) else ("", ""))
        ]
        rows.append(row)
    return csv_text(rows), len(contacts)
