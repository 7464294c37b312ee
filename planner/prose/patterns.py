"""The mention grammar's vocabulary, compiled once: every form a date or an estimate takes in prose.

One alternation, most specific form first, so a single left-to-right pass finds each
mention's longest reading; `grammar.py` turns the named groups into windows and estimates.
"""

from __future__ import annotations

import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
MONTH_NUMBER: dict[str, int] = {}
for _i, _name in enumerate(MONTH_NAMES, start=1):
    MONTH_NUMBER[_name] = _i
    MONTH_NUMBER[_name[:3]] = _i
MONTH_NUMBER["sept"] = 9

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 2, "few": 2, "several": 3,
    "half a": 0.5, "a half": 0.5, "an half": 0.5,
}  # fmt: skip
# "a few" and "several" are ranges, not points: (low, high).
VAGUE_COUNTS = {"a few": (2.0, 4.0), "few": (2.0, 4.0), "several": (3.0, 6.0)}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4}

UNIT_OF: dict[str, str] = {}
for _unit, _unit_words in {
    "hours": ("h", "hr", "hrs", "hour", "hours"),
    "days": ("d", "day", "days"),
    "weeks": ("w", "wk", "wks", "week", "weeks"),
    "fortnights": ("fortnight", "fortnights"),
    "months": ("mo", "mos", "month", "months"),
    "quarters": ("quarter", "quarters"),
    "years": ("year", "years", "yr", "yrs"),
    "points": ("pt", "pts", "point", "points", "sp", "story point", "story points", "story-points"),
    "sprints": ("sprint", "sprints"),
}.items():
    for _word in _unit_words:
        UNIT_OF[_word] = _unit

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_NUM_WORD = (
    r"(?:an?\s+half|a\s+couple(?:\s+of)?|couple\s+of|a\s+few|few|several|half\s+an?|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety)"
)
# "one and a half weeks", "2 and a half days" first: the longer reading wins.
_NUM = rf"(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+and\s+a\s+half|\d+(?:\.\d+)?|{_NUM_WORD})"
_NUM_A = rf"(?:{_NUM}|an?)"
_UNIT_LONG = (
    r"(?:hours?|hrs?|days?|weeks?|wks?|fortnights?|months?|quarters?|years?|yrs?|sprints?|"
    r"story[ -]points?|points?|pts|sp)"
)
_UNIT_SHORT = r"(?:h|d|w|wk|mo)"
PERSON = r"(?:person|people|engineer|engineering|eng|dev|developer|man|team|ideal|calendar|working|business)[- ]"
_DASH = r"(?:\s*[-\u2013\u2014]\s*|\s+to\s+|\s+or\s+)"
_RANGE_JOIN = r"(?:\s*(?:-|\u2013|\u2014|\.\.)\s*|\s+(?:to|through|thru|until|till|and|-)\s+)"
_PART = r"(?:early|mid|late|(?:the\s+)?(?:end|start|beginning|middle)\s+of(?:\s+the)?)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"

# Left edge: a date or number glued to a word, a version dot, a currency or a ticket dash is not ours.
_L = r"(?<![\w.$\u20ac\u00a3#/@:+-])"
_L_NUM = r"(?<![\w.,$\u20ac\u00a3#/@:+^-])"
# Right edge: not followed by more of a number, a version, a time of day, a percent or a word.
_R = r"(?![\w%]|[.,:/-]\d)"
# "mid-2027", "early-2027": the one dash a year may follow.
_LY = rf"(?:(?<=mid-)|(?<=early-)|(?<=late-)|(?<=\.\.)|{_L})"

