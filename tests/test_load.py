"""The loader: one clear schema diagnostic at the right line for every odd file, and the run goes on."""

from __future__ import annotations

import codecs
import time

import pytest

from planner.cli import main
from planner.frontmatter import parse_document

GOOD = "---\ntitle: Good\nstatus: proposed\ntarget: 2027-Q3\n---\n"


@pytest.mark.parametrize(
    ("content", "line", "column", "message"),
    [
        (b"Just some notes.\n", 1, 1, "no frontmatter"),
        (b"", 1, 1, "no frontmatter"),
        (b"+++\ntitle = 'x'\n+++\n", 1, 1, "TOML frontmatter (+++) is not supported"),
        (b"---\ntitle: x\nstatus: proposed\n", 1, 1, "never closed"),
        (b"---\n", 1, 1, "never closed"),
        (b"---\ntitle: x\nstatus: [proposed\nhorizon: now\n---\n", 3, 9, "invalid YAML"),
        (b"---\ntitle: x\n  bad indent: y\n---\n", 3, 13, "invalid YAML"),
        (b"---\n- title\n- status\n---\n", 2, 1, "frontmatter is a list, not a mapping"),
        (b"---\njust a string\n---\n", 2, 1, "frontmatter is a single value"),
        (b"---\ntitle: caf\xe9\n---\n", 2, 11, "not UTF-8: byte 0xE9 at line 2, column 11"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1, 1, "binary file"),
        (
            b"---\ntitle: !!python/object/apply:os.system ['echo hi']\nstatus: proposed\nhorizon: now\n---\n",
            2,
            8,
            "YAML tag !!python/object/apply:os.system is not allowed",
        ),
        (
            b"---\ntitle: x\nstatus: proposed\nhorizon: now\ntitle: y\n---\n",
            5,
            1,
            "duplicate key 'title' (first at line 2)",
        ),
        (b"---\ntitle: x\nstatus: proposed\n---\n", 1, 1, "needs a horizon"),
        (b"---\nstatus: proposed\nhorizon: now\n---\n", 1, 1, "missing required field 'title'"),
        (
            b"---\ntitle: x\nstatus: proposed\nhorizon: now\ntarget: 2027-02-30\n---\n",
            5,
            9,
            "February 2027 has 28 days",
        ),
        (b"---\ntitle: x\nstatus: proposed\nhorizon: soon\n---\n", 4, 10, "horizon 'soon' is not one of now, next"),
        (
            b"---\ntitle: x\nstatus: proposed\nhorizon: now\ntagz: [a]\n---\n",
            5,
            1,
            "unknown field 'tagz'; did you mean 'tags'?",
        ),
        (
            b"---\ntitle: 42\nstatus: proposed\nhorizon: now\n---\n",
            2,
            8,
            "title must be text, not a number (put it in quotes)",
        ),
        (b"---\ntitle: x\nstatus: proposed\nhorizon: now\ntags: [ok, 3]\n---\n", 5, 12, "item 2 is not"),
        (b"---\ntitle: x\nstatus: proposed\nhorizon: now\nestimate: 3\n---\n", 5, 11, "'3' has no unit"),
        (
            b"---\ntitle: x\nstatus: proposed\nhorizon: now\ndeadline: 2027-Q1\ndeadline_reason: law\n---\n",
            5,
            11,
            "not an exact date",
        ),
    ],
    ids=[
        "no-frontmatter",
        "empty",
        "toml",
        "unclosed",
        "only-dashes",
        "broken-yaml",
        "bad-indent",
        "list",
        "scalar",
        "latin-1",
        "binary",
        "python-tag",
        "duplicate-key",
        "no-horizon-or-target",
        "missing-title",
        "impossible-date",
        "bad-enum",
        "unknown-key",
        "wrong-type",
        "wrong-item-type",
        "estimate-without-unit",
        "deadline-not-a-day",
    ],
)
def test_odd_file_gets_one_schema_error_at_its_line_and_the_run_continues(
    write_plan, check_json, content, line, column, message
):
    write_plan("a-odd.md", content)
    write_plan("b-good.md", GOOD)
    code, report = check_json()
    assert code == 1
    assert report["files_checked"] == 2
    [d] = [d for d in report["diagnostics"] if d["path"] == "plans/a-odd.md"]
    assert (d["rule"], d["line"], d["column"]) == ("schema", line, column)
    assert message in d["message"]
    assert not [d for d in report["diagnostics"] if d["path"] == "plans/b-good.md"]


BAD_TARGET = "---\ntitle: x\nstatus: proposed\ntarget: 2027-08-17\n---\n"


