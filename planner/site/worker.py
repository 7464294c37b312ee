"""The check and planner's HTML, on a second core, while MkDocs does its own work on the first.

Before it converts Markdown, MkDocs needs little of the check: which plans get pages, their
titles and bodies. On a large site a worker, forked once the plan files are listed, reads
the plans and sends those first (site/usable.py), then runs the rules and sends the report;
once MkDocs has placed the pages, it renders all of planner's HTML (cards, board, timeline,
indexes, report) while MkDocs converts Markdown, and each page is put together just before
the theme renders it. The output is the same either way (tests hold the builds
byte-identical). Without `fork`, on a small site, in a dirty rebuild, or if the worker
fails, the check and the pages run here.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from multiprocessing.connection import Connection
from typing import Any

from planner import bodycache, patterncache
from planner.diagnostics import Report
from planner.site.layout import Layout, PlanPage, Plans
from planner.site.pages import body_marker

WORKER_FROM = 200  # plan files: below this, starting a worker costs more than it saves


def wanted(plans: Plans, dirty: bool) -> bool:
    """A worker pays off: a full build of a large site, where `fork` is safe."""
    return (
        not dirty
        and len(plans.files) >= WORKER_FROM
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1  # forking a threaded process (`serve`) is unsafe
    )


class Worker:
    """The process checking the plans of one build and rendering planner's pages.

    It sends three messages, in order: the plan pages, the report, the rendered pages (the
    last once it has the layout). Each method below returns None once the worker failed.
    """

    def __init__(self, plans: Plans) -> None:
        self.marker = body_marker()
        self._messages: list[Any] = []
        self._failed = False
        context = multiprocessing.get_context("fork")
        self._conn, child = context.Pipe()
        # A daemon: should the build fail before the pages are collected, it does not outlive it.
        self._process = context.Process(target=self._work, args=(child, plans), daemon=True)
        self._process.start()
        child.close()

    def plan_pages(self) -> tuple[PlanPage, ...] | None:
        found: tuple[PlanPage, ...] | None = self._message(0)
        return found

    def report(self) -> Report | None:
        report: Report | None = self._message(1)
        return report

    def render(self, layout: Layout) -> None:
        """MkDocs has placed every page: render them all."""
        with contextlib.suppress(OSError):  # the worker is gone: page() will say so
            self._conn.send(layout)

    def page(self, src_uri: str) -> str | None:
        """A planner page, with `marker` standing for a plan's body."""
        pages: dict[str, str] | None = self._message(2)
        return None if pages is None else pages.get(src_uri)

    def close(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._conn.close()

    def _message(self, index: int) -> Any:
        while len(self._messages) <= index and not self._failed:
            try:
                message = self._conn.recv()
            except (EOFError, OSError):
                message = None
            if message is None:  # it failed, or died
                self._failed = True
                self.close()
            else:
                self._messages.append(message)
                if len(self._messages) == 3:
                    self.close()
        return self._messages[index] if index < len(self._messages) else None

    def _work(self, conn: Connection, plans: Plans) -> None:
        self._conn.close()  # the parent's end of the pipe, inherited by the fork
        # Whatever fails here, the parent does itself, and so reports the error.
        try:
            from planner.site.usable import plan_pages, read_sources  # the model, not yet the rules

            sources = read_sources(plans)
            conn.send(plan_pages(sources, plans.config))
        except Exception:
            conn.send(None)
            return
        try:
            from planner.site.checked import check_site, render_page, report_of

            checked = check_site(plans, sources)
            conn.send(report_of(checked))
        except Exception:
            conn.send(None)
            return
        patterncache.save()  # what the check compiled and scanned: a forked process exits without `atexit`
        bodycache.save()
        try:
            layout: Layout = conn.recv()
        except (EOFError, OSError):  # the build stopped before placing the pages
            return
        try:
            pages: dict[str, str] | None = {
                src_uri: render_page(checked, layout, src_uri, self.marker) for src_uri in layout.every_page()
            }
        except Exception:
            pages = None
        conn.send(pages)
        conn.close()
