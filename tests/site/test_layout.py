"""Site options, docs folders other than plans/, the timeline's fade, progress and mkdocs --strict."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from site_support import AS_OF

from planner.config import Config
from planner.engine import iter_check
from planner.errors import ConfigError
from planner.load import discover
from planner.site import plugin
from planner.site.data import build_site_data
from planner.site.options import SiteOptions, parse_site_options
from planner.site.runner import BuildRequest, build_site
from planner.site.timeline import build_timeline

BAD = "---\ntitle: Billing\nstatus: proposed\ntarget: 2027-08-17\n---\nBody.\n"


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ({"lanes": "team"}, "tool.planner.site.lanes"),
        ({"recent-done": -1}, "tool.planner.site.recent-done"),
        ({"timeline-months": "two"}, "tool.planner.site.timeline-months"),
        ({"title": ""}, "tool.planner.site.title"),
        ({"colour": "red"}, "tool.planner.site.colour"),
    ],
    ids=["lanes", "recent-done", "timeline-months", "title", "unknown"],
)
def test_bad_site_options_name_their_key(table, key):
    with pytest.raises(ConfigError) as error:
        parse_site_options(table)
    assert error.value.key == key


def test_site_options_defaults_and_values():
    assert parse_site_options({}) == SiteOptions()
    assert parse_site_options({"lanes": "tag", "recent-done": 3}).lanes == "tag"


def test_far_wide_windows_fade_more_than_near_narrow_ones(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "near.md").write_text("---\ntitle: Near\nstatus: committed\nowner: a\ntarget: 2026-12\n---\n", "utf-8")
    (plans / "far.md").write_text("---\ntitle: Far\nstatus: proposed\ntarget: 2027-H2\n---\n", "utf-8")
    (plans / "lane.md").write_text("---\ntitle: Lane only\nstatus: exploring\nhorizon: later\n---\n", "utf-8")
    as_of = date.fromisoformat(AS_OF)
    config = Config()
    data = build_site_data(iter_check(discover(["plans"], tmp_path), config, as_of), config, as_of, "flag")
    timeline = build_timeline(data, config, "owner", 24)
    ramps = {g.gradient_id: g.ramp for g in timeline.gradients}
    bars = {bar.entry.plan_id: bar for bar in timeline.bars}
    assert ramps[bars["near"].gradient] < ramps[bars["far"].gradient]
    assert bars["lane"].lane_only and not bars["far"].lane_only
    assert [lane.name for lane in timeline.lanes] == ["a", "(no owner)"]
    assert bars["near"].x < timeline.today_x + 40 < bars["far"].x


def test_plans_outside_the_docs_folder_get_pages(site_repo, build):
    (site_repo / "docs").mkdir()
    (site_repo / "docs" / "about.md").write_text("# About us\n", "utf-8")
    (site_repo / "mkdocs.yml").write_text(
        "site_name: Docs\ndocs_dir: docs\ntheme: {name: material, font: false}\nplugins: [search, planner]\n", "utf-8"
    )
    assert build()[0] == 0
    site = site_repo / "site"
    assert "Core: plan files and planner check" in (site / "plans" / "core-check" / "index.html").read_text("utf-8")
    assert (site / "about" / "index.html").is_file()
    assert "About us" in (site / "board" / "index.html").read_text("utf-8")  # their page stays in the nav


def test_an_explicit_nav_keeps_its_order_and_gains_a_roadmap_section(site_repo, build):
    (site_repo / "docs").mkdir()
    (site_repo / "docs" / "index.md").write_text("# Welcome\n", "utf-8")
    (site_repo / "mkdocs.yml").write_text(
        "site_name: Docs\ndocs_dir: docs\nnav: [{Welcome: index.md}]\n"
        "theme: {name: material, font: false}\nplugins: [search, planner]\n",
        "utf-8",
    )
    assert build()[0] == 0
    site = site_repo / "site"
    assert "Welcome" in (site / "index.html").read_text("utf-8")  # their home page stays home
    board = (site / "planner" / "board" / "index.html").read_text("utf-8")
    nav = board[board.index('<nav class="md-nav md-nav--primary') :]
    assert nav.index("Welcome") < nav.index("Roadmap") < nav.index("Timeline")
    assert "Core: plan files and planner check" in board


def test_progress_counts_pages_on_request(site_repo, capsys):
    build_site(BuildRequest(root=site_repo, as_of=AS_OF, progress=True))
    plans = len(list((site_repo / "plans").glob("*.md")))
    pages = plans + 7  # a page per plan, and the seven generated pages
    assert f"planner: {pages}/{pages} pages" in capsys.readouterr().err
    build_site(BuildRequest(root=site_repo, as_of=AS_OF))
    assert "pages" not in capsys.readouterr().err


def test_mkdocs_strict_fails_on_errors_in_plans(site_repo, monkeypatch):
    (site_repo / "plans" / "billing.md").write_text(BAD, encoding="utf-8")
    (site_repo / "mkdocs.yml").write_text((Path(__file__).parents[2] / "mkdocs.yml").read_text("utf-8"), "utf-8")
    monkeypatch.setenv("PLANNER_AS_OF", AS_OF)
    run = [sys.executable, "-m", "mkdocs", "build", "-q"]
    assert subprocess.run(run, cwd=site_repo, capture_output=True).returncode == 0
    strict = subprocess.run([*run[:-1], "--strict"], cwd=site_repo, capture_output=True, text=True)
    assert strict.returncode == 1
    plans = len(list((site_repo / "plans").glob("*.md")))
    assert f"planner: 1 error, 0 warnings in {plans} plan files" in strict.stderr


def test_shared_navigation_markup_is_the_same_as_rendering_it_per_page(site_repo, monkeypatch):
    build_site(BuildRequest(root=site_repo, as_of=AS_OF, site_dir="cached"))

    class NoCache:
        def __call__(self, key: str, render: Callable[[], str]) -> str:
            return str(render())

    monkeypatch.setattr(plugin, "_RenderCache", NoCache)
    build_site(BuildRequest(root=site_repo, as_of=AS_OF, site_dir="uncached"))
    cached = sorted(p.relative_to(site_repo / "cached") for p in (site_repo / "cached").rglob("*.html"))
    assert len(cached) > 14
    for page in cached:
        assert (site_repo / "cached" / page).read_bytes() == (site_repo / "uncached" / page).read_bytes(), page


def test_recently_done_is_the_last_half_year_latest_first(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    for name, target in (("old", "2025-12"), ("recent", "2026-10"), ("earlier", "2026-07")):
        (plans / f"{name}.md").write_text(f"---\ntitle: {name}\nstatus: done\ntarget: {target}\n---\n", "utf-8")
    as_of = date.fromisoformat(AS_OF)
    config = Config()
    data = build_site_data(iter_check(discover(["plans"], tmp_path), config, as_of), config, as_of, "flag")
    assert [e.plan_id for e in data.recently_done(10)] == ["recent", "earlier"]
    assert [e.plan_id for e in data.recently_done(1)] == ["recent"]


def test_real_paths_agree_with_os_realpath(tmp_path):
    from planner.site.pages import _RealPaths

    (tmp_path / "plans" / "team").mkdir(parents=True)
    (tmp_path / "plans" / "team" / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "plans", target_is_directory=True)
    (tmp_path / "plans" / "b.md").symlink_to(tmp_path / "plans" / "team" / "a.md")
    paths = [
        tmp_path / "plans" / "team" / "a.md",
        tmp_path / "linked" / "team" / "a.md",
        tmp_path / "plans" / "b.md",
        tmp_path / "linked" / "b.md",
        tmp_path / "linked" / ".." / "plans" / "team" / "a.md",
        tmp_path / "plans" / "missing.md",
    ]
    realpath = _RealPaths()
    for path in paths:
        assert realpath(str(path)) == os.path.realpath(path), path
