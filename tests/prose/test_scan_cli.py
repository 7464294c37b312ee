"""`planner scan`, and `planner check` on plans with prose, end to end through main()."""

from __future__ import annotations

import json

from planner.cli import main

PLAN = (
    "---\n"
    "title: Billing\n"
    "status: committed\n"
    "owner: core\n"
    "target: 2027-Q3\n"
    "estimate: 1-3 months\n"
    "---\n"
    "\n"
    "We ship on 14 August 2027; the importer takes 12 days.\n"
    "We demo it next Tuesday. Needs Python 3.11 and `2027-01-01` stays code.\n"
)


def scan_json(capsys, *args):
    code = main(["scan", "--as-of", "2026-11-24", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_scan_json_lists_every_mention_as_the_spec_says(write_plan, capsys):
    write_plan("billing.md", PLAN)
    code, report = scan_json(capsys)
    assert code == 0
    assert report["as_of"] == "2026-11-24" and report["as_of_source"] == "flag"
    mentions = report["mentions"]
    assert [(m["text"], m["where"]) for m in mentions] == [
        ("2027-Q3", "frontmatter"),
        ("1-3 months", "frontmatter"),
        ("14 August 2027", "body"),
        ("12 days", "body"),
        ("next Tuesday", "body"),
    ]
    day = mentions[2]
    assert day == {
        "path": "plans/billing.md", "line": 9, "column": 12, "end_line": 9, "end_column": 26,
        "text": "14 August 2027", "kind": "date", "where": "body",
        "granularity": "day", "start": "2027-08-14", "end": "2027-08-14",
        "band": "far", "note": "far band, 263 days out",
    }  # fmt: skip
    assert mentions[3] == {
        "path": "plans/billing.md", "line": 9, "column": 47, "end_line": 9, "end_column": 54,
        "text": "12 days", "kind": "estimate", "where": "body", "low": 12.0, "high": 12.0, "unit": "days",
        "band": "far", "note": "far band (the plan's)",
    }  # fmt: skip
    assert mentions[4]["granularity"] == "relative" and mentions[4]["start"] == "2026-12-01"
    assert mentions[0]["granularity"] == "quarter" and mentions[0]["field"] == "target"


def test_scan_says_why_a_mention_is_not_judged(write_plan, capsys):
    write_plan(
        "a.md",
        "---\ntitle: A\nstatus: proposed\nhorizon: later\ndeadline: 2027-03-14\ndeadline_reason: the regulator\n---\n"
        "We shipped v1 on 2026-06-14.\n",
    )
    write_plan("b.md", "---\ntitle: B\nstatus: done\nhorizon: now\n---\nShipped 14 August 2026. It took 3 days.\n")
    _, report = scan_json(capsys)
    notes = {(m["path"], m["text"]): (m["band"], m["note"]) for m in report["mentions"]}
    assert notes[("plans/a.md", "2027-03-14")] == (None, "not judged: deadline is a constraint")
    assert notes[("plans/a.md", "2026-06-14")] == (None, "past: history, not judged")
    assert notes[("plans/b.md", "3 days")] == (None, "not judged: the plan is done")


def test_scan_reports_sizes(write_plan, capsys):
    write_plan("a.md", "---\ntitle: A\nstatus: exploring\nhorizon: vision\nestimate: L\n---\nThe epic is sized XL.\n")
    _, report = scan_json(capsys)
    assert [(m["text"], m.get("size")) for m in report["mentions"]] == [("L", "L"), ("XL", "XL")]


def test_scan_text_is_grouped_by_file_and_says_what_each_mention_means(write_plan, capsys):
    write_plan("billing.md", PLAN)
    write_plan("empty.md", "---\ntitle: E\nstatus: exploring\nhorizon: vision\n---\nNothing dated.\n")
    assert main(["scan", "--as-of", "2026-11-24"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "plans/billing.md"
    assert any("14 August 2027" in line and "day" in line and "2027-08-14" in line for line in out)
    assert any("next Tuesday" in line and "relative" in line and "2026-12-01" in line for line in out)
    assert any(line.strip().startswith("5:9") and "frontmatter target; far band, 219 days out" in line for line in out)
    assert any("next Tuesday" in line and "as of 2026-11-24" in line for line in out)
    assert out[-1] == "5 mentions in 2 files (as of 2026-11-24, from --as-of)."


def test_check_flags_prose_with_positions_and_fixes(write_plan, check_json):
    write_plan("billing.md", PLAN)
    code, report = check_json()
    assert code == 1
    found = [(d["rule"], d["line"], d["column"], d["severity"]) for d in report["diagnostics"]]
    assert found == [
        ("date-precision", 9, 12, "error"),
        ("estimate-precision", 9, 47, "error"),
        ("relative-date", 10, 12, "warning"),
    ]
    fix = report["diagnostics"][0]["fix"]
    assert fix == {"replacement": "Q3 2027", "safe": True}
    assert report["diagnostics"][1]["fix"]["safe"] is False


def test_check_honours_suppressions_and_reports_bad_ones(write_plan, check_json):
    write_plan(
        "c.md",
        "---\ntitle: C\nstatus: proposed\nhorizon: later\n---\n"
        "<!-- planner: ignore date-precision -- contract date with the vendor -->\n"
        "The contract ends on 14 August 2027.\n"
        "<!-- planner: ignore estimate-precision -->\n"
        "Setup takes 12 days.\n",
    )
    code, report = check_json()
    assert code == 1
    assert [(d["rule"], d["line"]) for d in report["diagnostics"]] == [("suppression", 8), ("estimate-precision", 9)]


def test_fiscal_year_start_from_config(write_plan, repo, capsys):
    (repo / "planner.toml").write_text("[prose]\nfiscal-year-start = 7\n", encoding="utf-8")
    write_plan("a.md", "---\ntitle: A\nstatus: exploring\nhorizon: vision\n---\nBudget lands in FY28.\n")
    _, report = scan_json(capsys)
    [fy] = report["mentions"]
    assert (fy["start"], fy["end"]) == ("2027-07-01", "2028-06-30")


def test_bad_fiscal_year_start_is_a_config_error(write_plan, repo, capsys):
    (repo / "planner.toml").write_text("[prose]\nfiscal-year-start = 13\n", encoding="utf-8")
    write_plan("a.md", "---\ntitle: A\nstatus: exploring\nhorizon: vision\n---\n")
    assert main(["scan", "--as-of", "2026-11-24"]) == 2
    assert "prose.fiscal-year-start" in capsys.readouterr().err


def test_explain_documents_the_new_rules(capsys):
    for rule in ("relative-date", "suppression"):
        assert main(["explain", rule]) == 0
        out = capsys.readouterr().out
        for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety"):
            assert heading in out


def test_scan_of_a_missing_path_is_a_usage_error(repo, capsys):
    assert main(["scan", "nowhere"]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_sprints_are_shown_in_weeks_at_the_configured_sprint_length(write_plan, repo, capsys):
    (repo / "planner.toml").write_text("[units]\nsprint-weeks = 3\n", encoding="utf-8")
    write_plan("a.md", "---\ntitle: A\nstatus: proposed\nhorizon: later\n---\nHardening needs a couple of sprints.\n")
    _, report = scan_json(capsys)
    [m] = report["mentions"]
    assert (m["low"], m["high"], m["unit"], m["weeks"]) == (2.0, 2.0, "sprints", {"low": 6.0, "high": 6.0})
    assert main(["scan", "--as-of", "2026-11-24"]) == 0
    assert "2 sprints = 6 weeks" in capsys.readouterr().out
