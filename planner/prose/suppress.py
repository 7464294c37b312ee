"""Suppression comments: `<!-- planner: ignore RULE -- reason -->` and `ignore-file`.

Found only where a reader would see them as comments: in the prose blocks of the body,
never inside code spans or code blocks (where they are examples, not instructions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.diagnostics import Span
from planner.frontmatter import Document
from planner.patterncache import compiled
from planner.prose.found import Locator
from planner.prose.markdown import prose_comments

_SUPPRESSION = compiled(
    r"<!--\s*planner\s*:\s*(?P<verb>ignore-file|ignore)\b(?P<rules>(?:(?!--|-->).)*)(?:--(?P<reason>(?:(?!-->).)*))?-->",
    re.DOTALL | re.IGNORECASE,
)
_RULE_NAME = compiled(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_MARKER = compiled(r"<!--\s*planner\s*:", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Suppression:
    span: Span
    rules: tuple[str, ...]
    reason: str
    file_wide: bool
    understood: bool = True  # False: a "planner:" comment that is not "ignore" or "ignore-file"
    stray: str = ""  # words after the rule names that are not rule names: a reason without " -- "

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
                found.append(Suppression(locator.span(start, end), (), "", False, understood=False))
            continue
        words = [w for w in re.split(r"[\s,]+", m["rules"].strip()) if w]
        names = 0
        while names < len(words) and _RULE_NAME.fullmatch(words[names]):
            names += 1
        reason = " ".join((m["reason"] or "").split())
        stray = " ".join(words[names:])
        file_wide = m["verb"].lower() == "ignore-file"
        found.append(Suppression(locator.span(start, end), tuple(words[:names]), reason, file_wide, True, stray))
    return tuple(found)
