"""`path:line:col: severity rule message`, then a one-line summary with the as-of date."""

from __future__ import annotations

from planner.config import AS_OF_SOURCE_WORDS
from planner.diagnostics import Report, Severity

_COLOURS = {"path": "\033[1m", Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", "rule": "\033[2m"}
_RESET = "\033[0m"


def format_text(report: Report, color: bool = False) -> str:
    def paint(key: object, text: str) -> str:
        return f"{_COLOURS[key]}{text}{_RESET}" if color else text  # type: ignore[index]

    lines = []
    for d in report.diagnostics:
        where = paint("path", f"{d.path}:{d.span.line}:{d.span.column}:")
        lines.append(f"{where} {paint(d.severity, str(d.severity))} {paint('rule', d.rule)} {d.message}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def summary(report: Report) -> str:
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    files = _plural(report.files_checked, "file")
    stamp = f"as of {report.as_of.isoformat()}, from {AS_OF_SOURCE_WORDS.get(report.as_of_source, report.as_of_source)}"
    if not errors and not warnings:
        return f"No problems in {files} ({stamp})."
    fixable = sum(1 for d in report.diagnostics if d.fix is not None and d.fix.safe)
    tail = f"; {fixable} with a safe fix (planner fix)" if fixable else ""
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {files} ({stamp}){tail}."


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
