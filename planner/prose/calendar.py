"""Calendar arithmetic for prose: parts of windows, fiscal years, seasons, relative dates.

Builds on `planner.windows` so a prose window and a frontmatter window are the same type.
"""

from __future__ import annotations

import calendar as _calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Protocol

from planner.patterncache import compiled
from planner.prose.found import granularity_of_dates
from planner.prose.patterns import MONTH_NUMBER, NUMBER_WORDS, VAGUE_COUNTS, WEEKDAYS
from planner.windows import (
    Window,
    WindowError,
    day_window,
    half_window,
    month_window,
    quarter_window,
    week_window,
    year_window,
)


def day(year: int, month: int, d: int, text: str | None = None) -> Window:
    if not 1 <= month <= 12:
        raise WindowError(f"month {month}")
    return day_window(date(year, month, d), text)


def week(year: int, number: int, text: str | None = None) -> Window:
    return week_window(year, number, text)


def week_containing(d: date, text: str | None = None) -> Window:
    iso = d.isocalendar()
    return week_window(iso.year, iso.week, text)


def week_of_month(year: int, month_number: int, order: int, text: str) -> Window:
    """'the first week of March 2027': the ISO week holding that month's 1st (or 8th, 15th, 22nd);
    order 0 is the last week, the one holding the month's last day."""
    first = date(year, month_number, 1)
    d = _month_end(first) if order == 0 else first + timedelta(days=7 * (order - 1))
    return week_containing(d, text)


def weeks_of_month(year: int, month_number: int, weeks: int, last: bool, text: str) -> Window:
    """'the last two weeks of December 2027': the month's first or last 7-day spans."""
    first = date(year, month_number, 1)
    if last:
        end = _month_end(first)
        return Window(end - timedelta(days=7 * weeks - 1), end, "range", text)
    return Window(first, first + timedelta(days=7 * weeks - 1), "range", text)


def month(year: int, number: int, text: str | None = None) -> Window:
    return month_window(year, number, text)


def quarter(year: int, number: int, text: str | None = None) -> Window:
    return quarter_window(year, number, text)


def half(year: int, number: int, text: str | None = None) -> Window:
    return half_window(year, number, text)


def year(number: int, text: str | None = None) -> Window:
    return year_window(number, text)


def span(start: date, end: date, text: str) -> Window:
    return Window(start, end, granularity_of_dates(start, end), text)


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    y, m = divmod(index, 12)
    return date(y, m + 1, min(d.day, _calendar.monthrange(y, m + 1)[1]))


def _month_end(d: date) -> date:
    return date(d.year, d.month, _calendar.monthrange(d.year, d.month)[1])


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}


def season(y: int, name: str, text: str) -> Window:
    """Northern-hemisphere meteorological seasons; winter 2027 runs December 2027 to February 2028."""
    first, last = _SEASONS[name]
    start = date(y, first, 1)
    end = _month_end(add_months(start, last - first))
    return Window(start, end, "range", text)


def _fiscal_year_of(d: date, start_month: int) -> int:
    """The fiscal year `d` falls in, named by the year it ends in (as FY27 is)."""
    return d.year + (start_month != 1 and d.month >= start_month)


def fiscal_year(y: int, start_month: int, text: str) -> Window:
    """FY27 is the fiscal year that ends in 2027 (the calendar year when it starts in January)."""
    if start_month == 1:
        return year_window(y, text)
    start = date(y - 1, start_month, 1)
    return Window(start, _month_end(add_months(start, 11)), "year", text)


# --- holidays: the day each names in a year (US dates where countries differ) -------------
_FIXED_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas": (12, 25), "christmas day": (12, 25), "xmas": (12, 25),
    "boxing day": (12, 26), "new year's eve": (12, 31), "new year's day": (1, 1), "halloween": (10, 31),
    "valentine's day": (2, 14), "independence day": (7, 4), "juneteenth": (6, 19),
}  # fmt: skip


