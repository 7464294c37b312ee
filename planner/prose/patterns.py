"""The mention grammar's vocabulary, compiled once: every form a date or an estimate takes in prose.

The forms in order, most specific first, so the first that matches is the longest reading;
`tokens.py` says where each is tried, `grammar.py` turns the named groups into windows and
estimates, and the cue and trap patterns here let the handlers read the context.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from planner.patterncache import compiled

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
    "half a": 0.5, "a half": 0.5, "an half": 0.5, "another": 1,
}  # fmt: skip
# "a few" and "several" are ranges, not points: (low, high).
VAGUE_COUNTS = {"a few": (2.0, 4.0), "few": (2.0, 4.0), "several": (3.0, 6.0)}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4}

UNIT_OF: dict[str, str] = {}
for _unit, _unit_words in {
    "minutes": ("min", "mins", "minute", "minutes"),
    "hours": ("h", "hr", "hrs", "hour", "hours"),
    "days": ("d", "day", "days", "night", "nights"),  # "five nights" of road works: a shift each
    "weeks": ("w", "wk", "wks", "week", "weeks"),
    "fortnights": ("fortnight", "fortnights"),
    "months": ("mo", "mos", "month", "months"),
    "quarters": ("quarter", "quarters"),
    "years": ("year", "years", "yr", "yrs"),
    "points": ("pt", "pts", "point", "points", "pointer", "sp", "story point", "story points", "story-points"),
    "sprints": ("sprint", "sprints"),
}.items():  # "PW", "PD" and "MD" (person-weeks, person-days, man-days) are read by `estimate_from`
    for _word in _unit_words:
        UNIT_OF[_word] = _unit

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# The dot of an abbreviated month ("7 Dec."), never a full stop after a whole name ("7 December.").
_MONTH_DOT = r"(?:(?<=jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.|(?<=sept)\.)?"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_NUM_WORD = (
    r"(?:an?\s+half|a\s+couple(?:\s+of)?|couple\s+of|a\s+few|few|several|half\s+an?|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety)"
)
# "one and a half weeks", "2 and a half days" first: the longer reading wins.
_NUM = (
    rf"(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+and\s+a\s+half|"
    rf"\d{{1,3}}(?:,\d{{3}})+(?![\d.])|\d+(?:\.\d+)?|{_NUM_WORD})"  # "1,200 hours" too
)
_NUM_A = rf"(?:{_NUM}|an?|another)"
_UNIT_LONG = (
    r"(?:hours?|hrs?|days?|nights?|weeks?|wks?|fortnights?|months?|quarters?|years?|yrs?|sprints?|minutes?|mins?|"
    r"story[ -]points?|points?|(?<=\d-)pointers?|pts?|sp|(?-i:PWs?|PDs?|MDs?))"
)
_UNIT_SHORT = r"(?:h|d|w|wk|mo)"
# Who or what a unit of effort is counted in: "person-weeks", "FTE-weeks", "380 audit days".
PEOPLE = (
    r"(?:person|people|engineer|engineering|eng|dev|developer|man|team|ideal|FTE|volunteer|contractor|consultant|"
    r"staff|audit|shooting|studio|billable|recording|editing|field|lab|design|designer|research|researcher|agency|creative|QA|recruiter|recruiting|trainer|crew)"
)
PERSON = rf"(?:{PEOPLE}|calendar|working|business)[- ]"  # "business days" too
_DASH = r"(?:\s*[-\u2013\u2014]\s*|\s+to\s+|\s+or\s+)"
RANGE_JOINER = r"(?:\s*(?:-|\u2013|\u2014|\.\.)\s*|\s+(?:to|through|thru|until|till|and|-)\s+)"
# A weekday as written, "Mon", "Tues.", "Thursday": `WEEKDAY_BEFORE` is one before a date.
DAY_NAME = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?"
_PART = r"(?:early|mid\s+of(?:\s+the)?|mid|late|(?:the\s+)?(?:end|start|beginning|middle)\s+of(?:\s+the)?)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
# Holidays that name one day, as written (capitalised): "before Christmas", "on Black Friday".
_APOS = "['\u2019]"
_HOLIDAY = (
    r"(?-i:Christmas(?:\s+(?:Eve|Day))?|Xmas|Boxing\s+Day|New\s+Year(?:" + _APOS + r"s)?\s+(?:Eve|Day)|Halloween|"
    r"Valentine" + _APOS + r"s\s+Day|Thanksgiving(?:\s+Day)?|Black\s+Friday|Cyber\s+Monday|Memorial\s+Day|"
    r"Labou?r\s+Day|Independence\s+Day|Juneteenth|Good\s+Friday|Easter(?:\s+(?:Sunday|Monday))?|"
    r"Presidents" + _APOS + r"?\s+Day)"
)
# "the week of", and the British "week commencing" and "w/c".
WEEK_OF = r"(?:\b(?:week|wk)\s+(?:of|commencing|beginning|starting|ending)\s+|\bw/[cbe]\s+)"

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
    # "the first Thursday of January": a weekday counted in its month
    rf"(?P<nth_weekday>\b(?:the\s+)?(?P<nw_o>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+(?P<nw_d>{'|'.join(WEEKDAYS)})\s+"
    rf"(?:of|in)\s+(?P<nw_m>{_MONTH})\b{_MONTH_DOT}(?:,?\s+(?P<nw_y>{_YEAR}))?{_R})",
    # "Thursday the 3rd", "Monday the 30th": the next such day that falls on that weekday
    rf"(?P<weekday_dom>\b(?P<wx_w>{DAY_NAME})\s+(?:the\s+)?(?P<wx_n>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b(?!\s+(?:of\b|week|day)))",
    rf"(?P<weeks_of_month>\b(?:the\s+)?(?P<wk_o>first|second|last)\s+(?:(?P<wk_n>two|three|2|3)\s+weeks|(?P<wk_f>fortnight))\s+(?:of|in)\s+(?P<wk_m>{_MONTH})\b(?:\.?,?\s+(?P<wk_y>{_YEAR}))?{_R})",
    rf"(?P<weeks_range>\b(?:weeks|wks?|KW|CW)\s?(?P<wr_a>\d{{1,2}})\s*[-\u2013\u2014]\s*(?P<wr_b>\d{{1,2}})"
    rf"(?:(?:\s+of\s+|,\s*|\s+|\s*/\s*)(?P<wr_y>{_YEAR}))?{_R})",
    rf"(?P<week_num>\b(?:(?:ISO\s+)?week|wk|CW|KW|WW|(?-i:W)(?=\d))\s?(?P<wn_n>\d{{1,2}})(?:(?:\s+of\s+|,\s*|\s+|\s*/\s*)(?P<wn_y>{_YEAR}))?{_R}(?!\s+of\b))",
    rf"(?P<eoy_year>\b(?:EOY|year[- ]end)\s+(?P<ey_y>{_YEAR}){_R})",
    # "the mid-year review" is a recurring event's name, not a date.
    r"(?P<rel_period>\b(?:(?P<rp_u>year|quarter|month)[- ]end|mid-(?P<rp_m>year|quarter|month)"
    r"(?!\s+(?:OKR\s+)?(?:reviews?|check-?ins?|checkpoints?|planning|updates?|reports?|surveys?|retros?|offsites?)\b))\b(?!-\w)"
    r"(?!\s+(?:close|closing|process|reporting)\b))",
]
_FORMS = [
    # --- ranges written as one form -----------------------------------------------------
    rf"(?P<day_range_month>{_L}(?P<drm_a>{_DAY})(?:{_DASH}|\s+and\s+)(?P<drm_b>{_DAY})\s+(?:of\s+)?(?P<drm_m>{_MONTH}){_MONTH_DOT}(?:,?\s+(?P<drm_y>{_YEAR}))?{_R})",
    rf"(?P<month_day_range>\b(?P<mdr_m>{_MONTH})\.?\s+(?P<mdr_a>{_DAY}){_DASH}(?P<mdr_b>{_DAY})(?:,?\s+(?P<mdr_y>{_YEAR}))?{_R})",
    rf"(?P<year_range>{_LY}(?P<yr_a>{_YEAR})(?:\s*[-\u2013\u2014]\s*|\s+(?:to|through|until)\s+)(?P<yr_b>{_YEAR}){_R})",
    # --- ISO forms --------------------------------------------------------------------------
    rf"(?P<week_of>{WEEK_OF}(?P<wo_y>\d{{4}})-(?P<wo_m>\d\d)-(?P<wo_d>\d\d)(?!\d))",
    rf"(?P<week_of_day>{WEEK_OF}(?:(?P<wd_d>{_DAY})\s+(?:of\s+)?(?P<wd_m>{_MONTH})|(?P<wd_m2>{_MONTH})\.?\s+(?P<wd_d2>{_DAY}))\b(?:,?\s+(?P<wd_y>{_YEAR}))?{_R})",
    rf"(?P<iso_day>{_LY}(?P<id_y>\d{{4}})(?P<id_s>[-/.])(?P<id_m>\d\d)(?P=id_s)(?P<id_d>\d\d)(?![\d%]|[.,:/-]\d))",
    rf"(?P<dmy>{_LY}(?P<dy_d>\d{{1,2}})(?P<dy_s>[./-])(?P<dy_m>\d{{1,2}})(?P=dy_s)(?P<dy_y>\d{{4}})(?![\d%]|[.,:/-]\d))",
    # "by 3/31", "from 15/3", "the 1/1 renewals": a yearless day, only where the order of day and
    # month cannot be misread (one part past 12, or both the same).
    rf"(?P<md_slash>{_L}(?P<ms_a>\d{{1,2}})/(?P<ms_b>\d{{1,2}})(?![\d/%]|[.,:-]\d|\w)(?!\s+of\b))",
    # "by 15.03.", "on 24.02.": a yearless day as written where the day comes first
    r"(?P<dm_dot>(?<![\w.$\u20ac\u00a3#/@:+-])(?P<dd_d>[0-3]\d)\.(?P<dd_m>[01]\d)\.(?![\d%]|[.,:/-]?\w))",
    # "in 03/2027": a month and its year
    rf"(?P<my_slash>{_L}(?P<mys_m>0[1-9]|1[0-2]|[1-9])/(?P<mys_y>{_YEAR})(?![\d/%]|[.,:-]\d|\w))",
    rf"(?P<iso_week>{_LY}(?P<iw_y>\d{{4}})-?W(?P<iw_w>\d\d?){_R})",
    rf"(?P<iso_qh>{_LY}(?P<iq_y>\d{{4}})-?(?P<iq_k>[QH])(?P<iq_n>[1-4]){_R})",
    # "2027/28", "2026-27": a fiscal or academic year across two calendar years (never a month:
    # the second part is past 12).
    rf"(?P<year_span>{_LY}(?P<ys_a>{_YEAR})[/\u2013-](?P<ys_b>1[3-9]|[2-9]\d)(?![\d%/-]|[.,:]\d|\w))",
    rf"(?P<iso_month>{_LY}(?P<im_y>\d{{4}})-(?P<im_m>\d\d)(?![\w%-]|[.,:/]\d))",
    # --- words ------------------------------------------------------------------------------
    r"(?P<fy_q>\b(?:(?P<fq_q>[QH][1-4]|[1-4][QH])\s*(?:of\s+|[-/]\s*)?FY\s?'?(?P<fq_y>\d{4}|\d\d)"
    r"|FY\s?'?(?P<fq_y2>\d{4}|\d\d)\s*[-/ ]?\s*(?P<fq_q2>[QH][1-4]|[1-4][QH])"
    r"(?:(?:\s*[-\u2013\u2014]\s*|\s+(?:to|through|thru)\s+)(?P<fq_q3>[QH][1-4])(?!\s*'?\d))?)\b)",
    rf"(?P<fy>\b(?:FY\s?'?|fiscal\s+(?:year\s+)?(?={_YEAR}))(?P<fy_y>\d{{4}}|\d\d)(?:[/-](?P<fy_y2>\d\d))?\b)",
    rf"(?P<cy>\b(?:calendar\s+year\s+|CY\s?'?)(?P<cy_y>{_YEAR}|\d\d)\b)",
    rf"(?P<qh>\b(?:(?P<qh_k>(?-i:[QHqh]))(?P<qh_n>[1-4])|(?P<qh_n2>[1-4])(?P<qh_k2>(?-i:[QH])))(?:(?:\s*,?\s+(?:of\s+)?(?:CY\s?)?|\s*[/-]\s*)(?P<qh_y>{_YEAR})|\s*['\u2019](?P<qh_yy>\d\d)|\s+(?P<qh_rel>next|this|last)\s+year|(?P<qh_y2>[23]\d)(?=\b))?\b(?!-\d|\.\d))",
    rf"(?P<ordinal_part>\b(?P<op_o>first|second|third|fourth|1st|2nd|3rd|4th|last|front|back)\s+(?P<op_k>quarter|half)(?:\s+of\s+(?:(?P<op_y>{_YEAR}|the\s+year|this\s+year|next\s+year)|(?:FY\s?'?|fiscal\s+(?:year\s+)?(?={_YEAR}))(?P<op_fy>\d{{4}}|\d\d)\b|(?P<op_m>{_MONTH})\b{_MONTH_DOT}(?:,?\s+(?P<op_my>{_YEAR}))?))?\b)",
    rf"(?P<season>\b(?P<se_s>{_SEASON})\s+(?:of\s+)?(?:(?P<se_y>{_YEAR})|['\u2019](?P<se_yy>\d\d))\b)",
    rf"(?P<season_bare>(?:(?<=the\s)|(?<=early\s)|(?<=late\s)|(?<=mid-)|(?<=mid\s)|(?<=\bin\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\bduring\s))(?P<sb_s>{_SEASON})\b(?!\s+(?:of\s+)?(?:\d|'\d)))",
    # "12-Apr-2027": a whole date with a month name between dashes
    rf"(?P<dmy_name>{_L}(?P<dn_d>3[01]|[12]\d|0?[1-9])-(?P<dn_m>{_MONTH})-(?P<dn_y>{_YEAR})(?![\w%-]|[.,:/]\d))",
    rf"(?P<day_month>{_L}(?P<dm_d>{_DAY})(?:\s+of)?\s+(?P<dm_m>{_MONTH})\b{_MONTH_DOT}(?:,?\s+(?P<dm_y>{_YEAR}))?{_R})",
    rf"(?P<month_day>\b(?P<md_m>{_MONTH})\.?\s+(?:the\s+)?(?P<md_d>{_DAY})(?!\d|:\d|\.\d|\s*%)(?:,?\s+(?P<md_y>{_YEAR}))?{_R})",
    rf"(?P<month_year>\b(?P<my_m>{_MONTH})\.?,?\s+(?:of\s+)?(?:(?P<my_y>{_YEAR})|['\u2019](?P<my_yy>\d\d)){_R})",
    rf"(?P<holiday>\b(?P<ho_n>{_HOLIDAY})\b(?:,?\s+(?P<ho_y>{_YEAR}))?{_R})",
    rf"(?P<month>\b(?P<mo_m>{_MONTH})\b)",
    # "the last day of February 2027", "the first working day of March"
    rf"(?P<month_edge>\bthe\s+(?P<me_o>last|first)\s+(?:(?P<me_w>working|business)\s+)?day\s+of\s+(?P<me_m>{_MONTH})\b"
    rf"{_MONTH_DOT}(?:,?\s+(?P<me_y>{_YEAR}))?{_R})",
    # "a holiday 2027 launch", "the holiday season 2027": retail's holiday season
    rf"(?P<holiday_season>\bholiday\s+(?:season\s+)?(?P<hs_y>{_YEAR})\b)",
    # "the 2030s", "the early 2030s": a decade
    r"(?P<decade>\bthe\s+(?:(?P<dc_p>early|mid|late)[\s-]+)?(?P<dc_y>2[01]\d0)['\u2019]?s\b)",
    rf"(?P<year>{_LY}(?P<ye_y>{_YEAR})(?!\w|%|[.,:/-]\d|'s?\b))",
]
# A weekday written as a name, with no cue before it ("alpha starts Monday", "the Monday launch"):
# not a day of every week ("every Monday"), a day of some other period ("the last Friday of the
# sprint"), or a named day ("Black Friday", "Good Friday").
_NOT_BEFORE_WEEKDAY = (  # noqa: SIM905 - a word list reads best as words
    "every each other any a one some first second third fourth last next this coming "
    "black cyber good super easter boxing holy ash fat maundy shrove whit giving casual blue manic"
).split()
_BARE_WEEKDAY = "(?=(?-i:[MTWFS][a-z])|(?:mon|tues|wednes|thurs|fri|satur|sun)day\\b)(?<![-\u2013/])" + "".join(
    rf"(?<!\b{word}\s)" for word in _NOT_BEFORE_WEEKDAY
)
# "by Fri", "expires Sat": abbreviations as written (capitalised), never "Sun" (a name too often).
# In lower case only after a cue ("by fri", "on mon"), where the word can be nothing else.
_CUED = "".join(
    rf"(?<=\b{cue}\s)|"
    for cue in (
        "on",
        "by",
        "until",
        "till",
        "before",
        "eod",
        "cob",
        "due",
        "to",
        "from",
        "after",
        "start",
        "starts",
        "out",
        "back",
    )
)
_WEEKDAY_SHORT = (
    rf"(?:(?-i:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat)|(?:{_CUED[:-1]})(?:mon|tues?|wed|thu(?:rs?)?|fri))(?=\.?(?:\W|$))"
)
# "last November", "next March": capitalised, so "this may" stays a verb
_MONTH_NAME = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?!\.?\s*\d)"
)
# "next Tues", "this fri": abbreviations after next/this/last, "Sat" and "Sun" capitalised only.
_NEXT_SHORT = r"(?:(?-i:Sat|Sun)|mon|tues?|wed|thu(?:rs?)?|fri)(?=\.?(?:\W|$))"
_RELATIVE = [
    rf"(?P<rel_next>\b(?P<rn_w>next|this|coming|upcoming|current|last|previous|prior|the\s+following)\s+(?P<rn_u>{'|'.join(WEEKDAYS)}|week|wk|month|quarter|(?-i:Q)(?![\w&-])|half|(?:fiscal|financial)\s+year|FY|year|sprint|term|semester|fortnight|{_SEASON}|{_NEXT_SHORT}|{_MONTH_NAME})\b(?!\s+of\s+(?:the|this|each|every|a|an)\b|\s+of\s+(?:\d|FY)))",
    rf"(?P<rel_in>\b(?P<ri_p>(?:in|within)\s+(?:the\s+(?:next|coming|following)\s+)?(?:~\s*|\u2248\s*|about\s+|around\s+|roughly\s+|approximately\s+)?|(?:(?:over|during)\s+)?the\s+(?:next|coming|following)\s+|(?:(?:over|during|in)\s+)?the\s+past\s+)(?P<ri_n>{_NUM_A})\s+(?:(?:business|working|calendar)\s+)?(?P<ri_u>days?|weeks?|wks?|fortnights?|months?|quarters?|years?|sprints?)\b(?!\s+(?:of|time\s+to))\b)",
    rf"(?P<rel_ago>\b(?P<ra_n>{_NUM_A})\s+(?:(?:business|working|calendar)\s+)?(?P<ra_u>hours?|days?|weeks?|wks?|fortnights?|months?|quarters?|years?|sprints?)\s+(?P<ra_d>ago|from\s+(?:now|today)|out|later|earlier|back(?=\s*(?:[.,;:!?)]|$|\s+(?:and|but|so|still)\b))|(?:before|after\s+th(?:at|is))(?=\s*(?:[.,;:!?)\u2013\u2014]|$)))\b"
    r"(?!\s+than\b(?!\s+(?:planned|expected|scheduled|originally|first\s+planned)\b)))",
    r"(?P<rel_end>\b(?:(?P<re_p>end|start|beginning|middle)\s+of\s+(?:the\s+)?|(?P<re_q>later|earlier|early|late|mid)[\s-]+)(?:(?P<re_w>this|next|the|last)\s+(?P<re_f>(?:financial|fiscal)\s+)?|(?<=end\sof\s)(?=week\b|month\b|quarter\b))(?P<re_u>week|month|quarter|year|sprint|(?-i:FY)(?![\w&-]))\b)",
    rf"(?P<rel_dom>\b(?P<rm_d>{_DAY}|first)\s+of\s+(?P<rm_w>next|this|last)\s+month\b)",
    # "effective the first of the year": the next 1 January
    r"(?P<rel_first_of_year>\bthe\s+(?:first|1st)\s+of\s+the\s+year\b)",
    rf"(?P<rel_after_next>\b(?:the\s+)?(?P<an_u>{'|'.join(WEEKDAYS)}|week|month|quarter|year|sprint)\s+after\s+next\b|"
    # "a week on Friday" (British): the Friday after next
    rf"\b(?:a|one)\s+week\s+on\s+(?P<an_d>{'|'.join(WEEKDAYS)})\b(?!['\u2019]s\b))",
    rf"(?P<rel_weekday>(?:\b(?:on|by|starting|until|till|before|COB|EOD|end\s+of\s+(?:the\s+)?(?:day|business))\s+|(?<=\bmoved\sto\s)|(?<=\bpushed\sto\s)|(?<=\bshifted\sto\s)|(?<=\bdue\s)|"
    r"(?<=\bto\s)|(?<=\bfrom\s)|(?<=\bafter\s)|(?<=\bstart\s)|(?<=\bstarts\s)|(?<=\bout\s)|(?<=\bback\s)|"
    rf"{_BARE_WEEKDAY})"
    rf"(?P<rw_d>{'|'.join(WEEKDAYS)}|{_WEEKDAY_SHORT})\b(?:\s+(?-i:EOD|COB)\b)?(?![-\u2013]\w|\.\w|\s+of\b)(?!\.?,?\s+(?:\d(?!\d?(?::\d\d?|\.\d\d?(?![.\d]))(?!\d|\.\d))|the\s+\d|{_MONTH}\b)))",
    # "Marketing is out the week before", "the day after": a period next to another date.
    r"(?P<rel_around>\bthe\s+(?P<ra2_u>day|week|month|quarter|year)\s+(?P<ra2_d>before|after)\b(?!\s+(?:next|last|tomorrow|yesterday)\b))",
    r"(?P<rel_weekend>\b(?:(?:on|by|before|over|until|till|at|after|during)\s+(?:the|this)|this|next|the\s+coming|coming|last)\s+weekend\b(?!\s+of\b))",
    r"(?P<rel_new_year>\b(?:in|over|until|till|into|after)\s+the\s+new\s+year\b)",
    # "slipped two weeks", "pushed out a sprint": how far a date moved, read from the as-of date
    rf"(?P<rel_slip>(?:(?<=\bslipped\s)|(?<=\bslips\s)|(?<=\bslid\s)|(?<=\bpushed\sout\s)|(?<=\bpushed\sback\s))"
    rf"(?P<sl_n>{_NUM_A})\s+(?P<sl_u>days?|weeks?|wks?|months?|sprints?|quarters?)\b)",
    # "ends on the 28th": a day of this month, or the next one if it has passed
    r"(?P<rel_ordinal>(?:(?:(?<=\bon\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bbefore\s)|(?<=\bafter\s))(?:the\s+)?|(?<=\bto\s)the\s+)(?P<ro_d>3[01]|[12]\d|[1-9])"
    r"(?:st|nd|rd|th)\b(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|or|at|to|through|when|so)\b))",
    # "in the coming weeks": a few of them, from tomorrow
    r"(?P<rel_coming>\b(?:in|over|during)\s+the\s+coming\s+(?P<rc_u>days|weeks|months)\b)",
    r"(?P<rel_day>\b(?:(?:EOD|COB|end\s+of\s+(?:the\s+)?(?:day|business))\s+(?=tomorrow|tmrw|today))?(?P<rd_w>tomorrow|tmrw|yesterday|y['\u2019]day|last\s+night|today|tonight|this\s+(?:morning|afternoon|evening)|the\s+day\s+after\s+tomorrow|EO[WMQY]|end\s+of\s+(?:the\s+)?(?:day|business)|EOD|COB)\b)",
]
# Sizes written as words, after a size cue: "effort: Medium", "sized as a Large".
SIZE_NAMES = {  # keyed as written, lowered, with dashes as spaces
    "extra small": "XS",
    "x small": "XS",
    "small": "S",
    "medium": "M",
    "large": "L",
    "extra large": "XL",
    "x large": "XL",
}
SIZE_NAME = r"(?:extra[- ]small|x-small|small|medium|large|extra[- ]large|x-large)"
# "a Large; the API part is a Small": a size's name alone, capitalised after "a" (the scan's
# pre-filter looks for it too)
SIZE_NAME_ALONE = r"(?<=\ba\s)(?:Small|Medium|Large)"
_ESTIMATES = [
    rf"(?P<size>\b(?:t-?shirt(?:\s+size)?|size[ds]?|estimate[ds]?|effort)(?:\s*:|\s+(?:is|was|it|them|as|at|of|a|an|to\s+be|been|be))*(?:\s+|(?<=size)/)(?P<sz_s>XXS|XS|S|M|L|XL|XXL|{SIZE_NAME})\b(?![-.&/']\w))",
    r"(?P<size_as>\b(?:t-?shirt[- ]sized?|sized)(?:\s+[\w-]+){0,5}?\s+as\s+(?:an?\s+)?"
    rf"(?P<sa_s>XXS|XS|S|M|L|XL|XXL|{SIZE_NAME})\b(?![-.&/']\w))",
    r"(?P<size_sized>\b(?:an?\s+)?(?P<ss_s>XXS|XS|S|M|L|XL|XXL)[- ](?:sized?|t-?shirt)\b)",
    # "an XS change": a size given to the piece of work it names
    r"(?P<size_work>\ban?\s+(?-i:(?P<sw_s>XXS|XS|S|M|L|XL|XXL))\s+(?:change|task|fix|project|story|ticket|job|effort|"
    r"feature|piece\s+of\s+work)\b)",
    # "Sizing: auth is an M, search is an L": a size named after a size cue earlier in the sentence.
    # ... or, after a size cue, as an item's value: "T-shirt sizes: export API S, audit trail M".
    rf"(?P<size_listed>(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\ban\s)|(?<=\ba\s))(?-i:(?P<sl_s>XXS|XS|S|M|L|XL|XXL|{SIZE_NAME_ALONE}))\b(?![-.&/']\w)"
    r"|(?:(?<=[A-Za-z)]\s)|(?<=\()|(?<=[\u2013\u2014|,:?]\s))(?-i:(?P<sl_s2>XXS|XS|S|M|L|XL|XXL))\b(?![-.&/']\w)"
    r"(?=\s*(?:[,;.)!?\u2013\u2014|]|$)|\s+(?:to|or|and|maybe|if|after|before|for|now|then|but|respectively|each)\b))",
    r"(?P<or_two>\b(?:an?|one)\s+(?P<ot_u>hour|day|week|month|sprint)\s+or\s+(?P<ot_n>two|three|so)\b)",
    rf"(?P<estimate>(?P<es_a>~|\u2248|about\s+|around\s+|roughly\s+|approx\.?\s*|approximately\s+|circa\s+|at\s+least\s+|at\s+most\s+|up\s+to\s+)?{_L_NUM}(?P<es_lo>{_NUM_A})\+?(?:{_DASH}(?P<es_hi>{_NUM})(?![.,]\d))?(?:\s+|\s*-\s*|(?=[a-z]))(?P<es_full>(?:full|whole|solid)\s+)?(?:(?:more|extra|additional|further)\s+)?(?:{PERSON})?(?:\s*of\s+)?(?P<es_u>{_UNIT_LONG})\b(?P<es_half>\s+and\s+a\s+half\b)?(?!-\w))",
    rf"(?P<est_short>(?P<eh_a>~|\u2248)?{_L_NUM}(?P<eh_lo>\d+(?:\.\d+)?)(?:\s*[-\u2013]\s*(?P<eh_hi>\d+(?:\.\d+)?))?(?P<eh_u>{_UNIT_SHORT})\b(?![-.]\w))",
    # "a weekend of work", "a few evenings for the slides": spare time given to a piece of work
    rf"(?P<est_time>{_L_NUM}(?P<et_n>an?|one|two|three|four|five|a\s+few|a\s+couple\s+of|couple\s+of|several|\d)"
    r"(?:\s*(?:-|\u2013|to|or)\s*(?P<et_h>two|three|four|five|six|\d))?\s+"
    r"(?:(?:single|full|whole|free|spare)\s+)?(?P<et_u>evenings?|afternoons?|mornings?|weekends?)\b)",
]

ORDER = [*_FIRST, *_RELATIVE[:1], *_FORMS[:3], *_RELATIVE[1:], *_FORMS[3:], *_ESTIMATES]


def form_name(form: str) -> str:
    m = re.match(r"\(\?P<(\w+)>", form)
    assert m is not None
    return m[1]


# What each form can start with: a digit ("d"), a word ("w") or a tilde ("~"). Trying only the
# forms that can start with the character at hand halves the work of every attempt.
STARTS = {
    "rel_next": "w", "day_range_month": "d", "month_day_range": "w", "year_range": "d", "rel_in": "w",
    "rel_ago": "dw", "rel_end": "w", "rel_day": "w", "rel_weekday": "w", "week_of": "w", "iso_day": "d",
    "iso_week": "d", "iso_qh": "d", "iso_month": "d", "fy_q": "dw", "season_bare": "w", "fy": "w", "qh": "dw",
    "ordinal_part": "dw", "season": "w", "day_month": "d", "month_day": "w", "month_year": "w", "month": "w",
    "year": "d", "year_span": "d", "md_slash": "d", "dm_dot": "d", "my_slash": "d", "holiday": "w", "size": "w",
    "size_sized": "w", "or_two": "w", "estimate": "dw~", "est_short": "d~", "week_of_month": "dw", "week_num": "w",
    "eoy_year": "w", "rel_period": "w", "dmy": "d", "cy": "w", "rel_dom": "dw", "rel_after_next": "w",
    "rel_first_of_year": "w",
    "weeks_of_month": "w", "week_of_day": "w",
    "rel_around": "w", "rel_new_year": "w", "rel_coming": "w", "rel_weekend": "w", "weeks_range": "w", "size_as": "w",
    "size_listed": "w", "size_work": "w", "decade": "w", "month_edge": "w", "holiday_season": "w",
    "rel_slip": "dw", "rel_ordinal": "dw", "est_time": "dw", "nth_weekday": "dw", "dmy_name": "d",
    "weekday_dom": "w",
}  # fmt: skip
PART_BEFORE = compiled(rf"\b(?P<part>{_PART})(?:\s+|-)$", re.IGNORECASE)
RANGE_JOIN = compiled(rf"{RANGE_JOINER}$", re.IGNORECASE)
WEEKDAY_BEFORE = compiled(rf"\b{DAY_NAME},?\s+$", re.IGNORECASE)
# "between March and May", "phased over February and March": one span, not two dates.
BETWEEN_BEFORE = compiled(r"\b(?:between|(?:spread\s+|phased\s+)?over|spanning)\s+$", re.IGNORECASE)
# Words after which a yearless month or a bare year is a time reference ("in March", "by 2027").
CUE_BEFORE = compiled(
    r"(?:\b(?:in|by|until|till|before|after|from|since|during|through|throughout|across|over|for|of|on|around|circa|"
    r"starting|ending|early|mid|late|this|next|last|between|and|to|or|than|as\s+of|end|start|beginning|"
    r"until|into|spring|summer|autumn|fall|winter|year|calendar|target|deadline|ETA|due|ship|ships|lands?|make|miss|"
    r"starts|begins|kicks\s+off|closes|opens|spent|spend|spending|(?:date|deadline|target|ETA)\s+(?:is|was|will\s+be)|"
    r"(?:most\s+)?likely|probably|possibly|maybe|perhaps|(?-i:NET|NLT)|(?<!the\s)past|beyond)"
    r"|[(\u2013\u2014]|mid-)(?:\s+the)?\s*$",
    re.IGNORECASE,
)
# Counts look like years after these: "2027 users" is handled on the right; these guard the left.
COUNT_BEFORE = compiled(
    r"(?:\b(?:version|firmware|SDK|API|app|release|build|issue|ticket|PR|room|line|page|step|item|no\.|number|port|code|top|of\s+the|ID|id|"
    r"extension|ext\.|model|"
    r"deploy|order|invoice|job|(?<!dry\s)(?<!test\s)run|pipeline|incident|case|rule|error|status|HTTP|RFC|ISO|chapter|section|"
    r"figure|table)|#|\d\s*(?:by|x|\u00d7))\s*$",
    re.IGNORECASE,
)
# A whole date ("run 2026-11-27 to 2026-12-24", "deploy 14.12.2026") is an identifier only after these.
FULL_DATE_ID_BEFORE = compiled(
    r"(?:\b(?:version|firmware|SDK|API|build|ID|id|no\.|number|model|extension|ext\.)|#)\s*$", re.IGNORECASE
)
# Before a number and a unit: these make it a rate, an age or a duration of something else.
ESTIMATE_TRAP_BEFORE = compiled(
    r"(?:(?:[$\u20ac\u00a3]\s?|\b(?:USD|EUR|GBP|INR|BRL|CAD|AUD|JPY|CHF)\s?)\d[\d.,]*\s*(?:[kmb]n?|million|billion)?(?:\s+of\s+[\w-]+)?\s+over|"
    r"\b(?:replies|responses|answers)\b(?:\s+[\w-]+){0,4}\s+(?:may|can|will|could|might)\s+take(?:\s+up\s+to)?|"
    r"\b(?:signed|logged)\s+in\s+for|\b(?:mg|g|ml|mcg|kg)\s+(?:in|per|every|over)|\b(?:preceding|prior)|\b(?:every|each|per|once|twice|thrice|times|(?<!planned\sto\s)(?<!expected\sto\s)(?<!likely\sto\s)(?<!going\sto\s)(?<!scheduled\sto\s)(?<!estimated\sto\s)last|past|previous|trailing|first|next|over\s+the\s+(?:last|past|next)|"
    r"after(?:\s+another)?|(?<!-)up|(?<!-)down|rose|fell|gained|lost|dropped|jumped|slipped|(?<!followed\s)by|since|aged|(?:is|are)\s+ready\s+in|"
    # "the playtest filled in 4 hours"
    r"\b(?:filled(?:\s+up)?|sold\s+out|booked\s+(?:up|out)|sells?\s+out|selling\s+out)\s+in|"
    r"retention\s+of|retain(?:s|ed)?(?:\s+[\w-]+){0,2}\s+for|kept\s+for|keep\s+for|\block(?:s|ed)?\s+(?:in\s+)?(?:pricing|prices?|rates?)\s+for|\b(?:arrives?|arriving|delivered)\s+(?:in|within)|trial\s+of|SLA\s+of|TTL\s+of|timeout\s+of|"
    r"commit(?:s|ted)?(?:\s+[\w$\u20ac\u00a3/.,-]+){0,3}?\s+for|term\s+of|contract\s+of|"
    r"window\s+(?:of|is)|notice\s+of|history\s+of|up\s+to\s+the|older\s+than|younger\s+than|"
    r"burn(?:ed|t)?[- ]in\s+for|soak(?:ed|s)?\s+for|bake[ds]?\s+for|settle[sd]?\s+in|"
    r"(?:respond|reply|resolve|acknowledge|answer|triage)\w*\s+(?:to\s+)?(?:[\w-]+\s+){0,4}within|"
    r"(?:suspend|ban|block|lock|mute|pause)(?:ed|s)?(?:\s+out)?\s+for|renew\w*(?:\s+[\w,.-]+){0,5}\s+for(?:\s+another|\s+a\s+further)?|(?:renew|expir|rotat)\w*\s+at|access\s+for|kicks?\s+in\s+at|(?:batch|job|cron|backup)\s+(?:starts|runs|kicks\s+off)\s+at\s+[\d:.]+(?:\s*[ap]m)?\s+and\s+(?:takes|runs\s+for)(?:\s+about|\s+around|\s+roughly)?|\b\d+\s+(?:hours?|hrs?)\s+(?:over|across|spread\s+over)|payable\s+(?:inside|within|after)|"
    r"\b(?:is|are|was|were|stays?|remains?)\s+in\s+(?:the\s+|a\s+)?(?:study|trial|hospital|ICU|ward|care|quarantine|isolation)"
    r"\s+for(?:\s+about|\s+around|\s+roughly|\s+up\s+to)?|"
    r"\b(?:cut|cuts|reduces?|reduced|extends?|extended|shortens?|shortened|lengthens?|lengthened|increases?|increased)\b"
    r"(?:\s+(?!estimat|effort|it\b|this\b|that\b|them\b)[\w'\u2019-]+){1,4}\s+from(?:\s+[\d.,]+\s+[a-z]+\s+to)?|"
    r"(?:response|resolution|lead|cycle|turnaround|turn|wait|queue|run|build|boot|load)\s+times?\s+of|"
    r"(?<!\bto\s)(?<!\bwill\s)run\s+(?:the\s+|a\s+|an\s+|our\s+)?(?:[\w-]+\s+){0,3}for|"
    r"\b(?:job|jobs|script|scripts|pipeline|query|backfill|import|export|scan|crawl|sync|reindex|re-index)(?:\s+itself)?"
    r"\s+(?:will|would|should|can|may)\s+run\s+for(?:\s+(?:roughly|about|around|up\s+to))?|"
    r"(?:returns?|refunds?|exchanges?)\s+(?:are\s+accepted\s+)?(?:for|within)|"
    r"(?:takes?|took)\s+(?:the|a|an|our)\s+(?:vendor|supplier|agency|printer|carrier|courier|bank|regulator|council|client|customer|partner|"
    r"cluster|machine|server|database|warehouse|pipeline|runner|worker|node|GPU|job)s?"
    r"(?:\s+about|\s+around|\s+roughly)?|"
    r"(?:month|quarter|year)[- ]end\s+close\s+(?:takes?|took|lasts?)|(?:has|have|had)\s+been\s+(?:[\w-]+\s+){0,3}for|"
    r"those|these|roll(?:s|ed|ing)?\s+out\s+over|"
    r"(?:users?|customers?|admins?|members?|people|you)\s+can\s+\w+\s+(?:[\w-]+\s+){0,3}for|"
    r"\d+(?:,\s*\d+)+,?\s+(?:and|or)|\b\d+\s+of|(?:improved|improves)\s+(?:to|from)|"
    r"\b(?:NPS|eNPS|SUS|CSAT)\b(?:\s+[\w-]+){0,3}\s+(?:of|by)|\bwaits?\s+(?:up\s+to|for)|\bwaits|\b(?:logged|clocked|billed)(?:\s+(?:a\s+total\s+of|about|around|over))?|\bbreaks?\s+even\s+(?:after|in|within)(?:\s+about|\s+around|\s+roughly)?|"
    r"\b(?:approved|processed|cleared|finishes|finished)\s+in(?:\s+under|\s+about|\s+less\s+than)?|"
    r"\b(?:test|experiment|trial|campaign|beta)\s+(?:runs?|ran|lasts?)(?:\s+for)?(?:\s+about|\s+around|\s+roughly)?|"
    r"\b(?:get|gets|receive|receives|earn|earns|earned|earning)(?:\s+(?:at\s+least|up\s+to|a\s+minimum\s+of|an\s+extra|double|triple))?|\boff\s+(?:supply|power|air|line)\s+for|\b\d[\d,.]*\s+[a-z]+s\s+in|"
    r"\bwith\s+(?:over|more\s+than|at\s+least)|\d+(?:\.\d+)?\s*%\s+(?:over|across)(?:\s+the\s+(?:first|last|past))?|"
    r"times\s+a|x\s+a|\d+\s+(?:emails|messages|posts|videos|episodes|touches|touchpoints|sends|reminders|newsletters|articles)\s+over))\s*$",
    re.IGNORECASE,
)
# A rule or a service level, in the passive, before "within": "orders are dispatched within 4 hours".
PASSIVE_WITHIN_BEFORE = compiled(
    r"\b(?:(?:is|are|was|were|be|been|gets?|got)\s+\w+ed|(?:gets?|receives?|expect)\s+(?:an?\s+)?(?:first\s+)?"
    r"(?:[\w-]+\s+)?(?:responses?|repl(?:y|ies)|answers?|callbacks?|notifications?|notice))"
    r"\s+within\s+$",
    re.IGNORECASE,
)
# Durations of things other than work: "the token expires after 24 hours", "a 2-year warranty".
ESTIMATE_TRAP_NOUNS = compiled(
    r"\b(?:trials?|retention|retained|retain|warranty|timeouts?|TTL|expir\w*|archiv\w*|SLAs?|uptime|loans?|downtime|cache[ds]?|"
    r"tokens?|sessions?|cookies?|subscriptions?|licen[cs]es?|notice|grace|guarantee|lease|older|newer|aged|"
    r"experience|rolling(?!\s+(?:out|stacks?|stock|shelving)\b)|average|interval|cadence|frequency|covers?|valid|stored|store\s+(?:[\w-]+\s+){0,3}for|kept|keeps?|holds?|held|CDN|snapshots?|backups?|leave|PTO|sabbatical|MTT[RDAF]|MTBF|RTO|RPO|"
    r"SLOs?|latency|availability|outages?|incidents?|lasted|lasts|runs\s+for|ran\s+for|running\s+for|runs\s+in|ran\s+in|"
    r"(?:lead|response|first-response|resolution|turnaround|turn|wait|handling|transit|dwell|cycle)\s+times?|clocks?|dries|drying|cures|curing|(?:design|service|useful|asset|product|shelf)[\s-]+life|half-li(?:fe|ves)|lifecycle|incubat\w*|stable\s+for|semesters?|trimesters?|lasting|(?:response|notice|review|consultation|objection|appeal|cooling-off)\s+periods?|contract\s+(?:allows|gives|grants|includes|provides)|journeys?|commutes?|clauses?|life-?span|payback|lag|runtimes?|runway|commitment|terms?|statute|limitations|logs|windows?(?!\s+(?:replacement|repairs?|install\w*|fitting|frames?|cleaning|glazing))|"
    r"freight|shipping|DSO|DPO|DIO|(?:month|quarter|year)[- ]end\s+close|runs\s+(?:[\w-]+\s+){1,3}in|renders?)"
    r"\b(?:[^.;!?]|\.\d){0,64}$",
    re.IGNORECASE,
)
ESTIMATE_TRAP_AFTER = compiled(
    r"^(?:\s+(?:old|ago|(?:each\s+)?of\s+(?:data(?![\s-]+(?:science|engineering|platform))|logs|PTO|(?:(?:annual|paid|unpaid|parental|sick|maternity|paternity|carer['\u2019]?s|family|shared|compassionate)\s+){0,2}leave|supply|stock|inventory|(?:forecast(?:ed)?\s+)?demand|cover|shipping|transit|(?:[\w-]+\s+){0,2}stability|(?:uninterrupted|continuous|error-free|fault-free|incident-free|stable)\s+(?:operation|running|service|use)|vacation|holidays?|learning|workshops|talks|sessions|keynotes|networking|readings|measurements|recordings|metrics|backups|snapshots|events|traces|history|retention|uptime|downtime|notice|runway|lead\s+time|support|delay|lag|latency|inactivity|silence|security\s+(?:fixes|patches|updates)|(?:fixes|patches|updates)\s+(?:for|on)\b|read-only|maintenance|disruption|early\s+access|"
    r"battery(?:\s+life)?|playback|runtime|talk\s+time|standby|gameplay|footage)|\d+\s*m(?:in(?:ute)?s?)?\b\s*(?:[\w-]+\s+)?flights?\b|\d+\s+min(?:ute)?s?\b|flights?\b|"
    r"on\s+\d+\s+(?:GPUs?|TPUs?|nodes?|machines?|cores?|workers?|instances?|(?-i:[A-Z]+\d+\w*))\b|on\s+(?:the|a|an|our|one)\s+(?:[\w-]+\s+){0,3}(?:GPUs?|workstations?|servers?|laptops?|clusters?)\b|forwards?\b|"
    r"retention|rolling|window|trial|notice|SLA|TTL|cycle|cadence|lookback|grace|warranty|"
    r"(?:per|each|every|a)\s+(?:hour|day|week|month|quarter|year|sprint)\b|per\s+(?:the\s+(?:[\w-]+\s+){0,2}(?:contract|policy)|(?:the\s+)?(?:[\w-]+\s+){0,2}(?:standard|spec|specification|norm|regulation))\b|per\s+(?:shift|run|job|user|ticket|request|cycle|customer|client|account|meeting|call|session|plate|sample|patient|subject|pass|render|frame)\b|"
    r"to\s+(?:respond|reply|appeal|pay|submit|accept|object|cancel|claim|comply|run|execute|replicate|restore|clear|arrive|"
    r"propagate|settle|expire|heal|cure|dry|reach|boot|converge|drain|come\s+back|hear\s+back|fulfil|fulfill|process|issue|report|notify|return|acclimati[sz]e)\b|"
    r"in\s+advance\b|beforehand\b|at\s+a\s+time\b|"
    # "on call 1 week in 5": a share of a rota, not an amount of work
    r"in\s+(?:\d|two|three|four|five|six|seven|eight|nine|ten)(?=\s*(?:$|[,;:!?)]|\.(?!\d)|\s+(?:with|and|but|on|for|as)\b))|for\s+(?:delivery|dispatch|shipping|shipment)\b|"
    r"scales?\b|per\s+(?:TB|GB|MB|PB|terabyte|gigabyte)\b|"
    r"apart|in\s+a\s+row|overdue|late|behind|early|of\s+the\s+year|free\b|for\s+free|long\b(?!\s+(?:effort|project|push|task))|"
    r"(?:or\s+(?:two|three|more|longer|so)\s+)?(?:out|away|ahead)\b|only\s*[:!\"\u201d])|-old|['\u2019]\s*notice)",
    re.IGNORECASE,
)


# --- regrouping an alternation by first letter -----------------------------------------------
# `re` tries the branches of an alternation one by one at every position of a search, so a
# search for `\b(?:trials?|retention|...)` over 70 characters tries each of 90 words 70 times.
# A branch that opens with a literal is skipped on one comparison, and a pattern whose every
# branch opens with one lets `re` jump to the positions that can start it. So the branches are
# regrouped: `\b(?:trial|term|(?:lead|wait)\s+time)` becomes `t(?<!\w.)(?:rial|erm)|
# l(?<!\w.)(?:ead\s+time)|w(?<!\w.)(?:ait\s+time)`, where `(?<!\w.)` after a word's first
# letter is `\b` before it. Where a match can start and whether one does is unchanged (the
# order of branches may change which branch matches, so only for searches that use no groups).


def by_first_letter(source: str) -> str:
    r"""`source` (a case-sensitive regex) with its branches regrouped by their first letter.
    A pattern that is one group and what follows it (`\b(?:...)\s*$`) has the group's
    branches regrouped: what follows is not copied into each."""
    boundary = source.startswith("\\b(?:")
    if (boundary or source.startswith("(?:")) and len(_branches(source)) == 1:
        opened = source[2:] if boundary else source
        end = _group_end(opened)
        if opened[end : end + 1] not in ("?", "*", "+", "{"):
            return "(?:" + _regrouped(opened[3 : end - 1], boundary) + ")" + opened[end:]
    return _regrouped(source, False)


def _regrouped(source: str, boundary: bool) -> str:
    r"""The branches of `source`, each after `\b` if `boundary`, regrouped by first letter."""
    letters: dict[tuple[str, bool], list[str]] = {}
    others: list[str] = []
    for branch in _branches(source):
        for bounded, opened in _letter_first(branch, boundary, others):
            letters.setdefault((opened[0], bounded), []).append(opened[1:])
    grouped = [
        first + ("(?<!\\w.)" if bounded else "") + "(?:" + "|".join(rests) + ")"
        for (first, bounded), rests in sorted(letters.items())
    ]
    return "|".join(grouped + others)


def _letter_first(branch: str, boundary: bool, others: list[str]) -> list[tuple[bool, str]]:
    r"""`branch` as branches that open with a letter (and whether `\b` comes before it), by
    distributing a leading `\b` and non-capturing groups; what cannot be is added to `others`."""
    if branch.startswith("\\b"):
        return _letter_first(branch[2:], True, others)
    if branch[:1].isalpha() and branch[1:2] not in ("?", "*", "+", "{"):
        return [(boundary, branch)]
    if branch.startswith("(?:"):
        end = _group_end(branch)
        if branch[end : end + 1] not in ("?", "*", "+", "{"):
            out: list[tuple[bool, str]] = []
            for inner in _branches(branch[3 : end - 1]):
                out += _letter_first(inner + branch[end:], boundary, others)
            return out
    others.append(("\\b" if boundary else "") + branch)
    return []


def _branches(source: str) -> list[str]:
    """The top-level branches of `source`."""
    out, depth, start = [], 0, 0
    for i, char in _syntax(source):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
    out.append(source[start:])
    return out


def _group_end(source: str) -> int:
    """Where the group that opens `source` ends (after its `)`)."""
    depth = 0
    for i, char in _syntax(source):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    raise ValueError(f"no group opens {source!r}")


def _syntax(source: str) -> Iterator[tuple[int, str]]:
    """Where the characters of `source` that may open or close a group or a branch are: not
    escaped, not in a character class."""
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
        elif char == "[":
            i = _class_end(source, i)
        else:
            yield i, char
            i += 1


def _class_end(source: str, i: int) -> int:
    """Where the character class opening at `source[i]` ends (after its `]`)."""
    i += 1
    if source[i : i + 1] == "^":
        i += 1
    if source[i : i + 1] == "]":
        i += 1
    while source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i + 1


class Before:
    """A pattern that ends where a position in the text is (`...$`), searched in the lowered
    text before it. `re` skips a branch on its first letter only in a case-sensitive pattern,
    so this is several times faster than the same search with IGNORECASE: these patterns run
    for every estimate. The lowered pattern is also regrouped by first letter (`by_first_letter`).
    A text that lowering makes longer (U+0130) is searched as written."""

    __slots__ = ("folded", "written")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        assert pattern.flags & re.IGNORECASE and not re.search(r"\\[A-Z]|A-Z|\(\?-?i", pattern.pattern)
        self.written = pattern
        self.folded = compiled(by_first_letter(pattern.pattern.lower()))

    def search(self, text: str, start: int, reach: int) -> int | None:
        """Where a match ending at `start` begins, looking at most `reach` characters back."""
        low = max(0, start - reach)
        context = max(0, low - 12)  # lookbehinds see the characters they saw in the whole text
        window = text[context:start].lower()
        if len(window) != start - context:
            found = self.written.search(text, low, start)
            return None if found is None else found.start()
        found = self.folded.search(window, low - context)
        return None if found is None else context + found.start()


TRAP_BEFORE = Before(ESTIMATE_TRAP_BEFORE)
TRAP_NOUNS = Before(ESTIMATE_TRAP_NOUNS)
# Nouns that make "a 3-day spike" an estimate; other hyphenated compounds ("30-day trial") are not.
EFFORT_NOUN_AFTER = compiled(
    r"^\s+(?:of\s+)?(?:effort|spike|project|push|investigation|task|engagement|rewrite|migration|refactor|build|job|fix|estimate|epic|programme|program|"
    r"change|piece\s+of\s+work|discovery|handover|hand-over|transition|cutover|"
    # "a three-week polish pass", "a four-week parallel run", "a two-day penetration test": planned work
    r"(?:polish(?:ing)?|review|QA|test(?:ing)?|cleanup|clean-up|editing|hardening|stabili[sz]ation|bug-?fix(?:ing)?)\s+(?:pass|push|phase)|"
    r"parallel\s+run|(?:penetration|pen|witness|usability|acceptance|integration)\s+test)\b(?!\s+(?:period|window|term)\b)",
    re.IGNORECASE,
)
