"""Configuration: the ladder's numbers, rule severities, sizes, units and the as-of date.

One place, read by both `planner check` and the MkDocs plugin: `planner.toml`, or the
`[tool.planner]` table of `pyproject.toml`, in the working directory or the nearest parent.
"""

from __future__ import annotations

import itertools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from planner.errors import ConfigError
from planner.estimates import DEFAULT_SIZES, UNITS, EstimateError, parse_estimate
from planner.ladder import BAND_NAMES, DEFAULT_BANDS, Band, Ladder

SEVERITY_CHOICES = ("error", "warning", "off")
AS_OF_SOURCES = ("flag", "env", "config", "today")
# How each source is named after "from" in a summary line: "as of 2026-11-24, from --as-of".
AS_OF_SOURCE_WORDS = {"flag": "--as-of", "env": "PLANNER_AS_OF", "config": "config", "today": "today's date"}


@dataclass(frozen=True, slots=True)
class Units:
    """How units convert, for suggestions and sizes (the ladder itself compares units)."""

    hours_per_day: float = 8.0
    days_per_week: float = 5.0
    days_per_month: float = 21.0
    sprint_weeks: float = 2.0
    days_per_point: float = 1.0

    def days(self, amount: float, unit: str) -> float:
        per_unit = {
            "hours": 1 / self.hours_per_day,
            "days": 1.0,
            "points": self.days_per_point,
            "weeks": self.days_per_week,
            "sprints": self.sprint_weeks * self.days_per_week,
            "months": self.days_per_month,
            "quarters": 3 * self.days_per_month,
            "years": 12 * self.days_per_month,
        }
        return amount * per_unit[unit]


@dataclass(frozen=True, slots=True)
class Config:
    ladder: Ladder = Ladder()  # noqa: RUF009 - a frozen value, safe to share
    severities: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    sizes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType(dict(DEFAULT_SIZES)))
    units: Units = Units()
    as_of: date | None = None
    paths: tuple[str, ...] = ("plans",)
    site: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    fiscal_year_start: int = 1  # month (1-12) the fiscal year starts in; FY27 is named by the year it ends
    source: str | None = None  # the file it came from, for messages


def resolve_as_of(flag: str | None, env: str | None, file_value: date | None, today: date) -> tuple[date, str]:
    """The effective as-of date and where it came from: flag, then env, then config, then today."""
    if flag:
        return parse_as_of(flag, "--as-of"), "flag"
    if env:
        return parse_as_of(env, "PLANNER_AS_OF"), "env"
    if file_value is not None:
        return file_value, "config"
    return today, "today"