# Forms that must win over a shorter reading at the same place ("last week of June" is not "last week").
_FIRST = [
    rf"(?P<week_of_month>\b(?P<wm_o>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+week\s+(?:of|in)\s+(?P<wm_m>{_MONTH})\b(?:\.?,?\s+(?P<wm_y>{_YEAR}))?{_R})",
    rf"(?P<weeks_of_month>\b(?:the\s+)?(?P<wk_o>first|last)\s+(?P<wk_n>two|three|2|3)\s+weeks\s+(?:of|in)\s+(?P<wk_m>{_MONTH})\b(?:\.?,?\s+(?P<wk_y>{_YEAR}))?{_R})",
    rf"(?P<week_num>\b(?:week|wk|CW)\s?(?P<wn_n>\d{{1,2}})(?:(?:\s+of\s+|,\s*|\s+)(?P<wn_y>{_YEAR}))?{_R}(?!\s+of\b))",
    rf"(?P<eoy_year>\bEOY\s+(?P<ey_y>{_YEAR}){_R})",
    r"(?P<rel_period>\b(?:(?P<rp_u>year|quarter|month)[- ]end|mid-(?P<rp_m>year|quarter|month))\b(?!-\w))",
]
_FORMS = [
    # --- ranges written as one form -----------------------------------------------------
    rf"(?P<day_range_month>{_L}(?P<drm_a>{_DAY}){_DASH}(?P<drm_b>{_DAY})\s+(?:of\s+)?(?P<drm_m>{_MONTH})\.?(?:,?\s+(?P<drm_y>{_YEAR}))?{_R})",
    rf"(?P<month_day_range>\b(?P<mdr_m>{_MONTH})\.?\s+(?P<mdr_a>{_DAY}){_DASH}(?P<mdr_b>{_DAY})(?:,?\s+(?P<mdr_y>{_YEAR}))?{_R})",
    rf"(?P<year_range>{_LY}(?P<yr_a>{_YEAR})(?:\s*[-\u2013\u2014]\s*|\s+(?:to|through|until)\s+)(?P<yr_b>{_YEAR}){_R})",
    # --- ISO forms --------------------------------------------------------------------------
    r"(?P<week_of>\bweek\s+of\s+(?P<wo_y>\d{4})-(?P<wo_m>\d\d)-(?P<wo_d>\d\d)(?!\d))",
    rf"(?P<week_of_day>\bweek\s+of\s+(?:(?P<wd_d>{_DAY})\s+(?:of\s+)?(?P<wd_m>{_MONTH})|(?P<wd_m2>{_MONTH})\.?\s+(?P<wd_d2>{_DAY}))\b(?:,?\s+(?P<wd_y>{_YEAR}))?{_R})",
    rf"(?P<iso_day>{_LY}(?P<id_y>\d{{4}})(?P<id_s>[-/])(?P<id_m>\d\d)(?P=id_s)(?P<id_d>\d\d)(?![\d%]|[.,:/-]\d))",
    rf"(?P<dmy>{_LY}(?P<dy_d>\d{{1,2}})(?P<dy_s>[./])(?P<dy_m>\d{{1,2}})(?P=dy_s)(?P<dy_y>\d{{4}})(?![\d%]|[.,:/-]\d))",
    rf"(?P<iso_week>{_LY}(?P<iw_y>\d{{4}})-?W(?P<iw_w>\d\d?){_R})",
    rf"(?P<iso_qh>{_LY}(?P<iq_y>\d{{4}})-?(?P<iq_k>[QH])(?P<iq_n>[1-4]){_R})",
    rf"(?P<iso_month>{_LY}(?P<im_y>\d{{4}})-(?P<im_m>\d\d)(?![\w%-]|[.,:/]\d))",
    # --- words ------------------------------------------------------------------------------
    r"(?P<fy_q>\b(?:(?P<fq_q>[QH][1-4]|[1-4][QH])\s*(?:of\s+|[-/]\s*)?FY\s?'?(?P<fq_y>\d{4}|\d\d)"
    r"|FY\s?'?(?P<fq_y2>\d{4}|\d\d)\s*[-/ ]?\s*(?P<fq_q2>[QH][1-4]|[1-4][QH]))\b)",
    r"(?P<fy>\bFY\s?'?(?P<fy_y>\d{4}|\d\d)\b)",
    rf"(?P<cy>\b(?:calendar\s+year\s+|CY\s?'?)(?P<cy_y>{_YEAR}|\d\d)\b)",
    rf"(?P<qh>\b(?:(?P<qh_k>(?-i:[QH]))(?P<qh_n>[1-4])|(?P<qh_n2>[1-4])(?P<qh_k2>(?-i:[QH])))(?:(?:\s*,?\s+(?:of\s+)?|\s*[/-]\s*)(?P<qh_y>{_YEAR})|\s*'(?P<qh_yy>\d\d)|(?P<qh_y2>\d\d)(?=\b))?\b(?!-\d|\.\d))",
    rf"(?P<ordinal_part>\b(?P<op_o>first|second|third|fourth|1st|2nd|3rd|4th|last|front|back)\s+(?P<op_k>quarter|half)(?:\s+of\s+(?P<op_y>{_YEAR}|the\s+year|this\s+year|next\s+year))?\b)",
    rf"(?P<season>\b(?P<se_s>{_SEASON})\s+(?:of\s+)?(?:(?P<se_y>{_YEAR})|'(?P<se_yy>\d\d))\b)",
    rf"(?P<season_bare>(?<=the\s)(?P<sb_s>{_SEASON})\b(?!\s+(?:of\s+)?(?:\d|'\d)))",
    rf"(?P<day_month>{_L}(?P<dm_d>{_DAY})(?:\s+of)?\s+(?P<dm_m>{_MONTH})\b\.?(?:,?\s+(?P<dm_y>{_YEAR}))?{_R})",
    rf"(?P<month_day>\b(?P<md_m>{_MONTH})\.?\s+(?:the\s+)?(?P<md_d>{_DAY})(?![\d:]|\.\d|\s*%)(?:,?\s+(?P<md_y>{_YEAR}))?{_R})",
    rf"(?P<month_year>\b(?P<my_m>{_MONTH})\.?,?\s+(?:of\s+)?(?:(?P<my_y>{_YEAR})|'(?P<my_yy>\d\d)){_R})",
    rf"(?P<month>\b(?P<mo_m>{_MONTH})\b)",
    rf"(?P<year>{_LY}(?P<ye_y>{_YEAR})(?!\w|%|[.,:/-]\d|'s?\b))",
]
_RELATIVE = [
    rf"(?P<rel_next>\b(?P<rn_w>next|this|coming|last|previous|the\s+following)\s+(?P<rn_u>{'|'.join(WEEKDAYS)}|week|month|quarter|year|sprint|{_SEASON})\b)",
    rf"(?P<rel_in>\b(?P<ri_p>(?:in|within)\s+(?:the\s+(?:next|coming|following)\s+)?|(?:(?:over|during)\s+)?the\s+(?:next|coming|following)\s+)(?P<ri_n>{_NUM_A})\s+(?:(?:business|working|calendar)\s+)?(?P<ri_u>days?|weeks?|months?|quarters?|years?|sprints?)\b(?!\s+(?:of|time\s+to))\b)",
    rf"(?P<rel_ago>\b(?P<ra_n>{_NUM_A})\s+(?:(?:business|working|calendar)\s+)?(?P<ra_u>days?|weeks?|months?|quarters?|years?|sprints?)\s+(?P<ra_d>ago|from\s+now|out|later|earlier)\b)",
    r"(?P<rel_end>\b(?:(?P<re_p>end|start|beginning|middle)\s+of\s+(?:the\s+)?|(?P<re_q>later|earlier|early|late|mid)[\s-]+)(?P<re_w>this|next|the|last)\s+(?P<re_u>week|month|quarter|year|sprint)\b)",
    rf"(?P<rel_dom>\b(?P<rm_d>{_DAY})\s+of\s+(?P<rm_w>next|this|last)\s+month\b)",
    rf"(?P<rel_after_next>\b(?:the\s+)?(?P<an_u>{'|'.join(WEEKDAYS)}|week|month|quarter|year|sprint)\s+after\s+next\b)",
    r"(?P<rel_day>\b(?P<rd_w>tomorrow|yesterday|the\s+day\s+after\s+tomorrow|EO[WMQY]|end\s+of\s+day|EOD)\b)",
    rf"(?P<rel_weekday>\b(?:on\s+|by\s+|starting\s+|until\s+|till\s+|before\s+)(?P<rw_d>{'|'.join(WEEKDAYS)})\b(?!,?\s+(?:\d|the\s+\d|{_MONTH})))",
]
_ESTIMATES = [
    r"(?P<size>\b(?:t-?shirt(?:\s+size)?|size[ds]?|estimate[ds]?|effort)(?:\s*:|\s+(?:is|was|it|them|as|at|of|a|an|to\s+be|been|be))*\s+(?P<sz_s>XXS|XS|S|M|L|XL|XXL)\b(?![-.&/']\w))",
    r"(?P<size_sized>\b(?:an?\s+)?(?P<ss_s>XXS|XS|S|M|L|XL|XXL)[- ](?:sized?|t-?shirt)\b)",
    r"(?P<or_two>\b(?:an?|one)\s+(?P<ot_u>hour|day|week|month|sprint)\s+or\s+(?P<ot_n>two|three|so)\b)",
    r"(?P<est_half>\b(?P<ah_n>an?|one|two|three|four|\d+)\s+(?P<ah_u>hours?|days?|weeks?|months?|sprints?)\s+and\s+a\s+half\b)",
    rf"(?P<estimate>(?P<es_a>~|\u2248|about\s+|around\s+|roughly\s+|approx\.?\s*|approximately\s+|circa\s+|at\s+least\s+|at\s+most\s+|up\s+to\s+)?{_L_NUM}(?P<es_lo>{_NUM_A})(?:{_DASH}(?P<es_hi>{_NUM})(?![.,]\d))?(?:\s+|\s*-\s*|(?=[a-z]))(?:{PERSON})?(?:\s*of\s+)?(?P<es_u>{_UNIT_LONG})\b(?!-\w))",
    rf"(?P<est_short>(?P<eh_a>~|\u2248)?{_L_NUM}(?P<eh_lo>\d+(?:\.\d+)?)(?:\s*[-\u2013]\s*(?P<eh_hi>\d+(?:\.\d+)?))?(?P<eh_u>{_UNIT_SHORT})\b(?![-.]\w))",
]

