"""The right side of the candidates page: one person's admission pipeline. A header (name,
status, current stage, how many official members can vote today, the nearest deadline), then
tabs: the steps done and the steps to come, the dossier checklist, the mentors, the deadlines
with the rule each comes from."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import format_vn
from desktop_app.services.development import MentorshipView, Pipeline
from desktop_app.ui.models.pipeline_models import (
    DeadlinesModel,
    DossierModel,
    MentorsModel,
    NextStepsModel,
    RowsModel,
    StepsModel,
)
from desktop_app.ui.models.roles import ObjectRole
from desktop_app.ui.style import scaled_font
from desktop_app.ui.widgets.messages import ERROR_COLOR
from desktop_app.ui.widgets.print_forms_button import PrintFormsButton
from desktop_app.ui.widgets.text import fill

MUTED = "color: #555555;"


def make_table(
    model: RowsModel, stretch: int, parent: QWidget, fixed: dict[int, int] | None = None
) -> QTableView:
    """A read-only table: columns fit their contents, one stretches; the ``fixed`` ones
    (column: width in average characters) wrap their text."""
    table = QTableView(parent)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(48)
    for column, chars in (fixed or {}).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(column, table.fontMetrics().averageCharWidth() * chars)
    return table


class PipelineView(QWidget):
    """Shows a Pipeline; ``clear()`` when no one is chosen."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pipeline: Pipeline | None = None
        self.steps_model = StepsModel(self)
        self.next_model = NextStepsModel(self)
        self.dossier_model = DossierModel(self)
        self.mentors_model = MentorsModel(self)
        self.deadlines_model = DeadlinesModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_header())
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_steps(), "")
        self.dossier_table = make_table(self.dossier_model, DossierModel.PAPER, self.tabs)
        self.tabs.addTab(self.dossier_table, "")
        self.mentors_table = make_table(self.mentors_model, MentorsModel.NOTE, self.tabs)
        self.tabs.addTab(self.mentors_table, "")
        self.deadlines_table = make_table(
            self.deadlines_model,
            DeadlinesModel.WHAT,
            self.tabs,
            {DeadlinesModel.BASIS: 22, DeadlinesModel.SOURCE: 20},
        )
        self.tabs.addTab(self.deadlines_table, "")
        layout.addWidget(self.tabs, 1)
        self.empty = QLabel(self.tr("Choose a person in the list to see their pipeline."), self)
        self.empty.setStyleSheet(MUTED + " padding: 24px;")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty, 1)
        self.clear()

    def _build_header(self) -> QVBoxLayout:
        self.name_label = QLabel(self)
        self.name_label.setFont(scaled_font(1.4, bold=True))
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet(
            "background: #e8eef7; border-radius: 4px; padding: 3px 8px;"
        )
        self.stage_label = QLabel(self)
        self.stage_label.setWordWrap(True)
        self.electorate_label = QLabel(self)
        self.electorate_label.setStyleSheet(MUTED)
        self.electorate_label.setWordWrap(True)
        self.nearest_label = QLabel(self)
        self.nearest_label.setWordWrap(True)
        self.print_button = PrintFormsButton(None, self)  # the window lends it the runner
        top = QHBoxLayout()
        top.addWidget(self.name_label)
        top.addWidget(self.status_label)
        top.addStretch(1)
        top.addWidget(self.print_button)
        header = QVBoxLayout()
        header.setSpacing(4)
        header.addLayout(top)
        for label in (self.stage_label, self.electorate_label, self.nearest_label):
            header.addWidget(label)
        return header

    def _build_steps(self) -> QSplitter:
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.steps_table = make_table(
            self.steps_model, StepsModel.DETAILS, split, {StepsModel.STEP: 26}
        )
        self.next_table = make_table(self.next_model, NextStepsModel.STEP, split)
        split.addWidget(self.steps_table)
        split.addWidget(self.next_table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        return split

    # -- showing ---------------------------------------------------------------------------

    def clear(self) -> None:
        self.pipeline = None
        self.print_button.set_person(None)
        self.print_button.hide()
        for model in (
            self.steps_model,
            self.next_model,
            self.dossier_model,
            self.mentors_model,
            self.deadlines_model,
        ):
            model.set_rows([])
        for label in (
            self.name_label,
            self.status_label,
            self.stage_label,
            self.electorate_label,
            self.nearest_label,
        ):
            label.clear()
            label.hide()
        self.tabs.hide()
        self.empty.show()

    def show_pipeline(self, pipeline: Pipeline, today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        self.pipeline = pipeline
        person = pipeline.person
        self.name_label.setText(person.full_name)
        self.status_label.setText(person.status_label)
        self.stage_label.setText(fill(self.tr("Current stage: %1"), pipeline.stage))
        self.electorate_label.setText(
            fill(self.tr("%1 official members can vote today"), pipeline.vote_electorate)
        )
        self.steps_model.set_rows(pipeline.steps)
        self.next_model.set_rows(pipeline.next_steps)
        self.dossier_model.set_rows(pipeline.dossier)
        self.mentors_model.set_rows(pipeline.mentors)
        self.deadlines_model.today = today
        self.deadlines_model.set_rows(pipeline.deadlines)
        self._show_nearest(pipeline, today)
        self._title_tabs()
        self.print_button.set_person(person.id)
        for widget in (self.name_label, self.status_label, self.stage_label, self.print_button):
            widget.show()
        self.electorate_label.show()
        self.empty.hide()
        self.tabs.show()

    def _show_nearest(self, pipeline: Pipeline, today: dt.date) -> None:
        if not pipeline.deadlines:
            self.nearest_label.hide()
            return
        item = pipeline.deadlines[0]
        late = item.overdue(today)
        template = self.tr("Overdue since %1: %2") if late else self.tr("Next deadline %1: %2")
        self.nearest_label.setText(fill(template, format_vn(item.due), item.message))
        self.nearest_label.setToolTip(item.why)
        self.nearest_label.setStyleSheet(f"color: {ERROR_COLOR};" if late else "")
        self.nearest_label.show()

    def _title_tabs(self) -> None:
        missing, late = self.dossier_model.missing(), self.deadlines_model.overdue()
        titles = (
            fill(self.tr("Steps (%1 done)"), self.steps_model.rowCount()),
            fill(self.tr("Dossier (%1 missing)"), missing) if missing else self.tr("Dossier"),
            fill(self.tr("Mentors (%1)"), len(self.mentors_model.active())),
            fill(self.tr("Deadlines (%1 overdue)"), late)
            if late
            else fill(self.tr("Deadlines (%1)"), self.deadlines_model.rowCount()),
        )
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)

    def selected_mentorship(self) -> MentorshipView | None:
        index = self.mentors_table.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None
