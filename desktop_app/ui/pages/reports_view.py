"""A report on screen: each section's tables as real tables (the printed report's figures, right
aligned), their notes, and their charts drawn from the same reportlab drawing as the PDF
(``report_sheet.chart_svg``, shown by Qt's SVG renderer); then what the register cannot
answer. The page scrolls; the tables show every row at their full height."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QFontDatabase, QResizeEvent
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app import paths
from desktop_app.domain.reports import Report, Table
from desktop_app.ui import style
from desktop_app.ui.models.report_table_model import ReportTableModel
from desktop_app.ui.widgets.text import fill

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
CELL_PADDING = 18  # pixels around a cell's text (the style's margins and the grid)
MIN_TEXT_COLUMN = 90  # a text column shrinks (and wraps) down to this or its header
CHART_MAX_SCALE = 1.4  # a chart grows up to this many times its drawn size
CHART_FONTS = ("Regular", "Bold", "Italic", "BoldItalic")


@dataclass(frozen=True)
class Shown:
    """What the database thread hands back: the report, each section's charts as SVG and the
    section names the page shows."""

    report: Report
    charts: dict[str, list[str]]
    names: dict[str, str]


# -- columns ----------------------------------------------------------------------------------


def column_widths(
    natural: list[int], floors: list[int], flexible: list[bool], available: int
) -> list[int]:
    """Widths of a table's columns in ``available`` pixels: columns of figures as wide as their
    figures and header; text columns share the rest in proportion to their text, shrinking
    (their text wraps) when the room is short, never below their floor (their header's
    width). Figures alone share the whole width."""
    text = [i for i, f in enumerate(flexible) if f] or list(range(len(natural)))
    floor = floors if any(flexible) else [0] * len(natural)
    fixed = sum(n for i, n in enumerate(natural) if i not in text)
    wanted = sum(natural[i] for i in text) or 1
    room = max(available - fixed, sum(floor[i] for i in text))
    widths = list(natural)
    for i in text:
        widths[i] = max(floor[i], natural[i] * room // wanted)
    spare = available - sum(widths)
    if spare > 0:  # rounding: the last text column takes the last pixels
        widths[text[-1]] += spare
    return widths


class ReportTableView(QTableView):
    """A report table at its full height (the page scrolls, not the table)."""

    def __init__(self, table: Table, parent: QWidget | None = None):
        super().__init__(parent)
        self.report_model = ReportTableModel(table, self)
        self.setModel(self.report_model)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # sideways only if the figures alone are wider than the page (very large text)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self._height())

    def natural_widths(self) -> tuple[list[int], list[int]]:
        """Each column as wide as its widest line of text or its header; and the least it
        may have (its header, and MIN_TEXT_COLUMN for wrapping text)."""
        model, metrics = self.report_model, self.fontMetrics()
        header = self.horizontalHeader()
        widths, floors = [], []
        for column in range(model.columnCount()):
            cells = [model.text(row, column) for row in range(model.rowCount())]
            widest = max((metrics.horizontalAdvance(c) for c in cells), default=0)
            heading = header.sectionSizeHint(column)
            widths.append(max(widest + CELL_PADDING, heading))
            floors.append(min(widths[-1], max(heading, MIN_TEXT_COLUMN)))
        return widths, floors

    def fit(self) -> None:
        """Share the width, then grow as tall as the rows (wrapped text included) need."""
        numeric = self.report_model.table.numeric
        flexible = [c not in numeric for c in range(self.report_model.columnCount())]
        natural, floors = self.natural_widths()
        widths = column_widths(natural, floors, flexible, self.viewport().width())
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)
        self.resizeRowsToContents()
        height = self._height()
        if height != self.height():
            self.setFixedHeight(height)

    def _height(self) -> int:
        rows = sum(self.rowHeight(r) for r in range(self.report_model.rowCount()))
        height = self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth()
        if self.horizontalHeader().length() > self.viewport().width():
            height += self.horizontalScrollBar().sizeHint().height()
        return height

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height())


# -- charts -----------------------------------------------------------------------------------


@cache
def chart_fonts() -> bool:
    """The report's face (Liberation Serif, shipped with the program) made known to Qt, so
    the chart on screen is drawn in the same letters as on paper on every system."""
    folder = paths.resources_dir() / "fonts"
    added = [QFontDatabase.addApplicationFont(str(folder / f"LiberationSerif-{face}.ttf"))
             for face in CHART_FONTS]  # fmt: skip
    return all(font_id >= 0 for font_id in added)


class ChartView(QSvgWidget):
    """A report chart: the SVG of the printed chart, at its proportions, as wide as the page
    allows up to CHART_MAX_SCALE times its drawn size."""

    def __init__(self, svg: str, parent: QWidget | None = None):
        super().__init__(parent)
        chart_fonts()
        self.svg = svg
        self.load(QByteArray(svg.encode("utf-8")))
        self.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        drawn = self.renderer().defaultSize()
        self._ratio = drawn.height() / max(drawn.width(), 1)
        self.setMaximumWidth(round(drawn.width() * CHART_MAX_SCALE))
        self.setMinimumWidth(min(drawn.width(), 320))
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width * self._ratio)

    def sizeHint(self) -> QSize:
        width = self.maximumWidth()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.heightForWidth(self.minimumWidth()))


# -- the report -------------------------------------------------------------------------------


class ReportView(QWidget):
    """The report shown, or a message in its place."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.shown: Shown | None = None
        self.tables: list[ReportTableView] = []
        self.charts: list[ChartView] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 12, 12)
        self._layout.setSpacing(6)
        self.message = style.muted("")
        self._layout.addWidget(self.message)
        self._layout.addStretch(1)

    def clear(self, message: str = "") -> None:
        self.shown = None
        self.tables, self.charts = [], []
        while self._layout.count() > 2:  # the message and the stretch stay
            item = self._layout.takeAt(1)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def show_report(self, shown: Shown) -> None:
        self.clear()
        self.shown = shown
        report = shown.report
        self._add(style.heading(self._title(report), 1.25))
        if report.today < report.period.last:
            self._add(style.muted(fill(self.tr("Figures up to the end of %1"), _vn(report.today))))
        for number, kind in zip(ROMAN, report.sections, strict=False):
            self._add(style.heading(f"{number}. {shown.names[kind]}", 1.1))
            for table in report.tables(kind):
                self._table(table)
            for svg in shown.charts.get(kind, []):
                chart = ChartView(svg, self)
                self.charts.append(chart)
                self._add(chart)
        limits = self.tr("What the register cannot answer")
        self._add(style.heading(f"{ROMAN[len(report.sections)]}. {limits}", 1.1))
        for line in report.limits:
            self._add(style.muted(f"- {line}"))

    def _title(self, report: Report) -> str:
        period = report.period
        return fill(self.tr("Figures from %1 to %2"), _vn(period.first), _vn(period.last))

    def _table(self, table: Table) -> None:
        title = QLabel(table.title, self)
        title.setWordWrap(True)
        title.setFont(style.scaled_font(1.0, bold=True))
        self._add(title)
        if table.rows:
            view = ReportTableView(table, self)
            self.tables.append(view)
            self._add(view)
        else:
            self._add(style.muted(self.tr("None.")))
        for note in table.notes:
            self._add(style.muted(note))

    def _add(self, widget: QWidget) -> None:
        if isinstance(widget, QLabel):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            widget.setTextFormat(Qt.TextFormat.PlainText)
        self._layout.insertWidget(self._layout.count() - 1, widget)


def _vn(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")
