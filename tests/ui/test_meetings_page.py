"""The Meetings page: a year of meetings, the chosen one's roll call changed with one key and
saved at once, guests and attendees added, a training class's certificates, and meetings
added, changed and deleted through the real dialogs (their ask() fills them and saves). The
register's warning (two regular meetings in a month) is shown; its refusal (held in the
future) leaves nothing written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_app.services import development, meetings, members
from desktop_app.services.meetings import Entry, MeetingDetail, MeetingView
from desktop_app.store.database import Register
from desktop_app.ui import errors
from desktop_app.ui.dialogs.certificate_dialog import CertificateDialog
from desktop_app.ui.dialogs.meeting_dialog import MeetingDialog
from desktop_app.ui.dialogs.roll_dialogs import AttendeeDialog, GuestDialog, ReasonDialog
from desktop_app.ui.models import meetings_model, roll_model
from desktop_app.ui.models.meetings_model import MeetingsModel
from desktop_app.ui.models.roll_model import CertificatesModel, RollModel
from desktop_app.ui.pages.meetings import MeetingsPage
from desktop_app.ui.tasks import TaskRunner
from tests.ui.helpers import commit_text, replace_text, run, settle

D = dt.date
TODAY = D(2026, 11, 22)
CHAIR, MINUTES = "Lê Thị Cúc", "Phạm Văn Cường"
PLACE = "Phòng họp Hội đồng trường"
TOPICS = (
    "Triển khai nhiệm vụ năm 2026; phân công đảng viên phụ trách",
    "Kiểm điểm công tác tháng 1; chuẩn bị dạy học sau Tết",
    "Sơ kết công tác phát triển đảng viên quý I",
    "Góp ý kế hoạch thi tốt nghiệp trung học phổ thông",
    "Đánh giá giữa nhiệm kỳ; bồi dưỡng học sinh giỏi",
    "Tổng kết năm học 2025–2026",
    "Sinh hoạt hè; chăm lo gia đình chính sách",
    "Chuẩn bị khai giảng năm học 2026–2027",
    "Công tác tuyển sinh lớp 10 và phân công chủ nhiệm",
    "Phát động thi đua chào mừng ngày Nhà giáo Việt Nam",
    "Kiểm điểm, đánh giá chất lượng đảng viên năm 2026",
)
GUEST = "Trần Văn Hòa (Phó Bí thư Đảng ủy phường)"


@dataclass(frozen=True)
class Year:
    """The meetings of 2026 made for the tests, by what they are."""

    november: str  # regular, 05/11, with absences, a guest and people not expected
    october: str
    thematic: str
    committee: str
    training: str  # awareness class, two certificates issued
    planned: str  # regular, 03/12, not held yet
    people: dict[str, str]  # full name → id


def make_year(reg: Register) -> Year:
    """A year of a school's cell: a regular meeting every month, a thematic one, a study
    session, a committee meeting, an awareness class and a meeting planned for December. The
    demo's own meetings are removed first, so the figures here are the test's alone."""
    for meeting in meetings.list_meetings(reg):
        meetings.delete_meeting(reg, meeting.id)
    people = {p.full_name: p.id for p in members.list_people(reg)}
    common = {"place": PLACE, "chair": people[CHAIR], "minute_taker": people[MINUTES]}

    def add(kind: str, on: D, topic: str, **more: object) -> str:
        data = {"kind": kind, "date": on, "topic": topic, **common, **more}
        return meetings.add_meeting(reg, data, today=TODAY).id

    ids = [
        add("regular", D(2026, month, 5), topic, resolution=f"{month:02d}-NQ/CB")
        for month, topic in enumerate(TOPICS, start=1)
    ]
    thematic = add(
        "thematic",
        D(2026, 5, 19),
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về trách nhiệm nêu gương",
    )
    add("study", D(2026, 7, 15), "Quán triệt Nghị quyết Đại hội Đảng bộ phường lần thứ I")
    committee = add("committee", D(2026, 10, 28), "Chuẩn bị nội dung sinh hoạt tháng 11")
    training = add(
        "training",
        D(2026, 10, 10),
        "Khóa 2/2026",
        class_kind="awareness_class",
        place="Trung tâm Chính trị phường Quy Nhơn Nam",
    )
    planned = add("regular", D(2026, 12, 3), "Tổng kết công tác năm 2026", held=False)
    _roll_november(reg, ids[10], people)
    _roll_october(reg, ids[9], people)
    for name in ("Tăng Mỹ Linh", "Phạm Mỹ Uyên"):
        meetings.issue_certificate(
            reg, training, people[name], "215/CN", D(2026, 10, 12), issuer="TTCT", today=TODAY
        )
    return Year(ids[10], ids[9], thematic, committee, training, planned, people)


def _roll_november(reg: Register, meeting_id: str, people: dict[str, str]) -> None:
    entries = [
        Entry("absent", people["Nguyễn Văn Sơn"]),
        Entry("excused", people["Vũ Thị Nga"], reason="Đi công tác tại Hà Nội"),
        Entry("late", people["Lê Văn Tâm"], reason="Dạy tiết 5"),
        Entry("present", people["Nguyễn Văn Quyết"]),  # exempted, came anyway
        Entry("present", people["Trần Diệu Diễm"]),  # candidate
        Entry("present", guest_name=GUEST),
    ]
    meetings.record_rollcall(reg, meeting_id, entries, today=TODAY)


def _roll_october(reg: Register, meeting_id: str, people: dict[str, str]) -> None:
    entries = [
        Entry("excused", people["Nguyễn Thị Oanh"], reason="Ốm, có giấy của bệnh viện"),
        Entry("absent", people["Hứa Chí Hưng"]),
    ]
    meetings.record_rollcall(reg, meeting_id, entries, today=TODAY)


@pytest.fixture
def runner(demo_runner, vietnamese) -> TaskRunner:
    return demo_runner


@pytest.fixture
def year(runner) -> Year:
    return run(runner, make_year)


@pytest.fixture
def page(qtbot, runner, year) -> MeetingsPage:
    page = MeetingsPage(runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    settle(runner)
    return page


@pytest.fixture
def yes(monkeypatch) -> list[str]:
    """Questions are answered Yes (and recorded)."""
    asked: list[str] = []

    def ask(parent, title, text, **_kw):
        asked.append(text)
        return errors.Button.Yes

    monkeypatch.setattr(errors.MessageDialog, "ask", ask)
    return asked


# -- helpers --------------------------------------------------------------------------------


def year_list(runner: TaskRunner, year: int = 2026) -> list[MeetingView]:
    return run(runner, lambda reg: meetings.list_meetings(reg, year))


def detail_of(runner: TaskRunner, meeting_id: str) -> MeetingDetail:
    return run(runner, lambda reg: meetings.get_meeting(reg, meeting_id))


def shown(page: MeetingsPage, meeting_id: str, runner: TaskRunner) -> None:
    page.select_meeting(meeting_id)
    settle(runner)
    assert page.detail.meeting().id == meeting_id


def choose_line(page: MeetingsPage, name: str) -> int:
    model = page.detail.roll_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).name == name)
    page.detail.select_line(row)
    return row


def line_of(page: MeetingsPage, name: str):
    return next(line for line in page.detail.roll_model.rows() if line.name == name)


def row_text(page: MeetingsPage, meeting_id: str, column: int) -> str:
    row = page.model.row_of(meeting_id)
    assert row is not None
    return page.model.index(row, column).data()


def save(dialog, qtbot, runner: TaskRunner) -> None:
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog._busy)
    settle(runner)


def opened(qtbot, runner: TaskRunner, make: Callable[[], QDialog]):
    dialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    settle(runner)  # the lists of people
    return dialog


def fake_ask(monkeypatch, cls, fill: Callable, seen: list) -> None:
    """``cls.ask`` opens the real dialog, ``fill`` types into it, Save; the dialog is kept in
    ``seen`` (with its banner) and the answer returned as the real ask() would."""

    def ask(klass, runner_, *args, **kwargs):
        dialog = klass(runner_, *args, **kwargs)
        dialog.show()
        settle(runner_)
        fill(dialog)
        dialog.save_button.click()
        settle(runner_)
        seen.append(dialog)
        if dialog.banner.level == "warning":  # saved, with a notice: OK closes it
            dialog.save_button.click()
        return dialog.saved if dialog.result() == QDialog.DialogCode.Accepted else None

    monkeypatch.setattr(cls, "ask", classmethod(ask))


def fill_meeting(kind: str, on: D, topic: str, held: bool = True, class_kind: str = ""):
    def fill(dialog: MeetingDialog) -> None:
        dialog.set_kind(kind)
        if class_kind:
            dialog.class_kind.setCurrentIndex(dialog.class_kind.findData(class_kind))
        replace_text(dialog.date, on.strftime("%d/%m/%Y"))
        dialog.held.setChecked(held)
        commit_text(dialog.topic, topic)
        commit_text(dialog.place, PLACE)
        replace_text(dialog.chair.lineEdit(), CHAIR)
        replace_text(dialog.minute_taker.lineEdit(), "pham van cuong")  # accents optional
        commit_text(dialog.resolution, "12-NQ/CB")

    return fill


# -- the models, without widgets ------------------------------------------------------------


def test_models(qtmodeltester, runner, year) -> None:
    rows = year_list(runner)
    model = MeetingsModel()
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    november = next(m for m in rows if m.id == year.november)
    row = model.row_of(year.november)
    assert model.index(row, meetings_model.DATE).data() == "05/11/2026"
    assert model.index(row, meetings_model.KIND).data() == "Thường kỳ"
    t = november.tally
    assert (t.expected, t.attended, t.late, t.excused, t.absent) == (34, 32, 1, 1, 1)
    assert model.index(row, meetings_model.ATTENDANCE).data() == "32/34 (94,1%)"
    planned = model.index(model.row_of(year.planned), meetings_model.ATTENDANCE)
    assert planned.data() == "dự kiến"
    assert planned.data(Qt.ItemDataRole.FontRole).italic()
    training = model.index(model.row_of(year.training), meetings_model.ATTENDANCE)
    assert training.data() == "2 người dự"  # a class has no list of members expected

    detail = detail_of(runner, year.november)
    roll = RollModel()
    roll.set_rows(detail.roll)
    qtmodeltester.check(roll, force_py=True)
    groups = [line.group for line in detail.roll]
    assert groups == sorted(groups, key=["member", "exempted", "candidate", "guest"].index)
    sơn = roll.row_of(year.people["Nguyễn Văn Sơn"])
    assert roll.index(sơn, roll_model.STATUS).data() == "Vắng không lý do"

    certificates = CertificatesModel()
    certificates.set_rows(detail_of(runner, year.training).certificates)
    qtmodeltester.check(certificates, force_py=True)
    assert certificates.rowCount() == 2


# -- the page -------------------------------------------------------------------------------


def test_year_list_and_detail(page, runner, year) -> None:
    assert page.current_year() == 2026
    assert page.model.rowCount() == len(year_list(runner)) == 16
    assert page.detail.meeting().id == year.november  # the latest meeting up to today
    assert page.count_label.text() == "16 buổi trong năm 2026, 1 buổi dự kiến"
    assert page.detail.title_label.text() == "Sinh hoạt thường kỳ 05/11/2026"
    assert page.detail.values["chair"].text() == CHAIR
    assert page.detail.tally_label.text() == (
        "Có mặt 32/34 đảng viên phải dự (94,1%): đến muộn 1, vắng có lý do 1, "
        "vắng không lý do 1; thêm 3 người dự ngoài danh sách"
    )
    assert line_of(page, "Vũ Thị Nga").reason == "Đi công tác tại Hà Nội"
    assert line_of(page, GUEST).group == "guest"
    page.year.setValue(2025)
    settle(runner)
    assert page.model.rowCount() == 0 and page.detail.meeting() is None
    assert not page.edit_button.isEnabled()


def test_select_meeting_of_another_year(page, runner, year) -> None:
    page.year.setValue(2025)
    settle(runner)
    page.select_meeting(year.october)
    settle(runner)
    assert page.current_year() == 2026
    assert page.current_meeting().id == year.october
    assert page.detail.meeting().id == year.october


def test_add_meeting_through_the_dialog(page, runner, monkeypatch, qtbot) -> None:
    seen: list[MeetingDialog] = []
    topic = "Sinh hoạt chuyên đề quý IV: nêu gương người đứng đầu"
    fake_ask(monkeypatch, MeetingDialog, fill_meeting("thematic", D(2026, 11, 19), topic), seen)
    page.add_button.click()
    settle(runner)
    added = page.current_meeting()
    assert added is not None and added.topic == topic and added.kind == "thematic"
    assert added.chair_name == CHAIR and added.minute_taker_name == MINUTES
    assert page.detail.meeting().id == added.id
    assert page.detail.tally_label.text().startswith("Có mặt 34/34")
    assert not page.banner.isVisible()
    assert any(m.id == added.id for m in year_list(runner))


def test_second_regular_meeting_in_a_month_is_a_warning(
    page, runner, monkeypatch, qtbot, screens
) -> None:
    seen: list[MeetingDialog] = []
    fill = fill_meeting("regular", D(2026, 11, 20), "Bổ sung: bầu bí thư chi bộ")
    fake_ask(monkeypatch, MeetingDialog, fill, seen)
    page.add_button.click()
    settle(runner)
    dialog = seen[0]
    warning = (
        "Tháng 11/2026 đã có 2 buổi sinh hoạt thường kỳ (05/11/2026, 20/11/2026); nếu một "
        "buổi là chuyên đề hay họp khác, hãy sửa loại"
    )
    assert dialog.banner.level == "warning" and warning in dialog.banner.text()
    assert page.banner.isVisible() and page.banner.level == "warning"
    assert page.banner.text() == warning
    assert page.current_meeting().date == "2026-11-20"  # saved all the same
    screens(page, "meetings_warning")


def test_held_in_the_future_is_refused(page, runner, monkeypatch, qtbot, screens) -> None:
    before = len(year_list(runner))
    dialog = opened(qtbot, runner, lambda: MeetingDialog(runner, None, page, TODAY))
    fill_meeting("regular", D(2026, 12, 17), "Sinh hoạt tháng 12")(dialog)
    save(dialog, qtbot, runner)
    assert dialog.isVisible() and dialog.saved is None and dialog.banner.level == "error"
    assert dialog.banner.text() == (
        "Buổi sinh hoạt thường kỳ ngày 17/12/2026: ngày trong tương lai, chưa thể ghi là đã "
        "họp (bỏ dấu «đã họp» để ghi là dự kiến)"
    )
    dialog.adjustSize()  # as the window grows on a desktop when the banner appears
    screens(dialog, "dialog_meeting_refused")
    assert len(year_list(runner)) == before
    dialog.held.setChecked(False)  # planned instead
    save(dialog, qtbot, runner)
    assert dialog.saved is not None and not dialog.saved.held
    assert len(year_list(runner)) == before + 1


def test_edit_a_meeting(page, runner, year, monkeypatch, qtbot) -> None:
    shown(page, year.november, runner)
    seen: list[MeetingDialog] = []

    def fill(dialog: MeetingDialog) -> None:
        assert dialog.topic.text() == TOPICS[10] and dialog.chair.currentText() == CHAIR
        commit_text(dialog.notes, "Đồng chí Bí thư Đảng ủy phường dự và phát biểu chỉ đạo")

    fake_ask(monkeypatch, MeetingDialog, fill, seen)
    page.edit_button.click()
    settle(runner)
    assert page.detail.values["notes"].text().startswith("Đồng chí Bí thư Đảng ủy phường")
    assert page.current_meeting().version == 2


def test_roll_call_with_the_keyboard(page, runner, year, monkeypatch, qtbot) -> None:
    shown(page, year.october, runner)
    assert page.detail.tally_label.text().startswith("Có mặt 32/34")
    table = page.detail.roll_table
    row = choose_line(page, "Nguyễn Thị Giang")
    qtbot.keyClick(table, Qt.Key.Key_V)  # vắng không lý do
    settle(runner)
    assert line_of(page, "Nguyễn Thị Giang").status == "absent"
    assert page.detail.current_line().name == "Nguyễn Thị Giang"  # still the chosen line
    assert page.detail.tally_label.text().startswith("Có mặt 31/34")
    assert row_text(page, year.october, meetings_model.ATTENDANCE) == "31/34 (91,2%)"

    def reason(dialog: ReasonDialog) -> None:
        assert not dialog.save_button.isEnabled()  # a reason is required
        commit_text(dialog.reason, "Con ốm phải nằm viện")

    fake_ask(monkeypatch, ReasonDialog, reason, [])
    qtbot.keyClick(table, Qt.Key.Key_P)  # vắng có lý do: the reason is asked
    settle(runner)
    line = line_of(page, "Nguyễn Thị Giang")
    assert (line.status, line.reason) == ("excused", "Con ốm phải nằm viện")
    assert page.detail.tally_label.text() == (
        "Có mặt 31/34 đảng viên phải dự (91,2%): đến muộn 0, vắng có lý do 2, vắng không lý do 1"
    )
    qtbot.keyClick(table, Qt.Key.Key_M)
    settle(runner)
    assert line_of(page, "Nguyễn Thị Giang").status == "late"
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # back to the default: present
    settle(runner)
    assert line_of(page, "Nguyễn Thị Giang").status == "present"
    assert row_text(page, year.october, meetings_model.ATTENDANCE) == "32/34 (94,1%)"
    saved = detail_of(runner, year.october)
    assert {(e.status, e.person_id) for e in meetings.entries_of(saved)} == {
        ("absent", year.people["Hứa Chí Hưng"]),
        ("excused", year.people["Nguyễn Thị Oanh"]),
    }
    assert page.detail.current_line() == page.detail.roll_model.row_at(row)


def test_status_buttons_and_refusal(page, runner, year, qtbot) -> None:
    shown(page, year.november, runner)
    choose_line(page, "Trần Diệu Diễm")  # a candidate: only present or late
    page.detail.status_buttons["absent"].click()
    settle(runner)
    assert page.detail.banner.isVisible()
    assert "không có tên trong danh sách phải dự" in page.detail.banner.text()
    assert line_of(page, "Trần Diệu Diễm").status == "present"  # nothing written
    page.detail.status_buttons["late"].click()
    settle(runner)
    assert line_of(page, "Trần Diệu Diễm").status == "late"
    assert not page.detail.banner.isVisible()


def test_add_guest_and_attendee(page, runner, year, monkeypatch, qtbot, yes, screens) -> None:
    shown(page, year.october, runner)
    name = "Nguyễn Thị Ánh (Bí thư Đoàn trường)"
    guests: list[GuestDialog] = []
    fake_ask(monkeypatch, GuestDialog, lambda d: commit_text(d.name, name), guests)
    page.detail.guest_button.click()
    settle(runner)
    assert line_of(page, name).group == "guest" and line_of(page, name).status == "present"
    screens(guests[0], "dialog_guest")
    assert page.detail.tally_label.text().endswith("thêm 1 người dự ngoài danh sách")

    attendees: list[AttendeeDialog] = []

    def attendee(dialog: AttendeeDialog) -> None:
        offered = [dialog.person.itemText(i) for i in range(dialog.person.count())]
        assert "Nguyễn Văn Quyết" in offered and "Lê Thị Cúc" not in offered
        replace_text(dialog.person.lineEdit(), "Nguyễn Văn Quyết")

    fake_ask(monkeypatch, AttendeeDialog, attendee, attendees)
    page.detail.attendee_button.click()
    settle(runner)
    assert line_of(page, "Nguyễn Văn Quyết").status == "present"
    screens(attendees[0], "dialog_attendee")

    choose_line(page, name)
    qtbot.keyClick(page.detail.roll_table, Qt.Key.Key_M)  # the guest came late
    settle(runner)
    assert line_of(page, name).status == "late"
    qtbot.keyClick(page.detail.roll_table, Qt.Key.Key_Delete)  # taken off, after asking
    settle(runner)
    assert yes and name in yes[-1]
    assert all(line.name != name for line in page.detail.roll_model.rows())
    assert line_of(page, "Nguyễn Văn Quyết").status == "present"  # the others kept


def test_certificate_for_a_training_class(page, runner, year, monkeypatch, qtbot, screens):
    shown(page, year.training, runner)
    assert page.detail.certificate_button.isVisible()
    assert page.detail.certificates_model.rowCount() == 2
    seen: list[CertificateDialog] = []

    def fill(dialog: CertificateDialog) -> None:
        offered = [dialog.person.itemText(i) for i in range(dialog.person.count())]
        assert "Phan Kim Quyên" in offered and "Lê Thị Cúc" not in offered
        replace_text(dialog.person.lineEdit(), "Phan Kim Quyên")
        commit_text(dialog.number, "217/CN")
        replace_text(dialog.date, "12/10/2026")
        replace_text(dialog.issuer, "Trung tâm Chính trị phường")

    fake_ask(monkeypatch, CertificateDialog, fill, seen)
    page.detail.certificate_button.click()
    settle(runner)
    screens(seen[0], "dialog_certificate")
    model = page.detail.certificates_model
    assert model.rowCount() == 3
    assert [model.index(r, 1).data() for r in range(3)].count("217/CN") == 1
    assert line_of(page, "Phan Kim Quyên").status == "present"  # on the class's roll too
    pipeline = run(runner, lambda reg: development.pipeline(reg, year.people["Phan Kim Quyên"]))
    steps = [(s.kind, s.date) for s in pipeline.steps if s.kind == "awareness_class"]
    assert ("awareness_class", "2026-10-12") in steps


def test_regular_meeting_has_no_certificates(page, runner, year) -> None:
    shown(page, year.november, runner)
    assert not page.detail.certificate_button.isVisibleTo(page)
    assert not page.detail.certificates_box.isVisibleTo(page)


def test_planned_meeting_takes_no_roll(page, runner, year) -> None:
    shown(page, year.planned, runner)
    assert page.detail.state_label.text() == "Dự kiến"
    assert page.detail.roll_model.rowCount() == 0
    assert not page.detail.guest_button.isEnabled()
    assert "Dự kiến" in page.detail.hint.text() or "dự kiến" in page.detail.hint.text()


def test_delete_a_meeting(page, runner, year, yes, qtbot) -> None:
    shown(page, year.committee, runner)
    page.delete_button.click()
    settle(runner)
    assert yes and "Họp chi ủy 28/10/2026" in yes[0]
    assert page.model.row_of(year.committee) is None
    assert all(m.id != year.committee for m in year_list(runner))
    assert page.detail.meeting() is not None  # another meeting is shown


def test_delete_refused_keeps_the_class(page, runner, year, yes) -> None:
    shown(page, year.training, runner)
    page.delete_button.click()
    settle(runner)
    assert page.banner.isVisible() and "giấy chứng nhận cho 2 người" in page.banner.text()
    assert page.model.row_of(year.training) is not None


def test_cancelled_dialogs_write_nothing(qtbot, runner, year, monkeypatch) -> None:
    detail = detail_of(runner, year.november)
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert MeetingDialog.ask(runner) is None
    assert GuestDialog.ask(runner, detail.meeting) is None
    assert AttendeeDialog.ask(runner, detail) is None
    assert CertificateDialog.ask(runner, detail) is None
    assert ReasonDialog.ask(runner, detail.meeting, detail.roll[0]) is None
    settle(runner)


def test_register_changed_clears_and_reloads(page, runner, year) -> None:
    runner.register_changed.emit()
    settle(runner)
    assert page.model.rowCount() == 16 and page.detail.meeting() is not None


def test_a_hidden_page_loads_only_when_shown(page, runner, year, monkeypatch) -> None:
    """A large cell's year costs a second on the database thread: at start the page waits
    until it is shown, and the pages in view are not kept waiting behind it."""
    years: list[int] = []
    original = meetings.list_meetings
    monkeypatch.setattr(
        meetings, "list_meetings", lambda reg, y: years.append(y) or original(reg, y)
    )
    page.hide()
    runner.register_changed.emit()
    settle(runner)
    assert years == [] and page.model.rowCount() == 0
    page.show()
    settle(runner)
    assert years == [2026] and page.model.rowCount() == 16


# -- screenshots -----------------------------------------------------------------------------


def test_screenshots(page, runner, year, qtbot, screens) -> None:
    """tests/artifacts/screens/meetings_*.png and dialog_meeting_*.png: look at them."""
    shown(page, year.november, runner)
    choose_line(page, "Vũ Thị Nga")
    screens(page, "meetings_1280x800")
    shown(page, year.training, runner)
    screens(page, "meetings_training")
    shown(page, year.planned, runner)
    screens(page, "meetings_planned")
    meeting = detail_of(runner, year.training).meeting
    dialog = opened(qtbot, runner, lambda: MeetingDialog(runner, meeting, page, TODAY))
    screens(dialog, "dialog_meeting_edit_training")
    dialog.reject()
    dialog = opened(qtbot, runner, lambda: MeetingDialog(runner, None, page, TODAY))
    screens(dialog, "dialog_meeting_add")
    dialog.reject()
    november = detail_of(runner, year.november)
    nga = next(line for line in november.roll if line.name == "Vũ Thị Nga")
    dialog = opened(qtbot, runner, lambda: ReasonDialog(runner, november.meeting, nga, page, TODAY))
    screens(dialog, "dialog_reason")
    dialog.reject()


# -- the grid and the year's figures as tabs of the page ----------------------------------


def test_grid_and_figures_tabs_follow_the_year_and_the_grid(page, runner, year, qtbot) -> None:
    page.tabs.setCurrentWidget(page.grid)
    settle(runner)
    assert page.grid.year == 2026 and page.grid.model.rowCount() > 0
    son = year.people["Nguyễn Văn Sơn"]
    page.select_person(son)
    settle(runner)
    cell = page.grid.model.cell(page.grid.table.currentIndex())
    assert cell is not None and cell.row.person_id == son
    # a mark in the grid shows in the meetings list's tally
    page.grid.table.setCurrentIndex(
        page.grid.model.index(page.grid.model.row_of(son), _column_of(page, year.october))
    )
    before = detail_of(runner, year.october).meeting.tally
    qtbot.keyClick(page.grid.table, Qt.Key.Key_V)
    settle(runner)
    after = detail_of(runner, year.october).meeting.tally
    assert (after.absent, after.attended) == (before.absent + 1, before.attended - 1)
    assert row_text(page, year.october, meetings_model.ATTENDANCE) == _tally_text(runner, year)
    page.tabs.setCurrentWidget(page.report)
    settle(runner)
    rows = {m.name: m for m in page.report.data.report.members}
    assert 10 in rows["Nguyễn Văn Sơn"].unexcused_months
    page.year.setValue(2025)
    settle(runner)
    assert page.report.data.report.year == 2025
    page.select_person("")
    assert page.tabs.currentIndex() == 0


def _column_of(page: MeetingsPage, meeting_id: str) -> int:
    grid = page.grid.model
    return next(
        c for c in range(grid.columnCount()) if (m := grid.meeting_at(c)) and m.id == meeting_id
    )


def _tally_text(runner: TaskRunner, year: Year) -> str:
    page_model = MeetingsModel()
    page_model.set_rows(year_list(runner))
    row = page_model.row_of(year.october)
    return page_model.index(row, meetings_model.ATTENDANCE).data()
