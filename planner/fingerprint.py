"""Where a span sits in a text, the text it covers, and fingerprints that ignore line numbers.

A fingerprint names a finding by its rule, the offending text and how many identical
findings come before it in the same file, never by its line: an edit above a finding
does not change it. The baseline and SARIF's partialFingerprints both use it.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from planner.diagnostics import Diagnostic, Span

FINGERPRINT_VERSION = "planner/v1"
_NEWLINE = re.compile("\n")
_SPACE = re.compile(r"\s+")
_SNIPPET_MAX = 120


class LineIndex:
    """Turns 1-based line / code-point column pairs into offsets in `text`.

    Lines end at "\\n"; a "\\r" before it belongs to the line, so CRLF files keep their endings.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]

    def line_end(self, line: int) -> int:
        """Offset just past the line's content (before "\\n", after any "\\r")."""
        if line < len(self.starts):
            return self.starts[line] - 1
        return len(self.text)

    def offset(self, line: int, column: int) -> int | None:
        """The offset of a position, or None when it is not inside the text."""
        if not 1 <= line <= len(self.starts) or column < 1:
            return None
        position = self.starts[line - 1] + column - 1
        return position if position <= self.line_end(line) else None

    def span_range(self, span: Span) -> tuple[int, int] | None:
        start = self.offset(span.line, span.column)
        end = self.offset(span.end_line, span.end_column)
        if start is None or end is None or end < start:
            return None
        return start, end

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def offending_text(index: LineIndex, span: Span) -> str:
    """The text a span covers, whitespace collapsed; the whole line(s) for a point-like span."""
    bounds = index.span_range(span)
    covered = index.text[bounds[0] : bounds[1]] if bounds else ""
    if len(covered.strip()) < 2:
        # A span on a single character (a missing field, an unreadable file) says little:
        # the lines it sits on say which finding it is.
        first = index.starts[span.line - 1] if 1 <= span.line <= len(index.starts) else 0
        last_line = min(max(span.end_line, span.line), len(index.starts))
        covered = index.text[first : index.line_end(last_line)] if index.text else ""
    normal = _SPACE.sub(" ", covered).strip()
    return normal[:_SNIPPET_MAX]


def with_snippets(text: str, diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """The diagnostics of one file, each carrying the text it is about."""
    diagnostics = tuple(diagnostics)
    if not diagnostics:
        return ()  # most files: no need to index their lines
    index = LineIndex(text)
    return tuple(replace(d, snippet=offending_text(index, d.span)) for d in diagnostics)


def fingerprints(diagnostics: Sequence[Diagnostic]) -> list[str]:
    """One fingerprint per diagnostic, in order; identical findings are told apart by count.

    The diagnostics must be in report order (sorted by path, then position).
    """
    seen: dict[tuple[str, str, str], int] = {}
    result = []
    for d in diagnostics:
        key = (d.path, d.rule, d.snippet)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        digest = hashlib.sha256(f"{d.rule}\0{d.snippet}\0{occurrence}".encode()).hexdigest()
        result.append(digest[:32])
    return result
