"""The upper level's decisions about a cell's people (admission, recognition, transfer), by
date, each saying whether the cell has it yet or the next receipt will carry it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop_app.domain.dates import vn_from_iso
from desktop_app.services.upper_workspace import DecisionView
from desktop_app.ui.models.roles import ObjectRole, SortRole
from desktop_app.ui.models.rows_model import RowsModel
from desktop_app.ui.widgets.messages import WARNING_COLOR

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "UpperDecisionsModel"

DATE, KIND, NUMBER, PERSON, SENT, NOTE = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("UpperDecisionsModel", "Date"),
    QT_TRANSLATE_NOOP("UpperDecisionsModel", "Decision"),
    QT_TRANSLATE_NOOP("UpperDecisionsModel", "Number"),
    QT_TRANSLATE_NOOP("UpperDecisionsModel", "Person"),
    QT_TRANSLATE_NOOP("UpperDecisionsModel", "At the cell"),
    QT_TRANSLATE_NOOP("UpperDecisionsModel", "Note"),
)
PENDING = QT_TRANSLATE_NOOP("UpperDecisionsModel", "In the next receipt")
CONFIRMED = QT_TRANSLATE_NOOP("UpperDecisionsModel", "The cell has it")
PENDING_TIP = QT_TRANSLATE_NOOP(
    "UpperDecisionsModel", "The cell has not yet confirmed having this decision"
)
# the kinds of decision, as the form and the table name them
KIND_NAMES = {
    "admission": QT_TRANSLATE_NOOP("UpperDecisionsModel", "Admission"),
    "recognition": QT_TRANSLATE_NOOP("UpperDecisionsModel", "Recognition as full member"),
    "transfer": QT_TRANSLATE_NOOP("UpperDecisionsModel", "Transfer"),
}


def kind_name(kind: str) -> str:
    return QCoreApplication.translate(CONTEXT, KIND_NAMES.get(kind, kind))


class UpperDecisionsModel(RowsModel):
    """Rows of DecisionView in the service's order (by date)."""

    CONTEXT = CONTEXT
    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pending: set[str] = set()

    def set_decisions(self, rows: Iterable[DecisionView], pending: Iterable[str]) -> None:
        """The decisions, and the ids of those the cell has not yet confirmed."""
        self._pending = set(pending)
        self.set_rows(rows)

    def rows(self) -> list[DecisionView]:
        return list(self._rows)

    def row_of(self, decision_id: str | None) -> int | None:
        return next((i for i, d in enumerate(self._rows) if d.id == decision_id), None)

    def display(self, d: DecisionView, column: int) -> str:
        if column == SENT:
            text = PENDING if d.id in self._pending else CONFIRMED
            return QCoreApplication.translate(CONTEXT, text)
        if column == KIND:
            return kind_name(d.kind)
        return {DATE: vn_from_iso(d.date), NUMBER: d.number, PERSON: d.person_name}.get(
            column, d.note
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        d, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(d, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == KIND:
                return d.label
            if column == SENT and d.id in self._pending:
                return QCoreApplication.translate(CONTEXT, PENDING_TIP)
            return (d.note or None) if column == NOTE else None
        if role == Qt.ItemDataRole.ForegroundRole and column == SENT and d.id in self._pending:
            return QColor(WARNING_COLOR)
        if role == SortRole:
            return (d.date, d.person_name) if column == DATE else (self.display(d, column), d.date)
        if role == ObjectRole:
            return d
        return None
