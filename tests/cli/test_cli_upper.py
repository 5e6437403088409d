"""One upper level and one cell through the command line, as a script drives them: the
workspace, enrolment, export, import with the fingerprint and a dry run, the board, a quota
and a decision, the receipt back, and a second round; and the mistakes a user makes."""

from __future__ import annotations

import json

import openpyxl
import pytest

from desktop_app.cli import main

CODE = "CB-KP5"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys, *args, expect: int = 0):
    code, out, err = run(capsys, *args, "--json")
    assert code == expect, err or out
    return json.loads(out)


def test_an_upper_level_and_a_cell_on_one_machine(reg, tmp_path, capsys):
    ws = tmp_path / "cap-tren.sochibo"
    made = as_json(capsys, "upper", "init", "--name", "Đảng ủy phường Quy Nhơn", "--register", ws)
    assert (
        made["recovery_key"] and made["fingerprint"] and made["name"] == "Đảng ủy phường Quy Nhơn"
    )
    enrolled = as_json(capsys, "upper", "enrol", CODE, "--out", tmp_path, "--register", ws)
    assert enrolled["new"] and enrolled["upper_fingerprint"] == made["fingerprint"]
    code, out, _ = run(capsys, "enrol", enrolled["path"], "--register", reg)
    assert code == 0 and made["fingerprint"] in out
    person = as_json(capsys, "member", "add", "--full-name", "Trần Thị Thuỷ", "--sex", "Nữ",
                     "--membership", "official", "--ceremony-date", "05/06/2001",
                     "--official-date", "05/06/2002", "--register", reg)  # fmt: skip
    usb = tmp_path / "usb"
    usb.mkdir()
    sent = as_json(capsys, "bundle", "export", "--to", usb, "--register", reg)
    cell = as_json(capsys, "bundle", "status", "--register", reg)

    # the first bundle: the fingerprint first, then a dry run, then for real
    waiting = as_json(capsys, "bundle", "import", sent["path"], "--register", ws, expect=1)
    assert waiting["status"] == "needs_pinning"
    assert waiting["fingerprint"] == cell["cell_fingerprint"]
    fingerprint = cell["cell_fingerprint"]
    preview = as_json(capsys, "bundle", "import", sent["path"], "--dry-run",
                      "--confirm-fingerprint", fingerprint, "--register", ws)  # fmt: skip
    assert preview["status"] == "dry_run"
    assert preview["summary"]["counts"]["people"]["added"] == 1
    code, out, err = run(capsys, "bundle", "import", sent["path"], "--confirm-fingerprint",
                         cell["cell_fingerprint"], "--register", ws)  # fmt: skip
    assert code == 0, err
    assert "Đã ghi nhận khóa của chi bộ" in out and "+ Trần Thị Thuỷ (Chính thức)" in out
    again = as_json(capsys, "bundle", "import", sent["path"], "--register", ws)
    assert again["status"] == "duplicate"

    # the board, a quota, a decision
    as_json(capsys, "upper", "quota", CODE, "--year", "2026", "--count", "2", "--register", ws)
    decided = as_json(capsys, "upper", "decide", CODE, person["id"][:8], "--kind", "transfer",
                      "--number", "80-QĐ/ĐU", "--date", "01/08/2026", "--register", ws)  # fmt: skip
    assert decided["person_name"] == "Trần Thị Thuỷ" and decided["change"] == "new"
    xlsx = tmp_path / "bang.xlsx"
    board = as_json(capsys, "upper", "board", "--xlsx", xlsx, "--register", ws)
    [row] = board["cells"]
    assert (row["code"], row["official"], row["quota"]) == (CODE, 1, 2)
    assert openpyxl.load_workbook(xlsx).sheetnames[1:] == ["Thời hạn", "Vướng mắc"]
    code, out, _ = run(capsys, "upper", "board", "--register", ws)
    assert code == 0 and "Chính thức 1, dự bị 0, quần chúng 0" in out
    [listed] = as_json(capsys, "upper", "cells", "--register", ws)
    assert listed["pinned"] and listed["applied_seq"] == sent["seq_to"]

    # the receipt goes back down
    back = as_json(capsys, "receipt", "export", CODE, "--to", usb, "--register", ws)
    assert back["applied_seq"] == sent["seq_to"] and len(back["decisions"]) == 1
    taken = as_json(capsys, "receipt", "import", back["path"], "--register", reg)
    assert taken["change"] == "new" and taken["decisions"][0]["outcome"] == "noted"
    code, out, _ = run(capsys, "bundle", "status", "--register", reg)
    assert f"Cấp trên đã nhận đến mục số {sent['seq_to']} (biên nhận lập ngày" in out
    assert "Chỉ tiêu kết nạp năm 2026: 2" in out

    # the second round starts after what the upper level acknowledged
    as_json(capsys, "member", "add", "--full-name", "Lê Văn Tám", "--sex", "Nam",
            "--register", reg)  # fmt: skip
    second = as_json(capsys, "bundle", "export", "--to", usb, "--register", reg)
    assert second["seq_from"] == sent["seq_to"] + 1
    applied = as_json(capsys, "bundle", "import", second["path"], "--register", ws)
    assert applied["status"] == "applied"
    assert [p["full_name"] for p in applied["summary"]["people_added"]] == ["Lê Văn Tám"]


def test_mistakes_are_named_in_vietnamese(reg, tmp_path, capsys):
    code, _, err = run(capsys, "upper", "board", "--register", tmp_path / "khong-co.sochibo")
    assert code == 1 and "Chưa có sổ làm việc của cấp ủy cấp trên" in err
    code, _, err = run(capsys, "upper", "board", "--register", reg)
    assert code == 1 and "là sổ của chi bộ, không phải sổ làm việc" in err
    ws = tmp_path / "cap-tren.sochibo"
    as_json(capsys, "upper", "init", "--name", "Đảng ủy phường Quy Nhơn", "--register", ws)
    bogus = tmp_path / "CB-KP5.000001-000002.sochibo-goi"
    bogus.write_bytes(b"age-encryption.org/v1\n")
    (tmp_path / (bogus.name + ".minisig")).write_bytes(b"untrusted comment: x\n")
    code, out, err = run(capsys, "bundle", "import", bogus, "--register", ws, "--json")
    assert code == 1 and f"Lỗi: Gói «{bogus.name}» bị từ chối" in err
    assert json.loads(out)["status"] == "refused"
    code, _, err = run(capsys, "receipt", "export", "CB-XX", "--to", tmp_path, "--register", ws)
    assert code == 1 and "chưa ghi danh chi bộ mã «CB-XX»" in err
    with pytest.raises(SystemExit) as typed_wrong:
        main(["upper", "decide", "CB-XX", "abcd1234", "--kind", "promotion", "--number", "1",
              "--date", "01/01/2026", "--register", str(ws)])  # fmt: skip
    assert typed_wrong.value.code == 2 and "không có lựa chọn" in capsys.readouterr().err


def test_the_workspace_lives_in_the_data_folder_by_default(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", "mật khẩu cấp trên 2026")
    made = as_json(capsys, "upper", "init", "--name", "Đảng ủy xã Phước Lộc")
    assert made["path"].endswith("cap-tren.sochibo")
    shown = as_json(capsys, "upper", "show")
    assert shown["fingerprint"] == made["fingerprint"] and shown["cells"] == 0
