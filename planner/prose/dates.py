"""Date forms: one handler per named form of `patterns` that means a date.

Each handler turns a match into an Atom (a window, possibly waiting for a cue or a range
partner) or a relative-date Mention, or None when the context says it is not a date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import partial

from planner.patterncache import compiled
from planner.prose import calendar as cal
from planner.prose import patterns as p
from planner.prose.clause import clause_before, habitual, offset_after, on_average, planned_clause
from planner.prose.effort import estimate_from
from planner.prose.mention import DATE, Atom, Grammar, Handler, Mention, absolute, counted, cued
from planner.windows import Window, WindowError, day_window, month_window, range_window

_YEAR_NOUNS = compiled(
    r"^\s+(?:roadmaps?|plans?|planning|goals|OKRs?|budget|launch|release|targets?|strategy|priorities|timelines?|timeframe|"
    r"pricing|prices|guidance|forecasts?|outlook|year-in-review|recap|"
    r"kickoff|offsite|season|cycle|edition|conference|summit|review|calendar|horizon|deadline|vision|effort|bet|"
    r"priority|priorities|theme|themes|initiative|commitment|objective|milestone|plan\b)\b",
    re.IGNORECASE,
)
# "it fits in one sprint", "doable in 3 days", "we did it in a week": an amount of work.
_IN_AS_EFFORT = compiled(
    r"\b(?:doable|fits?|do\s+(?:it|this|that|them)|did\s+(?:it|this|that|them))\s+$", re.IGNORECASE
)
# "we can get it done in two weeks" is an amount too, but "it should be done in two weeks" and
# "ship it in a fortnight" say when.
_DONE_IN = compiled(
    r"\b(?:done|build|built|finish(?:ed)?|complet(?:e|ed)|deliver(?:ed)?|implement(?:ed)?|"
    r"ship(?:ped)?\s+(?:it|this|that)|write|written|migrate[ds]?)\s+(?:it\s+|this\s+|that\s+|them\s+)?$",
    re.IGNORECASE,
)
_OR_MORE = compiled(r"\s+or\s+(two|three)\b", re.IGNORECASE)
_CAN_BEFORE = compiled(r"\b(?:can|could|can't|cannot|able\s+to)\s[^.;:!?]{0,40}$", re.IGNORECASE)


def _iso_day(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    if counted(text, m.start(), whole_date=True):
        return None
    return Atom(m.start(), m.end(), "day", cal.day(int(m["id_y"]), int(m["id_m"]), int(m["id_d"]), m[0]))


def _dmy(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    """14.08.2027 and 14/08/2027 are day first; 08/14/2027 can only be month first."""
    if counted(text, m.start(), whole_date=True):
        return None
    if (
        m["dy_s"] == "."
        and (len(m["dy_d"]) != 2 or len(m["dy_m"]) != 2)
        and not _DAY_CUE_BEFORE.search(text, max(0, m.start() - 16), m.start())
    ):
        return None  # "1.02.2027" is a version; dotted dates are dd.mm.yyyy, or follow a cue ("from 1.1.2027")
    day, month, year = int(m["dy_d"]), int(m["dy_m"]), int(m["dy_y"])
    if m["dy_s"] == "/" and month > 12 >= day:
        day, month = month, day
    return Atom(m.start(), m.end(), "day", cal.day(year, month, day, m[0]))


def _md_slash(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    """'3/31' is month first and '31/3' day first, whatever the writer's country; '3/4' could be
    either (or a fraction) and is no date. Like a yearless month, it needs a cue: 'by 3/31'."""
    a, b = int(m["ms_a"]), int(m["ms_b"])
    if counted(text, m.start()) or (a, b) == (24, 7):  # "support 24/7"
        return None
    start = m.start()
    weekday = p.WEEKDAY_BEFORE.search(text, max(0, start - 12), start)
    if a > 12 >= b or a == b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    elif weekday is not None and (read := _read_by_weekday(a, b, weekday[0], g.as_of)) is not None:
        day, month = read  # "Thu 3/11": the reading whose next date falls on a Thursday
    elif _MONTH_FIRST.search(text) and not _DAY_FIRST.search(text):
        day, month = b, a  # "approved on 11/20; enforcement starts 12/7": the writer puts the month first
    else:
        return None

    week = _SLASH_WEEK_OF.search(text, max(0, start - 16), start)
    if week is not None:  # "w/c 1/18", "wk of 11/16": the week holding that day

        def build_week(year: int) -> Window:
            return cal.week_containing(date(year, month, day), text[week.start() : m.end()])

        return Atom(week.start(), m.end(), "week", cal.next_occurrence(build_week, g.as_of))

    def build(year: int) -> Window:
        return cal.day(year, month, day, m[0])

    # After a weekday ("Wed 1/13") or as a heading ("Minutes 11/19:"), it needs no other cue.
    told = weekday is not None or (
        text.startswith(":", m.end()) and _SLASH_HEADING.search(text, max(0, start - 16), start) is not None
    )
    return Atom(start, m.end(), "day", cal.next_occurrence(build, g.as_of), pending=not told, with_year=build)


# A yearless slash date that can only be month first, or only day first.
_MONTH_FIRST = compiled(r"(?<![\w./-])(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])(?![\w/]|[.,:-]\d)")
_DAY_FIRST = compiled(r"(?<![\w./-])(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])(?![\w/]|[.,:-]\d)")
_DAY_CUE_BEFORE = compiled(
    r"\b(?:on|from|by|until|till|since|effective|dated|before|after|starting|due)\s+$", re.IGNORECASE
)


def _dm_dot(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    """'by 15.03.', 'on 24.02.': day first, as it is written where this form is used, after a
    cue of its own or a weekday."""
    if counted(text, m.start()):
        return None
    day, month = int(m["dd_d"]), int(m["dd_m"])
    before = text[max(0, m.start() - 16) : m.start()]
    if not (p.WEEKDAY_BEFORE.search(before) or _DAY_CUE_BEFORE.search(before)):
        return None  # "Ubuntu 22.04 and 24.04.": versions; a day needs "by", "on", "until"... or its weekday

    def build(year: int) -> Window:
        return cal.day(year, month, day, m[0])

    return Atom(m.start(), m.end(), "day", cal.next_occurrence(build, g.as_of), with_year=build)


def _my_slash(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    """'in 03/2027', 'SOP 07/2027': a month after a cue or a milestone ('issue 03/2027' is none)."""
    low = max(0, m.start() - 24)
    milestone = len(m["mys_m"]) == 2 and _MILESTONE_BEFORE.search(text, low, m.start()) is not None
    if not milestone and (counted(text, m.start()) or not p.CUE_BEFORE.search(text, low, m.start())):
        return None
    return Atom(m.start(), m.end(), "month", month_window(int(m["mys_y"]), int(m["mys_m"]), m[0]))


# What a plan's timing names before its month: "VP build 03/2027", "SOP 07/2027", "GA: 09/2027"
# (a month written with two digits: "build 3/2027" may be a build number).
_MILESTONE_BEFORE = compiled(
    r"\b(?:builds?|SOP|EOP|launch|release|GA|go-live|freeze|kick-?off|cutover|pilot|rollout|milestone|handover)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)


def _nth_day(month: int, day: int, year: int) -> Window:
    return cal.day(year, month, day)


def _read_by_weekday(a: int, b: int, weekday: str, as_of: date) -> tuple[int, int] | None:
    """Day and month of 'a/b' when exactly one reading's next date is on `weekday`."""
    wanted = cal.weekday_number(weekday.strip(" ,."))
    fits = []
    for day, month in ((b, a), (a, b)):  # month first, then day first
        try:
            found = cal.next_occurrence(partial(_nth_day, month, day), as_of)
        except (WindowError, ValueError):
            continue
        if found.start.weekday() == wanted:
            fits.append((day, month))
    return fits[0] if len(fits) == 1 else None


