"""Rule behaviour as data: every tests/rules/<rule>.yaml case runs through the real engine.

A case is `pass: TEXT` (the rule reports nothing) or `fail: TEXT` with `at: [[line, column], ...]`
(exactly those findings), optionally `fix: TEXT` (the text after applying the rule's fixes),
`message: SUBSTRING` and `config: {...}` ([tool.planner] keys, as TOML would give them).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from planner.config import parse_config
from planner.engine import check_source
from planner.load import PlanFile, source_from_bytes
from planner.rules import RuleContext

FIXTURES = sorted(Path(__file__).parent.glob("*.yaml"))


def cases() -> list[Any]:
    found = []
    for path in FIXTURES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, case in data["cases"].items():
            found.append(pytest.param(data["rule"], data["as_of"], case, id=f"{path.stem}:{name}"))
    return found


def run(rule: str, as_of: date, text: str, config_table: dict[str, Any]) -> list[Any]:
    config = parse_config(config_table)
    location = PlanFile(Path("plans/x.md"), "plans/x.md", "x")
    checked = check_source(source_from_bytes(location, text.encode("utf-8")), config, RuleContext(as_of, config))
    return [d for d in checked.diagnostics if d.rule == rule]


def apply_fixes(text: str, diagnostics: list[Any]) -> str:
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    for d in sorted(diagnostics, key=lambda d: (d.span.line, d.span.column), reverse=True):
        if d.fix is None:
            continue
        s = d.span
        text = text[: offset(s.line, s.column)] + d.fix.replacement + text[offset(s.end_line, s.end_column) :]
    return text


@pytest.mark.parametrize(("rule", "as_of", "case"), cases())
def test_rule_case(rule, as_of, case):
    config = case.get("config", {})
    if "pass" in case:
        found = run(rule, as_of, case["pass"], config)
        assert [(d.span.line, d.span.column, d.message) for d in found] == []
        return
    found = run(rule, as_of, case["fail"], config)
    assert [[d.span.line, d.span.column] for d in found] == case["at"], [d.message for d in found]
    if "message" in case:
        assert all(case["message"] in d.message for d in found), [d.message for d in found]
    if "fix" in case:
        assert apply_fixes(case["fail"], found) == case["fix"]


def test_every_fixture_names_a_registered_rule():
    from planner.rules import rule_names

    assert FIXTURES
    for path in FIXTURES:
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["rule"] in rule_names()
