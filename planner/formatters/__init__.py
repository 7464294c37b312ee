"""Formatters: pure `Report -> str` functions, no printing, no environment, no TTY checks."""

from __future__ import annotations

from collections.abc import Callable

from planner.diagnostics import Report
from planner.formatters.json import format_json
from planner.formatters.text import format_text

FORMATTERS: dict[str, Callable[[Report], str]] = {
    "json": format_json,
    "text": format_text,
}