_SLASH_HEADING = compiled(
    r"(?:^|\b(?:minutes|notes|update|status|standup|stand-up|sync|retro|review|meeting|agenda|plan|recap|summary)\s+)$",
    re.IGNORECASE,
)
_SLASH_WEEK_OF = compiled(p.WEEK_OF + "$", re.IGNORECASE)


def _week_of_month(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    month = p.MONTH_NUMBER.get(m["wm_m"].lower().rstrip("."))
    if month is None:
        return None
    order = p.ORDINALS[m["wm_o"].lower()] if m["wm_o"].lower() != "last" else 0

    def build(year: int) -> Window:
        return cal.week_of_month(year, month, order, m[0])

    window = cal.in_year(build, m["wm_y"], g)
    return Atom(m.start(), m.end(), "week", window)


def _nth_weekday(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    """'the first Thursday of January': the day it falls on that year (the next one unwritten)."""
    month = p.MONTH_NUMBER.get(m["nw_m"].lower().rstrip("."))
    if month is None:
        return None
    weekday = p.WEEKDAYS.index(m["nw_d"].lower())
    nth = p.ORDINALS[m["nw_o"].lower()]  # "last" is 4 there: counted from the end below
    last = m["nw_o"].lower() == "last"

    def build(year: int) -> Window:
        first = date(year, month, 1)
        if last:
            end = month_window(year, month).end
            return day_window(end - timedelta(days=(end.weekday() - weekday) % 7), m[0])
        return day_window(first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1)), m[0])

    return Atom(m.start(), m.end(), "day", cal.in_year(build, m["nw_y"], g))


