"""The Reports page on the demo register: the figures on screen are the report service's for the
period and sections chosen (year to date by default, the presets, typed dates), a bad period
shows the service's message, the charts are the printed report's drawings rendered by Qt's SVG
renderer, Print / Save as PDF / Export to Excel write the report on screen; and the ratings
tab sets, changes and removes a member's yearly rating and the year's quota through the rating
services, showing their refusals with nothing changed."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel

from desktop_app.domain.reports import KINDS, Report, Share, Table, cell_text
from desktop_app.forms import report_sheet
from desktop_app.services import development, members, ratings, report_export, reports
from desktop_app.store import journal
from desktop_app.ui import errors, style
from desktop_app.ui.models import report_ratings_model as rm
from desktop_app.ui.models.report_ratings_model import RatingRosterModel, RatingRosterSort
from desktop_app.ui.models.report_table_model import ReportTableModel
from desktop_app.ui.models.roles import SortRole
from desktop_app.ui.pages import reports_period as rp
from desktop_app.ui.pages.form_output import FormOutput
from desktop_app.ui.pages.reports import ReportFiles, ReportsPage
from desktop_app.ui.pages.reports_ratings import RatingInput
from desktop_app.ui.pages.reports_view import column_widths
from tests.conftest import TODAY
from tests.ui import scenes
from tests.ui.helpers import commit_text, replace_text, run, settle

D = dt.date
YEAR_TO_DATE = (D(2026, 1, 1), TODAY)


# -- fixtures and helpers ------------------------------------------------------------------------


@pytest.fixture
def runner(demo_runner):
    return demo_runner


@pytest.fixture
def rated(runner):
    """Some of the demo cell's members rated for 2025 and 2026, and a quota for 2026."""

    def rate(reg) -> None:
        levels = ("excellent", "good", "good", "complete", "incomplete")
        for year in (2025, 2026):
            lines = ratings.rating_roster(reg, year, TODAY).lines
            for n, line in enumerate(lines):
                if line.due and n % 3:
                    points = {"excellent": 92, "good": 80.5}.get(levels[n % 5])
                    ratings.set_rating(
                        reg, line.person_id, year, levels[n % 5], points=points, today=TODAY
                    )
        ratings.set_quota(reg, 2026, 4, reference="03-KH/CB", today=TODAY)

    run(runner, rate)


@pytest.fixture
def page(qtbot, vietnamese, runner, rated) -> ReportsPage:
    page = ReportsPage(runner, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1010, 760)
    page.show()
    settle(runner)
    assert page.view.shown is not None
    return page


def build(runner, kinds, first: dt.date, last: dt.date) -> Report:
    return run(runner, lambda reg: reports.build(reg, kinds, first, last, today=TODAY))


def texts_of(table: Table) -> list[list[str]]:
    return [[cell_text(v) for v in row] for row in table.rows]


def on_screen(page: ReportsPage) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, headers, cell texts) of every table shown, read through the views' models."""
    found = []
    for view in page.view.tables:
        model = view.model()
        columns, rows = model.columnCount(), model.rowCount()
        headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(columns)]
        cells = [[model.index(r, c).data() for c in range(columns)] for r in range(rows)]
        found.append((view.report_model.table.title, headers, cells))
    return found


def expected(report: Report) -> list[tuple[str, list[str], list[list[str]]]]:
    return [
        (t.title, [h.replace("\n", " ") for h, _ in t.columns], texts_of(t))
        for kind in report.sections
        for t in report.tables(kind)
        if t.rows
    ]


def same_figures(page: ReportsPage, report: Report) -> None:
    shown = [(title, [h.replace("\n", " ") for h in heads], cells)
             for title, heads, cells in on_screen(page)]  # fmt: skip
    assert shown == expected(report)
    labels = {label.text() for label in page.view.findChildren(QLabel) if label.isVisibleTo(page)}
    for kind in report.sections:
        for table in report.tables(kind):
            assert table.title in labels
            assert set(table.notes) <= labels
    assert {f"- {line}" for line in report.limits} <= labels


# -- the models and the pure parts ------------------------------------------------------------


