"""The upper level's workspace: its own register with sealed keys, its cells, quotas,
decisions and conflicts, and the refusals that write nothing."""

from __future__ import annotations

import base64
import datetime as dt
import json

import peewee
import pytest

from desktop_app.domain.errors import NotFoundError, StateError, ValidationError
from desktop_app.services import checks, sync_cell
from desktop_app.services import upper_workspace as ws
from desktop_app.store import journal, upper
from desktop_app.store.database import Register
from desktop_app.store.errors import DamagedRegister
from desktop_app.store.upper_models import UpperIdentity
from desktop_app.sync.enrolment import read_enrolment_file
from tests.conftest import PASSPHRASE, TODAY
from tests.sync.upper_helpers import UPPER_NAME, World, use, world_fixture  # noqa: F401


def test_the_workspace_is_a_register_marked_upper_with_its_keys_sealed(world):
    reg = use(world.upper)
    assert ws.is_workspace(reg) and upper.register_kind() == "upper"
    keys = ws.upper_keys(reg)
    view = ws.show(reg)
    assert view.name == UPPER_NAME and view.fingerprint == keys.fingerprint
    assert view.recipient.startswith("age1") and view.cells == 0
    row = upper.identity()
    seed = base64.b64encode(keys.signing.seed).decode()
    assert seed not in row.sealed and keys.identity.secret not in row.sealed
    journalled = "".join(str(e.changes) for e in journal.entries_for(keys.upper_id))
    assert keys.recipient in journalled and keys.identity.secret not in journalled
    assert checks.check_register(reg).ok
    reg.close()  # the keys open again from the file, with the passphrase
    again = Register.open(reg.path, PASSPHRASE)
    world.upper = again
    assert ws.upper_keys(again).fingerprint == keys.fingerprint


def test_the_identity_is_never_changed_and_a_damaged_seal_is_named(world):
    reg = use(world.upper)
    with pytest.raises(peewee.IntegrityError, match="never changed"), reg.atomic():
        UpperIdentity.update(sealed="x").execute()
    reg.data_key = b"\x01" * 32  # as if the seal were opened with another register's key
    with pytest.raises(DamagedRegister, match="cấp ủy cấp trên"):
        ws.upper_keys(reg)


def test_a_cell_register_is_not_a_workspace_and_a_workspace_not_a_cell(world, register):
    with pytest.raises(StateError, match="là sổ của chi bộ, không phải sổ làm việc"):
        ws.show(use(register))
    world_reg = use(world.upper)
    with pytest.raises(StateError, match="là sổ làm việc của cấp ủy cấp trên"):
        sync_cell.export_bundle(world_reg, world.usb)


def test_a_weak_passphrase_or_an_empty_name_makes_no_file(tmp_path):
    folder = tmp_path / "ws"
    with pytest.raises(ValidationError):
        ws.create_workspace(folder / "a.sochibo", "ngắn", UPPER_NAME)
    with pytest.raises(StateError, match="Tên cấp ủy cấp trên"):
        ws.create_workspace(folder / "a.sochibo", PASSPHRASE, "   ")
    assert not folder.exists()


def test_enrolling_a_cell_writes_a_file_the_cell_reads_and_records_it_once(world, tmp_path):
    reg = use(world.upper)
    done = ws.enrol_cell(reg, "CB-KP5", tmp_path, name="Chi bộ Khu phố 5")
    assert done.new and done.path == tmp_path / "CB-KP5.sochibo-ghidanh"
    found = read_enrolment_file(done.path)
    assert found.fingerprint == world.keys.fingerprint and found.cell_code == "CB-KP5"
    assert found.upper_id == world.keys.upper_id and found.cell_id is None
    head = journal.head()
    again = ws.enrol_cell(reg, "cb-kp5", tmp_path / "lai.sochibo-ghidanh")
    assert not again.new and again.cell.id == done.cell.id and journal.head() == head
    assert [c.code for c in ws.list_cells(reg)] == ["CB-KP5"]


@pytest.mark.parametrize("code", ["", "   ", "x" * 41])
def test_a_bad_cell_code_is_refused(world, tmp_path, code):
    reg = use(world.upper)
    head = journal.head()
    with pytest.raises(StateError, match="Mã chi bộ"):
        ws.enrol_cell(reg, code, tmp_path)
    assert journal.head() == head


def test_an_enrolment_into_a_missing_folder_records_nothing(world, tmp_path):
    reg = use(world.upper)
    head = journal.head()
    with pytest.raises(StateError, match="Không thấy thư mục"):
        ws.enrol_cell(reg, "CB-KP5", tmp_path / "khong-co" / "x.sochibo-ghidanh")
    assert journal.head() == head and ws.list_cells(reg) == []


