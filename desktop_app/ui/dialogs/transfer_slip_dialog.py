"""Write the transfer slip of a member who moves to another cell, then show the one-time code
to read over the phone, large, with what to do next."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import vn_from_iso
from desktop_app.domain.names import clean_text
from desktop_app.services import transfers
from desktop_app.services.transfers import SlipWritten
from desktop_app.services.views import EventView, PersonView
from desktop_app.ui import style
from desktop_app.ui.dialogs.transfer_files import TransferFiles
from desktop_app.ui.dialogs.transfer_labels import FitLabel, fit_height_later, text_width
from desktop_app.ui.dialogs.write_dialog import WriteDialog, date_error, date_or_none
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.text import fill

MOVING = ("probationary", "official")


def can_write_slip(person: PersonView) -> bool:
    """A member still in the cell (the transfer is recorded with the slip) or one gone by
    transfer."""
    return person.status in (*MOVING, "transferred_out")


def recorded_transfer(events: list[EventView]) -> EventView | None:
    found = [e for e in events if e.kind == "transfer_out"]
    return max(found, key=lambda e: (e.date, e.created_at)) if found else None


class TransferSlipDialog(WriteDialog):
    """For a member transferred out: the folder. For one still here: also the day, the
    destination and the decision number, recorded with the slip."""

    def __init__(
        self,
        runner: TaskRunner,
        person: PersonView,
        events: list[EventView],
        parent: QWidget | None = None,
        today: dt.date | None = None,
        folder: Path | None = None,
    ):
        super().__init__(runner, person, parent)
        self.body.setMinimumWidth(text_width(self))  # wrapped texts read as lines
        self._today = today
        self._recorded = recorded_transfer(events) if person.status == "transferred_out" else None
        self.setWindowTitle(fill(self.tr("Transfer slip: %1"), person.full_name))
        self.date: DateEdit | None = None
        self.reference: QLineEdit | None = None
        self.destination: QLineEdit | None = None
        self._build_transfer(today or dt.date.today())
        self._build_folder(folder)
        explain = FitLabel(self.body)
        explain.setText(
            self.tr(
                "The slip carries this person's record and history, encrypted with a one-time "
                "code the program shows once the slip is written. The receiving cell needs the "
                "file and the code; the person keeps the same record there."
            )
        )
        self.add_row(None, explain)
        self.save_button.setText(self.tr("&Write the slip"))
        self.result_box = self._build_result()
        self.layout().insertWidget(self.layout().indexOf(self.banner), self.result_box)
        self.result_box.hide()
        self.revalidate()

    @classmethod
    def ask(
        cls,
        runner: TaskRunner,
        person: PersonView,
        events: list[EventView],
        parent: QWidget | None = None,
    ) -> SlipWritten | None:
        """The slip written (the dialog showed its code, however it was closed then), or None
        if nothing was written."""
        dialog = cls(runner, person, events, parent)
        dialog.exec()
        return dialog.saved

    # -- the form ----------------------------------------------------------------------------

    def _build_transfer(self, today: dt.date) -> None:
        if self._recorded is not None:
            place = self._recorded.place or self.tr("(destination not recorded)")
            text = fill(self.tr("On %1, to %2"), vn_from_iso(self._recorded.date), place)
            self.recorded_label = FitLabel(self.body)
            self.recorded_label.setText(text)
            self.add_row(self.tr("Transferred out"), self.recorded_label)
            if not self._recorded.place:
                self.destination = QLineEdit(self.body)
                self.add_row(self.tr("Destination cell *"), self.destination, message=True)
            return
        self.date = DateEdit(parent=self.body)
        self.date.set_date(today)
        self.destination = QLineEdit(self.body)
        self.destination.setPlaceholderText(self.tr("e.g. Chi bộ Khu phố 5, phường Quy Nhơn"))
        self.reference = QLineEdit(self.body)
        self.reference.setPlaceholderText(self.tr("e.g. 80-QĐ/ĐU"))
        self.add_row(self.tr("Date of transfer *"), self.date, message=True)
        self.add_row(self.tr("Destination cell *"), self.destination, message=True)
        self.add_row(self.tr("Decision no."), self.reference)
        note = FitLabel(self.body)
        note.setText(
            self.tr(
                "The transfer out is recorded in the register together with the slip; if the "
                "slip cannot be written, nothing is recorded."
            )
        )
        self.add_row(None, note)
        self.date.textChanged.connect(self.revalidate)

    def _build_folder(self, folder: Path | None) -> None:
        holder = QWidget(self.body)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.folder = QLineEdit(str(folder) if folder else "", holder)
        self.folder.setPlaceholderText(self.tr("A USB stick or a folder"))
        self.choose_button = QPushButton(self.tr("C&hoose a folder…"), holder)
        self.choose_button.clicked.connect(self.choose_folder)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose_button)
        self.add_row(self.tr("Write to *"), holder, message=True)
        self.messages[self.folder] = self.messages.pop(holder)
        for field in (self.folder, self.destination):
            if field is not None:
                field.textChanged.connect(self.revalidate)

    def choose_folder(self) -> None:
        chosen = TransferFiles.folder(self, self.folder.text())
        if chosen is not None:
            self.folder.setText(str(chosen))

    def problems(self) -> dict[QWidget, str]:
        found: dict[QWidget, str] = {}
        if self.date is not None and (error := date_error(self.date)):
            found[self.date] = error
        if self.destination is not None and not clean_text(self.destination.text()):
            found[self.destination] = self.tr("Type the cell the person moves to")
        folder = self.folder.text().strip()
        if not folder:
            found[self.folder] = self.tr("Choose where to write the slip")
        elif not Path(folder).is_dir():
            found[self.folder] = self.tr("This folder does not exist (is the USB stick in?)")
        return found

    def work(self) -> Work:
        person_id, folder = self._person.id, Path(self.folder.text().strip())  # type: ignore[union-attr]
        on = date_or_none(self.date) if self.date is not None else None
        place = self.destination.text() if self.destination is not None else ""
        reference = self.reference.text() if self.reference is not None else ""
        today = self._today
        return lambda reg: transfers.write_slip(
            reg, person_id, folder, on=on, place=place, reference=reference, today=today
        )

    # -- the result --------------------------------------------------------------------------

    def _build_result(self) -> QWidget:
        box = QWidget(self)
        box.setMinimumWidth(text_width(self))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        self.written = FitLabel(box)
        layout.addWidget(self.written)
        form = QFormLayout()
        self.code = QLabel(box)
        self.code.setFont(style.monospace(2.6))
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setStyleSheet("font-weight: bold; color: #1f4e8c; padding: 6px 0;")
        self.fingerprint = QLabel(box)
        self.fingerprint.setFont(style.monospace(1.4))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("One-time code"), self.code)
        form.addRow(self.tr("This cell's fingerprint"), self.fingerprint)
        layout.addLayout(form)
        self.next_steps = FitLabel(box)
        layout.addWidget(self.next_steps)
        return box

    def after_save(self, result: SlipWritten) -> None:
        self.show_written(result)

    def show_written(self, result: SlipWritten) -> None:
        """The code, large, and what to do next; the form is closed for editing."""
        self.saved = result
        self.body.hide()
        self.written.setText(
            fill(
                self.tr("The slip is written and checked: %1, with its signature file %2, in %3."),
                result.path.name,
                result.signature_path.name,
                str(result.path.parent),
            )
        )
        self.code.setText(result.code)
        self.fingerprint.setText(result.fingerprint)
        self.next_steps.setText(
            fill(
                self.tr(
                    "What to do next:\n"
                    "1. Phone the secretary of the receiving cell and read them the code, one "
                    "group at a time. Never write the code on the stick or send it with the "
                    "file.\n"
                    "2. Ask them to read back the fingerprint their program shows for the slip: "
                    "it must be %1.\n"
                    "3. Give both files to the member or take them to the receiving cell. The "
                    "USB stick can be removed safely."
                ),
                result.fingerprint,
            )
        )
        self.result_box.show()
        self.banner.clear_message()
        self.buttons.accepted.disconnect(self.save)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Ok)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setDefault(True)
        self.save_button.setFocus()
        self.buttons.accepted.connect(self.accept)
        fit_height_later(self)  # the form's height is not needed any more
