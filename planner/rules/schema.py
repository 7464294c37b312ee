"""Plan files must be readable, well-formed and complete.

## What it does
Reports a file that cannot be read (not UTF-8, binary, too large), frontmatter that is
missing, unclosed or not valid YAML, duplicate keys, unknown fields, wrong types, missing
required fields (`title`, `status`, `owner` once committed, `horizon` or `target`), and
windows or estimates whose syntax is wrong (`2027-Q5`, `2027-02-30`, `3 parsecs`).

## Why is this bad?
A plan planner cannot read is a plan nobody can check: its dates are never judged, and
the site cannot show it. A duplicate key silently drops one of its values.

## Example
    ---
    title: Billing revamp
    status: proposd
    target: 2027-Q5
    ---

## Use instead
    ---
    title: Billing revamp
    status: proposed
    target: 2027-Q4
    ---

## Fix safety
No automatic fix: what was meant needs judgement.
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.diagnostics import Problem, Severity
from planner.rules import Item, RuleContext

NAME = "schema"
DEFAULT_SEVERITY = Severity.ERROR


def check(item: Item, ctx: RuleContext) -> Iterator[Problem]:
    yield from item.problems
