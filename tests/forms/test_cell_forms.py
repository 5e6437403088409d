"""The cell's list documents, read back from the PDF: the 7-HSĐV member book (landscape, 14
columns, header on every page, every member in Vietnamese order, 300 members without a row lost
or split), the sign-in sheet and the minutes skeleton of a meeting, the quarterly pool review
and the Today sheet; each with its Vietnamese text exactly (NFC) where it belongs, A4, embedded
Liberation Serif only, the margins kept, long names wrapped inside their cells, and the bad
requests refused."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from desktop_app.cli import main
from desktop_app.domain.dates import format_vn
from desktop_app.domain.deadlines import TodoItem
from desktop_app.domain.errors import NotFoundError, StateError
from desktop_app.domain.names import name_sort_key
from desktop_app.forms import (
    fonts,
    member_book,
    minutes,
    pool_review,
    registry,
    sign_in_sheet,
    today_sheet,
)
from desktop_app.forms.layout import MARGINS, PAGE
from desktop_app.services import development, meetings, members
from desktop_app.services import today as today_service
from desktop_app.services.meetings import Entry
from desktop_app.store.database import key_path
from tests.conftest import TODAY
from tests.forms.pdfcheck import assert_sound
from tests.services.pipeline import unchanged

D = dt.date
WIDE = PAGE[1]  # a landscape page's width
HALF = PAGE[0] / 2
BOOK_WIDTH = WIDE - MARGINS.left - MARGINS.right
LONG_NAME = "Nguyễn Thị Hoàng Phương Thảo Nguyên Khánh Linh Ngọc Bảo Châu Mai Anh Thư Hà Vy"
LONG_PLACE = "Thôn Trung Lương, xã Phù Mỹ Đông, tỉnh Gia Lai; trước đây " * 2
BOOK_HEADERS = [header for header, _ in member_book.COLUMNS]


def render(reg, code: str, **kw) -> bytes:
    return registry.render(reg, code, today=TODAY, **kw)


def clean(cell: str | None) -> str:
    return " ".join((cell or "").split())


def tables(pdf) -> list[list]:
    """Each page's ruled tables, read once per PDF (reading them is the slow part)."""
    if "tables" not in pdf.__dict__:
        pdf.tables = [page.extract_tables() for page in pdf.pages]
    return pdf.tables


def table_rows(pdf, first_header: str) -> list[tuple[int, list[str]]]:
    """(page, cells) of every body row of the tables whose header starts so, page by page."""
    out = []
    for number, found in enumerate(tables(pdf), start=1):
        for table in found:
            if not table or not clean(table[0][0]).startswith(first_header):
                continue
            body = table[1:]
            if body and [clean(c) for c in body[0]] == [str(i) for i in range(1, 15)]:
                body = body[1:]  # the row of column numbers
            out += [(number, [clean(c) for c in row]) for row in body]
    return out


def column_rules(columns, width: float) -> list[float]:
    """Where the table's vertical rules fall: the left margin, then each column's right."""
    total = sum(share for _, share in columns)
    rules, x = [MARGINS.left], MARGINS.left
    for _, share in columns:
        x += width * share / total
        rules.append(x)
    return rules


def vertical_rules(page) -> list[dict]:
    return [line for line in page.lines if abs(line["x0"] - line["x1"]) < 0.1]


def crossing_rules(pdf) -> list[str]:
    """Characters drawn across a table's vertical rule: text that overflowed its cell."""
    found = []
    for number, page in enumerate(pdf.pages, start=1):
        rules = vertical_rules(page)
        for c in page.chars:
            for rule in rules:
                if (
                    c["x0"] + 0.2 < rule["x0"] < c["x1"] - 0.2
                    and rule["top"] - 1 <= c["top"] <= rule["bottom"] + 1
                ):
                    found.append(f"page {number}: {c['text']!r} at {c['x0']:.1f}")
    return found


