"""The Forms page's list: one printable form a row (its code, its Vietnamese title, what it is
printed for), in the registry's order. Titles and notes stay Vietnamese in every language:
the printed forms are Vietnamese only."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop_app.forms.spec import FormSpec
from desktop_app.ui.models.roles import ObjectRole, SortRole, horizontal_header

Index = QModelIndex | QPersistentModelIndex

CODE, TITLE, SUBJECT = range(3)
HEADERS = (
    QT_TRANSLATE_NOOP("FormsModel", "Form"),
    QT_TRANSLATE_NOOP("FormsModel", "Title"),
    QT_TRANSLATE_NOOP("FormsModel", "For"),
)
SUBJECT_LABELS = {
    "person": QT_TRANSLATE_NOOP("FormsModel", "a person"),
    "meeting": QT_TRANSLATE_NOOP("FormsModel", "a meeting"),
    "cell": QT_TRANSLATE_NOOP("FormsModel", "the cell"),
}


def subject_label(subject: str) -> str:
    text = SUBJECT_LABELS.get(subject)
    return QCoreApplication.translate("FormsModel", text) if text else subject


class FormsModel(QAbstractTableModel):
    """Rows of FormSpec, in the order given."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[FormSpec] = []

    def set_rows(self, rows: Iterable[FormSpec]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[FormSpec]:
        return list(self._rows)

    def row_of(self, code: str) -> int | None:
        return next((i for i, spec in enumerate(self._rows) if spec.code == code), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        return horizontal_header("FormsModel", HEADERS, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        spec = self._rows[index.row()]
        column = index.column()
        if role == ObjectRole:
            return spec
        if role == Qt.ItemDataRole.DisplayRole:
            return (spec.code, spec.title, subject_label(spec.subject))[column]
        if role == SortRole:
            return (index.row(), spec.title, spec.subject)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return spec.note or None
        return None
