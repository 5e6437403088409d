"""Transfers between cells with a slip: the sending cell writes it (recording the transfer out
with it, or after it), the receiving cell adds the person under the same id with what its own
procedure needs, and the upper level then sees a move, not a new person. Every refusal leaves
both registers as they were."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from desktop_app.domain.attendance import in_cell_on
from desktop_app.domain.errors import DuplicateError, NotFoundError, StateError, ValidationError
from desktop_app.services import (
    checks,
    development,
    members,
    registers,
    reports,
    rolls,
    sync_cell,
    transfers,
    upper_board,
)
from desktop_app.store import journal, sync_state
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from desktop_app.sync import envelope, slip
from desktop_app.sync.bundle import Entry
from desktop_app.sync.errors import SyncRefused
from desktop_app.sync.upper_keys import UpperKeys, write_enrolment
from tests.conftest import CELL, PASSPHRASE, TODAY
from tests.services import pipeline
from tests.services.pipeline import unchanged
from tests.sync.slip_samples import OTHER_CODE, fast_scrypt  # noqa: F401
from tests.sync.upper_helpers import use, world_fixture  # noqa: F401

pytestmark = pytest.mark.usefixtures("fast_scrypt")
D = dt.date
OTHER = {"name": "Chi bộ Khu phố 5", "code": "CB-KP5", "upper_level": CELL["upper_level"]}
OUT_DAY, IN_DAY = D(2026, 5, 4), D(2026, 5, 11)
PLACE = "Chi bộ Khu phố 5, phường Quy Nhơn Nam"


@pytest.fixture
def other(tmp_path):
    """The receiving cell's register, beside the sending one (``register``)."""
    reg, _ = registers.create_register(
        tmp_path / "kp5" / "kp5.sochibo", PASSPHRASE, OTHER, kdf=FAST_KDF_FOR_TESTS
    )
    yield reg
    reg.close()


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def probationer(reg) -> str:
    """A probationary member with the probation dossier done, awaiting the recognition vote."""
    cell = pipeline.small_cell(reg)
    pid = pipeline.to_probation(reg, cell)
    step = lambda kind, on, **kw: development.record_step(reg, pid, kind, on, today=TODAY, **kw)  # noqa: E731
    step("member_cv", D(2025, 6, 20))
    step("new_member_class", D(2025, 8, 15), details={"certificate_number": "88/CN"})
    step(
        "mentor_comment", D(2025, 9, 1), reason="Tích cực", details={"mentor_id": cell.officials[0]}
    )
    step("self_review", D(2026, 4, 3))
    step("mentor_assessment", D(2026, 4, 4), details={"mentor_id": cell.officials[0]})
    step("probation_comments", D(2026, 4, 5))
    return pid


def send(reg, pid, usb, **options) -> transfers.SlipWritten:
    options.setdefault("today", TODAY)
    return transfers.write_slip(use(reg), pid, usb, **options)


