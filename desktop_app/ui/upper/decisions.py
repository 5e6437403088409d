"""Quotas and decisions, per cell: the admission quota the upper level sets for a year, its
decisions about the cell's people (admission, recognition, transfer: the person chosen from
the cell's people as its bundles showed them, the number, the date), and "Write receipt…",
which carries them down to the cell, signed and encrypted to the cell.

The register judges every input (its Vietnamese refusal names the cell, the decision and the
field, and nothing is written); the page itself only asks for a person chosen and a date
that is a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import DateFormatError, vn_from_iso
from desktop_app.domain.names import collation_key, fold
from desktop_app.domain.reports import FIRST_YEAR, QUOTA_LIMIT
from desktop_app.services import upper_receipts
from desktop_app.services import upper_workspace as ws
from desktop_app.services.upper_receipts import ReceiptExport, ReceiptPreview
from desktop_app.services.upper_workspace import (
    CellPersonView,
    CellView,
    DecisionView,
    QuotaView,
)
from desktop_app.store.database import Register
from desktop_app.ui import style
from desktop_app.ui.models import upper_decisions_model as columns
from desktop_app.ui.models.upper_decisions_model import UpperDecisionsModel, kind_name
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.upper.upper_page import UpperPage, read_only_table
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.person_picker import PersonPicker
from desktop_app.ui.widgets.text import fill
from desktop_app.ui.widgets.vertical_scroll import VerticalScroll

LAST_YEAR = 2100
KINDS = ("admission", "recognition", "transfer")


@dataclass(frozen=True)
class CellDecisions:
    """What the database thread hands back: the cells, and the chosen one's people,
    quotas, decisions and next receipt."""

    cells: list[CellView]
    code: str | None
    people: list[CellPersonView] = field(default_factory=list)
    quotas: list[QuotaView] = field(default_factory=list)
    decisions: list[DecisionView] = field(default_factory=list)
    receipt: ReceiptPreview | None = None


def cell_order(cell: CellView) -> tuple:
    return (collation_key(cell.name or cell.code), fold(cell.code))


def load_cell(reg: Register, code: str | None) -> CellDecisions:
    """Database thread: the cells in Vietnamese order, and the one chosen (else the first)."""
    cells = sorted(ws.list_cells(reg), key=cell_order)
    codes = [c.code for c in cells]
    chosen = code if code in codes else (codes[0] if codes else None)
    if chosen is None:
        return CellDecisions(cells, None)
    return CellDecisions(
        cells,
        chosen,
        ws.cell_people(reg, chosen),
        ws.list_quotas(reg, chosen),
        ws.list_decisions(reg, chosen),
        upper_receipts.receipt_preview(reg, chosen),
    )


def cell_text(cell: CellView) -> str:
    return f"{cell.name} ({cell.code})" if cell.name else cell.code


class ReceiptFolderChooser:
    """Where to write a receipt (a classmethod, so tests can replace it)."""

    @classmethod
    def folder(cls, parent: QWidget | None) -> Path | None:
        title = QApplication.translate("DecisionsPage", "Write the receipt to a folder")
        chosen = QFileDialog.getExistingDirectory(parent, title)
        return Path(chosen) if chosen else None


class DecisionsPage(UpperPage):
    """The chosen cell's quota, decisions and receipt."""

    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None, *, today: dt.date | None = None
    ):
        super().__init__(runner, parent, today=today)
        self.data: CellDecisions | None = None
        self._code: str | None = None
        self._decision_id: str | None = None  # the decision the form shows
        self.model = UpperDecisionsModel(self)
        self._build()
        self.update_actions()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(self._build_top())
        layout.addWidget(self.banner)
        boxes = QHBoxLayout()
        boxes.addWidget(self._build_quota(), 2)
        boxes.addWidget(self._build_receipt(), 3)
        layout.addLayout(boxes)
        layout.addWidget(self._build_decisions(), 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(VerticalScroll(body, self))  # large text on a low screen: scrolls

    def _build_top(self) -> QHBoxLayout:
        title = style.heading(self.tr("Decisions and receipts"), 1.5)
        title.setWordWrap(False)
        self.cell_combo = QComboBox(self)
        self.cell_combo.setMinimumContentsLength(28)
        self.cell_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.cell_combo.activated.connect(self._cell_chosen)
        cell_label = QLabel(self.tr("&Cell:"), self)
        cell_label.setBuddy(self.cell_combo)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(cell_label)
        top.addWidget(self.cell_combo)
        top.addStretch(1)
        return top

    def _build_decisions(self) -> QGroupBox:
        box = QGroupBox(self.tr("Decisions of the upper level"), self)
        column = QVBoxLayout(box)
        self.table = read_only_table(box, self.model)
        self.table.setMinimumHeight(self.table.fontMetrics().lineSpacing() * 8)
        self.table.horizontalHeader().setSectionResizeMode(
            columns.NOTE, QHeaderView.ResizeMode.Stretch
        )
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        column.addWidget(self.table, 1)
        column.addLayout(self._build_form(box))
        return box

    def _build_form(self, box: QGroupBox) -> QGridLayout:
        self.kind_combo = QComboBox(box)
        for kind in KINDS:
            self.kind_combo.addItem(kind_name(kind), kind)
        self.person = PersonPicker(box)
        self.person.setPlaceholderText(self.tr("Type or choose a person of the cell…"))
        self.number = QLineEdit(box)
        self.number.setPlaceholderText(self.tr("e.g. 125-QĐ/ĐU"))
        self.date = DateEdit(parent=box)
        self.note = QLineEdit(box)
        self.clear_button = QPushButton(self.tr("&New decision"), box)
        self.clear_button.setToolTip(self.tr("Empty the form to record another decision"))
        self.clear_button.clicked.connect(self.new_decision)
        self.record_button = QPushButton(self.tr("&Record the decision"), box)
        self.record_button.setToolTip(
            self.tr("Record it, or correct the one of the same kind about the same person")
        )
        self.record_button.clicked.connect(self.record_decision)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        rows = (
            (0, 0, self.tr("&Kind:"), self.kind_combo),
            (0, 2, self.tr("&Person:"), self.person),
            (1, 0, self.tr("N&umber:"), self.number),
            (1, 2, self.tr("&Date:"), self.date),
        )
        for row, col, text, widget in rows:
            label = QLabel(text, box)
            label.setBuddy(widget)
            grid.addWidget(label, row, col)
            grid.addWidget(widget, row, col + 1)
        note_label = QLabel(self.tr("N&ote:"), box)
        note_label.setBuddy(self.note)
        grid.addWidget(note_label, 2, 0)
        grid.addWidget(self.note, 2, 1, 1, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.record_button)
        grid.addLayout(buttons, 3, 0, 1, 4)
        return grid

    def _build_quota(self) -> QGroupBox:
        box = QGroupBox(self.tr("Admission quota"), self)
        column = QVBoxLayout(box)
        self.quotas_label = style.muted("")
        self.year = QSpinBox(box)
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(self.today().year)
        self.year.setKeyboardTracking(False)
        self.year.valueChanged.connect(self._show_year_quota)
        self.count = QSpinBox(box)
        self.count.setRange(0, QUOTA_LIMIT)
        self.quota_button = QPushButton(self.tr("Set the &quota"), box)
        self.quota_button.setToolTip(
            self.tr("The number of admissions planned for the cell in that year")
        )
        self.quota_button.clicked.connect(self.set_quota)
        row = QHBoxLayout()
        for text, widget in ((self.tr("&Year:"), self.year), (self.tr("Ad&missions:"), self.count)):
            label = QLabel(text, box)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addStretch(1)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.quota_button)
        column.addWidget(self.quotas_label)
        column.addLayout(row)
        column.addStretch(1)
        column.addLayout(button_row)
        return box

    def _build_receipt(self) -> QGroupBox:
        box = QGroupBox(self.tr("Receipt for the cell"), self)
        column = QVBoxLayout(box)
        self.receipt_label = QLabel(box)
        self.receipt_label.setWordWrap(True)
        self.receipt_label.setTextFormat(Qt.TextFormat.PlainText)
        about = style.muted(
            self.tr(
                "Signed by the upper level and encrypted to this cell: only the cell's register "
                "can open it, so a lost stick shows nothing."
            )
        )
        self.receipt_button = QPushButton(self.tr("&Write receipt…"), box)
        self.receipt_button.setToolTip(self.tr("Choose a folder or a USB stick"))
        self.receipt_button.clicked.connect(self.write_receipt)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.receipt_button)
        column.addWidget(self.receipt_label)
        column.addWidget(about)
        column.addLayout(row)
        return box

    # -- reading ---------------------------------------------------------------------------

    def load_work(self) -> Work:
        code = self._code
        return lambda reg: load_cell(reg, code)

    def show_loaded(self, result: CellDecisions) -> None:
        changed = self.data is None or self.data.code != result.code
        self.data = result
        self._code = result.code
        self.cell_combo.clear()
        for cell in result.cells:
            self.cell_combo.addItem(cell_text(cell), cell.code)
        self.cell_combo.setCurrentIndex(self.cell_combo.findData(result.code))
        pending = [d.id for d in result.receipt.decisions] if result.receipt else []
        self.model.set_decisions(result.decisions, pending)
        self._fill_people(result.people, keep=not changed)
        self._show_quotas(result.quotas)
        self._show_receipt(result.receipt)
        if changed:
            self.new_decision()
        row = self.model.row_of(self._decision_id)
        if row is not None:
            self.table.selectRow(row)

    def _fill_people(self, people: list[CellPersonView], *, keep: bool) -> None:
        """The cell's people in the picker, keeping the one chosen or the text typed."""
        chosen, typed = self.person.person_id(), self.person.currentText()
        self.person.set_people(people, chosen if keep else None)
        if keep and chosen is None and typed:
            self.person.setEditText(typed)

    def clear(self) -> None:
        self.data = None
        self._code = self._decision_id = None
        self.cell_combo.clear()
        self.model.set_decisions([], [])
        self.person.set_people([])
        self.quotas_label.clear()
        self.receipt_label.clear()

    def _cell_chosen(self, index: int) -> None:
        code = self.cell_combo.itemData(index)
        if code != self._code:
            self._code = code
            self.banner.clear_message()
            self.refresh()

    def select_cell(self, code: str) -> None:
        """Show this cell (from the board)."""
        if code != self._code:
            self._code = code
            self.banner.clear_message()
            self.refresh()

    def current_cell(self) -> CellView | None:
        if self.data is None:
            return None
        return next((c for c in self.data.cells if c.code == self.data.code), None)

    def shown_code(self) -> str | None:
        """The cell whose people and decisions the page shows (writes are about it)."""
        return self.data.code if self.data else None

    def _show_quotas(self, quotas: list[QuotaView]) -> None:
        if quotas:
            listed = "; ".join(f"{q.year}: {q.count}" for q in quotas)
            self.quotas_label.setText(fill(self.tr("Set so far: %1"), listed))
        else:
            self.quotas_label.setText(self.tr("No quota set for this cell yet."))
        self._show_year_quota()

    def _show_year_quota(self) -> None:
        quotas = self.data.quotas if self.data else []
        found = next((q for q in quotas if q.year == self.year.value()), None)
        self.count.setValue(found.count if found else 0)

    def _show_receipt(self, preview: ReceiptPreview | None) -> None:
        if preview is None:
            self.receipt_label.clear()
        elif preview.not_ready:
            self.receipt_label.setText(preview.not_ready)
        else:
            quotas = ", ".join(f"{q['year']}: {q['count']}" for q in preview.quotas)
            self.receipt_label.setText(
                fill(
                    self.tr(
                        "The next receipt tells the cell: received up to entry %1; %2 decisions "
                        "the cell has not yet confirmed; admission quotas: %3."
                    ),
                    preview.applied_seq,
                    len(preview.decisions),
                    quotas or self.tr("none set"),
                )
            )

    # -- the decision form -----------------------------------------------------------------

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        d = self.model.row_object(current.row())
        self._decision_id = d.id
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(d.kind))
        self.person.set_person_id(d.person_id)
        if self.person.person_id() != d.person_id:  # no longer in the cell's bundles
            self.person.setEditText(d.person_name)
        self.number.setText(d.number)
        self.date.set_iso(d.date)
        self.note.setText(d.note)

    def new_decision(self) -> None:
        self._decision_id = None
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self.person.set_person_id(None)
        self.number.clear()
        self.date.set_date(self.today())
        self.note.clear()

    def _form_problem(self, label: str) -> str:
        """What the register cannot judge: no person chosen, a date that is no date."""
        cell = self.current_cell()
        if self.person.typed_unknown() and cell is not None:
            return fill(
                self.tr("%1: %2 has no one named «%3» in the bundles received; choose a name"),
                label,
                cell_text(cell),
                self.person.currentText().strip(),
            )
        if self.person.person_id() is None:
            return fill(self.tr("%1: choose the person from the cell's list"), label)
        try:
            if self.date.date() is None:
                return fill(self.tr("%1, decision date: type it, e.g. 05/03/2026"), label)
        except DateFormatError as exc:
            return fill(self.tr("%1, decision date «%2»: %3"), label, self.date.text(), exc)
        return ""

    def record_decision(self) -> None:
        code, kind = self.shown_code(), self.kind_combo.currentData()
        if code is None or self._busy:
            return
        label = kind_name(kind)
        if problem := self._form_problem(label):
            self.say(problem)
            return
        person, on = self.person.person_id(), self.date.date()
        assert person is not None and on is not None
        number, note, today = self.number.text(), self.note.text(), self.today()
        self.write(
            lambda reg: ws.decide(
                reg, code, person, kind, number=number, on=on, note=note, today=today
            ),
            self._decided,
        )

    def _decided(self, done: DecisionView) -> None:
        self._decision_id = done.id
        said = {
            "new": self.tr("Recorded"),
            "updated": self.tr("Corrected"),
            "unchanged": self.tr("Nothing changed"),
        }[done.change]
        self.say(
            fill(
                self.tr("%1: %2 no. %3 of %4 — %5. The next receipt carries it to the cell."),
                said,
                kind_name(done.kind),
                done.number,
                vn_from_iso(done.date),
                done.person_name,
            ),
            "ok",
        )

    # -- quota and receipt -----------------------------------------------------------------

    def set_quota(self) -> None:
        code, year, count = self.shown_code(), self.year.value(), self.count.value()
        today = self.today()
        if code is None or self._busy:
            return
        self.write(lambda reg: ws.set_quota(reg, code, year, count, today=today), self._quota_set)

    def _quota_set(self, done: QuotaView) -> None:
        said = {
            "new": self.tr("Quota set"),
            "updated": self.tr("Quota changed"),
            "unchanged": self.tr("Quota unchanged"),
        }[done.change]
        text = self.tr("%1 for %2 in %3: %4 admissions.")
        self.say(fill(text, said, done.cell_code, done.year, done.count), "ok")

    def write_receipt(self) -> None:
        code = self.shown_code()
        if code is None or self._busy:
            return
        folder = ReceiptFolderChooser.folder(self)
        if folder is None:
            return
        self.run(
            lambda reg: upper_receipts.export_receipt(reg, code, folder),
            self._receipt_written,
            self.tr("Writing the receipt…"),
        )

    def _receipt_written(self, done: ReceiptExport) -> None:
        quotas = ", ".join(f"{q['year']}: {q['count']}" for q in done.quotas)
        self.say(
            fill(
                self.tr(
                    "Receipt for %1 written and read back: %2 (with its signature %3). It "
                    "carries: received up to entry %4; %5 decisions; admission quotas: %6. "
                    "Encrypted to the cell: only its register can open it. If it is on a USB "
                    "stick, the stick can be removed now."
                ),
                done.cell_name or done.cell_code,
                done.path,
                done.signature_path.name,
                done.applied_seq,
                len(done.decisions),
                quotas or self.tr("none set"),
            ),
            "ok",
        )

    def update_actions(self) -> None:
        chosen = self._runner.has_register and self.shown_code() is not None and not self._busy
        receipt = self.data.receipt if self.data else None
        for widget in (self.record_button, self.clear_button, self.quota_button):
            widget.setEnabled(chosen)
        self.receipt_button.setEnabled(chosen and receipt is not None and not receipt.not_ready)
