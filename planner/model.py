"""Plans: the frontmatter fields validated into a pydantic model, each value with its span.

Built from frontmatter Values, never from files (the model does not know about disk).
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator
from pydantic.functional_validators import BeforeValidator

from planner.diagnostics import Problem, Span
from planner.estimates import DEFAULT_SIZES, Estimate, EstimateError, parse_estimate
from planner.frontmatter import REFUSED, Document, Value
from planner.windows import Window, WindowError, parse_window


class Status(enum.StrEnum):
    EXPLORING = "exploring"
    PROPOSED = "proposed"
    COMMITTED = "committed"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    DROPPED = "dropped"


class Lane(enum.StrEnum):
    NOW = "now"
    NEXT = "next"
    LATER = "later"
    VISION = "vision"


CLOSED = (Status.DONE, Status.DROPPED)
NEEDS_OWNER = (Status.COMMITTED, Status.IN_PROGRESS)
CONFIDENCE_WORDS = ("low", "medium", "high")


def _window(value: Any) -> Window:
    try:
        return parse_window(value)
    except WindowError as e:
        raise ValueError(str(e)) from None


def _day(value: Any) -> Window:
    window = _window(value)
    if window.granularity != "day":
        raise ValueError(f"'{window.text}' is not an exact date: write YYYY-MM-DD")
    return window


def _estimate(value: Any, info: Any) -> Estimate:
    sizes = (info.context or {}).get("sizes", DEFAULT_SIZES)
    try:
        return parse_estimate(value, sizes)
    except EstimateError as e:
        raise ValueError(str(e)) from None


def _text_list(value: Any) -> Any:
    if isinstance(value, str):
        raise ValueError(f"must be a list, e.g. [{value}]")
    return value


WindowField = Annotated[Window, BeforeValidator(_window)]
DayField = Annotated[Window, BeforeValidator(_day)]
EstimateField = Annotated[Estimate, BeforeValidator(_estimate)]
TextList = Annotated[tuple[str, ...], BeforeValidator(_text_list)]


class PlanFields(BaseModel):
    """The frontmatter fields of a plan (the SPEC's table)."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True, str_strip_whitespace=True)

    title: str
    status: Status
    owner: str | None = None
    horizon: Lane | None = None
    target: WindowField | None = None
    estimate: EstimateField | None = None
    deadline: DayField | None = None
    deadline_reason: str | None = None
    appetite: EstimateField | None = None
    confidence: str | float | None = None
    depends_on: TextList = ()
    tags: TextList = ()
    reviewed: DayField | None = None

    @field_validator("title")
    @classmethod
    def _title_not_empty(cls, value: str) -> str:
        if not value:
            raise ValueError("title is empty")
        return value

    @field_validator("confidence")
    @classmethod
    def _confidence_scale(cls, value: str | float | None) -> str | float | None:
        if isinstance(value, str):
            word = value.strip().lower()
            if word in CONFIDENCE_WORDS:
                return word
            if word.endswith("%") and word[:-1].strip().isdigit() and 0 <= int(word[:-1]) <= 100:
                return int(word[:-1]) / 100
            raise ValueError(f"'{value}' is not a confidence: write low, medium, high, 0.7 or 70%")
        if isinstance(value, float | int) and not 0 <= value <= 1:
            raise ValueError(f"{value} is not a confidence between 0 and 1")
        return value


FIELD_NAMES = tuple(PlanFields.model_fields)
MAX_UNKNOWN_REPORTED = 10  # a file with thousands of unknown keys is not a plan: say so once
_TEXT_FIELDS = ("target", "deadline", "reviewed", "estimate", "appetite")


@dataclass(frozen=True, slots=True)
class Plan:
    """A validated plan, the spans of its fields, and where it came from."""

    plan_id: str
    path: str
    fields: PlanFields
    invalid: frozenset[str] = frozenset()  # fields given but not valid (reported by schema)
    spans: Mapping[str, Span] = field(default_factory=dict)
    key_spans: Mapping[str, Span] = field(default_factory=dict)
    item_spans: Mapping[str, tuple[Span, ...]] = field(default_factory=dict)

    def span(self, name: str) -> Span:
        return self.spans.get(name, Span.point(1))

    @property
    def closed(self) -> bool:
        return self.fields.status in CLOSED


def build_plan(
    plan_id: str, path: str, document: Document, sizes: Mapping[str, str] = DEFAULT_SIZES
) -> tuple[Plan | None, list[Problem]]:
    """Validate a document's fields. The plan is None when title or status is unusable."""
    if not document.has_frontmatter or (document.problems and not document.fields):
        return None, []
    raw: dict[str, Any] = {}
    spans: dict[str, Span] = {}
    key_spans: dict[str, Span] = {}
    item_spans: dict[str, tuple[Span, ...]] = {}
    refused = {f.key for f in document.fields if f.value.kind == REFUSED}
    for f in document.fields:
        if f.key not in refused:
            raw[f.key] = _input(f.key, f.value)
        spans[f.key] = f.value.span
        key_spans[f.key] = f.key_span
        if f.value.kind == "seq":
            item_spans[f.key] = tuple(item.span for item in f.value.data)
    head = Span(1, 1, 1, 4)
    problems: list[Problem] = []
    context = {"sizes": sizes}
    bad: set[str] = set(refused)
    try:
        fields = PlanFields.model_validate(raw, context=context)
    except ValidationError as e:
        unknown = 0
        for error in e.errors(include_url=False):
            key = str(error["loc"][0]) if error["loc"] else ""
            if key in refused:
                continue  # its tag was already reported
            bad.add(key)
            if error["type"] == "extra_forbidden":
                unknown += 1
                if unknown > MAX_UNKNOWN_REPORTED:
                    continue
            problems.append(_problem(error, raw, spans, key_spans, item_spans, head))
        if unknown > MAX_UNKNOWN_REPORTED:
            extra = unknown - MAX_UNKNOWN_REPORTED
            problems.append(Problem(head, f"and {extra} more unknown fields: is this file a plan?"))
        if bad & {"title", "status"} or "title" not in raw or "status" not in raw:
            return None, problems
        # Check what is valid even when a field is not: one typo should not hide the rest.
        good = {k: v for k, v in raw.items() if k not in bad}
        try:
            fields = PlanFields.model_validate(good, context=context)
        except ValidationError:
            return None, problems
    plan = Plan(plan_id, path, fields, frozenset(bad), spans, key_spans, item_spans)
    problems.extend(_consistency(plan, head))
    return plan, problems


def _input(key: str, value: Value) -> Any:
    """What the model sees: windows and estimates as written, not as YAML typed them."""
    if key in _TEXT_FIELDS and value.kind in ("str", "int", "float", "timestamp"):
        return value.text
    if key in ("title", "owner", "deadline_reason") and value.kind == "timestamp":
        return value.data  # a date where text belongs is a wrong type, not a string
    return value.plain()


def _consistency(plan: Plan, head: Span) -> list[Problem]:
    f = plan.fields
    problems = []
    if f.status in NEEDS_OWNER and not f.owner and "owner" not in plan.invalid:
        problems.append(Problem(plan.span("status"), f"a {f.status} plan needs an owner: add 'owner: TEAM-OR-PERSON'"))
    if f.horizon is None and f.target is None and not plan.invalid & {"horizon", "target"}:
        problems.append(Problem(head, "a plan needs a horizon (now, next, later, vision) or a target window"))
    return problems


_TYPE_NAMES = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "a mapping"}


