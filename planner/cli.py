"""The command line: argparse, exit codes, and the one place that catches errors."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from planner import __version__
from planner.config import Config, find_config_file, load_config, resolve_as_of
from planner.errors import PlannerError, UsageError

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
        description="Keep near-term plans specific and far-term plans vague: check plans/ in CI, publish them as a site.",
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
    check.add_argument("paths", nargs="*", metavar="PATHS", help="files or folders (default: plans/)")
    _add_as_of(check)
    check.add_argument("--format", choices=_format_choices(), default="text", help="output format (default: text)")
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
    scan.add_argument("paths", nargs="*", metavar="PATHS", help="files or folders (default: plans/)")
    _add_as_of(scan)
    scan.add_argument("--format", choices=("json", "text"), default="text", help="output format (default: text)")
    scan.set_defaults(handler=cmd_scan)
    # --- end scan ------------------------------------------------------------------------------

    rules_cmd = sub.add_parser("rules", parents=[common], help="list every rule with its severity")
    rules_cmd.set_defaults(handler=cmd_rules)
    return parser


def _add_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="judge distances from this date (default: $PLANNER_AS_OF, then config, then today)",
    )


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
    report = check_files(_plan_files(args, config), config, as_of, source)
    if args.format == "text":
        output = format_text(report, color=_use_color(sys.stdout))
    else:
        output = FORMATTERS[args.format](report)
    sys.stdout.write(output)
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

    module = rule(args.rule)
    if module is None:
        close = difflib.get_close_matches(args.rule, rule_names(), n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise UsageError(f"no rule named '{args.rule}'; {hint}rules: {', '.join(rule_names())}")
    config = _config(args)
    severity = config.severities.get(module.NAME, str(module.DEFAULT_SEVERITY))
    print(f"{module.NAME} (default: {module.DEFAULT_SEVERITY}; here: {severity})\n")
    print((module.__doc__ or "").strip())
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from planner.rules import rules

    config = _config(args)
    width = max(len(m.NAME) for m in rules())
    for module in rules():
        severity = config.severities.get(module.NAME, str(module.DEFAULT_SEVERITY))
        summary = (module.__doc__ or "").strip().splitlines()[0]
        print(f"{module.NAME:<{width}}  {severity:<7}  {summary}")
    return EXIT_OK
