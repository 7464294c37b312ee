"""Near-term commitments need a near-term window.

## What it does
Warns when a `committed` or `in-progress` plan is in the `now` band and has no window
(`target` or `deadline`) at most a month (31 days) wide.

## Why is this bad?
The other half of the ladder: near-term plans should be specific. "Committed, now, some
time this half" gives the people who depend on it nothing to plan around.

## Example
    status: committed
    horizon: now
    target: 2026-H2

## Use instead
    status: committed
    horizon: now
    target: 2026-12

## Fix safety
No automatic fix: the team has to say when.
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.diagnostics import Problem, Severity
from planner.ladder import is_history
from planner.model import NEEDS_OWNER
from planner.rules import Item, RuleContext

NAME = "vague-near-term"
DEFAULT_SEVERITY = Severity.WARNING
MAX_WIDTH_DAYS = 31


def check(item: Item, ctx: RuleContext) -> Iterator[Problem]:
    plan = item.plan
    if plan is None or plan.fields.status not in NEEDS_OWNER:
        return
    band = ctx.plan_band(plan)
    if band is None or band.name != "now":
        return
    windows = [w for w in (plan.fields.target, plan.fields.deadline) if w is not None]
    if any(w.width_days <= MAX_WIDTH_DAYS for w in windows if not is_history(w, ctx.as_of)):
        return
    where = "target" if plan.fields.target is not None else "horizon"
    example = ctx.as_of.strftime("%Y-%m")
    yield Problem(
        plan.span(where),
        f"{plan.fields.status} plan in the now band has no window a month wide or narrower: "
        f"give it a target such as {example}",
    )
