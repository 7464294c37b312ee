"""Rules: the registry, the context rules see, and helpers several rules share.

A rule is a module with NAME, DEFAULT_SEVERITY, a docstring that is its documentation
(What it does / Why is this bad? / Example / Use instead / Fix safety), and
`check(item, ctx)`, a generator of Problems. Rules are called; they do not call out.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from types import ModuleType
from typing import Protocol

from planner.config import Config
from planner.diagnostics import Problem, Severity
from planner.ladder import Band, Ladder, distance_days, is_history
from planner.load import Source
from planner.model import Plan
from planner.prose.found import Found, Grammar
from planner.prose.suppress import Suppression
from planner.windows import Window


@dataclass(frozen=True, slots=True)
class Item:
    """One file as rules see it: its source, its plan (None when unusable), load problems,
    the date and estimate mentions in its body (found once, for every prose rule), and its
    suppression comments."""

    source: Source
    plan: Plan | None
    problems: tuple[Problem, ...]
    mentions: tuple[Found, ...] = ()
    suppressions: tuple[Suppression, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleContext:
    as_of: date
    config: Config
    grammar: Grammar = field(init=False)
    # Every rule's severity under the config, and the rules that are not off, in order:
    # worked out once, not for every rule of every file.
    severities: dict[str, str] = field(init=False)
    active: tuple[tuple[ModuleType, str], ...] = field(init=False)

    def __post_init__(self) -> None:
        grammar = Grammar.of(self.config, self.as_of)
        object.__setattr__(self, "grammar", grammar)
        severities = {module.NAME: severity(self.config, module.NAME) for module in rules()}
        object.__setattr__(self, "severities", severities)
        active = tuple((module, severities[module.NAME]) for module in rules() if severities[module.NAME] != "off")
        object.__setattr__(self, "active", active)

    @property
    def ladder(self) -> Ladder:
        return self.config.ladder

    def plan_band(self, plan: Plan) -> Band | None:
        """The plan's band: from its target, else from its horizon lane (the SPEC)."""
        target = plan.fields.target
        if target is not None and not is_history(target, self.as_of):
            return self.ladder.band_for(target, self.as_of)
        if plan.fields.horizon is not None:
            return self.ladder.band(str(plan.fields.horizon))
        return None

    def describe(self, window: Window) -> str:
        days = distance_days(window, self.as_of)
        return "already started" if days == 0 else f"{days} days out"


class Rule(Protocol):
    NAME: str
    DEFAULT_SEVERITY: Severity

    def check(self, item: Item, ctx: RuleContext) -> Iterator[Problem]: ...


_MODULES = (
    "date_precision",
    "deadline_reason",
    "estimate_precision",
    "horizon_mismatch",
    "relative_date",
    "schema",
    "stale",
    "suppression",
    "vague_near_term",
)


@functools.cache
def _registry() -> tuple[ModuleType, ...]:
    # Imported on first use: rule modules import this package for Item and RuleContext.
    modules = (importlib.import_module(f"planner.rules.{name}") for name in _MODULES)
    return tuple(sorted(modules, key=lambda m: m.NAME))


def rules() -> tuple[ModuleType, ...]:
    return _registry()


def rule_names() -> tuple[str, ...]:
    return tuple(module.NAME for module in _registry())


def rule(name: str) -> ModuleType | None:
    return _by_name().get(name)


def severity(config: Config, name: str) -> str:
    """A rule's severity under `config`: its setting there, else its default; "off" for no such rule."""
    module = rule(name)
    default = str(module.DEFAULT_SEVERITY) if module is not None else "off"
    return config.severities.get(name, default)


@functools.cache
def _by_name() -> dict[str, ModuleType]:
    # Looked up for every rule of every file: a dict, not a scan of the registry.
    return {module.NAME: module for module in _registry()}
