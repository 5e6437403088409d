"""The dialogs of the "Send to upper level" page: the enrolment file looked at before it is
imported (its fingerprint, to read over the phone, and what it would change), and what a
receipt of the upper level brought. Also the table of the upper level's decisions, which the
page shows too.

Each dialog has an ``ask()`` classmethod wrapping ``exec()`` so the page's tests replace it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import format_vn
from desktop_app.services.sync_cell import EnrolPreview, ReceiptResult, ReceivedDecisionView
from desktop_app.ui import style
from desktop_app.ui.models.roles import ObjectRole, SortRole
from desktop_app.ui.models.rows_model import RowsModel
from desktop_app.ui.widgets.text import fill

Index = QModelIndex | QPersistentModelIndex
PERSON, KIND, NUMBER, DATE, OUTCOME = range(5)


def local_time(utc: str) -> dt.datetime:
    """A UTC time of the sync files (2026-11-22T08:00:00.000Z) in this computer's time."""
    return dt.datetime.fromisoformat(utc.replace("Z", "+00:00")).astimezone()


def local_day(utc: str) -> str:
    return format_vn(local_time(utc).date())


def fingerprint_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A fingerprint as a person reads it over the phone: large, fixed-width, selectable."""
    label = QLabel(text, parent)
    label.setFont(style.monospace(1.5))
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return label


def sentence(text: str, role: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        style.set_role(label, role)
    return label


def decisions_table(model: DecisionsModel, parent: QWidget | None = None) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in (KIND, OUTCOME):  # the long texts share the width and wrap
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return table


class DecisionsModel(RowsModel):
    """The upper level's decisions about the cell's people, as the receipts brought them."""

    CONTEXT = "DecisionsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("DecisionsModel", "Person"),
        QT_TRANSLATE_NOOP("DecisionsModel", "Decision"),
        QT_TRANSLATE_NOOP("DecisionsModel", "Number"),
        QT_TRANSLATE_NOOP("DecisionsModel", "Date"),
        QT_TRANSLATE_NOOP("DecisionsModel", "In the register"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row: ReceivedDecisionView = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            day = format_vn(dt.date.fromisoformat(row.date))
            shown = (row.person_name, row.label, row.number, day, row.outcome_text)[column]
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.note or shown
            return shown
        if role == SortRole:
            return (row.person_name, row.label, row.number, row.date, row.outcome)[column]
        if role == ObjectRole:
            return row
        return None


class EnrolDialog(QDialog):
    """The upper level's enrolment file as it is, before anything is written: who it is, its
    fingerprint to read over the phone, and what enrolling would change."""

    def __init__(self, preview: EnrolPreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Enrol with the upper level"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 75)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.upper_name = sentence(preview.upper_name)
        self.upper_name.setFont(style.scaled_font(1.1, bold=True))
        self.fingerprint = fingerprint_label(preview.fingerprint)
        form.addRow(self.tr("File:"), sentence(preview.file))
        form.addRow(self.tr("Upper level:"), self.upper_name)
        form.addRow(self.tr("Its fingerprint:"), self.fingerprint)
        phone = sentence(
            self.tr(
                "Before you go on, call the upper level and read this fingerprint to each "
                "other, group by group. If it is the same on both sides, nobody has swapped "
                "the file on the way."
            ),
            "note",
        )
        self.change = sentence(self._change_text())
        if preview.change == "replaced":
            style.set_role(self.change, "error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(
            self.tr("&Change to these keys") if preview.change == "replaced" else self.tr("&Enrol")
        )
        self.ok.setDefault(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(style.heading(self.tr("The upper level's enrolment file"), 1.3))
        layout.addLayout(form)
        layout.addWidget(phone)
        layout.addWidget(self.change)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def _change_text(self) -> str:
        seen = self.preview
        if seen.change == "renamed":
            return fill(
                self.tr(
                    "The register is already enrolled with this upper level, with the same "
                    "keys. Only its name changes: from “%1” to “%2”."
                ),
                seen.current_name,
                seen.upper_name,
            )
        if seen.change == "replaced" and seen.same_upper:
            return fill(
                self.tr(
                    "The register is enrolled with “%1” (fingerprint %2). This file carries "
                    "new keys of the same upper level. After the change, bundles can be read "
                    "with the new keys only; what the upper level has already confirmed "
                    "receiving stays as it is."
                ),
                seen.current_name,
                seen.current_fingerprint,
            )
        if seen.change == "replaced":
            return fill(
                self.tr(
                    "The register is enrolled with “%1” (fingerprint %2). This file is from "
                    "another upper level. After the change, bundles go to “%3” only, and the "
                    "next bundle carries the whole register from its first change, since "
                    "this upper level has received nothing from the cell yet."
                ),
                seen.current_name,
                seen.current_fingerprint,
                seen.upper_name,
            )
        return self.tr(
            "Enrolling makes this register's own keys. Its fingerprint is then shown on the "
            "page: read it to the upper level too."
        )

    @classmethod
    def ask(cls, preview: EnrolPreview, parent: QWidget | None = None) -> bool:
        """True when the secretary chose to enrol with this file."""
        return cls(preview, parent).exec() == QDialog.DialogCode.Accepted


class ReceiptDialog(QDialog):
    """What a receipt of the upper level brought: how far it has received the register, the
    admission quotas it set, and its decisions about the cell's people."""

    def __init__(self, result: ReceiptResult, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = result
        self.setWindowTitle(self.tr("Receipt from the upper level"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 110)
        self.model = DecisionsModel(self)
        self.model.set_rows(result.decisions)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(style.heading(self._head(), 1.2))
        self.received = sentence(
            fill(
                self.tr("The upper level has received the register up to change no. %1."),
                result.applied_seq,
            )
        )
        layout.addWidget(self.received)
        for quota in result.quotas:
            text = fill(self.tr("Admission quota for %1: %2."), quota["year"], quota["count"])
            layout.addWidget(sentence(text))
        for note in result.quota_notes:
            layout.addWidget(sentence(note, "error"))
        self.table = decisions_table(self.model, self)
        if result.decisions:
            layout.addWidget(sentence(self.tr("The upper level's decisions in this receipt:")))
            layout.addWidget(self.table, 1)
        else:
            self.table.hide()
            layout.addWidget(sentence(self.tr("This receipt brings no decisions."), "muted"))
            layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _head(self) -> str:
        if self.result.change == "already":
            return fill(
                self.tr("The receipt %1 was imported before; it brings nothing new."),
                self.result.file,
            )
        return fill(
            self.tr("Receipt from %1, made on %2"),
            self.result.upper_name,
            local_day(self.result.issued_at),
        )

    @classmethod
    def ask(cls, result: ReceiptResult, parent: QWidget | None = None) -> None:
        cls(result, parent).exec()
