"""The Forms page on the demo register: the registry's forms listed, a form and a person
chosen, the real pages previewed at A4 proportions, the refusal for someone a form does not
apply to, Save as PDF and Print (through a QPrinter forced to A4) taking a numbered form's
number only then, and "Print…" on the member, candidate and meeting pages opening the form
for whom they show."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from desktop_app.domain.names import fold
from desktop_app.forms import registry
from desktop_app.forms.spec import FormSpec, Request
from desktop_app.services import development, documents, meetings, members
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.form_output import Choice, FormOutput, file_name
from desktop_app.ui.pages.forms import FormsPage
from desktop_app.ui.pages.meeting_detail import MeetingDetailView
from desktop_app.ui.widgets import pdf_pages
from desktop_app.ui.widgets.page_preview import FIT, MIN_FIT_WIDTH
from tests.conftest import TODAY
from tests.forms.conftest import demo_person
from tests.ui.helpers import replace_text, run, settle

A4_RATIO = 297 / 210
ADMISSION = "6-KNĐ"  # numbered: a resolution of the cell


# -- fakes of the forms other helpers are adding: a meeting form and a landscape cell list --


def _pdf(text: str, size: tuple[float, float]) -> bytes:
    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=size)
    sheet.drawString(72, size[1] - 72, text)
    sheet.showPage()
    sheet.save()
    return out.getvalue()


def _held_only(request: Request) -> str | None:
    meeting = meetings.get_meeting(request.reg, request.meeting_id).meeting
    return None if meeting.held else "buổi này chưa họp"


MEETING_FORM = FormSpec(
    "SH-TEST",
    "Danh sách ký tên dự sinh hoạt (thử)",
    "meeting",
    lambda request: _pdf(f"meeting {request.meeting_id}", A4),
    _held_only,
    note="Một mẫu thử cho buổi sinh hoạt.",
)
CELL_FORM = FormSpec(
    "CB-TEST",
    "Sổ danh sách đảng viên (thử, khổ ngang)",
    "cell",
    lambda request: _pdf("cell", landscape(A4)),
)


@pytest.fixture
def more_forms(monkeypatch) -> None:
    monkeypatch.setattr(registry, "FORMS", (*registry.FORMS, MEETING_FORM, CELL_FORM))


# -- helpers ---------------------------------------------------------------------------------


@pytest.fixture
def page(qtbot, demo_runner, vietnamese) -> FormsPage:
    page = FormsPage(demo_runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1010, 760)
    page.show()
    settle(demo_runner)
    return page


def person(runner, code: str) -> str:
    return run(runner, lambda reg: demo_person(reg, code))


def name_of(runner, person_id: str) -> str:
    return run(runner, lambda reg: development.pipeline(reg, person_id, TODAY).person.full_name)


def issued(runner) -> list[documents.DocumentView]:
    return run(runner, lambda reg: documents.list_documents(reg))


def choose(page: FormsPage, code: str, name: str | None = None) -> None:
    """Click the form in the list; type the person's name without accents, then Enter."""
    row = page.model.row_of(code)
    assert row is not None, code
    page.table.setCurrentIndex(page.model.index(row, 0))
    if name is not None:
        picker = page.person_picker
        replace_text(picker.lineEdit(), fold(name))
        picker.lineEdit().editingFinished.emit()
    settle(page._runner)


def pdf_of(data: bytes) -> pdfplumber.PDF:
    return pdfplumber.open(io.BytesIO(data))


def assert_a4_pages(page: FormsPage) -> None:
    labels = page.preview.pages
    assert labels
    for label in labels:
        pixmap = label.pixmap()
        size = pixmap.deviceIndependentSize()
        assert abs(size.height() / size.width() - A4_RATIO) < 0.01
        assert size.width() >= MIN_FIT_WIDTH  # readable: never shrunk to a thumbnail


# -- the list and the preview -----------------------------------------------------------------


