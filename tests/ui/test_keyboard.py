"""The keyboard alone: on every page and in every dialog (tests/ui/scenes.py) Tab goes round
every field, list and button and back to the first without getting stuck (a table that
swallows Tab, a text box that types it), every button says how to press it from the keyboard
(an underlined letter, or the shortcut in its tooltip), the underlined letters of a window
are ones a Vietnamese keyboard types with Alt and differ from each other, and every label
with an underlined letter takes you to its field."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from tests.ui import scenes

STUCK = 3  # Tab pressed this many times without the focus moving: a trap
INPUTS = (
    QLineEdit, QAbstractButton, QComboBox, QAbstractSpinBox, QAbstractItemView, QPlainTextEdit,
    QTextEdit, QTabBar,
)  # fmt: skip
SHORTCUT_IN_TIP = re.compile(r"\((?:phím |key )?(?:Ctrl|Shift|Alt|F\d|Enter|Esc|Del|[A-Z]\))[^)]*")
KEY_IN_TEXT = re.compile(r"\((?:[A-Z]|Del|F\d+)\)$")
WIZARD_BUTTONS = tuple(QWizard.WizardButton(b) for b in range(6))  # Back … Help
QT_OWN = ("file-dialog", "print-dialog")  # Qt's own dialogs: only the Tab walk is ours to check


def focusable(widget: QWidget, top: QWidget) -> bool:
    return (
        widget.isVisibleTo(top)
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and isinstance(widget, INPUTS)
        and not _inside_another_input(widget, top)
    )


def _inside_another_input(widget: QWidget, top: QWidget) -> bool:
    """The line edit of a combo or a spin box: part of a bigger input. (A combo open in a
    table's cell is an input of its own.)"""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return True
        parent = parent.parentWidget()
    return False


def owner(widget: QWidget | None, top: QWidget) -> QWidget | None:
    """The input that has the focus (a combo box for its line edit), else the widget."""
    focused = widget
    while widget is not None and widget is not top:
        if isinstance(widget, INPUTS) and not _inside_another_input(widget, top):
            return widget
        widget = widget.parentWidget()
    return focused


def tab_walk(top: QWidget) -> tuple[list[QWidget], list[str]]:
    """Press Tab from the first input until the focus comes back to it; the inputs in the
    order they got the focus, and what went wrong."""
    inputs = [w for w in top.findChildren(QWidget) if focusable(w, top)]
    if not inputs:
        return [], []
    top.activateWindow()
    first = inputs[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    start = owner(QApplication.focusWidget(), top)
    if start is None:
        return [], ["the window did not take the focus"]
    order, stuck = [start], 0
    for _ in range(4 * len(inputs) + 10):
        before = QApplication.focusWidget()
        QTest.keyClick(before, Qt.Key.Key_Tab)
        now = owner(QApplication.focusWidget(), top)
        if now is None or now.window() is not top:
            return order, [f"Tab left the window after {describe(order[-1])}"]
        if now is start:
            return order, []
        if now is order[-1]:
            stuck += 1
            if stuck >= STUCK:
                return order, [f"Tab is stuck in {describe(now)}"]
            continue
        stuck = 0
        order.append(now)
    return order, [f"Tab never came back to {describe(start)}"]


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else ""
    if not shown and isinstance(widget, QLineEdit):
        shown = widget.placeholderText()
    return f"{type(widget).__name__} {shown[:40]!r}".strip()


def unreached(top: QWidget, order: list[QWidget]) -> list[str]:
    reached = set(map(id, order))
    return [
        f"Tab never reaches {describe(w)}"
        for w in top.findChildren(QWidget)
        if focusable(w, top) and id(w) not in reached
    ]


# -- shortcuts a user can see ---------------------------------------------------------------


def mnemonic(text: str) -> str | None:
    """The underlined letter of a plain text (rich text has none: ``&nbsp;`` is a space)."""
    if QtGui.Qt.mightBeRichText(text):
        return None
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1) if found else None


def standard_button(button: QAbstractButton, top: QWidget) -> bool:
    """OK, Cancel, Close… of a dialog, a wizard or a message box: Enter and Esc press them."""
    box = button.parentWidget()
    if isinstance(top, QMessageBox) and button in (top.escapeButton(), top.defaultButton()):
        return True
    if isinstance(top, QWizard) and any(button is top.button(b) for b in WIZARD_BUTTONS):
        return True
    return isinstance(box, QDialogButtonBox) and (
        box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton
    )


def pressed_by_a_key(button: QAbstractButton) -> bool:
    """Its key is in its text, "Vắng không lý do (V)", or in its tip, "(Ctrl+B)", "(phím C)"."""
    return bool(KEY_IN_TEXT.search(button.text()) or SHORTCUT_IN_TIP.search(button.toolTip()))


def shortcut_problems(top: QWidget) -> list[str]:
    """Buttons with no visible way to press them from the keyboard, underlined letters a
    Vietnamese keyboard cannot type or used twice, labels whose letter leads nowhere."""
    problems, letters = [], []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top):
            continue
        text = widget_text(widget)
        letter = mnemonic(text)
        if letter is not None:
            letters.append((letter.lower(), text))
            if not (letter.isascii() and letter.isalnum()):
                problems.append(f"{text!r}: Alt+{letter} cannot be typed on the keyboard")
        if isinstance(widget, QLabel) and letter is not None and widget.buddy() is None:
            problems.append(f"label {text!r}: its letter leads to no field (no buddy)")
        if (
            isinstance(widget, QPushButton)  # a check box is a field: Tab to it, Space ticks it
            and widget.isEnabled()
            and not widget.isFlat()  # a link in a line of text ("Hiện số")
            and text.strip()
            and letter is None
            and not pressed_by_a_key(widget)
            and not standard_button(widget, top)
            and not widget.isDefault()  # Enter
        ):
            problems.append(f"button {text!r}: no underlined letter and no shortcut in its tip")
    if isinstance(top, QMainWindow):
        letters += [(mnemonic(a.text()).lower(), a.text()) for a in top.menuBar().actions()
                    if mnemonic(a.text())]  # fmt: skip
    for letter, count in Counter(key for key, _t in letters).items():
        if count > 1:
            clash = [t for key, t in letters if key == letter]
            problems.append(f"Alt+{letter.upper()} is used {count} times: {clash}")
    return problems


