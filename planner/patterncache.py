"""Compiled regular expressions, kept between runs the way Python keeps bytecode.

The mention grammar is some 250 large patterns, and compiling them is most of what starting
planner costs: about 0.4 s at import, paid by every `planner check`, and about 0.3 s more in
each worker for the alternations compiled on demand. `re` compiles in Python and keeps
nothing between processes, but what it makes of a pattern is a program, a list of integers,
that `_sre` turns into a pattern object at once. So `compiled` keeps the program of each
pattern it compiles in a file in the user's cache folder, keyed by the pattern's text and
flags, and builds the pattern from that file when a later run asks for the same one.

There is one file per Python build (its version string and `_sre.MAGIC`). It is
read with `marshal`, which builds only data, and `_sre` checks every program it is given.
Anything unexpected (an unreadable, unwritable or damaged file, a Python whose `re` works
differently) makes `compiled` fall back to `re.compile`: the cache can make a run faster,
never different. `PLANNER_CACHE_DIR` moves the folder; set to an empty string it turns the
cache off.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

from planner.atomic import WriteError, write_bytes

try:  # CPython's own modules behind `re`, not a public API: anything missing turns the cache off
    _sre: Any = importlib.import_module("_sre")
    _compiler: Any = importlib.import_module("re._compiler")
    _parser: Any = importlib.import_module("re._parser")
    _BUILD = hashlib.blake2b(f"{sys.version} {_sre.MAGIC}".encode(), digest_size=6).hexdigest()
    _TAG: str | None = f"{sys.implementation.cache_tag}-{_BUILD}"
except (ImportError, AttributeError):
    _TAG = None

# What `_sre.compile` takes: pattern, flags, code, groups, group index, index group.
_Program = tuple[str, int, list[int], int, dict[str, int], tuple[Any, ...]]
_LIMIT = 4000  # programs in the file; past it, only those the last run used are kept


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the cache when an earlier run compiled it."""
    return _STORE.compile(pattern, int(flags))


def save() -> None:
    """Write the programs compiled since the last save. Runs at exit; a forked worker, which
    exits without running `atexit`, calls it itself."""
    _STORE.save()


class _Store:
    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: no cache
        self.programs: dict[tuple[str, int], _Program] | None = None  # read on first use
        self.used: set[tuple[str, int]] = set()
        self.unsaved = False
        self.hits = 0  # patterns built from a program read from the file
        self.read: frozenset[tuple[str, int]] = frozenset()

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        if self.path is None:
            return re.compile(pattern, flags)
        if self.programs is None:
            self.programs = _read(self.path)
            self.read = frozenset(self.programs)
            atexit.register(self.save)
        key = (pattern, flags)
        self.used.add(key)
        program = self.programs.get(key)
        if program is not None:
            try:
                built: re.Pattern[str] = _sre.compile(*program)
            except Exception:  # a program this Python does not take: compile it again
                pass
            else:
                self.hits += key in self.read
                return built
        try:
            program = _program(pattern, flags)
            built = _sre.compile(*program)
        except re.error:
            raise
        except Exception:  # `re` works differently here: no cache for this process
            self.path = None
            return re.compile(pattern, flags)
        self.programs[key] = program
        self.unsaved = True
        return built

    def save(self) -> None:
        if self.path is None or not self.unsaved or self.programs is None:
            return
        self.unsaved = False
        merged = {**_read(self.path), **self.programs}  # what another run wrote meanwhile stays
        if len(merged) > _LIMIT:
            merged = {key: program for key, program in merged.items() if key in self.used}
        data = marshal.dumps([(flags, program) for (_, flags), program in merged.items()])
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(self.path, data)
        except (OSError, WriteError):
            pass  # a read-only home, a full disk: the next run compiles again


def _program(pattern: str, flags: int) -> _Program:
    """What `re.compile` hands to `_sre` for `pattern` (as `re._compiler.compile` makes it)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        pattern,
        int(flags | parsed.state.flags),
        [int(c) for c in code],
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _read(path: Path) -> dict[tuple[str, int], _Program]:
    """The programs in the cache file; nothing if it is missing, unreadable or not one."""
    try:
        entries = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    programs: dict[tuple[str, int], _Program] = {}
    if not isinstance(entries, list):
        return {}
    for entry in entries:
        if not (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], int)):
            return {}
        flags, program = entry
        if not (
            isinstance(program, tuple)
            and len(program) == 6
            and isinstance(program[0], str)
            and isinstance(program[1], int)
            and isinstance(program[2], list)
            and isinstance(program[3], int)
            and isinstance(program[4], dict)
            and isinstance(program[5], tuple)
        ):
            return {}
        programs[program[0], flags] = program
    return programs


def cache_folder() -> Path | None:
    """planner's cache folder: `$PLANNER_CACHE_DIR`, else `planner` in the user's cache
    folder. None when there is none: `PLANNER_CACHE_DIR` set to empty, or no home."""
    folder = os.environ.get("PLANNER_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        if not os.path.isabs(base):
            return None  # no home to keep it in
        folder = os.path.join(base, "planner")
    return Path(folder) if folder else None


def _cache_file() -> Path | None:
    folder = cache_folder()
    if _TAG is None or folder is None:
        return None
    return folder / f"patterns-{_TAG}.marshal"


_STORE = _Store(_cache_file())
