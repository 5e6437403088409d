"""The upper level receives bundles: the fingerprint confirmed before a cell's key is pinned,
the dry run that writes nothing, one transaction that applies, the same bundle twice changing
nothing, gaps held back, forks flagged (and accepted), foreign and tampered files refused."""

from __future__ import annotations

import datetime as dt

import peewee
import pytest

from desktop_app.services import (
    backups,
    checks,
    development,
    meetings,
    members,
    sync_cell,
    upper_import,
)
from desktop_app.services import upper_workspace as ws
from desktop_app.store import journal, upper_replica
from desktop_app.store.journal import GENESIS
from desktop_app.sync import envelope
from desktop_app.sync.errors import SyncRefused
from tests.conftest import TODAY
from tests.sync import samples
from tests.sync.upper_helpers import World, assert_mirrors, crafted, use, world_fixture  # noqa: F401

CODE, NAME = "CB-KP5", "Chi bộ Khu phố 5"


def official(world: World, name: str, code: str = CODE) -> str:
    return world.add_person(
        code, name, membership="official", ceremony_date="10/10/2000", official_date="10/10/2001"
    )


@pytest.fixture
def kp5(world):
    world.add_cell(CODE, NAME)
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
        official(world, name)
    return world


def head_of(world: World) -> tuple[int, str]:
    use(world.upper)
    return journal.head()


# -- pinning -------------------------------------------------------------------------------------


def test_a_cells_first_bundle_waits_for_its_fingerprint(kp5):
    path = kp5.export(CODE)
    fingerprint = kp5.fingerprint(CODE)
    before = head_of(kp5)
    waiting = kp5.receive(path)
    assert waiting.status == "needs_pinning" and not waiting.ok
    assert waiting.fingerprint == fingerprint and fingerprint in waiting.message
    assert "--confirm-fingerprint" in waiting.message and waiting.summary is None
    with pytest.raises(SyncRefused, match="không khớp vân tay của chi bộ"):
        kp5.receive(path, confirm="AAAA-BBBB-CCCC-DDDD")
    preview = kp5.receive(path, confirm=fingerprint.lower().replace("-", " "), dry_run=True)
    assert preview.status == "dry_run" and [p["full_name"] for p in preview.summary.people_added] \
        == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]  # fmt: skip
    assert head_of(kp5) == before and not ws.find_cell(CODE).public_key
    done = kp5.receive(path, confirm=fingerprint)
    assert done.status == "applied" and done.pinned_now and done.applied_after == done.seq_to
    cell = ws.find_cell(CODE)
    assert cell.fingerprint == fingerprint and cell.cell_uuid and cell.name == NAME
    assert_mirrors(kp5, CODE)
    assert checks.check_register(use(kp5.upper)).ok


def test_a_later_bundle_signed_by_another_key_is_refused(world, tmp_path):
    ws.enrol_cell(use(world.upper), CODE, tmp_path)
    entries = samples.chain()
    first = crafted(world, entries, folder=tmp_path / "a")
    assert world.receive(first, confirm=world.receive(first).fingerprint).status == "applied"
    more = samples.chain(
        [("person", samples.PERSON_ID, "update", {"phone": "0911111111"})],
        start=4, prev=entries[-1].hash,
    )  # fmt: skip
    forged = crafted(world, entries + more, folder=tmp_path / "b", key=samples.STRANGER)
    before = head_of(world)
    with pytest.raises(SyncRefused, match="ký bằng một khóa khác") as caught:
        world.receive(forged)
    assert ws.find_cell(CODE).fingerprint in str(caught.value)
    assert head_of(world) == before


def test_a_bundle_for_another_upper_level_is_refused(world, tmp_path):
    ws.enrol_cell(use(world.upper), CODE, tmp_path)
    other = samples.other_upper()
    path = crafted(world, samples.chain(), folder=tmp_path / "a", upper_id=other.upper_id,
                   recipient=other.recipient)  # fmt: skip
    with pytest.raises(SyncRefused, match="gửi cho một cấp ủy khác, không phải «Đảng ủy"):
        world.receive(path)
    # signed facts that say "ours" over a file encrypted to another key: refused on decryption
    path = crafted(world, samples.chain(), folder=tmp_path / "b", recipient=other.recipient)
    fingerprint = world.receive(path).fingerprint
    with pytest.raises(SyncRefused, match="không được mã hóa cho khóa này"):
        world.receive(path, confirm=fingerprint)
    assert not ws.find_cell(CODE).public_key


