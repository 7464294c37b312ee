"""Load: find plan files, read bytes, decode them, split off the frontmatter."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from planner.diagnostics import Problem, Span
from planner.frontmatter import Document, parse_document

if TYPE_CHECKING:
    from planner.model import Plan

MAX_FILE_BYTES = 16 * 1024 * 1024
# A byte-order mark, the codec that decodes a file starting with it, and the codec that
# encodes text to put after it (fix writes files back byte for byte with these).
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class PlanFile:
    """Where a plan lives: its file, the path shown to users, and its id."""

    file: Path
    path: str  # as shown in diagnostics: relative to the working directory, with /
    plan_id: str  # path under plans/ without .md


@dataclass(frozen=True, slots=True)
class Source:
    location: PlanFile
    text: str
    encoding: str
    document: Document

    @property
    def path(self) -> str:
        return self.location.path


def discover(paths: Iterable[str], cwd: Path) -> Iterator[PlanFile]:
    """Every `.md` file under `paths`, sorted, each once; symlink loops are not followed twice."""
    seen: set[str] = set()
    base_cwd = os.path.abspath(cwd)
    for raw in paths:
        root = os.path.normpath(os.path.join(base_cwd, raw))
        if os.path.isfile(root):
            candidates: Iterable[str] = [root]
            base = _plans_root(root) or os.path.dirname(root)
        elif os.path.isdir(root):
            candidates = _walk(root)
            base = _plans_root(root) or root
        else:
            raise FileNotFoundError(raw)
        for file in candidates:
            if file in seen:
                continue
            seen.add(file)
            yield PlanFile(Path(file), _relative(file, base_cwd), os.path.splitext(_relative(file, base))[0])


def _walk(root: str) -> list[str]:
    visited: set[tuple[int, int]] = set()
    stack = [root]
    found: list[str] = []
    while stack:
        folder = stack.pop()
        try:
            info = os.stat(folder)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in visited:
            continue  # a symlink loop, or the same folder twice
        visited.add((info.st_dev, info.st_ino))
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    stack.append(entry.path)
                elif entry.name.endswith(".md") and entry.is_file():
                    found.append(entry.path)
            except OSError:
                continue
    found.sort(key=lambda p: p.replace(os.sep, "/"))
    return found


def _plans_root(path: str) -> str | None:
    """The nearest folder named `plans` at or above `path`: plan ids are relative to it."""
    head = path
    while True:
        if os.path.basename(head) == "plans":
            return head
        parent = os.path.dirname(head)
        if parent == head:
            return None
        head = parent


def _relative(path: str, base: str) -> str:
    """`path` relative to `base` with / separators, or `path` itself when outside it."""
    prefix = base.rstrip(os.sep) + os.sep
    if path.startswith(prefix):
        path = path[len(prefix) :]
    return path.replace(os.sep, "/")


def load_source(location: PlanFile) -> Source:
    """Read and parse one file. Every failure becomes a Problem; nothing here raises."""
    try:
        with open(location.file, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > MAX_FILE_BYTES:
                mb = MAX_FILE_BYTES // (1024 * 1024)
                return _unreadable(location, f"file is {size // (1024 * 1024)} MB; planner reads at most {mb} MB")
            data = f.read()
    except OSError as e:
        return _unreadable(location, f"cannot read file: {e.strerror or e}")
    return source_from_bytes(location, data)


def plan_of(source: Source, sizes: Mapping[str, str]) -> tuple[Source, Plan | None, list[Problem]]:
    """The plan a source holds. Fields the fast reader read are validated; where that finds
    problems, the file is read again exactly (positions, duplicates) and validated again."""
    from planner.model import build_plan  # here: finding files must not import pydantic

    plan, problems = build_plan(source.location.plan_id, source.path, source.document, sizes)
    if problems and not source.document.exact:
        source = replace(source, document=parse_document(source.text, exact=True))
        plan, problems = build_plan(source.location.plan_id, source.path, source.document, sizes)
    return source, plan, problems


def source_from_bytes(location: PlanFile, data: bytes) -> Source:
    text, encoding, problem = decode(data)
    if problem is not None:
        return Source(location, "", encoding, Document((), (problem,), False, "", 1))
    return Source(location, text, encoding, parse_document(text))


def decode(data: bytes) -> tuple[str, str, Problem | None]:
    """Text, the encoding to write it back with, or a Problem saying where decoding failed."""
    for bom, encoding, _ in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, None
            except UnicodeDecodeError:
                return (
                    "",
                    encoding,
                    Problem(Span.point(1), f"file starts with a {encoding} byte-order mark but is not {encoding}"),
                )
    if b"\x00" in data[:8192]:
        return "", "binary", Problem(Span.point(1), "binary file (it contains NUL bytes), not a Markdown plan")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        line_start = data.rfind(b"\n", 0, e.start) + 1
        column = len(data[line_start : e.start].decode("utf-8", "replace")) + 1
        byte = data[e.start]
        return (
            "",
            "unknown",
            Problem(
                Span.point(line, column),
                f"not UTF-8: byte 0x{byte:02X} at line {line}, column {column}; save the file as UTF-8",
            ),
        )


def _unreadable(location: PlanFile, message: str) -> Source:
    return Source(location, "", "unknown", Document((), (Problem(Span.point(1), message),), False, "", 1))
