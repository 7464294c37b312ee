from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.estimates import EstimateError, parse_estimate


@pytest.mark.parametrize(
    ("text", "low", "high", "unit", "approximate"),
    [
        ("3 days", 3, 3, "days", False),
        ("3d", 3, 3, "days", False),
        ("2-4 weeks", 2, 4, "weeks", False),
        ("2 - 4 weeks", 2, 4, "weeks", False),
        ("2 to 4 weeks", 2, 4, "weeks", False),
        ("1\u20132 months", 1, 2, "months", False),
        ("~40h", 40, 40, "hours", True),
        ("about 40 hours", 40, 40, "hours", True),
        ("1.5 days", 1.5, 1.5, "days", False),
        ("5 points", 5, 5, "points", False),
        ("8 story points", 8, 8, "points", False),
        ("2-3 sprints", 2, 3, "sprints", False),
        ("6-8 person-weeks", 6, 8, "weeks", False),
        ("1-2 quarters", 1, 2, "quarters", False),
        ("1 year", 1, 1, "years", False),
    ],
)
def test_points_and_ranges_with_units(text, low, high, unit, approximate):
    e = parse_estimate(text)
    assert (e.low, e.high, e.unit, e.approximate, e.size) == (low, high, unit, approximate, None)


def test_points_are_judged_like_days_and_sprints_like_weeks():
    assert parse_estimate("5 points").judged_unit == "days"
    assert parse_estimate("2 sprints").judged_unit == "weeks"


@pytest.mark.parametrize("size", ["XS", "S", "M", "L", "XL", "m", "xl"])
def test_tshirt_sizes(size):
    assert parse_estimate(size).size == size.upper()


def test_sizes_come_from_the_configured_mapping():
    sizes = {"small": "1-3 days", "big": "1-2 months"}
    assert parse_estimate("big", sizes).size == "big"
    with pytest.raises(EstimateError):
        parse_estimate("M", sizes)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (3, "'3' has no unit: write '3 days'"),
        ("40", "'40' has no unit"),
        ("3 parsecs", "'parsecs' is not a unit"),
        ("4-2 weeks", "the range goes down"),
        ("0 days", "more than zero"),
        ("soon", "'soon' is not an estimate"),
        ("", "empty estimate"),
        (True, "expected an estimate, got bool"),
    ],
)
def test_bad_estimates_say_why(value, reason):
    with pytest.raises(EstimateError) as caught:
        parse_estimate(value)
    assert reason in str(caught.value)


def test_ratio():
    assert parse_estimate("2-4 weeks").ratio == 2
    assert parse_estimate("3 days").ratio == 1
    assert parse_estimate("M").ratio == 1


@given(st.text(max_size=40))
def test_parser_never_raises_anything_but_estimate_error(text):
    try:
        e = parse_estimate(text)
    except EstimateError:
        return
    assert e.size is not None or (e.low is not None and e.high is not None and 0 < e.low <= e.high)
