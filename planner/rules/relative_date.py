"""Relative dates in a plan's body: they rot the day after they are written.

## What it does
Warns about a relative date in the body of a plan file ("next Tuesday", "in two weeks",
"next quarter", "by the end of the year", "tomorrow"). Plan files are committed to git
and read for months: "next quarter" means a different quarter to every reader. Plans that
are `done` or `dropped` are history and are not checked. `planner scan` shows what each
relative date resolves to on the as-of date.

## Why is this bad?
The writer knew which Tuesday; the reader three weeks later does not. A relative date
silently moves with the calendar, so the plan drifts without anyone changing it.

## Example
    We demo the importer next Tuesday and ship it in two weeks.

## Use instead
    We demo the importer on 2026-12-01 and ship it in 2026-W50.

## Fix safety
Unsafe: the fix writes the window the expression means on the as-of date, which is only
right if the text was written on that date.
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.diagnostics import Fix, Problem, Severity
from planner.prose.found import granularity_of, spelling
from planner.rules import Item, RuleContext
from planner.windows import Window

NAME = "relative-date"
DEFAULT_SEVERITY = Severity.WARNING


def check(item: Item, ctx: RuleContext) -> Iterator[Problem]:
    plan = item.plan
    if plan is None or plan.closed:
        return
    for found in item.mentions:
        mention = found.mention
        if mention.granularity != "relative" or mention.window is None:
            continue
        window = mention.window
        absolute = spelling(Window(window.start, window.end, granularity_of(window), ""), "")
        yield Problem(
            found.span,
            f"'{mention.text}' is relative: it moves with the calendar; write the date it means "
            f"(as of {ctx.as_of.isoformat()}: {absolute})",
            Fix(absolute, safe=False),
        )
