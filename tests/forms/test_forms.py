"""Every form, rendered from a register and read back: the Vietnamese text exactly (NFC) where
it belongs on the page, A4, embedded Liberation Serif only, the margins kept, register facts
printed and missing ones left as dotted blanks, and the forms refused for whom they do not
apply, naming the person."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.errors import NotFoundError, StateError
from desktop_app.forms import fonts, registry
from desktop_app.forms.layout import MARGINS, PAGE
from desktop_app.forms.resolution import percent
from desktop_app.services import cell as cell_service
from desktop_app.services import development, documents, meetings, members
from desktop_app.store import journal
from tests.conftest import TODAY
from tests.forms.conftest import demo_person, render
from tests.forms.pdfcheck import assert_sound
from tests.services.pipeline import unchanged

HALF = PAGE[0] / 2


def _passed(reg, person_id: str, kind: str):
    pipe = development.pipeline(reg, person_id, TODAY)
    return pipe, next(s for s in pipe.steps if s.kind == kind and s.details.get("passed"))


# -- 6-KNĐ ----------------------------------------------------------------------------------


def test_6knd_prints_the_recorded_vote_of_a_demo_candidate(demo_register):
    reg = demo_register
    pid = demo_person(reg, "6-KNĐ")
    pipe, vote = _passed(reg, pid, "admission_vote")
    pdf = assert_sound(render(reg, "6-KNĐ", pid))
    issued = documents.find_document(reg, "6-KNĐ", vote.id)
    assert issued is not None and issued.person_id == pid
    number = pdf.one(f"Số {issued.text}")
    assert number.page == 1 and number.x1 < HALF
    typed = [m.resolution for m in meetings.list_meetings(reg) if m.resolution]
    assert typed and issued.number > max(int(t.split("-")[0]) for t in typed)  # not reused
    d = vote.details
    day = dt.date.fromisoformat(vote.date)
    counted, exempted = development.electorate(reg, day)
    assert counted == d["official_total"]
    text = pdf.flat()
    name = pipe.person.full_name
    assert f"đề nghị kết nạp quần chúng {name}, sinh ngày " in text
    assert f"trong đó chính thức {counted + exempted} đồng chí" in text
    assert (
        f"Có mặt: ...... đồng chí, trong đó chính thức {d['present']} đồng chí, dự bị ...... "
        "đồng chí." in text
    )  # no meeting tied to the vote: what the roll would tell is left blank
    electorate = d["official_total"] + d["exempted_present"]
    assert (
        f"tán thành việc kết nạp quần chúng {name} vào Đảng là {d['in_favour']} đồng chí, đạt "
        f"{percent(d['in_favour'], electorate)} so với tổng số {electorate} đảng viên chính "
        "thức của chi bộ" in text
    )
    assert "Chủ trì hội nghị: đồng chí ......" in text
    assert "Chi bộ đề nghị Đảng ủy phường Quy Nhơn Nam xem xét, quyết định kết nạp" in text
    cell = cell_service.get_cell(reg)
    signer = pdf.one(cell.secretary)
    assert signer.page == len(pdf.pages) and signer.x0 > HALF
    order = [pdf.one(p) for p in ("1. Ưu điểm chính", "2. Khuyết điểm chính:", "3. Kết quả")]
    assert sorted(order, key=lambda f: (f.page, f.top)) == order


def test_6knd_is_refused_for_a_candidate_without_a_passed_vote(demo_register):
    reg = demo_register
    row = next(r for r in development.list_candidates(reg, TODAY) if r.stage.startswith("Đưa vào"))
    with unchanged(), pytest.raises(StateError) as caught:
        render(reg, "6-KNĐ", row.person_id)
    assert f"«{row.full_name}»" in str(caught.value) and "6-KNĐ" in str(caught.value)


# -- 13-KNĐ ---------------------------------------------------------------------------------


def test_13knd_prints_the_meeting_roll_chair_and_absences(small):
    reg = small.reg
    pdf = assert_sound(render(reg, "13-KNĐ", small.candidate))
    text = pdf.flat()
    assert pdf.one("Số 04-NQ/CB").x1 < HALF  # 03-NQ/CB was typed on the admission vote
    date = pdf.one("Quy Nhơn Nam, ngày 16 tháng 6 năm 2026")
    assert date.x0 > HALF - 20 and date.fontnames == {"LiberationSerif-Italic"}
    assert pdf.one("ĐẢNG BỘ PHƯỜNG").x1 < HALF and pdf.one("QUY NHƠN NAM").x1 < HALF
    for sentence in (
        "đề nghị công nhận đảng viên chính thức",
        "Căn cứ Điều 5 Điều lệ Đảng Cộng sản Việt Nam",
        "Ngày 16 tháng 6 năm 2026, Chi bộ Trường THPT Nguyễn Trân đã họp để xét, đề nghị công "
        "nhận đảng viên dự bị Huỳnh Thị Mỹ Duyên, được kết nạp vào Đảng ngày 02/06/2025, trở "
        "thành đảng viên chính thức.",
        "Tổng số đảng viên của chi bộ: 6 đồng chí, trong đó chính thức 4 đồng chí, dự bị 2 "
        "đồng chí.",
        "Có mặt: 5 đồng chí, trong đó chính thức 3 đồng chí, dự bị 2 đồng chí.",
        "Vắng mặt: 1 đồng chí, trong đó chính thức 1 đồng chí, dự bị 0 đồng chí.",
        "Lý do vắng mặt: Phạm Thị Dung (Đi công tác Hà Nội).",
        "Chủ trì hội nghị: đồng chí Nguyễn Văn An, chức vụ: ....",
        "Thư ký hội nghị: đồng chí Trần Thị Bình",
        "số đảng viên chính thức tán thành việc công nhận đảng viên dự bị Huỳnh Thị Mỹ Duyên "
        "trở thành đảng viên chính thức là 3 đồng chí, đạt 75% so với tổng số 4 đảng viên "
        "chính thức của chi bộ; số không tán thành 0 đồng chí, chiếm 0%.",
        "Chi bộ đề nghị Đảng ủy phường Quy Nhơn Nam xem xét, quyết định công nhận đồng chí "
        "Huỳnh Thị Mỹ Duyên trở thành đảng viên chính thức.",
    ):
        assert sentence in text, sentence
    assert "Lý do không tán thành" not in text
    upper, copy = pdf.one("- Đảng ủy phường Quy Nhơn Nam,"), pdf.one("- Lưu chi bộ.")
    assert upper.x1 < HALF and upper.top < copy.top and pdf.one("Nơi nhận:").top < upper.top
    last = len(pdf.pages)
    assert pdf.one("Trần Thị Thu Hà").page == last and pdf.one("BÍ THƯ").x0 > HALF


def test_13knd_keeps_its_figures_and_number_after_the_recognition_is_recorded(small):
    reg = small.reg
    first = render(reg, "13-KNĐ", small.candidate)
    development.record_step(
        reg, small.candidate, "recognition", dt.date(2026, 7, 1), reference="77-QĐ/ĐU",
        today=TODAY,
    )  # fmt: skip  # now official from 02/06/2026, before the vote: still dự bị on the form
    again = render(reg, "13-KNĐ", small.candidate)
    assert again == first
    text = assert_sound(again).flat()
    assert "trong đó chính thức 4 đồng chí, dự bị 2 đồng chí." in text


def test_13knd_is_refused_for_a_probationary_member_without_a_recognition_vote(small):
    reg = small.reg
    with unchanged(), pytest.raises(StateError) as caught:
        render(reg, "13-KNĐ", small.newcomer)
    message = str(caught.value)
    assert "«Đặng Thu Thảo»" in message and "công nhận đảng viên chính thức" in message


# -- 3-KNĐ ----------------------------------------------------------------------------------


def test_3knd_one_letter_per_recorded_introducer_with_their_particulars(demo_register):
    reg = demo_register
    pid = next(
        r.person_id
        for r in development.list_candidates(reg, TODAY)
        if any(s.kind == "introduction" for s in development.pipeline(reg, r.person_id).steps)
    )
    pipe = development.pipeline(reg, pid, TODAY)
    intros = [s for s in pipe.steps if s.kind == "introduction"]
    assert len(intros) == 2
    with unchanged():  # a letter takes no number
        pdf = assert_sound(render(reg, "3-KNĐ", pid))
    text = pdf.flat()
    assert text.count("GIẤY GIỚI THIỆU NGƯỜI VÀO ĐẢNG") == 2
    assert text.count("Kính gửi: Chi bộ Trường THPT Nguyễn Trân") == 2
    for intro in intros:
        who = members.get_person(reg, intro.details["introducer_id"])
        ceremony = dt.date.fromisoformat(who.ceremony_date).strftime("%d/%m/%Y")
        assert f"Tôi là: {who.full_name}, sinh " in text
        assert f"Vào Đảng ngày {ceremony}, chính thức ngày " in text
        since = dt.date.fromisoformat(intro.details["joint_since"]).strftime("%d/%m/%Y")
        assert f"với quần chúng {pipe.person.full_name} từ ngày {since} đến nay." in text
    assert "Chức vụ trong Đảng: ....." in text
    heads = pdf.find("ĐẢNG CỘNG SẢN VIỆT NAM")
    assert len(heads) == 2 and all(h.x0 > HALF - 30 for h in heads)
    second = heads[1].page
    numbers = pdf.page_numbers()
    assert numbers[0] is None and numbers[second - 1] is None
    assert numbers[1] == "2" and all(n is not None for n in numbers[second:])
    signers = pdf.find("NGƯỜI GIỚI THIỆU")
    assert len(signers) == 2 and all(s.x0 > HALF for s in signers)


def test_3knd_before_any_introduction_is_for_the_mentor(demo_register):
    reg = demo_register
    row = next(r for r in development.list_candidates(reg, TODAY) if r.stage.startswith("Đưa vào"))
    pdf = assert_sound(render(reg, "3-KNĐ", row.person_id))
    text = pdf.flat()
    assert f"Tôi là: {row.mentors}, sinh " in text
    date = pdf.one("Quy Nhơn Nam, ngày ....... tháng ....... năm .......")  # dated by hand
    assert date.bottom - date.top < 20 and date.x0 > HALF - 60  # on one line, at the right


def test_3knd_is_refused_for_an_official_member(small):
    name = members.get_person(small.reg, small.officials[0]).full_name
    with pytest.raises(StateError) as caught:
        render(small.reg, "3-KNĐ", small.officials[0])
    assert f"«{name}»" in str(caught.value) and "quần chúng" in str(caught.value)


# -- the dossier checklist ------------------------------------------------------------------


def test_dossier_checklist_lists_what_is_in_missing_and_when_it_expires(demo_register):
    reg = demo_register
    row = next(
        r for r in development.list_candidates(reg, TODAY)
        if r.stage.startswith("Lý lịch")
    )  # fmt: skip
    pipe = development.pipeline(reg, row.person_id, TODAY)
    with unchanged():
        pdf = assert_sound(render(reg, "DM-HS", row.person_id))
    text = pdf.text()
    assert "DANH MỤC HỒ SƠ KẾT NẠP ĐẢNG VIÊN" in text
    assert f"Họ và tên: {row.full_name}, sinh ngày " in text
    assert "Còn thiếu" in text and "Đã có" in text
    tables = [p.extract_table() or [] for p in pdf.pages]
    rows = [[" ".join((c or "").split()) for c in r] for t in tables for r in t]
    rows = [r for r in rows if r[0] != "TT"]
    vn = lambda d: d.strftime("%d/%m/%Y") if d else ""  # noqa: E731
    assert rows == [
        [str(n), i.label, i.form, i.status_label, vn(i.date), vn(i.valid_until), i.note or hand]
        for n, i in enumerate(pipe.dossier, start=1)
        for hand in [{"1-KNĐ": "Tự viết tay", "2-KNĐ": "Tự khai vào quyển in sẵn"}.get(i.form, "")]
    ]
    head = pdf.one("Giấy tờ")
    assert head.page == 1 and MARGINS.left < head.x0 < HALF


def test_dossier_checklist_refused_for_a_member_outside_the_procedure(small):
    with pytest.raises(StateError, match="Nguyễn Văn An"):
        render(small.reg, "DM-HS", small.officials[0])


# -- every form -----------------------------------------------------------------------------


def _render_all(reg) -> set[str]:
    done = set()
    for row in development.list_candidates(reg, TODAY):
        for spec in registry.forms_for_person(reg, row.person_id, TODAY):
            assert_sound(render(reg, spec.code, row.person_id)).close()
            done.add(spec.code)
    return done


def test_every_form_that_applies_in_the_demo_renders_sound(demo_register):
    rendered = _render_all(demo_register)
    assert rendered == {"3-KNĐ", "5-KNĐ", "6-KNĐ", "10-KNĐ", "11-KNĐ", "12-KNĐ", "DM-HS"}
    # no recognition vote yet in the demo, so no 13-KNĐ


def test_every_form_renders_sound_for_someone(small):
    person_forms = {s.code for s in registry.list_forms() if s.subject == "person"}
    assert _render_all(small.reg) == person_forms  # cell and meeting sheets: test_cell_forms


def test_a_very_long_name_wraps_in_every_form_it_appears_in(small):
    reg = small.reg
    long_name = "Nguyễn Thị Hoàng Phương Thảo Nguyên Khánh Linh Ngọc Bảo Châu Mai Anh Thư Hà Vy"
    person = development.add_candidate(
        reg, {"full_name": long_name, "sex": "female", "birth_date": "01/01/1999",
              "native_place": "Xã Phù Mỹ Đông, tỉnh Gia Lai " * 8},
        pool_date=dt.date(2026, 1, 5), today=TODAY,
    )  # fmt: skip
    for code in ("3-KNĐ", "DM-HS"):
        pdf = assert_sound(render(reg, code, person.id))
        assert long_name in pdf.flat()


def test_a_character_outside_the_font_is_refused_naming_form_field_and_code_point(small):
    reg = small.reg
    person = development.add_candidate(
        reg, {"full_name": "Lê Văn Tâm", "sex": "male", "birth_date": "1999",
              "native_place": "Thôn 中 Hòa, xã Phù Mỹ"},
        pool_date=dt.date(2026, 1, 5), today=TODAY,
    )  # fmt: skip
    with pytest.raises(fonts.MissingGlyphError) as caught:
        render(reg, "3-KNĐ", person.id)
    message = str(caught.value)
    assert "3-KNĐ" in message and "«中»" in message and "U+4E2D" in message
    assert "«quê quán»" in message


def test_a_refused_print_takes_no_number(small):
    reg = small.reg
    cell_service.update_cell(reg, {"secretary": "Trần Thị Thu Hà 😀"})
    with unchanged(), pytest.raises(fonts.MissingGlyphError, match="U\\+1F600"):
        render(reg, "13-KNĐ", small.candidate)
    assert documents.list_documents(reg) == []


def test_a_preview_takes_no_number_and_shows_the_one_already_taken(small):
    reg = small.reg
    with unchanged():
        preview = assert_sound(render(reg, "13-KNĐ", small.candidate, issue=False))
    assert "Số ........-NQ/CB" in preview.text()
    printed = render(reg, "13-KNĐ", small.candidate)
    head = journal.head()
    assert render(reg, "13-KNĐ", small.candidate, issue=False) == printed
    assert journal.head() == head


PERSON_FORMS = ["3-KNĐ", "5-KNĐ", "6-KNĐ", "10-KNĐ", "11-KNĐ", "12-KNĐ", "13-KNĐ", "DM-HS"]


def test_form_codes_and_subjects(small):
    assert [s.code for s in registry.list_forms()] == [
        *PERSON_FORMS, "7-HSĐV", "DS-KT", "BB-SH", "RS-NPT", "VIEC", "BC-TK",
    ]  # fmt: skip
    assert registry.get_form("13-knd").code == "13-KNĐ"
    with pytest.raises(NotFoundError, match="9-KNĐ"):
        registry.get_form("9-KNĐ")
    with pytest.raises(StateError, match="chọn người"):
        registry.render(small.reg, "6-KNĐ", today=TODAY)
    with pytest.raises(NotFoundError, match="zzzz"):
        registry.render(small.reg, "6-KNĐ", person_id="zzzz", today=TODAY)
    codes = [s.code for s in registry.forms_for_person(small.reg, small.candidate, TODAY)]
    assert codes == PERSON_FORMS  # the dossier's letters reprint
    assert [s.code for s in registry.forms_for_person(small.reg, small.newcomer, TODAY)] == [
        "10-KNĐ",
        "12-KNĐ",
        "DM-HS",
    ]  # a probationary member typed in: the probation papers only (no mentor: no 11-KNĐ)
    assert registry.forms_for_person(small.reg, small.officials[0], TODAY) == []


def test_which_forms_apply_is_answered_for_everyone_in_the_demo(demo_register):
    """People with membership events (transfer, exemption, removal, death) are asked too: the
    member page's Print… button asks for whoever is shown."""
    asked = {p.status for p in members.list_people(demo_register)}
    assert {"transferred_out", "removed", "deceased"} <= asked
    for person in members.list_people(demo_register):
        registry.forms_for_person(demo_register, person.id, TODAY)
