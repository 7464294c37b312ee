"""Drive MkDocs' own API for `planner build` and `planner serve`.

A repository with nothing but `plans/` gets a built-in configuration (Material, offline,
the planner plugin); an existing `mkdocs.yml` is used as it is.
"""

from __future__ import annotations

import html
import io
import logging
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from planner.config import Config, find_config_file
from planner.config import load_config as load_planner_config
from planner.errors import PlannerError, UsageError
from planner.site.layout import Outline
from planner.site.options import site_options

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("planner")


class BuildFailed(PlannerError):
    """MkDocs could not build the site; the message says why."""


class StrictFailure(PlannerError):
    """--strict and the plans have errors: exit 1, like `planner check`."""

    exit_code = 1

    def __init__(self, outline: Outline) -> None:
        super().__init__("errors in plans (--strict)")
        self.outline = outline


@dataclass(frozen=True, slots=True)
class BuildRequest:
    root: Path
    as_of: str | None = None
    strict: bool = False
    progress: bool = False
    site_dir: str | None = None
    mkdocs_config: str | None = None
    planner_config: str | None = None


def default_config_text(planner_config: Config) -> str:
    """The built-in mkdocs.yml: Material, no web fonts, search, the planner plugin."""
    options = site_options(planner_config)
    docs_dir = planner_config.paths[0] if len(planner_config.paths) == 1 else "plans"
    config: dict[str, Any] = {"site_name": options.title, "docs_dir": docs_dir, "site_dir": "site", **SITE_SETTINGS}
    return str(yaml.safe_dump(config, sort_keys=False))


# What every planner site uses, in the built-in configuration, in `planner init`'s mkdocs.yml
# and in our own (tests hold the three equal): Material without web fonts, so the site works
# offline; the reader's light or dark scheme, with a toggle; tables and footnotes in plans.
SITE_SETTINGS: dict[str, Any] = {
    "theme": {
        "name": "material",
        "font": False,
        "features": ["navigation.tabs", "search.highlight"],
        "palette": [
            {
                "media": "(prefers-color-scheme: light)",
                "scheme": "default",
                "toggle": {"icon": "material/weather-night", "name": "Switch to dark mode"},
            },
            {
                "media": "(prefers-color-scheme: dark)",
                "scheme": "slate",
                "toggle": {"icon": "material/weather-sunny", "name": "Switch to light mode"},
            },
        ],
    },
    "plugins": ["search", "planner"],
    "markdown_extensions": ["tables", "admonition", "def_list", "footnotes", {"toc": {"permalink": True}}],
}


def load_mkdocs(request: BuildRequest, **overrides: Any) -> MkDocsConfig:
    """The existing mkdocs.yml, else the built-in one, with planner's options set."""
    root = request.root
    if request.mkdocs_config:
        path = Path(request.mkdocs_config)
        if not path.is_file():
            raise UsageError(f"--mkdocs-config: {request.mkdocs_config}: no such file")
        source: Any = str(path)
        file_path = str(path.resolve())
    elif (root / "mkdocs.yml").is_file() or (root / "mkdocs.yaml").is_file():
        found = root / "mkdocs.yml" if (root / "mkdocs.yml").is_file() else root / "mkdocs.yaml"
        source, file_path = str(found), str(found)
    else:
        planner_file = Path(request.planner_config) if request.planner_config else find_config_file(root)
        planner_config = load_planner_config(planner_file)
        folder = planner_config.paths[0]
        if not (root / folder).is_dir():
            raise UsageError(f"{folder}: no such folder; put plans in {folder}/ or add a mkdocs.yml")
        text = default_config_text(planner_config)
        source, file_path = io.BytesIO(text.encode()), str(root / "mkdocs.yml")
    if request.site_dir:
        overrides["site_dir"] = str(Path(request.site_dir).resolve())
    try:
        config = load_config(source, config_file_path=file_path, **overrides)
    except (Abort, ConfigurationError) as e:
        raise BuildFailed(f"mkdocs configuration: {e}") from None
    plugin = config.plugins.get("planner")
    if plugin is None:
        raise UsageError(f"{file_path} does not use the planner plugin: add 'planner' under 'plugins:'")
    plugin.config.as_of = request.as_of or plugin.config.as_of
    plugin.config.strict = request.strict or plugin.config.strict
    plugin.config.progress = request.progress
    if request.planner_config:
        plugin.config.config_file = request.planner_config
    return config


