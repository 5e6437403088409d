"""Showing errors: plain Vietnamese first, technical details apart (Anki, Vorta).

A ``DomainError`` is something the user can understand and act on: its message is shown alone.
Anything else is a bug: it is logged with its traceback and shown with a plain sentence, the
details folded away, a button to copy them and one to open the log folder.

Modal dialogs here have an ``ask()`` classmethod wrapping ``exec()`` so tests monkeypatch it.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from importlib import metadata
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop_app import paths
from desktop_app.domain.errors import DomainError
from desktop_app.ui.style import monospace, scaled_font

log = logging.getLogger(__name__)
Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon


class MessageDialog(QMessageBox):
    """A message box in the program's language."""

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        text: str,
        *,
        icon: Icon = Icon.Warning,
        buttons: Button = Button.Ok,
        default: Button = Button.NoButton,
    ) -> Button:
        """Show the message modally and return the button pressed."""
        box = cls(icon, title, text, buttons, parent)
        if default != Button.NoButton:
            box.setDefaultButton(default)
        return Button(box.exec())


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes/No question, No by default."""
    answer = MessageDialog.ask(
        parent, title, text, icon=Icon.Question, buttons=Button.Yes | Button.No, default=Button.No
    )
    return answer == Button.Yes


class ErrorDialog(QDialog):
    """An unexpected error: the plain message, then details that can be shown and copied."""

    def __init__(self, message: str, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Error"))
        self.setMinimumWidth(520)
        self.message = QLabel(message, wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details, readOnly=True)
        self.details.setMinimumHeight(200)
        self.details.setFont(monospace(0.9))
        self.details.setVisible(False)
        self.message.setFont(scaled_font(1.1))
        top = QHBoxLayout()
        top.setSpacing(14)
        top.addWidget(self._icon(), 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(self._buttons())

    def _icon(self) -> QLabel:
        label = QLabel()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        label.setPixmap(icon.pixmap(40, 40))
        return label

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.toggle = QPushButton(self.tr("Show details"), checkable=True)
        self.copy = QPushButton(self.tr("&Copy details"))
        self.open_logs = QPushButton(self.tr("&Open log folder"))
        self.toggle.setShortcut(QKeySequence("Ctrl+D"))
        self.toggle.setToolTip(self.tr("Show or hide the technical details (Ctrl+D)"))
        for button in (self.toggle, self.copy, self.open_logs):
            box.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.toggle.toggled.connect(self._show_details)
        self.copy.clicked.connect(self.copy_details)
        self.open_logs.clicked.connect(open_log_folder)
        box.rejected.connect(self.reject)
        return box

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.toggle.setText(self.tr("Hide details") if shown else self.tr("Show details"))
        self.adjustSize()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(
            f"{self.message.text()}\n\n{self.details.toPlainText()}"
        )

    @classmethod
    def ask(cls, parent: QWidget | None, message: str, details: str) -> None:
        cls(message, details, parent).exec()


def open_log_folder() -> None:
    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def program_version() -> str:
    try:
        return metadata.version("sochibo")
    except metadata.PackageNotFoundError:
        return "?"


def technical_details(exc: BaseException) -> str:
    """The traceback and the versions, for whoever maintains the program."""
    trace = "".join(traceback.format_exception(exc))
    return (
        f"Sổ Chi bộ {program_version()}, Python {platform.python_version()}, "
        f"PySide6 {pyside_version}, {platform.platform()}\n\n{trace}"
    )


def show_error(exc: BaseException, parent: QWidget | None = None) -> None:
    """Tell the user about an error: a DomainError by its message, anything else as a bug."""
    parent = parent or QApplication.activeWindow()
    if isinstance(exc, DomainError):
        MessageDialog.ask(parent, QApplication.translate("Errors", "Cannot do that"), str(exc))
        return
    log.error("unexpected error", exc_info=exc)
    message = QApplication.translate(
        "Errors",
        "Something went wrong in the program. What you were doing may not have been "
        "saved; the register itself is safe. The details below help whoever looks after the "
        "program: copy them, or send them the log folder.",
    )
    ErrorDialog.ask(parent, message, technical_details(exc))


_showing = False


def _hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    global _showing
    if issubclass(kind, KeyboardInterrupt) or _showing or QApplication.instance() is None:
        log.error("uncaught exception", exc_info=(kind, exc, tb))
        sys.__excepthook__(kind, exc, tb)
        return
    _showing = True
    try:
        show_error(exc)
    finally:
        _showing = False


def install_excepthook() -> None:
    """Every uncaught exception is logged and shown; the program keeps running."""
    sys.excepthook = _hook
