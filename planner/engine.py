"""The check pipeline shared by the CLI and the site: load -> model -> rules -> diagnostics."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from planner.config import Config
from planner.diagnostics import Diagnostic, Report, Severity
from planner.load import PlanFile, Source, load_source
from planner.model import build_plan
from planner.prose.scan import Found, body_mentions
from planner.prose.suppress import find_suppressions
from planner.rules import Item, RuleContext, rule, rules, suppression


@dataclass(frozen=True, slots=True)
class Checked:
    item: Item
    diagnostics: tuple[Diagnostic, ...]


# Rules that read body mentions: when all are off, bodies are not scanned at all.
PROSE_RULES = ("date-precision", "estimate-precision", "relative-date")


def check_source(source: Source, config: Config, ctx: RuleContext) -> Checked:
    document = source.document
    plan, problems = build_plan(source.location.plan_id, source.path, document, config.sizes)
    mentions: tuple[Found, ...] = ()
    if plan is not None and not plan.closed and any(_severity(config, name) != "off" for name in PROSE_RULES):
        mentions = body_mentions(document, ctx.grammar)
    item = Item(source, plan, (*document.problems, *problems), mentions, find_suppressions(document))
    diagnostics = []
    for module in rules():
        severity = _severity(config, module.NAME)
        if severity == "off":
            continue
        for problem in module.check(item, ctx):
            diagnostics.append(
                Diagnostic(source.path, problem.span, module.NAME, Severity(severity), problem.message, problem.fix)
            )
    if item.suppressions:
        diagnostics = _apply_suppressions(item, diagnostics, config)
    return Checked(item, tuple(diagnostics))


def _severity(config: Config, name: str) -> str:
    module = rule(name)
    default = str(module.DEFAULT_SEVERITY) if module is not None else "off"
    return config.severities.get(name, default)


def _apply_suppressions(item: Item, diagnostics: list[Diagnostic], config: Config) -> list[Diagnostic]:
    """Drop what valid suppressions cover; report the ones that covered nothing."""
    active = [(i, s) for i, s in enumerate(item.suppressions) if suppression.valid(s)]
    used: set[int] = set()
    kept = []
    for d in diagnostics:
        covering = [i for i, s in active if d.rule != suppression.NAME and s.covers(d.rule, d.span)]
        used.update(covering)
        if not covering:
            kept.append(d)
    severity = _severity(config, suppression.NAME)
    if severity != "off":
        for problem in suppression.unused(item, used, config.severities):
            kept.append(
                Diagnostic(item.source.path, problem.span, suppression.NAME, Severity(severity), problem.message)
            )
    return kept


def iter_check(files: Iterable[PlanFile], config: Config, as_of: date) -> Iterator[Checked]:
    ctx = RuleContext(as_of, config)
    for location in files:
        yield check_source(load_source(location), config, ctx)


def check_files(files: Iterable[PlanFile], config: Config, as_of: date, as_of_source: str) -> Report:
    count = 0
    diagnostics: list[Diagnostic] = []
    for checked in iter_check(files, config, as_of):
        count += 1
        diagnostics.extend(checked.diagnostics)
    return Report(as_of, as_of_source, count, tuple(diagnostics))
