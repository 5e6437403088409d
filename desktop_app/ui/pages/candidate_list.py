"""The left side of the candidates page: candidates in the pool and probationary members,
with a group filter, a name search (accents optional) and a button that hides the pipeline
to show every column, for the quarterly review of the pool."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.development import CandidateRow
from desktop_app.ui.models import candidates_model
from desktop_app.ui.models.candidates_model import CandidatesFilter, CandidatesModel, group_label
from desktop_app.ui.models.roles import ObjectRole
from desktop_app.ui.widgets.flow import flow_row
from desktop_app.ui.widgets.text import fill

MAX_COLUMN = 260  # long texts (deadline, comment) are cut here; the tooltip has them whole


class CandidateList(QWidget):
    """``chosen`` tells the id of the person whose row became the current one."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._fitted = False
        self.model = CandidatesModel(self)
        self.proxy = CandidatesFilter(self)
        self.proxy.setSourceModel(self.model)
        self.add_button = QPushButton(self.tr("Add candidate…"), self)
        self.review_button = QPushButton(self.tr("&Whole table (pool review)"), self)
        self.review_button.setCheckable(True)
        self.review_button.setToolTip(
            self.tr("Hide the pipeline to see every column of the list, for the quarterly review")
        )
        self.group = QComboBox(self)
        for key in ("all", "candidate", "probationary"):
            self.group.addItem(group_label(key), key)
        self.group.currentIndexChanged.connect(self._filter_changed)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by name…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet("color: #555555;")
        self.table = self._build_table()
        top = QHBoxLayout()
        top.addWidget(flow_row(self, [self.add_button, self.review_button]))
        filters = QHBoxLayout()
        filters.addWidget(self.group)
        filters.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._update_count()

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(candidates_model.NAME, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.selectionModel().currentRowChanged.connect(self._row_changed)
        return table

    # -- rows ------------------------------------------------------------------------------

    def set_rows(self, rows: list[CandidateRow], keep: str | None) -> None:
        """New rows; the row of ``keep`` stays chosen (else the first row is chosen)."""
        self.model.set_rows(rows)
        if not self._fitted and rows:
            self._fit_columns()
        if keep is not None:
            if not self.choose(keep):
                self.table.clearSelection()  # e.g. now official: still shown on the right
        elif self.proxy.rowCount():
            self.choose(self.proxy.index(0, 0).data(ObjectRole).person_id)
        self._update_count()

    def clear(self) -> None:
        self._fitted = False
        self.model.set_rows([])
        self._update_count()

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            width = min(self.table.columnWidth(column) + 12, MAX_COLUMN)
            self.table.setColumnWidth(column, width)
        self._fitted = True

    # -- filter and selection --------------------------------------------------------------

    def _filter_changed(self) -> None:
        keep = self.current_id()
        self.proxy.set_group(self.group.currentData())
        self.proxy.set_text(self.search.text())
        if keep:
            self.choose(keep)
        self._update_count()

    def set_group(self, key: str) -> None:
        self.group.setCurrentIndex(self.group.findData(key))

    def _update_count(self) -> None:
        self.count_label.setText(
            fill(self.tr("Showing %1 of %2"), self.proxy.rowCount(), self.model.rowCount())
        )

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row: CandidateRow | None = current.data(ObjectRole) if current.isValid() else None
        if row is not None:
            self.chosen.emit(row.person_id)

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        row = index.data(ObjectRole) if index.isValid() else None
        return row.person_id if row is not None else None

    def choose(self, person_id: str, widen: bool = False) -> bool:
        """Make the person's row current; with ``widen``, clear a search or a group filter
        that hides them. False when they are not in the list."""
        row = self.model.row_of(person_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid() and widen:
            self.search.clear()
            self.set_group("all")
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True
