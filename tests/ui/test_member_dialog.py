"""The person dialog: Vietnamese typed as an input method does, inline validation, duplicates,
stale edits, service errors, and a keyboard-only add from the Members page."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from desktop_app.domain.errors import Problem, ValidationError
from desktop_app.services import members
from desktop_app.ui.dialogs import member_dialog
from desktop_app.ui.dialogs.member_dialog import FIELD_GROUPS, MemberDialog
from desktop_app.ui.models import people_model
from desktop_app.ui.pages.members import MembersPage
from desktop_app.ui.tasks import TaskRunner
from tests.ui.helpers import commit_text, replace_text, run, settle

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def _discard_without_asking(monkeypatch):
    """qtbot closes open dialogs after each test; typed changes must not raise a modal box."""
    monkeypatch.setattr(member_dialog, "ask_discard", lambda parent: True)


@pytest.fixture
def runner(empty_runner):
    return empty_runner


def dialog(qtbot, runner, person=None) -> MemberDialog:
    dlg = MemberDialog(runner, person)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def choose(dlg: MemberDialog, name: str, code: str) -> None:
    combo = dlg.editors[name]
    combo.setCurrentIndex(combo.findData(code))


def fill_minimal(
    dlg: MemberDialog, name: str = "Nguyễn Thị Phương Thảo", birth: str = "02/09/1990"
) -> None:
    commit_text(dlg.editors["full_name"], name)
    choose(dlg, "sex", "female")
    commit_text(dlg.editors["birth_date"], birth)


def save(dlg: MemberDialog, runner: TaskRunner) -> None:
    assert dlg.save_button.isEnabled(), dlg.problems
    dlg.save_button.click()
    settle(runner)


def message(dlg: MemberDialog, name: str) -> str:
    label = dlg.messages[name]
    return label.text() if label.isVisibleTo(dlg) else ""


# -- structure -----------------------------------------------------------------------------


def test_every_field_has_an_editor(qtbot, runner) -> None:
    from desktop_app.domain.person import FIELDS

    grouped = [n for _title, names in FIELD_GROUPS for n in names]
    assert sorted(grouped) == sorted(FIELDS) and len(grouped) == len(set(grouped))
    dlg = dialog(qtbot, runner)
    assert set(dlg.editors) == set(FIELDS)


def test_opens_without_database_work(qtbot, runner, monkeypatch) -> None:
    monkeypatch.setattr(runner, "submit", lambda *a, **k: pytest.fail("db work to open"))
    dlg = dialog(qtbot, runner)
    assert dlg.editors["full_name"].hasFocus() or dlg.focusWidget() is dlg.editors["full_name"]
    assert not dlg.save_button.isEnabled()


def test_ask_returns_saved_or_none(qtbot, runner, monkeypatch) -> None:
    monkeypatch.setattr(MemberDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert MemberDialog.ask(runner) is None


# -- adding --------------------------------------------------------------------------------


def test_add_person_with_vietnamese_text(qtbot, runner) -> None:
    dlg = dialog(qtbot, runner)
    fill_minimal(dlg)
    commit_text(dlg.editors["other_names"], "Thảo Nhi")
    commit_text(dlg.editors["ethnicity"].lineEdit(), "Tày")
    commit_text(dlg.editors["religion"].lineEdit(), "Phật giáo")
    commit_text(dlg.editors["id_number"], "052190123456")
    commit_text(dlg.editors["native_place"], "Xã Phước Sơn, tỉnh Gia Lai")
    commit_text(dlg.editors["phone"], "0912 345 678")
    commit_text(dlg.editors["notes"], "Đã học lớp bồi dưỡng nhận thức về Đảng\nƯu tú")
    save(dlg, runner)
    assert dlg.result() == QDialog.DialogCode.Accepted
    person = dlg.saved
    stored = run(runner, lambda reg: members.get_person(reg, person.id))
    assert stored.full_name == "Nguyễn Thị Phương Thảo" and stored.other_names == "Thảo Nhi"
    assert (stored.sex, stored.birth_date, stored.ethnicity) == ("female", "1990-09-02", "Tày")
    assert stored.id_number == "052190123456" and stored.phone == "0912345678"
    assert stored.membership == "candidate"
    assert stored.notes.endswith("Ưu tú")


def test_add_official_member_with_dates(qtbot, runner) -> None:
    dlg = dialog(qtbot, runner)
    fill_minimal(dlg, "Lê Văn Hùng", "1975")
    choose(dlg, "sex", "male")
    choose(dlg, "membership", "official")
    commit_text(dlg.editors["admission_decision_date"], "15/12/2019")
    commit_text(dlg.editors["ceremony_date"], "01/01/2020")
    commit_text(dlg.editors["official_date"], "01/01/2021")
    save(dlg, runner)
    assert dlg.saved.status == "official" and dlg.saved.official_date == "2021-01-01"
    assert dlg.saved.birth_date == "1975"


def test_unaccented_ethnicity_is_tidied(qtbot, runner) -> None:
    dlg = dialog(qtbot, runner)
    line = dlg.editors["ethnicity"].lineEdit()
    commit_text(line, "hmong")
    line.editingFinished.emit()
    assert dlg.editors["ethnicity"].currentText() == "Mông"


# -- inline validation ---------------------------------------------------------------------


def test_errors_wait_until_a_field_is_touched(qtbot, runner) -> None:
    dlg = dialog(qtbot, runner)
    assert message(dlg, "full_name") == ""
    assert "Họ và tên" in dlg.summary.text()
    assert not dlg.save_button.isEnabled()


def test_id_number_with_13_digits(qtbot, runner) -> None:
    dlg = dialog(qtbot, runner)
    fill_minimal(dlg)
    commit_text(dlg.editors["id_number"], "0521901234567")
    assert "12 chữ số" in message(dlg, "id_number")
    assert dlg.messages["id_number"].level == "error"
    assert not dlg.save_button.isEnabled()
    replace_text(dlg.editors["id_number"], "052190123456")
    assert message(dlg, "id_number") == ""
    assert dlg.save_button.isEnabled()


def test_id_number_mismatch_is_only_a_warning(qtbot, runner) -> None:
    dlg = dialog(qtbot, runner)
    fill_minimal(dlg)
    commit_text(dlg.editors["id_number"], "052185123456")  # year digits 85, born 1990
    assert "năm sinh" in message(dlg, "id_number")
    assert dlg.messages["id_number"].level == "warning"
    assert dlg.save_button.isEnabled()


def test_future_birth_date(qtbot, runner) -> None:
    dlg = dialog(qtbot, runner)
    future = dt.date.today() + dt.timedelta(days=400)
    fill_minimal(dlg, birth=future.strftime("%d/%m/%Y"))
    assert "tương lai" in message(dlg, "birth_date")
    assert not dlg.save_button.isEnabled()


def test_birth_date_may_be_partial_and_is_tidied(qtbot, runner) -> None:
    dlg = dialog(qtbot, runner)
    fill_minimal(dlg, birth="3/1985")
    assert message(dlg, "birth_date") == ""
    dlg.editors["birth_date"].editingFinished.emit()
    assert dlg.editors["birth_date"].text() == "03/1985"
    replace_text(dlg.editors["birth_date"], "05031985")
    dlg.editors["birth_date"].editingFinished.emit()
    assert dlg.editors["birth_date"].text() == "05/03/1985"
    replace_text(dlg.editors["birth_date"], "31/02/1985")
    assert "ngày 31" in message(dlg, "birth_date")


def test_empty_name(qtbot, runner) -> None:
    dlg = dialog(qtbot, runner)
    fill_minimal(dlg, name="Lan")
    assert "họ và tên" in message(dlg, "full_name")
    name = dlg.editors["full_name"]
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    assert name.text() == ""
    assert message(dlg, "full_name") == "không được để trống"
    assert not dlg.save_button.isEnabled()


def test_official_date_before_twelve_months(qtbot, runner) -> None:
    dlg = dialog(qtbot, runner)
    fill_minimal(dlg)
    choose(dlg, "membership", "official")
    commit_text(dlg.editors["admission_decision_date"], "15/12/2019")
    commit_text(dlg.editors["ceremony_date"], "01/01/2020")
    commit_text(dlg.editors["official_date"], "01/06/2020")
    assert "12 tháng" in message(dlg, "official_date")
    assert "01/01/2021" in message(dlg, "official_date")
    assert not dlg.save_button.isEnabled()


def test_note_of_ten_thousand_characters(qtbot, runner) -> None:
    dlg = dialog(qtbot, runner)
    fill_minimal(dlg)
    commit_text(dlg.editors["notes"], "ghi chú " * 1250)
    assert len(dlg.editors["notes"].toPlainText()) == 10_000
    assert "quá dài" in message(dlg, "notes")
    assert not dlg.save_button.isEnabled()
    assert "Ghi chú" in dlg.summary.text()  # the message names the field
    qtbot.keyClick(dlg.editors["full_name"], Qt.Key.Key_Return)
    settle(runner)
    assert dlg.isVisible() and dlg.saved is None


def test_service_validation_error_is_shown_inline(qtbot, runner, monkeypatch) -> None:
    def refuse(reg, data, **kwargs):
        raise ValidationError("Người «X»", [Problem("phone", "Số điện thoại", "số này bị chặn")])

    monkeypatch.setattr(members, "add_person", refuse)
    dlg = dialog(qtbot, runner)
    fill_minimal(dlg)
    save(dlg, runner)
    assert dlg.isVisible() and dlg.saved is None
    assert message(dlg, "phone") == "số này bị chặn"
    assert not dlg.save_button.isEnabled()


# -- duplicates ----------------------------------------------------------------------------


def test_possible_duplicate_then_save_anyway(qtbot, demo_runner) -> None:
    dlg = dialog(qtbot, demo_runner)
    fill_minimal(dlg, "Lê Thị Cúc", "28/02/1988")
    save(dlg, demo_runner)
    assert dlg.duplicates.isVisible() and dlg.save_anyway.isVisible()
    assert "Lê Thị Cúc" in dlg.duplicates_text.text()
    assert dlg.saved is None and dlg.isVisible()
    dlg.save_anyway.click()
    settle(demo_runner)
    assert dlg.result() == QDialog.DialogCode.Accepted and dlg.saved is not None
    found = run(demo_runner, lambda reg: members.search_people(reg, "Lê Thị Cúc"))
    assert len(found) == 2


def test_same_id_number_can_never_be_saved(qtbot, demo_runner) -> None:
    people = run(demo_runner, members.list_people)
    other = next(p for p in people if p.id_number)
    dlg = dialog(qtbot, demo_runner)
    fill_minimal(dlg, "Hoàng Văn Khác", "1990")
    choose(dlg, "sex", "male")
    commit_text(dlg.editors["id_number"], other.id_number)
    dlg.save_button.click()
    settle(demo_runner)
    assert dlg.duplicates.isVisible() and not dlg.save_anyway.isVisible()
    assert other.full_name in dlg.duplicates_text.text()
    assert dlg.saved is None
    assert len(run(demo_runner, members.list_people)) == len(people)
    replace_text(dlg.editors["phone"], "0912345678")  # any change hides the stale panel
    assert not dlg.duplicates.isVisible()


# -- editing -------------------------------------------------------------------------------


def find(runner: TaskRunner, name: str):
    return next(p for p in run(runner, members.list_people) if p.full_name == name)


def test_edit_person(qtbot, demo_runner) -> None:
    person = find(demo_runner, "Lê Thị Cúc")
    dlg = dialog(qtbot, demo_runner, person)
    assert dlg.editors["full_name"].text() == "Lê Thị Cúc"
    assert dlg.editors["birth_date"].text() == "28/02/1988"
    assert "Chính thức" in dlg.editors["membership"].text()
    replace_text(dlg.editors["occupation"], "Kế toán trưởng")
    save(dlg, demo_runner)
    assert dlg.saved.occupation == "Kế toán trưởng"
    assert dlg.saved.version == person.version + 1


def test_edit_without_changes_writes_nothing(qtbot, demo_runner) -> None:
    person = find(demo_runner, "Lê Thị Cúc")
    dlg = dialog(qtbot, demo_runner, person)
    save(dlg, demo_runner)
    assert dlg.saved == person
    assert find(demo_runner, "Lê Thị Cúc").version == person.version


def test_edit_with_stale_version(qtbot, demo_runner) -> None:
    person = find(demo_runner, "Lê Thị Cúc")
    dlg = dialog(qtbot, demo_runner, person)
    run(demo_runner, lambda reg: members.update_person(reg, person.id, {"phone": "0912000111"}))
    replace_text(dlg.editors["occupation"], "Kế toán")
    save(dlg, demo_runner)
    assert dlg.isVisible() and dlg.saved is None
    assert dlg.banner.isVisible() and "vừa được sửa ở nơi khác" in dlg.banner.text()
    stored = find(demo_runner, "Lê Thị Cúc")
    assert stored.occupation == person.occupation and stored.phone == "0912000111"


def test_cancel_with_changes_asks(qtbot, runner, monkeypatch) -> None:
    answers = [False, True]
    monkeypatch.setattr(member_dialog, "ask_discard", lambda parent: answers.pop(0))
    dlg = dialog(qtbot, runner)
    commit_text(dlg.editors["full_name"], "Đinh Thị Hoa")
    dlg.reject()
    assert dlg.isVisible()
    dlg.reject()
    assert not dlg.isVisible() and dlg.result() == QDialog.DialogCode.Rejected


# -- keyboard only -------------------------------------------------------------------------


def test_keyboard_only_add_from_the_page(qtbot, runner) -> None:
    """Ctrl+N, type the name, Tab to sex, pick Nam by its letter, Tab to the birth date, type it,
    Enter: the dialog saves and closes, and the list selects the new person."""
    page = MembersPage(runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    settle(runner)
    errors: list[BaseException] = []

    def drive() -> None:
        dlg = QApplication.activeModalWidget()
        try:
            assert isinstance(dlg, MemberDialog)
            commit_text(dlg.focusWidget(), "Trần Văn Nam")
            qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)  # → other names
            qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)  # → sex
            assert dlg.focusWidget() is dlg.editors["sex"]
            qtbot.keyClicks(dlg.focusWidget(), "N")
            assert dlg.editors["sex"].currentData() == "male"
            qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)  # → birth date
            assert dlg.focusWidget() is dlg.editors["birth_date"]
            qtbot.keyClicks(dlg.focusWidget(), "15061985")
            qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Return)
        except BaseException as exc:  # never leave a modal dialog open
            errors.append(exc)
            dlg.done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(0, drive)
    QTimer.singleShot(
        15_000,
        lambda: QApplication.activeModalWidget() and QApplication.activeModalWidget().done(0),
    )
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    settle(runner)
    assert not errors, errors
    person = page.current_person()
    assert person is not None and person.full_name == "Trần Văn Nam"
    assert (person.sex, person.birth_date) == ("male", "1985-06-15")
    # the register was empty when the page first loaded: columns are fitted to the first person
    birth = people_model.BIRTH
    assert page.table.columnWidth(birth) >= page.table.sizeHintForColumn(birth)
