"""Every mention in a plan file, frontmatter and body: what `planner scan` lists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from planner.config import Config
from planner.estimates import Estimate
from planner.ladder import Ladder, distance_days, is_history
from planner.load import PlanFile, Source, load_source
from planner.model import Plan, build_plan
from planner.prose.found import Found
from planner.prose.grammar import DATE, ESTIMATE, Grammar, Mention
from planner.prose.scan import body_mentions
from planner.windows import Window

_FIELDS = ("target", "deadline", "reviewed", "estimate", "appetite")


@dataclass(frozen=True, slots=True)
class Listed:
    path: str
    found: Found
    field: str | None = None  # the frontmatter key, for frontmatter mentions
    band: str | None = None  # the band it is judged in; None when it is not judged
    note: str = ""  # why it is or is not judged, in words
    weeks: tuple[float, float] | None = None  # sprints, in weeks at the configured sprint length


@dataclass(frozen=True, slots=True)
class ScanReport:
    as_of: date
    as_of_source: str
    files_scanned: int
    mentions: tuple[Listed, ...]


def scan_files(files: Iterable[PlanFile], config: Config, as_of: date, as_of_source: str) -> ScanReport:
    grammar = Grammar.of(config, as_of)
    count = 0
    listed: list[Listed] = []
    for location in files:
        count += 1
        listed.extend(scan_source(load_source(location), config, grammar))
    return ScanReport(as_of, as_of_source, count, tuple(listed))


def scan_source(source: Source, config: Config, grammar: Grammar) -> Iterator[Listed]:
    plan, _ = build_plan(source.location.plan_id, source.path, source.document, config.sizes)
    judge = _Judge(config.ladder, grammar.as_of, plan, grammar.sprint_weeks)
    if plan is not None:
        for name, found in _frontmatter(plan):
            yield judge.listed(source.path, found, name)
    for found in body_mentions(source.document, grammar):
        yield judge.listed(source.path, found, None)


def _frontmatter(plan: Plan) -> Iterator[tuple[str, Found]]:
    for name in _FIELDS:
        value = getattr(plan.fields, name)
        if isinstance(value, Window):
            mention = Mention(0, 0, value.text, DATE, value.granularity, value)
        elif isinstance(value, Estimate):
            mention = Mention(0, 0, value.text, ESTIMATE, estimate=value)
        else:
            continue
        yield name, Found(mention, plan.span(name), "frontmatter")


@dataclass(frozen=True, slots=True)
class _Judge:
    """Which band each mention is judged in, the way the precision rules decide it."""

    ladder: Ladder
    as_of: date
    plan: Plan | None
    sprint_weeks: float

    def listed(self, path: str, found: Found, field: str | None) -> Listed:
        band, note = self._band(found.mention, field)
        estimate = found.mention.estimate
        weeks = None
        if (
            estimate is not None
            and estimate.unit == "sprints"
            and estimate.low is not None
            and estimate.high is not None
        ):
            weeks = (estimate.low * self.sprint_weeks, estimate.high * self.sprint_weeks)
        return Listed(path, found, field, band, note, weeks)

    def _band(self, mention: Mention, field: str | None) -> tuple[str | None, str]:
        if self.plan is not None and self.plan.closed:
            return None, f"not judged: the plan is {self.plan.fields.status}"
        if field in _EXEMPT:
            return None, f"not judged: {field} is {_EXEMPT[field]}"
        if mention.window is not None:
            if mention.granularity == "relative":
                return None, f"relative: means {_when(mention.window)} as of {self.as_of.isoformat()}"
            if is_history(mention.window, self.as_of):
                return None, "past: history, not judged"
            band = self.ladder.band_for(mention.window, self.as_of)
            days = distance_days(mention.window, self.as_of)
            return band.name, f"{band.name} band, " + ("already started" if days == 0 else f"{days} days out")
        plan_band = self._plan_band()
        if plan_band is None:
            return None, "not judged: the plan has no horizon or target"
        return plan_band, f"{plan_band} band (the plan's)"

    def _plan_band(self) -> str | None:
        if self.plan is None:
            return None
        target, horizon = self.plan.fields.target, self.plan.fields.horizon
        if target is not None and not is_history(target, self.as_of):
            return self.ladder.band_for(target, self.as_of).name
        return str(horizon) if horizon is not None else None


_EXEMPT = {"deadline": "a constraint", "appetite": "a budget", "reviewed": "a record"}


def _when(window: Window) -> str:
    start, end = window.start.isoformat(), window.end.isoformat()
    return start if start == end else f"{start}..{end}"
