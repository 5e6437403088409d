"""Unlocking a register with its passphrase, or with the recovery key instead.

The register is opened on the database thread. A wrong passphrase or recovery key keeps the
dialog open with the message under the field; any other error closes it and is reported through
``failed`` for the caller to explain.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import backups, registers
from desktop_app.services.backups import BackupInfo
from desktop_app.store.database import key_path
from desktop_app.store.errors import DamagedRegister, NotARegister, WrongRecoveryKey, WrongSecret
from desktop_app.ui import errors, style
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.text import fill

if TYPE_CHECKING:
    from desktop_app.ui.dialogs.recovery_dialog import NewPassphraseDialog

Echo = QLineEdit.EchoMode


class UnlockDialog(QDialog):
    """Asks for the secret of one register file and opens it."""

    opened = Signal(object)  # the open Register
    failed = Signal(object)  # an error other than a wrong secret
    cancelled = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        path: Path,
        parent: QWidget | None = None,
        opener: Callable[..., object] | None = None,
    ):
        """``opener(path, passphrase, recovery_key=...)`` opens the register on the database
        thread; by default in place (services/placement.open_copy opens a copy instead)."""
        super().__init__(parent)
        self._runner, self.path, self._busy = runner, Path(path), False
        self._opener = opener or registers.open_register
        self.new_passphrase: NewPassphraseDialog | None = None
        self.setWindowTitle(self.tr("Open register"))
        self.setMinimumWidth(600)
        self.secret = QLineEdit(echoMode=Echo.Password)
        self.secret_label = QLabel()
        self.show_secret = QCheckBox(self.tr("&Show"))
        self.use_recovery = QCheckBox(self.tr("Use the &recovery key instead"))
        self.error = style.set_role(QLabel(wordWrap=True), "error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.open_button.setText(self.tr("&Open"))
        self._layout()
        self._connect()
        self._switch_mode(False)

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(style.heading(self.path.name, 1.3))
        folder = str(self.path.parent)
        breakable = folder.replace("/", "/\u200b").replace("\\", "\\\u200b")  # wrap anywhere
        where = style.muted(self.tr("Folder: %1").replace("%1", breakable), 0.95)
        where.setWordWrap(True)
        where.setToolTip(folder)
        layout.addWidget(where)
        layout.addSpacing(6)
        form = QFormLayout()
        form.addRow(self.secret_label, self.secret)
        form.addRow("", self.show_secret)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.use_recovery)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.show_secret.toggled.connect(self._echo)
        self.use_recovery.toggled.connect(self._switch_mode)
        self.secret.textEdited.connect(lambda _text: self._say(""))

    def _say(self, text: str) -> None:
        """The inline message under the field (hidden when there is none)."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _echo(self, shown: bool) -> None:
        self.secret.setEchoMode(Echo.Normal if shown else Echo.Password)

    def _switch_mode(self, recovery: bool) -> None:
        self.secret.clear()
        self._say("")
        if recovery:
            self.secret_label.setText(self.tr("Recovery &key:"))
            self.secret.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
            self.secret.setFont(style.monospace(1.05))
        else:
            self.secret_label.setText(self.tr("&Passphrase:"))
            self.secret.setPlaceholderText("")
            self.secret.setFont(style.scaled_font())
        self.secret_label.setBuddy(self.secret)
        self.show_secret.setChecked(recovery)
        self.secret.setFocus()

    def submit(self) -> None:
        """Open the register on the database thread with what was typed."""
        secret, path, opener = self.secret.text(), self.path, self._opener
        if not secret:
            self._say(
                self.tr("Type the passphrase first.")
                if not self.use_recovery.isChecked()
                else self.tr("Type the recovery key first.")
            )
            return
        if self.use_recovery.isChecked():

            def work():
                return opener(path, recovery_key=secret)
        else:

            def work():
                return opener(path, secret)

        self._set_busy(True)
        self._runner.call(
            work,
            self._on_opened,
            self._on_error,
            progress=self.tr("Opening the register…"),
            parent=self,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.secret, self.use_recovery, self.show_secret, self.buttons):
            widget.setEnabled(not busy)
        if busy:
            self._say("")

    def _on_opened(self, register: object) -> None:
        self._busy = False
        if self.use_recovery.isChecked():  # a new passphrase first (recovery_dialog.py)
            self._ask_new_passphrase(register)
            return
        self.opened.emit(register)  # before closing, so a window is always shown
        self.done(QDialog.DialogCode.Accepted)

    def _ask_new_passphrase(self, register: object) -> None:
        """Opened with the recovery key: shown only once a new passphrase is set; cancelled,
        the register is closed again, unchanged."""
        from desktop_app.ui.dialogs.recovery_dialog import NewPassphraseDialog

        self.new_passphrase = NewPassphraseDialog(self._runner, register, self.secret.text(), self)

        def cancelled() -> None:
            self._runner.call(register.close)
            self._set_busy(False)
            self._say(self.tr("The register stays closed: it opens once a new passphrase is set."))

        self.new_passphrase.accepted.connect(lambda: self._on_reset(register))
        self.new_passphrase.rejected.connect(cancelled)
        self.new_passphrase.open()

    def _on_reset(self, register: object) -> None:
        self.opened.emit(register)
        self.done(QDialog.DialogCode.Accepted)

    def _on_error(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, (WrongSecret, WrongRecoveryKey)):
            self._say(str(exc))
            self.secret.selectAll()
            self.secret.setFocus()
            return
        if isinstance(exc, (DamagedRegister, NotARegister)) and self._offer_restore(exc):
            return
        self.failed.emit(exc)
        self.done(QDialog.DialogCode.Rejected)

    def _offer_restore(self, exc: BaseException) -> bool:
        """A register that no longer opens: offer to put the newest backup that passes every
        check in its place (the damaged file is kept beside it)."""
        if self._opener is not registers.open_register or not key_path(self.path).is_file():
            return False
        question = fill(
            self.tr(
                "The register %1 is damaged and cannot be opened:\n%2\n\nPut the newest "
                "backup that passes every check in its place? The damaged file is kept beside "
                "it. Changes made after that backup will not be in the register."
            ),
            self.path.name,
            exc,
        )
        if not errors.confirm(self, self.tr("The register is damaged"), question):
            return False
        path, secret = self.path, self.secret.text()
        if self.use_recovery.isChecked():

            def work():
                return backups.restore_damaged(path, recovery_key=secret)
        else:

            def work():
                return backups.restore_damaged(path, secret)

        self._set_busy(True)
        self._runner.call(
            work,
            self._on_restored,
            self._on_error,
            progress=self.tr("Looking for the newest good backup…"),
            parent=self,
        )
        return True

    def _on_restored(self, result: tuple[object, BackupInfo]) -> None:
        register, used = result
        errors.MessageDialog.ask(
            self,
            self.tr("Register restored"),
            fill(
                self.tr(
                    "The register was restored from the backup of %1. The damaged file is "
                    "kept beside it, named with “hong”."
                ),
                used.created_text,
            ),
            icon=errors.Icon.Information,
        )
        self._on_opened(register)

    def reject(self) -> None:
        """Cancel, unless the register is being opened right now."""
        if self._busy:
            return
        self.cancelled.emit()
        super().reject()
