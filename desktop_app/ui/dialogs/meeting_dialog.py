"""Add or change a meeting: its kind, date, whether it was held (unchecked: planned), topic,
place, who chaired and who took the minutes, notes, the resolution number, and for a training
class the kind of class. The register's warnings (a second regular meeting in a month) are
shown before the dialog closes; its refusals (a meeting marked held on a future day) keep the
dialog open with nothing written."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from desktop_app.domain.attendance import CLASS_KINDS, KINDS
from desktop_app.services import meetings, members
from desktop_app.services.meetings import MeetingView
from desktop_app.services.views import PersonView
from desktop_app.ui.dialogs.write_dialog import WriteDialog, date_error
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.person_picker import PersonPicker
from desktop_app.ui.widgets.text import fill

CHAIRS = {"official", "probationary"}  # who may chair or take the minutes


class MeetingDialog(WriteDialog):
    """``saved`` is the MeetingView written (with its ``warnings``)."""

    def __init__(
        self,
        runner: TaskRunner,
        meeting: MeetingView | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(runner, "", parent)
        self._today = today or dt.date.today()
        self._meeting = meeting
        self.setWindowTitle(self.tr("Change a meeting") if meeting else self.tr("Add a meeting"))
        self.who.setText(meeting.title if meeting else self.tr("A new meeting of the cell"))
        self.body.setMinimumWidth(self.fontMetrics().averageCharWidth() * 76)  # long topics
        self._build()
        self._fill(meeting)
        self._kind_changed()
        runner.submit(lambda reg: members.list_people(reg, statuses=CHAIRS), self._people_loaded)

    @classmethod
    def ask(
        cls,
        runner: TaskRunner,
        meeting: MeetingView | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> MeetingView | None:
        """The meeting written, or None if cancelled."""
        dialog = cls(runner, meeting, parent, today)
        return dialog.saved if dialog.exec() == WriteDialog.DialogCode.Accepted else None

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.kind = QComboBox(self.body)
        for code, label in KINDS.items():
            self.kind.addItem(label, code)
        self.class_kind = QComboBox(self.body)
        for code, label in CLASS_KINDS.items():
            self.class_kind.addItem(label, code)
        self.date = DateEdit(parent=self.body)
        self.held = QCheckBox(self.tr("Held (leave unticked for a planned meeting)"), self.body)
        self.topic = QLineEdit(self.body)
        self.topic.setPlaceholderText(self.tr("e.g. Review of the first half-year's work"))
        self.place = QLineEdit(self.body)
        self.chair = PersonPicker(self.body)
        self.chair.setPlaceholderText(self.tr("Type or choose a member…"))
        self.minute_taker = PersonPicker(self.body)
        self.minute_taker.setPlaceholderText(self.tr("Type or choose a member…"))
        self.resolution = QLineEdit(self.body)
        self.resolution.setPlaceholderText(self.tr("e.g. 12-NQ/CB (leave empty if none)"))
        self.notes = QPlainTextEdit(self.body)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)
        self.add_row(self.tr("Kind"), self.kind)
        self.add_row(self.tr("Class"), self.class_kind)
        self.add_row(self.tr("Date"), self.date, message=True)
        self.add_row("", self.held)
        self.add_row(self.tr("Topic"), self.topic)
        self.add_row(self.tr("Place"), self.place)
        self.add_row(self.tr("Chaired by"), self.chair, message=True)
        self.add_row(self.tr("Minutes taken by"), self.minute_taker, message=True)
        self.add_row(self.tr("Resolution no."), self.resolution)
        self.add_row(self.tr("Notes"), self.notes)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for picker in (self.chair, self.minute_taker):
            picker.editTextChanged.connect(self.revalidate)
            picker.currentIndexChanged.connect(self.revalidate)
        for edit in (self.date, self.topic, self.place, self.resolution):
            edit.textChanged.connect(self.revalidate)
        self.held.toggled.connect(self.revalidate)
        self.notes.textChanged.connect(self.revalidate)
        self.class_kind.currentIndexChanged.connect(self.revalidate)

    def _fill(self, meeting: MeetingView | None) -> None:
        if meeting is None:
            self.date.set_date(self._today)
            self.held.setChecked(True)
            return
        self.set_kind(meeting.kind)
        if meeting.class_kind:
            self.class_kind.setCurrentIndex(self.class_kind.findData(meeting.class_kind))
        self.date.set_iso(meeting.date)
        self.held.setChecked(meeting.held)
        self.topic.setText(meeting.topic)
        self.place.setText(meeting.place)
        self.resolution.setText(meeting.resolution)
        self.notes.setPlainText(meeting.notes)

    def _people_loaded(self, people: list[PersonView]) -> None:
        chair = self._meeting.chair_id if self._meeting else None
        taker = self._meeting.minute_taker_id if self._meeting else None
        self.chair.set_people(people, self.chair.person_id() or chair)
        self.minute_taker.set_people(people, self.minute_taker.person_id() or taker)
        self.revalidate()

    # -- the meeting ---------------------------------------------------------------------

    @property
    def kind_code(self) -> str:
        return self.kind.currentData() or ""

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def _kind_changed(self) -> None:
        self.set_row_visible(self.class_kind, self.kind_code == "training")
        self.revalidate()

    def problems(self) -> dict[QWidget, str]:
        found: dict[QWidget, str] = {}
        if error := date_error(self.date):
            found[self.date] = error
        for picker in (self.chair, self.minute_taker):
            if picker.typed_unknown():
                found[picker] = self.tr("No member has this name: choose from the list")
        return found

    def data(self) -> dict[str, Any]:
        """The meeting as the service takes it."""
        training = self.kind_code == "training"
        return {
            "kind": self.kind_code,
            "date": self.date.date(),
            "held": self.held.isChecked(),
            "topic": self.topic.text(),
            "place": self.place.text(),
            "chair": self.chair.person_id(),
            "minute_taker": self.minute_taker.person_id(),
            "notes": self.notes.toPlainText(),
            "resolution": self.resolution.text(),
            "class_kind": (self.class_kind.currentData() or "") if training else "",
        }

    def work(self) -> Work:
        data, today, meeting = self.data(), self._today, self._meeting
        if meeting is None:
            return lambda reg: meetings.add_meeting(reg, data, today=today)
        meeting_id, version = meeting.id, meeting.version
        return lambda reg: meetings.update_meeting(
            reg, meeting_id, data, expected_version=version, today=today
        )

    def after_save(self, result: MeetingView) -> None:
        self.saved = result
        if not result.warnings:
            self.accept()
            return
        lines = "\n".join(f"• {w}" for w in result.warnings)
        self.finish_with_notice(fill(self.tr("The meeting is saved. Note:\n%1"), lines))
