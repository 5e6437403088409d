"""Spreadsheet cells as the register's values: dates in every format people type (and Excel's
own dates and serial numbers), ID numbers whose leading zeros Excel dropped, sex from words or
"x" marks, the membership from the dates present. Pure; every problem is a Vietnamese sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from desktop_app.domain.dates import PartialDate
from desktop_app.domain.names import fold

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 with Excel's 1900 leap-year bug
_SERIALS = (1, 80_000)  # 1900 … 2119
_YEARS = (1900, 2100)
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTH_YEAR = re.compile(r"^(?:thang|t)?\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_MONTH_WORDS = re.compile(r"^thang\s+(\d{1,2})\s+nam\s+(\d{4})$")
_DAY_WORDS = re.compile(r"^ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")
_DIGITS = re.compile(r"\D")


class CellError(ValueError):
    """A cell that cannot become the field's value; the message is Vietnamese."""


def _year(two_or_four: str, today: dt.date) -> int:
    year = int(two_or_four)
    if len(two_or_four) == 2:  # 85 → 1985, 05 → 2005: never a date in the future
        year += 2000 if 2000 + year <= today.year else 1900
    return year


def _partial(year: int, month: int | None = None, day: int | None = None) -> PartialDate:
    try:
        return PartialDate(year, month, day)
    except ValueError as exc:
        raise CellError(f"ngày không có thật ({exc})") from None


def parse_date(value: object, today: dt.date) -> PartialDate | None:
    """A date cell: Excel date or serial number, dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy,
    yyyy-mm-dd, "tháng 3/1985", "ngày 5 tháng 3 năm 1985", or a year alone."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _partial(value.year, value.month, value.day)
    if isinstance(value, bool):
        raise CellError(f"«{value}» không phải ngày")
    if isinstance(value, int | float):
        return _number_date(value)
    return _text_date(str(value), today)


def _number_date(value: float) -> PartialDate:
    """A whole number from 1900 to 2100 is a year (a serial that small is a date in 1905, which
    no member list holds); anything else Excel's day number."""
    if float(value).is_integer() and _YEARS[0] <= value <= _YEARS[1]:
        return _partial(int(value))  # a year typed as a number
    if _SERIALS[0] <= value <= _SERIALS[1]:
        day = EXCEL_EPOCH + dt.timedelta(days=int(value))
        return _partial(day.year, day.month, day.day)
    raise CellError(f"«{value}» không phải ngày")


def _text_date(text: str, today: dt.date) -> PartialDate:
    clean = " ".join(fold(text).replace(",", " ").split())
    if m := _NUMERIC.match(clean):
        return _partial(_year(m[3], today), int(m[2]), int(m[1]))
    if m := _ISO.match(clean):
        return _partial(int(m[1]), int(m[2]), int(m[3]))
    if m := _DAY_WORDS.match(clean):
        return _partial(int(m[3]), int(m[2]), int(m[1]))
    if m := _MONTH_YEAR.match(clean) or _MONTH_WORDS.match(clean):
        return _partial(int(m[2]), int(m[1]))
    if m := _YEAR.match(clean):
        return _partial(int(m[1]))
    if clean.replace(".", "", 1).isdigit():
        return _number_date(float(clean))
    raise CellError(f"«{text.strip()}» không đọc được thành ngày (ví dụ 05/03/1985)")


def parse_id_number(value: object) -> str:
    """Digits only; Excel stores 012345678901 as the number 12345678901: a CCCD has 12
    digits and an old CMND 9, so the zeros Excel dropped are put back."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    digits = _DIGITS.sub("", str(value))
    if isinstance(value, int) and len(digits) in (8, 11):
        digits = digits.zfill(len(digits) + 1)
    return digits


_SEX_WORDS = {"nam": "male", "nu": "female", "m": "male", "f": "female", "male": "male",
              "female": "female", "trai": "male", "gai": "female"}  # fmt: skip
_MARKS = {"x", "v", "1", "co", "✓", "√", "+"}


def parse_sex(value: object) -> str:
    """ "Nam" / "Nữ" (any case, with or without accents) → male / female; "" if empty."""
    text = fold(str(value or "")).strip()
    if not text:
        return ""
    if text not in _SEX_WORDS:
        raise CellError(f"«{value}» không phải Nam hay Nữ")
    return _SEX_WORDS[text]


def is_mark(value: object) -> bool:
    """An "x" (or ✓, 1, có) in a Nam / Nữ column; a year there (the old books put the year of
    birth under Nam or Nữ) counts too."""
    text = fold(str(value or "")).strip()
    return (
        text in _MARKS
        or bool(_YEAR.match(text))
        or (isinstance(value, int | float) and _YEARS[0] <= value <= _YEARS[1])
    )


_MEMBERSHIP_WORDS = {"chinh thuc": "official", "ct": "official", "du bi": "probationary",
                     "db": "probationary", "dang vien chinh thuc": "official",
                     "dang vien du bi": "probationary"}  # fmt: skip


def parse_membership(value: object) -> str:
    text = fold(str(value or "")).strip()
    if not text:
        return ""
    if text not in _MEMBERSHIP_WORDS:
        raise CellError(f"«{value}» không phải «Chính thức» hay «Dự bị»")
    return _MEMBERSHIP_WORDS[text]


@dataclass(frozen=True)
class Membership:
    status: str
    warning: str = ""


def membership_from_dates(
    ceremony: PartialDate | None, official: PartialDate | None, given: str, default: str
) -> Membership:
    """The column if there is one; else an official date makes an official member, a ceremony
    date without it a probationary one; with neither, the list's default (with a warning)."""
    if given:
        return Membership(given)
    if official is not None:
        return Membership("official")
    if ceremony is not None:
        return Membership("probationary")
    label = "chính thức" if default == "official" else "dự bị"
    return Membership(default, f"không có ngày vào Đảng, ngày chính thức: ghi là đảng viên {label}")
