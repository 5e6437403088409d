"""The cell's statistics report on paper (Báo cáo thống kê): the Party document frame, then each
section asked for (admissions against the quota, new members by category, increase and
decrease, probationary members, meetings and study, ratings) as ruled tables following the
forms of Hướng dẫn 11-HD/BTCTW, with bar charts where a person would rather look than read,
and what the register cannot answer. The number is left blank, to write by hand.

A chart is one reportlab Drawing: drawn in the PDF here, and rendered to SVG (``chart_svg``)
for the window, so the screen and the paper show the same picture."""

from __future__ import annotations

import datetime as dt

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak

from desktop_app.domain.reports import ALL, KINDS, Chart, Report, Table, cell_text
from desktop_app.forms import facts, fonts
from desktop_app.forms.facts import CellFacts
from desktop_app.forms.layout import HEADING_ROOM, Document, Head
from desktop_app.forms.spec import FormSpec, Request
from desktop_app.services import reports

CODE = "BC-TK"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII")
CHART_HEIGHT = 62 * mm
BAR_COLOURS = (colors.HexColor("#8c1c13"), colors.HexColor("#c9a227"), colors.HexColor("#4a6274"),
               colors.HexColor("#7a9e7e"), colors.HexColor("#9b8aa6"))  # fmt: skip
CHART_FIELD = "biểu đồ"
SVG_FAMILY = "Liberation Serif"  # as systems and Qt name the face (Qt reads one name)


# -- charts -------------------------------------------------------------------------------


def _text(value: str) -> str:
    return fonts.preflight(value, form=CODE, field=CHART_FIELD)


def _label(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    return f"{value:g}".replace(".", ",") if unit == "%" else f"{value:.0f}"


def drawing(chart: Chart, width: float, height: float = CHART_HEIGHT) -> Drawing:
    """The chart as a reportlab Drawing of the given size (points): title on top, bars with
    their values, a legend when there are several series."""
    fonts.register()
    d = Drawing(width, height)
    d.initialFontName = fonts.REGULAR  # never reportlab's default, Helvetica (not embedded)
    d.add(String(width / 2, height - 12, _text(chart.title), fontName=fonts.BOLD,
                 fontSize=11, textAnchor="middle"))  # fmt: skip
    legend_room = 16 if len(chart.series) > 1 else 0
    bars = VerticalBarChart()
    bars.x, bars.y = 30, 22 + legend_room
    bars.width, bars.height = width - 40, height - 44 - legend_room
    bars.data = [tuple(v for v in values) for _, values in chart.series]
    bars.categoryAxis.categoryNames = [_text(c) for c in chart.categories]
    for axis in (bars.categoryAxis.labels, bars.valueAxis.labels, bars.barLabels):
        axis.fontName, axis.fontSize = fonts.REGULAR, 9
    bars.valueAxis.valueMin = 0
    top = max([v for _, values in chart.series for v in values if v is not None] or [0])
    bars.valueAxis.valueMax = 100 if chart.unit == "%" else max(4, top * 1.2)
    bars.valueAxis.valueStep = 20 if chart.unit == "%" else max(1, round(top / 4) or 1)
    bars.valueAxis.labelTextFormat = "%d"
    bars.barLabelFormat = lambda v: _label(v, chart.unit)  # type: ignore[assignment]
    bars.barLabels.nudge = 7
    bars.groupSpacing = 8
    for index in range(len(chart.series)):
        bars.bars[index].fillColor = BAR_COLOURS[index % len(BAR_COLOURS)]
        bars.bars[index].strokeColor = None
    d.add(bars)
    if legend_room:
        d.add(_legend(chart, width))
    return d


def _legend(chart: Chart, width: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = 30, 10
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = max(60, (width - 60) / len(chart.series))
    legend.fontName, legend.fontSize = fonts.REGULAR, 9
    legend.dxTextSpace = 4
    legend.colorNamePairs = [
        (BAR_COLOURS[i % len(BAR_COLOURS)], _text(name)) for i, (name, _) in enumerate(chart.series)
    ]
    return legend


def _svg_fonts() -> dict[str, dict[str, str]]:
    """The faces by the family names a system (and Qt) knows them by, with their weight and
    style, instead of reportlab's internal names."""
    family = SVG_FAMILY
    return {
        fonts.REGULAR: {"family": family},
        fonts.BOLD: {"family": family, "weight": "bold"},
        fonts.ITALIC: {"family": family, "style": "italic"},
    }


def chart_svg(chart: Chart, width: float = 160 * mm, height: float = CHART_HEIGHT) -> str:
    """The same chart as SVG text, for the window. The clip goes in an attribute, not a
    clipPath element: Qt's SVG renderer (SVG Tiny) would paint the clipPath's rectangle."""
    return renderSVG.drawToString(
        drawing(chart, width, height), useClip=True, fontHacks=_svg_fonts()
    )


# -- the document -------------------------------------------------------------------------


def _table(doc: Document, table: Table) -> None:
    doc.add(CondPageBreak(HEADING_ROOM))  # a table's title never ends a page alone
    doc.line(table.title, style="center_bold")
    if not table.rows:
        doc.line("Không có.", style="note")
    else:
        rows = [[cell_text(v) for v in row] for row in table.rows]
        doc.table(table.columns, rows, centered=table.numeric, small=True)
    for note in table.notes:
        doc.paragraph(note, style="note")
    doc.spacer(3)


def _subject(report: Report) -> str:
    kinds = list(report.sections)
    what = "Thống kê công tác đảng viên" if len(kinds) > 1 else KINDS[kinds[0]]
    return f"{what} {report.period.label}"


def render_report(report: Report, cell: CellFacts, printed_on: dt.date) -> bytes:
    """The report as a PDF: the frame of HD 36, one numbered part per section."""
    doc = Document(CODE, f"Báo cáo thống kê {report.period.label}")
    doc.head(Head(cell.issuer, "", cell.place, printed_on, number_kind="BC", symbol=cell.symbol))
    doc.title("Báo cáo", _subject(report))
    if report.today < report.period.last:
        doc.paragraph(f"Số liệu tính đến hết ngày {report.today:%d/%m/%Y}.", style="note")
    for number, (kind, _section) in zip(ROMAN, report.sections.items(), strict=False):
        doc.add(CondPageBreak(2 * HEADING_ROOM))  # a part's heading goes with its first table
        doc.heading(f"{number}. {KINDS[kind]}")
        for table in report.tables(kind):
            _table(doc, table)
        for chart in report.charts(kind):
            doc.add(drawing(chart, doc.width))
            doc.spacer(3)
    doc.heading(f"{ROMAN[len(report.sections)]}. Những số liệu sổ chưa trả lời được")
    for line in report.limits:
        doc.paragraph(f"- {line}", style="note")
    doc.closing(cell.signature(), cell.recipients())
    return doc.build()


def render(request: Request) -> bytes:
    """Every section, from 1 January to the day printed."""
    first, last = reports.year_to_date(request.today)
    report = reports.build(request.reg, ALL, first, last, today=request.today)
    return render_report(report, facts.cell_facts(request.reg), request.today)


SPEC = FormSpec(
    CODE,
    "Báo cáo thống kê công tác đảng viên (từ đầu năm)",
    "cell",
    render,
    note="Kết nạp so với chỉ tiêu, đảng viên mới, tăng giảm, dự bị, sinh hoạt, xếp loại.",
)