def test_qtmodeltester_report_tables(qtmodeltester, runner) -> None:
    report = build(runner, "all", *YEAR_TO_DATE)
    for kind in report.sections:
        for table in report.tables(kind):
            qtmodeltester.check(ReportTableModel(table), force_py=True)


def test_the_table_model_formats_as_the_printed_report(runner) -> None:
    report = build(runner, ["admissions", "attendance"], *YEAR_TO_DATE)
    years = ReportTableModel(report.tables("admissions")[0])
    row = [years.index(0, c).data() for c in range(years.columnCount())]
    assert row[0] == "2026" and row[1] == "01/01/2026 - 22/11/2026"
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for column in range(years.columnCount()):
        alignment = years.index(0, column).data(Qt.ItemDataRole.TextAlignmentRole)
        assert (alignment == right) == (column in years.table.numeric), column
    share = years.index(0, 7).data()  # "So với đảng viên đầu năm": a Vietnamese percent
    assert share.endswith("%") and "," in share and "." not in share
    assert years.headerData(7, Qt.Orientation.Horizontal) == "So với đảng\nviên đầu năm"
    meetings = ReportTableModel(report.tables("attendance")[0])
    total = meetings.rowCount() - 1
    assert meetings.index(total, 0).data() == "Cộng"
    assert meetings.index(total, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert meetings.index(0, 1).data(Qt.ItemDataRole.FontRole) is None


@pytest.mark.parametrize(
    ("natural", "floors", "flexible", "available", "widths"),
    [
        ([40, 100, 60], [40, 90, 60], [False, True, False], 400, [40, 300, 60]),  # the rest
        ([40, 100, 200, 60], [40, 90, 90, 60], [False, True, True, False], 400,
         [40, 100, 200, 60]),
        ([40, 300, 100, 60], [40, 90, 90, 60], [False, True, True, False], 300,
         [40, 150, 90, 60]),  # short of room: the text wraps, down to its floor
        ([40, 300, 100, 60], [40, 90, 100, 60], [False, True, True, False], 300,
         [40, 150, 100, 60]),  # a header's width is the floor
        ([60, 40], [60, 40], [False, False], 200, [120, 80]),  # figures alone share the width
    ],
)  # fmt: skip
def test_column_widths(natural, floors, flexible, available, widths) -> None:
    assert column_widths(natural, floors, flexible, available) == widths


@pytest.mark.parametrize(
    ("preset", "year", "part", "first", "last"),
    [
        (rp.YEAR_TO_DATE, 0, 0, D(2026, 1, 1), TODAY),
        (rp.THIS_YEAR, 0, 0, D(2026, 1, 1), D(2026, 12, 31)),
        (rp.LAST_YEAR, 0, 0, D(2025, 1, 1), D(2025, 12, 31)),
        (rp.QUARTER, 2025, 1, D(2025, 1, 1), D(2025, 3, 31)),
        (rp.QUARTER, 2024, 4, D(2024, 10, 1), D(2024, 12, 31)),
        (rp.MONTH, 2024, 2, D(2024, 2, 1), D(2024, 2, 29)),
        (rp.MONTH, 2026, 11, D(2026, 11, 1), D(2026, 11, 30)),
    ],
)
def test_preset_ranges(preset, year, part, first, last) -> None:
    assert rp.preset_range(preset, year, part, TODAY) == (first, last)


def test_qtmodeltester_roster(qtmodeltester, runner, rated) -> None:
    roster = run(runner, lambda reg: ratings.rating_roster(reg, 2026, TODAY))
    model = RatingRosterModel()
    model.set_rows(roster.lines)
    qtmodeltester.check(model, force_py=True)
    proxy = RatingRosterSort()
    proxy.setSourceModel(model)
    proxy.sort(rm.LEVEL, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy, force_py=True)
    levels = [proxy.index(r, rm.LEVEL).data() for r in range(proxy.rowCount())]
    shown = [lv for lv in levels if lv]
    order = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    assert shown == sorted(shown, key=order.index) and levels[-1] == ""


# -- the report on screen ---------------------------------------------------------------------


def test_the_figures_on_screen_are_the_services(page, runner) -> None:
    """Year to date and every section by default, as ``reports.build`` counts them."""
    assert page.period.first.text() == "01/01/2026" and page.period.last.text() == "22/11/2026"
    assert page.kinds() == list(KINDS)
    report = build(runner, "all", *YEAR_TO_DATE)
    same_figures(page, report)
    assert page.view.shown.report.sections.keys() == report.sections.keys()
    headings = [label.text() for label in page.view.findChildren(QLabel)
                if label.property("role") == "heading"]  # fmt: skip
    assert headings[0] == "Số liệu từ ngày 01/01/2026 đến ngày 22/11/2026"
    assert headings[1] == "I. Kết nạp so với chỉ tiêu"
    assert headings[-1] == "VII. Những số liệu sổ chưa trả lời được"
    quota = on_screen(page)[0][2][0]
    assert quota[2:6] == ["6", "4", "Chi bộ ghi", "150,0%"]  # 6 admitted against 4
    for button in (page.print_button, page.save_button, page.excel_button):
        assert button.isEnabled()


def test_changing_the_period_or_the_sections_rebuilds(page, runner) -> None:
    page.period.set_preset(rp.LAST_YEAR)
    settle(runner)
    assert (page.period.first.text(), page.period.last.text()) == ("01/01/2025", "31/12/2025")
    last_year = build(runner, "all", D(2025, 1, 1), D(2025, 12, 31))
    same_figures(page, last_year)
    assert expected(last_year) != expected(build(runner, "all", *YEAR_TO_DATE))
    page.period.set_preset(rp.QUARTER, 2026, 2)
    settle(runner)
    same_figures(page, build(runner, "all", D(2026, 4, 1), D(2026, 6, 30)))
    page.period.set_preset(rp.MONTH, 2025, 11)
    settle(runner)
    same_figures(page, build(runner, "all", D(2025, 11, 1), D(2025, 11, 30)))
    for kind in ("new-members", "probation", "attendance"):
        page.sections[kind].setChecked(False)
    settle(runner)
    kinds = ["admissions", "movements", "ratings"]
    assert list(page.view.shown.report.sections) == kinds
    same_figures(page, build(runner, kinds, D(2025, 11, 1), D(2025, 11, 30)))


def test_typed_dates_make_the_period(page, runner) -> None:
    replace_text(page.period.first, "15/03/2021")
    assert page.period.current() == rp.DATES  # typing leaves the preset
    replace_text(page.period.last, "1/6/2024")
    page.period.last.editingFinished.emit()
    settle(runner)
    assert page.period.last.text() == "01/06/2024"  # tidied
    same_figures(page, build(runner, "all", D(2021, 3, 15), D(2024, 6, 1)))
    page.period.set_preset(rp.YEAR_TO_DATE)  # back to a preset: its dates again
    settle(runner)
    assert page.period.first.text() == "01/01/2026"
    same_figures(page, build(runner, "all", *YEAR_TO_DATE))


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("01/06/2026", "01/03/2026",
         "Kỳ báo cáo: ngày bắt đầu 01/06/2026 sau ngày kết thúc 01/03/2026"),
        ("01/12/2026", "31/12/2026",
         "Kỳ báo cáo: ngày bắt đầu 01/12/2026 sau hôm nay (22/11/2026), chưa có số liệu"),
        ("31/12/1929", "31/12/1930", "Kỳ báo cáo: ngày bắt đầu 31/12/1929 trước năm 1930"),
        ("31/02/2026", "31/03/2026", "tháng 2/2026 không có ngày 31"),  # not a day
        ("", "31/03/2026", "Hãy gõ đủ ngày bắt đầu và ngày kết thúc của kỳ báo cáo"),
    ],
)  # fmt: skip
def test_a_bad_period_shows_the_services_message(page, runner, first, last, message) -> None:
    page.period.set_dates(first, last)
    settle(runner)
    assert page.banner.isVisible() and page.banner.level == "error"
    assert message in page.banner.text()
    assert page.view.shown is None and page.view.tables == []
    assert not any(b.isEnabled() for b in (page.print_button, page.save_button, page.excel_button))
    page.period.set_preset(rp.THIS_YEAR)  # a good period again
    settle(runner)
    assert not page.banner.isVisible() and page.view.shown is not None


