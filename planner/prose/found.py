"""What the grammar finds, and what it needs besides text: the types every reader of mentions
shares (rules, the check's cache of body mentions, the scan listing), in a module that
imports none of the grammar, so reading mentions back costs none of its start-up.
"""

from __future__ import annotations

import bisect
import calendar as _calendar
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from planner.diagnostics import Span
from planner.estimates import Estimate
from planner.windows import Window

if TYPE_CHECKING:
    from planner.config import Config


@dataclass(frozen=True, slots=True)
class Grammar:
    """What the grammar needs besides text: the as-of date and the team's calendar."""

    as_of: date
    fiscal_year_start: int = 1  # month the fiscal year starts in; FY27 is named by the year it ends
    sprint_weeks: float = 2.0

    @classmethod
    def of(cls, config: Config, as_of: date) -> Grammar:
        """The grammar a config sets up, as of a date."""
        return cls(as_of, config.fiscal_year_start, config.units.sprint_weeks)


@dataclass(frozen=True, slots=True)
class Mention:
    """A date or an estimate found in text. `start`/`end` are offsets into the scanned text."""

    start: int
    end: int
    text: str
    kind: str  # "date" or "estimate"
    granularity: str | None = None  # dates: day week month quarter half year range relative
    window: Window | None = None
    estimate: Estimate | None = None


@dataclass(frozen=True, slots=True)
class Found:
    """A mention and where it is in the file."""

    mention: Mention
    span: Span
    where: str  # "body" or "frontmatter"


# A mention in a body: the offset in the body of the prose segment it was found in, and the
# mention, whose offsets are in that segment.
Hit = tuple[int, Mention]


def located(body: str, first_line: int, hits: list[Hit]) -> tuple[Found, ...]:
    """The hits of a body that starts at line `first_line` of its file, with file positions."""
    if not hits:
        return ()
    locator = Locator(body, first_line)
    return tuple(
        Found(mention, locator.span(offset + mention.start, offset + mention.end), "body") for offset, mention in hits
    )


class Locator:
    """Offsets in a text to 1-based lines and code-point columns (end column exclusive)."""

    __slots__ = ("_first_line", "_starts")

    def __init__(self, text: str, first_line: int = 1) -> None:
        starts = [0]
        index = text.find("\n")
        while index >= 0:
            starts.append(index + 1)
            index = text.find("\n", index + 1)
        self._starts = starts
        self._first_line = first_line

    def position(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self._starts, offset) - 1
        return self._first_line + row, offset - self._starts[row] + 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(line, column, end_line, end_column)


# --- how a window is named -----------------------------------------------------------------


def granularity_of_dates(start: date, end: date) -> str:
    if start == end:
        return "day"
    if start.weekday() == 0 and (end - start).days == 6:
        return "week"
    if start.day == 1 and end.day == _calendar.monthrange(end.year, end.month)[1]:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months == 1:
            return "month"
        if months == 3 and start.month % 3 == 1:
            return "quarter"
        if months == 6 and start.month in (1, 7):
            return "half"
        if months == 12 and start.month == 1:
            return "year"
    return "range"


def granularity_of(window: Window) -> str:
    return granularity_of_dates(window.start, window.end)


def spelling(window: Window, like: str) -> str:
    """How a fix writes `window` in prose: ISO when the original was ISO, else words.

    "14 August 2027" becomes "Q3 2027"; "2027-08-14" becomes "2027-Q3".
    """
    if (like[:4].isdecimal() and like[4:5] == "-") or window.granularity in ("day", "week", "range"):
        return window.canonical()
    start = window.start
    if window.granularity == "month":
        return f"{_calendar.month_name[start.month]} {start.year}"
    if window.granularity == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if window.granularity == "half":
        return f"H{1 if start.month <= 6 else 2} {start.year}"
    return f"{start.year}"
