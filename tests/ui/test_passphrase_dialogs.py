"""The passphrase and recovery-key dialogs as a secretary meets them, in Vietnamese: changing
the passphrase with live advice, refusals shown under their fields, recovering through the
unlock dialog (a new passphrase is required before the register is shown), a new recovery
key shown once with its sheet printed or saved, and the sheet from the create wizard."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWizard

from desktop_app.services import passphrase, registers
from desktop_app.store.database import Register, key_path
from desktop_app.store.errors import WrongRecoveryKey, WrongSecret
from desktop_app.store.keys import FAST_KDF_FOR_TESTS, KeyFile
from desktop_app.ui.app import Shell
from desktop_app.ui.dialogs import passphrase_dialog, recovery_dialog
from desktop_app.ui.dialogs.passphrase_dialog import PassphraseDialog
from desktop_app.ui.dialogs.recovery_dialog import (
    NewPassphraseDialog,
    NewRecoveryKeyDialog,
    SheetOutput,
)
from tests.conftest import CELL, PASSPHRASE
from tests.ui.conftest import off_gui_thread
from tests.ui.helpers import commit_text, replace_text

WAIT = 15_000
NEW = "Hoa sen nở trong đầm nước"


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "".join("".join(p.extract_text().split()) for p in pdf.pages)


@pytest.fixture
def keyed(tmp_path):
    """A closed register (cheap Argon2 cost) and its recovery key, made off the GUI thread."""
    path = tmp_path / "so" / "chi-bo.sochibo"

    def make() -> str:
        reg, key = registers.create_register(path, PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS)
        reg.close()
        return key

    return path, off_gui_thread(make)


@pytest.fixture
def printed(monkeypatch) -> list[bytes]:
    """Sheets sent to the printer are kept instead of printed."""
    seen: list[bytes] = []
    monkeypatch.setattr(
        SheetOutput, "print_pdf", classmethod(lambda cls, pdf, parent: seen.append(pdf) or True)
    )
    return seen


# -- change ---------------------------------------------------------------------------------------


def test_change_the_passphrase_in_the_dialog(vietnamese, empty_runner, register, qtbot, screens):
    runner = empty_runner
    dialog = PassphraseDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.fields.cell_name == CELL["name"], timeout=WAIT)
    button = dialog.change_button
    assert button.text() == "Đổ&i mật khẩu" and not button.isEnabled()
    fields = dialog.fields

    commit_text(dialog.old, PASSPHRASE)
    commit_text(fields.new, "Nguyễn Trân 2026")
    assert fields.strength.text() == "Độ mạnh: Yếu"
    assert "tên hoặc mã của chi bộ" in fields.advice.text()
    assert "4 chữ trở lên" in fields.advice.text()
    commit_text(fields.confirm, "Nguyễn Trân 2026")
    assert not button.isEnabled()  # a weak passphrase cannot be saved
    screens(dialog, "passphrase-change-weak")

    replace_text(fields.new, NEW)
    assert fields.strength.text() == "Độ mạnh: Mạnh" and not fields.advice.isVisible()
    assert fields.confirm_message.text() == "Không khớp với mật khẩu mới."
    assert not button.isEnabled()
    replace_text(fields.confirm, NEW)
    assert not fields.confirm_message.isVisible() and button.isEnabled()
    screens(dialog, "passphrase-change-ready")

    keys_before = key_path(register.path).read_bytes()
    replace_text(dialog.old, "không phải mật khẩu")
    click(qtbot, button)
    qtbot.waitUntil(lambda: dialog.old_message.isVisible(), timeout=WAIT)
    assert dialog.old_message.text() == "Không đúng; sổ không bị thay đổi gì"
    assert dialog.isVisible()
    assert key_path(register.path).read_bytes() == keys_before
    screens(dialog, "passphrase-change-wrong-old")

    replace_text(dialog.old, PASSPHRASE)
    assert not dialog.old_message.isVisible()
    click(qtbot, button)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=WAIT)
    assert dialog.advice is not None and dialog.advice.rating == "strong"
    keys = KeyFile.load(key_path(register.path))
    assert keys.unlock(NEW) == register.data_key
    with pytest.raises(WrongSecret):
        keys.unlock(PASSPHRASE)


def test_a_refusal_from_the_register_shows_under_its_field(vietnamese, empty_runner, qtbot):
    """The same passphrase again passes the dialog's own checks; the service refuses it."""
    empty_runner.submit(lambda reg: passphrase.change_passphrase(reg, PASSPHRASE, NEW, NEW)).result(
        timeout=30
    )
    dialog = PassphraseDialog(empty_runner)
    qtbot.addWidget(dialog)
    dialog.show()
    commit_text(dialog.old, NEW)
    commit_text(dialog.fields.new, NEW)
    commit_text(dialog.fields.confirm, NEW)
    qtbot.waitUntil(lambda: dialog.change_button.isEnabled(), timeout=WAIT)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.fields.new_message.isVisible(), timeout=WAIT)
    assert "Trùng với mật khẩu hiện tại" in dialog.fields.new_message.text()
    assert dialog.result() != dialog.DialogCode.Accepted