def test_a_future_month_is_refused_by_the_service(page, runner) -> None:
    page.period.set_preset(rp.MONTH, 2026, 12)
    settle(runner)
    assert page.banner.text() == (
        "Kỳ báo cáo: ngày bắt đầu 01/12/2026 sau hôm nay (22/11/2026), chưa có số liệu"
    )


def test_no_section_chosen_is_said(page, runner) -> None:
    for box in page.sections.values():
        box.setChecked(False)
    settle(runner)
    assert page.banner.level == "warning"
    assert page.banner.text() == "Hãy chọn ít nhất một phần của báo cáo."
    assert page.view.shown is None and not page.save_button.isEnabled()


def test_the_charts_are_the_printed_reports_drawings(page, runner) -> None:
    report = build(runner, "all", *YEAR_TO_DATE)
    wanted = [report_sheet.chart_svg(c) for kind in report.sections for c in report.charts(kind)]
    assert len(wanted) == 3  # admissions by year, attendance by month, ratings
    assert [chart.svg for chart in page.view.charts] == wanted
    for chart in page.view.charts:
        assert chart.renderer().isValid() and "<svg" in chart.svg
        assert chart.width() > 300 and chart.height() == chart.heightForWidth(chart.width())
        image = chart.grab().toImage()
        assert not image.isNull()
        colours = {image.pixelColor(x, y).getRgb()[:3] for x in range(0, image.width(), 2)
                   for y in range(0, image.height(), 2)}  # fmt: skip
        assert len(colours) > 5  # bars, axes and letters, not a blank square
        first = report_sheet.BAR_COLOURS[0]  # the first series' dark red, as the PDF has it
        red = (first.red * 255, first.green * 255, first.blue * 255)
        assert any(all(abs(a - b) < 6 for a, b in zip(c, red, strict=True)) for c in colours)


