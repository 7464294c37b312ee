"""The clause around a duration: what tells a span of work from any other span of time.

An estimate is the cost of work; most other durations in plans are about something else:
an offset from an event, a limit, a rule, a state that lasts, a period named as the subject.
Those are told by the shape of the clause (its verbs, its subject, what follows), which new
writers share far more than they share nouns.
"""

from __future__ import annotations

import re

from planner.patterncache import compiled

# "3 weeks of work", "2 days of QA", "a month of two engineers": the duration says it is work.
OF_WORK = compiled(
    r"\s+of\s+(?:build\b|[\w-]+\s+(?:[\w-]+\s+)?work\b|[\w-]+\s+(?:engineering|development|programming)\b|(?:hands-on\s+|heads-down\s+|focused\s+|config\s+|configuration\s+|integration\s+|setup\s+|build\s+|"
    r"migration\s+|implementation\s+|cleanup\s+|prep\s+)?work|effort|engineering|design|development|dev|QA|testing|research|discovery|front-?end|back-?end|"
    r"full-?stack|mobile|iOS|Android|web|infra(?:structure)?|ops|data\s+science|"
    r"(?:contractor|consultant|engineering|developer|dev|design|agency)\s+time|"
    r"(?:professional|consulting|consultancy|implementation)\s+services|"  # a statement of work's days
    # "half a day of data validation", "10-12 weeks of optioneering", "16 weeks of crew time"
    r"(?:[\w-]+\s+)?(?:validation|enablement|optioneering|prep|preparation|remediation|documentation|UAT)|crew\s+time|"
    r"(?:one|an?|two|three|\d+)\s+(?:engineers?|persons?|people|developers?|devs?))\b",  # not "of workshops"
    re.IGNORECASE,
)


# "longer than the 2 days we'd budgeted": an amount someone set aside for the work.
_BUDGETED_AFTER = compiled(
    r"\s+(?:we|I|they|you)(?:['\u2019]d|\s+had|\s+have)?\s+(?:budgeted|estimated|planned|allowed|allocated|scoped)\b",
    re.IGNORECASE,
)


def offset_after(after: str) -> bool:
    """What follows a duration makes it an offset from an event: "15 days after the due date"."""
    return _OFFSET_AFTER.match(after) is not None


def on_average(text: str, end: int) -> bool:
    """'We onboard clients in 14 days on average': what usually happens, not a plan."""
    return _ON_AVERAGE.match(text, end) is not None


_ON_AVERAGE = compiled(r",?\s+(?:on\s+average|on\s+a\s+typical\s+\w+|typically|usually|normally)\b", re.IGNORECASE)


def habitual(text: str, start: int) -> bool:
    """The clause tells what usually happens or what was measured, not what is planned: "App
    Store review usually takes 24 to 48 hours", "velocity averages 34 points", "a median first
    response of 2 hours". An estimate that says so is kept ("we usually estimate 3 weeks"), and
    so is our own work ("it usually takes us 60 hours")."""
    if _HABITUAL.search(text, max(0, start - 90), start) is None:
        return False  # the clause is never longer than that: most estimates stop here
    before = clause_before(text, start)
    return _HABITUAL.search(before) is not None and _EFFORT_SAID.search(before) is None and not _TAKES_US.search(before)


# "writing the application usually takes us about 60 hours": our own work, however usual.
_TAKES_US = compiled(
    r"\b(?:takes?|took|costs?)\s+(?:us|me|the\s+team|our\s+team)\s+(?:about\s+|around\s+|roughly\s+)?$"
)
_HABITUAL = compiled(
    r"\b(?:usually|typically|typical|normally|generally|currently|historically|each\s+[\w-]+\s+(?:takes|lasts|runs)|traditionally|tends?\s+to|on\s+average|"
    r"medians?|averages?|averaged|velocity\b(?!\s*,)|(?:runs?|ran|kicks\s+off)\s+(?:every|each)\s+(?:night|morning|evening|hour|day|week|weekday|weekend)|"
    r"nightly|hourly|automatically|by\s+default)\b",
    re.IGNORECASE,
)


