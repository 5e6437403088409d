"""Record what happened to a person (admission, transfer, exemption, death, ...)."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.admission import STEPS
from desktop_app.domain.dates import DateFormatError
from desktop_app.domain.errors import DomainError
from desktop_app.domain.membership import EVENT_KINDS
from desktop_app.services import members
from desktop_app.services.views import EventView, PersonView
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.messages import Banner, FieldMessage
from desktop_app.ui.widgets.text import fill

log = logging.getLogger(__name__)


# Steps of the admission procedure that take details (introducer, votes, certificates, ...)
# are recorded from the Candidates page; the decision, the ceremony and the recognition of a
# member's past can still be typed in here.
_PROCEDURE_HERE = {"admission_decision", "ceremony", "recognition"}
_ELSEWHERE = set(STEPS) - _PROCEDURE_HERE


def allowed_kinds(status: str) -> list[str]:
    """Event kinds that may be recorded here for a person in this status, in the domain's
    order."""
    return [
        kind
        for kind, spec in EVENT_KINDS.items()
        if status in spec.allowed and kind not in _ELSEWHERE
    ]


class EventDialog(QDialog):
    """Kind, date (today by default), decision number, place (when the kind needs one), reason.
    The register's refusal (StateError) is shown in the dialog, which stays open."""

    def __init__(
        self,
        runner: TaskRunner,
        person: PersonView,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(parent)
        self._runner = runner
        self._person = person
        self._busy = False
        self.saved: EventView | None = None
        self.setWindowTitle(fill(self.tr("Record an event: %1"), person.full_name))
        self._build(today or dt.date.today())
        self._kind_changed()

    @classmethod
    def ask(
        cls, runner: TaskRunner, person: PersonView, parent: QWidget | None = None
    ) -> EventView | None:
        """The recorded EventView, or None if cancelled."""
        dialog = cls(runner, person, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.saved if accepted else None

    def _build(self, today: dt.date) -> None:
        layout = QVBoxLayout(self)
        who = QLabel(f"{self._person.full_name} — {self._person.status_label}", self)
        font = QFont(who.font())
        font.setBold(True)
        who.setFont(font)
        layout.addWidget(who)
        self.form = QFormLayout()
        self.kind = QComboBox(self)
        for kind in allowed_kinds(self._person.status):
            self.kind.addItem(EVENT_KINDS[kind].label, kind)
        self.kind.setPlaceholderText(self.tr("Choose what happened…"))
        self.kind.setCurrentIndex(-1)  # never record an event the user did not pick
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.date = DateEdit(parent=self)
        self.date.set_date(today)
        self.date.textChanged.connect(self._revalidate)
        self.date_message = FieldMessage(self)
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(self.tr("e.g. 125-QĐ/ĐU"))
        self.place = QLineEdit(self)
        self.reason = QLineEdit(self)
        for field in (self.reference, self.place, self.reason):
            field.textChanged.connect(self._clear_banner)
        self.form.addRow(self.tr("Event"), self.kind)
        self.form.addRow(self.tr("Date"), self.date)
        self.form.addRow("", self.date_message)
        self.form.addRow(self.tr("Decision no."), self.reference)
        self.form.addRow(self.tr("Place (to / from)"), self.place)
        self.form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(self.form)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(540)

    @property
    def kind_code(self) -> str:
        return self.kind.currentData() or ""

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def _kind_changed(self) -> None:
        spec = EVENT_KINDS.get(self.kind_code)
        self.form.setRowVisible(self.place, bool(spec and spec.needs_place))
        self._revalidate()

    def _clear_banner(self) -> None:
        self.banner.clear_message()

    def _date_error(self) -> str:
        try:
            value = self.date.date()
        except DateFormatError as exc:
            return str(exc)
        return "" if value else self.tr("Type the date, e.g. 05/03/2026")

    def _revalidate(self) -> None:
        error = self._date_error()
        self.date_message.show_messages([error] if error else [], [])
        self.form.setRowVisible(self.date_message, bool(error))
        self._clear_banner()
        self.save_button.setEnabled(not error and not self._busy and bool(self.kind_code))

    def _save(self) -> None:
        if self._busy or self._date_error() or not self.kind_code:
            return
        spec = EVENT_KINDS[self.kind_code]
        person_id, kind, on = self._person.id, self.kind_code, self.date.date()
        texts = {
            "reason": self.reason.text(),
            "reference": self.reference.text(),
            "place": self.place.text() if spec.needs_place else "",
        }
        self._set_busy(True)
        self._runner.submit(
            lambda reg: members.record_event(reg, person_id, kind, on, **texts),
            self._saved,
            self._failed,
            parent=self,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.kind, self.date, self.reference, self.place, self.reason):
            widget.setEnabled(not busy)
        self.save_button.setEnabled(not busy)

    def _saved(self, event: EventView) -> None:
        self._set_busy(False)
        self.saved = event
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            log.exception("recording an event failed", exc_info=exc)
            self.banner.show_message(fill(self.tr("Could not save: %1"), exc))

    def reject(self) -> None:
        if not self._busy:
            super().reject()