def rules_at(pdf, expected: list[float]) -> bool:
    """Every page's vertical rules stand where the column widths put them."""
    for page in pdf.pages:
        xs = sorted({round(line["x0"], 1) for line in vertical_rules(page)})
        if not xs or any(min(abs(x - e) for e in expected) > 0.5 for x in xs):
            return False
    return True


def _in_cell_order(names: list[str]) -> bool:
    return names == sorted(names, key=name_sort_key)


# -- 7-HSĐV ---------------------------------------------------------------------------------


def test_member_book_lists_every_member_in_vietnamese_order_with_its_14_columns(demo_register):
    reg = demo_register
    everyone = members.list_people(reg)
    current = [p for p in everyone if p.status in ("official", "probationary")]
    gone = [p for p in everyone if p.membership in ("official", "probationary")
            and p.status not in ("official", "probationary")]  # fmt: skip
    assert len(current) == 37 and {p.status for p in gone} == {
        "transferred_out", "removed", "deceased"
    }  # fmt: skip
    with unchanged():  # a list takes no number
        pdf = assert_sound(render(reg, "7-HSĐV"), landscape=True)
    text = pdf.flat()
    assert "SỔ DANH SÁCH ĐẢNG VIÊN (Mẫu 7-HSĐV, lập ngày 22/11/2026)" in text
    assert (
        "Tổng số đảng viên: 37 đồng chí (chính thức 32, dự bị 5); trong đó miễn công tác và "
        "sinh hoạt đảng 2, sinh hoạt tạm thời nơi khác 1 đồng chí." in text
    )
    party = pdf.one("ĐẢNG CỘNG SẢN VIỆT NAM")
    assert party.page == 1 and party.x0 > WIDE / 2 and party.top < MARGINS.top + 20
    assert pdf.one("CHI BỘ TRƯỜNG THPT NGUYỄN TRÂN").x1 < WIDE / 2
    rows = table_rows(pdf, "Số TT")
    assert len(rows) == len(current) + len(gone)
    names = [row[1].split(" Sinh ")[0].split(" Tên khác: ")[0] for _, row in rows]
    assert names == [p.full_name for p in current + gone]
    assert _in_cell_order(names[: len(current)]) and _in_cell_order(names[len(current) :])
    assert [row[0] for _, row in rows] == [
        *map(str, range(1, len(current) + 1)), *map(str, range(1, len(gone) + 1))
    ]  # fmt: skip
    first = rows[0][1]
    person = current[0]
    born = dt.date.fromisoformat(person.birth_date).strftime("%d/%m/%Y")
    assert first[1] == f"{person.full_name} Sinh {born}"
    assert first[2] == "Nam Kinh Không" and first[3] == person.native_place
    assert first[6] == dt.date.fromisoformat(person.ceremony_date).strftime("%d/%m/%Y")
    by_name = {row[1].split(" Sinh ")[0]: row for _, row in rows}
    assert by_name["Từ Bá Đạt"][9] == "08/12/2023 Đảng bộ xã Tuy Phước, tỉnh Gia Lai"
    assert by_name["Hồ Thị Thủy"][11] == "21/07/2026 Từ trần do tuổi cao"
    assert by_name["Nguyễn Ngọc Hiền"][12] == "21/11/2025 Xóa tên Số 167-QĐ/ĐU"
    assert by_name["Trần Tường Hằng"][13].startswith("Miễn công tác và sinh hoạt đảng")
    assert by_name["Châu Ngọc Giang"][13].startswith("Sinh hoạt tạm thời nơi khác từ ")
    heading = pdf.one(member_book.LEFT_HEADING)
    assert heading.fontnames == {"LiberationSerif-Bold"}
    assert pdf.one("Từ Bá Đạt").page >= heading.page


