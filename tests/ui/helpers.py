"""Typing Vietnamese into widgets the way an input method does.

``qtbot.keyClicks`` with non-ASCII text aborts the process on PySide6 6.12, so text is
committed with a QInputMethodEvent (what Unikey/IBus send) or text-only key events.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.ui.tasks import TaskRunner


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


def settle(runner: TaskRunner, rounds: int = 4) -> None:
    """Let queued database work and the callbacks it triggers (which may queue more) finish."""
    for _ in range(rounds):
        runner.wait_idle()


def run(runner: TaskRunner, work: Callable[[Any], Any]) -> Any:
    """Run work on the database thread and return its result (test set-up only)."""
    value = runner.submit(work).result(timeout=30)
    settle(runner)
    return value