def test_the_list_holds_every_form_of_the_registry(page, qtmodeltester) -> None:
    qtmodeltester.check(page.model)
    specs = registry.list_forms()
    assert [s.code for s in page.model.rows()] == [s.code for s in specs]
    for row, spec in enumerate(specs):
        assert page.model.index(row, 0).data() == spec.code
        assert page.model.index(row, 1).data() == spec.title
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Mẫu"
    choose(page, ADMISSION)
    spec = registry.get_form(ADMISSION)
    assert page.note.text() == spec.note and page.note.isVisible()
    assert page.subject_label.text() == "&Người:" and page.subject_label.buddy() is (
        page.person_picker
    )
    assert page.preview.page_count() == 0
    assert page.preview.message.text() == "Chọn người cần in mẫu này."
    assert not page.print_button.isEnabled() and not page.save_button.isEnabled()


def test_a_form_and_a_person_show_the_real_pages_without_taking_a_number(
    page, demo_runner, screens
) -> None:
    pid = person(demo_runner, ADMISSION)
    name = name_of(demo_runner, pid)
    before = issued(demo_runner)
    choose(page, ADMISSION, name)
    assert page.person_picker.currentText() == name
    result = page.preview_result
    assert result is not None and result.choice.person_id == pid
    with pdf_of(result.pdf) as pdf:
        assert page.preview.page_count() == len(pdf.pages) >= 1
        text = " ".join((p.extract_text() or "") for p in pdf.pages)
    assert f"kết nạp quần chúng {name}" in " ".join(text.split())
    assert "Số ........-NQ/CB" in text  # a draft: the number is left blank
    assert_a4_pages(page)
    assert page.pages_label.text().startswith(
        f"Xem trước: {ADMISSION} — {len(result.images)} trang"
    )
    assert "số văn bản chỉ được cấp khi in hoặc lưu" in page.pages_label.text()
    assert page.print_button.isEnabled() and page.save_button.isEnabled()
    assert issued(demo_runner) == before
    screens(page, "forms_page_1010x760")


def test_a_form_that_does_not_apply_is_refused_in_plain_vietnamese(
    page, demo_runner, screens
) -> None:
    probationary = run(
        demo_runner,
        lambda reg: next(
            r for r in development.list_candidates(reg, TODAY) if r.status == "probationary"
        ),
    )
    choose(page, ADMISSION, probationary.full_name)
    assert page.banner.isVisible() and page.banner.level == "warning"
    text = page.banner.text()
    assert text.startswith(f"Mẫu {ADMISSION} không in được cho lựa chọn này: ")
    assert f"«{probationary.full_name}»" in text and "biểu quyết" in text
    assert page.preview.page_count() == 0 and page.preview_result is None
    assert not page.print_button.isEnabled() and not page.save_button.isEnabled()
    screens(page, "forms_page_refused")
    choose(page, "DM-HS")  # the dossier checklist does apply to them: the refusal goes
    assert not page.banner.isVisible() and page.preview.page_count() >= 1


def test_a_name_that_is_nobody_asks_to_choose_from_the_list(page) -> None:
    choose(page, "DM-HS", "Không Có Ai Tên Này")
    assert page.preview.page_count() == 0
    assert page.preview.message.text() == (
        "Không có ai trong sổ mang tên này: hãy chọn trong danh sách."
    )


def test_a_zoom_rasterises_the_pages_again_sharper(page, demo_runner) -> None:
    choose(page, "DM-HS", name_of(demo_runner, person(demo_runner, "DM-HS")))
    fitted = page.preview_result.dpi
    page.zoom.setCurrentIndex(page.zoom.findData(2.0))
    settle(demo_runner)
    width = page.preview.pages[0].pixmap().deviceIndependentSize().width()
    assert abs(width - 595.28 / 72 * 96 * 2) < 2  # 200% of the real size on a 96 dpi screen
    assert page.preview_result.dpi > fitted * 1.15  # drawn again, not blown up
    page.zoom.setCurrentIndex(page.zoom.findData(FIT))
    settle(demo_runner)
    assert page.preview.pages[0].width() <= page.preview.viewport().width()


