"""The dossier papers written about or by one person (5-, 10-, 11-, 12-KNĐ), read back from the
PDF: what the register knows printed exactly (NFC) where it belongs on the page, what it does
not know left as dotted blanks, A4, embedded Liberation Serif only, the margins kept, a very
long name wrapped, no document number taken, and each form refused, naming the person, for
whom it does not apply."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.errors import StateError
from desktop_app.forms import fonts, kn_05, kn_10, kn_11, kn_12, registry
from desktop_app.forms.layout import MARGINS, PAGE
from desktop_app.services import development, documents, members
from tests.conftest import TODAY
from tests.forms.conftest import render
from tests.forms.pdfcheck import assert_sound
from tests.services.pipeline import official, unchanged

D = dt.date
HALF = PAGE[0] / 2
CENTRE = (MARGINS.left + PAGE[0] - MARGINS.right) / 2  # of the text area
CELL_NAME = "Chi bộ Trường THPT Nguyễn Trân"
SECRETARY = "Trần Thị Thu Hà"
UNDATED = "Quy Nhơn Nam, ngày ....... tháng ....... năm ......."
PROBATIONARY_FORMS = ("10-KNĐ", "11-KNĐ", "12-KNĐ")


def _candidate(reg, name: str = "Võ Thị Ngọc Hân", **extra) -> str:
    person = development.add_candidate(
        reg,
        {"full_name": name, "sex": "female", "birth_date": "21/07/2001",
         "native_place": "Xã Tuy Phước, tỉnh Gia Lai",
         "residence": "Tổ 3, khu phố 5, phường Quy Nhơn Nam, tỉnh Gia Lai",
         "occupation": "Giáo viên", **extra},
        pool_date=D(2026, 1, 5), today=TODAY,
    )  # fmt: skip
    return person.id


def _centred(found) -> bool:
    return abs((found.x0 + found.x1) / 2 - CENTRE) < 2


def _in_order(pdf, *phrases: str) -> bool:
    found = [pdf.one(p) for p in phrases]
    return sorted(found, key=lambda f: (f.page, f.top)) == found


def _signed_at_right_of_last_page(pdf, role: str, name: str) -> None:
    last = len(pdf.pages)
    signer, title = pdf.find(name)[-1], pdf.one(role)  # the name may be in the text too
    assert signer.page == last and title.page == last
    assert signer.x0 > HALF and title.x0 > HALF and title.top < signer.top
    assert signer.fontnames == {"LiberationSerif-Bold"}


def _refused(reg, code: str, person_id: str) -> str:
    assert registry.refusal(reg, code, person_id=person_id, today=TODAY) is not None
    with unchanged(), pytest.raises(StateError) as caught:
        render(reg, code, person_id)
    message = str(caught.value)
    assert code in message
    return message


# -- 5-KNĐ ----------------------------------------------------------------------------------


def test_5knd_prints_the_candidate_and_leaves_the_comments_to_hand(small):
    reg = small.reg
    pid = _candidate(reg)
    development.record_step(reg, pid, "comments_summary", D(2026, 3, 20), today=TODAY)
    with unchanged():  # a summary takes no number
        pdf = assert_sound(render(reg, "5-KNĐ", pid))
    text = pdf.flat()
    assert pdf.one("ĐẢNG BỘ PHƯỜNG").x1 < HALF
    cell = pdf.one("CHI BỘ TRƯỜNG")
    assert cell.x1 < HALF and cell.fontnames == {"LiberationSerif-Bold"}
    assert pdf.one("ĐẢNG CỘNG SẢN VIỆT NAM").x0 > HALF - 30
    date = pdf.one("Quy Nhơn Nam, ngày 20 tháng 3 năm 2026")
    assert date.x0 > HALF - 30 and date.fontnames == {"LiberationSerif-Italic"}
    title = pdf.one("TỔNG HỢP Ý KIẾN NHẬN XÉT")
    assert _centred(title) and title.fontnames == {"LiberationSerif-Bold"}
    assert "Số " not in pdf.text(1).split("TỔNG HỢP")[0]  # not a numbered document
    for sentence in (
        "của đoàn thể chính trị - xã hội nơi làm việc và chi ủy nơi cư trú đối với người vào Đảng",
        "Họ và tên quần chúng: Võ Thị Ngọc Hân, sinh ngày 21/07/2001",
        "Quê quán: Xã Tuy Phước, tỉnh Gia Lai",
        "Nơi cư trú: Tổ 3, khu phố 5, phường Quy Nhơn Nam, tỉnh Gia Lai",
        "Nghề nghiệp: Giáo viên",
        "Chi ủy đã lấy ý kiến nhận xét của các đoàn thể chính trị - xã hội nơi quần chúng Võ "
        "Thị Ngọc Hân làm việc và của chi ủy (chi bộ) nơi cư trú; kết quả tổng hợp như sau:",
        "Số người được lấy ý kiến: ...... người; số đồng ý kết nạp vào Đảng: ...... người; số "
        "không đồng ý: ...... người.",
    ):
        assert sentence in text, sentence
    assert pdf.one("Tên đoàn thể: ....").x0 == pytest.approx(MARGINS.left, abs=1)
    assert pdf.one("Chi ủy (chi bộ) nơi cư trú: ....")
    assert _in_order(
        pdf,
        "1. Ý kiến nhận xét của đoàn thể chính trị - xã hội nơi làm việc:",
        "- Ưu điểm chính:",
        "- Khuyết điểm, hạn chế chính:",
        "2. Ý kiến nhận xét của chi ủy (chi bộ) nơi cư trú:",
        "3. Nhận xét chung của chi ủy:",
        "T/M CHI BỘ",
    )
    _signed_at_right_of_last_page(pdf, "BÍ THƯ", SECRETARY)
    assert documents.list_documents(reg) == []


def test_5knd_is_dated_by_hand_and_blank_where_the_register_knows_nothing(small):
    reg = small.reg
    pid = development.add_candidate(
        reg, {"full_name": "Lê Minh Khoa", "sex": "male", "birth_date": "2000"},
        pool_date=D(2026, 1, 5), today=TODAY,
    ).id  # fmt: skip
    pdf = assert_sound(render(reg, "5-KNĐ", pid))
    text = pdf.flat()
    date = pdf.one(UNDATED)
    assert date.x0 > HALF - 60 and date.bottom - date.top < 20
    assert "Họ và tên quần chúng: Lê Minh Khoa, sinh năm 2000" in text
    for label in ("Quê quán: ....", "Nơi cư trú: ....", "Nghề nghiệp: ...."):
        assert pdf.one(label).x0 == pytest.approx(MARGINS.left, abs=1), label


def test_5knd_reprints_once_the_summary_is_recorded(small):
    """Duyên is probationary now; her summary is in the dossier, so it can be printed again."""
    assert registry.refusal(small.reg, "5-KNĐ", person_id=small.candidate, today=TODAY) is None
    text = assert_sound(render(small.reg, "5-KNĐ", small.candidate)).flat()
    assert "Quy Nhơn Nam, ngày 20 tháng 3 năm 2025" in text
    assert "Họ và tên quần chúng: Huỳnh Thị Mỹ Duyên, sinh ngày 10/05/1998" in text


def test_5knd_is_refused_outside_the_admission_procedure(small):
    message = _refused(small.reg, "5-KNĐ", small.newcomer)
    assert "«Đặng Thu Thảo» không phải quần chúng" in message and "(dự bị)" in message
    message = _refused(small.reg, "5-KNĐ", small.officials[0])
    assert "«Nguyễn Văn An»" in message and "(chính thức)" in message


# -- 10-KNĐ ---------------------------------------------------------------------------------


def test_10knd_prints_the_admission_ceremony_and_end_of_probation(small):
    reg = small.reg
    with unchanged():
        pdf = assert_sound(render(reg, "10-KNĐ", small.candidate))
    text = pdf.flat()
    assert "ĐẢNG BỘ" not in text and "Số " not in text  # the member's own paper
    assert pdf.one("ĐẢNG CỘNG SẢN VIỆT NAM").x0 > HALF - 30
    date = pdf.one("Quy Nhơn Nam, ngày 03 tháng 6 năm 2026")  # the self-review recorded
    assert date.x0 > HALF - 30 and date.fontnames == {"LiberationSerif-Italic"}
    assert _centred(pdf.one("BẢN TỰ KIỂM ĐIỂM")) and _centred(pdf.one("của đảng viên dự bị"))
    assert _centred(pdf.one(f"Kính gửi: {CELL_NAME}"))
    for line in (
        "Họ và tên: Huỳnh Thị Mỹ Duyên, sinh ngày 10/05/1998",
        "Được kết nạp vào Đảng theo Quyết định số 45-QĐ/ĐU, ngày 12/05/2025",
        "Vào Đảng (lễ kết nạp) ngày 02/06/2025; hết thời gian dự bị ngày 02/06/2026",
        f"Đang sinh hoạt tại: {CELL_NAME}",
    ):
        assert pdf.one(line).x0 == pytest.approx(MARGINS.left, abs=1), line
    assert "Chức vụ trong Đảng, chính quyền, đoàn thể: ....." in text
    assert _in_order(
        pdf,
        "1. Ưu điểm",
        "a) Nhận thức, tư tưởng chính trị;",
        "b) Phẩm chất đạo đức, lối sống:",
        "c) Thực hiện chức trách, nhiệm vụ được giao:",
        "d) Thực hiện nhiệm vụ đảng viên; quan hệ với quần chúng:",
        "2. Khuyết điểm, hạn chế và nguyên nhân",
        "3. Biện pháp khắc phục, hướng phấn đấu",
        "NGƯỜI TỰ KIỂM ĐIỂM",
    )
    assert pdf.one("1. Ưu điểm").fontnames == {"LiberationSerif-Bold"}
    assert (
        "Tôi đề nghị chi bộ xem xét, đề nghị cấp ủy cấp trên công nhận tôi là đảng viên chính "
        "thức của Đảng Cộng sản Việt Nam." in text
    )
    _signed_at_right_of_last_page(pdf, "NGƯỜI TỰ KIỂM ĐIỂM", "Huỳnh Thị Mỹ Duyên")
    assert pdf.one("(Ký, ghi rõ họ tên)").fontnames == {"LiberationSerif-Italic"}
    assert pdf.page_numbers() == [None, "2"]


def test_10knd_for_a_member_typed_in_leaves_the_decision_blank(small):
    pdf = assert_sound(render(small.reg, "10-KNĐ", small.newcomer))
    text = pdf.flat()
    assert pdf.one(UNDATED).x0 > HALF - 60
    assert "Được kết nạp vào Đảng theo Quyết định số ................, ngày ....." in text
    assert "Vào Đảng (lễ kết nạp) ngày 01/03/2026; hết thời gian dự bị ngày 01/03/2027" in text


def test_10knd_headings_are_never_left_alone_at_the_foot_of_a_page(small):
    pdf = assert_sound(render(small.reg, "10-KNĐ", small.candidate))
    for heading in ("d) Thực hiện nhiệm vụ đảng viên", "2. Khuyết điểm", "3. Biện pháp"):
        found = pdf.one(heading)
        lines = [
            line
            for line in pdf.pages[found.page - 1].lines + pdf.pages[found.page - 1].curves
            if line["top"] > found.bottom
        ]
        assert lines, f"{heading!r} has no writing line under it on page {found.page}"


def test_10knd_is_refused_for_a_candidate_and_an_official_member(small):
    reg = small.reg
    pid = _candidate(reg)
    message = _refused(reg, "10-KNĐ", pid)
    assert "«Võ Thị Ngọc Hân» không phải đảng viên dự bị (quần chúng)" in message
    message = _refused(reg, "10-KNĐ", small.officials[1])
    assert "«Trần Thị Bình» không phải đảng viên dự bị (chính thức)" in message


def test_the_probation_papers_reprint_after_recognition(small):
    reg = small.reg
    development.record_step(
        reg, small.candidate, "recognition", D(2026, 7, 1), reference="77-QĐ/ĐU", today=TODAY
    )
    assert members.get_person(reg, small.candidate).status == "official"
    for code in PROBATIONARY_FORMS:
        assert registry.refusal(reg, code, person_id=small.candidate, today=TODAY) is None
        assert "Huỳnh Thị Mỹ Duyên" in assert_sound(render(reg, code, small.candidate)).flat()


# -- 11-KNĐ ---------------------------------------------------------------------------------


def test_11knd_prints_the_helper_of_the_recorded_assessment(small):
    reg = small.reg
    with unchanged():
        pdf = assert_sound(render(reg, "11-KNĐ", small.candidate))
    text = pdf.flat()
    assert text.count("BẢN NHẬN XÉT ĐẢNG VIÊN DỰ BỊ") == 1
    assert _centred(pdf.one("BẢN NHẬN XÉT ĐẢNG VIÊN DỰ BỊ"))
    assert _centred(pdf.one("của đảng viên chính thức được phân công giúp đỡ"))
    date = pdf.one("Quy Nhơn Nam, ngày 04 tháng 6 năm 2026")
    assert date.x0 > HALF - 30
    for sentence in (
        f"Kính gửi: {CELL_NAME}",
        "Tôi là: Nguyễn Văn An, sinh năm 1970",
        "Vào Đảng ngày 10/10/2000, chính thức ngày 10/10/2001",
        "Được chi bộ phân công giúp đỡ đồng chí Huỳnh Thị Mỹ Duyên từ ngày 03/09/2024, tôi "
        "xin báo cáo với chi bộ nhận xét về đảng viên dự bị:",
        "Họ và tên: Huỳnh Thị Mỹ Duyên, sinh ngày 10/05/1998",
        "Được kết nạp vào Đảng theo Quyết định số 45-QĐ/ĐU, ngày 12/05/2025",
        "Vào Đảng (lễ kết nạp) ngày 02/06/2025; hết thời gian dự bị ngày 02/06/2026",
    ):
        assert sentence in text, sentence
    assert _in_order(pdf, *(heading.split(";")[0] for heading, _ in kn_11.SECTIONS))
    _signed_at_right_of_last_page(pdf, "NGƯỜI GIÚP ĐỠ", "Nguyễn Văn An")


def test_11knd_one_letter_per_active_helper_each_numbered_from_its_first_page(small):
    reg = small.reg
    an, _b, cuong, _d = small.officials
    development.assign_mentor(reg, small.newcomer, an, D(2026, 3, 5), today=TODAY)
    development.assign_mentor(
        reg, small.newcomer, cuong, D(2026, 3, 9), joint_since=D(2020, 1, 1), today=TODAY
    )
    pdf = assert_sound(render(reg, "11-KNĐ", small.newcomer))
    text = pdf.flat()
    heads = pdf.find("BẢN NHẬN XÉT ĐẢNG VIÊN DỰ BỊ")
    assert len(heads) == 2 and heads[0].page == 1
    assert len(pdf.find(UNDATED)) == 2  # no assessment recorded: dated by hand
    assert "Tôi là: Nguyễn Văn An, sinh năm 1970" in text
    assert "Tôi là: Lê Văn Cường, sinh năm 1970" in text
    assert "giúp đỡ đồng chí Đặng Thu Thảo từ ngày 05/03/2026" in text
    assert "giúp đỡ đồng chí Đặng Thu Thảo từ ngày 09/03/2026" in text
    numbers = pdf.page_numbers()
    second = heads[1].page
    assert numbers[0] is None and numbers[second - 1] is None
    assert numbers[1] == "2" and numbers[second] == "2"
    signers = pdf.find("NGƯỜI GIÚP ĐỠ")
    assert len(signers) == 2 and all(s.x0 > HALF for s in signers)


def test_11knd_is_refused_without_a_helper_and_for_a_candidate(small):
    reg = small.reg
    message = _refused(reg, "11-KNĐ", small.newcomer)
    assert "«Đặng Thu Thảo» chưa có đảng viên chính thức được phân công giúp đỡ" in message
    helper = development.assign_mentor(
        reg, small.newcomer, small.officials[2], D(2026, 3, 5), today=TODAY
    )
    assert registry.refusal(reg, "11-KNĐ", person_id=small.newcomer, today=TODAY) is None
    development.end_mentorship(reg, helper.id, D(2026, 9, 1), "Chuyển công tác", today=TODAY)
    assert "chưa có đảng viên chính thức" in _refused(reg, "11-KNĐ", small.newcomer)
    message = _refused(reg, "11-KNĐ", _candidate(reg))
    assert "«Võ Thị Ngọc Hân» không phải đảng viên dự bị (quần chúng)" in message


# -- 12-KNĐ ---------------------------------------------------------------------------------


def test_12knd_prints_the_probationary_member_and_leaves_the_comments_to_hand(small):
    reg = small.reg
    with unchanged():
        pdf = assert_sound(render(reg, "12-KNĐ", small.candidate))
    text = pdf.flat()
    assert pdf.one("ĐẢNG BỘ PHƯỜNG").x1 < HALF and pdf.one("CHI BỘ TRƯỜNG").x1 < HALF
    assert pdf.one("Quy Nhơn Nam, ngày 05 tháng 6 năm 2026").x0 > HALF - 30
    assert _centred(pdf.one("TỔNG HỢP Ý KIẾN NHẬN XÉT"))
    for sentence in (
        "của đoàn thể chính trị - xã hội nơi làm việc và chi ủy nơi cư trú đối với đảng viên dự bị",
        "Họ và tên đảng viên dự bị: Huỳnh Thị Mỹ Duyên, sinh ngày 10/05/1998",
        "Vào Đảng ngày 02/06/2025; hết thời gian dự bị ngày 02/06/2026",
        "nơi đảng viên dự bị Huỳnh Thị Mỹ Duyên làm việc",
        "Số người được lấy ý kiến: ...... người; số đồng ý công nhận đảng viên chính thức: "
        "...... người; số không đồng ý: ...... người.",
    ):
        assert sentence in text, sentence
    assert "Nơi cư trú: ....." in text and "Nghề nghiệp: ....." in text
    assert "kết nạp vào Đảng:" not in text
    _signed_at_right_of_last_page(pdf, "BÍ THƯ", SECRETARY)
    assert pdf.one("T/M CHI BỘ").x0 > HALF


def test_12knd_is_refused_for_a_candidate_and_an_official_member(small):
    reg = small.reg
    assert "«Võ Thị Ngọc Hân» không phải đảng viên dự bị" in _refused(
        reg, "12-KNĐ", _candidate(reg)
    )
    assert "«Lê Văn Cường» không phải đảng viên dự bị" in _refused(
        reg, "12-KNĐ", small.officials[2]
    )


# -- all four -------------------------------------------------------------------------------


def test_none_of_the_four_is_a_numbered_document():
    assert [s.numbered for s in (kn_05.SPEC, kn_10.SPEC, kn_11.SPEC, kn_12.SPEC)] == [False] * 4


def test_which_forms_apply_to_whom(small):
    reg = small.reg
    applies = lambda pid: [s.code for s in registry.forms_for_person(reg, pid, TODAY)]  # noqa: E731
    assert applies(small.newcomer) == ["10-KNĐ", "12-KNĐ", "DM-HS"]
    assert applies(_candidate(reg)) == ["3-KNĐ", "5-KNĐ", "DM-HS"]
    assert applies(small.officials[0]) == []


def test_a_very_long_name_wraps_in_all_four(small):
    reg = small.reg
    long_name = "Nguyễn Thị Hoàng Phương Thảo Nguyên Khánh Linh Ngọc Bảo Châu Mai Anh Thư Hà Vy"
    long_place = "Thôn Chánh Thạnh, xã Phù Mỹ Đông, tỉnh Gia Lai " * 6
    candidate = _candidate(reg, long_name, native_place=long_place, residence=long_place)
    helper = official(reg, "Tôn Nữ Thị Hoàng Lan Phương Thảo Nguyên Khánh Linh Ngọc Bảo Châu")
    member = members.add_person(
        reg,
        {"full_name": long_name, "sex": "female", "birth_date": "01/01/1999",
         "membership": "probationary", "ceremony_date": "01/03/2026", "residence": long_place},
        allow_duplicate=True, today=TODAY,
    ).id  # fmt: skip
    development.assign_mentor(reg, member, helper, D(2026, 3, 5), today=TODAY)
    for code, pid in (("5-KNĐ", candidate), *((c, member) for c in PROBATIONARY_FORMS)):
        pdf = assert_sound(render(reg, code, pid))
        text = pdf.flat()
        assert long_name in text, code
        if code == "11-KNĐ":
            assert "Tôn Nữ Thị Hoàng Lan Phương Thảo Nguyên Khánh Linh Ngọc Bảo Châu" in text
        widest = max(c["x1"] for page in pdf.pages for c in page.chars)
        assert widest <= PAGE[0] - MARGINS.right + 0.5, code


def test_a_character_outside_the_font_is_refused_naming_the_form_and_field(small):
    reg = small.reg
    pid = _candidate(reg, residence="Thôn 中 Hòa, xã Phù Mỹ")
    with pytest.raises(fonts.MissingGlyphError) as caught:
        render(reg, "5-KNĐ", pid)
    message = str(caught.value)
    assert "5-KNĐ" in message and "«中»" in message and "«nơi cư trú»" in message


def test_every_demo_person_gets_each_form_that_applies(demo_register):
    reg = demo_register
    seen: dict[str, int] = {}
    for row in development.list_candidates(reg, TODAY):
        for code in ("5-KNĐ", *PROBATIONARY_FORMS):
            if registry.refusal(reg, code, person_id=row.person_id, today=TODAY) is not None:
                continue
            pdf = assert_sound(render(reg, code, row.person_id))
            assert row.full_name in pdf.flat()
            pdf.close()
            seen[code] = seen.get(code, 0) + 1
    rows = development.list_candidates(reg, TODAY)
    assert seen["5-KNĐ"] == sum(r.status == "candidate" for r in rows)
    probationary = sum(r.status == "probationary" for r in rows)
    assert seen["10-KNĐ"] == seen["11-KNĐ"] == seen["12-KNĐ"] == probationary > 0
