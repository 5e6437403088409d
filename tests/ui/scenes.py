"""Every page and dialog of the program, each put in a realistic state on the demo register, for
the tests that look at all of them: Vietnamese everywhere, the pseudo-translation (no clipped
label), the keyboard (tab order), and the user guide's screenshots.

A ``Scene`` shows one thing and returns the top-level widget to look at: the main window at
1280×800 on one of its pages, or a dialog opened over it (shown, not ``exec()``-ed, so the test
goes on). ``Stage.close_dialogs()`` closes what a scene opened; pages are left as they are (the
next scene chooses its own area).
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QWidget,
    QWizard,
)

import desktop_app.ui
from desktop_app.services import development, meetings, members
from desktop_app.services.development import Pipeline
from desktop_app.services.meetings import MeetingDetail
from desktop_app.services.views import PersonView
from desktop_app.ui import errors
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.placeholder import BrokenPage
from desktop_app.ui.settings import Settings
from desktop_app.ui.tasks import TaskRunner
from tests.ui.conftest import SCREEN_SIZE
from tests.ui.helpers import commit_text, run, settle

WAIT = 15_000
TODAY = dt.date(2026, 11, 22)  # the demo register's day (tests/conftest.py)
CANDIDATE = "Phan Kim Quyên"  # a candidate with papers and steps recorded
PROBATIONARY = "Trần Thị Dung"  # admitted, in probation
MEMBER = "Lê Thị Cúc"  # an official member with a history
ADMISSION = "5-KNĐ"  # a form the candidate below has reached
RECOVERY_KEY = "7KQM-2WXP-9RTD-4HNB-CJ3F-VL8S-6GYA-ZE5U-Q2MK"
TRAINING_TOPIC = "Lớp bồi dưỡng nhận thức về Đảng, khóa 2/2026"


@dataclass
class Stage:
    """The main window on a copy of the demo register, and what the scenes opened."""

    qtbot: object
    runner: TaskRunner
    window: MainWindow
    tmp: Path
    opened: list[QWidget] = field(default_factory=list)

    # -- the register ------------------------------------------------------------------------

    def person(self, name: str) -> PersonView:
        return next(p for p in run(self.runner, members.list_people) if p.full_name == name)

    def pipeline(self, name: str) -> Pipeline:
        pid = self.person(name).id
        return run(self.runner, lambda reg: development.pipeline(reg, pid))

    def meeting_detail(self, kind: str = "regular") -> MeetingDetail:
        """The latest meeting held of ``kind`` (a training class is added the first time)."""
        if kind == "training":
            self.training_class()
        held = [m for m in run(self.runner, meetings.list_meetings) if m.kind == kind and m.held]
        latest = max(held, key=lambda m: m.date)
        return run(self.runner, lambda reg: meetings.get_meeting(reg, latest.id))

    def training_class(self) -> str:
        """An awareness class held in October, with one certificate issued (added once)."""
        found = [m for m in run(self.runner, meetings.list_meetings) if m.kind == "training"]
        if found:
            return found[0].id
        linh = self.person("Tăng Mỹ Linh").id

        def add(reg) -> str:
            data = {
                "kind": "training",
                "class_kind": "awareness_class",
                "date": dt.date(2026, 10, 10),
                "topic": TRAINING_TOPIC,
                "place": "Trung tâm Chính trị phường Quy Nhơn Nam",
            }
            meeting = meetings.add_meeting(reg, data, today=TODAY)
            meetings.issue_certificate(
                reg, meeting.id, linh, "215/CN", dt.date(2026, 10, 12), issuer="TTCT", today=TODAY
            )
            return meeting.id

        return run(self.runner, add)

    # -- showing -----------------------------------------------------------------------------

    def area(self, key: str) -> MainWindow:
        self.window.show_area(key)
        self.settle()
        return self.window

    def settle(self) -> None:
        settle(self.runner)
        QApplication.processEvents()
        settle(self.runner)

    def dialog(self, dialog: QWidget, size: tuple[int, int] | None = None) -> QWidget:
        """Show a dialog over the window (not modally) and let it load, at the size it
        would open at on a 1280×800 screen."""
        self.opened.append(dialog)
        if size:
            dialog.resize(*size)
        chose_size = dialog.testAttribute(Qt.WidgetAttribute.WA_Resized)
        dialog.show()
        self.settle()
        if not chose_size:
            dialog.resize(opening_size(dialog))
            QApplication.processEvents()
        return dialog

    def close_dialogs(self) -> None:
        for dialog in reversed(self.opened):
            if isinstance(dialog, QDialog):
                dialog.done(0)  # not reject(): some ask first
            dialog.hide()
            dialog.deleteLater()
        self.opened.clear()
        # deleted now: a hidden wizard left alive crashes Qt when the style sheet is set twice
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        self.settle()


def opening_size(window: QWidget) -> QSize:
    """The size Qt gives a window that did not choose one when it first shows on a
    1280×800 screen (``QWidget::adjustSize``: its size hint, at most two thirds of the
    screen, at least its minimum size). The test platform's own screen is 800×800."""
    size = window.sizeHint()
    layout = window.layout()
    if layout is not None and layout.hasHeightForWidth():
        size.setHeight(layout.totalHeightForWidth(size.width()))
    width, height = SCREEN_SIZE
    size = size.boundedTo(QSize(width * 2 // 3, height * 2 // 3))
    return size.expandedTo(window.minimumSize()).expandedTo(window.minimumSizeHint())


@dataclass(frozen=True)
class Scene:
    name: str
    show: Callable[[Stage], QWidget]
    page: bool = False  # the main window on a page (else a dialog or a window of its own)


# -- pages ----------------------------------------------------------------------------------


def today_page(stage: Stage) -> QWidget:
    window = stage.area("today")
    page = window.pages["today"]
    stage.qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT)
    page.select_row(0)
    return window


def members_page(stage: Stage) -> QWidget:
    window = stage.area("members")
    page = window.pages["members"]
    page.show_list()
    stage.qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT)
    page.set_status_group("all")
    stage.settle()
    return window


