"""Shared by the site tests: the as-of date, a hostile plan, the bench's plan generator."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

AS_OF = "2026-11-24"
REPO = Path(__file__).resolve().parents[2]

HOSTILE = """---
title: "<script>alert('title')</script><img src=x onerror=alert('img')> {{ 7*7 }}"
status: committed
owner: "<b onmouseover=alert('owner')>evil</b>"
horizon: now
target: 2026-12
tags: ["<svg onload=alert('tag')>", "{{ 7*7 }}"]
depends_on: [does-not-exist, "<img src=x onerror=alert('dep')>"]
---
# <img src=x onerror=alert('heading')> Heading

<script>alert('body')</script>

[click me](javascript:alert('link')) and <a href="javascript:alert('a')">raw link</a>

<svg><script>alert('svg')</script><text onclick="alert('svgtext')">svg text</text></svg>

<iframe src="javascript:alert('iframe')"></iframe>

<div onmouseover="alert('div')" style="position:fixed;inset:0">hover text</div>

Template text stays text: {{ 7*7 }} and {% if true %}jinja{% endif %}.

![tracker](https://example.com/tracker.png)

[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgnZGF0YScpPC9zY3JpcHQ+) and
<a href="data:text/html,<script>alert('data')</script>">raw data link</a> and
<javascript:alert('autolink')> and a [reference link][evil].

[evil]: javascript:alert('reference')
"""


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_bench", REPO / "bench" / "build_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
