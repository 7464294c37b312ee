"""Body mentions kept between runs: a plan body that did not change is not scanned again.

Scanning bodies is most of what `planner check` costs on a large repository, and most
bodies are the same from one run to the next: a pre-commit hook, a check before `planner
build`, a CI job that keeps its cache folder. So the mentions the grammar finds in a body
are kept in planner's cache folder (the one `patterncache` uses), keyed by a digest of the
body's text, and a later run with the same grammar reads them instead of scanning.

What the grammar finds depends on the body and on nothing else but the as-of date, the
team's calendar settings (fiscal year start, sprint length), planner's own code and the
Python running it. Those name the file: one file per as-of date and settings, of which the
few written last are kept; a change to planner's code starts new ones. Files are read with
`marshal`, which builds only data, and every entry is checked as it is rebuilt: one that is
not what this code writes is scanned again. So the cache can make a run faster, never
different. `PLANNER_CACHE_DIR=` (empty) or `planner check --no-cache` turns it off.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from planner.atomic import WriteError, write_bytes
from planner.diagnostics import Span
from planner.estimates import Estimate
from planner.frontmatter import Document
from planner.patterncache import cache_folder
from planner.prose.mention import Grammar, Mention
from planner.prose.scan import Found, body_hits, located, scannable
from planner.windows import Window

FORMAT = 2  # of an entry: bump when `_pack` changes
PREFIX = "bodies-"
KEEP_FILES = 4  # the files written last; older ones (other as-of dates) are deleted
LIMIT = 50_000  # bodies in a file; past it, only those the last run read or scanned are kept

_Entry = tuple[tuple[Any, ...], ...]
# What a worker hands back to the process that started it: per grammar, the bodies it
# scanned and the keys of those it read.
Taken = list[tuple[Grammar, dict[bytes, _Entry], set[bytes]]]


def body_mentions(document: Document, grammar: Grammar) -> tuple[Found, ...]:
    """`scan.body_mentions`, read from the cache when an earlier run scanned the same body."""
    return STORE.mentions(document, grammar)


def prepare(grammar: Grammar) -> None:
    """Read the file for `grammar` now: before forking workers, so that they share it."""
    STORE.generation(grammar)


def take() -> Taken:
    """What this process scanned and read since the last `take`, for the process that forked it."""
    return STORE.take()


def merge(taken: Taken) -> None:
    STORE.merge(taken)


def save() -> None:
    """Write what was scanned since the last save. Runs at exit too; a forked process, which
    exits without running `atexit`, hands its scans back with `take` or saves itself."""
    STORE.save()


@contextmanager
def off() -> Iterator[None]:
    """No cache while in the block: every body is scanned, nothing is written (`--no-cache`)."""
    folder, STORE.folder = STORE.folder, None
    try:
        yield
    finally:
        STORE.folder = folder


@dataclass(slots=True)
class Generation:
    """The bodies scanned with one grammar: one file."""

    path: Path
    entries: dict[bytes, _Entry]
    fresh: dict[bytes, _Entry] = field(default_factory=dict)  # scanned here, not yet written
    used: set[bytes] = field(default_factory=set)  # read from the file by this run


class BodyCache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder  # None: no cache
        self.generations: dict[Grammar, Generation] = {}
        self._code: str | None = None

    def mentions(self, document: Document, grammar: Grammar) -> tuple[Found, ...]:
        body = document.body
        generation = self.generation(grammar) if body else None
        if generation is None:
            return located(body, document.body_line, body_hits(body, grammar)) if scannable(body) else ()
        key = hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        entry = generation.entries.get(key)
        found = None if entry is None else _unpack(entry, document.body_line)
        if found is None:  # a body the pre-filter rules out is kept too: looking it up costs less
            found = located(body, document.body_line, body_hits(body, grammar)) if scannable(body) else ()
            generation.entries[key] = generation.fresh[key] = _pack(found, document.body_line)
        else:
            generation.used.add(key)
        return found

    def generation(self, grammar: Grammar) -> Generation | None:
        """The file for `grammar`, read on first use; None when there is no cache."""
        if self.folder is None:
            return None
        generation = self.generations.get(grammar)
        if generation is None:
            if self._code is None:
                try:
                    self._code = _code_digest()
                except OSError:  # planner's code is not in files to read: no cache
                    self.folder = None
                    return None
                atexit.register(self.save)
            name = hashlib.blake2b(f"{FORMAT} {self._code} {grammar!r}".encode(), digest_size=8).hexdigest()
            path = self.folder / f"{PREFIX}{name}.marshal"
            generation = self.generations[grammar] = Generation(path, _read(path))
        return generation

    def take(self) -> Taken:
        taken: Taken = []
        for grammar, generation in self.generations.items():
            if generation.fresh or generation.used:
                taken.append((grammar, generation.fresh, generation.used))
                generation.fresh, generation.used = {}, set()
        return taken

    def merge(self, taken: Taken) -> None:
        if self.folder is None:
            return
        for grammar, fresh, used in taken:
            generation = self.generation(grammar)
            if generation is None:
                return
            generation.entries.update(fresh)
            generation.fresh.update(fresh)
            generation.used.update(used)

    def save(self) -> None:
        if self.folder is None:
            return
        wrote = False
        for generation in self.generations.values():
            if not generation.fresh:
                continue
            # What another run wrote meanwhile stays, unless the file is full.
            merged = {**_read(generation.path), **generation.entries}
            if len(merged) > LIMIT:
                keep = generation.used | generation.fresh.keys()
                merged = {key: entry for key, entry in merged.items() if key in keep}
            generation.fresh = {}
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                write_bytes(generation.path, _sealed(marshal.dumps(merged)))
            except (OSError, WriteError):
                continue  # a read-only home, a full disk: the next run scans again
            wrote = True
        if wrote:
            self._prune()

    def _prune(self) -> None:
        assert self.folder is not None
        try:
            files = sorted(self.folder.glob(f"{PREFIX}*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in files[KEEP_FILES:]:
                old.unlink()
        except OSError:
            pass  # another run pruned it first


def _code_digest() -> str:
    """planner's own code and the Python running it: what turns a body into mentions."""
    root = Path(__file__).parent
    digest = hashlib.blake2b(sys.version.encode(), digest_size=16)
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


