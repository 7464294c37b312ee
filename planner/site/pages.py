"""The site's pages: which MkDocs file is which plan, where generated pages go, what they say.

Called by the plugin's event handlers; knows MkDocs' Files and Pages, never the CLI. The
check and planner's HTML come from site/checked.py, imported only when they run here: a
build whose worker checks and renders (site/worker.py) never loads that machinery.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from planner.config import Config
from planner.diagnostics import Report
from planner.load import PlanFile, discover
from planner.site.layout import PAGES, Layout, Outline, PlanPage, Plans, templates_dir
from planner.site.options import site_options
from planner.site.sanitize import clean_html

if TYPE_CHECKING:
    from planner.site.checked import CheckedSite

GENERATED_DIR = ".planner"  # plan ids never start with a dot, so these names cannot collide
CSS_URI = "assets/planner/planner.css"
FALLBACK_PREFIX = "planner"


def find_plans(root: Path, config: Config, as_of: date, as_of_source: str) -> Plans:
    """The plan files a build checks: a directory listing, nothing read yet."""
    return Plans(config, site_options(config), tuple(discover(config.paths, root)), as_of, as_of_source)


@dataclass
class Site:
    """One build's state: what the check found and which MkDocs file shows what."""

    plans: Plans
    plan_pages: tuple[PlanPage, ...]  # the usable plans, by id
    report: Report | None = None  # what the check found; a worker sends it after the plan pages
    checked: CheckedSite | None = None  # the check itself, once it has run in this process
    layout: Layout = field(default_factory=Layout)
    plan_by_src: dict[str, PlanPage] = field(default_factory=dict)
    search_html: dict[str, str] = field(default_factory=dict)  # src_uri -> what search indexes

    @property
    def config(self) -> Config:
        return self.plans.config

    @property
    def as_of(self) -> date:
        return self.plans.as_of

    @property
    def outline(self) -> Outline | None:
        return None if self.report is None else Outline(self.report, self.plan_pages)


def check_here(plans: Plans) -> Site:
    """Check every plan in this process."""
    from planner.site.checked import check_site, outline_of

    checked = check_site(plans)
    outline = outline_of(checked)
    return Site(plans, outline.plans, outline.report, checked)


def checked_here(site: Site) -> CheckedSite:
    """The check run in this process: when there is no worker, or it failed (same results)."""
    from planner.site.checked import check_site, report_of

    if site.checked is None:
        site.checked = check_site(site.plans)
    if site.report is None:
        site.report = report_of(site.checked)
    return site.checked


def _real(path: str | Path) -> str:
    return os.path.normcase(os.path.abspath(path))


class _RealPaths:
    """`os.path.realpath`, resolving each folder once: thousands of plans share a few folders."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        if os.path.islink(path):
            return os.path.realpath(path)
        folder, name = os.path.split(path)
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = os.path.realpath(folder)
        return os.path.join(real, name)


@dataclass(frozen=True, slots=True)
class PlanFiles:
    """Each plan file's canonical path and MkDocs' file of it, if MkDocs found one."""

    files: tuple[tuple[PlanFile, str, File | None], ...]


def find_plan_files(plans: Plans, files: Files) -> PlanFiles:
    """Match plan files to MkDocs' files; drop dangling symlinks and plans seen twice. Needs
    nothing from the check, so it runs while a worker checks."""
    for file in list(files):
        if file.abs_src_path is not None and file.generated_by is None and not os.path.exists(file.abs_src_path):
            files.remove(file)  # a dangling symlink: MkDocs would fail reading it; the check skipped it too
    realpath = _RealPaths()
    plan_paths = {realpath(str(p.file)): os.path.normpath(p.file) for p in plans.files}
    by_path = {}
    for file in list(files):
        if file.abs_src_path is None:
            continue
        canonical = plan_paths.get(realpath(file.abs_src_path))
        if canonical is not None and os.path.normpath(file.abs_src_path) != canonical:
            files.remove(file)  # the same plan again, through a symlinked folder: one page is enough
            continue
        by_path[_real(file.abs_src_path)] = file
    found = []
    for plan_file in plans.files:
        real = _real(plan_file.file)
        found.append((plan_file, real, by_path.get(real)))
    return PlanFiles(tuple(found))


def attach_files(site: Site, files: Files, config: MkDocsConfig, plan_files: PlanFiles) -> list[str]:
    """Make plan files plan pages (not in the nav), add the generated pages; return their src_uris."""
    by_id = {p.plan_id: p for p in site.plan_pages}
    entries = {real: by_id[p.plan_id] for p, real, _ in plan_files.files if p.plan_id in by_id}
    layout = site.layout
    for plan_file, real, existing in plan_files.files:
        entry = entries.get(real)
        if entry is None:
            if existing is not None:
                files.remove(existing)  # not a usable plan: the report lists it, no page renders it raw
            continue
        if existing is None or not existing.is_documentation_page():
            existing = File.generated(
                config, f"{GENERATED_DIR}/plans/{entry.plan_id}.md", abs_src_path=str(plan_file.file)
            )
            files.append(existing)
        existing.inclusion = InclusionLevel.NOT_IN_NAV
        _set_dest(existing, _dest(f"plans/{entry.plan_id}", config))
        site.plan_by_src[existing.src_uri] = entry
        layout.plan_by_src[existing.src_uri] = entry.plan_id
        layout.plan_urls[entry.plan_id] = existing.url
    taken = {f.dest_uri for f in files if f.src_uri not in site.plan_by_src}
    prefix = ""
    if any(_dest(name, config, home=True) in taken for name, _ in PAGES):
        prefix = FALLBACK_PREFIX + "/"  # the docs already have a home page: ours move aside
    layout.site_name = config.site_name
    src_uris = []
    for name, _title in PAGES:
        src_uri = f"{GENERATED_DIR}/{name}.md"
        generated = File.generated(config, src_uri, content="", inclusion=InclusionLevel.INCLUDED)
        _set_dest(generated, _dest(prefix + name, config, home=not prefix))
        files.append(generated)
        layout.page_by_src[src_uri] = name
        layout.page_urls[name] = generated.url
        src_uris.append(src_uri)
    css = (templates_dir() / "assets" / "planner.css").read_text(encoding="utf-8")
    files.append(File.generated(config, CSS_URI, content=css))
    return src_uris


def _dest(name: str, config: MkDocsConfig, home: bool = False) -> str:
    if name == "index" and home:
        return "index.html"
    if name.endswith("/index"):
        return name + ".html"
    return f"{name}/index.html" if config.use_directory_urls else f"{name}.html"


def _set_dest(file: File, dest_uri: str) -> None:
    file.dest_uri = dest_uri
    for cached in ("url", "abs_dest_path"):
        file.__dict__.pop(cached, None)


def nav_config(src_uris: list[str], files: Files, site: Site) -> list[Any]:
    """planner's pages first, then whatever other pages the docs folder holds."""
    titles = dict(PAGES)
    nav: list[Any] = [{titles[site.layout.page_by_src[s]]: s} for s in src_uris]
    ours = set(src_uris) | set(site.plan_by_src)
    for f in files.documentation_pages(inclusion=InclusionLevel.is_in_nav):
        if f.src_uri not in ours:
            nav.append(f.src_uri)
    return nav


