"""The year report's per-member table: meetings expected, attended, late, excused, unexcused,
the attendance rate and the months with an unexcused absence; sortable on every column."""

from __future__ import annotations

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
from PySide6.QtGui import QColor, QFont

from desktop_app.domain.attendance import MemberYear, percent_text
from desktop_app.ui.models.attendance_grid_model import (
    ABSENT_BACKGROUND,
    WARN_BACKGROUND,
    months_display,
)
from desktop_app.ui.models.people_model import two_lines
from desktop_app.ui.models.roles import ObjectRole, SortRole
from desktop_app.ui.widgets.messages import ERROR_COLOR, WARNING_COLOR

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "AttendanceReportModel"

NAME, EXPECTED, ATTENDED, LATE, EXCUSED, UNEXCUSED, RATE, MONTHS = range(8)
HEADERS = (
    QT_TRANSLATE_NOOP("AttendanceReportModel", "Name"),
    QT_TRANSLATE_NOOP("AttendanceReportModel", "Expected"),
    QT_TRANSLATE_NOOP("AttendanceReportModel", "Attended"),
    QT_TRANSLATE_NOOP("AttendanceReportModel", "Late"),
    QT_TRANSLATE_NOOP("AttendanceReportModel", "Excused"),
    QT_TRANSLATE_NOOP("AttendanceReportModel", "Unexcused"),
    QT_TRANSLATE_NOOP("AttendanceReportModel", "Rate"),
    QT_TRANSLATE_NOOP("AttendanceReportModel", "Months unexcused"),
)
UNEXCUSED_ON = QT_TRANSLATE_NOOP("AttendanceReportModel", "Unexcused absences: %1")
TWO_LINES = (EXCUSED, UNEXCUSED, MONTHS)  # long labels over narrow numbers
NUMBERS = (EXPECTED, ATTENDED, LATE, EXCUSED, UNEXCUSED, RATE, MONTHS)


def _counts(member: MemberYear) -> tuple[int, ...]:
    t = member.all
    return (t.expected, t.attended, t.late, t.excused, t.absent)


class AttendanceReportModel(QAbstractTableModel):
    """Rows of MemberYear in the order given (the service's Vietnamese name order)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[MemberYear] = []
        self.warn_months = 2
        self.removal_months = 3

    def set_rows(
        self, rows: Iterable[MemberYear], warn_months: int = 2, removal_months: int = 3
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.warn_months, self.removal_months = warn_months, removal_months
        self.endResetModel()

    def rows(self) -> list[MemberYear]:
        return list(self._rows)

    def row_at(self, row: int) -> MemberYear:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def display(self, member: MemberYear, column: int) -> str:
        if column == NAME:
            return member.name
        if column == RATE:
            return percent_text(member.all.rate)
        if column == MONTHS:
            return months_display(member)
        return str(_counts(member)[column - EXPECTED])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        member, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(member, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBERS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole and column in (NAME, MONTHS):
            return self._tooltip(member)
        if role == SortRole:
            return self._sort_key(member, column)
        if role == ObjectRole:
            return member
        return self._look(member, column, role)

    def _tooltip(self, member: MemberYear) -> str:
        if not member.unexcused:
            return member.name
        dates = ", ".join(d.strftime("%d/%m") for m in member.unexcused_months
                          for d in member.unexcused[m])  # fmt: skip
        text = QCoreApplication.translate(CONTEXT, UNEXCUSED_ON)
        return f"{member.name}\n{text.replace('%1', dates)}"

    def _sort_key(self, member: MemberYear, column: int) -> object:
        name = member.sort_key
        if column == NAME:
            return (name,)
        if column == RATE:
            rate = member.all.rate
            return (rate if rate is not None else -1.0, name)
        if column == MONTHS:
            return (len(member.unexcused_months), member.unexcused_months, name)
        return (_counts(member)[column - EXPECTED], name)

    def _look(self, member: MemberYear, column: int, role: int) -> object:
        if column == UNEXCUSED and member.all.absent and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(ERROR_COLOR)
        months = len(member.unexcused_months)
        if column != MONTHS or months < self.warn_months:
            return None
        serious = months >= self.removal_months
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(ERROR_COLOR if serious else WARNING_COLOR)
        if role == Qt.ItemDataRole.BackgroundRole:
            return ABSENT_BACKGROUND if serious else WARN_BACKGROUND
        if role == Qt.ItemDataRole.FontRole and serious:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = QCoreApplication.translate(CONTEXT, HEADERS[section])
            return two_lines(text) if section in TWO_LINES else text
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMBERS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class AttendanceReportSort(QSortFilterProxyModel):
    """Sorts the report on each column's SortRole (native Python values)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setSortRole(SortRole)

    def lessThan(self, left: Index, right: Index) -> bool:
        return left.data(SortRole) < right.data(SortRole)
