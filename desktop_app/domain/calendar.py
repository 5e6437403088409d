"""Working days of Vietnamese offices, for deadlines counted in "ngày làm việc".

Monday to Friday, minus public holidays and substituted days off, plus the Saturdays the
government made working days. The ``holidays`` package supplies those; the user can add days
off and working days when the government moves a day after the package was released.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import holidays

from desktop_app.domain.dates import format_vn

USER_DAY_OFF = "Ngày nghỉ do người dùng thêm"
_ONE_DAY = dt.timedelta(days=1)
_LANGUAGE = "vi" if "vi" in getattr(holidays.VN, "supported_languages", ()) else None


@dataclass(frozen=True)
class _Year:
    """The package's view of one year: one flag per day, running counts, holiday names."""

    first: int  # ordinal of 1 January
    working: bytes  # 1 = working day, by day of the year
    through: tuple[int, ...]  # through[i] = working days among the first i days
    names: dict[dt.date, str]

    def works(self, day: dt.date) -> bool:
        return bool(self.working[day.toordinal() - self.first])

    def count_through(self, day: dt.date) -> int:
        """Working days from 1 January up to and including ``day``."""
        return self.through[day.toordinal() - self.first + 1]

    @property
    def total(self) -> int:
        return self.through[-1]


@lru_cache(maxsize=64)
def _year(year: int) -> _Year:
    table = holidays.country_holidays("VN", years=year, language=_LANGUAGE)
    names = {day: name for day, name in table.items() if day.year == year}
    swapped = {day for day in table.weekend_workdays if day.year == year}
    first = dt.date(year, 1, 1)
    length = 366 if calendar.isleap(year) else 365
    flags = bytearray(length)
    for index in range(length):
        day = first + dt.timedelta(days=index)
        flags[index] = day in swapped if day.weekday() >= 5 else day not in names
    return _Year(first.toordinal(), bytes(flags), (0, *accumulate(flags)), names)


class WorkCalendar:
    """Working days per the package, with the user's own days off and working days on top."""

    def __init__(
        self, days_off: Iterable[dt.date] = (), working_days: Iterable[dt.date] = ()
    ) -> None:
        self._off = frozenset(days_off)
        self._on = frozenset(working_days)
        both = sorted(self._off & self._on)
        if both:
            days = ", ".join(format_vn(day) for day in both)
            raise ValueError(f"Ngày {days} vừa là ngày nghỉ vừa là ngày làm việc.")

    @property
    def days_off(self) -> frozenset[dt.date]:
        """The days off the user added."""
        return self._off

    @property
    def working_days(self) -> frozenset[dt.date]:
        """The working days the user added."""
        return self._on

    def is_working_day(self, day: dt.date) -> bool:
        """The user's overrides win over the package."""
        if day in self._off:
            return False
        if day in self._on:
            return True
        return _year(day.year).works(day)

    def holiday_name(self, day: dt.date) -> str | None:
        """The holiday's name, USER_DAY_OFF for a user day off; None on a user working day."""
        if day in self._on:
            return None
        name = _year(day.year).names.get(day)
        if name is None and day in self._off:
            return USER_DAY_OFF
        return name

    def next_working_day(self, day: dt.date) -> dt.date:
        """``day`` itself if it is a working day, else the next one."""
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day strictly after ``start`` ("within N working days of X").

        ``count`` 0 gives ``start`` if it is a working day, else the next working day."""
        if count < 0:
            raise ValueError(f"Số ngày làm việc không được âm ({count}).")
        if count == 0:
            return self.next_working_day(start)
        day = start
        while count:
            day += _ONE_DAY
            if self.is_working_day(day):
                count -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; 0 if ``end`` is not after ``start``."""
        if end <= start:
            return 0
        total = _year(end.year).count_through(end) - _year(start.year).count_through(start)
        total += sum(_year(year).total for year in range(start.year, end.year))
        for day in self._off:
            if start < day <= end and _year(day.year).works(day):
                total -= 1
        for day in self._on:
            if start < day <= end and not _year(day.year).works(day):
                total += 1
        return total
