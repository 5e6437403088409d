"""The ``sochibo`` command as a script would use it: JSON out, Vietnamese errors on stderr."""

import io
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.cli.conftest import PASS


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys, *args):
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def add_member(capsys, reg, **fields):
    """``sochibo member add --register REG --full-name … --json`` from keyword arguments."""
    options = [str(v) for k, v in fields.items() for v in ("--" + k.replace("_", "-"), v)]
    return as_json(capsys, "member", "add", "--register", reg, *options)


def test_init_prints_the_recovery_key(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", PASS)
    code, out, _ = run(
        capsys, "init", "--register", tmp_path / "a.sochibo", "--name", "Chi bộ A", "--code", "CB-A"
    )
    assert code == 0
    assert "KHÓA KHÔI PHỤC" in out
    key = next(line.strip() for line in out.splitlines() if line.count("-") == 8)
    assert len(key) == 44


def test_cell_show(reg, capsys):
    cell = as_json(capsys, "cell", "show", "--register", reg)
    assert (cell["code"], cell["name"], cell["upper_level"]) == (
        "CB-KP5",
        "Chi bộ Khu phố 5",
        "Đảng ủy phường Quy Nhơn",
    )


def test_member_add_show_update_search(reg, capsys):
    added = add_member(
        capsys,
        reg,
        full_name="Trần Thị Thuỷ",
        sex="Nữ",
        birth_date="03/1979",
        id_number="052179000123",
        membership="official",
        ceremony_date="05/06/2001",
        official_date="05/06/2002",
    )
    assert added["birth_date"] == "1979-03" and added["status"] == "official"
    assert added["id_number"] == "052179000123"
    shown = as_json(capsys, "member", "show", "--register", reg, added["id"][:8])
    assert shown["full_name"] == "Trần Thị Thuỷ" and shown["events"] == []
    for key in (
        "id",
        "full_name",
        "birth_date",
        "sex",
        "status",
        "id_number",
        "ceremony_date",
        "official_date",
    ):
        assert key in shown
    updated = as_json(
        capsys,
        "member",
        "update",
        "--register",
        reg,
        added["id"],
        "--phone",
        "0912 345 678",
        "--expected-version",
        "1",
    )
    assert updated["phone"] == "0912345678" and updated["version"] == 2
    found = as_json(capsys, "member", "search", "--register", reg, "tran thi thuy")
    assert [p["id"] for p in found] == [added["id"]]
    assert as_json(capsys, "member", "search", "--register", reg, "Thúy") == []


def test_member_list_status_filter_and_order(reg, capsys):
    for name, membership in (("Lê Văn Bình", "official"), ("Phạm Thị An", "candidate")):
        extra = ["--ceremony-date", "01/01/2000"] if membership == "official" else []
        as_json(
            capsys,
            "member",
            "add",
            "--register",
            reg,
            "--full-name",
            name,
            "--sex",
            "Nam" if "Văn" in name else "Nữ",
            "--membership",
            membership,
            *extra,
        )
    listed = as_json(capsys, "member", "list", "--register", reg)
    assert [p["full_name"] for p in listed] == ["Phạm Thị An", "Lê Văn Bình"]
    only = as_json(capsys, "member", "list", "--register", reg, "--status", "candidate")
    assert [p["status"] for p in only] == ["candidate"]


def test_event_add_and_undo(reg, capsys):
    person = add_member(
        capsys,
        reg,
        full_name="Hồ Văn Nam",
        sex="Nam",
        membership="official",
        ceremony_date="01/01/1990",
    )
    event = as_json(
        capsys,
        "event",
        "add",
        "--register",
        reg,
        person["id"],
        "death",
        "--date",
        "02/10/2026",
        "--reason",
        "Bệnh nặng",
    )
    assert event["status"] == "deceased" and event["date"] == "2026-10-02"
    as_json(capsys, "event", "undo", "--register", reg, person["id"])
    assert (
        as_json(capsys, "member", "show", "--register", reg, person["id"])["status"] == "official"
    )


def test_check(reg, capsys):
    report = as_json(capsys, "check", "--register", reg)
    assert report["ok"] is True and report["journal_entries"] >= 1


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            [
                "member",
                "add",
                "--full-name",
                "Nguyễn Văn A",
                "--sex",
                "Nam",
                "--id-number",
                "0521850123456",
            ],
            "12 chữ số",
        ),
        (
            [
                "member",
                "add",
                "--full-name",
                "Nguyễn Văn A",
                "--sex",
                "Nam",
                "--birth-date",
                "01/01/2099",
            ],
            "tương lai",
        ),
        (["member", "add", "--full-name", "", "--sex", "Nam"], "Họ và tên"),
        (
            [
                "member",
                "add",
                "--full-name",
                "Nguyễn Văn A",
                "--sex",
                "Nam",
                "--membership",
                "official",
                "--ceremony-date",
                "01/01/2020",
                "--official-date",
                "01/06/2020",
            ],
            "Ngày chính thức",
        ),
        (["member", "show", "khong-co-ai"], "Không có người"),
        (["event", "add", "khong-co-ai", "death", "--date", "01/01/2020"], "Không có người"),
        (["member", "update", "abcd"], "Chưa nói sửa"),
    ],
)
def test_errors_go_to_stderr_with_nonzero_exit(reg, capsys, args, words):
    code, out, err = run(capsys, *args[:2], "--register", reg, *args[2:])
    assert code == 1 and out == ""
    assert words in err and err.startswith("Lỗi:")


