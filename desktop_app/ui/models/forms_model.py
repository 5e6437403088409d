"""The Forms page's list: one printable form a row (its code, its Vietnamese title, what it is
printed for), in the registry's order. Titles and notes stay Vietnamese in every language:
the printed forms are Vietnamese only."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop_app.forms.spec import FormSpec
from desktop_app.ui.models.roles import ObjectRole, SortRole, horizontal_header
from desktop_app.ui.models.rows_model import RowsModel

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


class FormsModel(RowsModel):
    """Rows of FormSpec, in the order given."""

    CONTEXT = "FormsModel"
    HEADERS = HEADERS

    def rows(self) -> list[FormSpec]:
        return list(self._rows)

    def row_of(self, code: str) -> int | None:
        return next((i for i, spec in enumerate(self._rows) if spec.code == code), None)

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
