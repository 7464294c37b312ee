"""The composite GitHub Action: its inputs, and its check step run the way a runner would."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
BAD = "---\ntitle: Bad\nstatus: proposed\ntarget: 2027-08-17\n---\n"


def test_inputs_and_composite_steps():
    assert set(ACTION["inputs"]) >= {"paths", "as-of", "version", "format"}
    assert ACTION["inputs"]["format"]["default"] == "github"
    assert ACTION["runs"]["using"] == "composite"
    names = [step.get("name") for step in ACTION["runs"]["steps"]]
    assert names[1:] == ["Install planner", "Keep planner's cache", "Check plans"]


def test_the_cache_step_keeps_the_folder_planner_reads_and_can_be_turned_off():
    (cache,) = [step for step in ACTION["runs"]["steps"] if step.get("name") == "Keep planner's cache"]
    assert cache["uses"].startswith("actions/cache@")
    assert cache["if"] == "inputs.cache == 'true'" and ACTION["inputs"]["cache"]["default"] == "true"
    home = Path(os.path.expanduser("~"))
    env = {k: v for k, v in os.environ.items() if k not in ("PLANNER_CACHE_DIR", "XDG_CACHE_HOME")}
    script = "from planner.patterncache import cache_folder; print(cache_folder())"
    folder = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert Path(folder.stdout.strip()) == home / cache["with"]["path"].removeprefix("~/")


def test_no_expression_is_pasted_into_a_script():
    """${{ }} inside run: is a script-injection hole; inputs go through env."""
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", "")


def check_step() -> str:
    return next(step["run"] for step in ACTION["runs"]["steps"] if step.get("id") == "check")


@pytest.fixture
def runner(tmp_path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "bad.md").write_text(BAD)
    (tmp_path / "plans" / "*.md").write_text(BAD.replace("Bad", "Star"))
    bin_dir = str(Path(sys.executable).parent)

    def run(**inputs: str) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
        output, summary = tmp_path / "output.txt", tmp_path / "summary.md"
        env = {
            "PATH": bin_dir + os.pathsep + os.environ["PATH"],
            "GITHUB_OUTPUT": str(output),
            "GITHUB_STEP_SUMMARY": str(summary),
            "PLANNER_PATHS": inputs.get("paths", "plans"),
            "PLANNER_FORMAT": inputs.get("format", "github"),
            "PLANNER_AS_OF_INPUT": inputs.get("as_of", "2026-11-24"),
        }
        proc = subprocess.run(["bash", "-c", check_step()], cwd=tmp_path, env=env, capture_output=True, text=True)
        return proc, output, summary

    return run


def test_check_step_annotates_and_writes_the_step_summary(runner):
    proc, _, summary = runner()
    assert proc.returncode == 1
    assert "::error file=plans/bad.md,line=4,col=9" in proc.stdout
    assert "(as of 2026-11-24, from --as-of)" in proc.stdout
    assert "| ❌ error | `plans/bad.md:4:9` | `date-precision` |" in summary.read_text()


def test_check_step_takes_paths_literally(runner):
    proc, _, _ = runner(paths="plans/*.md")
    assert proc.returncode == 1
    assert "file=plans/*.md" in proc.stdout and "bad.md" not in proc.stdout


def test_check_step_writes_sarif_for_upload(runner, tmp_path):
    proc, output, summary = runner(format="sarif")
    assert proc.returncode == 1
    assert output.read_text() == "report=planner-report.sarif\n"
    log = json.loads((tmp_path / "planner-report.sarif").read_text())
    assert log["version"] == "2.1.0" and len(log["runs"][0]["results"]) == 2
    assert not summary.exists()


def test_readme_workflow_uses_the_action_inputs():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL)
    workflows = [yaml.safe_load(b) for b in blocks if "jobs:" in b]
    assert workflows, "README shows a copy-paste workflow"
    for workflow in workflows:
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                if "planner" in step.get("uses", "") and "with" in step:
                    assert set(step["with"]) <= set(ACTION["inputs"])