def widget_text(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton)):
        return widget.text()
    if isinstance(widget, QGroupBox):
        return widget.title()
    return ""


def shortcut_clashes(top: QWidget) -> list[str]:
    """Keys that two actions of the window answer at once: Qt then runs neither ("Ambiguous
    shortcut overload"). An action counts when a widget it belongs to is shown (a page's own
    actions, the window's menus); a button's shortcut when the button is shown and enabled."""
    keys: dict[str, list[str]] = {}
    for action in top.findChildren(QAction):
        if action.isEnabled() and any(_shows(o, top) for o in action.associatedObjects()):
            for key in action.shortcuts():
                keys.setdefault(key.toString(), []).append(action.text())
    for button in top.findChildren(QAbstractButton):
        if button.isVisibleTo(top) and button.isEnabled() and not button.shortcut().isEmpty():
            keys.setdefault(button.shortcut().toString(), []).append(button.text())
    return [f"{key} does two things: {names}" for key, names in keys.items() if len(names) > 1]


def _shows(owner: object, top: QWidget) -> bool:
    if isinstance(owner, QMenu):  # a menu of the menu bar
        bar = owner.menuAction().associatedObjects()
        return any(isinstance(b, QMenuBar) and b.isVisibleTo(top) for b in bar)
    return isinstance(owner, QWidget) and (owner is top or owner.isVisibleTo(top))


# -- the checks themselves ---------------------------------------------------------------------


def test_a_table_that_swallows_tab_is_a_trap(vietnamese, qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    field = QLineEdit(window)
    table = QTableView(window)
    model = QStandardItemModel(30, 5, window)
    table.setModel(model)
    button = QPushButton("&Lưu", window)
    layout = QVBoxLayout(window)
    for widget in (field, table, button):
        layout.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    order, problems = tab_walk(window)
    assert len(problems) == 1 and "QTableView" in problems[0], problems
    table.setTabKeyNavigation(False)
    order, problems = tab_walk(window)
    assert problems == [] and order == [field, table, button]


def test_shortcut_problems_are_found(vietnamese, qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    QPushButton("Lưu", window)
    QPushButton("&Xóa", window)
    QPushButton("&Xem", window)
    QPushButton("&Đóng", window)
    QLabel("&Tên:", window)
    window.show()
    found = shortcut_problems(window)
    assert "button 'Lưu': no underlined letter and no shortcut in its tip" in found
    assert "'&Đóng': Alt+Đ cannot be typed on the keyboard" in found
    assert "label '&Tên:': its letter leads to no field (no buddy)" in found
    assert any(p.startswith("Alt+X is used 2 times") for p in found)


def test_a_key_two_actions_answer_is_found(vietnamese, qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("&Tệp")
    menu.addAction("&Tạo sổ mới…").setShortcut(QKeySequence("Ctrl+N"))
    page = QWidget()
    window.setCentralWidget(page)
    add = QAction("Thêm người", page)
    add.setShortcut(QKeySequence("Ctrl+N"))
    add.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    page.addAction(add)
    hidden = QAction("Ẩn", window)  # belongs to no shown widget: never answers
    hidden.setShortcut(QKeySequence("Ctrl+N"))
    window.show()
    assert shortcut_clashes(window) == ["Ctrl+N does two things: ['&Tạo sổ mới…', 'Thêm người']"]


# -- the program ---------------------------------------------------------------------------


@pytest.fixture
def stage(qtbot, demo_runner, settings, vietnamese, tmp_path):
    return scenes.make_stage(qtbot, demo_runner, settings, tmp_path)


def test_every_page_and_dialog_works_from_the_keyboard(stage) -> None:
    walked = walk_every_scene(stage, scenes.SCENES)
    assert walked > 300, walked  # the walks went somewhere


def walk_every_scene(stage, which: tuple[scenes.Scene, ...]) -> int:
    problems: dict[str, list[str]] = {}
    walked = 0
    for scene, widget in scenes.each_scene(stage, which):
        order, found = tab_walk(widget)
        walked += len(order)
        if not found:
            found = unreached(widget, order)
        if scene.name not in QT_OWN:
            found += shortcut_problems(widget) + shortcut_clashes(widget)
        if found:
            problems[scene.name] = found
    assert not problems, "\n".join(
        f"{name}:\n  " + "\n  ".join(found) for name, found in problems.items()
    )
    return walked


upper_demo = scenes.upper_demo
upper_runner = scenes.upper_runner


@pytest.fixture
def upper_stage(qtbot, upper_runner, settings, vietnamese, tmp_path):
    return scenes.make_upper_stage(qtbot, upper_runner, settings, tmp_path)


def test_the_upper_level_window_works_from_the_keyboard(upper_stage) -> None:
    walked = walk_every_scene(upper_stage, scenes.UPPER_SCENES)
    assert walked > 60, walked
