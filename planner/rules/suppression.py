"""Suppression comments that are themselves wrong.

## What it does
Warns about a `<!-- planner: ignore RULE -- reason -->` (or `ignore-file`) comment that
has no reason, names a rule that does not exist, names no rule at all, or suppresses
nothing. A comment with no reason or an unknown rule suppresses nothing: the finding it
meant to hide is still reported.

A suppression covers its rules on the comment's own line and the line after it;
`ignore-file` covers the whole file. Comments inside code spans or code blocks are
examples, not suppressions.

## Why is this bad?
A suppression is a decision the next reader must be able to judge: without a reason it
cannot be reviewed, and one that suppresses nothing is noise that hides nothing today but
will hide the next real finding on that line.

## Example
    <!-- planner: ignore date-precision -->
    The vendor contract ends on 14 August 2027.

## Use instead
    <!-- planner: ignore date-precision -- contract date with the vendor -->
    The vendor contract ends on 14 August 2027.

## Fix safety
No automatic fix: the reason is the author's to write.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping

from planner.diagnostics import Problem, Severity
from planner.prose.suppress import Suppression
from planner.rules import Item, RuleContext, rule_names

NAME = "suppression"
DEFAULT_SEVERITY = Severity.WARNING

_FORM = "write <!-- planner: ignore RULE -- reason -->"


def valid(suppression: Suppression) -> bool:
    """A suppression suppresses only when it names known rules and gives a reason."""
    known = rule_names()
    s = suppression
    return bool(s.rules) and bool(s.reason) and not s.stray and all(r in known for r in s.rules)


def check(item: Item, ctx: RuleContext) -> Iterator[Problem]:
    known = rule_names()
    for s in item.suppressions:
        verb = "ignore-file" if s.file_wide else "ignore"
        if not s.understood:
            yield Problem(s.span, f"planner comment not understood: {_FORM} (or ignore-file)")
            continue
        if not s.rules:
            yield Problem(s.span, f"'{verb}' names no rule: {_FORM}")
            continue
        for name in s.rules:
            if name not in known:
                close = difflib.get_close_matches(name, known, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                yield Problem(s.span, f"'{verb} {name}' names no rule: {hint}rules are {', '.join(known)}")
        if s.stray:
            yield Problem(s.span, f"'{s.stray}' is not a rule name: put the reason after ' -- ', as in {_FORM}")
        elif not s.reason:
            yield Problem(
                s.span,
                f"'{verb} {' '.join(s.rules)}' has no reason, so it suppresses nothing: add ' -- why' before -->",
            )


def unused(item: Item, used: set[int], severities: Mapping[str, str]) -> Iterator[Problem]:
    """Valid suppressions that hid nothing (rules turned off in config are not counted)."""
    for index, s in enumerate(item.suppressions):
        if index in used or not valid(s):
            continue
        if all(severities.get(name) == "off" for name in s.rules):
            continue
        verb = "ignore-file" if s.file_wide else "ignore"
        where = "in this file" if s.file_wide else "on this line or the next"
        yield Problem(s.span, f"'{verb} {' '.join(s.rules)}' suppresses nothing {where}: remove it")
