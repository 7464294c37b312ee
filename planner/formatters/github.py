"""GitHub Actions: one workflow-command annotation per finding, and a step-summary table.

Annotations use GitHub's escaping: in the message `%`, CR and LF; in properties also `:`
and `,`. GitHub shows only ten errors and ten warnings per step, so the CLI also appends
`step_summary(report)` to `$GITHUB_STEP_SUMMARY` when that variable is set.
"""

from __future__ import annotations

from planner.diagnostics import Diagnostic, Report, Severity
from planner.formatters.text import summary

SUMMARY_MAX_ROWS = 1000  # a step summary holds at most 1 MiB; the log has the rest


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic) -> str:
    s = d.span
    props = [
        ("file", d.path),
        ("line", str(s.line)),
        ("col", str(s.column)),
        ("endLine", str(s.end_line)),
        ("endColumn", str(s.end_column)),
        ("title", d.rule),
    ]
    properties = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    message = d.message
    if d.fix is not None:
        how = "planner fix" if d.fix.safe else "planner fix --unsafe"
        message += f"\n{how} would write: {d.fix.replacement}"
    return f"::{d.severity} {properties}::{escape_data(message)}"


def format_github(report: Report) -> str:
    lines = [annotation(d) for d in report.diagnostics]
    lines.append(summary(report))  # a plain log line: the as-of date, so the run can be reproduced
    return "\n".join(lines) + "\n"


def step_summary(report: Report) -> str:
    """The full report as Markdown, for `$GITHUB_STEP_SUMMARY`."""
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    mark = "❌" if errors else ("⚠️" if warnings else "✅")
    out = [f"## {mark} planner", "", _cell(summary(report)), ""]
    if report.diagnostics:
        out += ["| | Location | Rule | Message | Fix |", "|---|---|---|---|---|"]
        for d in report.diagnostics[:SUMMARY_MAX_ROWS]:
            icon = "❌ error" if d.severity is Severity.ERROR else "⚠️ warning"
            where = f"`{_code(d.path)}:{d.span.line}:{d.span.column}`"
            fix = ""
            if d.fix is not None:
                fix = f"`{_code(d.fix.replacement)}`" + ("" if d.fix.safe else " (unsafe)")
            out.append(f"| {icon} | {where} | `{d.rule}` | {_cell(d.message)} | {fix} |")
        hidden = len(report.diagnostics) - SUMMARY_MAX_ROWS
        if hidden > 0:
            out += ["", f"…and {hidden} more: see the step's log."]
        out.append("")
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    """Plan text shown as text in a Markdown table cell: no HTML, no column breaks."""
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "&#124;"), ("`", "&#96;")):
        text = text.replace(char, entity)
    return " ".join(text.split())


def _code(text: str) -> str:
    # GFM splits table cells on "|" even inside code spans, unless it is escaped.
    return " ".join(text.replace("`", "'").replace("|", "\\|").split())
