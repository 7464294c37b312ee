"""The pre-commit hook, used the way another repository uses it: `pre-commit try-repo`.

pre-commit installs the hook's environment from the package index: this test needs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BAD = "---\ntitle: Bad\nstatus: proposed\ntarget: 2027-08-17\n---\n"
GOOD = "---\ntitle: Good\nstatus: proposed\ntarget: 2027-Q3\n---\n"


def test_hook_manifest_declares_the_planner_hook():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "planner" and hook["language"] == "python"
    assert hook["entry"] == "planner check" and hook["files"] == "^plans/" and hook["types"] == ["markdown"]


def git(cwd: Path, *args: str, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def test_try_repo_checks_only_changed_plan_files(tmp_path):
    consumer = tmp_path / "consumer"
    (consumer / "plans").mkdir(parents=True)
    (consumer / "docs").mkdir()
    (consumer / "plans" / "bad.md").write_text(BAD)
    (consumer / "plans" / "good.md").write_text(GOOD)
    (consumer / "docs" / "notes.md").write_text(BAD)  # not a plan: the hook must not see it
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PLANNER_AS_OF": "2026-11-24",
        "GIT_AUTHOR_NAME": "planner tests",
        "GIT_AUTHOR_EMAIL": "tests@example.invalid",
        "GIT_COMMITTER_NAME": "planner tests",
        "GIT_COMMITTER_EMAIL": "tests@example.invalid",
        "NO_COLOR": "1",
    }
    git(consumer, "init", "-q", env=env)
    git(consumer, "add", ".", env=env)

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "planner", "--color", "never"]
        command += ["--files", *files] if files else ["--all-files"]
        return subprocess.run(command, cwd=consumer, env=env, capture_output=True, text=True, timeout=600)

    proc = try_repo()
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "plans/bad.md:4:9: error date-precision" in proc.stdout
    assert "1 error, 0 warnings in 2 files (as of 2026-11-24, from PLANNER_AS_OF)" in proc.stdout
    assert "docs/notes.md" not in proc.stdout

    proc = try_repo("plans/good.md", "docs/notes.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "planner (false precision in plans)" in proc.stdout and "Passed" in proc.stdout
