"""The mention grammar: find dates and estimates in a run of prose and say what they mean.

Hand-written over one compiled alternation (`patterns.MENTION`): a mention's form is the
named group that matched, and the checks here (cue words, trap contexts, calendar
validity) are what regexes cannot say. Pure: text and an as-of date in, Mentions out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from planner.estimates import Estimate
from planner.prose import calendar as cal
from planner.prose import patterns as p
from planner.windows import Window, WindowError, range_window

DATE, ESTIMATE = "date", "estimate"
_LOOKBEHIND = 40
_YEAR_NOUNS = re.compile(
    r"^\s+(?:roadmap|plans?|planning|goals|OKRs?|budget|launch|release|target|strategy|priorities|timeline|"
    r"kickoff|offsite|season|cycle|edition|conference|summit|review|calendar|horizon|deadline|vision|effort|bet|"
    r"priority|priorities|theme|themes|initiative|commitment|objective|milestone|plan\b)\b",
    re.IGNORECASE,
)
_IN_AS_EFFORT = re.compile(
    r"\b(?:done|do|doable|did|build|built|finish(?:ed)?|complet(?:e|ed)|deliver(?:ed)?|implement(?:ed)?|"
    r"ship(?:ped)?\s+(?:it|this|that)|write|written|migrate[ds]?)\s+(?:it\s+|this\s+|that\s+|them\s+)?$",
    re.IGNORECASE,
)


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
class _Atom:
    start: int
    end: int
    granularity: str
    window: Window
    pending: bool = False  # yearless or cue-less: a mention only with a cue or as a range end
    with_year: Callable[[int], Window] | None = None


def find_mentions(text: str, grammar: Grammar) -> list[Mention]:
    """Every mention in `text`, in order. Never raises on any text."""
    found: list[Mention | _Atom] = []
    for m in _matches(text):
        kind = m.lastgroup
        if kind is None:
            continue
        try:
            result = _HANDLERS[kind](m, text, grammar)
        except (WindowError, ValueError, OverflowError, KeyError):
            continue
        if result is not None:
            found.append(result)
    return _assemble(found, text)


def _matches(text: str) -> list[re.Match[str]]:
    """What `MENTION.finditer` would find, tried only where a mention can start: at an anchor
    (a digit, a month, a unit, a number word...) or at a leader word shortly before it."""
    out: list[re.Match[str]] = []
    by_start = p.MENTION_BY_START
    leaders: list[int] = []
    last_end = 0
    for token in p.TOKEN.finditer(text):
        at = token.start()
        if at < last_end:
            continue
        if token.lastgroup == "leader":
            leaders.append(at)
            continue
        starts = [i for i in leaders[-4:] if i >= last_end and at - i <= _LEADER_REACH]
        starts.append(at)
        leaders.clear()
        for i in starts:
            first = text[i]
            m = by_start["d" if first.isdigit() else "~" if first in "~\u2248" else "w"].match(text, i)
            if m is not None and m.end() > at:
                out.append(m)
                last_end = m.end()
                break
        else:
            leaders.append(at)  # an anchor that starts nothing may still lead the next one
    return out


_LEADER_REACH = 40


# --- assembling atoms: parts ("late March"), ranges ("March to May 2027"), cues ----------


def _assemble(found: list[Mention | _Atom], text: str) -> list[Mention]:
    mentions: list[Mention] = []
    i = 0
    while i < len(found):
        item = found[i]
        if isinstance(item, Mention):
            mentions.append(item)
            i += 1
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        if isinstance(nxt, _Atom) and (joined := _join(item, nxt, text)) is not None:
            mentions.append(joined)
            i += 2
            continue
        if not item.pending or _cued(text, item.start):
            mentions.append(_date(text, item.start, item.end, item.granularity, item.window))
        i += 1
    return mentions


def _join(first: _Atom, last: _Atom, text: str) -> Mention | None:
    between = text[first.end : last.start]
    if len(between) > 12 or not _RANGE_BETWEEN.fullmatch(between):
        return None
    if between.strip().lower() == "and" and not p.BETWEEN_BEFORE.search(text, max(0, first.start - 12), first.start):
        return None
    start_window = first.window
    if first.with_year is not None and last.granularity != "relative":
        start_window = first.with_year(last.window.start.year)
        if start_window.start > last.window.start:  # "November to February 2028"
            start_window = first.with_year(last.window.start.year - 1)
    if last.pending and first.pending:
        return None
    try:
        window = range_window(start_window, last.window, text[first.start : last.end])
    except WindowError:
        return None
    return _date(text, first.start, last.end, "range", window)


_RANGE_BETWEEN = re.compile(r"\s*(?:-|\u2013|\u2014|\.\.)\s*|\s+(?:to|through|thru|until|till|and|-)\s+", re.IGNORECASE)


def _cued(text: str, start: int) -> bool:
    return p.CUE_BEFORE.search(text, max(0, start - _LOOKBEHIND), start) is not None


def _date(text: str, start: int, end: int, granularity: str, window: Window) -> Mention:
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


def _absolute(m: re.Match[str], text: str, window: Window, unit: str, pending: bool = False,
              with_year: Callable[[int], Window] | None = None) -> _Atom:  # fmt: skip
    start, end = m.start(), m.end()
    parted = _part(text, start, window, unit)
    if parted is not None:
        start, window, granularity = parted
        if with_year is not None:
            base = with_year
            with_year = lambda year: cal.part_of(base(year), unit, _part_name(text, m.start()))  # noqa: E731
        return _Atom(start, end, granularity, window, False, with_year)
    return _Atom(start, end, unit if unit != "fy" else "year", window, pending, with_year)


def _part_name(text: str, start: int) -> str:
    m = p.PART_BEFORE.search(text, max(0, start - 24), start)
    assert m is not None
    words = [w for w in m["part"].lower().split() if w not in ("of", "the")]
    return words[-1]


# --- handlers: one per named form -------------------------------------------------------------

Handler = Callable[[re.Match[str], str, Grammar], "Mention | _Atom | None"]


def _iso_day(m: re.Match[str], text: str, g: Grammar) -> _Atom | None:
    if _counted(text, m.start()):
        return None
    return _Atom(m.start(), m.end(), "day", cal.day(int(m["id_y"]), int(m["id_m"]), int(m["id_d"]), m[0]))


def _week_of(m: re.Match[str], text: str, g: Grammar) -> _Atom:
    d = cal.day(int(m["wo_y"]), int(m["wo_m"]), int(m["wo_d"]), m[0])
    return _Atom(m.start(), m.end(), "week", cal.week_containing(d.start, m[0]))


def _iso_week(m: re.Match[str], text: str, g: Grammar) -> _Atom:
    return _Atom(m.start(), m.end(), "week", cal.week(int(m["iw_y"]), int(m["iw_w"]), m[0]))


def _iso_qh(m: re.Match[str], text: str, g: Grammar) -> _Atom:
    kind, n, year = m["iq_k"].upper(), int(m["iq_n"]), int(m["iq_y"])
    window = cal.quarter(year, n, m[0]) if kind == "Q" else cal.half(year, n, m[0])
    return _absolute(m, text, window, "quarter" if kind == "Q" else "half")


def _iso_month(m: re.Match[str], text: str, g: Grammar) -> _Atom | None:
    year, month = int(m["im_y"]), int(m["im_m"])
    if not 1 <= month <= 12 or not 1800 <= year <= 2199 or _counted(text, m.start()):
        return None
    return _absolute(m, text, cal.month(year, month, m[0]), "month")


def _qh(m: re.Match[str], text: str, g: Grammar) -> _Atom | None:
    kind = (m["qh_k"] or m["qh_k2"]).upper()
    if (m["qh_k"] or m["qh_k2"]) != kind:
        return None  # "q3" is a key, "Q3" a quarter
    n = int(m["qh_n"] or m["qh_n2"])
    if kind == "H" and n > 2:
        return None
    build = cal.quarter if kind == "Q" else cal.half
    unit = "quarter" if kind == "Q" else "half"
    year_text = m["qh_y"] or m["qh_yy"] or m["qh_y2"]
    if year_text:
        year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
        return _absolute(m, text, build(year, n, m[0]), unit)
    if m["qh_n2"]:
        return None  # "3Q" without a year is too often something else
    window = cal.next_occurrence(lambda y: build(y, n, m[0]), g.as_of)
    # "H2" alone is as often a heading level; it needs a cue ("in H2") or a planning noun after it.
    pending = kind == "H" and not _YEAR_NOUNS.match(text, m.end()) and not _H_NOUNS.match(text, m.end())
    return _absolute(m, text, window, unit, pending, lambda y: build(y, n, m[0]))


_H_NOUNS = re.compile(r"\s+(?:priorities|goals|themes|bets|commitments|OKRs?|targets|focus)\b", re.IGNORECASE)


def _counted(text: str, start: int) -> bool:
    """After 'ID', 'build', '#' and kin, a date-shaped number is an identifier."""
    return p.COUNT_BEFORE.search(text, max(0, start - 16), start) is not None


def _fy(m: re.Match[str], text: str, g: Grammar) -> _Atom:
    return _absolute(m, text, cal.fiscal_year(_year(m["fy_y"]), g.fiscal_year_start, m[0]), "year")


def _fy_q(m: re.Match[str], text: str, g: Grammar) -> _Atom:
    year = _year(m["fq_y"] or m["fq_y2"])
    quarter = int((m["fq_q"] or m["fq_q2"])[1])
    return _absolute(m, text, cal.fiscal_quarter(year, quarter, g.fiscal_year_start, m[0]), "quarter")


def _ordinal_part(m: re.Match[str], text: str, g: Grammar) -> _Atom | None:
    n = p.ORDINALS[m["op_o"].lower()]
    kind = m["op_k"].lower()
    if kind == "half":
        n = 2 if m["op_o"].lower() == "last" else n
        if n > 2:
            return None
    build = cal.quarter if kind == "quarter" else cal.half
    year_text = (m["op_y"] or "").lower()
    if year_text and year_text[0].isdigit():
        return _Atom(m.start(), m.end(), kind, build(int(year_text), n, m[0]))
    if year_text:
        year = g.as_of.year + (1 if year_text.startswith("next") else 0)
        return _Atom(m.start(), m.end(), "relative", build(year, n, m[0]))
    window = cal.next_occurrence(lambda y: build(y, n, m[0]), g.as_of)
    return _Atom(m.start(), m.end(), kind, window, pending=True, with_year=lambda y: build(y, n, m[0]))


def _season(m: re.Match[str], text: str, g: Grammar) -> _Atom:
    return _Atom(m.start(), m.end(), "range", cal.season(int(m["se_y"]), m["se_s"].lower(), m[0]))


def _month_word(word: str) -> int | None:
    if not word[0].isupper():
        return None  # "may", "march": verbs; prose capitalises months
    return p.MONTH_NUMBER.get(word.lower().rstrip("."))


def _day_month(m: re.Match[str], text: str, g: Grammar) -> _Atom | None:
    return _day_and_month(m, m["dm_d"], m["dm_m"], m["dm_y"], g)


def _month_day(m: re.Match[str], text: str, g: Grammar) -> _Atom | None:
    return _day_and_month(m, m["md_d"], m["md_m"], m["md_y"], g)


def _day_and_month(m: re.Match[str], day_text: str, month_text: str, year_text: str | None, g: Grammar) -> _Atom | None:
    month = _month_word(month_text)
    if month is None:
        return None
    day = int(day_text.rstrip("stndrh"))
    if year_text:
        return _Atom(m.start(), m.end(), "day", cal.day(int(year_text), month, day, m[0]))
    window = cal.next_occurrence(lambda y: cal.day(y, month, day, m[0]), g.as_of)
    return _Atom(m.start(), m.end(), "day", window, with_year=lambda y: cal.day(y, month, day, m[0]))


def _day_range_month(m: re.Match[str], text: str, g: Grammar) -> _Atom | None:
    return _day_range(m, m["drm_a"], m["drm_b"], m["drm_m"], m["drm_y"], g)


def _month_day_range(m: re.Match[str], text: str, g: Grammar) -> _Atom | None:
    return _day_range(m, m["mdr_a"], m["mdr_b"], m["mdr_m"], m["mdr_y"], g)


def _day_range(m: re.Match[str], a: str, b: str, month_text: str, year_text: str | None, g: Grammar) -> _Atom | None:
    month = _month_word(month_text)
    if month is None:
        return None
    first, last = int(a.rstrip("stndrh")), int(b.rstrip("stndrh"))

    def build(year: int) -> Window:
        return range_window(cal.day(year, month, first), cal.day(year, month, last), m[0])

    window = build(int(year_text)) if year_text else cal.next_occurrence(build, g.as_of)
    return _Atom(m.start(), m.end(), "range", window)


def _month_year(m: re.Match[str], text: str, g: Grammar) -> _Atom | None:
    month = _month_word(m["my_m"])
    if month is None:
        return None
    year = int(m["my_y"]) if m["my_y"] else 2000 + int(m["my_yy"])
    return _absolute(m, text, cal.month(year, month, m[0]), "month")


def _month(m: re.Match[str], text: str, g: Grammar) -> _Atom | None:
    month = _month_word(m["mo_m"])
    if month is None or (m["mo_m"].lower() == "may" and not _cued(text, m.start())):
        return None
    if len(m["mo_m"]) <= 4 and m["mo_m"].lower() not in ("june", "july", "sept") and not m[0].endswith("."):
        if not _cued(text, m.start()):
            return None  # "Mar", "Jun" alone: too often a name or a word
    window = cal.next_occurrence(lambda y: cal.month(y, month, m[0]), g.as_of)
    return _absolute(m, text, window, "month", True, lambda y: cal.month(y, month, m[0]))


def _year_range(m: re.Match[str], text: str, g: Grammar) -> _Atom | None:
    first, last = int(m["yr_a"]), int(m["yr_b"])
    if last <= first or last - first > 10:
        return None
    return _Atom(m.start(), m.end(), "range", range_window(cal.year(first), cal.year(last), m[0]))


def _year(value: str) -> int:
    return int(value) if len(value) == 4 else 2000 + int(value)


def _bare_year(m: re.Match[str], text: str, g: Grammar) -> _Atom | None:
    start = m.start()
    if _counted(text, start):
        return None
    after = text[m.end() : m.end() + 24]
    cued = _cued(text, start) or p.PART_BEFORE.search(text, max(0, start - 24), start) is not None
    ends_clause = not after.strip(" \t") or after[0] in ".,;:!?)]\u2013\u2014\"'\r\n" or after.startswith((" -", " and ", " or ", " \n"))
    if not cued and not ends_clause and not _YEAR_NOUNS.match(after):
        return None
    if after[:1] == " " and _COUNTED.match(after) and not cued:
        return None
    window = cal.year(int(m["ye_y"]), m[0])
    atom = _absolute(m, text, window, "year")
    atom.pending = False
    return atom


_COUNTED = re.compile(r"^\s+(?:[a-z]+s|people|staff)\b")


def _relative(m: re.Match[str], text: str, g: Grammar) -> Mention | None:
    kind = m.lastgroup
    if kind == "rel_in" and _IN_AS_EFFORT.search(text, max(0, m.start() - 30), m.start()):
        return _estimate_from(m, text, m.start("ri_n"), m["ri_n"], None, m["ri_u"], None)
    window = cal.resolve_relative(m, g.as_of, g.sprint_weeks)
    if window is None:
        return None
    return Mention(m.start(), m.end(), m[0], DATE, "relative", window)


# --- estimates ---------------------------------------------------------------------------------


def _estimate(m: re.Match[str], text: str, g: Grammar) -> Mention | None:
    approx = m["es_a"]
    start = m.start() if approx is None or approx.strip() in ("~", "\u2248") else m.start("es_lo")
    return _estimate_from(m, text, start, m["es_lo"], m["es_hi"], m["es_u"], approx)


def _estimate_short(m: re.Match[str], text: str, g: Grammar) -> Mention | None:
    if not m["eh_u"].islower():
        return None  # "3D", "5W": not units
    return _estimate_from(m, text, m.start(), m["eh_lo"], m["eh_hi"], m["eh_u"], m["eh_a"])


def _estimate_from(m: re.Match[str], text: str, start: int, lo_text: str, hi_text: str | None, unit_text: str,
                   approx: str | None) -> Mention | None:  # fmt: skip
    end = m.end()
    unit_word = " ".join(unit_text.lower().replace("-", " ").split())
    unit = p.UNIT_OF.get(unit_word) or p.UNIT_OF.get(unit_word.rstrip("s"))
    if unit is None:
        return None
    if unit_word == "sp" and unit_text != "SP":
        return None
    lo_key = " ".join(lo_text.lower().split())
    if lo_key in ("a", "an") and hi_text is None and not _A_UNIT_OK.search(text, max(0, start - 30), start):
        return None  # "a week" is an estimate only after "takes", "about", "for"...
    after = text[end : end + 40]
    if p.ESTIMATE_TRAP_BEFORE.search(text, max(0, start - 30), start) or p.ESTIMATE_TRAP_AFTER.match(after):
        return None
    if p.ESTIMATE_TRAP_NOUNS.search(text, max(0, start - 48), start):
        return None
    if unit in ("quarters", "points", "years") and after.lower().startswith((" of ", " in ")):
        if not re.match(r"\s+of\s+(?:work|effort|engineering)", after, re.IGNORECASE):
            return None
    if _is_compound(text, start, end, hi_text):
        return None
    low, high = _amount(lo_key)
    if hi_text is not None:
        high = _amount(" ".join(hi_text.lower().split()))[1]
    if low <= 0 or high < low:
        return None
    estimate = Estimate(text[start:end], low, high, unit, approximate=approx is not None)
    return Mention(start, end, text[start:end], ESTIMATE, None, None, estimate)


_A_UNIT_OK = re.compile(
    r"\b(?:takes?|took|taking|need(?:s|ed)?|about|around|roughly|approximately|only|just|for|spend|spent|"
    r"budget|effort|estimate[ds]?|is|at\s+least|at\s+most|under|over|than|maybe|probably|within)\s+$",
    re.IGNORECASE,
)


def _is_compound(text: str, start: int, end: int, hi_text: str | None) -> bool:
    """'a 30-day trial', 'two-week sprints': a number glued to a unit by a dash modifies a noun."""
    span = text[start:end]
    if hi_text is not None and not re.search(r"\d[a-z]*-[a-z]", span, re.IGNORECASE):
        return False
    if not re.search(r"[0-9a-z]-(?:hours?|days?|weeks?|months?|quarters?|years?|sprints?)$", span, re.IGNORECASE):
        return False
    if re.search(r"(?:person|people|engineer|eng|dev|developer|man|team|ideal)-\w+$", span, re.IGNORECASE):
        return False
    return not p.EFFORT_NOUN_AFTER.match(text[end : end + 40])


def _amount(word: str) -> tuple[float, float]:
    if word in p.VAGUE_COUNTS:
        return p.VAGUE_COUNTS[word]
    value = float(p.NUMBER_WORDS[word]) if word in p.NUMBER_WORDS else float(word)
    return value, value


def _size(m: re.Match[str], text: str, g: Grammar) -> Mention | None:
    size = m["sz_s"] if m.lastgroup == "size" else m["ss_s"]
    if size != size.upper():
        return None
    start = m.start("sz_s") if m.lastgroup == "size" else m.start("ss_s")
    end = m.end("sz_s") if m.lastgroup == "size" else m.end()
    return Mention(start, end, text[start:end], ESTIMATE, None, None, Estimate(text[start:end], size=size))


def _or_two(m: re.Match[str], text: str, g: Grammar) -> Mention | None:
    unit = p.UNIT_OF[m["ot_u"].lower()]
    high = {"two": 2.0, "three": 3.0, "so": 2.0}[m["ot_n"].lower()]
    if p.ESTIMATE_TRAP_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return None
    return Mention(m.start(), m.end(), m[0], ESTIMATE, None, None, Estimate(m[0], 1.0, high, unit))


_HANDLERS: dict[str, Handler] = {
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
    "month_day": _month_day,
    "month_year": _month_year,
    "month": _month,
    "year": _bare_year,
    "rel_next": _relative,
    "rel_in": _relative,
    "rel_ago": _relative,
    "rel_end": _relative,
    "rel_day": _relative,
    "rel_weekday": _relative,
    "size": _size,
    "size_sized": _size,
    "or_two": _or_two,
    "estimate": _estimate,
    "est_short": _estimate_short,
}
