"""What the window reads from the cell's sync service before and after acting: an enrolment
file looked at before it is imported, the last bundle written from this computer, and the
upper level's decisions received."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop_app.services import development, sync_cell
from desktop_app.services import upper_workspace as ws
from desktop_app.store import journal
from desktop_app.sync.errors import SyncRefused
from desktop_app.sync.upper_keys import UpperKeys, write_enrolment
from tests.conftest import CELL, TODAY
from tests.services import pipeline
from tests.sync.upper_helpers import World, use, world_fixture  # noqa: F401

UPPER = "Đảng ủy phường Quy Nhơn Nam"


@pytest.fixture(scope="module")
def upper() -> UpperKeys:
    return UpperKeys.generate(UPPER)


def enrolment(tmp_path, keys: UpperKeys, code: str = CELL["code"], name: str = "ghi-danh"):
    return write_enrolment(keys.enrolment_for(code), tmp_path / f"{name}.sochibo-ghidanh")


def test_a_first_enrolment_file_is_read_without_writing(register, tmp_path, upper):
    head = journal.head()
    seen = sync_cell.preview_enrol(register, enrolment(tmp_path, upper))
    assert (seen.change, seen.upper_name, seen.fingerprint) == ("new", UPPER, upper.fingerprint)
    assert (seen.current_name, seen.current_fingerprint, seen.same_upper) == ("", "", True)
    assert seen.file == "ghi-danh.sochibo-ghidanh"
    assert journal.head() == head and not sync_cell.status(register).enrolled


def test_the_preview_says_what_another_file_would_change(register, tmp_path, upper):
    sync_cell.enrol(register, enrolment(tmp_path, upper))
    again = sync_cell.preview_enrol(register, enrolment(tmp_path, upper, name="lai"))
    assert again.change == "unchanged"
    renamed = dataclasses.replace(upper, name="Đảng ủy phường Quy Nhơn Nam mới")
    seen = sync_cell.preview_enrol(register, enrolment(tmp_path, renamed, name="ten-moi"))
    assert seen.change == "renamed" and seen.same_upper
    other = UpperKeys.generate("Đảng ủy phường Ghềnh Ráng")
    head = journal.head()
    seen = sync_cell.preview_enrol(register, enrolment(tmp_path, other, name="khac"))
    assert (seen.change, seen.same_upper) == ("replaced", False)
    assert (seen.current_name, seen.current_fingerprint) == (UPPER, upper.fingerprint)
    assert seen.fingerprint == other.fingerprint
    assert journal.head() == head


def test_the_preview_refuses_what_enrol_would_refuse(register, tmp_path, upper):
    garbage = tmp_path / "rac.sochibo-ghidanh"
    garbage.write_bytes(b"\x89PNG not an enrolment")
    with pytest.raises(SyncRefused, match="không dùng được"):
        sync_cell.preview_enrol(register, garbage)
    with pytest.raises(SyncRefused, match="CB-KHAC"):
        sync_cell.preview_enrol(register, enrolment(tmp_path, upper, code="CB-KHAC"))


def test_enrol_refuses_a_file_that_changed_since_it_was_shown(register, tmp_path, upper):
    path = enrolment(tmp_path, upper)
    shown = sync_cell.preview_enrol(register, path).fingerprint
    other = UpperKeys.generate(UPPER)
    write_enrolment(other.enrolment_for(CELL["code"]), path)  # swapped on the stick
    head = journal.head()
    with pytest.raises(SyncRefused, match="đã khác lúc xem"):
        sync_cell.enrol(register, path, fingerprint=shown)
    assert journal.head() == head and not sync_cell.status(register).enrolled
    done = sync_cell.enrol(register, path, fingerprint=other.fingerprint)
    assert done.status.upper_fingerprint == other.fingerprint


def test_the_last_bundle_sent_is_remembered_on_this_computer(register, tmp_path, upper):
    sync_cell.enrol(register, enrolment(tmp_path, upper))
    assert sync_cell.last_sent(register) is None
    usb = tmp_path / "usb"
    usb.mkdir()
    done = sync_cell.export_bundle(register, usb)
    note = sync_cell.last_sent(register)
    assert note is not None
    assert (note.file, note.folder, note.upper_name) == (done.path.name, str(usb), UPPER)
    assert (note.seq_from, note.seq_to, note.entries) == (1, done.seq_to, done.entries)
    assert note.created_at == done.created_at


def test_a_damaged_note_is_no_last_bundle(register, tmp_path, upper):
    sync_cell.enrol(register, enrolment(tmp_path, upper))
    target = sync_cell._sent_path(register)
    target.parent.mkdir(parents=True)
    target.write_text('{"file": 3}', encoding="utf-8")
    assert sync_cell.last_sent(register) is None


def test_decisions_received_are_listed_newest_first(world):
    code = "CB-NT"
    reg = world.add_cell(code, CELL["name"])
    cell = pipeline.small_cell(reg)
    pid = pipeline.to_vote(reg, cell)
    development.record_vote(reg, pid, "admission", dt.date(2025, 4, 8), present=4, in_favour=4,
                            reference="03-NQ/CB", today=TODAY)  # fmt: skip
    assert sync_cell.received_decisions(use(reg)) == []
    assert world.first(code).status == "applied"
    use(world.upper)
    ws.decide(world.upper, code, pid, "admission", number="45-QĐ/ĐU",
              on=dt.date(2025, 5, 12), today=TODAY)  # fmt: skip
    ws.decide(world.upper, code, cell.officials[0], "transfer", number="51-QĐ/ĐU",
              on=dt.date(2025, 6, 2), today=TODAY)  # fmt: skip
    world.take_receipt(code, world.receipt(code))
    got = sync_cell.received_decisions(use(reg))
    assert [(d.person_name, d.kind, d.number, d.date) for d in got] == [
        ("Nguyễn Văn An", "transfer", "51-QĐ/ĐU", "2025-06-02"),
        ("Huỳnh Thị Mỹ Duyên", "admission", "45-QĐ/ĐU", "2025-05-12"),
    ]
    assert got[1].label == "Quyết định kết nạp" and got[1].outcome == "recorded"
