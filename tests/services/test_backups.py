"""Backups: made verified and encrypted, listed without the passphrase, tested apart from the
live register, restored (and the restore undone), pruned by the retention rule; a damaged
register comes back from the newest good backup with the damaged file kept."""

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop_app.services import backups, members, registers
from desktop_app.store import journal
from desktop_app.store.database import key_path
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from tests.conftest import CELL, PASSPHRASE
from tests.services.test_members import HA, add, state_digest

NOW = dt.datetime(2026, 11, 22, 9, 30)


GIVEN = ["An", "Bình", "Chi", "Dung", "Giang", "Hải", "Khánh", "Lan", "Minh", "Nga"]
MIDDLE = ("Văn", "Thị", "Đức")


def add_thirty(reg):
    """Thirty people: enough pages that damage in the middle hits data."""
    for n in range(30):
        name = f"Trần {MIDDLE[n // 10]} {GIVEN[n % 10]}"
        add(reg, full_name=name, id_number=f"0521850{n:05d}")


def names(reg):
    return sorted(p.full_name for p in members.list_people(reg))


def test_a_backup_is_verified_encrypted_and_listed(register):
    add(register)
    info = backups.create_backup(register, "thu-cong", now=NOW)
    assert info.path.parent == backups.backup_dir(register.register_id)
    assert info.path.name == "chi-bo.20261122-093000.thu-cong.sochibo"
    assert key_path(info.path).is_file()
    assert (info.members, info.journal_seq) == (1, journal.head()[0])
    raw = info.path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    for secret in ("Thu Hà", "052185012345"):
        assert secret.encode() not in raw
        assert secret.encode() not in info.path.with_name(info.path.name + ".json").read_bytes()
    assert backups.list_backups(register.register_id) == [info]
    assert backups.last_backup(register.register_id) == info


def test_two_backups_in_the_same_second_do_not_collide(register):
    first = backups.create_backup(register, "thu-cong", now=NOW)
    second = backups.create_backup(register, "thu-cong", now=NOW)
    assert first.path != second.path and second.path.name.endswith("-2.sochibo")
    assert len(backups.list_backups(register.register_id)) == 2


def test_an_unknown_reason_is_refused(register):
    with pytest.raises(backups.BackupError, match="Lý do"):
        backups.create_backup(register, "whenever")
    assert backups.list_backups(register.register_id) == []


def test_trial_restore_runs_every_check_without_touching_the_live_register(register):
    add(register)
    info = backups.create_backup(register, now=NOW)
    before = state_digest(register)
    tried = backups.trial_restore(info.path, register.data_key, register.register_id)
    assert tried.ok, tried.problems
    assert (tried.members, tried.people) == (1, 1)
    assert tried.journal_entries == journal.head()[0]
    assert state_digest(register) == before


