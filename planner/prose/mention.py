"""What the grammar finds and the helpers its forms share: Mention, Atom, cues and parts.

Pure: text and an as-of date in, values out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from planner.estimates import Estimate
from planner.prose import calendar as cal
from planner.prose import patterns as p
from planner.windows import Window

DATE, ESTIMATE = "date", "estimate"
LOOKBEHIND = 40


@dataclass(frozen=True, slots=True)
class Grammar:
    """What the grammar needs besides text: the as-of date and the team's calendar."""

    as_of: date
    fiscal_year_start: int = 1  # month the fiscal year starts in; FY27 is named by the year it ends
    sprint_weeks: float = 2.0


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


@dataclass(slots=True)
class Atom:
    start: int
    end: int
    granularity: str
    window: Window
    pending: bool = False  # yearless or cue-less: a mention only with a cue or as a range end
    with_year: Callable[[int], Window] | None = None


def cued(text: str, start: int) -> bool:
    return p.CUE_BEFORE.search(text, max(0, start - LOOKBEHIND), start) is not None


def date_mention(text: str, start: int, end: int, granularity: str, window: Window) -> Mention:
    return Mention(start, end, text[start:end], DATE, granularity, window)


def _part(text: str, start: int, window: Window, unit: str) -> tuple[int, Window, str] | None:
    """'late 2027', 'end of March 2027', 'mid-Q3': the part of a window the words point at."""
    m = p.PART_BEFORE.search(text, max(0, start - 24), start)
    if m is None:
        return None
    part = m["part"].lower().split()
    name = part[-2] if part[-1] in ("of", "the") else part[-1]
    if name == "the":
        name = part[-3]
    narrowed = cal.part_of(window, unit, name)
    return m.start("part"), narrowed, cal.granularity_of(narrowed)


def absolute(m: re.Match[str], text: str, window: Window, unit: str, pending: bool = False,
              with_year: Callable[[int], Window] | None = None) -> Atom:  # fmt: skip
    start, end = m.start(), m.end()
    parted = _part(text, start, window, unit)
    if parted is not None:
        start, window, granularity = parted
        if with_year is not None:
            base = with_year
            with_year = lambda year: cal.part_of(base(year), unit, _part_name(text, m.start()))  # noqa: E731
        return Atom(start, end, granularity, window, False, with_year)
    return Atom(start, end, unit if unit != "fy" else "year", window, pending, with_year)


def _part_name(text: str, start: int) -> str:
    m = p.PART_BEFORE.search(text, max(0, start - 24), start)
    assert m is not None
    words = [w for w in m["part"].lower().split() if w not in ("of", "the")]
    return words[-1]


def counted(text: str, start: int) -> bool:
    """After 'ID', 'build', '#' and kin, a date-shaped number is an identifier."""
    return p.COUNT_BEFORE.search(text, max(0, start - 16), start) is not None


Handler = Callable[[re.Match[str], str, Grammar], "Mention | Atom | None"]
