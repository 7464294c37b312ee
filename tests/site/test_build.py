"""planner build: zero configuration, an existing mkdocs.yml, strict mode, determinism, safety."""

from __future__ import annotations

import hashlib
import multiprocessing
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from site_support import AS_OF, HOSTILE

from planner.cli import main
from planner.site import pages, worker

PAGES = (
    "index.html",
    "board/index.html",
    "timeline/index.html",
    "owners/index.html",
    "tags/index.html",
    "status/index.html",
    "report/index.html",
)
BAD = "---\ntitle: Billing\nstatus: proposed\ntarget: 2027-08-17\n---\nBody.\n"


class _Dangers(HTMLParser):
    """Everything in a page that a browser would run: scripts, on* handlers, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._script = tag == "script"
        if tag in ("iframe", "object", "embed"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            if name in ("href", "src", "xlink:href", "action") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"{tag} {name}={value}")

    def handle_data(self, data: str) -> None:
        if self._script and "alert(" in data:
            self.found.append(f"script {data[:40]}")

    def handle_endtag(self, tag: str) -> None:
        self._script = False


def dangers(html: str) -> list[str]:
    parser = _Dangers()
    parser.feed(html)
    return parser.found


def tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_repo_with_only_plans_builds_every_page(site_repo, build):
    code, out, _ = build()
    assert code == 0
    assert out.startswith(f"Built site/ from {own_plans(site_repo)} plans (as of 2026-11-24, from --as-of)")
    for page in PAGES:
        html = (site_repo / "site" / page).read_text(encoding="utf-8")
        assert f'datetime="{AS_OF}"' in html, page  # the as-of stamp on every page
    plan = (site_repo / "site" / "plans" / "site" / "index.html").read_text(encoding="utf-8")
    assert "Site: board, fuzzy timeline and a page per plan" in plan
    assert "Core: plan files and planner check" in plan  # its dependency, by title


def test_plan_pages_are_linked_but_not_listed_in_the_navigation(site_repo, build):
    assert build()[0] == 0
    home = (site_repo / "site" / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary') :]
    nav = nav[: nav.index("</nav>")]
    assert "Board" in nav and "Timeline" in nav
    assert "plans/site/" not in nav
    board = (site_repo / "site" / "board" / "index.html").read_text(encoding="utf-8")
    assert 'href="../plans/site/"' in board


def test_findings_do_not_stop_the_build_but_strict_errors_do(site_repo, build):
    (site_repo / "plans" / "billing.md").write_text(BAD, encoding="utf-8")
    code, out, _ = build()
    assert code == 0 and "1 error" in out
    report = (site_repo / "site" / "report" / "index.html").read_text(encoding="utf-8")
    assert "date-precision" in report and "<code>4:9</code>" in report
    page = (site_repo / "site" / "plans" / "billing" / "index.html").read_text(encoding="utf-8")
    assert "1 error" in page and "2027-Q3" in page  # the badge and the suggested fix

    (site_repo / "site" / "index.html").unlink()
    code, out, err = build("--strict")
    assert code == 1
    assert "plans/billing.md:4:9: error date-precision" in out
    assert "not built" in err
    assert not (site_repo / "site" / "index.html").exists()


def test_two_builds_are_byte_identical(site_repo, build):
    (site_repo / "plans" / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    assert build("--site-dir", "one")[0] == 0
    assert build("--site-dir", "two")[0] == 0
    one, two = tree(site_repo / "one"), tree(site_repo / "two")
    assert "sitemap.xml.gz" in one and "search/search_index.json" in one
    assert one == two


def test_a_site_checked_and_rendered_by_the_worker_is_the_site_built_in_process(site_repo, build, monkeypatch):
    # Large sites check the plans and render planner's HTML in a forked worker while MkDocs
    # lists files and converts Markdown.
    (site_repo / "plans" / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    (site_repo / "plans" / "billing.md").write_text(BAD, encoding="utf-8")
    (site_repo / "plans" / "broken.md").write_text("---\ntitle: [\n---\nNo page for this.\n", encoding="utf-8")
    received = []  # how many pages each worker sent back
    monkeypatch.setattr(worker.Worker, "page", _counting(worker.Worker.page, received))
    monkeypatch.setattr(worker, "WORKER_FROM", 10**9)
    here = build("--site-dir", "here")
    assert here[0] == 0 and "2 errors" in here[1]  # the date and the broken file
    assert received == []
    monkeypatch.setattr(worker, "WORKER_FROM", 1)
    assert build("--site-dir", "worker") == (0, here[1].replace("here/", "worker/"), here[2])
    assert received == [own_plans(site_repo) - 1 + 7]  # every usable plan and the seven generated pages
    assert tree(site_repo / "worker") == tree(site_repo / "here")
    report = (site_repo / "worker" / "report" / "index.html").read_text(encoding="utf-8")
    assert "date-precision" in report and "broken.md" in report
    assert not (site_repo / "worker" / "plans" / "broken").exists()
    assert multiprocessing.active_children() == []


def _counting(page, sizes):
    def counted(self, src_uri):
        first = len(self._messages) < 3
        html = page(self, src_uri)
        if first:
            sizes.append(len(self._messages[2]))
        return html

    return counted


def _fail_reading(self, conn, plans):
    conn.send(None)  # what the worker sends when reading the plans raised
    conn.close()


def _fail_rules(self, conn, plans):
    from planner.site.usable import plan_pages, read_sources

    conn.send(plan_pages(read_sources(plans), plans.config))
    conn.send(None)  # what the worker sends when the rest of the check raised
    conn.close()


def _fail_rendering(self, conn, plans):
    from planner.site.checked import check_site, report_of
    from planner.site.usable import plan_pages, read_sources

    conn.send(plan_pages(read_sources(plans), plans.config))
    conn.send(report_of(check_site(plans)))
    conn.recv()
    conn.send(None)  # what the worker sends when rendering raised
    conn.close()


def _die(self, conn, plans):
    conn.close()  # killed: the parent reads the end of the pipe


@pytest.mark.parametrize(
    "work", [_fail_reading, _fail_rules, _fail_rendering, _die], ids=["reading", "rules", "rendering", "killed"]
)
def test_a_failing_worker_leaves_the_check_and_the_pages_to_the_build(site_repo, build, monkeypatch, work):
    (site_repo / "plans" / "billing.md").write_text(BAD, encoding="utf-8")
    here = build("--site-dir", "here")
    assert here[0] == 0
    monkeypatch.setattr(worker, "WORKER_FROM", 1)
    monkeypatch.setattr(worker.Worker, "_work", work)
    assert build("--site-dir", "worker") == (0, here[1].replace("here/", "worker/"), here[2])
    assert tree(site_repo / "worker") == tree(site_repo / "here")


def test_strict_errors_found_by_the_worker_stop_the_build_before_it_cleans_the_site(site_repo, build, monkeypatch):
    monkeypatch.setattr(worker, "WORKER_FROM", 1)
    assert build()[0] == 0
    (site_repo / "plans" / "billing.md").write_text(BAD, encoding="utf-8")
    code, out, err = build("--strict")
    assert code == 1
    assert "plans/billing.md:4:9: error date-precision" in out
    assert "not built" in err
    assert (site_repo / "site" / "index.html").exists()  # the last site is still there
    assert multiprocessing.active_children() == []


def test_a_build_that_fails_does_not_leave_the_worker_behind(site_repo, build, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("the Markdown pass broke")

    monkeypatch.setattr(worker, "WORKER_FROM", 1)
    monkeypatch.setattr(pages, "plan_body", broken)
    code, _, err = build()
    assert code == 2 and "the Markdown pass broke" in err
    assert multiprocessing.active_children() == []


SITE_URL_CONFIG = (
    "site_name: X\nsite_url: https://plans.example.org/\ndocs_dir: plans\n"
    "theme: {name: material, font: false}\nplugins: [search, planner]\n"
)


def test_sitemap_dates_come_from_as_of_not_the_clock(site_repo, build):
    (site_repo / "mkdocs.yml").write_text(SITE_URL_CONFIG, encoding="utf-8")
    assert build()[0] == 0
    sitemap = (site_repo / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<lastmod>2026-11-24</lastmod>") == own_plans(site_repo) + 7  # and 7 generated pages
    header = (site_repo / "site" / "sitemap.xml.gz").read_bytes()[:10]
    assert int.from_bytes(header[4:8], "little") == 1795478400  # 2026-11-24T00:00:00Z


def test_source_date_epoch_is_honoured(site_repo, build, monkeypatch):
    (site_repo / "mkdocs.yml").write_text(SITE_URL_CONFIG, encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    assert build()[0] == 0
    sitemap = (site_repo / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<lastmod>2026-01-01</lastmod>") == own_plans(site_repo) + 7
    header = (site_repo / "site" / "sitemap.xml.gz").read_bytes()[:10]
    assert int.from_bytes(header[4:8], "little") == 1767225600


def test_hostile_plan_text_is_escaped_and_never_a_template(site_repo, build):
    (site_repo / "plans" / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    assert build()[0] == 0
    site = site_repo / "site"
    page = (site / "plans" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert dangers(page) == []
    # Hostile URLs are dropped from links; where they are only text, they show as text.
    assert not re.search(r"""(?:href|src|action|xlink:href)\s*=\s*["']?\s*(?:javascript|data):""", page, re.I)
    assert "&lt;javascript:alert(&#39;autolink&#39;)&gt;" in page or "&lt;javascript:alert('autolink')&gt;" in page
    article = page[page.index("<article") : page.index("</article>")]  # the page's content, not theme icons
    assert "{{ 7*7 }}" in article and "49" not in article
    assert "<h1>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page  # shown as text
    assert "example.com" not in page  # no remote image: nothing is fetched when a page is read
    assert "does-not-exist" in page  # the broken dependency is reported
    for html_file in sorted(site.rglob("*.html")):
        assert dangers(html_file.read_text(encoding="utf-8")) == [], html_file


