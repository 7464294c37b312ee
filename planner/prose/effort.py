"""Effort forms: points, ranges, number words, sprints and t-shirt sizes, and their traps."""

from __future__ import annotations

import re
from dataclasses import replace

from planner.estimates import Estimate
from planner.patterncache import compiled
from planner.prose import patterns as p
from planner.prose.clause import OF_WORK, back_to, habitual, other_duration
from planner.prose.mention import ESTIMATE, Grammar, Handler, Mention


def _estimate(m: re.Match[str], text: str, g: Grammar) -> Mention | None:
    approx = m["es_a"]
    low = m["es_lo"]
    if m["es_half"]:  # "a week and a half", "2 days and a half"
        if m["es_hi"]:
            return None
        low = f"{low} and a half"
    mention = estimate_from(m, text, m.start("es_lo"), low, m["es_hi"], m["es_u"], approx)
    if mention is None or approx is None or mention.estimate is None:
        return mention
    # The approximation is part of what was written: "about 3 weeks", "~40h".
    start = m.start()
    written = text[start : mention.end]
    return replace(mention, start=start, text=written, estimate=replace(mention.estimate, text=written))


def _estimate_short(m: re.Match[str], text: str, g: Grammar) -> Mention | None:
    if not m["eh_u"].islower():
        return None  # "3D", "5W": not units
    return estimate_from(m, text, m.start(), m["eh_lo"], m["eh_hi"], m["eh_u"], m["eh_a"])


