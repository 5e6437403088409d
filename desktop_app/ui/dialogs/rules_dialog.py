"""The rules the deadlines come from, and the working days they count with.

Tab 1 lists the shipped rule table (the versions in force today, or every version); tab 2 the
days off and swapped working days the user added on top of the Vietnamese public holidays.
Everything is read and written on the database thread.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.calendar import WorkCalendar
from desktop_app.domain.dates import DateFormatError, format_vn, vn_from_iso
from desktop_app.domain.errors import DomainError
from desktop_app.domain.rules import Rule
from desktop_app.services import rules as rules_service
from desktop_app.services.rules import NOTE_LIMIT, OverrideView
from desktop_app.ui import errors, style
from desktop_app.ui.models.roles import ObjectRole, SortRole
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.messages import Banner, FieldMessage
from desktop_app.ui.widgets.text import fill

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
_OLD = QColor("#6b6b6b")
_SOURCE_CHARS = 28  # the source column wraps beyond this many "0"s


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def weekday(day: dt.date) -> str:
    """ "Thứ Hai", ... "Chủ Nhật" in the interface's language."""
    return QLocale().dayName(day.isoweekday())


# -- models --------------------------------------------------------------------------------

TITLE, VALUE, SINCE, SOURCE, CONFIDENCE, CODE = range(6)
RULE_HEADERS = (
    QT_TRANSLATE_NOOP("RulesModel", "Rule"),
    QT_TRANSLATE_NOOP("RulesModel", "Value"),
    QT_TRANSLATE_NOOP("RulesModel", "In force from"),
    QT_TRANSLATE_NOOP("RulesModel", "Source"),
    QT_TRANSLATE_NOOP("RulesModel", "Confidence"),
    QT_TRANSLATE_NOOP("RulesModel", "Code"),
)


class RulesModel(QAbstractTableModel):
    """Rule versions; versions not in force today are greyed."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Rule] = []
        self._in_force: frozenset[tuple[str, dt.date]] = frozenset()
        self._mixed = False  # versions not in force are listed too

    def set_rules(self, rules: Iterable[Rule], in_force: Iterable[Rule]) -> None:
        self.beginResetModel()
        self._rows = list(rules)
        self._in_force = frozenset((r.id, r.effective_from) for r in in_force)
        self._mixed = any(not self.in_force(r) for r in self._rows)
        self.endResetModel()

    def rule(self, row: int) -> Rule:
        return self._rows[row]

    def row_of(self, rule_id: str, effective_from: dt.date | None = None) -> int | None:
        """The row of that version of the rule, else of the version in force today."""
        rows = [i for i, r in enumerate(self._rows) if r.id == rule_id]
        exact = [i for i in rows if self._rows[i].effective_from == effective_from]
        current = [i for i in rows if self.in_force(self._rows[i])]
        return (exact or current or rows or [None])[0]

    def in_force(self, rule: Rule) -> bool:
        return (rule.id, rule.effective_from) in self._in_force

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RULE_HEADERS)

    @staticmethod
    def display(rule: Rule, column: int) -> str:
        return (
            rule.title,
            rule.value_text(),
            format_vn(rule.effective_from),
            rule.source,
            rule.confidence_text,
            rule.id,
        )[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        rule, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(rule, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not self.in_force(rule):
                return QCoreApplication.translate("RulesModel", "Not the version in force today")
            return rule.note or rule.why()
        if role == SortRole:
            return rule.effective_from if column == SINCE else self.display(rule, column)
        if role == ObjectRole:
            return rule
        if role == Qt.ItemDataRole.ForegroundRole and not self.in_force(rule):
            return QBrush(_OLD)
        if role == Qt.ItemDataRole.FontRole and self._mixed and self.in_force(rule):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(RULE_HEADERS)
        ):
            return _tr("RulesModel", RULE_HEADERS[section])
        return None


DAY, KIND, NOTE = range(3)
DAY_HEADERS = (
    QT_TRANSLATE_NOOP("OverridesModel", "Date"),
    QT_TRANSLATE_NOOP("OverridesModel", "Kind"),
    QT_TRANSLATE_NOOP("OverridesModel", "Note"),
)


class OverridesModel(QAbstractTableModel):
    """The user's days off and swapped working days, by date."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[OverrideView] = []

    def set_rows(self, rows: Iterable[OverrideView]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda r: r.day)
        self.endResetModel()

    def rows(self) -> list[OverrideView]:
        return list(self._rows)

    def row_of(self, day: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.day == day), None)

    def calendar(self) -> WorkCalendar:
        """The working days as the register has them (pure: fine on the GUI thread)."""
        return WorkCalendar(
            days_off=[dt.date.fromisoformat(r.day) for r in self._rows if not r.working],
            working_days=[dt.date.fromisoformat(r.day) for r in self._rows if r.working],
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(DAY_HEADERS)

    @staticmethod
    def display(row: OverrideView, column: int) -> str:
        if column == DAY:
            return f"{weekday(dt.date.fromisoformat(row.day))} {vn_from_iso(row.day)}"
        return row.label if column == KIND else row.note

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(row, index.column())
        if role == SortRole:
            return row.day if index.column() == DAY else self.display(row, index.column())
        if role == ObjectRole:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(DAY_HEADERS)
        ):
            return _tr("OverridesModel", DAY_HEADERS[section])
        return None


