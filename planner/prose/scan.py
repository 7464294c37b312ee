"""Mentions in a plan file: prose segments of the body, the grammar over each, file positions.

The cheap checks come first: a body with no digit and no date or effort word is never
parsed as Markdown, a body without Markdown's code, link or HTML syntax is read as one
segment, and the grammar is tried only around anchor tokens.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from planner.diagnostics import Span
from planner.frontmatter import Document
from planner.prose.grammar import Grammar, Mention, find_mentions
from planner.prose.markdown import prose_segments
from planner.prose.patterns import has_anchor


@dataclass(frozen=True, slots=True)
class Found:
    """A mention and where it is in the file."""

    mention: Mention
    span: Span
    where: str  # "body" or "frontmatter"


def scan_text(text: str, grammar: Grammar) -> list[Mention]:
    """Mentions in plain prose (no Markdown): what the benchmark and the labelled set measure."""
    return find_mentions(text, grammar)


def body_mentions(document: Document, grammar: Grammar) -> tuple[Found, ...]:
    """Every mention in the prose of a document's body, with 1-based file positions."""
    body = document.body
    if not body or not has_anchor(body):
        return ()  # not even parsed as Markdown
    locator = Locator(body, document.body_line)
    found: list[Found] = []
    for segment in prose_segments(body):
        for mention in find_mentions(segment.text, grammar):
            start = segment.offset + mention.start
            found.append(Found(mention, locator.span(start, segment.offset + mention.end), "body"))
    return tuple(found)


class Locator:
    """Offsets in a text to 1-based lines and code-point columns (end column exclusive)."""

    __slots__ = ("_first_line", "_starts")

    def __init__(self, text: str, first_line: int = 1) -> None:
        starts = [0]
        index = text.find("\n")
        while index >= 0:
            starts.append(index + 1)
            index = text.find("\n", index + 1)
        self._starts = starts
        self._first_line = first_line

    def position(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self._starts, offset) - 1
        return self._first_line + row, offset - self._starts[row] + 1

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(line, column, end_line, end_column)
