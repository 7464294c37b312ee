"""Score the mention grammar against the labelled sentences in tests/prose/labelled/.

    python bench/prose_score.py                   # the tuning part
    python bench/prose_score.py --part heldout66  # one part; a part whose header says "Held-out"
                                                  # was never tuned on
    python bench/prose_score.py --errors          # also list every miss and false alarm

A found mention matches a labelled one when the kinds agree (date or estimate), the
granularity agrees (dates), and the two spans overlap; `exact` also requires the same span.
Reports precision, recall and F1 overall, by kind and by granularity.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from planner.prose.grammar import Grammar
from planner.prose.scan import scan_text

LABELLED = Path(__file__).resolve().parent.parent / "tests" / "prose" / "labelled"
AS_OF = date(2026, 11, 24)
_MARK = re.compile(r"\[\[(.+?)\|(\w+)\]\]")
DATE_LABELS = ("day", "week", "month", "quarter", "half", "year", "range", "relative")


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    label: str  # a date granularity, or "estimate"


@dataclass(frozen=True)
class Sentence:
    text: str
    gold: tuple[Gold, ...]
    trap: bool
    line: int


def load(part: str) -> list[Sentence]:
    sentences = []
    for number, raw in enumerate((LABELLED / f"{part}.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        trap = raw.startswith("! ")
        line = raw[2:] if trap else raw
        text, gold, position = [], [], 0
        for m in _MARK.finditer(line):
            text.append(line[position : m.start()])
            start = sum(len(t) for t in text)
            text.append(m[1])
            gold.append(Gold(start, start + len(m[1]), m[2]))
            position = m.end()
        text.append(line[position:])
        sentences.append(Sentence("".join(text), tuple(gold), trap, number))
    return sentences


def label_of(kind: str, granularity: str | None) -> str:
    return "estimate" if kind == "estimate" else str(granularity)


def score(sentences: list[Sentence], exact: bool = False) -> tuple[dict[str, Counter[str]], list[str]]:
    grammar = Grammar(AS_OF)
    counts: dict[str, Counter[str]] = {}
    errors: list[str] = []

    def add(key: str, outcome: str) -> None:
        for k in {key, "all", "date" if key in DATE_LABELS else "estimate"}:
            counts.setdefault(k, Counter())[outcome] += 1

    for s in sentences:
        found = [(m.start, m.end, label_of(m.kind, m.granularity), m.text) for m in scan_text(s.text, grammar)]
        matched_found: set[int] = set()
        for g in s.gold:
            hit = None
            for i, (start, end, label, _) in enumerate(found):
                if i in matched_found or label != g.label:
                    continue
                same = (start, end) == (g.start, g.end) if exact else start < g.end and g.start < end
                if same:
                    hit = i
                    break
            if hit is None:
                add(g.label, "fn")
                errors.append(f"{s.line}: missed [{s.text[g.start : g.end]}] {g.label}  <- {s.text}  found {found}")
            else:
                matched_found.add(hit)
                add(g.label, "tp")
        for i, (_start, _end, label, text) in enumerate(found):
            if i not in matched_found:
                add(label, "fp")
                errors.append(f"{s.line}: false [{text}] {label}  <- {s.text}")
    return counts, errors


def prf(c: Counter[str]) -> tuple[float, float, float]:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parts = sorted(path.stem for path in LABELLED.glob("*.txt"))
    parser.add_argument("--part", default="tuning", choices=parts)
    parser.add_argument("--exact", action="store_true", help="spans must match exactly, not just overlap")
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    args = parser.parse_args(argv)
    sentences = load(args.part)
    counts, errors = score(sentences, args.exact)
    traps = sum(1 for s in sentences if s.trap)
    gold = sum(len(s.gold) for s in sentences)
    print(f"{args.part}: {len(sentences)} sentences, {traps} with traps, {gold} labelled mentions")
    print(f"{'':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>4} {'fn':>4}")
    order = ["all", "date", "estimate", *DATE_LABELS]
    for key in order:
        if key in counts:
            p, r, f = prf(counts[key])
            c = counts[key]
            print(f"{key:<10} {p:6.3f} {r:6.3f} {f:6.3f} {c['tp']:5} {c['fp']:4} {c['fn']:4}")
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
