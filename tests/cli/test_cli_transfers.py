"""``sochibo transfer slip|inspect|receive`` as two secretaries use them: one writes the slip and
reads the code over the phone, the other looks into it and receives the person."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main
from tests.sync.slip_samples import OTHER_CODE, fast_scrypt  # noqa: F401

pytestmark = pytest.mark.usefixtures("fast_scrypt")
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
def cells(tmp_path, monkeypatch, capsys):
    """The sending cell (CB-NT, with one official member) and the receiving one (CB-KP5)."""
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", PASS)
    sending, receiving = tmp_path / "nt.sochibo", tmp_path / "kp5.sochibo"
    as_json(capsys, "init", "--register", sending, "--name", "Chi bộ Trường THPT Nguyễn Trân",
            "--code", "CB-NT")  # fmt: skip
    as_json(capsys, "init", "--register", receiving, "--name", "Chi bộ Khu phố 5",
            "--code", "CB-KP5")  # fmt: skip
    person = as_json(capsys, "member", "add", "--register", sending, "--full-name", "Trần Thị Thuỷ",
                     "--sex", "Nữ", "--birth-date", "03/1979", "--membership", "official",
                     "--ceremony-date", "05/06/2001", "--official-date", "05/06/2002")  # fmt: skip
    usb = tmp_path / "usb"
    usb.mkdir()
    return sending, receiving, person["id"], usb


def test_slip_inspect_receive(cells, capsys):
    sending, receiving, pid, usb = cells
    code, out, err = run(capsys, "transfer", "slip", pid[:8], "--to", usb, "--on", "04/05/2026",
                         "--place", "Chi bộ Khu phố 5", "--register", sending)  # fmt: skip
    assert code == 0, err
    assert "MÃ MỞ PHIẾU:" in out and "Vân tay của chi bộ:" in out and "chép cả hai tệp" in out
    [slip_file] = [p for p in usb.iterdir() if p.suffix == ".sochibo-phieuchuyen"]
    the_code = out.split("MÃ MỞ PHIẾU: ")[1].split("\n")[0]
    shown = as_json(capsys, "member", "show", pid, "--register", sending)
    assert shown["status"] == "transferred_out"

    found = as_json(capsys, "transfer", "inspect", slip_file, "--code", the_code.lower(),
                    "--register", receiving)  # fmt: skip
    assert found["person_id"] == pid and found["full_name"] == "Trần Thị Thuỷ"
    assert found["from_cell_code"] == "CB-NT" and found["kind"] == "new"
    code, out, _ = run(capsys, "transfer", "inspect", slip_file, "--code", the_code,
                       "--register", receiving)  # fmt: skip
    assert code == 0 and found["fingerprint"] in out and "gọi điện" in out

    done = as_json(capsys, "transfer", "receive", slip_file, "--code", the_code, "--on",
                   "11/05/2026", "--register", receiving)  # fmt: skip
    assert done["person"]["id"] == pid and done["received_on"] == "2026-05-11"
    listed = as_json(capsys, "member", "list", "--register", receiving)
    assert [p["id"] for p in listed] == [pid]

    code, _out, err = run(capsys, "transfer", "receive", slip_file, "--code", the_code,
                          "--register", receiving)  # fmt: skip
    assert code == 1 and err.startswith("Lỗi: Phiếu này đã được nhận ngày 11/05/2026")


def test_the_slip_as_json_carries_the_code(cells, capsys):
    sending, _receiving, pid, usb = cells
    done = as_json(capsys, "transfer", "slip", pid, "--to", usb, "--on", "04/05/2026",
                   "--place", "Chi bộ Khu phố 5", "--reference", "80-QĐ/ĐU",
                   "--register", sending)  # fmt: skip
    assert done["code"] and done["recorded_now"] and done["safe_to_remove"]
    assert done["fingerprint"] in done["next_steps"] and done["destination"] == "Chi bộ Khu phố 5"


def test_refusals_are_said_in_vietnamese(cells, capsys, tmp_path):
    sending, receiving, pid, usb = cells
    code, _out, err = run(capsys, "transfer", "slip", pid, "--to", usb, "--register", sending)
    assert code == 1 and "chưa ghi chuyển sinh hoạt đi" in err
    code, _out, err = run(capsys, "transfer", "slip", pid, "--to", usb, "--on", "31/02/2026",
                          "--place", "Chi bộ Khu phố 5", "--register", sending)  # fmt: skip
    assert code == 1 and err.startswith("Lỗi: Ngày")
    done = as_json(capsys, "transfer", "slip", pid, "--to", usb, "--on", "04/05/2026",
                   "--place", "Chi bộ Khu phố 5", "--register", sending)  # fmt: skip
    path = done["path"]
    code, _out, err = run(capsys, "transfer", "inspect", path, "--code", OTHER_CODE,
                          "--register", receiving)  # fmt: skip
    assert code == 1 and "mã mở phiếu không đúng" in err
    code, _out, err = run(capsys, "transfer", "receive", path, "--code", "1234",
                          "--register", receiving)  # fmt: skip
    assert code == 1 and "3 nhóm" in err
    with pytest.raises(SystemExit) as usage:
        main(["transfer", "receive", path, "--register", str(receiving)])
    assert usage.value.code == 2 and "thiếu tham số bắt buộc: --code" in capsys.readouterr().err
    code, _out, err = run(capsys, "transfer", "receive", path, "--code", done["code"],
                          "--register", sending)  # fmt: skip
    assert code == 1 and "do chính chi bộ" in err
