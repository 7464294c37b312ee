"""planner on Markdown it did not write: other projects' documents and proposal formats.

Zero crashes, and a file in another format is reported clearly (which fields are
unknown, which are missing) rather than half-understood.
"""

from __future__ import annotations

import json
import shutil
import sysconfig
from pathlib import Path

import pytest

from planner.cli import main

KEP = """---
title: Graceful node shutdown
kep-number: 2000
authors:
  - "@alice"
  - "@bob"   # co-author
owning-sig: sig-node
participating-sigs:
  - sig-api-machinery
status: implementable
creation-date: 2016-12-20
last-updated: 12/20/2016
reviewers: ["@carol"]
approvers: ["@dave"]
see-also:
  - "/keps/sig-node/1234"
status: implemented
---

# Graceful node shutdown

## Summary

Proposed on 2016-12-20 (12/20/2016 in the old tracker); alpha in v1.20, beta in v1.21.
The kubelet waits 30 seconds; 3 retries at most; see KEP-1234 and section 4.2.

## Graduation criteria

- Alpha: 2 releases of soak.
- Beta: no regressions for 2 weeks.
"""

PEP = """---
PEP: 9999
Title: A planner-friendly date format
Author: Jane Doe <jane@example.org>
Status: Draft
Type: Standards Track
Created: 01-Apr-2027
Python-Version: 3.14
---

Abstract
========

Something for 2027.
"""

RFC_NO_FRONTMATTER = """# RFC 42: Moving the build to a new CI

* Start date: 2027-03-14
* Owners: build team

We plan to switch on 14 March 2027 and keep the old CI until Q2 2027.
"""


def installed_markdown() -> list[Path]:
    """Markdown files that installed packages ship (READMEs, licences, guides)."""
    root = Path(sysconfig.get_paths()["purelib"])
    return sorted(p for p in root.rglob("*.md") if p.is_file())


def run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(args)
    return code, json.loads(capsys.readouterr().out)


def test_markdown_shipped_by_installed_packages(tmp_path, monkeypatch, capsys):
    found = installed_markdown()
    assert len(found) >= 10, "the test dependencies ship Markdown files"
    plans = tmp_path / "plans"
    for i, path in enumerate(found):
        target = plans / f"{i:03d}-{path.parent.name}" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    monkeypatch.chdir(tmp_path)
    code, report = run_json(["check", "--as-of", "2026-11-24", "--format", "json"], capsys)
    assert code in (0, 1)
    assert report["files_checked"] == len(found)
    reported = {d["path"] for d in report["diagnostics"] if d["rule"] == "schema"}
    assert len(reported) == len(found)  # none of them is a plan, and each one is told so
    code, scan = run_json(["scan", "--as-of", "2026-11-24", "--format", "json"], capsys)
    assert code in (0, 1) and isinstance(scan["mentions"], list)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("kep.md", KEP, ["unknown field 'kep-number'", "duplicate key 'status' (first at line 10)"]),
        ("pep.md", PEP, ["unknown field 'PEP'", "missing required field 'title'"]),
        ("rfc.md", RFC_NO_FRONTMATTER, ["no frontmatter"]),
    ],
)
def test_other_proposal_formats_are_reported_clearly(tmp_path, monkeypatch, capsys, name, text, expected):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, report = run_json(["check", "--as-of", "2026-11-24", "--format", "json"], capsys)
    assert code == 1
    messages = [d["message"] for d in report["diagnostics"]]
    for fragment in expected:
        assert any(fragment in m for m in messages), messages
    assert all(d["line"] >= 1 for d in report["diagnostics"])
