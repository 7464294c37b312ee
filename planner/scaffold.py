"""`planner init` and `planner new`: files that pass `planner check` the day they are written.

Nothing here overwrites: each file is created only if its name is free (atomically, so a
half-written file never appears), and what was skipped is said, with the reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from planner import PROJECT_URL, __version__
from planner.atomic import write_bytes, write_text
from planner.config import Config
from planner.errors import UsageError
from planner.estimates import parse_estimate
from planner.ladder import Ladder
from planner.windows import Window, day_window, enclosing

LANES = ("now", "next", "later", "vision")
# The window granularity each lane prefers, then fallbacks; and the estimate it starts with.
_LANE_GRANULARITIES = {
    "now": ("week", "month"),
    "next": ("month", "week"),
    "later": ("quarter", "month"),
    "vision": ("half", "year"),
}
_LANE_ESTIMATES = {"now": "3-5 days", "next": "1-2 weeks", "later": "1-2 months", "vision": "L"}
_LANE_BANDS = {"now": ("now",), "next": ("next",), "later": ("later", "far"), "vision": ("vision", "far")}
_SEARCH_DAYS = 3 * 366


@dataclass
class Outcome:
    written: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def lane_window(lane: str, as_of: date, ladder: Ladder) -> Window:
    """The first window not yet started whose band fits the lane and whose width the band allows."""
    for band_name in _LANE_BANDS[lane]:
        for granularity in _LANE_GRANULARITIES[lane]:
            seen: set[date] = set()
            for offset in range(1, _SEARCH_DAYS):
                window = enclosing(day_window(as_of + timedelta(days=offset)), granularity)
                if window is None or window.start in seen or window.start < as_of:
                    continue
                seen.add(window.start)
                if ladder.band_for(window, as_of).name == band_name and ladder.window_allowed(window, as_of):
                    return window
    raise UsageError(f"no window fits the {lane} lane with this ladder; check [tool.planner.bands]")


def lane_estimate(lane: str, window: Window, as_of: date, config: Config) -> str:
    """The lane's usual estimate, or a t-shirt size when the ladder wants something vaguer."""
    band = config.ladder.band_for(window, as_of)
    preferred = _LANE_ESTIMATES[lane]
    if preferred not in config.sizes:
        estimate = parse_estimate(preferred, config.sizes)
        if config.ladder.estimate_problem(estimate, band) is None:
            return preferred
    sizes = list(config.sizes)
    return preferred if preferred in sizes else sizes[len(sizes) // 2]


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:60].rstrip("-") or "plan"


def plan_text(
    title: str,
    lane: str,
    as_of: date,
    config: Config,
    *,
    status: str = "proposed",
    owner: str | None = None,
    body: str = "",
) -> str:
    window = lane_window(lane, as_of, config.ladder)
    lines = ["---", f"title: {_yaml_string(title)}", f"status: {status}"]
    if owner:
        lines.append(f"owner: {_yaml_string(owner)}")
    lines += [
        f"horizon: {lane}",
        f"target: {window.canonical()}",
        f"estimate: {lane_estimate(lane, window, as_of, config)}",
        "tags: []",
        "---",
        "",
    ]
    body = body or (
        "## Why\n\nThe problem, and who has it.\n\n## What\n\nThe outcome we want, not the task list.\n\n"
        "## Not now\n\nWhat we are deliberately leaving out.\n"
    )
    return "\n".join(lines) + "\n" + body


def new_plan(
    root: Path,
    title: str,
    lane: str,
    as_of: date,
    config: Config,
    *,
    owner: str | None = None,
    status: str = "proposed",
    path: Path | None = None,
) -> str:
    if not title.strip():
        raise UsageError("the title is empty")
    if path is None:
        path = Path(config.paths[0]) / f"{slugify(title)}.md"
    absolute = path if path.is_absolute() else root / path
    absolute.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_text(absolute, plan_text(title.strip(), lane, as_of, config, status=status, owner=owner), exclusive=True)
    except FileExistsError:
        raise UsageError(f"{path.as_posix()} already exists; pick another title or --path") from None
    return path.as_posix()


# --- init ---------------------------------------------------------------------------------

_EXAMPLES = {
    "now": (
        "Example: checkout error messages",
        "committed",
        "Work in the **now** lane is weeks away: a week-precise window and an estimate in days are fine.\n"
        "Delete this example once your own plans are in.\n",
    ),
    "next": (
        "Example: self-serve invoices",
        "proposed",
        "The **next** lane is one to three months out: a month (or a week) is as precise as it gets.\n",
    ),
    "later": (
        "Example: usage-based pricing",
        "exploring",
        "The **later** lane is a quarter or two out: a quarter, and an estimate as a range in months.\n",
    ),
    "vision": (
        "Example: marketplace for partners",
        "exploring",
        "The **vision** lane is a year or more out: a half-year window at most, and a t-shirt size.\n",
    ),
}

