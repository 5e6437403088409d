"""The candidates page's list: candidates in the pool and probationary members, one per row,
with their stage, mentors, nearest deadline and last mentor comment (the quarterly review of
the pool reads this list). A small filter proxy picks the group and matches typed names with
or without accents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from desktop_app.domain.dates import vn_from_iso
from desktop_app.domain.membership import STATUS_LABELS
from desktop_app.domain.names import fold
from desktop_app.services.development import CandidateRow
from desktop_app.ui.models.people_model import two_lines
from desktop_app.ui.models.roles import ObjectRole, SortRole, date_key
from desktop_app.ui.widgets.messages import ERROR_COLOR

Index = QModelIndex | QPersistentModelIndex

NAME, STATUS, STAGE, SINCE, MENTOR, NEXT_DUE, LAST_COMMENT = range(7)
HEADERS = (
    QT_TRANSLATE_NOOP("CandidatesModel", "Name"),
    QT_TRANSLATE_NOOP("CandidatesModel", "Status"),
    QT_TRANSLATE_NOOP("CandidatesModel", "Stage"),
    QT_TRANSLATE_NOOP("CandidatesModel", "In the pool since"),
    QT_TRANSLATE_NOOP("CandidatesModel", "Mentor"),
    QT_TRANSLATE_NOOP("CandidatesModel", "Next deadline"),
    QT_TRANSLATE_NOOP("CandidatesModel", "Last mentor comment"),
)
GROUPS: dict[str, tuple[str, frozenset[str]]] = {
    "candidate": (
        QT_TRANSLATE_NOOP("CandidatesFilter", "Candidates"),
        frozenset({"candidate"}),
    ),
    "probationary": (
        QT_TRANSLATE_NOOP("CandidatesFilter", "Probationary members"),
        frozenset({"probationary"}),
    ),
    "all": (
        QT_TRANSLATE_NOOP("CandidatesFilter", "All"),
        frozenset({"candidate", "probationary"}),
    ),
}
_OVERDUE = QColor(ERROR_COLOR)
_TWO_LINES = (SINCE, LAST_COMMENT)  # dates under a long header
_EMPTY = "—"


def group_label(key: str) -> str:
    return QCoreApplication.translate("CandidatesFilter", GROUPS[key][0])


def deadline_text(row: CandidateRow) -> str:
    if not row.next_due:
        return ""
    return f"{vn_from_iso(row.next_due)} — {row.next_what}"


def comment_text(row: CandidateRow) -> str:
    if not row.last_comment:
        return ""
    text = " ".join(row.last_comment_text.split())
    return f"{vn_from_iso(row.last_comment)}: {text}" if text else vn_from_iso(row.last_comment)


class CandidatesModel(QAbstractTableModel):
    """Rows of CandidateRow, in the order given (the service's Vietnamese name order)."""

    def __init__(self, parent: QObject | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self._rows: list[CandidateRow] = []
        self._row_of: dict[str, int] = {}
        self.today = today or dt.date.today()

    def set_rows(self, rows: Iterable[CandidateRow], today: dt.date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {r.person_id: i for i, r in enumerate(self._rows)}
        self.today = today or dt.date.today()
        self.endResetModel()

    def rows(self) -> list[CandidateRow]:
        return list(self._rows)

    def row_at(self, row: int) -> CandidateRow:
        return self._rows[row]

    def row_of(self, person_id: str) -> int | None:
        return self._row_of.get(person_id)

    def overdue(self, row: CandidateRow) -> bool:
        return bool(row.next_due) and row.next_due < self.today.isoformat()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def _texts(self, row: CandidateRow) -> tuple[str, ...]:
        return (
            row.full_name,
            STATUS_LABELS.get(row.status, row.status),
            row.stage,
            vn_from_iso(row.since),
            row.mentors,
            deadline_text(row),
            comment_text(row),
        )

    def _sort_key(self, row: CandidateRow, column: int) -> object:
        name = row.sort_key
        keys = (
            name,
            (row.status, name),
            (row.stage, name),
            (*date_key(row.since), name),
            (row.mentors == "", row.mentors, name),
            (*date_key(row.next_due), name),
            (*date_key(row.last_comment), name),
        )
        return keys[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._texts(row)[column]
            return text if text or column in (NAME, LAST_COMMENT) else _EMPTY
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._texts(row)[column] or None
        if role == SortRole:
            return self._sort_key(row, column)
        if role == ObjectRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == NEXT_DUE and self.overdue(row):
                return _OVERDUE
            if column == MENTOR and not row.mentors:
                return _OVERDUE
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            text = QCoreApplication.translate("CandidatesModel", HEADERS[section])
            return two_lines(text) if section in _TWO_LINES else text
        return None


class CandidatesFilter(QSortFilterProxyModel):
    """The group (candidates, probationary, both) and a name search, accents optional."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._group = "all"
        self._text = ""
        self.setSortRole(SortRole)

    @property
    def group(self) -> str:
        return self._group

    def set_group(self, key: str) -> None:
        if key not in GROUPS:
            raise KeyError(key)
        self.beginFilterChange()
        self._group = key
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = fold(text)
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, CandidatesModel):
            return True
        row = model.row_at(source_row)
        if row.status not in GROUPS[self._group][1]:
            return False
        return not self._text or self._text in fold(row.full_name)

    def lessThan(self, left: Index, right: Index) -> bool:
        return left.data(SortRole) < right.data(SortRole)
