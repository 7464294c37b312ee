"""HTML for the generated pages and the plan cards, from planner's own autoescaping templates.

MkDocs builds its theme environment without autoescape, so planner never hands plan text
to it as markup: every page here is rendered by `jinja2.Environment(autoescape=True)` over
the top-level `templates/` folder. Plan text is data, never a template.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from planner.config import Config
from planner.diagnostics import Severity
from planner.site.data import BOARD_COLUMNS, STATUS_ORDER, Entry, SiteData, unique_slugs
from planner.site.layout import plural, templates_dir
from planner.site.options import SiteOptions
from planner.site.timeline import build_timeline

COLUMN_TITLES = {"now": "Now", "next": "Next", "later": "Later", "far": "Far", "vision": "Vision"}


@functools.cache
def make_environment() -> jinja2.Environment:
    """One environment a process: it compiles each template once, and `planner serve` then
    renders every rebuild from the compiled templates (they reload when their file changes)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["plural"] = plural
    return env


@dataclass(frozen=True, slots=True)
class Links:
    """URLs relative to the page being rendered."""

    page_url: str
    plan_urls: Mapping[str, str]
    page_urls: Mapping[str, str]

    def _relative(self, url: str) -> str:
        # A page n folders deep reaches the site root with n "../": far cheaper than a
        # general relative path, and the board alone links to every plan.
        depth = self.page_url.removeprefix("./").count("/")
        if url in ("", "./"):
            return "../" * depth or "./"
        return "../" * depth + url

    def plan(self, plan_id: str) -> str:
        return self._relative(self.plan_urls[plan_id])

    def page(self, name: str, anchor: str = "") -> str:
        url = get_relative_url(self.page_urls[name], self.page_url)
        return f"{url}#{anchor}" if anchor else url

    def has_plan(self, plan_id: str) -> bool:
        return plan_id in self.plan_urls


class Renderer:
    """Renders every planner page for one build."""

    def __init__(self, data: SiteData, config: Config, options: SiteOptions) -> None:
        self.data = data
        self.config = config
        self.options = options
        self.env = make_environment()
        self.owner_ids = unique_slugs([n for n, _ in data.groups("owner")], "owner")
        self.tag_ids = unique_slugs([n for n, _ in data.groups("tag")], "tag")
        self.status_ids = {s: f"status-{s}" for s in STATUS_ORDER}
        self.site_name = options.title  # MkDocs' site_name, once the plugin knows it

    def _render(self, template: str, links: Links, **context: Any) -> str:
        return self.env.get_template(template).render(
            data=self.data,
            links=links,
            options=self.options,
            owner_ids=self.owner_ids,
            tag_ids=self.tag_ids,
            status_ids=self.status_ids,
            Severity=Severity,
            **context,
        )

    def page(self, name: str, links: Links) -> str:
        return PAGE_RENDERERS[name](self, links)

    def home(self, links: Links) -> str:
        columns = [(COLUMN_TITLES[b], b, len(self.data.column(b))) for b in BOARD_COLUMNS]
        statuses = [(name, len(entries)) for name, entries in self.data.groups("status")]
        return self._render("pages/home.html", links, columns=columns, statuses=statuses, site_name=self.site_name)

    def board(self, links: Links) -> str:
        columns = [(COLUMN_TITLES[b], b, self.data.column(b)) for b in BOARD_COLUMNS]
        done = self.data.recently_done(self.options.recent_done)
        return self._render("pages/board.html", links, columns=columns, done=done, unplaced=self.data.unplaced())

    def timeline(self, links: Links) -> str:
        timeline = build_timeline(self.data, self.config, self.options.lanes, self.options.timeline_months)
        return self._render("pages/timeline.html", links, timeline=timeline)

    def groups(self, links: Links, key: str) -> str:
        ids = {"owner": self.owner_ids, "tag": self.tag_ids, "status": self.status_ids}[key]
        return self._render("pages/groups.html", links, key=key, groups=self.data.groups(key), ids=ids)

    def report(self, links: Links) -> str:
        return self._render("pages/report.html", links)

    def plan_page(self, entry: Entry, body_html: str, links: Links) -> str:
        return self._render("pages/plan.html", links, entry=entry, body=Markup(body_html))


PAGE_RENDERERS: dict[str, Callable[[Renderer, Links], str]] = {
    "index": Renderer.home,
    "board": Renderer.board,
    "timeline": Renderer.timeline,
    "owners": lambda r, links: r.groups(links, "owner"),
    "tags": lambda r, links: r.groups(links, "tag"),
    "status": lambda r, links: r.groups(links, "status"),
    "report": Renderer.report,
}
