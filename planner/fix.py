"""Fix: apply the fixes diagnostics carry, as text edits on their exact spans, atomically.

Everything outside the fixed ranges stays byte for byte: comments, key order, quoting,
blank lines, line endings and the byte-order mark. Fixes are applied in passes (a fix can
make room for another) until nothing changes; a pass that would make the file unreadable
is not applied. Fixes are generic: any rule's Fix, in frontmatter or body, is applied the
same way, by span.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from planner.atomic import write_bytes
from planner.config import Config
from planner.diagnostics import Diagnostic
from planner.engine import check_source
from planner.fingerprint import LineIndex
from planner.frontmatter import parse_document
from planner.load import BYTE_ORDER_MARKS, PlanFile, Source, source_from_bytes
from planner.rules import RuleContext

MAX_PASSES = 10


@dataclass(frozen=True, slots=True)
class FileFix:
    """What fixing one file did (or would do, for --diff)."""

    location: PlanFile
    before: bytes
    after: bytes
    applied: tuple[Diagnostic, ...] = ()
    remaining: tuple[Diagnostic, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def changed(self) -> bool:
        return self.after != self.before

    def diff(self) -> str:
        return unified_diff(self.location.path, _decode(self.before), _decode(self.after))


def fix_file(location: PlanFile, config: Config, ctx: RuleContext, unsafe: bool) -> FileFix:
    """Compute the fixed bytes of one file. Reads, never writes."""
    try:
        data = location.file.read_bytes()
    except OSError as e:
        return FileFix(location, b"", b"", notes=(f"cannot read: {e.strerror or e}",))
    source = source_from_bytes(location, data)
    checked = check_source(source, config, ctx)
    encoder = _encoder(data, source)
    if encoder is None:
        return FileFix(
            location, data, data, remaining=checked.diagnostics, notes=_unfixable(checked.diagnostics, unsafe)
        )
    applied: list[Diagnostic] = []
    notes: list[str] = []
    for _ in range(MAX_PASSES):
        wanted = [d for d in checked.diagnostics if d.fix is not None and (d.fix.safe or unsafe)]
        text = apply_edits(source, wanted)
        if text == source.text:
            break
        candidate = Source(location, text, source.encoding, parse_document(text))
        after = check_source(candidate, config, ctx)
        broken = _new_schema_problems(checked.diagnostics, after.diagnostics)
        if broken:
            notes.append(f"fix not applied: it would cause {broken[0].message!r} at line {broken[0].span.line}")
            break
        applied.extend(d for d in wanted if d not in after.diagnostics)
        source, checked = candidate, after
    result = encoder(source.text)
    return FileFix(location, data, result, tuple(applied), checked.diagnostics, tuple(notes))


def apply_edits(source: Source, diagnostics: Iterable[Diagnostic]) -> str:
    """The text with each fix's replacement put in its span. Overlapping fixes wait a pass."""
    index = LineIndex(source.text)
    edits: list[tuple[int, int, str]] = []
    for d in sorted(diagnostics, key=lambda d: d.span):
        assert d.fix is not None
        bounds = index.span_range(d.span)
        if bounds is None:
            continue
        start, end = bounds
        if edits and start < edits[-1][1]:
            continue
        original = source.text[start:end]
        replacement = d.fix.replacement
        if d.span.end_line < source.document.body_line:
            replacement = _keep_yaml_quotes(original, replacement)
        if replacement != original:
            edits.append((start, end, replacement))
    text = source.text
    for start, end, replacement in reversed(edits):
        text = text[:start] + replacement + text[end:]
    return text


def write_fix(fixed: FileFix) -> None:
    """Write the fixed bytes, unless the file changed since it was read."""
    current = fixed.location.file.read_bytes()
    if current != fixed.before:
        from planner.errors import PlannerError

        raise PlannerError(f"{fixed.location.path}: changed while planner fix ran; run it again")
    write_bytes(fixed.location.file, fixed.after, label=fixed.location.path)


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _keep_yaml_quotes(original: str, replacement: str) -> str:
    """A quoted YAML scalar stays quoted in the same style."""
    if len(original) >= 2 and original[0] == original[-1] == '"':
        return '"' + replacement.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if len(original) >= 2 and original[0] == original[-1] == "'":
        return "'" + replacement.replace("'", "''") + "'"
    return replacement


def _encoder(data: bytes, source: Source) -> Callable[[str], bytes] | None:
    """A function that turns text back into bytes exactly as the file had them, or None."""
    if source.encoding not in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
        return None  # unreadable, binary or not UTF: nothing to fix safely
    bom, codec = b"", "utf-8"
    for mark, _, name in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            bom, codec = mark, name
            break

    def encode(text: str) -> bytes:
        return bom + text.encode(codec)

    try:
        if encode(source.text) != data:
            return None  # decoding was not lossless: writing back would change bytes we did not fix
    except UnicodeEncodeError:
        return None
    return encode


def _decode(data: bytes) -> str:
    from planner.load import decode

    text, _, _ = decode(data)
    return text


def _new_schema_problems(before: Sequence[Diagnostic], after: Sequence[Diagnostic]) -> list[Diagnostic]:
    old = Counter(d.message for d in before if d.rule == "schema")
    new = []
    for d in after:
        if d.rule == "schema":
            if old[d.message] > 0:
                old[d.message] -= 1
            else:
                new.append(d)
    return new


def _unfixable(diagnostics: Sequence[Diagnostic], unsafe: bool) -> tuple[str, ...]:
    if any(d.fix is not None and (d.fix.safe or unsafe) for d in diagnostics):
        return ("not fixed: the file's encoding cannot be written back byte for byte",)
    return ()


def fix_paths(files: Iterable[PlanFile], config: Config, ctx: RuleContext, unsafe: bool) -> list[FileFix]:
    return [fix_file(location, config, ctx, unsafe) for location in files]
