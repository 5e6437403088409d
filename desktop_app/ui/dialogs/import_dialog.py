"""Import a list: the cell's old spreadsheet in, in three steps inside one dialog.

1. File and columns: choose the file and the sheet, check which field each column goes to
   (found from the headers, or as chosen last time for the same headers), and the status of
   rows that give no Party dates.
2. Preview: every row as it would be written, with what was converted, what is wrong and who
   it may already be; the user picks what to do with each row.
3. Result: what was added, updated and skipped, which can be saved as a text file.

Reading the file, the preview and the import all run on the database thread (the file is not
the register, but reading it is slow); nothing is written before "Import", and then all the
chosen rows or none.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import import_columns as cols
from desktop_app.domain.errors import DomainError
from desktop_app.domain.person import MEMBERSHIP_LABELS
from desktop_app.services import imports
from desktop_app.services.imports import Plan, Preview, RowPreview, Summary
from desktop_app.ui.models import import_preview_model as pm
from desktop_app.ui.models.import_preview_model import (
    ColumnMappingModel,
    ImportPreviewModel,
    ImportPreviewProxy,
)
from desktop_app.ui.models.roles import ObjectRole
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.messages import Banner, FieldMessage
from desktop_app.ui.widgets.text import fill

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
FILE_STEP, PREVIEW_STEP, RESULT_STEP = range(3)
DEFAULT_STATUSES = ("official", "probationary")
NAME_TARGETS = ("full_name", cols.GIVEN)
WRAP_ROWS = 2000  # measuring every row's height beyond this would make opening the preview slow


def choose_list_file(parent: QWidget, folder: str) -> str:
    """Ask for the list to read ("" if cancelled); tests monkeypatch this."""
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "Choose the list to import"),
        folder,
        QCoreApplication.translate(
            "ImportDialog", "Lists (*.xlsx *.xls *.ods *.csv);;All files (*)"
        ),
    )
    return path


def choose_summary_file(parent: QWidget, suggested: str) -> str:
    """Ask where to save the summary ("" if cancelled); tests monkeypatch this."""
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "Save the summary"),
        suggested,
        QCoreApplication.translate("ImportDialog", "Text files (*.txt)"),
    )
    return path


class TargetDelegate(QStyledItemDelegate):
    """A combo in every row of the columns table: "Not imported" or any import target."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem(pm.target_label(None), "")
        for target, label in imports.TARGETS.items():
            combo.addItem(label, target)
        combo.setMaxVisibleItems(20)
        combo.currentIndexChanged.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")
        if position != editor.currentIndex():
            editor.blockSignals(True)
            editor.setCurrentIndex(max(position, 0))
            editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index) -> None:
        editor.setGeometry(option.rect.adjusted(1, 1, -1, -1))

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        """Tab goes on to the next combo (and out of the table), as everywhere else: the
        delegate's own Tab would close this always-open editor and lose the focus."""
        pressed = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if pressed and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return False
        return super().eventFilter(editor, event)


