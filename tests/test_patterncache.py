"""The cache of compiled patterns: a later run builds them from it, and nothing it holds,
or fails to hold, changes what a pattern matches."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from planner import patterncache
from tests.prose.test_prefilter import SENTENCES

PATTERNS = [
    (r"\b(?:next|this)\s+(?P<unit>week|month)\b", re.IGNORECASE),
    (r"(?<![\w.])(\d{4})-(\d\d)-(\d\d)(?!\d)", 0),
    (r"[\u00e9\u00e8]t\u00e9|(?i:SPRING)", 0),
    (r"(?P<a>x)(?P=a)?|y", re.IGNORECASE | re.VERBOSE),
]
SAMPLES = ["Next Week we ship", "due 2027-03-14.", "l'\u00e9t\u00e9 spring", "xx X y", "", "v1.2027-03-14"]


def store(folder: Path) -> patterncache._Store:
    return patterncache._Store(folder / "patterns.marshal")


def same(built: re.Pattern[str], pattern: str, flags: int) -> None:
    expected = re.compile(pattern, flags)
    assert (built.pattern, built.flags, built.groups, built.groupindex) == (
        expected.pattern,
        expected.flags,
        expected.groups,
        expected.groupindex,
    )
    for text in SAMPLES:
        assert [m.span() + m.groups() for m in built.finditer(text)] == [
            m.span() + m.groups() for m in expected.finditer(text)
        ]


def test_patterns_built_from_the_cache_match_as_compiled_ones(tmp_path):
    first = store(tmp_path)
    for pattern, flags in PATTERNS:
        same(first.compile(pattern, int(flags)), pattern, int(flags))
    first.save()
    later = store(tmp_path)
    for pattern, flags in PATTERNS:
        same(later.compile(pattern, int(flags)), pattern, int(flags))
    assert later.hits == len(PATTERNS)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00garbage",
        marshal.dumps({"not": "a list"}),
        marshal.dumps([(0, ("ab", 32, [1, 2, 3], 0, {}, (None,)))]),  # a program `_sre` refuses
        marshal.dumps([(0, ("ab", 32))]),
    ],
    ids=["empty", "garbage", "a mapping", "bad program", "short entry"],
)
def test_a_damaged_cache_file_is_ignored_and_replaced(tmp_path, content):
    first = store(tmp_path)
    first.compile("ab", 0)
    path = first.path
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    later = store(tmp_path)
    for pattern, flags in PATTERNS:
        same(later.compile(pattern, int(flags)), pattern, int(flags))
    same(later.compile("ab", 0), "ab", 0)
    later.save()
    assert store(tmp_path).compile(PATTERNS[0][0], int(PATTERNS[0][1])).groupindex == {"unit": 1}
    assert len(patterncache._read(path)) >= len(PATTERNS)


def test_an_empty_cache_folder_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANNER_CACHE_DIR", "")
    assert patterncache._cache_file() is None
    monkeypatch.setenv("PLANNER_CACHE_DIR", str(tmp_path))
    assert patterncache._cache_file().parent == tmp_path
    off = patterncache._Store(None)
    pattern, flags = PATTERNS[0]
    same(off.compile(pattern, int(flags)), pattern, int(flags))
    off.save()
    assert list(tmp_path.iterdir()) == []


def test_a_cache_folder_that_cannot_be_made_is_no_error(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    blocked = store(tmp_path / "file" / "cache")
    same(blocked.compile("a+b", 0), "a+b", 0)
    blocked.save()  # cannot write: the next run compiles again
    assert (tmp_path / "file").read_text() == "not a folder"


def test_a_bad_pattern_is_still_an_error(tmp_path):
    with pytest.raises(re.error):
        store(tmp_path).compile("(unclosed", 0)


SCAN = """
import json, sys
from datetime import date
from planner import patterncache
from planner.prose.grammar import Grammar
from planner.prose.scan import scan_text
grammar = Grammar(date(2026, 11, 24))
found = [
    [(m.start, m.end, m.kind, m.granularity, str(m.window)) for m in scan_text(s, grammar)]
    for s in json.load(sys.stdin)
]
print(json.dumps({"hits": patterncache._STORE.hits, "found": found}))
"""


def test_a_second_run_builds_its_patterns_from_the_cache_and_finds_the_same(tmp_path):
    env = {**os.environ, "PLANNER_CACHE_DIR": str(tmp_path)}
    sentences = json.dumps(SENTENCES[::7])

    def run() -> dict:  # type: ignore[type-arg]
        proc = subprocess.run(
            [sys.executable, "-c", SCAN], input=sentences, env=env, capture_output=True, text=True, check=True
        )
        return json.loads(proc.stdout)

    first, second = run(), run()
    assert first["hits"] == 0
    assert second["hits"] > 200  # the grammar's patterns, built from the file the first run wrote
    assert second["found"] == first["found"]
    assert sum(map(len, first["found"])) > 1000
