"""The fuzzy timeline's geometry: lanes, bars and how far each bar's edges fade.

A bar covers its window; its edges fade over a distance that grows with the window's
width and with the band's distance, so a crisp bar is a near, narrow window and a blur is
a far, wide one. The window's own start and end sit where the fade is half way.
Plain numbers out; templates/pages/timeline.html draws them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from planner.config import Config
from planner.site.data import NO_NAME, Entry, SiteData, band_range, unique_slugs

# How much of its own width a window's edges fade, per band: farther is fuzzier.
FADE = {"now": 0.04, "next": 0.12, "later": 0.22, "far": 0.35, "vision": 0.5}
WIDTH = 1000.0
LABEL_WIDTH = 250.0
RIGHT = 12.0
ROW = 24.0
BAR = 14.0
TOP = 6.0
OPEN_LANES_UP_TO = 60  # plans: above this, lanes start folded and show a density strip


@dataclass(frozen=True, slots=True)
class Bar:
    entry: Entry
    start: date
    end: date
    lane_only: bool  # no target: the bar spans the lane's whole band
    x: float
    width: float
    y: float
    gradient: str
    clipped_left: bool
    clipped_right: bool
    label: str


@dataclass(frozen=True, slots=True)
class Load:
    """One month of a folded lane's summary: how many of its plans may be under way."""

    x: float
    width: float
    count: int
    height: float
    band: str
    month: date


@dataclass(frozen=True, slots=True)
class Lane:
    name: str
    anchor: str
    bars: tuple[Bar, ...]
    height: float
    load: tuple[Load, ...] = ()


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str
    major: bool


@dataclass(frozen=True, slots=True)
class Gradient:
    gradient_id: str
    band: str
    ramp: float  # 0..0.5: the share of the bar, at each end, over which it fades in


@dataclass(frozen=True, slots=True)
class Timeline:
    axis_start: date
    axis_end: date
    today_x: float
    ticks: tuple[Tick, ...]
    lanes: tuple[Lane, ...]
    gradients: tuple[Gradient, ...]
    lanes_open: bool
    width: float = WIDTH
    label_width: float = LABEL_WIDTH

    @property
    def bars(self) -> tuple[Bar, ...]:
        return tuple(bar for lane in self.lanes for bar in lane.bars)


def build_timeline(data: SiteData, config: Config, lanes_by: str, months: int) -> Timeline:
    as_of = data.as_of
    axis_start = _month_start(as_of - timedelta(days=45))
    axis_end = _month_start(as_of + timedelta(days=int(months * 30.44) + 31)) - timedelta(days=1)
    scale = _Scale(axis_start, axis_end)
    gradients: dict[str, Gradient] = {}
    grouped: dict[str, list[Entry]] = {}
    for entry in data.open_entries():
        if entry.band is None:
            continue
        if lanes_by == "tag":
            name = entry.tags[0] if entry.tags else NO_NAME["tag"]
        else:
            name = entry.owner or NO_NAME["owner"]
        grouped.setdefault(name, []).append(entry)
    names = sorted(grouped, key=lambda n: (n.startswith("(no "), n.casefold(), n))
    anchors = unique_slugs(names, "lane")
    lanes = []
    for name in names:
        bars = []
        placed = sorted(grouped[name], key=lambda e: (_window(e, config, as_of)[0], e.title.casefold(), e.plan_id))
        for row, entry in enumerate(placed):
            start, end = _window(entry, config, as_of)
            lane_only = entry.target is None
            band = entry.band or "vision"
            width_days = (end - start).days + 1
            fade_days = width_days * FADE.get(band, 0.5) * (1.5 if lane_only else 1.0)
            x0 = scale.x(start) - scale.per_day * fade_days
            x1 = scale.x(end + timedelta(days=1)) + scale.per_day * fade_days
            clipped_left, clipped_right = x0 < scale.left, x1 > scale.right
            x0, x1 = max(x0, scale.left), min(x1, scale.right)
            if x1 - x0 < 2:  # wholly off the axis: a stub at the edge says "out there"
                x0, x1 = (scale.right - 6, scale.right) if clipped_right else (scale.left, scale.left + 6)
            total = (width_days + 2 * fade_days) * scale.per_day
            ramp = round(min(0.5, (2 * fade_days * scale.per_day) / total if total else 0.0), 2)
            gradient_id = f"fade-{band}-{int(ramp * 100)}"
            gradients.setdefault(gradient_id, Gradient(gradient_id, band, ramp))
            bars.append(
                Bar(
                    entry=entry,
                    start=start,
                    end=end,
                    lane_only=lane_only,
                    x=round(x0, 1),
                    width=round(x1 - x0, 1),
                    y=TOP + row * ROW,
                    gradient=gradient_id,
                    clipped_left=clipped_left,
                    clipped_right=clipped_right,
                    label=_shorten(entry.title, 38),
                )
            )
        lanes.append(Lane(name, anchors[name], tuple(bars), TOP * 2 + len(bars) * ROW))
    total_bars = sum(len(lane.bars) for lane in lanes)
    lanes = _with_load(lanes, scale, config, as_of)
    return Timeline(
        axis_start=axis_start,
        axis_end=axis_end,
        today_x=round(scale.x(as_of), 1),
        ticks=tuple(_ticks(scale)),
        lanes=tuple(lanes),
        gradients=tuple(gradients[k] for k in sorted(gradients)),
        lanes_open=total_bars <= OPEN_LANES_UP_TO,
    )


