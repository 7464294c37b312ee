"""`planner fix`: exact-span edits, every other byte kept, atomic writes."""

from __future__ import annotations

import codecs
import json
import os
import stat
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import main

AS_OF = "2026-11-24"

# A comment-laden plan: comments, odd spacing, quoting styles, key order, a blank line.
LADEN = (
    "---\n"
    "# Billing: promised to sales in the Q3 review\n"
    "title:   'Billing revamp'   # keep the quotes\n"
    "status: proposed\n"
    "\n"
    "target: 2027-08-17   # the sales date\n"
    "estimate: '12 days'\n"
    "tags: [billing,  money]\n"
    "---\n"
    "Body with  two spaces, a date 2027-08-17 and trailing spaces   \n"
    "no newline at the end"
)
# Both the frontmatter target and the body's date are nine months out: each gets its quarter.
SAFE_FIXED = LADEN.replace("target: 2027-08-17   #", "target: 2027-Q3   #").replace(
    "a date 2027-08-17 and", "a date 2027-Q3 and"
)
ALL_FIXED = SAFE_FIXED.replace("estimate: '12 days'", "estimate: '1-2 months'")


def fix(*args: str) -> int:
    return main(["fix", "--as-of", AS_OF, *args])


def check_rules(capsys) -> list[str]:
    capsys.readouterr()
    main(["check", "--as-of", AS_OF, "--format", "json"])
    return [d["rule"] for d in json.loads(capsys.readouterr().out)["diagnostics"]]


def test_safe_fix_edits_only_the_span(write_plan, capsys):
    path = write_plan("billing.md", LADEN)
    assert fix() == 1  # the estimate is still an error: its fix is unsafe
    assert path.read_bytes() == SAFE_FIXED.encode()
    out = capsys.readouterr().out
    assert "fixed plans/billing.md: date-precision at 6:9 -> 2027-Q3" in out
    assert "1 more can be fixed with --unsafe" in out


def test_unsafe_fix_applies_the_rest_and_keeps_quoting(write_plan, capsys):
    path = write_plan("billing.md", LADEN)
    assert fix("--unsafe") == 0
    assert path.read_bytes() == ALL_FIXED.encode()
    assert check_rules(capsys) == []


@pytest.mark.parametrize(
    ("prefix", "newline", "codec"),
    [
        (codecs.BOM_UTF8, "\r\n", "utf-8"),
        (b"", "\r\n", "utf-8"),
        (codecs.BOM_UTF8, "\n", "utf-8"),
        (codecs.BOM_UTF16_LE, "\r\n", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "\n", "utf-16-be"),
    ],
    ids=["bom-crlf", "crlf", "bom-lf", "utf16le-crlf", "utf16be-lf"],
)
def test_encoding_bom_and_line_endings_stay_byte_for_byte(write_plan, capsys, prefix, newline, codec):
    original = prefix + LADEN.replace("\n", newline).encode(codec)
    path = write_plan("billing.md", original)
    fix("--unsafe")
    assert path.read_bytes() == prefix + ALL_FIXED.replace("\n", newline).encode(codec)
    assert check_rules(capsys) == []


def test_non_ascii_columns_count_code_points(write_plan):
    text = "---\ntitle: Zoë’s 🚀 plan\nstatus: proposed\ntarget: 2027-08-17 # für 🚀\n---\n"  # noqa: RUF001
    path = write_plan("rocket.md", text)
    fix()
    assert path.read_text(encoding="utf-8") == text.replace("2027-08-17", "2027-Q3")


def test_double_quoted_value_stays_double_quoted(write_plan):
    path = write_plan("q.md", '---\ntitle: Q\nstatus: proposed\ntarget: "2027-08-17"\n---\n')
    fix()
    assert path.read_text() == '---\ntitle: Q\nstatus: proposed\ntarget: "2027-Q3"\n---\n'


def test_diff_previews_and_writes_nothing(write_plan, capsys):
    path = write_plan("billing.md", LADEN)
    before = os.stat(path)
    assert fix("--diff") == 1
    out = capsys.readouterr().out
    assert out == (
        "--- a/plans/billing.md\n+++ b/plans/billing.md\n@@ -3,9 +3,9 @@\n"
        " title:   'Billing revamp'   # keep the quotes\n status: proposed\n \n"
        "-target: 2027-08-17   # the sales date\n+target: 2027-Q3   # the sales date\n"
        " estimate: '12 days'\n tags: [billing,  money]\n ---\n"
        "-Body with  two spaces, a date 2027-08-17 and trailing spaces   \n"
        "+Body with  two spaces, a date 2027-Q3 and trailing spaces   \n"
        " no newline at the end\n\\ No newline at end of file\n"
    )
    assert path.read_bytes() == LADEN.encode()
    assert os.stat(path).st_mtime_ns == before.st_mtime_ns


def test_second_run_changes_nothing(write_plan, capsys):
    path = write_plan("billing.md", LADEN)
    fix("--unsafe")
    after_first = path.read_bytes()
    mtime = os.stat(path).st_mtime_ns
    capsys.readouterr()
    assert fix("--unsafe") == 0
    assert path.read_bytes() == after_first and os.stat(path).st_mtime_ns == mtime
    assert "fixed 0 findings in 0 files" in capsys.readouterr().out
    assert fix("--diff") == 0
    assert capsys.readouterr().out == ""


