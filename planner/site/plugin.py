"""The `planner` MkDocs plugin: event handlers, a few lines each, over site/pages.py.

Works the same from `mkdocs build` with `plugins: [search, planner]` and from
`planner build`, which drives MkDocs' own API and sets the options below.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config as MkDocsBaseConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from planner.config import find_config_file, load_config, resolve_as_of
from planner.diagnostics import Severity
from planner.errors import PlannerError
from planner.site import pages, worker
from planner.site.layout import Plans, plural, templates_dir

log = logging.getLogger("mkdocs.plugins.planner")


class PlannerPluginConfig(MkDocsBaseConfig):  # type: ignore[no-untyped-call]
    as_of = c.Optional(c.Type(str))  # YYYY-MM-DD; else $PLANNER_AS_OF, planner config, today
    config_file = c.Optional(c.Type(str))  # planner.toml or pyproject.toml; else the nearest one
    strict = c.Type(bool, default=False)  # errors in plans fail the build
    progress = c.Type(bool, default=False)  # page counts on stderr (planner build sets it on a TTY)


class PlannerPlugin(BasePlugin[PlannerPluginConfig]):  # type: ignore[no-untyped-call]
    supports_multiple_instances = False
    site: pages.Site | None = None
    _plans: Plans | None = None
    _worker: worker.Worker | None = None  # checking and rendering on a second core, if any
    _reported = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        try:
            path = Path(self.config.config_file) if self.config.config_file else find_config_file(root)
            planner_config = load_config(path)
            today = date.today()  # noqa: DTZ011 - the clock is read at the edge, here
            as_of, source = resolve_as_of(
                self.config.as_of, os.environ.get("PLANNER_AS_OF"), planner_config.as_of, today
            )
            self._plans = pages.find_plans(root, planner_config, as_of, source)
        except (PlannerError, FileNotFoundError) as e:
            raise PluginError(f"planner: {e}") from None
        self.user_nav = config.nav is not None
        theme_dirs = config.theme.dirs
        theme_dirs.insert(1 if config.theme.custom_dir else 0, str(templates_dir() / "theme"))
        config.extra_css.append(pages.CSS_URI)
        self.pages_done = 0
        self.site = None
        self._reported = False
        self._close_worker()
        if worker.wanted(self._plans, self.dirty):
            self._worker = worker.Worker(self._plans)  # it checks while MkDocs lists the files
        else:
            self._site(config)
            self._report(config)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        index = Path(config.site_dir) / SEARCH_INDEX
        self._previous_index = _read_json(index) if self.dirty and index.is_file() else None
        if self.config.strict:  # a build that errors will stop must stop before it cleans the last site out
            self._report(config)

    def _site(self, config: MkDocsConfig) -> pages.Site:
        """The usable plans, from the worker or from a check in this process."""
        if self.site is None:
            assert self._plans is not None
            found = self._worker.plan_pages() if self._worker is not None else None
            try:
                if found is not None:
                    self.site = pages.Site(self._plans, found)
                else:
                    self._close_worker()
                    self.site = pages.check_here(self._plans)
            except PlannerError as e:
                raise PluginError(f"planner: {e}") from None
        return self.site

    def _report(self, config: MkDocsConfig) -> None:
        """What the check found, once: a line in the log, or the end of a strict build."""
        site = self._site(config)
        if self._reported:
            return
        if site.report is None and self._worker is not None:
            site.report = self._worker.report()
        if site.report is None:  # the worker failed
            try:
                pages.checked_here(site)
            except PlannerError as e:
                raise PluginError(f"planner: {e}") from None
        report = site.report
        assert report is not None
        self._reported = True
        errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
        counts = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
        summary = f"planner: {counts} in {plural(report.files_checked, 'plan file')} (as of {report.as_of})"
        if errors and self.config.strict:
            raise PluginError(f"{summary}; strict mode: fix them or build without --strict")
        # Under `mkdocs build --strict`, a warning fails the build: so do errors in plans.
        (log.warning if errors and config.strict else log.info)(summary)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self._plans is not None
        plan_files = pages.find_plan_files(self._plans, files)  # while the worker reads the plans
        site = self._site(config)
        generated = pages.attach_files(site, files, config, plan_files)
        if self.user_nav:  # their nav stays as written; planner's pages become one more section
            config.nav = [*(config.nav or []), {"Roadmap": pages.nav_config(generated, Files([]), site)}]
        else:
            config.nav = pages.nav_config(generated, files, site)
        self.pages_total = len(files.documentation_pages())
        self.page_urls = frozenset(f.url for f in files.documentation_pages())
        if self._worker is not None:  # every page's URL is known and no page is read yet
            self._worker.render(site.layout)
        return files

    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        assert self.site is not None
        if self.dirty:
            pages.refresh_stale_cards(self.site, files)
        return nav

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        assert self.site is not None
        self._report(config)  # every page is read: by now the worker's rules have long run
        env.globals["planner_as_of"] = self.site.as_of.isoformat()
        env.globals["planner_cache"] = _RenderCache()  # one per build
        return env

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        assert self.site is not None
        return pages.plan_source(self.site, page)  # already read and split once, by the check

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.site is not None
        meta = pages.page_meta(self.site, page)
        if meta is not None:
            page.meta = meta
        if "SOURCE_DATE_EPOCH" not in os.environ:
            page.update_date = self.site.as_of.isoformat()  # no build clock in the output
        return pages.page_markdown(self.site, page, markdown)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.site is not None
        if self._worker is not None and page.file.src_uri in self.site.layout.page_by_src:
            return ""  # the worker renders it; the page is put together before the theme runs
        if self._worker is not None and page.file.src_uri in self.site.plan_by_src:
            return pages.plan_body(self.site, page, html)  # the worker renders its card
        return pages.page_html(self.site, page, html)

    # Search indexes a plan's title and body, not its card, dependency lists and findings:
    # better results, and half the HTML to parse. Swapped in before search runs, back after.
    @event_priority(100)
    def _before_search(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        assert self.site is not None
        if self._worker is not None:
            page.content = self._from_worker(page.file.src_uri, page.content or "")
        searchable = self.site.search_html.pop(page.file.src_uri, None)
        if searchable is not None:
            self._full_html = page.content
            page.content = searchable
        return context

    @event_priority(-100)
    def _after_search(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if self._full_html is not None:
            page.content, self._full_html = self._full_html, None
        return context

    on_page_context = CombinedEvent(_before_search, _after_search)
    _full_html: str | None = None

    def _from_worker(self, src_uri: str, html: str) -> str:
        """A planner page from the worker, around MkDocs' HTML of a plan's body; else `html`."""
        assert self.site is not None and self._worker is not None
        if src_uri not in self.site.plan_by_src and src_uri not in self.site.layout.page_by_src:
            return html
        rendered = self._worker.page(src_uri)
        if rendered is None:  # the worker failed: render here, as a small site does
            return pages.render_page(self.site, src_uri, html)
        return rendered.replace(self._worker.marker, html, 1) if src_uri in self.site.plan_by_src else rendered

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.pages_done += 1
        if self.config.progress and (self.pages_done % 25 == 0 or self.pages_done == self.pages_total):
            sys.stderr.write(f"\rplanner: {self.pages_done}/{self.pages_total} pages")
            sys.stderr.flush()
        return output

    # `planner serve` rebuilds dirty: MkDocs renders only changed pages, and the search plugin
    # then writes an index of those alone. Keep the last index and put the rebuilt pages in it.
    dirty = False
    _previous_index: dict[str, Any] | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._close_worker()
        if self.config.progress and self.pages_done:
            sys.stderr.write("\n")
        if "SOURCE_DATE_EPOCH" not in os.environ and self.site is not None:
            _restamp_sitemap(Path(config.site_dir), self.site.as_of)
        if self._previous_index is not None:
            _merge_search_index(Path(config.site_dir) / SEARCH_INDEX, self._previous_index, self.page_urls)

    def on_build_error(self, *, error: Exception) -> None:
        self._close_worker()

    def _close_worker(self) -> None:
        if self._worker is not None:
            self._worker.close()
            self._worker = None

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.site is not None:  # plans may live outside docs_dir; `mkdocs serve` should see them
            root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
            for folder in self.site.config.paths:
                if (root / folder).exists():
                    server.watch(str(root / folder))
            if self.site.config.source:
                server.watch(self.site.config.source)
            server.watch(str(root), recursive=False)  # a planner.toml created later
        return server


class _RenderCache:
    """Theme markup that is the same on many pages, rendered once per build."""

    def __init__(self) -> None:
        self._done: dict[str, str] = {}

    def __call__(self, key: str, render: Any) -> str:
        if key not in self._done:
            self._done[key] = str(render())
        return self._done[key]


def _restamp_sitemap(site_dir: Path, as_of: date) -> None:
    """MkDocs stamps sitemap.xml.gz with the build time; stamp it with the as-of date instead."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return
    stamp = int(datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC).timestamp())
    target = site_dir / "sitemap.xml.gz"
    with target.open("wb") as raw, gzip.GzipFile(fileobj=raw, filename=str(target), mode="wb", mtime=stamp) as gz:
        gz.write(sitemap.read_bytes())


SEARCH_INDEX = "search/search_index.json"


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("docs"), list) else None


def _merge_search_index(path: Path, previous: dict[str, Any], page_urls: frozenset[str]) -> None:
    """The new index holds only rebuilt pages: add back the other pages that still exist."""
    current = _read_json(path)
    if current is None:
        return

    def page_of(doc: dict[str, Any]) -> str:
        return str(doc.get("location", "")).split("#", 1)[0]

    rebuilt = {page_of(doc) for doc in current["docs"]}
    kept = [doc for doc in previous["docs"] if page_of(doc) not in rebuilt and page_of(doc) in page_urls]
    current["docs"] = kept + current["docs"]
    path.write_text(json.dumps(current, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
