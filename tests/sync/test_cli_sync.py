"""``sochibo enrol`` and ``sochibo bundle export|inspect|status`` as a script uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.sync.upper_keys import UpperKeys, write_enrolment

PASS = "mật khẩu chi bộ 2026"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys, *args):
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def reg(tmp_path, monkeypatch, capsys):
    path = tmp_path / "cb.sochibo"
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", PASS)
    as_json(capsys, "init", "--register", path, "--name", "Chi bộ Khu phố 5", "--code", "CB-KP5")
    return path


@pytest.fixture
def upper():
    return UpperKeys.generate("Đảng ủy phường Quy Nhơn")


def test_enrol_export_inspect_status(reg, upper, tmp_path, capsys):
    enrolment = write_enrolment(upper.enrolment_for("CB-KP5"), tmp_path / "e.sochibo-ghidanh")
    code, out, _ = run(capsys, "enrol", enrolment, "--register", reg)
    assert code == 0
    assert upper.fingerprint in out and "gọi điện" in out
    again = as_json(capsys, "enrol", enrolment, "--register", reg)
    assert again["change"] == "unchanged" and again["upper_fingerprint"] == upper.fingerprint
    usb = tmp_path / "usb"
    usb.mkdir()
    done = as_json(capsys, "bundle", "export", "--to", usb, "--register", reg)
    assert done["path"].endswith("CB-KP5.000001-000002.sochibo-goi") and done["safe_to_remove"]
    found = as_json(capsys, "bundle", "inspect", done["path"])
    assert found["signature"] == "unpinned" and found["recipients"] == ["X25519"]
    assert found["fingerprint"] == again["cell_fingerprint"] and found["name_matches"]
    assert found["facts"]["seq_to"] == 2 and found["key_id"] == again["cell_key_id"]
    pinned = as_json(capsys, "bundle", "inspect", done["signature_path"], "--key",
                     again["cell_public_key"])  # fmt: skip
    assert pinned["signature"] == "valid"
    status = as_json(capsys, "bundle", "status", "--register", reg)
    assert status["enrolled"] and status["acked_seq"] == 0 and status["pending"] == 2
    code, out, _ = run(capsys, "bundle", "status", "--register", reg)
    assert "Còn 2 thay đổi cấp trên chưa nhận" in out
    code, _, err = run(capsys, "bundle", "export", "--to", usb, "--from", 5, "--register", reg)
    assert code == 1 and "Gửi lại từ mục số 5: cần một số từ 1 đến 1" in err
    again = as_json(capsys, "bundle", "export", "--to", usb, "--from", 1, "--register", reg)
    assert again["seq_from"] == 1 and again["seq_to"] == 2


def test_inspect_reports_what_is_wrong(reg, upper, tmp_path, capsys):
    enrolment = write_enrolment(upper.enrolment_for("CB-KP5"), tmp_path / "e.sochibo-ghidanh")
    run(capsys, "enrol", enrolment, "--register", reg)
    usb = tmp_path / "usb"
    usb.mkdir()
    done = as_json(capsys, "bundle", "export", "--to", usb, "--register", reg)
    key_file = tmp_path / "khac.pub"
    key_file.write_text(UpperKeys.generate("x").public.file_text())
    code, out, _ = run(capsys, "bundle", "inspect", done["path"], "--key", key_file, "--json")
    assert code == 1 and json.loads(out)["signature"] == "wrong_key"
    path = Path(done["path"])
    data = bytearray(path.read_bytes())
    data[-1] ^= 1
    path.write_bytes(bytes(data))
    code, out, _ = run(capsys, "bundle", "inspect", done["path"])
    assert code == 1 and "Chữ ký không hợp lệ" in out and "không khớp với nội dung" in out
    code, _, err = run(capsys, "bundle", "inspect", tmp_path / "khong-co.sochibo-goi")
    assert code == 1 and err.startswith("Lỗi: Không thấy tệp gói «khong-co.sochibo-goi»")


def test_refusals_are_vietnamese_and_exit_1(reg, tmp_path, capsys):
    bad = tmp_path / "hong.sochibo-ghidanh"
    bad.write_text("{}")
    code, _, err = run(capsys, "enrol", bad, "--register", reg)
    assert code == 1 and "Tệp ghi danh «hong.sochibo-ghidanh» không dùng được" in err
    code, _, err = run(capsys, "bundle", "export", "--to", tmp_path, "--register", reg)
    assert code == 1 and "chưa ghi danh" in err
    with pytest.raises(SystemExit) as typed_wrong:
        main(["bundle", "export", "--register", str(reg)])
    assert typed_wrong.value.code == 2
    assert "thiếu tham số bắt buộc: --to" in capsys.readouterr().err