def test_the_settings_entry_tells_what_changed(vietnamese, empty_runner, told, monkeypatch):
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, runner, parent: object()))
    passphrase_dialog.change_passphrase(empty_runner, None)
    assert told == [
        (
            "Đã đổi mật khẩu",
            "Từ nay sổ mở bằng mật khẩu mới. Khóa khôi phục không đổi: tờ giấy đang cất vẫn mở "
            "được sổ.",
        )
    ]
    told.clear()
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, runner, parent: None))
    passphrase_dialog.change_passphrase(empty_runner, None)
    assert told == []


# -- recover through the unlock dialog ----------------------------------------------------------


def unlock_with_key(shell: Shell, qtbot, path: Path, key: str):
    dialog = shell.unlock(path)
    dialog.use_recovery.setChecked(True)
    replace_text(dialog.secret, key)
    click(qtbot, dialog.open_button)
    qtbot.waitUntil(
        lambda: dialog.new_passphrase is not None and dialog.new_passphrase.isVisible(),
        timeout=WAIT,
    )
    return dialog, dialog.new_passphrase


def test_recover_requires_a_new_passphrase_before_the_register_shows(
    shell: Shell, qtbot, keyed, screens
):
    path, key = keyed
    _unlock, dialog = unlock_with_key(shell, qtbot, path, key.lower().replace("-", " "))
    assert isinstance(dialog, NewPassphraseDialog)
    assert shell.window is None  # not shown yet
    qtbot.waitUntil(lambda: dialog.fields.cell_code == CELL["code"], timeout=WAIT)
    fields = dialog.fields
    commit_text(fields.new, "cbnt2026")
    assert fields.strength.text() == "Độ mạnh: Yếu"
    assert not dialog.set_button.isEnabled()
    qtbot.wait(50)  # the dialog grows on the next layout pass
    advice, confirm = dialog.fields.advice, dialog.fields.confirm
    assert advice.height() >= advice.heightForWidth(advice.width())  # every line shows
    bottom = advice.mapTo(dialog, advice.rect().bottomLeft()).y()
    assert bottom < confirm.mapTo(dialog, confirm.rect().topLeft()).y()
    screens(dialog, "recover-new-passphrase-weak")
    replace_text(fields.new, NEW)
    commit_text(fields.confirm, NEW)
    assert dialog.set_button.text() == "Đặt mật khẩu và mở &sổ" and dialog.set_button.isEnabled()
    screens(dialog, "recover-new-passphrase")
    click(qtbot, dialog.set_button)
    qtbot.waitUntil(
        lambda: shell.window is not None and shell.window.cell is not None, timeout=WAIT
    )
    assert shell.unlock_dialog is None  # closed and gone
    shell.close_register()
    qtbot.waitUntil(lambda: not shell.runner.has_register, timeout=WAIT)
    shell.runner.wait_idle()
    off_gui_thread(lambda: Register.open(path, NEW).close())
    with pytest.raises(WrongSecret):
        off_gui_thread(lambda: Register.open(path, PASSPHRASE))
    off_gui_thread(lambda: Register.open(path, recovery_key=key).close())


def test_cancelling_the_new_passphrase_keeps_the_register_closed(shell: Shell, qtbot, keyed):
    path, key = keyed
    before = (path.read_bytes(), key_path(path).read_bytes())
    unlock, dialog = unlock_with_key(shell, qtbot, path, key)
    dialog.reject()
    qtbot.waitUntil(lambda: unlock.error.isVisible(), timeout=WAIT)
    assert unlock.error.text() == "Sổ vẫn đóng: đặt xong mật khẩu mới thì sổ mới mở."
    assert unlock.isVisible() and unlock.secret.isEnabled() and shell.window is None
    shell.runner.wait_idle()
    assert (path.read_bytes(), key_path(path).read_bytes()) == before
    off_gui_thread(lambda: Register.open(path, PASSPHRASE).close())  # closed, so it opens


def test_a_mistyped_recovery_key_stays_in_the_unlock_dialog(shell: Shell, qtbot, keyed):
    path, key = keyed
    dialog = shell.unlock(path)
    dialog.use_recovery.setChecked(True)
    replace_text(dialog.secret, ("0" if key[0] != "0" else "1") + key[1:])
    click(qtbot, dialog.open_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT)
    assert "gõ sai" in dialog.error.text()
    assert dialog.new_passphrase is None and shell.window is None


# -- a new recovery key ---------------------------------------------------------------------------


