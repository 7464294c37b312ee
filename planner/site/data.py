"""What the site shows, computed once from checked plans: entries, bands, links both ways.

Pure: values in, values out. No MkDocs, no disk, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from planner.config import Config
from planner.diagnostics import Diagnostic, Severity
from planner.engine import Checked
from planner.ladder import distance_days
from planner.model import Plan, Status
from planner.windows import Window

BOARD_COLUMNS = ("now", "next", "later", "far", "vision")
AS_OF_SOURCE_WORDS = {"flag": "--as-of", "env": "PLANNER_AS_OF", "config": "the config file", "today": "the build date"}
STATUS_ORDER = tuple(s.value for s in Status)


@dataclass(frozen=True, slots=True)
class Entry:
    """One plan as the site shows it."""

    plan_id: str
    path: str
    plan: Plan
    band: str | None  # now next later far vision; None when the plan says nothing of when
    distance: int | None  # days from as-of to the target's start
    diagnostics: tuple[Diagnostic, ...]
    depends_on: tuple[str, ...]  # ids that exist
    broken_depends_on: tuple[str, ...]  # ids that do not
    needed_by: tuple[str, ...]
    body: str
    body_line: int

    @property
    def title(self) -> str:
        return self.plan.fields.title

    @property
    def status(self) -> str:
        return str(self.plan.fields.status)

    @property
    def owner(self) -> str | None:
        return self.plan.fields.owner

    @property
    def tags(self) -> tuple[str, ...]:
        return self.plan.fields.tags

    @property
    def target(self) -> Window | None:
        return self.plan.fields.target

    @property
    def estimate(self) -> str | None:
        estimate = self.plan.fields.estimate
        return estimate.text if estimate is not None else None

    @property
    def when(self) -> str:
        """The window as written, else the lane, else a dash."""
        if self.target is not None:
            return self.target.text
        if self.plan.fields.horizon is not None:
            return f"{self.plan.fields.horizon} (no target)"
        return "-"

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.WARNING)


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A file that is not a usable plan: it has findings but no page."""

    path: str
    plan_id: str
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True, slots=True)
class SiteData:
    as_of: date
    as_of_source: str
    entries: tuple[Entry, ...]  # sorted by id
    unreadable: tuple[Unreadable, ...]
    by_id: dict[str, Entry] = field(default_factory=dict)

    @property
    def as_of_from(self) -> str:
        return AS_OF_SOURCE_WORDS.get(self.as_of_source, self.as_of_source)

    @property
    def files_checked(self) -> int:
        return len(self.entries) + len(self.unreadable)

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        found = [d for e in self.entries for d in e.diagnostics] + [d for u in self.unreadable for d in u.diagnostics]
        return tuple(sorted(found, key=Diagnostic.sort_key))

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def open_entries(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if not e.plan.closed)

    def column(self, band: str) -> tuple[Entry, ...]:
        """Open plans in a board column, soonest first."""
        chosen = [e for e in self.open_entries() if e.band == band]
        return tuple(sorted(chosen, key=_soonest))

    def recently_done(self, limit: int, within_days: int = 182) -> tuple[Entry, ...]:
        """Done plans whose window ended in the last half year (or that name none), latest first."""
        done = [
            e
            for e in self.entries
            if e.plan.fields.status is Status.DONE
            and (e.target is None or (self.as_of - e.target.end).days <= within_days)
        ]
        done.sort(key=lambda e: (-(e.target.end.toordinal() if e.target else 0), e.plan_id))
        return tuple(done[:limit])

    def unplaced(self) -> tuple[Entry, ...]:
        """Open plans with neither a usable target nor a horizon: on no board column."""
        return tuple(e for e in self.open_entries() if e.band is None)

    def groups(self, key: str) -> list[tuple[str, tuple[Entry, ...]]]:
        """Entries grouped by owner, tag or status, in a stable, readable order."""
        groups: dict[str, list[Entry]] = {}
        for entry in self.entries:
            for name in _keys_of(entry, key):
                groups.setdefault(name, []).append(entry)
        if key == "status":
            names = [s for s in STATUS_ORDER if s in groups]
        else:
            names = sorted(groups, key=lambda n: (n == NO_NAME[key], n.casefold(), n))
        return [(name, tuple(groups[name])) for name in names]


