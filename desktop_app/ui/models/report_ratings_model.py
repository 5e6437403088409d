"""The year's rating roster: every member of the cell during the year with their level (its
abbreviation, the name in the tooltip), points and note; someone not to be rated (exempted,
left during the year) is greyed, the reason in the note column. Sorted on each column; names
in Vietnamese order (given name, middle, family: the register's sort key)."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from desktop_app.domain.dates import vn_from_iso
from desktop_app.domain.reports import LEVEL_BY_CODE, LEVELS
from desktop_app.services.ratings import RosterLine
from desktop_app.ui.models.roles import ObjectRole, SortRole
from desktop_app.ui.models.rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
NAME, BORN, LEVEL, POINTS, NOTE = range(5)
LEVEL_ORDER = {level.code: n for n, level in enumerate(LEVELS)}
NOT_DUE = QColor("#6b6b6b")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RatingRosterModel(RowsModel):
    CONTEXT = "RatingRosterModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("RatingRosterModel", "Name"),
        QT_TRANSLATE_NOOP("RatingRosterModel", "Born"),
        QT_TRANSLATE_NOOP("RatingRosterModel", "Level"),
        QT_TRANSLATE_NOOP("RatingRosterModel", "Points"),
        QT_TRANSLATE_NOOP("RatingRosterModel", "Note"),
    )

    def row_of(self, person_id: str) -> int | None:
        return next((n for n, line in enumerate(self._rows) if line.person_id == person_id), None)

    def display(self, line: RosterLine, column: int) -> str:
        rating = line.rating
        if column == NAME:
            return line.full_name
        if column == BORN:
            return vn_from_iso(line.birth_date)
        if column == NOTE and line.standing:  # why not to rate, before the rating's note
            return line.standing
        if rating is None:
            return ""
        if column == LEVEL:
            return LEVEL_BY_CODE[rating.level].short
        if column == POINTS:
            return rating.points_text
        return rating.note

    def tooltip(self, line: RosterLine, column: int) -> str:
        """The level's name in full; the whole text of a cell a narrow column cuts."""
        if column == LEVEL and line.rating is not None:
            return LEVEL_BY_CODE[line.rating.level].label
        if column == NAME and line.standing:
            return f"{line.full_name} ({line.standing})"
        return self.display(line, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line: RosterLine = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == POINTS:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and not line.due:
            return NOT_DUE
        if role == SortRole:
            return self._sort_key(line, column)
        if role == ObjectRole:
            return line
        return None

    def _sort_key(self, line: RosterLine, column: int) -> tuple:
        rating, name = line.rating, line.sort_key
        if column == LEVEL:
            return (LEVEL_ORDER[rating.level] if rating else len(LEVELS), name)
        if column == POINTS:
            points = rating.points if rating and rating.points is not None else -1.0
            return (points, name)
        if column == BORN:
            return (line.birth_date or "9999", name)
        if column == NOTE:
            return (self.display(line, column), name)
        return (name,)


class RatingRosterSort(QSortFilterProxyModel):
    """Sorts on each column's SortRole (native Python values)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setSortRole(SortRole)

    def lessThan(self, left: Index, right: Index) -> bool:
        return left.data(SortRole) < right.data(SortRole)