def test_the_chart_font_is_the_reports_own() -> None:
    from desktop_app.ui.pages.reports_view import chart_fonts

    assert chart_fonts()
    from PySide6.QtGui import QFontDatabase

    assert "Liberation Serif" in QFontDatabase.families()


# -- printing, saving, export -------------------------------------------------------------------


def test_export_to_excel_writes_the_figures_on_screen(page, runner, monkeypatch, tmp_path) -> None:
    page.period.set_preset(rp.LAST_YEAR)
    settle(runner)
    target = tmp_path / "ra" / "bao-cao.xlsx"
    target.parent.mkdir()
    asked: list[Path] = []

    def ask(cls, parent, suggested):
        asked.append(suggested)
        return target

    monkeypatch.setattr(ReportFiles, "ask_xlsx_path", classmethod(ask))
    page.excel_button.click()
    settle(runner)
    assert asked[0].name == "bao-cao-01-01-2025-den-31-12-2025.xlsx"
    assert page.banner.level == "ok" and page.banner.text() == f"Đã xuất ra: {target}"
    report = build(runner, "all", D(2025, 1, 1), D(2025, 12, 31))
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[:6] == [report_export.SHEETS[k] for k in KINDS]
    for kind in report.sections:
        rows = [list(r) for r in book[report_export.SHEETS[kind]].iter_rows(values_only=True)]
        for table in report.tables(kind):
            start = next(n for n, r in enumerate(rows) if r[0] == table.title)
            assert rows[start + 1][: len(table.columns)] == [h for h, _ in table.columns]
            for n, row in enumerate(table.rows):
                got = rows[start + 2 + n][: len(row)]
                assert got == [_as_cell(v) for v in row], (table.title, n)
    assert list(target.parent.iterdir()) == [target]  # nothing half-written beside it


def _as_cell(value: object) -> object:
    if isinstance(value, Share):
        return pytest.approx(value.rate) if value.rate is not None else None
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return value


def test_an_export_that_cannot_write_says_so(page, runner, monkeypatch, tmp_path) -> None:
    target = tmp_path / "khong-co-thu-muc" / "bao-cao.xlsx"
    monkeypatch.setattr(ReportFiles, "ask_xlsx_path", classmethod(lambda cls, p, s: target))
    page.excel_button.click()
    settle(runner)
    assert page.banner.level == "error"
    assert page.banner.text().startswith(f"Không ghi được «{target}»")
    assert not target.parent.exists() and page.excel_button.isEnabled()


