"""A deadline needs a reason.

## What it does
Flags a `deadline` without a `deadline_reason`, and a `deadline_reason` without a deadline.

## Why is this bad?
A deadline is exempt from the precision rules because it is an external constraint (a
regulation, a contract, a conference), not a forecast. Without the reason, a deadline is
just an exact date that dodges the ladder.

## Example
    deadline: 2027-06-30

## Use instead
    deadline: 2027-06-30
    deadline_reason: EU accessibility act enforcement date

## Fix safety
No automatic fix: only the team knows the reason.
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.diagnostics import Problem, Severity
from planner.rules import Item, RuleContext

NAME = "deadline-reason"
DEFAULT_SEVERITY = Severity.ERROR


def check(item: Item, ctx: RuleContext) -> Iterator[Problem]:
    plan = item.plan
    if plan is None:
        return
    fields = plan.fields
    if fields.deadline is not None and not fields.deadline_reason:
        yield Problem(
            plan.span("deadline"),
            f"deadline {fields.deadline.text} has no deadline_reason: say which external constraint "
            "sets it, or make it a target window",
        )
    elif fields.deadline is None and fields.deadline_reason and "deadline" not in plan.invalid:
        yield Problem(
            plan.key_spans["deadline_reason"], "deadline_reason without a deadline: add the date or remove it"
        )
