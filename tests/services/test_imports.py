"""Importing a cell's list through the services: spreadsheets built here with openpyxl (and CSV
bytes in the encodings Excel writes), every row previewed before anything is written, one
transaction or nothing, duplicates in the file and in the register, and the round trip with
the export."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import openpyxl
import pytest

from desktop_app.domain import import_columns as cols
from desktop_app.services import backups, exports, imports, members
from desktop_app.services.sheet_reader import SheetError, decode, read_book
from desktop_app.store import journal
from desktop_app.store.models import JOURNALLED
from tests.conftest import TODAY
from tests.services.pipeline import unchanged
from tests.unit.test_legacy_text import encode_tcvn3, encode_vni, iconv_available

TITLE = ["ĐẢNG BỘ PHƯỜNG QUY NHƠN NAM"], ["DANH SÁCH ĐẢNG VIÊN CHI BỘ KHU PHỐ 5"], []
HEADER = (
    ["STT", "Họ và tên", "Năm sinh", None, "Dân tộc", "Tôn giáo", "Quê quán", "Ngày vào Đảng",
     "Ngày chính thức", "Số thẻ", "Số CCCD"],
    [None, None, "Nam", "Nữ", None, None, None, None, None, None, None],
)  # fmt: skip


def sheet(path: Path, rows: list[list[object]], title: bool = True) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Danh sách"
    for row in [*(TITLE if title else ()), *HEADER, *rows]:
        ws.append(row)
    ws.merge_cells("A1:K1")
    ws.merge_cells("C4:D4")  # "Năm sinh" over Nam | Nữ
    book.save(path)
    return path


PEOPLE = [
    [1, "Nguyễn Văn An", 1965, None, "Kinh", "Không", "Bình Định", dt.date(1990, 5, 3),
     "03/05/1991", "79012345", 51065001234],
    [2, unicodedata.normalize("NFD", "Trần Thị Thuỷ"), None, "1979", "Kinh", None, "Phú Yên",
     "12-3-2001", "12/03/2002", None, "051179001235"],
    [None] * 11,  # blank rows in the middle are skipped
    [3, "Lê Văn Cường", "1970", None, "Ê Đê", None, "Đắk Lắk", 33000, None, None, None],
    [4, "Nguyễn Văn An", 1965, None, "Kinh", None, "Bình Định", dt.date(1990, 5, 3), None, None,
     None],
    [5, "Phạm Thị", None, "x", "Kinh", None, None, "31/02/2020", None, None, None],
]  # fmt: skip


@pytest.fixture
def list_file(tmp_path) -> Path:
    return sheet(tmp_path / "danh-sach.xlsx", PEOPLE)


def test_the_plan_finds_the_header_under_the_title(list_file):
    plan = imports.open_plan(list_file)
    assert plan.sheet == "Danh sách" and plan.data_start == 5
    mapping = plan.mapping()
    assert mapping[1] == "full_name" and mapping[2] == cols.MALE_MARK
    assert mapping[3] == cols.FEMALE_MARK and mapping[10] == "id_number"
    samples = {c.index: c.samples for c in plan.columns}
    assert samples[1][0] == "Nguyễn Văn An"
    assert samples[0] == ("1", "2", "3") and samples[2] == ("1965", "1970", "1965")  # not 1965.0
    assert samples[7][:2] == ("03/05/1990", "12-3-2001")  # an Excel date as the user sees it


def test_the_preview_shows_every_row_and_writes_nothing(register, list_file):
    with unchanged():
        result = imports.preview(register, imports.open_plan(list_file), TODAY)
    rows = {r.number: r for r in result.rows}
    assert sorted(rows) == [6, 7, 9, 10, 11]  # row 8 is blank
    an = rows[6]
    assert an.values["id_number"] == "051065001234"  # Excel had dropped the zero
    assert an.values["birth_date"] == "1965" and an.values["sex"] == "male"
    assert an.values["membership"] == "official" and an.values["ceremony_date"] == "1990-05-03"
    thuy = rows[7]
    assert thuy.name == "Trần Thị Thuỷ" and thuy.values["sex"] == "female"
    assert thuy.conversions[0].source == "nfd"
    assert rows[9].values["membership"] == "probationary"  # a ceremony date, no official date
    assert rows[9].values["ceremony_date"] == "1990-05-07"  # Excel serial 33000
    assert "đã quá 12 tháng mà chưa có ngày chính thức" in rows[9].warnings[0]
    assert rows[10].same_as_row == 6 and rows[10].default_action == "skip"
    bad = rows[11]
    assert bad.warnings == ("Ngày sinh: chưa có ngày sinh",)  # not "no party dates": it has one
    assert bad.default_action == "skip" and bad.allowed() == ("skip",)
    assert bad.errors == (
        "Ngày vào Đảng (lễ kết nạp): ngày không có thật (tháng 2/2020 không có ngày 31)",
    )
    assert result.counts() == {
        "rows": 5, "errors": 1, "warnings": 3, "converted": 1, "duplicates": 1,
    }  # fmt: skip


def test_apply_writes_the_chosen_rows_in_one_journalled_transaction(register, list_file):
    result = imports.preview(register, imports.open_plan(list_file), TODAY)
    summary = imports.apply(register, result, today=TODAY)
    assert [n for _, n in summary.added] == ["Nguyễn Văn An", "Trần Thị Thuỷ", "Lê Văn Cường"]
    assert {r for r, _, _ in summary.skipped} == {10, 11}
    assert "trùng với dòng 6" in summary.to_text()
    found = members.search_people(register, "thuy")
    assert [p.full_name for p in found] == ["Trần Thị Thuỷ"]
    assert [p.full_name for p in members.search_people(register, "Cường")] == ["Lê Văn Cường"]
    assert journal.replay_mismatches(JOURNALLED) == []


def test_a_backup_without_the_list_is_taken_before_the_import(register, list_file):
    head_before = journal.head()
    result = imports.preview(register, imports.open_plan(list_file), TODAY)
    imports.apply(register, result, today=TODAY)
    [taken] = backups.list_backups(register.register_id)
    assert taken.reason == "truoc-nhap"
    assert (taken.journal_seq, taken.journal_head) == head_before
    assert taken.members == 0


def test_a_second_import_finds_everyone_already_there(register, list_file):
    imports.apply(register, imports.preview(register, imports.open_plan(list_file), TODAY))
    again = imports.preview(register, imports.open_plan(list_file), TODAY)
    rows = {r.number: r for r in again.rows}
    assert rows[6].same_id_number and rows[6].allowed() == ("update", "skip")
    assert rows[9].matches and rows[9].default_action == "skip"
    with unchanged():  # updating with the same values changes nothing
        summary = imports.apply(register, again, today=TODAY)
    assert len(summary.updated) == 2 and not summary.added


def test_a_refused_row_mid_way_leaves_nothing(register, list_file, monkeypatch):
    result = imports.preview(register, imports.open_plan(list_file), TODAY)
    original = members.add_person
    calls = []

    def failing(reg, values, **kw):
        calls.append(values["full_name"])
        if len(calls) == 2:
            raise OSError("đĩa đầy")
        return original(reg, values, **kw)

    monkeypatch.setattr(members, "add_person", failing)
    with unchanged(), pytest.raises(OSError):
        imports.apply(register, result, today=TODAY)
    assert members.list_people(register) == []


def test_a_choice_that_is_not_allowed_is_refused(register, list_file):
    result = imports.preview(register, imports.open_plan(list_file), TODAY)
    with unchanged(), pytest.raises(SheetError, match="Dòng 11"):
        imports.apply(register, result, {11: "add"}, today=TODAY)
    summary = imports.apply(register, result, {10: "add"}, today=TODAY)  # the user says: another
    assert [n for _, n in summary.added].count("Nguyễn Văn An") == 2


def test_the_mapping_is_adjusted_and_remembered(register, list_file):
    plan = imports.with_mapping(imports.open_plan(list_file), {6: None, 5: "notes"})
    assert 6 not in plan.mapping() and plan.mapping()[5] == "notes"
    imports.remember(plan)
    again = imports.open_plan(list_file)
    assert again.remembered and 6 not in again.mapping() and again.mapping()[5] == "notes"
    with pytest.raises(SheetError, match="salary"):
        imports.with_mapping(plan, {5: "salary"})


def test_round_trip_export_then_import_changes_nothing(register, list_file, tmp_path):
    imports.apply(register, imports.preview(register, imports.open_plan(list_file), TODAY))
    before = {p.id: p for p in members.list_people(register)}
    for name in ("ra.xlsx", "ra.csv"):
        out = tmp_path / name
        assert exports.export(register, out) == 3
        result = imports.preview(register, imports.open_plan(out), TODAY)
        assert not any(r.errors for r in result.rows), [r.errors for r in result.rows]
        with unchanged():
            imports.apply(register, result, today=TODAY)
    assert {p.id: p for p in members.list_people(register)} == before


def test_export_writes_real_dates_and_text_id_numbers(register, list_file, tmp_path):
    imports.apply(register, imports.preview(register, imports.open_plan(list_file), TODAY))
    out = tmp_path / "ra.xlsx"
    exports.export(register, out)
    ws = openpyxl.load_workbook(out).active
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["STT", "Họ và tên", "Tên gọi khác"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "Nguyễn Văn An")
    by = dict(zip(headers, row, strict=True))
    assert by["Ngày vào Đảng"].value == dt.datetime(1990, 5, 3)
    assert by["Ngày vào Đảng"].number_format == "DD/MM/YYYY"
    assert by["Số định danh cá nhân"].value == "051065001234"
    assert by["Ngày sinh"].value == "1965"  # a year alone stays as written
    csv_file = tmp_path / "ra.csv"
    exports.export(register, csv_file)
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbfSTT,H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan")


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1258", b""), ("utf-16", b"")],
)
def test_csv_in_the_encodings_excel_writes(register, tmp_path, encoding, bom):
    text = "STT;Họ và tên;Giới tính;Ngày sinh\n1;Nguyễn Thị Hường;Nữ;05/03/1985\n"
    if encoding == "cp1258":  # Windows-1258 writes tones as combining marks
        data = b"".join(_cp1258(ch) for ch in text)
    else:
        data = bom + text.encode(encoding)
    path = tmp_path / "ds.csv"
    path.write_bytes(data)
    result = imports.preview(register, imports.open_plan(path), TODAY)
    [row] = result.rows
    assert row.name == "Nguyễn Thị Hường" and row.values["birth_date"] == "1985-03-05"
    assert decode(data)[1] in ("utf-8", "utf-8-sig", "utf-16", "cp1258")


TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _cp1258(ch: str) -> bytes:
    """One letter as Windows-1258 holds it: the base letter (â, ơ, … are precomposed there)
    followed by its tone as a combining mark."""
    try:
        return ch.encode("cp1258")
    except UnicodeEncodeError:
        marks = unicodedata.normalize("NFD", ch)
        tone = next(m for m in marks if m in TONES)
        base = unicodedata.normalize("NFC", marks.replace(tone, ""))
        return base.encode("cp1258") + tone.encode("cp1258")


def test_unreadable_files_say_which(tmp_path):
    bad = tmp_path / "ds.xlsx"
    bad.write_bytes(b"not a spreadsheet")
    with pytest.raises(SheetError, match=r"ds\.xlsx"):
        read_book(bad)
    pdf = tmp_path / "ds.pdf"
    pdf.write_text("x")
    with pytest.raises(SheetError, match=r"\.xlsx, \.xls, \.ods"):
        read_book(pdf)
    empty = tmp_path / "trong.xlsx"
    openpyxl.Workbook().save(empty)
    with pytest.raises(SheetError, match="không tìm thấy dòng tiêu đề"):
        imports.open_plan(empty)


@pytest.mark.skipif(not iconv_available(), reason="glibc iconv with TCVN5712-1 is needed")
def test_a_list_typed_in_tcvn3_and_vni_comes_in_as_unicode(register, tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append([encode_tcvn3("DANH SÁCH ĐẢNG VIÊN")])
    headers = ("Họ và tên", "Giới tính", "Quê quán", "Năm sinh")
    ws.append(["STT", *(encode_tcvn3(h) for h in headers)])
    names = ["Nguyễn Thị Hường", "Trần Đức Lương", "Lê Văn Tám", "Phạm Thị Thu Hà"]
    for number, name in enumerate(names, start=1):
        place = "Phường Quy Nhơn Nam, tỉnh Gia Lai"
        ws.append([number, encode_tcvn3(name), encode_tcvn3("Nữ" if "Thị" in name else "Nam"),
                   encode_vni(place) if number % 2 else place, 1960 + number])  # fmt: skip
    ws.append([5, "Võ Thị Sáu", "Nữ", "Bà Rịa", 1933])  # one row typed in Unicode later
    path = tmp_path / "ds-cu.xlsx"
    book.save(path)
    plan = imports.open_plan(path)
    assert [c.label for c in plan.columns][:3] == ["STT", "Họ và tên", "Giới tính"]
    rows = imports.preview(register, plan, TODAY).rows
    assert [r.name for r in rows] == [*names, "Võ Thị Sáu"]
    assert all(r.values["native_place"] == "Phường Quy Nhơn Nam, tỉnh Gia Lai" for r in rows[:4])
    sources = {c.source for r in rows for c in r.conversions}
    assert sources == {"tcvn3", "vni"}
    assert not rows[4].conversions and rows[4].values["sex"] == "female"


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize("name", ["danh-sach-tcvn3.xls", "danh-sach.ods"])
def test_old_xls_in_tcvn3_and_ods_read_the_same(register, name):
    rows = imports.preview(register, imports.open_plan(FIXTURES / name), TODAY).rows
    assert [r.name for r in rows] == ["Nguyễn Thị Hường", "Trần Đức Lương", "Lê Văn Tám"]
    assert rows[0].values["id_number"] == "051165001234"  # a number in the .xls
    assert rows[2].values["birth_date"] == "1972-07"
    assert rows[2].values["membership"] == "probationary"
    assert not any(r.errors for r in rows)


def test_one_id_number_twice_in_the_file_is_only_skipped(register, tmp_path):
    rows = [
        [1, "Đinh Văn Hải", 1970, None, "Kinh", None, None, None, None, None, "051070001111"],
        [2, "Đinh Thị Hà", None, 1975, "Kinh", None, None, None, None, None, "051070001111"],
    ]
    result = imports.preview(register, imports.open_plan(sheet(tmp_path / "a.xlsx", rows)), TODAY)
    second = result.rows[1]
    assert second.same_as_row == 6 and second.allowed() == ("skip",)


@pytest.mark.slow
def test_a_5000_row_list(register, tmp_path):
    """The bench's generated list, at full size: every row read, checked and written once."""
    from bench.bench_import import make_sheet

    path = make_sheet(tmp_path / "lon.xlsx", 5000)
    result = imports.preview(register, imports.open_plan(path), TODAY)
    assert len(result.rows) == 5000
    assert not any(r.errors for r in result.rows)
    summary = imports.apply(register, result, today=TODAY)
    assert len(summary.added) + len(summary.skipped) == 5000
    assert len(members.list_people(register)) == len(summary.added)
    assert {r for r, _, _ in summary.skipped} == {r.number for r in result.rows if r.same_as_row}
