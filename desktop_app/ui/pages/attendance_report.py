"""The year's attendance report: meetings held per kind, the overall attendance rate, resolution
study participation against the target of the rule table, the members with unexcused
absences, and a sortable per-member table. Read on the database thread."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.attendance import KINDS, Tally, percent_text
from desktop_app.domain.errors import DomainError
from desktop_app.services import attendance
from desktop_app.services.attendance import YearReport
from desktop_app.store.database import Register
from desktop_app.ui import errors, style
from desktop_app.ui.models import attendance_report_model as columns
from desktop_app.ui.models.attendance_report_model import (
    AttendanceReportModel,
    AttendanceReportSort,
)
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.messages import ERROR_COLOR, Banner
from desktop_app.ui.widgets.text import fill

MET_COLOR = "#1e6b34"
FIGURES = ("held", "overall", "study", "source", "absences")


@dataclass(frozen=True)
class ReportData:
    """What the database thread hands back: the report and the absence thresholds."""

    report: YearReport
    warn_months: int
    removal_months: int


def load_report(reg: Register, year: int) -> ReportData:
    """Database thread: the report, and the rules its warning colours follow."""
    return ReportData(attendance.year_report(reg, year), *attendance.absence_thresholds(year))


class AttendanceReport(QWidget):
    """A year's figures above the per-member table."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._year: int | None = None
        self._seq = 0
        self.data: ReportData | None = None
        self.model = AttendanceReportModel(self)
        self.proxy = AttendanceReportSort(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        runner.register_changed.connect(self._register_changed)

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 4)
        layout.setSpacing(8)
        self.title = style.heading("", 1.2)
        layout.addWidget(self.title)
        self.banner = Banner(self)
        layout.addWidget(self.banner)
        layout.addWidget(self._build_figures())
        layout.addWidget(self._build_table(), 1)

    def _build_figures(self) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("AttendanceFigures")
        frame.setStyleSheet(
            "QFrame#AttendanceFigures { background: #ffffff; border: 1px solid #ddd5c8;"
            " border-radius: 4px; }"
        )
        grid = QGridLayout(frame)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        names = (
            self.tr("Meetings held"),
            self.tr("Attendance"),
            self.tr("Resolution study"),
            "",
            self.tr("Unexcused absence"),
        )
        self.figures: dict[str, QLabel] = {}
        top_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        for number, (key, name) in enumerate(zip(FIGURES, names, strict=True)):
            label = style.muted(name)
            label.setWordWrap(False)
            value = QLabel(frame)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.figures[key] = value
            grid.addWidget(label, number, 0, top_right)
            grid.addWidget(value, number, 1)
        self.figures["overall"].setFont(style.scaled_font(1.0, bold=True))
        style.set_role(self.figures["source"], "muted")
        return frame

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
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(columns.NAME, QHeaderView.ResizeMode.Stretch)
        return table

    # -- loading -------------------------------------------------------------------------

    def load(self, year: int) -> None:
        """Read the year's report on the database thread; older answers are dropped."""
        self._year = year
        self._seq += 1
        if not self._runner.has_register:
            return
        seq = self._seq
        self._runner.submit(
            lambda reg: load_report(reg, year),
            lambda data: self._loaded(seq, data),
            lambda exc: self._failed(seq, exc),
        )

    def reload(self) -> None:
        if self._year is not None:
            self.load(self._year)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous() and self._runner.has_register and self.data is not None:
            self.reload()  # marks may have been made on the grid since

    def _register_changed(self) -> None:
        self._seq += 1
        self.data = None
        self.model.set_rows([])
        if self._runner.has_register and self._year is not None and self.isVisible():
            self.reload()

    def _loaded(self, seq: int, data: ReportData) -> None:
        if seq != self._seq:
            return
        self.banner.clear_message()
        self.data = data
        self.model.set_rows(data.report.members, data.warn_months, data.removal_months)
        self._fit_columns()
        self._show_figures(data)

    def _failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._seq:
            return
        if isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)

    def _fit_columns(self) -> None:
        metrics = self.table.horizontalHeader().fontMetrics()
        for column in range(columns.EXPECTED, columns.MONTHS + 1):
            text = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
            self.table.setColumnWidth(column, max(widest + 36, 72))  # and the sort arrow

    # -- showing -------------------------------------------------------------------------

    def _show_figures(self, data: ReportData) -> None:
        report = data.report
        self.title.setText(fill(self.tr("Attendance in %1"), report.year))
        self.figures["held"].setText(self._held_text(report))
        self.figures["overall"].setText(self._overall_text(report.overall))
        self.figures["study"].setText(self._study_text(report))
        self.figures["source"].setText(
            fill(
                self.tr("Target: %1"), f"{report.study_target.title} ({report.study_target.source})"
            )
        )
        self.figures["absences"].setText(self._absences_text(data))

    def _held_text(self, report: YearReport) -> str:
        parts = [f"{label}: {report.counts[kind]}" for kind, label in KINDS.items()
                 if report.counts.get(kind)]  # fmt: skip
        return "  ·  ".join(parts) if parts else self.tr("No meeting held")

    def _overall_text(self, t: Tally) -> str:
        if not t.expected:
            return self.tr("No member was expected at a meeting")
        return fill(
            self.tr("%1 (%2 of %3 expected places; %4 late, %5 excused, %6 unexcused)"),
            percent_text(t.rate), t.attended, t.expected, t.late, t.excused, t.absent,
        )  # fmt: skip

    def _study_text(self, report: YearReport) -> str:
        """Rich text: the rate, the target, and "đạt" in green or "chưa đạt" in red."""
        met, t = report.study_met, report.study
        target = report.study_target.value_text()
        if met is None:
            return fill(self.tr("No resolution study session held (target %1)"), target)
        word, color = (self.tr("met"), MET_COLOR) if met else (self.tr("not met"), ERROR_COLOR)
        return fill(
            self.tr("%1 (%2 of %3) against a target of %4: %5"),
            percent_text(t.rate), t.attended, t.expected, target,
            f"<b style='color:{color}'>{word}</b>",
        )  # fmt: skip

    def _absences_text(self, data: ReportData) -> str:
        members = data.report.members
        removal = sum(1 for m in members if len(m.unexcused_months) >= data.removal_months)
        warned = sum(1 for m in members if len(m.unexcused_months) >= data.warn_months) - removal
        some = sum(1 for m in members if m.unexcused_months)
        return fill(
            self.tr(
                "%1 members missed a meeting without a reason; %2 in %3 months (a reminder), "
                "%4 in %5 months or more (the cell considers removal)"
            ),
            some, warned, data.warn_months, removal, data.removal_months,
        )  # fmt: skip