def estimate_from(m: re.Match[str], text: str, start: int, lo_text: str, hi_text: str | None, unit_text: str,
                   approx: str | None, end: int | None = None) -> Mention | None:  # fmt: skip
    end = m.end() if end is None else end
    unit_word = " ".join(unit_text.lower().replace("-", " ").split())
    unit = _PERSON_UNITS.get(unit_word) or p.UNIT_OF.get(unit_word) or p.UNIT_OF.get(unit_word.rstrip("s"))
    if unit is None:
        return None
    if unit_word == "sp" and unit_text != "SP":
        return None
    if unit_word.startswith("night") and not (
        _NIGHTS_OF_WORK.search(text, _sentence_start(text, start), start) or OF_WORK.match(text, end)
    ):
        return None  # "five nights" of road works are work where said so; "booked 2 nights" is a stay
    if len(lo_text) == 4 and lo_text[0] == "0" and lo_text.isdigit():
        return None  # "at 0600 PT": a time of day, not six hundred person-days
    lo_key = " ".join(lo_text.lower().split())
    person = _PERSON_UNIT.search(text, start, end) is not None or unit_word in _PERSON_UNITS  # "a person-year"
    after = text[end : end + 40]
    of_work = OF_WORK.match(after) is not None  # "3 weeks of work": read once, asked below by many checks
    if (
        lo_key in ("a", "an", "another")
        and hi_text is None
        and not person
        and not m.groupdict().get("es_full")  # "a full week" is an amount
        and not _A_UNIT_OK.search(text, max(0, start - 30), start)
        and not _A_UNIT_TOTAL.match(after)  # "so a day in total", "a month for a single engineer"
        and not _AFTER_AN_ESTIMATE.search(text, max(0, start - 60), start)
        and not _ESTIMATE_LABEL.search(text, max(0, start - 60), start)
        and not _AFTER_SIZE.search(text, max(0, start - 8), start)  # "it's an S, a day tops"
        and not of_work
    ):
        return None  # "a week" is an estimate only after "takes", "about", "for"... or before "of work"
    people = person and _PEOPLE_UNIT.search(text, start, end) is not None  # not "business days"
    if _CHANGED_FROM.search(text, max(0, start - 12), start) and not _ESTIMATED.search(
        text, _sentence_start(text, start), start
    ):
        return None  # "check-in opens 30 hours before, up from 24 hours": an earlier value of a rule
    if (
        p.TRAP_BEFORE.search(text, start, 40) is not None
        and not (of_work and _AFTER_BEFORE.search(text, max(0, start - 8), start))  # "after 5 days of testing"
    ) or (not people and p.ESTIMATE_TRAP_AFTER.match(after) and not of_work):
        return None  # "6 FTE-weeks to run the RFP", "five weeks of gameplay engineering" are effort
    if unit == "hours" and _DATA_VOLUME.search(text, _sentence_start(text, start), start):
        return None  # "restoring the 42 TB warehouse takes about 9 hours": a machine's throughput
    trap = None if people else p.TRAP_NOUNS.search(text, start, 72)
    if trap is not None and not _work_anyway(text[trap:start], unit, after, of_work) and not _task_named(text, start):
        return None  # "logs are kept for 90 days", "the token expires in 1 hour"
    if _QUOTED.search(text, max(0, start - 40), start) and not of_work and not _TO_DO.match(after):
        return None  # "the distributor quoted 52 weeks for the STM32L4": a lead time, not our work
    if _CARRIED.search(text, start, 64) is not None:
        return None  # "ocean freight from Shenzhen takes about 35 days": goods in transit, however long
    if text.find("within", max(0, start - 12), start) >= 0:  # the two regexes below, only when they can hold
        if _WITHIN_BEFORE.search(text, max(0, start - 12), start) and after.lower().startswith(" of "):
            return None  # "within 14 days of purchase": a limit after an event, not an effort
        if p.PASSIVE_WITHIN_BEFORE.search(text, max(0, start - 40), start):
            return None  # "orders are dispatched within 4 hours": a service level
    # "a quarter of the team", "3 points of failure", "2 years in production"
    counted = (
        unit in ("quarters", "years") or (unit == "points" and "story" not in unit_word)
    ) and after.lower().startswith(" of ")  # "13 story points of validation stories" are an amount of work
    counted = counted or (unit in ("quarters", "years") and after.lower().startswith(" in "))
    if counted and not of_work:
        return None
    if _is_compound(text, start, end, hi_text):
        return None
    if habitual(text, start):
        return None  # "console certification typically takes two to three weeks"
    if (
        not people
        and unit not in ("sprints", "points")
        and other_duration(text, start, after)
        and not _TASK_SUBJECT.search(text, _sentence_start(text, start), start)
    ):  # "Mapping the current-state journey should take a few days" names a task, whatever its nouns
        return None
    low, high = _amount(lo_key)
    if hi_text is not None:
        high = _amount(" ".join(hi_text.lower().split()))[1]
    if low <= 0 or high < low:
        return None
    if unit == "points" and "," in lo_key:
        return None  # "polls 3,200 points": a count; no estimate runs to thousands of points
    if unit == "fortnights":  # "a fortnight of effort": two weeks
        unit, low, high = "weeks", low * 2, high * 2
    if unit == "minutes":  # "30 min to verify in staging": a fraction of an hour
        if not _minutes_of_work(text, start, after):
            return None
        unit, low, high = "hours", low / 60, high / 60
    estimate = Estimate(text[start:end], low, high, unit, approximate=approx is not None)
    return Mention(start, end, text[start:end], ESTIMATE, None, None, estimate)


def _minutes_of_work(text: str, start: int, after: str) -> bool:
    """Minutes are mostly how long a machine, a meeting or a limit takes ("the scan takes 40
    minutes", "sessions time out after 15 minutes", "the cutover should take 90 minutes");
    they are work only where it is said: "we estimate ~15 min", "20 minutes of work", "about 30
    mins to add the missing tests"."""
    return (
        _MINUTES_WORK_AFTER.match(after) is not None
        or _MINUTES_WORK_BEFORE.search(text, max(0, start - 40), start) is not None
        or _LABEL.search(text, _sentence_start(text, start), start) is not None  # "Effort for the session: 90 minutes"
    )


