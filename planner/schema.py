"""The JSON Schema (draft 2020-12) of plan frontmatter, for editors (VS Code's `yaml.schemas`).

Generated from the pydantic model (fields, types, enums, required keys, no unknown keys),
with the window and estimate grammars added as patterns and the SPEC's words as
descriptions. The patterns use only what JavaScript regular expressions understand, since
that is what the editor runs. `planner check` stays the authority: the schema is for
completion and early red squiggles.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from planner.estimates import _UNIT_WORDS, DEFAULT_SIZES
from planner.model import PlanFields
from planner.windows import MONTHS

DRAFT = "https://json-schema.org/draft/2020-12/schema"

DESCRIPTIONS: Mapping[str, str] = {
    "title": "What the plan is called (required).",
    "status": "Where the plan stands (required): exploring, proposed, committed, in-progress, done, dropped.",
    "owner": "The team or person who owns the plan; required once committed or in-progress.",
    "horizon": "The lane on a Now/Next/Later roadmap: now, next, later or vision. A plan needs a horizon or a target.",
    "target": "Forecast window: when we think it lands. No finer than its distance allows: a day up to 6 weeks "
    "out, a week up to 13, a month up to 26, a quarter up to 52, a half-year beyond. Forms: 2027-03-14, "
    "2027-W11, 2027-03, March 2027, 2027-Q1, Q1 2027, 2027-H2, H2 2027, 2027, 2027-03..2027-05, March to May 2027.",
    "estimate": "Forecast effort: a point or range with a unit (3 days, 2-4 weeks, ~40h, 1-2 months, 5 points) or a "
    "t-shirt size. Far out it must be a range (later: high/low >= 1.5 in weeks; far: >= 2 in months) or a size.",
    "deadline": "An external constraint (a regulation, a contract, a conference) as an exact date YYYY-MM-DD. "
    "Exempt from precision rules; needs deadline_reason.",
    "deadline_reason": "Why the deadline is fixed: who or what imposes it.",
    "appetite": "The time budget we choose to spend (Shape Up), e.g. 6 weeks: a decision, not a forecast, so exempt.",
    "confidence": "How sure we are: low, medium, high, a number from 0 to 1, or a percentage like 70%.",
    "depends_on": "Ids of plans this one needs first: their paths under plans/ without .md.",
    "tags": "Free-form labels; the site indexes plans by tag.",
    "reviewed": "The date of the last review, YYYY-MM-DD.",
}

_WINDOW_FIELDS = ("target",)
_DAY_FIELDS = ("deadline", "reviewed")
_ESTIMATE_FIELDS = ("estimate", "appetite")


def _nocase(word: str) -> str:
    # Hand-escaped rather than re.escape: JavaScript's unicode mode rejects escaped spaces and dashes.
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else ("\\" + c if c in _SPECIAL else c) for c in word)


_SPECIAL = set(".^$*+?()[]{}|\\/")


def _alternation(words: Any) -> str:
    return "(?:" + "|".join(_nocase(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


_DAY = r"\d{4}-\d{1,2}-\d{1,2}"
_MONTH_NAME = _alternation(MONTHS)
_SINGLE = "|".join(
    (
        _DAY,
        r"\d{4}-?[Ww]\d{1,2}",
        r"\d{4}-\d{1,2}",
        r"\d{4}-?[Qq][1-4]",
        r"[Qq][1-4],?\s+\d{4}",
        r"\d{4}-?[Hh][12]",
        r"[Hh][12],?\s+\d{4}",
        r"\d{4}",
        rf"{_MONTH_NAME}\.?,?\s+\d{{4}}",
    )
)
_YEARLESS = rf"{_MONTH_NAME}\.?|[QqHh]\d"
_SEPARATOR = r"\s*\.\.\s*|\s+(?:to|through|until|-)\s+|\s*[\u2013\u2014]\s*"
WINDOW_PATTERN = rf"^\s*(?:(?:{_SINGLE})|(?:(?:{_SINGLE}|{_YEARLESS})(?:{_SEPARATOR})(?:{_SINGLE})))\s*$"
DAY_PATTERN = rf"^\s*{_DAY}\s*$"
_NUMBER = r"\d+(?:\.\d+)?"
_UNIT = _alternation(_UNIT_WORDS)


def estimate_pattern(sizes: Mapping[str, object]) -> str:
    point = (
        rf"(?:~|{_nocase('about')}\s|{_nocase('around')}\s|{_nocase('approx')}\.?\s)?\s*{_NUMBER}\s*"
        rf"(?:(?:-|\u2013|\u2014|{_nocase('to')})\s*{_NUMBER}\s*)?{_UNIT}\.?"
    )
    names = _alternation(sizes) if sizes else "(?!)"
    return rf"^\s*(?:{point}|{names})\s*$"


class _Generator(GenerateJsonSchema):
    # Window and Estimate are parsed from text by validators; their patterns are added below.
    def is_instance_schema(self, schema: Any) -> dict[str, Any]:
        return {}


def frontmatter_schema(sizes: Mapping[str, object] = DEFAULT_SIZES) -> dict[str, Any]:
    generated = PlanFields.model_json_schema(schema_generator=_Generator, mode="validation")
    defs = generated.get("$defs", {})
    properties: dict[str, Any] = {}
    for name, spec in generated["properties"].items():
        spec = _inline(spec, defs)
        spec.pop("title", None)
        spec.pop("default", None)
        if name in _WINDOW_FIELDS:
            spec = {
                "anyOf": [
                    {"type": "string", "pattern": WINDOW_PATTERN},
                    {"type": "integer", "minimum": 1, "maximum": 9998},
                ]
            }
        elif name in _DAY_FIELDS:
            spec = {"type": "string", "pattern": DAY_PATTERN}
        elif name in _ESTIMATE_FIELDS:
            spec = {"type": "string", "pattern": estimate_pattern(sizes)}
        elif name == "confidence":
            spec = {
                "anyOf": [
                    {"enum": ["low", "medium", "high"]},
                    {"type": "number", "minimum": 0, "maximum": 1},
                    {"type": "string", "pattern": r"^\s*(?:100|\d{1,2})\s*%\s*$"},
                ]
            }
        elif name in ("depends_on", "tags"):
            spec = {"type": "array", "items": {"type": "string"}}
        if name not in generated.get("required", []) and "anyOf" not in spec:
            spec = {"anyOf": [spec, {"type": "null"}]}
        properties[name] = {"description": DESCRIPTIONS[name], **spec}
    return {
        "$schema": DRAFT,
        "title": "planner plan frontmatter",
        "description": "The YAML fields between the --- lines at the top of a plan file under plans/.",
        "type": "object",
        "properties": properties,
        "required": list(generated.get("required", [])),
        "additionalProperties": False,
        "anyOf": [{"required": ["horizon"]}, {"required": ["target"]}],
        "dependentRequired": {"deadline": ["deadline_reason"]},
        "allOf": [
            {
                "if": {"properties": {"status": {"enum": ["committed", "in-progress"]}}, "required": ["status"]},
                "then": {"required": ["owner"], "properties": {"owner": {"type": "string", "minLength": 1}}},
            }
        ],
    }


def _inline(spec: Any, defs: Mapping[str, Any]) -> Any:
    """Replace local $refs by their definitions: editors show inlined enums best."""
    if isinstance(spec, dict):
        ref = spec.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            target = dict(defs[ref.removeprefix("#/$defs/")])
            target.pop("title", None)
            return _inline(target, defs)
        return {k: _inline(v, defs) for k, v in spec.items()}
    if isinstance(spec, list):
        return [_inline(v, defs) for v in spec]
    return spec