def test_wrong_passphrase(reg, capsys, monkeypatch):
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", "sai rồi")
    code, _out, err = run(capsys, "cell", "show", "--register", reg)
    assert code == 1 and "Mật khẩu không đúng" in err


def test_passphrase_file(reg, capsys, monkeypatch, tmp_path):
    monkeypatch.delenv("SOCHIBO_PASSPHRASE")
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n", encoding="utf-8")
    cell = as_json(capsys, "cell", "show", "--register", reg, "--passphrase-file", secret)
    assert cell["code"] == "CB-KP5"


def test_no_passphrase_without_a_terminal(reg, capsys, monkeypatch):
    monkeypatch.delenv("SOCHIBO_PASSPHRASE")
    monkeypatch.setattr(sys, "stdin", io.StringIO())
    code, _out, err = run(capsys, "cell", "show", "--register", reg)
    assert code == 1 and "SOCHIBO_PASSPHRASE" in err


def test_missing_register(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", PASS)
    code, _out, err = run(capsys, "member", "list", "--register", tmp_path / "none.sochibo")
    assert code == 1 and "Chưa có sổ" in err


def test_global_register_option_before_the_command(reg, capsys):
    cell = json.loads(run(capsys, "--register", reg, "cell", "show", "--json")[1])
    assert cell["code"] == "CB-KP5"


def test_installed_command_end_to_end(tmp_path):
    """The real console script, as a user's shell runs it, with NFD typed input."""
    exe = Path(sys.executable).with_name("sochibo.exe" if os.name == "nt" else "sochibo")
    assert exe.exists(), "pip install -e . (dev.py does it) provides the sochibo command"
    env = {**os.environ, "SOCHIBO_PASSPHRASE": PASS, "SOCHIBO_HOME": str(tmp_path)}
    path = str(tmp_path / "e2e.sochibo")

    def sochibo(*args):
        return subprocess.run(
            [str(exe), *args], env=env, capture_output=True, text=True, timeout=120
        )

    assert (
        sochibo("init", "--register", path, "--name", "Chi bộ E2E", "--code", "E2E").returncode == 0
    )
    nfd = unicodedata.normalize("NFD", "Đoàn Thị Hoà")
    added = sochibo(
        "member", "add", "--register", path, "--full-name", nfd, "--sex", "Nữ", "--json"
    )
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["full_name"] == unicodedata.normalize("NFC", "Đoàn Thị Hoà")
    found = sochibo("member", "search", "--register", path, "doan thi hoa", "--json")
    assert len(json.loads(found.stdout)) == 1
    bad = sochibo("member", "add", "--register", path, "--full-name", "X", "--sex", "Nam")
    assert bad.returncode == 1 and "Họ và tên" in bad.stderr and bad.stdout == ""


def test_demo_command(tmp_path, capsys):
    doc = as_json(capsys, "demo", "--path", tmp_path / "demo.sochibo")
    assert doc["people"] >= 40 and doc["passphrase"]


def test_text_output_reads_vietnamese(reg, capsys):
    person = add_member(
        capsys,
        reg,
        full_name="Lý Thị Mai",
        sex="Nữ",
        birth_date="1960-04-07",
        membership="official",
        ceremony_date="01/01/1990",
    )
    code, out, _ = run(capsys, "member", "show", "--register", reg, person["id"])
    assert code == 0
    assert "Giới tính: Nữ" in out and "Ngày sinh: 07/04/1960" in out
    assert "Diện: Chính thức" in out and "female" not in out and "1960-04-07" not in out
    code, out, _ = run(capsys, "member", "list", "--register", reg)
    assert "07/04/1960" in out and "Chính thức" in out


def test_json_has_no_internal_fields(reg, capsys):
    add_member(capsys, reg, full_name="Đinh Văn Lâm", sex="Nam")
    person = as_json(capsys, "member", "list", "--register", reg)[0]
    assert "sort_key" not in person and "search_text" not in person


def test_gui_opens_the_window_on_a_register_or_the_upper_level(monkeypatch, tmp_path):
    import desktop_app.__main__ as entry

    seen = []
    monkeypatch.setattr(entry, "run_gui", lambda **kw: seen.append(kw) or 0)
    assert main(["gui", "--register", str(tmp_path / "chi-bo.sochibo")]) == 0
    assert main(["gui", "--upper-level"]) == 0
    assert main([]) == 0  # no command: the window (README: python3 dev.py run)
    assert seen == [
        {"register": str(tmp_path / "chi-bo.sochibo"), "upper_level": False},
        {"register": None, "upper_level": True},
        {"register": None, "upper_level": False},
    ]
