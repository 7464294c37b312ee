"""`planner check` over many plans with prose bodies, against the floor of reading them.

    python bench/check_bench.py --plans 10000

The floor is what no checker can skip: read each file and parse its frontmatter with
PyYAML's CSafeLoader. The budget for `planner check` is 1.5x that floor. Plans are
generated into a temporary folder from a fixed seed, with bodies of planning prose (dates,
estimates, relative dates, traps, code spans and links) like real plan files.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from types import MappingProxyType

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scan_bench import corpus

from planner.config import Config
from planner.engine import PROSE_RULES, check_files
from planner.load import discover

_TARGETS = ["2027-Q3", "2027-H2", "2027-02", "2028", "2026-W52", "2027-Q1"]
_ESTIMATES = ["2-4 weeks", "M", "1-2 months", "L", "3-5 days"]


def write_plans(root: Path, n: int) -> None:
    rng = random.Random(7)
    sentences = corpus(n * 6)
    plans = root / "plans"
    for i in range(n):
        folder = plans / f"team{i % 50}"
        folder.mkdir(parents=True, exist_ok=True)
        body = " ".join(sentences[6 * i : 6 * i + 3]) + "\n\n" + " ".join(sentences[6 * i + 3 : 6 * i + 6]) + "\n"
        if i % 4 == 0:
            body += "\nSee [the design](https://example.com/design-2027-03-14) and `config.v2`.\n"
        text = (
            f"---\ntitle: Plan {i}\nstatus: proposed\nowner: team{i % 50}\nhorizon: later\n"
            f"target: {rng.choice(_TARGETS)}\nestimate: {rng.choice(_ESTIMATES)}\ntags: [a, b]\n---\n\n"
            f"# Plan {i}\n\n{body}"
        )
        (folder / f"plan-{i}.md").write_text(text, encoding="utf-8")


def floor(files: list[Path]) -> float:
    start = time.perf_counter()
    for file in files:
        text = file.read_text(encoding="utf-8")
        end = text.find("\n---", 4)
        yaml.load(text[4:end], Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


PROSE_OFF = Config(severities=MappingProxyType(dict.fromkeys(PROSE_RULES, "off")))


def check(root: Path, config: Config) -> float:
    start = time.perf_counter()
    check_files(discover(["plans"], root), config, date(2026, 11, 24), "flag")
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_plans(root, args.plans)
        files = sorted(root.glob("plans/**/*.md"))
        floors = [floor(files) for _ in range(args.runs)]
        checks = [check(root, Config()) for _ in range(args.runs)]
        without = [check(root, PROSE_OFF) for _ in range(args.runs)]
    f, c, w = statistics.median(floors), statistics.median(checks), statistics.median(without)
    print(f"{args.plans:,} plans: floor {f:.2f}s (read + CSafeLoader)")
    print(f"  planner check             {c:.2f}s  {c / f:.2f}x floor (budget 1.5x)")
    print(f"  planner check, prose off  {w:.2f}s  {w / f:.2f}x floor")
    print(f"  prose costs {1e6 * (c - w) / args.plans:.0f} us a plan")
    return 0


if __name__ == "__main__":
    sys.exit(main())
