"""Benchmark `planner check` against a floor measured in the same run.

The floor is one Python process that reads every plan file and parses its frontmatter
with PyYAML's CSafeLoader, nothing else: the least any YAML-frontmatter checker must do.
Each side runs in a fresh process (interpreter start-up included on both sides), the
runs alternate so machine noise hits both, and the medians are compared.

    python bench/check_bench.py                 # 10,000 plans, 5 runs each
    python bench/check_bench.py --plans 2000 --runs 3
    python bench/check_bench.py --sizes 5000,10000,25000,50000   # the scale curve

Targets: check median <= 1.5x the floor median; peak memory <= 100 MB (the largest
single process: `planner check` forks one worker per core on large repositories). An
untimed first check fills planner's cache of compiled patterns, as any first run does.
"check" scans every body (`--no-cache`): the first check of a repository. "again" checks
the same plans with the mentions of each body read from the cache the first run wrote:
a pre-commit hook, a check before a build, CI that keeps its cache folder.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate

AS_OF = "2026-11-24"

FLOOR = r"""
import os, resource, sys, yaml
loader = yaml.CSafeLoader
count = 0
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        if not name.endswith(".md"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        if text.startswith("---\n"):
            end = text.find("\n---", 4)
            yaml.load(text[4:end], Loader=loader)
            count += 1
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""

CHECK = r"""
import os, resource, sys
from planner.cli import main
sys.stdout = open(os.devnull, "w")
config = ["--config", sys.argv[3]] if sys.argv[3] else []
code = main(["check", sys.argv[1], "--as-of", sys.argv[2], "--format", "json", *config, *sys.argv[4:]])
# The largest of the main process and its workers (each worker is one process of its own).
peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(peak, file=sys.stderr)
"""


def timed(script: str, *args: str) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of one fresh process."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"benchmark process failed:\n{proc.stderr}")
    return elapsed, int(proc.stderr.strip().splitlines()[-1]) / 1024


def measure(root: Path, runs: int) -> dict[str, float]:
    plans = str(root / "plans")
    # The same check with the body rules off: what the frontmatter pipeline alone costs.
    frontmatter_only = root / "frontmatter-only.toml"
    rules = ("date-precision", "estimate-precision", "relative-date", "suppression")
    frontmatter_only.write_text("[rules]\n" + "".join(f'{r} = "off"\n' for r in rules))
    floor, check, again, no_prose, memory = [], [], [], [], []
    timed(FLOOR, plans)  # warm the file cache for both sides
    # and planner's cache folder, as a first run on any machine leaves it: a fresh folder,
    # filled by this run, read by the timed ones. It keeps the compiled patterns
    # (`planner/patterncache.py`) and the mentions found in each body (`planner/bodycache.py`).
    os.environ["PLANNER_CACHE_DIR"] = str(root / "cache")
    timed(CHECK, plans, AS_OF, "")
    for _ in range(runs):
        floor.append(timed(FLOOR, plans)[0])
        # The first check of these plans: every body scanned (`--no-cache`).
        seconds, peak = timed(CHECK, plans, AS_OF, "", "--no-cache")
        check.append(seconds)
        memory.append(peak)
        # The same plans checked again: bodies read from the cache the first run wrote.
        seconds, peak = timed(CHECK, plans, AS_OF, "")
        again.append(seconds)
        memory.append(peak)
        no_prose.append(timed(CHECK, plans, AS_OF, str(frontmatter_only))[0])
    median_floor = statistics.median(floor)
    return {
        "floor_median_s": median_floor,
        "check_median_s": statistics.median(check),
        "ratio": statistics.median(check) / median_floor,
        "check_again_median_s": statistics.median(again),
        "check_again_ratio": statistics.median(again) / median_floor,
        "frontmatter_only_median_s": statistics.median(no_prose),
        "frontmatter_only_ratio": statistics.median(no_prose) / median_floor,
        "peak_mb": max(memory),
        "floor_runs": floor,
        "check_runs": check,
        "check_again_runs": again,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=10_000)
    parser.add_argument("--sizes", help="comma-separated plan counts: report time and memory per size")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [args.plans]
    results = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = generate(Path(tmp), size)
            results[size] = measure(root, args.runs)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(
        f"{'plans':>7}  {'floor':>8}  {'check':>8}  {'ratio':>6}  {'again':>8}  {'ratio':>6}  "
        f"{'no prose':>8}  {'ratio':>6}  {'peak MB':>8}  (medians of {args.runs} runs)"
    )
    for size, r in results.items():
        print(
            f"{size:>7}  {r['floor_median_s']:>7.2f}s  {r['check_median_s']:>7.2f}s  {r['ratio']:>5.2f}x  "
            f"{r['check_again_median_s']:>7.2f}s  {r['check_again_ratio']:>5.2f}x  "
            f"{r['frontmatter_only_median_s']:>7.2f}s  {r['frontmatter_only_ratio']:>5.2f}x  {r['peak_mb']:>8.1f}"
        )
    print("check: every body scanned (--no-cache); again: the same plans, bodies read from the cache")
    print("targets: check ratio <= 1.50x, peak <= 100 MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
