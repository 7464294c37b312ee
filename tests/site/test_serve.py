"""planner serve: rebuilds on change; a failed rebuild is reported and the last good site stays up."""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from site_support import AS_OF

WAIT = 60.0  # generous: the machine may be busy; passing tests return as soon as the state is seen


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(predicate: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


@pytest.fixture
def served(site_repo: Path) -> Iterator[tuple[str, Callable[[], list[str]]]]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "planner", "serve", "--as-of", AS_OF, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=site_repo,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "CI": "1"},
    )
    lines: list[str] = []
    incoming: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            incoming.put(line)

    threading.Thread(target=pump, daemon=True).start()

    def drain() -> list[str]:
        while not incoming.empty():
            lines.append(incoming.get())
        return lines

    try:
        wait_for(lambda: any("serving" in line for line in drain()), "the server to start")
        yield f"http://127.0.0.1:{port}/", drain
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_edits_rebuild_and_a_failed_rebuild_keeps_the_last_good_site(served, site_repo):
    url, log = served
    status, board = fetch(url + "board/")
    assert status == 200 and "Site: board, fuzzy timeline" in board

    plan = site_repo / "plans" / "site.md"
    plan.write_text(plan.read_text("utf-8").replace("Site: board,", "Site, renamed: board,"), "utf-8")
    wait_for(lambda: "Site, renamed: board," in fetch(url + "board/")[1], "the edit to show on the board")

    (site_repo / "planner.toml").write_text('[site]\nlanes = "planet"\n', encoding="utf-8")
    wait_for(lambda: any("rebuild failed" in line for line in log()), "the failed rebuild to be reported")
    assert any("site.lanes" in line for line in log() if "rebuild failed" in line)
    status, board = fetch(url + "board/")
    assert status == 200 and "Site, renamed: board," in board  # the last good site is still served
    # ...and every page says so at the top, with the reason, until a rebuild works again.
    assert 'class="pl-rebuild-failed" role="alert"' in board and "site.lanes" in board
    assert board.index("pl-rebuild-failed") < board.index('class="md-header')

    (site_repo / "planner.toml").unlink()
    wait_for(lambda: "pl-rebuild-failed" not in fetch(url + "board/")[1], "the notice to go after a good rebuild")


def test_search_still_finds_every_page_after_a_rebuild(served, site_repo):
    """A rebuild renders only what changed; the search index must still hold every page."""
    import json

    url, _ = served

    def search_index() -> list[dict[str, str]]:
        try:
            return json.loads(fetch(url + "search/search_index.json")[1])["docs"]
        except ValueError:
            return []  # caught while the rebuild writes it

    before = {d["location"].split("#")[0] for d in search_index()}
    assert "plans/multi-repo/" in before

    plan = site_repo / "plans" / "site.md"
    plan.write_text(plan.read_text("utf-8").replace("Site: board,", "Site, renamed: board,"), "utf-8")
    wait_for(lambda: "Site, renamed: board," in fetch(url + "board/")[1], "the edit to show on the board")
    # The index is written at the end of the rebuild, after the pages: wait for it too.
    wait_for(lambda: any("Site, renamed" in d["title"] for d in search_index()), "the rebuilt search index")

    index = search_index()
    after = {d["location"].split("#")[0] for d in index}
    assert after == before
    assert any("Site, renamed" in d["title"] for d in index)


def test_a_rebuild_refreshes_the_plans_that_show_the_edited_one(served, site_repo):
    """`site` depends on `core-check`: core-check's page lists it under "Needed by"."""
    url, _ = served
    assert "Site: board, fuzzy timeline" in fetch(url + "plans/core-check/")[1]

    plan = site_repo / "plans" / "site.md"
    plan.write_text(plan.read_text("utf-8").replace("Site: board,", "Site, renamed: board,"), "utf-8")
    wait_for(lambda: "Site, renamed: board," in fetch(url + "board/")[1], "the edit to show on the board")
    assert "Site, renamed: board," in fetch(url + "plans/core-check/")[1]


def test_the_failure_notice_is_text_at_the_top_of_the_body():
    from planner.site.runner import with_failure_banner

    page = b'<html><head><title>x</title></head><body dir="ltr"><p>plan</p></body></html>'
    shown = with_failure_banner(page, "bad value <script>alert(1)</script>").decode()
    assert shown.startswith('<html><head><title>x</title></head><body dir="ltr"><div class="pl-rebuild-failed"')
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown and "<script>" not in shown
    assert shown.endswith("<p>plan</p></body></html>")
