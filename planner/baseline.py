"""Baselines: adopt the gate on a repository full of old plans without fixing them first.

A baseline file records findings by rule, path (relative to the baseline file) and a
fingerprint of the offending text, never by line, so edits elsewhere keep it valid. It is
JSON, sorted, one finding per entry with the text it is about, so a diff reviews it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from planner.atomic import write_text
from planner.diagnostics import Diagnostic, Report
from planner.errors import PlannerError
from planner.fingerprint import fingerprints

FORMAT_VERSION = 1


class BaselineError(PlannerError):
    """The baseline file is missing or not a planner baseline."""


@dataclass(frozen=True, slots=True, order=True)
class Entry:
    path: str
    rule: str
    fingerprint: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class Applied:
    report: Report  # what is left once the baseline's findings are taken out
    ignored: int
    removable: tuple[Entry, ...]  # recorded, but no longer found


def entries_for(report: Report, baseline_file: Path, cwd: Path) -> list[Entry]:
    base = _folder(baseline_file, cwd)
    prints = fingerprints(report.diagnostics)
    return sorted(
        Entry(_relative(d.path, base, cwd), d.rule, fp, d.snippet)
        for d, fp in zip(report.diagnostics, prints, strict=True)
    )


def apply_baseline(report: Report, entries: Sequence[Entry], baseline_file: Path, cwd: Path) -> Applied:
    base = _folder(baseline_file, cwd)
    recorded = {(e.path, e.rule, e.fingerprint): e for e in entries}
    matched: set[tuple[str, str, str]] = set()
    kept: list[Diagnostic] = []
    for d, fp in zip(report.diagnostics, fingerprints(report.diagnostics), strict=True):
        key = (_relative(d.path, base, cwd), d.rule, fp)
        if key in recorded:
            matched.add(key)
        else:
            kept.append(d)
    removable = tuple(sorted(e for k, e in recorded.items() if k not in matched))
    filtered = replace(report, diagnostics=tuple(kept))
    return Applied(filtered, len(matched), removable)


def read_baseline(path: Path) -> list[Entry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline; create it with --update-baseline") from None
    except (OSError, UnicodeDecodeError) as e:
        raise BaselineError(f"{path}: cannot read baseline: {e}") from None
    except json.JSONDecodeError as e:
        raise BaselineError(f"{path}: not a planner baseline (invalid JSON at line {e.lineno})") from None
    if not isinstance(data, dict) or data.get("planner_baseline") != FORMAT_VERSION:
        raise BaselineError(f'{path}: not a planner baseline (expected "planner_baseline": {FORMAT_VERSION})')
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise BaselineError(f'{path}: "findings" must be a list')
    entries = []
    for i, item in enumerate(findings, 1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("path", "rule", "fingerprint")):
            raise BaselineError(f"{path}: finding {i} needs text fields path, rule and fingerprint")
        entries.append(Entry(item["path"], item["rule"], item["fingerprint"], str(item.get("text", ""))))
    return entries


def write_baseline(path: Path, entries: Sequence[Entry]) -> None:
    data: dict[str, Any] = {
        "planner_baseline": FORMAT_VERSION,
        "findings": [
            {"path": e.path, "rule": e.rule, "fingerprint": e.fingerprint, "text": e.text} for e in sorted(entries)
        ],
    }
    write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _folder(baseline_file: Path, cwd: Path) -> Path:
    absolute = baseline_file if baseline_file.is_absolute() else cwd / baseline_file
    return Path(os.path.abspath(absolute)).parent


def _relative(path: str, base: Path, cwd: Path) -> str:
    """A diagnostic's path relative to the baseline's folder, so any working directory agrees."""
    absolute = Path(os.path.abspath(Path(path) if Path(path).is_absolute() else cwd / path))
    return Path(os.path.relpath(absolute, base)).as_posix()
