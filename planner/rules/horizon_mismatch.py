"""The declared lane agrees with the target's band.

## What it does
Warns when `horizon` disagrees with the band of the `target` window: `now` goes with band
now, `next` with next, `later` with later or far, `vision` with far or vision.

## Why is this bad?
The board shows lanes and the timeline shows windows; when they disagree, readers see two
different plans and trust neither.

## Example
    horizon: now
    target: 2027-Q3        # as of 2026-11-24: band "far"

## Use instead
    horizon: later
    target: 2027-Q3

## Fix safety
Unsafe: the suggested lane matches the target, but maybe the target is what is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.diagnostics import Fix, Problem, Severity
from planner.ladder import is_history
from planner.rules import Item, RuleContext

NAME = "horizon-mismatch"
DEFAULT_SEVERITY = Severity.WARNING

LANE_BANDS = {"now": ("now",), "next": ("next",), "later": ("later", "far"), "vision": ("far", "vision")}
BAND_LANE = {"now": "now", "next": "next", "later": "later", "far": "later", "vision": "vision"}


def check(item: Item, ctx: RuleContext) -> Iterator[Problem]:
    plan = item.plan
    if plan is None or plan.closed or plan.fields.horizon is None or plan.fields.target is None:
        return
    target = plan.fields.target
    if is_history(target, ctx.as_of):
        return
    lane = str(plan.fields.horizon)
    band = ctx.ladder.band_for(target, ctx.as_of)
    if band.name in LANE_BANDS[lane]:
        return
    suggested = BAND_LANE[band.name]
    yield Problem(
        plan.span("horizon"),
        f"horizon '{lane}' but target '{target.text}' is {ctx.describe(target)} (band {band.name}): "
        f"set horizon: {suggested}, or move the target",
        Fix(suggested, safe=False),
    )
