"""Load: find plan files, read bytes, decode them, split off the frontmatter."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from planner.diagnostics import Problem, Span
from planner.frontmatter import Document, parse_document

MAX_FILE_BYTES = 16 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
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
    seen: set[Path] = set()
    for raw in paths:
        root = (cwd / raw) if not Path(raw).is_absolute() else Path(raw)
        if root.is_file():
            candidates: Iterable[Path] = [root]
            base = _plans_root(root) or root.parent
        elif root.is_dir():
            candidates = _walk(root)
            base = _plans_root(root) or root
        else:
            raise FileNotFoundError(raw)
        for file in candidates:
            real = file.resolve()
            if real in seen:
                continue
            seen.add(real)
            yield PlanFile(file, _display(file, cwd), _plan_id(file, base))


def _walk(root: Path) -> Iterator[Path]:
    visited: set[tuple[int, int]] = set()
    stack = [root]
    found: list[Path] = []
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
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
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError:
                continue
            if is_dir:
                stack.append(Path(entry.path))
            elif is_file and entry.name.endswith(".md"):
                found.append(Path(entry.path))
    return iter(sorted(found, key=lambda p: p.as_posix()))


def _plans_root(path: Path) -> Path | None:
    for folder in (path, *path.parents):
        if folder.name == "plans":
            return folder
    return None


def _plan_id(file: Path, base: Path) -> str:
    try:
        relative = file.relative_to(base)
    except ValueError:
        relative = Path(file.name)
    return relative.with_suffix("").as_posix()


def _display(file: Path, cwd: Path) -> str:
    try:
        return file.relative_to(cwd).as_posix()
    except ValueError:
        return file.as_posix()


def load_source(location: PlanFile) -> Source:
    """Read and parse one file. Every failure becomes a Problem; nothing here raises."""
    try:
        size = location.file.stat().st_size
        if size > MAX_FILE_BYTES:
            return _unreadable(location, f"file is {size // (1024 * 1024)} MB; planner reads at most 16 MB")
        data = location.file.read_bytes()
    except OSError as e:
        return _unreadable(location, f"cannot read file: {e.strerror or e}")
    return source_from_bytes(location, data)


def source_from_bytes(location: PlanFile, data: bytes) -> Source:
    text, encoding, problem = decode(data)
    if problem is not None:
        return Source(location, "", encoding, Document((), (problem,), False, "", 1))
    return Source(location, text, encoding, parse_document(text))


def decode(data: bytes) -> tuple[str, str, Problem | None]:
    """Text, the encoding to write it back with, or a Problem saying where decoding failed."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, None
            except UnicodeDecodeError:
                return "", encoding, Problem(Span.point(1), f"file starts with a {encoding} byte-order mark but is not {encoding}")
    if b"\x00" in data[:8192]:
        return "", "binary", Problem(Span.point(1), "binary file (it contains NUL bytes), not a Markdown plan")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        line_start = data.rfind(b"\n", 0, e.start) + 1
        column = len(data[line_start : e.start].decode("utf-8", "replace")) + 1
        byte = data[e.start]
        return "", "unknown", Problem(
            Span.point(line, column),
            f"not UTF-8: byte 0x{byte:02X} at line {line}, column {column}; save the file as UTF-8",
        )


def _unreadable(location: PlanFile, message: str) -> Source:
    return Source(location, "", "unknown", Document((), (Problem(Span.point(1), message),), False, "", 1))
