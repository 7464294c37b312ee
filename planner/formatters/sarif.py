"""SARIF 2.1.0 for GitHub code scanning: rule metadata from the rule docstrings, results
with relative locations, code-point columns and fingerprints that ignore line numbers.
"""

from __future__ import annotations

import json
import re
from types import ModuleType
from typing import Any
from urllib.parse import quote

from planner import PROJECT_URL, __version__
from planner.diagnostics import Diagnostic, Report
from planner.fingerprint import FINGERPRINT_VERSION, fingerprints

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
_SECTION = re.compile(r"^## (.+)$", re.MULTILINE)


def format_sarif(report: Report) -> str:
    from planner.rules import rules

    modules = rules()
    index = {m.NAME: i for i, m in enumerate(modules)}
    prints = fingerprints(report.diagnostics)
    results = [_result(d, index, fp) for d, fp in zip(report.diagnostics, prints, strict=True)]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "planner",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": PROJECT_URL,
                "rules": [rule_descriptor(m) for m in modules],
            }
        },
        "invocations": [
            {
                "executionSuccessful": True,
                "properties": {"asOf": report.as_of.isoformat(), "asOfSource": report.as_of_source},
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {
            "asOf": report.as_of.isoformat(),
            "asOfSource": report.as_of_source,
            "filesChecked": report.files_checked,
        },
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def rule_descriptor(module: ModuleType) -> dict[str, Any]:
    doc = (module.__doc__ or module.NAME).strip()
    short = doc.splitlines()[0].strip()
    sections = docstring_sections(doc)
    full = sections.get("What it does", short)
    why = sections.get("Why is this bad?")
    if why:
        full = f"{full}\n\n{why}"
    return {
        "id": module.NAME,
        "name": "".join(part.capitalize() for part in module.NAME.split("-")),
        "shortDescription": {"text": short},
        "fullDescription": {"text": " ".join(full.split())},
        "help": {"text": doc, "markdown": _markdown(doc)},
        "defaultConfiguration": {"level": str(module.DEFAULT_SEVERITY)},
        "properties": {"tags": ["planning", "false-precision"]},
    }


def docstring_sections(doc: str) -> dict[str, str]:
    """`## Heading` sections of a rule docstring, by heading."""
    parts = _SECTION.split(doc)
    return {parts[i].strip(): parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}


def _markdown(doc: str) -> str:
    # Rule docstrings indent examples by four spaces: already Markdown code blocks.
    return doc


def artifact_location(path: str) -> dict[str, str]:
    if path.startswith("/"):
        return {"uri": "file://" + quote(path)}
    return {"uri": quote(path), "uriBaseId": SRCROOT}


def _result(d: Diagnostic, index: dict[str, int], fingerprint: str) -> dict[str, Any]:
    s = d.span
    region: dict[str, Any] = {
        "startLine": s.line,
        "startColumn": s.column,
        "endLine": s.end_line,
        "endColumn": s.end_column,
    }
    if d.snippet:
        region["snippet"] = {"text": d.snippet}
    location = {"physicalLocation": {"artifactLocation": artifact_location(d.path), "region": region}}
    result: dict[str, Any] = {
        "ruleId": d.rule,
        "level": str(d.severity),
        "message": {"text": d.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_VERSION: fingerprint},
    }
    if d.rule in index:
        result["ruleIndex"] = index[d.rule]
    if d.fix is not None:
        deleted = {k: v for k, v in region.items() if k != "snippet"}
        result["fixes"] = [
            {
                "description": {"text": f"Replace with {d.fix.replacement}" + ("" if d.fix.safe else " (unsafe)")},
                "artifactChanges": [
                    {
                        "artifactLocation": artifact_location(d.path),
                        "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": d.fix.replacement}}],
                    }
                ],
            }
        ]
    return result