def test_an_unknown_format_is_refused_before_anything_else(world, tmp_path):
    entries = samples.chain()
    keys = world.keys
    manifest = samples.manifest_for(entries, upper_id=keys.upper_id, format="sochibo-goi/2")
    name, made = samples.sealed(entries, manifest=manifest, recipient=keys.recipient)
    path = envelope.write_pair(tmp_path, name, made)
    with pytest.raises(SyncRefused, match=r"«sochibo-goi/2».*phiên bản mới hơn"):
        world.receive(path)


def test_a_cell_not_enrolled_is_refused(world, tmp_path):
    path = crafted(world, samples.chain(), folder=tmp_path / "a", code="CB-LA")
    with pytest.raises(SyncRefused, match="chi bộ mã «CB-LA» chưa được ghi danh"):
        world.receive(path)


def test_another_cell_with_the_same_code_is_refused(kp5, tmp_path):
    assert kp5.first(CODE).status == "applied"
    path = crafted(kp5, samples.chain(), folder=tmp_path / "a", code=CODE)
    with pytest.raises(SyncRefused, match="gói này của một chi bộ khác dùng cùng mã"):
        kp5.receive(path)


def test_a_tampered_or_cut_file_is_refused_and_nothing_is_written(kp5):
    path = kp5.export(CODE)
    fingerprint = kp5.fingerprint(CODE)
    sound = path.read_bytes()
    before = head_of(kp5)
    for bad in (sound[:-1], sound[:100] + bytes([sound[100] ^ 1]) + sound[101:], sound + b"x"):
        path.write_bytes(bad)
        with pytest.raises(SyncRefused, match=f"Gói «{path.name}» bị từ chối"):
            kp5.receive(path, confirm=fingerprint)
    path.write_bytes(sound)
    envelope.signature_path(path).unlink()
    with pytest.raises(SyncRefused, match="Thiếu tệp chữ ký"):
        kp5.receive(path)
    assert head_of(kp5) == before


# -- idempotence, order, gaps ----------------------------------------------------------------------


def test_the_same_bundle_twice_and_an_older_one_change_nothing(kp5):
    first = kp5.export(CODE)
    was = kp5.receive(first, confirm=kp5.fingerprint(CODE))
    official(kp5, "Phạm Thị Dung")
    later = kp5.export(CODE)  # no receipt yet: cumulative from the first entry
    done = kp5.receive(later)
    assert done.status == "applied" and done.seq_from == 1 and done.applied_before == was.seq_to
    assert [p["full_name"] for p in done.summary.people_added] == ["Phạm Thị Dung"]
    assert done.summary.people_unchanged == 3 and done.summary.entries == 1
    before = head_of(kp5)
    for path in (later, first):
        again = kp5.receive(path)
        assert again.status == "duplicate" and again.ok and "Không thay đổi gì" in again.message
    assert head_of(kp5) == before
    assert_mirrors(kp5, CODE)


def test_bundles_arriving_in_reverse_order(kp5):
    early = kp5.export(CODE)
    official(kp5, "Phạm Thị Dung")
    late = kp5.export(CODE)
    assert kp5.receive(late, confirm=kp5.fingerprint(CODE)).status == "applied"
    assert kp5.receive(early).status == "duplicate"
    assert_mirrors(kp5, CODE)


def _long_chain(n: int) -> list:
    changes = [("cell", samples.CELL_ID, "insert", {"name": "Chi bộ Khu phố 5", "code": CODE}),
               ("person", samples.PERSON_ID, "insert", {"full_name": "Nguyễn Thị Hường",
                                                        "sex": "female"})]  # fmt: skip
    changes += [
        ("person", samples.PERSON_ID, "update", {"phone": f"09050000{i:02d}"}) for i in range(n - 2)
    ]
    return samples.chain(changes)