def test_an_existing_mkdocs_yml_is_used(site_repo, build):
    (site_repo / "mkdocs.yml").write_text(
        "site_name: Acme roadmap\ndocs_dir: plans\ntheme: {name: material, font: false}\nplugins: [search, planner]\n",
        encoding="utf-8",
    )
    assert build()[0] == 0
    assert "<title>Board - Acme roadmap</title>" in (site_repo / "site" / "board" / "index.html").read_text("utf-8")


def test_mkdocs_yml_without_the_plugin_is_a_usage_error(site_repo, build):
    (site_repo / "mkdocs.yml").write_text("site_name: X\ndocs_dir: plans\n", encoding="utf-8")
    code, _, err = build()
    assert code == 2
    assert "add 'planner' under 'plugins:'" in err


def test_bad_site_option_names_the_key(site_repo, build):
    (site_repo / "planner.toml").write_text('[site]\nlanes = "planet"\n', encoding="utf-8")
    code, _, err = build()
    assert code == 2
    assert err.startswith("planner: config: site.lanes: must be one of owner, tag")


def test_plain_mkdocs_build_uses_the_same_plugin(site_repo, monkeypatch):
    (site_repo / "mkdocs.yml").write_text((Path(__file__).parents[2] / "mkdocs.yml").read_text("utf-8"), "utf-8")
    monkeypatch.setenv("PLANNER_AS_OF", AS_OF)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], check=True, cwd=site_repo)
    board = (site_repo / "site" / "board" / "index.html").read_text("utf-8")
    assert "Core: plan files and planner check" in board and f'datetime="{AS_OF}"' in board