def test_trial_restore_reports_a_damaged_backup(register):
    add_thirty(register)
    info = backups.create_backup(register, now=NOW)
    data = bytearray(info.path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = bytes(64)
    info.path.write_bytes(bytes(data))
    tried = backups.trial_restore(info.path, register.data_key, register.register_id)
    assert not tried.ok and tried.problems


def test_trial_restore_refuses_another_registers_backup(register, tmp_path):
    other, _ = registers.create_register(
        tmp_path / "khac" / "khac.sochibo", PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS
    )
    theirs = backups.create_backup(other, now=NOW)
    other.close()
    tried = backups.trial_restore(theirs.path, register.data_key, register.register_id)
    assert tried.problems == ["bản sao lưu này là của một sổ khác"]
    with pytest.raises(backups.BackupError, match="sổ khác"):
        backups.check_is_ours(register, theirs.path)


def test_restore_brings_the_backup_back_and_can_be_undone(register):
    add(register)
    saved = backups.create_backup(register, now=NOW)
    add(register, full_name="Lê Văn Đức", id_number="052185099999")
    path = register.path
    restored = backups.restore(register, saved.path, now=NOW + dt.timedelta(minutes=5))
    try:
        assert names(restored) == ["Nguyễn Thị Thu Hà"]
        aside = path.with_name("chi-bo.truoc-khoi-phuc-20261122-093500.sochibo")
        assert aside.is_file() and key_path(aside).is_file()  # the live file, kept
        undo = backups.undo_target(restored.register_id)
        assert undo is not None and undo.reason == "truoc-khoi-phuc"
        again = backups.restore(restored, undo.path, now=NOW + dt.timedelta(minutes=9))
    finally:
        restored.close()
    try:
        assert names(again) == ["Lê Văn Đức", "Nguyễn Thị Thu Hà"]
    finally:
        again.close()
    # the live passphrase still opens the restored register
    registers.open_register(path, PASSPHRASE).close()


def test_restore_refuses_a_bad_backup_and_changes_nothing(register):
    add(register)
    saved = backups.create_backup(register, now=NOW)
    saved.path.write_bytes(saved.path.read_bytes()[:4096])
    before = state_digest(register)
    with pytest.raises(backups.BackupError, match="không dùng được"):
        backups.restore(register, saved.path)
    assert state_digest(register) == before
    assert not register.db.is_closed()


def test_auto_backup_only_when_something_changed(register):
    first = backups.auto_backup(register)
    assert first is not None
    assert backups.auto_backup(register) is None
    add(register)
    second = backups.auto_backup(register)
    assert second is not None and second.journal_seq > first.journal_seq


def test_a_register_that_fails_its_checks_is_not_backed_up(register):
    add(register)
    good = backups.create_backup(register, now=NOW)
    register.db.execute_sql("DROP TRIGGER journal_append_only_update")  # someone with the key
    register.db.execute_sql("UPDATE journal SET author = 'someone' WHERE seq = 1")
    with pytest.raises(backups.BackupError, match="có vấn đề"):
        backups.create_backup(register, now=NOW + dt.timedelta(days=400))
    assert backups.list_backups(register.register_id) == [good]  # nothing pruned either


def test_pruning_follows_the_retention_rule(register):
    ago = [dt.timedelta(days=d, hours=h) for d, h in ((0, 0), (0, 1), (1, 0), (3, 0), (3, 2))]
    made = [backups.create_backup(register, now=NOW - a) for a in ago]
    gone = backups.prune(register.register_id, NOW)
    # today's and yesterday's stay; of the two on day -3 only the later one is kept
    assert gone == [made[4].path]
    assert not made[4].path.exists() and not key_path(made[4].path).exists()
    assert len(backups.list_backups(register.register_id)) == 4


def test_a_manual_backup_goes_to_the_chosen_folder_and_is_never_pruned(register, tmp_path):
    stick = tmp_path / "usb"
    info = backups.create_backup(register, "thu-cong", folder=stick, now=NOW)
    assert info.path.parent == stick
    assert backups.list_backups(register.register_id, stick) == [info]
    assert backups.list_backups(register.register_id) == []
    backups.prune(register.register_id, NOW + dt.timedelta(days=3000))
    assert info.path.exists()


def test_damaged_manifest_is_ignored_not_deleted(register):
    info = backups.create_backup(register, now=NOW)
    manifest = info.path.with_name(info.path.name + ".json")
    manifest.write_text("{not json", encoding="utf-8")
    assert backups.list_backups(register.register_id) == []
    backups.prune(register.register_id, NOW + dt.timedelta(days=3000))
    assert info.path.exists()


def test_a_damaged_register_comes_back_from_the_newest_good_backup(register):
    add_thirty(register)
    older = backups.create_backup(register, now=NOW - dt.timedelta(days=1))
    newest = backups.create_backup(register, now=NOW)
    newest.path.write_bytes(newest.path.read_bytes()[:8192])  # the newest is bad too
    path = register.path
    register.close()
    data = bytearray(path.read_bytes())
    data[8192:16384] = bytes(8192)
    path.write_bytes(bytes(data))
    damaged = bytes(data)
    with pytest.raises(Exception):  # noqa: B017 (which error depends on the damaged page)
        registers.open_register(path, PASSPHRASE).close()
    reg, used = backups.restore_damaged(path, PASSPHRASE)
    try:
        assert used == older
        assert len(members.list_people(reg)) == 30
    finally:
        reg.close()
    kept = [p for p in path.parent.glob("chi-bo.hong-*.sochibo")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


def test_no_good_backup_leaves_the_damaged_file_where_it_is(register):
    path = register.path
    register.close()
    before = path.read_bytes()
    with pytest.raises(backups.BackupError, match="Không có bản sao lưu"):
        backups.restore_damaged(path, PASSPHRASE)
    assert path.read_bytes() == before


def test_manifest_holds_what_the_list_shows(register):
    add(register)
    info = backups.create_backup(register, now=NOW)
    doc = json.loads(info.path.with_name(info.path.name + ".json").read_text("utf-8"))
    assert doc["format"] == "sochibo-backup/1"
    assert doc["members"] == 1 and doc["reason_label"] == "Sao lưu thủ công"
    assert set(doc) >= {"created", "size", "journal_seq", "journal_head", "register_id"}
    assert HA["full_name"] not in json.dumps(doc, ensure_ascii=False)


def test_a_restore_that_fails_midway_reopens_the_live_register(register, monkeypatch):
    add(register)
    saved = backups.create_backup(register, now=NOW)
    add(register, full_name="Lê Văn Đức", id_number="052185099999")
    path = register.path
    real_copy = backups.shutil.copyfile

    def full_disk(src, dst, *a, **k):
        if str(dst).endswith(".restoring"):
            raise OSError(28, "No space left on device")
        return real_copy(src, dst, *a, **k)

    monkeypatch.setattr(backups.shutil, "copyfile", full_disk)
    with pytest.raises(backups.BackupError, match="Không chép được") as failed:
        backups.restore(register, saved.path)
    reopened = failed.value.reopened
    try:
        assert reopened is not None and reopened.path == path
        assert names(reopened) == ["Lê Văn Đức", "Nguyễn Thị Thu Hà"]
        assert not list(path.parent.glob("*.restoring"))
    finally:
        reopened.close()


def test_a_backup_with_a_wal_beside_it_is_not_used(register):
    add(register)
    saved = backups.create_backup(register, now=NOW)
    Path(f"{saved.path}-wal").write_bytes(b"x" * 4096)
    tried = backups.trial_restore(saved.path, register.data_key, register.register_id)
    assert not tried.ok and "chương trình khác" in tried.problems[0]


def test_member_counts_agree_with_the_member_list(demo_register):
    """The manifest counts by SQL; the lists derive the status in Python: the same answer."""
    info = backups.create_backup(demo_register, now=NOW)
    listed = members.list_people(demo_register, backups.MEMBER_STATUSES)
    assert info.members == len(listed) > 30
    tried = backups.trial_restore(info.path, demo_register.data_key, demo_register.register_id)
    assert (tried.members, tried.people) == (len(listed), len(members.list_people(demo_register)))
    assert tried.people > tried.members  # the demo has candidates and people who left