def other_duration(text: str, start: int, after: str) -> bool:
    """A duration of something other than work, told by the shape of its clause, not by its
    nouns: an offset from an event ("30 days after purchase"), a limit ("capped at 12 hours"),
    a rule ("must be reported within 30 days"), a state that lasts ("stays quarantined for
    48 hours", "accounts inactive for 6 months are suspended"), or a period named as the
    subject ("the cooling-off period is 14 days", "delivery takes 2 weeks"). An effort says so
    anyway ("of work", "estimated at") and is kept; a terse note ("API: 3 days") has no clause
    around it and is kept too."""
    if OF_WORK.match(after) or _EFFORT_SAID.search(text, max(0, start - 60), start) or _BUDGETED_AFTER.match(after):
        return False
    if _ON_AVERAGE.match(after):
        return True
    if _POSSESSIVE.match(after):
        return _WORK_POSSESSED.match(after) is None  # "10 years' service", but "two weeks' work"
    if _OFFSET_AFTER.match(after) and not _WORK_NEEDS.search(text, max(0, start - 30), start):
        return True  # "the capacity work needs 2-3 weeks before Q2" is still an effort
    before = clause_before(text, start)
    if before.endswith(("within ", "Within ")):
        return True  # a bound, not an amount: "rotate the keys within 1 hour"
    # Each shape ends in, or holds, a word of its own; the regexes run only where one is there.
    words = _words(before)
    tail = words[-4:]
    return (
        (not _RUN_WORDS.isdisjoint(words) and _RUN_CLAUSE.search(before) is not None)
        or (not _LIMIT_WORDS.isdisjoint(tail) and _LIMIT_BEFORE.search(before) is not None)
        or ("for" in tail[-3:] and _STATE_FOR_BEFORE.search(before) is not None)  # "for up to 90 days"
        or (
            not _LINK_WORDS.isdisjoint(tail)
            and not _PERIOD_WORDS.isdisjoint(words)
            and _PERIOD_SUBJECT.search(before) is not None
        )
        or (not _RULE_WORDS.isdisjoint(words) and _RULE_CLAUSE.search(before) is not None)
        or (not _RULE_WORDS.isdisjoint(_words(after)) and _RULE_CLAUSE.search(after.split(".", 1)[0]) is not None)
    )


def _words(text: str) -> list[str]:
    return text.lower().translate(_NOT_WORD).split()


# Every character that is not part of a word, so the word sets see what `\b` sees (or more).
_NOT_WORD = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u2013\u2014\u2018\u2019"})
_RUN_WORDS = frozenset("nightly hourly daily weekly cron scheduled batch overnight".split())  # noqa: SIM905
# The word each limit holds: "capped at", "no more than", "a maximum of", "in advance of"...
_LIMIT_WORDS = frozenset(
    "capped limited exceed exceeds exceeding than maximum minimum advance inactive idle dormant".split()  # noqa: SIM905
)
_LINK_WORDS = frozenset("is are was were be lasts last lasted runs run ran takes take took of at".split())  # noqa: SIM905
_RULE_WORDS = frozenset(
    (  # noqa: SIM905 - a word list reads best as words
        "must shall may not allowed required entitled eligible permitted policy regulation regulations regulator "
        "statutory mandatory compulsory law rule rules clause clauses"
    ).split()
)


def back_to(boundary: re.Pattern[str], text: str, at: int, reach: int) -> int:
    """Where the text after the last `boundary` before `at` starts, looking at most `reach` back."""
    start = max(0, at - reach)
    for found in boundary.finditer(text, start, at):
        start = found.end()
    return start


def clause_before(text: str, start: int) -> str:
    """The words of the clause before `start`, back to its last boundary (at most 90 characters)."""
    return text[back_to(_CLAUSE_END, text, start, 90) : start]