_MINUTES_WORK_AFTER = compiled(
    r"\s+of\s+(?!your\b|my\b|their\b)(?:[\w-]+\s+){0,2}(?:work|effort|engineering|dev|operator\s+time|engineer\s+time)\b"
    # "about 30 mins to add the missing tests": minutes given to a change someone makes
    r"|\s+to\s+(?:add|write|fix|patch|rename|remove|wire|hook\s+up|implement|refactor|document)\s+(?:the|a|an|our|this|that|it|them|\w+s)\b",
    re.IGNORECASE,
)
_MINUTES_WORK_BEFORE = compiled(
    r"\b(?:estimat\w*|est\.)\s+(?:at\s+)?(?:about\s+|around\s+|roughly\s+|maybe\s+)?(?:[~\u2248]\s*)?$", re.IGNORECASE
)
_PERSON_UNITS = {
    "pw": "weeks",
    "pws": "weeks",
    "pd": "days",
    "pds": "days",
    "md": "days",
    "mds": "days",
}  # "1 PW", "5 MD"
_PERSON_UNIT = compiled(p.PERSON + r"[a-z]+$", re.IGNORECASE)
_PEOPLE_UNIT = compiled(rf"{p.PEOPLE}[- ][a-z]+$|\b(?:P[WD]|MD)s?$", re.IGNORECASE)
_WITHIN_BEFORE = compiled(r"\bwithin\s+$", re.IGNORECASE)
# After a trap noun ("cache", "latency", "incidents"), words that make the number an effort
# anyway: "fixing the cache bug will take 3 days", "the session store rewrite is 2 weeks".
_WORK_WORDS = compiled(
    r"\b(?:takes?|took|taking|need(?:s|ed)?(?!\s+to\b)|requires?|required|costs?|estimated?|effort|spend|spent|"
    r"budget(?:ed)?|work|rewrite|migration|refactor|project|spike|fix(?:ing|es)?|build(?:ing)?|implement\w*|"
    r"reduc(?:e|es|ing)|improv(?:e|es|ing)|investigat\w+|harden\w*|time-?box\w*|(?:we['\u2019]ve|we\s+have|we)\s+planned)\b",
    re.IGNORECASE,
)


def _work_anyway(before: str, unit: str, after: str, of_work: bool) -> bool:
    return (
        unit in ("sprints", "points")
        or of_work
        or _WORK_WORDS.search(before) is not None
        or _ESTIMATE_AFTER.match(after) is not None  # "neither changes the 6-week build estimate"
    )


_AFTER_BEFORE = compiled(r"\bafter\s+$", re.IGNORECASE)
# Night shifts of work: "will take five nights", "the gang needs 2 nights", "estimated at 6 to 8 nights".
_NIGHTS_OF_WORK = compiled(
    r"\b(?:takes?|took|taking|need(?:s|ed)?|requires?|required|estimat\w*|allow(?:s|ed|ing)?|budget\w*|plan(?:s|ned)?)\b"
    r"(?:\s+[\w'-]+){0,4}?\s+(?:about\s+|around\s+|roughly\s+|approx\.?\s+|[~\u2248]\s*)?$",
    re.IGNORECASE,
)


def _sentence_start(text: str, at: int) -> int:
    return back_to(_SENTENCE_END, text, at, 120)


def _task_named(text: str, start: int) -> bool:
    """The sentence names the work, so a trap noun in it is part of the task's name: after an
    estimate's label ("Estimated effort for the Windows installer: 2-3 weeks", "eng estimate:
    4-6 wks if we keep the schema"), after a task before a colon ("Outside counsel review of
    the patent licence: 12 hrs") or a gerund subject ("Updating the runbook and dropping the
    TTL to 30s is 1-2 days"), or where someone puts a figure on it ("Estimating the
    secrets-in-logs cleanup at 5-7 days", "downtime is planned at 36 hours")."""
    sentence = _sentence_start(text, start)
    return any(pattern.search(text, sentence, start) for pattern in (_LABEL, _TASK_LABEL, _TASK_SUBJECT, _PUT_AT))


