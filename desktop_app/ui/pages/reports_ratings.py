"""The year's ratings of members (Xếp loại chất lượng đảng viên, Quy định 366-QĐ/TW): everyone who
was a member of the cell during the year, in Vietnamese name order, with their level and
points; the chosen member's rating set, changed or removed, and the year's admission quota.

Every write goes through the rating services on the database thread; a refusal (someone not a
member that year, points below the level's band, a year not over yet…) is shown in the
service's words and nothing is changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import DomainError
from desktop_app.domain.reports import LEVEL_BY_CODE, LEVELS
from desktop_app.services import ratings
from desktop_app.services.ratings import Roster, RosterLine
from desktop_app.store.database import Register
from desktop_app.ui import errors, style
from desktop_app.ui.models import report_ratings_model as columns
from desktop_app.ui.models.report_ratings_model import RatingRosterModel, RatingRosterSort
from desktop_app.ui.models.roles import ObjectRole
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.messages import Banner
from desktop_app.ui.widgets.text import fill
from desktop_app.ui.widgets.vertical_scroll import VerticalScroll

FIRST_YEAR = 1930
LEVEL_CHARACTERS = 16  # the level box may be this narrow (its list shows the names whole)
QUOTA_FROM = {  # domain.reports.QUOTA_SOURCES
    "cell": QT_TRANSLATE_NOOP("RatingsEditor", "Typed by the cell"),
    "upper": QT_TRANSLATE_NOOP("RatingsEditor", "Given by the upper level"),
}


@dataclass(frozen=True)
class RatingInput:
    """What the panel holds for a member: the level's code ("" for none chosen), the points
    and the note as typed."""

    level: str
    points: str
    note: str


class RatingsEditor(QWidget):
    """``changed`` after a rating or the quota was written."""

    changed = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._runner = runner
        self._today = today
        self._seq = 0
        self._busy = self._started = False
        self.roster: Roster | None = None
        self.model = RatingRosterModel(self)
        self.proxy = RatingRosterSort(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._show_chosen()

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        self.year = QSpinBox(self)
        self.year.setKeyboardTracking(False)  # a year typed in full, not 2, 20, 202…
        self.year.setRange(FIRST_YEAR, self._today().year + 1)
        self.year.setValue(self._today().year)
        self.year.valueChanged.connect(lambda _v: self.load())
        year_label = QLabel(self.tr("&Year:"), self)
        year_label.setBuddy(self.year)
        self.summary = style.muted("")
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self._build_table(), 3)
        panel = QWidget(self)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._build_rating())
        column.addWidget(self._build_quota())
        column.addStretch(1)
        body.addWidget(VerticalScroll(panel, self), 2)  # the list 3/5 of the width, the panel 2/5
        layout.addLayout(body, 1)

    def _build_table(self) -> QTableView:
        table = self.table = QTableView(self)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(columns.NAME, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(columns.NOTE, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._show_chosen())
        return table

    def _build_rating(self) -> QGroupBox:
        box = QGroupBox(self.tr("Rating of the chosen member"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.who = QLabel(box)
        self.who.setWordWrap(True)
        self.who.setFont(style.scaled_font(1.0, bold=True))
        form.addRow(self.who)
        self.level = QComboBox(box)
        self.level.setPlaceholderText(self.tr("Choose a level"))
        self.level.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.level.setMinimumContentsLength(LEVEL_CHARACTERS)
        for level in LEVELS:
            self.level.addItem(f"{level.label} ({level.short})", level.code)
        self.points = QLineEdit(box)
        self.points.setPlaceholderText(self.tr("e.g. 85 or 85,5; empty if not scored"))
        self.note = QLineEdit(box)
        for text, field in (
            (self.tr("&Level:"), self.level),
            (self.tr("&Points:"), self.points),
            (self.tr("N&ote:"), self.note),
        ):
            label = QLabel(text, box)
            label.setBuddy(field)
            form.addRow(label, field)
        self.bands = style.muted("")
        form.addRow(self.bands)
        self.save_button = QPushButton(self.tr("&Save rating"), box)
        self.remove_button = QPushButton(self.tr("&Remove rating"), box)
        self.save_button.clicked.connect(self.save_rating)
        self.remove_button.clicked.connect(self.remove_rating)
        for edit in (self.points, self.note):
            edit.returnPressed.connect(self.save_rating)
        form.addRow(self._row(self.save_button, self.remove_button))
        return box

    def _build_quota(self) -> QGroupBox:
        box = self.quota_box = QGroupBox(self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.quota_now = style.muted("")
        form.addRow(self.quota_now)
        self.quota = QLineEdit(box)
        self.quota.setPlaceholderText(self.tr("number of people"))
        self.reference = QLineEdit(box)
        self.reference.setPlaceholderText(self.tr("e.g. 12-KH/CB"))
        for text, field in (
            (self.tr("&Admission quota:"), self.quota),
            (self.tr("Re&ference:"), self.reference),
        ):
            label = QLabel(text, box)
            label.setBuddy(field)
            form.addRow(label, field)
        self.quota_button = QPushButton(self.tr("Save &quota"), box)
        self.quota_button.clicked.connect(self.save_quota)
        for edit in (self.quota, self.reference):
            edit.returnPressed.connect(self.save_quota)
        form.addRow(self._row(self.quota_button))
        return box

    def _row(self, *buttons: QPushButton) -> QWidget:
        row = QWidget(self)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 4, 0, 0)
        for button in buttons:
            line.addWidget(button)
        line.addStretch(1)
        return row

    # -- loading -------------------------------------------------------------------------

    def load(self, keep: str | None = None) -> None:
        """Read the year's roster on the database thread; older answers are dropped."""
        self._seq += 1
        if not self._runner.has_register:
            return
        if not self._started:  # the computer's date (or the test's) at the first showing
            self._started = True
            with QSignalBlocker(self.year):
                self.year.setRange(FIRST_YEAR, self._today().year + 1)
                self.year.setValue(self._today().year)
        seq, year, today = self._seq, self.year.value(), self._today()
        keep = keep or self.chosen_id()
        self._runner.submit(
            lambda reg: ratings.rating_roster(reg, year, today),
            lambda roster: self._loaded(seq, roster, keep),
            lambda exc: self._failed(exc),
        )

    def clear(self) -> None:
        self._seq += 1
        self.roster = None
        self.model.set_rows([])
        self.banner.clear_message()
        self._show_chosen()

    def _loaded(self, seq: int, roster: Roster, keep: str | None) -> None:
        if seq != self._seq:
            return
        self.roster = roster
        self.model.set_rows(roster.lines)
        self._show_summary(roster)
        self._show_quota(roster)
        self.bands.setText(self._bands_text(roster))
        if not (keep and self.select_person(keep)):
            self._show_chosen()

    def _show_summary(self, roster: Roster) -> None:
        due = [line for line in roster.lines if line.due]
        rated = sum(1 for line in due if line.rating)
        template = self.tr("%1 members to rate on %2: %3 rated, %4 not yet.")
        on = roster.on.strftime("%d/%m/%Y")
        self.summary.setText(fill(template, len(due), on, rated, len(due) - rated))

    def _bands_text(self, roster: Roster) -> str:
        start = self.tr("from %1")
        parts = [f"{LEVEL_BY_CODE[code].short} {fill(start, band.min_points)}"
                 for code, band in roster.bands.items()]  # fmt: skip
        sources = sorted({b.source for b in roster.bands.values()})
        return fill(self.tr("Points (out of 100): %1 (%2)."), "; ".join(parts), "; ".join(sources))

    def _show_quota(self, roster: Roster) -> None:
        quota = roster.quota
        self.quota_box.setTitle(fill(self.tr("Admission quota for %1"), roster.year))
        upper = quota is not None and quota.source == "upper"
        if quota is None:
            self.quota_now.setText(self.tr("No quota recorded for this year."))
        else:
            source = QCoreApplication.translate("RatingsEditor", QUOTA_FROM[quota.source])
            reference = f", {quota.reference}" if quota.reference else ""
            template = self.tr("%1: %2 people%3.")
            self.quota_now.setText(fill(template, source, quota.quota, reference))
        self.quota.setText(str(quota.quota) if quota else "")
        self.reference.setText(quota.reference if quota else "")
        self._enable()
        if upper:
            self.quota_button.setToolTip(self.tr("The upper level gave this quota: it stays."))
        else:
            self.quota_button.setToolTip("")

    # -- the chosen member ---------------------------------------------------------------

    def chosen(self) -> RosterLine | None:
        index = self.table.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def chosen_id(self) -> str | None:
        line = self.chosen()
        return line.person_id if line else None

    def select_person(self, person_id: str) -> bool:
        row = self.model.row_of(person_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        self._show_chosen()
        return True

    def _show_chosen(self) -> None:
        line = self.chosen()
        rating = line.rating if line else None
        if line is None:
            self.who.setText(self.tr("Choose a member in the list."))
        elif line.standing:
            self.who.setText(f"{line.full_name} ({line.standing})")
        else:
            self.who.setText(line.full_name)
        self.level.setCurrentIndex(self.level.findData(rating.level) if rating else -1)
        self.points.setText(rating.points_text if rating else "")
        self.note.setText(rating.note if rating else "")
        self._enable()

    def _enable(self) -> None:
        """What can be used now: a member chosen, a rating to remove, a quota the cell may
        change; nothing while a write is running. What is typed stays."""
        line, idle = self.chosen(), not self._busy
        for widget in (self.level, self.points, self.note, self.save_button):
            widget.setEnabled(line is not None and idle)
        self.remove_button.setEnabled(bool(line and line.rating) and idle)
        quota = self.roster.quota if self.roster else None
        open_quota = self.roster is not None and not (quota and quota.source == "upper")
        for widget in (self.quota, self.reference, self.quota_button):
            widget.setEnabled(open_quota and idle)

    def typed(self) -> RatingInput:
        return RatingInput(
            str(self.level.currentData() or ""), self.points.text(), self.note.text()
        )

    # -- writing -------------------------------------------------------------------------

    def save_rating(self) -> None:
        line = self.chosen()
        if line is not None and not self._busy:
            self.write_rating(line.person_id, line.full_name, self.typed())

    def write_rating(self, person_id: str, name: str, typed: RatingInput) -> None:
        """Set the person's rating of the year shown; a refusal is shown, nothing written."""
        year, today = self.year.value(), self._today()
        self._write(
            lambda reg: ratings.set_rating(reg, person_id, year, typed.level,
                                           points=typed.points, note=typed.note, today=today),
            fill(self.tr("Saved the rating of %1 for %2."), name, year),
            person_id,
        )  # fmt: skip

    def remove_rating(self) -> None:
        line = self.chosen()
        if line is None or line.rating is None or self._busy:
            return
        year, person_id = self.year.value(), line.person_id
        question = fill(
            self.tr("Remove the rating of %1 for %2 (%3)?"),
            line.full_name, year, LEVEL_BY_CODE[line.rating.level].label,
        )  # fmt: skip
        if not errors.confirm(self, self.tr("Remove rating"), question):
            return
        self._write(
            lambda reg: ratings.remove_rating(reg, person_id, year),
            fill(self.tr("Removed the rating of %1 for %2."), line.full_name, year),
            person_id,
        )

    def save_quota(self) -> None:
        if self._busy:
            return
        year, today = self.year.value(), self._today()
        quota, reference = self.quota.text(), self.reference.text()
        self._write(
            lambda reg: ratings.set_quota(reg, year, quota, reference=reference, today=today),
            fill(self.tr("Saved the admission quota for %1."), year),
            self.chosen_id(),
        )

    def _write(self, work: Callable[[Register], object], done: str, keep: str | None) -> None:
        self._set_busy(True)
        self.banner.clear_message()

        def finished(_value: object) -> None:
            self._set_busy(False)
            self.banner.show_message(done, "ok")
            self.changed.emit()
            self.load(keep)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self._failed(exc)

        self._runner.submit(work, finished, failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._enable()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)
