"""Every rule's pass/fail cases live as data in tests/rules/<rule>.yaml, run by this one test.

A case is `pass: TEXT` (the rule finds nothing) or `fail: TEXT` with `at: [[line, column], ...]`
(where the rule reports) and optionally `fix: TEXT` (the file after applying its fixes) and
`message: TEXT` (a fragment of the first message). `config:` holds [tool.planner] values.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from planner.config import Config, parse_config
from planner.engine import check_source
from planner.fix import apply_edits
from planner.load import PlanFile, source_from_bytes
from planner.rules import RuleContext, rule_names

FIXTURES = sorted((Path(__file__).parent / "rules").glob("*.yaml"))


def _cases():
    for path in FIXTURES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, case in data["cases"].items():
            yield pytest.param(data, case, id=f"{data['rule']}:{name}")


def _check(text: str, rule: str, as_of: date, config: Config):
    location = PlanFile(Path("plans/x.md"), "plans/x.md", "x")
    source = source_from_bytes(location, text.encode())
    checked = check_source(source, config, RuleContext(as_of, config))
    return source, [d for d in checked.diagnostics if d.rule == rule]


def test_every_rule_has_a_fixture_file():
    covered = {path.stem.replace("_", "-") for path in FIXTURES}
    assert set(rule_names()) <= covered


@pytest.mark.parametrize(("fixture", "case"), list(_cases()))
def test_rule_case(fixture, case):
    rule = fixture["rule"]
    as_of = date.fromisoformat(str(fixture["as_of"]))
    config = parse_config({**fixture.get("config", {}), **case.get("config", {})})
    if "pass" in case:
        _, found = _check(case["pass"], rule, as_of, config)
        assert found == [], [d.message for d in found]
        return
    source, found = _check(case["fail"], rule, as_of, config)
    assert [[d.span.line, d.span.column] for d in found] == case["at"], [d.message for d in found]
    if "message" in case:
        assert case["message"] in found[0].message
    if "fix" in case:
        assert apply_edits(source, [d for d in found if d.fix is not None]) == case["fix"]
        assert _check(case["fix"], rule, as_of, config)[1] == []
