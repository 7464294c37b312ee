from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from site_support import AS_OF, REPO

from planner.cli import main


@pytest.fixture
def site_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with nothing but plans/ (our own), as the working directory."""
    (tmp_path / "plans").mkdir()
    for plan in (REPO / "plans").glob("*.md"):
        (tmp_path / "plans" / plan.name).write_bytes(plan.read_bytes())
    monkeypatch.chdir(tmp_path)
    for name in ("PLANNER_AS_OF", "SOURCE_DATE_EPOCH", "CI", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture
def build(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    def run(*args: str) -> tuple[int, str, str]:
        code = main(["build", "--as-of", AS_OF, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run
