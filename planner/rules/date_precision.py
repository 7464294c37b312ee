"""Forecast windows no finer than their band allows.

## What it does
Flags a `target` window narrower than the minimum width of its band. The band comes from
the window's distance: days from the as-of date to the window's start (0 once started).
Default minimum widths: now 1 day, next 7 days, later 28 days, far 90 days, vision 181 days;
a range is judged by its total width. Plans that are `done` or `dropped`, `deadline`,
`appetite`, `reviewed` and windows that already ended are never judged.

## Why is this bad?
An exact day nine months out reads as a commitment, anchors readers, and will be wrong by
the time it arrives (the cone of uncertainty: early estimates are off by 0.25x-4x).

## Example
    target: 2027-08-14      # as of 2026-11-24: 263 days out, band "far"

## Use instead
    target: 2027-Q3

## Fix safety
Safe: the narrowest coarser window (week, month, quarter, half, year) that contains the
original and is allowed at its own distance.

## Configuration
`[tool.planner.bands.NAME] max-days` and `min-window-days`.
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.diagnostics import Fix, Problem, Severity
from planner.ladder import GRANULARITY_NOUN, is_history
from planner.rules import Item, RuleContext

NAME = "date-precision"
DEFAULT_SEVERITY = Severity.ERROR

_WIDTH_NOUN = {1: "a day", 7: "a week", 28: "a month", 90: "a quarter", 181: "a half-year"}


def check(item: Item, ctx: RuleContext) -> Iterator[Problem]:
    plan = item.plan
    if plan is None or plan.closed or plan.fields.target is None:
        return
    window = plan.fields.target
    if is_history(window, ctx.as_of):
        return  # history is not judged
    band = ctx.ladder.band_for(window, ctx.as_of)
    if window.width_days >= band.min_window_days:
        return
    wider = ctx.ladder.widen(window, ctx.as_of)
    minimum = _WIDTH_NOUN.get(band.min_window_days, f"{band.min_window_days} days")
    message = (
        f"target '{window.text}' is {GRANULARITY_NOUN[window.granularity]} ({_days(window.width_days)} "
        f"wide), {ctx.describe(window)}: the {band.name} band allows nothing finer than {minimum}"
    )
    fix = None
    if wider is not None:
        message += f"; use {wider.canonical()}"
        fix = Fix(wider.canonical(), safe=True)
    yield Problem(plan.span("target"), message, fix)


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"
