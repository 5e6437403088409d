"""Changing the passphrase, recovering with the recovery key, a new recovery key, and the
recovery sheet. Every refusal leaves the key file, the register's content and the journal as
they were; every success keeps the register's data and records one entry with no secret."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import unicodedata

import pytest

from desktop_app.domain.errors import ValidationError
from desktop_app.services import backups, checks, members, passphrase, registers
from desktop_app.services import cell as cell_service
from desktop_app.store import journal
from desktop_app.store.database import Register, key_path
from desktop_app.store.errors import KeyFileError, WrongRecoveryKey, WrongSecret
from desktop_app.store.keys import FAST_KDF_FOR_TESTS, KeyFile, new_data_key
from tests.conftest import CELL, PASSPHRASE, TODAY
from tests.forms.pdfcheck import assert_sound
from tests.services.test_members import add, state_digest


def data_digest(reg):
    """Every table but the journal: what the register holds about the cell and its people."""
    tables = [
        name
        for (name,) in reg.db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'person_search%'"
            " AND name != 'journal' ORDER BY name"
        ).fetchall()
    ]
    return {t: reg.db.execute_sql(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}


NEW = "Hoa sen nở trong đầm nước"
OTHER = "Ngõ nhỏ nhà bà ngoại có cây khế"
NOW = dt.datetime(2026, 11, 22, 9, 30, 15)


@pytest.fixture
def made(register_path):
    """An open register with one member, and its recovery key."""
    reg, recovery = registers.create_register(
        register_path, PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS
    )
    add(reg)
    yield reg, recovery
    reg.close()


def snapshot(reg):
    """What a refusal must leave as it was."""
    folder = reg.path.parent
    return (
        key_path(reg.path).read_bytes(),
        state_digest(reg),
        journal.head(),
        sorted(p.name for p in folder.iterdir()),
    )


def key_entries(reg):
    return [e for e in journal._rows() if e.entity == passphrase.ENTITY]


def reopen(reg, **secret):
    path = reg.path
    reg.close()
    return Register.open(path, **secret)


# -- change ---------------------------------------------------------------------------------


def test_change_rewraps_the_key_only(made):
    reg, recovery = made
    data_key, digest = reg.data_key, data_digest(reg)
    advice = passphrase.change_passphrase(reg, PASSPHRASE, NEW, NEW, now=NOW)
    assert advice.rating == "strong"
    assert reg.key_file.unlock(NEW) == data_key
    assert data_digest(reg) == digest  # the journal aside, the data are as they were
    [entry] = key_entries(reg)
    assert json.loads(entry.changes) == {"secret": "passphrase", "unlocked_with": "passphrase"}
    assert entry.author == reg.author
    assert not list(reg.path.parent.glob("*.bak-*")), "the previous key file is removed"
    assert checks.check_register(reg).ok
    again = reopen(reg, passphrase=NEW)
    try:
        assert again.data_key == data_key
        assert [p.full_name for p in members.list_people(again)] == ["Nguyễn Thị Thu Hà"]
    finally:
        again.close()
    with pytest.raises(WrongSecret):
        Register.open(reg.path, PASSPHRASE)
    Register.open(reg.path, recovery_key=recovery).close()  # the recovery key still opens it


def test_no_secret_is_written_to_the_journal(made):
    reg, recovery = made
    passphrase.change_passphrase(reg, PASSPHRASE, NEW, NEW)
    fresh = passphrase.new_recovery_key(reg, NEW)
    text = " ".join(f"{e.changes} {e.author} {e.entity_id}" for e in journal._rows())
    for secret in (PASSPHRASE, NEW, recovery, fresh, *recovery.split("-"), *fresh.split("-")):
        assert secret not in text
    assert reg.data_key.hex() not in text


def test_the_new_passphrase_typed_in_nfd_opens_in_nfc(made):
    reg, _ = made
    nfd = unicodedata.normalize("NFD", NEW)
    passphrase.change_passphrase(reg, PASSPHRASE, nfd, NEW)
    reopen(reg, passphrase=NEW).close()


def refused(reg, fields, call):
    before = snapshot(reg)
    with pytest.raises(ValidationError) as caught:
        call()
    assert snapshot(reg) == before
    assert {p.field for p in caught.value.problems} == fields
    return str(caught.value)


def test_wrong_old_passphrase_changes_nothing(made):
    reg, _ = made
    message = refused(
        reg,
        {"old"},
        lambda: passphrase.change_passphrase(reg, "không phải mật khẩu", NEW, NEW),
    )
    assert "Mật khẩu hiện tại: không đúng" in message
    reopen(reg, passphrase=PASSPHRASE).close()


def test_a_weak_new_passphrase_is_refused_with_the_advice(made):
    reg, _ = made
    message = refused(
        reg,
        {"new"},
        lambda: passphrase.change_passphrase(reg, PASSPHRASE, "chibo2026", "chibo2026"),
    )
    assert "Mật khẩu mới: còn yếu" in message
    assert "«chi bộ»" in message and "4 chữ" in message


def test_the_cell_name_counts_against_the_new_passphrase(made):
    reg, _ = made
    message = refused(
        reg,
        {"new"},
        lambda: passphrase.change_passphrase(reg, PASSPHRASE, "nguyen tran 1", "nguyen tran 1"),
    )
    assert "tên hoặc mã của chi bộ" in message


def test_a_short_new_passphrase_is_refused(made):
    reg, _ = made
    message = refused(
        reg, {"new"}, lambda: passphrase.change_passphrase(reg, PASSPHRASE, "ab", "ab")
    )
    assert "cần ít nhất 8 ký tự" in message


def test_the_same_passphrase_again_is_refused(made, register_path):
    reg, _ = made
    passphrase.change_passphrase(reg, PASSPHRASE, NEW, NEW)
    message = refused(reg, {"new"}, lambda: passphrase.change_passphrase(reg, NEW, NEW, NEW))
    assert "trùng với mật khẩu hiện tại" in message


def test_a_mismatched_confirmation_is_refused(made):
    reg, _ = made
    message = refused(
        reg, {"confirm"}, lambda: passphrase.change_passphrase(reg, PASSPHRASE, NEW, NEW + "x")
    )
    assert "Nhập lại mật khẩu mới: không khớp" in message


def test_every_problem_is_told_at_once(made):
    reg, _ = made
    refused(
        reg, {"old", "new", "confirm"}, lambda: passphrase.change_passphrase(reg, "sai", "ab", "c")
    )


def test_a_failed_write_puts_the_old_key_file_back(made, monkeypatch):
    reg, _ = made
    before = snapshot(reg)
    live, real_save = key_path(reg.path), KeyFile.save

    def broken(self, path):
        if path != live:  # the backup's own key file
            return real_save(self, path)
        path.write_text("{half a key file", encoding="utf-8")  # torn, then the disk fails
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(KeyFile, "save", broken)
    with pytest.raises(OSError):
        passphrase.change_passphrase(reg, PASSPHRASE, NEW, NEW)
    monkeypatch.undo()
    assert snapshot(reg) == before  # key file restored, journal entry rolled back, no copy left
    reopen(reg, passphrase=PASSPHRASE).close()


def test_a_key_file_that_does_not_prove_itself_is_undone(made, monkeypatch):
    reg, _ = made
    before = snapshot(reg)
    monkeypatch.setattr(KeyFile, "unlock", lambda self, secret: new_data_key())
    with pytest.raises(KeyFileError, match="không mở được sổ"):
        passphrase._replace_keys(
            reg,
            lambda k: k.rewrap_passphrase(reg.data_key, NEW),
            lambda k: k.unlock(NEW),
            {"secret": "passphrase", "unlocked_with": "passphrase"},
            NOW,
        )
    monkeypatch.undo()
    assert snapshot(reg) == before


def test_the_previous_key_file_is_named_by_the_time(tmp_path):
    keys = tmp_path / "chi-bo.sochibo.keys"
    first = passphrase.backup_path(keys, NOW)
    assert first.name == "chi-bo.sochibo.keys.bak-20261122-093015"
    first.write_text("x")
    assert passphrase.backup_path(keys, NOW).name == "chi-bo.sochibo.keys.bak-20261122-093015-2"


def test_the_previous_key_file_opens_the_register_while_it_is_kept(made, monkeypatch):
    """If the program dies between the two files, the copy still holds the old passphrase."""
    reg, _ = made
    kept = []
    real = passphrase._copy_durably

    def copy(source, target):
        real(source, target)
        kept.append(KeyFile.load(target))

    monkeypatch.setattr(passphrase, "_copy_durably", copy)
    passphrase.change_passphrase(reg, PASSPHRASE, NEW, NEW)
    assert kept[0].unlock(PASSPHRASE) == reg.data_key


def test_a_backup_is_made_before_the_change(made):
    reg, _ = made
    passphrase.change_passphrase(reg, PASSPHRASE, NEW, NEW)
    [info] = backups.list_backups(reg.register_id)
    assert info.reason == passphrase.BACKUP_REASON == "doi-mat-khau"
    assert KeyFile.load(key_path(info.path)).unlock(PASSPHRASE) == reg.data_key


def test_later_backups_carry_the_new_passphrase(made):
    reg, _ = made
    passphrase.change_passphrase(reg, PASSPHRASE, NEW, NEW)
    info = backups.create_backup(reg, "thu-cong", now=NOW)
    assert KeyFile.load(key_path(info.path)).unlock(NEW) == reg.data_key


def test_change_on_the_demo_register(demo_register):
    from desktop_app import paths

    reg = demo_register
    digest = data_digest(reg)
    passphrase.change_passphrase(reg, paths.DEMO_PASSPHRASE, OTHER, OTHER)
    assert data_digest(reg) == digest
    assert checks.check_register(reg).ok


# -- recover --------------------------------------------------------------------------------


def closed(made):
    reg, recovery = made
    path = reg.path
    reg.close()
    return path, recovery


def files(path):
    return (
        path.read_bytes(),
        key_path(path).read_bytes(),
        sorted(p.name for p in path.parent.iterdir()),
    )


def test_recover_sets_a_new_passphrase_and_opens(made):
    path, recovery = closed(made)
    reg = passphrase.recover(path, recovery.lower().replace("-", " "), NEW, NEW)
    try:
        [entry] = key_entries(reg)
        assert json.loads(entry.changes)["unlocked_with"] == "recovery_key"
        assert [p.full_name for p in members.list_people(reg)] == ["Nguyễn Thị Thu Hà"]
    finally:
        reg.close()
    Register.open(path, NEW).close()
    with pytest.raises(WrongSecret):
        Register.open(path, PASSPHRASE)
    Register.open(path, recovery_key=recovery).close()  # recovering does not spend the key


@pytest.mark.parametrize(
    ("key", "new", "confirm", "error", "words"),
    [
        ("WRONG", NEW, NEW, WrongRecoveryKey, "9 nhóm"),
        (None, NEW, NEW + "!", ValidationError, "không khớp"),
        (None, "ab", "ab", ValidationError, "ít nhất 8"),
        (None, "chibo2026", "chibo2026", ValidationError, "còn yếu"),
    ],
)
def test_recover_refusals_change_no_file(made, key, new, confirm, error, words):
    path, recovery = closed(made)
    before = files(path)
    with pytest.raises(error, match=words):
        passphrase.recover(path, key or recovery, new, confirm)
    assert files(path) == before


def test_a_mistyped_recovery_key_is_caught_by_its_check(made):
    path, recovery = closed(made)
    typo = ("0" if recovery[0] != "0" else "1") + recovery[1:]
    before = files(path)
    with pytest.raises(WrongRecoveryKey, match="gõ sai"):
        passphrase.recover(path, typo, NEW, NEW)
    assert files(path) == before


def test_another_registers_recovery_key_is_refused(made, tmp_path):
    path, _ = closed(made)
    other, theirs = registers.create_register(
        tmp_path / "khac" / "khac.sochibo", PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS
    )
    other.close()
    before = files(path)
    with pytest.raises(WrongRecoveryKey, match="không phải của sổ này"):
        passphrase.recover(path, theirs, NEW, NEW)
    assert files(path) == before


def test_reset_checks_the_recovery_key_again(made):
    reg, _ = made
    message = refused(
        reg, {"recovery_key"}, lambda: passphrase.reset_passphrase(reg, "A" * 36, NEW, NEW)
    )
    assert "Khóa khôi phục" in message


# -- a new recovery key -------------------------------------------------------------------------


def test_a_new_recovery_key_retires_the_old_one(made):
    reg, old = made
    fresh = passphrase.new_recovery_key(reg, PASSPHRASE, now=NOW)
    assert fresh != old and len(fresh) == 44
    [entry] = key_entries(reg)
    assert json.loads(entry.changes) == {"secret": "recovery_key", "unlocked_with": "passphrase"}
    path = reg.path
    reg.close()
    with pytest.raises(WrongRecoveryKey):
        Register.open(path, recovery_key=old)
    Register.open(path, recovery_key=fresh).close()
    Register.open(path, PASSPHRASE).close()  # the passphrase is unchanged


def test_a_new_recovery_key_needs_the_passphrase(made):
    reg, old = made
    message = refused(reg, {"passphrase"}, lambda: passphrase.new_recovery_key(reg, "sai rồi"))
    assert "khóa khôi phục cũ vẫn giữ nguyên" in message
    reopen(reg, recovery_key=old).close()


def test_rewrap_recovery_keeps_the_data_key():
    data_key = new_data_key()
    keys, old = KeyFile.create("reg-1", data_key, "mật khẩu dài", FAST_KDF_FOR_TESTS)
    fresh = keys.rewrap_recovery(data_key)
    assert keys.unlock_with_recovery(fresh) == data_key
    assert keys.unlock("mật khẩu dài") == data_key
    with pytest.raises(WrongRecoveryKey):
        keys.unlock_with_recovery(old)
    assert KeyFile.from_json(keys.to_json()).unlock_with_recovery(fresh) == data_key


# -- the sheet ------------------------------------------------------------------------------------


def test_the_recovery_sheet_shows_the_key_and_the_cell(made):
    reg, recovery = made
    cell = cell_service.get_cell(reg)
    data = passphrase.recovery_sheet_pdf(cell, reg.path, reg.register_id, recovery, TODAY)
    pdf = assert_sound(data)
    try:
        assert len(pdf.pages) == 1
        flat = pdf.flat()
        for text in (CELL["name"], CELL["code"], reg.path.name, reg.register_id, "22/11/2026"):
            assert text in flat, text
        compact = "".join(pdf.text().split())
        assert recovery.replace("-", "") in compact
        large = [c for c in pdf.pages[0].chars if c["size"] >= 20]  # the key, drawn large
        assert "".join(c["text"] for c in large) == recovery.replace("-", "")
        widths = {
            round(b["x0"] + b["x1"] - a["x0"] - a["x1"], 1)
            for a, b in itertools.pairwise(large)
            if round(a["top"]) == round(b["top"])
        }
        assert (
            len(widths) <= 2
        )  # centred in cells of one width: one step, and the gap between groups
        assert "Tạo khóa khôi phục mới" in flat and "tách khỏi máy tính" in flat
        assert {f["name"].split("+")[-1] for f in pdf.fonts()} >= {"LiberationSerif-Bold"}
    finally:
        pdf.close()


def test_the_sheet_for_the_open_register_refuses_a_wrong_key(made):
    reg, recovery = made
    assert passphrase.recovery_sheet_for(reg, recovery, TODAY).startswith(b"%PDF")
    other = KeyFile.create("x", new_data_key(), "abc", FAST_KDF_FOR_TESTS)[1]
    with pytest.raises(WrongRecoveryKey):
        passphrase.recovery_sheet_for(reg, other, TODAY)


def test_the_sheet_of_an_upper_levels_workspace_names_its_committee(tmp_path):
    from desktop_app.services import upper_workspace

    reg, recovery = upper_workspace.create_workspace(
        tmp_path / "cap-tren.sochibo", PASSPHRASE, "Đảng ủy phường Ghềnh Ráng",
        kdf=FAST_KDF_FOR_TESTS,
    )  # fmt: skip
    try:
        pdf = assert_sound(passphrase.recovery_sheet_for(reg, recovery, TODAY))
        try:
            flat = pdf.flat()
            assert "Đảng ủy phường Ghềnh Ráng" in flat and "Cấp ủy" in flat
            assert "Mã chi bộ" not in flat and reg.register_id in flat
            assert "SỔ LÀM VIỆC CỦA CẤP ỦY" in flat and "chi bộ" not in flat.lower()
        finally:
            pdf.close()
    finally:
        reg.close()