def member_detail(stage: Stage) -> QWidget:
    window = members_page(stage)
    page = window.pages["members"]
    assert page.select_person(stage.person(MEMBER).id)
    page.open_detail()
    stage.settle()
    return window


def candidates_page(tab: int, name: str = CANDIDATE) -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        window = stage.area("candidates")
        page = window.pages["candidates"]
        page.roster.review_button.setChecked(False)
        stage.settle()
        assert page.select_person(stage.person(name).id)
        stage.settle()
        page.view.tabs.setCurrentIndex(tab)
        return window

    return show


def candidates_review(stage: Stage) -> QWidget:
    window = candidates_page(0)(stage)
    window.pages["candidates"].roster.review_button.setChecked(True)
    return window


def meetings_page(kind: str = "regular") -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        detail = stage.meeting_detail(kind)
        window = stage.area("meetings")
        page = window.pages["meetings"]
        page.tabs.setCurrentIndex(0)
        page.year.setValue(int(detail.meeting.date[:4]))
        stage.settle()
        page.select_meeting(detail.meeting.id)
        stage.settle()
        if page.detail.roll_model.rowCount():
            page.detail.select_line(0)
        return window

    return show


def meetings_tab(index: int) -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        window = stage.area("meetings")
        page = window.pages["meetings"]
        page.year.setValue(2026)
        page.tabs.setCurrentIndex(index)
        stage.settle()
        return window

    return show


def forms_page(stage: Stage) -> QWidget:
    window = stage.area("forms")
    page = window.pages["forms"]
    stage.qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT)
    page.show_form(ADMISSION, stage.person(CANDIDATE).id, None)
    stage.settle()
    stage.qtbot.waitUntil(lambda: page.preview.page_count() > 0, timeout=WAIT)
    return window


def simple_area(key: str) -> Callable[[Stage], QWidget]:
    return lambda stage: stage.area(key)


def reports_page(tab: int) -> Callable[[Stage], QWidget]:
    """The year-to-date report; or the ratings of 2026 with a member rated and chosen."""

    def show(stage: Stage) -> QWidget:
        from desktop_app.services import ratings

        member = stage.person(MEMBER).id
        run(stage.runner, lambda reg: ratings.set_rating(
            reg, member, 2026, "good", points="85", note="Hoàn thành tốt nhiệm vụ được giao",
            today=TODAY))  # fmt: skip
        window = stage.area("reports")
        page = window.pages["reports"]
        page.tabs.setCurrentIndex(tab)
        stage.settle()
        if tab:
            stage.qtbot.waitUntil(lambda: page.ratings.roster is not None, timeout=WAIT)
            page.ratings.select_person(member)
        else:
            stage.qtbot.waitUntil(lambda: page.view.shown is not None, timeout=WAIT)
        return window

    return show


UPPER_LEVEL = "Đảng ủy phường Quy Nhơn Nam"


def sync_page(sent: bool) -> Callable[[Stage], QWidget]:
    """Not enrolled yet; or enrolled and a bundle written to a stick (the upper level's keys
    made here, without a workspace: opening one would take the models' database)."""

    def show(stage: Stage) -> QWidget:
        if sent:
            enrol_and_send(stage)
        window = stage.area("sync")
        window.pages["sync"].reload()  # already shown by the scene before
        stage.settle()
        return window

    return show


