"""The fast frontmatter path must agree with the exact composer path, or step aside."""

from __future__ import annotations

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from planner.config import Config
from planner.engine import check_files
from planner.frontmatter import fast_fields, parse_fields
from planner.load import discover

SCALARS = [
    "x",
    "Billing revamp",
    "2027",
    "2027-03-14",
    "2027-02-30",
    "2027-3-4",
    "2027-Q3",
    "Q3 2027",
    "yes",
    "No",
    "on",
    "off",
    "true",
    "False",
    "null",
    "~",
    "Null",
    "0",
    "-1",
    "+3",
    "010",
    "0x1F",
    "1_000",
    "1.5",
    ".inf",
    "1e3",
    "3 days",
    "~40h",
    "2-4 weeks",
    "a: b",
    "a:b",
    "a #b",
    "a#b",
    "# c",
    "'q'",
    '"dq"',
    "'it''s'",
    '"esc\\n"',
    "[a, b]",
    "[]",
    "[2027, yes]",
    "[a, [b]]",
    "{a: 1}",
    "&anchor x",
    "*alias",
    "!!str 3",
    "|",
    ">",
    "- item",
    "@x",
    "`x`",
    "%x",
    "?x",
    "ünïcödé",
    "😀 emoji",
    "12:30",
    "1:20:30",
    "2027-03-14 10:00:00",
    "<<",
    "=",
    "x  ",
    "x\t",
    "'a' # c",
    "[a] # c",
    "[a]x",
    "'a'b",
    "\u0007bell",
    "\ufeffbom",
]
KEYS = ["title", "status", "owner", "target", "tags", "yes", "null", "a-b", "x_y", "Title", "1a"]


def line(key: str, value: str) -> str:
    return f"{key}: {value}"


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(KEYS), st.sampled_from(SCALARS)), min_size=1, max_size=6),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
@example([("title", "x"), ("title", "y")], "\n", False)
def test_fast_path_agrees_with_the_composer(pairs, newline, comments):
    lines = [line(k, v) for k, v in pairs]
    if comments:
        lines.insert(1, "# a comment")
        lines.append("")
    text = newline.join(lines) + newline
    fast = fast_fields(text, first_line=2)
    if fast is None:
        return  # stepped aside: the exact path handles it
    exact, problems = parse_fields(text, first_line=2)
    assert problems == []
    assert [(f.key, f.key_span) for f in fast] == [(f.key, f.key_span) for f in exact]
    for a, b in zip(fast, exact, strict=True):
        assert (a.value.kind, a.value.text, a.value.span) == (b.value.kind, b.value.text, b.value.span), text
        assert a.value.plain() == b.value.plain()
    try:
        loaded = yaml.load(text, Loader=yaml.CSafeLoader)  # what the exact path parses with
    except ValueError:  # 2027-02-30: PyYAML cannot build the date; both paths keep the text
        return
    assert {f.key: f.value.plain() for f in fast} == loaded


def test_fast_path_takes_the_common_shape():
    text = 'title: Billing\nstatus: proposed\ntarget: 2027-Q3  # quarter\ntags: [a, b]\nowner: "pay"\n'
    fields = fast_fields(text, first_line=2)
    assert fields is not None and [f.key for f in fields] == ["title", "status", "target", "tags", "owner"]


def test_parallel_and_serial_checks_give_the_same_report(tmp_path, monkeypatch):
    plans = tmp_path / "plans"
    plans.mkdir()
    for i in range(60):
        target = ["2027-08-17", "2027-Q3", "2026-03", "2027-02-30"][i % 4]
        (plans / f"p{i:02d}.md").write_text(f"---\ntitle: P{i}\nstatus: proposed\ntarget: {target}\n---\n")
    monkeypatch.chdir(tmp_path)
    from datetime import date

    files = list(discover(["plans"], tmp_path))
    serial = check_files(files, Config(), date(2026, 11, 24), "flag", jobs=1)
    parallel = check_files(files, Config(), date(2026, 11, 24), "flag", jobs=2)
    assert serial == parallel
    assert serial.files_checked == 60 and len(serial.diagnostics) == 45
