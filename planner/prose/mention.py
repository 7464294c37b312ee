"""What the grammar finds and the helpers its forms share: Mention, Atom, cues and parts.

Pure: text and an as-of date in, values out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from planner.patterncache import compiled
from planner.prose import calendar as cal
from planner.prose import patterns as p
from planner.prose.found import Grammar as Grammar
from planner.prose.found import Mention as Mention
from planner.windows import Window

DATE, ESTIMATE = "date", "estimate"
LOOKBEHIND = 40


@dataclass(frozen=True, slots=True)
class Atom:
    """A date before assembly: it may still join a range, or wait for a cue."""

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


def _part_before(text: str, start: int) -> tuple[int, str] | None:
    """'late 2027', 'the end of March 2027', 'mid-Q3': where the part words start, and which part."""
    m = p.PART_BEFORE.search(text, max(0, start - 24), start)
    if m is None:
        return None
    words = [w for w in m["part"].lower().split() if w not in ("of", "the")]
    return m.start("part"), words[-1]


def absolute(
    m: re.Match[str],
    text: str,
    window: Window,
    unit: str,
    pending: bool = False,
    with_year: Callable[[int], Window] | None = None,
) -> Atom:
    """An atom for a calendar window, narrowed to the part of it that words before it name."""
    found = _part_before(text, m.start())
    if found is None:
        return Atom(m.start(), m.end(), unit, window, pending, with_year)
    start, part = found
    narrowed = cal.part_of(window, unit, part)
    parted_with_year = None
    if with_year is not None:
        base = with_year

        def parted_with_year(year: int) -> Window:
            return cal.part_of(base(year), unit, part)

    # A part of a period is written as a fuzzy range, whatever its shape: 'early Q3' is July.
    return Atom(start, m.end(), "range", narrowed, False, parted_with_year)


def counted(text: str, start: int, whole_date: bool = False) -> bool:
    """After 'ID', 'build', '#' and kin, a date-shaped number is an identifier. A whole date
    (day, month and year) is one after fewer words: "run 2026-11-27" is a date, "run 2027" not."""
    before = p.FULL_DATE_ID_BEFORE if whole_date else p.COUNT_BEFORE
    return (
        before.search(text, max(0, start - 16), start) is not None
        or _ID_BEFORE.search(text, max(0, start - 40), start) is not None
    )


# "cost_center=2027", "?slot=2027", "passcode 2027", "the VLAN ID for voice traffic is 2027".
_ID_BEFORE = compiled(
    r"(?:[=_/?&]\s*|\b(?:passcode|PIN|password|VLAN|slot|channel|seat|gate|serial|SKU|lot|batch|flight|route|account)\s+|"
    r"\b(?:ID|id|number|code|passcode|PIN)\b(?:\s+[\w-]+){0,4}\s+(?:is|=|:)\s+)$"
)


Handler = Callable[[re.Match[str], str, Grammar], "Mention | Atom | None"]
