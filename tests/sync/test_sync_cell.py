"""The cell's side through its services: enrolment, the export the upper level can read, the
acknowledgement that makes the next bundle start later, and the refusals that write nothing."""

from __future__ import annotations

import base64
import json

import peewee
import pytest

from desktop_app.services import cell as cell_service
from desktop_app.services import checks, members, registers, sync_cell
from desktop_app.store import journal, sync_state
from desktop_app.store.database import Register
from desktop_app.store.errors import DamagedRegister
from desktop_app.store.models import JOURNALLED, SyncIdentity
from desktop_app.sync import bundle, crypto, envelope
from desktop_app.sync.errors import SyncRefused
from desktop_app.sync.upper_keys import UpperKeys, write_enrolment
from tests.conftest import CELL, PASSPHRASE, TODAY
from tests.sync.conftest import cell_key


def add(reg: Register, name: str = "Phạm Thị Ngọc Ánh") -> str:
    return members.add_person(reg, {"full_name": name, "sex": "female"}, today=TODAY).id


def read_back(path, reg, upper: UpperKeys) -> bundle.Bundle:
    return bundle.read_bundle_file(path, pinned=cell_key(reg), identity=upper.identity)


def state(reg: Register) -> tuple:
    return journal.head(), SyncIdentity.select().count()


# -- enrolment -----------------------------------------------------------------------------------


def test_enrol_makes_the_cells_keys_and_journals_the_public_ones(register, enrolment_file, upper):
    before = journal.head()[0]
    result = sync_cell.enrol(register, enrolment_file)
    assert result.change == "new"
    status = result.status
    assert status.enrolled and status.upper_name == upper.name
    assert status.upper_fingerprint == upper.fingerprint
    assert status.acked_seq == 0 and status.pending == status.head_seq == before + 1
    identity = sync_state.identity()
    assert identity.key_id == status.cell_key_id == cell_key(register).key_id_hex
    [entry] = journal.entries_for(sync_state.enrolment().id)
    shown = json.loads(entry.changes)
    assert shown["cell_public_key"] == identity.public_key
    assert shown["upper_recipient"] == upper.recipient
    assert "sealed" not in entry.changes and identity.sealed not in entry.changes
    assert checks.check_register(register).ok
    assert journal.replay_mismatches(JOURNALLED) == []


def test_the_secret_keys_are_sealed_and_never_leave(enrolled, usb, upper):
    signing, receipts = sync_cell._keys(enrolled)
    seed = base64.b64encode(signing.seed).decode()
    row = sync_state.identity()
    assert seed not in row.sealed and receipts.secret not in row.sealed
    with pytest.raises(DamagedRegister):
        sync_state.open_secret(b"\x00" * 32, enrolled.register_id, row.key_id, row.sealed)
    with pytest.raises(DamagedRegister):
        sync_state.open_secret(enrolled.data_key, "another-register", row.key_id, row.sealed)
    done = sync_cell.export_bundle(enrolled, usb)
    plaintext = crypto.decrypt(done.path.read_bytes(), upper.identity)
    everything = (
        plaintext
        + done.signature_path.read_bytes()
        + b"".join(str(r.changes).encode() for r in journal.entries_for(sync_state.enrolment().id))
    )
    for secret in (seed, receipts.secret, row.sealed):
        assert secret.encode() not in everything


def test_the_identity_is_never_changed_or_deleted(enrolled):
    with pytest.raises(peewee.IntegrityError, match="never changed"), enrolled.atomic():
        SyncIdentity.update(public_key="x").execute()
    with pytest.raises(peewee.IntegrityError, match="never deleted"), enrolled.atomic():
        SyncIdentity.delete().execute()


def test_an_enrolment_for_another_cell_is_refused(register, upper, tmp_path):
    other = write_enrolment(upper.enrolment_for("CB-KHAC"), tmp_path / "khac.sochibo-ghidanh")
    before = state(register)
    with pytest.raises(SyncRefused, match="dành cho chi bộ mã «CB-KHAC»"):
        sync_cell.enrol(register, other)
    wrong_id = upper.enrolment_for(CELL["code"], "0c9d8e7f-6a5b-4c3d-8e1f-2a3b4c5d6e7f")
    with pytest.raises(SyncRefused, match="một chi bộ khác"):
        sync_cell.enrol(register, write_enrolment(wrong_id, tmp_path / "id.sochibo-ghidanh"))
    assert state(register) == before
    assert not sync_cell.status(register).enrolled


def test_the_code_is_compared_without_case_or_accents(register, upper, tmp_path):
    made = upper.enrolment_for("cb-nt", cell_service.get_cell(register).id)
    path = write_enrolment(made, tmp_path / "x.sochibo-ghidanh")
    assert sync_cell.enrol(register, path).change == "new"


