"""What needs doing: the deadlines and warnings of candidates and probationary members.

Rows keep the service's order (overdue first, oldest first, then by date). Overdue rows are
drawn in red; a "When" column says how late or how soon each one is.
"""

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
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.domain.dates import format_vn
from desktop_app.domain.deadlines import TodoItem
from desktop_app.domain.rules import CONFIDENCE_LABELS
from desktop_app.ui.models.roles import ObjectRole, SortRole
from desktop_app.ui.widgets.messages import ERROR_COLOR
from desktop_app.ui.widgets.text import fill

Index = QModelIndex | QPersistentModelIndex

DUE, WHEN, PERSON, WHAT, RULE, BASIS = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("TodoModel", "Due"),
    QT_TRANSLATE_NOOP("TodoModel", "When"),
    QT_TRANSLATE_NOOP("TodoModel", "Person"),
    QT_TRANSLATE_NOOP("TodoModel", "What to do"),
    QT_TRANSLATE_NOOP("TodoModel", "Rule"),
    QT_TRANSLATE_NOOP("TodoModel", "Counted from"),
)
OVERDUE_COLOR = QColor(ERROR_COLOR)
OVERDUE_BADGE = QColor("#fdecea")
TODAY_BADGE = QColor("#fff4e0")


def _tr(text: str) -> str:
    return QCoreApplication.translate("TodoModel", text)


def when_text(item: TodoItem, on: dt.date) -> str:
    """ "Quá hạn 12 ngày", "Hôm nay", "Còn 5 ngày"."""
    days = (item.due - on).days
    if days < 0:
        return fill(QCoreApplication.translate("TodoModel", "%1 days overdue"), -days)
    if days == 0:
        return QCoreApplication.translate("TodoModel", "Today")
    return fill(QCoreApplication.translate("TodoModel", "In %1 days"), days)


def basis_text(item: TodoItem) -> str:
    """What the deadline counts from: "Ngày lễ kết nạp 09/04/2026"."""
    if item.basis is None:
        return item.basis_label
    return f"{item.basis_label} {format_vn(item.basis)}".strip()


def confidence_text(item: TodoItem) -> str:
    return CONFIDENCE_LABELS.get(item.confidence, item.confidence)


def rule_tooltip(item: TodoItem) -> str:
    """The rule in one line, how sure the program is of it, and its code."""
    return "\n".join(
        (
            item.why,
            fill(QCoreApplication.translate("TodoModel", "Confidence: %1"), confidence_text(item)),
            fill(QCoreApplication.translate("TodoModel", "Rule code: %1"), item.rule),
        )
    )


class TodoModel(QAbstractTableModel):
    """Rows of TodoItem, in the order given; ``today`` decides which are overdue."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[TodoItem] = []
        self._today = dt.date.today()

    def set_rows(self, items: Iterable[TodoItem], today: dt.date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self._today = today or dt.date.today()
        self.endResetModel()

    @property
    def today(self) -> dt.date:
        return self._today

    def item(self, row: int) -> TodoItem:
        return self._rows[row]

    def items(self) -> list[TodoItem]:
        return list(self._rows)

    def overdue_count(self) -> int:
        return sum(1 for item in self._rows if item.overdue(self._today))

    def is_overdue(self, row: int) -> bool:
        return self._rows[row].overdue(self._today)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def display(self, item: TodoItem, column: int) -> str:
        if column == DUE:
            return format_vn(item.due)
        if column == WHEN:
            return when_text(item, self._today)
        if column == PERSON:
            return item.person_name
        if column == WHAT:
            return item.message
        if column == RULE:
            return item.source
        return basis_text(item)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == SortRole:
            return self._sort_key(item, column)
        if role == ObjectRole:
            return item
        return self._look(item, column, role)

    def _tooltip(self, item: TodoItem, column: int) -> str:
        if column == RULE:
            return rule_tooltip(item)
        if column == WHAT:
            return f"{item.person_name}: {item.message}"
        return self.display(item, column)

    def _sort_key(self, item: TodoItem, column: int) -> object:
        if column in (DUE, WHEN):
            return item.due
        if column == BASIS:
            return (item.basis or dt.date.min, item.basis_label)
        return self.display(item, column)

    def _look(self, item: TodoItem, column: int, role: int) -> object:
        overdue, today = item.overdue(self._today), item.due == self._today
        if role == Qt.ItemDataRole.ForegroundRole and overdue and column in (DUE, WHEN):
            return QBrush(OVERDUE_COLOR)
        if role == Qt.ItemDataRole.BackgroundRole and column == WHEN and (overdue or today):
            return QBrush(OVERDUE_BADGE if overdue else TODAY_BADGE)
        if role == Qt.ItemDataRole.FontRole and overdue and column in (DUE, WHEN):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return _tr(HEADERS[section])
        return None