def test_member_book_repeats_its_header_on_every_page_and_numbers_pages(demo_register):
    pdf = assert_sound(render(demo_register, "7-HSĐV"), landscape=True)
    assert len(pdf.pages) > 2
    for found in tables(pdf):
        assert [clean(c) for c in found[0][0]] == BOOK_HEADERS
        assert [clean(c) for c in found[0][1]] == [str(i) for i in range(1, 15)]
    numbers = pdf.page_numbers()
    assert numbers == [None, *map(str, range(2, len(pdf.pages) + 1))]
    number = next(c for c in pdf.pages[1].chars if c["text"] == "2" and c["top"] < MARGINS.top)
    assert abs((number["x0"] + number["x1"]) / 2 - (MARGINS.left + BOOK_WIDTH / 2)) < 4
    last = len(pdf.pages)
    assert pdf.one("T/M CHI BỘ").page == last and pdf.one("T/M CHI BỘ").x0 > WIDE / 2


def _cell_of(reg, size: int) -> list[str]:
    """``size`` official members with varied Vietnamese names, one with a very long name and
    native place; their names in the order added."""
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Ông", "Âu"]
    middle = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức"]
    given = ["An", "Ánh", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Khánh", "Lan", "Ơn",
             "Ước", "Yến", "Thủy", "Thuỷ", "Thúy", "Ý"]  # fmt: skip
    names = []
    with reg.atomic():
        for i in range(size):
            name = LONG_NAME if i == 7 else f"{family[i % 10]} {middle[i % 7]} {given[i % 17]}"
            members.add_person(
                reg,
                {"full_name": name, "sex": "female" if i % 2 else "male",
                 "birth_date": f"{1950 + i % 50}", "membership": "official",
                 "ceremony_date": "10/10/2000", "official_date": "10/10/2001",
                 "native_place": LONG_PLACE if i == 7 else "Xã Phù Mỹ Đông, tỉnh Gia Lai",
                 "party_card_number": f"{80000000 + i:012d}"},
                allow_duplicate=True, today=TODAY,
            )  # fmt: skip
            names.append(name)
    return names


def test_a_300_member_book_paginates_with_no_row_lost_or_split(register):
    reg = register
    names = _cell_of(reg, 300)
    pdf = assert_sound(render(reg, "7-HSĐV"), landscape=True)
    rows = table_rows(pdf, "Số TT")
    assert [row[0] for _, row in rows] == [str(n) for n in range(1, 301)]  # none lost, none split
    printed = [row[1].split(" Sinh ")[0] for _, row in rows]
    assert sorted(printed) == sorted(names) and _in_cell_order(printed)
    cards = {name: f"{80000000 + i:012d}" for i, name in enumerate(names)}
    assert all(row[7] == cards[name] for (_, row), name in zip(rows, printed, strict=True))
    pages = {page for page, _ in rows}
    assert pages == set(range(1, len(pdf.pages) + 1)) and len(pages) > 30
    for page, found in zip(pdf.pages, tables(pdf), strict=True):  # the header on every page
        assert [clean(c) for c in found[0][0]] == BOOK_HEADERS
        assert [clean(c) for c in found[0][1]] == [str(i) for i in range(1, 15)]
        assert len(page.search("Quê quán")) == 1
    long_row = next(row for _, row in rows if row[1].startswith("Nguyễn Thị Hoàng"))
    assert long_row[1] == f"{LONG_NAME} Sinh 1957" and long_row[3] == clean(LONG_PLACE)
    assert crossing_rules(pdf) == []  # wrapped inside their cells, nothing over a rule
    assert rules_at(pdf, column_rules(member_book.COLUMNS, BOOK_WIDTH))