def test_the_latest_choice_wins_over_a_slower_earlier_one(page, demo_runner) -> None:
    pid = person(demo_runner, ADMISSION)
    page.show_form("3-KNĐ", pid)
    page.show_form(ADMISSION, pid)
    settle(demo_runner)
    assert page.preview_result.choice.spec.code == ADMISSION
    assert page.current_spec().code == ADMISSION


# -- saving and printing ------------------------------------------------------------------------


def test_save_as_pdf_writes_the_file_and_the_number_is_taken_only_then(
    page, demo_runner, monkeypatch, tmp_path
) -> None:
    pid = person(demo_runner, ADMISSION)
    name = name_of(demo_runner, pid)
    choose(page, ADMISSION, name)
    assert [d for d in issued(demo_runner) if d.person_id == pid] == []  # previewed only
    target = tmp_path / "ra" / "nghi-quyet.pdf"
    target.parent.mkdir()
    asked: list[Path] = []

    def ask_path(cls, parent, suggested):
        asked.append(suggested)
        return target

    monkeypatch.setattr(FormOutput, "ask_path", classmethod(ask_path))
    page.save_button.click()
    settle(demo_runner)
    assert asked[0].name == f"6-KND-{'-'.join(fold(name).split())}.pdf"
    taken = [d for d in issued(demo_runner) if d.person_id == pid and d.form == ADMISSION]
    assert len(taken) == 1
    number = taken[0].text
    with pdf_of(target.read_bytes()) as pdf:
        assert [(round(p.width), round(p.height)) for p in pdf.pages] == [(595, 842)] * len(
            pdf.pages
        )
        text = " ".join((p.extract_text() or "") for p in pdf.pages)
    assert f"Số {number}" in text and name in text
    assert list(target.parent.iterdir()) == [target]  # no partial file left beside it
    assert page.banner.level == "ok" and page.banner.text() == f"Đã lưu: {target}"
    with pdf_of(page.preview_result.pdf) as pdf:  # the preview now shows the number taken
        assert f"Số {number}" in pdf.pages[0].extract_text()
    page.save_button.click()  # saved again: the same number, none taken anew
    settle(demo_runner)
    assert [d.text for d in issued(demo_runner) if d.form == ADMISSION and d.person_id == pid] == [
        number
    ]


def test_a_cancelled_save_takes_no_number(page, demo_runner, monkeypatch) -> None:
    choose(page, ADMISSION, name_of(demo_runner, person(demo_runner, ADMISSION)))
    before = issued(demo_runner)
    monkeypatch.setattr(FormOutput, "ask_path", classmethod(lambda cls, parent, suggested: None))
    page.save_button.click()
    settle(demo_runner)
    assert issued(demo_runner) == before
    assert not page.banner.isVisible()


def test_a_save_that_cannot_write_says_so(page, demo_runner, monkeypatch, tmp_path) -> None:
    choose(page, "DM-HS", name_of(demo_runner, person(demo_runner, "DM-HS")))
    target = tmp_path / "khong-co-thu-muc" / "mau.pdf"
    monkeypatch.setattr(FormOutput, "ask_path", classmethod(lambda cls, p, s: target))
    page.save_button.click()
    settle(demo_runner)
    assert page.banner.level == "error"
    assert page.banner.text().startswith("Không ghi được tệp ")
    assert not target.parent.exists()
    assert page.save_button.isEnabled()  # the page is usable again


def _pdf_printer(path: Path, monkeypatch, seen: list[QPrinter]) -> None:
    """The print dialog answered with a printer writing a PDF, left on US Letter paper."""

    def ask_printer(cls, parent, doc_name):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
        printer.setDocName(doc_name)
        seen.append(printer)
        return printer

    monkeypatch.setattr(FormOutput, "ask_printer", classmethod(ask_printer))