STRIP = 16.0


def _with_load(lanes: list[Lane], scale: _Scale, config: Config, as_of: date) -> list[Lane]:
    """Per lane and month, the plans whose window overlaps it: a folded lane's summary."""
    months = []
    day = scale.start
    while scale.x(day) < scale.right:
        end = (day + timedelta(days=32)).replace(day=1)
        months.append((day, end - timedelta(days=1)))
        day = end
    counts = [
        [sum(1 for b in lane.bars if b.start <= last and b.end >= first) for first, last in months] for lane in lanes
    ]
    peak = max((c for row in counts for c in row), default=0) or 1
    result = []
    for lane, row in zip(lanes, counts, strict=True):
        load = []
        for (first, last), count in zip(months, row, strict=True):
            if not count:
                continue
            band = config.ladder.band_for_distance(max(0, (first - as_of).days)).name
            x0, x1 = scale.x(first), min(scale.x(last + timedelta(days=1)), scale.right)
            height = round(max(1.5, STRIP * count / peak), 1)
            load.append(Load(round(x0, 1), round(x1 - x0 - 1, 1), count, height, band, first))
        result.append(Lane(lane.name, lane.anchor, lane.bars, lane.height, tuple(load)))
    return result


def _window(entry: Entry, config: Config, as_of: date) -> tuple[date, date]:
    if entry.target is not None:
        return entry.target.start, entry.target.end
    return band_range(entry.band or "vision", config, as_of)


class _Scale:
    def __init__(self, start: date, end: date) -> None:
        self.start = start
        self.left = LABEL_WIDTH
        self.right = WIDTH - RIGHT
        self.per_day = (self.right - self.left) / ((end - start).days + 1)

    def x(self, day: date) -> float:
        return self.left + (day - self.start).days * self.per_day


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _ticks(scale: _Scale) -> list[Tick]:
    ticks = []
    day = scale.start
    while scale.x(day) <= scale.right:
        if day.month in (1, 4, 7, 10):
            quarter = (day.month - 1) // 3 + 1
            label = f"Q{quarter} {day.year}" if quarter == 1 else f"Q{quarter}"
            ticks.append(Tick(round(scale.x(day), 1), label, quarter == 1))
        day = (day + timedelta(days=32)).replace(day=1)
    return ticks


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
