"""Conflicts the upper level's officer has to look at: a cell's journal that forked (an old
backup restored), a bundle held back for missing entries, a person two cells both hold. Each
with what happened, what it means in plain words and what the officer can do; "Resolve…"
closes a recorded one with a required note. Closed ones can be shown too."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import upper_board
from desktop_app.services import upper_workspace as ws
from desktop_app.services.upper_workspace import ConflictView
from desktop_app.store.database import Register
from desktop_app.ui import style
from desktop_app.ui.dialogs.upper_resolve_dialog import UpperResolveDialog
from desktop_app.ui.models import upper_conflicts_model as columns
from desktop_app.ui.models.upper_conflicts_model import ConflictRow, UpperConflictsModel
from desktop_app.ui.tasks import TaskRunner, Work
from desktop_app.ui.upper.upper_page import UpperPage, read_only_table
from desktop_app.ui.widgets.text import fill
from desktop_app.ui.widgets.vertical_scroll import VerticalScroll


def load_conflicts(reg: Register, closed_too: bool) -> list[ConflictRow]:
    """Database thread: open ones first (recorded, then people two cells hold), then closed
    ones, each by when it was found."""
    recorded = [ConflictRow.recorded(c) for c in ws.list_conflicts(reg, open_only=not closed_too)]
    shared = [ConflictRow.shared(p) for p in upper_board.people_in_two_cells(reg)]
    rows = sorted(recorded, key=lambda r: (r.closed, r.opened_at or ""))
    first_closed = next((i for i, r in enumerate(rows) if r.closed), len(rows))
    return rows[:first_closed] + shared + rows[first_closed:]


class ConflictsPage(UpperPage):
    """The list on the left, the chosen one explained on the right."""

    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None, *, today: dt.date | None = None
    ):
        super().__init__(runner, parent, today=today)
        self._chosen_id: str | None = None
        self.model = UpperConflictsModel(self)
        self._build()
        self.update_actions()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        title = style.heading(self.tr("Conflicts"), 1.5)
        title.setWordWrap(False)
        self.closed_box = QCheckBox(self.tr("Show &closed ones too"), self)
        self.closed_box.toggled.connect(lambda _on: self.refresh())
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(self.closed_box)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        self.empty_label = style.muted("")
        layout.addWidget(self.empty_label)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = read_only_table(split, self.model)
        self.table.horizontalHeader().setSectionResizeMode(
            columns.KIND, QHeaderView.ResizeMode.Stretch
        )
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _index: self.resolve())
        split.addWidget(self.table)
        split.addWidget(VerticalScroll(self._build_detail(), split))
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)

    def _text(self, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _build_detail(self) -> QWidget:
        self.detail = QWidget(self)
        column = QVBoxLayout(self.detail)
        column.setContentsMargins(8, 0, 0, 0)
        self.title_label = style.heading("", 1.15)
        self.happened = self._text(self.detail)
        self.meaning = self._text(self.detail)
        self.action = self._text(self.detail)
        self.closed_label = self._text(self.detail)
        column.addWidget(self.title_label)
        for heading, text in (
            (self.tr("What happened"), self.happened),
            (self.tr("What it means"), self.meaning),
            (self.tr("What you can do"), self.action),
        ):
            label = QLabel(heading, self.detail)
            label.setFont(style.scaled_font(1.0, bold=True))
            column.addWidget(label)
            column.addWidget(text)
        column.addWidget(self.closed_label)
        self.resolve_button = QPushButton(self.tr("&Resolve…"), self.detail)
        self.resolve_button.setToolTip(self.tr("Close the conflict with a note of what was done"))
        self.resolve_button.clicked.connect(self.resolve)
        row = QHBoxLayout()
        row.addWidget(self.resolve_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        return self.detail

    # -- explanations ----------------------------------------------------------------------

    def meaning_of(self, kind: str) -> str:
        if kind == "fork":
            return self.tr(
                "The cell's journal no longer follows on from what the upper level has received. "
                "Most often the cell restored an old backup and went on writing, so two versions "
                "of the same entries exist. The upper level keeps what it had: nothing of this "
                "bundle was taken."
            )
        if kind == "gap":
            return self.tr(
                "The bundle starts after entries the upper level has not received yet, so it "
                "was held back whole: nothing of it was taken. Entries are never skipped, so "
                "the cell's records stay complete."
            )
        if kind == columns.PERSON_ELSEWHERE:
            return self.tr(
                "Two cells both report this person as one of their members. Usually the person "
                "moved and the cell they left has not yet reported the transfer."
            )
        if kind == "reset":
            return self.tr(
                "The cell lost its register and every backup and started a new one, with a new "
                "key. The upper level unpinned the old key and set aside what it held of the "
                "cell (kept, not deleted); the cell's next bundle counts as its first."
            )
        return self.tr("The upper level could not take a bundle of this cell as it is.")

    def action_for(self, kind: str) -> str:
        if kind == "fork":
            return self.tr(
                "Phone the cell's secretary and ask whether an old backup was restored. If the "
                "cell's new records are the right ones, import its newest bundle again and "
                "accept the new branch: the old entries are set aside, not deleted, and this "
                "conflict closes by itself. If not, ask the cell to go back to its newest "
                "register and send a new bundle. Close it here with a note only if it was "
                "settled another way."
            )
        if kind == "gap":
            return self.tr(
                "Import the bundle holding the missing entries first, or ask the cell for a new "
                "bundle: a new one always carries everything the upper level has not "
                "confirmed. This conflict closes by itself when the missing entries arrive; "
                "close it here only if the held bundle is no longer needed."
            )
        if kind == columns.PERSON_ELSEWHERE:
            return self.tr(
                "Ask the cell the person left to record the transfer and send a bundle. This "
                "goes away by itself when that bundle arrives; it is not closed here."
            )
        if kind == "reset":
            return self.tr(
                "When the cell's first bundle arrives, read its new fingerprint with the "
                "secretary over the phone before confirming it."
            )
        return self.tr("Phone the cell's secretary, then close it here with a note.")

    # -- reading ---------------------------------------------------------------------------

    def load_work(self) -> Work:
        closed_too = self.closed_box.isChecked()
        return lambda reg: load_conflicts(reg, closed_too)

    def show_loaded(self, result: list[ConflictRow]) -> None:
        self.model.set_rows(result)
        open_count = sum(1 for r in result if not r.closed)
        self.empty_label.setVisible(open_count == 0)
        self.empty_label.setText(self.tr("No open conflicts: every bundle received is applied."))
        row = self.model.row_of(self._chosen_id)
        if row is None and result:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._show_detail(self.chosen())

    def clear(self) -> None:
        self._chosen_id = None
        self.model.set_rows([])
        self._show_detail(None)

    def chosen(self) -> ConflictRow | None:
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            row = self.model.row_object(current.row())
            self._chosen_id = row.id
            self._show_detail(row)
            self.update_actions()

    def select_conflict(self, row_id: str) -> bool:
        row = self.model.row_of(row_id)
        if row is not None:
            self.table.selectRow(row)
        return row is not None

    def _show_detail(self, row: ConflictRow | None) -> None:
        self.detail.setVisible(row is not None)
        if row is None:
            return
        self.title_label.setText(fill(self.tr("%1 — cell %2"), row.label, row.cells))
        self.happened.setText(row.detail)
        self.meaning.setText(self.meaning_of(row.kind))
        self.action.setText(self.action_for(row.kind))
        self.closed_label.setVisible(row.closed)
        if row.closed:
            self.closed_label.setText(
                fill(self.tr("Closed %1: %2"), columns.day_text(row.resolved_at), row.resolution)
            )

    # -- resolving -------------------------------------------------------------------------

    def update_actions(self) -> None:
        row = self.chosen()
        self.resolve_button.setEnabled(
            self._runner.has_register and not self._busy and row is not None and row.resolvable
        )

    def resolve(self) -> None:
        row = self.chosen()
        if row is None or not row.resolvable or self._busy:
            return
        closed = UpperResolveDialog.ask(self._runner, row, self)
        if closed is not None:
            self._resolved(closed)

    def _resolved(self, closed: ConflictView) -> None:
        text = self.tr("Closed: %1 (%2). Note: %3")
        self.say(fill(text, closed.label, closed.cell_code, closed.resolution), "ok")
        self.data_changed.emit()
        self.refresh()
