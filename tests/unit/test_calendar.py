import datetime as dt

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.calendar import USER_DAY_OFF, WorkCalendar

D = dt.date
CAL = WorkCalendar()
# The package's own answer, used as the oracle for the properties.
ORACLE = holidays.country_holidays("VN")


@pytest.mark.parametrize(
    ("day", "working"),
    [
        # Tết 2025: Monday 27/1 to Friday 31/1 off; Saturday 1/2 is a holiday anyway.
        (D(2025, 1, 24), True),
        *[(D(2025, 1, d), False) for d in range(27, 32)],
        (D(2025, 2, 1), False),
        (D(2025, 2, 3), True),
        # Tết 2026: Monday 16/2 to Friday 20/2.
        *[(D(2026, 2, d), False) for d in range(16, 21)],
        (D(2026, 2, 13), True),
        (D(2026, 2, 23), True),
        # 2025 swap: Friday 2/5 off, Saturday 26/4 worked.
        (D(2025, 4, 26), True),
        (D(2025, 4, 27), False),
        (D(2025, 5, 2), False),
        (D(2025, 4, 30), False),
        (D(2025, 5, 1), False),
        # Giỗ Tổ 2026 falls on Sunday 26/4, observed on Monday 27/4.
        (D(2026, 4, 27), False),
        (D(2026, 4, 28), True),
        # National Day 2025 with the adjacent Monday; 2026 with the Tuesday 1/9.
        (D(2025, 9, 1), False),
        (D(2025, 9, 2), False),
        (D(2025, 9, 3), True),
        (D(2026, 9, 1), False),
        (D(2026, 9, 2), False),
        # Leap year: 29/2/2028 is a Tuesday and an ordinary working day.
        (D(2028, 2, 29), True),
        (D(2025, 1, 1), False),
        (D(2025, 3, 8), False),
    ],
)
def test_is_working_day(day, working):
    assert CAL.is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (D(2025, 1, 24), 1, D(2025, 2, 3)),  # across Tết 2025
        (D(2025, 1, 24), 2, D(2025, 2, 4)),
        (D(2026, 2, 13), 1, D(2026, 2, 23)),  # across Tết 2026
        (D(2025, 4, 25), 1, D(2025, 4, 26)),  # the Saturday worked in 2025
        (D(2025, 4, 29), 1, D(2025, 5, 5)),  # 30/4, 1/5, 2/5 and the weekend
        (D(2026, 4, 24), 1, D(2026, 4, 28)),  # Giỗ Tổ observed on Monday 27/4/2026
        (D(2025, 8, 29), 1, D(2025, 9, 3)),  # 1/9 and 2/9/2025
        (D(2028, 2, 28), 1, D(2028, 2, 29)),  # leap day
        (D(2028, 2, 29), 1, D(2028, 3, 1)),
        (D(2025, 3, 31), 1, D(2025, 4, 1)),  # month ends
        (D(2025, 5, 30), 1, D(2025, 6, 2)),
        (D(2025, 12, 31), 1, D(2026, 1, 2)),  # New Year's Day
        (D(2025, 3, 3), 5, D(2025, 3, 10)),
        (D(2025, 3, 3), 0, D(2025, 3, 3)),  # count 0 on a working day
        (D(2025, 1, 29), 0, D(2025, 2, 3)),  # count 0 on a holiday
        (D(2025, 3, 8), 0, D(2025, 3, 10)),  # count 0 on a Saturday
        (D(2025, 1, 2), 60, D(2025, 4, 3)),  # 16 in Jan, 20 in Feb, 21 in Mar, 3 in Apr
    ],
)
def test_add_working_days(start, count, expected):
    assert CAL.add_working_days(start, count) == expected


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [
        (D(2024, 12, 31), D(2025, 1, 31), 17),  # 23 weekdays, 6 holidays
        (D(2025, 1, 24), D(2025, 2, 28), 20),  # Tết takes the last week of January
        (D(2024, 12, 31), D(2025, 12, 31), 250),  # 261 weekdays − 12 holidays + 26/4
        (D(2025, 1, 24), D(2025, 2, 3), 1),
        (D(2025, 3, 3), D(2025, 3, 3), 0),
        (D(2025, 3, 10), D(2025, 3, 3), 0),
    ],
)
def test_working_days_between(start, end, count):
    assert CAL.working_days_between(start, end) == count


