"""Synthetic plan repositories for the benchmarks: deterministic for a given seed.

Plans are 1-8 KB; about a third carry prose with dates and estimates in it; the
frontmatter uses every field the way teams do, mostly valid, some findings.
"""

from __future__ import annotations

import random
from pathlib import Path

TEAMS = ["payments", "platform", "growth", "mobile", "data", "search", "infra", "security"]
TAGS = ["billing", "infra", "ux", "api", "compliance", "perf", "mobile", "ml", "q-goal", "debt"]
STATUSES = ["exploring", "proposed", "committed", "in-progress", "done", "dropped"]
LANES = [
    ("now", ["2026-12", "2026-W50", "2026-12-10", "2026-12-01..2026-12-18"]),
    ("next", ["2027-02", "2027-W06", "2027-01..2027-02"]),
    ("later", ["2027-Q2", "2027-04", "2027-04..2027-06"]),
    ("later", ["2027-Q3", "2027-H2", "Q4 2027"]),
    ("vision", ["2028", "2028-H1", "2027-H2..2028-H1"]),
]
ESTIMATES = {
    "now": ["3 days", "~40h", "1-2 weeks", "5 points"],
    "next": ["2-3 weeks", "5 days", "1-2 weeks"],
    "later": ["2-4 weeks", "1-2 months", "M", "3 weeks"],
    "vision": ["L", "XL", "M"],
}
WORDS = [
    "the",
    "team",
    "will",
    "migrate",
    "customers",
    "to",
    "the",
    "new",
    "billing",
    "service",
    "once",
    "the",
    "ledger",
    "is",
    "stable",
    "and",
    "support",
    "has",
    "a",
    "runbook",
    "for",
    "refunds",
    "partial",
    "captures",
    "and",
    "disputes",
    "while",
    "we",
    "keep",
    "the",
    "old",
    "path",
    "alive",
    "behind",
    "a",
    "flag",
    "so",
    "that",
    "rollback",
    "stays",
    "cheap",
    "and",
    "observable",
    "through",
    "the",
    "dashboards",
]
PROSE = [
    "We expect to ship the first slice in {month} and the rest in {quarter}.",
    "A spike of 3 days told us the hard part is reconciliation, about 2-4 weeks of work.",
    "Version 2.3.1 of the SDK added retries; 40% of calls now succeed on the first try.",
    "See PROJ-2031 for the incident and section 4.2 of the design doc for the fallback.",
    "Rollout happens team by team; 12 teams have signed up so far, at $2,027 per seat.",
    "The review is scheduled at 14:30 on the usual call; notes go to the wiki.",
    "If {quarter} slips, the dependency on the ledger moves with it.",
]


def plan_text(rng: random.Random, index: int) -> str:
    lane, windows = rng.choice(LANES)
    status = rng.choice(STATUSES)
    lines = ["---", f'title: "Plan {index}: {" ".join(rng.sample(WORDS, 4))}"', f"status: {status}"]
    if status in ("committed", "in-progress") or rng.random() < 0.6:
        lines.append(f"owner: {rng.choice(TEAMS)}")
    lines.append(f"horizon: {lane}")
    if rng.random() < 0.8:
        lines.append(f"target: {rng.choice(windows)}")
    if rng.random() < 0.7:
        lines.append(f"estimate: {rng.choice(ESTIMATES[lane])}")
    if rng.random() < 0.3:
        lines.append(f"tags: [{', '.join(rng.sample(TAGS, rng.randint(1, 3)))}]")
    if rng.random() < 0.3:
        other = rng.randrange(max(index, 1))
        lines.append(f"depends_on: [area-{other // 500:03d}/plan-{other:05d}]")
    if rng.random() < 0.2:
        lines.append("confidence: medium")
    if rng.random() < 0.1:
        lines.append("deadline: 2027-06-30\ndeadline_reason: regulator's enforcement date")
    lines.append("reviewed: 2026-11-01")
    lines.append("---")
    size = rng.randint(1024, 8192)
    with_prose = index % 3 == 0
    body: list[str] = []
    while sum(len(line) + 1 for line in lines) + sum(len(b) + 1 for b in body) < size:
        if with_prose and rng.random() < 0.3:
            body.append(rng.choice(PROSE).format(month="March 2027", quarter="Q3 2027"))
        else:
            body.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize() + ".")
        if rng.random() < 0.2:
            body.append("")
    return "\n".join(lines) + "\n\n" + "\n".join(body) + "\n"


def generate(root: Path, count: int, seed: int = 7) -> Path:
    """Write `count` plans under root/plans (sharded into folders of 500) and return root."""
    rng = random.Random(seed)
    plans = root / "plans"
    for index in range(count):
        folder = plans / f"area-{index // 500:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"plan-{index:05d}.md").write_text(plan_text(rng, index), encoding="utf-8")
    return root