_ORDER = [*_FIRST, *_RELATIVE[:1], *_FORMS[:3], *_RELATIVE[1:], *_FORMS[3:], *_ESTIMATES]


def _form_name(form: str) -> str:
    m = re.match(r"\(\?P<(\w+)>", form)
    assert m is not None
    return m[1]


# What each form can start with: a digit ("d"), a word ("w") or a tilde ("~"). Trying only the
# forms that can start with the character at hand halves the work of every attempt.
_STARTS = {
    "rel_next": "w", "day_range_month": "d", "month_day_range": "w", "year_range": "d", "rel_in": "w",
    "rel_ago": "dw", "rel_end": "w", "rel_day": "w", "rel_weekday": "w", "week_of": "w", "iso_day": "d",
    "iso_week": "d", "iso_qh": "d", "iso_month": "d", "fy_q": "dw", "season_bare": "w", "fy": "w", "qh": "dw",
    "ordinal_part": "dw", "season": "w", "day_month": "d", "month_day": "w", "month_year": "w", "month": "w",
    "year": "d", "size": "w",
    "size_sized": "w", "or_two": "w", "estimate": "dw~", "est_short": "d~", "week_of_month": "dw", "week_num": "w",
    "eoy_year": "w", "rel_period": "w", "dmy": "d", "cy": "w", "rel_dom": "d", "rel_after_next": "w",
    "weeks_of_month": "w", "est_half": "dw", "week_of_day": "w",
}  # fmt: skip
PART_BEFORE = re.compile(rf"\b(?P<part>{_PART})(?:\s+|-)$", re.IGNORECASE)
RANGE_JOIN = re.compile(rf"{_RANGE_JOIN}$", re.IGNORECASE)
BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
# Words after which a yearless month or a bare year is a time reference ("in March", "by 2027").
CUE_BEFORE = re.compile(
    r"(?:\b(?:in|by|until|till|before|after|from|since|during|through|throughout|over|for|of|on|around|circa|"
    r"starting|ending|early|mid|late|this|next|last|between|and|to|or|than|as\s+of|end|start|beginning|"
    r"until|into|spring|summer|autumn|fall|winter|year|calendar|target|deadline|ETA|due|ship|ships|lands?)"
    r"|[(\u2013\u2014]|mid-)(?:\s+the)?\s*$",
    re.IGNORECASE,
)
# Counts look like years after these: "2027 users" is handled on the right; these guard the left.
COUNT_BEFORE = re.compile(
    r"(?:\b(?:version|firmware|SDK|API|app|release|build|issue|ticket|PR|room|line|page|step|item|no\.|number|port|code|top|of\s+the|ID|id|"
    r"deploy|order|invoice|job|run|pipeline|incident|case|rule|error|status|HTTP|RFC|ISO|chapter|section|figure|table)|#)\s*$",
    re.IGNORECASE,
)
# Before a number and a unit: these make it a rate, an age or a duration of something else.
ESTIMATE_TRAP_BEFORE = re.compile(
    r"\b(?:every|each|per|once|twice|thrice|times|last|past|previous|first|next|over\s+the\s+(?:last|past|next)|"
    r"after|up|down|rose|fell|gained|lost|dropped|jumped|slipped|by|since|aged|"
    r"retention\s+of|retain(?:ed)?\s+for|kept\s+for|keep\s+for|trial\s+of|SLA\s+of|TTL\s+of|timeout\s+of|"
    r"commit(?:s|ted)?\s+for|term\s+of|contract\s+of|"
    r"window\s+of|notice\s+of|history\s+of|up\s+to\s+the|older\s+than|younger\s+than|"
    r"times\s+a|x\s+a)\s*$",
    re.IGNORECASE,
)
# Durations of things other than work: "the token expires after 24 hours", "a 2-year warranty".
ESTIMATE_TRAP_NOUNS = re.compile(
    r"\b(?:trials?|retention|retained|retain|warranty|timeouts?|TTL|expir\w*|archiv\w*|SLA|uptime|downtime|cache[ds]?|"
    r"tokens?|sessions?|cookies?|subscriptions?|licen[cs]es?|notice|grace|guarantee|lease|older|newer|aged|"
    r"experience|rolling|average|interval|cadence|frequency|covers?|valid|stored?|kept|keeps?|snapshots?|backups?|leave|PTO|sabbatical|MTT[RDAF]|MTBF|RTO|RPO|"
    r"SLOs?|latency|availability|outages?|incidents?|lasted|lasts|runs\s+for|ran\s+for|running\s+for)\b(?:[^.;!?]|\.\d){0,40}$",
    re.IGNORECASE,
)
ESTIMATE_TRAP_AFTER = re.compile(
    r"^(?:\s+(?:old|ago|of\s+(?:data(?!\s+(?:science|engineering|platform))|logs|metrics|backups|snapshots|events|traces|history|retention|uptime|downtime|notice|runway|lead\s+time|support)|"
    r"retention|rolling|window|trial|notice|SLA|TTL|cycle|cadence|lookback|grace|warranty|"
    r"(?:per|each|every|a)\s+(?:hour|day|week|month|quarter|year|sprint)\b|"
    r"apart|in\s+a\s+row|overdue|late|behind|early|of\s+the\s+year|free\b|for\s+free|"
    r"(?:or\s+(?:two|three|more|longer|so)\s+)?(?:out|away|ahead)\b)|-old)",
    re.IGNORECASE,
)
# Nouns that make "a 3-day spike" an estimate; other hyphenated compounds ("30-day trial") are not.
EFFORT_NOUN_AFTER = re.compile(
    r"^\s+(?:of\s+)?(?:effort|spike|project|push|investigation|task|engagement|rewrite|migration|refactor|build|job|piece\s+of\s+work)\b",
    re.IGNORECASE,
)
# Token classes for the scan: an anchor is part of every mention; a leader may start one.


