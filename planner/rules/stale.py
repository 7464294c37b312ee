"""A window that has ended on a plan that is still open.

## What it does
Warns when a plan's `target` window, or its `deadline`, ended before the as-of date and
its status is not `done` or `dropped`.

## Why is this bad?
A roadmap whose past is still "in progress" is one nobody reads any more. Either the work
landed (mark it done), moved (give it a new window), or was dropped.

## Example
    status: in-progress
    target: 2026-Q3        # as of 2026-11-24

## Use instead
    status: in-progress
    target: 2027-Q1

## Fix safety
No automatic fix: only the team knows whether it landed, moved or was dropped.
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.diagnostics import Problem, Severity
from planner.ladder import is_history
from planner.rules import Item, RuleContext

NAME = "stale"
DEFAULT_SEVERITY = Severity.WARNING


def check(item: Item, ctx: RuleContext) -> Iterator[Problem]:
    plan = item.plan
    if plan is None or plan.closed:
        return
    status = plan.fields.status
    for name in ("target", "deadline"):
        window = getattr(plan.fields, name)
        if window is not None and is_history(window, ctx.as_of):
            yield Problem(
                plan.span(name),
                f"{name} '{window.text}' ended on {window.end.isoformat()} and the plan is still {status}: "
                "move the window, or mark it done or dropped",
            )