def _outline(config: MkDocsConfig) -> Outline | None:
    plugin: Any = config.plugins.get("planner")
    return plugin.site.outline if plugin is not None and plugin.site is not None else None


def build_site(request: BuildRequest) -> tuple[Outline, str]:
    """Check and build; return what the check found and where the site was built."""
    config = load_mkdocs(request)
    _run_build(config)
    outline = _outline(config)
    assert outline is not None
    return outline, config.site_dir


def _run_build(config: MkDocsConfig, dirty: bool = False) -> None:
    # MkDocs reports through logging; show its warnings (a link to a missing page) like it does.
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    config.plugins.on_startup(command="build", dirty=dirty)
    try:
        build(config, dirty=dirty)
    except (Abort, PluginError) as e:
        outline = _outline(config)
        plugin: Any = config.plugins.get("planner")
        if outline is not None and outline.report.has_errors and plugin is not None and plugin.config.strict:
            raise StrictFailure(outline) from None
        raise BuildFailed(f"build failed: {e}") from None
    finally:
        config.plugins.on_shutdown()
        mkdocs_log.removeHandler(handler)


def serve_site(request: BuildRequest, host: str, port: int, announce: Callable[[str], None]) -> None:
    """Build, serve on host:port, rebuild what changed; a failed rebuild keeps the last good site
    and every page says, at the top, why the rebuild failed."""
    site_dir = tempfile.mkdtemp(prefix="planner-serve-")
    url = f"http://{host}:{port}/"

    def fresh_config() -> MkDocsConfig:
        config = load_mkdocs(request, site_dir=site_dir)
        config.site_url = url
        return config

    failure: list[str] = []  # why the last rebuild failed; empty once one works

    def rebuild() -> None:
        try:
            _run_build(fresh_config(), dirty=True)
        except Exception as e:  # any failure: the last good site stays up
            reason = str(e) if isinstance(e, PlannerError) else f"{type(e).__name__}: {e}"
            failure[:] = [reason]
            announce(f"planner: rebuild failed, still serving the last good site: {reason}")
        else:
            failure.clear()

    config = fresh_config()
    _run_build(config)  # the first build must work: there is nothing yet to fall back on
    server = _live_server(failure, builder=rebuild, host=host, port=port, root=site_dir)
    server.watch(config.docs_dir)
    plugin: Any = config.plugins.get("planner")
    if plugin is not None and plugin.site is not None:
        for folder in plugin.site.config.paths:
            if (request.root / folder).exists():
                server.watch(str(request.root / folder))
        if plugin.site.config.source:
            server.watch(plugin.site.config.source)
    # planner.toml, pyproject.toml and mkdocs.yml, even when they appear after the start.
    server.watch(str(request.root), recursive=False)
    announce(f"planner: serving {url} (Ctrl+C to stop)")
    try:
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def _live_server(failure: list[str], **kwargs: Any) -> LiveReloadServer:
    """MkDocs' live-reload server; while `failure` holds why the last rebuild failed, every
    page it serves says so at the top."""
    from mkdocs.livereload import LiveReloadServer

    class Server(LiveReloadServer):
        def serve_request(self, environ: Any, start_response: Any) -> Any:
            if not failure:
                return super().serve_request(environ, start_response)
            captured: dict[str, Any] = {}

            def capture(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
                captured.update(status=status, headers=headers, args=args)
                return lambda data: None  # the body is returned, never written

            body = b"".join(super().serve_request(environ, capture))
            headers = captured["headers"]
            if any(k.lower() == "content-type" and v.startswith("text/html") for k, v in headers) and failure:
                body = with_failure_banner(body, failure[0])
                headers = [(k, str(len(body)) if k.lower() == "content-length" else v) for k, v in headers]
            start_response(captured["status"], headers, *captured["args"])
            return [body]

    return Server(**kwargs)


BANNER_STYLE = (
    "position:sticky;top:0;z-index:10;margin:0;padding:.6rem 1rem;background:#b71c1c;color:#fff;"
    "font:14px/1.4 system-ui,sans-serif;white-space:pre-wrap"
)


def with_failure_banner(page: bytes, reason: str) -> bytes:
    """The page with a notice at the top of its body: the last rebuild failed, and why."""
    notice = (
        f'<div class="pl-rebuild-failed" role="alert" style="{BANNER_STYLE}">'
        f"planner: the last rebuild failed, so this is the last good site. {html.escape(reason)}</div>"
    ).encode()
    match = re.search(rb"<body[^>]*>", page)
    at = match.end() if match else 0
    return page[:at] + notice + page[at:]
