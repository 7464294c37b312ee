"""The mention grammar: find dates and estimates in a run of prose and say what they mean.

Hand-written over compiled alternations (`patterns`): a mention's form is the named group
that matched; the handlers in `dates` and `effort` add what regexes cannot say (cue words,
trap contexts, calendar validity), and this module joins atoms into ranges. Pure: text
and an as-of date in, Mentions out.
"""

from __future__ import annotations

import re

from planner.patterncache import compiled
from planner.prose import patterns as p
from planner.prose import tokens as t
from planner.prose.dates import DATE_HANDLERS
from planner.prose.effort import EFFORT_HANDLERS
from planner.prose.mention import DATE, ESTIMATE, Atom, Grammar, Handler, Mention, cued, date_mention
from planner.windows import WindowError, range_window

__all__ = ["DATE", "ESTIMATE", "Grammar", "Mention", "find_mentions"]

_HANDLERS: dict[str, Handler] = {**DATE_HANDLERS, **EFFORT_HANDLERS}


def find_mentions(text: str, grammar: Grammar) -> list[Mention]:
    """Every mention in `text`, in order. Never raises on any text."""
    found: list[Mention | Atom] = []
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
    return [_with_article(m, text) for m in _assemble(found, text)]


# "the end of the year", "the week of 2027-03-08", "Thursday, March 4, 2027": the article and
# the weekday belong to what was written, as in TimeML; prepositions (by, in, from) do not.
_TAKES_THE = compiled(
    r"(?:week|first|second|third|fourth|last|front|back|end|start|beginning|middle|next|coming|upcoming|current|prior|previous|spring|summer|autumn|fall|"
    r"winter|\d+(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)
_THE_BEFORE = compiled(r"\bthe\s+$", re.IGNORECASE)


def _with_article(mention: Mention, text: str) -> Mention:
    if mention.kind != DATE:
        return mention
    start = mention.start
    dated = mention.granularity == "day" or (mention.granularity == "range" and mention.text[:1].isdigit())
    if dated and (w := p.WEEKDAY_BEFORE.search(text, max(0, start - 12), start)):
        start = w.start()
    elif _TAKES_THE.match(mention.text) and (t := _THE_BEFORE.search(text, max(0, start - 8), start)):
        start = t.start()
    if start == mention.start:
        return mention
    m = mention
    return Mention(start, m.end, text[start : m.end], m.kind, m.granularity, m.window, m.estimate)


def _matches(text: str) -> list[re.Match[str]]:
    """What `MENTION.finditer` would find, tried only where a mention can start: at an anchor
    (a digit, a month, a unit, a number word...) or at a leader word shortly before it.

    An anchor is tried after the last (at most four) leaders within `_LEADER_REACH` before it
    and after the anchor before it; the first reading that gets past the anchor wins. An anchor
    that started nothing is not tried again for the next one: the same forms at the same place
    fail the same way. Leaders are looked for only in that window, never in the whole text, and
    an anchor is tried only against the forms that can start there (`tokens.forms_at`).
    """
    if text.isascii():
        scan = text.lower()
        anchors = [m.start() for m in t.ANCHOR_LOWER.finditer(scan)]
        if "S" in text or "M" in text or "L" in text:
            sizes = [m.start() for m in t.SIZE_TOKEN.finditer(text)]
            if sizes:
                anchors = sorted(anchors + sizes)
        leader_token = t.LEADER_LOWER
        fold = False
    else:
        scan = text
        anchors = [m.start() for m in t.ANCHOR_TOKEN.finditer(text)]
        leader_token = t.LEADER_TOKEN
        fold = True
    out: list[re.Match[str]] = []
    forms_at = t.forms_at
    by_leader = t.LEADER_FORMS
    last_end = 0
    previous = -1  # the anchor tried last: what starts there was tried, and failed or ended
    for at in anchors:
        if at < last_end:
            continue
        low = at - _LEADER_REACH
        if low < last_end:
            low = last_end
        starts: list[tuple[int, re.Pattern[str]]] = []
        if previous >= low:
            low = previous + 1
        # `at + 1`: the anchor's first character says whether a word before it ends there.
        for leader in leader_token.finditer(scan, low, at + 1):
            i = leader.start()
            forms = by_leader.get(leader[0].lower() if fold else leader[0])
            if i < at and forms is not None:  # None: a word that only folds to a leader ("\u017fize")
                starts.append((i, forms))
        if len(starts) > 4:
            starts = starts[-4:]
        first = text[at]
        forms = forms_at("d" if first.isdigit() else "~" if first in "~\u2248" else "w", first, text[at - 1 : at])
        starts.append((at, forms))
        previous = at
        for i, pattern in starts:
            m = pattern.match(text, i)
            if m is not None and m.end() > at:
                out.append(m)
                last_end = m.end()
                break
    return out


_LEADER_REACH = 40


# --- assembling atoms: parts ("late March"), ranges ("March to May 2027"), cues ----------


def _assemble(found: list[Mention | Atom], text: str) -> list[Mention]:
    mentions: list[Mention] = []
    i = 0
    while i < len(found):
        item = found[i]
        if isinstance(item, Mention):
            mentions.append(item)
            i += 1
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        if isinstance(nxt, Atom) and _YEAR_RUNS.search(text, max(0, item.start - 40), item.start):
            i += 2  # "our financial year runs April to March": what a year is, not when anything is
            continue
        if isinstance(nxt, Atom) and (joined := _join(item, nxt, text)) is not None:
            mentions.append(joined)
            i += 2
            continue
        if (
            not item.pending
            or cued(text, item.start)
            or _listed_with_dates(found, i, text)
            or (item.granularity == "month" and _MONTHLY_NOUN.match(text, item.end) is not None)
        ):
            mentions.append(date_mention(text, item.start, item.end, item.granularity, item.window))
        i += 1
    return mentions


def _listed_with_dates(found: list[Mention | Atom], i: int, text: str) -> bool:
    """'discovery Jan, build Feb-Apr, launch May': an item of a list whose next or last item is
    a date too, each after a word that names its step; or 'March, April and June 2027': one
    between two dates, after a comma."""
    item = found[i]
    nxt = found[i + 1] if i + 1 < len(found) else None
    if (
        i > 0
        and nxt is not None
        and _is_date(found[i - 1])
        and _is_date(nxt)
        and _LIST_COMMA.fullmatch(text, found[i - 1].end, item.start)
        and _LIST_NEXT.fullmatch(text, item.end, nxt.start)
    ):
        return True
    # the step named before each date ("build Feb-Apr, launch May") or after it ("Q1 upgrades, H2 portal")
    if i > 0 and _is_date(before := found[i - 1]):
        between = text[before.end : item.start]
        if _LIST_STEP.fullmatch(between) or _STEP_AFTER.fullmatch(between):
            return True
    return nxt is not None and _is_date(nxt) and _LIST_STEP.fullmatch(text, item.end, nxt.start) is not None


def _is_date(found: Mention | Atom) -> bool:
    return isinstance(found, Atom) or found.kind == DATE


# "at its November meeting", "November figures", "all September lets": a month's own event or numbers.
_MONTHLY_NOUN = compiled(
    r"\s+(?:board\s+)?(?:meetings?|figures|numbers|results|intake|payroll|close|lets|cohort|newsletter|"
    r"board|offsite|release|renewals?|invoices?|forecast|accounts|returns?)\b"
)
_LIST_STEP = compiled(r"[,;]\s+[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}\s+")  # ", build ", ", shadow run "
_LIST_COMMA = compiled(r",\s*")
_LIST_NEXT = compiled(r",\s*|,?\s+(?:and|or)\s+")
_YEAR_RUNS = compiled(
    r"\b(?:financial|fiscal|tax|school|academic|budget|business)\s+years?\s+(?:runs|run|goes|go|is|are)\s+(?:from\s+)?$",
    re.IGNORECASE,
)
_STEP_AFTER = compiled(r"\s+[a-z][\w/&-]*(?:\s+[a-z][\w/&-]*){0,4}[,;]\s+")


def _join(first: Atom, last: Atom, text: str) -> Mention | None:
    between = text[first.end : last.start]
    if len(between) > 24 or not _RANGE_BETWEEN.fullmatch(between):
        return None
    if re.match(r"\s*and\b", between, re.IGNORECASE) and not p.BETWEEN_BEFORE.search(
        text, max(0, first.start - 12), first.start
    ):
        return None
    if _MOVED_FROM.search(text, max(0, first.start - 40), first.start):
        return None  # "moved from March 15 to April 1": two dates, before and after
    if _SPLIT_BETWEEN.search(text, max(0, first.start - 24), first.start):
        return None  # "split between December and January": work shared by two months
    start_window = first.window
    try:
        if first.with_year is not None and last.granularity != "relative":
            start_window = first.with_year(last.window.start.year)
            if start_window.start > last.window.start:  # "November to February 2028"
                start_window = first.with_year(last.window.start.year - 1)
        window = range_window(start_window, last.window, text[first.start : last.end])
    except (WindowError, ValueError, OverflowError):
        return None  # "February 29th to March 2027": no such start in that year
    return date_mention(text, first.start, last.end, "range", window)


_MOVED_FROM = compiled(
    r"\b(?:move[ds]?|moving|defer(?:s|red|ring)?|reschedul(?:e[ds]?|ing)|slip(?:s|ped|ping)?|push(?:es|ed|ing)?|"
    r"shift(?:s|ed|ing)?|chang(?:ed|ing)|delay(?:s|ed|ing)?|postpon(?:e[ds]?|ing)|"
    r"brought\s+forward|pulled\s+in|prepon(?:e[ds]?|ing))(?:\s+[\w-]+){0,4}\s+from\s+"
    rf"(?:the\s+)?(?:{p.DAY_NAME},?\s+)?$",  # "slipped from the week of 2027-01-11 to 2027-W06"
    re.IGNORECASE,
)
_SPLIT_BETWEEN = compiled(r"\b(?:split|divided|shared|spread)\s+between\s+$", re.IGNORECASE)
# "from Thursday 26 November through Tuesday 1 December": the second day's weekday is between.
_RANGE_BETWEEN = compiled(
    # "Sat 6 Mar 22:00 - Sun 7 Mar 04:00": the first day's time of day may come between
    r"(?:\s+\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+(?:UTC|GMT|CET|CEST|BST|ET|PT|EST|PST))?)?"
    rf"\.?(?:{p.RANGE_JOINER}|/)(?:{p.DAY_NAME},?\s+)?",
    re.IGNORECASE,
)