def _weekday_dom(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    """'Thursday the 3rd': the first day from today that is both; none within a year is no date."""
    weekday = cal.weekday_number(m["wx_w"])
    day = int(m["wx_n"])
    month = date(g.as_of.year, g.as_of.month, 1)
    for _ in range(14):
        if day <= month_window(month.year, month.month).end.day:
            found = date(month.year, month.month, day)
            if found >= g.as_of and found.weekday() == weekday:
                return Atom(m.start(), m.end(), "day", day_window(found, m[0]))
        month = cal.add_months(month, 1)
    return None


def _weeks_of_month(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    month = p.MONTH_NUMBER.get(m["wk_m"].lower().rstrip("."))
    if month is None:
        return None
    which = m["wk_o"].lower()
    if m["wk_f"]:  # "the first fortnight of May": its first two weeks; the second, its last two
        weeks, last = 2, which != "first"
    elif which == "second":
        return None  # "the second two weeks of May": not a way of writing it
    else:
        weeks, last = {"two": 2, "three": 3}.get(m["wk_n"].lower()) or int(m["wk_n"]), which == "last"

    def build(year: int) -> Window:
        return cal.weeks_of_month(year, month, weeks, last, m[0])

    window = cal.in_year(build, m["wk_y"], g)
    return Atom(m.start(), m.end(), "range", window)


def _weeks_range(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    """'Weeks 10-12 of 2027': from the first day of one ISO week to the last of the other."""
    first, last = int(m["wr_a"]), int(m["wr_b"])
    if last <= first:
        return None

    def build(year: int) -> Window:
        return cal.span(cal.week(year, first, m[0]).start, cal.week(year, last, m[0]).end, m[0])

    if m["wr_y"]:
        return Atom(m.start(), m.end(), "range", build(int(m["wr_y"])))
    # "KW 50-51" alone: the next such weeks; "weeks 3-5" needs a cue, as "week 3" does
    given = m[0][:2].upper() in ("CW", "KW")
    return Atom(m.start(), m.end(), "range", cal.next_occurrence(build, g.as_of), pending=not given)


_STUDY_WEEK_BEFORE = compiled(r"\b(?:visit|cycle|dose|day|study|trial|arm)\s+\d+\s*[(,/-]?\s*$", re.IGNORECASE)


def _week_num(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    week = int(m["wn_n"])
    if _STUDY_WEEK_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return None  # "Visit 5 (Week 12)": a week of a study or a cycle, counted from its own start
    if m[0][:1] == "W" and m[0][:2] != "WK" and m[0][1:2].isdigit() and not _W_WEEK_AFTER.match(text, m.end()):
        return None  # "the W2 form": a name; "starts in W51." is a week
    if m["wn_y"]:
        return Atom(m.start(), m.end(), "week", cal.week(int(m["wn_y"]), week, m[0]))
    # "week 47" alone: the next week 47, as a yearless month is the next such month; and
    # only after a cue ("in week 47", "for week 47"): "week 3 is the backup" counts weeks.
    # "CW 14" and a week given after a colon ("IT cabling: wk 15") need no cue.
    window = cal.next_occurrence(lambda y: cal.week(y, week, m[0]), g.as_of)
    given = (
        m[0][:2].upper() in ("CW", "KW", "WK", "WW")
        or text.startswith(":", m.end())  # "Editorial calendar, week 49:"
        or _COLON_BEFORE.search(text, max(0, m.start() - 4), m.start()) is not None
        or _YEAR_NOUNS.match(text, m.end()) is not None  # "Wk 50 plan:"
    )
    return Atom(m.start(), m.end(), "week", window, pending=not given)


_W_WEEK_AFTER = compiled(r"\s*(?:[,.;:!?)]|$)|\s+(?:and|or|to|through|until)\b|\s*[-\u2013]\s*W?\d")


def _eoy_year(m: re.Match[str], text: str, g: Grammar) -> Atom:
    """'EOY 2027' is 'the end of 2027': the last third of the year, a range like 'late 2027'."""
    return Atom(m.start(), m.end(), "range", cal.part_of(cal.year(int(m["ey_y"]), m[0]), "year", "end"))


def _week_of_day(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    """'the week of 11 January 2027', 'the week of Jan 11': the week holding that day."""
    month = _month_word(m["wd_m"] or m["wd_m2"], numbered=True)
    day_text = re.sub(r"\D", "", m["wd_d"] or m["wd_d2"])
    if month is None:
        return None

    def build(year: int) -> Window:
        return cal.week_containing(date(year, month, int(day_text)), m[0])

    window = cal.in_year(build, m["wd_y"], g)
    return Atom(m.start(), m.end(), "week", window)


def _season_bare(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    """'over the summer': the next one not yet over; 'the Fall release' is a name, and so is
    'the spring release': a season before a noun names the thing, not a time."""
    if not cued(text, m.start()) or _NOUN_AFTER_SEASON.match(text, m.end()):
        return None
    name = m["sb_s"].lower()
    window = cal.next_occurrence(lambda y: cal.season(y, name, m[0]), g.as_of)
    part = p.PART_BEFORE.search(text, max(0, m.start() - 12), m.start())
    if part is not None and part["part"].lower() in ("early", "mid", "late"):  # "late autumn": its last month
        return Atom(part.start(), m.end(), "range", cal.part_of(window, "quarter", part["part"].lower()))
    return Atom(m.start(), m.end(), "range", window)


# After a bare season, a word that is neither a preposition nor a conjunction is a noun it modifies.
_NOUN_AFTER_SEASON = compiled(
    r"[ \t]+(?!(?:and|or|but|to|through|until|till|when|while|as|so|because|if|then|of|in|on|at|for|with|by)\b)[a-z]"
    r"|[ \t]+[A-Z][a-z]"  # "the Spring Street depot": a name
)


def _week_of(m: re.Match[str], text: str, g: Grammar) -> Atom:
    d = cal.day(int(m["wo_y"]), int(m["wo_m"]), int(m["wo_d"]), m[0])
    return Atom(m.start(), m.end(), "week", cal.week_containing(d.start, m[0]))


def _iso_week(m: re.Match[str], text: str, g: Grammar) -> Atom:
    return Atom(m.start(), m.end(), "week", cal.week(int(m["iw_y"]), int(m["iw_w"]), m[0]))


def _iso_qh(m: re.Match[str], text: str, g: Grammar) -> Atom:
    kind, n, year = m["iq_k"].upper(), int(m["iq_n"]), int(m["iq_y"])
    window = cal.quarter(year, n, m[0]) if kind == "Q" else cal.half(year, n, m[0])
    return absolute(m, text, window, "quarter" if kind == "Q" else "half")


def _iso_month(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    year, month = int(m["im_y"]), int(m["im_m"])
    if not 1 <= month <= 12 or not 1800 <= year <= 2199 or counted(text, m.start()):
        return None
    return absolute(m, text, cal.month(year, month, m[0]), "month")


def _qh(m: re.Match[str], text: str, g: Grammar) -> Mention | Atom | None:
    kind = (m["qh_k"] or m["qh_k2"]).upper()
    n = int(m["qh_n"] or m["qh_n2"])
    if text[m.start() - 1 : m.start()] == "." and text[m.start() - 2 : m.start() - 1].isdigit():
        return None  # "software release 24.Q2": a release name
    if m["qh_k"] == "q" and not cued(text, m.start()) and not _H_NOUNS.match(text, m.end()):
        return None  # "the q3 key" is a name; "in q3" and "our q2 goals" are quarters
    if m["qh_k"] == "h" and not (m["qh_y"] or m["qh_yy"]):
        return None  # "h1" alone is a heading tag; "h1 2027" is a half
    if kind == "H" and n > 2:
        return None
    build = cal.quarter if kind == "Q" else cal.half
    unit = "quarter" if kind == "Q" else "half"
    year_text = m["qh_y"] or m["qh_yy"] or m["qh_y2"]
    if year_text:
        year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
        return absolute(m, text, build(year, n, m[0]), unit)
    if (m["qh_n2"] and not (kind == "H" and cued(text, m.start()))) or (
        counted(text, m.start())
        and not _TO_PERIOD.match(text, m.end())
        and not _PERIOD_SLASH.search(text, max(0, m.start() - 3), m.start())  # "Q1/Q2"
    ):
        return None  # "3Q" without a year is too often something else; "item Q3" is a name
    if m["qh_rel"]:  # "Q1 next year": relative
        offset = {"next": 1, "this": 0, "last": -1}[m["qh_rel"].lower()]
        return Mention(m.start(), m.end(), m[0], DATE, "relative", build(g.as_of.year + offset, n, m[0]))
    window = cal.next_occurrence(lambda y: build(y, n, m[0]), g.as_of)
    # "H2" alone is as often a heading level; it needs a cue ("in H2") or a planning noun after it.
    pending = (
        kind == "H"
        and not _YEAR_NOUNS.match(text, m.end())
        and not _H_NOUNS.match(text, m.end())
        and not (  # "H1 is about retention; H2 is about expansion"
            (m.start() == 0 or _ITEM_START.search(text, max(0, m.start() - 4), m.start()))
            and _SUBJECT_AFTER.match(text, m.end())
        )
    )
    return absolute(m, text, window, unit, pending, lambda y: build(y, n, m[0]))


_PERIOD_SLASH = compiled(r"[QH][1-4]/$")
_TO_PERIOD = compiled(r"\s*(?:-|\u2013|\u2014|\.\.|to|through|thru|until|till)\s*[QH][1-4]")
_H_NOUNS = compiled(
    r"\s+(?:priorities|goals|themes|bets|commitments|OKRs?|targets|focus|forecasts?|numbers|results|revenue|pipeline|"
    r"headcount|hiring|bookings|board|roadmaps?|plans?|planning|budgets?|launch(?:es)?)\b",
    re.IGNORECASE,
)


def _fy(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    if m["fy_y2"]:  # "FY 2026-27", India's and Australia's way: the year from its start in 2026
        first = _year(m["fy_y"])
        if int(m["fy_y2"]) != (first + 1) % 100:
            return None
        return absolute(m, text, cal.split_year(first, g.fiscal_year_start, m[0]), "year")
    return absolute(m, text, cal.fiscal_year(_year(m["fy_y"]), g.fiscal_year_start, m[0]), "year")


def _cy(m: re.Match[str], text: str, g: Grammar) -> Atom:
    return absolute(m, text, cal.year(_year(m["cy_y"]), m[0]), "year")


def _fy_q(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    year = _year(m["fq_y"] or m["fq_y2"])
    part = (m["fq_q"] or m["fq_q2"]).upper()
    kind, n = (part[0], int(part[1])) if part[0] in "QH" else (part[1], int(part[0]))
    build = cal.fiscal_half if kind == "H" else cal.fiscal_quarter
    if kind == "H" and n > 2:
        return None
    if m["fq_q3"]:  # "FY27 Q2-Q4": both ends in the same fiscal year
        last = m["fq_q3"].upper()
        if last[0] != kind or int(last[1]) <= n or (kind == "H" and int(last[1]) > 2):
            return None
        first_window = build(year, n, g.fiscal_year_start, m[0])
        last_window = build(year, int(last[1]), g.fiscal_year_start, m[0])
        return Atom(m.start(), m.end(), "range", range_window(first_window, last_window, m[0]))
    return absolute(m, text, build(year, n, g.fiscal_year_start, m[0]), "half" if kind == "H" else "quarter")


def _ordinal_part(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    kind = m["op_k"].lower()
    order = m["op_o"].lower()
    if order in ("front", "back"):  # "the back half of 2027"
        if kind != "half":
            return None
        order = "first" if order == "front" else "second"
    n = p.ORDINALS[order]
    if kind == "half":
        n = 2 if m["op_o"].lower() == "last" else n
        if n > 2:
            return None
    if m["op_m"]:
        return _half_of_month(m, kind, n, g)
    if m["op_fy"]:  # "the second half of FY27"
        fiscal = cal.fiscal_quarter if kind == "quarter" else cal.fiscal_half
        return Atom(m.start(), m.end(), kind, fiscal(_year(m["op_fy"]), n, g.fiscal_year_start, m[0]))
    build = cal.quarter if kind == "quarter" else cal.half
    year_text = (m["op_y"] or "").lower()
    if year_text and year_text[0].isdigit():
        return Atom(m.start(), m.end(), kind, build(int(year_text), n, m[0]))
    if year_text:
        year = g.as_of.year + (1 if year_text.startswith("next") else 0)
        return Atom(m.start(), m.end(), "relative", build(year, n, m[0]))
    window = cal.next_occurrence(lambda y: build(y, n, m[0]), g.as_of)
    return Atom(m.start(), m.end(), kind, window, pending=True, with_year=lambda y: build(y, n, m[0]))


def _half_of_month(m: re.Match[str], kind: str, n: int, g: Grammar) -> Atom | None:
    month = _month_word(m["op_m"])
    if month is None or kind != "half":
        return None  # a quarter of a month is not a thing people plan by

    def build(year: int) -> Window:
        return cal.half_of_month(year, month, n, m[0])

    if m["op_my"]:
        return Atom(m.start(), m.end(), "range", build(int(m["op_my"])))
    return Atom(m.start(), m.end(), "range", cal.next_occurrence(build, g.as_of), with_year=build)


_THE_BEFORE_HOLIDAY = compiled(r"\bthe\s$", re.IGNORECASE)
_CAUSE_BEFORE = compiled(r"\b(?:because\s+of|due\s+to|owing\s+to|on\s+account\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
_HOLIDAY_WEEK_OF = compiled(r"\b(?:the\s+)?(?:week|wk)\s+of\s+$", re.IGNORECASE)


def _holiday(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    """'before Christmas', 'on Black Friday 2027': a day; yearless, the next one. Like a yearless
    month it needs a cue or a range to be a date: 'the Black Friday email' is not one."""
    name = m["ho_n"]

    def build(year: int) -> Window:
        return cal.holiday(name, year, m[0])

    week = _HOLIDAY_WEEK_OF.search(text, max(0, m.start() - 16), m.start())
    if week is not None:  # "the week of Thanksgiving"

        def build_week(year: int) -> Window:
            return cal.week_containing(build(year).start, text[week.start() : m.end()])

        if m["ho_y"]:
            return Atom(week.start(), m.end(), "week", build_week(int(m["ho_y"])))
        return Atom(week.start(), m.end(), "week", cal.next_occurrence(build_week, g.as_of))
    if m["ho_y"]:
        return Atom(m.start(), m.end(), "day", build(int(m["ho_y"])))
    if _CAUSE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
        return None  # "moved to Wednesday because of Thanksgiving": the holiday is the reason, not a date
    if _THE_BEFORE_HOLIDAY.search(text, max(0, m.start() - 4), m.start()) and _NOUN_AFTER_SEASON.match(text, m.end()):
        return None  # "the Christmas market", "the Black Friday email": a name
    return Atom(m.start(), m.end(), "day", cal.next_occurrence(build, g.as_of), pending=True, with_year=build)


def _year_span(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    first, last = int(m["ys_a"]), int(m["ys_b"])
    if counted(text, m.start()):
        return None
    if last == (first + 1) % 100:
        return absolute(m, text, cal.split_year(first, g.fiscal_year_start, m[0]), "year")
    if first % 100 < last <= first % 100 + 10:  # "the 2028-33 regulatory period": calendar years
        end = first - first % 100 + last
        return Atom(m.start(), m.end(), "range", range_window(cal.year(first), cal.year(end), m[0]))
    return None  # "2027-45" is no year


def _holiday_season(m: re.Match[str], text: str, g: Grammar) -> Atom:
    """'holiday 2027', 'the holiday season 2027': November and December, retail's holiday season."""
    year = int(m["hs_y"])
    return Atom(m.start(), m.end(), "range", range_window(cal.month(year, 11), cal.month(year, 12), m[0]))


def _month_edge(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    """'the last day of February 2027', 'the first working day of March': one day."""
    month = _month_word(m["me_m"])
    if month is None:
        return None
    last, working = m["me_o"].lower() == "last", m["me_w"] is not None

    def build(year: int) -> Window:
        whole = cal.month(year, month)
        d, step = (whole.end, -1) if last else (whole.start, 1)
        while working and d.weekday() >= 5:
            d += timedelta(days=step)
        return cal.day(d.year, d.month, d.day, m[0])

    window = build(int(m["me_y"])) if m["me_y"] else cal.next_occurrence(build, g.as_of)
    return Atom(m.start(), m.end(), "day", window)


def _decade(m: re.Match[str], text: str, g: Grammar) -> Atom:
    """'the 2030s': ten years; 'the early 2030s': its first third, as 'early 2030' is a year's."""
    first, years = int(m["dc_y"]), 9
    if m["dc_p"]:  # years 0-3, 3-6 or 6-9 of the decade
        first, years = first + 3 * {"early": 0, "mid": 1, "late": 2}[m["dc_p"].lower()], 3
    return Atom(m.start(), m.end(), "range", range_window(cal.year(first), cal.year(first + years), m[0]))


def _season(m: re.Match[str], text: str, g: Grammar) -> Atom:
    year = int(m["se_y"]) if m["se_y"] else 2000 + int(m["se_yy"])
    return Atom(m.start(), m.end(), "range", cal.season(year, m["se_s"].lower(), m[0]))


def _month_word(word: str, numbered: bool = False) -> int | None:
    """The month a word names. Quick notes write months in lower case ("jan 4", "in
    october"); "may", "march" and "mar" in lower case are words unless a day or a year is
    written with them ("march 15")."""
    key = word.lower().rstrip(".")
    if not word[0].isupper() and not numbered and key in _LOWER_WORDS:
        return None
    return p.MONTH_NUMBER.get(key)


_LOWER_WORDS = frozenset(("may", "march", "mar"))
_MONTH_PREPOSITION = compiled(r"\b(?:between|from|in|until|till|through|since|early|late|mid-?)\s*$", re.IGNORECASE)


def _day_month(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    return _day_and_month(m, m["dm_d"], m["dm_m"], m["dm_y"], g)


def _dmy_name(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    return _day_and_month(m, m["dn_d"], m["dn_m"], m["dn_y"], g)


def _month_day(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    return _day_and_month(m, m["md_d"], m["md_m"], m["md_y"], g)


def _day_and_month(m: re.Match[str], day_text: str, month_text: str, year_text: str | None, g: Grammar) -> Atom | None:
    month = _month_word(month_text, numbered=True)
    if month is None:
        return None
    day = int(day_text.rstrip("stndrh"))
    if year_text:
        return Atom(m.start(), m.end(), "day", cal.day(int(year_text), month, day, m[0]))
    window = cal.next_occurrence(lambda y: cal.day(y, month, day, m[0]), g.as_of)
    return Atom(m.start(), m.end(), "day", window, with_year=lambda y: cal.day(y, month, day, m[0]))


def _day_range_month(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    return _day_range(m, m["drm_a"], m["drm_b"], m["drm_m"], m["drm_y"], g)


def _month_day_range(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    return _day_range(m, m["mdr_a"], m["mdr_b"], m["mdr_m"], m["mdr_y"], g)


def _day_range(m: re.Match[str], a: str, b: str, month_text: str, year_text: str | None, g: Grammar) -> Atom | None:
    month = _month_word(month_text, numbered=True)
    if month is None:
        return None
    first, last = int(a.rstrip("stndrh")), int(b.rstrip("stndrh"))

    def build(year: int) -> Window:
        return range_window(cal.day(year, month, first), cal.day(year, month, last), m[0])

    window = cal.in_year(build, year_text, g)
    return Atom(m.start(), m.end(), "range", window)


def _month_year(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    month = _month_word(m["my_m"], numbered=True)
    if month is None:
        return None
    year = int(m["my_y"]) if m["my_y"] else 2000 + int(m["my_yy"])
    return absolute(m, text, cal.month(year, month, m[0]), "month")


def _month(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    word = m["mo_m"]
    # "between march and may 2027", "in may": after these, even "may" is a month
    month = _month_word(
        word,
        numbered=not word[0].isupper()
        and word.lower() in _LOWER_WORDS
        and _MONTH_PREPOSITION.search(text, max(0, m.start() - 10), m.start()) is not None,
    )
    # "Release date reveal: March.": a month given as a value is one; "Owner: May Lin" is a name.
    given = _COLON_BEFORE.search(text, max(0, m.start() - 4), m.start()) is not None or _listed(text, m)
    if given and _NAME_AFTER.match(text, m.end()):
        return None
    if month is None:
        return None
    # "a May start": after an article and before a noun, "May" tells which month; no verb follows an article
    modifies = _modifies(text, m.start(), m.end()) and (
        month != 5 or _ARTICLE_JUST_BEFORE.search(text, max(0, m.start() - 6), m.start()) is not None
    )
    if word.lower() == "may" and not (given or modifies or cued(text, m.start()) or _TO_MONTH.match(text, m.end())):
        return None
    # "Mar", "Jun" alone are too often a name or a word: like every yearless month, they are
    # pending, a mention only after a cue ("in Mar") or as a range end ("Jan-Mar").
    window = cal.next_occurrence(lambda y: cal.month(y, month, m[0]), g.as_of)
    pending = not given and not modifies
    return absolute(m, text, window, "month", pending, lambda y: cal.month(y, month, m[0]))


def _listed(text: str, m: re.Match[str]) -> bool:
    """'Jan - hardening; Feb - beta': a month that heads an item; 'Feb is looking tight': the
    subject of a sentence."""
    start = m.start()
    if start and _ITEM_START.search(text, max(0, start - 4), start) is None:
        return False
    if _ITEM_AFTER.match(text, m.end()):
        return True
    return m["mo_m"].lower() != "mar" and _SUBJECT_AFTER.match(text, m.end()) is not None  # "Mar is short for"


_ITEM_START = compiled(r"(?:^|[;.!?\u2022*]\s+|\n\s*)$")
_ITEM_AFTER = compiled(r"\s*(?:[\u2013\u2014]|-\s|:\s)")
_SUBJECT_AFTER = compiled(r"\s+(?:is|was|will|looks|seems|has|gets|feels)\b")


def _modifies(text: str, start: int, end: int) -> bool:
    """'the January QBR', 'a flat December': a month that tells which one,
    after an article and before a noun (not 'of': 'the March of progress')."""
    return (
        _ARTICLE_BEFORE.search(text, max(0, start - 24), start) is not None
        and _NOUN_OR_END_AFTER.match(text, end) is not None
    )


_ARTICLE_JUST_BEFORE = compiled(r"\b(?:a|the)\s+$", re.IGNORECASE)
_ARTICLE_BEFORE = compiled(r"\b(?:the|a|an|our|their|this|that)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
_NOUN_OR_END_AFTER = compiled(r"\s+(?!of\b|and\b|or\b|to\b)[A-Za-z]|\s*[.;!?]")


_NAME_AFTER = compiled(r"\s+[A-Z][a-z]")
_COLON_BEFORE = compiled(r":\s*$")
# "May to June 2027": "May" opens a range of months, so it is one.
_TO_MONTH = compiled(
    r"\s*(?:-|\u2013|\u2014|to|through|thru|until|till)\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I
)


def _year_range(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    first, last = int(m["yr_a"]), int(m["yr_b"])
    if last <= first or last - first > 10:
        return None
    return Atom(m.start(), m.end(), "range", range_window(cal.year(first), cal.year(last), m[0]))


def _year(value: str) -> int:
    return int(value) if len(value) == 4 else 2000 + int(value)


def _bare_year(m: re.Match[str], text: str, g: Grammar) -> Atom | None:
    start = m.start()
    after = text[m.end() : m.end() + 24]
    if (
        _product_name(text, start)
        or _AFTER_NUMBER.search(text, max(0, start - 4), start)
        # "the 2018 accessibility regulations", "the 2010 Act": a law named by its year
        or (_DETERMINER_BEFORE.search(text, max(0, start - 8), start) and _LAW_AFTER.match(text, m.end()))
        or (
            # "one of the 2000 users" counts; "scoring of the 2026 OKRs" names the year's OKRs
            counted(text, start)
            and not (_DETERMINER_BEFORE.search(text, max(0, start - 8), start) and _YEAR_NOUNS.match(after))
        )
    ):
        return None
    has_cue = cued(text, start) or p.PART_BEFORE.search(text, max(0, start - 24), start) is not None
    ends_clause = (
        not after.strip(" \t")
        or after[0] in ".,;:!?)]\u2013\u2014\"'\r\n"
        or after.startswith((" -", " \u2013", " \u2014", " and ", " or ", " \n"))
    )
    determined = _DETERMINER_BEFORE.search(text, max(0, start - 8), start) is not None
    named = determined and _MODIFIED_YEAR_NOUN.match(after) is not None  # "the 2027 analytics roadmap"
    modifies = named or (determined and _SINGULAR_AFTER.match(after))
    if (
        not has_cue
        and not ends_clause
        and not modifies
        and not _YEAR_NOUNS.match(after)
        and not _YEAR_VERBS.match(after)
    ):
        return None
    # "2027 users" counts; "2027 is" and "2026 goals" do not
    counts = _COUNTED.match(after) and not _YEAR_VERBS.match(after) and not _YEAR_NOUNS.match(after) and not named
    if after[:1] == " " and counts and (not has_cue or _COMPARED.search(text, max(0, start - 16), start)):
        return None  # "2027 users", "more than 2027 rows"
    window = cal.year(int(m["ye_y"]), m[0])
    return absolute(m, text, window, "year")


_MODIFIED_YEAR_NOUN = compiled(r"^\s+[a-z][\w-]*" + _YEAR_NOUNS.pattern[1:], re.IGNORECASE)
_LAW_AFTER = compiled(r"\s+(?:[a-z][\w-]*\s+)?(?:regulations|act|directive|statute|ordinance)\b", re.IGNORECASE)
_AFTER_NUMBER = compiled(r"\d\s$")  # "+1 415 555 2027": a phone number's last part
_COUNTED = compiled(r"^\s+(?:[a-z]+s|people|staff)\b")
# "the 2027 graduate cohort", "our 2027 research roadmap": a year that tells which one; a
# count takes a plural ("the 2027 users").
_DETERMINER_BEFORE = compiled(r"\b(?:the|our|their|its|this|that|your|his|her|my)\s+$", re.IGNORECASE)
_SINGULAR_AFTER = compiled(r"^\s+[a-z]*(?:ss|[a-rt-z])\b(?![-\u2013]\w)")
# "2027 is the year we...": a year that a verb follows is the subject of the sentence.
_YEAR_VERBS = compiled(
    r"^\s+(?:is|was|will|would|should|could|must|has|brings?|brought|starts?|ends?|begins?|marks?|looks?|becomes?)\b"
)
# Before a number and a plural noun, these compare amounts: "more than 2027 rows", "of 2000 requests".
_COMPARED = compiled(r"\b(?:than|over|under|of|to|about|around|nearly|almost|approximately)\s+$", re.IGNORECASE)


def _product_name(text: str, start: int) -> bool:
    """'Windows 2000', 'Office 2019': a capitalised name right before a year names a product."""
    m = _NAME_BEFORE.search(text, max(0, start - 24), start)
    if m is None or cued(text, start) or p.PART_BEFORE.search(text, max(0, start - 24), start):
        return False  # "In 2027", "Early 2027", "Since 2025"
    return m["name"].lower() not in _PLAN_NAMES


_NAME_BEFORE = compiled(r"\b(?P<name>[A-Z][A-Za-z]+) $")
# Capitalised words before a year that do not name a product: plan words and determiners.
_PLAN_NAMES = frozenset(
    (
        *("roadmap", "plan", "plans", "vision", "goals", "okrs", "strategy", "budget", "planning"),
        *("the", "our", "their", "this", "that", "its", "your", "my", "his", "her", "a", "an", "each", "every"),
    )
)
# "the 2nd time in 3 sprints": a span that counts occurrences, not a date.
_TIMES_BEFORE = compiled(r"\b(?:times?|twice|once|thrice)\s+$", re.IGNORECASE)


_EVENTS_IN = compiled(r"\b\d+\s+(?:[a-z-]+\s+)?[a-z-]+s\s+$")  # "4 incidents in", "2 budget alerts in"


# Before and after "year-end" used as a modifier: a determiner or the start of a sentence, and
# a word that is not a verb or a function word ("by year-end we ship" stays a date).
_MODIFIER_BEFORE = compiled(r"(?:^|[.;:!?]\s+|\b(?:the|a|an|our|this|its|their|your|his|her)\s+)$", re.IGNORECASE)
_NOUN_AFTER = compiled(
    r"\s+(?!(?:is|are|was|were|will|would|should|can|could|may|might|must|has|have|had|and|or|but|to|for|at|in|on|by|"
    r"with|we|the|this|that|if|when|so|as|it|they|everything|all|then)\b)[A-Za-z][\w-]*"
)


def _modifier(m: re.Match[str], text: str) -> bool:
    return _MODIFIER_BEFORE.search(text, max(0, m.start() - 8), m.start()) is not None and bool(
        _NOUN_AFTER.match(text, m.end())
    )


def _relative(m: re.Match[str], text: str, g: Grammar) -> Mention | None:
    if m.lastgroup == "rel_in":
        if _not_a_date_in(m, text):
            return None
        if _in_as_effort(m, text):
            if more := _OR_MORE.match(text, m.end()):  # "we can get it done in a day or two"
                return estimate_from(m, text, m.start("ri_n"), m["ri_n"], more[1], m["ri_u"], None, more.end())
            return estimate_from(m, text, m.start("ri_n"), m["ri_n"], None, m["ri_u"], None)
    elif m.lastgroup == "rel_day" and m["rd_w"].lower().startswith(_NOW_WORDS) and not _now_planned(m, text):
        return None  # "the warehouse holds 12 TB today": the state of things, not a date set for work
    elif (
        m.lastgroup == "rel_ago"
        and m["ra_d"].lower() == "before"
        and _TAKES_BEFORE.search(text, max(0, m.start() - 30), m.start())
    ):
        # "it needs 2 weeks before launch", "it takes 3 days before the cache warms up": an amount
        return estimate_from(m, text, m.start("ra_n"), m["ra_n"], None, m["ra_u"], None, m.end("ra_u"))
    elif m.lastgroup == "rel_period" and m["rp_u"] and _modifier(m, text):
        return None  # "the year-end roundup", "Year-end P60s are issued in May": a kind of thing, not a date
    elif m.lastgroup == "rel_period" and habitual(text, m.start()):
        return None  # "the refresh usually takes 8 minutes, longer at month-end": every month's end
    elif (
        m.lastgroup == "rel_ago"
        and _PAST_THAN.match(text, m.end())
        and _DONE.search(text, max(0, m.start() - 24), m.start())
    ):
        return None  # "the spike took 3 hours later than planned": how late it was, not a date
    elif m.lastgroup == "rel_ago" and habitual(text, m.start()):
        return None  # "the report usually arrives 10 business days later"
    elif m.lastgroup == "rel_ordinal" and _EVERY_MONTH_AFTER.match(text, m.end()):
        return None  # "paid on the 15th and the last working day of each month"
    elif m.lastgroup == "rel_weekday" and m.start() == m.start("rw_d") and _EVERY_WEEK_AFTER.match(text, m.end()):
        return None  # "Friday deploys are banned": what happens every Friday
    elif m.lastgroup == "rel_weekday" and m.start() == m.start("rw_d") and _EDITION_AFTER.match(text, m.end()):
        return None  # "the Sunday edition goes to press at 11pm": every Sunday's
    elif m.lastgroup == "rel_weekday" and _EVERY_WEEKDAY_AND.search(text, max(0, m.start() - 24), m.start()):
        return None  # "every Tuesday and Thursday": every week's
    elif m.lastgroup == "rel_weekday" and _A_WEEKDAY_AND.search(text, max(0, m.start() - 20), m.start()):
        return None  # "6-7 March 2027, a Saturday and Sunday": what days those are
    elif m.lastgroup == "rel_weekday" and _working_week(m, text):
        return None  # "Monday to Friday, 8am-6pm": the days of every week, not a date
    window = cal.resolve_relative(m, g.as_of, g.sprint_weeks, g.fiscal_year_start)
    if window is None:
        return None
    return Mention(m.start(), m.end(), m[0], DATE, "relative", window)


# "today" names a date, in a plan ("I'll pick it up today"), a note of the day's work ("today
# pairing on the cache layer") or a report ("502s since 09:40 UTC today"); not where the
# clause states an amount as it stands ("the warehouse holds 12 TB today") or opens with it
# for "nowadays" ("Today, support handles refunds by hand"). "tonight" and "this morning"
# always name a date.
_NOW_WORDS = ("today",)
_PAST_THAN = compiled(r"\s+than\b", re.IGNORECASE)
_DONE = compiled(r"\b(?:took|was|were|came|ran|finished|landed|shipped|arrived|ended)\b[^.;!?]*$", re.IGNORECASE)
_FROM_NOW = compiled(r"\b(?:from|starting|effective|until|till|by|before|after)\s+$", re.IGNORECASE)
_AMOUNT = compiled(r"\d(?![\d:.]*\s*(?:am|pm|[ap]\.m\.)(?!\w))(?!\d*:\d)")
_STATE_VERB = compiled(  # not "is rolling out": that happens today
    r"\b(?:has|have|had|holds?|held|is|are|was|were|stands?|sits?|totals?)\b(?!\s+\w+ing\b)", re.IGNORECASE
)
_AND = compiled(r"\b(?:and|but|then)\s")
_DOING_AFTER = compiled(r"\s*(?::|,|\u2014|-)?\s*(?:I'm\s+|I\s+am\s+|we're\s+|we\s+are\s+)?[a-z]+ing\b", re.IGNORECASE)


def _now_planned(m: re.Match[str], text: str) -> bool:
    if planned_clause(text, m.start()) or _FROM_NOW.search(text, max(0, m.start() - 12), m.start()):
        return True  # "frozen for new queues from today": a point in time, whatever the clause states
    before = _AND.split(clause_before(text, m.start()))[-1]
    if before.strip():
        return not (_STATE_VERB.search(before) and _AMOUNT.search(before))
    if text.startswith(",", m.end()):
        return _DOING_AFTER.match(text, m.end()) is not None
    return True


_TAKES_BEFORE = compiled(
    r"\b(?:takes?|took|taking|needs?|needed|requires?|wait|allow|budget)\s+(?:\w+\s+)?$", re.IGNORECASE
)
_EVERY_MONTH_AFTER = compiled(r"[^.;!?]{0,48}?\b(?:each|every|a|per)\s+month\b", re.IGNORECASE)
_EDITION_AFTER = compiled(
    r"\s+(?:editions?|papers?|supplements?|magazine|crossword|broadcast|digest|roasts?|brunch|lunch|menu|specials?|market)\b",
    re.IGNORECASE,
)
_EVERY_WEEKDAY_AND = compiled(rf"\b(?:every|each)\s+{p.DAY_NAME}s?\s*(?:,|and|or|&)\s*(?:on\s+)?$", re.IGNORECASE)
_A_WEEKDAY_AND = compiled(rf"\ba\s+{p.DAY_NAME}\s+(?:and|or|&)\s+$", re.IGNORECASE)
_EVERY_WEEK_AFTER = compiled(
    r"\s+[a-z]+s\s+(?:are|were|get|go|need|must|should|can|happen|run|fell|rose|dropped|grew|doubled|halved)\b"
)
_WEEK_JOIN = r"\s*(?:to|through|thru|till|until|-|\u2013|\u2014)\s*"
_WEEK_TO_END = compiled(_WEEK_JOIN + r"(?:fri|sat|sun)[a-z]*\.?", re.IGNORECASE)
_WEEK_FROM_MONDAY = compiled(r"\bmon(?:day)?\.?" + _WEEK_JOIN + "$", re.IGNORECASE)
_WEEK_TO_ANY = compiled(_WEEK_JOIN + p.DAY_NAME, re.IGNORECASE)
_WEEK_FROM_ANY = compiled(r"\b" + p.DAY_NAME + _WEEK_JOIN + "$", re.IGNORECASE)
_HOURS_BEFORE = compiled(r"\b(?:open|opens|closed|hours)\b|\d\s*(?:am|pm)\b", re.IGNORECASE)
_WEEK_NAMED = compiled(
    r"\W*(?:\w+\s+){0,2}?(?:this|next|coming|last)\s+week\b|\W*(?:the\s+)?week\s+of\b", re.IGNORECASE
)


def _working_week(m: re.Match[str], text: str) -> bool:
    """'Monday to Friday', 'Mon through Sat', 'open 6pm-11pm Tuesday to Friday': the opening
    days of every week, unless a week is named after them ('Monday to Friday next week')."""
    day = m["rw_d"].lower()
    start = m.start("rw_d")
    hours = _HOURS_BEFORE.search(text, max(0, start - 40), start) is not None
    end = -1
    if (joined := (_WEEK_TO_ANY if hours else _WEEK_TO_END).match(text, m.end())) is not None:
        end = joined.end()  # the first day of the pair
    elif (_WEEK_FROM_ANY if hours else _WEEK_FROM_MONDAY).search(text, max(0, start - 16), start) is not None:
        end = m.end()  # the second
    if (
        end < 0
        and _CLOSED_ON.search(text, max(0, start - 24), start) is not None
        and _OPENING_HOURS.search(text, max(0, start - 80), start) is not None
    ):
        end = m.end()  # "hours: 10:00-18:00 Tuesday to Saturday, closed Sunday and Monday"
    if end < 0 or (not hours and not day.startswith(("mon", "fri", "sat", "sun"))):
        return False
    return _WEEK_NAMED.match(text, end) is None


_OPENING_HOURS = compiled(r"\b\d\d?[:.]\d\d\b|\d\s*(?:am|pm)\b|\bhours\b", re.IGNORECASE)
_CLOSED_ON = compiled(
    rf"\b(?:closed|open|opens|shut)\s+(?:on\s+)?(?:{p.DAY_NAME}s?\s*(?:,|and|or|&)\s*)?$", re.IGNORECASE
)


def _in_as_effort(m: re.Match[str], text: str) -> bool:
    start = m.start()
    if _IN_AS_EFFORT.search(text, max(0, start - 30), start):
        return True
    return bool(
        _DONE_IN.search(text, max(0, start - 30), start) and _CAN_BEFORE.search(text, max(0, start - 60), start)
    )


_ANSWER_WITHIN = compiled(
    r"\b(?:respond|reply|replies|answer|decide|decision|revert|acknowledge|come\s+back|get\s+back)\w*\b"
    r"(?:\s+[\w'\u2019%-]+){0,8}?\s+$",
    re.IGNORECASE,
)
# "fix 95% of street light faults within 7 days", "reduced to \u00a335 if paid within 14 days": a target, a rule
_TARGET_WITHIN = compiled(
    r"(?:\b(?:fix|resolv|repair|respond|answer|process|clear|handl|deal\s+with)\w*\s+(?:to\s+)?\d+(?:\.\d+)?\s*%\s+of\b"
    r"(?:\s+[\w'\u2019-]+){0,6}?|\bif\s+(?:paid|received|submitted|returned|made|filed|claimed|reported))\s+$",
    re.IGNORECASE,
)
_SOLD_OUT = compiled(r"\b(?:sold(?:\s+out)?|booked\s+(?:up|out)|filled\s+up)\s+$", re.IGNORECASE)


def _not_a_date_in(m: re.Match[str], text: str) -> bool:
    """'in 3 months' and 'within 30 days' that name no date: counts, rules, offsets, averages."""
    start = m.start()
    return (
        _TIMES_BEFORE.search(text, max(0, start - 12), start) is not None  # "3 times in 2 sprints"
        # "disputes must be raised within 13 months", "claimants must report a loss within 30 days"
        or p.PASSIVE_WITHIN_BEFORE.search(text, max(0, m.start("ri_n") - 40), m.start("ri_n")) is not None
        # "within the next 30 days" counts from today, whatever the clause
        or (m["ri_p"].lower().startswith("within") and " the " not in m["ri_p"] and not planned_clause(text, start))
        # "we will respond to your query within 10 working days", "fix 95% of faults within 7 days"
        or (
            m["ri_p"][:6].lower() == "within"
            and (
                _ANSWER_WITHIN.search(text, max(0, start - 70), start) is not None
                or _TARGET_WITHIN.search(text, max(0, start - 70), start) is not None
            )
        )
        # "late fees kick in 15 days after the due date", "we onboard clients in 14 days on average"
        or offset_after(text[m.end() : m.end() + 60])
        or on_average(text, m.end())
        or habitual(text, start)  # "the phased release typically completes in 7 days"
        or _SOLD_OUT.search(text, max(0, start - 16), start) is not None  # "sold out in 3 days": how fast it went
        or (  # "4 incidents in 3 months"; "move 7 instances over the next two weeks" is a date
            m["ri_p"][:2].lower() == "in" and _EVENTS_IN.search(text, max(0, start - 40), start) is not None
        )
    )


DATE_HANDLERS: dict[str, Handler] = {
    "rel_after_next": _relative,
    "weeks_of_month": _weeks_of_month,
    "week_of_day": _week_of_day,
    "weeks_range": _weeks_range,
    "dmy": _dmy,
    "season_bare": _season_bare,
    "cy": _cy,
    "rel_dom": _relative,
    "rel_first_of_year": _relative,
    "week_of_month": _week_of_month,
    "nth_weekday": _nth_weekday,
    "weekday_dom": _weekday_dom,
    "week_num": _week_num,
    "eoy_year": _eoy_year,
    "rel_period": _relative,
    "day_range_month": _day_range_month,
    "month_day_range": _month_day_range,
    "year_range": _year_range,
    "week_of": _week_of,
    "iso_day": _iso_day,
    "iso_week": _iso_week,
    "iso_qh": _iso_qh,
    "iso_month": _iso_month,
    "fy_q": _fy_q,
    "fy": _fy,
    "qh": _qh,
    "ordinal_part": _ordinal_part,
    "season": _season,
    "day_month": _day_month,
    "dmy_name": _dmy_name,
    "month_day": _month_day,
    "month_year": _month_year,
    "month": _month,
    "year": _bare_year,
    "year_span": _year_span,
    "holiday": _holiday,
    "md_slash": _md_slash,
    "dm_dot": _dm_dot,
    "my_slash": _my_slash,
    "rel_next": _relative,
    "rel_in": _relative,
    "rel_coming": _relative,
    "rel_slip": _relative,
    "rel_ordinal": _relative,
    "decade": _decade,
    "month_edge": _month_edge,
    "holiday_season": _holiday_season,
    "rel_ago": _relative,
    "rel_end": _relative,
    "rel_day": _relative,
    "rel_weekday": _relative,
    "rel_around": _relative,
    "rel_new_year": _relative,
    "rel_weekend": _relative,
}
