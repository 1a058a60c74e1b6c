from datetime import date

import pytest
from hypothesis import given, strategies as st

from councilwatch.dates import (
    FuzzyDate,
    Precision,
    add_months,
    parse_day,
    parse_edtf,
    parse_month,
    parse_text,
)
from councilwatch.errors import BadDate


@pytest.mark.parametrize(
    "text, earliest, latest, precision",
    [
        ("2024-02-22", "2024-02-22", "2024-02-22", "day"),
        ("22 February 2024", "2024-02-22", "2024-02-22", "day"),
        ("February 22, 2024", "2024-02-22", "2024-02-22", "day"),
        ("September 2022", "2022-09-01", "2022-09-30", "month"),
        ("2022-09", "2022-09-01", "2022-09-30", "month"),
        ("2023", "2023-01-01", "2023-12-31", "year"),
        ("early 2023", "2023-01-01", "2023-04-30", "part_of_year"),
        ("mid-2023", "2023-05-01", "2023-08-31", "part_of_year"),
        ("late 2023", "2023-09-01", "2023-12-31", "part_of_year"),
        ("the first half of 2023", "2023-01-01", "2023-06-30", "part_of_year"),
        ("second half of 2023", "2023-07-01", "2023-12-31", "part_of_year"),
        ("2023-37", "2023-01-01", "2023-04-30", "part_of_year"),
        ("between 2016 and 2019", "2016-01-01", "2019-12-31", "year"),
        ("2016/2019", "2016-01-01", "2019-12-31", "year"),
        ("February 2024", "2024-02-01", "2024-02-29", "month"),
    ],
)
def test_parse_text_bounds(text, earliest, latest, precision):
    fd = parse_text(text)
    assert (fd.earliest.isoformat(), fd.latest.isoformat(), fd.precision.value) == (earliest, latest, precision)


def test_day_and_month_resolve_to_latest_such_day_before_reference():
    assert parse_text("22 March", ref=date(2024, 7, 1)).earliest == date(2024, 3, 22)
    assert parse_text("14 December", ref=date(2024, 7, 1)).earliest == date(2023, 12, 14)
    assert parse_text("29 February", ref=date(2023, 6, 1)).earliest == date(2020, 2, 29)


@pytest.mark.parametrize("bad", ["2024-13", "2023-02-30", "31 June 2024", "lately", "", "13/2024", "2024-00"])
def test_impossible_or_vague_dates_are_refused(bad):
    with pytest.raises(BadDate):
        parse_text(bad)


def test_month_argument():
    assert parse_month("2024-07") == (2024, 7)
    for bad in ("2024-13", "July", "2024/07", "24-07"):
        with pytest.raises(BadDate):
            parse_month(bad)


def test_parse_day_refuses_a_month():
    assert parse_day("2024-07-01") == date(2024, 7, 1)
    with pytest.raises(BadDate, match="not a single day"):
        parse_day("2024-07")


def test_add_months_crosses_years():
    assert add_months(2023, 12, 1) == (2024, 1)
    assert add_months(2024, 1, -1) == (2023, 12)
    assert add_months(2024, 7, 30) == (2027, 1)


# -- properties ------------------------------------------------------------

days = st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31))
years = st.integers(min_value=1800, max_value=2100)


@st.composite
def fuzzy_dates(draw):
    kind = draw(st.sampled_from(["day", "month", "year", "part", "interval"]))
    if kind == "day":
        return FuzzyDate.day(draw(days))
    if kind == "month":
        return FuzzyDate.month(draw(years), draw(st.integers(1, 12)))
    if kind == "year":
        return FuzzyDate.year(draw(years))
    if kind == "part":
        return FuzzyDate.part(draw(years), draw(st.integers(33, 41)))
    a, b = sorted([draw(years), draw(years)])
    return FuzzyDate(FuzzyDate.year(a).earliest, FuzzyDate.year(b).latest, Precision.YEAR)


@given(fuzzy_dates())
def test_edtf_round_trip(fd):
    assert parse_edtf(fd.edtf()) == fd
    assert parse_text(fd.edtf()) == fd


@given(fuzzy_dates(), fuzzy_dates())
def test_order_follows_earliest_then_latest(a, b):
    if a.earliest < b.earliest:
        assert a < b
    if a == b:
        assert not a < b and not b < a


@given(fuzzy_dates())
def test_bounds_are_ordered_and_contain_themselves(fd):
    assert fd.earliest <= fd.latest
    assert fd.contains(fd.earliest) and fd.contains(fd.latest)


@given(days)
def test_day_text_forms_agree(d):
    assert parse_text(f"{d.day} {d.strftime('%B')} {d.year}") == FuzzyDate.day(d)
    assert parse_text(f"{d.strftime('%B')} {d.day}, {d.year}") == FuzzyDate.day(d)