@dataclass(frozen=True)
class RuleLists:
    version: str
    current: list[Rule]
    every: list[Rule]


def load_rules(on: dt.date) -> RuleLists:
    """Database thread (the table is read from the program's files once)."""
    return RuleLists(
        rules_service.rule_table().version,
        rules_service.list_rules(on),
        rules_service.list_rules(on, every_version=True),
    )


def _table(parent: QWidget, model: QAbstractTableModel) -> QTableView:
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
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def select_row(table: QTableView, row: int) -> None:
    """Make a row current and selected (what the note and the Remove button follow)."""
    index = table.model().index(row, 0)
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.selectionModel().setCurrentIndex(index, flags)
    table.scrollTo(index)


# -- the dialog ----------------------------------------------------------------------------


class RulesDialog(QDialog):
    """Two tabs: the rules, and the working days."""

    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None, *, today: dt.date | None = None
    ):
        super().__init__(parent)
        self._runner = runner
        self._today = today or dt.date.today()
        self._lists: RuleLists | None = None
        self._busy = False
        self._adding_working = False
        self.changed = False  # a day was added or removed
        self.setWindowTitle(self.tr("Rules and working days"))
        self.rules_model = RulesModel(self)
        self.days_model = OverridesModel(self)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_rules_tab(), self.tr("Rules"))
        self.tabs.addTab(self._build_days_tab(), self.tr("Working days"))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1180, 700)
        self.load_rules()
        self.load_days()

    @classmethod
    def ask(cls, parent: QWidget | None, runner: TaskRunner) -> bool:
        """Show the dialog modally; True if the user added or removed a day."""
        dialog = cls(runner, parent)
        dialog.exec()
        return dialog.changed

    # -- tab 1: rules ----------------------------------------------------------------------

    def _build_rules_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.rules_intro = style.muted(
            fill(
                self.tr(
                    "The Party rules the program computes deadlines and checks from, in the "
                    "version in force on %1, with the text each one comes from and how sure "
                    "the program is of it."
                ),
                format_vn(self._today),
            )
        )
        layout.addWidget(self.rules_intro)
        row = QHBoxLayout()
        self.every_version = QCheckBox(self.tr("Show every version"), page)
        self.every_version.setToolTip(
            self.tr("Earlier and later versions of each rule, greyed when not in force today")
        )
        self.every_version.toggled.connect(self._show_rules)
        self.table_version = style.muted("")
        self.table_version.setWordWrap(False)
        row.addWidget(self.every_version)
        row.addStretch(1)
        row.addWidget(self.table_version)
        layout.addLayout(row)
        self.rules_table = _table(page, self.rules_model)
        self.rules_table.horizontalHeader().setSectionResizeMode(
            TITLE, QHeaderView.ResizeMode.Stretch
        )
        self.rules_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._show_rule_note()
        )
        layout.addWidget(self.rules_table, 1)
        self.rule_note = QLabel(page)
        self.rule_note.setWordWrap(True)
        self.rule_note.setTextFormat(Qt.TextFormat.PlainText)
        self.rule_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rule_note.setMinimumHeight(self.rule_note.fontMetrics().lineSpacing() * 3 + 20)
        style.set_role(self.rule_note, "note")
        layout.addWidget(self.rule_note)
        return page

    def load_rules(self) -> None:
        on = self._today
        self._runner.call(
            lambda: load_rules(on), self._rules_loaded, lambda exc: errors.show_error(exc, self)
        )

    def _rules_loaded(self, lists: RuleLists) -> None:
        self._lists = lists
        self.table_version.setText(fill(self.tr("Rule table version %1"), lists.version))
        self._show_rules()

    def _show_rules(self) -> None:
        if self._lists is None:
            return
        keep = self.current_rule()
        every = self.every_version.isChecked()
        lists = self._lists
        self.rules_model.set_rules(lists.every if every else lists.current, lists.current)
        self._fit_rules()
        row = self.rules_model.row_of(keep.id, keep.effective_from) if keep else None
        select_row(self.rules_table, row if row is not None else 0)
        self._show_rule_note()

    def _fit_rules(self) -> None:
        """Short columns as wide as their texts; the source as wide as its longest part
        between semicolons (so "294-QĐ/TW" is never cut), within a limit; the title takes
        the rest."""
        metrics = self.rules_table.fontMetrics()
        bold = QFontMetrics(style.scaled_font(1.0, bold=True))
        heads = self.rules_table.horizontalHeader().fontMetrics()
        rows = [self.rules_model.rule(r) for r in range(self.rules_model.rowCount())]
        limit = metrics.horizontalAdvance("0") * _SOURCE_CHARS
        for column in (VALUE, SINCE, SOURCE, CONFIDENCE, CODE):
            texts = [RulesModel.display(r, column) for r in rows]
            if column == SOURCE:
                texts = [part for t in texts for part in t.split("; ")]
            widest = max((bold.horizontalAdvance(t) for t in texts), default=0)
            head = str(self.rules_model.headerData(column, Qt.Orientation.Horizontal))
            width = max(heads.horizontalAdvance(head) + 24, widest + 16)
            self.rules_table.setColumnWidth(
                column, min(width, limit) if column == SOURCE else width
            )

    def current_rule(self) -> Rule | None:
        index = self.rules_table.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def _show_rule_note(self) -> None:
        rule = self.current_rule()
        if rule is None:
            self.rule_note.setText(self.tr("Choose a rule to see how it is counted."))
            return
        lines = [f"{rule.title}: {rule.value_text()}"]
        if rule.note:
            lines.append(rule.note)
        lines.append(
            fill(
                self.tr("%1, in force from %2; confidence: %3"),
                rule.source,
                format_vn(rule.effective_from),
                rule.confidence_text,
            )
        )
        self.rule_note.setText("\n".join(lines))

    # -- tab 2: working days ---------------------------------------------------------------

    def _build_days_tab(self) -> QWidget:
        page = self.days_page = QWidget(self)
        layout = QVBoxLayout(page)
        self.days_intro = style.muted(
            fill(
                self.tr(
                    "Deadlines counted in working days skip Saturdays, Sundays and the "
                    "Vietnamese public holidays, Tết and substituted days off, as listed by "
                    "the holidays package (version %1). When the government gives another "
                    "day off or makes a Saturday a working day, add it here."
                ),
                _holidays_version(),
            )
        )
        layout.addWidget(self.days_intro)
        self.days_banner = Banner(page)
        layout.addWidget(self.days_banner)
        self.days_table = _table(page, self.days_model)
        self.days_table.horizontalHeader().setSectionResizeMode(
            NOTE, QHeaderView.ResizeMode.Stretch
        )
        self.days_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_day_buttons()
        )
        layout.addWidget(self.days_table, 1)
        self.days_empty = style.muted(self.tr("No days added: the public holidays apply as is."))
        layout.addWidget(self.days_empty)
        row = QHBoxLayout()
        self.add_off_button = QPushButton(self.tr("Add a &day off…"), page)
        self.add_working_button = QPushButton(self.tr("Add a &swapped working day…"), page)
        self.remove_button = QPushButton(self.tr("&Remove"), page)
        self.add_off_button.clicked.connect(lambda: self.start_adding(working=False))
        self.add_working_button.clicked.connect(lambda: self.start_adding(working=True))
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_off_button, self.add_working_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self._build_day_form(page))
        self._update_day_buttons()
        return page

    def _build_day_form(self, page: QWidget) -> QFrame:
        frame = self.day_form = QFrame(page)
        frame.setObjectName("DayForm")
        frame.setStyleSheet(
            "QFrame#DayForm { background: #ffffff; border: 1px solid #ddd5c8; border-radius: 4px; }"
        )
        outer = QVBoxLayout(frame)
        self.form_title = QLabel(frame)
        self.form_title.setFont(style.scaled_font(1.0, bold=True))
        outer.addWidget(self.form_title)
        form = QFormLayout()
        self.day_edit = DateEdit(parent=frame)
        self.day_edit.setMaximumWidth(self.day_edit.fontMetrics().horizontalAdvance("00/00/00000"))
        self.day_edit.textChanged.connect(self._day_typed)
        self.day_hint = style.muted("")
        date_row = QHBoxLayout()
        date_row.addWidget(self.day_edit)
        date_row.addWidget(self.day_hint, 1)
        self.note_edit = QLineEdit(frame)
        self.note_edit.setMaxLength(NOTE_LIMIT)
        self.note_edit.setPlaceholderText(self.tr("e.g. the government's notice number"))
        self.note_edit.textChanged.connect(lambda _t: self.day_message.show_messages([], []))
        form.addRow(self.tr("Date"), date_row)
        form.addRow(self.tr("Note"), self.note_edit)
        outer.addLayout(form)
        self.day_message = FieldMessage(frame)
        outer.addWidget(self.day_message)
        buttons = QHBoxLayout()
        self.save_day_button = QPushButton(self.tr("Save"), frame)
        self.save_day_button.setDefault(True)
        self.cancel_day_button = QPushButton(self.tr("Cancel"), frame)
        self.save_day_button.clicked.connect(self.save_day)
        self.cancel_day_button.clicked.connect(self.cancel_adding)
        buttons.addStretch(1)
        buttons.addWidget(self.save_day_button)
        buttons.addWidget(self.cancel_day_button)
        outer.addLayout(buttons)
        frame.hide()
        return frame

    def load_days(self) -> None:
        if not self._runner.has_register:
            self.days_page.setEnabled(False)
            self.days_banner.show_message(
                self.tr("Open a register to add days off and working days."), "warning"
            )
            return
        self._runner.submit(
            rules_service.list_overrides, self._days_loaded, self._days_failed, parent=self
        )

    def _days_loaded(self, rows: list[OverrideView], select: str | None = None) -> None:
        keep = select or (self.current_day().day if self.current_day() else None)
        self.days_model.set_rows(rows)
        self._fit_days()
        row = self.days_model.row_of(keep) if keep else None
        if row is not None:
            select_row(self.days_table, row)
        self.days_empty.setVisible(not rows)
        self._update_day_buttons()
        self._day_typed()

    def _days_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.days_banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)

    def _fit_days(self) -> None:
        metrics = self.days_table.fontMetrics()
        heads = self.days_table.horizontalHeader().fontMetrics()
        for column in (DAY, KIND):
            texts = [OverridesModel.display(r, column) for r in self.days_model.rows()]
            sample = "Chủ Nhật 00/00/0000" if column == DAY else "Ngày làm việc bù"
            head = str(self.days_model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(t) for t in [*texts, sample]) + 24
            self.days_table.setColumnWidth(column, max(width, heads.horizontalAdvance(head) + 24))

    def current_day(self) -> OverrideView | None:
        index = self.days_table.currentIndex()
        if not index.isValid():
            return None
        if not self.days_table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return index.data(ObjectRole)

    def _update_day_buttons(self) -> None:
        idle = not self._busy and self._runner.has_register
        self.remove_button.setEnabled(idle and self.current_day() is not None)
        self.add_off_button.setEnabled(idle)
        self.add_working_button.setEnabled(idle)
        self.save_day_button.setEnabled(idle)

    def start_adding(self, working: bool) -> None:
        """Show the inline form for a day off (or a swapped working day)."""
        self._adding_working = working
        self.days_banner.clear_message()
        self.form_title.setText(
            self.tr("Add a swapped working day (a weekend day the government made a working day)")
            if working
            else self.tr("Add a day off (a day the government gave off)")
        )
        self.day_edit.clear()
        self.note_edit.clear()
        self.day_message.show_messages([], [])
        self.day_form.show()
        self.day_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._day_typed()

    def cancel_adding(self) -> None:
        self.day_form.hide()
        self.day_message.show_messages([], [])

    @property
    def adding_working_day(self) -> bool:
        return self._adding_working

    def _typed_day(self) -> dt.date | None:
        try:
            return self.day_edit.date()
        except DateFormatError:
            return None

    def _day_typed(self) -> None:
        """Say what the typed date is: its weekday and, if any, its holiday."""
        self.day_message.show_messages([], [])
        try:
            day = self.day_edit.date()
        except DateFormatError as exc:
            self.day_hint.setText(str(exc) if len(self.day_edit.text()) >= 8 else "")
            return
        self.day_hint.setText(describe_day(day, self.days_model.calendar()) if day else "")

    def save_day(self) -> None:
        if self._busy:
            return
        try:
            day = self.day_edit.date()
        except DateFormatError as exc:
            self.day_message.show_messages([str(exc)], [])
            return
        if day is None:
            self.day_message.show_messages([self.tr("Type the date, e.g. 30/04/2027")], [])
            return
        working, note = self._adding_working, self.note_edit.text()
        self._set_busy(True)
        self._runner.submit(
            lambda reg: (
                rules_service.set_override(reg, day, working, note),
                rules_service.list_overrides(reg),
            ),
            self._day_saved,
            self._save_failed,
            parent=self,
        )

    def _day_saved(self, result: tuple[OverrideView, list[OverrideView]]) -> None:
        saved, rows = result
        self._set_busy(False)
        self.changed = True
        self.day_form.hide()
        self._days_loaded(rows, select=saved.day)

    def _save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, DomainError):
            self.day_message.show_messages([str(exc)], [])
        else:
            errors.show_error(exc, self)

    def remove_selected(self) -> None:
        row = self.current_day()
        if row is None or self._busy:
            return
        question = fill(
            self.tr("Remove %1 (%2) from the working-day calendar?"),
            OverridesModel.display(row, DAY),
            row.label.lower(),
        )
        if not confirm(self, self.tr("Remove a day"), question):
            return
        day = dt.date.fromisoformat(row.day)
        self._set_busy(True)
        self._runner.submit(
            lambda reg: (
                rules_service.remove_override(reg, day),
                rules_service.list_overrides(reg),
            ),
            self._day_removed,
            self._remove_failed,
            parent=self,
        )

    def _day_removed(self, result: tuple[OverrideView, list[OverrideView]]) -> None:
        self._set_busy(False)
        self.changed = True
        self._days_loaded(result[1])

    def _remove_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._days_failed(exc)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.day_edit.setEnabled(not busy)
        self.note_edit.setEnabled(not busy)
        self._update_day_buttons()

    def reject(self) -> None:
        if not self._busy:
            super().reject()


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Yes/No, No by default (tests monkeypatch this)."""
    return errors.confirm(parent, title, text)


def describe_day(day: dt.date, calendar: WorkCalendar) -> str:
    """ "Thứ Tư 02/09/2026: Quốc khánh, ngày nghỉ", "Chủ Nhật 22/11/2026: nghỉ cuối tuần"."""
    when = f"{weekday(day)} {format_vn(day)}"
    name = calendar.holiday_name(day)
    working = calendar.is_working_day(day)
    if name and not working:
        return fill(QCoreApplication.translate("RulesDialog", "%1: %2 (a day off)"), when, name)
    if not working:
        return fill(QCoreApplication.translate("RulesDialog", "%1: a weekend day off"), when)
    if day.weekday() >= 5:
        return fill(QCoreApplication.translate("RulesDialog", "%1: a swapped working day"), when)
    return fill(QCoreApplication.translate("RulesDialog", "%1: a working day"), when)


def _holidays_version() -> str:
    try:
        return metadata.version("holidays")
    except metadata.PackageNotFoundError:
        return "?"