def _words(text: str) -> list[str]:
    return text.split()


_ANCHOR_WORDS = _words(
    "hour hours hr hrs day days week weeks wk wks fortnight fortnights month months quarter quarters year years sprint "
    "sprints point points pts sp one two three four five six seven eight nine ten eleven twelve fifteen "
    "twenty thirty forty fifty sixty ninety couple few several half next this coming last previous "
    "following tomorrow yesterday eow eom eoq eoy eod end start beginning middle later earlier early mid "
    "late spring summer autumn fall winter first second third fourth front back monday tuesday wednesday thursday "
    "friday saturday sunday jan january feb february mar march apr april may jun june jul july aug "
    "august sep sept september oct october nov november dec december "
)
# A leader word, and the only forms that can start with it: a leader is tried against those alone.
_LEADS = {
    "the": "rel_next rel_in rel_day rel_after_next weeks_of_month",
    "a an": "rel_ago or_two size_sized est_half estimate",
    "in within over during": "rel_in",
    "on by starting until till before": "rel_weekday",
    "about around roughly approx approximately circa at up": "estimate",
    "t size sizes sized estimate estimates estimated effort": "size",
    "cw wk": "week_num",
    "calendar": "cy",
}
_LEADER_WORDS = [word for words in _LEADS for word in words.split()]
LEADER_FORMS = {
    word: re.compile("|".join(f for f in _ORDER if _form_name(f) in forms.split()), re.IGNORECASE)
    for words, forms in _LEADS.items()
    for word in words.split()
}
SIZE_WORDS = frozenset(("XXS", "XS", "S", "M", "L", "XL", "XXL"))


