"""The check and planner's HTML for one build: run by the worker, or here when there is none.

This is where the check machinery (load, model, prose, rules) and the templates are
imported: MkDocs' side of the build (site/pages.py) imports it only when it has to check
or render in process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from planner.config import Config
from planner.diagnostics import Report
from planner.engine import Checked, check_source
from planner.load import PlanFile, Source, load_source
from planner.rules import RuleContext
from planner.site.data import SiteData, build_site_data
from planner.site.layout import Layout, Outline, PlanPage, Plans
from planner.site.render import Links, Renderer


@dataclass(frozen=True, slots=True)
class CheckedSite:
    """The checked plans, and the renderer of planner's pages from them."""

    data: SiteData
    renderer: Renderer


def check_site(plans: Plans, sources: Iterable[Source] | None = None) -> CheckedSite:
    """Check every plan once; `sources` are the plan files already read, else they are read here.

    A file whose bytes, config and as-of date are those of the last build in this process
    keeps that build's check: `planner serve` rebuilds after every save, and one file changed.
    Rules read one file each, so nothing else can change its findings."""
    global _kept  # this process's last build; swapped whole, so a failed build leaves it as it was
    config, ctx = plans.config, RuleContext(plans.as_of, plans.config)
    read = sources if sources is not None else map(load_source, plans.files)
    settings = (config, plans.as_of)
    last_settings, last = _kept
    previous = last if last_settings == settings else {}
    kept: dict[tuple[PlanFile, str, str], Checked] = {}

    def checked() -> Iterator[Checked]:
        for source in read:
            key = (source.location, source.encoding, source.text)
            result = previous.get(key)
            if result is None:
                result = check_source(source, config, ctx)
            kept[key] = result
            yield result

    data = build_site_data(checked(), config, plans.as_of, plans.as_of_source)
    _kept = (settings, kept)
    return CheckedSite(data, Renderer(data, config, plans.options))


_kept: tuple[tuple[Config, date] | None, dict[tuple[PlanFile, str, str], Checked]] = (None, {})


def report_of(checked: CheckedSite) -> Report:
    data = checked.data
    return Report(data.as_of, data.as_of_source, data.files_checked, data.diagnostics)


def outline_of(checked: CheckedSite) -> Outline:
    plans = tuple(PlanPage(e.plan_id, e.title, e.body) for e in checked.data.entries)
    return Outline(report_of(checked), plans)


def render_page(checked: CheckedSite, layout: Layout, src_uri: str, body_html: str) -> str:
    """One planner page: a plan's card around `body_html`, or a generated page."""
    checked.renderer.site_name = layout.site_name
    plan_id = layout.plan_by_src.get(src_uri)
    if plan_id is not None:
        links = Links(layout.plan_urls[plan_id], layout.plan_urls, layout.page_urls)
        return checked.renderer.plan_page(checked.data.by_id[plan_id], body_html, links)
    name = layout.page_by_src[src_uri]
    return checked.renderer.page(name, Links(layout.page_urls[name], layout.plan_urls, layout.page_urls))