def enrol_and_send(stage: Stage) -> None:
    from desktop_app.services import cell, sync_cell
    from desktop_app.sync.upper_keys import UpperKeys, write_enrolment

    if run(stage.runner, sync_cell.status).enrolled:
        return
    code = run(stage.runner, cell.get_cell).code
    keys = UpperKeys.generate(UPPER_LEVEL)
    path = write_enrolment(keys.enrolment_for(code), stage.tmp / f"{code}.sochibo-ghidanh")
    usb = stage.tmp / "usb"
    usb.mkdir(exist_ok=True)
    run(stage.runner, lambda reg: sync_cell.enrol(reg, path))
    run(stage.runner, lambda reg: sync_cell.export_bundle(reg, usb))


def settings_page(stage: Stage) -> QWidget:
    from desktop_app.services import backups

    run(stage.runner, lambda reg: backups.create_backup(reg, "thu-cong"))
    window = stage.area("settings")
    window.pages["settings"].reload()
    stage.settle()
    return window


# -- windows of their own -----------------------------------------------------------------------


def welcome(stage: Stage) -> QWidget:
    from desktop_app.ui.pages.welcome import WelcomePage

    page = WelcomePage()
    return stage.dialog(page, (page.sizeHint().width(), page.sizeHint().height()))


def unlock(recovery: bool) -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        from desktop_app.ui.dialogs.unlock import UnlockDialog

        dialog = UnlockDialog(stage.runner, stage.tmp / "chi-bo.sochibo", stage.window)
        stage.dialog(dialog)
        dialog.use_recovery.setChecked(recovery)
        return dialog

    return show


def wizard(page: int) -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        from desktop_app.ui.dialogs.create_wizard import CreateWizard

        dialog = CreateWizard(stage.runner, stage.window)
        stage.dialog(dialog)
        if page >= 1:
            fields = dialog.cell_page.fields
            commit_text(fields["name"], "Chi bộ Khu phố 5")
            commit_text(fields["code"], "CB-KP5")
            commit_text(fields["upper_level"], "Đảng ủy phường Quy Nhơn")
            dialog.next()
            commit_text(dialog.place_page.path, str(stage.tmp / "moi" / "chi-bo-kp5.sochibo"))
            stage.settle()
        for box in (dialog.place_page.passphrase, dialog.place_page.confirm):
            commit_text(box, "mật khẩu rất dài của chi bộ 2026")
        if page >= 2:  # as if created: making a register here would take the models' database
            dialog._created(stage.tmp / "moi" / "chi-bo-kp5.sochibo", (object(), RECOVERY_KEY))
        return dialog

    return show


def placement(stage: Stage) -> QWidget:
    from desktop_app.services.placement import Placement
    from desktop_app.ui.app import PlacementPrompt

    where = Placement(
        path=stage.tmp / "chi-bo.sochibo",
        ok=False,
        kind="removable",
        message="Sổ nằm trên ổ USB: rút USB ra lúc đang ghi là hỏng sổ. "
        "Hãy chép sổ vào máy này rồi mở bản chép.",
    )
    return stage.dialog(PlacementPrompt(where, stage.window))


def error_dialog(stage: Stage) -> QWidget:
    try:
        raise RuntimeError("trục trặc nội bộ")
    except RuntimeError as exc:
        details = errors.technical_details(exc)
    message = QApplication.translate(
        "Errors",
        "Something went wrong in the program. What you were doing may not have been "
        "saved; the register itself is safe. The details below help whoever looks after the "
        "program: copy them, or send them the log folder.",
    )
    dialog = errors.ErrorDialog(message, details, stage.window)
    return stage.dialog(dialog)


def question(stage: Stage) -> QWidget:
    box = errors.MessageDialog(
        errors.Icon.Question,
        "Khôi phục bản sao lưu",
        "Đưa bản sao lưu vào thay sổ?",
        errors.Button.Yes | errors.Button.No,
        stage.window,
    )
    return stage.dialog(box)


