"""Effort estimates: points, ranges with units, and t-shirt sizes."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

# Finest to coarsest. Story points are judged like days and sprints like weeks (the SPEC).
UNITS = ("hours", "days", "weeks", "months", "quarters", "years")
JUDGED_AS = {"points": "days", "sprints": "weeks"}

_UNIT_WORDS: dict[str, str] = {}
for _unit, _words in {
    "hours": ("h", "hr", "hrs", "hour", "hours"),
    "days": ("d", "day", "days", "person-day", "person-days"),
    "weeks": ("w", "wk", "wks", "week", "weeks", "person-week", "person-weeks"),
    "months": ("mo", "mos", "month", "months", "person-month", "person-months"),
    "quarters": ("q", "quarter", "quarters"),
    "years": ("y", "yr", "yrs", "year", "years"),
    "points": ("pt", "pts", "point", "points", "sp", "story point", "story points"),
    "sprints": ("sprint", "sprints"),
}.items():
    for _word in _words:
        _UNIT_WORDS[_word] = _unit

DEFAULT_SIZES: Mapping[str, str] = {
    "XS": "1-2 days",
    "S": "3-5 days",
    "M": "1-3 weeks",
    "L": "1-2 months",
    "XL": "3-6 months",
}

SIZE_HELP = "a t-shirt size (XS, S, M, L, XL)"
FORMS_HELP = f"write a point or range with a unit (3 days, 2-4 weeks, ~40h, 1-2 months, 5 points) or {SIZE_HELP}"


class EstimateError(ValueError):
    """The text is not an estimate; the message says why."""


@dataclass(frozen=True, slots=True)
class Estimate:
    text: str
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    size: str | None = None
    approximate: bool = False

    @property
    def is_size(self) -> bool:
        return self.size is not None

    @property
    def judged_unit(self) -> str | None:
        """The unit the ladder compares: points as days, sprints as weeks."""
        return JUDGED_AS.get(self.unit, self.unit) if self.unit else None

    @property
    def ratio(self) -> float:
        """high/low; 1.0 for a point estimate."""
        if self.low is None or self.high is None or self.low <= 0:
            return 1.0
        return self.high / self.low


_NUMBER = r"(\d+(?:\.\d+)?)"
_ESTIMATE = re.compile(
    rf"(?P<approx>~|about |around |approx\.? )?\s*{_NUMBER}\s*"
    rf"(?:(?:-|\u2013|\u2014|to)\s*{_NUMBER}\s*)?"
    r"(?P<unit>[A-Za-z][A-Za-z -]*?)\.?",
    re.IGNORECASE,
)


def parse_estimate(value: object, sizes: Mapping[str, object] = DEFAULT_SIZES) -> Estimate:
    """Parse a frontmatter value into an Estimate; `sizes` are the configured t-shirt sizes."""
    return _parse_estimate(value, tuple(sizes))


@functools.lru_cache(maxsize=4096)
def _parse_estimate(value: object, sizes: tuple[str, ...]) -> Estimate:
    # Cached like windows: the same few estimates recur, and an Estimate is immutable.
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise EstimateError(f"expected an estimate, got {type(value).__name__}; {FORMS_HELP}")
    text = str(value)
    s = " ".join(text.split())
    if not s:
        raise EstimateError(f"empty estimate; {FORMS_HELP}")
    for size in sizes:
        if s.upper() == size.upper():
            return Estimate(text=text, size=size)
    if isinstance(value, int | float) or re.fullmatch(r"~?\s*" + _NUMBER, s):
        raise EstimateError(f"'{text}' has no unit: write '{s} days', '{s} weeks' or similar")
    m = _ESTIMATE.fullmatch(s)
    if not m:
        raise EstimateError(f"'{text}' is not an estimate; {FORMS_HELP}")
    unit = _UNIT_WORDS.get(m["unit"].strip().lower())
    if unit is None:
        raise EstimateError(f"'{m['unit'].strip()}' is not a unit; {FORMS_HELP}")
    low = float(m[2])
    high = float(m[3]) if m[3] is not None else low
    if low <= 0 or not math.isfinite(high):
        raise EstimateError(f"'{text}': an estimate must be more than zero")
    if high < low:
        raise EstimateError(f"'{text}': the range goes down; write the smaller number first")
    return Estimate(text=text, low=low, high=high, unit=unit, approximate=m["approx"] is not None)


def format_number(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:g}"
