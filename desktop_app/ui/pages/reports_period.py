"""The period of a report: from 1 January to today (the default), this year, last year, a
quarter or a month of a year, or any two dates typed as dd/mm/yyyy. A preset fills the two
dates; typing a date makes the period "the dates typed". ``changed`` tells a new period."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QWidget

from desktop_app.domain.dates import DateFormatError
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.flow import FlowLayout

CONTEXT = "PeriodChooser"
YEAR_TO_DATE, THIS_YEAR, LAST_YEAR, QUARTER, MONTH, DATES = (
    "year_to_date", "this_year", "last_year", "quarter", "month", "dates",
)  # fmt: skip
PRESETS = (
    (YEAR_TO_DATE, QT_TRANSLATE_NOOP("PeriodChooser", "From 1 January to today")),
    (THIS_YEAR, QT_TRANSLATE_NOOP("PeriodChooser", "This year")),
    (LAST_YEAR, QT_TRANSLATE_NOOP("PeriodChooser", "Last year")),
    (QUARTER, QT_TRANSLATE_NOOP("PeriodChooser", "A quarter")),
    (MONTH, QT_TRANSLATE_NOOP("PeriodChooser", "A month")),
    (DATES, QT_TRANSLATE_NOOP("PeriodChooser", "The dates typed")),
)
ROMAN = ("I", "II", "III", "IV")
FIRST_YEAR = 1930


def preset_range(preset: str, year: int, part: int, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of a preset; ``year`` and ``part`` (the quarter 1-4 or the month
    1-12) for a quarter or a month."""
    if preset == YEAR_TO_DATE:
        return dt.date(today.year, 1, 1), today
    if preset in (THIS_YEAR, LAST_YEAR):
        chosen = today.year - (preset == LAST_YEAR)
        return dt.date(chosen, 1, 1), dt.date(chosen, 12, 31)
    if preset == QUARTER:
        first_month = 3 * (part - 1) + 1
        last_month = first_month + 2
        return dt.date(year, first_month, 1), _month_end(year, last_month)
    if preset == MONTH:
        return dt.date(year, part, 1), _month_end(year, part)
    raise ValueError(f"no preset {preset!r}")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class PeriodChooser(QWidget):
    """Preset, year and quarter or month, and the two dates, in a row that wraps."""

    changed = Signal()

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None):
        super().__init__(parent)
        self._today = today
        self.preset = QComboBox(self)
        for key, text in PRESETS:
            self.preset.addItem(_tr(text), key)
        self.year = QSpinBox(self)
        self.year.setKeyboardTracking(False)  # a year typed in full, not 2, 20, 202…
        self.part = QComboBox(self)
        self.first, self.last = DateEdit(parent=self), DateEdit(parent=self)
        self._build()
        self.preset.currentIndexChanged.connect(lambda _i: self._preset_changed())
        self.year.valueChanged.connect(lambda _v: self._apply())
        self.part.currentIndexChanged.connect(lambda _i: self._apply())
        for edit in (self.first, self.last):
            edit.textEdited.connect(lambda _t: self._typed())
            edit.editingFinished.connect(self._date_finished)
        self._typed_since = False
        self._parts_for = ""
        self.start()

    def _build(self) -> None:
        """Each label with its field (a wrapped line never parts them)."""
        pairs = (
            (self.tr("Per&iod:"), self.preset),
            (self.tr("&Year:"), self.year),
            (None, self.part),
            (self.tr("Fro&m:"), self.first),
            (self.tr("T&o:"), self.last),
        )
        row = FlowLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.pairs: dict[QWidget, QWidget] = {}
        for text, field in pairs:
            pair = QWidget(self)
            line = QHBoxLayout(pair)
            line.setContentsMargins(0, 0, 0, 0)
            if text is not None:
                label = QLabel(text, pair)
                label.setBuddy(field)
                line.addWidget(label)
            line.addWidget(field)
            row.addWidget(pair)
            self.pairs[field] = pair
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # -- state ---------------------------------------------------------------------------

    def start(self) -> None:
        """Back to the default (1 January to today), the year and part set from today."""
        today = self._today()
        with QSignalBlocker(self.year), QSignalBlocker(self.preset):
            self.year.setRange(FIRST_YEAR, today.year + 1)
            self.year.setValue(today.year)
            self.preset.setCurrentIndex(0)
        self._parts_for = ""
        self._preset_changed(emit=False)

    def current(self) -> str:
        return str(self.preset.currentData())

    def set_preset(self, preset: str, year: int | None = None, part: int | None = None) -> None:
        """Choose a preset (tests, and a page that opens on a given period)."""
        with QSignalBlocker(self.preset):
            self.preset.setCurrentIndex(self.preset.findData(preset))
        self._preset_changed(emit=False)
        with QSignalBlocker(self.year), QSignalBlocker(self.part):
            if year is not None:
                self.year.setValue(year)
            if part is not None:
                self.part.setCurrentIndex(self.part.findData(part))
        self._apply()

    def set_dates(self, first: str, last: str) -> None:
        """Type both dates (dd/mm/yyyy) as a user would."""
        self.first.setText(first)
        self.last.setText(last)
        self._typed()
        self._date_finished()

    def period(self) -> tuple[dt.date, dt.date]:
        """The two dates; DateFormatError (Vietnamese) for a date that is not one or missing."""
        first, last = self.first.date(), self.last.date()
        if first is None or last is None:
            raise DateFormatError(self.tr("Type both dates of the period, as dd/mm/yyyy."))
        return first, last

    # -- reacting ------------------------------------------------------------------------

    def _preset_changed(self, emit: bool = True) -> None:
        preset = self.current()
        self._fill_parts(preset)
        shown = preset in (QUARTER, MONTH)
        for field in (self.year, self.part):
            self.pairs[field].setVisible(shown)
        self._apply(emit)

    def _fill_parts(self, preset: str) -> None:
        """The quarters or the months, the current one chosen (kept while the preset is)."""
        if preset == self._parts_for or preset not in (QUARTER, MONTH):
            return
        self._parts_for = preset
        today = self._today()
        with QSignalBlocker(self.part):
            self.part.clear()
            if preset == QUARTER:
                for number, roman in enumerate(ROMAN, start=1):
                    self.part.addItem(self.tr("Quarter %1").replace("%1", roman), number)
                self.part.setCurrentIndex((today.month - 1) // 3)
            else:
                for month in range(1, 13):
                    self.part.addItem(self.tr("Month %1").replace("%1", str(month)), month)
                self.part.setCurrentIndex(today.month - 1)

    def _apply(self, emit: bool = True) -> None:
        """Fill the dates from the preset (the dates typed stay as they are)."""
        preset = self.current()
        if preset != DATES:
            part = int(self.part.currentData() or 1)
            first, last = preset_range(preset, self.year.value(), part, self._today())
            self.first.set_date(first)
            self.last.set_date(last)
        self._typed_since = False
        if emit:
            self.changed.emit()

    def _typed(self) -> None:
        """A date typed: the period is now the dates typed."""
        if self.current() != DATES:
            with QSignalBlocker(self.preset):
                self.preset.setCurrentIndex(self.preset.findData(DATES))
            self._preset_changed(emit=False)
        self._typed_since = True

    def _date_finished(self) -> None:
        if self._typed_since:
            self._typed_since = False
            self.changed.emit()
