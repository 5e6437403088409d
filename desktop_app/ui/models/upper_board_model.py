"""The upper level's reporting board: one cell a row (last bundle, reported this month,
members, candidates, admissions against the quota, deadlines, conflicts), and the deadlines
of the chosen cell. Cells that have not reported this month are tinted and say so."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop_app.domain.dates import vn_from_iso
from desktop_app.domain.names import collation_key, fold
from desktop_app.services.upper_board import BoardRow, DueItem
from desktop_app.ui.models.people_model import two_lines
from desktop_app.ui.models.roles import ObjectRole, SortRole, date_key, horizontal_header
from desktop_app.ui.models.rows_model import RowsModel
from desktop_app.ui.widgets.messages import ERROR_COLOR
from desktop_app.ui.widgets.text import fill

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "UpperBoardModel"
NOT_REPORTED_BACKGROUND = QColor("#fff4e0")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

CODE, NAME, LAST, MONTH, OFFICIAL, PROBATIONARY, CANDIDATES, ADMISSIONS, DUE, CONFLICTS = range(10)
HEADERS = (
    QT_TRANSLATE_NOOP("UpperBoardModel", "Code"),
    QT_TRANSLATE_NOOP("UpperBoardModel", "Cell"),
    QT_TRANSLATE_NOOP("UpperBoardModel", "Last bundle"),
    QT_TRANSLATE_NOOP("UpperBoardModel", "This month"),
    QT_TRANSLATE_NOOP("UpperBoardModel", "Official"),
    QT_TRANSLATE_NOOP("UpperBoardModel", "Probationary"),
    QT_TRANSLATE_NOOP("UpperBoardModel", "Candidates"),
    QT_TRANSLATE_NOOP("UpperBoardModel", "Admitted / quota"),
    QT_TRANSLATE_NOOP("UpperBoardModel", "Deadlines"),
    QT_TRANSLATE_NOOP("UpperBoardModel", "Conflicts"),
)
HEADER_TIPS = {
    OFFICIAL: QT_TRANSLATE_NOOP("UpperBoardModel", "Official members"),
    PROBATIONARY: QT_TRANSLATE_NOOP("UpperBoardModel", "Probationary members"),
    CANDIDATES: QT_TRANSLATE_NOOP("UpperBoardModel", "Candidates in the pool (sympathisers)"),
    ADMISSIONS: QT_TRANSLATE_NOOP(
        "UpperBoardModel", "Admissions this year, against the quota the upper level set"
    ),
    DUE: QT_TRANSLATE_NOOP(
        "UpperBoardModel", "Admission and recognition deadlines overdue or due within 30 days"
    ),
    CONFLICTS: QT_TRANSLATE_NOOP(
        "UpperBoardModel", "Open conflicts: bundles held back or forked, people two cells hold"
    ),
}
NUMBERS = (OFFICIAL, PROBATIONARY, CANDIDATES, ADMISSIONS, DUE, CONFLICTS)
REPORTED = QT_TRANSLATE_NOOP("UpperBoardModel", "Reported")
NOT_YET = QT_TRANSLATE_NOOP("UpperBoardModel", "Not yet")
OVERDUE_COUNT = QT_TRANSLATE_NOOP("UpperBoardModel", "%1 (%2 overdue)")
NO_BUNDLE = QT_TRANSLATE_NOOP("UpperBoardModel", "No bundle received from this cell yet")
NO_QUOTA = QT_TRANSLATE_NOOP("UpperBoardModel", "No admission quota set for this year")
FINGERPRINT = QT_TRANSLATE_NOOP("UpperBoardModel", "Key fingerprint: %1")


def _tr(text: str) -> str:
    """A text of this module's QT_TRANSLATE_NOOP table, translated."""
    return QCoreApplication.translate(CONTEXT, text)


def overdue_count(row: BoardRow) -> int:
    return sum(1 for d in row.deadlines if d.overdue)


def cell_title(row: BoardRow) -> str:
    return row.name or row.code


