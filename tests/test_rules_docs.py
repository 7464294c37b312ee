"""`planner rules` and `planner explain`: every rule documented, the same text SARIF shows."""

from __future__ import annotations

import pytest

from planner.cli import main
from planner.rules import rule_names, rules

SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety")


@pytest.mark.parametrize("module", rules(), ids=lambda m: m.NAME)
def test_every_rule_docstring_has_every_section(module):
    doc = module.__doc__ or ""
    positions = [doc.find(section) for section in SECTIONS]
    missing = [s for s, p in zip(SECTIONS, positions, strict=True) if p < 0]
    assert not missing, f"{module.NAME} lacks {missing}"
    assert positions == sorted(positions)
    assert doc.strip().splitlines()[0].endswith(".")


@pytest.mark.parametrize("name", rule_names())
def test_explain_prints_the_docs_and_how_to_configure(repo, capsys, name):
    assert main(["explain", name]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{name} (default: ")
    assert all(section in out for section in SECTIONS)
    assert f'`[tool.planner.rules] {name} = "error"`, "warning" or "off".' in out


def test_rules_lists_every_rule_with_its_configured_severity(repo, capsys):
    (repo / "planner.toml").write_text('[rules]\nstale = "error"\nhorizon-mismatch = "off"\n')
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(rule_names())
    severities = {line.split()[0]: line.split()[1] for line in lines}
    assert severities["stale"] == "error" and severities["horizon-mismatch"] == "off"
    assert severities["date-precision"] == "error"
