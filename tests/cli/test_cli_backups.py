"""``sochibo backup create|list|verify|restore`` and ``sochibo check --full``: the round trip a
secretary makes by the command line, and the refusals that leave the register as it was."""

from __future__ import annotations

import json

import pytest

from desktop_app.store.database import key_path
from tests.cli.test_cli import add_member, as_json, run


def names(capsys, reg) -> list[str]:
    return sorted(p["full_name"] for p in as_json(capsys, "member", "list", "--register", reg))


def test_create_list_verify(reg, capsys, tmp_path):
    add_member(capsys, reg, full_name="Nguyễn Thị Thu Hà", sex="female")
    made = as_json(capsys, "backup", "create", "--register", reg)
    assert made["reason"] == "thu-cong" and made["members"] == 0  # a person, not yet a member
    stick = tmp_path / "usb"
    on_stick = as_json(capsys, "backup", "create", "--register", reg, "--to", stick)
    assert on_stick["path"].startswith(str(stick))
    listed = as_json(capsys, "backup", "list", "--register", reg)
    assert [b["path"] for b in listed] == [made["path"]]
    assert [
        b["path"] for b in as_json(capsys, "backup", "list", "--register", reg, "--from", stick)
    ] == [on_stick["path"]]
    [tested] = as_json(capsys, "backup", "verify", "--register", reg)
    assert tested["ok"] and tested["people"] == 1
    code, out, _ = run(capsys, "backup", "verify", "--all", "--from", stick, "--register", reg)
    assert code == 0 and "tốt" in out


def test_restore_and_undo(reg, capsys):
    add_member(capsys, reg, full_name="Nguyễn Thị Thu Hà", sex="female")
    as_json(capsys, "backup", "create", "--register", reg)
    add_member(capsys, reg, full_name="Lê Văn Đức", sex="male")
    done = as_json(capsys, "backup", "restore", "--latest", "--register", reg)
    assert done["register"] == str(reg)
    assert names(capsys, reg) == ["Nguyễn Thị Thu Hà"]
    aside = list(reg.parent.glob("cb.truoc-khoi-phuc-*.sochibo"))
    assert len(aside) == 1 and key_path(aside[0]).is_file()
    as_json(capsys, "backup", "restore", "--undo", "--register", reg)
    assert names(capsys, reg) == ["Lê Văn Đức", "Nguyễn Thị Thu Hà"]


def test_check_full_reports_a_sound_register(reg, capsys):
    report = as_json(capsys, "check", "--full", "--register", reg)
    assert report["ok"] and report["journal_entries"] >= 1


def test_a_damaged_backup_fails_verify_and_is_not_restored(reg, capsys):
    add_member(capsys, reg, full_name="Nguyễn Thị Thu Hà", sex="female")
    made = as_json(capsys, "backup", "create", "--register", reg)
    path = made["path"]
    with open(path, "r+b") as fh:
        fh.truncate(4096)
    code, out, _ = run(capsys, "backup", "verify", "--register", reg, "--json")
    assert code == 1 and not json.loads(out)[0]["ok"]
    before = reg.read_bytes()
    code, _, err = run(capsys, "backup", "restore", "--latest", "--register", reg)
    assert code == 1 and "không dùng được" in err
    assert reg.read_bytes() == before
    assert not list(reg.parent.glob("cb.truoc-khoi-phuc-*"))


def test_bad_names_and_folders_are_refused(reg, capsys, tmp_path):
    code, _, err = run(capsys, "backup", "verify", "--register", reg)
    assert code == 1 and "Chưa có bản sao lưu nào" in err
    code, _, err = run(capsys, "backup", "restore", "khong-co", "--register", reg)
    assert code == 1 and "Không có bản sao lưu «khong-co»" in err
    code, _, err = run(capsys, "backup", "restore", "--undo", "--register", reg)
    assert code == 1 and "hoàn tác" in err
    a_file = tmp_path / "tep.txt"
    a_file.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "backup", "create", "--to", a_file, "--register", reg)
    assert code == 1 and "không phải thư mục" in err
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "backup", "restore", "--latest", "--undo", "--register", reg)
    assert stopped.value.code == 2 and "không dùng cùng" in capsys.readouterr().err


def test_a_backup_of_another_register_is_refused(reg, capsys, tmp_path):
    from desktop_app.cli import main

    other = tmp_path / "khac.sochibo"
    assert main(["init", "--register", str(other), "--name", "Chi bộ B", "--code", "CB-B"]) == 0
    capsys.readouterr()
    theirs = as_json(capsys, "backup", "create", "--register", other)
    before = reg.read_bytes()
    code, _, err = run(capsys, "backup", "restore", theirs["path"], "--register", reg)
    assert code == 1 and "sổ khác" in err
    assert reg.read_bytes() == before