class UpperBoardModel(RowsModel):
    """Rows of BoardRow in the service's order (by code); sort through UpperSort."""

    CONTEXT = CONTEXT
    HEADERS = HEADERS

    def rows(self) -> list[BoardRow]:
        return list(self._rows)

    def row_of(self, code: str | None) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.code == code), None)

    def display(self, row: BoardRow, column: int) -> str:
        if column == CODE:
            return row.code
        if column == NAME:
            return cell_title(row)
        if column == LAST:
            return row.last_bundle_date or "—"
        if column == MONTH:
            return _tr(REPORTED) if row.reported_this_month else _tr(NOT_YET)
        if column == ADMISSIONS:
            quota = "—" if row.quota is None else str(row.quota)
            return f"{row.admissions} / {quota}"
        if column == DUE:
            late = overdue_count(row)
            count = len(row.deadlines)
            return fill(_tr(OVERDUE_COUNT), count, late) if late else str(count)
        if column == CONFLICTS:
            return str(len(row.conflicts))
        counts = {OFFICIAL: row.official, PROBATIONARY: row.probationary}
        return str(counts.get(column, row.candidates))

    def _tooltip(self, row: BoardRow, column: int) -> str | None:
        if column == LAST and not row.last_bundle_date:
            return _tr(NO_BUNDLE)
        if column == ADMISSIONS and row.quota is None:
            return _tr(NO_QUOTA)
        if column == NAME:  # the name in full (the column gives way on a narrow window)
            name = self.display(row, NAME)
            return f"{name}\n{fill(_tr(FINGERPRINT), row.fingerprint)}" if row.fingerprint else name
        if column == CONFLICTS and row.conflicts:
            return "\n".join(c["text"] for c in row.conflicts)
        return None

    def _sort_key(self, row: BoardRow, column: int) -> object:
        name = (collation_key(cell_title(row)), fold(row.code))
        keys: dict[int, object] = {
            CODE: fold(row.code),
            NAME: name,
            LAST: (date_key(row.last_bundle_at), name),
            MONTH: (row.reported_this_month, name),
            OFFICIAL: (row.official, name),
            PROBATIONARY: (row.probationary, name),
            CANDIDATES: (row.candidates, name),
            ADMISSIONS: (row.admissions, -1 if row.quota is None else row.quota, name),
            DUE: (overdue_count(row), len(row.deadlines), name),
            CONFLICTS: (len(row.conflicts), name),
        }
        return keys[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == SortRole:
            return self._sort_key(row, column)
        if role == ObjectRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBERS:
            return _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and not row.reported_this_month:
            return NOT_REPORTED_BACKGROUND
        stands_out = (column == MONTH and not row.reported_this_month) or (
            column == DUE and overdue_count(row) > 0
        )
        if role == Qt.ItemDataRole.ForegroundRole and stands_out:
            return QColor(ERROR_COLOR)
        if role == Qt.ItemDataRole.FontRole and stands_out:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.ToolTipRole and horizontal and section in HEADER_TIPS:
            return _tr(HEADER_TIPS[section])
        text = horizontal_header(CONTEXT, HEADERS, section, orientation, role)
        if text is not None and section not in (CODE, NAME):  # narrow: the board fits 1280 px
            return two_lines(text)
        return text


class UpperSort(QSortFilterProxyModel):
    """Sorts on each column's SortRole (native Python values; names in Vietnamese order)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setSortRole(SortRole)

    def lessThan(self, left: Index, right: Index) -> bool:
        return left.data(SortRole) < right.data(SortRole)


# -- the chosen cell's deadlines ------------------------------------------------------------

DUE_CONTEXT = "UpperDueModel"
DUE_DATE, DUE_PERSON, DUE_WHAT, DUE_STATE, DUE_SOURCE = range(5)
DUE_HEADERS = (
    QT_TRANSLATE_NOOP("UpperDueModel", "Due"),
    QT_TRANSLATE_NOOP("UpperDueModel", "Person"),
    QT_TRANSLATE_NOOP("UpperDueModel", "What is due"),
    QT_TRANSLATE_NOOP("UpperDueModel", "State"),
    QT_TRANSLATE_NOOP("UpperDueModel", "Basis"),
)
OVERDUE = QT_TRANSLATE_NOOP("UpperDueModel", "Overdue")
DUE_SOON = QT_TRANSLATE_NOOP("UpperDueModel", "Due soon")


class UpperDueModel(RowsModel):
    """Rows of DueItem, soonest first (as the board lists them)."""

    CONTEXT = DUE_CONTEXT
    HEADERS = DUE_HEADERS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item: DueItem = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            state = OVERDUE if item.overdue else DUE_SOON
            return (
                vn_from_iso(item.due),
                item.person_name,
                item.message,
                QCoreApplication.translate(DUE_CONTEXT, state),
                item.source,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (DUE_WHAT, DUE_SOURCE):
            return f"{item.message}\n{item.rule}: {item.source}".strip()
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue and column == DUE_STATE:
            return QColor(ERROR_COLOR)
        if role == SortRole:
            return (item.due, item.person_name)
        if role == ObjectRole:
            return item
        return None
