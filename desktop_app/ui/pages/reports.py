"""The Reports page: the cell's statistics for any period (admissions against the quota, new
members by category, increase and decrease, probationary members, meetings and study, ratings),
on screen as tables and charts, printed or saved as the BC-TK report (PDF) or exported to Excel;
and, on the second tab, the members' yearly ratings and the year's admission quota.

The report is built on the database thread by ``self.build_report(reg, kinds, first, last)``,
the one place the page reads its figures from: the upper level's window puts its aggregate of
many cells there (and its own letterhead in ``self.letterhead``). Printing, saving and export
use the report on screen, so paper, file and window show the same numbers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import DateFormatError
from desktop_app.domain.errors import DomainError
from desktop_app.domain.reports import KINDS, Report
from desktop_app.forms import facts, report_sheet
from desktop_app.forms.facts import CellFacts
from desktop_app.services import report_export, reports
from desktop_app.store.database import Register
from desktop_app.ui import errors, style
from desktop_app.ui.pages.form_output import PARTIAL_SUFFIX, FormOutput
from desktop_app.ui.pages.reports_period import PeriodChooser
from desktop_app.ui.pages.reports_ratings import RatingsEditor
from desktop_app.ui.pages.reports_view import ReportView, Shown
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.widgets.flow import flow_row
from desktop_app.ui.widgets.messages import Banner
from desktop_app.ui.widgets.pdf_pages import each_page_image, paint_pages, print_dpi
from desktop_app.ui.widgets.text import fill
from desktop_app.ui.widgets.vertical_scroll import VerticalScroll

BuildReport = Callable[[Register, list[str], dt.date, dt.date], Report]
Letterhead = Callable[[Register], CellFacts]
SECTION_NAMES = {
    "admissions": QT_TRANSLATE_NOOP("ReportsPage", "Admissions against the quota"),
    "new-members": QT_TRANSLATE_NOOP("ReportsPage", "New members by category"),
    "movements": QT_TRANSLATE_NOOP("ReportsPage", "Increase and decrease"),
    "probation": QT_TRANSLATE_NOOP("ReportsPage", "Probationary members and deadlines"),
    "attendance": QT_TRANSLATE_NOOP("ReportsPage", "Meetings and resolution study"),
    "ratings": QT_TRANSLATE_NOOP("ReportsPage", "Ratings of members"),
}
assert set(SECTION_NAMES) == set(KINDS)


def section_name(kind: str) -> str:
    return QCoreApplication.translate("ReportsPage", SECTION_NAMES[kind])


def shown_report(report: Report, names: dict[str, str]) -> Shown:
    """Database thread: the report with its charts drawn (the printed report's drawings)."""
    charts = {kind: [report_sheet.chart_svg(c) for c in report.charts(kind)]
              for kind in report.sections}  # fmt: skip
    return Shown(report, charts, names)


def file_name(report: Report, suffix: str) -> str:
    """ "bao-cao-01-01-2026-den-22-11-2026.pdf"."""
    first, last = (d.strftime("%d-%m-%Y") for d in (report.period.first, report.period.last))
    return re.sub(r"[^0-9A-Za-z.-]+", "-", f"bao-cao-{first}-den-{last}{suffix}")


def write_whole(target: Path, data: bytes) -> Path:
    """Through a temporary name: never a half-written file under the real one."""
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        partial.write_bytes(data)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


class ReportFiles:
    """Where an export goes (classmethods, so tests replace the dialog)."""

    @classmethod
    def ask_xlsx_path(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        title = QCoreApplication.translate("ReportFiles", "Export the report to Excel")
        pattern = QCoreApplication.translate("ReportFiles", "Excel workbook (*.xlsx)")
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), pattern)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