def test_print_paints_the_pages_on_a4_and_takes_the_number(
    page, demo_runner, monkeypatch, tmp_path
) -> None:
    pid = person(demo_runner, ADMISSION)
    name = name_of(demo_runner, pid)
    choose(page, ADMISSION, name)
    pages = page.preview.page_count()
    out = tmp_path / "may-in.pdf"
    seen: list[QPrinter] = []
    _pdf_printer(out, monkeypatch, seen)
    page.print_button.click()
    settle(demo_runner)
    assert seen and seen[0].docName() == f"{ADMISSION} {name}"
    assert seen[0].pageLayout().pageSize().id() == QPageSize.PageSizeId.A4  # forced
    with pdf_of(out.read_bytes()) as pdf:
        assert len(pdf.pages) == pages
        for sheet in pdf.pages:
            assert (round(sheet.width), round(sheet.height)) == (595, 842)
            (image,) = sheet.images  # the page, painted whole on the sheet
            assert image["x0"] == pytest.approx(0, abs=1)
            assert image["x1"] == pytest.approx(595, abs=1)
            assert image["bottom"] == pytest.approx(842, abs=1)
    assert [d.person_id for d in issued(demo_runner) if d.form == ADMISSION].count(pid) == 1
    assert page.banner.level == "ok"
    assert page.banner.text() == f"Đã gửi tới máy in: {ADMISSION} {name}, {pages} trang khổ A4."


def test_a_cancelled_print_takes_no_number(page, demo_runner, monkeypatch) -> None:
    choose(page, ADMISSION, name_of(demo_runner, person(demo_runner, ADMISSION)))
    before = issued(demo_runner)
    monkeypatch.setattr(FormOutput, "ask_printer", classmethod(lambda cls, parent, name: None))
    page.print_button.click()
    settle(demo_runner)
    assert issued(demo_runner) == before


def test_a_landscape_page_prints_on_a_landscape_sheet(
    more_forms, qtbot, demo_runner, vietnamese, monkeypatch, tmp_path
) -> None:
    page = FormsPage(demo_runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1010, 760)
    page.show()
    settle(demo_runner)
    choose(page, "DM-HS", name_of(demo_runner, person(demo_runner, "DM-HS")))
    assert page.preview.page_count() >= 1
    choose(page, CELL_FORM.code)
    assert page.subject_label.isHidden() and page.cell_label.isVisible()
    assert not page.person_picker.isVisible() and not page.meeting_box.isVisible()
    assert page.preview.page_count() == 1
    shown = [w for w in page.preview.body.findChildren(QLabel) if w.isVisible()]
    assert shown == page.preview.pages  # the checklist's pages are gone, not left above
    size = page.preview.pages[0].pixmap().deviceIndependentSize()
    assert abs(size.width() / size.height() - A4_RATIO) < 0.01
    out = tmp_path / "ngang.pdf"
    _pdf_printer(out, monkeypatch, [])
    page.print_button.click()
    settle(demo_runner)
    with pdf_of(out.read_bytes()) as pdf:
        assert [(round(p.width), round(p.height)) for p in pdf.pages] == [(842, 595)]


def test_meeting_forms_take_a_meeting(more_forms, qtbot, demo_runner, vietnamese) -> None:
    page = FormsPage(demo_runner, today=TODAY)
    qtbot.addWidget(page)
    page.show()
    settle(demo_runner)
    choose(page, MEETING_FORM.code)
    assert page.subject_label.text() == "&Buổi sinh hoạt:"
    assert page.preview.message.text() == "Chọn buổi sinh hoạt cần in mẫu này."
    listed = run(demo_runner, lambda reg: meetings.list_meetings(reg))
    held = max((m for m in listed if m.held), key=lambda m: m.date)
    planned = next(m for m in listed if not m.held)
    assert page.meeting_box.itemData(0) == max(listed, key=lambda m: m.date).id  # newest first
    page.meeting_box.setCurrentIndex(page.meeting_box.findData(planned.id))
    settle(demo_runner)
    assert "buổi này chưa họp" in page.banner.text()
    page.meeting_box.setCurrentIndex(page.meeting_box.findData(held.id))
    settle(demo_runner)
    assert not page.banner.isVisible() and page.preview.page_count() == 1
    with pdf_of(page.preview_result.pdf) as pdf:
        assert held.id in pdf.pages[0].extract_text()
    assert page.meeting_box.height() == page.meeting_box.sizeHint().height()


