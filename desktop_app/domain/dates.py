"""Dates as Vietnamese records hold them: full, month and year, or year only; dd/mm/yyyy."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_VN = re.compile(r"^(?:(?:(\d{1,2})[/.\-])?(\d{1,2})[/.\-])?(\d{4})$")


class DateFormatError(ValueError):
    """Text that is not a date; the message is Vietnamese."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date whose month and day may be unknown (old records give only the year)."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1800 <= self.year <= 2200:
            raise DateFormatError(f"năm {self.year} không hợp lệ")
        if self.month is None and self.day is not None:
            raise DateFormatError("có ngày mà thiếu tháng")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateFormatError(f"tháng {self.month} không có")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month or 1)[1]
            if not 1 <= self.day <= last:
                raise DateFormatError(f"tháng {self.month}/{self.year} không có ngày {self.day}")

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        m = _ISO.match(text.strip())
        if not m:
            raise DateFormatError(f"«{text}» không phải ngày dạng năm-tháng-ngày")
        y, mo, d = (int(g) if g else None for g in m.groups())
        return cls(y, mo, d)  # type: ignore[arg-type]

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @property
    def is_full(self) -> bool:
        return self.day is not None

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def vn(self) -> str:
        """Vietnamese display: dd/mm/yyyy, mm/yyyy or yyyy."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.month:02d}/{self.year:04d}"
        return f"{self.day:02d}/{self.month:02d}/{self.year:04d}"

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)


def parse_partial(text: str) -> PartialDate | None:
    """Parse what a person types: dd/mm/yyyy, mm/yyyy, yyyy, or ISO. Empty gives None."""
    text = (text or "").strip()
    if not text:
        return None
    if _ISO.match(text):
        return PartialDate.from_iso(text)
    m = _VN.match(text)
    if not m:
        raise DateFormatError(f"«{text}» không đúng dạng ngày/tháng/năm (ví dụ 05/03/1985)")
    d, mo, y = (int(g) if g else None for g in m.groups())
    return PartialDate(y, mo, d)  # type: ignore[arg-type]


def parse_full(text: str) -> dt.date | None:
    """Parse a date that must be complete (events, ceremony); empty gives None."""
    value = parse_partial(text)
    if value is None:
        return None
    if not value.is_full:
        raise DateFormatError(f"«{text}» cần đủ ngày, tháng, năm")
    return value.earliest()


def vn_from_iso(iso: str | None) -> str:
    """A stored ISO date (full, YYYY-MM or YYYY) as dd/mm/yyyy, mm/yyyy or yyyy; "" for none.

    Values from the register are already validated, so plain slicing is enough (and cheap for
    10,000 rows)."""
    if not iso:
        return ""
    if len(iso) == 10:
        return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"
    return f"{iso[5:7]}/{iso[:4]}" if len(iso) == 7 else iso


def format_vn(value: dt.date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")


def add_months(value: dt.date, months: int) -> dt.date:
    """Calendar months, clamped to the month's end (31/01 + 1 month = 28 or 29/02)."""
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(value.day, last))


def age_in_months(birth: dt.date, on: dt.date) -> int:
    """Whole months of age on a date (18y0m = 216)."""
    months = (on.year - birth.year) * 12 + on.month - birth.month
    if on.day < birth.day and add_months(birth, months) > on:
        months -= 1
    return months
