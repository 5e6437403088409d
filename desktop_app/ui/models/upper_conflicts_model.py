"""What the upper level's officer has to look at: bundles held back or forked (recorded
conflicts, closed with a note) and people two cells hold (gone by themselves once the move
is reported). One row each: the cell, what it is, since when, open or closed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop_app.domain.dates import format_vn
from desktop_app.services.upper_board import SharedPerson
from desktop_app.services.upper_workspace import ConflictView
from desktop_app.ui.models.roles import ObjectRole, SortRole, date_key
from desktop_app.ui.models.rows_model import RowsModel
from desktop_app.ui.widgets.text import fill

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "UpperConflictsModel"
PERSON_ELSEWHERE = "person_elsewhere"
CLOSED_COLOR = QColor("#6b6b6b")


def local_day(utc: str | None) -> dt.date | None:
    """The computer's local day of a stored UTC time."""
    if not utc:
        return None
    return dt.datetime.fromisoformat(utc.replace("Z", "+00:00")).astimezone().date()


@dataclass(frozen=True)
class ConflictRow:
    """A recorded conflict, or a person two cells hold, as the page shows it."""

    id: str
    kind: str  # fork, gap, person_elsewhere
    label: str
    cells: str  # the cell's code, or the codes of the cells holding the person
    detail: str
    opened_at: str | None  # UTC
    resolved_at: str | None
    resolution: str

    @property
    def closed(self) -> bool:
        return self.resolved_at is not None

    @property
    def resolvable(self) -> bool:
        """Closed with a note here (a person in two cells goes when a cell reports the move)."""
        return self.kind != PERSON_ELSEWHERE and not self.closed

    @classmethod
    def recorded(cls, c: ConflictView) -> ConflictRow:
        return cls(
            c.id, c.kind, c.label, c.cell_code, c.detail, c.opened_at, c.resolved_at, c.resolution
        )

    @classmethod
    def shared(cls, p: SharedPerson) -> ConflictRow:
        cells = ", ".join(p.cell_codes)
        return cls(p.person_id, PERSON_ELSEWHERE, p.LABEL, cells, p.text, None, None, "")


CELLS, KIND, SINCE, STATE = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("UpperConflictsModel", "Cell"),
    QT_TRANSLATE_NOOP("UpperConflictsModel", "Conflict"),
    QT_TRANSLATE_NOOP("UpperConflictsModel", "Since"),
    QT_TRANSLATE_NOOP("UpperConflictsModel", "State"),
)
OPEN = QT_TRANSLATE_NOOP("UpperConflictsModel", "Open")
CLOSED_ON = QT_TRANSLATE_NOOP("UpperConflictsModel", "Closed %1")


def day_text(utc: str | None) -> str:
    day = local_day(utc)
    return format_vn(day) if day else "—"


def state_text(row: ConflictRow) -> str:
    if row.closed:
        return fill(QCoreApplication.translate(CONTEXT, CLOSED_ON), day_text(row.resolved_at))
    return QCoreApplication.translate(CONTEXT, OPEN)


class UpperConflictsModel(RowsModel):
    """Rows of ConflictRow: open ones first, then by when they were found."""

    CONTEXT = CONTEXT
    HEADERS = HEADERS

    def rows(self) -> list[ConflictRow]:
        return list(self._rows)

    def row_of(self, row_id: str | None) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.cells, row.label, day_text(row.opened_at), state_text(row))[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == KIND:
            return row.detail
        if role == Qt.ItemDataRole.ForegroundRole and row.closed:
            return CLOSED_COLOR
        if role == SortRole:
            keys = (row.cells, row.label, date_key(row.opened_at), (row.closed, row.resolved_at))
            return (keys[column], row.cells)
        if role == ObjectRole:
            return row
        return None
