"""The register's backups on the Settings page: when, why, how big, how many members."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop_app.services.backups import BackupInfo
from desktop_app.ui.models.roles import ObjectRole, horizontal_header

Index = QModelIndex | QPersistentModelIndex

WHEN, REASON, SIZE, MEMBERS = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("BackupsModel", "Made at"),
    QT_TRANSLATE_NOOP("BackupsModel", "Why"),
    QT_TRANSLATE_NOOP("BackupsModel", "Size"),
    QT_TRANSLATE_NOOP("BackupsModel", "Members"),
)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class BackupsModel(QAbstractTableModel):
    """Rows of BackupInfo, newest first (as the service lists them)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[BackupInfo] = []

    def set_rows(self, rows: Iterable[BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

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

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return horizontal_header("BackupsModel", HEADERS, section, orientation, role)
