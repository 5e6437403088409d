"""The Cells page of the upper level's window: the workspace's name and fingerprint (what the
cells read back over the phone), the cells enrolled with their keys and what they sent, the
steps of enrolling a cell explained, "Enrol a cell…" (writes the enrolment file) and "Forget
the old key…" (a cell that lost its register and every backup starts over with a new key).

Everything is read and written on the database thread (``upper_workspace``, ``upper_rekey``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import format_vn
from desktop_app.domain.errors import DomainError
from desktop_app.domain.names import clean_text
from desktop_app.services import upper_rekey, upper_workspace
from desktop_app.services.upper_rekey import ResetResult
from desktop_app.services.upper_workspace import CellView, EnrolCellResult, WorkspaceView
from desktop_app.store.database import Register
from desktop_app.sync import bundle, enrolment
from desktop_app.ui import errors, style
from desktop_app.ui.dialogs.write_dialog import WriteDialog
from desktop_app.ui.models.roles import ObjectRole, SortRole
from desktop_app.ui.models.rows_model import Index, RowsModel
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.widgets.messages import Banner
from desktop_app.ui.widgets.text import fill

CODE, NAME, KEY, APPLIED, LAST_BUNDLE, LAST_IMPORT = range(6)


def local_time(utc: str | None) -> dt.datetime | None:
    """A stored UTC time (``…Z``) in this computer's time zone."""
    if not utc:
        return None
    return dt.datetime.fromisoformat(utc.replace("Z", "+00:00")).astimezone()


def local_day_text(utc: str | None) -> str:
    when = local_time(utc)
    return format_vn(when.date()) if when else ""


def local_time_text(utc: str | None) -> str:
    when = local_time(utc)
    return f"{format_vn(when.date())} {when:%H:%M}" if when else ""


@dataclass(frozen=True)
class CellsState:
    """What the database thread hands the page."""

    workspace: WorkspaceView
    cells: list[CellView]


def load_cells(reg: Register) -> CellsState:
    return CellsState(upper_workspace.show(reg), upper_workspace.list_cells(reg))