def test_a_gap_is_held_back_and_closes_when_the_missing_entries_come(world, tmp_path):
    ws.enrol_cell(use(world.upper), CODE, tmp_path)
    entries = _long_chain(9)
    first = crafted(world, entries[:3], folder=tmp_path / "1")
    world.receive(first, confirm=world.receive(first).fingerprint)
    late = crafted(world, entries[6:], folder=tmp_path / "7")
    before = head_of(world)
    assert world.receive(late, dry_run=True).status == "gap" and head_of(world) == before
    held = world.receive(late)
    assert held.status == "gap" and held.missing == [4, 6] and not held.ok
    assert "còn thiếu mục số 4–6" in held.message
    assert world.receive(late).conflict_id == held.conflict_id  # flagged once
    assert ws.find_cell(CODE).applied_seq == 3
    middle = crafted(world, entries[:6], folder=tmp_path / "4")
    assert world.receive(middle).status == "applied"
    [closed] = ws.list_conflicts(use(world.upper), open_only=False)
    assert closed.resolved_at and "hãy nhập lại gói" in closed.resolution
    assert world.receive(late).status == "applied"
    assert ws.find_cell(CODE).applied_hash == entries[-1].hash
    held_data = upper_replica.snapshot(ws.find_cell(CODE).id)[("person", samples.PERSON_ID)]
    assert held_data[0] == 8 and held_data[2]["phone"] == "0905000006"


def test_a_fork_is_flagged_and_the_new_branch_can_be_accepted(world, tmp_path):
    ws.enrol_cell(use(world.upper), CODE, tmp_path)
    old = _long_chain(6)
    first = crafted(world, old, folder=tmp_path / "old")
    world.receive(first, confirm=world.receive(first).fingerprint)
    new_changes = [("person", samples.PERSON_ID, "update", {"notes": f"nhánh mới {i}"})
                   for i in range(4)]  # fmt: skip
    new = old[:3] + _continue(old[:3], new_changes)  # another entry 4 onwards
    path = crafted(world, new, folder=tmp_path / "new")
    before = head_of(world)
    assert world.receive(path, dry_run=True).status == "fork" and head_of(world) == before
    flagged = world.receive(path)
    assert flagged.status == "fork" and flagged.common == 3 and flagged.conflict_id
    assert "rẽ nhánh sau mục số 3" in flagged.message and "--accept-fork" in flagged.message
    cell = ws.find_cell(CODE)
    assert cell.applied_hash == old[-1].hash  # nothing applied
    preview = world.receive(path, accept_fork=True, dry_run=True)
    assert preview.status == "dry_run" and preview.summary.entries == 4
    taken = world.receive(path, accept_fork=True)
    assert taken.status == "applied" and taken.applied_after == 7
    cell = ws.find_cell(CODE)
    assert cell.applied_hash == new[-1].hash
    [(version, _deleted, data)] = [
        v for k, v in upper_replica.snapshot(cell.id).items() if k[0] == "person"
    ]
    assert version == 6 and data["notes"] == "nhánh mới 3" and data["phone"] == "0905000000"
    assert upper_replica.entry_count(cell.id) == (7, 1, 7)
    assert ws.list_conflicts(use(world.upper)) == []
    assert checks.check_register(use(world.upper)).ok


def _continue(base, changes):
    """Entries after ``base`` with each record's versions following on."""
    versions = {}
    for e in base:
        versions[e.entity_id] = e.version
    out, prev = [], base[-1].hash
    for offset, (entity, entity_id, op, fields) in enumerate(changes):
        version = versions.get(entity_id, 0)
        versions[entity_id] = version + 1
        hashed = {"seq": len(base) + offset + 1, "entity": entity, "entity_id": entity_id,
                  "op": op, "changes": fields, "base_version": version, "version": version + 1,
                  "author": "device:1a2b3c4d", "at": samples.AT, "prev_hash": prev}  # fmt: skip
        prev = journal.entry_hash(hashed)
        out.append(samples.Entry(**hashed, hash=prev))
    return out


def test_a_cell_restored_from_an_old_backup_forks_and_is_taken_back(kp5):
    cell = use(kp5.cells[CODE])
    saved = backups.create_backup(cell, "thu-cong")
    official(kp5, "Phạm Thị Dung")
    kp5.first(CODE)
    restored = backups.restore(use(kp5.cells[CODE]), saved.path)
    kp5.cells[CODE] = restored
    official(kp5, "Võ Thị Sáu")  # written on after the restore: another entry at the same place
    path = kp5.export(CODE)
    flagged = kp5.receive(path)
    assert flagged.status == "fork" and flagged.common is not None
    assert kp5.receive(path, accept_fork=True).status == "applied"
    assert_mirrors(kp5, CODE)