def planned_clause(text: str, start: int) -> bool:
    """The clause says what is planned or due ("a draft is due within 10 days"), not a rule or
    a service level ("claims must be reported within 30 days", "we respond within one month")."""
    before = clause_before(text, start)
    return _RULE_CLAUSE.search(before) is None and _PLAN_CUE.search(before) is not None


# What a plan says: due, will, should, aims, expects, targets, plans, by when.
_PLAN_CUE = compiled(
    r"\b(?:due|should|will|'ll|shall|expect\w*|aim\w*|target\w*|plan\w*|hope|intend\w*|going\s+to|want|ready|need\s+to|"
    r"promis\w*|commit\w*|ask(?:ed|s)|requested|agreed|proposed|scheduled)\b",
    re.IGNORECASE,
)


_EFFORT_SAID = compiled(
    r"\best\.|\b(?:estimat\w*|effort|sized|sizing|scoped|scoping|pointed|budget(?:ed)?|timebox(?:ed)?|time-boxed|"
    r"person|people|engineers?|developers?|devs|designers?|FTEs?|expect\w*|(?<!traffic\s)(?<!load\s)(?<!CPU\s)spike)\b",
    re.IGNORECASE,
)
# "2 weeks' notice", "10 years' service", "a day's work": what the duration is of.
_POSSESSIVE = compiled(r"['\u2019]s?\s+\w")
_WORK_POSSESSED = compiled(
    r"['\u2019]s?\s+(?:work|effort|engineering|development|dev|design|QA|testing|research|coding|labou?r)\b",
    re.IGNORECASE,
)
_WORK_NEEDS = compiled(
    r"\b(?:needs?|needed|requires?|required|costs?|spend|spent|takes?|took)\s+(?:about\s+|around\s+|roughly\s+)?(?:[~\u2248]\s*)?$",
    re.IGNORECASE,
)
_CLAUSE_END = compiled(r"[.;!?:(\u2014]\s|,\s+(?:and|but|while|whereas|so|or)\s|\s\u2013\s")
# An offset from an event: "30 days after purchase", "6 weeks before the event", "7 days prior to".
_OFFSET_AFTER = compiled(
    # "3 days, 7 days and 14 days after", "7 days and again 1 day before"
    r"(?:(?:,|,?\s+(?:and|or))(?:\s+(?:again|then|once\s+more))?\s+(?:\d+|an?|one)\s+(?:business\s+|working\s+)?[a-z]+)*"
    r"\s+(?:or\s+(?:more|less|longer)\s+)?(?:after|before|prior\s+to|following|since|beyond|past|"
    r"from\s+(?:the|their|your|its|his|her|each|every)\s+(?!team\b|vendor\b|agency\b))\b",
    re.IGNORECASE,
)
# A limit on a duration, not an amount of work: "capped at", "may not exceed", "no more than".
_LIMIT_BEFORE = compiled(
    r"\b(?:capped\s+at|limited\s+to|(?:may|must|can|shall|should|will|does|do)\s+not\s+exceed|(?:cannot|can't|won't)\s+exceed|"
    r"exceed(?:s|ing)?|no\s+(?:more|longer|less|fewer)\s+than|not\s+(?:more|longer|less)\s+than|"
    r"(?:a\s+)?(?:maximum|minimum)\s+of|(?:more|longer|less|shorter)\s+than|older\s+than|for\s+(?:more|longer|less)\s+than|"
    r"in\s+advance\s+of|inactive\s+for|idle\s+for|dormant\s+for)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# A state that lasts, then "for": "stays up for 14 days", "sits in the chamber for 48 hours",
# "are embargoed for 70 years", "was down for 3 hours".
_STATE_FOR_BEFORE = compiled(
    r"\b(?:stay(?:s|ed)?|remain(?:s|ed)?|feeds?|fed|sits?|sat|(?<!-)lives?|(?<!-)lived|idles?|(?<!\bto\s)(?<!\bwill\s)runs?|ran|running|(?:is|are|was|were|be|been|being|gets?|got)\s+"
    r"(?:\w+ly\s+)?(?!needed\b|required\b|spent\b|reserved\b|allocated\b|allotted\b|staffed\b|planned\b|expected\b|"
    r"scheduled\b|booked\b|blocked\s+out\b|set\s+aside\b|dedicated\b|assigned\b|released\b)(?:\w+ed|\w+en|held|kept|shut|down|offline|online|open|closed|"
    r"frozen|valid|active|inactive|available|unavailable|free|live|stable))\b(?:\s+[\w'-]+){0,5}?\s+for\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# A period named as the subject: "the cooling-off period is 14 days", "delivery takes 2 weeks",
# "the policy term is 12 months", "retrieval can take up to 12 hours".
# Periods that are a subject's duration, not work; "lead time" is "lead\s+time" in the regex.
_PERIOD_NOUNS = (  # noqa: SIM905 - a word list reads best as words
    "period term window trial probation notice shift cycle lead_time timeout duration lifetime lifespan life_span "
    "shelf_life warranty delay interval runway tenure residency course programme semester season rotation freeze "
    "embargo moratorium lookback validity visit break rest conference workshop webinar festival tour exhibition "
    "placement internship fellowship contract lease subscription membership loan quarantine isolation incubation "
    "store_review retrieval processing delivery shipping transit turnaround wait queue commute flight journey trip "
    "drive hold manufacturing verification "
    "cooling-off grace outage downtime uptime meeting call session standup stand-up retro retrospective demo "
    "interview training onboarding_course exam run soak burn-in bake curing drying fermentation recovery stay"
).split()
# The first word of each, singular and plural: a clause without one of them has no such subject.
_PERIOD_FIRSTS = [noun.split("_")[0].split("-")[0] for noun in _PERIOD_NOUNS]
_PERIOD_WORDS = frozenset([*_PERIOD_FIRSTS, *(w + "s" for w in _PERIOD_FIRSTS)])
_PERIOD_SUBJECT = compiled(
    r"\b(?:" + "|".join(re.escape(n).replace("_", r"\s+") for n in _PERIOD_NOUNS) + ")s?"
    r"(?:\s+itself|\s+(?:for|of|on|in)(?:\s+[\w'-]+){1,3}?)?\s+(?:(?:(?:usually|typically|normally|often|generally|always)\s+)?"
    r"(?:(?:is|are|was|were|will\s+be)(?:\s+for)?|lasts?|lasted|runs?|ran|takes?|took|of|at)\s+|"
    r"(?:can|could|may|might|will|should|would)\s+(?:usually\s+|typically\s+)?(?:be|last|run|take)\s+)"
    r"(?:(?:about|around|roughly|approximately|typically|usually|only|just|up\s+to|at\s+least|at\s+most|nearly|"
    r"almost|over|under|set\s+at|capped\s+at)\s+)?$",
    re.IGNORECASE,
)
# A machine or a schedule at work, not people: "the nightly re-index takes around 3 hours".
_RUN_CLAUSE = compiled(
    r"\b(?:nightly|hourly|daily|weekly|cron|scheduled\s+job|batch\s+job|runs\s+overnight)\b", re.IGNORECASE
)
# A rule, not a plan: "claims must be reported within 30 days", "the law requires 10 hours off".
_RULE_CLAUSE = compiled(
    r"\b(?:must|shall|may\s+not|must\s+not|not\s+allowed|(?:is|are)\s+(?:required|entitled|eligible|allowed|permitted)|"
    # "the policy team needs two weeks" is a team's work: "policy" before such a noun names no rule
    r"policy(?!\s+(?:teams?|launch(?:es)?|leads?|comms|writers?|work|memos?|docs?|managers?|owners?|squad|people))|"
    r"regulations?|regulator|statutory|mandatory|compulsory|by\s+law|rules?\s+require|clauses?\s+\d[\d.]*\s+gives?)\b",
    re.IGNORECASE,
)
