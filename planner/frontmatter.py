"""Frontmatter with positions: split `---` blocks off a text, compose YAML, keep every span.

YAML is composed (not loaded) with PyYAML's C parser, then turned into values here, so
each key and value keeps its own line and column, duplicate keys are seen, unknown tags
are refused instead of constructed, and aliases cannot multiply work without bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from planner.diagnostics import Problem, Span
from planner.flatyaml import read_flat

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML without libyaml: slower, same results
    _Loader = yaml.SafeLoader

MAX_FRONTMATTER_CHARS = 256 * 1024
MAX_VALUES = 10_000
MAX_DEPTH = 64
REFUSED = "refused"  # the kind of a value whose YAML tag was refused (already reported)

_OPEN = re.compile(r"---[ \t]*\r?(?:\n|\Z)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_TAG = "tag:yaml.org,2002:"
_UNCLOSED_CONTEXTS = ("while parsing a flow", "while scanning a quoted scalar", "while scanning a block scalar")
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALAR_KINDS = {
    _TAG + "str": "str",
    _TAG + "int": "int",
    _TAG + "float": "float",
    _TAG + "bool": "bool",
    _TAG + "null": "null",
    _TAG + "timestamp": "timestamp",
}


@dataclass(frozen=True, slots=True)
class Value:
    """A YAML value with its source span. `text` is the scalar as written (quotes removed)."""

    data: Any  # str | int | float | bool | None | date | list[Value] | dict[str, Value]
    text: str
    kind: str  # str int float bool null timestamp seq map, or REFUSED
    span: Span

    def plain(self) -> Any:
        """The value as plain Python, for validation."""
        if self.kind == "seq":
            return [item.plain() for item in self.data]
        if self.kind == "map":
            return {key: item.plain() for key, item in self.data.items()}
        return self.data


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    key_span: Span
    value: Value


@dataclass(frozen=True, slots=True)
class Document:
    """A Markdown file split into its frontmatter fields and its body."""

    fields: tuple[Field, ...]
    problems: tuple[Problem, ...]
    has_frontmatter: bool
    body: str
    body_line: int  # 1-based line of the body's first line
    exact: bool = True  # False: read by the fast path; re-read exactly if fields are invalid

    def field(self, key: str) -> Field | None:
        for f in self.fields:
            if f.key == key:
                return f
        return None


def parse_document(text: str, exact: bool = False) -> Document:
    """Split and parse. Problems come back as values; this never raises on any text.

    `exact` skips the fast path (see `fast_fields`): for re-reading a file whose fields
    did not validate, so every problem gets the composer's exact span.
    """
    opening = _OPEN.match(text)
    if opening is None:
        first = text.split("\n", 1)[0].strip()
        if first == "+++":
            message = "TOML frontmatter (+++) is not supported: write YAML between --- lines"
        else:
            message = (
                "no frontmatter: a plan starts with a --- line, then YAML fields "
                "(title, status, horizon or target), then a --- line"
            )
        return Document((), (Problem(Span.point(1), message),), False, text, 1)
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        problem = Problem(Span(1, 1, 1, 4), "frontmatter opened here is never closed: add a --- line after the fields")
        return Document((), (problem,), True, "", 1)
    yaml_text = text[opening.end() : closing.start()]
    body_start = text.find("\n", closing.end())
    body = "" if body_start < 0 else text[body_start + 1 :]
    close_line = text.count("\n", 0, closing.start()) + 1
    if not exact:
        fast = fast_fields(yaml_text, first_line=2)
        if fast is not None:
            return Document(fast, (), True, body, close_line + 1, exact=False)
    fields, problems = parse_fields(yaml_text, first_line=2)
    return Document(fields, tuple(problems), True, body, close_line + 1)


def fast_fields(yaml_text: str, first_line: int) -> tuple[Field, ...] | None:
    """Fields of a flat frontmatter read by the fast path (see flatyaml), else None."""
    if len(yaml_text) > MAX_FRONTMATTER_CHARS:
        return None
    entries = read_flat(yaml_text, first_line)
    if entries is None:
        return None
    fields = []
    for key, key_span, data, text, kind, span in entries:
        if kind == "seq":
            data = [Value(*item) for item in data]
        fields.append(Field(key, key_span, Value(data, text, kind, span)))
    return tuple(fields)


_TOO_DEEP = f"values are nested more than {MAX_DEPTH} levels deep"


def _flow_too_deep(yaml_text: str) -> tuple[int, int] | None:
    """Where brackets (`[[[...`, `{{...`) first nest deeper than MAX_DEPTH, outside quotes and
    comments, as a 0-based line and column; None when they do not."""
    if yaml_text.count("[") + yaml_text.count("{") <= MAX_DEPTH:
        return None
    depth, quote = 0, ""  # a flow may span lines
    for line_number, line in enumerate(yaml_text.split("\n")):
        for column, char in enumerate(line):
            if quote:
                if char == quote:
                    quote = ""
            elif char in "'\"":
                quote = char
            elif char == "#" and (column == 0 or line[column - 1] in " \t"):
                break
            elif char in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    return line_number, column
            elif char in "]}":
                depth -= 1
    return None


def parse_fields(yaml_text: str, first_line: int) -> tuple[tuple[Field, ...], list[Problem]]:
    """Compose `yaml_text` (whose first line is `first_line` of the file) into fields."""
    if len(yaml_text) > MAX_FRONTMATTER_CHARS:
        size = len(yaml_text) // 1024
        return (), [Problem(Span.point(first_line), f"frontmatter is {size} KB; planner reads at most 256 KB")]
    too_deep = _flow_too_deep(yaml_text)
    if too_deep is not None:
        # Said here, not left to libyaml: whether it refuses deep flows, and how, depends on its version.
        line, column = too_deep
        return (), [Problem(Span.point(first_line + line, column + 1), _TOO_DEEP)]
    try:
        root = yaml.compose(yaml_text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        opened = e.context_mark is not None and (e.context or "").startswith(_UNCLOSED_CONTEXTS)
        if opened or (mark is not None and mark.line >= yaml_text.count("\n")):
            mark = e.context_mark or mark  # an unclosed bracket or quote: point where it opened
        line, column = (mark.line, mark.column) if mark is not None else (0, 0)
        detail = f"{e.problem}" + (f" ({e.context})" if e.context else "")
        return (), [Problem(Span.point(first_line + line, column + 1), f"invalid YAML: {detail}")]
    except yaml.YAMLError as e:  # a reader error: a character YAML does not allow
        position = getattr(e, "position", 0)
        character = getattr(e, "character", None)
        if isinstance(character, int) and 0 <= character < 0x110000 and chr(character) in yaml_text:
            # libyaml counts bytes, not characters: find the character YAML refused instead.
            position = yaml_text.index(chr(character))
        position = min(max(position, 0), len(yaml_text))
        line = yaml_text.count("\n", 0, position)
        column = position - (yaml_text.rfind("\n", 0, position) + 1)
        reason = getattr(e, "reason", str(e))
        return (), [Problem(Span.point(first_line + line, column + 1), f"invalid YAML: {reason}")]
    except RecursionError:
        return (), [Problem(Span.point(first_line), "invalid YAML: nested too deeply")]
    if root is None:
        return (), []
    builder = _Builder(first_line)
    if not isinstance(root, yaml.MappingNode):
        shape = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
        span = builder.span(root)
        return (), [Problem(span, f"frontmatter is {shape}, not a mapping of fields like 'title: ...'")]
    fields: list[Field] = []
    seen: dict[str, Span] = {}
    for key_node, value_node in root.value:
        key = builder.key(key_node)
        if key is None:
            continue
        key_span = builder.span(key_node)
        value = builder.value(value_node, depth=1)
        if value is None:
            break
        if key in seen:
            first = seen[key]
            builder.problems.append(Problem(key_span, f"duplicate key '{key}' (first at line {first.line}); keep one"))
            continue
        seen[key] = key_span
        fields.append(Field(key, key_span, value))
    if builder.budget < 0:
        return (), builder.problems[-1:]  # past the budget, nothing else it says is worth reading
    return tuple(fields), builder.problems


class _Builder:
    """Turns composed nodes into Values, with a budget so aliases cannot explode."""

    def __init__(self, first_line: int) -> None:
        self.first_line = first_line
        self.budget = MAX_VALUES
        self.problems: list[Problem] = []

    def span(self, node: yaml.Node) -> Span:
        start, end = node.start_mark, node.end_mark
        return Span(self.first_line + start.line, start.column + 1, self.first_line + end.line, end.column + 1)

    def key(self, node: yaml.Node) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag in (
            _TAG + "str",
            _TAG + "int",
            _TAG + "bool",
            _TAG + "null",
            _TAG + "float",
            _TAG + "timestamp",
        ):
            return str(node.value)
        self.problems.append(Problem(self.span(node), "a key must be a plain word like 'title'"))
        return None

    def value(self, node: yaml.Node, depth: int) -> Value | None:
        self.budget -= 1
        if self.budget < 0:
            if self.budget == -1:
                self.problems.append(
                    Problem(
                        self.span(node),
                        f"frontmatter has more than {MAX_VALUES} values "
                        "(counting what aliases repeat): too many for a plan",
                    )
                )
            return None
        span = self.span(node)
        if depth > MAX_DEPTH:
            self.problems.append(Problem(span, _TOO_DEEP))
            return None
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, span)
        if not isinstance(node, yaml.ScalarNode) and node.tag not in (_TAG + "seq", _TAG + "map"):
            tag = node.tag.replace(_TAG, "!!")
            self.problems.append(Problem(span, f"YAML tag {tag} is not allowed in a plan; write plain values"))
            return Value(None, "", REFUSED, span)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for item in node.value:
                value = self.value(item, depth + 1)
                if value is None:
                    return None
                items.append(value)
            if any(item.kind == REFUSED for item in items):
                return Value(None, "", REFUSED, span)
            return Value(items, "", "seq", span)
        if isinstance(node, yaml.MappingNode):
            mapping: dict[str, Value] = {}
            for key_node, value_node in node.value:
                key = self.key(key_node)
                value = self.value(value_node, depth + 1)
                if value is None:
                    return None
                if key is not None:
                    mapping[key] = value
            if any(item.kind == REFUSED for item in mapping.values()):
                return Value(None, "", REFUSED, span)
            return Value(mapping, "", "map", span)
        return Value(None, "", "null", span)  # pragma: no cover - PyYAML has three node types

    def _scalar(self, node: yaml.ScalarNode, span: Span) -> Value:
        if (
            node.style in ("'", '"')
            and span.line == span.end_line
            and span.end_column - span.column - 2 == len(node.value)
        ):
            # Point inside the quotes, so a fix replaces the text and keeps the quoting.
            span = Span(span.line, span.column + 1, span.end_line, span.end_column - 1)
        kind = _SCALAR_KINDS.get(node.tag)
        if kind is None:
            tag = node.tag.replace(_TAG, "!!")
            self.problems.append(Problem(span, f"YAML tag {tag} is not allowed in a plan; write plain values"))
            return Value(None, "", REFUSED, span)
        if kind == "str":
            return Value(node.value, node.value, kind, span)
        try:
            # Called directly: construct_object would cache every node for the process's life.
            data = _CONSTRUCTOR.yaml_constructors[node.tag](_CONSTRUCTOR, node)
        except (ValueError, OverflowError, yaml.YAMLError):
            data = node.value  # e.g. 2027-02-30: the window grammar explains what is wrong
        return Value(data, node.value, kind, span)
