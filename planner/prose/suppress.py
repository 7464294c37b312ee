"""Suppression comments: `<!-- planner: ignore RULE -- reason -->` and `ignore-file`.

Found only where a reader would see them as comments: in the prose blocks of the body,
never inside code spans or code blocks (where they are examples, not instructions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.diagnostics import Span
from planner.frontmatter import Document
from planner.prose.markdown import prose_comments
from planner.prose.scan import Locator

_SUPPRESSION = re.compile(
    r"<!--\s*planner\s*:\s*(?P<verb>ignore-file|ignore)\b(?P<rules>(?:(?!--|-->).)*)(?:--(?P<reason>(?:(?!-->).)*))?-->",
    re.DOTALL | re.IGNORECASE,
)
_MARKER = re.compile(r"<!--\s*planner\s*:", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Suppression:
    span: Span
    rules: tuple[str, ...]
    reason: str
    file_wide: bool

    def covers(self, rule: str, span: Span) -> bool:
        """Same line or the line after (the comment's last line), or anywhere for ignore-file."""
        if rule not in self.rules:
            return False
        return self.file_wide or span.line in (self.span.line, self.span.end_line, self.span.end_line + 1)


def find_suppressions(document: Document) -> tuple[Suppression, ...]:
    body = document.body
    if "planner" not in body or not _MARKER.search(body):
        return ()
    locator = Locator(body, document.body_line)
    found = []
    for start, end in prose_comments(body):
        m = _SUPPRESSION.fullmatch(body, start, end)
        if m is None:
            if _MARKER.match(body, start):
                found.append(Suppression(locator.span(start, end), (), "", False))  # says nothing we understand
            continue
        rules = tuple(r for r in re.split(r"[\s,]+", m["rules"].strip()) if r)
        reason = " ".join((m["reason"] or "").split())
        found.append(Suppression(locator.span(start, end), rules, reason, m["verb"].lower() == "ignore-file"))
    return tuple(found)
