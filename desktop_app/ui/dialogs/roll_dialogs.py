"""The roll call's small writes: one line's status (a person through ``set_attendance``, a guest
through ``record_rollcall`` with the other lines kept), and the dialogs that need an answer
first: the reason of an excused absence, a guest's name, a person who came without being
expected (an exempted member, a candidate). Each saves at once; a refusal stays in the dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop_app.domain.attendance import ROLL_KINDS, STATUSES
from desktop_app.services import meetings, members
from desktop_app.services.meetings import Entry, MeetingDetail, MeetingView, RollLine
from desktop_app.services.views import PersonView
from desktop_app.ui.dialogs.write_dialog import WriteDialog
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.widgets.person_picker import PersonPicker
from desktop_app.ui.widgets.text import fill

ATTENDEES = {"official", "probationary", "candidate"}


def guest_entries(
    detail: MeetingDetail, name: str, status: str | None, reason: str = ""
) -> list[Entry]:
    """The roll's lines with the guest ``name`` set to ``status`` (None: removed)."""
    kept = [e for e in meetings.entries_of(detail) if e.person_id or e.guest_name != name]
    return kept + ([Entry(status, guest_name=name, reason=reason)] if status else [])


def mark_work(
    meeting_id: str, line: RollLine, status: str | None, reason: str, today: dt.date
) -> Work:
    """Set one line of the roll; a guest's line is rewritten with the roll as it is then."""
    person_id, name = line.person_id, line.name
    if person_id is not None:
        return lambda reg: meetings.set_attendance(
            reg, meeting_id, person_id, status, reason, today=today
        )

    def guest(reg) -> MeetingDetail:
        entries = guest_entries(meetings.get_meeting(reg, meeting_id), name, status, reason)
        return meetings.record_rollcall(reg, meeting_id, entries, today=today)

    return guest


def add_guest_work(meeting_id: str, name: str, today: dt.date) -> Work:
    def work(reg) -> MeetingDetail:
        entries = meetings.entries_of(meetings.get_meeting(reg, meeting_id))
        entries.append(Entry("present", guest_name=name))
        return meetings.record_rollcall(reg, meeting_id, entries, today=today)

    return work


class RollDialog(WriteDialog):
    """A roll-call dialog: the meeting on the first line; ``saved`` is the MeetingDetail."""

    def __init__(
        self,
        runner: TaskRunner,
        meeting: MeetingView,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(runner, meeting.title, parent)
        self.who.setText(f"{meeting.title} — {meeting.topic}" if meeting.topic else meeting.title)
        self._meeting = meeting
        self._today = today or dt.date.today()
        # WriteDialog's layout sets the dialog's minimum size from its contents: widen those
        self.body.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)


class ReasonDialog(RollDialog):
    """Excused: the reason, required."""

    def __init__(
        self,
        runner: TaskRunner,
        meeting: MeetingView,
        line: RollLine,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(runner, meeting, parent, today)
        self._line = line
        self.setWindowTitle(fill(self.tr("Excused absence: %1"), line.name))
        self.reason = QLineEdit(self.body)
        self.reason.setPlaceholderText(self.tr("e.g. on a work trip, ill, family matter"))
        self.reason.setText(line.reason if line.status == "excused" else "")
        self.add_row(self.tr("Name"), QLineEdit(line.name, self.body, readOnly=True))
        self.add_row(self.tr("Reason"), self.reason, message=True)
        self.reason.textChanged.connect(self.revalidate)
        self.revalidate()

    @classmethod
    def ask(
        cls,
        runner: TaskRunner,
        meeting: MeetingView,
        line: RollLine,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> MeetingDetail | None:
        dialog = cls(runner, meeting, line, parent, today)
        return dialog.saved if dialog.exec() == WriteDialog.DialogCode.Accepted else None

    def problems(self) -> dict[QWidget, str]:
        if not self.reason.text().strip():
            return {self.reason: self.tr("Say why (required for an excused absence)")}
        return {}

    def work(self) -> Work:
        return mark_work(self._meeting.id, self._line, "excused", self.reason.text(), self._today)


class GuestDialog(RollDialog):
    """A guest who came: their name (and, if they like, who they are)."""

    def __init__(
        self,
        runner: TaskRunner,
        meeting: MeetingView,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(runner, meeting, parent, today)
        self.setWindowTitle(self.tr("Add a guest"))
        self.name = QLineEdit(self.body)
        self.name.setPlaceholderText(self.tr("e.g. Nguyễn Văn An (Secretary of the Youth Union)"))
        self.name.setMaxLength(meetings.GUEST_LIMIT)
        self.add_row(self.tr("Guest's name"), self.name, message=True)
        self.name.textChanged.connect(self.revalidate)
        self.revalidate()

    @classmethod
    def ask(
        cls,
        runner: TaskRunner,
        meeting: MeetingView,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> MeetingDetail | None:
        dialog = cls(runner, meeting, parent, today)
        return dialog.saved if dialog.exec() == WriteDialog.DialogCode.Accepted else None

    def problems(self) -> dict[QWidget, str]:
        return {self.name: ""} if not self.name.text().strip() else {}

    def work(self) -> Work:
        return add_guest_work(self._meeting.id, self.name.text(), self._today)


def attendee_choices(detail: MeetingDetail, people: list[PersonView]) -> list[PersonView]:
    """Whom "Add attendee" offers: anyone of the cell not yet attending (at a roll-call
    meeting that leaves exempted members and candidates; the register checks the date)."""
    on_roll = {line.person_id for line in detail.roll if line.status is not None}
    return [p for p in people if p.id not in on_roll]


class AttendeeDialog(RollDialog):
    """Someone who came without being expected: present or late."""

    def __init__(
        self,
        runner: TaskRunner,
        detail: MeetingDetail,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(runner, detail.meeting, parent, today)
        self._detail = detail
        self.setWindowTitle(self.tr("Add an attendee"))
        self.person = PersonPicker(self.body)
        roll = detail.meeting.kind in ROLL_KINDS
        self.person.setPlaceholderText(
            self.tr("Type or choose an exempted member or a candidate…")
            if roll
            else self.tr("Type or choose a person…")
        )
        self.status = QComboBox(self.body)
        for code in ("present", "late"):
            self.status.addItem(STATUSES[code], code)
        self.add_row(self.tr("Person"), self.person, message=True)
        self.add_row(self.tr("Attendance"), self.status)
        self.person.editTextChanged.connect(self.revalidate)
        self.person.currentIndexChanged.connect(self.revalidate)
        self.revalidate()
        runner.submit(lambda reg: members.list_people(reg, statuses=ATTENDEES), self._loaded)

    @classmethod
    def ask(
        cls,
        runner: TaskRunner,
        detail: MeetingDetail,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> MeetingDetail | None:
        dialog = cls(runner, detail, parent, today)
        return dialog.saved if dialog.exec() == WriteDialog.DialogCode.Accepted else None

    def _loaded(self, people: list[PersonView]) -> None:
        self.person.set_people(attendee_choices(self._detail, people), self.person.person_id())
        self.revalidate()

    def problems(self) -> dict[QWidget, str]:
        if self.person.typed_unknown():
            return {self.person: self.tr("No one in the list has this name: choose from it")}
        return {self.person: ""} if self.person.person_id() is None else {}

    def work(self) -> Work:
        meeting_id, person_id = self._meeting.id, self.person.person_id()
        status, today = self.status.currentData(), self._today
        assert person_id is not None
        return lambda reg: meetings.set_attendance(reg, meeting_id, person_id, status, today=today)