NO_NAME = {"owner": "(no owner)", "tag": "(no tags)", "status": ""}


def _keys_of(entry: Entry, key: str) -> tuple[str, ...]:
    if key == "owner":
        return (entry.owner or NO_NAME["owner"],)
    if key == "tag":
        return entry.tags or (NO_NAME["tag"],)
    return (entry.status,)


def _soonest(entry: Entry) -> tuple[int, str, str]:
    start = entry.target.start.toordinal() if entry.target is not None else 10**7
    return (start, entry.title.casefold(), entry.plan_id)


def build_site_data(checked: Iterable[Checked], config: Config, as_of: date, as_of_source: str) -> SiteData:
    plans: list[tuple[Checked, Plan]] = []
    unreadable: list[Unreadable] = []
    for c in checked:
        source = c.item.source
        if c.item.plan is None:
            unreadable.append(Unreadable(source.path, source.location.plan_id, c.diagnostics))
        else:
            plans.append((c, c.item.plan))
    ids = {plan.plan_id for _, plan in plans}
    needed_by: dict[str, list[str]] = {}
    for _, plan in plans:
        for dep in dict.fromkeys(plan.fields.depends_on):
            if dep in ids:
                needed_by.setdefault(dep, []).append(plan.plan_id)
    entries = []
    for c, plan in sorted(plans, key=lambda pair: pair[1].plan_id):
        deps = tuple(dict.fromkeys(plan.fields.depends_on))
        band, distance = _band(plan, config, as_of)
        document = c.item.source.document
        entries.append(
            Entry(
                plan_id=plan.plan_id,
                path=plan.path,
                plan=plan,
                band=band,
                distance=distance,
                diagnostics=tuple(sorted(c.diagnostics, key=Diagnostic.sort_key)),
                depends_on=tuple(d for d in deps if d in ids),
                broken_depends_on=tuple(d for d in deps if d not in ids),
                needed_by=tuple(sorted(needed_by.get(plan.plan_id, []))),
                body=document.body,
                body_line=document.body_line,
            )
        )
    unreadable.sort(key=lambda u: u.path)
    data = SiteData(as_of, as_of_source, tuple(entries), tuple(unreadable))
    data.by_id.update({e.plan_id: e for e in entries})
    return data


def _band(plan: Plan, config: Config, as_of: date) -> tuple[str | None, int | None]:
    """The board column: the target's band (a past target is overdue: now), else the lane."""
    target = plan.fields.target
    if target is not None:
        return config.ladder.band_for(target, as_of).name, distance_days(target, as_of)
    if plan.fields.horizon is not None:
        return str(plan.fields.horizon), None
    return None, None


def band_range(band: str, config: Config, as_of: date) -> tuple[date, date]:
    """The days a lane covers, for plans that name a lane but no target."""
    bands = config.ladder.bands
    names = [b.name for b in bands]
    index = names.index(band) if band in names else len(bands) - 1
    low = 0 if index == 0 else (bands[index - 1].max_days or 0) + 1
    high = bands[index].max_days or (low + 364)
    return as_of + timedelta(days=low), as_of + timedelta(days=high)


_SLUG = re.compile(r"[^a-z0-9]+")


def unique_slugs(names: Iterable[str], prefix: str) -> dict[str, str]:
    """An HTML id per name (untrusted text): ASCII letters, digits and dashes, each id once."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        core = _SLUG.sub("-", name.casefold()).strip("-")[:60] or "x"
        candidate, n = f"{prefix}-{core}", 1
        while candidate in taken:
            n += 1
            candidate = f"{prefix}-{core}-{n}"
        taken.add(candidate)
        ids[name] = candidate
    return ids
