"""The Today page: what is overdue and what falls due in the next 90 days for candidates,
probationary members and the cell's meetings, each with the rule behind it and the date it is
counted from.

The list is computed on the database thread (``today.todo``) whenever the page is shown, so
steps and roll calls recorded on other pages are seen at once. Double-click or Enter on a row
opens the person on the Candidates page, or the Meetings page for a meeting warning.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import format_vn
from desktop_app.domain.deadlines import HORIZON_DAYS, TodoItem
from desktop_app.domain.errors import DomainError
from desktop_app.domain.meeting_warnings import ITEM_KINDS
from desktop_app.domain.rules import Rule
from desktop_app.services import today as today_service
from desktop_app.services.rules import rule_table
from desktop_app.store.database import Register
from desktop_app.ui import errors, style
from desktop_app.ui.dialogs.rules_dialog import RulesDialog
from desktop_app.ui.models import todo_model
from desktop_app.ui.models.roles import ObjectRole
from desktop_app.ui.models.todo_model import TodoModel, basis_text, confidence_text, when_text
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.messages import Banner
from desktop_app.ui.widgets.text import fill

log = logging.getLogger(__name__)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# The rule and basis columns wrap: at least this many "0"s wide, and a share of the room
# the date, when and name columns leave; what to do takes the rest.
_WRAPPED = (todo_model.RULE, todo_model.BASIS)
_MIN_CHARS = 19
# Rows are fitted to their wrapped text up to this many; a longer list (a very large cell)
# keeps rows of two lines, the whole text in the detail below: fitting thousands of wrapped
# rows again at each resize held the window for seconds.
FIT_ROWS_UP_TO = 400
_SHARE = 0.26


@dataclass(frozen=True)
class TodoList:
    """What the database thread hands back: the items and, per item, the rule version used."""

    on: dt.date
    items: list[TodoItem]
    rules: dict[tuple[str, str], Rule]


def rule_of(item: TodoItem) -> Rule | None:
    """The version of the rule the item was computed with (the one its "why" quotes)."""
    try:
        versions = rule_table().versions(item.rule)
    except KeyError:
        return None
    return next((r for r in reversed(versions) if r.why() == item.why), None)


def area_of(item: TodoItem) -> str:
    """The page that deals with an item: meeting warnings go to Meetings."""
    return "meetings" if item.kind in ITEM_KINDS else "candidates"


def load_todo(reg: Register, on: dt.date) -> TodoList:
    """Database thread: the list, and the rules it quotes."""
    items = today_service.todo(reg, on)
    rules = {}
    for item in items:
        key = (item.rule, item.why)
        if key not in rules and (rule := rule_of(item)) is not None:
            rules[key] = rule
    return TodoList(on, items, rules)


class TodayPage(QWidget):
    """Deadlines and warnings, overdue first; the selected one explained below the list."""

    open_person = Signal(str, str)  # area key, person id

    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None, *, today: dt.date | None = None
    ):
        super().__init__(parent)
        self._runner = runner
        self._fixed_today = today  # tests; otherwise the computer's date at each load
        self._seq = 0
        self._loaded = False
        self._rules: dict[tuple[str, str], Rule] = {}
        self._widths: dict[tuple[int, int], int] = {}  # (column, "0" width) → widest text
        self.model = TodoModel(self)
        self._build()
        self._show_summary()
        self._show_detail(None)
        runner.register_changed.connect(self._register_changed)

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        top = QHBoxLayout()
        title = style.heading(self.tr("Today"), 1.5)
        title.setWordWrap(False)
        self.rules_button = QPushButton(self.tr("&Rules and working days…"), self)
        self.rules_button.setToolTip(
            self.tr(
                "The rules the deadlines are computed from, and the days off and swapped "
                "working days they count with"
            )
        )
        self.rules_button.clicked.connect(self.open_rules)
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.rules_button)
        layout.addLayout(top)
        self.summary = QLabel(self)
        self.summary.setFont(style.scaled_font(1.1, bold=True))
        self.as_of = style.muted("")
        layout.addWidget(self.summary)
        layout.addWidget(self.as_of)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_table())
        self.empty = style.muted("", 1.15)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self._build_detail())
        layout.addLayout(self._build_buttons())

    def _build_table(self) -> QTableView:
        table = self.table = QTableView(self)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(todo_model.WHAT, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.doubleClicked.connect(self._activated)
        table.installEventFilter(self)
        table.viewport().installEventFilter(self)  # resized: widen the wrapped columns
        table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        return table

    def _build_detail(self) -> QFrame:
        frame = self.detail = QFrame(self)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setObjectName("TodoDetail")
        frame.setStyleSheet(
            "QFrame#TodoDetail { background: #ffffff; border: 1px solid #ddd5c8;"
            " border-radius: 4px; }"
        )
        grid = QGridLayout(frame)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setVerticalSpacing(4)
        grid.setHorizontalSpacing(10)
        grid.setColumnStretch(1, 1)
        self.detail_hint = style.muted(self.tr("Choose a row to see the rule behind it."))
        grid.addWidget(self.detail_hint, 0, 0, 1, 2)
        self.detail_values: dict[str, QLabel] = {}
        self._detail_keys: dict[str, QLabel] = {}
        rows = (
            ("what", self.tr("What to do")),
            ("due", self.tr("Due")),
            ("rule", self.tr("Rule")),
            ("source", self.tr("Source")),
            ("basis", self.tr("Counted from")),
            ("note", self.tr("Note")),
        )
        top_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        for number, (key, label) in enumerate(rows, start=1):
            name = style.muted(label)
            name.setWordWrap(False)
            value = QLabel(frame)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._detail_keys[key], self.detail_values[key] = name, value
            grid.addWidget(name, number, 0, top_right)
            grid.addWidget(value, number, 1)
        self.detail_values["what"].setFont(style.scaled_font(1.0, bold=True))
        style.set_role(self.detail_values["note"], "muted")
        return frame

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open in Candidates"), self)
        self.open_button.setToolTip(self.tr("Open this person's admission file (Enter)"))
        self.open_button.clicked.connect(self.open_current)
        self.reload_button = QPushButton(self.tr("Re&fresh"), self)
        self.reload_button.clicked.connect(self.reload)
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(self.reload_button)
        return row

    # -- loading -------------------------------------------------------------------------

    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous() and self._runner.has_register:
            self.reload()  # steps may have been recorded on other pages since

    def _register_changed(self) -> None:
        self._loaded = False
        self._rules = {}
        self.model.set_rows([], self.today())
        self._widths = {}
        self._show_summary()
        self._show_detail(None)
        if self._runner.has_register:
            self.reload()

    def reload(self) -> None:
        """Compute the list again on the database thread; older answers are dropped."""
        self._seq += 1
        if not self._runner.has_register:
            self._show_summary()
            return
        seq, on = self._seq, self.today()
        self._runner.submit(
            lambda reg: load_todo(reg, on),
            lambda result: self._loaded_list(seq, result),
            lambda exc: self._failed(seq, exc),
        )

    def _loaded_list(self, seq: int, result: TodoList) -> None:
        if seq != self._seq:
            return
        keep = self.current_item()
        self.banner.clear_message()
        self._rules = result.rules
        self._size_rows(len(result.items))  # before the rows come: fitting thousands is slow
        self.model.set_rows(result.items, result.on)
        self._fix_row_heights()
        self._widths = {}
        self._loaded = True
        self._fit_columns()
        self._reselect(keep)
        self._show_summary()

    def _failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._seq:
            return
        if isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)

    def _size_rows(self, count: int) -> None:
        header = self.table.verticalHeader()
        if count <= FIT_ROWS_UP_TO:
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
            return
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(self.table.fontMetrics().lineSpacing() * 2 + 12)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)

    def _fix_row_heights(self) -> None:
        """Fixed rows all of two lines (a header keeps the heights rows had when fitted)."""
        header = self.table.verticalHeader()
        if header.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed:
            for row in range(self.model.rowCount()):
                header.resizeSection(row, header.defaultSectionSize())

    def _fit_columns(self) -> None:
        """Date, when and name columns as wide as their texts (overdue dates are bold); the
        rule and basis columns wrap; what to do takes the rest."""
        plain = self.table.fontMetrics()
        bold = QFontMetrics(style.scaled_font(1.0, bold=True))
        heads = self.table.horizontalHeader().fontMetrics()
        items = self.model.items()
        for column in (todo_model.DUE, todo_model.WHEN, todo_model.PERSON):
            texts = [self.model.display(item, column) for item in items]
            fonts = (plain,) if column == todo_model.PERSON else (plain, bold)
            content = max((f.horizontalAdvance(t) for t in texts for f in fonts), default=0)
            title = heads.horizontalAdvance(
                str(self.model.headerData(column, Qt.Orientation.Horizontal))
            )
            self.table.setColumnWidth(column, max(title + 24, content + 20))
        self._fit_wrapped()

    def _fit_wrapped(self) -> None:
        """Wider rule and basis columns on a wide window, so their rows need fewer lines."""
        plain = self.table.fontMetrics()
        fixed = sum(
            self.table.columnWidth(c) for c in (todo_model.DUE, todo_model.WHEN, todo_model.PERSON)
        )
        room = self.table.viewport().width() - fixed
        least = plain.horizontalAdvance("0") * _MIN_CHARS
        for column in _WRAPPED:
            longest = self._longest(column, plain) + 20
            self.table.setColumnWidth(column, max(least, min(int(room * _SHARE), longest)))

    def _longest(self, column: int, metrics: QFontMetrics) -> int:
        """The widest text of a wrapped column, measured once per list (resizes ask again)."""
        key = (column, metrics.horizontalAdvance("0"))  # the text size may change
        if key not in self._widths:
            texts = {self.model.display(item, column) for item in self.model.items()}
            self._widths[key] = max((metrics.horizontalAdvance(t) for t in texts), default=0)
        return self._widths[key]

    def _reselect(self, keep: TodoItem | None) -> None:
        rows = self.model.items()
        row = next(
            (
                r
                for r, item in enumerate(rows)
                if keep
                and (item.person_id, item.kind, item.rule) == (keep.person_id, keep.kind, keep.rule)
            ),
            0 if rows else -1,
        )
        if row >= 0:
            self.select_row(row)
        self._selection_changed()

    def select_row(self, row: int) -> None:
        """Make a row current and selected (the detail follows)."""
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    # -- showing -------------------------------------------------------------------------

    def _show_summary(self) -> None:
        has = self._runner.has_register
        self.reload_button.setEnabled(has)
        if not has:
            self.summary.setText(self.tr("No register is open"))
            self.as_of.clear()
            self.stack.setCurrentWidget(self.table)
            return
        if not self._loaded:
            self.summary.setText(self.tr("Loading…"))
            self.as_of.clear()
            return
        overdue = self.model.overdue_count()
        upcoming = self.model.rowCount() - overdue
        self.summary.setText(
            fill(self.tr("%1 overdue, %2 due in the next %3 days"), overdue, upcoming, HORIZON_DAYS)
        )
        style.set_role(self.summary, "error" if overdue else "")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        self.as_of.setText(
            fill(
                self.tr(
                    "As of %1, for candidates, probationary members and the cell's meetings. "
                    "Deadlines in working days skip weekends and public holidays."
                ),
                format_vn(self.model.today),
            )
        )
        empty = self.model.rowCount() == 0
        self.empty.setText(
            fill(self.tr("Nothing is overdue or due in the next %1 days."), HORIZON_DAYS)
        )
        self.stack.setCurrentWidget(self.empty if empty else self.table)
        self.detail.setVisible(not empty)
        self.open_button.setVisible(not empty)

    def current_item(self) -> TodoItem | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(
            index.row(), QModelIndex()
        ):
            return None
        return index.data(ObjectRole)

    def _selection_changed(self) -> None:
        item = self.current_item()
        self._show_detail(item)
        self.open_button.setEnabled(item is not None)
        meetings = item is not None and area_of(item) == "meetings"
        self.open_button.setText(
            self.tr("Open in Meetings") if meetings else self.tr("Open in Candidates")
        )
        self.open_button.setToolTip(
            self.tr("Open the cell's meetings and attendance (Enter)")
            if meetings
            else self.tr("Open this person's admission file (Enter)")
        )

    def _show_detail(self, item: TodoItem | None) -> None:
        self.detail_hint.setVisible(item is None)
        for key in self.detail_values:
            self._show_detail_row(key, item is not None)
        if item is None:
            return
        rule = self._rules.get((item.rule, item.why))
        values = self.detail_values
        values["what"].setText(f"{item.person_name}: {item.message}")
        values["due"].setText(f"{format_vn(item.due)} ({when_text(item, self.model.today)})")
        values["rule"].setText(f"{rule.title}: {rule.value_text()}" if rule else item.why)
        values["source"].setText(
            fill(
                self.tr("%1 — confidence: %2; rule code %3"),
                item.source,
                confidence_text(item),
                item.rule,
            )
        )
        values["basis"].setText(basis_text(item))
        note = rule.note if rule else ""
        values["note"].setText(note)
        self._show_detail_row("note", bool(note))
        self.detail.updateGeometry()  # the wrapped lines changed: let the page make room

    def _show_detail_row(self, key: str, shown: bool) -> None:
        self._detail_keys[key].setVisible(shown)
        self.detail_values[key].setVisible(shown)

    # -- actions -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_wrapped()
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER
            and not event.modifiers()
        ):
            self.open_current()
            return True
        return super().eventFilter(watched, event)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            item = self.model.item(index.row())
            self.open_person.emit(area_of(item), item.person_id)

    def open_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.open_person.emit(area_of(item), item.person_id)

    def open_rules(self) -> None:
        RulesDialog.ask(self, self._runner)
        if self._runner.has_register:
            self.reload()  # a day off added or removed moves deadlines
