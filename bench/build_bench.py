"""Build benchmark: `planner build` against plain `mkdocs build` of the same pages.

    python bench/build_bench.py                 # 1000 and 2000 plans, 3 runs each
    python bench/build_bench.py --sizes 500 --runs 5

For each size N it generates N plans (bench/out/N/), then times, in the same run:
- plain:   `mkdocs build` (Material) of the same N pages as plain Markdown, with the same
           title and body, no planner plugin, nav listing only the home page;
- planner: `planner build` of the plans (check, board, timeline, indexes, report, plan pages);
- rebuild: one plan edited, then the dirty rebuild `planner serve` runs; three times in a
           row in one process, as while someone edits: the first rebuild checks every plan, the
           later ones only the plans whose file changed.
Targets: 1k plans <= 1.15x plain; 2k <= 2.1x 1k; rebuild <= 2 s at 1k (the first one).
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

AS_OF = date(2026, 11, 24)
TEAMS = ("billing", "search", "mobile", "platform", "growth", "data", "security", "infra", "design", "support")
TAGS = ("api", "web", "ios", "android", "perf", "compliance", "ux", "ml", "cost", "reliability")
WORDS = ["ship", "migrate", "rework", "launch", "retire", "measure", "harden", "simplify", "explore", "unify"]
NOUNS = [
    "checkout",
    "invoices",
    "onboarding",
    "search",
    "index",
    "sync",
    "exports",
    "audit",
    "log",
    "dashboards",
    "alerts",
]


def plan_text(i: int, rng: random.Random, ids: list[str]) -> tuple[str, str]:
    """One plan that passes `planner check`: its window and estimate fit its band."""
    title = f"{rng.choice(WORDS).capitalize()} {rng.choice(NOUNS)} {i}"
    kind = rng.random()
    if kind < 0.2:
        month = AS_OF + timedelta(days=rng.randint(0, 35))
        status, horizon, target, estimate = (
            "in-progress",
            "now",
            f"{month:%Y-%m}",
            f"{rng.randint(1, 3)}-{rng.randint(4, 6)} weeks",
        )
    elif kind < 0.4:
        month = AS_OF + timedelta(days=rng.randint(50, 85))
        status, horizon, target, estimate = (
            "committed",
            "next",
            f"{month:%Y-%m}",
            f"{rng.randint(2, 4)}-{rng.randint(5, 8)} weeks",
        )
    elif kind < 0.6:
        day = AS_OF + timedelta(days=rng.randint(100, 170))
        status, horizon, target, estimate = "proposed", "later", f"{day.year}-Q{(day.month - 1) // 3 + 1}", "1-2 months"
    elif kind < 0.75:
        day = AS_OF + timedelta(days=rng.randint(200, 340))
        status, horizon, target, estimate = "exploring", "later", f"{day.year}-H{1 if day.month <= 6 else 2}", "M"
    elif kind < 0.85:
        status, horizon, target, estimate = "exploring", "vision", f"{AS_OF.year + 2}", "L"
    elif kind < 0.95:
        day = AS_OF - timedelta(days=rng.randint(10, 200))
        status, horizon, target, estimate = "done", "now", f"{day:%Y-%m}", "2-3 weeks"
    else:
        status, horizon, target, estimate = "exploring", "next", None, None
    deps = rng.sample(ids, k=min(len(ids), rng.choice((0, 0, 1, 2))))
    lines = ["---", f'title: "{title}"', f"status: {status}", f"owner: {rng.choice(TEAMS)}", f"horizon: {horizon}"]
    if target:
        lines.append(f"target: {target}")
    if estimate:
        lines.append(f"estimate: {estimate}")
    if deps:
        lines.append(f"depends_on: [{', '.join(deps)}]")
    lines.append(f"tags: [{', '.join(rng.sample(TAGS, k=rng.randint(1, 2)))}]")
    lines.append("---")
    body = (
        f"\nWhy: {title.lower()} keeps coming up in support tickets and reviews.\n\n"
        "## Approach\n\n- measure first\n- change one thing at a time\n- write down what we learn\n\n"
        "| risk | mitigation |\n|---|---|\n| scope creep | a fixed appetite |\n"
    )
    return title, "\n".join(lines) + "\n" + body


def generate(folder: Path, n: int, seed: int = 7) -> list[tuple[str, str]]:
    """Write n plans to folder/plans; return (id, title) pairs."""
    rng = random.Random(seed)
    plans = folder / "plans"
    if plans.exists():
        shutil.rmtree(plans)
    made: list[tuple[str, str]] = []
    for i in range(n):
        team_dir = plans / TEAMS[i % len(TEAMS)]
        team_dir.mkdir(parents=True, exist_ok=True)
        plan_id = f"{TEAMS[i % len(TEAMS)]}/plan-{i:05d}"
        title, text = plan_text(i, rng, [pid for pid, _ in made[-50:]])
        (plans / f"{plan_id}.md").write_text(text, encoding="utf-8")
        made.append((plan_id, title))
    return made


def generate_plain(folder: Path, plans_dir: Path) -> None:
    """The same pages as plain Markdown (title as a heading, same body), built by MkDocs alone."""
    docs = folder / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    for source in plans_dir.rglob("*.md"):
        text = source.read_text(encoding="utf-8")
        _, front, body = text.split("---", 2)
        title = next(
            line.split(":", 1)[1].strip().strip('"') for line in front.splitlines() if line.startswith("title:")
        )
        target = docs / source.relative_to(plans_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# {title}\n{body}", encoding="utf-8")
    (docs / "index.md").write_text("# Plans\n", encoding="utf-8")
    (folder / "plain.yml").write_text(
        "site_name: Plans\ndocs_dir: docs\nsite_dir: plain-site\nnav: [index.md]\n"
        "theme: {name: material, font: false}\nplugins: [search]\n"
        "markdown_extensions: [tables, admonition, def_list, footnotes, {toc: {permalink: true}}]\n",
        encoding="utf-8",
    )


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run: on a shared machine CPU is steadier."""
    env = {**os.environ, "CI": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


REBUILD = """
import sys, time
from pathlib import Path
from planner.site.runner import BuildRequest, load_mkdocs, _run_build
request = BuildRequest(root=Path.cwd(), as_of="{as_of}", site_dir="rebuild-site")
_run_build(load_mkdocs(request))
plan = sorted(Path("plans").rglob("*.md"))[0]
text = plan.read_text()
for edit in range(3):
    plan.write_text(text.replace("measure first", "measure first, again " * (edit + 1)))
    start = time.perf_counter()
    _run_build(load_mkdocs(request), dirty=True)
    print(time.perf_counter() - start)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    args = parser.parse_args()
    planner_cmd = [sys.executable, "-m", "planner", "build", "--as-of", AS_OF.isoformat()]
    plain_cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "plain.yml"]
    results: dict[int, dict[str, float]] = {}
    for n in args.sizes:
        folder = args.out / str(n)
        folder.mkdir(parents=True, exist_ok=True)
        generate(folder, n)
        generate_plain(folder, folder / "plans")
        plain: list[tuple[float, float]] = []
        ours: list[tuple[float, float]] = []
        for _ in range(args.runs):  # interleaved, so load on the machine hits both alike
            plain.append(timed(plain_cmd, folder))
            ours.append(timed(planner_cmd, folder))
        rebuilds, later = [], []
        for _ in range(args.runs):
            generate(folder, n)
            out = subprocess.run(
                [sys.executable, "-c", REBUILD.format(as_of=AS_OF.isoformat())],
                cwd=folder,
                capture_output=True,
                text=True,
                env={**os.environ, "CI": "1"},
            )
            if out.returncode:
                sys.exit(f"rebuild failed:\n{out.stderr}")
            first, *rest = (float(line) for line in out.stdout.strip().splitlines()[-3:])
            rebuilds.append(first)
            later.extend(rest)
        results[n] = r = {
            "plain": statistics.median(w for w, _ in plain),
            "planner": statistics.median(w for w, _ in ours),
            "plain_cpu": statistics.median(c for _, c in plain),
            "planner_cpu": statistics.median(c for _, c in ours),
            "rebuild": statistics.median(rebuilds),
            "later": statistics.median(later),
        }
        print(
            f"{n:>6} plans  wall: plain {r['plain']:.2f} s, planner {r['planner']:.2f} s, "
            f"{r['planner'] / r['plain']:.2f}x (target <= 1.15)  "
            f"cpu: plain {r['plain_cpu']:.2f} s, planner {r['planner_cpu']:.2f} s, "
            f"{r['planner_cpu'] / r['plain_cpu']:.2f}x  rebuild {r['rebuild']:.2f} s (target <= 2), "
            f"later rebuilds {r['later']:.2f} s",
            flush=True,
        )
    sizes = sorted(results)
    for small, large in itertools.pairwise(sizes):
        growth = results[large]["planner"] / results[small]["planner"]
        cpu = results[large]["planner_cpu"] / results[small]["planner_cpu"]
        print(f"{large} vs {small} plans: wall {growth:.2f}x, cpu {cpu:.2f}x (target <= {2.1 * large / small / 2:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