def holiday(name: str, year: int, text: str) -> Window:
    key = " ".join(name.lower().replace("\u2019", "'").replace("new year ", "new year's ").split())
    if key in _FIXED_HOLIDAYS:
        month, d = _FIXED_HOLIDAYS[key]
        return day_window(date(year, month, d), text)
    if key.startswith(("easter", "good friday")):
        offset = {"good friday": -2, "easter monday": 1}.get(key, 0)
        return day_window(easter(year) + timedelta(days=offset), text)
    month, weekday, n, offset = _MOVING_HOLIDAYS[key]
    return day_window(_nth_weekday(year, month, weekday, n) + timedelta(days=offset), text)


# The nth weekday of a month (-1: the last), and days after it: Black Friday is the day after
# the fourth Thursday of November.
_MOVING_HOLIDAYS = {
    "thanksgiving": (11, 3, 4, 0), "thanksgiving day": (11, 3, 4, 0), "black friday": (11, 3, 4, 1),
    "cyber monday": (11, 3, 4, 4), "memorial day": (5, 0, -1, 0), "labor day": (9, 0, 1, 0),
    "labour day": (9, 0, 1, 0), "presidents day": (2, 0, 3, 0), "presidents' day": (2, 0, 3, 0),
}  # fmt: skip


def easter(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous algorithm, after Meeus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own names
    m = (a + 11 * h + 22 * l) // 451
    month, day_ = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day_ + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The nth given weekday of a month (n = -1: the last one)."""
    if n < 0:
        last = date(year, month, _calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def split_year(first: int, start_month: int, text: str) -> Window:
    """'2027/28': the twelve months from the fiscal year's start in 2027 (April, the UK's
    financial year, when the team's fiscal year is the calendar year)."""
    start = date(first, start_month if start_month != 1 else 4, 1)
    return Window(start, _month_end(add_months(start, 11)), "year", text)


def half_of_month(year: int, month: int, n: int, text: str) -> Window:
    """'the first half of December': the 1st to the 15th; the second half: the 16th to its end."""
    first = month_window(year, month)
    if n == 1:
        return span(first.start, first.start.replace(day=15), text)
    return span(first.start.replace(day=16), first.end, text)


def fiscal_half(y: int, h: int, start_month: int, text: str) -> Window:
    first = fiscal_year(y, start_month, text).start
    start = add_months(first, 6 * (h - 1))
    return Window(start, _month_end(add_months(start, 5)), "half", text)


def fiscal_quarter(y: int, q: int, start_month: int, text: str) -> Window:
    first = fiscal_year(y, start_month, text).start
    start = add_months(first, 3 * (q - 1))
    return Window(start, _month_end(add_months(start, 2)), "quarter", text)


class Dated(Protocol):
    """What knows the as-of date (a Grammar): read only when a window needs it."""

    @property
    def as_of(self) -> date: ...


def in_year(build: Callable[[int], Window], year_text: str | None, today: Dated) -> Window:
    """The window in the year written, else its next occurrence not yet over."""
    return build(int(year_text)) if year_text else next_occurrence(build, today.as_of)


def next_occurrence(build: Callable[[int], Window], as_of: date) -> Window:
    """A yearless window ('August 14th', 'Q3', 'in March') means its next one not yet over."""
    for y in (as_of.year, as_of.year + 1):
        try:
            window = build(y)
        except (WindowError, ValueError):
            continue  # February 29th in a common year
        if window.end >= as_of:
            return window
    return build(as_of.year + 4 - as_of.year % 4)


_THIRDS = {"early": 0, "start": 0, "beginning": 0, "mid": 1, "middle": 1, "late": 2, "end": 2}


def part_of(window: Window, unit: str, part: str) -> Window:
    """'early', 'mid', 'late' (and 'start of', 'end of'): a third of the window.

    A third of a quarter is its month; a third of a year is four months; of a month, ten days.
    """
    third = _THIRDS[part]
    start = window.start
    if unit in ("year", "half", "quarter"):
        months = {"year": 4, "half": 2, "quarter": 1}[unit]
        first = add_months(start, third * months)
        last = _month_end(add_months(first, months - 1))
        return span(first, min(last, window.end), window.text)
    if unit == "month":
        first = start + timedelta(days=10 * third)
        last = window.end if third == 2 else first + timedelta(days=9)
        return span(first, last, window.text)
    if unit == "week":
        first = start + timedelta(days=2 * third)
        return span(first, window.end if third == 2 else first + timedelta(days=1), window.text)
    return window


# --- relative expressions, resolved against the as-of date (for display) --------------------


_PAST = compiled(r"\b(?:past|last|previous)\b", re.IGNORECASE)
_UNIT_WORD = {  # a term is about a quarter, a semester about a half
    "wk": "week",
    "q": "quarter",
    "term": "quarter",
    "semester": "half",
    "fiscal year": "fy",
    "financial year": "fy",
}
_WEEKDAY_START = frozenset(name[:3] for name in WEEKDAYS)


def _unit_word(written: str) -> str:
    """The unit a written word names, in lower case: "wk" and "Wk" are "week", "Q" is "quarter",
    "fiscal  year" is "fy"."""
    unit = " ".join(written.lower().split())
    return _UNIT_WORD.get(unit, unit)


def _unit_window(unit: str, d: date, sprint_weeks: float) -> Window:
    if unit == "day":
        return day_window(d)
    if unit == "week":
        return week_containing(d)
    if unit == "month":
        return month_window(d.year, d.month)
    if unit == "quarter":
        return quarter_window(d.year, (d.month - 1) // 3 + 1)
    if unit == "sprint":
        return Window(d, d + timedelta(days=round(7 * sprint_weeks) - 1), "range", "")
    if unit == "half":
        return half_window(d.year, 1 if d.month <= 6 else 2)
    return year_window(d.year)


def _shift(d: date, unit: str, n: float, sprint_weeks: float) -> date:
    if unit == "day":
        return d + timedelta(days=round(n))
    if unit == "week":
        return d + timedelta(days=round(7 * n))
    if unit == "sprint":
        return d + timedelta(days=round(7 * n * sprint_weeks))
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12}[unit]
    return add_months(d, round(n * months))


def _count(word: str) -> float:
    key = " ".join(word.lower().split())
    if key.endswith(" and a half"):
        return _count(key.removesuffix(" and a half")) + 0.5
    if key in VAGUE_COUNTS:
        return VAGUE_COUNTS[key][1]
    return float(NUMBER_WORDS[key]) if key in NUMBER_WORDS else float(key.replace(",", ""))


def _named(window: Window, text: str) -> Window:
    return Window(window.start, window.end, window.granularity, text)


def resolve_relative(m: re.Match[str], as_of: date, sprint_weeks: float, fiscal_start: int = 1) -> Window | None:
    """The window a relative expression points at on the as-of date (`fiscal_start`: the
    month the fiscal year starts in, for "next FY")."""
    kind, text = m.lastgroup, m[0]
    if kind == "rel_next":
        which = " ".join(m["rn_w"].lower().split())
        unit = _unit_word(m["rn_u"])
        if unit not in WEEKDAYS and unit[:3] in _WEEKDAY_START:  # "next Tues"
            unit = WEEKDAYS[weekday_number(unit)]
        if (month_number := MONTH_NUMBER.get(unit.rstrip("."))) is not None:  # "last November", "next March"
            ahead = (month_number - as_of.month) % 12
            if which in ("next", "coming", "upcoming", "the following"):
                ahead = ahead or 12
            elif which in ("last", "previous", "prior"):
                ahead = ahead - 12 if ahead else -12
            first = add_months(as_of.replace(day=1), ahead)
            return _named(month_window(first.year, first.month), text)
        step = {
            "next": 1,
            "coming": 1,
            "the following": 1,
            "this": 0,
            "current": 0,
            "upcoming": 1,
            "last": -1,
            "previous": -1,
            "prior": -1,
        }[which]
        if unit in WEEKDAYS:
            target = WEEKDAYS.index(unit)
            ahead = (target - as_of.weekday()) % 7 or 7
            d = (
                as_of + timedelta(days=ahead)
                if step >= 0
                else as_of - timedelta(days=(as_of.weekday() - target) % 7 or 7)
            )
            return day_window(d, text)
        if unit in _SEASONS:
            y = as_of.year + (step if step else 0)
            return _named(season(y, unit, text), text)
        if unit == "fortnight":  # "this fortnight": this week and the next
            monday = as_of - timedelta(days=as_of.weekday()) + timedelta(days=14 * step)
            return Window(monday, monday + timedelta(days=13), "range", text)
        if unit == "fy":  # "next FY", "this fiscal year"
            return fiscal_year(_fiscal_year_of(as_of, fiscal_start) + step, fiscal_start, text)
        return _named(_unit_window(unit, _shift(as_of, unit, step, sprint_weeks), sprint_weeks), text)
    if kind == "rel_after_next":  # "the Tuesday after next": a week after next Tuesday
        unit = (m["an_u"] or m["an_d"]).lower()
        if unit in WEEKDAYS:
            ahead = (WEEKDAYS.index(unit) - as_of.weekday()) % 7 or 7
            return day_window(as_of + timedelta(days=ahead + 7), text)
        return _named(_unit_window(unit, _shift(as_of, unit, 2, sprint_weeks), sprint_weeks), text)
    if kind in ("rel_in", "rel_ago"):
        n = _count(m["ri_n"] if kind == "rel_in" else m["ra_n"])
        unit = _unit_word((m["ri_u"] if kind == "rel_in" else m["ra_u"]).rstrip("sS"))
        if unit == "fortnight":  # "in a fortnight": two weeks
            unit, n = "week", n * 2
        if unit == "hour":  # "48 hours later": the day it falls on
            unit, n = "day", n / 24
        if kind == "rel_ago" and m["ra_d"].lower() in ("ago", "earlier", "before", "back"):
            n = -n
        if kind == "rel_in" and _PAST.search(m["ri_p"]):  # "over the past 12 months": until today
            return Window(_shift(as_of, unit, -n, sprint_weeks), as_of, "range", text)
        then = _shift(as_of, unit, n, sprint_weeks)
        if kind == "rel_in" and not m["ri_p"].lower().startswith("in "):
            return Window(as_of, max(as_of, then), "range", text)  # "within two weeks": from now until then
        return _named(_unit_window(unit, then, sprint_weeks), text)
    if kind == "rel_slip":  # "slipped two weeks": read as "two weeks from now"
        unit = _unit_word(m["sl_u"].rstrip("sS"))
        return _named(_unit_window(unit, _shift(as_of, unit, _count(m["sl_n"]), sprint_weeks), sprint_weeks), text)
    if kind == "rel_ordinal":  # "on the 28th": this month's, or next month's once it has passed
        day_of_month = int(m["ro_d"])
        for months_ahead in range(3):
            first = add_months(as_of.replace(day=1), months_ahead)
            if day_of_month <= _month_end(first).day and (d := first.replace(day=day_of_month)) >= as_of:
                return day_window(d, text)
        return None
    if kind == "rel_coming":  # "in the coming weeks": as "in a few weeks", from tomorrow on
        unit = m["rc_u"].lower().rstrip("s")
        last = _shift(as_of, unit, VAGUE_COUNTS["a few"][1], sprint_weeks)
        return Window(as_of + timedelta(days=1), last, "range", text)
    if kind == "rel_around":  # "the week before": resolved from the as-of date, as "a week later" is
        unit = m["ra2_u"].lower()
        step = -1 if m["ra2_d"].lower() == "before" else 1
        return _named(_unit_window(unit, _shift(as_of, unit, step, sprint_weeks), sprint_weeks), text)
    if kind == "rel_weekend":  # the coming Saturday and Sunday (this one, on a weekend)
        saturday = as_of + timedelta(days=(5 - as_of.weekday()) % 7)
        if as_of.weekday() == 6:
            saturday = as_of - timedelta(days=1)
        words = m[0].lower().split()
        if words[0] == "next":
            saturday += timedelta(days=7)
        elif words[0] == "last":
            saturday -= timedelta(days=7)
        return Window(saturday, saturday + timedelta(days=1), "range", text)
    if kind == "rel_new_year":  # "in the new year": the January after the as-of date
        return _named(month_window(as_of.year + 1, 1), text)
    if kind == "rel_end":
        unit = m["re_u"].lower()
        which = (m["re_w"] or "this").lower()  # "end of week": this one
        step = {"next": 1, "last": -1}.get(which, 0)
        if unit == "fy" or (m["re_f"] and unit == "year"):  # "the end of this fiscal year", "end of next FY"
            unit = "year"
            base = fiscal_year(_fiscal_year_of(as_of, fiscal_start) + step, fiscal_start, text)
        else:
            base = _unit_window(unit, _shift(as_of, unit, step, sprint_weeks), sprint_weeks)
        part = (m["re_p"] or m["re_q"]).lower()
        part = {"later": "late", "earlier": "early"}.get(part, part)
        return _named(part_of(base, unit, part), text)
    if kind == "rel_day":
        word = " ".join(m["rd_w"].lower().split())
        if word in ("tomorrow", "tmrw"):
            return day_window(as_of + timedelta(days=1), text)
        if word in ("yesterday", "y'day", "y\u2019day", "last night"):
            return day_window(as_of - timedelta(days=1), text)
        if word == "the day after tomorrow":
            return day_window(as_of + timedelta(days=2), text)
        if word in _TODAY:
            return day_window(as_of, text)
        unit = {"eow": "week", "eom": "month", "eoq": "quarter", "eoy": "year"}[word]
        return day_window(
            _unit_window(unit, as_of, sprint_weeks).end - timedelta(days=2 if unit == "week" else 0), text
        )
    if kind == "rel_dom":
        step = {"next": 1, "this": 0, "last": -1}[m["rm_w"].lower()]
        first = add_months(date(as_of.year, as_of.month, 1), step)
        day = 1 if m["rm_d"].lower() == "first" else int(m["rm_d"].rstrip("stndrh"))
        return day_window(date(first.year, first.month, day), text)
    if kind == "rel_first_of_year":
        return day_window(date(as_of.year + 1, 1, 1), text)
    if kind == "rel_period":
        unit = (m["rp_u"] or m["rp_m"]).lower()
        return _named(part_of(_unit_window(unit, as_of, sprint_weeks), unit, "end" if m["rp_u"] else "mid"), text)
    if kind == "rel_weekday":
        target = weekday_number(m["rw_d"])
        return day_window(as_of + timedelta(days=(target - as_of.weekday()) % 7), text)
    return None


_TODAY = frozenset(
    (
        "eod", "end of day", "end of the day", "end of business", "end of the business", "cob",
        "today", "tonight", "this morning", "this afternoon", "this evening",
    )
)  # fmt: skip


def weekday_number(word: str) -> int:
    """0 for "Monday" or "Mon", ... 6 for "Sunday"."""
    key = word.casefold().rstrip(".")[:3]  # casefold, as `re` matches: "\u017funday" is "sunday"
    for number, name in enumerate(WEEKDAYS):
        if name.startswith(key):
            return number
    raise ValueError(f"no weekday {word!r}")
