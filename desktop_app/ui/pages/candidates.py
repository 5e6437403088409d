"""The Candidates page: the sympathisers' list and the probationary members on the left (also
the quarterly review of the pool), the chosen person's admission pipeline on the right, and
the actions of the procedure: add a candidate, record a step or a vote, assign or release a
mentor, withdraw the last step recorded by mistake.

All register work runs on the database thread; the page reloads when shown and after its own
writes, and keeps the chosen person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import vn_from_iso
from desktop_app.services import development, members
from desktop_app.services.development import CandidateRow, Pipeline
from desktop_app.services.views import EventView
from desktop_app.ui.dialogs.candidate_dialog import CandidateDialog
from desktop_app.ui.dialogs.mentor_dialog import EndMentorDialog, MentorDialog
from desktop_app.ui.dialogs.step_dialog import StepDialog
from desktop_app.ui.dialogs.vote_dialog import VoteDialog
from desktop_app.ui.errors import confirm
from desktop_app.ui.pages.candidate_list import CandidateList
from desktop_app.ui.pages.candidate_pipeline import PipelineView
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.flow import flow_row
from desktop_app.ui.widgets.messages import Banner
from desktop_app.ui.widgets.text import fill

DEVELOPING = ("candidate", "probationary")


def last_event(events: list[EventView]) -> EventView | None:
    """The event ``undo_last_event`` withdraws: the one recorded last."""
    return max(events, key=lambda e: e.created_at, default=None)


class CandidatesPage(QWidget):
    open_person = Signal(str, str)  # area key, person id

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._list_seq = self._pipeline_seq = 0
        self._person_id: str | None = None  # the person shown on the right
        self.pipeline: Pipeline | None = None
        self.events: list[EventView] = []
        self._build()
        self._make_actions()
        self._update_actions()
        runner.register_changed.connect(self._register_changed)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.roster = CandidateList(self)
        self.roster.chosen.connect(self._chosen)
        self.roster.review_button.toggled.connect(lambda on: self.detail.setVisible(not on))
        self.add_button = self.roster.add_button
        self.split.addWidget(self.roster)
        self.split.addWidget(self._build_detail())
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.split)

    def _build_detail(self) -> QWidget:
        self.detail = QWidget(self)
        self.view = PipelineView(self.detail)
        self.banner = Banner(self.detail)
        self.step_button = QPushButton(self.tr("Record step…"), self.detail)
        self.vote_button = QPushButton(self.tr("Record vote…"), self.detail)
        self.undo_button = QPushButton(self.tr("Withdraw last step…"), self.detail)
        self.mentor_button = QPushButton(self.tr("Assign mentor…"), self.detail)
        self.end_mentor_button = QPushButton(self.tr("End assignment…"), self.detail)
        self.members_button = QPushButton(self.tr("Show in the members list"), self.detail)
        buttons = (self.step_button, self.vote_button, self.undo_button)
        buttons += (self.mentor_button, self.end_mentor_button, self.members_button)
        layout = QVBoxLayout(self.detail)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(flow_row(self.detail, list(buttons)))  # as many lines as they need
        return self.detail

    def _make_actions(self) -> None:
        specs: tuple[tuple[QPushButton, Callable[[], None], str, str], ...] = (
            (
                self.add_button,
                self.add_candidate,
                "Ctrl+Shift+N",
                self.tr("Put a new person on the sympathisers' list"),
            ),
            (
                self.step_button,
                self.record_step,
                "Ctrl+G",
                self.tr("Record a step of the procedure: a paper, a class, an introduction…"),
            ),
            (
                self.vote_button,
                self.record_vote,
                "Ctrl+B",
                self.tr("Record the cell's vote on admission or on official membership"),
            ),
            (
                self.undo_button,
                self.undo_last_step,
                "Ctrl+Shift+Z",
                self.tr("Withdraw the last step recorded for this person, if it was a mistake"),
            ),
            (
                self.mentor_button,
                self.assign_mentor,
                "Ctrl+H",
                self.tr("Assign an official member to follow and help this person"),
            ),
            (
                self.end_mentor_button,
                self.end_mentorship,
                "Ctrl+Shift+H",
                self.tr("End the mentoring assignment chosen in the Mentors tab"),
            ),
            (
                self.members_button,
                self.show_in_members,
                "Ctrl+M",
                self.tr("Open this person on the Members page"),
            ),
        )
        for button, slot, keys, tip in specs:
            button.clicked.connect(slot)
            button.setToolTip(f"{tip} ({keys})")
            action = QAction(button.text(), self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, b=button: b.isEnabled() and b.click())
            self.addAction(action)
        search = QAction(self.tr("Search"), self)
        search.setShortcut(QKeySequence("Ctrl+F"))
        search.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        search.triggered.connect(
            lambda: self.roster.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        )
        self.addAction(search)

    # -- loading ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous() and self._runner.has_register:
            self.reload()

    def _register_changed(self) -> None:
        self._person_id = None
        self.roster.clear()
        self._show_pipeline(None, [])
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        """The list, and the person shown, again from the register."""
        if not self._runner.has_register:
            return
        self._list_seq += 1
        seq = self._list_seq
        self._runner.submit(
            lambda reg: development.list_candidates(reg),
            lambda rows: self._list_loaded(seq, rows),
            self._load_failed,
        )
        self._load_pipeline()

    def _list_loaded(self, seq: int, rows: list[CandidateRow]) -> None:
        if seq == self._list_seq:
            self.roster.set_rows(rows, self._person_id)

    def _load_pipeline(self) -> None:
        person_id = self._person_id
        self._pipeline_seq += 1
        seq = self._pipeline_seq
        if person_id is None:
            self._show_pipeline(None, [])
            return
        self._runner.submit(
            lambda reg: (
                development.pipeline(reg, person_id),
                members.list_events(reg, person_id),
            ),
            lambda result: self._pipeline_loaded(seq, *result),
            self._load_failed,
        )

    def _pipeline_loaded(self, seq: int, pipeline: Pipeline, events: list[EventView]) -> None:
        if seq == self._pipeline_seq:
            self._show_pipeline(pipeline, events)

    def _show_pipeline(self, pipeline: Pipeline | None, events: list[EventView]) -> None:
        self.pipeline, self.events = pipeline, events
        if pipeline is None:
            self.view.clear()
        else:
            self.view.show_pipeline(pipeline, dt.date.today())
        self._update_actions()

    def _load_failed(self, exc: BaseException) -> None:
        self.banner.show_message(str(exc))

    # -- selection -------------------------------------------------------------------------

    def _chosen(self, person_id: str) -> None:
        if person_id != self._person_id:
            self._person_id = person_id
            self.banner.clear_message()
            self._load_pipeline()

    def select_person(self, person_id: str) -> bool:
        """Show this person (from the Today page), widening the list's filter if it hides
        them. False when they are not (yet) in the list; the pipeline is shown anyway."""
        if person_id != self._person_id:
            self._person_id = person_id
            self._load_pipeline()
        return self.roster.choose(person_id, widen=True)

    def current_person_id(self) -> str | None:
        return self._person_id

    def _update_actions(self) -> None:
        open_ = self._runner.has_register
        pipeline = self.pipeline
        developing = pipeline is not None and pipeline.person.status in DEVELOPING
        active = pipeline is not None and any(m.active for m in pipeline.mentors)
        self.add_button.setEnabled(open_)
        for button in (self.step_button, self.vote_button, self.mentor_button):
            button.setEnabled(developing)
        self.end_mentor_button.setEnabled(developing and active)
        self.undo_button.setEnabled(pipeline is not None and bool(self.events))
        self.members_button.setEnabled(pipeline is not None)

    # -- actions ---------------------------------------------------------------------------

    def add_candidate(self) -> None:
        if not self._runner.has_register:
            return
        saved = CandidateDialog.ask(self._runner, self)
        if saved is not None:
            self.roster.search.clear()
            if self.roster.group.currentData() == "probationary":
                self.roster.set_group("all")
            self._after_write(saved.id)

    def record_step(self) -> None:
        if self.pipeline is not None and StepDialog.ask(self._runner, self.pipeline, self):
            self._after_write(self.pipeline.person.id)

    def record_vote(self) -> None:
        if self.pipeline is not None and VoteDialog.ask(self._runner, self.pipeline, self):
            self._after_write(self.pipeline.person.id)

    def assign_mentor(self) -> None:
        if self.pipeline is not None and MentorDialog.ask(self._runner, self.pipeline, self):
            self._after_write(self.pipeline.person.id)

    def end_mentorship(self) -> None:
        if self.pipeline is None:
            return
        chosen = self.view.selected_mentorship()
        assignment = chosen.id if chosen is not None and chosen.active else None
        if EndMentorDialog.ask(self._runner, self.pipeline, assignment, self):
            self._after_write(self.pipeline.person.id)

    def undo_last_step(self) -> None:
        event = last_event(self.events)
        if self.pipeline is None or event is None:
            return
        person = self.pipeline.person
        text = fill(
            self.tr(
                "Withdraw the last step recorded for %1: «%2» on %3?\n"
                "Use this only for a mistake; the status it changed goes back to what it was."
            ),
            person.full_name,
            event.label,
            vn_from_iso(event.date),
        )
        if not confirm(self, self.tr("Withdraw last step"), text):
            return
        self.undo_button.setEnabled(False)
        self._runner.submit(
            lambda reg: members.undo_last_event(reg, person.id),
            lambda _event: self._after_write(person.id),
            self._write_failed,
        )

    def _write_failed(self, exc: BaseException) -> None:
        self.banner.show_message(str(exc))
        self._update_actions()

    def show_in_members(self) -> None:
        if self.pipeline is not None:
            self.open_person.emit("members", self.pipeline.person.id)

    def _after_write(self, person_id: str) -> None:
        self._person_id = person_id
        self.banner.clear_message()
        self.reload()