def test_the_keys_work_on_the_figures_tab_only(page, runner, monkeypatch) -> None:
    asked: list[Path] = []
    monkeypatch.setattr(
        ReportFiles, "ask_xlsx_path", classmethod(lambda cls, p, s: asked.append(s))
    )
    [export] = [a for a in page.actions() if a.shortcut().toString() == "Ctrl+Shift+E"]
    export.trigger()
    assert len(asked) == 1
    page.tabs.setCurrentWidget(page.ratings)
    settle(runner)
    export.trigger()
    assert len(asked) == 1
    assert "(Ctrl+Shift+E)" in page.excel_button.toolTip()


def test_save_as_pdf_writes_the_report_shown(page, runner, monkeypatch, tmp_path) -> None:
    target = tmp_path / "ra" / "bao-cao.pdf"
    target.parent.mkdir()
    asked: list[Path] = []

    def ask_path(cls, parent, suggested):
        asked.append(suggested)
        return target

    monkeypatch.setattr(FormOutput, "ask_path", classmethod(ask_path))
    page.save_button.click()
    settle(runner)
    assert asked[0].name == "bao-cao-01-01-2026-den-22-11-2026.pdf"
    assert page.banner.level == "ok" and page.banner.text() == f"Đã lưu: {target}"
    assert list(target.parent.iterdir()) == [target]
    with pdfplumber.open(io.BytesIO(target.read_bytes())) as pdf:
        text = " ".join((p.extract_text() or "") for p in pdf.pages)
        assert {(round(p.width), round(p.height)) for p in pdf.pages} == {(595, 842)}
    flat = " ".join(text.split())
    assert "BÁO CÁO" in flat
    assert "Thống kê công tác đảng viên từ ngày 01/01/2026 đến ngày 22/11/2026" in flat
    assert "Kết nạp đảng viên so với chỉ tiêu" in flat


def test_save_as_pdf_of_one_section_and_a_failed_write(page, runner, monkeypatch, tmp_path) -> None:
    for kind, box in page.sections.items():
        box.setChecked(kind == "ratings")
    settle(runner)
    target = tmp_path / "khong-co" / "bao-cao.pdf"
    monkeypatch.setattr(FormOutput, "ask_path", classmethod(lambda cls, p, s: target))
    page.save_button.click()
    settle(runner)
    assert page.banner.level == "error" and page.banner.text().startswith("Không ghi được tệp ")
    assert page.save_button.isEnabled()  # usable again
    target = tmp_path / "xep-loai.pdf"
    page.save_button.click()
    settle(runner)
    with pdfplumber.open(io.BytesIO(target.read_bytes())) as pdf:
        text = " ".join(" ".join((p.extract_text() or "") for p in pdf.pages).split())
    assert "Xếp loại chất lượng đảng viên từ ngày 01/01/2026" in text
    assert "Kết quả xếp loại chất lượng đảng viên năm 2026" in text


def test_print_paints_the_report_on_a4(page, runner, monkeypatch, tmp_path) -> None:
    out = tmp_path / "may-in.pdf"
    seen: list[QPrinter] = []

    def ask_printer(cls, parent, doc_name):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        seen.append(printer)
        return printer

    monkeypatch.setattr(FormOutput, "ask_printer", classmethod(ask_printer))
    page.print_button.click()
    settle(runner)
    report = page.view.shown.report
    pdf = run(runner, lambda reg: report_sheet.render_report(report, page.letterhead(reg), TODAY))
    with pdfplumber.open(io.BytesIO(pdf)) as wanted, pdfplumber.open(out) as printed:
        count = len(wanted.pages)
        assert len(printed.pages) == count
    assert page.banner.text() == f"Đã gửi tới máy in: {count} trang khổ A4."
    monkeypatch.setattr(FormOutput, "ask_printer", classmethod(lambda cls, p, n: None))
    out.unlink()
    page.print_button.click()  # cancelled: nothing printed, the last message stays
    settle(runner)
    assert not out.exists() and page.banner.text().startswith("Đã gửi tới máy in")


