"""The built site in a real headless Chromium, served from localhost with the network blocked.

One site (our plans, a hostile plan, 40 generated plans) and one browser per module.
Skipped only when Chromium is missing and PLANNER_REQUIRE_BROWSER is unset (CI sets it).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest
from site_support import AS_OF, HOSTILE, REPO, load_bench

from planner.cli import main

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
GENERATED_PAGES = ("", "board/", "timeline/", "owners/", "tags/", "status/", "report/")


def _browser_or_skip() -> Any:
    required = bool(os.environ.get("PLANNER_REQUIRE_BROWSER"))
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if required:
            pytest.fail("PLANNER_REQUIRE_BROWSER is set but the playwright package is missing")
        pytest.skip("playwright is not installed")
    if not (Path(CHROMIUM).is_file() or shutil.which("chromium")):
        if required:
            pytest.fail(f"PLANNER_REQUIRE_BROWSER is set but {CHROMIUM} is missing: apt-get install chromium")
        pytest.skip("chromium is not installed")
    return sync_playwright


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("repo")
    load_bench().generate(repo, 40)
    for plan in (REPO / "plans").glob("*.md"):
        (repo / "plans" / plan.name).write_bytes(plan.read_bytes())
    (repo / "plans" / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    cwd = Path.cwd()
    os.chdir(repo)
    try:
        assert main(["build", "--as-of", AS_OF]) == 0
    finally:
        os.chdir(cwd)
    return repo / "site"


@pytest.fixture(scope="module")
def server(built_site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(built_site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser_page(server: str) -> Iterator[tuple[Any, dict[str, list[str]]]]:
    sync_playwright = _browser_or_skip()
    seen: dict[str, list[str]] = {"dialogs": [], "blocked": [], "errors": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900})

        def route(r: Any) -> None:
            if r.request.url.startswith(server):
                r.continue_()
            else:  # the network is closed: anything not from our server is recorded and refused
                seen["blocked"].append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        yield page, seen
        browser.close()


@pytest.fixture(scope="module")
def crawl(browser_page: tuple[Any, dict[str, list[str]]], server: str) -> dict[str, dict[str, Any]]:
    """Every page reachable from home: its status, as-of stamp, ids and links."""
    page, _ = browser_page
    pages: dict[str, dict[str, Any]] = {}
    queue = [server]
    while queue:
        url = queue.pop(0)
        if url in pages:
            continue
        response = page.goto(url)
        info = page.evaluate(
            """() => ({
                asof: document.querySelector('.pl-asof time')?.textContent,
                ids: [...document.querySelectorAll('[id]')].map(e => e.id),
                links: [...document.querySelectorAll('a[href]')].map(
                    a => new URL(a.getAttribute('href'), document.baseURI).href),
            })"""
        )
        info["status"] = response.status if response else None
        pages[url] = info
        for link in info["links"]:
            target, _ = urldefrag(link)
            if (
                target.startswith(server)
                and target not in pages
                and not urlsplit(target).path.endswith((".xml", ".gz"))
            ):
                queue.append(target)
    return pages


def test_every_generated_page_and_plan_page_is_reachable_from_home(crawl, server, built_site):
    reached = set(crawl)
    for name in GENERATED_PAGES:
        assert server + name in reached
    plan_pages = {
        p.parent.relative_to(built_site / "plans").as_posix() for p in (built_site / "plans").rglob("index.html")
    }
    ours = len(list((Path(__file__).resolve().parents[2] / "plans").glob("*.md")))
    assert len(plan_pages) == 40 + ours + 1  # 40 generated, ours, the hostile one
    for plan_id in plan_pages:
        assert f"{server}plans/{plan_id}/" in reached, plan_id


def test_no_broken_links_or_anchors(crawl, server):
    broken = [url for url, info in crawl.items() if info["status"] != 200]
    assert broken == []
    missing = []
    for url, info in crawl.items():
        for link in info["links"]:
            target, fragment = urldefrag(link)
            if fragment and target in crawl and fragment not in crawl[target]["ids"]:
                missing.append(f"{url} -> {link}")
    assert missing == []


def test_as_of_on_every_page(crawl):
    assert {url: info["asof"] for url, info in crawl.items() if info["asof"] != AS_OF} == {}


def test_timeline_svg_and_its_text_alternative(browser_page, server):
    page, _ = browser_page
    page.goto(server + "timeline/")
    bars = page.locator(".pl-timeline svg.pl-chart a.pl-bar")
    rows = page.locator("#timeline-table ~ .pl-table tbody tr")
    assert bars.count() > 30
    assert rows.count() == bars.count()
    assert page.locator(".pl-timeline svg line.pl-today").count() >= 1
    assert page.locator("svg.pl-chart[role=img][aria-label]").count() == page.locator("details.pl-lane").count()
    # Near bars are crisper than far ones: the fade ramp grows with the band.
    ramps = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('linearGradient')].map(
            g => [g.id, parseFloat(g.querySelectorAll('stop')[1].getAttribute('offset'))]))"""
    )
    now = [v for k, v in ramps.items() if k.startswith("fade-now-")]
    vision = [v for k, v in ramps.items() if k.startswith("fade-vision-")]
    assert now and vision and max(now) < min(vision)


def test_hostile_plan_shows_its_text_and_runs_nothing(browser_page, server, crawl):
    page, seen = browser_page
    page.goto(server + "plans/hostile/")
    heading = page.locator("article h1").first
    assert heading.inner_text().startswith("<script>alert('title')</script><img src=x onerror=alert('img')>")
    body = page.locator(".pl-body").inner_text()
    assert "{{ 7*7 }}" in body and "{% if true %}jinja{% endif %}" in body
    assert "does-not-exist" in page.locator(".pl-deps").inner_text()
    page.get_by_text("click me").click()
    page.get_by_text("hover text").hover()
    for name in ("board/", "timeline/", "owners/", "tags/"):
        page.goto(server + name)
        page.locator("a", has_text="<script>alert('title')").first.hover()
    assert seen["dialogs"] == []
    assert seen["errors"] == []


def test_search_works_offline(browser_page, server):
    page, _ = browser_page
    page.goto(server)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("fuzzy timeline")
    from playwright.sync_api import expect

    expect(page.locator(".md-search-result__item").first).to_contain_text("timeline", timeout=10_000)


def test_the_readers_dark_scheme_is_followed_and_can_be_toggled(browser_page, server):
    from playwright.sync_api import expect

    shared, _ = browser_page
    for scheme, shown, toggled in (("dark", "slate", "default"), ("light", "default", "slate")):
        # A fresh context per scheme: Material remembers a reader's last choice in storage.
        context = shared.context.browser.new_context(color_scheme=scheme)
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(server) else r.abort())
        page = context.new_page()
        page.goto(server + "board/")
        body = page.locator("body")
        expect(body).to_have_attribute("data-md-color-scheme", shown, timeout=10_000)
        page.locator("label.md-header__button[for^='__palette']:visible").click()
        expect(body).to_have_attribute("data-md-color-scheme", toggled, timeout=10_000)
        context.close()


def test_nothing_outside_the_site_is_requested(browser_page, crawl):
    _, seen = browser_page
    assert seen["blocked"] == []
