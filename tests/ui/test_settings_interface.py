"""The Settings page's "Interface" box: the language and the text size of this computer, kept
in the machine settings (INI), the text size applied at once to the whole window, the
language from the next start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStyleOptionViewItem

from desktop_app.ui import app as app_module
from desktop_app.ui import i18n, style
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.settings import SettingsPage
from desktop_app.ui.settings import LANGUAGE, TEXT_SCALE, Settings
from desktop_app.ui.window_parts import shortcut_fits
from tests.ui import scenes
from tests.ui.conftest import SCREEN_SIZE
from tests.ui.helpers import settle
from tests.ui.test_pseudo_translation import clipped


@pytest.fixture
def page(empty_runner, vietnamese, settings, qtbot):
    page = SettingsPage(empty_runner, settings=settings)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    settle(empty_runner)
    yield page
    style.apply(QApplication.instance())  # back to 100 % for the next test


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def reread(settings: Settings) -> Settings:
    """The same INI file read afresh, as the next start of the program reads it."""
    return Settings(QSettings(settings.file_name, QSettings.Format.IniFormat))


def test_shows_the_stored_choices(page) -> None:
    assert page.language_combo.currentText() == "Tiếng Việt"
    assert page.scale_combo.currentText() == "100 %"
    assert [page.scale_combo.itemData(i) for i in range(page.scale_combo.count())] == [
        100,
        110,
        120,
        130,
        140,
        150,
    ]
    assert [page.language_combo.itemText(i) for i in range(2)] == ["Tiếng Việt", "English"]
    assert not page.language_note.isVisible()


def test_text_size_is_stored_and_applied_at_once(page, settings, qapp) -> None:
    base = qapp.font().pointSizeF()
    heading = next(
        label for label in page.findChildren(QLabel) if label.text() == "Cài đặt"
    )  # a font the page set for itself
    heading_size = heading.font().pointSizeF()
    plain_hint = page.language_combo.sizeHint().height()
    choose(page.scale_combo, 130)
    assert reread(settings).get(TEXT_SCALE) == 130
    assert qapp.font().pointSizeF() == pytest.approx(base * 1.3)
    assert heading.font().pointSizeF() == pytest.approx(heading_size * 1.3)
    assert page.language_combo.font().pointSizeF() == pytest.approx(base * 1.3)
    assert page.language_combo.sizeHint().height() > plain_hint
    assert style.text_scale(qapp) == 130
    choose(page.scale_combo, 150)
    choose(page.scale_combo, 100)  # back: exactly the sizes of before, nothing compounds
    assert qapp.font().pointSizeF() == pytest.approx(base)
    assert heading.font().pointSizeF() == pytest.approx(heading_size)
    assert reread(settings).get(TEXT_SCALE) == 100


def test_language_waits_for_the_next_start(page, settings) -> None:
    choose(page.language_combo, "en")
    assert reread(settings).get(LANGUAGE) == "en"
    assert i18n.current_language() == "vi"  # nothing half-translated now
    assert page.language_combo.toolTip() == "Ngôn ngữ của trình đơn, nút bấm và thông báo"
    assert page.language_note.isVisible()
    assert page.language_note.text() == (
        "Ngôn ngữ mới được dùng từ lần mở chương trình sau.\n"
        "The new language is used from the next time the program starts."
    )
    choose(page.language_combo, "vi")
    assert reread(settings).get(LANGUAGE) == "vi"
    assert not page.language_note.isVisible()


def test_the_next_start_uses_the_choices(page, settings, qapp) -> None:
    choose(page.language_combo, "en")
    choose(page.scale_combo, 120)
    font = qapp.font()
    try:
        app_module.create_application(reread(settings))
        assert i18n.current_language() == "en"
        assert QApplication.translate("SettingsPage", "Backups") == "Backups"
        assert style.text_scale(qapp) == 120
    finally:
        i18n.install(qapp, "vi")
        qapp.setFont(font)


def test_a_hand_edited_size_is_shown_as_it_is_and_a_bad_one_as_the_default(
    empty_runner, vietnamese, settings, qtbot
) -> None:
    settings.set(TEXT_SCALE, 135)
    page = SettingsPage(empty_runner, settings=settings)
    qtbot.addWidget(page)
    assert page.scale_combo.currentText() == "135 %"
    settings.set(TEXT_SCALE, 400)
    settings.set(LANGUAGE, "fr")
    page.use_settings(settings)
    assert page.scale_combo.currentText() == "100 %"
    assert page.language_combo.currentText() == "Tiếng Việt"
    assert reread(settings).get(TEXT_SCALE) == 100  # showing it wrote nothing


def test_the_window_gives_the_page_its_settings_and_follows_the_size(
    demo_runner, vietnamese, settings, qtbot, screens, qapp
) -> None:
    settings.set(TEXT_SCALE, 110)
    window = MainWindow(demo_runner, settings)
    qtbot.addWidget(window)
    window.resize(*SCREEN_SIZE)
    window.show()
    window.show_area("settings")
    window.reload()  # the runner had the register before the window was made
    qtbot.waitUntil(lambda: window.cell is not None)
    settle(demo_runner)
    page = window.pages["settings"]
    assert page.scale_combo.currentData() == 110
    narrow = window.sidebar.width()
    try:
        choose(page.scale_combo, 150)
        assert settings.get(TEXT_SCALE) == 150
        assert window.sidebar.width() > narrow  # "Phát triển đảng viên" still fits
        metrics = window.nav.fontMetrics()
        for row in range(window.nav.count()):
            text = window.nav.item(row).text()
            assert metrics.horizontalAdvance(text) + 30 < window.nav.viewport().width(), text
        option = QStyleOptionViewItem()
        option.font, option.rect = window.nav.font(), window.nav.visualItemRect(window.nav.item(0))
        assert shortcut_fits(option, window.nav.model().index(0, 0))  # "Hôm nay  Ctrl+1"
        screens(window, "settings-interface-150")
    finally:
        style.apply(qapp)


def test_nothing_is_cut_off_at_the_largest_text_size(
    qtbot, demo_runner, settings, vietnamese, tmp_path, screens, qapp
) -> None:
    """Every page and dialog at 150 % on a 1280×800 screen: everything fits and shows whole
    (the checks of tests/ui/test_pseudo_translation.py)."""
    style.apply(qapp, 150)
    problems: dict[str, list[str]] = {}
    try:
        stage = scenes.make_stage(qtbot, demo_runner, settings, tmp_path)
        for scene, widget in scenes.each_scene(stage):
            if isinstance(widget, QMainWindow):
                widget.resize(*SCREEN_SIZE)
            QApplication.processEvents()
            screens(widget, f"large-{scene.name}")
            if found := clipped(widget):
                problems[scene.name] = found
    finally:
        style.apply(qapp)
    assert not problems, "\n".join(
        f"{name}:\n  " + "\n  ".join(found) for name, found in problems.items()
    )