def test_the_real_meeting_forms_preview_for_a_held_meeting(page, demo_runner, screens) -> None:
    listed = run(demo_runner, lambda reg: meetings.list_meetings(reg))
    held = max((m for m in listed if m.held), key=lambda m: m.date)
    specs = [s for s in registry.list_forms() if s.subject == "meeting"]
    assert {s.code for s in specs} >= {"DS-KT", "BB-SH"}  # the sign-in sheet, the minutes
    choose(page, specs[0].code)
    page.meeting_box.setCurrentIndex(page.meeting_box.findData(held.id))
    settle(demo_runner)
    assert page.preview.page_count() >= 1, page.banner.text()
    assert_a4_pages(page)
    screens(page, "forms_page_meeting")


def test_accelerators_do_not_clash(more_forms, qtbot, demo_runner, settings, vietnamese) -> None:
    window = MainWindow(demo_runner, settings)
    qtbot.addWidget(window)
    window.show()
    window.show_area("forms")
    page = window.pages["forms"]
    menus = [a.text() for a in window.menuBar().actions()]
    for code in (ADMISSION, MEETING_FORM.code, CELL_FORM.code):
        choose(page, code)
        texts = menus + [
            w.text()
            for w in page.findChildren(QWidget)
            if isinstance(w, (QAbstractButton, QLabel)) and w.isVisibleTo(page)
        ]
        keys = [m.group(1).lower() for t in texts if (m := re.search(r"&([^&\s])", t))]
        assert len(keys) == len(set(keys)), (code, texts)


def test_file_names_have_no_accents_or_odd_characters() -> None:
    spec = registry.get_form(ADMISSION)
    assert file_name(Choice(spec, "x"), "Nguyễn Văn Duy") == "6-KND-nguyen-van-duy.pdf"
    assert file_name(Choice(spec, "x"), "Lê Thị: Hà/Nội?") == "6-KND-le-thi-ha-noi.pdf"
    assert file_name(Choice(CELL_FORM), "") == "CB-TEST.pdf"


# -- the shared page images -----------------------------------------------------------------------


def test_page_images_keep_each_page_size_and_orientation(qapp) -> None:
    upright, wide = _pdf("a", A4), _pdf("b", landscape(A4))
    (image,) = pdf_pages.page_images(upright, dpi=50)
    assert image.width() == pytest.approx(595.28 / 72 * 50, abs=1)
    assert image.height() == pytest.approx(841.89 / 72 * 50, abs=1)
    (image,) = pdf_pages.page_images(wide, dpi=50)
    assert image.width() > image.height()
    with pytest.raises(pdfium.PdfiumError):
        pdf_pages.page_images(b"not a pdf")


# -- "Print…" where a person or a meeting is shown ---------------------------------------------