def file_dialog(stage: Stage) -> QWidget:
    """Qt's own file dialog (Linux without a desktop's one): its texts are qtbase_vi's."""
    dialog = QFileDialog(stage.window, "Mở sổ", str(stage.tmp), "Sổ chi bộ (*.sochibo)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    return stage.dialog(dialog)


def print_dialog(stage: Stage) -> QWidget:
    """Qt's own print dialog (Linux; Windows shows its own, in the language of Windows)."""
    from PySide6.QtPrintSupport import QPrintDialog

    from desktop_app.ui.widgets.pdf_pages import a4_printer

    printer = a4_printer("5-KNĐ")
    dialog = QPrintDialog(printer, stage.window)
    dialog.printer_kept = printer  # the dialog needs it alive
    return stage.dialog(dialog)


# -- dialogs over the window -----------------------------------------------------------------


def member_dialog(edit: bool) -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        from desktop_app.ui.dialogs.member_dialog import MemberDialog

        person = stage.person(MEMBER) if edit else None
        return stage.dialog(MemberDialog(stage.runner, person, stage.window))

    return show


def event_dialog(stage: Stage) -> QWidget:
    from desktop_app.ui.dialogs.event_dialog import EventDialog

    return stage.dialog(EventDialog(stage.runner, stage.person(MEMBER), stage.window, TODAY))


def import_dialog(step: int) -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        from desktop_app.ui.dialogs.import_dialog import ImportDialog
        from tests.ui.test_import_dialog import write_list

        path = write_list(stage.tmp / "danh-sach-dang-vien.xlsx") if step else None
        dialog = ImportDialog(stage.runner, stage.window, TODAY, path)
        stage.dialog(dialog, SCREEN_SIZE)
        if step >= 2:
            dialog.next_button.click()
            stage.settle()
        return dialog

    return show


def candidate_dialog(stage: Stage) -> QWidget:
    from desktop_app.ui.dialogs.candidate_dialog import CandidateDialog

    return stage.dialog(CandidateDialog(stage.runner, stage.window, TODAY))


def step_dialog(kind: str | None) -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        from desktop_app.ui.dialogs.step_dialog import StepDialog

        pipeline = stage.pipeline(CANDIDATE)
        return stage.dialog(StepDialog(stage.runner, pipeline, stage.window, TODAY, kind))

    return show


def vote_dialog(stage: Stage) -> QWidget:
    from desktop_app.ui.dialogs.vote_dialog import VoteDialog

    return stage.dialog(VoteDialog(stage.runner, stage.pipeline(CANDIDATE), stage.window, TODAY))


def mentor_dialog(stage: Stage) -> QWidget:
    from desktop_app.ui.dialogs.mentor_dialog import MentorDialog

    dialog = MentorDialog(stage.runner, stage.pipeline(CANDIDATE), stage.window, TODAY)
    return stage.dialog(dialog)


def end_mentor_dialog(stage: Stage) -> QWidget:
    from desktop_app.ui.dialogs.mentor_dialog import EndMentorDialog

    dialog = EndMentorDialog(stage.runner, stage.pipeline(PROBATIONARY), None, stage.window, TODAY)
    return stage.dialog(dialog)


def meeting_dialog(edit: bool) -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        from desktop_app.ui.dialogs.meeting_dialog import MeetingDialog

        meeting = stage.meeting_detail("training").meeting if edit else None
        return stage.dialog(MeetingDialog(stage.runner, meeting, stage.window, TODAY))

    return show


def reason_dialog(stage: Stage) -> QWidget:
    from desktop_app.ui.dialogs.roll_dialogs import ReasonDialog

    detail = stage.meeting_detail()
    line = detail.roll[0]
    return stage.dialog(ReasonDialog(stage.runner, detail.meeting, line, stage.window, TODAY))


def guest_dialog(stage: Stage) -> QWidget:
    from desktop_app.ui.dialogs.roll_dialogs import GuestDialog

    detail = stage.meeting_detail()
    return stage.dialog(GuestDialog(stage.runner, detail.meeting, stage.window, TODAY))


def attendee_dialog(stage: Stage) -> QWidget:
    from desktop_app.ui.dialogs.roll_dialogs import AttendeeDialog

    detail = stage.meeting_detail()
    return stage.dialog(AttendeeDialog(stage.runner, detail, stage.window, TODAY))


def certificate_dialog(stage: Stage) -> QWidget:
    from desktop_app.ui.dialogs.certificate_dialog import CertificateDialog

    detail = stage.meeting_detail("training")
    return stage.dialog(CertificateDialog(stage.runner, detail, None, stage.window, TODAY))


def absence_dialog(stage: Stage) -> QWidget:
    from desktop_app.ui.pages.attendance_grid import AbsenceReasonDialog

    dialog = AbsenceReasonDialog(MEMBER, "Sinh hoạt thường kỳ 06/10/2026", "", stage.window)
    return stage.dialog(dialog)


def rules_dialog(tab: int) -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        from desktop_app.ui.dialogs.rules_dialog import RulesDialog

        dialog = RulesDialog(stage.runner, stage.window, today=TODAY)
        stage.dialog(dialog)
        dialog.tabs.setCurrentIndex(tab)
        stage.settle()
        return dialog

    return show


def audit_dialog(person: bool) -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        from desktop_app.ui.dialogs.audit_dialog import AuditDialog

        who = stage.person(MEMBER) if person else None
        dialog = AuditDialog(
            stage.runner, stage.window, who.id if who else None, who.full_name if who else ""
        )
        return stage.dialog(dialog)

    return show


def passphrase_dialog(stage: Stage) -> QWidget:
    from desktop_app.ui.dialogs.passphrase_dialog import PassphraseDialog

    return stage.dialog(PassphraseDialog(stage.runner, stage.window))


def new_passphrase_dialog(stage: Stage) -> QWidget:
    from desktop_app.ui.dialogs.recovery_dialog import NewPassphraseDialog

    register = run(stage.runner, lambda reg: reg)
    dialog = NewPassphraseDialog(stage.runner, register, RECOVERY_KEY, stage.window)
    return stage.dialog(dialog)


def recovery_key_dialog(stage: Stage) -> QWidget:
    from desktop_app.ui.dialogs.recovery_dialog import NewRecoveryKeyDialog

    return stage.dialog(NewRecoveryKeyDialog(stage.runner, stage.window))


def enrol_dialog(replace: bool) -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        from desktop_app.services.sync_cell import EnrolPreview
        from desktop_app.ui.dialogs.sync_dialogs import EnrolDialog

        if replace:
            seen = EnrolPreview("replaced", "CB-THPT-NT.sochibo-ghidanh",
                                "Đảng ủy phường Ghềnh Ráng", "4KQD-M2WX-P9RT-7HNB", UPPER_LEVEL,
                                "62DM-11RX-A92S-C7SB", same_upper=False)  # fmt: skip
        else:
            seen = EnrolPreview("new", "CB-THPT-NT.sochibo-ghidanh", UPPER_LEVEL,
                                "62DM-11RX-A92S-C7SB")  # fmt: skip
        return stage.dialog(EnrolDialog(seen, stage.window))

    return show


def receipt_dialog(stage: Stage) -> QWidget:
    """A receipt as imported: the acknowledgement, a quota and a decision about a person."""
    from desktop_app.services import sync_cell
    from desktop_app.services.sync_cell import ReceiptResult, ReceivedDecisionView
    from desktop_app.ui.dialogs.sync_dialogs import ReceiptDialog

    person = stage.person(PROBATIONARY)
    decision = ReceivedDecisionView(
        "6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918", "recognition",
        "Quyết định công nhận đảng viên chính thức", person.id, person.full_name, "112-QĐ/ĐU",
        "2026-11-18", "", "recorded", sync_cell.OUTCOMES["recorded"],
    )  # fmt: skip
    result = ReceiptResult(
        "new", "CB-THPT-NT.nhan-000412.sochibo-biennhan", "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98",
        UPPER_LEVEL, 412, "2026-11-20T02:00:00.000Z", [{"year": 2026, "count": 3}], [decision],
        run(stage.runner, sync_cell.status),
    )  # fmt: skip
    return stage.dialog(ReceiptDialog(result, stage.window))


def transfer_slip_dialog(written: bool) -> Callable[[Stage], QWidget]:
    """An official member about to move: the day and destination typed; or the slip written,
    its code shown (made up here: writing would record the transfer in the demo)."""

    def show(stage: Stage) -> QWidget:
        from desktop_app.services.transfers import SlipWritten
        from desktop_app.ui.dialogs.transfer_slip_dialog import TransferSlipDialog

        person = stage.person(MEMBER)
        dialog = TransferSlipDialog(stage.runner, person, [], stage.window, TODAY, stage.tmp)
        commit_text(dialog.destination, "Chi bộ Khu phố 5, phường Quy Nhơn Nam")
        commit_text(dialog.reference, "80-QĐ/ĐU")
        stage.dialog(dialog)
        if written:
            path = stage.tmp / "CB-THPT-NT.chuyen-20261122-3f9a2c1b.sochibo-phieuchuyen"
            dialog.show_written(
                SlipWritten(
                    path, path.with_name(path.name + ".minisig"), "7K2M-QX4P-9ABP",
                    "3f9a2c1b-6978-4a1b-8c2d-3e4f5a6b7c8d", person.id, person.full_name,
                    "62DM-11RX-A92S-C7SB", "CAB5D4FAA279C3F4", TODAY.isoformat(),
                    "Chi bộ Khu phố 5, phường Quy Nhơn Nam", 4, True, 1454,
                    "2026-11-22T02:00:00.000Z",
                )
            )  # fmt: skip
            stage.settle()
        return dialog

    return show


def transfer_receive_dialog(opened: bool) -> Callable[[Stage], QWidget]:
    """Nothing chosen yet; or a slip from another cell opened with its code."""

    def show(stage: Stage) -> QWidget:
        from desktop_app.ui.dialogs.transfer_receive_dialog import TransferReceiveDialog
        from tests.sync import slip_samples

        path = slip_samples.write_sample(stage.tmp) if opened else None
        code = slip_samples.CODE if opened else ""
        dialog = TransferReceiveDialog(stage.runner, stage.window, TODAY, path, code)
        stage.dialog(dialog)
        if opened:
            dialog.open_button.click()
            stage.settle()
            stage.qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT)
        return dialog

    return show


