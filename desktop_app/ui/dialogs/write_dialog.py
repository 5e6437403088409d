"""The frame of the member-development dialogs: who it is about, a form, a banner for the
register's refusals, Save and Cancel. Saving runs on the database thread; a refusal keeps the
dialog open with everything typed, and nothing is written."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import DateFormatError
from desktop_app.domain.errors import DomainError
from desktop_app.services.views import PersonView
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.messages import Banner, FieldMessage
from desktop_app.ui.widgets.text import fill

log = logging.getLogger(__name__)


def who_text(person: PersonView) -> str:
    return f"{person.full_name} — {person.status_label}"


def date_error(edit: DateEdit, required: bool = True) -> str:
    """What is wrong with a typed date ("" when it is fine)."""
    try:
        value = edit.date()
    except DateFormatError as exc:
        return str(exc)
    if value is None and required:
        return QCoreApplication.translate("WriteDialog", "Type the date, e.g. 05/03/2026")
    return ""


def date_or_none(edit: DateEdit) -> dt.date | None:
    try:
        return edit.date()
    except DateFormatError:
        return None


class WrappedLabel(QLabel):
    """A word-wrapped label that asks its layout for the height its lines need (a plain
    QLabel in a form row keeps the height of one line and cuts the rest)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        height = self.heightForWidth(max(self.width(), 1)) if self.text() else 0
        if height != self.minimumHeight():
            self.setMinimumHeight(height)


class WriteDialog(QDialog):
    """Subclasses build their rows into ``form``, say whether they can save (``problems``)
    and what to write (``work``); ``saved`` holds the service's answer once accepted."""

    def __init__(self, runner: TaskRunner, person: PersonView | str, parent: QWidget | None = None):
        """``person``: who the dialog is about, or a heading text (a meeting)."""
        super().__init__(parent)
        self._runner = runner
        self._person = person
        self._busy = False
        self.saved: Any = None
        self.messages: dict[QWidget, FieldMessage] = {}
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # wrapped texts grow
        self.who = QLabel(person if isinstance(person, str) else who_text(person), self)
        font = QFont(self.who.font())
        font.setBold(True)
        self.who.setFont(font)
        self.who.setWordWrap(True)
        layout.addWidget(self.who)
        self.body = QWidget(self)
        self.form = QFormLayout(self.body)
        self.form.setContentsMargins(0, 6, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addWidget(self.body)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        layout.addStretch(1)  # rows hidden for a step leave their room below, not between
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(660)

    # -- rows and messages ---------------------------------------------------------------

    def add_row(self, label: str | None, field: QWidget, message: bool = False) -> None:
        """A labelled row (``None``: the field across the whole width); with ``message`` a
        line under it for what is wrong with it."""
        if label is None:
            self.form.addRow(field)
            return
        if not message:
            self.form.addRow(label, field)
            return
        cell = QWidget(self.body)
        rows = QVBoxLayout(cell)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        field.setParent(cell)
        rows.addWidget(field)
        note = FieldMessage(cell)
        rows.addWidget(note)
        self.messages[field] = note
        self.form.addRow(label, cell)

    def set_row_visible(self, field: QWidget, visible: bool) -> None:
        self.form.setRowVisible(field.parentWidget() if field in self.messages else field, visible)

    # -- to override ---------------------------------------------------------------------

    def problems(self) -> dict[QWidget, str]:
        """What blocks saving now, by field (shown under the fields by ``revalidate``)."""
        return {}

    def work(self) -> Work:
        raise NotImplementedError

    def after_save(self, result: Any) -> None:
        self.saved = result
        self.accept()

    # -- saving --------------------------------------------------------------------------

    def revalidate(self, *_args: object) -> None:
        """Say under each field what is wrong with it; Save only when nothing is."""
        problems = self.problems()
        for field, note in self.messages.items():
            note.show_messages([problems[field]] if field in problems else [], [])
        self.banner.clear_message()
        self.save_button.setEnabled(not self._busy and not problems)

    def save(self) -> None:
        if self._busy or self.problems():
            return
        work = self.work()  # values read now, on the GUI thread
        self._set_busy(True)
        self._runner.submit(work, self._done, self._failed, parent=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.body.setEnabled(not busy)
        self.save_button.setEnabled(not busy and not self.problems())

    def _done(self, result: Any) -> None:
        self._set_busy(False)
        self.after_save(result)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            log.error("saving failed", exc_info=exc)
            self.banner.show_message(
                fill(QCoreApplication.translate("WriteDialog", "Could not save: %1"), exc)
            )

    def finish_with_notice(self, text: str) -> None:
        """Saved, with something to tell: the form stays visible but closed for editing, the
        notice shows, and OK closes the dialog as accepted."""
        self.banner.show_message(text, "warning")
        self.body.setEnabled(False)
        self.buttons.accepted.disconnect(self.save)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Ok)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setDefault(True)
        self.save_button.setFocus()
        self.buttons.accepted.connect(self.accept)

    def reject(self) -> None:
        if not self._busy:
            super().reject()
