"""Time windows: the grammar of when. Every time reference names an inclusive [start, end].

Hand-written because no library parses `2027-H2`, `Q1 2027` and `March to May 2027`
into one window type, and because it sits on the hot path of every check.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

# Finest to coarsest. "range" is a span of two windows and has no place on the ladder.
GRANULARITIES = ("day", "week", "month", "quarter", "half", "year")

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _number
        MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9


class WindowError(ValueError):
    """The text is not a window; the message says why, in words a plan author can act on."""


@dataclass(frozen=True, slots=True)
class Window:
    start: date
    end: date
    granularity: str
    text: str

    @property
    def width_days(self) -> int:
        """Inclusive width: a single day is 1."""
        return (self.end - self.start).days + 1

    def contains(self, other: Window) -> bool:
        return self.start <= other.start and other.end <= self.end

    def canonical(self) -> str:
        """The window in planner's own ISO-like spelling (what fixes write)."""
        return canonical_text(self.start, self.end, self.granularity)


def canonical_text(start: date, end: date, granularity: str) -> str:
    if granularity == "day":
        return start.isoformat()
    if granularity == "week":
        iso = start.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if granularity == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if granularity == "quarter":
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{start.year:04d}-H{1 if start.month <= 6 else 2}"
    if granularity == "year":
        return f"{start.year:04d}"
    return f"{start.isoformat()}..{end.isoformat()}"


# --- constructors: one per granularity ---------------------------------------------------


def day_window(d: date, text: str | None = None) -> Window:
    return Window(d, d, "day", text if text is not None else d.isoformat())


def week_window(year: int, week: int, text: str | None = None) -> Window:
    try:
        start = date.fromisocalendar(year, week, 1)
    except ValueError:
        weeks = date(year, 12, 28).isocalendar().week if 1 <= year <= 9999 else 52
        raise WindowError(f"week must be W01-W{weeks:02d} in {year}, not W{week:02d}") from None
    end = start + timedelta(days=6)
    return Window(start, end, "week", text if text is not None else f"{year:04d}-W{week:02d}")


def month_window(year: int, month: int, text: str | None = None) -> Window:
    if not 1 <= month <= 12:
        raise WindowError(f"month must be 01-12, not {month:02d}")
    last = calendar.monthrange(year, month)[1]
    return Window(
        date(year, month, 1),
        date(year, month, last),
        "month",
        text if text is not None else f"{year:04d}-{month:02d}",
    )


def quarter_window(year: int, quarter: int, text: str | None = None) -> Window:
    if not 1 <= quarter <= 4:
        raise WindowError(f"quarter must be Q1-Q4, not Q{quarter}")
    first = 3 * quarter - 2
    last_month = first + 2
    end = date(year, last_month, calendar.monthrange(year, last_month)[1])
    return Window(date(year, first, 1), end, "quarter", text if text is not None else f"{year:04d}-Q{quarter}")


def half_window(year: int, half: int, text: str | None = None) -> Window:
    if not 1 <= half <= 2:
        raise WindowError(f"half must be H1 or H2, not H{half}")
    start, end = (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))
    return Window(start, end, "half", text if text is not None else f"{year:04d}-H{half}")


def year_window(year: int, text: str | None = None) -> Window:
    _check_year(year)
    return Window(date(year, 1, 1), date(year, 12, 31), "year", text if text is not None else f"{year:04d}")


def range_window(first: Window, last: Window, text: str) -> Window:
    if last.end < first.start or last.start < first.start:
        raise WindowError(f"range runs backwards: {last.text} comes before {first.text}")
    return Window(first.start, max(first.end, last.end), "range", text)


