"""The meetings page's list: one meeting a row, by date, with its kind, topic and attendance
("29/31 (93,5%)" of the members expected). Planned meetings (not yet held) are marked and
shown in grey italics."""

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
from PySide6.QtGui import QColor, QFont

from desktop_app.domain.attendance import CLASS_KINDS, ROLL_KINDS, percent_text
from desktop_app.domain.dates import vn_from_iso
from desktop_app.services.meetings import MeetingView
from desktop_app.ui.models.roles import ObjectRole, SortRole, horizontal_header
from desktop_app.ui.widgets.text import fill

Index = QModelIndex | QPersistentModelIndex

DATE, KIND, TOPIC, ATTENDANCE = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("MeetingsModel", "Date"),
    QT_TRANSLATE_NOOP("MeetingsModel", "Kind"),
    QT_TRANSLATE_NOOP("MeetingsModel", "Topic"),
    QT_TRANSLATE_NOOP("MeetingsModel", "Attendance"),
)
PLANNED_COLOR = QColor("#6b6b6b")


def topic_text(meeting: MeetingView) -> str:
    """The topic, or for a class with none the kind of class."""
    return meeting.topic or CLASS_KINDS.get(meeting.class_kind, "")


def attendance_text(meeting: MeetingView) -> str:
    """ "29/31 (93,5%)", "planned", "4 came" (a class, a committee meeting), or "—"."""
    if not meeting.held:
        return QCoreApplication.translate("MeetingsModel", "planned")
    tally = meeting.tally
    if not tally.expected:
        return "—"
    if meeting.kind not in ROLL_KINDS:  # no list of members expected: those who came
        return fill(QCoreApplication.translate("MeetingsModel", "%1 came"), tally.attended)
    return f"{tally.attended}/{tally.expected} ({percent_text(tally.rate)})"


def attendance_details(meeting: MeetingView) -> str:
    """The tooltip of the attendance: late, excused, absent, and who else came."""
    if not meeting.held:
        return QCoreApplication.translate("MeetingsModel", "Planned: not held yet, no roll call")
    t = meeting.tally
    text = fill(
        QCoreApplication.translate(
            "MeetingsModel", "Late %1, excused %2, absent without reason %3"
        ),
        t.late,
        t.excused,
        t.absent,
    )
    if meeting.others:
        text += "\n" + fill(
            QCoreApplication.translate("MeetingsModel", "Also came (not expected): %1"),
            meeting.others,
        )
    return text


class MeetingsModel(QAbstractTableModel):
    """Rows of MeetingView, in the order given (the service's: by date)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[MeetingView] = []

    def set_rows(self, rows: Iterable[MeetingView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[MeetingView]:
        return list(self._rows)

    def row_at(self, row: int) -> MeetingView:
        return self._rows[row]

    def row_of(self, meeting_id: str | None) -> int | None:
        return next((i for i, m in enumerate(self._rows) if m.id == meeting_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def display(self, meeting: MeetingView, column: int) -> str:
        if column == DATE:
            return vn_from_iso(meeting.date)
        if column == KIND:  # the list is narrow: "Thường kỳ", "Chuyên đề" (the header says it)
            return meeting.kind_label.removeprefix("Sinh hoạt ").capitalize()
        if column == TOPIC:
            return topic_text(meeting)
        return attendance_text(meeting)

    def _sort_key(self, meeting: MeetingView, column: int) -> object:
        if column == ATTENDANCE:
            rate = meeting.tally.rate
            return (not meeting.held, rate is None, rate or 0.0, meeting.date)
        if column == DATE:
            return (meeting.date, meeting.id)
        return (self.display(meeting, column), meeting.date)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        meeting, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(meeting, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == ATTENDANCE:
                return attendance_details(meeting)
            return (topic_text(meeting) or None) if column == TOPIC else None
        if role == SortRole:
            return self._sort_key(meeting, column)
        if role == ObjectRole:
            return meeting
        if role == Qt.ItemDataRole.ForegroundRole and not meeting.held:
            return PLANNED_COLOR
        if role == Qt.ItemDataRole.FontRole and not meeting.held:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        return horizontal_header("MeetingsModel", HEADERS, section, orientation, role)
