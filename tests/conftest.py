from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

# planner keeps compiled patterns in the user's cache folder; the tests, and every planner
# they start, keep theirs in a folder of their own (set before planner is imported).
os.environ["PLANNER_CACHE_DIR"] = tempfile.mkdtemp(prefix="planner-test-cache-")

from planner.cli import main

AS_OF = "2026-11-24"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty repository folder with plans/, as the working directory; no env leaks in."""
    (tmp_path / "plans").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANNER_AS_OF", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


@pytest.fixture
def write_plan(repo: Path) -> Callable[..., Path]:
    def write(name: str, text: str | bytes) -> Path:
        path = repo / "plans" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
        return path

    return write


@pytest.fixture
def check_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, dict]]:  # type: ignore[type-arg]
    def run(*args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
        code = main(["check", "--as-of", AS_OF, "--format", "json", *args])
        return code, json.loads(capsys.readouterr().out)

    return run
