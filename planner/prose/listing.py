"""Every mention in a plan file, frontmatter and body: what `planner scan` lists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from planner.config import Config
from planner.estimates import Estimate
from planner.load import PlanFile, Source, load_source
from planner.model import Plan, build_plan
from planner.prose.grammar import DATE, ESTIMATE, Grammar, Mention
from planner.prose.scan import Found, body_mentions
from planner.windows import Window

_FIELDS = ("target", "deadline", "reviewed", "estimate", "appetite")


@dataclass(frozen=True, slots=True)
class Listed:
    path: str
    found: Found
    field: str | None = None  # the frontmatter key, for frontmatter mentions


@dataclass(frozen=True, slots=True)
class ScanReport:
    as_of: date
    as_of_source: str
    files_scanned: int
    mentions: tuple[Listed, ...]


def scan_files(files: Iterable[PlanFile], config: Config, as_of: date, as_of_source: str) -> ScanReport:
    grammar = Grammar(as_of, config.fiscal_year_start, config.units.sprint_weeks)
    count = 0
    listed: list[Listed] = []
    for location in files:
        count += 1
        listed.extend(scan_source(load_source(location), config, grammar))
    return ScanReport(as_of, as_of_source, count, tuple(listed))


def scan_source(source: Source, config: Config, grammar: Grammar) -> Iterator[Listed]:
    plan, _ = build_plan(source.location.plan_id, source.path, source.document, config.sizes)
    if plan is not None:
        yield from _frontmatter(plan)
    for found in body_mentions(source.document, grammar):
        yield Listed(source.path, found)


def _frontmatter(plan: Plan) -> Iterator[Listed]:
    for name in _FIELDS:
        value = getattr(plan.fields, name)
        if isinstance(value, Window):
            mention = Mention(0, 0, value.text, DATE, value.granularity, value)
        elif isinstance(value, Estimate):
            mention = Mention(0, 0, value.text, ESTIMATE, estimate=value)
        else:
            continue
        yield Listed(plan.path, Found(mention, plan.span(name), "frontmatter"), name)