def test_a_row_taller_than_a_page_continues_on_the_next_with_nothing_lost(register):
    reg = register
    _cell_of(reg, 6)
    place = ("Thôn Trung Lương, xã Phù Mỹ Đông, tỉnh Gia Lai " * 7)[:300].strip()
    reason = ("Từ trần do bệnh nặng, gia đình đã báo cáo chi bộ và đảng ủy phường " * 15)[:1000]
    person = members.add_person(reg, {"full_name": "Lê Văn Tâm", "sex": "male",
                                      "birth_date": "1950", "membership": "official",
                                      "native_place": place}, today=TODAY)  # fmt: skip
    members.record_event(reg, person.id, "death", D(2026, 3, 2), reason=reason.strip(),
                         today=TODAY)  # fmt: skip
    pdf = assert_sound(render(reg, "7-HSĐV"), landscape=True)
    rows = table_rows(pdf, "Số TT")
    start = next(i for i, (_, row) in enumerate(rows) if row[1].startswith("Lê Văn Tâm"))
    parts = [row for _, row in rows[start + 1 :] if row[0] == ""]
    assert parts and rows[start][1][0] == "1"  # alone in the second part of the book
    assert len({page for page, _ in rows[start : start + 1 + len(parts)]}) == len(parts) + 1
    whole = [" ".join(c for c in cells if c) for cells in zip(rows[start][1], *parts, strict=True)]
    assert whole[3] == clean(place) and whole[11] == f"02/03/2026 {clean(reason)}"
    assert crossing_rules(pdf) == []


def test_member_book_of_a_cell_without_members(register):
    pdf = assert_sound(render(register, "7-HSĐV"), landscape=True)
    assert "Tổng số đảng viên: 0 đồng chí (chính thức 0, dự bị 0)." in pdf.flat()
    assert table_rows(pdf, "Số TT") == [] and member_book.LEFT_HEADING not in pdf.flat()


def test_member_book_refuses_a_character_outside_the_font_naming_the_field(register):
    _cell_of(register, 3)
    members.add_person(register, {"full_name": "Lê Văn Tâm", "sex": "male", "birth_date": "1980",
                                  "membership": "official", "native_place": "Thôn 中 Hòa"},
                       today=TODAY)  # fmt: skip
    with pytest.raises(fonts.MissingGlyphError) as caught:
        render(register, "7-HSĐV")
    message = str(caught.value)
    assert "7-HSĐV" in message and "«中»" in message and "«quê quán»" in message


# -- the sign-in sheet ----------------------------------------------------------------------


def _meeting(reg, *, held: bool, kind: str = "regular"):
    found = [m for m in meetings.list_meetings(reg) if m.held == held and m.kind == kind]
    return found[-1]


def test_sign_in_sheet_of_a_held_meeting_lists_its_roll_in_order_with_blank_signatures(
    demo_register,
):
    reg = demo_register
    m = _meeting(reg, held=True)
    detail = meetings.get_meeting(reg, m.id)
    pdf = assert_sound(render(reg, "DS-KT", meeting_id=m.id[:8]))
    text = pdf.flat()
    day = dt.date.fromisoformat(m.date)
    assert f"DANH SÁCH KÝ TÊN dự sinh hoạt thường kỳ ngày {day:%d/%m/%Y}" in text
    assert f"Nội dung: {m.topic}" in text and f"Địa điểm: {m.place}" in text
    date = pdf.one(f"Quy Nhơn Nam, ngày {day.day:02d} tháng {day.month} năm {day.year}")
    assert date.page == 1 and date.x0 > HALF - 30
    rows = table_rows(pdf, "TT")
    expected = [line for line in detail.roll if line.group == "member"]
    exempted = [line for line in detail.roll if line.group == "exempted"]
    assert [r[1] for _, r in rows[: len(expected)]] == [line.name for line in expected]
    assert _in_cell_order([line.name for line in expected])
    assert [r[1] for _, r in rows[len(expected) : len(expected) + len(exempted)]] == [
        line.name for line in exempted
    ]
    assert all(r[3] == "" and r[4] == "" for _, r in rows)  # nothing in the signature column
    assert {r[2] for _, r in rows[: len(expected)]} == {"Chính thức", "Dự bị"}
    spare = rows[len(expected) + len(exempted) :]
    assert [r for _, r in spare] == [[str(n), "", "", "", ""] for n in range(1, 6)]
    sections = [pdf.one(f"I. Đảng viên ({len(expected)} người)"),
                pdf.one(f"II. {sign_in_sheet.SECTIONS['exempted']} ({len(exempted)} người)"),
                pdf.one("III. Quần chúng, khách mời")]  # fmt: skip
    assert sorted(sections, key=lambda f: (f.page, f.top)) == sections
    assert f"Đảng viên phải có mặt: {len(expected)} đồng chí; có mặt: ........ đồng chí." in text
    chair, taker = pdf.find(m.chair_name)[-1], pdf.find(m.minute_taker_name)[-1]
    assert chair.page == taker.page == len(pdf.pages) and taker.x1 < HALF < chair.x0
    sign = pdf.find("Ký tên")[0]
    assert sign.page == 1 and HALF - 20 < sign.x0 < PAGE[0] - MARGINS.right


