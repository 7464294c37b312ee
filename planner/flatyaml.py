"""The fast path for the common frontmatter: a column of one-line `key: value` entries.

Most plans look like that. For them, one pass over the lines gives keys, values and exact
spans without building a YAML node graph. Scalars are typed by PyYAML's own implicit
resolver table (YAML 1.1: `yes` is a boolean, `2027` an int, `2027-03-14` a date), so the
values are the ones `yaml.safe_load` gives. Anything outside the subset (indentation,
anchors, tags, escapes, flow mappings, floats, multi-line values, duplicate keys, odd
characters) returns None and the caller takes the exact composer path instead; tests
compare both paths on generated input.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import yaml

from planner.diagnostics import Span

_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
_TAG = "tag:yaml.org,2002:"
_BOOLS = yaml.constructor.SafeConstructor.bool_values
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+|$)")
_PLAIN_END = re.compile(r"[ \t]+#|[ \t]*$")
_SIMPLE_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Characters that YAML refuses, or that change how a line reads: leave those to libyaml.
_UNSAFE_CHARS = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
# A plain scalar may not start with an indicator, nor contain ": " or " #" inside.
_PLAIN_START_FORBIDDEN = frozenset("-?:,[]{}#&*!|>'\"%@`")

Entry = tuple[str, Span, Any, str, str, Span]  # key, key span, data, text, kind, value span


def read_flat(yaml_text: str, first_line: int) -> list[Entry] | None:
    """Entries for a flat frontmatter, or None when it is not one this reader is sure of."""
    if _UNSAFE_CHARS.search(yaml_text):
        return None
    entries: list[Entry] = []
    seen: set[str] = set()
    number = first_line - 1
    for line in yaml_text.split("\n"):
        number += 1
        if line.endswith("\r"):
            line = line[:-1]
        if not line or line[0] == "#" or line.isspace():
            continue
        m = _KEY.match(line)
        if m is None:
            return None
        key = m[1]
        if key in seen or _resolve(key) != "str":
            return None
        seen.add(key)
        value = _value(line, m.end(), number)
        if value is None:
            return None
        entries.append((key, Span(number, 1, number, len(key) + 1), *value))
    return entries


def _value(line: str, start: int, number: int) -> tuple[Any, str, str, Span] | None:
    rest = line[start:]
    if not rest or rest[0] == "#":
        return None  # an empty value: rare, and its span is the composer's to give
    first = rest[0]
    if first == "'" or first == '"':
        end = rest.find(first, 1)
        if end < 0:
            return None
        inner = rest[1:end]
        after = rest[end + 1 :].strip()
        if "\\" in inner or (after and not after.startswith("#")) or rest[end + 1 : end + 2] == first:
            return None
        return inner, inner, "str", Span(number, start + 2, number, start + 2 + len(inner))
    if first == "[":
        return _flow_list(rest, start, number)
    if first in _PLAIN_START_FORBIDDEN:
        return None
    text = rest[: _PLAIN_END.search(rest).start()]  # type: ignore[union-attr]
    scalar = _scalar(text)
    if scalar is None:
        return None
    return scalar[0], text, scalar[1], Span(number, start + 1, number, start + 1 + len(text))


def _flow_list(rest: str, start: int, number: int) -> tuple[Any, str, str, Span] | None:
    end = rest.find("]")
    after = rest[end + 1 :].strip()
    if end < 0 or (after and not after.startswith("#")):
        return None
    inside = rest[1:end]
    if any(c in inside for c in "[]{}'\"#&*!|>"):
        return None
    span = Span(number, start + 1, number, start + end + 2)
    items = []
    if inside.strip():
        for raw in inside.split(","):
            text = raw.strip()
            if not text or text[0] in _PLAIN_START_FORBIDDEN:
                return None
            scalar = _scalar(text)
            if scalar is None:
                return None
            items.append((scalar[0], text, scalar[1], span))
    return items, "", "seq", span


def _scalar(text: str) -> tuple[Any, str] | None:
    """A plain scalar's value and kind, as YAML 1.1 (PyYAML) types it; None if unsure."""
    if ": " in text or text.endswith(":") or " #" in text or "\t" in text:
        return None
    kind = _resolve(text)
    if kind == "str":
        return text, "str"
    if kind == "int" and _SIMPLE_INT.fullmatch(text):
        return int(text), "int"
    if kind == "bool":
        return _BOOLS[text.lower()], "bool"
    if kind == "null":
        return None, "null"
    if kind == "timestamp" and _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text), "timestamp"
        except ValueError:
            return text, "timestamp"  # 2027-02-30: the window grammar says what is wrong
    return None  # floats, sexagesimals, datetimes, merge keys: leave them to libyaml


def _resolve(text: str) -> str:
    for tag, regexp in _RESOLVERS.get(text[:1], ()):
        if regexp.match(text):
            return str(tag).removeprefix(_TAG)
    return "str"
