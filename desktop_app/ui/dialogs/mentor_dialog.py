"""Assign an official member to help a candidate or probationary member, and end such an
assignment. The register's advice after assigning (e.g. the mentor has not yet worked 12
months with the person, so could not introduce them yet) is shown before the dialog closes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop_app.domain.dates import vn_from_iso
from desktop_app.services import development, members
from desktop_app.services.development import MentorshipView, Pipeline
from desktop_app.services.views import PersonView
from desktop_app.ui.dialogs.write_dialog import WriteDialog, date_error, date_or_none
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.person_picker import PersonPicker
from desktop_app.ui.widgets.text import fill


class MentorDialog(WriteDialog):
    """``saved`` is the MentorshipView of the new assignment (with its ``warnings``)."""

    def __init__(
        self,
        runner: TaskRunner,
        pipeline: Pipeline,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(runner, pipeline.person, parent)
        self.setWindowTitle(fill(self.tr("Assign a mentor: %1"), pipeline.person.full_name))
        self.mentor = PersonPicker(self.body)
        self.mentor.setPlaceholderText(self.tr("Type or choose an official member…"))
        self.start = DateEdit(parent=self.body)
        self.start.set_date(today or dt.date.today())
        self.joint_since = DateEdit(parent=self.body)
        self.joint_since.setToolTip(
            self.tr(
                "Since when the mentor has worked, studied or lived with this person; an "
                "introducer needs at least 12 months"
            )
        )
        self.note = QLineEdit(self.body)
        self.add_row(self.tr("Mentor"), self.mentor, message=True)
        self.add_row(self.tr("Assigned on"), self.start, message=True)
        self.add_row(self.tr("Worked together since"), self.joint_since, message=True)
        self.add_row(self.tr("Note"), self.note)
        self.mentor.editTextChanged.connect(self.revalidate)
        self.mentor.currentIndexChanged.connect(self.revalidate)
        for edit in (self.start, self.joint_since, self.note):
            edit.textChanged.connect(self.revalidate)
        self.revalidate()
        runner.submit(
            lambda reg: members.list_people(reg, statuses={"official"}), self._officials_loaded
        )

    @classmethod
    def ask(
        cls, runner: TaskRunner, pipeline: Pipeline, parent: QWidget | None = None
    ) -> MentorshipView | None:
        dialog = cls(runner, pipeline, parent)
        return dialog.saved if dialog.exec() == WriteDialog.DialogCode.Accepted else None

    def _officials_loaded(self, people: list[PersonView]) -> None:
        self.mentor.set_people(people, self.mentor.person_id())
        self.revalidate()

    def problems(self) -> dict[QWidget, str]:
        found: dict[QWidget, str] = {}
        if self.mentor.typed_unknown():
            found[self.mentor] = self.tr("No official member has this name: choose from the list")
        elif self.mentor.person_id() is None:
            found[self.mentor] = self.tr("Choose the mentor")
        if error := date_error(self.start):
            found[self.start] = error
        if error := date_error(self.joint_since, required=False):
            found[self.joint_since] = error
        return found

    def work(self) -> Work:
        person_id, mentor_id, start = self._person.id, self.mentor.person_id(), self.start.date()
        joint_since, note = date_or_none(self.joint_since), self.note.text()
        assert mentor_id is not None and start is not None
        return lambda reg: development.assign_mentor(
            reg, person_id, mentor_id, start, joint_since=joint_since, note=note
        )

    def after_save(self, result: MentorshipView) -> None:
        self.saved = result
        if not result.warnings:
            self.accept()
            return
        lines = "\n".join(f"• {w}" for w in result.warnings)
        self.finish_with_notice(fill(self.tr("The assignment is saved. Note:\n%1"), lines))


class EndMentorDialog(WriteDialog):
    """End one of the person's active assignments: the date and the reason."""

    def __init__(
        self,
        runner: TaskRunner,
        pipeline: Pipeline,
        assignment_id: str | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(runner, pipeline.person, parent)
        self.setWindowTitle(
            fill(self.tr("End a mentoring assignment: %1"), pipeline.person.full_name)
        )
        self.assignment = QComboBox(self.body)
        for m in pipeline.mentors:
            if m.active:
                text = fill(self.tr("%1 (since %2)"), m.mentor_name, vn_from_iso(m.start))
                self.assignment.addItem(text, m.id)
        if assignment_id is not None and self.assignment.findData(assignment_id) >= 0:
            self.assignment.setCurrentIndex(self.assignment.findData(assignment_id))
        self.end = DateEdit(parent=self.body)
        self.end.set_date(today or dt.date.today())
        self.reason = QLineEdit(self.body)
        self.reason.setPlaceholderText(self.tr("e.g. moved to another unit"))
        self.add_row(self.tr("Assignment"), self.assignment)
        self.add_row(self.tr("Ended on"), self.end, message=True)
        self.add_row(self.tr("Reason"), self.reason)
        self.end.textChanged.connect(self.revalidate)
        self.reason.textChanged.connect(self.revalidate)
        self.assignment.currentIndexChanged.connect(self.revalidate)
        self.revalidate()

    @classmethod
    def ask(
        cls,
        runner: TaskRunner,
        pipeline: Pipeline,
        assignment_id: str | None = None,
        parent: QWidget | None = None,
    ) -> MentorshipView | None:
        dialog = cls(runner, pipeline, assignment_id, parent)
        return dialog.saved if dialog.exec() == WriteDialog.DialogCode.Accepted else None

    def problems(self) -> dict[QWidget, str]:
        found: dict[QWidget, str] = {}
        if self.assignment.currentData() is None:
            found[self.assignment] = ""
        if error := date_error(self.end):
            found[self.end] = error
        return found

    def work(self) -> Work:
        assignment_id, end, reason = (
            self.assignment.currentData(),
            self.end.date(),
            self.reason.text(),
        )
        assert end is not None
        return lambda reg: development.end_mentorship(reg, assignment_id, end, reason)
