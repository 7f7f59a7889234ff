"""Date parsing, one function per kind of date the exports write. Never a global guess.

Every reader returns None for what is no date, including dates out of range: never raises.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from functools import lru_cache

_MIN_TS = 946684800  # 2000-01-01: earlier "timestamps" are placeholders, not dates
_MAX_TS = 4102444800  # 2100-01-01


def from_unix(value: object) -> str | None:
    """Meta's Unix seconds as an ISO date-time in UTC; None for missing or absurd values."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        ts = float(value)
    except (ValueError, OverflowError):  # an integer too large for a float
        return None
    if ts > _MAX_TS * 100:  # milliseconds
        ts /= 1000
    if not _MIN_TS <= ts <= _MAX_TS:
        return None
    return datetime.fromtimestamp(int(ts), UTC).isoformat(timespec="seconds")


def _parse(text: str, formats: tuple[str, ...]) -> datetime | None:
    """The first of ``formats`` that reads ``text``."""
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


# LinkedIn: one reader for every file's dates, as LinkedIn wrote them and as spreadsheets re-save
# them. Connected On "08 Feb 2026" (2018 exports: "1/8/18, 6:14 PM"), Sent At "1/29/26, 2:37 PM",
# Member_Follows "2024-02-19 17:32:21"; Excel re-saves "9-Sep-22", "1/8/2018", "1/8/2018 18:14",
# Spanish "30-oct-09", Danish "16.09.2021". Slashes are month first, as LinkedIn writes them; a
# day-first spreadsheet that re-saves "9/4/21" writes "09-04-2021", the digits still month first.
_LINKEDIN_FORMATS = (
    "%d %b %Y", "%d-%b-%y", "%d-%b-%Y", "%m/%d/%y, %I:%M %p", "%m/%d/%Y, %I:%M %p", "%m/%d/%y, %H:%M",
    "%m/%d/%Y", "%m/%d/%y", "%m/%d/%Y %H:%M", "%m/%d/%y %H:%M", "%m/%d/%Y %I:%M %p", "%m/%d/%y %I:%M %p",
    "%m-%d-%Y", "%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d %H:%M:%S UTC", "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M:%S UTC", "%Y-%m-%d", "%d %B %Y", "%b %d, %Y", "%Y/%m/%d",
)
# Month abbreviations of the re-saves seen that strptime's English "%b" does not read.
_LINKEDIN_MONTHS = {"ene": "Jan", "abr": "Apr", "ago": "Aug", "dic": "Dec", "sept": "Sep"}
_WORD = re.compile(r"[^\W\d_]+")


def linkedin_date(text: object) -> str | None:
    """Any LinkedIn file's date: an ISO date, or a date-time to the minute when it gives the time
    (no time zone is given: kept as written)."""
    return _linkedin_date(" ".join(text.split())) if isinstance(text, str) else None


linkedin_datetime = linkedin_date  # the one reader, under the name Sent At used


@lru_cache(maxsize=4096)  # a few thousand rows share each day; bounded against a hostile file
def _linkedin_date(text: str) -> str | None:
    words = _WORD.sub(lambda m: _LINKEDIN_MONTHS.get(m[0].lower(), m[0]), text)
    for fmt in _LINKEDIN_FORMATS:
        try:
            parsed = datetime.strptime(words, fmt)
        except ValueError:
            continue
        timed = "%H" in fmt or "%I" in fmt
        return parsed.isoformat(timespec="minutes") if timed else parsed.date().isoformat()
    return iso_loose(text)


def iso_loose(text: object) -> str | None:
    """An ISO 8601 date or date-time in any of its common spellings, else None."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
        if not m:
            return None
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    if len(text) <= 10:
        return parsed.date().isoformat()
    if parsed.tzinfo is not None:
        try:
            parsed = parsed.astimezone(UTC)
        except OverflowError:  # year 1 or 9999, moved by its offset past the calendar's end
            return None
    return parsed.isoformat(timespec="seconds")


# Meta HTML exports: "Nov 14, 2023 10:13:20 pm", "Nov 08, 2005 4:19:54 am"; localized forms
# in other languages are left undated rather than guessed.
_HTML_FORMATS = ("%b %d, %Y %I:%M:%S %p", "%b %d, %Y %I:%M %p", "%b %d, %Y, %I:%M %p",
                 "%B %d, %Y %I:%M:%S %p", "%b %d, %Y", "%d %b %Y, %H:%M", "%d. %b %Y, %H:%M")


# German exports abbreviate months their own way ("14. Nov. 2023, 22:13", "3. Okt. 2021").
_MONTHS = {"mär": "Mar", "mrz": "Mar", "mai": "May", "okt": "Oct", "dez": "Dec", "sept": "Sep",
           "juni": "Jun", "juli": "Jul"}


def html_date(text: object) -> str | None:
    if not isinstance(text, str):
        return None
    text = re.sub(r"\b([A-Za-zä]{3,4})\.", r"\1", " ".join(text.split()))
    text = re.sub(r"\b([A-Za-zä]{3,4})\b", lambda m: _MONTHS.get(m[1].lower(), m[1]), text)
    parsed = _parse(text, _HTML_FORMATS)
    return parsed.isoformat(timespec="seconds") if parsed else iso_loose(text)
