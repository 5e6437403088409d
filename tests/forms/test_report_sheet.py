"""The statistics report on paper (BC-TK), read back from the PDF: the Party document frame,
each section's tables with the report's own figures where they belong, the bar charts drawn
inside the margins, A4 portrait, embedded Liberation Serif only; the same charts as SVG for
the window; and a character the font lacks refused naming the form."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from desktop_app.domain.reports import KINDS, Share, cell_text
from desktop_app.forms import facts, fonts, registry, report_sheet
from desktop_app.forms.layout import MARGINS, PAGE
from desktop_app.services import members, ratings, reports
from tests.conftest import TODAY
from tests.forms.pdfcheck import assert_sound
from tests.services.pipeline import official, unchanged

D = dt.date
HALF = PAGE[0] / 2
YEAR = (D(2026, 1, 1), TODAY)


def clean(cell: str | None) -> str:
    return " ".join((cell or "").split())


def rows_of(pdf, header: str) -> list[list[str]]:
    """The body rows of every table whose first header cell is ``header``."""
    out = []
    for page in pdf.pages:
        for table in page.extract_tables():
            if table and clean(table[0][0]) == header:
                out += [[clean(c) for c in row] for row in table[1:]]
    return out


@pytest.fixture
def rated(demo_register):
    """The demo register with a quota for 2026 and five members rated for 2026."""
    reg = demo_register
    ratings.set_quota(reg, 2026, 4, today=TODAY)
    officials = [p.id for p in members.list_people(reg, {"official"})][:5]
    for pid, level in zip(officials, ("excellent", "good", "good", "complete", "good"),
                          strict=True):  # fmt: skip
        ratings.set_rating(reg, pid, 2026, level, points=92 if level == "excellent" else None,
                           today=TODAY)  # fmt: skip
    return reg


def test_the_report_of_the_year_prints_every_section_with_its_figures(rated):
    report = reports.build(rated, "all", *YEAR, today=TODAY)
    with unchanged():  # printing writes nothing, takes no number
        data = registry.render(rated, "BC-TK", today=TODAY)
    pdf = assert_sound(data)
    text = pdf.flat()
    assert "BÁO CÁO Thống kê công tác đảng viên từ ngày 01/01/2026 đến ngày 22/11/2026" in text
    headings = [f"{n}. {label}" for n, label in zip(report_sheet.ROMAN, KINDS.values(),
                                                     strict=False)]  # fmt: skip
    found = [pdf.one(h) for h in [*headings, "VII. Những số liệu sổ chưa trả lời được"]]
    assert [(f.page, f.top) for f in found] == sorted((f.page, f.top) for f in found)
    for biểu in ("(Biểu 1-BTCTW)", "(Biểu 2-BTCTW)", "(Biểu 2B-BTCTW)", "(Biểu 6-BTCTW)"):
        assert biểu in text
    [year] = report.sections["admissions"].years
    [row] = rows_of(pdf, "Năm")
    assert row == ["2026", "01/01/2026 - 22/11/2026", str(year.admitted), "4", "Chi bộ ghi",
                   year.of_quota.text, str(year.members_at_start),
                   year.of_members.text]  # fmt: skip
    admitted = rows_of(pdf, "TT")[: report.sections["admissions"].total]
    assert [r[1] for r in admitted] == [a.full_name for a in report.sections["admissions"].people]
    moves = dict(r[:2] for r in rows_of(pdf, "Nội dung"))
    m = report.sections["movements"]
    assert moves["Đảng viên đến hết ngày 31/12/2025"] == str(m.at_start)
    assert moves["Đảng viên đến hết ngày 22/11/2026"] == str(m.at_end)
    assert moves["- Từ trần"] == str(m.count("death"))
    levels = {r[0]: r[1:] for r in rows_of(pdf, "Mức xếp loại")}
    assert levels["Hoàn thành tốt nhiệm vụ"] == ["3", "60,0%"]
    assert levels["Cộng số đảng viên đã xếp loại"][0] == "5"
    [year_2026] = report.sections["ratings"].years
    assert levels["- đã xếp loại"] == ["5", cell_text(Share(5, year_2026.to_rate))]
    kinds = {r[0]: r[1:] for r in rows_of(pdf, "Loại buổi")}
    overall = report.sections["attendance"].overall
    assert kinds["Cộng"][1:3] == [str(overall.expected), str(overall.attended)]
    assert kinds["Cộng"][-1] == cell_text(report.sections["attendance"].tables()[0].rows[-1][-1])
    pdf.close()


def test_the_frame_and_the_charts_are_where_they_belong(rated):
    pdf = assert_sound(registry.render(rated, "BC-TK", today=TODAY))
    party = pdf.one("ĐẢNG CỘNG SẢN VIỆT NAM")
    assert party.page == 1 and party.x0 > HALF - 40
    number = pdf.one("Số ........-BC/CB")  # the number is written by hand
    assert number.x1 < HALF and number.page == 1
    kind = pdf.one("BÁO CÁO")
    middle = (MARGINS.left + PAGE[0] - MARGINS.right) / 2
    assert abs((kind.x0 + kind.x1) / 2 - middle) < 2
    for title in ("Kết nạp đảng viên theo năm (2022-2026)", "Tỷ lệ đảng viên có mặt theo tháng (%)",
                  "Xếp loại chất lượng đảng viên năm 2026 (số người)"):  # fmt: skip
        hit = pdf.one(title)
        assert "LiberationSerif-Bold" in hit.fontnames
        assert MARGINS.left <= hit.x0 and hit.x1 <= PAGE[0] - MARGINS.right
    chart = pdf.one("Kết nạp đảng viên theo năm (2022-2026)")
    page = pdf.pages[chart.page - 1]
    bars = [r for r in page.rects if r["top"] > chart.bottom and r["height"] > 1]
    assert bars and all(MARGINS.left <= b["x0"] and b["x1"] <= PAGE[0] - MARGINS.right
                        for b in bars)  # fmt: skip
    signer = pdf.one("BÍ THƯ")
    assert signer.x0 > HALF and signer.page == len(pdf.pages)
    assert pdf.page_numbers()[0] is None and pdf.page_numbers()[1] == "2"
    pdf.close()


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_section_prints_alone(rated, kind):
    report = reports.build(rated, kind, *YEAR, today=TODAY)
    data = report_sheet.render_report(report, facts.cell_facts(rated), TODAY)
    pdf = assert_sound(data)
    text = pdf.flat()
    assert f"BÁO CÁO {KINDS[kind]} từ ngày 01/01/2026 đến ngày 22/11/2026" in text
    assert "I. " + KINDS[kind] in text and "II. Những số liệu sổ chưa trả lời được" in text
    pdf.close()


def test_an_empty_register_and_a_period_running_past_today(register):
    report = reports.build(register, "all", D(2026, 1, 1), D(2026, 12, 31), today=TODAY)
    pdf = assert_sound(report_sheet.render_report(report, facts.cell_facts(register), TODAY))
    text = pdf.flat()
    assert "Số liệu tính đến hết ngày 22/11/2026." in text
    assert "Đảng viên kết nạp trong kỳ (0 người) Không có." in text
    assert "(số người)" not in text  # no rating: no chart of ratings
    assert "Kết nạp đảng viên theo năm" not in text  # nothing but zeros: no chart
    assert report.charts("attendance") == [] and report.charts("movements") == []
    pdf.close()


def test_the_charts_as_svg_for_the_window(rated):
    report = reports.build(rated, "all", *YEAR, today=TODAY)
    for kind in ("admissions", "attendance", "ratings"):
        [chart] = report.charts(kind)
        svg = report_sheet.chart_svg(chart)
        root = ET.fromstring(svg)
        assert root.tag.endswith("svg")
        assert "clipPath" not in svg  # Qt's renderer would paint its rectangle black
        assert "font-family: Liberation Serif;" in svg and "LiberationSerif" not in svg
        texts = ["".join(node.itertext()) for node in root.iter() if node.tag.endswith("text")]
        assert chart.title in texts
        assert all(category in texts for category in chart.categories)
    [chart] = report.charts("admissions")
    assert chart.series[1] == ("Chỉ tiêu", (None, None, None, None, 4.0))


def test_a_character_the_font_lacks_is_refused_naming_the_form(register):
    official(register, "Nguyễn 文 An")  # a letter, so the register took it; not in the font
    report = reports.build(register, "admissions", D(2000, 1, 1), TODAY, today=TODAY)
    with pytest.raises(fonts.MissingGlyphError, match="Không in được mẫu BC-TK: ký tự «文»"):
        report_sheet.render_report(report, facts.cell_facts(register), TODAY)


def test_the_report_is_listed_among_the_cell_forms():
    spec = registry.get_form("bc-tk")
    assert (spec.code, spec.subject, spec.numbered) == ("BC-TK", "cell", False)