_MKDOCS = """\
# The roadmap site: `planner build` writes it to site/, `planner serve` previews it.
site_name: Roadmap
docs_dir: {plans}
theme:
  name: material
  font: false                # no web fonts fetched: the site works offline
  features:
    - navigation.tabs
    - search.highlight
  palette:                   # the reader's light or dark scheme, with a toggle
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode
plugins:
  - search
  - planner
markdown_extensions:
  - tables
  - admonition
  - def_list
  - footnotes
  - toc:
      permalink: true
"""

_PRE_COMMIT = """\
repos:
  - repo: {url}
    rev: v{version}
    hooks:
      - id: planner
"""

_WORKFLOW = """\
name: plans
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  planner:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: {action}@v{version}
        with:
          paths: {plans}
"""

_TOOL_SECTION = """\
[tool.planner]
paths = ["{plans}"]
# as-of = "2026-11-24"          # pin the date a check judges from (default: today)

[tool.planner.rules]
# stale = "error"               # each rule: "error", "warning" or "off" (planner rules lists them)
"""


def init_repository(root: Path, as_of: date, config: Config) -> Outcome:
    outcome = Outcome()
    plans = config.paths[0]
    plans_dir = root / plans
    if plans_dir.is_dir() and any(plans_dir.rglob("*.md")):
        outcome.skipped.append((f"{plans}/ examples", f"{plans}/ already has plans"))
    else:
        plans_dir.mkdir(parents=True, exist_ok=True)
        for lane, (title, status, body) in _EXAMPLES.items():
            owner = "your-team" if status in ("committed", "in-progress") else None
            text = plan_text(title, lane, as_of, config, status=status, owner=owner, body=body)
            _create(root, f"{plans}/{lane}-example.md", text, outcome)
    action = PROJECT_URL.removeprefix("https://github.com/")
    _create(root, "mkdocs.yml", _MKDOCS.format(plans=plans), outcome)
    _create(root, ".pre-commit-config.yaml", _PRE_COMMIT.format(url=PROJECT_URL, version=__version__), outcome)
    workflow = _WORKFLOW.format(action=action, version=__version__, plans=plans)
    _create(root, ".github/workflows/planner.yml", workflow, outcome)
    _add_tool_section(root, _TOOL_SECTION.format(plans=plans), outcome)
    _ignore_site(root, outcome)
    return outcome


def _ignore_site(root: Path, outcome: Outcome) -> None:
    """The built site is output, not source: keep it out of git."""
    gitignore = root / ".gitignore"
    if not gitignore.exists():
        _create(root, ".gitignore", "site/\n", outcome)
        return
    data = gitignore.read_bytes()
    if re.search(rb"^/?site/?\r?$", data, re.MULTILINE):
        outcome.skipped.append((".gitignore site/", "already there"))
        return
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    separator = b"" if not data or data.endswith(b"\n") else newline
    write_bytes(gitignore, data + separator + b"site/" + newline)  # appended: every existing byte stays
    outcome.written.append(".gitignore site/")


def _create(root: Path, name: str, text: str, outcome: Outcome) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_text(path, text, exclusive=True)
    except FileExistsError:
        outcome.skipped.append((name, "exists"))
        return
    outcome.written.append(name)


def _add_tool_section(root: Path, section: str, outcome: Outcome) -> None:
    """[tool.planner] goes into pyproject.toml when there is one, else into planner.toml."""
    if (root / "planner.toml").exists():
        outcome.skipped.append(("[tool.planner]", "planner.toml exists"))
        return
    pyproject = root / "pyproject.toml"
    if not pyproject.exists():
        _create(root, "planner.toml", section.replace("[tool.planner.", "[").replace("[tool.planner]\n", ""), outcome)
        return
    data = pyproject.read_bytes()
    if re.search(rb"^\s*\[\s*tool\s*\.\s*planner\s*[\].]", data, re.MULTILINE):
        outcome.skipped.append(("pyproject.toml [tool.planner]", "already there"))
        return
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    addition = section.encode("utf-8").replace(b"\n", newline)
    separator = b"" if not data or data.endswith(newline * 2) else (newline if data.endswith(newline) else newline * 2)
    write_bytes(pyproject, data + separator + addition)  # appended: every existing byte stays
    outcome.written.append("pyproject.toml [tool.planner]")


def _yaml_string(text: str) -> str:
    # YAML double-quoted strings accept JSON escapes, so this is valid YAML for any title.
    import json

    return json.dumps(text, ensure_ascii=False)
