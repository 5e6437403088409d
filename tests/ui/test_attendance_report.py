"""The year's attendance report on the 30-member cell of test_attendance_grid: the figures
against the service's report, "đạt"/"chưa đạt" for resolution study with the rule's source,
the sortable per-member table, and screenshots."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.attendance import percent_text
from desktop_app.services import attendance, meetings
from desktop_app.services.attendance import YearReport
from desktop_app.ui.models import attendance_report_model as rm
from desktop_app.ui.models.attendance_report_model import (
    AttendanceReportModel,
    AttendanceReportSort,
)
from desktop_app.ui.models.roles import ObjectRole, SortRole
from desktop_app.ui.pages.attendance_report import AttendanceReport
from desktop_app.ui.tasks import TaskRunner
from tests.conftest import TODAY
from tests.ui.helpers import run, settle
from tests.ui.test_attendance_grid import YEAR, Cell30, make_cell


@pytest.fixture
def runner(empty_runner) -> TaskRunner:
    return empty_runner


@pytest.fixture
def cell(runner) -> Cell30:
    return run(runner, make_cell)


@pytest.fixture
def report(runner, cell) -> YearReport:
    return run(runner, lambda reg: attendance.year_report(reg, YEAR))


@pytest.fixture
def page(qtbot, runner, cell) -> AttendanceReport:
    page = AttendanceReport(runner)
    qtbot.addWidget(page)
    page.resize(1010, 760)
    page.show()
    page.load(YEAR)
    settle(runner)
    return page


def test_qtmodeltester_report(qtmodeltester, report) -> None:
    model = AttendanceReportModel()
    model.set_rows(report.members)
    qtmodeltester.check(model, force_py=True)
    model.set_rows([])
    model.set_rows(report.members)
    proxy = AttendanceReportSort()
    proxy.setSourceModel(model)
    proxy.sort(rm.RATE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)


def test_model_texts(report, cell) -> None:
    model = AttendanceReportModel()
    model.set_rows(report.members, 2, 3)
    rows = {m.person_id: i for i, m in enumerate(report.members)}

    def text(pid: str, column: int, role=Qt.ItemDataRole.DisplayRole) -> object:
        return model.index(rows[pid], column).data(role)

    sơn = report.members[rows[cell.removal]]
    assert text(cell.removal, rm.NAME) == "Lý Văn Sơn"
    assert text(cell.removal, rm.EXPECTED) == str(sơn.all.expected)
    assert text(cell.removal, rm.UNEXCUSED) == "3"
    assert text(cell.removal, rm.RATE) == percent_text(sơn.all.rate)
    assert "," in text(cell.removal, rm.RATE)  # "82,4%"
    assert text(cell.removal, rm.MONTHS) == "3, 6, 9"
    assert text(cell.removal, rm.MONTHS, Qt.ItemDataRole.FontRole).bold()
    assert text(cell.reminded, rm.MONTHS, Qt.ItemDataRole.ForegroundRole).name() == "#8a5300"
    assert "Unexcused absences: 06/03" in text(cell.removal, rm.NAME, 3)
    assert text(cell.removal, rm.NAME, ObjectRole) is sơn
    assert text(cell.removal, rm.RATE, SortRole) < text(cell.steady[0], rm.RATE, SortRole)
    assert cell.exempted not in rows  # never expected: not in the report
    assert model.headerData(rm.MONTHS, Qt.Orientation.Horizontal) == "Months\nunexcused"


def test_figures(page, report) -> None:
    assert page.title.text() == "Attendance in 2026"
    held = page.figures["held"].text()
    assert "Sinh hoạt thường kỳ: 11" in held and "Sinh hoạt chuyên đề: 4" in held
    assert "Học tập nghị quyết: 2" in held
    t = report.overall
    assert page.figures["overall"].text() == (
        f"{percent_text(t.rate)} ({t.attended} of {t.expected} expected places; {t.late} late, "
        f"{t.excused} excused, {t.absent} unexcused)"
    )
    study = page.figures["study"].text()
    assert study.startswith(percent_text(report.study.rate))
    assert "target of 90%" in study
    assert ("not met" in study) == (report.study_met is False)
    assert report.study_target.source in page.figures["source"].text()
    absences = page.figures["absences"].text()
    assert absences.startswith("2 members missed") and "1 in 2 months" in absences
    assert "1 in 3 months or more" in absences
    assert page.model.rowCount() == len(report.members) == 29


def test_study_below_target_is_not_met(qtbot, vietnamese, runner, cell) -> None:
    """Five members away from the August study session: under 90%, "chưa đạt"."""
    august = cell.meetings[("study", 8)]

    def absences(reg) -> None:
        for pid in cell.steady[:6]:
            meetings.set_attendance(reg, august, pid, "absent", today=TODAY)

    run(runner, absences)
    page = AttendanceReport(runner)
    qtbot.addWidget(page)
    page.show()
    page.load(YEAR)
    settle(runner)
    assert page.data is not None and page.data.report.study_met is False
    study = page.figures["study"].text()
    assert "chưa đạt" in study and "90%" in study


def test_sorting_by_unexcused(page, cell) -> None:
    page.table.sortByColumn(rm.UNEXCUSED, Qt.SortOrder.DescendingOrder)
    first = page.proxy.index(0, rm.NAME).data(ObjectRole)
    second = page.proxy.index(1, rm.NAME).data(ObjectRole)
    assert (first.person_id, second.person_id) == (cell.removal, cell.reminded)
    page.table.sortByColumn(rm.NAME, Qt.SortOrder.AscendingOrder)
    names = [page.proxy.index(r, rm.NAME).data() for r in range(3)]
    assert names == ["Nguyễn Văn An", "Ông Văn Bảo", "Lê Văn Cường"]  # Vietnamese order


def test_a_year_without_meetings(qtbot, page, runner) -> None:
    page.load(2019)
    settle(runner)
    assert page.model.rowCount() == 0
    assert page.figures["held"].text() == "No meeting held"
    assert page.figures["study"].text().startswith("No resolution study session held")


def test_screenshots(qtbot, vietnamese, screens, runner, cell) -> None:
    """tests/artifacts/screens/attendance_report_*.png."""
    page = AttendanceReport(runner)
    qtbot.addWidget(page)
    page.resize(1010, 760)
    page.show()
    page.load(YEAR)
    settle(runner)
    page.table.sortByColumn(rm.UNEXCUSED, Qt.SortOrder.DescendingOrder)
    screens(page, "attendance_report_1010x760")
    page.resize(1280, 800)
    screens(page, "attendance_report_1280x800")
