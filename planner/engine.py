"""The check pipeline shared by the CLI and the site: load -> model -> rules -> diagnostics."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from planner import bodycache, patterncache
from planner.config import Config
from planner.diagnostics import Diagnostic, Report, Severity
from planner.fingerprint import with_snippets
from planner.load import PlanFile, Source, load_source, plan_of
from planner.prose.found import Found, Grammar
from planner.prose.suppress import find_suppressions
from planner.rules import Item, RuleContext, suppression


@dataclass(frozen=True, slots=True)
class Checked:
    item: Item
    diagnostics: tuple[Diagnostic, ...]


# Rules that read body mentions: when all are off, bodies are not scanned at all.
PROSE_RULES = ("date-precision", "estimate-precision", "relative-date")


def check_source(source: Source, config: Config, ctx: RuleContext) -> Checked:
    source, plan, problems = plan_of(source, config.sizes)
    document = source.document
    mentions: tuple[Found, ...] = ()
    if plan is not None and not plan.closed and any(ctx.severities[name] != "off" for name in PROSE_RULES):
        mentions = bodycache.body_mentions(document, ctx.grammar)
    item = Item(source, plan, (*document.problems, *problems), mentions, find_suppressions(document))
    diagnostics = []
    for module, severity in ctx.active:
        for problem in module.check(item, ctx):
            diagnostics.append(
                Diagnostic(source.path, problem.span, module.NAME, Severity(severity), problem.message, problem.fix)
            )
    if item.suppressions:
        diagnostics = _apply_suppressions(item, diagnostics, ctx)
    return Checked(item, with_snippets(source.text, diagnostics))


def _apply_suppressions(item: Item, diagnostics: list[Diagnostic], ctx: RuleContext) -> list[Diagnostic]:
    """Drop what valid suppressions cover; report the ones that covered nothing."""
    active = [(i, s) for i, s in enumerate(item.suppressions) if suppression.valid(s)]
    used: set[int] = set()
    kept = []
    for d in diagnostics:
        covering = [i for i, s in active if d.rule != suppression.NAME and s.covers(d.rule, d.span)]
        used.update(covering)
        if not covering:
            kept.append(d)
    severity = ctx.severities[suppression.NAME]
    if severity != "off":
        for problem in suppression.unused(item, used, ctx.severities):
            kept.append(
                Diagnostic(item.source.path, problem.span, suppression.NAME, Severity(severity), problem.message)
            )
    return kept


def iter_check(files: Iterable[PlanFile], config: Config, as_of: date) -> Iterator[Checked]:
    ctx = RuleContext(as_of, config)
    for location in files:
        yield check_source(load_source(location), config, ctx)


def check_files(files: Iterable[PlanFile], config: Config, as_of: date, as_of_source: str, jobs: int = 0) -> Report:
    """Check every file. `jobs` > 1 spreads files over worker processes (0: one per core
    when there are enough files to pay for the workers); the report is the same either way."""
    todo = list(files)
    workers = jobs or _auto_jobs(len(todo))
    if workers > 1 and _can_fork():
        bodycache.prepare(Grammar.of(config, as_of))  # read once, shared by the forked workers
        results = _check_in_workers(todo, config, as_of, workers)
        for _, _, taken in results:
            bodycache.merge(taken)
    else:
        count, found = _check_chunk(todo, config, as_of)
        results = [(count, found, [])]
    bodycache.save()
    diagnostics = [d for _, found, _ in results for d in found]
    return Report(as_of, as_of_source, sum(count for count, _, _ in results), tuple(diagnostics))


def _can_fork() -> bool:
    import multiprocessing  # here: a check of a few files never starts a worker

    return "fork" in multiprocessing.get_all_start_methods()


PARALLEL_THRESHOLD = 2000  # below this, starting workers costs more than it saves
CHUNK = 250


def _auto_jobs(count: int) -> int:
    if count < PARALLEL_THRESHOLD:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return min(cores, 8)


def _check_chunk(files: list[PlanFile], config: Config, as_of: date) -> tuple[int, list[Diagnostic]]:
    found: list[Diagnostic] = []
    for checked in iter_check(files, config, as_of):
        found.extend(checked.diagnostics)
    return len(files), found


_worker_settings: tuple[Config, date] | None = None


def _init_worker(config: Config, as_of: date) -> None:
    global _worker_settings  # set once per forked worker, read by _worker_chunk
    _worker_settings = config, as_of


def _worker_chunk(files: list[PlanFile]) -> tuple[int, list[Diagnostic], bodycache.Taken]:
    assert _worker_settings is not None
    count, found = _check_chunk(files, *_worker_settings)
    patterncache.save()  # the patterns compiled here: a forked worker exits without `atexit`
    return count, found, bodycache.take()  # the bodies scanned here: the parent keeps them


def _check_in_workers(
    files: list[PlanFile], config: Config, as_of: date, workers: int
) -> list[tuple[int, list[Diagnostic], bodycache.Taken]]:
    # Forked workers inherit the config instead of unpickling it; only file lists go
    # out and diagnostics come back.
    chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_init_worker, initargs=(config, as_of)) as pool:
        return list(pool.imap_unordered(_worker_chunk, chunks))
