"""Mentions in a plan file: prose segments of the body, the grammar over each, file positions.

The cheap checks come first: a body with no digit and no date or effort word is never
parsed as Markdown, a body without Markdown's code, link or HTML syntax is read as one
segment, and the grammar is tried only around anchor tokens.
"""

from __future__ import annotations

import bisect

from planner.frontmatter import Document
from planner.patterncache import compiled
from planner.prose.found import Found, Hit, located
from planner.prose.grammar import Grammar, Mention, find_mentions
from planner.prose.markdown import prose_segments
from planner.prose.patterns import SIZE_NAME_ALONE
from planner.prose.tokens import SIZE_TOKEN, SIZE_WORDS, has_anchor


def scan_text(text: str, grammar: Grammar) -> list[Mention]:
    """Mentions in plain prose (no Markdown): what the benchmark and the labelled set measure."""
    return find_mentions(text, grammar)


def body_mentions(document: Document, grammar: Grammar) -> tuple[Found, ...]:
    """Every mention in the prose of a document's body, with 1-based file positions."""
    body = document.body
    if not scannable(body):
        return ()  # not even parsed as Markdown
    return located(body, document.body_line, body_hits(body, grammar))


def scannable(body: str) -> bool:
    """Whether a body can hold a mention at all: else it is not even parsed as Markdown."""
    return bool(body) and _may_hold(body) and has_anchor(body)


def body_hits(body: str, grammar: Grammar) -> list[Hit]:
    """The grammar over each prose segment of a Markdown body."""
    return [
        (segment.offset, mention)
        for segment in prose_segments(body)
        for mention in find_in_candidates(segment.text, grammar)
    ]


# --- the sentence pre-filter ------------------------------------------------------------------
# Every mention holds a digit or a time word (a unit, a month, a weekday, a season, a size
# cue...) in the sentence where it starts: "next Tuesday", "two weeks", "the end of March",
# "size M". Common anchor words such as "this", "first" or "end" never make a mention alone.
# So the grammar runs only on sentences that hold one, with some context either side for its
# cue and trap words; a test holds this to the unfiltered grammar on the labelled sentences.

TIME_WORDS = frozenset(
    (  # noqa: SIM905 - a word list reads best as words
        "hour hours hr hrs min mins minute minutes day days week weeks wk wks month months quarter quarters year years "
        "sprint sprints term terms semester semesters nights "
        "point points pts sp tomorrow tmrw yesterday today tonight night morning afternoon evening eow eom eoq eoy "
        "eod cob weekend weekends half q spring "
        "summer autumn fall winter monday tuesday wednesday thursday friday saturday sunday mon tue tues wed "
        "thu thur thurs fri sat sun jan january feb february mar march apr april may jun june jul july aug "
        "august sep sept september oct october nov november dec december fy cy cw size sizes sized sizing shirt "
        "estimate estimates estimated estimating estimation effort yearly monthly weekly daily quarterly biweekly "
        "fortnight fortnights christmas xmas halloween thanksgiving easter juneteenth "
    ).split()
)
_DIGIT = compiled(r"[0-9~\u2248]")
_NOT_WORD = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u2013\u2014\u2248"})
_SENTENCE_END = compiled(r"[.!?][\"')\]]*\s+(?=[A-Z])")
BEFORE, AFTER = 48, 8  # context: cue and trap words look at most 48 characters back


def _may_hold(text: str) -> bool:
    """A digit, a time word or a size token ("the queue refactor is an XL") in the text."""
    return _holds(text, _TIME_OR_SIZE)


def has_time_word(text: str) -> bool:
    return _holds(text, TIME_WORDS)


def _holds(text: str, vocabulary: frozenset[str]) -> bool:
    return _DIGIT.search(text) is not None or not vocabulary.isdisjoint(text.lower().translate(_NOT_WORD).split())


def _sizes(text: str, lowered: list[str]) -> list[int]:
    """Where the size tokens of `text` are, whose words lowered are `lowered`: sizes are
    capitals, so the text is searched as written only when a lowered word could be one ("xl",
    or the "s" of "team's"), and a size's name ("down as a Medium") only when one is there."""
    if _LOWER_SIZES.isdisjoint(lowered):
        return []
    found = [m.start() for m in SIZE_TOKEN.finditer(text)]
    if not _SIZE_NAME_WORDS.isdisjoint(lowered):
        found = sorted(found + [m.start() for m in _SIZE_NAME.finditer(text)])
    return found


_SIZE_NAME_WORDS = frozenset(("small", "medium", "large"))
_SIZE_NAME = compiled(SIZE_NAME_ALONE + r"\b")
_LOWER_SIZES = frozenset(size.lower() for size in SIZE_WORDS) | _SIZE_NAME_WORDS
_TIME_OR_SIZE = TIME_WORDS | _LOWER_SIZES


def find_in_candidates(text: str, grammar: Grammar) -> list[Mention]:
    """`find_mentions(text)`, run only around the sentences that can hold a mention.

    The text is lowered and its punctuation blanked once, not once per sentence: both keep
    every offset, so a sentence's words are a slice of it. (Only U+0130 lowers to two
    characters; a text that holds it is cleaned a sentence at a time.)
    """
    whole = "\u0130" not in text
    words = text.lower().translate(_NOT_WORD)
    split = words.split()
    digits = _DIGIT.search(text) is not None
    if whole and not digits and _TIME_OR_SIZE.isdisjoint(split):
        return []
    sizes = _sizes(text, split)  # "the queue refactor is an XL"
    if not whole and not sizes and not digits and TIME_WORDS.isdisjoint(split):
        return []
    starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
    if len(starts) == 1:
        return find_mentions(text, grammar)
    ends = [*starts[1:], len(text)]
    windows: list[list[int]] = []  # [candidates start, candidates end]
    digit = _DIGIT.search
    for start, end in zip(starts, ends, strict=True):
        if (
            digit(text, start, end) is not None or not TIME_WORDS.isdisjoint(words[start:end].split())
            if whole
            else has_time_word(text[start:end])
        ) or (sizes and bisect.bisect_left(sizes, start) < bisect.bisect_left(sizes, end)):
            if windows and windows[-1][1] == start:
                windows[-1][1] = end
            else:
                windows.append([start, end])
    found: list[Mention] = []
    for start, end in windows:
        low, high = max(0, start - BEFORE), min(len(text), end + AFTER)
        for m in find_mentions(text[low:high], grammar):
            at = low + m.start
            if start <= at < end:  # a new Mention directly: `dataclasses.replace` costs more
                found.append(
                    m if low == 0 else Mention(at, low + m.end, m.text, m.kind, m.granularity, m.window, m.estimate)
                )
    return found