def test_quotas_are_set_corrected_and_checked(world):
    world.add_cell("CB-KP5", "Chi bộ Khu phố 5")
    reg = use(world.upper)
    assert ws.set_quota(reg, "CB-KP5", 2026, 3, today=TODAY).change == "new"
    assert ws.set_quota(reg, "cb-kp5", 2026, 3, today=TODAY).change == "unchanged"
    assert ws.set_quota(reg, "CB-KP5", 2026, 4, today=TODAY).change == "updated"
    assert [(q.year, q.count) for q in upper.quotas()] == [(2026, 4)]
    head = journal.head()
    with pytest.raises(ValidationError, match="CB-KP5"):
        ws.set_quota(reg, "CB-KP5", 2031, 3, today=TODAY)
    with pytest.raises(ValidationError, match="Chỉ tiêu kết nạp"):
        ws.set_quota(reg, "CB-KP5", 2026, -1, today=TODAY)
    with pytest.raises(NotFoundError, match="chưa ghi danh chi bộ mã «CB-X»"):
        ws.set_quota(reg, "CB-X", 2026, 1, today=TODAY)
    assert journal.head() == head


def test_decisions_need_a_person_the_cell_reported_in_the_right_standing(world):
    world.add_cell("CB-KP5", "Chi bộ Khu phố 5")
    official = world.add_person(
        "CB-KP5", "Lê Văn Tám", membership="official", ceremony_date="10/10/2000",
        official_date="10/10/2001",
    )  # fmt: skip
    candidate = world.add_person("CB-KP5", "Đặng Thị Mai")
    assert world.first("CB-KP5").status == "applied"
    reg = use(world.upper)
    head = journal.head()
    cases = [
        (official, "admission", StateError, "đang là chính thức"),
        (candidate, "recognition", StateError, "đang là quần chúng"),
        ("zzzzzzzz", "admission", NotFoundError, "không có người nào mang mã «zzzzzzzz»"),
    ]
    for person, kind, error, match in cases:
        with pytest.raises(error, match=match):
            ws.decide(reg, "CB-KP5", person, kind, number="12-QĐ/ĐU", on=TODAY, today=TODAY)
    with pytest.raises(StateError, match="ngày trong tương lai"):
        ws.decide(reg, "CB-KP5", candidate, "admission", number="1", on=dt.date(2027, 1, 1),
                  today=TODAY)  # fmt: skip
    with pytest.raises(StateError, match="số quyết định"):
        ws.decide(reg, "CB-KP5", candidate, "admission", number=" ", on=TODAY, today=TODAY)
    assert journal.head() == head
    made = ws.decide(
        reg, "CB-KP5", candidate[:8], "admission", number="12-QĐ/ĐU", on=TODAY, today=TODAY
    )
    assert made.change == "new" and made.person_name == "Đặng Thị Mai"
    fixed = ws.decide(reg, "CB-KP5", candidate, "admission", number="13-QĐ/ĐU", on=TODAY,
                      today=TODAY)  # fmt: skip
    assert fixed.change == "updated" and fixed.id == made.id
    assert [(d.number, d.kind) for d in ws.list_decisions(reg)] == [("13-QĐ/ĐU", "admission")]
    assert checks.check_register(reg).ok


def test_conflicts_are_closed_with_a_note_once(world, tmp_path):
    from tests.sync import samples
    from tests.sync.upper_helpers import crafted

    reg = use(world.upper)
    ws.enrol_cell(reg, "CB-KP5", tmp_path)
    late = samples.chain(start=5, prev="a" * 64)
    path = crafted(world, late, folder=tmp_path / "usb")
    fingerprint = world.receive(path).fingerprint
    held = world.receive(path, confirm=fingerprint)
    assert held.status == "gap" and held.conflict_id
    [open_] = ws.list_conflicts(reg)
    assert open_.kind == "gap" and open_.cell_code == "CB-KP5" and open_.at_seq == 1
    with pytest.raises(StateError, match="Cách giải quyết"):
        ws.resolve_conflict(reg, open_.id, "  ")
    with pytest.raises(NotFoundError):
        ws.resolve_conflict(reg, "zzzz", "x")
    done = ws.resolve_conflict(reg, open_.id[:8], "Đã gọi chi bộ xuất lại gói từ đầu")
    assert done.resolved_at and ws.list_conflicts(reg) == []
    assert len(ws.list_conflicts(reg, open_only=False)) == 1
    with pytest.raises(StateError, match="đã được giải quyết"):
        ws.resolve_conflict(reg, open_.id, "lần nữa")
    entry = json.loads(journal.entries_for(open_.id)[-1].changes)
    assert entry["resolution"] == "Đã gọi chi bộ xuất lại gói từ đầu"
