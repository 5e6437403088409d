""" "Print…" where a person or a meeting is shown: a menu of the printed forms that apply to
them, read from the forms registry on the database thread. Choosing one emits ``chosen``; the
main window connects every such button of its pages to the Forms page (and lends the runner
to a button made without one)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from desktop_app.forms import registry
from desktop_app.forms.spec import FormSpec
from desktop_app.store.database import Register
from desktop_app.ui.tasks import TaskRunner


def forms_for_meeting(reg: Register, meeting_id: str, today: dt.date) -> list[FormSpec]:
    """The meeting forms that apply to this meeting (database thread)."""
    specs = [spec for spec in registry.list_forms() if spec.subject == "meeting"]
    return [
        spec
        for spec in specs
        if registry.refusal(reg, spec.code, meeting_id=meeting_id, today=today) is None
    ]


class PrintFormsButton(QPushButton):
    chosen = Signal(str, str, str)  # form code, person id, meeting id ("" for the other)

    def __init__(
        self,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ):
        super().__init__(self.tr("Print…"), parent)
        self._runner = runner
        self._fixed_today = today
        self._subject: tuple[str, str] | None = None  # ("person" | "meeting", id)
        self._seq = 0
        self.specs: list[FormSpec] = []
        self.setMenu(QMenu(self))
        self.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))  # this page's, when shown
        self._fill([])

    def set_runner(self, runner: TaskRunner) -> None:
        if self._runner is not runner:
            self._runner = runner
            self._load()

    def set_person(self, person_id: str | None) -> None:
        self._subject = ("person", person_id) if person_id else None
        self._load()

    def set_meeting(self, meeting_id: str | None) -> None:
        self._subject = ("meeting", meeting_id) if meeting_id else None
        self._load()

    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    def _load(self) -> None:
        self._seq += 1
        seq, subject, today = self._seq, self._subject, self.today()
        self._fill([])
        if subject is None or self._runner is None or not self._runner.has_register:
            return
        kind, subject_id = subject

        def work(reg: Register) -> list[FormSpec]:
            if kind == "person":
                return registry.forms_for_person(reg, subject_id, today)
            return forms_for_meeting(reg, subject_id, today)

        self._runner.submit(work, lambda specs: self._loaded(seq, specs), lambda _exc: None)

    def _loaded(self, seq: int, specs: list[FormSpec]) -> None:
        if seq == self._seq:
            self._fill(specs)

    def _fill(self, specs: list[FormSpec]) -> None:
        self.specs = list(specs)
        menu = self.menu()
        menu.clear()
        for spec in specs:
            text = f"{spec.code} — {spec.title}…".replace("&", "&&")
            action = menu.addAction(text)
            action.setToolTip(spec.note)
            action.triggered.connect(lambda _=False, code=spec.code: self._choose(code))
        menu.setToolTipsVisible(True)
        self.setEnabled(bool(specs))
        if specs:
            self.setToolTip(self.tr("Print a form filled in from the register") + " (Ctrl+P)")
        elif self._subject is None:
            self.setToolTip("")
        elif self._subject[0] == "person":
            self.setToolTip(self.tr("No printed form applies to this person"))
        else:
            self.setToolTip(self.tr("No printed form applies to this meeting"))

    def _choose(self, code: str) -> None:
        if self._subject is None:
            return
        kind, subject_id = self._subject
        person = subject_id if kind == "person" else ""
        meeting = subject_id if kind == "meeting" else ""
        self.chosen.emit(code, person, meeting)