def about(stage: Stage) -> QWidget:
    shown: list[QWidget] = []

    def keep(parent, title, text, **kw):
        box = errors.MessageDialog(kw.get("icon", errors.Icon.Warning), title, text)
        box.setParent(parent, box.windowFlags())
        shown.append(box)
        return errors.Button.Ok

    original = errors.MessageDialog.ask
    errors.MessageDialog.ask = keep
    try:
        stage.window._about()
    finally:
        errors.MessageDialog.ask = original
    return stage.dialog(shown[0])


SCENES: tuple[Scene, ...] = (
    Scene("today", today_page, page=True),
    Scene("members", members_page, page=True),
    Scene("member-detail", member_detail, page=True),
    Scene("candidates-steps", candidates_page(0), page=True),
    Scene("candidates-dossier", candidates_page(1), page=True),
    Scene("candidates-mentors", candidates_page(2, PROBATIONARY), page=True),
    Scene("candidates-deadlines", candidates_page(3), page=True),
    Scene("candidates-review", candidates_review, page=True),
    Scene("meetings", meetings_page(), page=True),
    Scene("meetings-training", meetings_page("training"), page=True),
    Scene("meetings-grid", meetings_tab(1), page=True),
    Scene("meetings-figures", meetings_tab(2), page=True),
    Scene("forms", forms_page, page=True),
    Scene("sync", sync_page(False), page=True),
    Scene("sync-sent", sync_page(True), page=True),
    Scene("reports", reports_page(0), page=True),
    Scene("reports-ratings", reports_page(1), page=True),
    Scene("settings", settings_page, page=True),
    Scene("welcome", welcome),
    Scene("unlock", unlock(False)),
    Scene("unlock-recovery", unlock(True)),
    Scene("wizard-cell", wizard(0)),
    Scene("wizard-place", wizard(1)),
    Scene("wizard-key", wizard(2)),
    Scene("placement", placement),
    Scene("error", error_dialog),
    Scene("question", question),
    Scene("about", about),
    Scene("file-dialog", file_dialog),
    Scene("print-dialog", print_dialog),
    Scene("member-add", member_dialog(False)),
    Scene("member-edit", member_dialog(True)),
    Scene("event", event_dialog),
    Scene("import-file", import_dialog(0)),
    Scene("import-columns", import_dialog(1)),
    Scene("import-preview", import_dialog(2)),
    Scene("candidate-add", candidate_dialog),
    Scene("step", step_dialog(None)),
    Scene("step-introduction", step_dialog("introduction")),
    Scene("vote", vote_dialog),
    Scene("mentor", mentor_dialog),
    Scene("mentor-end", end_mentor_dialog),
    Scene("meeting-add", meeting_dialog(False)),
    Scene("meeting-edit-training", meeting_dialog(True)),
    Scene("roll-reason", reason_dialog),
    Scene("roll-guest", guest_dialog),
    Scene("roll-attendee", attendee_dialog),
    Scene("certificate", certificate_dialog),
    Scene("absence-reason", absence_dialog),
    Scene("rules", rules_dialog(0)),
    Scene("rules-days", rules_dialog(1)),
    Scene("history", audit_dialog(False)),
    Scene("history-person", audit_dialog(True)),
    Scene("passphrase", passphrase_dialog),
    Scene("new-passphrase", new_passphrase_dialog),
    Scene("recovery-key", recovery_key_dialog),
    Scene("transfer-slip", transfer_slip_dialog(False)),
    Scene("transfer-slip-written", transfer_slip_dialog(True)),
    Scene("transfer-receive", transfer_receive_dialog(False)),
    Scene("transfer-receive-preview", transfer_receive_dialog(True)),
    Scene("sync-enrol", enrol_dialog(False)),
    Scene("sync-enrol-replace", enrol_dialog(True)),
    Scene("sync-receipt", receipt_dialog),
)

