"""The Meetings page ("Sinh hoạt"): a year's meetings on the left, the chosen one's fields and
roll call on the right, and the actions: add a meeting (held or planned), change it, delete it.
The register's warnings after a write (two regular meetings in one month) are shown, its
refusals too, and nothing is written then.

Tabs: the first holds the list and the roll call; the attendance grid and the year's report
are added beside it. All register work runs on the database thread; the page reloads when
shown, when another register is opened and after every write, and keeps the chosen meeting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import DomainError
from desktop_app.services import meetings
from desktop_app.services.meetings import MeetingDetail, MeetingView
from desktop_app.store.database import Register
from desktop_app.ui import errors, style
from desktop_app.ui.dialogs.meeting_dialog import MeetingDialog
from desktop_app.ui.models import meetings_model
from desktop_app.ui.models.meetings_model import MeetingsModel
from desktop_app.ui.pages.attendance_grid import AttendanceGrid
from desktop_app.ui.pages.attendance_report import AttendanceReport
from desktop_app.ui.pages.meeting_detail import MeetingDetailView
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.messages import Banner
from desktop_app.ui.widgets.text import fill
from desktop_app.ui.widgets.vertical_scroll import VerticalScroll

FIRST_YEAR, LAST_YEAR = 1930, 2100


@dataclass(frozen=True)
class YearList:
    """What the database thread hands back: the year's meetings and the chosen one."""

    rows: list[MeetingView]
    chosen: str | None
    detail: MeetingDetail | None


def default_meeting(rows: list[MeetingView], today: dt.date) -> str | None:
    """The meeting shown first: the latest one up to today, else the first of the year."""
    past = [m for m in rows if m.date <= today.isoformat()]
    chosen = past[-1] if past else (rows[0] if rows else None)
    return chosen.id if chosen else None


def load_year(reg: Register, year: int, keep: str | None, today: dt.date) -> YearList:
    """Database thread: the year's list, and the meeting to show with its roll call."""
    rows = meetings.list_meetings(reg, year)
    chosen = keep if any(m.id == keep for m in rows) else default_meeting(rows, today)
    detail = meetings.get_meeting(reg, chosen) if chosen else None
    return YearList(rows, chosen, detail)


