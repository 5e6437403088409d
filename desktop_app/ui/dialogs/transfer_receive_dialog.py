"""Receive a member transferred from another cell: choose the slip, type the code read over
the phone, see who it is and which cell sent it (its fingerprint, to read back over the same
call), confirm, and the person is in the register under the same record id."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.domain.dates import vn_from_iso
from desktop_app.domain.errors import DomainError
from desktop_app.services import transfers
from desktop_app.services.transfers import SlipPreview, SlipReceived
from desktop_app.ui import style
from desktop_app.ui.dialogs.transfer_files import TransferFiles
from desktop_app.ui.dialogs.transfer_labels import FitLabel, fit_height_later, text_width
from desktop_app.ui.dialogs.write_dialog import WriteDialog, date_error, date_or_none
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.text import fill

log = logging.getLogger(__name__)
_NONE = "—"


class TransferReceiveDialog(WriteDialog):
    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None = None,
        today: dt.date | None = None,
        path: Path | None = None,
        code: str = "",
    ):
        heading = QCoreApplication.translate(
            "TransferReceiveDialog", "A member transferred from another cell"
        )
        super().__init__(runner, heading, parent)
        self.body.setMinimumWidth(text_width(self))  # wrapped texts read as lines
        self.setWindowTitle(self.tr("Receive a transferred member"))
        self._today = today
        self.preview: SlipPreview | None = None
        self._build_inputs(today or dt.date.today(), path, code)
        self.preview_box = self._build_preview()
        self.add_row(None, self.preview_box)
        self.another = QCheckBox(self.tr("It is another person: receive anyway"), self.body)
        self.add_row(None, self.another)
        self.another.toggled.connect(self.revalidate)
        self.save_button.setText(self.tr("&Receive into the register"))
        self._show_preview(None)

    @classmethod
    def ask(cls, runner: TaskRunner, parent: QWidget | None = None) -> SlipReceived | None:
        """The person received, or None if cancelled."""
        dialog = cls(runner, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.saved if accepted else None

    # -- what is typed -----------------------------------------------------------------------

    def _build_inputs(self, today: dt.date, path: Path | None, code: str) -> None:
        holder = QWidget(self.body)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.path = QLineEdit(str(path) if path else "", holder)
        self.path.setPlaceholderText(self.tr("The .sochibo-phieuchuyen file"))
        self.choose_button = QPushButton(self.tr("C&hoose the file…"), holder)
        self.choose_button.clicked.connect(self.choose_file)
        row.addWidget(self.path, 1)
        row.addWidget(self.choose_button)
        self.add_row(self.tr("Transfer slip *"), holder, message=True)
        self.messages[self.path] = self.messages.pop(holder)
        self.code = QLineEdit(code, self.body)
        self.code.setFont(style.monospace(1.3))
        self.code.setPlaceholderText("XXXX-XXXX-XXXX")
        self.add_row(self.tr("Code read over the phone *"), self.code, message=True)
        self.date = DateEdit(parent=self.body)
        self.date.set_date(today)
        self.add_row(self.tr("Received on *"), self.date, message=True)
        self.open_button = QPushButton(self.tr("&Open the slip"), self.body)
        self.open_button.clicked.connect(self.open_slip)
        self.add_row(None, self.open_button)
        for field in (self.path, self.code, self.date):
            field.textChanged.connect(self._typed)

    def choose_file(self) -> None:
        chosen = TransferFiles.slip_file(self, self.path.text())
        if chosen is not None:
            self.path.setText(str(chosen))

    def _typed(self) -> None:
        """Anything typed again: the slip must be opened again."""
        if self.preview is not None:
            self._show_preview(None)
        self.revalidate()

    def _input_problems(self) -> dict[QWidget, str]:
        found: dict[QWidget, str] = {}
        if not self.path.text().strip():
            found[self.path] = self.tr("Choose the slip the sending cell gave")
        if not self.code.text().strip():
            found[self.code] = self.tr("Type the code the sending secretary read to you")
        if error := date_error(self.date):
            found[self.date] = error
        return found

    def problems(self) -> dict[QWidget, str]:
        found = self._input_problems()
        if self.preview is None:
            found[self.open_button] = ""  # open the slip first (no message under a field)
        elif self.preview.duplicates and not self._may_receive_anyway():
            found[self.another] = ""
        return found

    def _may_receive_anyway(self) -> bool:
        """Possible duplicates confirmed as someone else; never the same ID number."""
        assert self.preview is not None
        blocking = any(d["blocking"] for d in self.preview.duplicates)
        return not blocking and self.another.isChecked()

    def revalidate(self, *_args: object) -> None:
        super().revalidate()
        self.open_button.setEnabled(not self._busy and not self._input_problems())

    # -- opening -----------------------------------------------------------------------------

    def open_slip(self) -> None:
        if self._busy or self._input_problems():
            return
        path, code, on, today = self._values()
        self._set_busy(True)
        self._runner.submit(
            lambda reg: transfers.read_slip(reg, path, code, on=on, today=today),
            self._opened,
            self._open_failed,
            parent=self,
        )

    def _values(self) -> tuple[Path, str, dt.date | None, dt.date | None]:
        return (
            Path(self.path.text().strip()),
            self.code.text(),
            date_or_none(self.date),
            self._today,
        )

    def _opened(self, preview: SlipPreview) -> None:
        self._set_busy(False)
        self._show_preview(preview)
        self.save_button.setFocus()

    def _open_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_preview(None)
        if isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            log.error("opening a transfer slip failed", exc_info=exc)
            self.banner.show_message(fill(self.tr("Could not open the slip: %1"), exc))

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.open_button.setEnabled(not busy and not self._input_problems())

    # -- the preview -------------------------------------------------------------------------

    def _build_preview(self) -> QGroupBox:
        box = QGroupBox(self.tr("What the slip holds"), self.body)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.shown: dict[str, QLabel] = {}
        rows = (
            ("person", self.tr("Person")),
            ("party", self.tr("Party membership")),
            ("cell", self.tr("From the cell")),
            ("move", self.tr("Transferred out")),
            ("history", self.tr("History carried")),
            ("fingerprint", self.tr("Sending cell's fingerprint")),
        )
        for key, label in rows:
            value = QLabel(box) if key == "fingerprint" else FitLabel(box)  # never wrapped
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.shown[key] = value
        self.shown["fingerprint"].setFont(style.monospace(1.6))
        self.check_note = FitLabel(box)
        self.check_note.setText(
            self.tr(
                "Before receiving, read this fingerprint to the sending cell's secretary over "
                "the phone: receive only if it is the one their program shows."
            )
        )
        form.addRow(self.check_note)
        self.notes = FitLabel(box)
        self.notes.setStyleSheet("color: #8a5a00;")
        form.addRow(self.notes)
        return box

    def _show_preview(self, preview: SlipPreview | None) -> None:
        self.preview = preview
        self.preview_box.setVisible(preview is not None)
        blocking = bool(preview and any(d["blocking"] for d in preview.duplicates))
        self.another.setVisible(bool(preview and preview.duplicates) and not blocking)
        self.another.setChecked(False)
        if preview is not None:
            self._fill(preview)
        self.revalidate()
        fit_height_later(self)

    def _fill(self, p: SlipPreview) -> None:
        born = vn_from_iso(p.birth_date) or _NONE
        self.shown["person"].setText(fill(self.tr("%1 (%2, born %3)"), p.full_name, p.sex, born))
        self.shown["party"].setText(
            fill(
                self.tr("%1; admitted %2, ceremony %3, official %4"),
                p.membership_label,
                vn_from_iso(p.admission_decision_date) or _NONE,
                vn_from_iso(p.ceremony_date) or _NONE,
                vn_from_iso(p.official_date) or _NONE,
            )
        )
        self.shown["cell"].setText(
            fill(self.tr("%1 (code %2)"), p.from_cell_name, p.from_cell_code)
        )
        move = fill(self.tr("On %1, to %2"), vn_from_iso(p.transfer_date), p.destination)
        if p.reference:
            move += " " + fill(self.tr("(decision %1)"), p.reference)
        self.shown["move"].setText(move)
        self.shown["history"].setText(
            fill(
                self.tr("%1 events; %2 probation dossier steps are added to this register"),
                len(p.history),
                p.steps,
            )
        )
        self.shown["fingerprint"].setText(p.fingerprint)
        self.notes.setText("\n".join(self._notes(p)))
        self.notes.setVisible(bool(self._notes(p)))

    def _notes(self, p: SlipPreview) -> list[str]:
        lines = []
        if p.kind == "return":
            lines.append(
                self.tr(
                    "This person was in this cell before and left by transfer: the slip "
                    "is received onto their old record."
                )
            )
        for d in p.duplicates:
            text = fill(self.tr("Maybe already here: %1 (%2)."), d["full_name"], d["why"])
            if d["blocking"]:
                text += " " + self.tr("One ID number belongs to one person: cannot receive.")
            lines.append(text)
        return lines + list(p.warnings)

    # -- receiving ---------------------------------------------------------------------------

    def work(self) -> Work:
        path, code, on, today = self._values()
        assert self.preview is not None
        slip_id, allow = self.preview.slip_id, self.another.isChecked()
        return lambda reg: transfers.receive_slip(
            reg, path, code, on=on, slip_id=slip_id, allow_duplicate=allow, today=today
        )