def files(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- a member moves ------------------------------------------------------------------------------


def test_a_probationary_member_moves_with_the_same_id_and_their_dossier(register, other, usb):
    pid = probationer(use(register))
    done = send(register, pid, usb, on=OUT_DAY, place=PLACE, reference="80-QĐ/ĐU")
    assert done.recorded_now and done.transfer_date == OUT_DAY.isoformat()
    assert files(usb) == [done.path.name, done.signature_path.name]
    assert "Duyên" not in done.path.name and pid not in done.path.name
    assert slip.parse_code(done.code) == done.code
    sent = members.get_person(register, pid)
    assert (sent.status, sent.exit_date) == ("transferred_out", OUT_DAY.isoformat())
    a_events = members.list_events(register, pid)
    assert done.events == len(a_events) and a_events[-1].place == PLACE

    preview = transfers.read_slip(use(other), done.path, done.code, on=IN_DAY, today=TODAY)
    assert (preview.kind, preview.person_id, preview.full_name) == (
        "new",
        pid,
        "Huỳnh Thị Mỹ Duyên",
    )
    assert (preview.from_cell_name, preview.from_cell_code) == (CELL["name"], CELL["code"])
    assert preview.fingerprint == done.fingerprint and preview.reference == "80-QĐ/ĐU"
    assert preview.membership_label == "Dự bị" and not preview.duplicates and not preview.warnings
    assert [h.kind for h in preview.history] == [e.kind for e in a_events]
    steps = [h.kind for h in preview.history if h.as_step]
    assert steps == ["member_cv", "new_member_class", "self_review", "mentor_assessment",
                     "probation_comments"]  # fmt: skip

    head = journal.head()
    got = transfers.receive_slip(other, done.path, done.code, on=IN_DAY, today=TODAY)
    assert got.person.id == pid and got.person.status == "probationary"
    assert got.person.ceremony_date == "2025-06-02" and got.person.exit_date is None
    b_events = members.list_events(other, pid)
    assert [e.kind for e in b_events] == [*steps, "transfer_in"]
    carried = {e.id for e in b_events[:-1]}
    assert carried == {h.id for h in preview.history if h.as_step}  # the same ids
    assessment = next(e for e in b_events if e.kind == "mentor_assessment")
    assert "mentor_id" not in assessment.details and assessment.details["mentor_name"]
    arrival = b_events[-1]
    assert (arrival.date, arrival.place, arrival.reference) == (
        IN_DAY.isoformat(),
        CELL["name"],
        "80-QĐ/ĐU",
    )
    assert arrival.details["slip_id"] == done.slip_id
    assert [h["kind"] for h in arrival.details["history"]] == [e.kind for e in a_events]
    written = [Entry(*row) for row in sync_state.entries_after(head[0])]
    assert [(e.entity, e.op) for e in written] == [
        ("person", "insert"),
        *[("person_event", "insert")] * 6,
    ]
    assert checks.check_register(other).ok

    # the new cell counts an arrival, never an admission, and takes the person from that day
    history = reports.history_of(pid)
    assert not history.admitted_here and history.changes == ((IN_DAY, "transfer_in"),)
    presence = rolls.presence_of(pid)
    assert not in_cell_on(presence, IN_DAY - dt.timedelta(days=1)) and in_cell_on(presence, IN_DAY)

    # and its recognition procedure goes on from the dossier that came with the person
    pipeline.small_cell(other)
    development.record_vote(other, pid, "recognition", D(2026, 6, 16), present=4, in_favour=4,
                            today=TODAY)  # fmt: skip
    development.record_step(other, pid, "recognition", D(2026, 7, 1), reference="77-QĐ/ĐU",
                            today=TODAY)  # fmt: skip
    assert members.get_person(other, pid).status == "official"
    assert reports.history_of(pid).recognised == D(2026, 7, 1)


def test_a_member_whose_transfer_out_is_recorded_gets_a_slip(register, other, usb):
    pid = pipeline.official(use(register), "Lê Thị Cúc", "female")
    members.record_event(register, pid, "transfer_out", OUT_DAY, place=PLACE, today=TODAY)
    with unchanged():
        done = send(register, pid, usb)  # the cell's new key is no journalled write
    assert not done.recorded_now and done.destination == PLACE
    got = transfers.receive_slip(use(other), done.path, done.code, on=IN_DAY, today=TODAY)
    assert got.preview.steps == 0 and got.person.official_date == "2001-10-10"
    assert [e.kind for e in members.list_events(other, pid)] == ["transfer_in"]


def test_the_slip_key_is_the_one_enrolment_then_uses(register, other, usb, tmp_path):
    """A cell not yet enrolled makes its key for the slip; enrolling later keeps it, so the
    fingerprint the receiving cell read is the one the upper level pins."""
    pid = pipeline.official(use(register), "Lê Thị Cúc", "female")
    done = send(register, pid, usb, on=OUT_DAY, place=PLACE)
    upper = UpperKeys.generate("Đảng ủy phường Quy Nhơn Nam")
    path = write_enrolment(upper.enrolment_for(CELL["code"]), tmp_path / "cb.sochibo-ghidanh")
    sync_cell.enrol(register, path)
    status = sync_cell.status(register)
    assert status.cell_fingerprint == done.fingerprint and status.cell_key_id == done.key_id


def test_a_member_who_comes_back_is_received_onto_their_old_record(register, other, usb, tmp_path):
    pid = pipeline.official(use(register), "Lê Thị Cúc", "female")
    first = send(register, pid, usb, on=OUT_DAY, place=PLACE)
    transfers.receive_slip(use(other), first.path, first.code, on=IN_DAY, today=TODAY)
    members.update_person(other, pid, {"phone": "0905123456"}, today=TODAY)
    back_usb = tmp_path / "back"
    back_usb.mkdir()
    back = send(other, pid, back_usb, on=D(2026, 9, 1), place=CELL["name"])
    preview = transfers.read_slip(use(register), back.path, back.code, today=TODAY)
    assert preview.kind == "return" and not preview.warnings
    got = transfers.receive_slip(register, back.path, back.code, on=D(2026, 9, 8), today=TODAY)
    assert got.person.id == pid and got.person.status == "official"
    assert got.person.phone == "0905123456" and got.person.exit_date is None
    assert [e.kind for e in members.list_events(register, pid)] == ["transfer_out", "transfer_in"]
    assert checks.check_register(register).ok


# -- what the sending cell refuses ---------------------------------------------------------------


def test_a_slip_is_only_for_a_member_moving_out(register, usb):
    cell = pipeline.small_cell(use(register))
    candidate = pipeline.to_vote(register, cell)
    with unchanged(), pytest.raises(StateError, match=r"Chỉ viết phiếu.*«Quần chúng»"):
        send(register, candidate, usb, on=OUT_DAY, place=PLACE)
    with unchanged(), pytest.raises(StateError, match="chưa ghi chuyển sinh hoạt đi"):
        send(register, cell.officials[0], usb)
    with unchanged(), pytest.raises(StateError, match="chưa ghi chuyển sinh hoạt đi"):
        send(register, cell.officials[0], usb, on=OUT_DAY, place="  ")
    with unchanged(), pytest.raises(NotFoundError):
        send(register, "ffffffff", usb, on=OUT_DAY, place=PLACE)
    members.record_event(register, cell.officials[1], "death", OUT_DAY, today=TODAY)
    with unchanged(), pytest.raises(StateError, match="«Từ trần»"):
        send(register, cell.officials[1], usb, on=OUT_DAY, place=PLACE)
    assert files(usb) == []


def test_a_slip_must_agree_with_the_transfer_recorded(register, usb):
    pid = pipeline.official(use(register), "Lê Thị Cúc", "female")
    members.record_event(register, pid, "transfer_out", OUT_DAY, place=PLACE, today=TODAY)
    with unchanged(), pytest.raises(StateError, match="ngày 04/05/2026, không phải 05/05/2026"):
        send(register, pid, usb, on=D(2026, 5, 5))
    with unchanged(), pytest.raises(StateError, match="đã ghi chuyển đến «Chi bộ Khu phố 5"):
        send(register, pid, usb, place="Chi bộ Phường Ghềnh Ráng")
    assert files(usb) == []


def test_a_transfer_out_without_a_destination_takes_it_from_the_slip(register, other, usb):
    pid = pipeline.official(use(register), "Lê Thị Cúc", "female")
    members.record_event(register, pid, "transfer_out", OUT_DAY, today=TODAY)
    with pytest.raises(StateError, match="chưa ghi nơi chuyển đến"):
        send(register, pid, usb)
    assert send(register, pid, usb, place=PLACE).destination == PLACE


def test_a_missing_folder_is_refused(register, tmp_path):
    pid = pipeline.official(use(register), "Lê Thị Cúc", "female")
    with unchanged(), pytest.raises(SyncRefused, match="USB đã cắm chưa"):
        send(register, pid, tmp_path / "khong-co", on=OUT_DAY, place=PLACE)
    assert members.get_person(register, pid).status == "official"


def test_a_slip_that_cannot_be_written_records_no_transfer(register, usb, monkeypatch):
    pid = pipeline.official(use(register), "Lê Thị Cúc", "female")

    def full(*_args, **_kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(envelope, "write_pair", full)
    with unchanged(), pytest.raises(SyncRefused, match=r"Không ghi được phiếu.*Sổ không thay đổi"):
        send(register, pid, usb, on=OUT_DAY, place=PLACE)
    assert members.get_person(register, pid).status == "official"


def test_a_slip_that_reads_back_wrong_is_removed_and_records_no_transfer(
    register, usb, monkeypatch
):
    pid = pipeline.official(use(register), "Lê Thị Cúc", "female")
    real = envelope.read_pair

    def damaged(path, limit):
        cipher, signature = real(path, limit)
        return cipher[:-1] + bytes([cipher[-1] ^ 1]), signature

    monkeypatch.setattr(envelope, "read_pair", damaged)
    with unchanged(), pytest.raises(SyncRefused, match=r"đọc lại không đúng.*đã xóa bản hỏng"):
        send(register, pid, usb, on=OUT_DAY, place=PLACE)
    assert files(usb) == [] and members.get_person(register, pid).status == "official"


# -- what the receiving cell refuses -------------------------------------------------------------


@pytest.fixture
def sent(register, usb) -> tuple[str, transfers.SlipWritten]:
    pid = pipeline.official(use(register), "Lê Thị Cúc", "female", id_number="052190001234")
    return pid, send(register, pid, usb, on=OUT_DAY, place=PLACE)


def receive(reg, done, **options):
    options.setdefault("today", TODAY)
    return transfers.receive_slip(use(reg), done.path, done.code, **options)


def test_a_wrong_code_is_refused(other, sent):
    _pid, done = sent
    use(other)
    with unchanged(), pytest.raises(SyncRefused, match="mã mở phiếu không đúng"):
        transfers.read_slip(other, done.path, OTHER_CODE)
    with unchanged(), pytest.raises(SyncRefused, match="gõ sai"):
        receive(other, dataclasses.replace(done, code=done.code[:-1] + _other_check(done.code)))


def _other_check(code: str) -> str:
    return next(c for c in "0123456789ABCDEF" if c != code[-1])


def test_a_tampered_byte_is_refused(other, sent):
    _pid, done = sent
    data = bytearray(done.path.read_bytes())
    data[len(data) // 2] ^= 0x20
    done.path.write_bytes(bytes(data))
    use(other)
    with unchanged(), pytest.raises(SyncRefused, match="không khớp với nội dung"):
        receive(other, done)


def test_a_slip_received_twice_is_refused_the_second_time(other, sent):
    pid, done = sent
    receive(other, done, on=IN_DAY)
    with unchanged(), pytest.raises(SyncRefused, match=r"đã được nhận ngày 11/05/2026.*Lê Thị Cúc"):
        receive(other, done)
    with pytest.raises(SyncRefused, match="đã được nhận"):
        transfers.read_slip(other, done.path, done.code, today=TODAY)
    assert [e.kind for e in members.list_events(other, pid)] == ["transfer_in"]


def test_a_slip_for_someone_already_here_is_refused(register, other, sent, usb):
    pid, first = sent
    second = send(register, pid, usb)  # the same member's slip written again
    assert second.slip_id != first.slip_id and second.code != first.code
    receive(other, first, on=IN_DAY)
    with unchanged(), pytest.raises(SyncRefused, match=r"«Lê Thị Cúc» \(mã .{8}\) đã có trong sổ"):
        receive(other, second)


def test_the_sending_cell_cannot_receive_its_own_slip(register, sent):
    _pid, done = sent
    with unchanged(), pytest.raises(SyncRefused, match="do chính chi bộ"):
        receive(register, done)


def test_the_same_id_number_here_blocks_receiving(other, sent):
    _pid, done = sent
    members.add_person(use(other), {"full_name": "Lê Thị Cúc", "sex": "female",
                                     "id_number": "052190001234"}, today=TODAY)  # fmt: skip
    preview = transfers.read_slip(other, done.path, done.code, today=TODAY)
    assert [d["blocking"] for d in preview.duplicates] == [True]
    with unchanged(), pytest.raises(DuplicateError, match="cùng số định danh") as caught:
        receive(other, done, allow_duplicate=True)
    assert caught.value.blocking


def test_a_possible_duplicate_is_received_only_when_confirmed(other, sent):
    pid, done = sent
    members.add_person(use(other), {"full_name": "Lê Thị Cúc", "sex": "female",
                                     "birth_date": "1970"}, today=TODAY)  # fmt: skip
    with unchanged(), pytest.raises(DuplicateError, match="cùng họ tên và ngày sinh"):
        receive(other, done)
    assert receive(other, done, allow_duplicate=True).person.id == pid


def test_a_receiving_day_before_the_transfer_out_is_refused(other, sent):
    _pid, done = sent
    use(other)
    with unchanged(), pytest.raises(StateError, match="trước ngày ra khỏi chi bộ 04/05/2026"):
        receive(other, done, on=D(2026, 5, 1))
    with unchanged(), pytest.raises(StateError, match="trong tương lai"):
        receive(other, done, on=TODAY + dt.timedelta(days=1))


def test_a_file_changed_since_the_preview_is_refused(other, sent):
    _pid, done = sent
    use(other)
    with unchanged(), pytest.raises(SyncRefused, match="đã khác lúc xem"):
        receive(other, done, slip_id="00000000-0000-4000-8000-000000000000")


def test_a_slip_whose_person_breaks_the_rules_is_refused(other, usb, monkeypatch):
    """Content the sending cell's program let through but this one's rules refuse (another
    version, say): the person's problems are named, nothing is written."""
    from tests.sync import slip_samples

    person = {**slip_samples.PERSON, "phone": "12345"}
    name, made = slip_samples.sealed(person, [])
    path = envelope.write_pair(usb, name, made)
    use(other)
    with unchanged(), pytest.raises(ValidationError, match="Số điện thoại"):
        transfers.receive_slip(use(other), path, slip_samples.CODE, today=TODAY)


def test_a_slip_for_another_cell_is_received_with_a_warning(register, other, usb):
    pid = pipeline.official(use(register), "Lê Thị Cúc", "female")
    done = send(register, pid, usb, on=OUT_DAY, place="Chi bộ Phường Ghềnh Ráng")
    preview = transfers.read_slip(use(other), done.path, done.code, today=TODAY)
    assert preview.warnings and "Ghềnh Ráng" in preview.warnings[0]


def test_the_preview_writes_nothing(other, sent):
    _pid, done = sent
    use(other)
    with unchanged():
        transfers.read_slip(other, done.path, done.code, today=TODAY)


# -- the upper level sees a move -------------------------------------------------------------------


def test_the_upper_level_sees_a_move_not_a_new_person(world):
    a = world.add_cell("CB-A", "Chi bộ Khu phố 1")
    world.add_cell("CB-B", "Chi bộ Khu phố 2")
    pid = world.add_person("CB-A", "Nguyễn Thị Hường", birth_date="1970", membership="official",
                           ceremony_date="10/10/2000", official_date="10/10/2001")  # fmt: skip
    world.add_person("CB-B", "Trần Văn Tám", birth_date="1968")
    assert world.first("CB-A").status == "applied" and world.first("CB-B").status == "applied"

    done = transfers.write_slip(use(a), pid, world.usb, on=OUT_DAY, place="Chi bộ Khu phố 2",
                                today=TODAY)  # fmt: skip
    assert done.fingerprint == world.fingerprint("CB-A")  # the key the upper level pinned
    left = world.receive(world.export("CB-A"))
    assert left.status == "applied"
    assert [p["status"] for p in left.summary.people_updated] == ["Đã chuyển đi"]

    b = world.cells["CB-B"]
    transfers.receive_slip(use(b), done.path, done.code, on=IN_DAY, today=TODAY)
    bundle = world.export("CB-B")
    for dry_run in (True, False):
        arrived = world.receive(bundle, dry_run=dry_run)
        assert arrived.status == ("dry_run" if dry_run else "applied"), arrived.message
        summary = arrived.summary
        assert [(m["id"], m["other_cell"]) for m in summary.moved_in] == [(pid, "CB-A")]
        assert "chuyển từ chi bộ «Chi bộ Khu phố 1»" in summary.moved_in[0]["text"]
        assert summary.conflicts == [] and summary.people_added == []
    assert upper_board.people_in_two_cells(use(world.upper)) == []
    assert checks.check_register(world.upper).ok
    assert json.dumps(summary.to_json(), ensure_ascii=False)
