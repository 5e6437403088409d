"""``sochibo upper report`` on a small upper level: two cells that reported (one member moved
between them by slip), one that did not; text, JSON, a chosen cell, the PDF and the .xlsx,
and the mistakes a user makes."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pdfplumber
import pytest

from desktop_app.cli import main
from desktop_app.services import members, transfers
from desktop_app.services import upper_workspace as ws
from tests.conftest import PASSPHRASE, TODAY
from tests.sync.upper_helpers import UPPER_NAME, World, use

D = dt.date


@pytest.fixture(scope="module")
def upper(tmp_path_factory):
    """The workspace's file, closed: KP1 (admitted Hà Thị Em in 2025, moved her to KP2 by
    slip), KP2, and KP3 enrolled without a bundle; quotas for 2025."""
    tmp_path = tmp_path_factory.mktemp("upper-report-cli")
    world = World(tmp_path / "world")
    for code in ("CB-KP1", "CB-KP2"):
        world.add_cell(code, f"Chi bộ Khu phố {code[-1]}")
    ws.enrol_cell(use(world.upper), "CB-KP3", tmp_path, name="Chi bộ Khu phố 3")
    for code, names in (("CB-KP1", ["Nguyễn Văn An", "Trần Văn Bình", "Lê Văn Cường"]),
                        ("CB-KP2", ["Phạm Văn Dũng", "Đỗ Văn Phúc", "Bùi Văn Quang"])):  # fmt: skip
        for name in names:
            world.add_person(code, name, membership="official", ceremony_date="10/10/2000",
                             official_date="10/10/2001")  # fmt: skip
    dates = {"admission_decision_date": "01/03/2025", "ceremony_date": "15/03/2025"}
    em = world.add_person("CB-KP1", "Hà Thị Em", membership="probationary", **dates)
    slips = tmp_path / "slips"
    slips.mkdir()
    sent = transfers.write_slip(use(world.cells["CB-KP1"]), em, slips, on=D(2025, 6, 15),
                                place="Chi bộ Khu phố 2", today=TODAY)  # fmt: skip
    transfers.receive_slip(use(world.cells["CB-KP2"]), sent.path, sent.code, on=D(2025, 7, 1),
                           today=TODAY)  # fmt: skip
    members.record_event(use(world.cells["CB-KP2"]), em, "recognition", D(2026, 3, 20),
                         today=TODAY)  # fmt: skip
    for code in ("CB-KP1", "CB-KP2"):
        assert world.first(code).status == "applied"
    ws.set_quota(use(world.upper), "CB-KP1", 2025, 2, today=TODAY)
    ws.set_quota(use(world.upper), "CB-KP2", 2025, 1, today=TODAY)
    path = world.upper.path
    cell = world.cells["CB-KP1"].path
    world.close()
    secret = tmp_path / "mat-khau.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return {"path": path, "cell": cell, "em": em, "secret": secret}


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def report(capsys, upper, *args, expect: int = 0):
    opened = ("--register", upper["path"], "--passphrase-file", upper["secret"])
    code, out, err = run(capsys, "upper", "report", *opened, "--on", "22/11/2026", *args)
    assert code == expect, err or out
    return out, err


def test_a_years_report_as_json_and_text(upper, capsys):
    out, _ = report(capsys, upper, "--year", "2025", "--json")
    doc = json.loads(out)
    assert (doc["from"], doc["to"]) == ("2025-01-01", "2025-12-31")
    assert [c["code"] for c in doc["cells"]] == ["CB-KP1", "CB-KP2"]
    assert doc["absent_cells"] == [{"code": "CB-KP3", "name": "Chi bộ Khu phố 3"}]
    assert [(m["person_id"], m["from"], m["to"]) for m in doc["moves_within"]] == [
        (upper["em"], "CB-KP1", "CB-KP2"),
    ]  # fmt: skip
    assert doc["admissions"]["total"] == 1
    [year] = doc["admissions"]["years"]
    assert (year["quota"], year["members_at_start"]) == (3, 6)
    moves = doc["movements"]
    assert (moves["at_start"], moves["at_end"], moves["increase"], moves["decrease"]) == (
        6,
        7,
        1,
        0,
    )
    lines = {row["code"]: row for row in moves["by_cell"]}
    assert (lines["CB-KP1"]["transfer_out"], lines["CB-KP2"]["transfer_in"]) == (1, 1)
    assert (lines["CB-KP1"]["at_end"], lines["CB-KP2"]["at_end"]) == (3, 4)
    assert doc["files"] == {}
    text, _ = report(capsys, upper, "--year", "2025")
    assert text.startswith(UPPER_NAME)
    assert "Chưa gửi gói: CB-KP3" in text
    assert "Kết nạp đảng viên theo chi bộ" in text and "Tăng, giảm đảng viên theo chi bộ" in text
    assert "Chi bộ chưa gửi gói nào, không có trong số liệu: CB-KP3 (Chi bộ Khu phố 3)" in text


def test_chosen_kinds_and_cells_and_the_default_period(upper, capsys):
    out, _ = report(capsys, upper, "--kind", "movements", "--kind", "admissions", "--cells",
                    "cb-kp1", "--from", "01/01/2025", "--to", "30/06/2025", "--json")  # fmt: skip
    doc = json.loads(out)
    assert [k for k in ("admissions", "new-members", "movements", "ratings") if k in doc] == [
        "admissions", "movements",
    ]  # fmt: skip
    assert [c["code"] for c in doc["cells"]] == ["CB-KP1"] and doc["absent_cells"] == []
    assert doc["movements"]["counts"]["transfer_out"] == 1  # Em: KP2 is not in the report
    out, _ = report(capsys, upper, "--kind", "probation", "--json")
    doc = json.loads(out)
    assert (doc["from"], doc["to"]) == ("2026-01-01", "2026-11-22")
    assert doc["probation"]["count"] == 0  # Em recognised on 20/03/2026


def test_the_pdf_and_the_workbook(upper, capsys, tmp_path):
    pdf, xlsx = tmp_path / "bao-cao.pdf", tmp_path / "bao-cao.xlsx"
    out, _ = report(capsys, upper, "--year", "2025", "--pdf", pdf, "--xlsx", xlsx)
    assert f"Đã ghi: {pdf}" in out and f"Đã ghi: {xlsx}" in out
    with pdfplumber.open(pdf) as doc:
        text = "\n".join(page.extract_text() for page in doc.pages)
    assert "ĐẢNG ỦY PHƯỜNG" in text and "QUY NHƠN NAM" in text  # the issuing body, wrapped
    assert "Kết nạp đảng viên theo chi bộ" in text and "CB-KP2" in text
    assert "T/M ĐẢNG ỦY" in text and "Lưu văn phòng đảng ủy." in text
    assert "-BC/ĐU" in text and "/CB" not in text  # the đảng ủy's own number line
    assert "CB-KP3 (Chi bộ Khu phố 3)" in text
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames[:3] == ["Kết nạp", "Đảng viên mới", "Tăng giảm"]
    assert book["Kết nạp"]["A1"].value == UPPER_NAME
    cells = [c.value for row in book["Tăng giảm"].iter_rows() for c in row]
    assert "Tăng, giảm đảng viên theo chi bộ" in cells and "CB-KP1" in cells


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2025", "--from", "01/01/2025"], "không dùng cả hai"),
        (["--from", "31/12/2025", "--to", "01/01/2025"], "sau ngày kết thúc"),
        (["--year", "2027"], "chưa có số liệu"),
        (["--from", "31/02/2025"], "không có ngày 31"),
        (["--cells", "CB-KP1,CB-XX"], "chưa ghi danh chi bộ mã «CB-XX»"),
        (["--cells", ","], "ít nhất một mã chi bộ"),
        (["--pdf", "bao-cao.txt"], "phải có đuôi .pdf"),
    ],
)
def test_mistakes_are_refused_in_vietnamese(upper, capsys, args, message):
    _out, err = report(capsys, upper, *args, expect=1)
    assert message in err


def test_an_unknown_kind_and_a_cells_register(upper, capsys):
    with pytest.raises(SystemExit) as stopped:
        report(capsys, upper, "--kind", "tiền")
    assert stopped.value.code == 2
    assert "không có lựa chọn 'tiền'" in capsys.readouterr().err
    code, _out, err = run(capsys, "upper", "report", "--register", upper["cell"],
                          "--passphrase-file", upper["secret"])  # fmt: skip
    assert code == 1 and "là sổ của chi bộ" in err