_QUOTED = compiled(
    r"\b(?:distributors?|suppliers?|vendors?|labs?|factory|factories|manufacturers?|foundry|fab|carriers?|couriers?)\s+"
    r"(?:says?|said|quoted?|quotes|is\s+quoting)(?:\s+(?:us|about|around|roughly))?\s+$",
    re.IGNORECASE,
)
_TO_DO = compiled(
    r"\s+to\s+(?!arrive|ship|deliver|land)[a-z]+|"
    r"\s+for\s+(?:the\s+|a\s+|an\s+|our\s+)?(?:[\w-]+\s+){0,3}(?:rework|work|fix|fixes|changes?|build|redesign|integration)\b",
    re.IGNORECASE,
)  # "quoted 4-5 weeks to rework the tooling", "quoted 10 working days for the harness rework"
_DATA_VOLUME = compiled(r"\b\d+(?:\.\d+)?\s*(?:TB|GB|PB)\b|\b\d+(?:\.\d+)?\s+(?:billion|million)\b")
_TASK_SUBJECT = compiled(
    r"(?:^|(?<=[.;!?]\s))\s*(?!(?:Running|Loading|Booting|Processing|Replicating|Syncing|Indexing|Reindexing|Restoring|"
    r"Compiling|Waiting|Shipping|Charging|Rendering)\b)[A-Z][a-z]+ing(?:\s+(?:out|up|through|over|down|in|off))?\s+"
    r"(?:the|a|an|our|all|its|their|this|these|those)\b"
    r"[^.;:!?]{0,80}\s"
    r"(?:is|are|was|takes?|needs?|should\s+take|will\s+take)\s+"
    r"(?:about\s+|around\s+|roughly\s+|probably\s+|[~\u2248]\s*)?$"
)
_PUT_AT = compiled(
    r"\b(?:estimat(?:e|es|ed|ing)|siz(?:e|es|ed|ing)|pegg(?:ed|ing)|budget(?:s|ed|ing)?|planned)\b[^.;:!?]{0,60}?\s+at\s+"
    r"(?:about\s+|around\s+|roughly\s+|[~\u2248]\s*)?$",
    re.IGNORECASE,
)
_TASK_LABEL = compiled(
    r"\b(?:review|counsel|work|build|fix|migration|rewrite|refactor|implementation|integration|config\w*|setup|set-up|"
    r"design|testing|QA|drafting|cleanup|clean-up)\b[^.;:!?]{0,60}:\s*(?:[~\u2248]\s*|about\s+|around\s+|roughly\s+)?$",
    re.IGNORECASE,
)
_LABEL = compiled(r"\b(?:estimat\w*|effort|sizing)\b[^.;:!?]{0,60}:\s", re.IGNORECASE)
_ESTIMATE_AFTER = compiled(r"\s+(?:[\w-]+\s+)?estimate\b", re.IGNORECASE)


# "Estimate for localisation: a sprint per language pack": the value of an estimate's label.
_SIZE = "(?:XXS|XS|S|M|L|XL|XXL)"  # the size tokens, as written
_AFTER_SIZE = compiled(rf"(?<![\w-]){_SIZE},\s*$")
_ESTIMATE_LABEL = compiled(
    r"\b(?:estimates?|effort|sizing)\b[^.;:!?]{0,40}:\s*$|(?:^|[.;!?]\s+)(?-i:[A-Z][a-z]+ing)\b[^.;:!?]{0,60}:\s*$",
    re.IGNORECASE,
)  # "Writing the docs for the new API: a week"
# "roughly two weeks for frontend and a day for QA": the next item of a list of efforts.
_AFTER_AN_ESTIMATE = compiled(
    r"\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:-\s*\w+\s*)?"
    r"(?:hours?|days?|weeks?|months?|sprints?|h|d|w|wks?)\b(?:\s+[\w'-]+){0,5}?(?:,(?:\s+then)?|,?\s+(?:and|plus|then))\s+$",
    re.IGNORECASE,
)
_A_UNIT_OK = compiled(
    r"\b(?:takes?|took|taking|need(?:s|ed)?|add(?:s|ed)?|call\s+it|closer\s+to|more\s+like|about|around|roughly|approximately|only|just|for|spend|spent|"
    r"budget|effort|estimate[ds]?|est\.?|is|at\s+least|at\s+most|under|over|than|maybe|probably|within|"
    r"says|said|thinks|thought|reckons?|reckoned|guess(?:es|ed)?|(?:might|could|would|should)\s+be|is\s+that|"
    r"estimated\s+at|sized\s+at|budgeted\s+at|the\s+(?:best|better)\s+part\s+of|plan\s+(?:on|for)|allow|"
    r"(?:expected|planned|scheduled|due|likely|set)\s+to\s+last|lasts?|"  # "works expected to last a fortnight"
    r"(?:book|block(?:\s+out)?|reserve|set\s+aside)(?:\s+(?:us|me|them))?)\s+$",
    re.IGNORECASE,
)  # "Raj thinks a week", "clock skew alone might be a day"
_A_UNIT_TOTAL = compiled(
    r"\s+(?:in\s+total|total|tops|max(?:imum)?|all\s+in|end\s+to\s+end|"
    r"for\s+(?:one|a(?:\s+single)?|two|three|\d+)\s+(?:[\w-]+\s+)?(?:engineers?|devs?|developers?|people|persons?|designers?|analysts?|FTEs?))\b",
    re.IGNORECASE,
)