def _problem(
    error: Any,
    raw: Mapping[str, Any],
    spans: Mapping[str, Span],
    key_spans: Mapping[str, Span],
    item_spans: Mapping[str, tuple[Span, ...]],
    head: Span,
) -> Problem:
    loc = error["loc"]
    key = str(loc[0]) if loc else ""
    kind = error["type"]
    if kind == "missing":
        return Problem(head, f"missing required field '{key}'")
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(key, FIELD_NAMES, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f"; fields are {', '.join(FIELD_NAMES)}"
        return Problem(key_spans.get(key, head), f"unknown field '{key}'{hint}")
    span = spans.get(key, head)
    if len(loc) > 1 and isinstance(loc[1], int) and key in item_spans and loc[1] < len(item_spans[key]):
        span = item_spans[key][loc[1]]
    value = raw.get(key)
    if kind == "enum":
        choices = [m.value for m in (Status if key == "status" else Lane)]
        close = difflib.get_close_matches(str(value).lower(), choices, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return Problem(span, f"{key} '{value}' is not one of {', '.join(choices)}{hint}")
    message = str(error["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    elif kind.endswith("_type") or kind == "tuple_type":
        got = _TYPE_NAMES.get(type(value), type(value).__name__)
        if len(loc) > 1:
            message = f"{key} must be a list of text; item {int(loc[1]) + 1} is not"
        else:
            message = f"{key} must be {'text' if kind == 'string_type' else kind.removesuffix('_type')}, not {got}"
            if kind == "string_type" and not isinstance(value, list | dict):
                message += " (put it in quotes)"
        return Problem(span, message)
    return Problem(span, f"{key}: {message}")
