from __future__ import annotations

from datetime import date

from planner.cli import _use_color, main
from planner.diagnostics import Diagnostic, Fix, Report, Severity, Span
from planner.formatters.text import format_text

REPORT = Report(
    date(2026, 11, 24),
    "env",
    3,
    (
        Diagnostic("plans/b.md", Span(2, 1, 2, 5), "stale", Severity.WARNING, "ended"),
        Diagnostic("plans/a.md", Span(4, 9, 4, 19), "date-precision", Severity.ERROR, "too fine", Fix("2027-Q3", True)),
    ),
)


def test_diagnostics_are_sorted_by_path_and_position():
    assert [d.path for d in REPORT.diagnostics] == ["plans/a.md", "plans/b.md"]


def test_text_without_colour():
    assert format_text(REPORT) == (
        "plans/a.md:4:9: error date-precision too fine\n"
        "plans/b.md:2:1: warning stale ended\n"
        "1 error, 1 warning in 3 files (as of 2026-11-24, from PLANNER_AS_OF); 1 with a safe fix (planner fix).\n"
    )


def test_text_with_colour_paints_severity():
    out = format_text(REPORT, color=True)
    assert "\033[31merror\033[0m" in out and "\033[33mwarning\033[0m" in out


class FakeTTY:
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_tty_and_never_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _use_color(FakeTTY()) is True
    assert _use_color(object()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert _use_color(FakeTTY()) is False


def test_explain_prints_the_rule_documentation(capsys):
    assert main(["explain", "date-precision"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("date-precision (default: error; here: error)")
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety"):
        assert heading in out


def test_every_rule_is_documented_the_same_way():
    from planner.rules import rules

    for module in rules():
        doc = module.__doc__ or ""
        for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety"):
            assert heading in doc, (module.NAME, heading)


def test_rules_lists_every_rule_with_its_severity(capsys):
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == sorted(line.split()[0] for line in lines)
    assert any(line.startswith("stale") and " warning " in line for line in lines)
