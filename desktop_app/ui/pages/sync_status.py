"""The state of reporting upward, as the "Send to upper level" page shows it: enrolled or not,
the two fingerprints to read over the phone, the last bundle written from this computer, how
far the upper level has confirmed receiving, what is not yet received, the admission quotas."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import sync_cell
from desktop_app.services.sync_cell import ReceivedDecisionView, SentNote, SyncStatus
from desktop_app.store.database import Register
from desktop_app.sync import enrolment
from desktop_app.ui import style
from desktop_app.ui.dialogs.sync_dialogs import fingerprint_label, local_day, local_time, sentence
from desktop_app.ui.widgets.text import fill


@dataclass(frozen=True)
class SyncView:
    """What the database thread hands back for the page."""

    status: SyncStatus
    last_sent: SentNote | None
    decisions: list[ReceivedDecisionView]


def load_sync(reg: Register) -> SyncView:
    return SyncView(
        sync_cell.status(reg), sync_cell.last_sent(reg), sync_cell.received_decisions(reg)
    )


class SyncStatusPanel(QWidget):
    """Two boxes: the upper level (and the fingerprints), and sending and receipts. The page
    puts its buttons in ``upper_buttons`` and ``sending_buttons``."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.upper_buttons = QHBoxLayout()
        self.sending_buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self._upper_box())
        layout.addWidget(self._sending_box())

    def _upper_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Enrolment with the upper level"), self)
        column = QVBoxLayout(box)
        self.state_label = QLabel(box)
        self.state_label.setFont(style.scaled_font(1.05, bold=True))
        self.state_label.setWordWrap(True)
        self.hint_label = sentence("", "muted", box)
        self.upper_name = sentence("", "", box)
        self.upper_fingerprint = fingerprint_label("", box)
        self.cell_fingerprint = fingerprint_label("", box)
        self.cell_key = style.muted("")
        self.cell_key.setWordWrap(False)
        self.keys = QWidget(box)
        form = QFormLayout(self.keys)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Upper level:"), self.upper_name)
        form.addRow(self.tr("Upper level's fingerprint:"), self.upper_fingerprint)
        cell_row = QHBoxLayout()
        cell_row.addWidget(self.cell_fingerprint)
        cell_row.addSpacing(12)
        cell_row.addWidget(self.cell_key, 0, Qt.AlignmentFlag.AlignVCenter)
        cell_row.addStretch(1)
        form.addRow(self.tr("This cell's fingerprint:"), cell_row)
        self.phone_label = sentence(
            self.tr(
                "Call the upper level and read these two fingerprints to each other, group "
                "by group: if they are the same on both sides, nobody has swapped a file or "
                "a key."
            ),
            "note",
            box,
        )
        for widget in (self.state_label, self.hint_label, self.keys, self.phone_label):
            column.addWidget(widget)
        column.addLayout(self.upper_buttons)
        return box

    def _sending_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sending and receipts"), self)
        column = QVBoxLayout(box)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.sent_label = sentence("", "", box)
        self.sent_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.received_label = sentence("", "", box)
        self.pending_label = sentence("", "", box)
        self.quota_label = sentence("", "", box)
        self.quota_title = QLabel(self.tr("Admission quota:"), box)
        form.addRow(self.tr("Last bundle sent:"), self.sent_label)
        form.addRow(self.tr("Received by the upper level:"), self.received_label)
        form.addRow(self.tr("Not yet received:"), self.pending_label)
        form.addRow(self.quota_title, self.quota_label)
        column.addLayout(form)
        column.addLayout(self.sending_buttons)
        return box

    # -- showing ---------------------------------------------------------------------------

    def show_view(self, view: SyncView) -> None:
        status = view.status
        self._show_upper(status)
        self.sent_label.setText(self._sent_text(view.last_sent))
        self.received_label.setText(self._received_text(status))
        self.pending_label.setText(self._pending_text(status))
        quotas = "; ".join(
            fill(self.tr("%1: %2 people"), q["year"], q["count"]) for q in status.quotas
        )
        self.quota_label.setText(quotas)
        self.quota_title.setVisible(bool(quotas))
        self.quota_label.setVisible(bool(quotas))

    def _show_upper(self, status: SyncStatus) -> None:
        enrolled = status.enrolled
        for widget in (self.keys, self.phone_label):
            widget.setVisible(enrolled)
        self.hint_label.setVisible(not enrolled)
        if not enrolled:
            self.state_label.setText(
                self.tr("This register is not enrolled with an upper level yet.")
            )
            self.hint_label.setText(
                fill(
                    self.tr(
                        "The upper level gives the cell an enrolment file (its name ends in "
                        "%1). Press “Enrol with the upper level…” and choose that file; "
                        "sending is possible after that."
                    ),
                    enrolment.SUFFIX,
                )
            )
            return
        self.state_label.setText(self.tr("This register is enrolled with the upper level."))
        self.upper_name.setText(status.upper_name)
        self.upper_fingerprint.setText(status.upper_fingerprint)
        self.cell_fingerprint.setText(status.cell_fingerprint)
        self.cell_key.setText(fill(self.tr("(signing key %1)"), status.cell_key_id))

    def _sent_text(self, note: SentNote | None) -> str:
        if note is None:
            return self.tr("No bundle has been sent from this computer yet.")
        return fill(
            self.tr("%1 at %2: changes no. %3 to %4, file %5 in %6"),
            local_day(note.created_at),
            local_time(note.created_at).strftime("%H:%M"),
            note.seq_from,
            note.seq_to,
            note.file,
            note.folder,
        )

    def _received_text(self, status: SyncStatus) -> str:
        if not status.acked_seq:
            return self.tr("Nothing confirmed yet (no receipt from the upper level).")
        if status.receipt_issued_at:
            return fill(
                self.tr("Up to change no. %1 (receipt of %2)"),
                status.acked_seq,
                local_day(status.receipt_issued_at),
            )
        return fill(self.tr("Up to change no. %1"), status.acked_seq)

    def _pending_text(self, status: SyncStatus) -> str:
        if not status.enrolled:
            return fill(self.tr("%1 changes in the register"), status.head_seq)
        if not status.pending:
            return self.tr("Nothing: the upper level has confirmed receiving every change.")
        return fill(self.tr("%1 changes (the next bundle carries all of them)"), status.pending)
