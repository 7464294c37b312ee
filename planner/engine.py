"""The check pipeline shared by the CLI and the site: load -> model -> rules -> diagnostics."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from planner.config import Config
from planner.diagnostics import Diagnostic, Report, Severity
from planner.fingerprint import with_snippets
from planner.load import PlanFile, Source, load_source
from planner.model import build_plan
from planner.rules import Item, RuleContext, rules


@dataclass(frozen=True, slots=True)
class Checked:
    item: Item
    diagnostics: tuple[Diagnostic, ...]


def check_source(source: Source, config: Config, ctx: RuleContext) -> Checked:
    document = source.document
    plan, problems = build_plan(source.location.plan_id, source.path, document, config.sizes)
    item = Item(source, plan, (*document.problems, *problems))
    diagnostics = []
    for module in rules():
        severity = config.severities.get(module.NAME, str(module.DEFAULT_SEVERITY))
        if severity == "off":
            continue
        for problem in module.check(item, ctx):
            diagnostics.append(
                Diagnostic(source.path, problem.span, module.NAME, Severity(severity), problem.message, problem.fix)
            )
    return Checked(item, with_snippets(source.text, diagnostics))


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