# Dialog classes that only other dialogs derive from (never shown themselves).
BASES = {"WriteDialog", "RollDialog", "FitsHeight", "MakingWizard"}  # shown through subclasses


def dialog_classes() -> set[str]:
    """Every dialog, message box and wizard class the program defines."""
    found = set()
    for info in pkgutil.walk_packages(desktop_app.ui.__path__, "desktop_app.ui."):
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == info.name and issubclass(cls, (QDialog, QMessageBox, QWizard)):
                found.add(name)
    return found - BASES


def make_stage(qtbot, runner: TaskRunner, settings: Settings, tmp: Path) -> Stage:
    window = MainWindow(runner, settings)
    qtbot.addWidget(window)
    broken = [key for key, page in window.pages.items() if isinstance(page, BrokenPage)]
    assert not broken, [window.pages[key].details.toPlainText() for key in broken]
    window.resize(*SCREEN_SIZE)
    window.show()
    window.reload()  # the runner had the register before the window was made
    qtbot.waitUntil(lambda: window.cell is not None, timeout=WAIT)
    for key in ("today", "meetings", "forms", "reports"):  # the demo's dates, not the computer's
        window.pages[key]._fixed_today = TODAY
    window.pages["meetings"].detail._fixed_today = TODAY
    return Stage(qtbot, runner, window, tmp)


