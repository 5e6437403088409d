"""The Settings page as a secretary uses it: back up now and to a stick, see the last backup,
test-restore, restore and undo the restore, check the register; and the automatic backups the
window makes after 30 minutes of use and on closing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.services import backups, members, registers
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from desktop_app.ui import errors
from desktop_app.ui.backup_keeper import BackupKeeper
from desktop_app.ui.pages import settings as settings_module
from desktop_app.ui.pages.settings import SettingsPage
from tests.conftest import CELL, PASSPHRASE, TODAY
from tests.services.test_members import HA
from tests.ui.helpers import run, settle

WAIT = 10_000


@pytest.fixture
def runner(empty_runner, vietnamese):
    return empty_runner


@pytest.fixture
def page(runner, qtbot):
    page = SettingsPage(runner)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    settle(runner)
    return page


@pytest.fixture
def yes(monkeypatch):
    asked: list[str] = []

    def confirm(_parent, _title, text):
        asked.append(text)
        return True

    monkeypatch.setattr(errors, "confirm", confirm)
    return asked


def people(runner) -> list[str]:
    return run(runner, lambda reg: sorted(p.full_name for p in members.list_people(reg)))


def add_ha(runner) -> None:
    run(runner, lambda reg: members.add_person(reg, HA, today=TODAY))


def click_and_wait(qtbot, page, button) -> None:
    button.click()
    qtbot.waitUntil(lambda: not page._busy and page.banner.isVisible(), timeout=WAIT)
    settle(page._runner)


def test_nothing_backed_up_yet(page):
    assert page.last_label.text() == "Chưa sao lưu lần nào."
    assert page.model.rowCount() == 0
    assert not page.test_button.isEnabled() and not page.restore_button.isEnabled()
    assert not page.undo_button.isEnabled()


def test_back_up_now_then_test_restore(page, runner, qtbot, screens, qtmodeltester):
    add_ha(runner)
    click_and_wait(qtbot, page, page.back_up_button)
    assert page.banner.level == "ok", page.banner.text()
    assert page.model.rowCount() == 1
    qtmodeltester.check(page.model, force_py=True)
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Thời điểm"
    assert page.last_label.text().startswith("Lần sao lưu gần nhất:")
    assert "Sao lưu thủ công" in page.last_label.text()
    click_and_wait(qtbot, page, page.test_button)
    assert page.banner.level == "ok", page.banner.text()
    assert "1 người" in page.banner.text()
    screens(page, "settings-backups")


def test_back_up_to_a_stick(page, runner, qtbot, tmp_path, monkeypatch):
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(settings_module.BackupChooser, "folder", classmethod(lambda c, p: stick))
    click_and_wait(qtbot, page, page.to_folder_button)
    assert page.banner.level == "ok"
    [made] = stick.glob("*.sochibo")
    assert str(made) in page.banner.text()
    assert page.model.rowCount() == 0  # the automatic folder's list is not the stick's


def test_restore_and_undo(page, runner, qtbot, yes, screens):
    add_ha(runner)
    click_and_wait(qtbot, page, page.back_up_button)
    duc = {**HA, "full_name": "Lê Văn Đức", "id_number": "052185099999"}
    run(runner, lambda reg: members.add_person(reg, duc, today=TODAY))
    click_and_wait(qtbot, page, page.restore_button)
    assert page.banner.level == "ok", page.banner.text()
    assert "hoàn tác" in yes[0]
    assert people(runner) == ["Nguyễn Thị Thu Hà"]
    assert page.undo_button.isEnabled()
    screens(page, "settings-restored")
    click_and_wait(qtbot, page, page.undo_button)
    assert page.banner.level == "ok", page.banner.text()
    assert people(runner) == ["Lê Văn Đức", "Nguyễn Thị Thu Hà"]


def test_a_failed_restore_keeps_the_register_working(page, runner, qtbot, yes, monkeypatch):
    add_ha(runner)
    click_and_wait(qtbot, page, page.back_up_button)

    def broken(*_args):
        raise backups.BackupError("Không chép được bản sao lưu vào chỗ của sổ: đầy đĩa.")

    monkeypatch.setattr(backups, "_swap_in", broken)
    click_and_wait(qtbot, page, page.restore_button)
    assert page.banner.level == "error" and "đầy đĩa" in page.banner.text()
    assert people(runner) == ["Nguyễn Thị Thu Hà"]  # reopened: the page still works
    add_ha_again = {**HA, "full_name": "Lê Văn Đức", "id_number": "052185099999"}
    run(runner, lambda reg: members.add_person(reg, add_ha_again, today=TODAY))
    assert len(people(runner)) == 2


def test_another_registers_backup_is_refused(page, runner, qtbot, yes, tmp_path, monkeypatch):
    def make_other():
        other, _ = registers.create_register(
            tmp_path / "khac" / "khac.sochibo", PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS
        )
        try:
            return backups.create_backup(other, "thu-cong", folder=tmp_path / "usb").path
        finally:
            other.close()

    theirs = runner.call(make_other).result(timeout=30)
    settle(runner)
    add_ha(runner)
    monkeypatch.setattr(
        settings_module.BackupChooser, "backup_file", classmethod(lambda c, p: theirs)
    )
    click_and_wait(qtbot, page, page.from_file_button)
    assert page.banner.level == "error" and "sổ khác" in page.banner.text()
    assert people(runner) == ["Nguyễn Thị Thu Hà"]


def test_check_the_register(page, qtbot):
    click_and_wait(qtbot, page, page.check_button)
    assert page.banner.level == "ok"
    assert "chuỗi" in page.banner.text()


def test_the_keeper_backs_up_after_thirty_minutes_of_use_when_something_changed(runner, qtbot):
    keeper = BackupKeeper(runner)
    keeper.timer.stop()
    seen: list[object] = []
    keeper.changed.connect(seen.append)
    add_ha(runner)
    for _ in range(keeper.every - 1):
        keeper.tick()
    settle(runner)
    assert run(runner, lambda reg: backups.list_backups(reg.register_id)) == []
    keeper.tick()
    settle(runner)
    [made] = run(runner, lambda reg: backups.list_backups(reg.register_id))
    assert made.reason == "tu-dong" and seen[-1] == made
    for _ in range(keeper.every):  # nothing changed since: no second backup
        keeper.tick()
    settle(runner)
    assert len(run(runner, lambda reg: backups.list_backups(reg.register_id))) == 1
    add_ha_again = {**HA, "full_name": "Lê Văn Đức", "id_number": "052185099999"}
    run(runner, lambda reg: members.add_person(reg, add_ha_again, today=TODAY))
    register_id = run(runner, lambda reg: reg.register_id)
    runner.close_register(before=keeper.on_close).result(timeout=30)
    newest = backups.last_backup(register_id)
    assert newest.reason == "dong-so" and newest.journal_seq > made.journal_seq


def test_the_status_bar_says_when_the_last_backup_was_made(runner, qtbot, settings):
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(runner, settings)
    qtbot.addWidget(window)
    window.keeper.refresh()
    settle(runner)
    assert window.backup_label.text() == "Chưa sao lưu"
    made = run(runner, lambda reg: backups.create_backup(reg, "tu-dong"))
    window.pages["settings"].backups_changed.emit()
    settle(runner)
    assert window.backup_label.text() == f"Sao lưu lần cuối: {made.created_text}"
    window.keeper.failed.emit("Sổ đang có vấn đề nên chưa sao lưu")
    assert window.backup_label.text() == "Sao lưu tự động không được"
    assert "có vấn đề" in window.backup_label.toolTip()


def test_closing_the_window_backs_up_what_changed(runner, qtbot, settings):
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(runner, settings)
    qtbot.addWidget(window)
    register_id = run(runner, lambda reg: reg.register_id)
    add_ha(runner)
    window.close()
    runner.wait_idle()
    assert not runner.has_register
    [made] = backups.list_backups(register_id)
    assert made.reason == "dong-so" and made.members == 1
