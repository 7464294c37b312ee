"""Findings and the report that carries them: immutable values, no I/O."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A range in a file: 1-based lines and code-point columns, end column exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int = 1) -> Span:
        return cls(line, column, line, column + 1)


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace the diagnostic's span with `replacement`. Safe: needs no judgement."""

    replacement: str
    safe: bool


@dataclass(frozen=True, slots=True)
class Problem:
    """A finding before it knows its file, rule severity or suppression: what loaders return."""

    span: Span
    message: str
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    span: Span
    rule: str
    severity: Severity
    message: str
    fix: Fix | None = None
    snippet: str = ""  # the offending text, whitespace collapsed: what baselines and fingerprints match

    def sort_key(self) -> tuple[str, Span, str, str]:
        return (self.path, self.span, self.rule, self.message)


@dataclass(frozen=True, slots=True)
class Report:
    """What one run found. Diagnostics are kept sorted so every output is deterministic."""

    as_of: date
    as_of_source: str
    files_checked: int
    diagnostics: tuple[Diagnostic, ...] = field(default=())

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.diagnostics, key=Diagnostic.sort_key))
        object.__setattr__(self, "diagnostics", ordered)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)
