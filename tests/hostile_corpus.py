"""A corpus of the files real repositories contain, and some they should not.

`write_corpus(root)` writes it under root/plans and returns, for each file, what a
check must say: "ok" (a readable plan, checked like any other), "schema" (exactly one
schema finding, for a file planner cannot read as a plan), or "findings" (readable, with
findings of some rule). Used by the robustness tests and `bench/robustness.py`.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

GOOD = "---\ntitle: {title}\nstatus: proposed\nhorizon: later\ntarget: 2027-Q2\n---\n\n{body}\n"


def _plan(title: str = "Fine plan", body: str = "Nothing odd here.") -> str:
    return GOOD.format(title=title, body=body)


def _alias_bomb() -> str:
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines += ["title: *l", "status: proposed", "horizon: now", "---", ""]
    return "\n".join(lines)


def _many_keys(count: int) -> str:
    keys = "\n".join(f"key{i}: value {i}" for i in range(count))
    return f"---\ntitle: Many keys\nstatus: proposed\nhorizon: now\n{keys}\n---\n"


def _deep(depth: int) -> str:
    return f"---\ntitle: Deep\nstatus: proposed\nhorizon: now\ntags: {'[' * depth}x{']' * depth}\n---\n"


def _deep_block(depth: int) -> str:
    lines = ["---", "title: Deep block", "status: proposed", "horizon: now", "tags:"]
    lines += [" " * (2 * i) + "- " for i in range(1, depth)]
    return "\n".join(lines) + "x\n---\n"


def write_corpus(root: Path) -> dict[str, str]:
    plans = root / "plans"
    plans.mkdir(parents=True, exist_ok=True)
    expect: dict[str, str] = {}

    def put(name: str, content: str | bytes, expectation: str) -> None:
        path = plans / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        expect[f"plans/{name}"] = expectation

    put("empty.md", b"", "schema")
    put("only-dashes.md", "---\n", "schema")
    put("only-dashes-twice.md", "---\n---\n", "schema")  # empty frontmatter: missing fields
    put("unclosed.md", "---\ntitle: Never closed\nstatus: proposed\n\nBody text.\n", "schema")
    put("toml.md", "+++\ntitle = 'TOML'\n+++\nBody\n", "schema")
    put("list.md", "---\n- title\n- status\n---\n", "schema")
    put("scalar.md", "---\njust words\n---\n", "schema")
    put("bom.md", codecs.BOM_UTF8 + _plan("BOM").encode(), "ok")
    put("crlf.md", _plan("CRLF").replace("\n", "\r\n"), "ok")
    put("mixed-endings.md", "---\r\ntitle: Mixed\nstatus: proposed\r\nhorizon: later\n---\r\nBody\n", "ok")
    put("cp1252.md", _plan("Caf\u00e9 \u201csmart\u201d").encode("cp1252"), "schema")
    put("latin1.md", _plan("Gr\u00fc\u00dfe").encode("latin-1"), "schema")
    put("utf16.md", codecs.BOM_UTF16_LE + _plan("UTF-16").encode("utf-16-le"), "ok")
    put("nul.md", _plan("NUL").encode() + b"\x00\x00", "schema")
    put("binary.md", bytes(range(256)) * 64, "schema")
    put("png.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(0) + bytes(200), "schema")
    put("big-body.md", _plan("Big body", ("Lorem ipsum dolor sit amet. " * 40 + "\n") * 4500), "ok")
    put("long-line.md", _plan("Long line", "word " * 40_000), "ok")
    put("ten-thousand-keys.md", _many_keys(10_000), "schema")
    put("deep-flow.md", _deep(1000), "schema")
    put("deep-block.md", _deep_block(1000), "schema")
    put("alias-bomb.md", _alias_bomb(), "schema")
    put(
        "python-tag.md",
        "---\ntitle: !!python/object/apply:os.system ['true']\nstatus: proposed\nhorizon: now\n---\n",
        "schema",
    )
    put("python-name.md", "---\ntitle: !!python/name:os.system\nstatus: proposed\nhorizon: now\n---\n", "schema")
    put("impossible-date.md", "---\ntitle: X\nstatus: proposed\ntarget: 2027-02-30\n---\n", "schema")
    put("key-with-spaces.md", "---\ntitle: X\nstatus: proposed\nhorizon: now\nmy key: 1\n---\n", "schema")
    put("duplicate-keys.md", "---\ntitle: X\nstatus: proposed\nhorizon: now\nstatus: done\n---\n", "schema")
    put("name with spaces.md", _plan("Spaces in the name"), "ok")
    put("n\u00e4me-\u00fcn\u00efc\u00f6d\u00e9-\u8a08\u753b.md", _plan("Non-ASCII name"), "ok")
    put("control-chars.md", "---\ntitle: bell \x07 here\nstatus: proposed\nhorizon: now\n---\n", "schema")
    put("false-precision.md", "---\ntitle: X\nstatus: proposed\ntarget: 2027-08-17\n---\n", "findings")
    (plans / "folder.md").mkdir()  # a directory named like a plan is not a plan
    (plans / "nested").mkdir(exist_ok=True)
    (plans / "nested" / "inner.md").write_text(_plan("Nested"), encoding="utf-8")
    expect["plans/nested/inner.md"] = "ok"
    loop = plans / "nested" / "loop"
    if not loop.exists():
        loop.symlink_to(plans, target_is_directory=True)
    dangling = plans / "dangling.md"
    if not dangling.is_symlink():
        dangling.symlink_to(plans / "does-not-exist.md")
    return expect