def parse_as_of(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ConfigError(where, f"'{text}' is not a date; write YYYY-MM-DD") from None


# --- reading files -------------------------------------------------------------------------


def find_config_file(start: Path) -> Path | None:
    """`planner.toml`, or a `pyproject.toml` with [tool.planner], here or in a parent."""
    for folder in (start, *start.parents):
        candidate = folder / "planner.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "planner" in _read_toml(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    data = _read_toml(path)
    table = data.get("tool", {}).get("planner", {}) if path.name == "pyproject.toml" else data
    prefix = "tool.planner" if path.name == "pyproject.toml" else path.name
    return replace(parse_config(table, prefix), source=str(path))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(str(path), f"not valid TOML: {e}") from None
    except OSError as e:
        raise ConfigError(str(path), f"cannot read: {e.strerror}") from None


# --- validating values ---------------------------------------------------------------------

_TOP_KEYS = ("as-of", "paths", "rules", "bands", "sizes", "units", "site", "prose")
_PROSE_KEYS = ("fiscal-year-start",)
_BAND_KEYS = ("max-days", "min-window-days", "finest-estimate", "min-range-ratio")
_UNIT_KEYS = {
    "hours-per-day": "hours_per_day",
    "days-per-week": "days_per_week",
    "days-per-month": "days_per_month",
    "sprint-weeks": "sprint_weeks",
    "days-per-point": "days_per_point",
}


def parse_config(table: Mapping[str, Any], prefix: str = "tool.planner") -> Config:
    """Validate a config table (already parsed TOML) into a frozen Config."""
    if not isinstance(table, Mapping):
        raise ConfigError(prefix, "must be a table")
    _no_unknown_keys(table, _TOP_KEYS, prefix)
    config = Config()
    if "as-of" in table:
        value = table["as-of"]
        as_of = value if isinstance(value, date) else parse_as_of(str(value), f"{prefix}.as-of")
        config = replace(config, as_of=as_of)
    if "paths" in table:
        paths = table["paths"]
        if isinstance(paths, str):
            paths = [paths]
        if not isinstance(paths, list) or not paths or not all(isinstance(p, str) and p for p in paths):
            raise ConfigError(f"{prefix}.paths", "must be a list of folder or file names")
        config = replace(config, paths=tuple(paths))
    if "rules" in table:
        config = replace(config, severities=MappingProxyType(_parse_rules(table["rules"], f"{prefix}.rules")))
    if "bands" in table:
        config = replace(config, ladder=Ladder(_parse_bands(table["bands"], f"{prefix}.bands")))
    if "sizes" in table:
        config = replace(config, sizes=MappingProxyType(_parse_sizes(table["sizes"], f"{prefix}.sizes")))
    if "units" in table:
        config = replace(config, units=_parse_units(table["units"], f"{prefix}.units"))
    if "prose" in table:
        config = replace(config, fiscal_year_start=_parse_prose(table["prose"], f"{prefix}.prose"))
    if "site" in table:
        if not isinstance(table["site"], Mapping):
            raise ConfigError(f"{prefix}.site", "must be a table")
        config = replace(config, site=MappingProxyType(dict(table["site"])))
    return config


def _no_unknown_keys(table: Mapping[str, Any], known: tuple[str, ...], prefix: str) -> None:
    for key in table:
        if key not in known:
            raise ConfigError(f"{prefix}.{key}", f"unknown key; expected one of {', '.join(known)}")


def _parse_rules(table: Any, prefix: str) -> dict[str, str]:
    from planner.rules import rule_names

    known = rule_names()

    if not isinstance(table, Mapping):
        raise ConfigError(prefix, "must be a table of rule = severity")
    severities = {}
    for rule, severity in table.items():
        if rule not in known:
            raise ConfigError(f"{prefix}.{rule}", f"unknown rule; rules are {', '.join(known)}")
        if severity not in SEVERITY_CHOICES:
            raise ConfigError(f"{prefix}.{rule}", f"'{severity}' is not one of {', '.join(SEVERITY_CHOICES)}")
        severities[rule] = severity
    return severities


def _parse_bands(table: Any, prefix: str) -> tuple[Band, ...]:
    if not isinstance(table, Mapping):
        raise ConfigError(prefix, "must be a table of bands")
    _no_unknown_keys(table, BAND_NAMES, prefix)
    bands = []
    for default in DEFAULT_BANDS:
        values = table.get(default.name, {})
        where = f"{prefix}.{default.name}"
        if not isinstance(values, Mapping):
            raise ConfigError(where, "must be a table")
        _no_unknown_keys(values, _BAND_KEYS, where)
        band = default
        if "max-days" in values:
            if default.max_days is None:
                raise ConfigError(f"{where}.max-days", "the last band has no upper bound")
            band = replace(band, max_days=_positive_int(values["max-days"], f"{where}.max-days"))
        if "min-window-days" in values:
            band = replace(band, min_window_days=_positive_int(values["min-window-days"], f"{where}.min-window-days"))
        if "finest-estimate" in values:
            unit = values["finest-estimate"]
            choices = (*UNITS, "size")
            if unit not in choices:
                raise ConfigError(f"{where}.finest-estimate", f"'{unit}' is not one of {', '.join(choices)}")
            band = replace(band, finest_estimate=None if unit == "size" else unit)
        if "min-range-ratio" in values:
            ratio = values["min-range-ratio"]
            if isinstance(ratio, bool) or not isinstance(ratio, int | float) or ratio < 1:
                raise ConfigError(f"{where}.min-range-ratio", f"must be a number of at least 1, not {ratio!r}")
            band = replace(band, min_range_ratio=float(ratio))
        bands.append(band)
    for earlier, later in itertools.pairwise(bands[:-1]):
        assert earlier.max_days is not None and later.max_days is not None
        if later.max_days <= earlier.max_days:
            raise ConfigError(
                f"{prefix}.{later.name}.max-days",
                f"{later.max_days} must be more than {earlier.name}'s {earlier.max_days}",
            )
    return tuple(bands)


def _parse_sizes(table: Any, prefix: str) -> dict[str, str]:
    if not isinstance(table, Mapping) or not table:
        raise ConfigError(prefix, 'must be a table of SIZE = "low-high unit", e.g. M = "1-3 weeks"')
    sizes = {}
    for size, value in table.items():
        if not isinstance(value, str):
            raise ConfigError(f"{prefix}.{size}", f'must be text like "1-3 weeks", not {value!r}')
        try:
            estimate = parse_estimate(value, sizes={})
        except EstimateError as e:
            raise ConfigError(f"{prefix}.{size}", str(e)) from None
        del estimate
        sizes[size] = value
    return sizes


def _parse_units(table: Any, prefix: str) -> Units:
    if not isinstance(table, Mapping):
        raise ConfigError(prefix, "must be a table")
    _no_unknown_keys(table, tuple(_UNIT_KEYS), prefix)
    values = {}
    for key, attr in _UNIT_KEYS.items():
        if key in table:
            value = table[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise ConfigError(f"{prefix}.{key}", f"must be a positive number, not {value!r}")
            values[attr] = float(value)
    return Units(**values)


def _parse_prose(table: Any, prefix: str) -> int:
    """[prose] fiscal-year-start: the month number (1-12) FY starts in, e.g. 7 for July."""
    if not isinstance(table, Mapping):
        raise ConfigError(prefix, "must be a table")
    _no_unknown_keys(table, _PROSE_KEYS, prefix)
    start = table.get("fiscal-year-start", 1)
    if isinstance(start, bool) or not isinstance(start, int) or not 1 <= start <= 12:
        raise ConfigError(f"{prefix}.fiscal-year-start", f"must be a month number from 1 to 12, not {start!r}")
    return start


def _positive_int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(where, f"must be a whole number of days, at least 1, not {value!r}")
    return value