def _is_compound(text: str, start: int, end: int, hi_text: str | None) -> bool:
    """'a 30-day trial', 'two-week sprints': a number glued to a unit by a dash modifies a noun."""
    span = text[start:end]
    if hi_text is not None and not re.search(r"\d[a-z]*-[a-z]", span, re.IGNORECASE):
        return False
    if not re.search(
        r"[0-9a-z]-(?:hours?|hrs?|days?|weeks?|wks?|months?|quarters?|years?|sprints?)$", span, re.IGNORECASE
    ):
        return False
    if re.search(r"(?:person|people|engineer|eng|dev|developer|man|team|ideal)-\w+$", span, re.IGNORECASE):
        return False
    after = text[end : end + 40]
    return not p.EFFORT_NOUN_AFTER.match(after) and _NOUN_AFTER.match(after) is not None


# "a 30-day trial" modifies "trial"; "the review is a half-day." names an effort.
_NOUN_AFTER = compiled(
    r"\s+(?!(?:of|to|for|and|or|at|in|on|with|is|was|are|if|but|then|per|from|by|as|so|max|tops|each|total)\b(?!-))[a-z]",
    re.IGNORECASE,
)


def _amount(word: str) -> tuple[float, float]:
    if word.endswith(" and a half"):
        whole = _amount(word.removesuffix(" and a half"))[0]
        return whole + 0.5, whole + 0.5
    if word in p.VAGUE_COUNTS:
        return p.VAGUE_COUNTS[word]
    value = float(p.NUMBER_WORDS[word]) if word in p.NUMBER_WORDS else float(word.replace(",", ""))
    return value, value


def _size(m: re.Match[str], text: str, g: Grammar) -> Mention | None:
    group = {"size": "sz_s", "size_as": "sa_s", "size_sized": "ss_s", "size_listed": "sl_s", "size_work": "sw_s"}[
        m.lastgroup or "size"
    ]
    if group == "sl_s" and m["sl_s"] is None:
        group = "sl_s2"
    size = m[group]
    if group == "sl_s" and len(size) > 3 and not _IS_AN_AFTER.match(text, m.end()):
        return None  # "a Large; the API part is a Small" names sizes, "a Medium post" does not
    if (named := p.SIZE_NAMES.get(" ".join(size.lower().replace("-", " ").split()))) is not None:
        if m[0][:1] in "eE" and ":" not in m[0] and size.islower():
            return None  # "the effort is large": big, not a size on a scale ("effort: medium" is one)
        size = named
    elif size != size.upper():
        return None
    if group == "sz_s" and m[0][:4].lower() == "size" and _GOODS_AFTER.match(text, m.end()):
        return None  # "order size M gloves": the size of a thing, not of work
    if group == "sz_s" and m[0][:4].lower() == "size" and _COUNT_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return None  # "60 size M chef jackets": so many things of that size
    if group == "sz_s" and _GOODS_IN.search(text, max(0, m.start() - 30), m.start()):
        return None  # "150 in size M", "ships in sizes XS to XXL": goods in each size
    if group == "sz_s" and m[0][:5].lower() == "sizes" and _SIZE_RANGE_AFTER.match(text, m.end()):
        return None  # "in sizes S through XL": goods in a run of sizes
    if group == "ss_s" and _GOODS_VERB.search(text, max(0, m.start() - 40), m.start()):
        return None  # "order the M-size and L-size T-shirts"
    if group == "sl_s2" and _GOODS_RUN.search(text, max(0, m.start() - 20), m.start()):
        return None  # "the rest in XL", "sizes XS to XXL": goods in each size
    if group in ("sl_s", "sl_s2"):
        sentence = back_to(_SENTENCE_END, text, m.start(), 160)
        if sentence > 1:  # "Could we get this sized? Gut feel says XL.": the cue may be one sentence back
            sentence = back_to(_SENTENCE_END, text, sentence - 2, 160)
        if (
            not _SIZE_CUE.search(text, sentence, m.start())
            and not _WORK_IS.search(text, sentence, m.start())
            and not _DOING_IS.search(text, sentence, m.start())
            and not _SIZE_CUE_AFTER.match(text, m.end())
            and not _UNIT_BESIDE.search(text, sentence, min(len(text), m.end() + 40))
            and not _SIZE_BEFORE.search(text, max(0, m.start() - 48), m.start())
            and not _SIZE_COMPARED.search(text, max(0, m.start() - 24), m.start())
            and not _CALLED.search(text, max(0, m.start() - 48), m.start())
            and not _SIZES_PARALLEL.search(text, sentence, m.start())
            and not (_IS_AN.search(text, max(0, m.start() - 40), m.start()) and _IS_AN_AFTER.match(text, m.end()))
        ):
            return None  # "is an L" names a size where the sentence is about sizes or sizes a piece of work
    start = m.start(group)
    if _in_size_run(text, start):
        return None  # "T-shirts in S, M, L and XL", "we size in S, M, L": the scale, not a size given
    end = m.end() if group == "ss_s" else m.end(group)  # "an XS change" is sized at "XS"
    return Mention(start, end, text[start:end], ESTIMATE, None, None, Estimate(text[start:end], size=size))


