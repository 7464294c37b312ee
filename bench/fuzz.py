"""A long fuzzing run of everything that reads user text (the suite runs the same properties
with a few hundred examples each; this runs many more).

    python bench/fuzz.py                    # 20,000 examples per target
    python bench/fuzz.py --examples 200000  # an overnight run

Targets: the frontmatter reader (both paths), the window and estimate grammars, the prose
scanner on Markdown bodies, and the whole check of one file from bytes. A crash is any
exception a target must not raise; "offsets inside the text" is checked for every span.
Prints one line per target: examples tried, crashes (0 expected), seconds.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.config import Config
from planner.engine import check_source
from planner.estimates import EstimateError, parse_estimate
from planner.frontmatter import parse_document
from planner.load import PlanFile, source_from_bytes
from planner.prose.grammar import Grammar
from planner.prose.scan import body_mentions
from planner.rules import RuleContext
from planner.windows import WindowError, parse_window

AS_OF = date(2026, 11, 24)
CONFIG = Config()
CONTEXT = RuleContext(AS_OF, CONFIG)
LOCATION = PlanFile(Path("plans/fuzz.md"), "plans/fuzz.md", "fuzz")

# Text that looks like plans: pieces of frontmatter, dates, estimates, Markdown, junk.
PIECES = [
    "---\n",
    "title: ",
    "status: proposed\n",
    "target: ",
    "2027-08-17",
    "2027-Q3",
    "Q3 2027",
    "March to May 2027",
    "estimate: ",
    "3 days",
    "2-4 weeks",
    "~40h",
    "M",
    "\n",
    "\r\n",
    "  ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "'",
    '"',
    "&a ",
    "*a",
    "!!python/object ",
    "<!-- planner: ignore date-precision -- reason -->",
    "`code 2027-01-01`",
    "```\n",
    "[link](https://x/2027-01-01)",
    "We ship on 14 August 2027.",
    "It takes 3 days.",
    "next Tuesday",
    "\x00",
    "\ufeff",
    "\u2028",
    "😀",
    "é",
    "\t",
    "#",
    ":",
    "...",
    "2027-02-30",
    "2027-W53",
    "FY27",
    "v2.0.27",
    "$2,027",
    "14:30",
]
plan_like = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=40).map("".join)
any_text = st.text(max_size=200) | plan_like


def inside(text: str, line: int, column: int) -> bool:
    """A 1-based position within the text (one past the end of a line is allowed)."""
    lines = text.split("\n")
    return 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1


def target_document(text: str) -> None:
    for exact in (False, True):
        document = parse_document(text, exact=exact)
        for problem in document.problems:
            assert inside(text, problem.span.line, problem.span.column), problem


def target_window(text: str) -> None:
    try:
        window = parse_window(text)
    except WindowError:
        return
    assert window.start <= window.end


def target_estimate(text: str) -> None:
    try:
        estimate = parse_estimate(text)
    except EstimateError:
        return
    assert estimate.size is not None or (estimate.low is not None and estimate.high is not None)


def target_prose(text: str) -> None:
    document = parse_document("---\ntitle: x\nstatus: proposed\nhorizon: later\n---\n" + text)
    for found in body_mentions(document, Grammar(AS_OF)):
        assert found.span.line >= document.body_line and found.span.column >= 1


def target_check(data: bytes) -> None:
    checked = check_source(source_from_bytes(LOCATION, data), CONFIG, CONTEXT)
    for d in checked.diagnostics:
        assert d.span.line >= 1 and d.span.column >= 1, d


TARGETS: dict[str, tuple[Callable[..., None], st.SearchStrategy[object]]] = {
    "frontmatter": (target_document, any_text),
    "window": (target_window, any_text),
    "estimate": (target_estimate, any_text),
    "prose": (target_prose, any_text),
    "check": (target_check, st.binary(max_size=300) | any_text.map(lambda s: s.encode("utf-8", "surrogatepass"))),
}


def run(name: str, examples: int) -> tuple[int, int, float]:
    function, strategy = TARGETS[name]
    tried = crashes = 0

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def fuzz(value: object) -> None:
        nonlocal tried, crashes
        tried += 1
        try:
            function(value)
        except Exception:
            crashes += 1
            if crashes <= 3:
                print(f"{name}: crash on {value!r}\n{traceback.format_exc()}", file=sys.stderr)

    started = time.perf_counter()
    fuzz()
    return tried, crashes, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=20_000)
    parser.add_argument("--target", choices=sorted(TARGETS), action="append")
    args = parser.parse_args()
    total = 0
    for name in args.target or list(TARGETS):
        tried, crashes, seconds = run(name, args.examples)
        total += crashes
        print(f"{name:<12} {tried:>8} examples  {crashes} crashes  {seconds:6.1f}s")
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