def test_sign_in_sheet_of_a_planned_meeting_lists_who_will_be_expected(demo_register):
    reg = demo_register
    m = _meeting(reg, held=False)
    assert meetings.get_meeting(reg, m.id).roll == []  # no roll yet in the register
    pdf = assert_sound(render(reg, "DS-KT", meeting_id=m.id))
    rows = table_rows(pdf, "TT")
    people = members.list_people(reg, {"official", "probationary"})
    attending = [p.full_name for p in people if not p.exempted and not p.temporarily_away]
    exempted = [p.full_name for p in people if p.exempted]
    assert [r[1] for _, r in rows] == [*attending, *exempted, "", "", "", "", ""]
    assert "Châu Ngọc Giang" not in pdf.flat()  # attached to another cell for now
    assert f"Đảng viên phải có mặt: {len(attending)} đồng chí" in pdf.flat()


def test_sign_in_sheet_wraps_a_long_name_inside_its_cell(small):
    reg = small.reg
    members.add_person(reg, {"full_name": LONG_NAME, "sex": "female", "birth_date": "1990",
                             "membership": "official", "ceremony_date": "01/01/2020"},
                       today=TODAY)  # fmt: skip
    m = meetings.add_meeting(reg, {"kind": "thematic", "date": D(2026, 11, 20), "held": True,
                                   "topic": "Chuyển đổi số"}, today=TODAY)  # fmt: skip
    meetings.record_rollcall(reg, m.id, [], today=TODAY)
    pdf = assert_sound(render(reg, "DS-KT", meeting_id=m.id))
    row = next(r for _, r in table_rows(pdf, "TT") if r[1].startswith("Nguyễn Thị Hoàng"))
    assert row == ["7", LONG_NAME, "Chính thức", "", ""]  # last by given name (Vy), whole
    assert crossing_rules(pdf) == []
    assert rules_at(
        pdf, column_rules(sign_in_sheet.COLUMNS, PAGE[0] - MARGINS.left - MARGINS.right)
    )


def test_sign_in_sheet_of_a_committee_meeting_has_rows_to_fill(small):
    reg = small.reg
    m = meetings.add_meeting(
        reg, {"kind": "committee", "date": D(2026, 12, 2), "held": False}, today=TODAY
    )
    pdf = assert_sound(render(reg, "DS-KT", meeting_id=m.id))
    assert "dự họp chi ủy ngày 02/12/2026" in pdf.flat()
    rows = table_rows(pdf, "TT")
    assert [r for _, r in rows] == [[str(n), "", "", "", ""] for n in range(1, 13)]
    assert "I. Người dự" in pdf.flat() and "Có mặt: ........ người." in pdf.flat()


def test_meeting_forms_need_a_meeting(small):
    with pytest.raises(StateError, match="chọn buổi"):
        registry.render(small.reg, "DS-KT", today=TODAY)
    with pytest.raises(StateError, match="chọn buổi"):
        registry.render(small.reg, "BB-SH", person_id=small.officials[0], today=TODAY)
    with pytest.raises(NotFoundError, match="zzzz"):
        registry.render(small.reg, "BB-SH", meeting_id="zzzz", today=TODAY)


# -- the minutes skeleton -------------------------------------------------------------------