_GOODS_AFTER = compiled(
    r"\s+(?!(?:effort|work|epic|story|task|project|piece|job|for|and|or|at|in|on|with|is|was)\b)[a-z]+s\b"
)
_CHANGED_FROM = compiled(r"\b(?:up|down)\s+from\s+$", re.IGNORECASE)
_ESTIMATED = compiled(r"estimat|\bsized?\b|\beffort", re.IGNORECASE)  # "the estimate went up from 3 weeks"
_COUNT_BEFORE = compiled(r"\b\d+(?:,\d{3})*\s+$")
_GOODS_IN = compiled(
    r"(?:\d|\b(?:ships?|shipped|comes?|available|sold|stocked|made|cut|printed))\s+in\s+$", re.IGNORECASE
)
_SIZE_CUE = compiled(
    r"\b(?:t-?shirts?|(?:re)?siz(?:e|es|ed|ing)|estimat\w*|effort|how\s+(?:big|large))\b", re.IGNORECASE
)
# "anything bigger than an M waits": sizes compared are sizes of work
_SIZE_COMPARED = compiled(r"\b(?:bigger|larger|smaller|more|less)\s+than\s+(?:an?\s+)?$", re.IGNORECASE)
# "I'd call the export work an L", "the refurb looks like an M", "scoped as an L": a size given by a judgement
_CALLED = compiled(
    r"\b(?:call(?:s|ed|ing)?\b(?:\s+[\w'-]+){0,5}|(?:looks?|looked|feels?|felt|sounds?|smells?)\s+like|"
    r"(?:scoped|pegged|rated|marked|tagged|flagged)(?:\s+[\w'-]+){0,3}?\s+as|"
    # "put it down as an M"
    r"(?:put|have|had|got|pencil(?:l)?ed|wrote|written)(?:\s+[\w'-]+){0,4}?\s+down\s+as)\s+an?\s+$",
    re.IGNORECASE,
)
# "the rewrite is an L; the glossary refresh is an S": the second of two sizes given alike
_SIZES_PARALLEL = compiled(rf"\b(?:is|are|was)\s+an?\s+{_SIZE}[,;]\s(?:[^.;!?]{{0,60}})\b(?:is|are|was)\s+an?\s+$")
_SIZE_RUN = compiled(rf"(?<![\w-]){_SIZE}(?:\s*,\s*{_SIZE})+(?:,?\s+(?:and|or|to|through)\s+{_SIZE})?\b")
_SIZE_IN_RUN = compiled(rf"(?<![\w-]){_SIZE}\b")
_RESPECTIVELY = compiled(r",?\s+respectively\b", re.IGNORECASE)