_SEAL = 16  # bytes of the digest a file starts with: the digest of the rest


def _sealed(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=_SEAL).digest() + data


def _read(path: Path) -> dict[bytes, _Entry]:
    """The entries of a cache file; none if it is missing, unreadable, damaged or not one."""
    try:
        sealed = path.read_bytes()
        data = sealed[_SEAL:]
        if hashlib.blake2b(data, digest_size=_SEAL).digest() != sealed[:_SEAL]:
            return {}
        entries = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _pack(found: tuple[Found, ...], first_line: int) -> _Entry:
    """The mentions of a body whose first line is `first_line`: lines are kept from the body's
    start, so a body that moved (its frontmatter grew) reads back at its new place."""
    return tuple(
        (
            m.start,
            m.end,
            m.text,
            m.kind,
            m.granularity,
            _pack_window(m.window),
            _pack_estimate(m.estimate),
            span.line - first_line,
            span.column,
            span.end_line - first_line,
            span.end_column,
        )
        for m, span in ((f.mention, f.span) for f in found)
    )


def _pack_window(w: Window | None) -> tuple[int, int, str, str] | None:
    return None if w is None else (w.start.toordinal(), w.end.toordinal(), w.granularity, w.text)


def _pack_estimate(e: Estimate | None) -> tuple[Any, ...] | None:
    return None if e is None else (e.text, e.low, e.high, e.unit, e.size, e.approximate)


def _unpack(entry: Any, first_line: int) -> tuple[Found, ...] | None:
    """The mentions an entry holds, or None if it is not an entry `_pack` makes. (A file's seal
    tells a damaged file; this tells one written by other code under the same name.)"""
    try:
        return tuple(
            Found(
                Mention(start, end, text, kind, granularity, _window(window), _estimate(estimate)),
                Span(first_line + line, column, first_line + end_line, end_column),
                "body",
            )
            for start, end, text, kind, granularity, window, estimate, line, column, end_line, end_column in entry
        )
    except (TypeError, ValueError, OverflowError):
        return None


def _window(packed: tuple[int, int, str, str] | None) -> Window | None:
    if packed is None:
        return None
    start, end, granularity, text = packed
    return Window(date.fromordinal(start), date.fromordinal(end), granularity, text)


def _estimate(packed: tuple[Any, ...] | None) -> Estimate | None:
    return None if packed is None else Estimate(*packed)


STORE = BodyCache(cache_folder())
