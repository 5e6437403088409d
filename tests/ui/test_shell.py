"""The main window on the demo register: areas and their shortcuts, placeholders, title and
status bar, the Members page failing to load, closing; the error dialogs, the settings, and
``run()`` itself."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView

from desktop_app.domain.errors import ValidationError
from desktop_app.services import registers
from desktop_app.store.errors import NotARegister
from desktop_app.ui import app as app_module
from desktop_app.ui import errors, i18n
from desktop_app.ui import settings as settings_module
from desktop_app.ui.app import Shell
from desktop_app.ui.main_window import AREAS, MainWindow, area_text
from desktop_app.ui.pages.placeholder import BrokenPage, PlaceholderPage
from desktop_app.ui.settings import LANGUAGE, TEXT_SCALE, WINDOW_GEOMETRY, Settings
from tests.conftest import CELL, PASSPHRASE
from tests.ui.conftest import SCREEN_SIZE, off_gui_thread

WAIT = 15_000
CTRL = Qt.KeyboardModifier.ControlModifier
TITLES = [
    "Hôm nay",
    "Đảng viên",
    "Phát triển đảng viên",
    "Sinh hoạt",
    "Biểu mẫu",
    "Gửi cấp trên",
    "Báo cáo",
    "Cài đặt",
]


def open_window(shell: Shell, qtbot) -> MainWindow:
    shell.open_demo()
    qtbot.waitUntil(
        lambda: shell.window is not None and shell.window.cell is not None, timeout=WAIT
    )
    window = shell.window
    window.resize(*SCREEN_SIZE)
    window.activateWindow()
    return window


@pytest.fixture
def window(shell: Shell, qtbot, demo_file) -> MainWindow:
    return open_window(shell, qtbot)


def test_areas_switch_with_ctrl_number(window: MainWindow, qtbot, screens) -> None:
    assert window.current_area() == "members"
    for number, area in enumerate(AREAS, start=1):
        QTest.keyClick(window, getattr(Qt.Key, f"Key_{number}"), CTRL)
        assert window.current_area() == area.key
        assert window.nav.currentRow() == number - 1
        assert window.area_actions[area.key].isChecked()
        item = window.nav.item(number - 1)
        assert item.text() == TITLES[number - 1]
        assert item.data(Qt.ItemDataRole.UserRole + 1) == f"Ctrl+{number}"
        if area.key == "members":  # let the list load before the picture
            qtbot.waitUntil(
                lambda: bool(window.pages["members"].findChildren(QTableView)), timeout=WAIT
            )
            qtbot.wait(300)
        screens(window, f"main-{number}-{area.key}")


def test_sidebar_is_keyboard_driven(window: MainWindow) -> None:
    window.nav.setFocus()
    QTest.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_area() == "candidates"
    QTest.keyClick(window.nav, Qt.Key.Key_Home)
    assert window.current_area() == "today"


def test_every_area_has_its_page(window: MainWindow) -> None:
    for area in AREAS:
        page = window.pages[area.key]
        assert not isinstance(page, (PlaceholderPage, BrokenPage)), area.key


def test_an_area_not_built_says_so_plainly(vietnamese, qtbot) -> None:
    area = next(a for a in AREAS if a.key == "sync")
    page = PlaceholderPage(area_text(area.title), area_text(area.purpose))
    qtbot.addWidget(page)
    assert page.notice.text() == "Phần này chưa được xây dựng trong phiên bản này."
    assert page.purpose.text() and page.purpose.text() != area.purpose  # translated
    assert not page.findChildren(QTableView)  # no made-up data


def test_title_and_status_bar(window: MainWindow, demo_file) -> None:
    cell = window.cell
    assert window.windowTitle() == f"{cell.name} ({cell.code}) — {demo_file.name} — Sổ Chi bộ"
    assert window.cell_name.text() == cell.name
    assert str(demo_file) in window.path_label.text()
    assert window.demo_badge.isVisibleTo(window) and window.demo_badge.text() == "Sổ mẫu"


def test_a_real_register_has_no_demo_badge(shell: Shell, qtbot, register_file) -> None:
    dialog = shell.unlock(register_file)
    dialog.secret.setText(PASSPHRASE)
    dialog.submit()
    qtbot.waitUntil(
        lambda: shell.window is not None and shell.window.cell is not None, timeout=WAIT
    )
    assert CELL["code"] in shell.window.windowTitle()
    assert register_file.name in shell.window.windowTitle()
    assert not shell.window.demo_badge.isVisibleTo(shell.window)


def test_members_page_failing_to_load_leaves_the_window_working(
    shell: Shell, qtbot, demo_file, monkeypatch, screens
) -> None:
    monkeypatch.setitem(sys.modules, "desktop_app.ui.pages.members", None)
    window = open_window(shell, qtbot)
    page = window.pages["members"]
    assert isinstance(page, BrokenPage)
    assert "ModuleNotFoundError" in page.details.toPlainText()
    assert page.notice.text().startswith("Phần này không mở được")
    window.show_area("members")
    screens(window, "main-members-broken")
    QTest.keyClick(window, Qt.Key.Key_3, CTRL)
    assert window.current_area() == "candidates"


def test_close_register_goes_back_to_welcome(window: MainWindow, shell: Shell, qtbot) -> None:
    menu_texts = [a.text() for a in window.menuBar().actions()]
    assert menu_texts == ["&Tệp", "&Xem", "&Công cụ", "Trợ &giúp"]
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert texts == [
        "&Tạo sổ mới…",
        "&Mở sổ…",
        "Mở sổ mẫ&u",
        "&Nhập danh sách…",
        "Đó&ng sổ",
        "T&hoát",
    ]
    close = next(a for a in file_menu.actions() if a.text() == "Đó&ng sổ")
    close.trigger()
    qtbot.waitUntil(lambda: not shell.runner.has_register, timeout=WAIT)
    assert shell.window is None and shell.welcome.isVisible()


def test_closing_the_window_closes_the_register(
    window: MainWindow, shell: Shell, qtbot, demo_file, settings
) -> None:
    window.close()
    assert not shell.runner.has_register
    shell.runner.wait_idle()
    assert not settings.get(WINDOW_GEOMETRY).isEmpty()
    reg = off_gui_thread(lambda: registers.open_register(demo_file, "so-mau-2026"))
    off_gui_thread(reg.close)  # the lock is free again


def test_about_box(window: MainWindow, monkeypatch) -> None:
    seen = []
    monkeypatch.setattr(
        errors.MessageDialog, "ask", lambda parent, title, text, **kw: seen.append((title, text))
    )
    help_menu = window.menuBar().actions()[-1].menu()
    help_menu.actions()[0].trigger()
    assert seen and seen[0][0] == "Giới thiệu" and "Sổ Chi bộ, phiên bản" in seen[0][1]


# -- errors ---------------------------------------------------------------------------------


def test_domain_errors_show_only_their_message(vietnamese, qtbot, monkeypatch) -> None:
    seen, dialogs = [], []
    monkeypatch.setattr(
        errors.MessageDialog, "ask", lambda parent, title, text, **kw: seen.append((title, text))
    )
    monkeypatch.setattr(errors.ErrorDialog, "ask", lambda *a: dialogs.append(a))
    errors.show_error(NotARegister("«x.sochibo» không phải sổ chi bộ."))
    assert seen == [("Không thực hiện được", "«x.sochibo» không phải sổ chi bộ.")]
    assert not dialogs


def test_unexpected_errors_keep_message_and_details_apart(
    vietnamese, qtbot, screens, caplog
) -> None:
    try:
        raise RuntimeError("trục trặc nội bộ")
    except RuntimeError as exc:
        details = errors.technical_details(exc)
    dialog = errors.ErrorDialog("Chương trình gặp lỗi.", details)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.details.isVisible()
    assert dialog.toggle.text() == "Xem chi tiết"
    dialog.toggle.click()
    assert dialog.details.isVisible() and dialog.toggle.text() == "Ẩn chi tiết"
    assert "RuntimeError: trục trặc nội bộ" in dialog.details.toPlainText()
    assert dialog.message.text() == "Chương trình gặp lỗi."
    dialog.copy.click()
    assert "trục trặc nội bộ" in QGuiApplication.clipboard().text()
    dialog.resize(640, 420)
    screens(dialog, "error-dialog")


def test_excepthook_logs_and_shows(vietnamese, qtbot, monkeypatch, caplog) -> None:
    shown = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(
        errors.ErrorDialog, "ask", lambda parent, message, details: shown.append((message, details))
    )
    errors.install_excepthook()
    try:
        raise ValueError("lỗi lập trình")
    except ValueError as exc:
        with caplog.at_level(logging.ERROR):
            sys.excepthook(type(exc), exc, exc.__traceback__)
    assert shown and shown[0][0].startswith("Chương trình gặp lỗi.")
    assert "ValueError: lỗi lập trình" in shown[0][1]
    assert "lỗi lập trình" in caplog.text


def test_validation_error_is_a_domain_error_message(vietnamese, monkeypatch) -> None:
    seen = []
    monkeypatch.setattr(
        errors.MessageDialog, "ask", lambda parent, title, text, **kw: seen.append(text)
    )
    errors.show_error(ValidationError("Sổ mới", []))
    assert seen == ["Sổ mới: dữ liệu chưa hợp lệ, chưa lưu gì.\n"]


# -- settings -------------------------------------------------------------------------------


def test_settings_defaults_and_bad_values(settings: Settings, tmp_path) -> None:
    assert settings.get(LANGUAGE) == "vi" and settings.get(TEXT_SCALE) == 100
    settings.set(TEXT_SCALE, 130)
    settings.set(LANGUAGE, "en")
    assert settings.get(TEXT_SCALE) == 130 and settings.get(LANGUAGE) == "en"
    settings.set(TEXT_SCALE, 400)
    settings.set(LANGUAGE, "fr")
    assert settings.get(TEXT_SCALE) == 100 and settings.get(LANGUAGE) == "vi"
    raw = QSettings(str(tmp_path / "sochibo.ini"), QSettings.Format.IniFormat)
    raw.setValue("ui/text_scale", "không phải số")
    assert Settings(raw).get(TEXT_SCALE) == 100
    assert raw.value(settings_module.VERSION_KEY) in (
        settings_module.VERSION,
        str(settings_module.VERSION),
    )


def test_settings_upgrade_hooks_run_once(tmp_path, monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(settings_module, "VERSION", 2)
    monkeypatch.setitem(settings_module.UPGRADES, 2, lambda store: calls.append(store))
    raw = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    raw.setValue(settings_module.VERSION_KEY, 1)
    Settings(raw)
    Settings(raw)
    assert len(calls) == 1 and int(raw.value(settings_module.VERSION_KEY)) == 2


def test_default_settings_file_is_an_ini_in_the_user_scope(tmp_path) -> None:
    assert Settings().file_name.endswith("SoChiBo/SoChiBo.ini")
    assert str(tmp_path) in Settings().file_name


def test_language_and_text_scale_are_applied(qapp, settings, monkeypatch) -> None:
    font = qapp.font()
    settings.set(LANGUAGE, "en")
    settings.set(TEXT_SCALE, 150)
    try:
        app_module.create_application(settings)
        assert i18n.current_language() == "en"
        assert qapp.font().pointSizeF() >= 15
        assert QApplication.translate("Areas", "Members") == "Members"
    finally:
        i18n.install(qapp, "en")
        qapp.setFont(font)


# -- run() ----------------------------------------------------------------------------------


def test_run_starts_on_the_welcome_screen_and_returns_the_exit_code(qapp, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    seen = {}

    def look_and_quit() -> None:
        seen["windows"] = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
        QApplication.exit(3)

    QTimer.singleShot(200, look_and_quit)
    try:
        assert app_module.run(None) == 3
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)
        i18n.install(qapp, "en")
        for widget in QApplication.topLevelWidgets():
            widget.close()
    assert "Sổ Chi bộ" in seen["windows"]
    assert sys.excepthook is errors._hook
    from desktop_app import paths

    assert (paths.log_dir() / app_module.LOG_FILE).is_file()


def test_opening_the_register_already_shown_does_nothing(
    window: MainWindow, shell: Shell, demo_file, told
) -> None:
    assert shell.unlock(demo_file) is None
    shell.open_demo()
    assert shell.window is window and shell.runner.has_register and not told


def test_windowed_launcher_passes_the_register_path(monkeypatch) -> None:
    import desktop_app.__main__ as entry

    seen = []
    monkeypatch.setattr(entry, "run_gui", lambda register=None: seen.append(register) or 0)
    monkeypatch.setattr(sys, "argv", ["sochibo-gui", "-psn_0_123", "/tmp/chi-bo.sochibo"])
    assert entry.gui_main() == 0
    monkeypatch.setattr(sys, "argv", ["sochibo-gui"])
    entry.gui_main()
    assert seen == ["/tmp/chi-bo.sochibo", None]


def test_default_size_fits_small_office_screens() -> None:
    from PySide6.QtCore import QSize

    from desktop_app.ui.main_window import fitted_size

    assert fitted_size(QSize(1366, 728)) == QSize(1280, 688)  # 1366×768 minus a taskbar
    assert fitted_size(QSize(1920, 1040)) == QSize(1280, 800)


def test_the_application_has_its_icon(qapp, settings) -> None:
    font = qapp.font()
    try:
        app_module.create_application(settings)
        assert not qapp.windowIcon().isNull()
        assert qapp.desktopFileName() == "sochibo"
    finally:
        i18n.install(qapp, "en")
        qapp.setFont(font)
