"""The "Send to upper level" page: the cell's side of reporting upward, as the CLI does it
(``sochibo enrol``, ``bundle export``, ``bundle status``, ``receipt import``).

It shows whether the register is enrolled, the two fingerprints to read over the phone, the
last bundle written from this computer, how far the upper level has confirmed receiving, and
the decisions its receipts brought. Enrolling shows the file first and asks (twice when it
replaces the upper level's keys); sending writes the bundle to a folder (a USB stick) and reads
it back; a receipt is checked, imported and shown. All of it runs on the database thread
through ``sync_cell``; refusals are the service's own Vietnamese messages.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import sync_cell
from desktop_app.services.sync_cell import (
    EnrolPreview,
    EnrolResult,
    ExportResult,
    ReceiptResult,
)
from desktop_app.sync import enrolment, receipt
from desktop_app.ui import errors, style
from desktop_app.ui.dialogs.sync_dialogs import (
    DecisionsModel,
    EnrolDialog,
    ReceiptDialog,
    decisions_table,
    sentence,
)
from desktop_app.ui.pages.sync_status import SyncStatusPanel, SyncView, load_sync
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.busy_work import BusyWork
from desktop_app.ui.widgets.messages import Banner
from desktop_app.ui.widgets.text import fill


class SyncChooser:
    """The files and the folder the page asks for (classmethods, so tests can replace them)."""

    @classmethod
    def enrolment_file(cls, parent: QWidget | None) -> Path | None:
        title = QApplication.translate("SyncPage", "The upper level's enrolment file")
        pattern = QApplication.translate("SyncPage", "Enrolment file (*%1)").replace(
            "%1", enrolment.SUFFIX
        )
        name, _ = QFileDialog.getOpenFileName(parent, title, "", pattern)
        return Path(name) if name else None

    @classmethod
    def folder(cls, parent: QWidget | None) -> Path | None:
        title = QApplication.translate("SyncPage", "Send to a folder or USB stick")
        chosen = QFileDialog.getExistingDirectory(parent, title)
        return Path(chosen) if chosen else None

    @classmethod
    def resend_from(cls, parent: QWidget | None, highest: int) -> int | None:
        """The entry the upper level asked the cell to send again from, 1 to ``highest``."""
        title = QApplication.translate("SyncPage", "Send again from an entry")
        label = QApplication.translate(
            "SyncPage", "The upper level asked for the changes from entry no.:"
        )
        number, ok = QInputDialog.getInt(parent, title, label, highest, 1, highest)
        return number if ok else None

    @classmethod
    def receipt_file(cls, parent: QWidget | None) -> Path | None:
        title = QApplication.translate("SyncPage", "The upper level's receipt")
        pattern = QApplication.translate("SyncPage", "Receipt (*%1)").replace("%1", receipt.SUFFIX)
        name, _ = QFileDialog.getOpenFileName(parent, title, "", pattern)
        return Path(name) if name else None


class SyncPage(BusyWork, QWidget):
    """Enrolment, sending and receipts of the open (cell's) register."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._busy = False
        self.view: SyncView | None = None
        self.model = DecisionsModel(self)
        self._build()
        self._update_buttons()
        runner.register_changed.connect(self._register_changed)

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(style.heading(self.tr("Send to upper level"), 1.5))
        intro = style.muted(
            self.tr(
                "The register goes to the upper level on a USB stick, as one encrypted and "
                "signed file: if the stick is lost, nobody can read it. The upper level sends "
                "back a receipt saying what it has received, with its decisions."
            )
        )
        layout.addWidget(intro)
        self.banner = Banner(body)
        layout.addWidget(self.banner)
        self.status = SyncStatusPanel(body)
        self._add_buttons()
        layout.addWidget(self.status)
        layout.addWidget(self._decisions_box(), 1)
        self._scrolled(body)

    def _add_buttons(self) -> None:
        self.enrol_button = self._button(
            self.tr("Enrol with the upper &level…"),
            self.tr(
                "Choose the enrolment file the upper level gave the cell; it is shown before "
                "anything is written"
            ),
            self.enrol,
        )
        self.send_button = self._button(
            self.tr("&Send to a USB stick…"),
            self.tr(
                "Write everything the upper level has not confirmed receiving into a folder "
                "you choose, encrypted and signed, and read it back"
            ),
            self.send,
        )
        self.receipt_button = self._button(
            self.tr("Import a &receipt…"),
            self.tr("The receipt file the upper level sent back"),
            self.import_receipt,
        )
        self.resend_button = self._button(
            self.tr("Send &again from an entry…"),
            self.tr(
                "When the upper level lost changes it had confirmed (it went back to an old "
                "backup) and asks for them again from an entry number"
            ),
            self.resend,
        )
        self.status.upper_buttons.addWidget(self.enrol_button)
        self.status.upper_buttons.addStretch(1)
        for button in (self.send_button, self.receipt_button, self.resend_button):
            self.status.sending_buttons.addWidget(button)
        self.status.sending_buttons.addStretch(1)

    def _decisions_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Decisions of the upper level received"), self)
        column = QVBoxLayout(box)
        self.table = decisions_table(self.model, box)
        self.table.setMinimumHeight(140)
        self.no_decisions = sentence(
            self.tr("No decision of the upper level has been received yet."), "muted", box
        )
        column.addWidget(self.no_decisions, 0, Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.table, 1)
        return box

    # -- loading -------------------------------------------------------------------------

    def _register_changed(self) -> None:
        self.view = None
        self.banner.clear_message()
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()  # other pages change what waits to be sent: always fresh when shown

    def reload(self) -> None:
        if not self._runner.has_register:
            return
        self._runner.submit(load_sync, self._show, self._failed)

    def _show(self, view: SyncView) -> None:
        self.view = view
        self.status.show_view(view)
        self.model.set_rows(view.decisions)
        self.table.setVisible(bool(view.decisions))
        self.no_decisions.setVisible(not view.decisions)
        self._update_buttons()

    # -- actions ---------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        idle = not self._busy and self._runner.has_register
        enrolled = self.view is not None and self.view.status.enrolled
        self.enrol_button.setEnabled(idle)
        self.send_button.setEnabled(idle and enrolled)
        self.receipt_button.setEnabled(idle and enrolled)
        confirmed = enrolled and self.view is not None and self.view.status.acked_seq > 0
        self.resend_button.setEnabled(idle and confirmed)  # nothing to send again before

    def enrol(self) -> None:
        path = SyncChooser.enrolment_file(self)
        if path is not None:
            self._start(
                lambda reg: sync_cell.preview_enrol(reg, path),
                lambda seen: self._confirm_enrol(path, seen),
            )

    def _confirm_enrol(self, path: Path, seen: EnrolPreview) -> None:
        if seen.change != "unchanged" and not EnrolDialog.ask(seen, self):
            return
        replace = seen.change == "replaced"
        if replace and not errors.confirm(
            self, self.tr("Change the upper level's keys"), self._replace_question(seen)
        ):
            return
        self._start(
            lambda reg: sync_cell.enrol(reg, path, replace=replace, fingerprint=seen.fingerprint),
            self._enrolled,
            self.tr("Enrolling with the upper level…"),
        )

    def _replace_question(self, seen: EnrolPreview) -> str:
        return fill(
            self.tr(
                "Have you called the upper level and read the new fingerprint %1 together? "
                "Change only if it is the same on both sides: after the change, the register "
                "no longer sends to the keys of “%2” (fingerprint %3)."
            ),
            seen.fingerprint,
            seen.current_name,
            seen.current_fingerprint,
        )

    def _enrolled(self, result: EnrolResult) -> None:
        self.banner.show_message(
            result.text
            + " "
            + self.tr("Read the two fingerprints below to the upper level by phone."),
            "ok",
        )
        self.reload()

    def send(self) -> None:
        folder = SyncChooser.folder(self)
        if folder is not None:
            self._start(
                lambda reg: sync_cell.export_bundle(reg, folder),
                self._sent,
                self.tr("Checking the register, writing the bundle and reading it back…"),
            )

    def resend(self) -> None:
        """Everything from the entry the upper level asks for (it restored an old backup)."""
        if self.view is None or not self.view.status.enrolled:
            return
        status = self.view.status
        first = SyncChooser.resend_from(self, min(status.acked_seq + 1, status.head_seq))
        folder = SyncChooser.folder(self) if first is not None else None
        if folder is not None:
            self._start(
                lambda reg: sync_cell.export_bundle(reg, folder, first=first),
                self._sent,
                self.tr("Checking the register, writing the bundle and reading it back…"),
            )

    def _sent(self, done: ExportResult) -> None:
        self.banner.show_message(
            fill(
                self.tr(
                    "The bundle for %1 is written in %2: the file %3 and its signature %4 "
                    "(give the upper level both files). It was read back from there and its "
                    "signature checked: it is whole. It holds changes no. %5 to %6. The file "
                    "names carry only the cell's code and the change numbers, no personal "
                    "data.\nYou can now safely remove the USB stick."
                ),
                done.upper_name,
                done.path.parent,
                done.path.name,
                done.signature_path.name,
                done.seq_from,
                done.seq_to,
            ),
            "ok",
        )
        self.reload()

    def import_receipt(self) -> None:
        path = SyncChooser.receipt_file(self)
        if path is not None:
            self._start(
                lambda reg: sync_cell.import_receipt(reg, path),
                self._received,
                self.tr("Checking and importing the receipt…"),
            )

    def _received(self, result: ReceiptResult) -> None:
        if result.change == "already":
            text = fill(
                self.tr("The receipt %1 was imported before; nothing changed."), result.file
            )
        else:
            text = fill(
                self.tr(
                    "Receipt imported: the upper level has received the register up to "
                    "change no. %1; %2 decisions."
                ),
                result.applied_seq,
                len(result.decisions),
            )
        self.banner.show_message(text, "ok")
        self.reload()
        ReceiptDialog.ask(result, self)
