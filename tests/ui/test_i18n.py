"""Translations: the catalogue is complete and current, the compiled files match it, and the
Vietnamese interface shows Qt's own buttons and menus in Vietnamese too."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWizard, QWizardPage

from desktop_app.ui import i18n
from scripts import update_translations as ut

I18N = ut.I18N
Button = QMessageBox.StandardButton
ENGLISH_BUTTONS = {
    "OK",
    "Cancel",
    "Yes",
    "No",
    "&Yes",
    "&No",
    "Close",
    "Save",
    "Discard",
    "Apply",
    "Reset",
    "Help",
    "Open",
    "< &Back",
    "&Next >",
    "&Finish",
    "Commit",
}


def messages(ts: Path) -> list[tuple[str, str, str, str]]:
    """(context, source, translation, type) of every live message."""
    rows = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            tr = message.find("translation")
            kind = tr.get("type", "")
            if kind in ("vanished", "obsolete"):
                continue
            rows.append((name, message.findtext("source"), tr.text or "", kind))
    return rows


@pytest.mark.parametrize("ts", ut.CATALOGUES, ids=lambda p: p.name)
def test_every_string_is_translated(ts: Path) -> None:
    rows = messages(ts)
    assert rows
    missing = [(c, s) for c, s, t, kind in rows if kind == "unfinished" or not t.strip()]
    assert not missing, f"translate these (scripts/update_translations.py): {missing}"


@pytest.mark.parametrize("ts", ut.CATALOGUES, ids=lambda p: p.name)
def test_translations_keep_placeholders(ts: Path) -> None:
    for context, source, translation, _kind in messages(ts):
        wanted = sorted(re.findall(r"%\d", source))
        assert sorted(re.findall(r"%\d", translation)) == wanted, (context, source)
        assert translation.count("&") - translation.count("&&") <= 1, (context, source)


def test_every_tr_string_in_the_code_is_in_the_catalogue(tmp_path) -> None:
    fresh = tmp_path / "sochibo_vi.ts"
    shutil.copy2(ut.APP_TS, fresh)
    ut.lupdate(fresh)
    have = {(c, s) for c, s, _t, _k in messages(ut.APP_TS)}
    want = {(c, s) for c, s, _t, _k in messages(fresh)}
    assert want - have == set(), "run scripts/update_translations.py and translate"
    assert have - want == set(), "strings no longer in the code: run the script"


@pytest.mark.parametrize("ts", ut.CATALOGUES, ids=lambda p: p.name)
def test_compiled_files_match_the_catalogues(ts: Path, tmp_path) -> None:
    qm = ts.with_suffix(".qm")
    assert qm.is_file(), f"{qm.name} missing: run scripts/update_translations.py"
    fresh = tmp_path / qm.name
    ut.lrelease(ts, fresh)
    assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is stale: run the script"


def texts(box: QMessageBox) -> set[str]:
    return {button.text() for button in box.buttons()}


def test_message_box_buttons_are_vietnamese(vietnamese, qtbot, screens) -> None:
    assert i18n.current_language() == "vi"
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Xác nhận",
        "Bỏ các thay đổi chưa lưu?",
        Button.Ok | Button.Cancel | Button.Yes | Button.No,
    )
    qtbot.addWidget(box)
    box.show()
    assert texts(box) == {"Đồng ý", "Hủy", "&Có", "&Không"}
    screens(box, "message-box-buttons")
    more = QMessageBox(
        QMessageBox.Icon.Information,
        "x",
        "y",
        Button.Close
        | Button.Save
        | Button.Discard
        | Button.Apply
        | Button.Reset
        | Button.Help
        | Button.Open,
    )
    qtbot.addWidget(more)
    assert texts(more) == {"Đóng", "Lưu", "Không lưu", "Áp dụng", "Đặt lại", "Trợ giúp", "Mở"}
    assert not (texts(box) | texts(more)) & ENGLISH_BUTTONS


def test_wizard_buttons_are_vietnamese(vietnamese, qtbot) -> None:
    wizard = QWizard()
    qtbot.addWidget(wizard)
    wizard.addPage(QWizardPage())
    wizard.addPage(QWizardPage())
    wizard.show()
    B = QWizard.WizardButton
    shown = {
        wizard.button(b).text()
        for b in (B.BackButton, B.NextButton, B.FinishButton, B.CancelButton, B.CommitButton)
    }
    assert shown == {"< &Quay lại", "&Tiếp >", "&Hoàn tất", "Hủy", "Xác nhận"}


def test_text_context_menu_is_vietnamese(vietnamese, qtbot) -> None:
    field = QLineEdit("Nguyễn Văn A")
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    items = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert items == ["&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"]


def test_english_is_available(qapp) -> None:
    try:
        assert i18n.install(qapp, "en") == "en"
        assert i18n.current_language() == "en"
        box = QMessageBox(QMessageBox.Icon.Question, "t", "x", Button.Ok | Button.Cancel)
        assert texts(box) == {"OK", "Cancel"}
        assert QApplication.translate("Areas", "Members") == "Members"
        assert i18n.install(qapp, "xx") == "vi"  # unknown: the default
        assert QApplication.translate("Areas", "Members") == "Đảng viên"
    finally:
        i18n.install(qapp, "en")