def test_the_data_source_is_one_swappable_function(page, runner) -> None:
    """The upper level's window replaces ``build_report`` with its aggregate."""
    asked: list[tuple] = []

    def source(reg, kinds, first, last):
        asked.append((tuple(kinds), first, last))
        return reports.build(reg, kinds, first, last, today=TODAY)

    page.build_report = source
    page.period.set_preset(rp.LAST_YEAR)
    settle(runner)
    assert asked == [(tuple(KINDS), D(2025, 1, 1), D(2025, 12, 31))]


# -- ratings ------------------------------------------------------------------------------------


@pytest.fixture
def editor(page, runner):
    page.tabs.setCurrentWidget(page.ratings)
    settle(runner)
    assert page.ratings.roster is not None
    return page.ratings


def person_id(runner, name: str) -> str:
    return next(p.id for p in run(runner, members.list_people) if p.full_name == name)


def head(runner) -> object:
    return run(runner, lambda reg: journal.head())


def test_the_roster_is_every_member_in_vietnamese_order(editor, runner) -> None:
    roster = run(runner, lambda reg: ratings.rating_roster(reg, 2026, TODAY))
    model = editor.proxy
    names = [model.index(r, rm.NAME).data() for r in range(model.rowCount())]
    assert names == [line.full_name for line in roster.lines]
    assert names[:3] == ["Bùi Tuấn Bình", "Lê Thị Cúc", "Phạm Văn Cường"]  # by given name
    keys = [model.index(r, rm.NAME).data(SortRole) for r in range(model.rowCount())]
    assert keys == sorted(keys)
    gone = next(
        r for r in range(model.rowCount()) if model.index(r, rm.NAME).data() == "Hồ Thị Thủy"
    )
    assert model.index(gone, rm.NOTE).data() == "Từ trần ngày 21/07/2026"
    due = sum(line.due for line in roster.lines)
    done = sum(1 for line in roster.lines if line.due and line.rating)
    assert editor.summary.text() == (
        f"{due} đảng viên phải xếp loại (tính đến ngày 22/11/2026): đã xếp loại {done}, "
        f"chưa xếp loại {due - done}."
    )
    assert editor.bands.text() == (
        "Điểm (thang 100): HTXSNV từ 90; HTTNV từ 70; HTNV từ 50 "
        "(Quy định 366-QĐ/TW ngày 30/8/2025)."
    )
    assert editor.quota_box.title() == "Chỉ tiêu kết nạp năm 2026"
    assert editor.quota_now.text() == "Chi bộ ghi: 4 người, 03-KH/CB."


def _choose_level(editor, code: str) -> None:
    editor.level.setCurrentIndex(editor.level.findData(code))


def test_a_rating_is_set_changed_and_removed(editor, runner, monkeypatch) -> None:
    pid = person_id(runner, "Lê Quốc Hiệp")
    assert editor.select_person(pid) and editor.chosen().rating is None
    assert not editor.remove_button.isEnabled()
    _choose_level(editor, "good")
    replace_text(editor.points, "82,5")
    commit_text(editor.note, "Hoàn thành tốt công tác khu phố")
    editor.save_button.click()
    settle(runner)
    assert editor.banner.level == "ok"
    assert editor.banner.text() == "Đã lưu xếp loại năm 2026 của Lê Quốc Hiệp."
    [saved] = [r for r in run(runner, lambda reg: ratings.list_ratings(reg, 2026))
               if r.person_id == pid]  # fmt: skip
    assert (saved.level, saved.points, saved.note) == (
        "good",
        82.5,
        "Hoàn thành tốt công tác khu phố",
    )
    assert editor.chosen_id() == pid  # kept chosen after the reload
    row = editor.proxy.mapFromSource(editor.model.index(editor.model.row_of(pid), 0)).row()
    assert editor.proxy.index(row, rm.LEVEL).data() == "HTTNV"
    assert editor.proxy.index(row, rm.LEVEL).data(Qt.ItemDataRole.ToolTipRole) == (
        "Hoàn thành tốt nhiệm vụ"
    )
    assert editor.proxy.index(row, rm.POINTS).data() == "82,5"
    _choose_level(editor, "excellent")
    replace_text(editor.points, "95")
    editor.points.returnPressed.emit()  # Enter saves too
    settle(runner)
    [changed] = [r for r in run(runner, lambda reg: ratings.list_ratings(reg, 2026))
                 if r.person_id == pid]  # fmt: skip
    assert (changed.id, changed.level, changed.points, changed.version) == (
        saved.id, "excellent", 95.0, 2,
    )  # fmt: skip
    asked: list[str] = []
    monkeypatch.setattr(errors, "confirm", lambda parent, title, text: asked.append(text) or True)
    editor.remove_button.click()
    settle(runner)
    assert asked == ["Xóa xếp loại năm 2026 của Lê Quốc Hiệp (Hoàn thành xuất sắc nhiệm vụ)?"]
    assert pid not in {
        r.person_id for r in run(runner, lambda reg: ratings.list_ratings(reg, 2026))
    }
    assert editor.banner.text() == "Đã xóa xếp loại năm 2026 của Lê Quốc Hiệp."
    assert editor.chosen().rating is None and editor.level.currentIndex() == -1


