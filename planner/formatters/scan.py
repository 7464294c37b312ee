"""`planner scan` output: every mention, where it is and how it was understood."""

from __future__ import annotations

import json
from typing import Any

from planner.estimates import format_number
from planner.prose.listing import Listed, ScanReport


def mention_dict(listed: Listed) -> dict[str, Any]:
    found = listed.found
    mention, span = found.mention, found.span
    data: dict[str, Any] = {
        "path": listed.path,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
        "text": mention.text,
        "kind": mention.kind,
        "where": found.where,
    }
    if listed.field is not None:
        data["field"] = listed.field
    data["band"] = listed.band
    data["note"] = listed.note
    if mention.window is not None:
        data["granularity"] = mention.granularity
        data["start"] = mention.window.start.isoformat()
        data["end"] = mention.window.end.isoformat()
    elif mention.estimate is not None:
        estimate = mention.estimate
        if estimate.size is not None:
            data["size"] = estimate.size
        else:
            data["low"] = estimate.low
            data["high"] = estimate.high
            data["unit"] = estimate.unit
            if listed.weeks is not None:
                data["weeks"] = {"low": listed.weeks[0], "high": listed.weeks[1]}
    return data


def format_scan_json(report: ScanReport) -> str:
    data = {
        "as_of": report.as_of.isoformat(),
        "as_of_source": report.as_of_source,
        "files_scanned": report.files_scanned,
        "mentions": [mention_dict(m) for m in report.mentions],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


_SOURCES = {"flag": "from --as-of", "env": "from PLANNER_AS_OF", "config": "from config", "today": "today"}


def meaning(listed: Listed) -> str:
    """How a mention was understood, in words: 'day 2027-08-14', 'range 2027-03-01..2027-05-31'."""
    mention = listed.found.mention
    if mention.window is not None:
        w = mention.window
        when = w.start.isoformat() if w.start == w.end else f"{w.start.isoformat()}..{w.end.isoformat()}"
        return f"{mention.granularity or '':<8}  {when}"
    estimate = mention.estimate
    assert estimate is not None
    if estimate.size is not None:
        return f"{'size':<8}  {estimate.size}"
    assert estimate.low is not None and estimate.high is not None
    amount = format_number(estimate.low)
    if estimate.high != estimate.low:
        amount += f"-{format_number(estimate.high)}"
    text = f"{'effort':<8}  {amount} {estimate.unit}"
    if listed.weeks is not None:
        low, high = (format_number(w) for w in listed.weeks)
        text += f" = {low if low == high else f'{low}-{high}'} weeks"
    return text + (" (approx.)" if estimate.approximate else "")


def format_scan_text(report: ScanReport) -> str:
    """Grouped by file, one mention a line: position, kind, the text as written, what it
    means, and the band it is judged in (or why it is not judged)."""
    rows = [
        (m, f"{m.found.span.line}:{m.found.span.column}", _quoted(m.found.mention.text), meaning(m))
        for m in report.mentions
    ]
    pos_width = max((len(r[1]) for r in rows), default=0)
    text_width = min(max((len(r[2]) for r in rows), default=0), 32)
    meaning_width = min(max((len(r[3]) for r in rows), default=0), 40)
    lines: list[str] = []
    path = None
    for listed, position, text, understood in rows:
        if listed.path != path:
            if path is not None:
                lines.append("")
            path = listed.path
            lines.append(path)
        note = f"frontmatter {listed.field}; {listed.note}" if listed.field else listed.note
        kind = listed.found.mention.kind
        lines.append(
            f"  {position:<{pos_width}}  {kind:<8}  {text:<{text_width}}  {understood:<{meaning_width}}  {note}"
        )
    count = len(report.mentions)
    files = report.files_scanned
    if lines:
        lines.append("")
    lines.append(
        f"{count} mention{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''} "
        f"(as of {report.as_of.isoformat()}, {_SOURCES.get(report.as_of_source, report.as_of_source)})."
    )
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 32 else flat[:31] + "\u2026"
