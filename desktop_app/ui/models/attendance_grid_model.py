"""The month-by-member attendance grid: one row per member (the name in the vertical header, so
it stays in sight while scrolling across the year), one column per roll-taking meeting held
that year, then the member's totals. Exempted members come last, tinted.

A refresh of the same grid shape (same members, same meetings) changes only the rows that
differ, so the cursor and the scroll position stay where the user left them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop_app.domain.attendance import KINDS, SHORT, STATUSES, MemberYear
from desktop_app.domain.dates import format_vn
from desktop_app.services.attendance import Grid, GridRow
from desktop_app.services.meetings import MeetingView
from desktop_app.services.tracks import day
from desktop_app.ui.models.people_model import two_lines
from desktop_app.ui.models.roles import ObjectRole, SortRole
from desktop_app.ui.widgets.messages import ERROR_COLOR, WARNING_COLOR
from desktop_app.ui.widgets.text import fill

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "AttendanceGridModel"

EXPECTED, ATTENDED, EXCUSED, UNEXCUSED, MONTHS = range(5)  # after the meeting columns
TOTAL_HEADERS = (
    QT_TRANSLATE_NOOP("AttendanceGridModel", "Expected"),
    QT_TRANSLATE_NOOP("AttendanceGridModel", "Attended"),
    QT_TRANSLATE_NOOP("AttendanceGridModel", "Excused"),
    QT_TRANSLATE_NOOP("AttendanceGridModel", "Unexcused"),
    QT_TRANSLATE_NOOP("AttendanceGridModel", "Months unexcused"),
)
TOTAL_TIPS = (
    QT_TRANSLATE_NOOP("AttendanceGridModel", "Meetings the member was expected at"),
    QT_TRANSLATE_NOOP("AttendanceGridModel", "Present or late"),
    QT_TRANSLATE_NOOP("AttendanceGridModel", "Absent with a reason"),
    QT_TRANSLATE_NOOP("AttendanceGridModel", "Absent without a reason"),
    QT_TRANSLATE_NOOP(
        "AttendanceGridModel",
        "Months with an unexcused absence from a regular or thematic meeting (the Charter "
        "counts months in the year)",
    ),
)
ATTENDED_OF = QT_TRANSLATE_NOOP("AttendanceGridModel", "Attended: %1 of %2 expected")
REASON = QT_TRANSLATE_NOOP("AttendanceGridModel", "Reason: %1")
EXEMPTED_ABSENT = QT_TRANSLATE_NOOP("AttendanceGridModel", "Exempted from meetings: did not come")
OFF_THE_ROLL = QT_TRANSLATE_NOOP(
    "AttendanceGridModel",
    "Not on this meeting's roll (not yet admitted, moved, away or exempted)",
)
EXEMPTED_NAME = QT_TRANSLATE_NOOP("AttendanceGridModel", "%1 (exempted from meetings)")
LETTERS = {"present": "•", "late": "M", "excused": "P", "absent": "V"}
NOT_ON_ROLL = "—"
STATUS_ORDER = {"present": 0, "late": 1, "excused": 2, "absent": 3}
COLORS = {"present": "#5f6b5f", "late": WARNING_COLOR, "excused": "#1d5a96", "absent": ERROR_COLOR}
ABSENT_BACKGROUND = QColor("#fdecea")
GREY = QColor("#a8a29a")
NOT_ON_ROLL_BACKGROUND = QColor("#f4f2ee")
EXEMPTED_BACKGROUND = QColor("#ebe7df")
WARN_BACKGROUND = QColor("#fff4e0")
CENTER = Qt.AlignmentFlag.AlignCenter


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class Cell:
    """One cell of the grid as the keyboard entry needs it."""

    row: GridRow
    meeting: MeetingView
    status: str | None
    reason: str


def meeting_header(meeting: MeetingView) -> str:
    """ "05/01" over the short kind ("TK")."""
    return f"{day(meeting.date).strftime('%d/%m')}\n{SHORT.get(meeting.kind, meeting.kind)}"


def meeting_tooltip(meeting: MeetingView) -> str:
    lines = [f"{KINDS.get(meeting.kind, meeting.kind)} {format_vn(day(meeting.date))}"]
    if meeting.topic:
        lines.append(meeting.topic)
    t = meeting.tally
    lines.append(fill(_tr(ATTENDED_OF), t.attended, t.expected))
    return "\n".join(lines)


def months_display(year: MemberYear | None) -> str:
    return ", ".join(str(m) for m in year.unexcused_months) if year else ""


class AttendanceGridModel(QAbstractTableModel):
    """Rows of GridRow by the grid's meetings, then five total columns."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._meetings: list[MeetingView] = []
        self._rows: list[GridRow] = []
        self._row_of: dict[str, int] = {}
        self.year = 0
        self.warn_months = 2  # absence.warn_months and absence.removal_months of the rules
        self.removal_months = 3
        self._first_exempted = -1

    # -- filling -------------------------------------------------------------------------

    def set_grid(self, grid: Grid, warn_months: int = 2, removal_months: int = 3) -> None:
        """Show a grid; the same members and meetings as now: only what changed is redrawn."""
        self.warn_months, self.removal_months = warn_months, removal_months
        if self._same_shape(grid):
            self._update(grid)
            return
        self.beginResetModel()
        self._take(grid)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._take(Grid(0, [], []))
        self.endResetModel()

    def _take(self, grid: Grid) -> None:
        self.year = grid.year
        self._meetings, self._rows = list(grid.meetings), list(grid.rows)
        self._row_of = {r.person_id: i for i, r in enumerate(self._rows)}
        self._first_exempted = next((i for i, r in enumerate(self._rows) if r.exempted), -1)

    def set_cell(self, person_id: str, meeting_id: str, status: str | None, reason: str) -> None:
        """One cell as a write left it, before the grid (and its totals) is read again."""
        row = self.row_of(person_id)
        column = next((i for i, m in enumerate(self._meetings) if m.id == meeting_id), None)
        if row is None or column is None:
            return
        old = self._rows[row]
        cells, reasons = list(old.cells), list(old.reasons)
        cells[column], reasons[column] = status, reason
        self._rows[row] = replace(old, cells=tuple(cells), reasons=tuple(reasons))
        self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def _same_shape(self, grid: Grid) -> bool:
        return (
            grid.year == self.year
            and [m.id for m in grid.meetings] == [m.id for m in self._meetings]
            and [r.person_id for r in grid.rows] == [r.person_id for r in self._rows]
            and bool(self._rows)
        )

    def _update(self, grid: Grid) -> None:
        old_rows, old_meetings = self._rows, self._meetings
        self._take(grid)
        last = self.columnCount() - 1
        for i, (old, new) in enumerate(zip(old_rows, self._rows, strict=True)):
            if old != new:
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        for c, (old, new) in enumerate(zip(old_meetings, self._meetings, strict=True)):
            if old != new:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, c, c)

    # -- reading -------------------------------------------------------------------------

    @property
    def meetings(self) -> list[MeetingView]:
        return list(self._meetings)

    def rows(self) -> list[GridRow]:
        return list(self._rows)

    def row_at(self, row: int) -> GridRow:
        return self._rows[row]

    def row_of(self, person_id: str) -> int | None:
        return self._row_of.get(person_id)

    def first_exempted(self) -> int:
        """The first exempted row, or -1."""
        return self._first_exempted

    def meeting_at(self, column: int) -> MeetingView | None:
        return self._meetings[column] if 0 <= column < len(self._meetings) else None

    def total_column(self, which: int) -> int:
        return len(self._meetings) + which

    def cell(self, index: Index) -> Cell | None:
        """The member and meeting under an index, or None for a total column."""
        meeting = self.meeting_at(index.column()) if index.isValid() else None
        if meeting is None or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        return Cell(row, meeting, row.cells[index.column()], row.reasons[index.column()])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._meetings) + len(TOTAL_HEADERS)

    def display(self, row: GridRow, column: int) -> str:
        if column < len(self._meetings):
            status = row.cells[column]
            return LETTERS.get(status, status) if status else NOT_ON_ROLL
        return self._total_text(row, column - len(self._meetings))

    def _total_text(self, row: GridRow, which: int) -> str:
        year = row.year
        if year is None:
            return ""
        if which == MONTHS:
            return months_display(year)
        t = year.all
        return str((t.expected, t.attended, t.excused, t.absent)[which])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == SortRole:
            return self._sort_key(row, column)
        if role == ObjectRole:
            return row
        if column < len(self._meetings):
            return self._cell_look(row, row.cells[column], role)
        return self._total_look(row, column - len(self._meetings), role)

    def _tooltip(self, row: GridRow, column: int) -> str:
        meeting = self.meeting_at(column)
        if meeting is None:
            which = column - len(self._meetings)
            text = _tr(TOTAL_HEADERS[which])
            return f"{row.name}: {text.lower()} {self.display(row, column)}".strip()
        status, reason = row.cells[column], row.reasons[column]
        lines = [row.name, meeting.title, self._status_words(row, status)]
        if reason:
            lines.append(fill(_tr(REASON), reason))
        return "\n".join(lines)

    def _status_words(self, row: GridRow, status: str | None) -> str:
        if status is not None:
            return STATUSES.get(status, status)
        if row.exempted:
            return _tr(EXEMPTED_ABSENT)
        return _tr(OFF_THE_ROLL)

    def _sort_key(self, row: GridRow, column: int) -> object:
        if column < len(self._meetings):
            return (STATUS_ORDER.get(row.cells[column] or "", 9), row.sort_key)
        year, which = row.year, column - len(self._meetings)
        if year is None:
            return (-1, row.sort_key)
        if which == MONTHS:
            return (len(year.unexcused_months), row.sort_key)
        t = year.all
        return ((t.expected, t.attended, t.excused, t.absent)[which], row.sort_key)

    def _cell_look(self, row: GridRow, status: str | None, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(COLORS[status]) if status in COLORS else GREY
        if role == Qt.ItemDataRole.BackgroundRole:
            if status == "absent":
                return ABSENT_BACKGROUND
            if row.exempted:
                return EXEMPTED_BACKGROUND
            return NOT_ON_ROLL_BACKGROUND if status is None else None
        if role == Qt.ItemDataRole.FontRole and status in ("late", "excused", "absent"):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _total_look(self, row: GridRow, which: int, role: int) -> object:
        months = len(row.year.unexcused_months) if row.year else 0
        serious = which == MONTHS and months >= self.removal_months
        warned = which in (MONTHS, UNEXCUSED) and months >= self.warn_months
        if role == Qt.ItemDataRole.ForegroundRole:
            if serious or (which == UNEXCUSED and row.year and row.year.all.absent):
                return QColor(ERROR_COLOR)
            return QColor(WARNING_COLOR) if warned else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if warned:
                return ABSENT_BACKGROUND if months >= self.removal_months else WARN_BACKGROUND
            return EXEMPTED_BACKGROUND if row.exempted else None
        if role == Qt.ItemDataRole.FontRole and (serious or which == ATTENDED):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical:
            return self._row_header(section, role)
        if section < 0 or section >= self.columnCount():
            return None
        meeting = self.meeting_at(section)
        which = section - len(self._meetings)
        if role == Qt.ItemDataRole.DisplayRole:
            return meeting_header(meeting) if meeting else two_lines(_tr(TOTAL_HEADERS[which]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return meeting_tooltip(meeting) if meeting else _tr(TOTAL_TIPS[which])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER
        return None

    def _row_header(self, section: int, role: int) -> object:
        if not 0 <= section < len(self._rows):
            return None
        row = self._rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return fill(_tr(EXEMPTED_NAME), row.name) if row.exempted else row.name
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and row.exempted:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.exempted:
            return QColor("#6b655c")
        return None