def test_a_declined_removal_removes_nothing(editor, runner, monkeypatch) -> None:
    line = next(line for line in editor.model._rows if line.rating)
    editor.select_person(line.person_id)
    before = head(runner)
    monkeypatch.setattr(errors, "confirm", lambda *a: False)
    editor.remove_button.click()
    settle(runner)
    assert head(runner) == before


@pytest.mark.parametrize(
    ("level", "points", "message"),
    [
        ("excellent", "85", "Điểm: 85 điểm chưa đủ mức «Hoàn thành xuất sắc nhiệm vụ» "
         "(từ 90 điểm, Quy định 366-QĐ/TW ngày 30/8/2025)"),
        ("good", "101", "Điểm: 101 phải từ 0 đến 100"),
        ("good", "tám mươi", "Điểm: «tám mươi» không phải số điểm"),
        ("", "", "Mức xếp loại: «» không phải một trong 4 mức"),
    ],
)  # fmt: skip
def test_a_refused_rating_shows_why_and_changes_nothing(
    editor, runner, level, points, message
) -> None:
    pid = person_id(runner, "Lê Quốc Hiệp")
    editor.select_person(pid)
    _choose_level(editor, level) if level else editor.level.setCurrentIndex(-1)
    replace_text(editor.points, points)
    before = head(runner)
    editor.save_button.click()
    settle(runner)
    assert head(runner) == before
    assert editor.banner.level == "error"
    assert editor.banner.text().startswith(
        "Xếp loại năm 2026 của «Lê Quốc Hiệp»: dữ liệu chưa hợp lệ, chưa lưu gì."
    )
    assert message in editor.banner.text()
    assert editor.points.text() == points and editor.typed().level == level  # kept as typed
    assert editor.save_button.isEnabled()


def test_a_year_not_over_and_a_non_member_are_refused(editor, runner) -> None:
    editor.year.setValue(2027)  # next year: its quota may be set, its ratings not
    settle(runner)
    assert editor.roster.year == 2027
    pid = person_id(runner, "Lê Quốc Hiệp")
    editor.select_person(pid)
    _choose_level(editor, "good")
    before = head(runner)
    editor.save_button.click()
    settle(runner)
    assert "Năm đánh giá: năm 2027 phải từ 1930 đến 2026" in editor.banner.text()
    candidate = next(c for c in run(runner, lambda reg: development.list_candidates(reg, TODAY)))
    editor.year.setValue(2025)
    settle(runner)
    editor.write_rating(candidate.person_id, "x", RatingInput("good", "", ""))
    settle(runner)
    assert "Năm đánh giá: năm 2025 không phải đảng viên của chi bộ" in editor.banner.text()
    assert head(runner) == before