def _in_size_run(text: str, at: int) -> bool:
    """Whether the size at `at` is one of three or more sizes in a row ("S, M, L and XL")."""
    for run in _SIZE_RUN.finditer(text, max(0, at - 24), min(len(text), at + 24)):
        if run.start() <= at < run.end() and len(_SIZE_IN_RUN.findall(run[0])) >= 3:
            return not _RESPECTIVELY.match(text, run.end())  # "are sized S, M and L respectively"
    return False


_SENTENCE_END = compiled(r"[.!?]\s")
_CARRIED = p.Before(  # run for every estimate, so searched lowered, as the trap contexts are
    compiled(
        r"\b(?:freight|shipping|shipments?|transit|courier|postage|delivery|flights?|trains?|the\s+drive)\s+"
        r"(?:from|to|between|times?)\b"
        r"(?:[^.;!?]|\.\d){0,48}?\b(?:takes?|took|is|are)\s+"
        r"(?:about\s+|around\s+|roughly\s+|up\s+to\s+)?$",
        re.IGNORECASE,
    )
)
_GOODS_VERB = compiled(
    r"\b(?:(?:order|buy|purchase|print|stock|restock)\s+(?:the|a|an|some|more|our|\d+)|ordered|bought|purchased|printed)\b",
    re.IGNORECASE,
)
_SIZE_RANGE_AFTER = compiled(rf"\s*(?:to|through|-|\u2013)\s*{_SIZE}\b")
_GOODS_RUN = compiled(
    rf"(?:\b(?:in|sizes?)\s+(?:{_SIZE},?\s+(?:(?:and|or)\s+)?)*"
    rf"|\bsizes?\s+{_SIZE}\s*(?:to|-|\u2013|through)\s*)$"
)
# "Search v2 - M - 3-4 wks", "is XL (roughly 8+ weeks)": an effort beside it says it is a size.
_UNIT_BESIDE = compiled(
    r"\b\d+(?:\.\d+)?\+?(?:\s*[-\u2013]\s*\d+)?\s*(?:h|hrs?|hours?|d|days?|w|wks?|weeks?|sprints?|pts|points|PW)\b"
    r"|\ban?\s+(?:hour|day|week|sprint)\b|\b(?:two|three|four|five|six)\s+(?:days|weeks|sprints|months|quarters)\s+of\s+work\b"
)
# "an M, maybe an L", "an L in my book, maybe XL": the second of two sizes given in one breath
_SIZE_BEFORE = compiled(
    rf"(?:(?<![\w-]){_SIZE}\b[,;]?\s+|\b(?:is|are|['\u2019]s)\s+(?:an?\s+)?{_SIZE}(?:\s+[\w'-]+){{1,4}}[,;]\s+(?=(?:or|maybe|possibly|probably|perhaps)\s))"
    r"(?:(?:or|maybe|possibly|probably|perhaps)\s+)?(?:an?\s+)?$"
)
_SIZE_CUE_AFTER = compiled(r"[^.;!?]{0,40}?\b(?:t-?shirt|siz(?:e|es|ed|ing)|estimat\w*)\b", re.IGNORECASE)
# "Removing the legacy parser is an L": a task named by what is done, as the subject.
_HEDGE = r"(?:(?:roughly|about|around|probably|likely|now|still|maybe|more\s+like)\s+)?"
_DOING_IS = compiled(
    rf"(?:^|(?<=[.;:!?]\s)|[;:]\s+)\s*[A-Z][a-z]+ing\b(?:\s+[\w'-]+){{1,12}}\s+(?:is|was|looks\s+like)\s+{_HEDGE}(?:an?\s+)?$"
)
# "Level 3 boss fight is an XL and needs splitting": a size as the complement of "is", with its article
_IS_AN = compiled(
    rf"(?:\b(?:is|are|was|were|['\u2019]s)|[\u2013\u2014]|\s-)\s+{_HEDGE}an?\s+$"
)  # "a small job \u2014 an S"
# ... with nothing after it but the sentence going on; "is an L shape" is the shape of a thing.
_IS_AN_AFTER = compiled(
    r"\s*(?:$|[.,;:!?)\u2013\u2014]|\s-\s|\s+(?:and|but|or|on|in|at|for|per|by|so|if|to|with|from|because|given|since|"
    r"according|mainly|mostly|probably|maybe|possibly|now|too|though|tops|at\s+most|at\s+best|overall|really|again)\b)"
)
# "the platform migration is an L": a piece of work as the subject; "Billing is an L" is not.
_WORK_IS = compiled(
    r"\b(?:migration|project|epic|rewrite|refactor|redesign|integration|port|spike|feature|initiative|work|story|"
    r"ticket|task|overhaul|upgrade|revamp|rebuild|rework|workstream|cleanup|clean-up|removal|deprecation|consolidation|"
    r"automation|rollout|refresh|change|update|bump|interface|connector|endpoint|dashboard)s?(?:\s+[\w'()-]+){0,8}(?:\s+(?:is|are|was|looks\s+like)\s+|['\u2019]s\s+|\s*[\u2013\u2014:(]\s*|\s+-\s+)"
    + _HEDGE
    + r"(?:an?\s+)?$",
    re.IGNORECASE,
)


