"""Record the cell's vote on admission or on official membership: the date, how many came, how
many agreed. The dialog shows how many official members the cell counted that day (asked of
the register whenever the date changes) and the verdict as the figures are typed. A vote that
did not reach the majority is saved too: a failed vote is a fact of the register. A meeting
recorded that day can be named: the vote is tied to it and its roll call fills in who came."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from desktop_app.domain.admission import STEPS, VOTES, VoteResult, vote_result
from desktop_app.domain.dates import format_vn
from desktop_app.domain.errors import DomainError
from desktop_app.domain.rules import RuleTable
from desktop_app.services import development, meetings
from desktop_app.services.development import Pipeline
from desktop_app.services.meetings import MeetingView
from desktop_app.services.rules import rule_table
from desktop_app.services.views import EventView
from desktop_app.ui.dialogs.write_dialog import (
    WrappedLabel,
    WriteDialog,
    date_error,
    date_or_none,
)
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.messages import ERROR_COLOR
from desktop_app.ui.widgets.text import fill

PASSED_COLOR = "#1e6b34"


def meetings_on(reg, on: dt.date) -> list[MeetingView]:
    """Database thread: the held cell meetings of that day, where a vote can be taken."""
    return [
        v for v in meetings.list_meetings(reg, on.year)
        if v.date == on.isoformat() and v.held and v.kind in meetings.VOTE_KINDS
    ]  # fmt: skip


class VoteDialog(WriteDialog):
    """``saved`` is (EventView, VoteResult) once the register recorded the vote."""

    def __init__(
        self,
        runner: TaskRunner,
        pipeline: Pipeline,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ):
        super().__init__(runner, pipeline.person, parent)
        self._rules: RuleTable | None = None
        self._electorate: tuple[dt.date, int, int] | None = None  # day, counted, exempted
        self._seq = 0
        self.setWindowTitle(fill(self.tr("Record a vote: %1"), pipeline.person.full_name))
        self._build(today or dt.date.today(), pipeline.person.membership)
        runner.submit(lambda reg: rule_table(), self._rules_loaded)
        self._date_changed()

    @classmethod
    def ask(
        cls, runner: TaskRunner, pipeline: Pipeline, parent: QWidget | None = None
    ) -> tuple[EventView, VoteResult] | None:
        dialog = cls(runner, pipeline, parent)
        return dialog.saved if dialog.exec() == WriteDialog.DialogCode.Accepted else None

    def _build(self, today: dt.date, membership: str) -> None:
        self.kind = QComboBox(self.body)
        for kind, vote in VOTES.items():
            self.kind.addItem(f"{STEPS[kind].label} ({STEPS[kind].form})", vote)
        self.kind.setCurrentIndex(
            self.kind.findData("recognition" if membership == "probationary" else "admission")
        )
        self.date = DateEdit(parent=self.body)
        self.date.set_date(today)
        self.electorate = WrappedLabel(self.body)
        self.electorate.setStyleSheet("color: #555555;")
        self.present = self._count()
        self.in_favour = self._count()
        self.exempted_present = self._count()
        self.exempted_present.setToolTip(
            self.tr("Exempted official members who came to the meeting and voted count too")
        )
        self.meeting = QComboBox(self.body)
        self.meeting.setToolTip(
            self.tr("The meeting the vote was taken at; its roll call gives who was present")
        )
        self.verdict = WrappedLabel(self.body)
        self.reference = QLineEdit(self.body)
        self.reference.setPlaceholderText(self.tr("e.g. 05-NQ/CB (leave empty if none)"))
        self.add_row(self.tr("Vote"), self.kind)
        self.add_row(self.tr("Date of the meeting"), self.date, message=True)
        self.add_row(self.tr("At the meeting"), self.meeting)
        self.add_row(None, self.electorate)
        self.add_row(self.tr("Official members present"), self.present)
        self.add_row(self.tr("In favour"), self.in_favour)
        self.add_row(self.tr("Exempted members who voted"), self.exempted_present)
        self.add_row(self.tr("Result"), self.verdict)
        self.add_row(self.tr("Resolution no."), self.reference)
        self.date.textChanged.connect(self._date_changed)
        self.meeting.currentIndexChanged.connect(self._meeting_chosen)
        for spin in (self.present, self.in_favour, self.exempted_present):
            spin.valueChanged.connect(self.revalidate)
        self.kind.currentIndexChanged.connect(self.revalidate)
        self.reference.textChanged.connect(self.revalidate)

    def _count(self) -> QSpinBox:
        spin = QSpinBox(self.body)
        spin.setRange(0, 999)
        spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("0000") + 48)
        return spin

    # -- the electorate and the verdict ---------------------------------------------------

    def _rules_loaded(self, rules: RuleTable) -> None:
        self._rules = rules
        self.revalidate()

    def _date_changed(self) -> None:
        on = date_or_none(self.date)
        self._electorate = None
        self._seq += 1
        seq = self._seq
        self._show_meetings([])
        if on is not None:
            self._runner.submit(
                lambda reg: development.electorate(reg, on),
                lambda counts: self._electorate_loaded(seq, on, counts),
                lambda exc: self._electorate_failed(seq, exc),
            )
            self._runner.submit(
                lambda reg: meetings_on(reg, on),
                lambda found: self._show_meetings(found) if seq == self._seq else None,
                lambda exc: self._electorate_failed(seq, exc),
            )
        self.revalidate()

    def _show_meetings(self, found: list[MeetingView]) -> None:
        self.meeting.blockSignals(True)
        self.meeting.clear()
        self.meeting.addItem(self.tr("(not recorded in Meetings)"), None)
        for view in found:
            self.meeting.addItem(f"{view.title} — {view.topic}".rstrip(" —"), view.id)
        self.meeting.setEnabled(bool(found))
        self.meeting.blockSignals(False)
        if found:
            self.meeting.setCurrentIndex(1)  # a vote is taken at the cell's meeting that day

    def _meeting_chosen(self) -> None:
        meeting_id = self.meeting.currentData()
        if meeting_id is None:
            return
        seq = self._seq
        self._runner.submit(
            lambda reg: meetings.vote_attendance(reg, meeting_id),
            lambda counts: self._attendance_loaded(seq, counts),
            lambda exc: self._electorate_failed(seq, exc),
        )

    def _attendance_loaded(self, seq: int, counts: tuple[int, int]) -> None:
        if seq == self._seq:
            self.present.setValue(counts[0])
            self.exempted_present.setValue(min(counts[1], self.exempted_present.maximum()))

    def _electorate_loaded(self, seq: int, on: dt.date, counts: tuple[int, int]) -> None:
        if seq != self._seq:
            return  # the date changed again since
        counted, exempted = counts
        self._electorate = (on, counted, exempted)
        self.exempted_present.setMaximum(exempted)
        self.exempted_present.setEnabled(exempted > 0)
        self.revalidate()

    def _electorate_failed(self, seq: int, exc: BaseException) -> None:
        if seq == self._seq:
            self.banner.show_message(str(exc))

    def electorate_text(self) -> str:
        if self._electorate is None:
            return "" if date_or_none(self.date) is None else self.tr("Counting the members…")
        on, counted, exempted = self._electorate
        text = fill(
            self.tr("On %1 the cell counts %2 official members who can vote."),
            format_vn(on),
            counted,
        )
        if exempted:
            text += " " + fill(
                self.tr("%1 exempted members count too if they come and vote."), exempted
            )
        return text

    def result(self) -> VoteResult | str | None:
        """The verdict of the figures typed, the reason they cannot be, or None (not known)."""
        if self._rules is None or self._electorate is None:
            return None
        on, counted, _exempted = self._electorate
        if not self.present.value():
            return self.tr("Type how many members were present and how many agreed.")
        try:
            return vote_result(
                counted,
                self.present.value(),
                self.in_favour.value(),
                self._rules,
                on,
                self.exempted_present.value(),
            )
        except DomainError as exc:
            return str(exc)

    def verdict_text(self, result: VoteResult) -> str:
        assert self._rules is not None and self._electorate is not None
        majority = self._rules.get("vote.majority", self._electorate[0]).value
        reached = (
            fill(self.tr("reaches %1"), majority)
            if result.passed
            else fill(self.tr("does not reach %1"), majority)
        )
        return fill(
            self.tr("%1/%2 in favour, %3 needed: %4"),
            result.in_favour,
            result.electorate,
            result.needed,
            reached,
        )

    def _show_verdict(self, result: VoteResult | str | None) -> None:
        self.electorate.setText(self.electorate_text())
        if result is None:
            self.verdict.setText("")
            return
        if isinstance(result, str):
            self.verdict.setText(result)
            colour = ERROR_COLOR if self.present.value() else "#555555"
            self.verdict.setStyleSheet(f"color: {colour};")
            return
        self.verdict.setText(self.verdict_text(result))
        colour = PASSED_COLOR if result.passed else ERROR_COLOR
        self.verdict.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def problems(self) -> dict[QWidget, str]:
        found: dict[QWidget, str] = {}
        if error := date_error(self.date):
            found[self.date] = error
        result = self.result()
        if not isinstance(result, VoteResult):
            found[self.verdict] = result or ""
        return found

    def revalidate(self, *_args: object) -> None:
        super().revalidate()
        if hasattr(self, "verdict"):
            self._show_verdict(self.result())

    # -- saving ----------------------------------------------------------------------------

    def work(self) -> Work:
        person_id, vote, on = self._person.id, self.kind.currentData(), self.date.date()
        figures = {
            "present": self.present.value(),
            "in_favour": self.in_favour.value(),
            "exempted_present": self.exempted_present.value(),
            "reference": self.reference.text(),
            "meeting_id": self.meeting.currentData(),
        }
        assert on is not None
        return lambda reg: development.record_vote(reg, person_id, vote, on, **figures)
