"""``sochibo report|rating|quota``: a report for any period as text, JSON, PDF and .xlsx with
the same figures as the service; ratings and quotas set, listed and removed; refusals on stderr
in Vietnamese, exit code 1 (2 for a command typed wrong), nothing written."""

from __future__ import annotations

import datetime as dt
import re

import openpyxl
import pytest

from desktop_app.services import members, registers, reports
from desktop_app.store import journal
from tests.cli.conftest import PASS
from tests.cli.test_cli import as_json, run
from tests.conftest import TODAY
from tests.forms.pdfcheck import assert_sound
from tests.services import pipeline

ON = "22/11/2026"


def _cell(reg) -> tuple[list[str], str]:
    """Four officials (2000) and a candidate admitted on 01/01/2026, ceremony 15/01."""
    with registers.open_register(reg, PASS) as opened:
        officials = pipeline.small_cell(opened).officials
        newcomer = members.add_person(
            opened,
            {"full_name": "Hà Thị Em", "sex": "female", "birth_date": "10/05/1999",
             "membership": "probationary", "admission_decision_date": "01/01/2026",
             "ceremony_date": "15/01/2026"},
            today=TODAY,
        ).id  # fmt: skip
    return officials, newcomer


def _head(reg):
    with registers.open_register(reg, PASS):
        return journal.head()


def test_a_report_in_json_has_the_services_figures(reg, capsys):
    _cell(reg)
    got = as_json(capsys, "report", "all", "--register", reg, "--from", "01/01/2026",
                  "--to", ON, "--on", ON)  # fmt: skip
    with registers.open_register(reg, PASS) as opened:
        expected = reports.build(opened, "all", dt.date(2026, 1, 1), TODAY, today=TODAY)
    assert got == expected.to_json() | {"files": {}}
    assert got["movements"]["at_start"] == 4 and got["movements"]["at_end"] == 5
    assert got["admissions"]["people"][0]["full_name"] == "Hà Thị Em"


def test_a_report_as_text_pdf_and_workbook(reg, capsys, tmp_path):
    _cell(reg)
    pdf, xlsx = tmp_path / "bc.pdf", tmp_path / "bc.xlsx"
    period = ("--from", "01/01/2026", "--to", ON, "--on", ON)
    code, out, err = run(capsys, "report", "movements", "--register", reg, *period, "--pdf", pdf,
                         "--xlsx", xlsx)  # fmt: skip
    assert code == 0, err
    assert "== Tăng, giảm đảng viên ==" in out
    assert re.search(r"^Đảng viên đến hết ngày 31/12/2025 +4$", out, re.MULTILINE)
    assert re.search(r"^Đảng viên đến hết ngày 22/11/2026 +5$", out, re.MULTILINE)
    assert f"Đã ghi: {pdf}" in out and f"Đã ghi: {xlsx}" in out
    text = assert_sound(pdf.read_bytes()).flat()
    assert "BÁO CÁO Tăng, giảm đảng viên từ ngày 01/01/2026 đến ngày 22/11/2026" in text
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Tăng giảm", "Sổ chưa trả lời được"]
    values = {row[0]: row[1] for row in book["Tăng giảm"].iter_rows(values_only=True)}
    assert values["Đảng viên đến hết ngày 22/11/2026"] == 5 and values["- Kết nạp"] == 1


def test_the_default_period_is_the_year_to_date(reg, capsys):
    got = as_json(capsys, "report", "admissions", "--register", reg, "--on", ON)
    assert (got["from"], got["to"]) == ("2026-01-01", "2026-11-22")