@pytest.fixture
def window(qtbot, demo_runner, settings, vietnamese) -> MainWindow:
    window = MainWindow(demo_runner, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.pages["forms"]._fixed_today = TODAY
    settle(demo_runner)
    return window


def test_print_on_the_member_page_opens_the_form_for_that_person(
    window, demo_runner, screens
) -> None:
    pid = person(demo_runner, ADMISSION)
    name = name_of(demo_runner, pid)
    listing = window.pages["members"]
    listing.detail.print_button._fixed_today = TODAY
    listing.set_status_group("all")
    settle(demo_runner)
    assert listing.select_person(pid)
    listing.open_detail()
    settle(demo_runner)
    button = listing.detail.print_button
    assert button.text() == "In…" and button.isEnabled()
    expected = [s.code for s in run(demo_runner, lambda reg: registry.forms_for_person(reg, pid))]
    assert [s.code for s in button.specs] == expected and ADMISSION in expected
    screens(window, "forms_member_print_button")
    action = next(a for a in button.menu().actions() if a.text().startswith(ADMISSION))
    action.trigger()
    settle(demo_runner)
    assert window.current_area() == "forms"
    page = window.pages["forms"]
    assert page.current_spec().code == ADMISSION
    assert page.person_picker.currentText() == name
    assert page.preview_result is not None and page.preview_result.choice.person_id == pid
    assert_a4_pages(page)
    screens(window, "forms_page_1280x800")


def test_print_is_disabled_for_someone_no_form_applies_to(window, demo_runner) -> None:
    official = run(
        demo_runner,
        lambda reg: next(
            p.id
            for p in members.list_people(reg)
            if p.status == "official" and not registry.forms_for_person(reg, p.id, TODAY)
        ),
    )
    detail = window.pages["members"].detail
    detail.print_button._fixed_today = TODAY
    detail.load(official)
    settle(demo_runner)
    assert not detail.print_button.isEnabled() and detail.print_button.specs == []
    assert detail.print_button.toolTip() == "Chưa có mẫu in nào áp dụng cho người này"


def test_print_on_the_candidate_pipeline_lists_the_forms_of_that_candidate(
    window, demo_runner, screens
) -> None:
    pid = person(demo_runner, ADMISSION)
    window.show_area("candidates")
    candidates = window.pages["candidates"]
    button = candidates.view.print_button
    button._fixed_today = TODAY
    candidates.select_person(pid)
    settle(demo_runner)
    assert button.isVisible() and button.isEnabled()
    assert ADMISSION in [s.code for s in button.specs]
    screens(window, "forms_candidate_print_button")
    next(a for a in button.menu().actions() if a.text().startswith("DM-HS")).trigger()
    settle(demo_runner)
    assert window.current_area() == "forms"
    assert window.pages["forms"].current_spec().code == "DM-HS"


def test_print_on_the_meeting_page_lists_the_meeting_forms_that_apply(
    more_forms, qtbot, demo_runner, vietnamese
) -> None:
    view = MeetingDetailView(demo_runner, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    listed = run(demo_runner, lambda reg: meetings.list_meetings(reg))
    held = next(m for m in listed if m.held)
    planned = next(m for m in listed if not m.held)

    def applying(meeting_id: str) -> list[str]:
        return run(
            demo_runner,
            lambda reg: [
                s.code
                for s in registry.list_forms()
                if s.subject == "meeting"
                and registry.refusal(reg, s.code, meeting_id=meeting_id, today=TODAY) is None
            ],
        )

    view.show_detail(run(demo_runner, lambda reg: meetings.get_meeting(reg, planned.id)))
    settle(demo_runner)
    codes = [s.code for s in view.print_button.specs]
    assert codes == applying(planned.id) and MEETING_FORM.code not in codes  # not held yet
    view.show_detail(run(demo_runner, lambda reg: meetings.get_meeting(reg, held.id)))
    settle(demo_runner)
    codes = [s.code for s in view.print_button.specs]
    assert codes == applying(held.id) and MEETING_FORM.code in codes
    assert view.print_button.isEnabled()
    action = next(a for a in view.print_button.menu().actions() if "(thử)" in a.text())
    with qtbot.waitSignal(view.print_button.chosen) as signal:
        action.trigger()
    assert signal.args == [MEETING_FORM.code, "", held.id]


def test_print_on_the_meetings_page_opens_the_form_for_that_meeting(window, demo_runner) -> None:
    specs = [s for s in registry.list_forms() if s.subject == "meeting"]
    assert {s.code for s in specs} >= {"DS-KT", "BB-SH"}  # the sign-in sheet, the minutes
    window.show_area("meetings")
    listing = window.pages["meetings"]
    listing._fixed_today = TODAY
    settle(demo_runner)
    held = max(
        (m for m in run(demo_runner, lambda reg: meetings.list_meetings(reg)) if m.held),
        key=lambda m: m.date,
    )
    listing.select_meeting(held.id)
    settle(demo_runner)
    button = listing.detail.print_button
    assert button.isVisible() and button.isEnabled() and button.specs
    code = button.specs[0].code
    next(a for a in button.menu().actions() if a.text().startswith(code)).trigger()
    settle(demo_runner)
    page = window.pages["forms"]
    assert window.current_area() == "forms" and page.current_spec().code == code
    assert page.meeting_box.currentData() == held.id
    assert page.preview_result is not None and page.preview_result.choice.meeting_id == held.id
    assert page.preview.page_count() >= 1
