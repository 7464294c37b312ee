"""Forecast windows no finer than their band allows.

## What it does
Flags a `target` window, or a date written in the body ("we ship on 14 August 2027"),
narrower than the minimum width of its band. A body date is judged by its own distance. The band comes from
the window's distance: days from the as-of date to the window's start (0 once started).
Default minimum widths: now 1 day, next 7 days, later 28 days, far 90 days, vision 181 days;
a range is judged by its total width. Plans that are `done` or `dropped`, `deadline`,
`appetite`, `reviewed` and windows that already ended are never judged, nor are past dates
and relative dates in the body (those are `relative-date`'s). See how a body date was read
with `planner scan`.

## Why is this bad?
An exact day nine months out reads as a commitment, anchors readers, and will be wrong by
the time it arrives (the cone of uncertainty: early estimates are off by 0.25x-4x).

## Example
    target: 2027-08-14      # as of 2026-11-24: 263 days out, band "far"

    The migration finishes on 14 August 2027.

## Use instead
    target: 2027-Q3

    The migration finishes in Q3 2027.

## Fix safety
Safe: the narrowest coarser window (week, month, quarter, half, year) that contains the
original and is allowed at its own distance. In the body it keeps the original's style:
`Q3 2027` for `14 August 2027`, `2027-Q3` for `2027-08-14`.

## Configuration
`[tool.planner.bands.NAME] max-days` and `min-window-days`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from planner.diagnostics import Fix, Problem, Severity, Span
from planner.ladder import GRANULARITY_NOUN, is_history
from planner.prose.found import spelling
from planner.rules import Item, RuleContext
from planner.windows import Window

NAME = "date-precision"
DEFAULT_SEVERITY = Severity.ERROR

_WIDTH_NOUN = {1: "a day", 7: "a week", 28: "a month", 90: "a quarter", 181: "a half-year"}


def check(item: Item, ctx: RuleContext) -> Iterator[Problem]:
    plan = item.plan
    if plan is None or plan.closed:
        return
    if plan.fields.target is not None:
        yield from _check_target(plan.fields.target, plan.span("target"), ctx)
    for found in item.mentions:
        mention = found.mention
        if mention.window is not None and mention.granularity != "relative":
            yield from _check_prose(mention.window, mention.text, mention.granularity or "range", found.span, ctx)


def _check_prose(window: Window, text: str, granularity: str, span: Span, ctx: RuleContext) -> Iterator[Problem]:
    # In prose the fix keeps the writer's style: "14 August 2027" becomes "Q3 2027".
    yield from _judge(window, f"'{text}'", granularity, span, ctx, lambda wider: ("write", spelling(wider, text)))


def _check_target(window: Window, span: Span, ctx: RuleContext) -> Iterator[Problem]:
    what = f"target '{window.text}'"
    yield from _judge(window, what, window.granularity, span, ctx, lambda wider: ("use", wider.canonical()))


def _judge(
    window: Window,
    what: str,
    granularity: str,
    span: Span,
    ctx: RuleContext,
    spell: Callable[[Window], tuple[str, str]],
) -> Iterator[Problem]:
    """One finding when `window` is finer than its band allows; `spell` words the fix."""
    if is_history(window, ctx.as_of):
        return  # history is not judged
    band = ctx.ladder.band_for(window, ctx.as_of)
    if window.width_days >= band.min_window_days:
        return
    wider = ctx.ladder.widen(window, ctx.as_of)
    minimum = _WIDTH_NOUN.get(band.min_window_days, f"{band.min_window_days} days")
    message = (
        f"{what} is {GRANULARITY_NOUN.get(granularity, 'a range')} ({_days(window.width_days)} wide), "
        f"{ctx.describe(window)}: the {band.name} band allows nothing finer than {minimum}"
    )
    fix = None
    if wider is not None:
        verb, replacement = spell(wider)
        message += f"; {verb} {replacement}"
        fix = Fix(replacement, safe=True)
    yield Problem(span, message, fix)


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"