def test_bad_reports_are_refused(reg, capsys, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    code, _, err = run(capsys, "report", "admissions", "--register", reg, "--from", ON,
                       "--to", "01/01/2026", "--on", ON)  # fmt: skip
    assert code == 1 and "Kỳ báo cáo: ngày bắt đầu 22/11/2026 sau ngày kết thúc 01/01/2026" in err
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "report", "dues", "--register", reg)
    assert stopped.value.code == 2 and "không có lựa chọn 'dues'" in capsys.readouterr().err
    code, _, err = run(capsys, "report", "all", "--register", reg, "--pdf", folder / "bc.txt")
    assert code == 1 and "phải có đuôi .pdf" in err
    code, _, err = run(capsys, "report", "all", "--register", reg, "--from", "31/02/2026")
    assert code == 1 and err.startswith("Lỗi: Ngày:")
    code, _, err = run(
        capsys, "report", "all", "--register", reg, "--xlsx", tmp_path / "no" / "b.xlsx"
    )
    assert code == 1 and "Không có thư mục" in err
    assert list(folder.iterdir()) == []


def test_ratings_from_the_command_line(reg, capsys):
    officials, newcomer = _cell(reg)
    rating = as_json(capsys, "rating", "set", officials[0][:8], "--register", reg, "--year",
                     "2025", "--level", "HTXSNV", "--points", "93,5", "--on", ON)  # fmt: skip
    assert (rating["level"], rating["points"], rating["full_name"]) == (
        "excellent", 93.5, "Nguyễn Văn An",
    )  # fmt: skip
    code, out, _ = run(capsys, "rating", "set", officials[1], "--register", reg, "--year", "2025",
                       "--level", "good", "--on", ON)  # fmt: skip
    assert code == 0 and "Trần Thị Bình" in out and "Hoàn thành tốt nhiệm vụ" in out
    listed = as_json(capsys, "rating", "list", "--register", reg, "--year", "2025")
    assert [(r["full_name"], r["level_label"]) for r in listed] == [
        ("Nguyễn Văn An", "Hoàn thành xuất sắc nhiệm vụ"),
        ("Trần Thị Bình", "Hoàn thành tốt nhiệm vụ"),
    ]
    head = _head(reg)
    code, _, err = run(capsys, "rating", "set", newcomer, "--register", reg, "--year", "2025",
                       "--level", "good", "--on", ON)  # fmt: skip
    assert code == 1
    assert err.startswith("Lỗi: Xếp loại năm 2025 của «Hà Thị Em»: dữ liệu chưa hợp lệ")
    assert "Năm đánh giá: năm 2025 không phải đảng viên của chi bộ (vào Đảng 01/01/2026)" in err
    code, _, err = run(capsys, "rating", "set", officials[0], "--register", reg, "--year",
                       "2025", "--level", "excellent", "--points", "80", "--on", ON)  # fmt: skip
    assert code == 1 and "Điểm: 80 điểm chưa đủ mức" in err
    assert _head(reg) == head
    removed = as_json(capsys, "rating", "remove", officials[1], "--register", reg, "--year", "2025")
    assert removed["full_name"] == "Trần Thị Bình"
    assert len(as_json(capsys, "rating", "list", "--register", reg)) == 1


def test_quotas_from_the_command_line(reg, capsys):
    quota = as_json(capsys, "quota", "set", "--register", reg, "--year", "2026", "--quota", "3",
                    "--reference", "05-KH/CB", "--on", ON)  # fmt: skip
    assert (quota["year"], quota["quota"], quota["source_label"]) == (2026, 3, "Chi bộ ghi")
    code, out, _ = run(capsys, "quota", "list", "--register", reg)
    assert code == 0 and out.strip() == "2026  3 người  (Chi bộ ghi, 05-KH/CB)"
    code, _, err = run(capsys, "quota", "set", "--register", reg, "--year", "2026", "--quota",
                       "ba", "--on", ON)  # fmt: skip
    assert code == 1 and "Chỉ tiêu kết nạp: «ba» không phải số người" in err
    got = as_json(capsys, "report", "admissions", "--register", reg, "--on", ON)
    assert got["admissions"]["years"][0]["quota"] == 3
    assert as_json(capsys, "quota", "remove", "--register", reg, "--year", "2026")["year"] == 2026
    code, out, _ = run(capsys, "quota", "list", "--register", reg)
    assert out.strip() == "(chưa có chỉ tiêu nào)"