def _trie(words: list[str]) -> str:
    """One regex for many words, shaped as a trie so a non-word fails on its first letters."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in sorted(set(words)):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(c) + render(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return render(tree)


ANCHOR_WORDS = frozenset(_ANCHOR_WORDS)
_DIGIT_OR_TILDE = re.compile(r"[\d~\u2248]")
_WORDS = re.compile(r"[A-Za-z]+")


def has_anchor(text: str) -> bool:
    """The pre-filter: False when no mention can be in `text` (no digit, no month, unit or number word)."""
    if _DIGIT_OR_TILDE.search(text):
        return True
    words = set(_WORDS.findall(text))
    if not words.isdisjoint(SIZE_WORDS):
        return True
    return not ANCHOR_WORDS.isdisjoint(w.lower() for w in words)


# --- the same tokens, found faster -----------------------------------------------------------
# `TOKEN` tries two big alternations at every position of the text. The grammar needs only
# where the anchors start and, for each, the leaders in the 40 characters before it, so it
# finds anchors with `ANCHOR_TOKEN` and leaders with `LEADER_TOKEN` in that window only.
# "wk" is an anchor before it is a leader, so it is never a leader token. A leader is a whole
# word and an anchor inside a word is a run of digits, so neither hides the other: these two
# streams are exactly `TOKEN`'s anchors and leaders.
_ANCHOR_GROUP = rf"\b(?:[QH][1-4]|FY|CY)|\d+|[~\u2248]|\b{_trie(_ANCHOR_WORDS)}\b|(?-i:\b(?:XXS|XS|S|M|L|XL|XXL)\b)"
_LEADER_TOKEN_WORDS = [word for word in _LEADER_WORDS if word not in ANCHOR_WORDS]
ANCHOR_TOKEN = re.compile(_ANCHOR_GROUP, re.IGNORECASE)
LEADER_TOKEN = re.compile(rf"\b{_trie(_LEADER_TOKEN_WORDS)}\b", re.IGNORECASE)


def _by_first_letter(words: list[str]) -> str:
    """`\\b(?:words)\\b` written so that every branch starts with a literal letter: `re` then
    skips the positions that cannot start one without trying the pattern there."""
    firsts: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        assert len(word) > 1 and word.isascii() and word.islower(), word
        firsts.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{re.escape(first)}(?<!\\w.)(?:{_trie(rest)})\\b" for first, rest in sorted(firsts.items()))


# For ASCII text, lowercased: the anchors with case-sensitive literals, so `re` can skip ahead
# to a digit, a tilde or a letter that starts an anchor word. `(?<!\w.)` after a word's first
# letter is `\b` before it. The size words are case-sensitive and found in the text as written.
ANCHOR_LOWER = re.compile(
    "|".join(
        [
            *(f"{d}[0-9]*" for d in "0123456789"),
            "~",
            "\u2248",
            r"q(?<!\w.)[1-4]",
            r"h(?<!\w.)[1-4]",
            r"f(?<!\w.)y",
            r"c(?<!\w.)y",
            _by_first_letter(_ANCHOR_WORDS),
        ]
    )
)
SIZE_TOKEN = re.compile(r"X(?<!\w.)(?:XS|XL|S|L)\b|S(?<!\w.)\b|M(?<!\w.)\b|L(?<!\w.)\b")
LEADER_LOWER = re.compile(rf"\b{_trie(_LEADER_TOKEN_WORDS)}\b")


# --- forms by the character they are tried at ----------------------------------------------------
# An anchor is tried against the forms of its kind (digit, word, tilde); most of those cannot
# start with the anchor's first character. A form that cannot match there is dropped from the
# alternation, which leaves the match unchanged: an alternation returns its first branch that
# matches. What a form can start with is read off its parsed regex, generously: lookarounds
# are skipped, letters match in either case, and anything not understood matches any character.
_DIGIT_CLASS = (-1, -1)  # \d, in a first-character set of code-point ranges


def _starts_with(items: list[tuple[Any, Any]]) -> tuple[list[tuple[int, int]] | None, bool]:
    """What the sequence `items` of a parsed regex can start with, as code-point ranges (None:
    anything), and whether it can match the empty string."""
    out: list[tuple[int, int]] = []
    for op, av in items:
        if op is _c.LITERAL:
            return [*out, (av, av)], False
        if op is _c.IN:
            for item_op, item_av in av:
                if item_op is _c.LITERAL:
                    out.append((item_av, item_av))
                elif item_op is _c.RANGE:
                    out.append(item_av)
                elif item_op is _c.CATEGORY and item_av is _c.CATEGORY_DIGIT:
                    out.append(_DIGIT_CLASS)
                else:
                    return None, False
            return out, False
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width
        first: list[tuple[int, int]] | None
        if op is _c.SUBPATTERN:
            first, empty = _starts_with(list(av[3]))
        elif op is _c.BRANCH:
            first, empty = [], False
            for branch in av[1]:
                branch_first, branch_empty = _starts_with(list(branch))
                if branch_first is None:
                    return None, False
                first += branch_first
                empty = empty or branch_empty
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            first, empty = _starts_with(list(av[2]))
            empty = empty or av[0] == 0
        else:
            return None, False
        if first is None:
            return None, False
        out += first
        if not empty:
            return out, False
    return out, True


def _can_start(first: list[tuple[int, int]] | None, char: str) -> bool:
    if first is None:
        return True
    for low, high in first:
        if (low, high) == _DIGIT_CLASS:
            if re.fullmatch(r"\d", char):
                return True
        elif re.fullmatch(f"[{re.escape(chr(low))}-{re.escape(chr(high))}]", char, re.IGNORECASE):
            return True
    return False


def _form_starts() -> dict[str, list[tuple[int, int]] | None]:
    starts = {}
    for form in _ORDER:
        first, empty = _starts_with(list(_parser.parse(form, re.IGNORECASE).data))
        starts[_form_name(form)] = None if empty else first
    return starts


_FORM_STARTS = _form_starts()
_FORMS_AT: dict[tuple[str, str], re.Pattern[str]] = {}


def forms_at(start: str, char: str) -> re.Pattern[str]:
    """`MENTION_BY_START[start]` without the forms that cannot start with `char`."""
    key = (start, char)
    pattern = _FORMS_AT.get(key)
    if pattern is None:
        forms = [f for f in _ORDER if start in _STARTS[_form_name(f)] and _can_start(_FORM_STARTS[_form_name(f)], char)]
        pattern = re.compile("|".join(forms), re.IGNORECASE) if forms else _NOTHING
        _FORMS_AT[key] = pattern
    return pattern


_NOTHING = re.compile(r"(?!)")


# --- the whole grammar as single patterns ----------------------------------------------------
# What the fast paths above are held equal to by tests: `MENTION` (every form, one
# alternation), `MENTION_BY_START` (its forms by first character kind) and `TOKEN` (anchor
# and leader tokens in one pass). Compiled on first use: a check never needs them.
_WHOLE: dict[str, Any] = {
    "MENTION": lambda: re.compile("|".join(_ORDER), re.IGNORECASE),
    "MENTION_BY_START": lambda: {
        start: re.compile("|".join(f for f in _ORDER if start in _STARTS[_form_name(f)]), re.IGNORECASE)
        for start in "dw~"
    },
    "TOKEN": lambda: re.compile(
        rf"(?P<anchor>\b(?:[QH][1-4]|FY|CY)|\d+|[~\u2248]|\b{_trie(_ANCHOR_WORDS)}\b|(?-i:\b(?:XXS|XS|S|M|L|XL|XXL)\b))"
        rf"|(?P<leader>\b{_trie(_LEADER_WORDS)}\b)",
        re.IGNORECASE,
    ),
}


def __getattr__(name: str) -> Any:
    build = _WHOLE.get(name)
    if build is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = build()
    globals()[name] = value
    return value
