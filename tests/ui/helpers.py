"""Typing Vietnamese into widgets the way an input method does.

``qtbot.keyClicks`` with non-ASCII text aborts the process on PySide6 6.12, so text is
committed with a QInputMethodEvent (what Unikey/IBus send) or text-only key events.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def commit_text(widget: QWidget, text: str) -> None:
    """Insert text at the cursor as an IME commit."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
    QApplication.processEvents()


def type_text(widget: QWidget, text: str) -> None:
    """Text-only key events, one character at a time (search-as-you-type sees each one)."""
    widget.setFocus()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    QApplication.processEvents()


def replace_text(widget: QWidget, text: str) -> None:
    """Select all, then commit the new text."""
    widget.setFocus()
    widget.selectAll()
    commit_text(widget, text)
