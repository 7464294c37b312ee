from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.windows import GRANULARITIES, Window, WindowError, enclosing, parse_window

D = date


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity"),
    [
        ("2027-03-14", D(2027, 3, 14), D(2027, 3, 14), "day"),
        ("2027-3-4", D(2027, 3, 4), D(2027, 3, 4), "day"),
        ("2027-W11", D(2027, 3, 15), D(2027, 3, 21), "week"),
        ("2026-W53", D(2026, 12, 28), D(2027, 1, 3), "week"),
        ("2027-03", D(2027, 3, 1), D(2027, 3, 31), "month"),
        ("2028-02", D(2028, 2, 1), D(2028, 2, 29), "month"),
        ("March 2027", D(2027, 3, 1), D(2027, 3, 31), "month"),
        ("Sep 2027", D(2027, 9, 1), D(2027, 9, 30), "month"),
        ("sept. 2027", D(2027, 9, 1), D(2027, 9, 30), "month"),
        ("2027-Q1", D(2027, 1, 1), D(2027, 3, 31), "quarter"),
        ("Q4 2027", D(2027, 10, 1), D(2027, 12, 31), "quarter"),
        ("2027Q2", D(2027, 4, 1), D(2027, 6, 30), "quarter"),
        ("2027-H2", D(2027, 7, 1), D(2027, 12, 31), "half"),
        ("H1 2027", D(2027, 1, 1), D(2027, 6, 30), "half"),
        ("2027", D(2027, 1, 1), D(2027, 12, 31), "year"),
        ("2027-03..2027-05", D(2027, 3, 1), D(2027, 5, 31), "range"),
        ("2027-03-01..2027-03-15", D(2027, 3, 1), D(2027, 3, 15), "range"),
        ("March to May 2027", D(2027, 3, 1), D(2027, 5, 31), "range"),
        ("Nov 2027 to Feb 2028", D(2027, 11, 1), D(2028, 2, 29), "range"),
        ("Q1\u2013Q2 2027", D(2027, 1, 1), D(2027, 6, 30), "range"),
        ("2027-Q3 .. 2028-Q1", D(2027, 7, 1), D(2028, 3, 31), "range"),
        ("  2027-Q1  ", D(2027, 1, 1), D(2027, 3, 31), "quarter"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_every_form_parses_to_its_window(text, start, end, granularity):
    window = parse_window(text)
    assert (window.start, window.end, window.granularity) == (start, end, granularity)
    assert window.text == text


def test_yaml_typed_values_are_windows():
    assert parse_window(date(2027, 3, 14)).granularity == "day"
    year = parse_window(2027)
    assert (year.start, year.end, year.granularity) == (D(2027, 1, 1), D(2027, 12, 31), "year")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2027-Q5", "quarter must be Q1-Q4, not Q5"),
        ("2027-H3", "half must be H1 or H2, not H3"),
        ("2027-02-30", "February 2027 has 28 days, so 2027-02-30 is not a date"),
        ("2027-13", "month must be 01-12, not 13"),
        ("2027-13-01", "month must be 01-12, not 13"),
        ("2027-W54", "week must be W01-W52 in 2027, not W54"),
        ("2027-W53", "week must be W01-W52 in 2027, not W53"),
        ("Marchember 2027", "'Marchember' is not a month name"),
        ("soon", "'soon' is not a time window"),
        ("", "empty time window"),
        ("2027-05..2027-03", "range runs backwards"),
        ("2027..2028..2029", "more than two ends"),
        ("0000", "year 0000 is out of range"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 20 else None,
)
def test_bad_forms_say_why(text, reason):
    with pytest.raises(WindowError, match=None) as caught:
        parse_window(text)
    assert reason in str(caught.value)


def test_a_boolean_is_not_a_window():
    with pytest.raises(WindowError, match="expected a time window, got bool"):
        parse_window(True)


@pytest.mark.parametrize(
    ("text", "granularity", "expected"),
    [
        ("2027-08-17", "week", "2027-W33"),
        ("2027-08-17", "month", "2027-08"),
        ("2027-08-17", "quarter", "2027-Q3"),
        ("2027-08-17", "half", "2027-H2"),
        ("2027-08-17", "year", "2027"),
        ("2027-03..2027-05", "quarter", None),  # March-May straddles Q1 and Q2
        ("2027-03..2027-05", "half", "2027-H1"),
        ("2027-W09", "month", "2027-03"),  # Mon 1 to Sun 7 March
        ("2027-W13", "month", None),  # 29 March to 4 April straddles two months
        ("2027-W13", "quarter", None),
        ("2027-W13", "half", "2027-H1"),
    ],
)
def test_enclosing_contains_or_is_none(text, granularity, expected):
    window = parse_window(text)
    wider = enclosing(window, granularity)
    assert (wider.canonical() if wider else None) == expected
    if wider:
        assert wider.contains(window)


def test_canonical_text_parses_back_to_the_same_window():
    for text in ["2027-03-14", "2027-W11", "2027-03", "2027-Q1", "2027-H2", "2027"]:
        window = parse_window(text)
        again = parse_window(window.canonical())
        assert (again.start, again.end, again.granularity) == (window.start, window.end, window.granularity)


days = st.dates(min_value=D(1900, 1, 1), max_value=D(2999, 12, 31))


@given(days, st.sampled_from(GRANULARITIES))
def test_rendered_windows_parse_back_to_themselves(day, granularity):
    window = enclosing(Window(day, day, "day", day.isoformat()), granularity)
    assert window is not None  # a single day always has an enclosing window
    again = parse_window(window.canonical())
    assert (again.start, again.end) == (window.start, window.end)
    assert again.start <= day <= again.end


@given(days, days, st.sampled_from(GRANULARITIES[1:]))
def test_coarsening_always_contains_the_original(a, b, granularity):
    first, last = sorted((a, b))
    window = parse_window(f"{first.isoformat()}..{last.isoformat()}")
    assert window.start <= window.end and window.width_days >= 1
    wider = enclosing(window, granularity)
    if wider is not None:
        assert wider.contains(window)
        assert wider.width_days >= window.width_days


@given(st.text(max_size=60))
def test_parser_never_raises_anything_but_window_error(text):
    try:
        window = parse_window(text)
    except WindowError:
        return
    assert window.start <= window.end
