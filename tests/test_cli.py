from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import main

GOOD = "---\ntitle: Billing\nstatus: proposed\ntarget: 2027-Q3\n---\nBody.\n"
BAD = "---\ntitle: Billing\nstatus: proposed\ntarget: 2027-08-17\n---\n"


def test_clean_plans_exit_zero_and_say_so(write_plan, repo, capsys):
    write_plan("billing.md", GOOD)
    assert main(["check", "--as-of", "2026-11-24"]) == 0
    out = capsys.readouterr().out
    assert out == "No problems in 1 file (as of 2026-11-24, from --as-of).\n"


def test_false_precision_exits_one_with_position_and_fix(write_plan, check_json):
    write_plan("billing.md", BAD)
    code, report = check_json()
    assert code == 1
    assert report["as_of"] == "2026-11-24" and report["as_of_source"] == "flag"
    assert report["files_checked"] == 1
    [d] = report["diagnostics"]
    assert d == {
        "path": "plans/billing.md",
        "line": 4,
        "column": 9,
        "end_line": 4,
        "end_column": 19,
        "rule": "date-precision",
        "severity": "error",
        "message": d["message"],
        "fix": {"replacement": "2027-Q3", "safe": True},
    }
    assert "far" in d["message"] and "2027-Q3" in d["message"]


def test_text_format_lines_and_summary(write_plan, repo, capsys):
    write_plan("billing.md", BAD)
    assert main(["check", "--as-of", "2026-11-24"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("plans/billing.md:4:9: error date-precision target '2027-08-17'")
    assert lines[-1] == (
        "1 error, 0 warnings in 1 file (as of 2026-11-24, from --as-of); 1 with a safe fix (planner fix)."
    )
    assert "\033[" not in "\n".join(lines)  # not a TTY: no colour


def test_warnings_alone_exit_zero(write_plan, check_json):
    write_plan("old.md", "---\ntitle: Old\nstatus: proposed\ntarget: 2026-Q2\n---\n")
    code, report = check_json()
    assert code == 0
    assert [d["rule"] for d in report["diagnostics"]] == ["stale"]


@pytest.mark.parametrize(
    ("env", "config", "flag", "expected"),
    [
        ({}, None, None, "today"),
        ({"PLANNER_AS_OF": "2027-01-05"}, None, None, ("2027-01-05", "env")),
        ({}, '[tool.planner]\nas-of = "2027-02-01"\n', None, ("2027-02-01", "config")),
        ({"PLANNER_AS_OF": "2027-01-05"}, '[tool.planner]\nas-of = "2027-02-01"\n', None, ("2027-01-05", "env")),
        ({"PLANNER_AS_OF": "2027-01-05"}, None, "2027-03-03", ("2027-03-03", "flag")),
    ],
    ids=["today", "env", "config", "env-beats-config", "flag-beats-env"],
)
def test_as_of_resolution_order(repo, write_plan, monkeypatch, capsys, env, config, flag, expected):
    import json

    write_plan("a.md", GOOD)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    if config:
        (repo / "pyproject.toml").write_text(config)
    args = ["check", "--format", "json"] + (["--as-of", flag] if flag else [])
    main(args)
    report = json.loads(capsys.readouterr().out)
    if expected == "today":
        assert report["as_of_source"] == "today"
    else:
        assert (report["as_of"], report["as_of_source"]) == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--as-of", "tomorrow"], "planner: config: --as-of: 'tomorrow' is not a date; write YYYY-MM-DD"),
        (["check", "nope/"], "planner: nope/: no such file or folder"),
        (["explain", "date-precisio"], "did you mean date-precision?"),
    ],
    ids=["bad-as-of", "missing-path", "unknown-rule"],
)
def test_usage_errors_exit_two_with_one_line(repo, capsys, args, message):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_bad_config_value_names_key_and_reason(repo, capsys):
    (repo / "planner.toml").write_text("[bands.later]\nmin-window-days = -3\n")
    assert main(["check", "--as-of", "2026-11-24"]) == 2
    assert capsys.readouterr().err == (
        "planner: config: planner.toml.bands.later.min-window-days: "
        "must be a whole number of days, at least 1, not -3\n"
    )


def test_console_script_and_module_run(repo, write_plan):
    write_plan("a.md", BAD)
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "planner", "check", "--as-of", "2026-11-24"], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 1
    assert proc.stdout.startswith("plans/a.md:4:9: error date-precision")


def test_our_own_roadmap_passes():
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run(
        [sys.executable, "-m", "planner", "check", "plans", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert proc.returncode == 0, proc.stdout