def test_enrolling_again(enrolled, enrolment_file, upper, tmp_path):
    before, key_id = state(enrolled), sync_cell.status(enrolled).cell_key_id
    assert sync_cell.enrol(enrolled, enrolment_file).change == "unchanged"
    assert state(enrolled) == before
    renamed = UpperKeys(upper.upper_id, "Đảng ủy phường Quy Nhơn", upper.identity, upper.signing)
    path = write_enrolment(renamed.enrolment_for("CB-NT"), tmp_path / "ten.sochibo-ghidanh")
    result = sync_cell.enrol(enrolled, path)
    assert result.change == "renamed" and result.status.upper_name == "Đảng ủy phường Quy Nhơn"
    assert result.status.cell_key_id == key_id and SyncIdentity.select().count() == 1


def test_other_upper_level_keys_need_replace(enrolled, upper, tmp_path):
    seq, head = journal.head()
    sync_cell.acknowledge(enrolled, upper_id=upper.upper_id, seq=seq, chain_hash=head)
    key_id = sync_cell.status(enrolled).cell_key_id
    # the same upper level with new keys (a new machine): keeps what it acknowledged
    rotated = UpperKeys(upper.upper_id, upper.name, crypto.AgeIdentity.generate(), upper.signing)
    path = write_enrolment(rotated.enrolment_for("CB-NT"), tmp_path / "moi.sochibo-ghidanh")
    before = state(enrolled)
    with pytest.raises(SyncRefused, match=f"vân tay {rotated.fingerprint}.*--replace"):
        sync_cell.enrol(enrolled, path)
    assert state(enrolled) == before
    result = sync_cell.enrol(enrolled, path, replace=True)
    assert result.change == "replaced" and result.status.acked_seq == seq
    assert result.status.upper_fingerprint == rotated.fingerprint
    # another upper level altogether: it has received nothing yet
    stranger = UpperKeys.generate("Đảng ủy xã Phước Lộc")
    path = write_enrolment(stranger.enrolment_for("CB-NT"), tmp_path / "xa.sochibo-ghidanh")
    result = sync_cell.enrol(enrolled, path, replace=True)
    assert result.status.acked_seq == 0 and result.status.upper_id == stranger.upper_id
    assert result.status.cell_key_id == key_id  # the cell keeps its own identity
    assert checks.check_register(enrolled).ok


# -- export ----------------------------------------------------------------------------------------


def test_export_writes_a_bundle_the_upper_level_reads(enrolled, usb, upper):
    add(enrolled)
    done = sync_cell.export_bundle(enrolled, usb)
    head_seq, head_hash = journal.head()
    assert done.path.name == f"CB-NT.000001-{head_seq:06d}.sochibo-goi"
    assert sorted(p.name for p in usb.iterdir()) == [done.path.name, done.signature_path.name]
    got = read_back(done.path, enrolled, upper)
    rows = journal.entries_for(sync_state.enrolment().id)
    assert got.manifest.seq_to == head_seq and got.manifest.head_hash == head_hash
    assert got.manifest.upper_id == upper.upper_id and got.manifest.cell_code == CELL["code"]
    assert got.manifest.check["ok"] is True and got.manifest.schema >= 5
    assert [e.hash for e in got.entries] == [r[10] for r in sync_state.entries_after(0)]
    assert rows[0].hash in {e.hash for e in got.entries}  # the cell's public keys travel
    assert done.to_json()["safe_to_remove"] and done.entries == head_seq
    assert done.cell_fingerprint == sync_cell.status(enrolled).cell_fingerprint


def test_export_is_cumulative_until_acknowledged(enrolled, usb, upper):
    first = sync_cell.export_bundle(enrolled, usb)
    add(enrolled)
    second = sync_cell.export_bundle(enrolled, usb)
    assert second.seq_from == first.seq_from == 1  # nothing acknowledged: all again
    sync_cell.acknowledge(
        enrolled, upper_id=upper.upper_id, seq=first.seq_to, chain_hash=first.head_hash
    )
    add(enrolled, "Võ Thị Sáu")
    third = sync_cell.export_bundle(enrolled, usb)
    assert (third.seq_from, third.seq_to) == (first.seq_to + 1, journal.head()[0])
    got = read_back(third.path, enrolled, upper)
    assert got.manifest.prev_hash == first.head_hash
    assert {e.entity for e in got.entries} >= {"person", "sync_enrolment"}  # the ack is news
    seq, head = journal.head()
    sync_cell.acknowledge(enrolled, upper_id=upper.upper_id, seq=seq, chain_hash=head)
    status = sync_cell.status(enrolled)
    assert status.head_seq == seq + 1 and status.pending == 0  # the acknowledgement is no news
    with pytest.raises(SyncRefused, match="Không có gì mới để gửi"):
        sync_cell.export_bundle(enrolled, usb)
    add(enrolled, "Lý Thị Mai")
    fourth = sync_cell.export_bundle(enrolled, usb)
    assert (fourth.seq_from, fourth.entries) == (seq + 1, 2)  # the acknowledgement travels too


