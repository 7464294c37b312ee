"""The command line: argparse, exit codes, and the one place that catches errors."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from planner import __version__
from planner.config import Config, find_config_file, load_config, resolve_as_of
from planner.errors import PlannerError, UsageError

if TYPE_CHECKING:
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

    rules_cmd = sub.add_parser("rules", parents=[common], help="list every rule with its severity")
    rules_cmd.set_defaults(handler=cmd_rules)

    _add_site_commands(sub, common)
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
    from planner.diagnostics import Report, Severity
    from planner.formatters.text import format_text
    from planner.site.runner import StrictFailure, build_site

    progress = sys.stderr.isatty() and not os.environ.get("CI")  # counts on a terminal, quiet in CI logs
    try:
        data, site_dir = build_site(_build_request(args, progress))
    except StrictFailure as failure:
        d = failure.data
        report = Report(d.as_of, d.as_of_source, d.files_checked, d.diagnostics)
        sys.stdout.write(format_text(report, color=_use_color(sys.stdout)))
        print("planner: site not built: errors in plans (--strict)", file=sys.stderr)
        return EXIT_FINDINGS
    where = os.path.relpath(site_dir)
    errors, warnings, plans = data.count(Severity.ERROR), data.count(Severity.WARNING), len(data.entries)
    findings = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    as_of = f"as of {data.as_of}, from {_SOURCE_WORDS[data.as_of_source]}"
    see = "; see the Report page" if errors or warnings else ""
    print(f"Built {where}/ from {plans} plan{'s' * (plans != 1)} ({as_of}): {findings}{see}.")
    return EXIT_OK


_SOURCE_WORDS = {"flag": "--as-of", "env": "PLANNER_AS_OF", "config": "config", "today": "today's date"}


def cmd_serve(args: argparse.Namespace) -> int:
    from planner.site.runner import serve_site

    host, _, port = args.dev_addr.rpartition(":")
    if not host or not port.isdigit():
        raise UsageError(f"--dev-addr: '{args.dev_addr}' is not HOST:PORT")
    serve_site(_build_request(args), host, int(port), lambda message: print(message, file=sys.stderr, flush=True))
    return EXIT_OK
