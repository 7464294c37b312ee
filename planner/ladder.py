"""The precision ladder: how fine a window or an estimate may be at a given distance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.estimates import UNITS, Estimate, format_number
from planner.windows import Window, coarser_granularities, enclosing

BAND_NAMES = ("now", "next", "later", "far", "vision")

# What each granularity is called in a message.
GRANULARITY_NOUN = {
    "day": "a day",
    "week": "a week",
    "month": "a month",
    "quarter": "a quarter",
    "half": "a half-year",
    "year": "a year",
    "range": "a range",
}


@dataclass(frozen=True, slots=True)
class Band:
    """One rung. `max_days` None means no upper bound (the last band).

    `finest_estimate` is the finest estimate unit allowed, or None for t-shirt sizes only;
    `min_range_ratio` > 1 means a range (high/low at least that) is required.
    """

    name: str
    max_days: int | None
    min_window_days: int
    finest_estimate: str | None
    min_range_ratio: float


DEFAULT_BANDS = (
    Band("now", 42, 1, "hours", 1.0),
    Band("next", 91, 7, "days", 1.0),
    Band("later", 182, 28, "weeks", 1.5),
    Band("far", 364, 90, "months", 2.0),
    Band("vision", None, 181, None, 1.0),
)


@dataclass(frozen=True, slots=True)
class Ladder:
    bands: tuple[Band, ...] = DEFAULT_BANDS

    def band(self, name: str) -> Band:
        for band in self.bands:
            if band.name == name:
                return band
        raise KeyError(name)

    def band_for_distance(self, days: int) -> Band:
        for band in self.bands:
            if band.max_days is None or days <= band.max_days:
                return band
        return self.bands[-1]

    def band_for(self, window: Window, as_of: date) -> Band:
        """Distance is days from as-of to the window's start, 0 once it has started."""
        return self.band_for_distance(distance_days(window, as_of))

    def window_allowed(self, window: Window, as_of: date) -> bool:
        return window.width_days >= self.band_for(window, as_of).min_window_days

    def widen(self, window: Window, as_of: date) -> Window | None:
        """The narrowest coarser window that contains `window` and passes its own band."""
        for granularity in coarser_granularities(window):
            candidate = enclosing(window, granularity)
            if candidate is not None and self.window_allowed(candidate, as_of):
                return candidate
        return None

    def estimate_problem(self, estimate: Estimate, band: Band) -> str | None:
        """Why `estimate` is too precise for `band`, or None when it is allowed."""
        if estimate.is_size:
            return None
        if band.finest_estimate is None:
            return f"the {band.name} band allows only a t-shirt size"
        unit = estimate.judged_unit or "days"
        if UNITS.index(unit) < UNITS.index(band.finest_estimate):
            return f"the {band.name} band allows {band.finest_estimate} or coarser, not {unit}"
        if estimate.ratio < band.min_range_ratio:
            shape = "a point" if estimate.low == estimate.high else f"a range of {estimate.ratio:.2g}x"
            return (
                f"the {band.name} band needs a range with high/low of at least "
                f"{format_number(band.min_range_ratio)}, not {shape}"
            )
        return None


def distance_days(window: Window, as_of: date) -> int:
    return max(0, (window.start - as_of).days)


def is_history(window: Window, as_of: date) -> bool:
    """A window that ended before the as-of date is history: never judged for precision."""
    return window.end < as_of