def test_an_upper_level_restored_from_an_old_backup_asks_the_cell_to_send_again(kp5):
    kp5.first(CODE)
    saved = backups.create_backup(use(kp5.upper), "thu-cong")
    official(kp5, "Phạm Thị Dung")
    assert kp5.receive(kp5.export(CODE)).status == "applied"
    kp5.take_receipt(CODE, kp5.receipt(CODE))  # the cell hears: received up to here
    kp5.upper = backups.restore(use(kp5.upper), saved.path)  # …then the upper level loses it
    lost = ws.find_cell(CODE).applied_seq
    official(kp5, "Võ Thị Sáu")
    held = kp5.receive(kp5.export(CODE))
    assert held.status == "gap" and held.missing[0] == lost + 1
    assert f"gửi lại từ mục số {lost + 1}" in held.message and f"--from {lost + 1}" in held.message
    cell = use(kp5.cells[CODE])
    acked = sync_cell.status(cell).acked_seq
    for wrong in (0, acked + 2):
        with pytest.raises(SyncRefused, match=f"Gửi lại từ mục số {wrong}: cần một số từ 1"):
            sync_cell.export_bundle(cell, kp5.usb, first=wrong)
    again = sync_cell.export_bundle(cell, kp5.usb, first=lost + 1)
    assert again.seq_from == lost + 1
    done = kp5.receive(again.path)
    assert done.status == "applied" and done.seq_to == again.seq_to
    [closed] = ws.list_conflicts(use(kp5.upper), open_only=False)
    assert closed.resolved_at and "không cần gói này nữa" in closed.resolution
    assert_mirrors(kp5, CODE)


def test_sending_again_from_the_first_entry_adds_nothing_twice(kp5):
    kp5.first(CODE)
    kp5.take_receipt(CODE, kp5.receipt(CODE))
    again = sync_cell.export_bundle(use(kp5.cells[CODE]), kp5.usb, first=1)
    assert again.seq_from == 1
    taken = kp5.receive(again.path)  # only what came after the receipt is new
    assert taken.status == "applied" and taken.applied_before < again.seq_to
    assert taken.summary.people_added == [] and taken.summary.people_updated == []
    before = head_of(kp5)
    assert kp5.receive(again.path).status == "duplicate" and head_of(kp5) == before
    assert_mirrors(kp5, CODE)


# -- what the summary says -------------------------------------------------------------------------


def test_the_summary_counts_people_events_meetings_and_attendance(kp5):
    kp5.first(CODE)
    cell = use(kp5.cells[CODE])
    people = {p.full_name: p.id for p in members.list_people(cell)}
    members.update_person(cell, people["Trần Thị Bình"], {"phone": "0905123456"}, today=TODAY)
    members.record_event(cell, people["Lê Văn Cường"], "exemption", dt.date(2026, 3, 2),
                         reason="Tuổi cao", today=TODAY)  # fmt: skip
    members.record_event(cell, people["Lê Văn Cường"], "exemption_end", dt.date(2026, 4, 2),
                         today=TODAY)  # fmt: skip
    members.undo_last_event(cell, people["Lê Văn Cường"])
    meeting = meetings.add_meeting(cell, {"kind": "regular", "date": dt.date(2026, 10, 6)},
                                   today=TODAY)  # fmt: skip
    meetings.set_attendance(cell, meeting.id, people["Nguyễn Văn An"], "absent", today=TODAY)
    development.add_candidate(cell, {"full_name": "Mai Thị Lan", "sex": "female"},
                              pool_date=dt.date(2026, 9, 1), today=TODAY)  # fmt: skip
    done = kp5.receive(kp5.export(CODE), dry_run=True)
    s = done.summary
    assert [p["full_name"] for p in s.people_added] == ["Mai Thị Lan"]
    assert sorted(p["full_name"] for p in s.people_updated) == ["Lê Văn Cường", "Trần Thị Bình"]
    assert s.people_removed == [] and s.people_unchanged == 1
    assert s.events_added == {"exemption": 1, "pool_entry": 1} and s.events_removed == 0
    assert s.meetings == {"added": 1, "updated": 0, "removed": 0}
    assert s.attendance == {"added": 1, "updated": 0, "removed": 0}
    assert s.conflicts == [] and s.warnings == []
    assert done.summary.counts()["people"] == {"added": 1, "updated": 2, "removed": 0,
                                               "unchanged": 1}  # fmt: skip
    kp5.receive(kp5.export(CODE))
    assert_mirrors(kp5, CODE)