class MeetingsPage(QWidget):
    """``year_changed`` tells the year chosen (the other tabs follow it)."""

    year_changed = Signal(int)

    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None, *, today: dt.date | None = None
    ):
        super().__init__(parent)
        self._runner = runner
        self._fixed_today = today  # tests; otherwise the computer's date at each load
        self._seq = self._detail_seq = 0
        self._meeting_id: str | None = None  # the meeting shown on the right
        self._selecting = False
        self.model = MeetingsModel(self)
        self._build()
        self._make_actions()
        self._update_actions()
        runner.register_changed.connect(self._register_changed)

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(self._build_top())
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_meetings_tab(), self.tr("Meetings and roll calls"))
        self.grid = AttendanceGrid(self._runner, self)
        self.tabs.addTab(self.grid, self.tr("Attendance grid"))
        self.report = AttendanceReport(self._runner, self)
        self.tabs.addTab(self.report, self.tr("Year figures"))
        self.grid.changed.connect(self.reload)  # the list's tallies follow the grid
        self.tabs.currentChanged.connect(self._tab_changed)
        self.year_changed.connect(lambda _year: self._tab_changed(self.tabs.currentIndex()))
        layout.addWidget(self.tabs, 1)

    def _tab_changed(self, index: int) -> None:
        """The grid and the figures are read when their tab is shown, for the year chosen."""
        widget = self.tabs.widget(index)
        if widget in (self.grid, self.report) and self._runner.has_register:
            widget.load(self.current_year())

    def select_person(self, person_id: str) -> None:
        """From Today: a member's row in the grid, or the meetings (a warning about the cell)."""
        if person_id:
            self.tabs.setCurrentWidget(self.grid)
            self.grid.select_person(person_id)
        else:
            self.tabs.setCurrentIndex(0)

    def _build_top(self) -> QHBoxLayout:
        title = style.heading(self.tr("Meetings"), 1.5)
        title.setWordWrap(False)
        self.year = QSpinBox(self)
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(self.today().year)
        self.year.setAccelerated(True)
        self.year.setKeyboardTracking(False)  # a year typed in full, not 2, 20, 202…
        self.year.valueChanged.connect(self._year_changed)
        year_label = QLabel(self.tr("Year"), self)
        year_label.setBuddy(self.year)
        self.add_button = QPushButton(self.tr("Add meeting…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            top.addWidget(button)
        return top

    def _build_meetings_tab(self) -> QSplitter:
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(self.split)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 6, 4, 0)
        column.addWidget(self._build_table(), 1)
        self.count_label = style.muted("")
        column.addWidget(self.count_label)
        self.detail = MeetingDetailView(self._runner, self.split, self._fixed_today)
        self.detail.layout().setContentsMargins(8, 6, 0, 0)
        self.detail.written.connect(lambda _id: self.reload())
        self.split.addWidget(left)
        self.split.addWidget(VerticalScroll(self.detail, self.split))  # large text: scrolls
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)
        return self.split

    def _build_table(self) -> QTableView:
        table = self.table = QTableView(self)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().lineSpacing() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(meetings_model.TOPIC, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.doubleClicked.connect(lambda _index: self.edit_meeting())
        table.installEventFilter(self)
        table.selectionModel().currentRowChanged.connect(self._row_changed)
        return table

    def _make_actions(self) -> None:
        specs: tuple[tuple[QPushButton, Callable[[], None], str, str], ...] = (
            (
                self.add_button,
                self.add_meeting,
                "Ctrl+Shift+N",
                self.tr("Record a meeting held, or plan one"),
            ),
            (self.edit_button, self.edit_meeting, "Ctrl+E", self.tr("Change the chosen meeting")),
            (
                self.delete_button,
                self.delete_meeting,
                "Ctrl+Del",
                self.tr("Delete the chosen meeting and its roll call"),
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

    # -- loading ---------------------------------------------------------------------------

    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    def current_year(self) -> int:
        return self.year.value()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous() and self._runner.has_register:
            self.reload()  # members may have joined or left since

    def _register_changed(self) -> None:
        self._meeting_id = None
        self.banner.clear_message()
        self.model.set_rows([])
        self.detail.show_detail(None)
        self._update_actions()
        if self._runner.has_register and self.isVisible():
            self.reload()  # otherwise when shown: a large cell's year costs a second

    def _year_changed(self, year: int) -> None:
        self.banner.clear_message()
        self.reload()
        self.year_changed.emit(year)

    def reload(self) -> None:
        """The year's meetings and the one shown, again from the register."""
        if not self._runner.has_register:
            return
        self._seq += 1
        self._detail_seq += 1  # a detail still on its way is older than this answer
        seq, year, keep, today = self._seq, self.current_year(), self._meeting_id, self.today()
        self._runner.submit(
            lambda reg: load_year(reg, year, keep, today),
            lambda result: self._loaded(seq, result),
            self._failed,
        )

    def _loaded(self, seq: int, result: YearList) -> None:
        if seq != self._seq:
            return
        self.model.set_rows(result.rows)
        self._meeting_id = result.chosen
        self._select_row(self.model.row_of(result.chosen))
        self.detail.show_detail(result.detail)
        self._update_count()
        self._update_actions()

    def _load_detail(self) -> None:
        self._detail_seq += 1
        seq, meeting_id = self._detail_seq, self._meeting_id
        if meeting_id is None:
            self.detail.show_detail(None)
            return
        self._runner.submit(
            lambda reg: meetings.get_meeting(reg, meeting_id),
            lambda detail: self._detail_loaded(seq, detail),
            self._failed,
        )

    def _detail_loaded(self, seq: int, detail: MeetingDetail) -> None:
        if seq == self._detail_seq:
            self.detail.show_detail(detail)
            self._update_actions()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)
        self._update_actions()

    def _update_count(self) -> None:
        rows = self.model.rows()
        planned = sum(1 for m in rows if not m.held)
        self.count_label.setText(
            fill(
                self.tr("%1 meetings in %2, %3 of them planned"),
                len(rows),
                self.current_year(),
                planned,
            )
        )

    # -- selection -------------------------------------------------------------------------

    def _select_row(self, row: int | None) -> None:
        self._selecting = True
        try:
            if row is None:
                self.table.clearSelection()
                return
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(index, flags)
            self.table.scrollTo(index)
        finally:
            self._selecting = False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        meeting = self.model.row_at(current.row())
        if meeting.id != self._meeting_id:
            self._meeting_id = meeting.id
            self.detail.banner.clear_message()
            self._load_detail()
        self._update_actions()

    def select_meeting(self, meeting_id: str) -> None:
        """Show this meeting, turning to its year if it is another one."""
        self._meeting_id = meeting_id
        row = self.model.row_of(meeting_id)
        if row is not None:
            self._select_row(row)
            self._load_detail()
            return
        if self._runner.has_register:
            self._runner.submit(
                lambda reg: meetings.get_meeting(reg, meeting_id), self._found, self._failed
            )

    def _found(self, detail: MeetingDetail) -> None:
        year = int(detail.meeting.date[:4])
        if year != self.current_year():
            self.year.setValue(year)  # reloads, keeping the meeting
        else:
            self.reload()

    def current_meeting(self) -> MeetingView | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row())

    def _update_actions(self) -> None:
        has = self._runner.has_register
        chosen = self.current_meeting() is not None
        self.add_button.setEnabled(has)
        self.edit_button.setEnabled(has and chosen)
        self.delete_button.setEnabled(has and chosen)

    # -- actions ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and not event.modifiers()
        ):
            self.delete_meeting()
            return True
        return super().eventFilter(watched, event)

    def add_meeting(self) -> None:
        if self._runner.has_register:
            self._after_write(MeetingDialog.ask(self._runner, None, self, self.today()))

    def edit_meeting(self) -> None:
        meeting = self.current_meeting()
        if meeting is not None:
            self._after_write(MeetingDialog.ask(self._runner, meeting, self, self.today()))

    def _after_write(self, saved: MeetingView | None) -> None:
        if saved is None:
            return
        self.banner.clear_message()
        if saved.warnings:
            self.banner.show_message("\n".join(saved.warnings), "warning")
        self._meeting_id = saved.id
        year = int(saved.date[:4])
        if year != self.current_year():
            self.year.blockSignals(True)
            self.year.setValue(year)
            self.year.blockSignals(False)
            self.year_changed.emit(year)
        self.reload()

    def delete_meeting(self) -> None:
        meeting = self.current_meeting()
        if meeting is None:
            return
        text = fill(
            self.tr("Delete %1 (%2)?\nIts roll call is deleted with it."),
            meeting.title,
            meeting.topic or "—",
        )
        if not errors.confirm(self, self.tr("Delete meeting"), text):
            return
        self.banner.clear_message()
        self.delete_button.setEnabled(False)
        meeting_id = meeting.id
        self._runner.submit(
            lambda reg: meetings.delete_meeting(reg, meeting_id),
            lambda _none: self._deleted(meeting_id),
            self._failed,
        )

    def _deleted(self, meeting_id: str) -> None:
        if self._meeting_id == meeting_id:
            self._meeting_id = None
        self.reload()
