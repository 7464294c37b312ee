"""Site options: the `[tool.planner.site]` table, validated with errors that name the key."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from planner.config import Config
from planner.errors import ConfigError

LANE_CHOICES = ("owner", "tag")


@dataclass(frozen=True, slots=True)
class SiteOptions:
    title: str = "Plans"
    lanes: str = "owner"  # timeline lanes: by owner (team) or by first tag
    recent_done: int = 10  # how many done plans the board shows
    timeline_months: int = 24  # how far ahead the timeline's axis reaches


_KEYS = {"title": "title", "lanes": "lanes", "recent-done": "recent_done", "timeline-months": "timeline_months"}


def parse_site_options(table: Mapping[str, Any], prefix: str = "tool.planner.site") -> SiteOptions:
    for key in table:
        if key not in _KEYS:
            raise ConfigError(f"{prefix}.{key}", f"unknown key; expected one of {', '.join(_KEYS)}")
    values: dict[str, Any] = {}
    if "title" in table:
        title = table["title"]
        if not isinstance(title, str) or not title.strip():
            raise ConfigError(f"{prefix}.title", f"must be non-empty text, not {title!r}")
        values["title"] = title.strip()
    if "lanes" in table:
        if table["lanes"] not in LANE_CHOICES:
            raise ConfigError(f"{prefix}.lanes", f"must be one of {', '.join(LANE_CHOICES)}, not {table['lanes']!r}")
        values["lanes"] = table["lanes"]
    for key, low, high in (("recent-done", 0, 1000), ("timeline-months", 3, 120)):
        if key in table:
            value = table[key]
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ConfigError(f"{prefix}.{key}", f"must be a whole number from {low} to {high}, not {value!r}")
            values[_KEYS[key]] = value
    return SiteOptions(**values)


def site_options(config: Config) -> SiteOptions:
    """The site table of a loaded config; errors name the key as written in its file."""
    in_pyproject = config.source is None or config.source.endswith("pyproject.toml")
    return parse_site_options(config.site, "tool.planner.site" if in_pyproject else "site")
