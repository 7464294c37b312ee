"""Formatters: pure `Report -> str` functions, no printing, no environment, no TTY checks."""

from __future__ import annotations

from collections.abc import Callable

from planner.diagnostics import Report
from planner.formatters.github import format_github
from planner.formatters.json import format_json
from planner.formatters.sarif import format_sarif
from planner.formatters.text import format_text

FORMATTERS: dict[str, Callable[[Report], str]] = {
    "github": format_github,
    "json": format_json,
    "sarif": format_sarif,
    "text": format_text,
}