def test_minutes_of_a_held_meeting_print_its_officers_and_roll(small):
    reg = small.reg
    with unchanged():
        pdf = assert_sound(render(reg, "BB-SH", meeting_id=small.meeting))
    text = pdf.flat()
    title = pdf.one("BIÊN BẢN")
    assert title.page == 1 and title.fontnames == {"LiberationSerif-Bold"}
    centre = (MARGINS.left + PAGE[0] - MARGINS.right) / 2
    assert abs((title.x0 + title.x1) / 2 - centre) < 2
    for sentence in (
        "BIÊN BẢN Sinh hoạt chi bộ thường kỳ tháng 6/2026",
        "Thời gian: bắt đầu lúc ...... giờ ...... phút, ngày 16 tháng 6 năm 2026.",
        "Nội dung: Sinh hoạt chi bộ tháng 6",
        "Chủ trì: đồng chí Nguyễn Văn An, chức vụ: ....",
        "Thư ký: đồng chí Trần Thị Bình",
        "Tổng số đảng viên của chi bộ: 6 đồng chí, trong đó chính thức 4 đồng chí, dự bị 2 "
        "đồng chí.",
        "Đảng viên phải có mặt: 6 đồng chí.",
        "Có mặt: 5 đồng chí; vắng mặt: 1 đồng chí, trong đó có lý do 1 đồng chí, không có lý "
        "do 0 đồng chí.",
        "Vắng có lý do: Phạm Thị Dung (Đi công tác Hà Nội).",
        "Buổi sinh hoạt thường kỳ kết thúc lúc ...... giờ ...... phút cùng ngày.",
    ):
        assert sentence in text, sentence
    assert "Địa điểm: ....." in text and "Vắng không có lý do" not in text
    sections = minutes.SECTIONS["regular"]
    heads = [pdf.one(f"{n}. {t}") for n, (t, _) in zip(minutes.ROMAN, sections, strict=False)]
    assert sorted(heads, key=lambda f: (f.page, f.top)) == heads
    assert all(h.x0 < MARGINS.left + 1 for h in heads)
    dotted = [line for page in pdf.pages for line in page.lines if line["x1"] - line["x0"] > 400]
    assert len(dotted) == sum(lines for _, lines in sections)
    last = len(pdf.pages)
    taker, chair = pdf.find("Trần Thị Bình")[-1], pdf.find("Nguyễn Văn An")[-1]
    assert taker.page == chair.page == last and taker.x1 < HALF < chair.x0
    assert pdf.one("THƯ KÝ").x1 < HALF < pdf.one("CHỦ TRÌ").x0


def test_minutes_of_a_planned_meeting_leave_the_attendance_to_fill(demo_register):
    reg = demo_register
    m = _meeting(reg, held=False)
    text = assert_sound(render(reg, "BB-SH", meeting_id=m.id)).flat()
    assert "Sinh hoạt chi bộ thường kỳ tháng 11/2026" in text
    assert "Tổng số đảng viên của chi bộ: 36 đồng chí, trong đó chính thức 31 đồng chí, dự bị 5 " \
           "đồng chí; được miễn công tác và sinh hoạt đảng 2 đồng chí." in text  # fmt: skip
    assert (
        "Có mặt: ...... đồng chí; vắng mặt: ...... đồng chí, trong đó có lý do ...... đồng chí, "
        "không có lý do ...... đồng chí." in text
    )
    assert "Chủ trì: đồng chí ....." in text and "Vắng có lý do" not in text


def test_minutes_of_a_thematic_meeting_with_late_and_absent_members(small):
    reg = small.reg
    an, binh, cuong, _dung = small.officials
    m = meetings.add_meeting(reg, {"kind": "thematic", "date": D(2026, 9, 15), "held": True,
                                   "place": "Phòng họp nhà trường"}, today=TODAY)  # fmt: skip
    meetings.record_rollcall(reg, m.id, [Entry("late", binh), Entry("absent", cuong)], today=TODAY)
    text = assert_sound(render(reg, "BB-SH", meeting_id=m.id)).flat()
    assert "BIÊN BẢN Sinh hoạt chuyên đề ngày 15/09/2026" in text
    assert "Địa điểm: Phòng họp nhà trường" in text
    assert "Có mặt: 5 đồng chí (đến muộn 1 đồng chí); vắng mặt: 1 đồng chí, trong đó có lý do " \
           "0 đồng chí, không có lý do 1 đồng chí." in text  # fmt: skip
    assert "Đến muộn: Trần Thị Bình." in text and "Vắng không có lý do: Lê Văn Cường." in text
    assert "I. Nội dung chuyên đề" in text and "IV." not in text
    assert members.get_person(reg, an).full_name not in text  # came, no chair recorded