@pytest.mark.parametrize(
    "content",
    [
        BAD_TARGET.encode(),
        codecs.BOM_UTF8 + BAD_TARGET.encode(),
        BAD_TARGET.replace("\n", "\r\n").encode(),
        codecs.BOM_UTF16_LE + BAD_TARGET.encode("utf-16-le"),
    ],
    ids=["lf", "bom", "crlf", "utf-16"],
)
def test_positions_are_the_same_with_bom_crlf_and_utf16(write_plan, check_json, content):
    write_plan("a.md", content)
    _, report = check_json()
    [d] = report["diagnostics"]
    assert (d["rule"], d["line"], d["column"], d["end_line"], d["end_column"]) == ("date-precision", 4, 9, 4, 19)


def test_columns_count_code_points(write_plan, check_json):
    write_plan("a.md", '---\ntitle: "Ünïcödé 😀"\nstatus: proposed\nhorizon: later\nestimate: 3 days\n---\n')
    _, report = check_json()
    [d] = report["diagnostics"]
    assert (d["line"], d["column"], d["end_column"]) == (5, 11, 17)


def test_unquoted_yaml_date_and_int_are_windows(write_plan, check_json):
    write_plan("a.md", "---\ntitle: x\nstatus: proposed\nhorizon: vision\ntarget: 2029\n---\n")
    write_plan("b.md", "---\ntitle: x\nstatus: committed\nowner: me\nhorizon: now\ntarget: 2026-12-01\n---\n")
    code, report = check_json()
    assert (code, report["diagnostics"]) == (0, [])


def test_alias_bomb_is_refused_quickly(write_plan, check_json):
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines += ["title: x", "status: proposed", "horizon: now", "---", ""]
    write_plan("bomb.md", "\n".join(lines))
    started = time.perf_counter()
    code, report = check_json()
    assert time.perf_counter() - started < 5  # generous: the point is "not exponential"
    assert code == 1
    messages = [d["message"] for d in report["diagnostics"]]
    assert any("more than 10000 values" in m for m in messages)


def test_plan_ids_and_nested_folders(write_plan, check_json):
    write_plan("team/infra/db.md", BAD_TARGET)
    _, report = check_json()
    assert report["diagnostics"][0]["path"] == "plans/team/infra/db.md"


def test_folders_named_md_and_hidden_files_are_skipped(repo, write_plan, check_json):
    (repo / "plans" / "weird.md").mkdir()
    write_plan(".draft.md", "not a plan")
    write_plan("a.md", GOOD)
    code, report = check_json()
    assert (code, report["files_checked"]) == (0, 1)


def test_symlink_loops_are_followed_once(repo, write_plan, check_json):
    write_plan("sub/a.md", GOOD)
    (repo / "plans" / "sub" / "loop").symlink_to(repo / "plans")
    code, report = check_json()
    assert (code, report["files_checked"]) == (0, 1)


def test_unreadable_file_is_reported_and_run_continues(repo, write_plan, check_json, monkeypatch):
    write_plan("a.md", GOOD)
    write_plan("b.md", BAD_TARGET)
    import builtins

    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if str(file).endswith("a.md"):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    _, report = check_json()
    assert [(d["path"], d["rule"], d["line"]) for d in report["diagnostics"]] == [
        ("plans/a.md", "schema", 1),
        ("plans/b.md", "date-precision", 4),
    ]
    assert report["diagnostics"][0]["message"] == "cannot read file: Permission denied"


def test_debug_shows_tracebacks_only_when_asked(repo, capsys, monkeypatch):
    import planner.engine

    def boom(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(planner.engine, "check_files", boom)
    assert main(["check", "--as-of", "2026-11-24"]) == 2
    assert (
        capsys.readouterr().err == "planner: internal error: RuntimeError: kaboom (run with --debug for a traceback)\n"
    )
    with pytest.raises(RuntimeError):
        main(["check", "--as-of", "2026-11-24", "--debug"])


def test_a_refused_character_is_located_by_characters_not_bytes(write_plan, check_json):
    # Found by bench/fuzz.py: libyaml reports a byte offset, which four-byte characters skew.
    write_plan("a.md", "---\ntitle: \U0001f600\U0001f600 \x07 bell\nstatus: proposed\nhorizon: now\n---\n")
    _, report = check_json()
    [d] = report["diagnostics"]
    assert (d["line"], d["column"], d["message"]) == (2, 11, "invalid YAML: control characters are not allowed")


def test_deep_flows_are_refused_the_same_way_whatever_libyaml_does():
    """libyaml 0.2.6 refuses deep flows itself and 0.2.5 composes them: planner says it first."""
    deep = "---\ntitle: Deep\nstatus: proposed\nhorizon: now\ntags: " + "[" * 65 + "x" + "]" * 65 + "\n---\n"
    document = parse_document(deep)
    assert [(p.span.line, p.span.column, p.message) for p in document.problems] == [
        (5, 71, "values are nested more than 64 levels deep")
    ]
    quoted = "---\ntitle: '" + "[" * 100 + "'\nstatus: proposed\nhorizon: now # " + "{" * 80 + "\n---\n"
    assert parse_document(quoted).problems == ()
