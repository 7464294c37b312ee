"""The command line: argparse, exit codes, and the one place that catches errors."""

from __future__ import annotations

import argparse
import contextlib
import difflib
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from planner import __version__
from planner.config import AS_OF_SOURCE_WORDS, Config, find_config_file, load_config, resolve_as_of
from planner.errors import PlannerError, UsageError

if TYPE_CHECKING:
    from planner.diagnostics import Diagnostic, Report
    from planner.site.runner import BuildRequest

EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args_list
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
        if not getattr(args, "command", None):
            parser.print_help()
            return EXIT_FAILURE
        result: int = args.handler(args)
        return result
    except PlannerError as e:
        if debug:
            raise
        print(f"planner: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("planner: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_FAILURE
    except Exception as e:  # the one catch-all: a one-line message unless --debug
        if debug:
            raise
        print(f"planner: internal error: {type(e).__name__}: {e} (run with --debug for a traceback)", file=sys.stderr)
        return EXIT_FAILURE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planner",
        description="Keep near-term plans specific and far-term plans vague: "
        "check plans/ in CI, publish them as a site.",
    )
    parser.add_argument("--version", action="version", version=f"planner {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    common.add_argument("--config", metavar="FILE", help="planner.toml or pyproject.toml (default: nearest one)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser(
        "check",
        parents=[common],
        help="check plans for false precision and schema errors",
        description="Check plan files. Exit 0: no errors; 1: errors found; 2: usage, config or internal failure.",
    )
    _add_plan_inputs(check)
    check.add_argument("--format", choices=_format_choices(), default="text", help="output format (default: text)")
    check.add_argument(
        "--jobs", type=_jobs, default=0, metavar="N", help="worker processes (default: one per core for large repos)"
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="scan every body again instead of reading what an earlier run found in it",
    )
    _add_check_ci_flags(check)
    check.set_defaults(handler=cmd_check)

    explain = sub.add_parser("explain", parents=[common], help="show a rule's documentation")
    explain.add_argument("rule", metavar="RULE")
    explain.set_defaults(handler=cmd_explain)

    # --- scan (prose) -------------------------------------------------------------------------
    scan = sub.add_parser(
        "scan",
        parents=[common],
        help="list every date and estimate mention and how it was understood",
        description="List every date and estimate in plan files, frontmatter and body: where it is and what it means.",
    )
    _add_plan_inputs(scan)
    scan.add_argument("--format", choices=("json", "text"), default="text", help="output format (default: text)")
    scan.set_defaults(handler=cmd_scan)
    # --- end scan ------------------------------------------------------------------------------

    rules_cmd = sub.add_parser("rules", parents=[common], help="list every rule with its severity")
    rules_cmd.set_defaults(handler=cmd_rules)
    _add_ci_commands(sub, common)

    _add_site_commands(sub, common)
    return parser


def _add_plan_inputs(parser: argparse.ArgumentParser) -> None:
    """PATHS and --as-of: what every command that reads plans (`_plan_files`, `_as_of`) takes."""
    parser.add_argument("paths", nargs="*", metavar="PATHS", help="files or folders (default: plans/)")
    _add_as_of(parser)


def _add_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="judge distances from this date (default: $PLANNER_AS_OF, then config, then today)",
    )


