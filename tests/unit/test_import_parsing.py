"""Reading a secretary's spreadsheet, cell by cell: header rows under a title block and across
a merged two-row header, and every date, ID number, sex and status format the issue lists."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import import_columns as cols
from desktop_app.domain.dates import PartialDate
from desktop_app.domain.import_values import (
    CellError,
    is_mark,
    membership_from_dates,
    parse_date,
    parse_id_number,
    parse_membership,
    parse_sex,
)

TODAY = dt.date(2026, 11, 22)
P = PartialDate


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (dt.date(1985, 3, 5), P(1985, 3, 5)),
        (dt.datetime(1985, 3, 5, 0, 0), P(1985, 3, 5)),
        (31111.0, P(1985, 3, 5)),  # Excel serial number
        ("31111", P(1985, 3, 5)),
        ("05/03/1985", P(1985, 3, 5)),
        ("5/3/85", P(1985, 3, 5)),
        ("5/3/05", P(2005, 3, 5)),  # two digits: never in the future
        ("05-03-1985", P(1985, 3, 5)),
        ("05.03.1985", P(1985, 3, 5)),
        ("1985-03-05", P(1985, 3, 5)),
        ("tháng 3/1985", P(1985, 3)),
        ("Tháng 3 năm 1985", P(1985, 3)),
        ("T3/1985", P(1985, 3)),
        ("03/1985", P(1985, 3)),
        ("ngày 5 tháng 3 năm 1985", P(1985, 3, 5)),
        ("1985", P(1985)),
        (1985, P(1985)),
        (1985.0, P(1985)),
        ("  ", None),
        (None, None),
        ("", None),
    ],
)
def test_dates_in_every_format(cell, expected):
    assert parse_date(cell, TODAY) == expected


@pytest.mark.parametrize("cell", ["31/02/1985", "hôm qua", "13/13/2000", True, "1985/03/05/1"])
def test_impossible_dates_say_why(cell):
    with pytest.raises(CellError) as refused:
        parse_date(cell, TODAY)
    assert "«" in str(refused.value) or "không có thật" in str(refused.value)


@given(st.dates(dt.date(1906, 1, 1), dt.date(2100, 12, 31)))  # 1900–2100 alone is a year
def test_excel_serials_round_trip(day):
    serial = (day - dt.date(1899, 12, 30)).days
    assert parse_date(float(serial), TODAY) == P(day.year, day.month, day.day)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (12345678901.0, "012345678901"),  # CCCD that Excel stored as a number
        (12345678901, "012345678901"),
        (51065001234, "051065001234"),
        (201234567.0, "201234567"),  # old CMND, 9 digits
        (21234567, "021234567"),
        ("012345678901", "012345678901"),  # text keeps its zeros
        ("0123 4567 8901", "012345678901"),
        ("", ""),
        (None, ""),
    ],
)
def test_id_numbers_keep_their_leading_zeros(cell, expected):
    assert parse_id_number(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"), [("Nam", "male"), ("NỮ", "female"), ("nu", "female"), ("", "")]
)
def test_sex_words(cell, expected):
    assert parse_sex(cell) == expected


def test_sex_nonsense_is_refused():
    with pytest.raises(CellError, match="Nam hay Nữ"):
        parse_sex("không rõ")


@pytest.mark.parametrize(
    ("cell", "marked"), [("x", True), ("X", True), ("✓", True), (1965, True), ("", False)]
)
def test_marks_under_nam_or_nu(cell, marked):
    assert is_mark(cell) is marked


def test_membership_from_the_column_or_the_dates():
    assert parse_membership("Chính thức") == "official"
    assert parse_membership("DB") == "probationary"
    with pytest.raises(CellError):
        parse_membership("Quần chúng")
    assert membership_from_dates(P(2000, 1, 1), P(2001, 1, 1), "", "official").status == "official"
    assert membership_from_dates(P(2026, 1, 1), None, "", "official").status == "probationary"
    none = membership_from_dates(None, None, "", "official")
    assert none.status == "official" and "không có ngày vào Đảng" in none.warning


# -- headers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "target"),
    [
        ("Họ và tên", "full_name"),
        ("HỌ VÀ TÊN", "full_name"),
        ("Họ tên (1)", "full_name"),
        ("Ngày, tháng, năm sinh", "birth_date"),
        ("Năm sinh", "birth_date"),
        ("Giới tính", "sex"),
        ("Nam/Nữ", "sex"),
        ("Dân tộc", "ethnicity"),
        ("Tôn giáo", "religion"),
        ("Quê quán", "native_place"),
        ("Ngày vào Đảng", "ceremony_date"),
        ("Ngày chính thức", "official_date"),
        ("Số thẻ", "party_card_number"),
        ("CCCD", "id_number"),
        ("Số định danh", "id_number"),
        ("Số CMND/CCCD", "id_number"),
        ("STT", cols.ROW_NUMBER),
        ("Lương", None),
    ],
)
def test_the_headers_people_use(label, target):
    assert cols.target_of(label) == target


def test_the_header_is_found_under_a_title_block():
    rows = [
        ["ĐẢNG BỘ PHƯỜNG QUY NHƠN NAM", "", "", ""],
        ["CHI BỘ KHU PHỐ 5", "", "", ""],
        ["", "", "", ""],
        ["DANH SÁCH ĐẢNG VIÊN", "", "", ""],
        ["STT", "Họ và tên", "Ngày sinh", "Ghi chú"],
        [1, "Nguyễn Văn An", "05/03/1965", ""],
    ]
    header = cols.find_header(rows)
    assert header is not None
    assert (header.first_row, header.rows, header.data_start) == (4, 1, 5)
    assert header.mapping() == {1: "full_name", 2: "birth_date", 3: "notes"}


def test_a_merged_two_row_header_and_separate_family_and_given_names():
    rows = [
        ["DANH SÁCH", None, None, None, None],
        ["TT", "Họ và tên đệm", "Tên", "Năm sinh", None],
        [None, None, None, "Nam", "Nữ"],
        [1, "Trần Thị", "Thuỷ", None, 1979],
    ]
    header = cols.find_header(rows)
    assert header is not None and header.data_start == 3
    assert header.mapping() == {
        1: cols.FAMILY, 2: cols.GIVEN, 3: cols.MALE_MARK, 4: cols.FEMALE_MARK,
    }  # fmt: skip


def test_a_bare_ten_column_alone_is_the_full_name():
    header = cols.find_header([["STT", "Tên", "Ngày sinh"], [1, "Nguyễn Văn An", "1965"]])
    assert header is not None and header.mapping()[1] == "full_name"


def test_no_header_at_all():
    assert cols.find_header([["a", "b"], [1, 2]]) is None
