"""planner never crashes on what real repositories contain: every file reported or checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hostile_corpus import write_corpus

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    return root, write_corpus(root)


def run(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # Peak memory from VmHWM: ru_maxrss would count the pytest process this one forked from.
    script = (
        "import sys\n"
        "from planner.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
        "print(hwm, file=sys.stderr)\n"
        "raise SystemExit(code)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


def test_check_reports_every_unreadable_file_once_and_checks_the_rest(corpus):
    root, expect = corpus
    proc = run(root, "check", "--as-of", "2026-11-24", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    report = json.loads(proc.stdout)
    assert report["files_checked"] == len(expect)
    by_path = Counter(d["path"] for d in report["diagnostics"] if d["rule"] == "schema")
    for path, expectation in expect.items():
        if expectation == "schema":
            assert by_path[path] >= 1, path
        elif expectation == "ok":
            assert by_path[path] == 0, (path, [d for d in report["diagnostics"] if d["path"] == path])
    findings = {d["path"] for d in report["diagnostics"]}
    assert "plans/false-precision.md" in findings
    for d in report["diagnostics"]:
        assert d["line"] >= 1 and d["column"] >= 1


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("alias-bomb.md", "more than 10000 values"),
        ("deep-flow.md", "values are nested more than 64 levels deep"),
        ("binary.md", "binary file"),
        ("cp1252.md", "not UTF-8: byte 0xE9"),
        ("python-name.md", "YAML tag !!python/name:os.system is not allowed"),
        ("toml.md", "TOML frontmatter"),
    ],
)
def test_hostile_file_gets_a_clear_message(corpus, name, message):
    root, _ = corpus
    proc = run(root, "check", f"plans/{name}", "--as-of", "2026-11-24", "--format", "json")
    report = json.loads(proc.stdout)
    assert any(message in d["message"] for d in report["diagnostics"]), report["diagnostics"]


def test_alias_bomb_is_bounded_in_time_and_memory(corpus):
    root, _ = corpus
    import time

    started = time.perf_counter()
    proc = run(root, "check", "plans/alias-bomb.md", "--as-of", "2026-11-24")
    elapsed = time.perf_counter() - started
    peak_mb = int(proc.stderr.strip().splitlines()[-1]) / 1024
    assert proc.returncode == 1
    # Guards against exponential blow-up, not speed targets (those live in bench/).
    assert elapsed < 10
    assert peak_mb < 100


@pytest.mark.parametrize("env", [{"TZ": "Pacific/Kiritimati", "LC_ALL": "C"}, {"PYTHONHASHSEED": "12345"}])
def test_check_output_does_not_depend_on_environment(corpus, env):
    root, _ = corpus
    base = run(root, "check", "--as-of", "2026-11-24", "--format", "json", env={"PYTHONHASHSEED": "0"})
    other = run(root, "check", "--as-of", "2026-11-24", "--format", "json", env=env)
    assert base.stdout == other.stdout


def test_scan_survives_the_corpus(corpus):
    root, _ = corpus
    proc = run(root, "scan", "--as-of", "2026-11-24", "--format", "json")
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    report = json.loads(proc.stdout)
    for mention in report["mentions"]:
        assert mention["line"] >= 1 and mention["column"] >= 1


def test_fix_survives_the_corpus_and_changes_only_fixable_files(tmp_path):
    root = tmp_path / "repo"
    expect = write_corpus(root)
    before = {p: (root / p).read_bytes() for p in expect}
    proc = run(root, "fix", "--as-of", "2026-11-24")
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    changed = {p for p in expect if (root / p).read_bytes() != before[p]}
    assert changed == {"plans/false-precision.md"}
    assert not list((root / "plans").glob("**/*.tmp*"))  # no temp files left behind


def test_build_survives_the_corpus(tmp_path):
    root = tmp_path / "repo"
    write_corpus(root)
    proc = run(root, "build", "--as-of", "2026-11-24")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert (root / "site" / "index.html").is_file()
    report = (root / "site" / "report" / "index.html").read_text(encoding="utf-8")
    assert "alias-bomb.md" in report and "binary.md" in report


def test_build_is_byte_identical_whatever_the_environment(tmp_path):
    sites = []
    for env in ({"PYTHONHASHSEED": "0", "TZ": "UTC"}, {"PYTHONHASHSEED": "4242", "TZ": "Asia/Kolkata", "LC_ALL": "C"}):
        root = tmp_path / f"repo-{len(sites)}"
        write_corpus(root)
        proc = run(root, "build", "--as-of", "2026-11-24", env=env)
        assert proc.returncode == 0, proc.stderr[-2000:]
        files = sorted(p for p in (root / "site").rglob("*") if p.is_file())
        sites.append({p.relative_to(root / "site").as_posix(): p.read_bytes() for p in files})
    assert sites[0].keys() == sites[1].keys()
    different = [name for name in sites[0] if sites[0][name] != sites[1][name]]
    assert different == []
