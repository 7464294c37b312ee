"""Body mentions kept between runs: a plan body that did not change is not scanned again.

Scanning bodies is most of what `planner check` costs on a large repository, and most
bodies are the same from one run to the next: a pre-commit hook, a check before `planner
build`, a CI job that keeps its cache folder. So the mentions the grammar finds in a body
are kept in planner's cache folder (the one `patterncache` uses), keyed by a digest of the
body's text, and a later run with the same grammar reads them instead of scanning.

What the grammar finds depends on the body and on nothing else but the as-of date, the
team's calendar settings (fiscal year start, sprint length), planner's own code and the
Python running it. The last three name the file (the few files written last are kept). The
as-of date is kept with each body whose scan read it ("next Tuesday", "in March"), and such
a body is scanned again on another date; what was found without reading it ("14 August
2027", "2-4 weeks") holds on every date (`Recording`). Files are read with `marshal`, which
builds only data, after checking the digest they start with; an entry that is not what this
code writes is scanned again. So the cache can make a run faster, never different.
`PLANNER_CACHE_DIR=` (empty) or `planner check --no-cache` turns it off.
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
from planner.prose.found import Found, Grammar, Mention, located
from planner.windows import Window

FORMAT = 3  # of an entry: bump when `_pack` changes
PREFIX = "bodies-"
KEEP_FILES = 4  # the files written last; older ones (other settings, older planners) are deleted
LIMIT = 50_000  # bodies in a file; past it, only those the last run read or scanned are kept

# An entry: the as-of date the scan read, as an ordinal (0: it read none), and the mentions.
_Entry = tuple[int, tuple[tuple[Any, ...], ...]]
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


_AS_OF = Grammar.__dict__["as_of"]  # the slot Grammar keeps its as-of date in


class Recording(Grammar):
    """A Grammar that notes whether its as-of date was read. What the grammar finds in a body
    without reading it ("ships on 14 August 2027", "2-4 weeks") holds on any other date, so it
    is kept for every date; the rest ("next Tuesday", "in March") only for the date it read."""

    __slots__ = ("read",)
    read: bool

    def __init__(self, grammar: Grammar) -> None:
        super().__init__(grammar.as_of, grammar.fiscal_year_start, grammar.sprint_weeks)
        object.__setattr__(self, "read", False)

    def _as_of(self) -> date:
        object.__setattr__(self, "read", True)
        value: date = _AS_OF.__get__(self, Grammar)
        return value

    def _set_as_of(self, value: date) -> None:  # what the dataclass __init__ calls
        _AS_OF.__set__(self, value)

    as_of = property(_as_of, _set_as_of)


@dataclass(slots=True)
class Generation:
    """The bodies scanned with one fiscal year start and sprint length: one file."""

    grammar: Grammar  # the first one read with these settings: what `take` hands back
    path: Path
    entries: dict[bytes, _Entry]
    fresh: dict[bytes, _Entry] = field(default_factory=dict)  # scanned here, not yet written
    used: set[bytes] = field(default_factory=set)  # read from the file by this run


class BodyCache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder  # None: no cache
        self.generations: dict[tuple[int, float], Generation] = {}
        self._code: str | None = None

    def mentions(self, document: Document, grammar: Grammar) -> tuple[Found, ...]:
        body = document.body
        generation = self.generation(grammar) if body else None
        if generation is None:
            return _scan(body, document.body_line, grammar)
        key = hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        entry = generation.entries.get(key)
        found = None if entry is None else _unpack(entry, document.body_line, grammar.as_of.toordinal())
        if found is None:  # a body the pre-filter rules out is kept too: looking it up costs less
            recording = Recording(grammar)
            found = _scan(body, document.body_line, recording)
            entry = (grammar.as_of.toordinal() if recording.read else 0, _pack(found, document.body_line))
            generation.entries[key] = generation.fresh[key] = entry
        else:
            generation.used.add(key)
        return found

    def generation(self, grammar: Grammar) -> Generation | None:
        """The file for `grammar`'s settings, read on first use; None when there is no cache."""
        if self.folder is None:
            return None
        settings = (grammar.fiscal_year_start, grammar.sprint_weeks)
        generation = self.generations.get(settings)
        if generation is None:
            if self._code is None:
                try:
                    self._code = _code_digest()
                except OSError:  # planner's code is not in files to read: no cache
                    self.folder = None
                    return None
                atexit.register(self.save)
            name = hashlib.blake2b(f"{FORMAT} {self._code} {settings!r}".encode(), digest_size=8).hexdigest()
            path = self.folder / f"{PREFIX}{name}.marshal"
            generation = self.generations[settings] = Generation(grammar, path, _read(path))
        return generation

    def take(self) -> Taken:
        taken: Taken = []
        for generation in self.generations.values():
            if generation.fresh or generation.used:
                taken.append((generation.grammar, generation.fresh, generation.used))
                generation.fresh, generation.used = {}, set()
        return taken

    def merge(self, taken: Taken) -> None:
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


def _scan(body: str, first_line: int, grammar: Grammar) -> tuple[Found, ...]:
    # The grammar is imported here, for the first body not in the cache: a run that finds
    # every body there never pays for compiling (or reading) its patterns.
    from planner.prose.scan import body_hits, scannable

    return located(body, first_line, body_hits(body, grammar)) if scannable(body) else ()


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


def _pack(found: tuple[Found, ...], first_line: int) -> tuple[tuple[Any, ...], ...]:
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


def _unpack(entry: Any, first_line: int, today: int) -> tuple[Found, ...] | None:
    """The mentions an entry holds, or None if they do not hold on `today` (an ordinal) or it is
    not an entry `_pack` makes. (A file's seal tells a damaged file; this tells one written
    by other code under the same name.)"""
    try:
        dated, packed = entry
        if dated and dated != today:
            return None
        return tuple(
            Found(
                Mention(start, end, text, kind, granularity, _window(window), _estimate(estimate)),
                Span(first_line + line, column, first_line + end_line, end_column),
                "body",
            )
            for start, end, text, kind, granularity, window, estimate, line, column, end_line, end_column in packed
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