# -- the pool review ------------------------------------------------------------------------


def test_pool_review_lists_the_procedure_with_stages_dates_and_deadlines(demo_register):
    reg = demo_register
    listed = development.list_candidates(reg, TODAY)
    with unchanged():
        pdf = assert_sound(render(reg, "RS-NPT"), landscape=True)
    text = pdf.flat()
    assert "DANH SÁCH RÀ SOÁT NGUỒN PHÁT TRIỂN ĐẢNG VIÊN Quý IV năm 2026" in text
    candidates = [r for r in listed if r.status == "candidate"]
    probationary = [r for r in listed if r.status == "probationary"]
    assert f"I. {pool_review.SECTIONS['candidate']} ({len(candidates)} người)" in text
    assert f"II. Đảng viên dự bị ({len(probationary)} người)" in text
    rows = table_rows(pdf, "TT")
    assert [r[1].split(" Sinh ")[0] for _, r in rows] == [
        r.full_name for r in candidates + probationary
    ]
    for (_, row), r in zip(rows, candidates + probationary, strict=True):
        assert row[2] == r.stage and row[4] == r.mentors and row[7] == ""
        due = dt.date.fromisoformat(r.next_due)
        late = due < TODAY
        assert row[5] == format_vn(due) + (" (quá hạn)" if late else "")
        assert row[6] == ("Quá hạn: " if late else "") + r.next_what
        assert row[3].startswith(f"{format_vn(dt.date.fromisoformat(r.since))} cảm tình Đảng") \
            or r.status == "probationary"  # fmt: skip
    overdue = [r for r in listed if dt.date.fromisoformat(r.next_due) < TODAY]
    assert [r.full_name for r in overdue] == ["Phan Kim Quyên"]
    bui = next(row for _, row in rows if row[1].startswith("Bùi Tuấn Bình"))
    assert "09/04/2026 lễ kết nạp" in bui[3] and "09/04/2027 hết thời gian dự bị" in bui[3]
    head = pdf.find("Các mốc")[0]
    assert head.page == 1 and MARGINS.left < head.x0 < WIDE / 2


def test_pool_review_of_an_empty_pool(register):
    pdf = registry.render(register, "RS-NPT", today=D(2026, 2, 3))
    text = assert_sound(pdf, landscape=True).flat()
    assert "Quý I năm 2026" in text and text.count("Không có ai.") == 2
    assert "0 quần chúng đang trong danh sách cảm tình Đảng, 0 đảng viên dự bị" in text


@pytest.mark.parametrize(("month", "text"), [(1, "Quý I"), (5, "Quý II"), (9, "Quý III"),
                                              (12, "Quý IV")])  # fmt: skip
def test_quarters_are_in_roman_numerals(month, text):
    assert pool_review.quarter(D(2026, month, 1)) == f"{text} năm 2026"


# -- the Today sheet ------------------------------------------------------------------------


