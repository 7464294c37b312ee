"""The SPEC's JSON: one object with the as-of date, its source, the file count, diagnostics."""

from __future__ import annotations

import json
from typing import Any

from planner.diagnostics import Diagnostic, Report


def diagnostic_dict(d: Diagnostic) -> dict[str, Any]:
    return {
        "path": d.path,
        "line": d.span.line,
        "column": d.span.column,
        "end_line": d.span.end_line,
        "end_column": d.span.end_column,
        "rule": d.rule,
        "severity": str(d.severity),
        "message": d.message,
        "fix": None if d.fix is None else {"replacement": d.fix.replacement, "safe": d.fix.safe},
    }


def format_json(report: Report) -> str:
    data = {
        "as_of": report.as_of.isoformat(),
        "as_of_source": report.as_of_source,
        "files_checked": report.files_checked,
        "diagnostics": [diagnostic_dict(d) for d in report.diagnostics],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
