"""The reporting board of the upper level: per cell, the last bundle and its date, whether it
reported this month (those that did not are tinted, and counted at the top), members,
candidates, admissions this year against the quota, deadlines due and open conflicts; the
chosen cell's deadlines and conflicts below. A date to look at ("on") and "Export to Excel…".

Everything is read from the workspace on the database thread (``services/upper_board``); the
workbook is the board shown, written through a temporary file by the service."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import DateFormatError, format_vn
from desktop_app.services import upper_board
from desktop_app.services.upper_board import Board, BoardRow
from desktop_app.ui import style
from desktop_app.ui.models import upper_board_model as columns
from desktop_app.ui.models.upper_board_model import UpperBoardModel, UpperDueModel, UpperSort
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.upper.upper_page import UpperPage, read_only_table
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.messages import Banner
from desktop_app.ui.widgets.text import fill


class BoardFileChooser:
    """Where to write the workbook (a classmethod, so tests can replace it)."""

    @classmethod
    def xlsx_path(cls, parent: QWidget | None, suggested: str) -> Path | None:
        title = QApplication.translate("BoardPage", "Export the board to Excel")
        pattern = QApplication.translate("BoardPage", "Excel workbook (*.xlsx)")
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, pattern)
        return Path(name) if name else None


class BoardPage(UpperPage):
    """``cell_activated`` gives the code of a cell double-clicked (its decisions)."""

    cell_activated = Signal(str)

    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None, *, today: dt.date | None = None
    ):
        super().__init__(runner, parent, today=today)
        self.board: Board | None = None
        self._code: str | None = None  # the cell chosen
        self.model = UpperBoardModel(self)
        self.proxy = UpperSort(self)
        self.proxy.setSourceModel(self.model)
        self.due_model = UpperDueModel(self)
        self._build()
        self.update_actions()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(self._build_top())
        self.summary = Banner(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.banner)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self._build_table())
        split.addWidget(self._build_detail())
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)

    def _build_top(self) -> QHBoxLayout:
        title = style.heading(self.tr("Reporting board"), 1.5)
        title.setWordWrap(False)
        self.on_edit = DateEdit(parent=self)
        self.on_edit.set_date(self.today())
        self.on_edit.setToolTip(
            self.tr("The day the board is counted on: this month, this year, deadlines near it")
        )
        self.on_edit.editingFinished.connect(self._on_changed)
        on_label = QLabel(self.tr("&On:"), self)
        on_label.setBuddy(self.on_edit)
        self.export_button = QPushButton(self.tr("Export to &Excel…"), self)
        self.export_button.setToolTip(
            self.tr("The board, the deadlines and the conflicts in an .xlsx workbook")
        )
        self.export_button.clicked.connect(self.export_xlsx)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(on_label)
        top.addWidget(self.on_edit)
        top.addStretch(1)
        top.addWidget(self.export_button)
        return top

    def _build_table(self) -> QTableView:
        self.table = read_only_table(self, self.proxy, alternate=False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(columns.NAME, Qt.SortOrder.AscendingOrder)
        # every column as wide as its contents but the cells' names, which take the room left
        # (whole on a wide window, in the tooltip always); large text scrolls sideways
        self.table.horizontalHeader().setSectionResizeMode(
            columns.NAME, QHeaderView.ResizeMode.Stretch
        )
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(self._activated)
        return self.table

    def _build_detail(self) -> QGroupBox:
        self.detail = QGroupBox(self)
        column = QVBoxLayout(self.detail)
        self.due_table = read_only_table(self.detail, self.due_model)
        self.due_table.horizontalHeader().setSectionResizeMode(
            columns.DUE_WHAT, QHeaderView.ResizeMode.Stretch
        )
        self.no_due = style.muted("")
        self.conflicts_label = QLabel(self.detail)
        self.conflicts_label.setWordWrap(True)
        self.conflicts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.conflicts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.due_table, 1)
        column.addWidget(self.no_due)
        column.addWidget(self.conflicts_label)
        return self.detail

    # -- reading ---------------------------------------------------------------------------

    def on_date(self) -> dt.date:
        """The day to look at; DateFormatError (Vietnamese) when it is not a date."""
        return self.on_edit.date() or self.today()

    def _on_changed(self) -> None:
        if self.board is None or self._date_text() != format_vn(self.board.on):
            self.refresh()

    def _date_text(self) -> str:
        try:
            return format_vn(self.on_date())
        except DateFormatError:
            return self.on_edit.text()

    def load_work(self) -> Work | None:
        try:
            on = self.on_date()
        except DateFormatError as exc:
            self.say(fill(self.tr("The day to look at «%1»: %2"), self.on_edit.text(), exc))
            return None
        self.banner.clear_message()
        return lambda reg: upper_board.board(reg, on)

    def show_loaded(self, result: Board) -> None:
        self.board = result
        self.model.set_rows(result.cells)
        self._show_summary(result)
        row = self.model.row_of(self._code)
        if row is None and result.cells:
            self.table.selectRow(0)
        elif row is not None:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self._show_detail(self.chosen())

    def clear(self) -> None:
        self.board = None
        self._code = None
        self.model.set_rows([])
        self.summary.clear_message()
        self._show_detail(None)

    def _show_summary(self, found: Board) -> None:
        month = f"{found.on.month:02d}/{found.on.year}"
        late = found.not_reported
        if not found.cells:
            self.summary.show_message(self.tr("No cell is enrolled yet."), "warning")
        elif late:
            self.summary.show_message(
                fill(
                    self.tr("%1 of %2 cells have not reported in %3: %4"),
                    len(late),
                    len(found.cells),
                    month,
                    ", ".join(late),
                ),
                "warning",
            )
        else:
            self.summary.show_message(
                fill(self.tr("All %1 cells have reported in %2."), len(found.cells), month), "ok"
            )

    # -- the chosen cell -------------------------------------------------------------------

    def chosen(self) -> BoardRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_object(self.proxy.mapToSource(index).row())

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            row = self.model.row_object(self.proxy.mapToSource(current).row())
            self._code = row.code
            self._show_detail(row)

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_object(self.proxy.mapToSource(index).row())
        self.cell_activated.emit(row.code)

    def select_cell(self, code: str) -> bool:
        row = self.model.row_of(code)
        if row is None:
            return False
        self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        return True

    def _show_detail(self, row: BoardRow | None) -> None:
        self.detail.setVisible(row is not None)
        if row is None:
            self.due_model.set_rows([])
            return
        self.detail.setTitle(
            fill(self.tr("Deadlines and conflicts: %1 (%2)"), columns.cell_title(row), row.code)
        )
        self.due_model.set_rows(row.deadlines)
        self.due_table.setVisible(bool(row.deadlines))
        self.no_due.setVisible(not row.deadlines)
        self.no_due.setText(
            fill(
                self.tr("No admission or recognition deadline within %1 days."),
                upper_board.DUE_WITHIN_DAYS,
            )
        )
        if row.conflicts:
            lines = "\n".join(f"• {c['label']}: {c['text']}" for c in row.conflicts)
            self.conflicts_label.setText(fill(self.tr("Open conflicts:\n%1"), lines))
        else:
            self.conflicts_label.setText(self.tr("No open conflicts."))

    # -- actions ---------------------------------------------------------------------------

    def update_actions(self) -> None:
        self.export_button.setEnabled(
            self._runner.has_register and self.board is not None and not self._busy
        )

    def export_xlsx(self) -> None:
        found = self.board
        if found is None:
            return
        suggested = f"bang-theo-doi-{found.on.isoformat()}.xlsx"
        path = BoardFileChooser.xlsx_path(self, suggested)
        if path is None:
            return
        if not path.suffix:  # a name typed without one
            path = path.with_suffix(".xlsx")
        self.run(
            lambda _reg: upper_board.export_xlsx(found, path),
            lambda written: self.say(
                fill(self.tr("The board of %1 is written to %2."), format_vn(found.on), written),
                "ok",
            ),
            self.tr("Writing the workbook…"),
        )