def test_today_sheet_groups_the_today_list_overdue_then_due_soon(demo_register):
    reg = demo_register
    items = today_service.todo(reg, TODAY)
    overdue = [i for i in items if i.overdue(TODAY)]
    soon = [i for i in items if not i.overdue(TODAY)]
    assert overdue and soon
    with unchanged():
        pdf = assert_sound(render(reg, "VIEC"), landscape=True)
    text = pdf.flat()
    assert "DANH SÁCH VIỆC CẦN LÀM tính đến ngày 22/11/2026" in text
    first, second = (
        pdf.one(f"I. Quá hạn ({len(overdue)} việc)"),
        pdf.one(f"II. Đến hạn trong 90 ngày tới ({len(soon)} việc)"),
    )
    assert (first.page, first.top) < (second.page, second.top)
    rows = [r for _, r in table_rows(pdf, "TT")]
    assert len(rows) == len(items)
    for row, item in zip(rows, overdue + soon, strict=True):
        days = (item.due - TODAY).days
        when = f"quá hạn {-days} ngày" if days < 0 else f"còn {days} ngày"
        assert row[1] == f"{format_vn(item.due)} ({when})"
        assert row[2] == item.person_name and row[3] == item.message and row[4] == item.why
        assert row[5] == f"{item.basis_label} {format_vn(item.basis)}".strip()
    assert [r[0] for r in rows] == [*map(str, range(1, len(overdue) + 1)),
                                    *map(str, range(1, len(soon) + 1))]  # fmt: skip
    rules = column_rules(today_sheet.COLUMNS, BOOK_WIDTH)
    rule = pdf.find("Chu kỳ sinh hoạt thường kỳ của chi bộ: 1 tháng")[0]  # in its column
    assert rules[4] < rule.x0 < rule.x1 < rules[5]
    assert crossing_rules(pdf) == [] and rules_at(pdf, rules)


def test_today_sheet_with_nothing_to_do(register):
    text = assert_sound(render(register, "VIEC"), landscape=True).flat()
    assert "I. Quá hạn (0 việc)" in text and "Không có việc nào." in text


def test_the_when_column_counts_days_both_ways():
    item = TodoItem("", "Chi bộ", "x", TODAY, "r", "s", "sure", "m", None, "", "")
    assert today_sheet.when(item, TODAY) == "hôm nay"
    assert today_sheet.when(item, TODAY - dt.timedelta(days=3)) == "còn 3 ngày"
    assert today_sheet.when(item, TODAY + dt.timedelta(days=1)) == "quá hạn 1 ngày"


# -- the registry and the command line ------------------------------------------------------


def test_the_cell_forms_are_listed_with_their_subjects():
    subjects = {s.code: s.subject for s in registry.list_forms()}
    assert {code: subjects[code] for code in ("7-HSĐV", "DS-KT", "BB-SH", "RS-NPT", "VIEC")} == {
        "7-HSĐV": "cell", "DS-KT": "meeting", "BB-SH": "meeting", "RS-NPT": "cell",
        "VIEC": "cell",
    }  # fmt: skip
    assert registry.get_form("7-hsdv").code == "7-HSĐV"
    assert not any(s.numbered for s in registry.list_forms() if s.subject != "person")


def test_print_from_the_command_line_gives_the_same_pdfs(demo_template, tmp_path, capsys,
                                                         monkeypatch):  # fmt: skip
    from desktop_app import paths
    from desktop_app.services import registers

    target = tmp_path / "so.sochibo"
    shutil.copy2(demo_template, target)
    shutil.copy2(key_path(demo_template), key_path(target))
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", paths.DEMO_PASSPHRASE)
    with registers.open_register(target, paths.DEMO_PASSPHRASE) as reg:
        m = _meeting(reg, held=True)
        window = {code: render(reg, code, meeting_id=mid)
                  for code, mid in (("7-HSĐV", None), ("BB-SH", m.id))}  # fmt: skip
    for code, extra in (("7-HSĐV", []), ("BB-SH", ["--meeting", m.id[:8]])):
        out = tmp_path / f"{code}.pdf"
        args = ["print", code, *extra, "--out", out, "--on", "22/11/2026", "--register", target]
        assert main([str(a) for a in args]) == 0
        assert out.read_bytes() == window[code]
    capsys.readouterr()
    assert main(["print", "DS-KT", "--out", str(tmp_path / "x.pdf"), "--register",
                 str(target)]) != 0  # fmt: skip
    assert "chọn buổi" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