def test_our_own_repository_builds(monkeypatch, tmp_path, capsys):
    repo = Path(__file__).parents[2]
    monkeypatch.chdir(repo)
    monkeypatch.delenv("PLANNER_AS_OF", raising=False)
    assert main(["build", "--as-of", AS_OF, "--site-dir", str(tmp_path / "site")]) == 0
    assert re.search(r"^Built .* from \d+ plans \(as of 2026-11-24", capsys.readouterr().out)
    assert (tmp_path / "site" / "timeline" / "index.html").is_file()


def test_no_plans_folder_is_a_one_line_usage_error(site_repo, build):
    for plan in (site_repo / "plans").iterdir():
        plan.unlink()
    (site_repo / "plans").rmdir()
    code, _, err = build()
    assert code == 2
    assert err == "planner: plans: no such folder; put plans in plans/ or add a mkdocs.yml\n"


def test_mkdocs_warnings_reach_the_terminal(site_repo, build):
    (site_repo / "plans" / "linked.md").write_text(
        "---\ntitle: Linked\nstatus: proposed\nhorizon: later\n---\nSee [the spec](missing.md).\n", "utf-8"
    )
    code, _, err = build()
    assert code == 0
    assert "WARNING: Doc file 'linked.md' contains a link 'missing.md'" in err


