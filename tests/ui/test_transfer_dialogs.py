"""The transfer slip in the window: written from a member's page (the transfer recorded with
it, the code shown large), received from the Members page (the slip opened with its code, the
person and the sending cell's fingerprint shown, then added under the same id)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from desktop_app.services import members, transfers
from desktop_app.sync import slip
from desktop_app.ui.dialogs.transfer_files import TransferFiles
from desktop_app.ui.dialogs.transfer_receive_dialog import TransferReceiveDialog
from desktop_app.ui.dialogs.transfer_slip_dialog import TransferSlipDialog
from desktop_app.ui.pages.member_detail import MemberDetail
from desktop_app.ui.pages.members import MembersPage
from desktop_app.ui.tasks import TaskRunner
from tests.sync import slip_samples
from tests.sync.slip_samples import CODE, OTHER_CODE, PERSON, fast_scrypt  # noqa: F401
from tests.ui.helpers import commit_text, replace_text, run, settle

pytestmark = pytest.mark.usefixtures("fast_scrypt")
TODAY = dt.date(2026, 11, 22)
MEMBER, GONE, CANDIDATE = "Lê Thị Cúc", "Từ Bá Đạt", "Phan Kim Quyên"
PLACE = "Chi bộ Khu phố 5, phường Quy Nhơn Nam"
CODE_SHAPE = re.compile(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")


@pytest.fixture
def runner(demo_runner):
    return demo_runner


def find(runner: TaskRunner, name: str):
    return next(p for p in run(runner, members.list_people) if p.full_name == name)


def wait(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog._busy, timeout=15_000)
    settle(dialog._runner)


def slip_dialog(qtbot, runner, name: str, folder, events=()) -> TransferSlipDialog:
    dialog = TransferSlipDialog(runner, find(runner, name), list(events), None, TODAY, folder)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


# -- writing -------------------------------------------------------------------------------------


def test_writing_a_slip_records_the_transfer_and_shows_the_code(
    qtbot, runner, tmp_path, vietnamese, screens
):
    dialog = slip_dialog(qtbot, runner, MEMBER, tmp_path)
    assert dialog.date.text() == "22/11/2026"
    assert not dialog.save_button.isEnabled()  # no destination yet
    commit_text(dialog.destination, PLACE)
    commit_text(dialog.reference, "80-QĐ/ĐU")
    assert dialog.save_button.isEnabled()
    screens(dialog, "transfer-slip-form")
    dialog.save_button.click()
    wait(qtbot, dialog)
    done = dialog.saved
    assert done is not None and dialog.result_box.isVisible() and not dialog.body.isVisible()
    assert CODE_SHAPE.fullmatch(dialog.code.text()) and dialog.code.text() == done.code
    assert dialog.fingerprint.text() == done.fingerprint
    assert done.fingerprint in dialog.next_steps.text() and "Gọi điện" in dialog.next_steps.text()
    assert done.path.name in dialog.written.text() and done.path.is_file()
    screens(dialog, "transfer-slip-written")
    person = find(runner, MEMBER)
    assert (person.status, person.exit_date) == ("transferred_out", "2026-11-22")
    found = slip.read_slip_file(done.path, dialog.code.text())
    assert found.person["full_name"] == MEMBER and found.header.reference == "80-QĐ/ĐU"
    dialog.save_button.click()  # OK closes it
    assert not dialog.isVisible()


def test_a_member_already_transferred_out_needs_only_a_folder(qtbot, runner, tmp_path):
    person = find(runner, GONE)
    events = run(runner, lambda reg: members.list_events(reg, person.id))
    dialog = slip_dialog(qtbot, runner, GONE, tmp_path, events)
    assert dialog.date is None and dialog.destination is None
    gone = [e for e in events if e.kind == "transfer_out"][-1]
    assert gone.place in dialog.recorded_label.text()
    dialog.save_button.click()
    wait(qtbot, dialog)
    assert dialog.saved.transfer_date == gone.date and not dialog.saved.recorded_now


def test_the_folder_is_chosen_and_checked(qtbot, runner, tmp_path, monkeypatch):
    dialog = slip_dialog(qtbot, runner, MEMBER, None)
    commit_text(dialog.destination, PLACE)
    assert not dialog.save_button.isEnabled()
    assert dialog.messages[dialog.folder].text() == "Choose where to write the slip"
    replace_text(dialog.folder, str(tmp_path / "khong-co"))
    assert "does not exist" in dialog.messages[dialog.folder].text()  # the English source
    monkeypatch.setattr(TransferFiles, "folder", classmethod(lambda cls, parent, start: tmp_path))
    dialog.choose_button.click()
    assert dialog.folder.text() == str(tmp_path) and dialog.save_button.isEnabled()


def test_a_refusal_keeps_the_dialog_open_and_writes_nothing(qtbot, runner, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = slip_dialog(qtbot, runner, MEMBER, usb)
    commit_text(dialog.destination, PLACE)
    replace_text(dialog.date, "23/11/2026")  # after the demo's today
    dialog.save_button.click()
    wait(qtbot, dialog)
    assert dialog.saved is None and dialog.isVisible() and dialog.body.isEnabled()
    assert "trong tương lai" in dialog.banner.text()
    assert find(runner, MEMBER).status == "official" and list(usb.iterdir()) == []


# -- receiving -----------------------------------------------------------------------------------


def receive_dialog(qtbot, runner, path=None, code="") -> TransferReceiveDialog:
    dialog = TransferReceiveDialog(runner, None, TODAY, path, code)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_receiving_shows_who_and_the_fingerprint_then_adds_the_person(
    qtbot, runner, tmp_path, vietnamese, screens
):
    dialog = receive_dialog(qtbot, runner)
    assert not dialog.save_button.isEnabled() and not dialog.open_button.isEnabled()
    assert not dialog.preview_box.isVisible()
    path = slip_samples.write_sample(tmp_path)
    replace_text(dialog.path, str(path))
    commit_text(dialog.code, CODE.lower())
    assert dialog.open_button.isEnabled() and not dialog.save_button.isEnabled()
    dialog.open_button.click()
    wait(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview_box.isVisible()
    assert dialog.shown["person"].text().startswith("Nguyễn Thị Hường (Nữ, sinh 12/04/1990)")
    assert dialog.shown["cell"].text() == "Chi bộ Trường THPT Nguyễn Trân (mã CB-NT)"
    assert dialog.shown["fingerprint"].text() == dialog.preview.fingerprint
    assert "80-QĐ/ĐU" in dialog.shown["move"].text()
    assert dialog.save_button.isEnabled()
    screens(dialog, "transfer-receive-preview")
    dialog.save_button.click()
    wait(qtbot, dialog)
    assert dialog.result() == TransferReceiveDialog.DialogCode.Accepted
    got = dialog.saved
    assert got.person.id == PERSON["id"] and got.person.status == "probationary"
    assert find(runner, "Nguyễn Thị Hường").id == PERSON["id"]


def test_a_wrong_code_is_said_and_nothing_can_be_received(qtbot, runner, tmp_path):
    path = slip_samples.write_sample(tmp_path)
    dialog = receive_dialog(qtbot, runner, path, OTHER_CODE)
    dialog.open_button.click()
    wait(qtbot, dialog)
    assert dialog.preview is None and not dialog.save_button.isEnabled()
    assert "mã mở phiếu không đúng" in dialog.banner.text()
    replace_text(dialog.code, CODE)
    dialog.open_button.click()
    wait(qtbot, dialog)
    assert dialog.preview is not None and dialog.save_button.isEnabled()
    commit_text(dialog.code, "X")  # typed again: open it again first
    assert dialog.preview is None and not dialog.save_button.isEnabled()


def test_a_possible_duplicate_must_be_confirmed(qtbot, runner, tmp_path, vietnamese):
    run(runner, lambda reg: members.add_person(
        reg, {"full_name": "Nguyễn Thị Hường", "sex": "female", "birth_date": "1990"}, today=TODAY
    ))  # fmt: skip
    dialog = receive_dialog(qtbot, runner, slip_samples.write_sample(tmp_path), CODE)
    dialog.open_button.click()
    wait(qtbot, dialog)
    assert dialog.another.isVisible() and not dialog.save_button.isEnabled()
    assert "Có thể đã có trong sổ: Nguyễn Thị Hường" in dialog.notes.text()
    dialog.another.setChecked(True)
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    wait(qtbot, dialog)
    assert dialog.saved.person.id == PERSON["id"]


def test_the_same_id_number_cannot_be_confirmed_away(qtbot, runner, tmp_path, vietnamese):
    run(runner, lambda reg: members.add_person(
        reg, {"full_name": "Nguyễn Thị Hường", "sex": "female", "id_number": PERSON["id_number"]},
        today=TODAY,
    ))  # fmt: skip
    dialog = receive_dialog(qtbot, runner, slip_samples.write_sample(tmp_path), CODE)
    dialog.open_button.click()
    wait(qtbot, dialog)
    assert not dialog.another.isVisible()
    dialog.another.setChecked(True)
    assert not dialog.save_button.isEnabled()
    assert "không nhận được" in dialog.notes.text()


# -- from the pages ------------------------------------------------------------------------------


def test_the_members_page_receives_and_shows_the_person(qtbot, runner, tmp_path, monkeypatch):
    page = MembersPage(runner)
    qtbot.addWidget(page)
    page.show()
    settle(runner)
    path = slip_samples.write_sample(tmp_path)

    def ask(cls, runner_, parent=None):
        return run(runner_, lambda reg: transfers.receive_slip(reg, path, CODE, today=TODAY))

    monkeypatch.setattr(TransferReceiveDialog, "ask", classmethod(ask))
    assert page.receive_button.isEnabled()
    page.receive_button.click()
    settle(runner)
    assert page.current_person_id() == PERSON["id"]


@pytest.mark.parametrize(("name", "shown"), [(MEMBER, True), (GONE, True), (CANDIDATE, False)])
def test_the_slip_button_shows_for_members_moving_or_gone(qtbot, runner, name, shown):
    detail = MemberDetail(runner)
    qtbot.addWidget(detail)
    detail.show()
    detail.load(find(runner, name).id)
    settle(runner)
    assert detail.transfer_button.isVisible() is shown


def test_the_member_page_reloads_after_a_slip(qtbot, runner, tmp_path, monkeypatch):
    detail = MemberDetail(runner)
    qtbot.addWidget(detail)
    detail.show()
    person = find(runner, MEMBER)
    detail.load(person.id)
    settle(runner)
    asked = []

    def ask(cls, runner_, person_, events, parent=None):
        asked.append((person_.id, len(events)))
        return run(runner_, lambda reg: transfers.write_slip(
            reg, person_.id, tmp_path, on=TODAY, place=PLACE, today=TODAY))  # fmt: skip

    monkeypatch.setattr(TransferSlipDialog, "ask", classmethod(ask))
    detail.transfer_button.click()
    settle(runner)
    assert asked == [(person.id, len(detail.events) - 1)]
    assert detail.person.status == "transferred_out" and detail.events[-1].kind == "transfer_out"