def page_meta(site: Site, page: Page) -> dict[str, Any] | None:
    """The page's meta, set by planner (MkDocs' own copy comes from untrusted frontmatter)."""
    entry = site.plan_by_src.get(page.file.src_uri)
    if entry is not None:  # the header tabs are the navigation; the sidebar would hold one link
        depth = page.file.url.removeprefix("./").count("/")
        return {"title": str(escape(entry.title)), "hide": ["navigation"], "planner_nav": f"depth-{depth}"}
    name = site.layout.page_by_src.get(page.file.src_uri)
    if name is None:
        return None
    meta: dict[str, Any] = {"title": str(escape(dict(PAGES)[name])), "hide": ["navigation", "toc"]}
    if name != "index":
        meta["search"] = {"exclude": True}  # plan pages are searchable; lists of them add only noise
    return meta


def plan_source(site: Site, page: Page) -> str | None:
    entry = site.plan_by_src.get(page.file.src_uri)
    return None if entry is None else entry.body


def page_markdown(site: Site, page: Page, markdown: str) -> str:
    entry = site.plan_by_src.get(page.file.src_uri)
    if entry is not None:
        return entry.body
    return "" if page.file.src_uri in site.layout.page_by_src else markdown


def page_html(site: Site, page: Page, html: str) -> str:
    """The page's HTML: a plan's card around its body, a generated page, or the page as it is."""
    src_uri = page.file.src_uri
    if src_uri in site.plan_by_src:
        return render_page(site, src_uri, plan_body(site, page, html))
    if src_uri in site.layout.page_by_src:
        return render_page(site, src_uri, "")
    return html


def render_page(site: Site, src_uri: str, body_html: str) -> str:
    """One planner page, rendered here: a plan's card around `body_html`, or a generated page."""
    from planner.site.checked import render_page as render

    return render(checked_here(site), site.layout, src_uri, body_html)


def body_marker() -> str:
    """Stands for a plan's body in a card rendered without it; random, so no plan text holds it."""
    return f"planner-body-{secrets.token_hex(16)}"


def refresh_stale_cards(site: Site, files: Files) -> int:
    """For a dirty rebuild: MkDocs renders only the plans whose own file changed, but a plan's
    card also shows its dependencies' titles, windows, statuses and findings. Any plan page
    whose card is not in its last built HTML is rebuilt too. Returns how many were added."""
    marker = body_marker()
    added = 0
    for file in files.documentation_pages():
        if file.src_uri not in site.plan_by_src or file.is_modified():
            continue
        card = render_page(site, file.src_uri, marker).partition(marker)[0]
        try:
            with open(file.abs_dest_path, encoding="utf-8") as built:
                current = card in built.read()
        except (OSError, UnicodeDecodeError):
            current = False
        if not current:
            setattr(file, "is_modified", _modified)  # noqa: B010 - the one way to tell MkDocs
            added += 1
    return added


def _modified() -> bool:
    return True


def plan_body(site: Site, page: Page, html: str) -> str:
    """MkDocs' HTML of a plan's body, sanitised; what search indexes is kept aside."""
    entry = site.plan_by_src[page.file.src_uri]
    _clean_toc(page.toc.items if page.toc else [])
    body = clean_html(html)
    site.search_html[page.file.src_uri] = f"<h1>{escape(entry.title)}</h1>\n{body}"
    return body


def _clean_toc(items: list[AnchorLink]) -> None:
    """Heading titles from a plan body reach Material's sidebar raw: reduce them to text."""
    for item in items:
        item.title = str(escape(_text(item.title)))
        _clean_toc(item.children)


def _text(html: str) -> str:
    return Markup(html).striptags()