class ReportsPage(QWidget):
    def __init__(
        self, runner: TaskRunner, parent: QWidget | None = None, *, today: dt.date | None = None
    ):
        super().__init__(parent)
        self._runner = runner
        self._fixed_today = today  # tests; otherwise the computer's date at each build
        self._seq = 0
        self._busy = self._started = False
        self.build_report: BuildReport = self._cell_report  # the figures' one source
        self.letterhead: Letterhead = facts.cell_facts  # who the PDF and the workbook are from
        self._build()
        self._make_actions()
        self._set_ready(False)
        runner.register_changed.connect(self._register_changed)

    def today(self) -> dt.date:
        return self._fixed_today or dt.date.today()

    def _cell_report(
        self, reg: Register, kinds: list[str], first: dt.date, last: dt.date
    ) -> Report:
        """The cell's own figures (database thread)."""
        return reports.build(reg, kinds, first, last, today=self.today())

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(style.heading(self.tr("Reports"), 1.5))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_report_tab(), self.tr("Statistics"))
        self.ratings = RatingsEditor(self._runner, self.today, self)
        self.tabs.addTab(self.ratings, self.tr("Member ratings"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        layout.addWidget(self.tabs, 1)

    def _build_report_tab(self) -> QWidget:
        tab = QWidget(self)
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, 8, 0, 0)
        column.setSpacing(8)
        self.period = PeriodChooser(self.today, tab)
        self.period.changed.connect(self.refresh)
        column.addWidget(self.period)
        self.sections: dict[str, QCheckBox] = {}
        for kind in KINDS:
            box = QCheckBox(section_name(kind), tab)
            box.setChecked(True)
            box.toggled.connect(lambda _on: self.refresh())
            self.sections[kind] = box
        column.addWidget(flow_row(tab, list(self.sections.values())))
        self.print_button = QPushButton(self.tr("&Print…"), tab)
        self.save_button = QPushButton(self.tr("Save as P&DF…"), tab)
        self.excel_button = QPushButton(self.tr("&Export to Excel…"), tab)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.excel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.banner = Banner(tab)
        column.addWidget(self.banner)
        self.view = ReportView(tab)
        self.scroll = VerticalScroll(self.view, tab)
        column.addWidget(self.scroll, 1)
        return tab

    def _make_actions(self) -> None:
        for button, slot, keys, tip in (
            (self.print_button, self.print_report, "Ctrl+P",
             self.tr("Print the report shown on A4 paper")),
            (self.save_button, self.save_pdf, "Ctrl+Shift+S",
             self.tr("Write the report shown to a PDF file, as printed")),
            (self.excel_button, self.export_xlsx, "Ctrl+Shift+E",
             self.tr("Write the report shown to an Excel workbook, with its charts")),
        ):  # fmt: skip
            button.clicked.connect(slot)
            button.setToolTip(f"{tip} ({keys})")
            action = QAction(button.text(), self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(  # on the figures' tab only
                lambda _=False, b=button: b.isEnabled() and b.isVisible() and b.click()
            )
            self.addAction(action)

    # -- loading -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous() and self._runner.has_register:
            self._tab_changed()

    def _tab_changed(self) -> None:
        if not self._runner.has_register:
            return
        if self.tabs.currentWidget() is self.ratings:
            self.ratings.load()
        elif not self._started:
            self._started = True
            self.period.start()  # the computer's date (or the test's) at the first showing
            self.refresh()
        else:
            self.refresh()

    def _register_changed(self) -> None:
        self._seq += 1
        self._started = False
        self.view.clear()
        self.banner.clear_message()
        self._set_ready(False)
        self.ratings.clear()
        if self.isVisible():
            self._tab_changed()

    def kinds(self) -> list[str]:
        return [kind for kind, box in self.sections.items() if box.isChecked()]

    def refresh(self) -> None:
        """Build the report of the period and sections chosen on the database thread; an
        older answer arriving late is dropped."""
        self._seq += 1
        seq = self._seq
        self._set_ready(False)
        if not self._runner.has_register:
            return
        kinds = self.kinds()
        try:
            first, last = self.period.period()
        except DateFormatError as exc:
            self._refused(str(exc))
            return
        if not kinds:
            self._refused(self.tr("Choose at least one part of the report."), "warning")
            return
        build, names = self.build_report, {kind: section_name(kind) for kind in KINDS}
        self._runner.submit(
            lambda reg: shown_report(build(reg, kinds, first, last), names),
            lambda shown: self._built(seq, shown),
            lambda exc: self._build_failed(seq, exc),
            progress=self.tr("Counting…"),
            parent=self,
        )

    def _built(self, seq: int, shown: Shown) -> None:
        if seq != self._seq:
            return
        self.banner.clear_message()
        self.view.show_report(shown)
        self._set_ready(True)

    def _build_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._seq:
            return
        if isinstance(exc, DomainError):
            self._refused(str(exc))
        else:
            self.view.clear()
            errors.show_error(exc, self)

    def _refused(self, message: str, level: str = "error") -> None:
        self.view.clear()
        self.banner.show_message(message, level)

    def _set_ready(self, ready: bool) -> None:
        ready = ready and not self._busy and self.view.shown is not None
        for button in (self.print_button, self.save_button, self.excel_button):
            button.setEnabled(ready)

    # -- printing, saving, export --------------------------------------------------------

    def current_report(self) -> Report | None:
        """The report on screen (what Print, Save and Export write)."""
        return self.view.shown.report if self.view.shown else None

    def print_report(self) -> None:
        report = self.current_report()
        if report is None or self._busy:
            return
        name = file_name(report, "")
        printer = FormOutput.ask_printer(self, name)
        if printer is None:
            return
        self._start(
            self._print_work(report, printer),
            lambda pages: fill(self.tr("Sent to the printer: %1 page(s) on A4."), pages),
            self.tr("Printing…"),
        )

    def save_pdf(self) -> None:
        report = self.current_report()
        if report is None or self._busy:
            return
        target = FormOutput.ask_path(self, self._folder() / file_name(report, ".pdf"))
        if target is None:
            return
        self._start(
            lambda reg: write_whole(target, self._pdf(reg, report)),
            lambda path: fill(self.tr("Saved: %1"), path),
            self.tr("Saving the PDF…"),
        )

    def export_xlsx(self) -> None:
        report = self.current_report()
        if report is None or self._busy:
            return
        target = ReportFiles.ask_xlsx_path(self, self._folder() / file_name(report, ".xlsx"))
        if target is None:
            return
        letterhead = self.letterhead
        self._start(
            lambda reg: report_export.write_xlsx(report, letterhead(reg).name, target),
            lambda path: fill(self.tr("Exported: %1"), path),
            self.tr("Writing the workbook…"),
        )

    def _pdf(self, reg: Register, report: Report) -> bytes:
        return report_sheet.render_report(report, self.letterhead(reg), self.today())

    def _print_work(self, report: Report, printer: QPrinter) -> Callable[[Register], int]:
        """Render, then paint page by page (QPainter may paint on a printer off the GUI
        thread)."""

        def work(reg: Register) -> int:
            pdf = self._pdf(reg, report)
            return paint_pages(printer, each_page_image(pdf, print_dpi(printer)))

        return work

    @staticmethod
    def _folder() -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder or Path.home())

    def _start(self, work: Callable[[Register], object], message, progress: str) -> None:
        self._busy = True
        self._set_ready(False)
        self.banner.clear_message()

        def done(value: object) -> None:
            self._busy = False
            self._set_ready(True)
            self.banner.show_message(message(value), "ok")

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._set_ready(True)
            self._output_failed(exc)

        self._runner.submit(work, done, failed, progress=progress, parent=self)

    def _output_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            why = exc.strerror or exc
            text = fill(self.tr("Cannot write the file %1: %2"), exc.filename or "", why)
            self.banner.show_message(text)
        elif isinstance(exc, DomainError):
            self.banner.show_message(str(exc))
        else:
            errors.show_error(exc, self)