def test_make_a_new_recovery_key(
    vietnamese, empty_runner, register, qtbot, tmp_path, monkeypatch, printed, screens
):
    runner = empty_runner
    path = register.path
    dialog = NewRecoveryKeyDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.make_button.isEnabled() and not dialog.key.isVisible()
    screens(dialog, "recovery-key-new-ask")
    commit_text(dialog.passphrase, "sai rồi")
    click(qtbot, dialog.make_button)
    qtbot.waitUntil(lambda: dialog.passphrase_message.isVisible(), timeout=WAIT)
    assert dialog.passphrase_message.text() == "Không đúng; khóa khôi phục cũ vẫn giữ nguyên"
    assert dialog.new_key == ""

    replace_text(dialog.passphrase, PASSPHRASE)
    click(qtbot, dialog.make_button)
    qtbot.waitUntil(lambda: dialog.key.isVisible(), timeout=WAIT)
    key = dialog.new_key
    assert dialog.key.text().replace("\n", "  ").replace("  ", "-") == key
    assert KeyFile.load(key_path(path)).unlock_with_recovery(key) == register.data_key
    assert not dialog.close_button.isEnabled()
    dialog.reject()  # Esc: the key must be confirmed as kept first
    assert dialog.isVisible()
    assert dialog.print_button.text() == "&In tờ khóa khôi phục…"
    screens(dialog, "recovery-key-new-shown")

    click(qtbot, dialog.print_button)
    qtbot.waitUntil(lambda: bool(printed), timeout=WAIT)
    assert key.replace("-", "") in pdf_text(printed[0])

    target = tmp_path / "usb" / "to-khoa.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(SheetOutput, "ask_path", classmethod(lambda cls, parent, name: target))
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: target.exists(), timeout=WAIT)
    assert key.replace("-", "") in pdf_text(target.read_bytes())
    assert dialog.status.text() == f"Đã lưu: {target}"

    click(qtbot, dialog.copy_button)
    assert QGuiApplication.clipboard().text() == key
    dialog.confirmed.setChecked(True)
    assert dialog.close_button.isEnabled()
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()


def test_the_old_recovery_key_stops_working(empty_runner, register, qtbot):
    """The fixture's register was made with a key nobody kept: make one, then another."""
    keys = []
    for _ in range(2):
        dialog = NewRecoveryKeyDialog(empty_runner)
        qtbot.addWidget(dialog)
        dialog.show()
        commit_text(dialog.passphrase, PASSPHRASE)
        dialog.submit()
        qtbot.waitUntil(lambda d=dialog: bool(d.new_key), timeout=WAIT)
        keys.append(dialog.new_key)
    current = KeyFile.load(key_path(register.path))
    assert current.unlock_with_recovery(keys[1]) == register.data_key
    with pytest.raises(WrongRecoveryKey):
        current.unlock_with_recovery(keys[0])


def test_the_settings_entry_opens_the_dialog(empty_runner, monkeypatch):
    opened = []
    monkeypatch.setattr(
        NewRecoveryKeyDialog, "ask", classmethod(lambda cls, r, p: opened.append(r))
    )
    recovery_dialog.make_new_recovery_key(empty_runner, None)
    assert opened == [empty_runner]


# -- the sheet from the create wizard, and on paper ---------------------------------------------


def test_print_the_recovery_sheet_from_the_wizard(shell: Shell, qtbot, tmp_path, printed, screens):
    wizard = shell.new_register()
    for key in ("name", "code", "upper_level", "secretary", "address"):
        commit_text(wizard.cell_page.fields[key], CELL[key])
    wizard.next()
    replace_text(wizard.place_page.path, str(tmp_path / "moi" / "chi-bo.sochibo"))
    for field in (wizard.place_page.passphrase, wizard.place_page.confirm):
        commit_text(field, PASSPHRASE)
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.key_page, timeout=WAIT)
    page = wizard.key_page
    assert page.print_sheet.text() == "&In tờ khóa khôi phục…"
    screens(wizard, "wizard-3-key-print")
    click(qtbot, page.print_sheet)
    qtbot.waitUntil(lambda: bool(printed), timeout=WAIT)
    text = pdf_text(printed[0])
    assert page._recovery.replace("-", "") in text
    assert "".join(CELL["name"].split()) in text
    # finish the wizard: it refuses to close until the key is confirmed, and a wizard left
    # open makes a later change of the application's style crash Qt
    page.confirmed.setChecked(True)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.cell is not None,
                    timeout=WAIT)  # fmt: skip
    assert shell.wizard is None  # finished and deleted


def test_pages_are_painted_on_a_printer(qapp, tmp_path, keyed):
    path, key = keyed

    def sheet() -> bytes:
        with Register.open(path, PASSPHRASE) as reg:
            return passphrase.recovery_sheet_for(reg, key)

    pdf = off_gui_thread(sheet)
    images = recovery_dialog.page_images(pdf, dpi=100)
    assert len(images) == 1 and not images[0].isNull()
    assert abs(images[0].height() / images[0].width() - 297 / 210) < 0.01
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "in.pdf"))
    recovery_dialog.paint_pages(printer, images)
    assert (tmp_path / "in.pdf").stat().st_size > 10_000
