import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.dates import (
    DateFormatError,
    PartialDate,
    add_months,
    age_in_months,
    format_vn,
    parse_full,
    parse_partial,
    vn_from_iso,
)


@pytest.mark.parametrize(
    ("text", "iso", "vn"),
    [
        ("05/03/1985", "1985-03-05", "05/03/1985"),
        ("5/3/1985", "1985-03-05", "05/03/1985"),
        ("05-03-1985", "1985-03-05", "05/03/1985"),
        ("05.03.1985", "1985-03-05", "05/03/1985"),
        ("03/1985", "1985-03", "03/1985"),
        ("1985", "1985", "1985"),
        ("1985-03-05", "1985-03-05", "05/03/1985"),
        ("1985-03", "1985-03", "03/1985"),
        ("29/02/2024", "2024-02-29", "29/02/2024"),
    ],
)
def test_parse_partial(text, iso, vn):
    value = parse_partial(text)
    assert value.iso() == iso
    assert value.vn() == vn
    assert PartialDate.from_iso(iso) == value


@pytest.mark.parametrize(
    "text",
    [
        "31/02/1990",
        "29/02/2023",
        "00/01/1990",
        "13/13/1990",
        "12/1990/5",
        "ngày 5",
        "1990-13",
        "5/3/85",
        "0001",
    ],
)
def test_parse_partial_refuses(text):
    with pytest.raises(DateFormatError):
        parse_partial(text)


def test_empty_is_none():
    assert parse_partial("  ") is None
    assert parse_full("") is None


def test_parse_full_needs_a_day():
    assert parse_full("05/03/1985") == dt.date(1985, 3, 5)
    with pytest.raises(DateFormatError, match="đủ ngày"):
        parse_full("03/1985")


def test_partial_bounds():
    assert PartialDate(1985).earliest() == dt.date(1985, 1, 1)
    assert PartialDate(1985).latest() == dt.date(1985, 12, 31)
    assert PartialDate(2024, 2).latest() == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2025, 3, 15), 12, dt.date(2026, 3, 15)),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
        (dt.date(2025, 11, 30), 3, dt.date(2026, 2, 28)),
    ],
)
def test_add_months(start, months, end):
    assert add_months(start, months) == end


@pytest.mark.parametrize(
    ("birth", "on", "months"),
    [
        (dt.date(2000, 5, 10), dt.date(2018, 5, 10), 216),
        (dt.date(2000, 5, 10), dt.date(2018, 5, 9), 215),
        (dt.date(2000, 1, 31), dt.date(2018, 2, 27), 216),
        (dt.date(2000, 1, 31), dt.date(2018, 2, 28), 217),  # month-end, as add_months
        (dt.date(1966, 3, 1), dt.date(2026, 2, 28), 719),
    ],
)
def test_age_in_months(birth, on, months):
    assert age_in_months(birth, on) == months


def test_format_vn():
    assert format_vn(dt.date(2026, 3, 5)) == "05/03/2026"
    assert format_vn(None) == ""


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_round_trip(day):
    assert parse_partial(format_vn(day)) == PartialDate.from_date(day)
    assert PartialDate.from_iso(day.isoformat()).earliest() == day


@given(
    st.dates(min_value=dt.date(1920, 1, 1), max_value=dt.date(2010, 12, 31)),
    st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2090, 12, 31)),
    st.integers(min_value=0, max_value=900),
)
def test_age_agrees_with_add_months(birth, on, months):
    """Age in months reaches n exactly when add_months(birth, n) has come."""
    assert (age_in_months(birth, on) >= months) == (add_months(birth, months) <= on)


@pytest.mark.parametrize(
    ("iso", "vn"),
    [
        ("2020-03-05", "05/03/2020"),
        ("2020-03", "03/2020"),
        ("2020", "2020"),
        (None, ""),
        ("", ""),
    ],
)
def test_vn_from_iso(iso, vn):
    assert vn_from_iso(iso) == vn
    if iso:
        assert vn == PartialDate.from_iso(iso).vn()  # the cheap path agrees with the checked one
