"""`planner schema`: a draft 2020-12 JSON Schema of the frontmatter that agrees with planner."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from planner.cli import main
from planner.estimates import EstimateError, parse_estimate
from planner.model import PlanFields
from planner.schema import frontmatter_schema
from planner.windows import WindowError, parse_window


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = frontmatter_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def errors(validator, doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.message for e in validator.iter_errors(doc)]


def test_cli_prints_the_schema(repo, capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["properties"]) == set(PlanFields.model_fields)
    assert all(spec["description"] for spec in schema["properties"].values())
    assert schema["properties"]["status"]["enum"] == [
        "exploring",
        "proposed",
        "committed",
        "in-progress",
        "done",
        "dropped",
    ]


def test_cli_writes_a_file(repo, capsys):
    assert main(["schema", "-o", "plan.schema.json"]) == 0
    assert json.loads((repo / "plan.schema.json").read_text())["required"] == ["title", "status"]


def test_configured_sizes_are_in_the_schema(repo, capsys):
    (repo / "planner.toml").write_text('[sizes]\nSMALL = "1-3 days"\nBIG = "1-3 months"\n')
    main(["schema"])
    schema = json.loads(capsys.readouterr().out)
    v = jsonschema.Draft202012Validator(schema)
    base = {"title": "A", "status": "proposed", "horizon": "vision"}
    assert errors(v, {**base, "estimate": "big"}) == []
    assert errors(v, {**base, "estimate": "XL"}) != []


@pytest.mark.parametrize(
    "doc",
    [
        {"title": "A", "status": "proposed", "target": "2027-Q3"},
        {"title": "A", "status": "proposed", "target": 2027, "estimate": "2-4 weeks"},
        {"title": "A", "status": "committed", "owner": "core", "horizon": "now", "target": "2026-W50"},
        {"title": "A", "status": "proposed", "horizon": "later", "estimate": "M", "tags": ["x"], "depends_on": []},
        {"title": "A", "status": "done", "horizon": "now", "deadline": "2027-06-30", "deadline_reason": "law"},
        {"title": "A", "status": "proposed", "horizon": "now", "confidence": "70%", "reviewed": "2026-11-01"},
        {"title": "A", "status": "proposed", "horizon": "now", "owner": None, "appetite": "6 weeks"},
    ],
    ids=["quarter", "year-int", "committed-owner", "size-lists", "deadline", "confidence", "null-owner"],
)
def test_valid_frontmatter_passes(validator, doc):
    assert errors(validator, doc) == []


@pytest.mark.parametrize(
    ("doc", "why"),
    [
        ({"status": "proposed", "horizon": "now"}, "'title' is a required property"),
        ({"title": "A", "status": "proposd", "horizon": "now"}, "is not one of"),
        ({"title": "A", "status": "proposed"}, "is not valid under any of the given schemas"),
        ({"title": "A", "status": "committed", "horizon": "now"}, "'owner' is a required property"),
        ({"title": "A", "status": "proposed", "horizon": "soon"}, "is not valid under any of the given schemas"),
        ({"title": "A", "status": "proposed", "target": "2027-Q5"}, "is not valid under any of the given schemas"),
        ({"title": "A", "status": "proposed", "horizon": "now", "estimate": "3 parsecs"}, "not valid under any"),
        ({"title": "A", "status": "proposed", "horizon": "now", "deadline": "2027-06"}, "not valid under any"),
        ({"title": "A", "status": "proposed", "horizon": "now", "deadline": "2027-06-30"}, "deadline_reason"),
        ({"title": "A", "status": "proposed", "horizon": "now", "colour": "red"}, "'colour' was unexpected"),
        ({"title": "A", "status": "proposed", "horizon": "now", "tags": "x"}, "not valid under any"),
    ],
    ids=[
        "no-title",
        "bad-status",
        "no-horizon-or-target",
        "no-owner",
        "bad-lane",
        "bad-quarter",
        "bad-unit",
        "deadline-not-day",
        "deadline-no-reason",
        "unknown-key",
        "tags-not-list",
    ],
)
def test_invalid_frontmatter_fails(validator, doc, why):
    messages = errors(validator, doc)
    assert any(why in m for m in messages), messages


WINDOWS = [
    "2027-03-14",
    "2027-3-4",
    "2027-W11",
    "2027w11",
    "2027-03",
    "March 2027",
    "mar 2027",
    "Sept. 2027",
    "2027-Q1",
    "Q1 2027",
    "q4, 2027",
    "2027-H2",
    "H2 2027",
    "2027",
    "2027-03..2027-05",
    "March to May 2027",
    "Q1 - Q2 2027",
    "2027-Q1 through 2027-H2",
    "2027-01 \u2013 2027-03",
    "2027-Q5",
    "Q5 2027",
    "2027-H3",
    "Foo 2027",
    "next spring",
    "27-03",
    "2027-03..",
    "soon",
    "2027-03..2027-05..2027-07",
]


@pytest.mark.parametrize("text", WINDOWS)
def test_window_pattern_agrees_with_the_parser(validator, text):
    try:
        parse_window(text)
        parses = True
    except WindowError:
        parses = False
    accepted = not errors(validator, {"title": "A", "status": "proposed", "target": text})
    assert accepted == parses


ESTIMATES = [
    "3 days",
    "2-4 weeks",
    "~40h",
    "1-2 months",
    "5 points",
    "about 3 weeks",
    "2 to 3 sprints",
    "M",
    "xl",
    "3",
    "3 parsecs",
    "weeks",
    "XXL",
    "2--4 weeks",
]


@pytest.mark.parametrize("text", ESTIMATES)
def test_estimate_pattern_agrees_with_the_parser(validator, text):
    try:
        parse_estimate(text)
        parses = True
    except EstimateError:
        parses = False
    accepted = not errors(validator, {"title": "A", "status": "proposed", "horizon": "now", "estimate": text})
    assert accepted == parses


def test_patterns_are_javascript_compatible():
    """VS Code runs the patterns as JavaScript regular expressions (possibly in unicode mode)."""
    text = json.dumps(frontmatter_schema())
    patterns = re.findall(r'"pattern": "((?:[^"\\]|\\.)*)"', text)
    assert patterns
    for pattern in patterns:
        raw = json.loads(f'"{pattern}"')
        assert "(?i" not in raw and "(?P" not in raw
        assert not re.search(r"\\[ \-]", raw)  # identity escapes of space or dash: a SyntaxError with the u flag
