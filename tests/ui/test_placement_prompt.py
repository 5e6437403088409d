"""Opening a register that sits on a USB stick or a network drive: the window explains, offers
to copy it to this computer (the default) or to cancel, and opens the copy; the file there is
never opened for writing. The demo register and registers in the data folder are unaffected."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_app import paths
from desktop_app.services import placement, registers
from desktop_app.store.database import key_path
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from desktop_app.system import drives
from desktop_app.ui import app as app_module
from desktop_app.ui.app import PlacementPrompt, Shell
from desktop_app.ui.settings import LAST_REGISTER
from tests.conftest import CELL, PASSPHRASE
from tests.ui.conftest import off_gui_thread

WAIT = 15_000
EMPTY = hashlib.sha256(b"").hexdigest()


def register_files(folder: Path) -> dict[str, str]:
    """The register's files and their bytes (SQLite's read-only reader may leave its shared
    index and an empty log beside them; neither holds data)."""
    found = {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in folder.iterdir()}
    return {
        name: digest
        for name, digest in found.items()
        if not name.endswith("-shm") and not (name.endswith("-wal") and digest == EMPTY)
    }


@pytest.fixture
def on_a_stick(monkeypatch):
    """Every drive outside the data folder is a USB stick."""
    monkeypatch.setattr(drives, "drive_kind", lambda _path: drives.REMOVABLE)


@pytest.fixture
def prompts(monkeypatch) -> list[placement.Placement]:
    """The prompt answers "copy" and records what it was shown."""
    shown: list[placement.Placement] = []

    def ask(cls, parent, where):
        shown.append(where)
        return True

    monkeypatch.setattr(PlacementPrompt, "ask", classmethod(ask))
    return shown


def unlock_and_wait(shell: Shell, qtbot, path: Path):
    dialog = shell.unlock(path)
    assert dialog is not None
    dialog.secret.setText(PASSPHRASE)
    dialog.submit()
    qtbot.waitUntil(
        lambda: shell.window is not None and shell.window.cell is not None, timeout=WAIT
    )
    return shell.window


def test_a_register_on_a_stick_is_copied_and_the_copy_opened(
    shell, qtbot, register_file, on_a_stick, prompts, settings
):
    before = register_files(register_file.parent)
    window = unlock_and_wait(shell, qtbot, register_file)
    copy = paths.data_dir() / register_file.name
    assert [w.kind for w in prompts] == ["removable"] and prompts[0].path == register_file
    assert window.register_path == copy
    assert key_path(copy).is_file()
    assert settings.get(LAST_REGISTER) == str(copy)
    assert CELL["code"] in window.windowTitle() and str(copy) in window.path_label.text()
    assert register_files(register_file.parent) == before  # the original is untouched
    shell.close_register()
    shell.runner.wait_idle()
    assert register_files(register_file.parent) == before


def test_cancel_opens_nothing_and_copies_nothing(
    shell, qtbot, register_file, on_a_stick, monkeypatch
):
    monkeypatch.setattr(PlacementPrompt, "ask", classmethod(lambda cls, parent, where: False))
    before = register_files(register_file.parent)
    assert shell.unlock(register_file) is None
    assert shell.window is None and shell.unlock_dialog is None
    assert shell.welcome is not None and shell.welcome.isVisible()
    assert not paths.data_dir().exists() or not list(paths.data_dir().glob("chi-bo*"))
    assert register_files(register_file.parent) == before


def test_a_wrong_passphrase_keeps_the_dialog_and_copies_nothing(
    shell, qtbot, register_file, on_a_stick, prompts
):
    dialog = shell.unlock(register_file)
    dialog.secret.setText("sai mật khẩu")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT)
    assert "Mật khẩu" in dialog.error.text() or "mật khẩu" in dialog.error.text()
    assert shell.window is None
    assert not paths.data_dir().exists() or not list(paths.data_dir().glob("chi-bo*"))


def test_a_register_in_the_data_folder_opens_in_place(shell, qtbot, on_a_stick, monkeypatch):
    def never(cls, parent, where):
        raise AssertionError("no prompt for a register in the data folder")

    monkeypatch.setattr(PlacementPrompt, "ask", classmethod(never))
    home_register = paths.data_dir() / "so-chi-bo.sochibo"

    def make() -> None:
        reg, _ = registers.create_register(home_register, PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS)
        reg.close()

    off_gui_thread(make)
    window = unlock_and_wait(shell, qtbot, home_register)
    assert window.register_path == home_register
    assert sorted(p.name for p in paths.data_dir().iterdir() if p.suffix == ".sochibo") == [
        "so-chi-bo.sochibo"
    ]


def test_the_demo_register_opens_without_a_prompt(shell, qtbot, demo_file, on_a_stick, monkeypatch):
    monkeypatch.setattr(
        PlacementPrompt, "ask", classmethod(lambda *_a: pytest.fail("no prompt for the demo"))
    )
    shell.open_demo()
    qtbot.waitUntil(
        lambda: shell.window is not None and shell.window.cell is not None, timeout=WAIT
    )
    assert shell.window.register_path == demo_file


def test_a_local_register_is_not_asked_about(shell, qtbot, register_file, monkeypatch):
    monkeypatch.setattr(drives, "drive_kind", lambda _path: drives.LOCAL)
    monkeypatch.setattr(
        PlacementPrompt, "ask", classmethod(lambda *_a: pytest.fail("no prompt on a local disk"))
    )
    window = unlock_and_wait(shell, qtbot, register_file)
    assert window.register_path == register_file


# -- the prompt itself ----------------------------------------------------------------------------


def where(kind: drives.Kind) -> placement.Placement:
    path = Path("/media/ha/USB/chi-bo.sochibo")
    return placement.Placement(path, kind, False, placement._why(path, kind))


@pytest.mark.parametrize(
    ("kind", "title", "heading"),
    [
        ("removable", "Sổ nằm trên thiết bị nhớ rời", "thiết bị nhớ rời"),
        ("network", "Sổ nằm trên ổ mạng", "ổ mạng"),
    ],
)
def test_the_prompt_explains_in_vietnamese(vietnamese, qtbot, screens, kind, title, heading):
    box = PlacementPrompt(where(kind))
    qtbot.addWidget(box)
    assert box.windowTitle() == title
    assert heading in box.text()
    assert "hai máy" in box.informativeText()
    assert box.defaultButton() is box.copy_button
    assert box.copy_button.text().replace("&", "") == "Chép sổ vào máy này và mở bản chép"
    texts = [b.text().replace("&", "") for b in box.buttons()]
    assert "Hủy" in texts
    box.show()
    screens(box, f"placement-prompt-{kind}")


@pytest.mark.parametrize(("key", "copies"), [(Qt.Key.Key_Return, True), (Qt.Key.Key_Escape, False)])
def test_enter_copies_and_escape_cancels(vietnamese, qtbot, key, copies):
    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, PlacementPrompt)
        QTest.keyClick(box, key)

    QTimer.singleShot(50, press)
    assert PlacementPrompt.ask(None, where("removable")) is copies


def test_the_shell_shows_the_real_prompt(shell, qtbot, register_file, on_a_stick):
    def cancel() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, PlacementPrompt)
        assert register_file.name in box.informativeText()
        QTest.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(50, cancel)
    assert shell.unlock(register_file) is None
    assert app_module.PlacementPrompt is PlacementPrompt
