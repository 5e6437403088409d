"""The attendance grid of a year: members down, the year's roll-taking meetings across, each
cell one letter, with fast keyboard entry.

Arrows move; C or Space marks present, M late, P excused (the reason is asked), V unexcused,
Delete puts the cell back to its default; after a mark the cursor goes down to the next member.
Each mark is one ``meetings.set_attendance`` on the database thread; its cell is shown from the
meeting's roll the write returns, then the grid is read again for the totals (one read for a
burst of marks) and only the rows that changed are redrawn, so the cursor stays where the user
is. Refusals are shown above the grid and change nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import DomainError
from desktop_app.services import attendance, meetings
from desktop_app.services.attendance import Grid
from desktop_app.services.meetings import MeetingDetail
from desktop_app.store.database import Register
from desktop_app.ui import errors, style
from desktop_app.ui.models.attendance_grid_model import (
    COLORS,
    LETTERS,
    NOT_ON_ROLL,
    AttendanceGridModel,
    Cell,
)
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.messages import Banner
from desktop_app.ui.widgets.text import fill

KEYS: dict[Qt.Key, str | None] = {
    Qt.Key.Key_C: "present",
    Qt.Key.Key_Space: "present",
    Qt.Key.Key_M: "late",
    Qt.Key.Key_P: "excused",
    Qt.Key.Key_V: "absent",
    Qt.Key.Key_Delete: None,
    Qt.Key.Key_Backspace: None,
}
SEPARATOR = QColor("#8c8578")  # the line above the exempted members
CELL_CHARS = "00/00"  # a meeting column is as wide as its date


@dataclass(frozen=True)
class GridData:
    """What the database thread hands back: the grid and the absence thresholds."""

    grid: Grid
    warn_months: int
    removal_months: int


def load_grid(reg: Register, year: int) -> GridData:
    """Database thread: the grid, and the rules its warning colours follow."""
    return GridData(attendance.grid(reg, year), *attendance.absence_thresholds(year))


class AbsenceReasonDialog(QDialog):
    """The reason for an excused absence (required); Esc cancels."""

    def __init__(self, name: str, meeting: str, reason: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Excused absence"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        label = QLabel(fill(self.tr("Why was %1 absent from %2?"), name, meeting), self)
        label.setWordWrap(True)
        self.reason = QLineEdit(reason, self)
        self.reason.setMaxLength(meetings.REASON_LIMIT)
        self.reason.setPlaceholderText(self.tr("For example: on a work trip, ill"))
        self.reason.selectAll()
        label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._check)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason.text().strip()))

    def text(self) -> str:
        return self.reason.text().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, name: str, meeting: str, reason: str) -> str | None:
        """The reason typed, or None when cancelled."""
        dialog = cls(name, meeting, reason, parent)
        return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class _Separated(QStyledItemDelegate):
    """Cells drawn as usual, with a line above the first exempted member."""

    def __init__(self, model: AttendanceGridModel, parent: QObject | None = None):
        super().__init__(parent)
        self._model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        if index.row() == self._model.first_exempted() and index.row() > 0:
            _line_above(painter, option.rect)


class _NamesHeader(QHeaderView):
    """The members' names down the left, with the same line above the exempted ones."""

    def __init__(self, model: AttendanceGridModel, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Vertical, parent)
        self._grid = model

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        super().paintSection(painter, rect, logical)
        if logical == self._grid.first_exempted() and logical > 0:
            _line_above(painter, rect)


