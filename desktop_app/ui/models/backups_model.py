"""The register's backups on the Settings page: when, why, how big, how many members."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop_app.services.backups import BackupInfo
from desktop_app.ui.models.roles import ObjectRole
from desktop_app.ui.models.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex

WHEN, REASON, SIZE, MEMBERS = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("BackupsModel", "Made at"),
    QT_TRANSLATE_NOOP("BackupsModel", "Why"),
    QT_TRANSLATE_NOOP("BackupsModel", "Size"),
    QT_TRANSLATE_NOOP("BackupsModel", "Members"),
)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class BackupsModel(RowsModel):
    """Rows of BackupInfo, newest first (as the service lists them)."""

    CONTEXT = "BackupsModel"
    HEADERS = HEADERS

    def backup_at(self, row: int) -> BackupInfo:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        info = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (info.created_text, info.reason_label, info.size_text, str(info.members))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (SIZE, MEMBERS):
            return _RIGHT
        if role == ObjectRole:
            return info
        return None