def enclosing(window: Window, granularity: str) -> Window | None:
    """The window of `granularity` that contains all of `window`, if one does."""
    d = window.start
    try:
        if granularity == "day":
            candidate = day_window(d)
        elif granularity == "week":
            iso = d.isocalendar()
            candidate = week_window(iso.year, iso.week)
        elif granularity == "month":
            candidate = month_window(d.year, d.month)
        elif granularity == "quarter":
            candidate = quarter_window(d.year, (d.month - 1) // 3 + 1)
        elif granularity == "half":
            candidate = half_window(d.year, 1 if d.month <= 6 else 2)
        else:
            candidate = year_window(d.year)
    except (WindowError, OverflowError, ValueError):
        return None
    return candidate if candidate.contains(window) else None


def coarser_granularities(window: Window) -> tuple[str, ...]:
    """Granularities strictly coarser than the window's own (all of them for a range)."""
    if window.granularity in GRANULARITIES:
        return GRANULARITIES[GRANULARITIES.index(window.granularity) + 1 :]
    return GRANULARITIES


# --- the grammar -------------------------------------------------------------------------

_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WEEK = re.compile(r"(\d{4})-?[Ww](\d{1,2})")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_QUARTER = re.compile(r"(\d{4})-?[Qq](\d)|[Qq](\d),? +(\d{4})")
_HALF = re.compile(r"(\d{4})-?[Hh](\d)|[Hh](\d),? +(\d{4})")
_YEAR = re.compile(r"(\d{4})")
_NAMED_MONTH = re.compile(r"([A-Za-z]+)\.?,? +(\d{4})")
# A bare label that borrows its year from the other end of a range: "March to May 2027".
_YEARLESS = re.compile(r"([A-Za-z]+\.?|[QqHh]\d)")
_RANGE_SEPARATORS = re.compile(r"\s*\.\.\s*|\s+to\s+|\s*[\u2013\u2014]\s*|\s+-\s+|\s+through\s+|\s+until\s+")

FORMS_HELP = (
    "write a day (2027-03-14), week (2027-W11), month (2027-03 or March 2027), quarter "
    "(2027-Q1 or Q1 2027), half (2027-H2 or H2 2027), year (2027) or a range "
    "(2027-03..2027-05, March to May 2027)"
)


@functools.lru_cache(maxsize=4096)
def parse_window(value: object) -> Window:
    """Parse a frontmatter value (text, or what YAML made of it) into a Window.

    Cached: a roadmap repeats the same few windows (`2027-Q3`) across many plans, and a
    Window is immutable. A bad window raises each time (exceptions are not cached).
    """
    if isinstance(value, date):
        return day_window(value)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise WindowError(f"expected a time window, got {type(value).__name__}; {FORMS_HELP}")
    text = str(value)
    stripped = " ".join(text.split())
    if not stripped:
        raise WindowError(f"empty time window; {FORMS_HELP}")
    parts = _RANGE_SEPARATORS.split(stripped)
    if len(parts) == 2 and all(parts):
        return _parse_range(parts[0], parts[1], text)
    if len(parts) > 2:
        raise WindowError(f"'{text}' has more than two ends; a range is FIRST..LAST")
    return _parse_single(stripped, text)


def _parse_range(first_text: str, last_text: str, text: str) -> Window:
    last = _parse_single(last_text, last_text)
    if _YEARLESS.fullmatch(first_text) and not _YEAR.search(first_text):
        first = _parse_single(f"{first_text} {last.start.year}", first_text)
    else:
        first = _parse_single(first_text, first_text)
    return range_window(first, last, text)


def _parse_single(s: str, text: str) -> Window:
    try:
        return _match_single(s, text)
    except OverflowError:
        raise WindowError(f"'{text}' is out of range") from None


def _match_single(s: str, text: str) -> Window:
    if m := _DAY.fullmatch(s):
        year, month, day = (int(g) for g in m.groups())
        _check_year(year)
        month_window(year, month)  # a bad month gets the month's message
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise WindowError(f"{calendar.month_name[month]} {year} has {last} days, so {text} is not a date")
        return day_window(date(year, month, day), text)
    if m := _WEEK.fullmatch(s):
        year = int(m[1])
        _check_year(year)
        return week_window(year, int(m[2]), text)
    if m := _MONTH.fullmatch(s):
        year = int(m[1])
        _check_year(year)
        return month_window(year, int(m[2]), text)
    if m := _QUARTER.fullmatch(s):
        year, quarter = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        _check_year(year)
        return quarter_window(year, quarter, text)
    if m := _HALF.fullmatch(s):
        year, half = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        _check_year(year)
        return half_window(year, half, text)
    if m := _YEAR.fullmatch(s):
        return year_window(int(m[1]), text)
    if m := _NAMED_MONTH.fullmatch(s):
        named = MONTHS.get(m[1].lower())
        if named is None:
            raise WindowError(f"'{m[1]}' is not a month name; {FORMS_HELP}")
        year = int(m[2])
        _check_year(year)
        return month_window(year, named, text)
    raise WindowError(f"'{text}' is not a time window; {FORMS_HELP}")


def _check_year(year: int) -> None:
    if not 1 <= year <= 9998:
        raise WindowError(f"year {year:04d} is out of range")