def _plain(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    view.setCornerButtonEnabled(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)


def _line_above(painter: QPainter, rect: QRect) -> None:
    painter.save()
    painter.setPen(QPen(SEPARATOR, 2))
    painter.drawLine(rect.left(), rect.top() + 1, rect.right(), rect.top() + 1)
    painter.restore()


class AttendanceGrid(QWidget):
    """A year's attendance, one member per row; ``changed`` after each mark written."""

    changed = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._year: int | None = None
        self._seq = 0
        self._refresh_queued = False
        self._want: str | None = None  # select_person before the rows arrived
        self.model = AttendanceGridModel(self)
        self._build()
        runner.register_changed.connect(self._register_changed)

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 4)
        layout.setSpacing(6)
        self.summary = style.muted("")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_table())
        self.empty = style.muted("", 1.1)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setText(self._legend_text())
        layout.addWidget(self.legend)

    def _build_table(self) -> QWidget:
        """The meetings' view, its names frozen on the left (the vertical header), and the
        totals in a view of their own on the right, scrolled down with it."""
        box = self.grid_box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        table = self.table = QTableView(box)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.setVerticalHeader(_NamesHeader(self.model, table))
        table.setModel(self.model)
        table.setItemDelegate(_Separated(self.model, table))
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        totals = self.totals = QTableView(box)
        totals.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        totals.setModel(self.model)
        totals.setItemDelegate(_Separated(self.model, totals))
        totals.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        totals.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        totals.verticalHeader().hide()
        totals.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for view in (table, totals):
            _plain(view)
        names = table.verticalHeader()
        names.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        names.setSectionsClickable(True)  # and the current member's name in bold
        names.setHighlightSections(True)
        names.sectionClicked.connect(self._row_chosen)
        table.horizontalHeader().setHighlightSections(True)
        totals.pressed.connect(lambda index: self._row_chosen(index.row()))
        table.installEventFilter(self)
        right = QVBoxLayout()
        right.setSpacing(0)
        right.addWidget(totals, 1)
        self._under_totals = QWidget(box)  # as tall as the meetings' horizontal scroll bar
        self._under_totals.setFixedHeight(table.horizontalScrollBar().sizeHint().height())
        right.addWidget(self._under_totals)
        self._link_scrolling()
        row.addWidget(table, 1)
        row.addLayout(right)
        row.addStretch(0)
        return box

    def _link_scrolling(self) -> None:
        mine, theirs = self.table.verticalScrollBar(), self.totals.verticalScrollBar()
        mine.valueChanged.connect(theirs.setValue)
        theirs.valueChanged.connect(mine.setValue)
        across = self.table.horizontalScrollBar()
        across.rangeChanged.connect(lambda _lo, hi: self._match_bottom(hi > 0))
        theirs.rangeChanged.connect(lambda *_: self._fit_totals())

    def _match_bottom(self, scrolls: bool) -> None:
        """The totals end where the meetings' rows end, above its horizontal scroll bar."""
        self._under_totals.setVisible(scrolls)

    def _row_chosen(self, row: int) -> None:
        """A name or a total clicked: that member, at the meeting the cursor is on."""
        column = self.table.currentIndex().column()
        self._set_current(row, column if column >= 0 else max(len(self.model.meetings) - 1, 0))
        self.table.setFocus(Qt.FocusReason.MouseFocusReason)

    def _legend_text(self) -> str:
        def key(letter: str, color: str, words: str) -> str:
            return (
                f"<span style='white-space:nowrap'><b style='color:{color}'>{letter}</b>"
                f"&nbsp;{words}</span>"
            )

        delete = self.tr("Delete: back to the default")
        parts = [
            key(LETTERS["present"], COLORS["present"], self.tr("present (C or Space)")),
            key(LETTERS["late"], COLORS["late"], self.tr("late (M)")),
            key(LETTERS["excused"], COLORS["excused"], self.tr("excused, with a reason (P)")),
            key(LETTERS["absent"], COLORS["absent"], self.tr("unexcused (V)")),
            key(NOT_ON_ROLL, "#a8a29a", self.tr("not on that meeting's roll")),
            f"<span style='white-space:nowrap'>{delete}</span>",
        ]
        hint = self.tr(
            "Arrows move; after a mark the cursor goes down to the next member. Exempted "
            "members are listed last, below the line."
        )
        return "&nbsp;&nbsp;· ".join(parts) + f"<br><span style='color:#5c5c5c'>{hint}"

    # -- loading -------------------------------------------------------------------------

    @property
    def year(self) -> int | None:
        return self._year

    def load(self, year: int) -> None:
        """Read the year's grid on the database thread; older answers are dropped."""
        if year != self._year:
            self.banner.clear_message()
        self._year = year
        self._seq += 1
        if not self._runner.has_register:
            return
        seq = self._seq
        self._runner.submit(
            lambda reg: load_grid(reg, year),
            lambda data: self._loaded(seq, data),
            lambda exc: self._failed(seq, exc),
        )

    def reload(self) -> None:
        if self._year is not None:
            self.load(self._year)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous() and self._runner.has_register and self.model.rowCount():
            self.reload()  # roll calls may have been changed on the meeting's own tab

    def _register_changed(self) -> None:
        self._seq += 1
        self.model.clear()
        self.banner.clear_message()
        self._show_state()
        if self._runner.has_register and self._year is not None and self.isVisible():
            self.reload()

    def _loaded(self, seq: int, data: GridData) -> None:
        if seq != self._seq:
            return
        keep = self.model.cell(self.table.currentIndex())
        reset = self.model.rowCount() == 0 or data.grid.year != self.model.year
        self.model.set_grid(data.grid, data.warn_months, data.removal_months)
        if reset or not self.table.currentIndex().isValid():
            self._fit_columns()
            self._place_cursor(keep)
        if self._want is not None:
            self.select_person(self._want)
        self._show_state()

    def _failed(self, seq: int, exc: BaseException) -> None:
        if seq == self._seq:
            self._show_error(exc)

    def _show_error(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)

    def _fit_columns(self) -> None:
        """Meeting columns as wide as a date; the totals as wide as their headers, shown
        only in the totals view; the meetings' view no wider than its columns."""
        metrics = self.table.fontMetrics()
        bold = self.table.horizontalHeader().fontMetrics()
        width = max(metrics.horizontalAdvance(CELL_CHARS), bold.horizontalAdvance(CELL_CHARS)) + 18
        count = len(self.model.meetings)
        for column in range(self.model.columnCount()):
            if column < count:
                size = width
            else:
                lines = str(self.model.headerData(column, Qt.Orientation.Horizontal)).split("\n")
                size = max(width, max(bold.horizontalAdvance(t) for t in lines) + 16)
            for view in (self.table, self.totals):
                view.setColumnWidth(column, size)
            self.table.setColumnHidden(column, column >= count)
            self.totals.setColumnHidden(column, column < count)
        for view in (self.table, self.totals):
            view.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
        frame = 2 * self.table.frameWidth()
        names = self.table.verticalHeader().sizeHint().width()
        self.table.setMaximumWidth(names + frame + width * count)
        self._fit_totals()

    def _fit_totals(self) -> None:
        count = len(self.model.meetings)
        columns = range(count, self.model.columnCount())
        bar = self.totals.verticalScrollBar()
        scroll = bar.sizeHint().width() if bar.maximum() > 0 else 0
        frame = 2 * self.totals.frameWidth()
        self.totals.setFixedWidth(sum(self.totals.columnWidth(c) for c in columns) + frame + scroll)

    def _place_cursor(self, keep: Cell | None) -> None:
        """Back on the member and meeting the cursor was on, else on the latest meeting."""
        if not self.model.rowCount() or not self.model.meetings:
            return
        row, column = 0, len(self.model.meetings) - 1
        if keep is not None:
            found = self.model.row_of(keep.row.person_id)
            ids = [m.id for m in self.model.meetings]
            if found is not None and keep.meeting.id in ids:
                row, column = found, ids.index(keep.meeting.id)
        self._set_current(row, column)

    def _set_current(self, row: int, column: int) -> None:
        index = self.model.index(row, column)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.table.scrollTo(index)

    def _show_state(self) -> None:
        model, year = self.model, self._year
        if not self._runner.has_register:
            self.summary.setText(self.tr("No register is open"))
            self.stack.setCurrentWidget(self.grid_box)
            return
        count, people = len(model.meetings), model.rowCount()
        exempted = sum(1 for r in model.rows() if r.exempted)
        self.summary.setText(
            fill(
                self.tr("%1: %2 meetings that take a roll, %3 members (%4 exempted)"),
                year or "",
                count,
                people - exempted,
                exempted,
            )
        )
        self.empty.setText(
            fill(self.tr("No regular, thematic or resolution study meeting held in %1."), year)
        )
        self.stack.setCurrentWidget(self.grid_box if count else self.empty)

    # -- selection -----------------------------------------------------------------------

    def select_person(self, person_id: str) -> bool:
        """Make this member's row current (at the cursor's meeting) and scroll to it. Before
        the rows arrive, it is remembered; False while the member is not in the grid."""
        row = self.model.row_of(person_id)
        if row is None:
            self._want = person_id if self.model.rowCount() == 0 else None
            return False
        self._want = None
        column = self.table.currentIndex().column()
        if column < 0:
            column = max(len(self.model.meetings) - 1, 0)
        self._set_current(row, column)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def current_cell(self) -> Cell | None:
        return self.model.cell(self.table.currentIndex())

    # -- keyboard entry ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._key(event):
                return True
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods & ~Qt.KeyboardModifier.ShiftModifier:
            return False  # Ctrl, Alt: the window's shortcuts
        key = Qt.Key(event.key())
        if key not in KEYS:
            return False
        self.mark(KEYS[key])
        return True

    def mark(self, status: str | None) -> bool:
        """Mark the current cell (None: back to the default) and step down. False when the
        cursor is not on a meeting or the reason was not given."""
        cell = self.current_cell()
        if cell is None:
            return False
        reason = ""
        if status == "excused":
            title = cell.meeting.title  # "Sinh hoạt thường kỳ 06/10/2026", within a sentence
            meeting = title[:1].lower() + title[1:]
            asked = AbsenceReasonDialog.ask(self, cell.row.name, meeting, cell.reason)
            if asked is None:
                return False
            reason = asked
        self._write(cell, status, reason)
        self._step_down()
        return True

    def _step_down(self) -> None:
        index = self.table.currentIndex()
        if index.row() + 1 < self.model.rowCount():
            self._set_current(index.row() + 1, index.column())

    def _write(self, cell: Cell, status: str | None, reason: str) -> None:
        meeting_id, person_id = cell.meeting.id, cell.row.person_id
        self._runner.submit(
            lambda reg: meetings.set_attendance(reg, meeting_id, person_id, status, reason),
            lambda detail: self._written(person_id, detail),
            self._write_failed,
        )

    def _written(self, person_id: str, detail: MeetingDetail) -> None:
        """The cell at once from the meeting's roll the write returned; the totals follow when
        the grid has been read again."""
        line = next((ln for ln in detail.roll if ln.person_id == person_id), None)
        status, reason = (line.status, line.reason) if line else (None, "")
        self.model.set_cell(person_id, detail.meeting.id, status, reason)
        self.banner.clear_message()
        self.changed.emit()
        self._refresh()

    def _write_failed(self, exc: BaseException) -> None:
        self._show_error(exc)

    def _refresh(self) -> None:
        """Read the grid again after marks; one read for the marks queued before it runs."""
        if self._refresh_queued or self._year is None:
            return
        self._refresh_queued = True
        self._seq += 1
        seq, year = self._seq, self._year
        self._runner.submit(
            lambda reg: load_grid(reg, year),
            lambda data: self._refreshed(seq, data),
            lambda exc: self._refreshed(seq, None, exc),
        )

    def _refreshed(self, seq: int, data: GridData | None, exc: BaseException | None = None) -> None:
        self._refresh_queued = False
        if data is not None:
            self._loaded(seq, data)
        elif exc is not None:
            self._failed(seq, exc)
