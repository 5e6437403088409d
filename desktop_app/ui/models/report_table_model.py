"""A table of a report (``domain.reports.Table``) as the window shows it: the same titles and the
same Vietnamese figures as the printed report ("12,5%", "82,5", dd/mm/yyyy), figures
right-aligned. The rows keep the report's order (a total comes last), so there is no sorting."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop_app.domain.reports import Table, cell_text
from desktop_app.ui.models.people_model import two_lines
from desktop_app.ui.models.roles import ObjectRole

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
TOTAL_WORDS = ("Cộng", "Tổng số")  # a row that adds up the others is shown in bold
SHORT_HEADER = 12  # characters: a longer header goes on two lines


class ReportTableModel(QAbstractTableModel):
    """One report table, read-only; ObjectRole gives the value as the report holds it."""

    def __init__(self, table: Table, parent: QObject | None = None):
        super().__init__(parent)
        self.table = table

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.columns)

    def text(self, row: int, column: int) -> str:
        return cell_text(self.table.rows[row][column])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.table.rows):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in self.table.numeric else LEFT
        if role == Qt.ItemDataRole.FontRole and self._total(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == ObjectRole:
            return self.table.rows[row][column]
        return None

    def _total(self, row: int) -> bool:
        first = self.table.rows[row][0]
        return isinstance(first, str) and first.startswith(TOTAL_WORDS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.table.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if section in self.table.numeric else LEFT
        return None

    def header_text(self, section: int) -> str:
        """The report's header; a long one on two lines (the columns stay narrow)."""
        text = self.table.columns[section][0]
        return two_lines(text) if len(text) > SHORT_HEADER else text
