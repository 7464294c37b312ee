from __future__ import annotations

from datetime import date

import pytest

from planner.cli import main
from planner.config import load_config, parse_config, resolve_as_of
from planner.errors import ConfigError

FAR_DAY = "---\ntitle: X\nstatus: proposed\ntarget: 2027-08-17\n---\n"


def test_severity_can_be_lowered_or_turned_off(repo, write_plan, check_json):
    write_plan("a.md", FAR_DAY)
    (repo / "pyproject.toml").write_text('[tool.planner.rules]\ndate-precision = "warning"\n')
    code, report = check_json()
    assert code == 0 and [d["severity"] for d in report["diagnostics"]] == ["warning"]
    (repo / "pyproject.toml").write_text('[tool.planner.rules]\ndate-precision = "off"\n')
    code, report = check_json()
    assert (code, report["diagnostics"]) == (0, [])


def test_severity_can_be_raised(repo, write_plan, check_json):
    write_plan("a.md", "---\ntitle: X\nstatus: proposed\ntarget: 2026-Q2\n---\n")
    (repo / "planner.toml").write_text('[rules]\nstale = "error"\n')
    code, report = check_json()
    assert code == 1 and report["diagnostics"][0]["severity"] == "error"


def test_planner_toml_wins_over_pyproject_in_the_same_folder(repo, write_plan, check_json):
    write_plan("a.md", FAR_DAY)
    (repo / "pyproject.toml").write_text('[tool.planner.rules]\ndate-precision = "off"\n')
    (repo / "planner.toml").write_text('[rules]\ndate-precision = "warning"\n')
    _, report = check_json()
    assert [d["severity"] for d in report["diagnostics"]] == ["warning"]


def test_config_is_found_in_a_parent_folder(repo, write_plan, capsys, monkeypatch):
    write_plan("a.md", FAR_DAY)
    (repo / "pyproject.toml").write_text('[tool.planner]\nas-of = "2027-08-01"\n')
    monkeypatch.chdir(repo / "plans")
    assert main(["check", "."]) == 0  # 16 days out: a day is fine
    assert "as of 2027-08-01, from config" in capsys.readouterr().out


def test_every_ladder_number_is_configurable():
    config = parse_config(
        {
            "bands": {
                "now": {"max-days": 14, "min-window-days": 1, "finest-estimate": "hours", "min-range-ratio": 1},
                "next": {"max-days": 60, "min-window-days": 7, "finest-estimate": "days"},
                "later": {"max-days": 120, "min-window-days": 30, "finest-estimate": "weeks", "min-range-ratio": 1.25},
                "far": {"max-days": 300, "min-window-days": 89, "finest-estimate": "months", "min-range-ratio": 3},
                "vision": {"min-window-days": 365, "finest-estimate": "size"},
            },
            "sizes": {"S": "1-2 weeks", "M": "1-2 months", "L": "1-2 quarters"},
            "units": {"hours-per-day": 6, "days-per-week": 4, "days-per-month": 20, "sprint-weeks": 3},
        }
    )
    ladder = config.ladder
    assert [b.max_days for b in ladder.bands] == [14, 60, 120, 300, None]
    assert [b.min_window_days for b in ladder.bands] == [1, 7, 30, 89, 365]
    assert ladder.band("far").min_range_ratio == 3 and ladder.band("vision").finest_estimate is None
    assert list(config.sizes) == ["S", "M", "L"]
    assert config.units.days(1, "sprints") == 12


@pytest.mark.parametrize(
    ("table", "key", "reason"),
    [
        ({"bogus": 1}, "tool.planner.bogus", "unknown key"),
        ({"rules": {"date-precison": "off"}}, "tool.planner.rules.date-precison", "unknown rule"),
        ({"rules": {"stale": "fatal"}}, "tool.planner.rules.stale", "'fatal' is not one of error, warning, off"),
        ({"bands": {"soon": {}}}, "tool.planner.bands.soon", "unknown key"),
        ({"bands": {"next": {"max-days": 30}}}, "tool.planner.bands.next.max-days", "must be more than now's 42"),
        ({"bands": {"vision": {"max-days": 900}}}, "tool.planner.bands.vision.max-days", "no upper bound"),
        ({"bands": {"far": {"min-window-days": "90"}}}, "tool.planner.bands.far.min-window-days", "whole number"),
        ({"bands": {"far": {"finest-estimate": "fortnights"}}}, "tool.planner.bands.far.finest-estimate", "not one of"),
        ({"bands": {"far": {"min-range-ratio": 0.5}}}, "tool.planner.bands.far.min-range-ratio", "at least 1"),
        ({"sizes": {"M": "lots"}}, "tool.planner.sizes.M", "not an estimate"),
        ({"units": {"hours-per-day": 0}}, "tool.planner.units.hours-per-day", "positive number"),
        ({"as-of": "next week"}, "tool.planner.as-of", "not a date"),
        ({"paths": []}, "tool.planner.paths", "list of folder or file names"),
    ],
)
def test_bad_config_names_the_key_and_the_reason(table, key, reason):
    with pytest.raises(ConfigError) as caught:
        parse_config(table)
    assert caught.value.key == key
    assert reason in caught.value.reason


def test_broken_toml_is_a_config_error(tmp_path):
    path = tmp_path / "planner.toml"
    path.write_text("[rules\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(path)


def test_resolve_as_of_is_pure():
    today = date(2026, 11, 24)
    assert resolve_as_of(None, None, None, today) == (today, "today")
    assert resolve_as_of(None, "", date(2027, 1, 1), today) == (date(2027, 1, 1), "config")


def test_paths_from_config(repo, write_plan, check_json):
    (repo / "roadmap").mkdir()
    (repo / "roadmap" / "a.md").write_text(FAR_DAY)
    (repo / "planner.toml").write_text('paths = ["roadmap"]\n')
    _, report = check_json()
    assert report["files_checked"] == 1 and report["diagnostics"][0]["path"] == "roadmap/a.md"