def each_scene(stage: Stage, scenes: tuple[Scene, ...] = SCENES) -> Iterator[tuple[Scene, QWidget]]:
    """Show each scene in turn; what it opened is closed before the next one."""
    for scene in scenes:
        try:
            widget = scene.show(stage)
            QApplication.processEvents()
            yield scene, widget
        finally:
            stage.close_dialogs()


def select_first_row(view) -> None:
    index = view.model().index(0, 0)
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    view.selectionModel().setCurrentIndex(index, flags)


# -- the upper level's window -----------------------------------------------------------------
# A copy of the demo upper level (services/demo_upper.py: a workspace, two cells that reported,
# a third enrolled, a later bundle waiting on the stick). Test modules take the fixtures with
# ``upper_demo = scenes.upper_demo`` and ``upper_runner = scenes.upper_runner``.

UPPER_FOLDER = "cap-tren-mau"


@pytest.fixture(scope="session")
def upper_demo(tmp_path_factory) -> Path:
    """The demo upper level made once (its folder); tests get their own copy."""
    from desktop_app.services import demo_upper
    from desktop_app.store.keys import FAST_KDF_FOR_TESTS

    folder = tmp_path_factory.mktemp("upper") / UPPER_FOLDER
    made = demo_upper.create_demo_upper(folder, kdf=FAST_KDF_FOR_TESTS, today=TODAY)
    made.register.close()
    return folder


@pytest.fixture
def upper_runner(upper_demo, tmp_path, qapp) -> Iterator[TaskRunner]:
    """A runner holding a copy of the demo upper level's workspace (in tmp_path)."""
    import shutil

    from desktop_app import paths
    from desktop_app.services import demo_upper, registers

    folder = tmp_path / UPPER_FOLDER
    shutil.copytree(upper_demo, folder)
    reg = registers.open_register(demo_upper.workspace_path(folder), paths.DEMO_PASSPHRASE)
    runner = TaskRunner()
    runner.adopt(reg)
    yield runner
    runner.shutdown()


def make_upper_stage(qtbot, runner: TaskRunner, settings: Settings, tmp: Path) -> Stage:
    from desktop_app.ui.upper_window import UpperWindow

    window = UpperWindow(runner, settings)
    qtbot.addWidget(window)
    broken = [key for key, page in window.pages.items() if isinstance(page, BrokenPage)]
    assert not broken, [window.pages[key].details.toPlainText() for key in broken]
    window.resize(*SCREEN_SIZE)
    window.show()
    window.reload()  # the runner had the workspace before the window was made
    window.keeper.refresh()
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=WAIT)
    return Stage(qtbot, runner, window, tmp)  # type: ignore[arg-type]


def upper_cells(stage: Stage) -> QWidget:
    window = stage.area("cells")
    page = window.pages["cells"]
    stage.qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=WAIT)
    page.select_cell("CB-THPT-NT")
    return window


def upper_inbox(stage: Stage) -> QWidget:
    """The demo stick chosen: the two first bundles received before, the later one ready
    and chosen, its preview beside the list."""
    from desktop_app.services import demo_upper
    from desktop_app.ui.upper.inbox import bundles_in

    window = stage.area("inbox")
    page = window.pages["inbox"]
    page.check(bundles_in(stage.tmp / UPPER_FOLDER / demo_upper.STICK))
    stage.qtbot.waitUntil(lambda: page.files_button.isEnabled(), timeout=WAIT)
    stage.settle()
    page.show_row(next(r for r in page.rows() if r.state == "dry_run"))
    return window


def upper_reports(stage: Stage) -> QWidget:
    """The Reports area (made when first shown), on its first tab."""
    window = stage.area("reports")
    page = window.pages["reports"].page
    if hasattr(page, "tabs"):
        page.tabs.setCurrentIndex(0)
        stage.settle()
    return window