class ActionDelegate(QStyledItemDelegate):
    """The action of a preview row: drawn as a combo when there is a choice, edited with a
    combo limited to the row's allowed actions (which opens at once on a click)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        row: RowPreview = index.data(ObjectRole)
        combo = QComboBox(parent)
        for action in row.allowed():
            combo.addItem(pm.action_label(action), action)
        combo.activated.connect(lambda _i, c=combo: self._chosen(c))
        return combo

    def _chosen(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index) -> None:
        editor.setGeometry(option.rect.adjusted(1, 1, -1, -1))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not index.flags() & Qt.ItemFlag.ItemIsEditable:
            super().paint(painter, option, index)
            return
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        box = QStyleOptionComboBox()
        box.rect = option.rect.adjusted(2, 2, -2, -2)
        box.state = QStyle.StateFlag.State_Enabled
        box.palette = option.palette
        box.fontMetrics = option.fontMetrics
        box.currentText = str(index.data() or "")
        style.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, box, painter, widget)
        style.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, box, painter, widget)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index):
        hint = super().sizeHint(option, index)
        hint.setWidth(hint.width() + 40)  # the arrow
        return hint


class ImportDialog(QDialog):
    """``summary`` holds what was written once the import succeeded (even if the dialog is
    then closed rather than "Close"d)."""

    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None = None,
        today: dt.date | None = None,
        path: str | Path | None = None,
    ):
        super().__init__(parent)
        self._runner = runner
        self._today = today
        self._busy = False
        self._open_seq = 0
        self.plan: Plan | None = None
        self.preview: Preview | None = None
        self.summary: Summary | None = None
        self.summary_text = ""
        self.setWindowTitle(self.tr("Import a list"))
        self._build()
        self.resize(1120, 720)
        self._show_step(FILE_STEP)
        self.header_info.setText(
            self.tr(
                "Choose the cell's list: an Excel (.xlsx, .xls), LibreOffice (.ods) or CSV file "
                "with a column of full names. Nothing is written before the last step."
            )
        )
        self.choose_button.setFocus()
        if path:
            self.open_file(str(path))

    @classmethod
    def ask(
        cls, runner: TaskRunner, parent: QWidget | None = None, today: dt.date | None = None
    ) -> Summary | None:
        """Run the import; what was written, or None if nothing was."""
        dialog = cls(runner, parent, today)
        dialog.exec()
        return dialog.summary

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.steps = QLabel(self)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.steps)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_file_page())
        self.stack.addWidget(self._build_preview_page())
        self.stack.addWidget(self._build_result_page())
        layout.addWidget(self.stack, 1)
        layout.addLayout(self._build_buttons())

    def _build_file_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        self.path_edit = QLineEdit(page)
        self.path_edit.setReadOnly(True)
        self.path_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.path_edit.setPlaceholderText(self.tr("No file chosen yet"))
        self.choose_button = QPushButton(self.tr("&Choose file…"), page)
        self.choose_button.clicked.connect(self.choose_file)
        self.sheet_combo = QComboBox(page)
        self.sheet_combo.setMinimumWidth(260)
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        self.default_combo = QComboBox(page)
        for status in DEFAULT_STATUSES:
            self.default_combo.addItem(MEMBERSHIP_LABELS[status], status)
        file_label = QLabel(self.tr("List file:"), page)
        file_label.setBuddy(self.choose_button)
        sheet_label = QLabel(self.tr("Sheet:"), page)
        sheet_label.setBuddy(self.sheet_combo)
        default_label = QLabel(self.tr("Rows without Party dates are:"), page)
        default_label.setBuddy(self.default_combo)
        grid.addWidget(file_label, 0, 0)
        grid.addWidget(self.path_edit, 0, 1)
        grid.addWidget(self.choose_button, 0, 2)
        grid.addWidget(sheet_label, 1, 0)
        options = QHBoxLayout()
        options.addWidget(self.sheet_combo)
        options.addSpacing(24)
        options.addWidget(default_label)
        options.addWidget(self.default_combo)
        options.addStretch(1)
        grid.addLayout(options, 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.header_info = QLabel(page)
        self.header_info.setWordWrap(True)
        self.header_info.setStyleSheet("color: #5c5c5c;")
        layout.addWidget(self.header_info)
        self.mapping_model = ColumnMappingModel(self)
        self.mapping_model.dataChanged.connect(lambda *_: self._mapping_changed())
        table = self.columns_table = QTableView(page)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.setModel(self.mapping_model)
        table.setItemDelegateForColumn(pm.TARGET, TargetDelegate(table))
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the combos in it take the focus
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 16)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(pm.SAMPLES, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._fit_mapping_columns()
        layout.addWidget(table, 1)
        self.mapping_message = FieldMessage(page)
        layout.addWidget(self.mapping_message)
        return page

    def _build_preview_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        column = QVBoxLayout()
        self.counts_label = QLabel(page)
        font = QFont(self.counts_label.font())
        font.setBold(True)
        self.counts_label.setFont(font)
        self.actions_label = QLabel(page)
        for label in (self.counts_label, self.actions_label):  # long counts: two lines
            label.setWordWrap(True)
        column.addWidget(self.counts_label)
        column.addWidget(self.actions_label)
        top.addLayout(column, 1)
        self.only_flagged = QCheckBox(self.tr("Only rows with problems or duplicates"), page)
        self.only_flagged.toggled.connect(self._filter_changed)
        top.addWidget(self.only_flagged, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(top)
        self.preview_model = ImportPreviewModel(self)
        self.preview_model.dataChanged.connect(lambda *_: self._update_action_counts())
        self.proxy = ImportPreviewProxy(self)
        self.proxy.setSourceModel(self.preview_model)
        table = self.preview_table = QTableView(page)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.setModel(self.proxy)
        table.setItemDelegateForColumn(pm.ACTION, ActionDelegate(table))
        table.setSortingEnabled(True)
        table.sortByColumn(pm.ROW, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        row_height = table.fontMetrics().height() + 14  # room for the action combo
        table.verticalHeader().setDefaultSectionSize(row_height)
        table.verticalHeader().setMinimumSectionSize(row_height)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.clicked.connect(self._preview_clicked)
        self.proxy.layoutChanged.connect(self._fit_rows)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._show_row_details())
        layout.addWidget(table, 1)
        self.row_details = QLabel(page)
        self.row_details.setWordWrap(True)
        self.row_details.setTextFormat(Qt.TextFormat.PlainText)
        self.row_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row_details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.row_details.setMinimumHeight(self.row_details.fontMetrics().lineSpacing() * 4 + 14)
        self.row_details.setStyleSheet(
            "background: #faf8f4; border: 1px solid #ddd5c8; border-radius: 4px; padding: 6px;"
        )
        layout.addWidget(self.row_details)
        return page

    def _build_result_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.result_heading = QLabel(page)
        font = QFont(self.result_heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.result_heading.setFont(font)
        self.result_heading.setWordWrap(True)
        layout.addWidget(self.result_heading)
        self.summary_view = QPlainTextEdit(page)
        self.summary_view.setReadOnly(True)
        layout.addWidget(self.summary_view, 1)
        self.saved_label = QLabel(page)
        self.saved_label.setStyleSheet("color: #5c5c5c;")
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.saved_label)
        return page

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save summary…"), self)
        self.save_button.clicked.connect(self.save_summary)
        row.addWidget(self.save_button)
        row.addStretch(1)
        self.back_button = QPushButton(self.tr("< &Back"), self)
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(self.tr("&Next >"), self)
        self.next_button.clicked.connect(self.go_next)
        self.next_button.setDefault(True)
        row.addWidget(self.back_button)
        row.addWidget(self.next_button)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close, self
        )
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        row.addWidget(self.buttons)
        return row

    # -- steps ---------------------------------------------------------------------------

    def step(self) -> int:
        return self.stack.currentIndex()

    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        names = (self.tr("File and columns"), self.tr("Preview"), self.tr("Result"))
        parts = []
        for number, name in enumerate(names):
            text = f"{number + 1}. {name}"
            if number == step:
                parts.append(f"<b>{text}</b>")
            else:
                parts.append(f"<span style='color: #7a7a7a'>{text}</span>")
        self.steps.setText(" &nbsp;›&nbsp; ".join(parts))
        self._update_buttons()

    def _update_buttons(self) -> None:
        step, busy = self.step(), self._busy
        done = step == RESULT_STEP
        self.back_button.setVisible(step == PREVIEW_STEP)
        self.back_button.setEnabled(not busy)
        self.next_button.setVisible(not done)
        self.next_button.setText(self.tr("&Import") if step == PREVIEW_STEP else self.tr("&Next >"))
        if step == FILE_STEP:
            self.next_button.setEnabled(not busy and self.plan is not None and not self._blocked())
        else:
            self.next_button.setEnabled(not busy and self.preview is not None)
        self.cancel_button.setVisible(not done)
        self.cancel_button.setEnabled(not busy)
        self.close_button.setVisible(done)
        self.save_button.setVisible(done)
        self.save_button.setEnabled(not busy)
        self.stack.widget(step).setEnabled(not busy)
        if done:
            self.close_button.setDefault(True)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def go_next(self) -> None:
        if self._busy:
            return
        if self.step() == FILE_STEP:
            self.make_preview()
        elif self.step() == PREVIEW_STEP:
            self.run_import()

    def go_back(self) -> None:
        if not self._busy and self.step() == PREVIEW_STEP:
            self.banner.clear_message()
            self._show_step(FILE_STEP)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def _submit(self, work: Callable, done: Callable, failed: Callable, progress: str) -> None:
        self._set_busy(True)
        self._runner.submit(work, done, failed, progress=progress, parent=self)

    def _message(self, exc: BaseException, fallback: str) -> str:
        if isinstance(exc, DomainError):
            return str(exc)
        log.error("import step failed", exc_info=exc)
        return fill(fallback, exc)

    # -- step 1: the file and its columns ------------------------------------------------

    def choose_file(self) -> None:
        folder = str(Path(self.plan.path).parent) if self.plan else str(Path.home())
        path = choose_list_file(self, folder)
        if path:
            self.open_file(path)

    def open_file(self, path: str, sheet: str | None = None) -> None:
        """Read the file (on the database thread) and show its columns."""
        self._open_seq += 1
        seq = self._open_seq
        self.path_edit.setText(path)
        self.banner.clear_message()
        self._submit(
            lambda _reg: imports.open_plan(path, sheet),
            lambda plan: self._opened(seq, plan),
            lambda exc: self._open_failed(seq, path, exc),
            self.tr("Reading the list…"),
        )

    def _opened(self, seq: int, plan: Plan) -> None:
        if seq != self._open_seq:
            return
        self._set_busy(False)
        self.plan, self.preview = plan, None
        self.path_edit.setText(plan.path)
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(plan.sheet_names))
        self.sheet_combo.setCurrentText(plan.sheet)
        self.sheet_combo.blockSignals(False)
        self.sheet_combo.setEnabled(len(plan.sheet_names) > 1)
        self.default_combo.setCurrentIndex(
            max(self.default_combo.findData(plan.default_membership), 0)
        )
        self.mapping_model.set_columns(plan.columns)
        previous: QWidget = self.default_combo  # Tab: the options, then each column's combo
        for row in range(self.mapping_model.rowCount()):
            index = self.mapping_model.index(row, pm.TARGET)
            self.columns_table.openPersistentEditor(index)
            editor = self.columns_table.indexWidget(index)
            if editor is not None:
                QWidget.setTabOrder(previous, editor)
                previous = editor
        self._fit_mapping_columns()
        how = (
            self.tr("The columns are mapped as you chose last time for a file with these headers.")
            if plan.remembered
            else self.tr("The columns were mapped from their headers; check them below.")
        )
        found = fill(
            self.tr("The header ends on row %1 and the list starts on row %2. %3"),
            plan.data_start,
            plan.data_start + 1,
            how,
        )
        self.header_info.setText(found)
        self._mapping_changed()
        self.next_button.setFocus()

    def _open_failed(self, seq: int, path: str, exc: BaseException) -> None:
        if seq != self._open_seq:
            return
        self._set_busy(False)
        self.plan = self.preview = None
        self.mapping_model.set_columns([])
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.blockSignals(False)
        self.header_info.setText(
            self.tr("Choose another file, or correct this one and choose it again.")
        )
        self.mapping_message.show_messages([], [])
        if isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            log.error("reading %s failed", path, exc_info=exc)
            self.banner.show_message(fill(self.tr("Could not read «%1»: %2"), Path(path).name, exc))
        self._update_buttons()

    def _sheet_changed(self) -> None:
        sheet = self.sheet_combo.currentText()
        if self.plan is not None and sheet and sheet != self.plan.sheet:
            self.open_file(self.plan.path, sheet)

    def _fit_mapping_columns(self) -> None:
        """The letters and headers as wide as they are (headers up to 340 px), the targets as
        wide as the longest target name; the samples take the rest."""
        table, metrics = self.columns_table, self.columns_table.fontMetrics()
        header = table.horizontalHeader().fontMetrics()
        widest_target = max(
            metrics.horizontalAdvance(t) for t in (*imports.TARGETS.values(), pm.target_label(None))
        )
        for column in (pm.LETTER, pm.LABEL):
            title = (
                header.horizontalAdvance(
                    str(self.mapping_model.headerData(column, Qt.Orientation.Horizontal))
                )
                + 16
            )
            table.resizeColumnToContents(column)
            table.setColumnWidth(column, min(max(table.columnWidth(column), title), 340))
        table.setColumnWidth(pm.TARGET, widest_target + 60)

    def _problems(self) -> list[str]:
        """What stops the preview: no column of names, or two columns into one field."""
        mapping = self.mapping_model.mapping()
        problems = []
        if not any(t in NAME_TARGETS for t in mapping.values()):
            problems.append(
                fill(
                    self.tr("No column goes to «%1». Choose the column that holds the names."),
                    imports.TARGETS["full_name"],
                )
            )
        by_target: dict[str, list[int]] = {}
        for index, target in sorted(mapping.items()):
            if target and target != cols.ROW_NUMBER:
                by_target.setdefault(target, []).append(index)
        for target, indices in by_target.items():
            if len(indices) > 1:
                letters = ", ".join(pm.column_letter(i) for i in indices)
                problems.append(
                    fill(
                        self.tr("Columns %1 all go to «%2»: choose one."),
                        letters,
                        imports.TARGETS[target],
                    )
                )
        return problems

    def _blocked(self) -> bool:
        return bool(self._problems())

    def _mapping_changed(self) -> None:
        self.mapping_message.show_messages(self._problems() if self.plan else [], [])
        self._update_buttons()

    def target_combo(self, column_index: int) -> QComboBox:
        """The combo of the file's column ``column_index`` (0-based, A = 0)."""
        row = self.mapping_model.row_of_column(column_index)
        assert row is not None, column_index
        widget = self.columns_table.indexWidget(self.mapping_model.index(row, pm.TARGET))
        assert isinstance(widget, QComboBox)
        return widget

    # -- step 2: the preview -------------------------------------------------------------

    def make_preview(self) -> None:
        if self.plan is None or self._blocked():
            return
        try:
            plan = imports.with_mapping(
                self.plan, self.mapping_model.mapping(), self.default_combo.currentData()
            )
        except DomainError as exc:
            self.banner.show_message(str(exc))
            return
        self.banner.clear_message()
        today = self._today
        self._submit(
            lambda reg: imports.preview(reg, plan, today),
            self._previewed,
            self._preview_failed,
            self.tr("Checking every row…"),
        )

    def _previewed(self, preview: Preview) -> None:
        self._set_busy(False)
        self.preview = preview
        self.preview_model.set_preview(preview)
        counts = preview.counts()
        self.counts_label.setText(
            fill(
                self.tr(
                    "%1 rows: %2 with errors, %3 with warnings, %4 possible duplicates, "
                    "%5 converted from old encodings"
                ),
                counts["rows"],
                counts["errors"],
                counts["warnings"],
                counts["duplicates"],
                counts["converted"],
            )
        )
        self._update_action_counts()
        self._show_step(PREVIEW_STEP)
        self._fit_preview_columns()
        if self.proxy.rowCount():
            self.preview_table.selectRow(0)
        self._show_row_details()

    def _preview_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.banner.show_message(self._message(exc, self.tr("Could not check the list: %1")))

    def _fit_preview_columns(self) -> None:
        """The short columns as wide as their texts; the three columns of explanations share
        what is left (duplicates and problems more than conversions), and long texts wrap
        over two lines rather than hide (the details under the table show everything)."""
        table = self.preview_table
        header = table.horizontalHeader().fontMetrics()
        for column in (pm.ROW, pm.NAME, pm.BIRTH, pm.STATUS, pm.ACTION):
            title = header.horizontalAdvance(
                str(self.proxy.headerData(column, Qt.Orientation.Horizontal))
            )
            table.resizeColumnToContents(column)
            table.setColumnWidth(column, max(table.columnWidth(column) + 8, title + 28))
        used = sum(table.columnWidth(c) for c in (pm.ROW, pm.NAME, pm.BIRTH, pm.STATUS, pm.ACTION))
        free = max(table.viewport().width() - used - 4, 600)
        shares = {pm.DUPLICATE: 0.34, pm.CONVERTED: 0.24, pm.PROBLEMS: 0.42}
        for column, share in shares.items():
            table.setColumnWidth(column, int(free * share))
        self._fit_rows()

    def _fit_rows(self) -> None:
        if self.preview_model.rowCount() <= WRAP_ROWS:
            self.preview_table.resizeRowsToContents()

    def _update_action_counts(self) -> None:
        counts = self.preview_model.action_counts()
        self.actions_label.setText(
            fill(
                self.tr("To do: add %1, update %2, skip %3. Click an action to change it."),
                counts["add"],
                counts["update"],
                counts["skip"],
            )
        )
        self._show_row_details()

    def _filter_changed(self, on: bool) -> None:
        self.proxy.set_only_flagged(on)
        self._fit_rows()
        self._show_row_details()

    def _preview_clicked(self, index: QModelIndex) -> None:
        if index.column() == pm.ACTION and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.preview_table.edit(index)
            editor = self.action_editor()
            if editor is not None and editor.isVisible():
                QTimer.singleShot(0, editor.showPopup)

    def action_editor(self) -> QComboBox | None:
        for combo in self.preview_table.viewport().findChildren(QComboBox):
            if combo.isVisible():
                return combo
        return None

    def _show_row_details(self) -> None:
        index = self.preview_table.currentIndex()
        if not index.isValid() or self.step() != PREVIEW_STEP:
            self.row_details.setText(self.tr("Choose a row to see everything about it."))
            return
        row: RowPreview = index.data(ObjectRole)
        lines = [fill(self.tr("Row %1: %2"), row.number, row.name or "—")]
        lines += [fill(self.tr("Error: %1"), e) for e in row.errors]
        lines += [fill(self.tr("Warning: %1"), w) for w in row.warnings]
        lines += [
            fill(
                self.tr("Converted %1: «%2» → «%3»"),
                imports.TARGETS.get(c.field, c.field),
                c.before,
                c.after,
            )
            for c in row.conversions
        ]
        lines += [fill(self.tr("Duplicate: %1"), d) for d in pm.duplicate_texts(row)]
        if row.errors:
            lines.append(
                self.tr("Rows with errors are skipped: correct the file and import it again.")
            )
        self.row_details.setText("\n".join(lines))

    # -- step 3: writing and the result --------------------------------------------------

    def run_import(self) -> None:
        if self.preview is None:
            return
        preview, choices, today = self.preview, self.preview_model.choices(), self._today
        self.banner.clear_message()

        def work(reg) -> Summary:
            summary = imports.apply(reg, preview, choices, today)
            try:
                imports.remember(preview.plan)
            except OSError:
                log.warning("the column mapping could not be remembered", exc_info=True)
            return summary

        self._submit(work, self._imported, self._import_failed, self.tr("Importing the list…"))

    def _imported(self, summary: Summary) -> None:
        self._set_busy(False)
        self.summary = summary
        plan = self.preview.plan if self.preview else self.plan
        today = self._today or dt.date.today()
        source = fill(
            self.tr("Imported from «%1», sheet «%2», on %3."),
            Path(plan.path).name if plan else "",
            plan.sheet if plan else "",
            today.strftime("%d/%m/%Y"),
        )
        self.summary_text = f"{source}\n\n{summary.to_text()}\n"
        self.result_heading.setText(
            fill(
                self.tr("Done: %1 added, %2 updated, %3 skipped."),
                len(summary.added),
                len(summary.updated),
                len(summary.skipped),
            )
        )
        self.summary_view.setPlainText(self.summary_text)
        self._show_step(RESULT_STEP)
        self.close_button.setFocus()

    def _import_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        reason = self._message(exc, "%1")
        self.banner.show_message(fill(self.tr("Nothing was written to the register: %1"), reason))

    def save_summary(self) -> None:
        if not self.summary_text:
            return
        folder = Path(self.plan.path).parent if self.plan else Path.home()
        suggested = str(folder / fill(self.tr("import-summary-%1.txt"), _stamp(self._today)))
        path = choose_summary_file(self, suggested)
        if not path:
            return
        text = self.summary_text
        self._submit(
            lambda _reg: Path(path).write_text(text, encoding="utf-8"),
            lambda _n: self._saved(path),
            self._save_failed,
            self.tr("Saving the summary…"),
        )

    def _saved(self, path: str) -> None:
        self._set_busy(False)
        self.saved_label.setText(fill(self.tr("The summary was saved to «%1»."), path))

    def _save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.banner.show_message(fill(self.tr("Could not save the summary: %1"), exc))


def _stamp(today: dt.date | None) -> str:
    return (today or dt.date.today()).strftime("%Y-%m-%d")
