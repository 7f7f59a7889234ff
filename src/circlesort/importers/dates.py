"""Date parsing, one function per kind of date the exports write. Never a global guess.

Every reader returns None for what is no date, including dates out of range: never raises.
"""

from __future__ import annotations

import re
import unicodedata
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
    "%d %b %Y",
    "%d-%b-%y",
    "%d-%b-%Y",
    "%m/%d/%y, %I:%M %p",
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y, %H:%M",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%m/%d/%Y %H:%M",
    "%m/%d/%y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%y %I:%M %p",
    "%m-%d-%Y",
    "%d.%m.%Y",
    "%d.%m.%y",
    "%Y-%m-%d %H:%M:%S UTC",
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M:%S UTC",
    "%Y-%m-%d",
    "%d %B %Y",
    "%b %d, %Y",
    "%Y/%m/%d",
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


# Meta HTML exports write dates in the account's language, in a layout of their own per
# language: "Nov 14, 2023 10:13:20 pm", "feb. 03, 2024 5:08:06pm", "Mei 08, 2025 1:07 am",
# "14. Nov. 2023, 22:13", "14 jun. 2021 21:41", "Tháng 10 01, 2025 10:21:24 ch". So they are read
# by parts, not by format: a month name in any language below, a four-digit year, one day number,
# a time with its am/pm word. A date with a part missing or doubtful is no date.
_MONTH_NAMES = {
    1: "january jan enero ene janeiro janvier janv januar jänner jän gennaio gen januari "
    "styczeń stycznia sty ocak oca",
    2: "february feb febrero fevereiro fev février févr februar febbraio februari "
    "luty lutego lut şubat şub pebruari peb",
    3: "march mar marzo março mars märz mär mrz maart mrt marts marzec marca mart maret",
    4: "april apr abril abr avril avr aprile kwiecień kwietnia kwi nisan nis",
    5: "may mayo maio mai maggio mag mei maj maja mayıs",
    6: "june jun junio junho juin juni giugno giu czerwiec czerwca cze haziran haz",
    7: "july jul julio julho juillet juil juli luglio lug lipiec lipca lip temmuz tem",
    8: "august aug agosto ago août augustus augusti sierpień sierpnia sie ağustos ağu agustus agu agt ags",
    9: "september sep sept septiembre setiembre setembro set septembre settembre wrzesień "
    "września wrz eylül eyl",
    10: "october oct octubre outubro out octobre ottobre ott oktober okt październik "
    "października paź ekim eki",
    11: "november nov noviembre novembro novembre listopad listopada lis kasım kas nopember nop",
    12: "december dec diciembre dic dezembro dez décembre déc dezember dicembre desember des "
    "grudzień grudnia gru aralık ara",
}
# The words after a 12-hour time, accents taken off: am/pm and their translations (Turkish
# ÖÖ/ÖS, Vietnamese SA/CH, Swedish fm/em, Portuguese "da manhã" ...).
_AM = (
    "am",
    "a.m.",
    "a. m.",
    "vorm.",
    "fm",
    "f.m.",
    "oo",
    "sa",
    "sang",
    "da manha",
    "da madrugada",
    "de la manana",
    "de la madrugada",
)
_PM = (
    "pm",
    "p.m.",
    "p. m.",
    "nachm.",
    "em",
    "e.m.",
    "os",
    "ch",
    "chieu",
    "toi",
    "da tarde",
    "da noite",
    "de la tarde",
    "de la noche",
)
_MERIDIEM = {w: False for w in _AM} | {w: True for w in _PM}


def _plain(text: str) -> str:
    """Lower case without accents: "Août" and "aout", "ŞUB" and "şub" read alike."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("ı", "i"))
    return "".join(c for c in text if not unicodedata.combining(c))


_MONTH_WORDS = {_plain(w): m for m, words in _MONTH_NAMES.items() for w in words.split()}
_MERIDIEM_WORDS = "|".join(re.escape(w) for w in sorted(_MERIDIEM, key=len, reverse=True))
_TIME = re.compile(r"(?<!\d)(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)\s*(" + _MERIDIEM_WORDS + r")?(?![^\W\d_])")
_VIETNAMESE_MONTH = re.compile(r"\b(?:thang|thg|th)\s*(\d{1,2})\b")  # "Tháng 10", "thg 10"
_PARTS = re.compile(r"(\d+)|([^\W\d_]+)")  # (number, word)
_ZONE = re.compile(r"\b(?:utc|gmt)\s*[+-]\s*\d{1,2}(?::?\d{2})?")


@lru_cache(maxsize=1024)
def _month(word: str) -> int | None:
    """The month a word names: one of the names above, or the start of names of one month only."""
    if word in _MONTH_WORDS:
        return _MONTH_WORDS[word]
    if len(word) < 3:
        return None
    months = {m for w, m in _MONTH_WORDS.items() if w.startswith(word)}
    return months.pop() if len(months) == 1 else None


def html_date(text: object) -> str | None:
    """A date as Meta's HTML exports write it, in any of the languages above."""
    if not isinstance(text, str) or len(text) > 120:
        return None
    text = " ".join(text.split())
    if re.match(r"\d{4}-\d{2}-\d{2}", text):
        return iso_loose(text)
    rest = _ZONE.sub(" ", _plain(text))
    hour = minute = second = 0
    if clock := _TIME.search(rest):
        hour, minute, second = int(clock[1]), int(clock[2]), int(clock[3] or 0)
        if clock[4]:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if _MERIDIEM[clock[4]] else 0)
        rest = rest[: clock.start()] + " " + rest[clock.end() :]
    months = []
    if vietnamese := _VIETNAMESE_MONTH.search(rest):
        months.append(int(vietnamese[1]))
        rest = rest[: vietnamese.start()] + " " + rest[vietnamese.end() :]
    parts = _PARTS.findall(rest)
    months += [m for _, word in parts if word and (m := _month(word))]
    years = [int(n) for n, _ in parts if len(n) == 4]
    days = [int(n) for n, _ in parts if 0 < len(n) <= 2]
    if not months or len(years) != 1 or len(days) != 1 or not 2000 <= years[0] < 2100:
        return iso_loose(text)
    try:
        # A weekday may come first ("mar., 14 nov."): the month is the last month word.
        return datetime(years[0], months[-1], days[0], hour, minute, second).isoformat(timespec="seconds")
    except ValueError:
        return None