def _or_two(m: re.Match[str], text: str, g: Grammar) -> Mention | None:
    unit = p.UNIT_OF[m["ot_u"].lower()]
    high = {"two": 2.0, "three": 3.0, "so": 2.0}[m["ot_n"].lower()]
    if p.TRAP_BEFORE.search(text, m.start(), 30) is not None:
        return None
    if p.ESTIMATE_TRAP_AFTER.match(text, m.end()):
        return None  # "a quarter or two out" is a distance, not an effort
    return Mention(m.start(), m.end(), m[0], ESTIMATE, None, None, Estimate(m[0], 1.0, high, unit))


def _spare_time(m: re.Match[str], text: str, g: Grammar) -> Mention | None:
    """'probably a weekend of work', 'I need two weekends to build the demo': evenings,
    afternoons and weekends are an effort only where the clause gives them to work; "on
    weekends", "two evenings a week" and "the office is closed afternoons" are not."""
    after = text[m.end() : m.end() + 40]
    given = _SPARE_GIVEN_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None
    if not (given or _SPARE_FOR_WORK_AFTER.match(after)) or _SPARE_NOT_AFTER.match(after):
        return None
    if p.TRAP_BEFORE.search(text, m.start(), 40) is not None:
        return None
    low, high = _amount(" ".join(m["et_n"].lower().split()))
    if m["et_h"]:  # "three to four weekends"
        high = _amount(m["et_h"].lower())[1]
        if high < low:
            return None
    length, unit = _SPARE_TIME[m["et_u"].lower().rstrip("s")]
    return Mention(m.start(), m.end(), m[0], ESTIMATE, None, None, Estimate(m[0], low * length, high * length, unit))


_SPARE_TIME = {
    "weekend": (2.0, "days"),
    "evening": (3.0, "hours"),
    "afternoon": (4.0, "hours"),
    "morning": (4.0, "hours"),
}


_SPARE_GIVEN_BEFORE = compiled(
    r"\b(?:takes?|took|taking|need(?:s|ed)?|probably|maybe|about|roughly|around|is|was|just|only|spend|spent|"
    r"estimat\w*|costs?|worth|(?:fit|fits|done|do\s+it)\s+(?:into|in)|(?:fit|fits)\s+into)\s+$",
    re.IGNORECASE,
)
_SPARE_FOR_WORK_AFTER = compiled(
    r"\s+(?:of\s+(?:\w+\s+)?(?:work|effort|hacking|coding|dev|development|focus(?:ed)?\s+time)|to\s+(?:build|write|finish|do|fix|"
    r"get|port|implement|set\s+up|prepare|make|polish|review|test|clean|wire|migrate|rewrite)|for\s+the\s+\w+)\b",
    re.IGNORECASE,
)
_SPARE_NOT_AFTER = compiled(
    r"\s+(?:a|per|each|every)\s+(?:week|month|sprint)\b|\s+(?:ago|later|off|before|after|away|out|ahead|from|day|days|shift|"
    r"shifts|rota|rate|crew|staff|window|sale|edition|trip|break)\b",
    re.IGNORECASE,
)


EFFORT_HANDLERS: dict[str, Handler] = {
    "size": _size,
    "size_sized": _size,
    "size_as": _size,
    "size_listed": _size,
    "size_work": _size,
    "or_two": _or_two,
    "estimate": _estimate,
    "est_short": _estimate_short,
    "est_time": _spare_time,
}
