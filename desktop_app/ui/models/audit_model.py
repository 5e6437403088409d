"""The audit trail as tables: one row per journal entry (newest first, as the service gives
them), and the fields one entry changed, before → after.

Entries work out their words when first asked (services/audit.py), so a register of 50,000
entries costs only the rows on screen; for the same reason the entry table does not sort."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop_app.services.audit import AuditEntry, FieldChange
from desktop_app.ui.models.roles import ObjectRole, SortRole
from desktop_app.ui.models.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
EMPTY = "—"
ARROW = " → "

WHEN, WHO, KIND, RECORD, ACTION, CHANGES = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("AuditModel", "When"),
    QT_TRANSLATE_NOOP("AuditModel", "Device"),
    QT_TRANSLATE_NOOP("AuditModel", "Kind"),
    QT_TRANSLATE_NOOP("AuditModel", "Record"),
    QT_TRANSLATE_NOOP("AuditModel", "Change"),
    QT_TRANSLATE_NOOP("AuditModel", "Fields changed (before → after)"),
)
_REVEAL_COLOR = QColor("#8a5300")  # a reveal of ID numbers stands out
_DELETE_COLOR = QColor("#8f1d17")


def change_text(entry: AuditEntry, change: FieldChange) -> str:
    """ "Số điện thoại: 0905111222 → 0905333444"; a new record's field shows its value only."""
    if entry.op in ("insert", "reveal"):
        return f"{change.label}: {change.after or EMPTY}"
    return f"{change.label}: {change.before or EMPTY}{ARROW}{change.after or EMPTY}"


def summary(entry: AuditEntry) -> str:
    """Every changed field on one line (the table cell); the tooltip has one per line."""
    return "; ".join(change_text(entry, c) for c in entry.changes)


class AuditModel(RowsModel):
    CONTEXT = "AuditModel"
    HEADERS = HEADERS

    def entry(self, row: int) -> AuditEntry:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == CHANGES:
            return "\n".join(change_text(entry, c) for c in entry.changes) or None
        if role == Qt.ItemDataRole.ToolTipRole and column == RECORD:
            return entry.record  # long names of roll-call lines are cut in the cell
        if role == SortRole:
            return entry.seq if column == WHEN else self._text(entry, column)
        if role == ObjectRole:
            return entry
        if role == Qt.ItemDataRole.ForegroundRole and column == ACTION:
            return {"reveal": _REVEAL_COLOR, "delete": _DELETE_COLOR}.get(entry.op)
        return None

    @staticmethod
    def _text(entry: AuditEntry, column: int) -> str:
        if column == WHEN:
            return entry.when
        if column == WHO:
            return entry.author
        if column == KIND:
            return entry.kind
        if column == RECORD:
            return entry.record
        if column == ACTION:
            return entry.action
        return summary(entry)


FIELD, BEFORE, AFTER = range(3)
CHANGE_HEADERS = (
    QT_TRANSLATE_NOOP("ChangesModel", "Field"),
    QT_TRANSLATE_NOOP("ChangesModel", "Before"),
    QT_TRANSLATE_NOOP("ChangesModel", "After"),
)


class ChangesModel(RowsModel):
    """The fields of one entry: label, value before, value after."""

    CONTEXT = "ChangesModel"
    HEADERS = CHANGE_HEADERS

    def set_entry(self, entry: AuditEntry | None) -> None:
        self.set_rows(entry.changes if entry is not None else ())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, SortRole):
            return None
        change = self._rows[index.row()]
        text = (change.label, change.before, change.after)[index.column()]
        return text or (EMPTY if role == Qt.ItemDataRole.DisplayRole else "")
