"""planner's own HTML, rendered on a second core while MkDocs converts Markdown on the first.

A plan page is planner's card around MkDocs' HTML of the plan's body, and the generated
pages (board, timeline, indexes, report) are planner's alone: none of it waits for MkDocs.
On a large site a forked worker renders all of it while MkDocs runs its Markdown pass,
and each page is put together just before the theme renders it. The HTML is the same
either way (a test holds the two builds byte-identical). Without `fork`, on a small site,
in a dirty rebuild, or if the worker fails, pages are rendered here, when they are needed.
"""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.connection import Connection
from typing import Any

from planner.site.pages import Site, body_marker, render_page

PRERENDER_FROM = 200  # plan pages: below this, starting a worker costs more than it saves


def wanted(site: Site, dirty: bool) -> bool:
    """A worker pays off: a full build of a large site, where `fork` is safe."""
    return (
        not dirty
        and len(site.entry_by_src) >= PRERENDER_FROM
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1  # forking a threaded process (`serve`) is unsafe
    )


class Prerender:
    """The worker rendering every planner page of one build, and its results."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.marker = body_marker()
        self._pages: dict[str, str] | None = None
        context = multiprocessing.get_context("fork")
        self._conn, child = context.Pipe(duplex=False)
        # A daemon: should the build fail before the pages are collected, it does not outlive it.
        self._process = context.Process(target=self._work, args=(child,), daemon=True)
        self._process.start()
        child.close()

    def __contains__(self, src_uri: str) -> bool:
        return src_uri in self.site.entry_by_src or src_uri in self.site.page_by_src

    def page(self, src_uri: str, body_html: str) -> str:
        """The finished HTML of a planner page; `body_html` is MkDocs' HTML of a plan's body."""
        pages = self._collect()
        html = pages.get(src_uri)
        if html is None:  # the worker failed: render here, as a small site does
            return render_page(self.site, src_uri, body_html)
        return html.replace(self.marker, body_html, 1) if src_uri in self.site.entry_by_src else html

    def close(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._conn.close()

    def _collect(self) -> dict[str, str]:
        if self._pages is None:
            try:
                result: Any = self._conn.recv()
            except (EOFError, OSError):
                result = None
            self._pages = result if isinstance(result, dict) else {}
            self.close()
        return self._pages

    def _work(self, conn: Connection) -> None:
        try:
            every = [*self.site.entry_by_src, *self.site.page_by_src]
            pages = {src_uri: render_page(self.site, src_uri, self.marker) for src_uri in every}
        except Exception:  # the parent renders the pages itself, and so reports the error
            pages = None
        conn.send(pages)
        conn.close()
