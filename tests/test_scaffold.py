"""`planner init` and `planner new` in a temporary repository."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from planner.cli import main
from planner.config import Config
from planner.scaffold import lane_window

AS_OF = "2026-11-24"


def check(capsys) -> tuple[int, list[dict]]:  # type: ignore[type-arg]
    capsys.readouterr()
    code = main(["check", "--as-of", AS_OF, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)["diagnostics"]


@pytest.fixture
def empty_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANNER_AS_OF", raising=False)
    (tmp_path / "pyproject.toml").write_bytes(b'[project]\r\nname = "shop"\r\n')
    return tmp_path


def test_init_scaffolds_a_repository_that_passes_check(empty_repo, capsys):
    assert main(["init", "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    for name in (
        "plans/now-example.md",
        "plans/vision-example.md",
        "mkdocs.yml",
        ".pre-commit-config.yaml",
        ".github/workflows/planner.yml",
        "pyproject.toml [tool.planner]",
    ):
        assert f"wrote    {name}" in out
    assert sorted(p.name for p in (empty_repo / "plans").iterdir()) == [
        "later-example.md",
        "next-example.md",
        "now-example.md",
        "vision-example.md",
    ]
    code, diagnostics = check(capsys)
    assert (code, diagnostics) == (0, [])
    mkdocs = yaml.safe_load((empty_repo / "mkdocs.yml").read_text())
    assert "planner" in mkdocs["plugins"] and mkdocs["docs_dir"] == "plans"
    hooks = yaml.safe_load((empty_repo / ".pre-commit-config.yaml").read_text())
    assert hooks["repos"][0]["hooks"] == [{"id": "planner"}]
    workflow = yaml.safe_load((empty_repo / ".github/workflows/planner.yml").read_text())
    steps = workflow["jobs"]["planner"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@") and steps[1]["with"] == {"paths": "plans"}


def test_init_appends_to_pyproject_keeping_its_bytes(empty_repo, capsys):
    main(["init", "--as-of", AS_OF])
    data = (empty_repo / "pyproject.toml").read_bytes()
    assert data.startswith(b'[project]\r\nname = "shop"\r\n\r\n[tool.planner]\r\npaths = ["plans"]\r\n')
    assert b"\n" not in data.replace(b"\r\n", b"")  # CRLF file stays CRLF
    import tomllib

    assert tomllib.loads(data.decode())["tool"]["planner"]["paths"] == ["plans"]


def test_init_never_overwrites_and_says_what_it_skipped(empty_repo, capsys):
    (empty_repo / "mkdocs.yml").write_text("site_name: Ours\n")
    (empty_repo / "plans").mkdir()
    (empty_repo / "plans" / "real.md").write_text("---\ntitle: Real\nstatus: proposed\nhorizon: later\n---\n")
    assert main(["init", "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    assert "skipped  mkdocs.yml (exists)" in out
    assert "skipped  plans/ examples (plans/ already has plans)" in out
    assert (empty_repo / "mkdocs.yml").read_text() == "site_name: Ours\n"
    assert [p.name for p in (empty_repo / "plans").iterdir()] == ["real.md"]
    first = {p: p.read_bytes() for p in empty_repo.rglob("*") if p.is_file()}
    assert main(["init", "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    assert "wrote" not in out and "skipped  pyproject.toml [tool.planner] (already there)" in out
    assert {p: p.read_bytes() for p in empty_repo.rglob("*") if p.is_file()} == first


def test_init_keeps_the_built_site_out_of_git(empty_repo, capsys):
    (empty_repo / ".gitignore").write_bytes(b"*.pyc")
    main(["init", "--as-of", AS_OF])
    assert (empty_repo / ".gitignore").read_bytes() == b"*.pyc\nsite/\n"
    main(["init", "--as-of", AS_OF])
    assert (empty_repo / ".gitignore").read_bytes() == b"*.pyc\nsite/\n"
    assert "skipped  .gitignore site/ (already there)" in capsys.readouterr().out


def test_init_without_pyproject_writes_planner_toml(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--as-of", AS_OF]) == 0
    import tomllib

    assert tomllib.loads((tmp_path / "planner.toml").read_text())["paths"] == ["plans"]
    assert check(capsys) == (0, [])


@pytest.mark.parametrize(
    ("lane", "target", "estimate"),
    [
        ("now", "2026-W49", "3-5 days"),
        ("next", "2027-02", "1-2 weeks"),
        ("later", "2027-Q2", "1-2 months"),
        ("vision", "2028-H1", "L"),
    ],
    ids=["now", "next", "later", "vision"],
)
def test_new_writes_a_plan_that_fits_its_lane(empty_repo, capsys, lane, target, estimate):
    assert main(["new", "Self-serve Invoices: v2!", "--horizon", lane, "--as-of", AS_OF]) == 0
    assert capsys.readouterr().out == "plans/self-serve-invoices-v2.md\n"
    text = (empty_repo / "plans" / "self-serve-invoices-v2.md").read_text()
    fields = yaml.safe_load(text.split("---\n")[1])
    assert fields == {
        "title": "Self-serve Invoices: v2!",
        "status": "proposed",
        "horizon": lane,
        "target": target,
        "estimate": estimate,
        "tags": [],
    }
    assert check(capsys) == (0, [])


def test_new_refuses_to_overwrite_and_needs_owner_when_committed(empty_repo, capsys):
    main(["new", "Billing", "--horizon", "now", "--as-of", AS_OF])
    capsys.readouterr()
    assert main(["new", "Billing", "--horizon", "later", "--as-of", AS_OF]) == 2
    assert "plans/billing.md already exists" in capsys.readouterr().err
    assert main(["new", "Payments", "--horizon", "now", "--status", "committed", "--as-of", AS_OF]) == 2
    assert "needs an owner" in capsys.readouterr().err
    assert (
        main(["new", "Payments", "--horizon", "now", "--status", "committed", "--owner", "pay", "--as-of", AS_OF]) == 0
    )
    assert check(capsys) == (0, [])


def test_new_quotes_hostile_titles_as_yaml_text(empty_repo, capsys):
    title = 'a: b # "c" \\ [d]'
    main(["new", title, "--horizon", "later", "--as-of", AS_OF, "--path", "plans/odd.md"])
    fields = yaml.safe_load((empty_repo / "plans/odd.md").read_text().split("---\n")[1])
    assert fields["title"] == title


@pytest.mark.parametrize("lane", ["now", "next", "later", "vision"])
def test_lane_windows_fit_their_lane_every_day_of_a_year(lane):
    config = Config()
    start = date(2026, 1, 1)
    bands = {"now": {"now"}, "next": {"next"}, "later": {"later", "far"}, "vision": {"vision", "far"}}[lane]
    for offset in range(0, 366, 5):
        as_of = start + timedelta(days=offset)
        window = lane_window(lane, as_of, config.ladder)
        assert config.ladder.band_for(window, as_of).name in bands
        assert config.ladder.window_allowed(window, as_of)


def test_init_and_our_own_site_use_the_built_in_site_settings(empty_repo, capsys):
    """planner init's mkdocs.yml, ours and the built-in one: offline fonts, palette, extensions."""
    from planner.site.runner import SITE_SETTINGS

    assert main(["init", "--as-of", "2026-11-24"]) == 0
    capsys.readouterr()
    repo = Path(__file__).resolve().parent.parent
    for path in (empty_repo / "mkdocs.yml", repo / "mkdocs.yml"):
        settings = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert {key: settings[key] for key in SITE_SETTINGS} == SITE_SETTINGS, path
    assert SITE_SETTINGS["theme"]["font"] is False  # Material would fetch Google Fonts otherwise
