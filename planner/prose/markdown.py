"""Prose segments of a Markdown body: the text a reader reads, with its offsets in the body.

markdown-it-py (CommonMark, the parser the MkDocs ecosystem trusts) says which lines are
paragraphs, headings, list items, table cells and HTML blocks, and which are code blocks,
fences or link reference definitions. Within prose lines, code spans, HTML comments and
tags (with their attributes), autolinks, link destinations and bare URLs are masked.
Segments are slices of the body, so an offset in a segment maps back to the file exactly.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.patterncache import compiled

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@functools.cache
def _parser() -> MarkdownIt:
    """Only the block structure is needed (which lines are prose): inline parsing is turned
    off, and code spans, links and HTML inside prose lines are masked below. Made on first
    use: most bodies take the fast path and never need it, so a small check never imports it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table").disable(["inline", "text_join"], ignoreInvalid=True)


# What is not prose inside a prose block. Code spans first: nothing inside them is anything else.
# Every branch starts with a literal character so that `re` skips to the next `, <, ], h, f or w
# instead of trying the pattern at every position; `(?<!\w.)` after a first letter is `\b`
# before it, and `(?<!``)` after the first backtick is "no backtick before the span".
_NOT_PROSE = compiled(
    r"`(?<!``)(?P<ticks>`*)(?!`).+?(?<!`)`(?P=ticks)(?!`)"  # code span
    r"|<!--.*?(?:-->|\Z)"
    r"|<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>"  # autolinks
    r"|</?[a-zA-Z][a-zA-Z0-9-]*(?:\s+[^<>]*?)?/?>"  # tags, with their attributes
    r"|\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"  # ](destination "title")
    r"|\]\[[^\]]*\]"  # ][reference]
    r"|h(?<!\w.)ttps?://[^\s<>)\]]+|f(?<!\w.)tp://[^\s<>)\]]+|w(?<!\w.)ww\.[^\s<>)\]]+",  # bare URLs
    re.DOTALL,
)
# Block-level syntax that makes whole lines non-prose: fences, indented code (also right after
# a list marker: "-      code"), HTML blocks and link reference definitions. A body with none
# of them is all prose blocks, so markdown-it need not run; inline code, links and HTML are
# masked either way (the fast path).
_LIST_CODE = r"(?:[-+*]|\d{1,9}[.)])(?: {5,}| *\t)"
# A quote marker, with the up to three spaces that may stand before it at every level.
_QUOTE = r" {0,3}>\s?"
# A quote inside a list item ("- > ..."): what is code inside it is counted from the quote
# marker, which the test above does not follow, so such a body goes to markdown-it.
_LIST_QUOTE = r"(?:[-+*]|\d{1,9}[.)])[ \t]+>"
# Lines with no prose that split the prose around them: an empty quote line, a setext
# underline, a thematic break. An inline code span cannot run across them.
_EMPTY_BLOCK = r" {0,3}(?:(?:>[ \t]*)+|=+|-+|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})[ \t]*"
_BLOCK_MARKUP = compiled(
    rf"```|~~~|^(?:{_QUOTE})*(?: {{4}}|\t)|^ {{0,3}}(?:{_QUOTE})*<|^ {{0,3}}\[[^\]\n]+\]:"
    rf"|^ {{0,3}}(?:{_QUOTE})*{_LIST_CODE}|^ {{0,3}}(?:{_QUOTE})*{_LIST_QUOTE}|^{_EMPTY_BLOCK}$",
    re.MULTILINE,
)
# The same test with every branch starting with a literal, so `re` skips ahead: run on the body
# with a newline put in front, where `\n` stands for `^` (see `_has_block_markup`).
_BLOCK_MARKUP_AFTER_NEWLINE = compiled(
    rf"\n(?:{_QUOTE})*(?: {{4}}|\t)|\n {{0,3}}(?:{_QUOTE})*<|\n {{0,3}}\[[^\]\n]+\]:"
    rf"|\n {{0,3}}(?:{_QUOTE})*{_LIST_CODE}|\n {{0,3}}(?:{_QUOTE})*{_LIST_QUOTE}|\n{_EMPTY_BLOCK}(?=\n|\Z)"
)
_BLANK_LINES = compiled(r"\n[ \t]*(?:\r?\n[ \t]*)+")


@dataclass(frozen=True, slots=True)
class Segment:
    offset: int  # into the body
    text: str


def prose_segments(body: str) -> list[Segment]:
    """The prose of `body` as segments. Never raises on any text."""
    if not _has_block_markup(body):
        return _fast_segments(body)
    return _parsed_segments(body)


def _has_block_markup(body: str) -> bool:
    """`_BLOCK_MARKUP.search(body)`, without trying its line-start branches at every position."""
    return "```" in body or "~~~" in body or _BLOCK_MARKUP_AFTER_NEWLINE.search("\n" + body) is not None


def _fast_segments(body: str) -> list[Segment]:
    segments: list[Segment] = []
    start = 0
    for gap in _BLANK_LINES.finditer(body):  # inline syntax never crosses a blank line
        _mask(body, start, gap.start() + 1, segments)
        start = gap.end()
    _mask(body, start, len(body), segments)
    return segments


def _parsed_segments(body: str) -> list[Segment]:
    line_starts = _line_starts(body)
    segments: list[Segment] = []
    for first, last in _prose_blocks(body):
        start = line_starts[min(first, len(line_starts) - 1)]
        end = line_starts[min(last, len(line_starts) - 1)]
        _mask(body, start, end, segments)
    return segments


def _prose_blocks(body: str) -> list[tuple[int, int]]:
    """Line ranges [first, last) of blocks that hold prose, merged, in order."""
    ranges: set[tuple[int, int]] = set()
    for token in _parser().parse(body):
        if token.map is None:
            continue
        if token.type == "inline" or token.type == "html_block":
            ranges.add((token.map[0], token.map[1]))
    merged: list[tuple[int, int]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def _mask(body: str, start: int, end: int, out: list[Segment]) -> None:
    position = start
    for m in _NOT_PROSE.finditer(body, start, end):
        if m.start() > position:
            out.append(Segment(position, body[position : m.start()]))
        position = max(position, m.end())
    if position < end:
        out.append(Segment(position, body[position:end]))


def prose_comments(body: str) -> list[tuple[int, int]]:
    """Offsets of the HTML comments a reader would not see: in prose blocks, not in code."""
    found: list[tuple[int, int]] = []
    starts = _line_starts(body)
    for first, last in _prose_blocks(body):
        start = starts[min(first, len(starts) - 1)]
        end = starts[min(last, len(starts) - 1)]
        for m in _NOT_PROSE.finditer(body, start, end):
            if m[0].startswith("<!--"):
                found.append((m.start(), m.end()))
    return found


def _line_starts(body: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", body))
    starts.append(len(body))
    return starts
