from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from planner.cli import main

AS_OF = "2026-11-24"
REPO = Path(__file__).resolve().parents[2]

HOSTILE = """---
title: "<script>alert('title')</script><img src=x onerror=alert('img')> {{ 7*7 }}"
status: committed
owner: "<b onmouseover=alert('owner')>evil</b>"
horizon: now
target: 2026-12
tags: ["<svg onload=alert('tag')>", "{{ 7*7 }}"]
depends_on: [does-not-exist]
---
# <img src=x onerror=alert('heading')> Heading

<script>alert('body')</script>

[click me](javascript:alert('link')) and <a href="javascript:alert('a')">raw link</a>

<svg><script>alert('svg')</script><text onclick="alert('svgtext')">svg text</text></svg>

<iframe src="javascript:alert('iframe')"></iframe>

<div onmouseover="alert('div')" style="position:fixed;inset:0">hover text</div>

Template text stays text: {{ 7*7 }} and {% if true %}jinja{% endif %}.

![tracker](https://example.com/tracker.png)
"""


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_bench", REPO / "bench" / "build_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
