"""Where the grammar is tried: anchor and leader tokens, and the forms each can start.

Every mention holds an anchor (a digit, a month, a unit, a number word...) within its first
words, and may start at a leader word shortly before it ("about", "the", "in"). The grammar
finds these tokens with a few compiled patterns and tries at each only the forms of
`patterns` that can start there.
"""

from __future__ import annotations

import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from planner.patterncache import compiled
from planner.prose.patterns import ORDER, STARTS, form_name

# Token classes for the scan: an anchor is part of every mention; a leader may start one.


def _words(text: str) -> list[str]:
    return text.split()


_ANCHOR_WORDS = _words(
    "hour hours hr hrs day days week weeks wk wks fortnight fortnights month months quarter quarters year years sprint "
    "sprints point points pts sp one two three four five six seven eight nine ten eleven twelve fifteen "
    "twenty thirty forty fifty sixty ninety couple few several half next this coming last previous prior "
    "current upcoming following tomorrow tmrw yesterday today tonight eow eom eoq eoy eod cob end start beginning "
    "middle later earlier early mid "
    "late spring summer autumn fall winter first second third fourth front back monday tuesday wednesday thursday "
    "friday saturday sunday jan january feb february mar march apr april may jun june jul july aug "
    "august sep sept september oct october nov november dec december christmas xmas halloween thanksgiving "
    "easter juneteenth weekend mon tue tues wed thu thur thurs fri sat small medium large "
    "evening evenings afternoon afternoons morning mornings weekends "
)
# A leader word, and the only forms that can start with it: a leader is tried against those alone.
_LEADS = {
    "the": "rel_next rel_in rel_day rel_after_next weeks_of_month nth_weekday rel_around rel_weekend rel_ordinal "
    "decade month_edge rel_first_of_year",
    "a an another": "rel_ago or_two size_sized size_work estimate rel_slip est_time rel_after_next",
    "in": "rel_in rel_new_year rel_coming",
    "over": "rel_in rel_new_year rel_weekend rel_coming",
    "within": "rel_in",
    "during": "rel_in rel_coming rel_weekend",
    "black good boxing memorial labor labour independence presidents new valentine": "holiday",
    "on by before": "rel_weekday rel_weekend",
    "until till": "rel_weekday rel_weekend rel_new_year",
    "into": "rel_new_year",
    "after": "rel_new_year rel_weekend",
    "starting": "rel_weekday",
    "about around roughly approx approximately circa up": "estimate",
    "at": "estimate rel_weekend",
    "t size sizes sized estimate estimates estimated effort": "size size_as",
    "cw kw ww": "week_num weeks_range",
    "wk": "week_num",
    "iso": "week_num",
    "w": "week_of week_of_day",
    "calendar": "cy",
    "holiday": "holiday_season",
    "y": "rel_day",
    "fiscal": "fy",
}
_LEADER_WORDS = [word for words in _LEADS for word in words.split()]
assert len(_LEADER_WORDS) == len(set(_LEADER_WORDS)), "each leader word once: a word's forms are one pattern"
LEADER_FORMS = {
    word: compiled("|".join(f for f in ORDER if form_name(f) in forms.split()), re.IGNORECASE)
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
_DIGIT_OR_TILDE = compiled(r"[\d~\u2248]")
_WORDS = compiled(r"[A-Za-z]+")


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
_ANCHOR_GROUP = (
    rf"\b(?:[QH][1-4]|FY|CY|CW(?=\d)|KW(?=\d)|WW(?=\d)|wk(?=\d)|W(?=\d))|\d+|[~\u2248]|\b{_trie(_ANCHOR_WORDS)}\b"
    r"|(?-i:\b(?:XXS|XS|S|M|L|XL|XXL)\b)"
)
_LEADER_TOKEN_WORDS = [word for word in _LEADER_WORDS if word not in ANCHOR_WORDS]
ANCHOR_TOKEN = compiled(_ANCHOR_GROUP, re.IGNORECASE)
LEADER_TOKEN = compiled(rf"\b{_trie(_LEADER_TOKEN_WORDS)}\b", re.IGNORECASE)


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
ANCHOR_LOWER = compiled(
    "|".join(
        [
            *(f"{d}[0-9]*" for d in "0123456789"),
            "~",
            "\u2248",
            r"q(?<!\w.)[1-4]",
            r"h(?<!\w.)[1-4]",
            r"f(?<!\w.)y",
            r"c(?<!\w.)y",
            r"c(?<!\w.)w(?=\d)",  # "CW12"
            r"k(?<!\w.)w(?=\d)",
            r"w(?<!\w.)k(?=\d)",
            r"w(?<!\w.)w(?=\d)",  # "WW06", a work week
            r"w(?<!\w.)(?=\d)",  # "W51"
            _by_first_letter(_ANCHOR_WORDS),
        ]
    )
)
SIZE_TOKEN = compiled(r"X(?<!\w.)(?:XS|XL|S|L)\b|S(?<!\w.)\b|M(?<!\w.)\b|L(?<!\w.)\b")
LEADER_LOWER = compiled(rf"\b{_trie(_LEADER_TOKEN_WORDS)}\b")


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
            if char.isdecimal():  # what `\d` is in a str pattern
                return True
        elif char.isascii() and high <= 0x7F:
            # Ignoring case, an ASCII character matches an ASCII range when it or its other case is in it.
            if low <= ord(char) <= high or low <= ord(char.swapcase()) <= high:
                return True
        elif re.fullmatch(f"[{re.escape(chr(low))}-{re.escape(chr(high))}]", char, re.IGNORECASE):
            return True  # `re`'s own case folding beyond ASCII ("\u212a" is "k")
    return False


# Each form named and parsed once: what it can start with, and (below) the tests that open it.
_NAMED_FORMS = [(form_name(f), f) for f in ORDER]
_FORM_ITEMS = {name: list(_parser.parse(f, re.IGNORECASE).data) for name, f in _NAMED_FORMS}


def _form_starts() -> dict[str, list[tuple[int, int]] | None]:
    starts = {}
    for name, items in _FORM_ITEMS.items():
        first, empty = _starts_with(items)
        starts[name] = None if empty else first
    return starts


_FORM_STARTS = _form_starts()
_FORMS_AT: dict[tuple[str, str, str], re.Pattern[str]] = {}
_BY_FORMS: dict[tuple[str, ...], re.Pattern[str]] = {}


def forms_at(start: str, char: str, before: str = "\x80") -> re.Pattern[str]:
    """`MENTION_BY_START[start]` without the forms that cannot start with `char` after `before`
    (the character before it; "" at the start of the text; any non-ASCII character: not known)."""
    if len(before) == 1 and not before.isascii():
        before = "\x80"  # not looked at: keeps the cache small whatever the text holds
    key = (start, char, before)
    pattern = _FORMS_AT.get(key)
    if pattern is None:
        named = [
            (name, f)
            for name, f in _NAMED_FORMS
            if start in STARTS[name]
            and _can_start(_FORM_STARTS[name], char)
            and (before == "\x80" or _may_begin(_FORM_ITEMS[name], before, char) is not False)
        ]
        names = tuple(name for name, _ in named)
        pattern = _BY_FORMS.get(names)
        if pattern is None:
            pattern = compiled("|".join(f for _, f in named), re.IGNORECASE) if named else _NOTHING
            _BY_FORMS[names] = pattern
        _FORMS_AT[key] = pattern
    return pattern


_NOTHING = compiled(r"(?!)")

# --- forms by the character before them ----------------------------------------------------------
# Most forms open with zero-width tests of what comes before: `\b`, or "not after a word, a
# dot, a currency sign" (`(?<![\w.$...])`). Inside "v2.3.1", "14:30" or "$2,027" those fail at
# every digit after the first, yet the alternation would try each form there. Which of them
# fail is known from the two characters alone, so they are dropped before the match, which
# leaves it unchanged. Only what is certain is used: anything else keeps the form.


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _in_class(char: str, op: Any, av: Any) -> bool | None:
    """Whether one character matcher of a parsed regex takes `char`; None: not known."""
    if op is _c.LITERAL:
        return bool(ord(char) == av)
    if op is _c.ANY:
        return char != "\n"
    if op is not _c.IN:
        return None
    negate = False
    found = False
    for item_op, item_av in av:
        if item_op is _c.NEGATE:
            negate = True
        elif item_op is _c.LITERAL:
            found = found or ord(char) == item_av
        elif item_op is _c.RANGE:
            found = found or item_av[0] <= ord(char) <= item_av[1]
        elif item_op is _c.CATEGORY and item_av is _c.CATEGORY_WORD:
            found = found or _is_word(char)
        elif item_op is _c.CATEGORY and item_av is _c.CATEGORY_DIGIT:
            found = found or char.isdecimal()
        elif item_op is _c.CATEGORY and item_av is _c.CATEGORY_SPACE:
            found = found or char.isspace()
        else:
            return None
    return found != negate


def _takes(char: str, op: Any, av: Any) -> bool | None:
    """`_in_class` under IGNORECASE, for an ASCII character: certain only where case cannot matter."""
    if not char:
        return False
    exact = _in_class(char, op, av)
    if exact is None or exact or not char.isalpha():
        return exact  # ignoring case only adds characters: a match stays one
    if _in_class(char.swapcase(), op, av) is not False:
        return None
    return False


def _may_begin(items: list[tuple[Any, Any]], before: str, char: str) -> bool | None:
    """Walk the zero-width tests at the start of a parsed regex, between `before` and `char`:
    False when one of them fails for certain; True when all hold and nothing else is there;
    None when the walk reached something that reads characters (the form stays)."""
    for op, av in items:
        if op is _c.AT:
            if av is _c.AT_BOUNDARY or av is _c.AT_NON_BOUNDARY:
                edge = _is_word(before) != _is_word(char) if before else _is_word(char)
                if edge != (av is _c.AT_BOUNDARY):
                    return False
                continue
            return None
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            direction, sub = av
            inner = list(sub.data)
            if direction < 0:  # a lookbehind: its last character is `before`
                takes = _takes(before, *inner[-1]) if inner else None
                if before and len(inner) > 1 and takes:
                    takes = None  # the characters before `before` are not known
            else:
                takes = _takes(char, *inner[0]) if len(inner) == 1 else None
            if takes is not None and takes == (op is _c.ASSERT_NOT):
                return False
            continue
        if op is _c.SUBPATTERN:
            inner_ok = _may_begin(list(av[3]), before, char)
            if inner_ok is True:
                continue
            return inner_ok
        if op is _c.BRANCH:
            results = [_may_begin(list(branch), before, char) for branch in av[1]]
            if all(r is False for r in results):
                return False
            if any(r is None for r in results):
                return None
            continue
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0:
            first, empty = _starts_with(list(av[2]))
            if not empty and not _can_start(first, char):
                continue  # cannot start here, so it matches nothing
            return None
        return None
    return True


# --- the whole grammar as single patterns ----------------------------------------------------
# What the fast paths above are held equal to by tests: `MENTION` (every form, one
# alternation), `MENTION_BY_START` (its forms by first character kind) and `TOKEN` (anchor
# and leader tokens in one pass). Compiled on first use: a check never needs them.
_WHOLE: dict[str, Any] = {
    "MENTION": lambda: compiled("|".join(ORDER), re.IGNORECASE),
    "MENTION_BY_START": lambda: {
        start: compiled("|".join(f for f in ORDER if start in STARTS[form_name(f)]), re.IGNORECASE) for start in "dw~"
    },
    "TOKEN": lambda: compiled(
        rf"(?P<anchor>{_ANCHOR_GROUP})"
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
