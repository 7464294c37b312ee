"""Baselines: adopt the gate on old plans; match by rule, path and offending text, not line."""

from __future__ import annotations

import json

from planner.cli import main

AS_OF = "2026-11-24"
OLD = "---\ntitle: Old\nstatus: proposed\ntarget: 2027-08-17\nestimate: 12 days\n---\n"
OTHER = "---\ntitle: Other\nstatus: proposed\ntarget: 2027-09-01\n---\n"


def check(capsys, *args: str) -> tuple[int, list[dict], str]:  # type: ignore[type-arg]
    capsys.readouterr()
    code = main(["check", "--as-of", AS_OF, "--format", "json", *args])
    captured = capsys.readouterr()
    return code, json.loads(captured.out)["diagnostics"], captured.err


def test_update_then_check_is_green(write_plan, repo, capsys):
    write_plan("old.md", OLD)
    write_plan("team/other.md", OTHER)
    code, remaining, err = check(capsys, "--baseline", "planner-baseline.json", "--update-baseline")
    assert code == 0 and remaining == []
    assert "recorded 3 findings in planner-baseline.json" in err
    data = json.loads((repo / "planner-baseline.json").read_text())
    assert data["planner_baseline"] == 1
    assert [(f["path"], f["rule"], f["text"]) for f in data["findings"]] == sorted(
        [
            ("plans/old.md", "date-precision", "2027-08-17"),
            ("plans/old.md", "estimate-precision", "12 days"),
            ("plans/team/other.md", "date-precision", "2027-09-01"),
        ]
    )
    code, remaining, err = check(capsys, "--baseline", "planner-baseline.json")
    assert code == 0 and remaining == []
    assert "3 known findings ignored" in err


def test_update_is_stable_byte_for_byte(write_plan, repo, capsys):
    write_plan("old.md", OLD)
    write_plan("team/other.md", OTHER)
    check(capsys, "--baseline", "b.json", "--update-baseline")
    first = (repo / "b.json").read_bytes()
    check(capsys, "--baseline", "b.json", "--update-baseline")
    assert (repo / "b.json").read_bytes() == first
    assert first.endswith(b"\n") and first.count(b'"path"') == 3


def test_edits_above_a_finding_keep_it_baselined(write_plan, capsys):
    write_plan("old.md", OLD)
    check(capsys, "--baseline", "b.json", "--update-baseline")
    write_plan("old.md", OLD.replace("title: Old\n", "title: Old\n# moved down\nowner: core\ntags: [x]\n"))
    code, remaining, _ = check(capsys, "--baseline", "b.json")
    assert code == 0 and remaining == []


def test_new_finding_is_reported_and_fixed_one_is_removable(write_plan, capsys):
    write_plan("old.md", OLD)
    check(capsys, "--baseline", "b.json", "--update-baseline")
    write_plan("old.md", OLD.replace("2027-08-17", "2027-Q3"))  # fixed
    write_plan("new.md", OTHER)  # new
    code, remaining, err = check(capsys, "--baseline", "b.json")
    assert code == 1
    assert [(d["path"], d["rule"]) for d in remaining] == [("plans/new.md", "date-precision")]
    assert "1 recorded findings no longer occur; remove them with --update-baseline:" in err
    assert "  plans/old.md: date-precision: 2027-08-17" in err


def test_same_text_twice_is_counted(write_plan, capsys):
    write_plan("a.md", OTHER)
    check(capsys, "--baseline", "b.json", "--update-baseline")
    write_plan("b.md", OTHER)  # the same finding in another file is new
    code, remaining, _ = check(capsys, "--baseline", "b.json")
    assert code == 1 and [d["path"] for d in remaining] == ["plans/b.md"]


def test_paths_are_relative_to_the_baseline_file(write_plan, repo, capsys, monkeypatch):
    write_plan("old.md", OLD)
    check(capsys, "--baseline", "b.json", "--update-baseline")
    monkeypatch.chdir(repo / "plans")
    code, remaining, _ = check(capsys, "old.md", "--baseline", "../b.json")
    assert code == 0 and remaining == []


def test_baseline_applies_to_every_format(write_plan, capsys):
    write_plan("old.md", OLD)
    check(capsys, "--baseline", "b.json", "--update-baseline")
    capsys.readouterr()
    assert main(["check", "--as-of", AS_OF, "--format", "sarif", "--baseline", "b.json"]) == 0
    assert json.loads(capsys.readouterr().out)["runs"][0]["results"] == []


def test_missing_or_bad_baseline_is_a_usage_error(write_plan, repo, capsys):
    write_plan("old.md", OLD)
    assert main(["check", "--as-of", AS_OF, "--baseline", "nope.json"]) == 2
    assert "nope.json: no such baseline; create it with --update-baseline" in capsys.readouterr().err
    (repo / "bad.json").write_text("[]")
    assert main(["check", "--as-of", AS_OF, "--baseline", "bad.json"]) == 2
    assert "not a planner baseline" in capsys.readouterr().err
    assert main(["check", "--as-of", AS_OF, "--update-baseline"]) == 2
    assert "--update-baseline needs --baseline FILE" in capsys.readouterr().err
