"""The start flow as a secretary meets it: the welcome screen, the create wizard, unlocking a
register (passphrase, recovery key, wrong secret), a register already open elsewhere, a file
that is not a register, and the demo register."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from desktop_app import paths
from desktop_app.services import registers
from desktop_app.store.database import key_path
from desktop_app.store.keys import FAST_KDF_FOR_TESTS, KeyFile
from desktop_app.ui.app import OpenRegisterFileDialog, Shell
from desktop_app.ui.dialogs.create_wizard import CreateWizard
from desktop_app.ui.dialogs.unlock import UnlockDialog
from desktop_app.ui.settings import LAST_REGISTER
from tests.conftest import CELL, PASSPHRASE
from tests.ui.conftest import SCREEN_SIZE, off_gui_thread
from tests.ui.helpers import commit_text, replace_text

WAIT = 15_000
KEY_PATTERN = re.compile(r"^([0-9A-Z]{4}-){8}[0-9A-Z]{4}$")
Button = QWizard.WizardButton


def unlock_with(qtbot, dialog: UnlockDialog, secret: str) -> None:
    replace_text(dialog.secret, secret)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)


def test_no_register_shows_the_welcome_screen(shell: Shell, screens) -> None:
    shell.start()
    assert shell.welcome is not None and shell.welcome.isVisible()
    assert shell.window is None and shell.unlock_dialog is None
    assert shell.welcome.create_button.title.text().startswith("<u>T</u>ạo sổ của chi bộ")
    shell.welcome.resize(*SCREEN_SIZE)
    screens(shell.welcome, "welcome")


def fill_cell_page(wizard: CreateWizard) -> None:
    page = wizard.cell_page
    for key in ("name", "code", "upper_level", "secretary", "address"):
        commit_text(page.fields[key], CELL[key])


def test_create_wizard_end_to_end(shell: Shell, qtbot, tmp_path, screens) -> None:
    shell.start()
    qtbot.mouseClick(shell.welcome.create_button, Qt.MouseButton.LeftButton)
    wizard = shell.wizard
    assert isinstance(wizard, CreateWizard) and wizard.isVisible()
    assert not wizard.button(Button.NextButton).isEnabled()
    commit_text(wizard.cell_page.fields["name"], "   ")
    assert wizard.cell_page.problems["name"].text() == "Cần nhập mục này."
    replace_text(wizard.cell_page.fields["name"], "")
    fill_cell_page(wizard)
    assert wizard.button(Button.NextButton).isEnabled()
    assert not wizard.cell_page.problems["name"].isVisible()
    screens(wizard, "wizard-1-cell")
    wizard.next()

    place = wizard.place_page
    assert wizard.currentPage() is place
    assert Path(place.path.text()) == paths.default_register()
    target = tmp_path / "noi-luu" / "chi-bo-nguyen-tran.sochibo"
    replace_text(place.path, str(target))
    commit_text(place.passphrase, "ngắn")
    qtbot.waitUntil(lambda: "ít nhất 8 ký tự" in place.problems.text(), timeout=WAIT)
    replace_text(place.passphrase, PASSPHRASE)
    commit_text(place.confirm, PASSPHRASE + "x")
    qtbot.waitUntil(lambda: "không khớp" in place.problems.text(), timeout=WAIT)
    replace_text(place.confirm, PASSPHRASE)
    qtbot.waitUntil(lambda: not place.problems.isVisible(), timeout=WAIT)
    assert wizard.button(Button.CommitButton).text() == "&Tạo sổ"
    screens(wizard, "wizard-2-place")
    qtbot.mouseClick(wizard.button(Button.CommitButton), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.key_page, timeout=WAIT)
    assert target.is_file()
    shown = wizard.key_page.key.text().replace("  ", "-").replace("\n", "-")
    assert KEY_PATTERN.match(shown), shown
    finish = wizard.button(Button.FinishButton)
    assert not finish.isEnabled()
    assert not wizard.button(Button.CancelButton).isVisible()
    assert not wizard.button(Button.BackButton).isVisible()
    wizard.reject()  # Esc or the close button: the key must be confirmed first
    assert wizard.isVisible()
    qtbot.mouseClick(wizard.key_page.copy, Qt.MouseButton.LeftButton)
    assert KEY_PATTERN.match(qapp_clipboard())
    screens(wizard, "wizard-3-key")
    wizard.key_page.confirmed.setChecked(True)
    assert finish.isEnabled()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(
        lambda: shell.window is not None and shell.window.cell is not None, timeout=WAIT
    )
    assert not shell.welcome.isVisible()
    assert CELL["name"] in shell.window.windowTitle()
    assert shell.settings.get(LAST_REGISTER) == str(target)

    # The register it made opens again, with the passphrase, from the remembered path.
    shell.close_register()
    qtbot.waitUntil(lambda: not shell.runner.has_register, timeout=WAIT)
    shell.runner.wait_idle()
    dialog = shell.unlock(Path(shell.settings.get(LAST_REGISTER)))
    unlock_with(qtbot, dialog, PASSPHRASE)
    qtbot.waitUntil(
        lambda: shell.window is not None and shell.window.cell is not None, timeout=WAIT
    )
    assert shell.window.cell.name == CELL["name"]


def qapp_clipboard() -> str:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.clipboard().text()


def test_wizard_refuses_a_place_already_taken(shell: Shell, qtbot, register_file) -> None:
    wizard = shell.new_register()
    fill_cell_page(wizard)
    wizard.next()
    replace_text(wizard.place_page.path, str(register_file))
    for field in (wizard.place_page.passphrase, wizard.place_page.confirm):
        commit_text(field, PASSPHRASE)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.place_page.path_problem.isVisible(), timeout=WAIT)
    assert "Đã có một sổ" in wizard.place_page.path_problem.text()
    assert wizard.currentPage() is wizard.place_page and wizard.register is None


def test_unlock_wrong_then_right_passphrase(shell: Shell, qtbot, register_file, screens) -> None:
    shell.start(register_file)
    dialog = shell.unlock_dialog
    assert dialog is not None and dialog.isVisible() and shell.welcome is None
    unlock_with(qtbot, dialog, "không phải mật khẩu")
    qtbot.waitUntil(lambda: dialog.error.text() != "" and dialog.secret.isEnabled(), timeout=WAIT)
    assert dialog.error.text() == "Mật khẩu không đúng. Sổ không bị thay đổi gì."
    assert dialog.isVisible() and shell.window is None
    screens(dialog, "unlock-wrong-passphrase")
    unlock_with(qtbot, dialog, PASSPHRASE)
    qtbot.waitUntil(
        lambda: shell.window is not None and shell.window.cell is not None, timeout=WAIT
    )
    assert shell.window.isVisible() and shell.unlock_dialog is None
    assert shell.settings.get(LAST_REGISTER) == str(register_file)


def test_unlock_with_the_recovery_key(shell: Shell, qtbot, tmp_path, screens) -> None:
    path = tmp_path / "khoa" / "chi-bo.sochibo"

    def make() -> str:
        reg, key = registers.create_register(path, PASSPHRASE, CELL)
        reg.close()
        return key

    key = off_gui_thread(make)
    dialog = shell.unlock(path)
    dialog.use_recovery.setChecked(True)
    assert dialog.secret_label.text() == "Khóa khôi &phục:"
    screens(dialog, "unlock-recovery-key")
    unlock_with(qtbot, dialog, key.lower().replace("-", " "))
    # a recovery unlock asks for a new passphrase before the register opens
    qtbot.waitUntil(
        lambda: dialog.new_passphrase is not None and dialog.new_passphrase.isVisible(),
        timeout=WAIT,
    )
    asked = dialog.new_passphrase
    commit_text(asked.fields.new, "Hoa sen nở trong đầm nước")
    commit_text(asked.fields.confirm, "Hoa sen nở trong đầm nước")
    qtbot.waitUntil(asked.set_button.isEnabled, timeout=WAIT)
    asked.set_button.click()
    qtbot.waitUntil(
        lambda: shell.window is not None and shell.window.cell is not None, timeout=WAIT
    )
    keys = KeyFile.load(key_path(path))
    assert off_gui_thread(lambda: keys.unlock("Hoa sen nở trong đầm nước"))


def test_remembered_register_is_unlocked_first(shell: Shell, register_file) -> None:
    shell.settings.set(LAST_REGISTER, str(register_file))
    shell.start()
    assert shell.unlock_dialog is not None and shell.unlock_dialog.path == register_file


def test_default_register_is_unlocked_when_nothing_is_remembered(
    shell: Shell, register_file, monkeypatch
) -> None:
    monkeypatch.setenv("SOCHIBO_REGISTER", str(register_file))
    shell.start()
    assert shell.unlock_dialog is not None and shell.unlock_dialog.path == register_file


def test_cancel_unlock_goes_to_the_welcome_screen(shell: Shell, qtbot, register_file) -> None:
    shell.start(register_file)
    shell.unlock_dialog.reject()
    assert shell.welcome is not None and shell.welcome.isVisible()


def test_already_open_elsewhere_is_a_friendly_message(
    shell: Shell, qtbot, register_file, told
) -> None:
    other = off_gui_thread(lambda: registers.open_register(register_file, PASSPHRASE))
    try:
        shell.start(register_file)
        unlock_with(qtbot, shell.unlock_dialog, PASSPHRASE)
        qtbot.waitUntil(lambda: bool(told), timeout=WAIT)
    finally:
        off_gui_thread(other.close)
    title, text = told[0]
    assert title == "Sổ đang được mở"
    assert "đang được mở ở một cửa sổ khác" in text
    assert shell.window is None and shell.welcome.isVisible()


def test_not_a_register_is_explained_and_back_to_welcome(
    shell: Shell, qtbot, tmp_path, told, monkeypatch
) -> None:
    junk = tmp_path / "bang-tinh.sochibo"
    junk.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    shell.start()
    monkeypatch.setattr(OpenRegisterFileDialog, "ask", classmethod(lambda cls, parent: junk))
    qtbot.mouseClick(shell.welcome.open_button, Qt.MouseButton.LeftButton)
    unlock_with(qtbot, shell.unlock_dialog, PASSPHRASE)
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT)
    assert told[0][0] == "Không mở được sổ"
    assert "không phải sổ chi bộ" in told[0][1] or "không mã hóa" in told[0][1]
    assert shell.welcome.isVisible() and shell.window is None


def test_missing_register_on_the_command_line(shell: Shell, tmp_path, told) -> None:
    shell.start(tmp_path / "khong-co.sochibo")
    assert told and told[0][0] == "Không tìm thấy sổ"
    assert shell.welcome.isVisible()


def test_demo_button_creates_then_reopens_the_demo(shell: Shell, qtbot) -> None:
    assert not paths.demo_register().exists()
    shell.start()
    qtbot.mouseClick(shell.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert not shell.welcome.demo_button.isEnabled()
    assert shell.welcome.status.text() == "Đang tạo sổ mẫu, mất vài giây…"
    qtbot.waitUntil(
        lambda: shell.window is not None and shell.window.cell is not None, timeout=60_000
    )
    assert paths.demo_register().is_file()
    assert shell.window.demo_badge.isVisibleTo(shell.window)
    assert shell.settings.get(LAST_REGISTER) == ""  # the demo is never remembered
    shell.close_register()
    qtbot.waitUntil(lambda: not shell.runner.has_register, timeout=WAIT)
    shell.runner.wait_idle()
    qtbot.mouseClick(shell.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert shell.unlock_dialog is None  # no passphrase asked
    qtbot.waitUntil(
        lambda: shell.window is not None and shell.window.cell is not None, timeout=WAIT
    )


def test_a_damaged_register_comes_back_from_its_newest_good_backup(
    shell: Shell, qtbot, tmp_path, told, monkeypatch
) -> None:
    from desktop_app.services import backups
    from desktop_app.ui import errors
    from tests.services.test_backups import add_thirty

    path = tmp_path / "hong" / "chi-bo.sochibo"

    def make() -> None:
        reg, _key = registers.create_register(path, PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS)
        add_thirty(reg)
        backups.create_backup(reg, "thu-cong")
        reg.close()

    off_gui_thread(make)
    data = bytearray(path.read_bytes())
    data[8192:16384] = bytes(8192)  # a run of pages zeroed, as a failing disk leaves them
    path.write_bytes(bytes(data))
    asked: list[str] = []
    monkeypatch.setattr(errors, "confirm", lambda _p, _t, text: asked.append(text) or True)
    shell.start(path)
    unlock_with(qtbot, shell.unlock_dialog, PASSPHRASE)
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.cell is not None,
                    timeout=WAIT)  # fmt: skip
    assert "bị hỏng" in asked[0]
    assert told and told[-1][0] == "Đã khôi phục sổ"
    assert len(list(path.parent.glob("chi-bo.hong-*.sochibo"))) == 1


def test_the_program_stays_open_between_the_unlock_and_the_window(
    shell: Shell, qtbot, register_file, monkeypatch
) -> None:
    """Started on a remembered register there is no welcome screen: when the unlock dialog
    closes, no window is visible until the register's kind is known (database thread). Qt
    would quit the program then; it must not (seen in the bench's cold starts)."""
    from PySide6.QtGui import QGuiApplication

    seen: list[tuple[bool, bool]] = []  # (a window visible, quits on last window closed)
    call = shell.runner.call

    def watched(work, on_done=None, on_error=None, **kw):
        def done(value):
            visible = any(w.isVisible() for w in QApplication.topLevelWidgets())
            seen.append((visible, QGuiApplication.quitOnLastWindowClosed()))
            if on_done is not None:  # the imports made while the passphrase is typed have none
                on_done(value)

        return call(work, done, on_error, **kw)

    monkeypatch.setattr(shell.runner, "call", watched)
    shell.start(register_file)
    dialog = shell.unlock_dialog
    assert shell.welcome is None
    unlock_with(qtbot, dialog, PASSPHRASE)
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=WAIT)
    assert (False, False) in seen  # the gap exists, and the program is kept open across it
    assert QGuiApplication.quitOnLastWindowClosed()  # and quits normally again afterwards
