"""Record the certificate a training class gave one attendee: who, the certificate number, the
date and who issued it. It becomes the class step on the person's record (it feeds the dossier
and the deadline of its validity) and puts them on the class's roll."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.domain.attendance import CLASS_KINDS
from desktop_app.services import meetings, members
from desktop_app.services.meetings import MeetingDetail
from desktop_app.services.views import PersonView
from desktop_app.ui.dialogs.roll_dialogs import RollDialog
from desktop_app.ui.dialogs.write_dialog import WriteDialog, date_error
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.person_picker import PersonPicker
from desktop_app.ui.widgets.text import fill

LEARNERS = {"candidate", "probationary"}


def learners(detail: MeetingDetail, people: list[PersonView]) -> list[PersonView]:
    """Candidates and probationary members, and anyone else already on the class's roll."""
    on_roll = {line.person_id for line in detail.roll if line.person_id}
    return [p for p in people if p.status in LEARNERS or p.id in on_roll]


class CertificateDialog(RollDialog):
    """``saved`` is the class's MeetingDetail with the new certificate."""

    def __init__(
        self,
        runner: TaskRunner,
        detail: MeetingDetail,
        person_id: str | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(runner, detail.meeting, parent, today)
        self._detail = detail
        self._chosen = person_id
        label = CLASS_KINDS.get(detail.meeting.class_kind, detail.meeting.kind_label)
        self.setWindowTitle(fill(self.tr("Record a certificate: %1"), label))
        self.person = PersonPicker(self.body)
        self.person.setPlaceholderText(self.tr("Type or choose the person…"))
        self.number = QLineEdit(self.body)
        self.number.setPlaceholderText(self.tr("e.g. 123/CN"))
        self.date = DateEdit(parent=self.body)
        self.date.set_date(self._today)
        self.issuer = QLineEdit(detail.meeting.place, self.body)
        self.issuer.setPlaceholderText(self.tr("e.g. Political centre of the ward"))
        self.add_row(self.tr("Person"), self.person, message=True)
        self.add_row(self.tr("Certificate no."), self.number, message=True)
        self.add_row(self.tr("Issued on"), self.date, message=True)
        self.add_row(self.tr("Issued by"), self.issuer)
        self.person.editTextChanged.connect(self.revalidate)
        self.person.currentIndexChanged.connect(self.revalidate)
        for edit in (self.number, self.date, self.issuer):
            edit.textChanged.connect(self.revalidate)
        self.revalidate()
        runner.submit(lambda reg: members.list_people(reg), self._loaded)

    @classmethod
    def ask(
        cls,
        runner: TaskRunner,
        detail: MeetingDetail,
        person_id: str | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> MeetingDetail | None:
        dialog = cls(runner, detail, person_id, parent, today)
        return dialog.saved if dialog.exec() == WriteDialog.DialogCode.Accepted else None

    def _loaded(self, people: list[PersonView]) -> None:
        keep = self.person.person_id() or self._chosen
        self.person.set_people(learners(self._detail, people), keep)
        self.revalidate()

    def problems(self) -> dict[QWidget, str]:
        found: dict[QWidget, str] = {}
        if self.person.typed_unknown():
            found[self.person] = self.tr("No one in the list has this name: choose from it")
        elif self.person.person_id() is None:
            found[self.person] = ""
        if not self.number.text().strip():
            found[self.number] = ""
        if error := date_error(self.date):
            found[self.date] = error
        return found

    def work(self) -> Work:
        meeting_id, person_id = self._meeting.id, self.person.person_id()
        number, on, issuer = self.number.text(), self.date.date(), self.issuer.text()
        today = self._today
        assert person_id is not None and on is not None
        return lambda reg: meetings.issue_certificate(
            reg, meeting_id, person_id, number, on, issuer=issuer, today=today
        )