def test_a_person_two_cells_hold_is_a_conflict_and_a_transfer_a_move(world, tmp_path):
    use(world.upper)
    ws.enrol_cell(world.upper, "CB-A", tmp_path)
    ws.enrol_cell(world.upper, "CB-B", tmp_path)
    fields = {"full_name": "Nguyễn Thị Hường", "sex": "female", "membership": "official"}
    person = ("person", samples.PERSON_ID, "insert", fields)
    a = samples.chain([("cell", "a" * 8, "insert", {"name": "A"}), person])
    b = samples.chain([("cell", "b" * 8, "insert", {"name": "B"}), person])
    other = "7b1f3c2e-8d4a-4f6b-9c7e-1a2b3c4d5e6f"
    path_a = crafted(world, a, folder=tmp_path / "a", code="CB-A")
    world.receive(path_a, confirm=world.receive(path_a).fingerprint)
    path_b = crafted(world, b, folder=tmp_path / "b", code="CB-B", cell_id=other,
                     key=samples.STRANGER)  # fmt: skip
    preview = world.receive(path_b, confirm=world.receive(path_b).fingerprint, dry_run=True)
    [conflict] = preview.summary.conflicts
    assert conflict["kind"] == "person_elsewhere" and conflict["other_cell"] == "CB-A"
    # the sending cell's transfer-out arrives: the same person is then a move
    gone = _continue(a, [("person", samples.PERSON_ID, "update",
                          {"exit": "transferred_out", "exit_date": "2026-10-01"})])  # fmt: skip
    world.receive(crafted(world, a + gone, folder=tmp_path / "a2", code="CB-A"))
    moved = world.receive(path_b, confirm=preview.fingerprint)
    assert moved.summary.conflicts == []
    assert [m["other_cell"] for m in moved.summary.moved_in] == ["CB-A"]
    assert moved.summary.people_added == []  # a move, not a new person


# -- the batch, and the guards ---------------------------------------------------------------------


def test_import_bundles_backs_up_before_writing_and_reports_each_file(kp5, tmp_path):
    good = kp5.export(CODE)
    fingerprint = kp5.fingerprint(CODE)
    use(kp5.upper)
    missing = tmp_path / "khong-co.sochibo-goi"
    preview = upper_import.import_bundles(kp5.upper, [good], dry_run=True)
    assert preview[0].status == "needs_pinning"
    assert backups.list_backups(kp5.upper.register_id) == []
    results = upper_import.import_bundles(
        kp5.upper, [missing, good], confirm_fingerprint=fingerprint
    )
    assert [r.status for r in results] == ["refused", "applied"]
    assert "khong-co.sochibo-goi" in results[0].message
    [made] = backups.list_backups(kp5.upper.register_id)
    assert made.reason == "truoc-nhan-goi" and made.journal_seq < journal.head()[0]
    # nothing to write, nothing to back up: the same bundle again, a dry run
    assert upper_import.import_bundles(kp5.upper, [good])[0].status == "duplicate"
    assert len(backups.list_backups(kp5.upper.register_id)) == 1


def test_the_copy_cannot_be_written_around_its_entries(kp5):
    kp5.first(CODE)
    reg = use(kp5.upper)
    cell = ws.find_cell(CODE)
    sql = (
        "INSERT INTO upper_person (cell_id, id, version, deleted, created_at, updated_at, "
        "full_name, sort_key, sex, membership, exempted, temporarily_away, data) "
        "VALUES (?, 'x', 1, 0, '', '', 'A', '', '', 'official', 0, 0, '{}')"
    )
    with pytest.raises(peewee.IntegrityError, match="no cell entry produced"), reg.atomic():
        reg.db.execute_sql(sql, (cell.id,))
    with pytest.raises(peewee.IntegrityError, match="never deleted"), reg.atomic():
        reg.db.execute_sql("DELETE FROM upper_entry")
    with pytest.raises(peewee.IntegrityError, match="never changed"), reg.atomic():
        reg.db.execute_sql("UPDATE upper_entry SET changes = '{}'")
    bare = (
        "INSERT INTO upper_entry (cell_id, import_id, seq, entity, entity_id, op, changes, "
        "base_version, version, author, at, prev_hash, hash) "
        "VALUES (?, 'nope', 99, 'person', 'x', 'insert', '{}', 0, 1, 'a', 'b', ?, ?)"
    )
    with pytest.raises(peewee.IntegrityError, match="without the import"), reg.atomic():
        reg.db.execute_sql(bare, (cell.id, GENESIS, GENESIS))
    assert checks.check_register(reg).ok
