"""The cache of body mentions: a later check reads what an earlier one found in a body that
did not change, and nothing the cache holds, or fails to hold, changes a check's output."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from planner import bodycache
from planner.cli import main
from planner.config import Config
from planner.engine import check_files
from planner.load import discover
from planner.prose import scan
from planner.prose.mention import Grammar
from planner.prose.scan import body_hits, located
from tests.conftest import AS_OF
from tests.prose.test_prefilter import SENTENCES

FAR = """---
title: Ledger rewrite
status: proposed
horizon: far
target: 2027-Q3
---

The spike took 3 days and the migration is about 2-4 weeks of work.
We will ship on 14 August 2027, after the freeze.
"""
NEAR = """---
title: Refund flow
status: committed
owner: payments
horizon: now
target: 2026-12
---

Design review next Tuesday; the rest is 2 days of work.
Version 2.3.1 of the SDK, see PROJ-2031.
"""
PLAIN = """---
title: Notes
status: exploring
horizon: vision
---

Nothing here names a time at all.
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own, and a count of the bodies scanned."""
    folder = tmp_path / "cache"
    monkeypatch.setattr(bodycache, "STORE", bodycache.BodyCache(folder))
    return folder


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    scanned: list[str] = []

    def counting(body: str, grammar: Grammar):  # type: ignore[no-untyped-def]
        scanned.append(body)
        return body_hits(body, grammar)

    monkeypatch.setattr(scan, "body_hits", counting)
    return scanned


@pytest.fixture
def plans(write_plan) -> Path:  # type: ignore[no-untyped-def]
    write_plan("far.md", FAR)
    write_plan("near.md", NEAR)
    write_plan("plain.md", PLAIN)
    return Path("plans")


def check(capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    """`planner check` as a new run: what it knows of earlier ones is only what they wrote."""
    bodycache.STORE = bodycache.BodyCache(bodycache.STORE.folder)
    main(["check", "--format", "json", *args])
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def bodies_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{bodycache.PREFIX}*.marshal"))


def test_a_second_check_reads_the_bodies_and_reports_the_same(cache, scans, plans, capsys):
    first = check(capsys, "--as-of", AS_OF)
    assert len(scans) == 2  # the plain body holds no time word: the pre-filter rules it out
    rules = sorted(d["rule"] for d in first["diagnostics"])
    assert rules.count("estimate-precision") == 2 and "date-precision" in rules and "relative-date" in rules
    assert len(bodies_files(cache)) == 1

    scans.clear()
    assert check(capsys, "--as-of", AS_OF) == first
    assert scans == []


def test_no_cache_scans_every_body_and_writes_nothing(cache, scans, plans, capsys):
    first = check(capsys, "--as-of", AS_OF, "--no-cache")
    assert len(scans) == 2 and not cache.exists()
    check(capsys, "--as-of", AS_OF)
    scans.clear()
    assert check(capsys, "--as-of", AS_OF, "--no-cache") == first
    assert len(scans) == 2  # a full cache is not read either
    scans.clear()
    check(capsys, "--as-of", AS_OF)
    assert scans == []  # and it is still there for the next run


def test_an_edited_body_is_scanned_again(cache, scans, plans, capsys, write_plan):
    check(capsys, "--as-of", AS_OF)
    write_plan("far.md", FAR.replace("after the freeze.", "after the freeze.\nThe cut-over is on 2027-09-20."))
    scans.clear()
    report = check(capsys, "--as-of", AS_OF)
    assert len(scans) == 1 and "2027-09-20" in scans[0]
    dates = [(d["line"], d["column"]) for d in report["diagnostics"] if d["path"].endswith("far.md")]
    assert (10, 20) in dates


def test_on_another_date_only_the_bodies_whose_scan_read_the_date_are_scanned_again(cache, scans, plans, capsys):
    check(capsys, "--as-of", AS_OF)
    scans.clear()
    later = check(capsys, "--as-of", "2027-01-05")
    assert len(scans) == 1 and "next Tuesday" in scans[0]  # "3 days", "14 August 2027" hold on any date
    assert later == check(capsys, "--as-of", "2027-01-05", "--no-cache")
    tuesday = [d["message"] for d in later["diagnostics"] if d["rule"] == "relative-date"]
    assert tuesday and "2027-01-12" in tuesday[0]  # resolved from the new date, not read back from the old


def test_calendar_settings_each_have_their_own_file(cache, scans, plans, capsys, repo):
    check(capsys, "--as-of", AS_OF)
    (repo / "planner.toml").write_text("[units]\nsprint-weeks = 3\n")
    scans.clear()
    check(capsys, "--as-of", AS_OF)
    assert len(scans) == 2
    assert len(bodies_files(cache)) == 2


def test_only_the_files_written_last_are_kept(cache, plans, capsys, repo):
    for weeks in range(1, 8):
        (repo / "planner.toml").write_text(f"[units]\nsprint-weeks = {weeks}\n")
        check(capsys, "--as-of", AS_OF)
        time.sleep(0.02)  # distinct modification times
    assert len(bodies_files(cache)) == bodycache.KEEP_FILES


def test_a_full_file_keeps_what_the_last_run_used(cache, plans, capsys, monkeypatch, write_plan):
    check(capsys, "--as-of", AS_OF)
    (path,) = bodies_files(cache)
    assert len(bodycache._read(path)) == 3  # the plain body too: looking it up is cheaper than the pre-filter
    monkeypatch.setattr(bodycache, "LIMIT", 3)
    write_plan("far.md", FAR + "\nAnd 5 days of testing.\n")
    check(capsys, "--as-of", AS_OF, "plans/far.md")
    assert len(bodycache._read(path)) == 1


def sealed(data: bytes) -> bytes:
    return bodycache._sealed(data)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"not a cache file at all",
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data[:40] + bytes([data[40] ^ 1]) + data[41:],  # one bit flipped
        lambda data: sealed(marshal.dumps([1, 2, 3])),  # sealed, but not a mapping
        lambda data: sealed(marshal.dumps({k: "nonsense" for k in marshal.loads(data[16:])})),  # not entries
        lambda data: sealed(marshal.dumps({k: ((1, 2),) for k in marshal.loads(data[16:])})),
    ],
)
def test_a_damaged_or_foreign_file_changes_nothing(cache, scans, plans, capsys, damage):
    first = check(capsys, "--as-of", AS_OF)
    (path,) = bodies_files(cache)
    path.write_bytes(damage(path.read_bytes()))
    scans.clear()
    assert check(capsys, "--as-of", AS_OF) == first
    assert len(scans) == 2  # scanned again, and written again
    scans.clear()
    assert check(capsys, "--as-of", AS_OF) == first
    assert scans == []


def test_a_cache_folder_that_cannot_be_written_changes_nothing(tmp_path, plans, capsys, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way of the folder")
    monkeypatch.setattr(bodycache, "STORE", bodycache.BodyCache(blocked / "cache"))
    first = check(capsys, "--as-of", AS_OF)
    assert first == check(capsys, "--as-of", AS_OF, "--no-cache")
    assert blocked.read_text() == "in the way of the folder"


def test_worker_processes_hand_their_scans_to_the_parent(cache, repo, write_plan, monkeypatch):
    for i in range(600):  # three chunks for two workers
        write_plan(f"p{i:03d}.md", FAR.replace("3 days", f"{i % 9 + 1} days"))
    files = list(discover(["plans"], repo))
    config, as_of = Config(), date(2026, 11, 24)
    report = check_files(files, config, as_of, "--as-of", jobs=2)
    (path,) = bodies_files(cache)
    assert len(bodycache._read(path)) == 9  # the nine different bodies

    def no_scans(body, grammar):  # type: ignore[no-untyped-def]
        raise AssertionError("scanned a body the workers had scanned")

    monkeypatch.setattr(bodycache, "STORE", bodycache.BodyCache(cache))
    monkeypatch.setattr(scan, "body_hits", no_scans)
    assert check_files(files, config, as_of, "--as-of", jobs=1) == report


def test_every_mention_of_the_labelled_set_survives_the_file():
    grammar = Grammar(date(2026, 11, 24), fiscal_year_start=10, sprint_weeks=3.0)
    bodies = ["\n".join(SENTENCES[i : i + 7]) for i in range(0, len(SENTENCES), 7)]
    found = [located(body, 5, body_hits(body, grammar)) for body in bodies]
    assert sum(len(f) for f in found) > 5000
    packed = marshal.loads(marshal.dumps([bodycache._pack(f, 5) for f in found]))
    assert [bodycache._unpack((0, p), 5, 1) for p in packed] == found


def test_what_a_scan_found_without_reading_the_date_holds_on_every_date():
    """The labelled set's sentences: where the grammar did not read the as-of date, the same
    sentence scanned as of other dates (other years, month ends, weekdays) finds the same."""
    grammar = Grammar(date(2026, 11, 24))
    others = [Grammar(date(y, m, d)) for y, m, d in [(2024, 2, 29), (2027, 1, 1), (2027, 6, 30), (2031, 12, 31)]]
    undated = 0
    for sentence in SENTENCES:
        recording = bodycache.Recording(grammar)
        hits = body_hits(sentence, recording)
        if not recording.read:
            undated += 1
            for other in others:
                assert body_hits(sentence, other) == hits, sentence
    assert undated > len(SENTENCES) // 3


def test_a_body_that_moved_is_read_back_at_its_new_place(cache, scans, plans, capsys, write_plan):
    first = check(capsys, "--as-of", AS_OF)
    write_plan("far.md", FAR.replace("target: 2027-Q3\n", "target: 2027-Q3\ntags: [ledger]\nconfidence: low\n"))
    scans.clear()
    moved = check(capsys, "--as-of", AS_OF)
    assert scans == []  # the body is the same
    assert moved == check(capsys, "--as-of", AS_OF, "--no-cache")

    def body_lines(report):  # type: ignore[no-untyped-def]
        return [(d["line"], d["end_line"]) for d in report["diagnostics"] if d["path"].endswith("far.md")][1:]

    assert body_lines(moved) == [(line + 2, end + 2) for line, end in body_lines(first)]


def test_a_check_that_finds_every_body_in_the_cache_never_loads_the_grammar(plans, tmp_path):
    """Compiling or reading the grammar's patterns is most of a small check's start-up."""
    env = {**os.environ, "PLANNER_CACHE_DIR": str(tmp_path / "cache")}
    assert grammar_loaded(Path.cwd(), env)  # the first check scans
    assert not grammar_loaded(Path.cwd(), env)


_CHECK_THEN_TELL = (
    "import sys; from planner.cli import main; main(['check', '--as-of', '2026-11-24']);"
    "print('planner.prose.grammar' in sys.modules, file=sys.stderr)"
)


def grammar_loaded(cwd: Path, env: dict[str, str]) -> bool:
    """Whether a `planner check` in a new process, in `cwd`, had to load the grammar."""
    proc = subprocess.run([sys.executable, "-c", _CHECK_THEN_TELL], cwd=cwd, env=env, capture_output=True, text=True)
    told = proc.stderr.strip().splitlines()[-1]
    assert told in ("True", "False"), proc.stderr
    return told == "True"


def test_checks_running_at_once_share_the_folder_safely(repo, write_plan, tmp_path):
    for i in range(60):
        write_plan(f"p{i:02d}.md", FAR.replace("3 days", f"{i + 1} days"))
    env = {**os.environ, "PLANNER_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "planner", "check", "--as-of", AS_OF, "--format", "json"]
    both = [subprocess.Popen(command, cwd=repo, env=env, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [proc.communicate()[0] for proc in both]
    alone = subprocess.run([*command, "--no-cache"], cwd=repo, env=env, capture_output=True, text=True).stdout
    assert outputs == [alone, alone]
    (path,) = bodies_files(tmp_path / "cache")
    assert len(bodycache._read(path)) == 60  # whole: each write replaced the file at once
    assert not grammar_loaded(repo, env)
