"""Import and export from the terminal: a dry run writes nothing, the import writes the rows in
one go, the JSON lists every row with its problems, and the exported list reads back in."""

from __future__ import annotations

import datetime as dt

import openpyxl

from desktop_app.services import members, registers
from tests.cli.conftest import PASS
from tests.cli.test_cli import as_json, run


def make_list(path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["DANH SÁCH ĐẢNG VIÊN CHI BỘ KHU PHỐ 5"])
    ws.append(["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Ngày chính thức",
               "CCCD"])  # fmt: skip
    ws.append([1, "Nguyễn Văn An", "Nam", "05/03/1965", dt.date(1990, 5, 3), "03/05/1991",
               51065001234])  # fmt: skip
    ws.append([2, "Trần Thị Thuỷ", "Nữ", "tháng 3/1979", "12/03/2001", "12/03/2002", None])
    ws.append([3, "Lê Văn Cường", "Nam", "1970", "31/02/2020", None, None])
    book.save(path)
    return path


def test_dry_run_then_import_then_export(reg, tmp_path, capsys):
    source = make_list(tmp_path / "ds.xlsx")
    dry = as_json(capsys, "import", source, "--register", reg, "--dry-run")
    assert dry["summary"] is None and dry["counts"]["rows"] == 3 and dry["counts"]["errors"] == 1
    bad = next(r for r in dry["rows"] if r["row"] == 5)
    assert bad["action"] == "skip" and "Ngày vào Đảng" in bad["errors"][0]
    with registers.open_register(reg, PASS) as opened:
        assert members.list_people(opened) == []
    done = as_json(capsys, "import", source, "--register", reg)
    assert done["summary"]["totals"] == {"added": 2, "updated": 0, "skipped": 1}
    with registers.open_register(reg, PASS) as opened:
        an = members.search_people(opened, "nguyen van an")[0]
        assert an.id_number == "051065001234" and an.official_date == "1991-05-03"
    out = tmp_path / "ra.xlsx"
    assert as_json(capsys, "export", out, "--register", reg)["rows"] == 2
    again = as_json(capsys, "import", out, "--register", reg, "--on-duplicate", "skip")
    assert again["summary"]["totals"]["added"] == 0


def test_a_column_mapped_by_hand_and_bad_files(reg, tmp_path, capsys):
    source = make_list(tmp_path / "ds.xlsx")
    dry = as_json(capsys, "import", source, "--register", reg, "--dry-run", "--map", "7=-")
    assert all("id_number" not in r["values"] for r in dry["rows"])
    code, _, err = run(capsys, "import", source, "--register", reg, "--map", "7")
    assert code == 1 and "SỐ_CỘT=TRƯỜNG" in err
    code, _, err = run(capsys, "import", tmp_path / "khong-co.xlsx", "--register", reg)
    assert code == 1 and "khong-co.xlsx" in err
    code, _, err = run(capsys, "export", tmp_path / "ra.pdf", "--register", reg)
    assert code == 1 and ".xlsx hoặc .csv" in err
