"""Golden tests for every output format, GitHub's escaping and step summary, and SARIF
validated against the official SARIF 2.1.0 schema (tests/data/sarif-schema-2.1.0.json)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from planner import __version__
from planner.cli import main
from planner.formatters.github import escape_data, escape_property

GOLDEN = Path(__file__).parent / "golden"
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
AS_OF = "2026-11-24"

PLANS = {
    "billing.md": '---\ntitle: Billing\nstatus: proposed\ntarget: "2027-08-17"\nestimate: 12 days\n---\nBody.\n',
    "old.md": "---\ntitle: Old\nstatus: proposed\ntarget: 2026-Q2\n---\n",
    "odd,name%.md": "---\ntitle: Odd\nstatus: proposed\nhorizon: later\n'a%b,c:d': 1\n---\n",
    "fine.md": "---\ntitle: Fine\nstatus: proposed\ntarget: 2027-Q3\n---\n",
}


@pytest.fixture
def plans(write_plan):
    for name, text in PLANS.items():
        write_plan(name, text)


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(["check", "--as-of", AS_OF, *args])
    return code, capsys.readouterr().out


def golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PLANNER_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed; PLANNER_UPDATE_GOLDEN=1 rewrites it"


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_golden_output(plans, capsys, fmt):
    code, out = run(capsys, "--format", fmt)
    assert code == 1
    golden(f"check.{fmt}", out.replace(f'"{__version__}"', '"VERSION"'))


def test_github_annotations_escape_what_github_requires(plans, capsys):
    _, out = run(capsys, "--format", "github")
    odd = [line for line in out.splitlines() if "odd" in line]
    assert odd == [
        "::error file=plans/odd%2Cname%25.md,line=5,col=1,endLine=5,endColumn=10,title=schema::"
        "unknown field 'a%25b,c:d'; fields are " + odd[0].split("fields are ")[1]
    ]
    billing = [line for line in out.splitlines() if "billing" in line]
    assert billing[0].startswith(
        "::error file=plans/billing.md,line=4,col=10,endLine=4,endColumn=20,title=date-precision::"
    )
    assert "%0Aplanner fix would write: 2027-Q3" in billing[0]
    assert out.splitlines()[-1].endswith("(as of 2026-11-24, from --as-of); 1 with a safe fix (planner fix).")


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [("a%b", "a%25b", "a%25b"), ("x\r\ny", "x%0D%0Ay", "x%0D%0Ay"), ("k: v, w", "k: v, w", "k%3A v%2C w")],
    ids=["percent", "newlines", "colon-comma"],
)
def test_github_escaping(text, data, prop):
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_step_summary_written_only_for_github_and_appended(plans, capsys, repo, monkeypatch):
    summary = repo / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run(capsys, "--format", "json")
    assert summary.read_text(encoding="utf-8") == "earlier step\n"
    run(capsys, "--format", "github")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## ❌ planner\n")
    golden("step-summary.md", text.removeprefix("earlier step\n"))


def test_step_summary_shows_every_finding_beyond_githubs_ten(write_plan, capsys, repo, monkeypatch):
    for i in range(25):
        write_plan(f"p{i:02d}.md", f"---\ntitle: P{i}\nstatus: proposed\ntarget: 2027-08-{i + 1:02d}\n---\n")
    summary = repo / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run(capsys, "--format", "github")
    rows = [line for line in summary.read_text(encoding="utf-8").splitlines() if line.startswith("| ❌")]
    assert len(rows) == 25


def test_step_summary_keeps_hostile_text_as_text(write_plan, capsys, repo, monkeypatch):
    write_plan("x.md", "---\ntitle: X\nstatus: proposed\nhorizon: now\n'<script>|x': 1\n---\n")
    summary = repo / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run(capsys, "--format", "github")
    [row] = [line for line in summary.read_text(encoding="utf-8").splitlines() if "unknown field" in line]
    assert "<script>" not in row and "&lt;script&gt;&#124;x" in row
    assert row.count(" | ") == 4  # five cells: the | in the key did not add a column


def sarif(capsys) -> dict:  # type: ignore[type-arg]
    _, out = run(capsys, "--format", "sarif")
    return json.loads(out)


def test_sarif_is_valid_against_the_official_schema(plans, capsys):
    log = sarif(capsys)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)


def test_sarif_has_what_github_code_scanning_needs(plans, capsys):
    log = sarif(capsys)
    assert log["version"] == "2.1.0" and log["$schema"]
    [run_] = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "planner" and driver["version"] == __version__ and driver["informationUri"]
    from planner.rules import rule_names

    assert [r["id"] for r in driver["rules"]] == list(rule_names())
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "## Why is this bad?" in rule["help"]["markdown"] and rule["help"]["text"]
    assert run_["properties"]["asOf"] == AS_OF and run_["properties"]["asOfSource"] == "flag"
    assert run_["columnKind"] == "unicodeCodePoints"
    by_rule = {r["ruleId"]: r for r in run_["results"]}
    result = by_rule["date-precision"]
    assert result["level"] == "error" and driver["rules"][result["ruleIndex"]]["id"] == "date-precision"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "plans/billing.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {
        "startLine": 4,
        "startColumn": 10,
        "endLine": 4,
        "endColumn": 20,
        "snippet": {"text": "2027-08-17"},
    }
    assert by_rule["stale"]["level"] == "warning"
    odd = next(r for r in run_["results"] if "odd" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
    assert odd["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "plans/odd%2Cname%25.md"


def test_sarif_fingerprints_survive_unrelated_line_moves(write_plan, capsys):
    write_plan("a.md", PLANS["billing.md"])
    before = {r["ruleId"]: r["partialFingerprints"] for r in sarif(capsys)["runs"][0]["results"]}
    moved = PLANS["billing.md"].replace("title: Billing\n", "title: Billing\n# a comment\nowner: core\n\n")
    write_plan("a.md", moved)
    after_results = sarif(capsys)["runs"][0]["results"]
    assert after_results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 7
    assert {r["ruleId"]: r["partialFingerprints"] for r in after_results} == before
    write_plan("a.md", PLANS["billing.md"].replace("2027-08-17", "2027-08-18"))
    changed = {r["ruleId"]: r["partialFingerprints"] for r in sarif(capsys)["runs"][0]["results"]}
    assert changed["date-precision"] != before["date-precision"]


def test_identical_findings_get_distinct_fingerprints(write_plan, capsys):
    write_plan("a.md", "---\ntitle: A\nstatus: proposed\nhorizon: now\nx: 1\ny: 2\n---\n")
    results = sarif(capsys)["runs"][0]["results"]
    prints = [r["partialFingerprints"]["planner/v1"] for r in results]
    assert len(prints) == 2 and len(set(prints)) == 2
