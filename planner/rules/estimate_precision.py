"""Estimates no finer than the plan's band allows.

## What it does
Flags an `estimate`, or an effort written in the body ("this takes 12 days"), more precise
than the plan's band allows. The band comes from the plan's `target` window, else from its
`horizon` lane; body estimates are judged by the same band. By default: `now` anything; `next`
nothing finer than days (no hours); `later` a range in weeks or coarser with high/low of
at least 1.5, or a t-shirt size; `far` a range in months or coarser with high/low of at
least 2, or a t-shirt size; `vision` a t-shirt size only. Story points are judged like
days, sprints like weeks. `appetite` is a budget, not a forecast: it is never judged.

## Why is this bad?
"12 days" for work two quarters away is false precision: at that distance estimates are
off by 2x or more, and a point hides the spread that readers need to see.

## Example
    horizon: later
    estimate: 12 days

    The importer alone takes 12 days.

## Use instead
    horizon: later
    estimate: 2-4 weeks

    The importer alone takes 2-4 weeks.

## Fix safety
Unsafe: the suggestion (the same effort in a coarser unit, widened to the band's ratio, or
the t-shirt size whose range holds it) is arithmetic, but an estimate needs judgement.

## Configuration
`[tool.planner.bands.NAME] finest-estimate` and `min-range-ratio`; `[tool.planner.sizes]`;
`[tool.planner.units]`.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping

from planner.config import Units
from planner.diagnostics import Fix, Problem, Severity, Span
from planner.estimates import UNITS, Estimate, parse_estimate
from planner.ladder import Band
from planner.rules import Item, RuleContext

NAME = "estimate-precision"
DEFAULT_SEVERITY = Severity.ERROR


def check(item: Item, ctx: RuleContext) -> Iterator[Problem]:
    plan = item.plan
    if plan is None or plan.closed:
        return
    band = ctx.plan_band(plan)
    if band is None:
        return
    estimate = plan.fields.estimate
    if estimate is not None:
        yield from _judge(estimate, "estimate ", plan.span("estimate"), band, ctx)
    for found in item.mentions:
        if found.mention.estimate is not None:
            yield from _judge(found.mention.estimate, "", found.span, band, ctx)


def _judge(estimate: Estimate, label: str, span: Span, band: Band, ctx: RuleContext) -> Iterator[Problem]:
    reason = ctx.ladder.estimate_problem(estimate, band)
    if reason is None:
        return
    suggestion = suggest(estimate, band, ctx.config.units, ctx.config.sizes)
    yield Problem(
        span,
        f"{label}'{estimate.text}' is too precise: {reason}; for example {suggestion}",
        Fix(suggestion, safe=False),
    )


def suggest(estimate: Estimate, band: Band, units: Units, sizes: Mapping[str, str]) -> str:
    """An estimate the band allows that holds the same effort."""
    assert estimate.low is not None and estimate.high is not None and estimate.unit is not None
    low_days = units.days(estimate.low, estimate.unit)
    high_days = units.days(estimate.high, estimate.unit)
    if band.finest_estimate is None:
        return size_for(math.sqrt(low_days * high_days), units, sizes)
    unit = max(band.finest_estimate, estimate.judged_unit or "days", key=UNITS.index)
    per_unit = units.days(1, unit)
    low = max(1, math.floor(low_days / per_unit))
    high = max(low, math.ceil(high_days / per_unit))
    if band.min_range_ratio > 1:
        high = max(high, math.ceil(low * band.min_range_ratio))
    if low == high:
        return f"{low} {unit}" if low != 1 else f"1 {unit.removesuffix('s')}"
    return f"{low}-{high} {unit}"


def size_for(days: float, units: Units, sizes: Mapping[str, str]) -> str:
    """The t-shirt size whose range is nearest to `days` (sizes are listed small to large)."""
    best, best_distance = next(iter(sizes)), math.inf
    for size, text in sizes.items():
        estimate = parse_estimate(text, sizes={})
        assert estimate.low is not None and estimate.high is not None and estimate.unit is not None
        low, high = units.days(estimate.low, estimate.unit), units.days(estimate.high, estimate.unit)
        distance = 0.0 if low <= days <= high else min(abs(days - low), abs(days - high))
        if distance < best_distance:
            best, best_distance = size, distance
    return best