def _jobs(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of processes")
    return int(text)


def _format_choices() -> list[str]:
    from planner.formatters import FORMATTERS

    return sorted(FORMATTERS)


# --- shared steps --------------------------------------------------------------------------


def _config(args: argparse.Namespace) -> Config:
    if args.config:
        path = Path(args.config)
        if not path.is_file():
            raise UsageError(f"--config: {args.config}: no such file")
        return load_config(path)
    return load_config(find_config_file(Path.cwd()))


def _as_of(args: argparse.Namespace, config: Config) -> tuple[date, str]:
    today = date.today()  # noqa: DTZ011 - the clock is read here, at the edge, and nowhere else
    return resolve_as_of(args.as_of, os.environ.get("PLANNER_AS_OF"), config.as_of, today)


def _plan_files(args: argparse.Namespace, config: Config) -> list:  # type: ignore[type-arg]
    from planner.load import discover

    paths = args.paths or list(config.paths)
    try:
        return list(discover(paths, Path.cwd()))
    except FileNotFoundError as e:
        hint = "; pass the folder that holds your plans, or run `planner init`" if not args.paths else ""
        raise UsageError(f"{e.args[0]}: no such file or folder{hint}") from None


def _use_color(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


# --- subcommands ---------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    from planner.engine import check_files
    from planner.formatters import FORMATTERS
    from planner.formatters.text import format_text

    config = _config(args)
    as_of, source = _as_of(args, config)
    from planner import bodycache

    with bodycache.off() if args.no_cache else contextlib.nullcontext():
        report = check_files(_plan_files(args, config), config, as_of, source, jobs=args.jobs)
    report = _apply_baseline(args, report)
    if args.format == "text":
        output = format_text(report, color=_use_color(sys.stdout))
    else:
        output = FORMATTERS[args.format](report)
    sys.stdout.write(output)
    _write_step_summary(args, report)
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


def cmd_scan(args: argparse.Namespace) -> int:
    from planner.formatters.scan import format_scan_json, format_scan_text
    from planner.prose.listing import scan_files

    config = _config(args)
    as_of, source = _as_of(args, config)
    report = scan_files(_plan_files(args, config), config, as_of, source)
    sys.stdout.write(format_scan_json(report) if args.format == "json" else format_scan_text(report))
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    from planner.rules import rule, rule_names
    from planner.rules import severity as rule_severity

    module = rule(args.rule)
    if module is None:
        close = difflib.get_close_matches(args.rule, rule_names(), n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise UsageError(f"no rule named '{args.rule}'; {hint}rules: {', '.join(rule_names())}")
    config = _config(args)
    severity = rule_severity(config, module.NAME)
    print(f"{module.NAME} (default: {module.DEFAULT_SEVERITY}; here: {severity})\n")
    print((module.__doc__ or "").strip())
    print(f'\n## Severity\n`[tool.planner.rules] {module.NAME} = "error"`, "warning" or "off".')
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from planner.rules import rules
    from planner.rules import severity as rule_severity

    config = _config(args)
    width = max(len(m.NAME) for m in rules())
    for module in rules():
        severity = rule_severity(config, module.NAME)
        summary = (module.__doc__ or "").strip().splitlines()[0]
        print(f"{module.NAME:<{width}}  {severity:<7}  {summary}")
    return EXIT_OK


# --- CI and editors: baseline, step summary, fix, schema, init, new ---------------------------


def _add_check_ci_flags(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--baseline",
        metavar="FILE",
        help="ignore the findings recorded in FILE (matched by rule, path and offending text, not line)",
    )
    check.add_argument(
        "--update-baseline",
        action="store_true",
        help="record every current finding in the --baseline FILE, then report against it",
    )


def _add_ci_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    fix = sub.add_parser(
        "fix",
        parents=[common],
        help="apply safe fixes in place (atomically; nothing else in the file changes)",
        description="Apply fixes. Exit 0: no errors remain; 1: errors remain (or, with --diff, there is "
        "something to fix); 2: usage, config or internal failure.",
    )
    _add_plan_inputs(fix)
    fix.add_argument("--unsafe", action="store_true", help="also apply fixes that need judgement (estimates)")
    fix.add_argument("--diff", action="store_true", help="print a unified diff and write nothing")
    fix.set_defaults(handler=cmd_fix)

    schema = sub.add_parser(
        "schema",
        parents=[common],
        help="print the JSON Schema of plan frontmatter (for editors)",
        description="Print the JSON Schema (draft 2020-12) of plan frontmatter, e.g. for VS Code's yaml.schemas.",
    )
    schema.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    schema.set_defaults(handler=cmd_schema)

    init = sub.add_parser(
        "init",
        parents=[common],
        help="scaffold plans/, mkdocs.yml, a pre-commit hook, a CI workflow and [tool.planner]",
        description="Add planner to the repository in the current folder. Existing files are never overwritten.",
    )
    _add_as_of(init)
    init.set_defaults(handler=cmd_init)

    new = sub.add_parser(
        "new",
        parents=[common],
        help="write a new plan whose fields fit its horizon",
        description="Write plans/<slug>.md with a window and estimate as precise as its lane allows, no more.",
    )
    new.add_argument("title", metavar="TITLE")
    new.add_argument("--horizon", required=True, choices=("now", "next", "later", "vision"), help="the plan's lane")
    new.add_argument("--owner", help="team or person (required for committed or in-progress)")
    new.add_argument(
        "--status",
        default="proposed",
        choices=("exploring", "proposed", "committed", "in-progress"),
        help="(default: proposed)",
    )
    new.add_argument("--path", metavar="FILE", help="where to write it (default: plans/<slug>.md)")
    _add_as_of(new)
    new.set_defaults(handler=cmd_new)


def _apply_baseline(args: argparse.Namespace, report: Report) -> Report:
    from planner.baseline import apply_baseline, entries_for, read_baseline, write_baseline

    if args.update_baseline and not args.baseline:
        raise UsageError("--update-baseline needs --baseline FILE")
    if not args.baseline:
        return report
    path, cwd = Path(args.baseline), Path.cwd()
    if args.update_baseline:
        entries = entries_for(report, path, cwd)
        write_baseline(path, entries)
        print(f"planner: baseline: recorded {len(entries)} findings in {args.baseline}", file=sys.stderr)
    else:
        entries = read_baseline(path)
    applied = apply_baseline(report, entries, path, cwd)
    if applied.ignored:
        print(f"planner: baseline: {applied.ignored} known findings ignored ({args.baseline})", file=sys.stderr)
    if applied.removable:
        print(
            f"planner: baseline: {len(applied.removable)} recorded findings no longer occur; "
            "remove them with --update-baseline:",
            file=sys.stderr,
        )
        for entry in applied.removable:
            print(f"  {entry.path}: {entry.rule}: {entry.text}", file=sys.stderr)
    return applied.report


def _write_step_summary(args: argparse.Namespace, report: Report) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format != "github" or not target:
        return
    from planner.formatters.github import step_summary

    try:
        with open(target, "a", encoding="utf-8") as f:  # appended: other steps' summaries stay
            f.write(step_summary(report))
    except OSError as e:
        raise PlannerError(f"$GITHUB_STEP_SUMMARY: {target}: {e.strerror or e}") from None


def cmd_fix(args: argparse.Namespace) -> int:
    from planner.diagnostics import Report
    from planner.fix import fix_paths, write_fix
    from planner.formatters.text import summary
    from planner.rules import RuleContext

    config = _config(args)
    as_of, source = _as_of(args, config)
    results = fix_paths(_plan_files(args, config), config, RuleContext(as_of, config), args.unsafe)
    out = sys.stderr if args.diff else sys.stdout
    changed = [r for r in results if r.changed]
    for result in results:
        for note in result.notes:
            print(f"{result.location.path}: {note}", file=sys.stderr)
        if not result.changed:
            continue
        if args.diff:
            sys.stdout.write(result.diff())
        else:
            write_fix(result)
            print(f"fixed {result.location.path}: {_fixed_list(result.applied)}", file=out)
    remaining = Report(as_of, source, len(results), tuple(d for r in results for d in r.remaining))
    count = sum(len(r.applied) for r in results)
    verb = "would fix" if args.diff else "fixed"
    files = "1 file" if len(changed) == 1 else f"{len(changed)} files"
    print(f"planner fix: {verb} {count} finding{'' if count == 1 else 's'} in {files}.", file=out)
    print(summary(remaining), file=out)
    unsafe_left = sum(1 for d in remaining.diagnostics if d.fix is not None and not d.fix.safe)
    if unsafe_left and not args.unsafe:
        print(f"{unsafe_left} more can be fixed with --unsafe (review them: they need judgement).", file=out)
    if args.diff and changed:
        return EXIT_FINDINGS
    return EXIT_FINDINGS if remaining.has_errors else EXIT_OK


def _fixed_list(applied: Sequence[Diagnostic]) -> str:
    parts = [f"{d.rule} at {d.span.line}:{d.span.column} -> {d.fix.replacement}" for d in applied if d.fix]
    return "; ".join(parts) if parts else "edited"


def cmd_schema(args: argparse.Namespace) -> int:
    import json

    from planner.schema import frontmatter_schema

    config = _config(args)
    text = json.dumps(frontmatter_schema(config.sizes), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        from planner.atomic import write_text

        write_text(Path(args.output), text)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_init(args: argparse.Namespace) -> int:
    from planner.scaffold import init_repository

    config = _config(args)
    as_of, _ = _as_of(args, config)
    outcome = init_repository(Path.cwd(), as_of, config)
    for path in outcome.written:
        print(f"wrote    {path}")
    for path, reason in outcome.skipped:
        print(f"skipped  {path} ({reason})")
    print("Next: planner check plans; planner build. Edit or delete the example plans in plans/.")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from planner.scaffold import new_plan

    config = _config(args)
    as_of, _ = _as_of(args, config)
    if args.status in ("committed", "in-progress") and not args.owner:
        raise UsageError(f"a {args.status} plan needs an owner: add --owner TEAM-OR-PERSON")
    target = Path(args.path) if args.path else None
    path = new_plan(
        Path.cwd(), args.title, args.horizon, as_of, config, owner=args.owner, status=args.status, path=target
    )
    print(path)
    return EXIT_OK


# --- site: build and serve -----------------------------------------------------------------


def _add_site_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    site_options = argparse.ArgumentParser(add_help=False)
    _add_as_of(site_options)
    site_options.add_argument(
        "--mkdocs-config", metavar="FILE", help="mkdocs.yml to use (default: ./mkdocs.yml, else a built-in one)"
    )
    build = sub.add_parser(
        "build",
        parents=[common, site_options],
        help="check plans, then build the site",
        description="Check plans, then build the site with MkDocs. Findings do not stop the build "
        "(the report page shows them) unless --strict and there are errors: then exit 1.",
    )
    build.add_argument("--strict", action="store_true", help="fail (exit 1) when plans have errors")
    build.add_argument("--site-dir", metavar="DIR", help="where to write the site (default: site/)")
    build.set_defaults(handler=cmd_build)
    serve = sub.add_parser(
        "serve",
        parents=[common, site_options],
        help="check plans, then serve the site and rebuild it on every change",
        description="Serve the site locally; a failed rebuild is reported and the last good site stays up.",
    )
    serve.add_argument("--dev-addr", metavar="HOST:PORT", default="127.0.0.1:8000", help="default: 127.0.0.1:8000")
    serve.set_defaults(handler=cmd_serve)


def _build_request(args: argparse.Namespace, progress: bool = False) -> BuildRequest:
    from planner.site.runner import BuildRequest

    return BuildRequest(
        root=Path.cwd(),
        as_of=args.as_of,
        strict=getattr(args, "strict", False),
        progress=progress,
        site_dir=getattr(args, "site_dir", None),
        mkdocs_config=args.mkdocs_config,
        planner_config=args.config,
    )


def cmd_build(args: argparse.Namespace) -> int:
    from planner.diagnostics import Severity
    from planner.formatters.text import format_text
    from planner.site.runner import StrictFailure, build_site

    progress = sys.stderr.isatty() and not os.environ.get("CI")  # counts on a terminal, quiet in CI logs
    try:
        outline, site_dir = build_site(_build_request(args, progress))
    except StrictFailure as failure:
        sys.stdout.write(format_text(failure.outline.report, color=_use_color(sys.stdout)))
        print("planner: site not built: errors in plans (--strict)", file=sys.stderr)
        return EXIT_FINDINGS
    where = os.path.relpath(site_dir)
    report = outline.report
    errors, warnings, plans = report.count(Severity.ERROR), report.count(Severity.WARNING), len(outline.plans)
    findings = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    as_of = f"as of {report.as_of}, from {AS_OF_SOURCE_WORDS[report.as_of_source]}"
    see = "; see the Report page" if errors or warnings else ""
    print(f"Built {where}/ from {plans} plan{'s' * (plans != 1)} ({as_of}): {findings}{see}.")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from planner.site.runner import serve_site

    host, _, port = args.dev_addr.rpartition(":")
    if not host or not port.isdigit():
        raise UsageError(f"--dev-addr: '{args.dev_addr}' is not HOST:PORT")
    serve_site(_build_request(args), host, int(port), lambda message: print(message, file=sys.stderr, flush=True))
    return EXIT_OK