class CellsModel(RowsModel):
    """The cells enrolled, one row each (``CellView``)."""

    CONTEXT = "CellsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("CellsModel", "Code"),
        QT_TRANSLATE_NOOP("CellsModel", "Cell"),
        QT_TRANSLATE_NOOP("CellsModel", "Cell's fingerprint"),
        QT_TRANSLATE_NOOP("CellsModel", "Up to entry"),
        QT_TRANSLATE_NOOP("CellsModel", "Last bundle"),
        QT_TRANSLATE_NOOP("CellsModel", "Last received"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell: CellView = self.row_object(index.row())
        column = index.column()
        if role == ObjectRole:
            return cell
        if role == SortRole:
            return self._sort_value(cell, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(cell, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(cell, column)
        if role == Qt.ItemDataRole.FontRole and column == KEY and cell.pinned:
            return style.monospace()
        return None

    def _text(self, cell: CellView, column: int) -> str:
        if column == CODE:
            return cell.code
        if column == NAME:
            return cell.name or self.tr("(name not known yet)")
        if column == KEY:
            return cell.fingerprint if cell.pinned else self.tr("not pinned yet")
        if column == APPLIED:
            return str(cell.applied_seq) if cell.applied_seq else self.tr("nothing yet")
        if column == LAST_BUNDLE:
            return local_day_text(cell.last_bundle_at) or "—"
        return local_day_text(cell.last_import_at) or "—"

    def _tip(self, cell: CellView, column: int) -> str | None:
        if column == NAME:
            return cell.name or None
        if column == KEY and not cell.pinned:
            return self.tr(
                "Pinned when the cell's first bundle is received and its fingerprint confirmed"
            )
        if column == LAST_BUNDLE and cell.last_bundle_at:
            return fill(self.tr("Made by the cell on %1"), local_time_text(cell.last_bundle_at))
        if column == LAST_IMPORT and cell.last_import_at:
            return fill(self.tr("Received on %1"), local_time_text(cell.last_import_at))
        return None

    @staticmethod
    def _sort_value(cell: CellView, column: int) -> object:
        return (
            cell.code,
            cell.name,
            cell.fingerprint,
            cell.applied_seq,
            cell.last_bundle_at or "",
            cell.last_import_at or "",
        )[column]


def dialog_text(dialog: WriteDialog, text: str, *, after_form: bool = False) -> QLabel:
    """A paragraph across a write dialog, above its form or under it (in the dialog's own
    column, which gives a wrapped label the height of its lines)."""
    label = QLabel(text, dialog, wordWrap=True)
    column = dialog.layout()
    column.insertWidget(column.indexOf(dialog.banner if after_form else dialog.body), label)
    return label


# -- enrolling a cell ---------------------------------------------------------------------------


class FolderChooser:
    """Where to write a file (a classmethod, so tests replace it)."""

    @classmethod
    def folder(cls, parent: QWidget | None, start: Path) -> Path | None:
        title = QCoreApplication.translate("FolderChooser", "Choose a folder or a USB stick")
        name = QFileDialog.getExistingDirectory(parent, title, str(start))
        return Path(name) if name else None


class EnrolCellDialog(WriteDialog):
    """A cell's code (required) and name, and the folder (a USB stick) to write its enrolment
    file to; writing it records the cell as expected."""

    def __init__(
        self, runner: TaskRunner, folder: Path | None = None, parent: QWidget | None = None
    ):
        super().__init__(runner, self.tr("Enrol a cell with this upper level"), parent)
        self.setWindowTitle(self.tr("Enrol a cell"))
        self.code = QLineEdit(maxLength=upper_workspace.CODE_LIMIT)
        self.code.setPlaceholderText(self.tr("the code the cell uses, e.g. CB-KP5"))
        self.name = QLineEdit(maxLength=upper_workspace.NAME_LIMIT)
        self.name.setPlaceholderText(self.tr("e.g. Chi bộ Khu phố 5"))
        self.folder = QLineEdit(str(folder or Path.home()))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.browse.clicked.connect(self._browse)
        place = self.place = QWidget(self.body)
        row = QHBoxLayout(place)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        self.add_row(self._label(self.tr("Cell &code *"), self.code), self.code, message=True)
        self.add_row(self._label(self.tr("Cell &name"), self.name), self.name)
        self.add_row(self._label(self.tr("Write to &folder"), self.folder), place, message=True)
        note = self.tr(
            "The enrolment file (.sochibo-ghidanh) holds this upper level's public keys, "
            "nothing secret. Give it to the cell on a USB stick; when the secretary "
            "imports it, call them and read the upper level's fingerprint together."
        )
        style.set_role(dialog_text(self, note, after_form=True), "muted")
        self.save_button.setText(self.tr("&Write the enrolment file"))
        for field in (self.code, self.folder):
            field.textChanged.connect(self.revalidate)
        self.revalidate()

    @classmethod
    def ask(
        cls, runner: TaskRunner, folder: Path | None, parent: QWidget | None
    ) -> EnrolCellResult | None:
        """What was written, or None if cancelled."""
        dialog = cls(runner, folder, parent)
        return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _label(self, text: str, field: QWidget) -> QLabel:
        label = QLabel(text, self.body)
        label.setBuddy(field)
        return label

    def _browse(self) -> None:
        chosen = FolderChooser.folder(self, Path(self.folder.text() or Path.home()))
        if chosen is not None:
            self.folder.setText(str(chosen))

    def problems(self) -> dict[QWidget, str]:
        found: dict[QWidget, str] = {}
        if not self.code.text().strip():
            found[self.code] = self.tr("Required.")
        folder = self.folder.text().strip()
        if not folder:
            found[self.place] = self.tr("Required.")
        elif not Path(folder).expanduser().is_dir():
            found[self.place] = self.tr("There is no such folder (is the USB stick plugged in?).")
        return found

    def work(self) -> Work:
        """The file in the chosen folder, named for the cell (a folder gone by now is the
        service's refusal, never a file written in its place)."""
        code, name = self.code.text(), self.name.text()
        file_name = bundle.safe_code(clean_text(code)) + enrolment.SUFFIX
        out = Path(self.folder.text().strip()).expanduser() / file_name
        return lambda reg: upper_workspace.enrol_cell(reg, code, out, name=name)


class ResetKeyDialog(WriteDialog):
    """Forget a cell's key, with the officer's note of why (required): for a cell that lost
    its register and every backup and made a new one."""

    def __init__(self, runner: TaskRunner, cell: CellView, parent: QWidget | None = None):
        heading = fill(self.tr("%1 (code %2), fingerprint %3"), cell.name, cell.code,
                       cell.fingerprint)  # fmt: skip
        super().__init__(runner, heading, parent)
        self.setWindowTitle(self.tr("Forget the cell's old key"))
        self.setMinimumWidth(720)  # the explanation in fewer, longer lines
        self.cell = cell
        explain = self.tr(
            "Only for a cell that lost its register and every backup and made a new one "
            "(its bundles, signed with a new key, are refused). Call the secretary first. "
            "What this workspace holds of the cell is set aside, not deleted; its next "
            "bundle is a first bundle again, with its new fingerprint to confirm."
        )
        dialog_text(self, explain)
        self.note = QPlainTextEdit(self.body)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("Whom you called and how the cell lost its register"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        label = QLabel(self.tr("&Why *"), self.body)
        label.setBuddy(self.note)
        self.add_row(label, self.note, message=True)
        self.save_button.setText(self.tr("&Forget the old key"))
        self.note.textChanged.connect(self.revalidate)
        self.revalidate()

    @classmethod
    def ask(cls, runner: TaskRunner, cell: CellView, parent: QWidget | None) -> ResetResult | None:
        dialog = cls(runner, cell, parent)
        return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None

    def problems(self) -> dict[QWidget, str]:
        return {} if self.note.toPlainText().strip() else {self.note: self.tr("Required.")}

    def work(self) -> Work:
        code, note = self.cell.code, self.note.toPlainText()
        return lambda reg: upper_rekey.reset_cell(reg, code, note)


# -- the page ----------------------------------------------------------------------------------


class CellsPage(QWidget):
    """The workspace and its cells."""

    data_changed = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._loaded = False
        self._folder: Path | None = None  # where the last enrolment file went
        self._select_next: str | None = None  # a cell to select once the list is loaded
        self.state: CellsState | None = None
        self.model = CellsModel(self)
        self._build()
        self._update_buttons()
        runner.register_changed.connect(self._register_changed)

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        self.title = style.heading(self.tr("Cells"), 1.5)
        layout.addWidget(self.title)
        layout.addLayout(self._fingerprint_row())
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.count = style.muted("")
        layout.addWidget(self.count)
        layout.addWidget(self._build_table(), 1)
        layout.addLayout(self._build_buttons())
        layout.addWidget(self._build_steps())

    def _fingerprint_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        caption = QLabel(self.tr("Fingerprint of this upper level:"))
        caption.setFont(style.scaled_font(1.1))
        self.fingerprint = QLabel()
        self.fingerprint.setFont(style.monospace(1.5))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(caption)
        row.addWidget(self.fingerprint)
        row.addStretch(1)
        return row

    def _build_table(self) -> QTableView:
        table = self.table = QTableView(self)
        table.setTabKeyNavigation(False)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        return table

    def _build_buttons(self) -> QHBoxLayout:
        self.enrol_button = QPushButton(self.tr("&Enrol a cell…"))
        self.enrol_button.setToolTip(
            self.tr("Write the enrolment file a cell imports to send its bundles here")
        )
        self.enrol_button.clicked.connect(self.enrol_cell)
        self.reset_button = QPushButton(self.tr("&Forget the old key…"))
        self.reset_button.setToolTip(
            self.tr("Only for a cell that lost its register and every backup")
        )
        self.reset_button.clicked.connect(self.reset_key)
        row = QHBoxLayout()
        row.addWidget(self.enrol_button)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        return row

    def _build_steps(self) -> QGroupBox:
        box = QGroupBox(self.tr("How a cell starts reporting here"))
        steps = (
            self.tr(
                "1. Enrol the cell: type its code and choose a USB stick; the enrolment file "
                "is written there."
            ),
            self.tr(
                "2. The cell's secretary imports the file in the cell's register. Call them "
                "and read the fingerprint above together: if it matches, nobody swapped the "
                "file."
            ),
            self.tr(
                "3. The cell sends its bundle on a USB stick (a .sochibo-goi file and its "
                ".minisig beside it). Receive it in “Receive bundles”; the first "
                "time, call the secretary again and compare the cell's fingerprint before "
                "accepting it."
            ),
            self.tr(
                "4. The cell then shows on the Board; quotas, decisions and the receipt back "
                "to the cell are in “Decisions and receipts”."
            ),
        )
        column = QVBoxLayout(box)
        column.setSpacing(4)
        for text in steps:
            column.addWidget(QLabel(text, wordWrap=True))
        return box

    # -- loading -------------------------------------------------------------------------

    def _register_changed(self) -> None:
        self._loaded = False
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        if not self._runner.has_register:
            return
        self._loaded = True
        self._runner.submit(load_cells, self._show, self._failed)

    def _show(self, state: CellsState) -> None:
        chosen = self._select_next or (cell.code if (cell := self.selected()) else None)
        self._select_next = None
        self.state = state
        self.title.setText(state.workspace.name)
        self.fingerprint.setText(state.workspace.fingerprint)
        self.model.set_rows(state.cells)
        pinned = sum(1 for c in state.cells if c.pinned)
        self.count.setText(
            fill(
                self.tr("%1 cells enrolled, %2 of them have sent a bundle."),
                len(state.cells),
                pinned,
            )
            if state.cells
            else self.tr("No cell is enrolled yet: start with “Enrol a cell…”.")
        )
        if chosen is not None:
            self.select_cell(chosen)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)

    # -- selection and actions -----------------------------------------------------------

    def selected(self) -> CellView | None:
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    def select_cell(self, code: str) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.row_object(row).code == code:
                self.table.selectRow(row)
                self.table.setCurrentIndex(self.model.index(row, 0, QModelIndex()))
                return True
        return False

    def _update_buttons(self) -> None:
        cell = self.selected()
        self.reset_button.setEnabled(cell is not None and cell.pinned)

    def enrol_cell(self) -> None:
        done = EnrolCellDialog.ask(self._runner, self._folder, self)
        if done is not None:
            self._enrolled(done)

    def _enrolled(self, done: EnrolCellResult) -> None:
        self._folder = done.path.parent
        what = (
            self.tr("Enrolled the cell %1: %2")
            if done.new
            else self.tr("Wrote the enrolment file of the cell %1 again: %2")
        )
        self.banner.show_message(
            fill(what, done.cell.code, done.path)
            + "\n"
            + fill(
                self.tr(
                    "Give the file to the cell on the USB stick. When the secretary has "
                    "imported it, call them and read this upper level's fingerprint "
                    "together: %1."
                ),
                done.upper_fingerprint,
            ),
            "ok",
        )
        self._select_next = done.cell.code
        self.data_changed.emit()
        self.refresh()

    def reset_key(self) -> None:
        cell = self.selected()
        if cell is None or not cell.pinned:
            return
        done = ResetKeyDialog.ask(self._runner, cell, self)
        if done is not None:
            self.banner.show_message(done.message, "ok")
            self.data_changed.emit()
            self.refresh()
