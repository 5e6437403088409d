"""Where a transfer slip is written and which slip is read (classmethods, so tests can replace
them, as ``BackupChooser`` in the Settings page)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.sync.slip import SUFFIX


class TransferFiles:
    @classmethod
    def folder(cls, parent: QWidget | None, start: str = "") -> Path | None:
        title = QCoreApplication.translate("TransferFiles", "Write the transfer slip to")
        chosen = QFileDialog.getExistingDirectory(parent, title, start)
        return Path(chosen) if chosen else None

    @classmethod
    def slip_file(cls, parent: QWidget | None, start: str = "") -> Path | None:
        title = QCoreApplication.translate("TransferFiles", "Choose the transfer slip")
        pattern = QCoreApplication.translate("TransferFiles", "Transfer slips (*%1)").replace(
            "%1", SUFFIX
        )
        name, _ = QFileDialog.getOpenFileName(parent, title, start, pattern)
        return Path(name) if name else None
