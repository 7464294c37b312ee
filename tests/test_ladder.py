"""The SPEC's ladder table as a test table: band edges, width minima, estimate policy."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from planner.estimates import parse_estimate
from planner.ladder import Ladder
from planner.windows import day_window, parse_window

AS_OF = date(2026, 11, 24)
LADDER = Ladder()


@pytest.mark.parametrize(
    ("days", "band"),
    [
        (0, "now"),
        (42, "now"),
        (43, "next"),
        (91, "next"),
        (92, "later"),
        (182, "later"),
        (183, "far"),
        (364, "far"),
        (365, "vision"),
        (5000, "vision"),
    ],
)
def test_band_edges(days, band):
    assert LADDER.band_for_distance(days).name == band
    assert LADDER.band_for(day_window(AS_OF + timedelta(days=days)), AS_OF).name == band


def test_distance_is_zero_once_a_window_has_started():
    started = parse_window("2026-Q4")  # began 2026-10-01
    assert LADDER.band_for(started, AS_OF).name == "now"


@pytest.mark.parametrize(("band", "min_width"), [("now", 1), ("next", 7), ("later", 28), ("far", 90), ("vision", 181)])
def test_width_minima(band, min_width):
    assert LADDER.band(band).min_window_days == min_width


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        ("2026-12-01", True),  # 7 days out: a day is fine
        ("2027-01-05", True),  # 42 days out: still band now
        ("2027-01-06", False),  # 43 days out: band next, where a day is too fine
        ("2027-01-25", False),  # band next, a day
        ("2027-W05", True),  # band next, a week
        ("2027-04-01..2027-04-27", False),  # band later: 27 days wide
        ("2027-04-01..2027-04-28", True),  # band later: 28 days wide
        ("2027-02", True),  # February is 28 days: enough for later
        ("2027-08", False),  # band far: a month
        ("2027-Q3", True),  # band far: a quarter (92 days)
        ("2028-Q1", False),  # band vision: a quarter
        ("2028-H1", True),  # band vision: 182 days
        ("2028", True),
    ],
)
def test_window_allowed_by_width(text, allowed):
    window = parse_window(text)
    assert LADDER.window_allowed(window, AS_OF) is allowed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-08-17", "2027-Q3"),  # far: a quarter
        ("2027-01-25", "2027-W04"),  # next: a week
        ("2027-04-14", "2027-04"),  # later: a month
        ("2028-02-14", "2028-H1"),  # vision: a half
        ("2027-09-28..2027-10-05", "2027-H2"),  # straddles Q3/Q4: the half holds it
    ],
)
def test_widen_gives_the_narrowest_allowed_containing_window(text, expected):
    window = parse_window(text)
    wider = LADDER.widen(window, AS_OF)
    assert wider is not None and wider.canonical() == expected
    assert wider.contains(window) and LADDER.window_allowed(wider, AS_OF)


@pytest.mark.parametrize(
    ("band", "estimate", "ok"),
    [
        ("now", "3 hours", True),
        ("next", "3 hours", False),
        ("next", "3 days", True),
        ("next", "5 points", True),
        ("later", "3 days", False),
        ("later", "3 weeks", False),  # a point
        ("later", "2-3 weeks", True),  # ratio 1.5
        ("later", "3-4 weeks", False),  # ratio 1.33
        ("later", "1 sprint", False),
        ("later", "2-3 sprints", True),
        ("later", "M", True),
        ("far", "2-4 weeks", False),
        ("far", "1-2 months", True),
        ("far", "2-3 months", False),
        ("far", "1-2 quarters", True),
        ("far", "L", True),
        ("vision", "1-2 years", False),
        ("vision", "XL", True),
    ],
)
def test_estimate_policy(band, estimate, ok):
    assert (LADDER.estimate_problem(parse_estimate(estimate), LADDER.band(band)) is None) is ok