def upper_settings(stage: Stage) -> QWidget:
    from desktop_app.services import backups

    run(stage.runner, lambda reg: backups.create_backup(reg, "thu-cong"))
    window = stage.area("settings")
    window.pages["settings"].reload()
    stage.settle()
    return window


def upper_enrol(stage: Stage) -> QWidget:
    from desktop_app.ui.upper.cells import EnrolCellDialog

    dialog = EnrolCellDialog(stage.runner, stage.tmp, stage.window)
    commit_text(dialog.code, "CB-KV5")
    commit_text(dialog.name, "Chi bộ Khu vực 5")
    return stage.dialog(dialog)


def upper_reset_key(stage: Stage) -> QWidget:
    from desktop_app.services import upper_workspace
    from desktop_app.ui.upper.cells import ResetKeyDialog

    cell = next(c for c in run(stage.runner, upper_workspace.list_cells) if c.pinned)
    dialog = ResetKeyDialog(stage.runner, cell, stage.window)
    return stage.dialog(dialog)


def upper_fingerprint(stage: Stage) -> QWidget:
    """A cell's first bundle, the secretary's fingerprint half typed (made up here: the demo's
    cells have all sent theirs)."""
    from desktop_app.services.upper_import import ImportResult
    from desktop_app.ui.upper.inbox import FingerprintDialog

    found = ImportResult("needs_pinning", "CB-KV5.000001-000120.sochibo-goi", "", "CB-KV5",
                         "Chi bộ Khu vực 5", 1, 120, fingerprint="QJHC-K00R-QYT0-TQ8T")  # fmt: skip
    dialog = FingerprintDialog(stage.runner, stage.tmp / found.file, found, stage.window)
    commit_text(dialog.typed, "QJHC-K00R")
    return stage.dialog(dialog)


def upper_resolve(stage: Stage) -> QWidget:
    """Closing a held bundle with a note (made up here: the demo has no conflict)."""
    from desktop_app.ui.dialogs.upper_resolve_dialog import UpperResolveDialog
    from desktop_app.ui.models.upper_conflicts_model import ConflictRow

    held = ConflictRow(
        "3f2a9c1e-0000-4000-8000-000000000001", "gap", "Gói bị giữ lại vì thiếu mục", "CB-KP3",
        "Gói «CB-KP3.000041-000058.sochibo-goi» của chi bộ «Chi bộ Khu phố 3» (mục số 41–58) bị "
        "giữ lại: cấp trên mới có đến mục số 30, còn thiếu mục số 31–40.",
        "2026-11-20T08:15:00Z", None, "",
    )  # fmt: skip
    dialog = UpperResolveDialog(stage.runner, held, stage.window)
    commit_text(dialog.note, "Đã gọi chị Hoa: chi bộ gửi lại từ mục số 31")
    return stage.dialog(dialog)


def upper_wizard(page: int) -> Callable[[Stage], QWidget]:
    def show(stage: Stage) -> QWidget:
        from desktop_app.ui.dialogs.workspace_wizard import CreateWorkspaceWizard

        dialog = CreateWorkspaceWizard(stage.runner, stage.window)
        stage.dialog(dialog)
        if page >= 1:
            commit_text(dialog.name_page.name, "Đảng ủy phường Ghềnh Ráng")
            dialog.next()
            for box in (dialog.place_page.passphrase, dialog.place_page.confirm):
                commit_text(box, "mật khẩu rất dài của cấp ủy 2026")
            stage.settle()
        if page >= 2:  # as if created: making a workspace here would take the models' database
            dialog._created(stage.tmp / "moi" / "cap-tren.sochibo", (object(), RECOVERY_KEY))
        return dialog

    return show


UPPER_SCENES: tuple[Scene, ...] = (
    Scene("upper-cells", upper_cells, page=True),
    Scene("upper-inbox", upper_inbox, page=True),
    Scene("upper-board", simple_area("board"), page=True),
    Scene("upper-decisions", simple_area("decisions"), page=True),
    Scene("upper-conflicts", simple_area("conflicts"), page=True),
    Scene("upper-reports", upper_reports, page=True),
    Scene("upper-settings", upper_settings, page=True),
    Scene("upper-enrol", upper_enrol),
    Scene("upper-reset-key", upper_reset_key),
    Scene("upper-fingerprint", upper_fingerprint),
    Scene("upper-resolve", upper_resolve),
    Scene("upper-wizard-name", upper_wizard(0)),
    Scene("upper-wizard-place", upper_wizard(1)),
    Scene("upper-wizard-key", upper_wizard(2)),
)


__all__ = [
    "SCENES", "UPPER_SCENES", "Qt", "Scene", "Stage", "dialog_classes", "each_scene",
    "make_stage", "make_upper_stage", "upper_demo", "upper_runner",
]  # fmt: skip
