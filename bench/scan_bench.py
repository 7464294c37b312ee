"""How fast the mention grammar reads prose: sentences per second in one process.

    python bench/scan_bench.py                   # 100,000 generated sentences, 5 runs
    python bench/scan_bench.py --sentences 20000 --runs 3 --markdown

The corpus is generated from a fixed seed: planning prose with dates, estimates and
relative dates, traps that look like them (versions, counts, prices, times), and plain
sentences with neither, in roughly the mix plan bodies have. `--markdown` also times the
whole body path (Markdown segments, pre-filters, positions) over paragraphs of 5 sentences.

Each run also times a floor on the same sentences: lowercase each and split it into words
with one compiled regex, the least a scanner that reads every word does. The ratio to it
is what compares across machines; sentences per second alone say as much about the machine
as about the grammar. Runs alternate between the two, so noise hits both alike.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from datetime import date

from planner.frontmatter import Document
from planner.prose.grammar import Grammar
from planner.prose.scan import body_mentions, scan_text

_DATES = [
    "14 August 2027", "Aug 14, 2027", "Q3 2027", "2027-Q3", "H2 2027", "mid-2027", "early Q3", "March 2027",
    "2027-03-14", "the week of 2027-03-08", "FY27", "late 2027", "end of March 2027", "March to May 2027",
    "Q3\u2013Q4 2027", "2027-03..2027-05", "spring 2027", "the second half of 2027", "January",
]  # fmt: skip
_ESTIMATES = [
    "3 days",
    "2-4 weeks",
    "~40h",
    "two to three weeks",
    "a couple of sprints",
    "6-8 person-weeks",
    "1-2 months",
]
_RELATIVE = ["next Tuesday", "in two weeks", "next quarter", "by the end of the year", "tomorrow"]
_TRAPS = [
    "Python 3.11", "v2.0.27", "3 regions", "2027 users", "45%", "§ 4.2", "PROJ-2027", "$2,027", "at 14:30",
    "a 30-day trial", "every 2 weeks", "release 4.12.1", "port 8080",
]  # fmt: skip
_SUBJECTS = ["The importer", "Search relevance", "The billing migration", "SSO", "The new dashboard", "Offline mode"]
_PLAIN = [
    "{s} needs a design review before anyone writes code.",
    "{s} depends on the storage work and on the new permissions model.",
    "We keep the scope small so that the first slice teaches us something.",
    "{s} is owned by the platform team, with help from design.",
]
_WITH = [
    "{s} ships in {d}, if the review goes well.",
    "We expect {s} to take {e}, mostly testing.",
    "{s} is planned for {d} and needs {e}.",
    "Let's revisit {s} {r}.",
    "{s} runs on {t} and needs no change.",
    "From {d} onwards, {s} is the default for {t}.",
]


def corpus(n: int, seed: int = 2027) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        template = rng.choice(_PLAIN) if i % 3 == 0 else rng.choice(_WITH)
        out.append(
            template.format(
                s=rng.choice(_SUBJECTS),
                d=rng.choice(_DATES),
                e=rng.choice(_ESTIMATES),
                r=rng.choice(_RELATIVE),
                t=rng.choice(_TRAPS),
            )
        )
    return out


def run_sentences(sentences: list[str], grammar: Grammar) -> tuple[float, int]:
    start = time.perf_counter()
    found = 0
    for sentence in sentences:
        found += len(scan_text(sentence, grammar))
    return time.perf_counter() - start, found


_WORD = re.compile(r"\w+")


def run_floor(sentences: list[str], grammar: Grammar) -> tuple[float, int]:
    start = time.perf_counter()
    found = 0
    for sentence in sentences:
        found += len(_WORD.findall(sentence.lower()))
    return time.perf_counter() - start, found


def run_markdown(sentences: list[str], grammar: Grammar) -> tuple[float, int]:
    bodies = [
        "## Notes\n\n" + " ".join(sentences[i : i + 5]) + "\n\n- `code 2027-01-01` stays code\n"
        for i in range(0, len(sentences), 5)
    ]
    documents = [Document((), (), True, body, 7) for body in bodies]
    start = time.perf_counter()
    found = 0
    for document in documents:
        found += len(body_mentions(document, grammar))
    return time.perf_counter() - start, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--markdown", action="store_true", help="also time whole bodies through Markdown")
    args = parser.parse_args(argv)
    grammar = Grammar(date(2026, 11, 24))
    sentences = corpus(args.sentences)
    modes = [("sentences", run_sentences)] + ([("markdown bodies", run_markdown)] if args.markdown else [])
    for name, run in modes:
        rates, ratios = [], []
        found = 0
        for _ in range(args.runs):
            floor, _words = run_floor(sentences, grammar)
            seconds, found = run(sentences, grammar)
            rates.append(len(sentences) / seconds)
            ratios.append(seconds / floor)
        print(
            f"{name}: {len(sentences):,} sentences, {found:,} mentions; "
            f"median {statistics.median(rates):,.0f} sentences/s over {args.runs} runs "
            f"(min {min(rates):,.0f}, max {max(rates):,.0f}); "
            f"{statistics.median(ratios):.1f}x the floor of reading the words"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
