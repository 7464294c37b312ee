"""The site's shape in plain values: planner's pages, what the check found, where pages go.

MkDocs' side of a build needs only these; the check and planner's HTML (site/checked.py)
may run in a forked worker (site/worker.py), and what crosses between the two processes
is defined here. Importing this module costs next to nothing: no model, no rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import planner
from planner.config import Config
from planner.diagnostics import Report
from planner.load import PlanFile
from planner.site.options import SiteOptions

# (name, title): the generated pages, in navigation order.
PAGES = (
    ("index", "Home"),
    ("board", "Board"),
    ("timeline", "Timeline"),
    ("owners", "Owners"),
    ("tags", "Tags"),
    ("status", "Status"),
    ("report", "Report"),
)


def templates_dir() -> Path:
    """`planner/templates` inside an installed wheel, else the source tree's `templates/`."""
    package = Path(planner.__file__).resolve().parent
    for candidate in (package / "templates", package.parent / "templates"):
        if (candidate / "pages").is_dir():
            return candidate
    raise FileNotFoundError("planner's templates folder is missing from this installation")


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


@dataclass(frozen=True, slots=True)
class Plans:
    """What one build checks: the plan files found, the config and the as-of date."""

    config: Config
    options: SiteOptions
    files: tuple[PlanFile, ...]
    as_of: date
    as_of_source: str


@dataclass(frozen=True, slots=True)
class PlanPage:
    """A usable plan as MkDocs sees it: its id, its title and its Markdown body."""

    plan_id: str
    title: str
    body: str


@dataclass(frozen=True, slots=True)
class Outline:
    """What the check found: every finding, and the usable plans (by id) that get pages."""

    report: Report
    plans: tuple[PlanPage, ...]


@dataclass
class Layout:
    """Where MkDocs put planner's pages: all that rendering them needs to know of MkDocs."""

    site_name: str = ""
    plan_by_src: dict[str, str] = field(default_factory=dict)  # src_uri -> plan id
    page_by_src: dict[str, str] = field(default_factory=dict)  # src_uri -> generated page name
    plan_urls: dict[str, str] = field(default_factory=dict)  # plan id -> URL
    page_urls: dict[str, str] = field(default_factory=dict)  # generated page name -> URL

    def every_page(self) -> list[str]:
        return [*self.plan_by_src, *self.page_by_src]