def test_the_quota_is_saved_and_refusals_shown(editor, runner) -> None:
    editor.year.setValue(2027)
    settle(runner)
    assert editor.quota_now.text() == "Năm này chưa có chỉ tiêu kết nạp."
    replace_text(editor.quota, "ba")
    before = head(runner)
    editor.quota_button.click()
    settle(runner)
    assert head(runner) == before
    assert "Chỉ tiêu kết nạp: «ba» không phải số người" in editor.banner.text()
    assert editor.quota.text() == "ba"  # kept as typed
    replace_text(editor.quota, "5")
    replace_text(editor.reference, "15-KH/CB")
    editor.reference.returnPressed.emit()
    settle(runner)
    [quota] = [q for q in run(runner, ratings.list_quotas) if q.year == 2027]
    assert (quota.quota, quota.reference, quota.source) == (5, "15-KH/CB", "cell")
    assert editor.banner.text() == "Đã lưu chỉ tiêu kết nạp năm 2027."
    assert editor.quota_now.text() == "Chi bộ ghi: 5 người, 15-KH/CB."


def test_a_quota_from_the_upper_level_cannot_be_changed_here(editor, runner) -> None:
    run(runner, lambda reg: ratings.set_quota(reg, 2026, 6, source="upper",
                                              reference="21-KH/ĐU", today=TODAY))  # fmt: skip
    editor.load()
    settle(runner)
    assert editor.quota_now.text() == "Cấp trên giao: 6 người, 21-KH/ĐU."
    assert not editor.quota.isEnabled() and not editor.quota_button.isEnabled()
    assert editor.quota_button.toolTip() == "Chỉ tiêu do cấp trên giao: chi bộ không sửa."


def test_a_rating_shows_in_the_report_when_the_figures_are_shown_again(
    page, editor, runner
) -> None:
    for kind, box in page.sections.items():
        box.setChecked(kind == "ratings")
    editor.select_person(person_id(runner, "Lê Quốc Hiệp"))
    _choose_level(editor, "good")
    editor.save_button.click()
    settle(runner)
    page.tabs.setCurrentIndex(0)
    settle(runner)
    same_figures(page, build(runner, ["ratings"], *YEAR_TO_DATE))


# -- in the window -------------------------------------------------------------------------------


def _pictures(stage, runner, screens, suffix: str) -> ReportsPage:
    window = stage.window
    window.show_area("reports")
    stage.settle()
    page = window.pages["reports"]
    assert isinstance(page, ReportsPage) and page.view.shown is not None
    assert page.period.last.text() == "22/11/2026"  # the demo's day, set by the stage
    screens(window, f"reports-page{suffix}")
    bar = page.scroll.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    screens(window, f"reports-page-middle{suffix}")
    page.tabs.setCurrentWidget(page.ratings)
    stage.settle()
    page.ratings.select_person(person_id(runner, "Lê Thị Cúc"))
    screens(window, f"reports-ratings{suffix}")
    return page


def test_the_page_in_the_window_and_its_pictures(
    qtbot, runner, rated, settings, vietnamese, tmp_path, screens
) -> None:
    stage = scenes.make_stage(qtbot, runner, settings, tmp_path)
    page = _pictures(stage, runner, screens, "")
    assert page.ratings.roster.year == 2026


def test_the_pictures_at_150_percent(
    qtbot, runner, rated, settings, vietnamese, tmp_path, screens, qapp
) -> None:
    style.apply(qapp, 150)
    try:
        stage = scenes.make_stage(qtbot, runner, settings, tmp_path)
        page = _pictures(stage, runner, screens, "-150")
        for view in page.view.tables:  # every column shows its header whole
            header = view.horizontalHeader()
            for column in range(view.model().columnCount()):
                assert header.sectionSize(column) >= header.sectionSizeHint(column) - 2
    finally:
        style.apply(qapp)


def test_building_leaves_the_gui_thread_free(page, runner) -> None:
    """The report is read on the database thread (the UI fixtures fail any register SQL on
    the GUI thread); the page shows the answer of the last request only."""
    page.period.set_preset(rp.LAST_YEAR)
    page.period.set_preset(rp.THIS_YEAR)
    page.period.set_preset(rp.QUARTER, 2025, 3)
    settle(runner)
    same_figures(page, build(runner, "all", D(2025, 7, 1), D(2025, 9, 30)))