def own_plans(repo):
    """How many plans our own roadmap has: the site repo is a copy of it."""
    return len(list((repo / "plans").glob("*.md")))


def test_a_dirty_rebuild_renders_the_edited_plan_and_its_neighbours_only(site_repo, build):
    from planner.site.runner import BuildRequest, _run_build, load_mkdocs

    plans = site_repo / "plans"
    plan = "---\ntitle: {title}\nstatus: exploring\nhorizon: vision\n{extra}---\nBody.\n"
    (plans / "dirty-a.md").write_text(plan.format(title="Alpha", extra=""), encoding="utf-8")
    (plans / "dirty-b.md").write_text(plan.format(title="Beta", extra="depends_on: [dirty-a]\n"), encoding="utf-8")
    (plans / "dirty-c.md").write_text(plan.format(title="Gamma", extra=""), encoding="utf-8")
    assert build()[0] == 0
    built = site_repo / "site" / "plans"
    before = {page.parent.name: page.stat().st_mtime_ns for page in built.glob("*/index.html")}
    (plans / "dirty-a.md").write_text(plan.format(title="Alpha, renamed", extra=""), encoding="utf-8")

    _run_build(load_mkdocs(BuildRequest(root=site_repo, as_of=AS_OF)), dirty=True)
    after = {page.parent.name: page.stat().st_mtime_ns for page in built.glob("*/index.html")}
    assert {name for name in before if after[name] != before[name]} == {"dirty-a", "dirty-b"}
    assert "Alpha, renamed" in (built / "dirty-b" / "index.html").read_text("utf-8")  # under "Depends on"


def test_a_rebuild_checks_again_only_the_plans_whose_file_changed(site_repo, build, monkeypatch):
    from planner.site import checked
    from planner.site.runner import BuildRequest, _run_build, load_mkdocs

    plans = site_repo / "plans"
    plan = "---\ntitle: {title}\nstatus: exploring\nhorizon: vision\n---\nBody.\n"
    (plans / "kept-a.md").write_text(plan.format(title="Alpha"), encoding="utf-8")
    (plans / "kept-b.md").write_text(plan.format(title="Beta"), encoding="utf-8")
    assert build()[0] == 0
    checks: list[str] = []
    real = checked.check_source

    def counted(source, config, ctx):
        checks.append(source.location.plan_id)
        return real(source, config, ctx)

    monkeypatch.setattr(checked, "check_source", counted)

    def rebuild(as_of: str = AS_OF) -> str:
        checks.clear()
        _run_build(load_mkdocs(BuildRequest(root=site_repo, as_of=as_of)), dirty=True)
        return (site_repo / "site" / "report" / "index.html").read_text("utf-8")

    rebuild()
    assert checks == []  # nothing changed since the build: every check is kept
    (plans / "kept-a.md").write_text(BAD, encoding="utf-8")
    report = rebuild()
    assert checks == ["kept-a"]
    assert "date-precision" in report and "kept-a" in report  # the edit's finding is on the rebuilt site
    (plans / "kept-a.md").write_text(plan.format(title="Alpha"), encoding="utf-8")
    report = rebuild()
    assert checks == ["kept-a"] and "date-precision" not in report
    rebuild("2026-12-24")  # another as-of date: every plan is judged again
    assert len(checks) == own_plans(site_repo)
    rebuild("2026-12-24")
    assert checks == []
    (site_repo / "planner.toml").write_text('[rules]\nstale = "off"\n', encoding="utf-8")
    rebuild("2026-12-24")  # another config: the same
    assert len(checks) == own_plans(site_repo)