def test_clean_files_are_not_rewritten(write_plan):
    path = write_plan("fine.md", "---\ntitle: Fine\nstatus: proposed\ntarget: 2027-Q3\n---\n")
    mtime = os.stat(path).st_mtime_ns
    assert fix() == 0
    assert os.stat(path).st_mtime_ns == mtime


def test_permissions_are_kept(write_plan):
    path = write_plan("billing.md", LADEN)
    path.chmod(0o640)
    fix()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_symlinked_plan_is_fixed_through_the_link(write_plan, repo):
    real = repo / "elsewhere.md"
    real.write_text(LADEN)
    link = repo / "plans" / "linked.md"
    link.symlink_to(real)
    fix()
    assert link.is_symlink() and real.read_text() == SAFE_FIXED


@pytest.mark.parametrize("failing", ["fsync", "replace", "write"])
def test_failure_mid_write_leaves_original_and_no_temp_file(write_plan, repo, capsys, monkeypatch, failing):
    path = write_plan("billing.md", LADEN)
    import planner.atomic

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        class Broken:
            def __init__(self, f):
                self.f = f

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.f.close()

            def write(self, data):
                self.f.write(data[: len(data) // 2])
                raise OSError(28, "No space left on device")

        monkeypatch.setattr(planner.atomic.os, "fdopen", lambda fd, mode: Broken(real_fdopen(fd, mode)))
    else:
        monkeypatch.setattr(planner.atomic.os, failing, boom)
    assert fix() == 2
    assert "planner: plans/billing.md: cannot write: No space left on device" in capsys.readouterr().err
    assert path.read_bytes() == LADEN.encode()
    assert sorted(p.name for p in (repo / "plans").iterdir()) == ["billing.md"]


def test_file_changed_during_fix_is_not_overwritten(write_plan, monkeypatch, capsys):
    path = write_plan("billing.md", LADEN)
    import planner.fix

    real = planner.fix.fix_file

    def racing(location, *args):
        result = real(location, *args)
        location.file.write_text("edited meanwhile\n")
        return result

    monkeypatch.setattr(planner.fix, "fix_file", racing)
    assert fix() == 2
    assert "changed while planner fix ran" in capsys.readouterr().err
    assert path.read_text() == "edited meanwhile\n"


def test_undecodable_file_is_left_alone(write_plan, capsys):
    data = b"---\ntitle: \xff\nstatus: proposed\ntarget: 2027-08-17\n---\n"
    path = write_plan("latin1.md", data)
    assert fix() == 1
    assert path.read_bytes() == data


def test_fix_never_breaks_a_file(write_plan, monkeypatch, capsys):
    """A fix whose replacement would make the YAML invalid is not applied."""
    from planner.diagnostics import Fix
    from planner.rules import date_precision

    real = date_precision.check

    def bad_fix(item, ctx):
        for problem in real(item, ctx):
            yield type(problem)(problem.span, problem.message, Fix("[unclosed", safe=True))

    monkeypatch.setattr(date_precision, "check", bad_fix)
    path = write_plan("billing.md", LADEN)
    fix()
    assert path.read_bytes() == LADEN.encode()
    assert "fix not applied" in capsys.readouterr().err


def test_body_fixes_are_applied_by_span_like_any_other(write_plan, monkeypatch):
    """Prose rules put fixes on body spans; fix applies them generically."""
    from planner.diagnostics import Fix, Problem, Span
    from planner.rules import date_precision

    real = date_precision.check

    def with_body(item, ctx):
        yield from real(item, ctx)
        for number, line in enumerate(item.source.text.split("\n"), 1):
            column = line.find("2027-08-17")
            if column >= 0 and number >= item.source.document.body_line:
                span = Span(number, column + 1, number, column + 11)
                yield Problem(span, "body date too precise", Fix("2027-Q3", safe=True))

    monkeypatch.setattr(date_precision, "check", with_body)
    path = write_plan("billing.md", LADEN.replace("\n", "\r\n"))
    fix()
    expected = SAFE_FIXED.replace("a date 2027-08-17 and", "a date 2027-Q3 and").replace("\n", "\r\n")
    assert path.read_bytes() == expected.encode()


_LINE_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\x85\ufeff"),
    max_size=30,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=_LINE_TEXT, after=_LINE_TEXT, body=st.text(alphabet="abc XYZ\t.,;", max_size=40), crlf=st.booleans())
def test_only_the_span_changes_whatever_surrounds_it(tmp_path, before, after, body, crlf):
    from planner.config import Config
    from planner.fix import fix_file
    from planner.load import PlanFile
    from planner.rules import RuleContext

    newline = "\r\n" if crlf else "\n"
    text = f"---\n# {before}\ntitle: T\nstatus: proposed\ntarget: 2027-08-17   # {after}\n---\n{body}\n"
    text = text.replace("\n", newline)
    file = tmp_path / "p.md"
    file.write_bytes(text.encode())
    config = Config()
    result = fix_file(PlanFile(file, "plans/p.md", "p"), config, RuleContext(date(2026, 11, 24), config), False)
    assert result.after == text.replace("target: 2027-08-17 ", "target: 2027-Q3 ", 1).encode()