def test_next_working_day():
    assert CAL.next_working_day(D(2025, 3, 3)) == D(2025, 3, 3)
    assert CAL.next_working_day(D(2025, 1, 27)) == D(2025, 2, 3)
    assert CAL.next_working_day(D(2026, 4, 26)) == D(2026, 4, 28)


def test_negative_count_is_refused():
    with pytest.raises(ValueError):
        CAL.add_working_days(D(2025, 3, 3), -1)


def test_user_days_off_and_working_days():
    wednesday, saturday = D(2025, 3, 5), D(2025, 3, 8)
    cal = WorkCalendar(days_off=[wednesday], working_days=[saturday, D(2025, 9, 2)])
    assert not cal.is_working_day(wednesday)
    assert cal.is_working_day(saturday)
    assert cal.is_working_day(D(2025, 9, 2))  # the user's word beats the package
    assert cal.add_working_days(D(2025, 3, 4), 1) == D(2025, 3, 6)
    assert cal.add_working_days(D(2025, 3, 7), 1) == saturday
    assert cal.next_working_day(wednesday) == D(2025, 3, 6)
    assert cal.working_days_between(D(2025, 3, 3), D(2025, 3, 10)) == 5
    assert CAL.working_days_between(D(2025, 3, 3), D(2025, 3, 10)) == 5
    assert cal.working_days_between(D(2025, 3, 5), D(2025, 3, 8)) == 3
    assert cal.days_off == {wednesday}
    assert cal.working_days == {saturday, D(2025, 9, 2)}


def test_same_day_in_both_overrides_is_refused():
    with pytest.raises(ValueError, match="05/03/2025"):
        WorkCalendar(days_off=[D(2025, 3, 5)], working_days=[D(2025, 3, 5)])


def test_holiday_name():
    assert "Tết Nguyên Đán" in CAL.holiday_name(D(2025, 1, 29))
    assert "Giỗ Tổ Hùng Vương" in CAL.holiday_name(D(2026, 4, 27))
    assert "26/04/2025" in CAL.holiday_name(D(2025, 5, 2))
    assert "Quốc khánh" in CAL.holiday_name(D(2025, 9, 2))
    assert CAL.holiday_name(D(2025, 3, 5)) is None
    assert CAL.holiday_name(D(2025, 3, 8)) is None  # a plain Saturday is no holiday
    cal = WorkCalendar(days_off=[D(2025, 3, 5)], working_days=[D(2025, 9, 2)])
    assert cal.holiday_name(D(2025, 3, 5)) == USER_DAY_OFF
    assert cal.holiday_name(D(2025, 9, 2)) is None


# --- properties -------------------------------------------------------------------------------

days = st.dates(min_value=D(2000, 1, 1), max_value=D(2035, 12, 31))
counts = st.integers(min_value=1, max_value=120)


@given(day=days)
def test_matches_the_package(day):
    assert CAL.is_working_day(day) == ORACLE.is_working_day(day)


@given(start=days, n=counts)
def test_result_is_a_working_day_after_start(start, n):
    end = CAL.add_working_days(start, n)
    assert end > start
    assert ORACLE.is_working_day(end)
    assert end not in ORACLE
    assert end.weekday() < 5 or end in ORACLE.weekend_workdays


@given(start=days, n=counts)
def test_more_days_land_later(start, n):
    assert CAL.add_working_days(start, n + 1) > CAL.add_working_days(start, n)


@given(start=days, n=counts)
def test_between_inverts_add(start, n):
    assert CAL.working_days_between(start, CAL.add_working_days(start, n)) == n


offsets = st.sets(st.integers(min_value=-5, max_value=200), max_size=30)


@settings(max_examples=60)
@given(start=days, n=counts, off_at=offsets, on_at=offsets)
def test_properties_hold_with_overrides(start, n, off_at, on_at):
    off = {start + dt.timedelta(days=i) for i in off_at}
    on = {start + dt.timedelta(days=i) for i in on_at - off_at}
    cal = WorkCalendar(days_off=off, working_days=on)
    end = cal.add_working_days(start, n)
    assert end > start
    assert cal.is_working_day(end)
    assert end not in off
    assert cal.add_working_days(start, n + 1) > end
    assert cal.working_days_between(start, end) == n
    assert cal.working_days_between(start, end) == sum(
        cal.is_working_day(start + dt.timedelta(days=i)) for i in range(1, (end - start).days + 1)
    )
