"""Record one step of the admission procedure (votes have their own dialog): the step, its
date, the document number, who acted, and only the details that step takes (introducer and
how long they worked together, union, date the decision was received, certificate, mentor,
reason or comment)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from desktop_app.domain.admission import BRANCHES, PROCEDURE, REPEATABLE, STEPS, UNIONS, VOTES
from desktop_app.services import development, members
from desktop_app.services.development import Pipeline
from desktop_app.services.views import EventView, PersonView
from desktop_app.ui.dialogs.write_dialog import WriteDialog, date_error, date_or_none
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.person_picker import PersonPicker
from desktop_app.ui.widgets.text import fill

# The text box under a step, and what it is called for that step.
TEXT_LABELS = {
    "not_admitted": QT_TRANSLATE_NOOP("StepDialog", "Reason"),
    "probation_removal": QT_TRANSLATE_NOOP("StepDialog", "Reason"),
    "referred_upward": QT_TRANSLATE_NOOP("StepDialog", "Note"),
    "mentor_comment": QT_TRANSLATE_NOOP("StepDialog", "Comment"),
    "mentor_assessment": QT_TRANSLATE_NOOP("StepDialog", "Comment"),
}
TEXT_REQUIRED = {"not_admitted", "mentor_comment"}


def phase_of(person: PersonView) -> str:
    return "probation" if person.membership == "probationary" else "candidate"


def step_choices(pipeline: Pipeline) -> list[list[str]]:
    """The steps offered, in groups: the procedure's next steps (the first is the default);
    steps done that may be recorded again (a second introducer, a class redone, a paper redone
    after it went stale); the branches (not admitted, referred upward, removal, comments)."""
    phase = phase_of(pipeline.person)
    upcoming = [kind for kind, _label, _form in pipeline.next_steps if kind not in VOTES]
    done = {s.kind for s in pipeline.steps}
    again = [
        s.kind
        for s in PROCEDURE
        if s.phase == phase
        and s.kind in done
        and s.kind not in VOTES
        and s.kind not in upcoming
        and (s.kind in REPEATABLE or s.paper)
    ]
    branches = [s.kind for s in BRANCHES if s.phase in (phase, "both")]
    return [group for group in (upcoming, again, branches) if group]


def default_step(pipeline: Pipeline, offered: list[str]) -> str | None:
    """The step the dialog opens on: the first one still to come after the furthest step
    recorded (optional papers skipped on the way, like a union's introduction, stay offered
    but are not proposed), else the first one offered."""
    order = {s.kind: i for i, s in enumerate(PROCEDURE)}
    reached = max((order[s.kind] for s in pipeline.steps if s.kind in order), default=-1)
    later = [k for k in offered if order.get(k, -1) > reached]
    return later[0] if later else (offered[0] if offered else None)


def step_text(kind: str) -> str:
    step = STEPS[kind]
    return f"{step.label} ({step.form})" if step.form else step.label


class StepDialog(WriteDialog):
    """``saved`` is the EventView of the step once the register accepted it."""

    def __init__(
        self,
        runner: TaskRunner,
        pipeline: Pipeline,
        parent: QWidget | None = None,
        today: dt.date | None = None,
        kind: str | None = None,
    ):
        super().__init__(runner, pipeline.person, parent)
        self._pipeline = pipeline
        self.setWindowTitle(fill(self.tr("Record a step: %1"), pipeline.person.full_name))
        self.who.setText(
            fill(self.tr("%1 — stage: %2"), self.who.text(), pipeline.stage),
        )
        self._build(today or dt.date.today())
        self.set_kind(kind or default_step(pipeline, self.kinds()) or "")
        self._kind_changed()
        runner.submit(
            lambda reg: members.list_people(reg, statuses={"official"}), self._officials_loaded
        )

    @classmethod
    def ask(
        cls,
        runner: TaskRunner,
        pipeline: Pipeline,
        parent: QWidget | None = None,
        kind: str | None = None,
    ) -> EventView | None:
        """The recorded step, or None if cancelled."""
        dialog = cls(runner, pipeline, parent, kind=kind)
        return dialog.saved if dialog.exec() == WriteDialog.DialogCode.Accepted else None

    # -- building ------------------------------------------------------------------------

    def _build(self, today: dt.date) -> None:
        self.kind = QComboBox(self.body)
        for number, group in enumerate(step_choices(self._pipeline)):
            if number:
                self.kind.insertSeparator(self.kind.count())
            for kind in group:
                self.kind.addItem(step_text(kind), kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.date = DateEdit(parent=self.body)
        self.date.set_date(today)
        self.reference = QLineEdit(self.body)
        self.reference.setPlaceholderText(self.tr("e.g. 12-QĐ/ĐU (leave empty if none)"))
        self.actor = QLineEdit(self.body)
        self.actor.setPlaceholderText(self.tr("e.g. Political centre of the ward"))
        self.certificate_number = QLineEdit(self.body)
        self.issuer = QLineEdit(self.body)
        self.introducer = PersonPicker(self.body)
        self.introducer.setPlaceholderText(self.tr("Type or choose an official member…"))
        self.joint_since = DateEdit(parent=self.body)
        self.replacement = QCheckBox(
            self.tr("Replacement introducer (12 months together not required)"),
            self.body,
        )
        self.union = QComboBox(self.body)
        for code, label in UNIONS.items():
            self.union.addItem(label, code)
        self.received = DateEdit(parent=self.body)
        self.mentor = PersonPicker(self.body)
        self.mentor.setPlaceholderText(self.tr("Type or choose an official member…"))
        self.text = QPlainTextEdit(self.body)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 4 + 12)
        self.add_row(self.tr("Step"), self.kind)
        self.add_row(self.tr("Date"), self.date, message=True)
        self.add_row(self.tr("Document no."), self.reference)
        self.add_row(self.tr("Done by"), self.actor)
        self.add_row(self.tr("Certificate no."), self.certificate_number)
        self.add_row(self.tr("Issued by"), self.issuer)
        self.add_row(self.tr("Introducer"), self.introducer, message=True)
        self.add_row(self.tr("Worked together since"), self.joint_since, message=True)
        self.add_row("", self.replacement)
        self.add_row(self.tr("Introduced by"), self.union)
        self.add_row(self.tr("Decision received on"), self.received, message=True)
        self.add_row(self.tr("Mentor"), self.mentor, message=True)
        self.add_row(self.tr("Comment"), self.text, message=True)
        self.text_label = self.form.labelForField(self.text.parentWidget())
        for edit in (self.date, self.joint_since, self.received):
            edit.textChanged.connect(self.revalidate)
        for line in (self.reference, self.actor, self.certificate_number, self.issuer):
            line.textChanged.connect(self.revalidate)
        for picker in (self.introducer, self.mentor):
            picker.editTextChanged.connect(self.revalidate)
            picker.currentIndexChanged.connect(self.revalidate)
        self.text.textChanged.connect(self.revalidate)
        self.replacement.toggled.connect(self.revalidate)
        self.union.currentIndexChanged.connect(self.revalidate)

    def _officials_loaded(self, people: list[PersonView]) -> None:
        mentors = [m.mentor_id for m in self._pipeline.mentors if m.active]
        self.introducer.set_people(people, self.introducer.person_id())
        self.mentor.set_people(people, self.mentor.person_id() or (mentors[0] if mentors else None))
        self.revalidate()

    # -- the step ------------------------------------------------------------------------

    @property
    def kind_code(self) -> str:
        return self.kind.currentData() or ""

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def kinds(self) -> list[str]:
        return [self.kind.itemData(i) for i in range(self.kind.count()) if self.kind.itemData(i)]

    def _fields(self) -> tuple[str, ...]:
        step = STEPS.get(self.kind_code)
        return step.fields if step else ()

    def _kind_changed(self) -> None:
        fields = self._fields()
        rows = {
            self.certificate_number: "certificate_number",
            self.issuer: "issuer",
            self.introducer: "introducer_id",
            self.joint_since: "joint_since",
            self.replacement: "replacement",
            self.union: "union",
            self.received: "received",
            self.mentor: "mentor_id",
        }
        for widget, name in rows.items():
            self.set_row_visible(widget, name in fields)
        label = TEXT_LABELS.get(self.kind_code)
        self.set_row_visible(self.text, label is not None)
        if label is not None and self.text_label is not None:
            self.text_label.setText(QCoreApplication.translate("StepDialog", label))
        self.revalidate()

    def problems(self) -> dict[QWidget, str]:
        fields = self._fields()
        found: dict[QWidget, str] = {}
        if not self.kind_code:
            found[self.kind] = ""
        if error := date_error(self.date):
            found[self.date] = error
        for edit, name in ((self.joint_since, "joint_since"), (self.received, "received")):
            if name in fields and (error := date_error(edit, required=False)):
                found[edit] = error
        for picker, name in ((self.introducer, "introducer_id"), (self.mentor, "mentor_id")):
            if name in fields and picker.typed_unknown():
                found[picker] = self.tr("No official member has this name: choose from the list")
        if self.kind_code in TEXT_REQUIRED and not self.text.toPlainText().strip():
            found[self.text] = self.tr("Required for this step")
        return found

    def details(self) -> dict[str, object]:
        """The step's details as the service takes them."""
        fields = self._fields()
        values: dict[str, object] = {
            "certificate_number": self.certificate_number.text(),
            "issuer": self.issuer.text(),
            "introducer_id": self.introducer.person_id(),
            "joint_since": date_or_none(self.joint_since),
            "replacement": self.replacement.isChecked() or None,
            "union": self.union.currentData(),
            "received": date_or_none(self.received),
            "mentor_id": self.mentor.person_id(),
        }
        details = {k: v for k, v in values.items() if k in fields and v not in (None, "")}
        if self.actor.text().strip():
            details["actor"] = self.actor.text()
        return details

    def work(self) -> Work:
        person_id, kind, on = self._person.id, self.kind_code, self.date.date()
        reference = self.reference.text()
        reason = self.text.toPlainText() if kind in TEXT_LABELS else ""
        details = self.details()
        assert on is not None
        return lambda reg: development.record_step(
            reg, person_id, kind, on, reference=reference, reason=reason, details=details
        )
