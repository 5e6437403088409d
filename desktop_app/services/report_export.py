"""A report as an .xlsx workbook: one sheet per section with the same tables as the printed
report (figures as numbers, shares as percentages, dates as dates), each section's chart as an
Excel bar chart over the figures it draws, and a sheet of what the register cannot answer."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain.reports import KINDS, Chart, Report, Share, Table
from desktop_app.services.exports import ExportError

SHEETS = {  # Excel allows 31 characters in a sheet name
    "admissions": "Kết nạp",
    "new-members": "Đảng viên mới",
    "movements": "Tăng giảm",
    "probation": "Dự bị",
    "attendance": "Sinh hoạt",
    "ratings": "Xếp loại",
}
LIMITS_SHEET = "Sổ chưa trả lời được"
PERCENT = "0.0%"
DATE = "DD/MM/YYYY"
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
NOTE = Font(italic=True)


def workbook(report: Report, cell_name: str) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for kind in report.sections:
        sheet = book.create_sheet(SHEETS[kind])
        _heading(sheet, cell_name, f"{KINDS[kind]} {report.period.label}", report)
        width = 1
        for table in report.tables(kind):
            width = max(width, len(table.columns))
            _table(sheet, table)
        for chart in report.charts(kind):
            _chart(sheet, chart, anchor_column=width + 2)
        _widths(sheet)
    sheet = book.create_sheet(LIMITS_SHEET)
    _heading(sheet, cell_name, "Những số liệu sổ chưa trả lời được", report)
    for line in report.limits:
        sheet.append([line])
    sheet.column_dimensions["A"].width = 120
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _heading(sheet: Worksheet, cell_name: str, subject: str, report: Report) -> None:
    sheet.append([cell_name])
    sheet.append([subject])
    sheet["A2"].font = TITLE
    sheet.append([f"Số liệu tính đến hết ngày {min(report.today, report.period.last):%d/%m/%Y}"])
    sheet["A3"].font = NOTE
    sheet.append([])


def _value(value: object) -> object:
    if isinstance(value, Share):
        return value.rate
    return value


def _table(sheet: Worksheet, table: Table) -> None:
    sheet.append([table.title])
    sheet.cell(sheet.max_row, 1).font = BOLD
    sheet.append([header for header, _ in table.columns])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for row in table.rows:
        sheet.append([_value(v) for v in row])
        for cell, value in zip(sheet[sheet.max_row], row, strict=False):
            if isinstance(value, Share):
                cell.number_format = PERCENT
            elif isinstance(value, dt.date):
                cell.number_format = DATE
    for note in table.notes:
        sheet.append([note])
        sheet.cell(sheet.max_row, 1).font = NOTE
    sheet.append([])


def _chart(sheet: Worksheet, chart: Chart, anchor_column: int) -> None:
    """The chart's figures as a small table under the others, and a bar chart over them."""
    sheet.append([chart.title])
    sheet.cell(sheet.max_row, 1).font = BOLD
    first = sheet.max_row + 1
    sheet.append(["", *(name for name, _ in chart.series)])
    for index, category in enumerate(chart.categories):
        sheet.append([category, *(values[index] for _, values in chart.series)])
    last = sheet.max_row
    bars = BarChart()
    bars.title = chart.title
    bars.y_axis.title = chart.unit
    bars.height, bars.width = 7.5, 16
    data = Reference(sheet, min_col=2, max_col=1 + len(chart.series), min_row=first, max_row=last)
    bars.add_data(data, titles_from_data=True)
    bars.set_categories(Reference(sheet, min_col=1, min_row=first + 1, max_row=last))
    anchor = sheet.cell(5, anchor_column).coordinate
    sheet.add_chart(bars, anchor)
    sheet.append([])


def _widths(sheet: Worksheet) -> None:
    """Column A wide enough for the labels (titles and notes run over), the others for
    their headers."""
    sheet.column_dimensions["A"].width = 48
    for column in sheet.iter_cols(min_col=2, max_col=sheet.max_column):
        sheet.column_dimensions[column[0].column_letter].width = 16


def write_xlsx(report: Report, cell_name: str, path: Path | str) -> Path:
    """Write the workbook beside the target and rename it into place: never half-written."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ExportError(f"Tệp ra «{path.name}» phải có đuôi .xlsx")
    data = workbook(report, cell_name)
    partial = path.with_name(f".{path.name}.dang-ghi")
    try:
        with open(partial, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ExportError(f"Không ghi được «{path}»: {exc.strerror or exc}") from None
    return path