def test_acknowledgements_that_do_not_fit_are_refused(enrolled, upper):
    seq, head = journal.head()
    before = state(enrolled)
    with pytest.raises(SyncRefused, match="cấp ủy khác"):
        sync_cell.acknowledge(enrolled, upper_id=UpperKeys.generate("X").upper_id, seq=1,
                              chain_hash=head)  # fmt: skip
    with pytest.raises(SyncRefused, match="khác mục số"):
        sync_cell.acknowledge(enrolled, upper_id=upper.upper_id, seq=seq, chain_hash="a" * 64)
    with pytest.raises(SyncRefused, match="bản sao lưu cũ"):
        sync_cell.acknowledge(enrolled, upper_id=upper.upper_id, seq=seq + 5, chain_hash=head)
    assert state(enrolled) == before
    sync_cell.acknowledge(enrolled, upper_id=upper.upper_id, seq=seq, chain_hash=head)
    after = state(enrolled)
    first = sync_state.hash_at(1)
    sync_cell.acknowledge(enrolled, upper_id=upper.upper_id, seq=1, chain_hash=first)  # older
    assert state(enrolled) == after and sync_cell.status(enrolled).acked_seq == seq


def test_export_refusals_write_nothing(register, enrolment_file, usb, tmp_path):
    with pytest.raises(SyncRefused, match="chưa ghi danh"):
        sync_cell.export_bundle(register, usb)
    sync_cell.enrol(register, enrolment_file)
    with pytest.raises(SyncRefused, match="USB đã cắm chưa"):
        sync_cell.export_bundle(register, tmp_path / "khong-co")
    register.db.execute_sql("DROP TRIGGER journal_append_only_update")  # someone with the key
    register.db.execute_sql("UPDATE journal SET author = 'x' WHERE seq = 1")
    with pytest.raises(SyncRefused, match=r"Sổ đang có vấn đề nên chưa xuất gói.*bị sửa"):
        sync_cell.export_bundle(register, usb)
    assert list(usb.iterdir()) == []


def test_a_bad_read_back_removes_the_copy(enrolled, usb, monkeypatch):
    real = envelope.read_pair

    def damaged(path, limit):
        cipher, signature = real(path, limit)
        return cipher[:-1] + bytes([cipher[-1] ^ 1]), signature

    monkeypatch.setattr(envelope, "read_pair", damaged)
    with pytest.raises(SyncRefused, match=r"đọc lại không đúng.*đã xóa bản hỏng"):
        sync_cell.export_bundle(enrolled, usb)
    assert list(usb.iterdir()) == []


def test_a_folder_that_cannot_be_written_is_a_clean_refusal(enrolled, usb, monkeypatch):
    def full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(envelope, "_durable_write", full)
    with pytest.raises(SyncRefused, match="Không ghi được gói vào"):
        sync_cell.export_bundle(enrolled, usb)
    assert list(usb.iterdir()) == []


def test_the_keys_survive_closing_and_reopening(enrolled, usb, upper):
    key = cell_key(enrolled)
    path = enrolled.path
    enrolled.close()
    with Register.open(path, PASSPHRASE) as again:
        done = sync_cell.export_bundle(again, usb)
        assert cell_key(again) == key
        got = bundle.read_bundle_file(done.path, pinned=key, identity=upper.identity)
        assert got.manifest.key_id == key.key_id_hex


def test_the_demo_register_exports_and_validates(demo_register, upper, usb, tmp_path):
    code = cell_service.get_cell(demo_register).code
    path = write_enrolment(upper.enrolment_for(code), tmp_path / "demo.sochibo-ghidanh")
    sync_cell.enrol(demo_register, path)
    done = sync_cell.export_bundle(demo_register, usb)
    got = read_back(done.path, demo_register, upper)
    assert len(got.entries) == journal.head()[0] > 100
    assert {"person", "meeting", "attendance", "person_event"} <= set(
        got.manifest.counts["entities"]
    )


def test_a_register_of_an_older_schema_gains_the_sync_tables(register_path, monkeypatch):
    from desktop_app.store import migrations
    from desktop_app.store.keys import FAST_KDF_FOR_TESTS

    monkeypatch.setattr(migrations, "STEPS", {k: migrations.STEPS[k] for k in range(1, 5)})
    monkeypatch.setattr(migrations, "LATEST", 4)
    reg, _ = registers.create_register(register_path, PASSPHRASE, CELL, kdf=FAST_KDF_FOR_TESTS)
    reg.close()
    monkeypatch.undo()
    with Register.open(register_path, PASSPHRASE) as reg:
        assert reg.pragma("user_version") == migrations.LATEST >= 5
        assert not sync_cell.status(reg).enrolled
