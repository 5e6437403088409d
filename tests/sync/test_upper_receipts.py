"""Receipts through the services: the upper level writes what it applied, its quotas and its
decisions; the cell moves its acknowledged point, records the decisions on the people
concerned and keeps the quotas; a receipt twice, an older one, one for another cell or one
that does not match the cell's journal changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.services import checks, members, ratings, sync_cell
from desktop_app.services import upper_workspace as ws
from desktop_app.store import journal
from desktop_app.sync import envelope, receipt
from desktop_app.sync.errors import SyncRefused
from tests.conftest import TODAY
from tests.services import pipeline
from tests.sync.upper_helpers import World, use, world_fixture  # noqa: F401

CODE = "CB-NT"
D = dt.date


@pytest.fixture
def nt(world):
    """A cell whose candidate the cell voted to admit, its first bundle at the upper level."""
    reg = world.add_cell(CODE, "Chi bộ Trường THPT Nguyễn Trân")
    cell = pipeline.small_cell(reg)
    pid = pipeline.to_vote(reg, cell)
    from desktop_app.services import development

    development.record_vote(reg, pid, "admission", D(2025, 4, 8), present=4, in_favour=4,
                            reference="03-NQ/CB", today=TODAY)  # fmt: skip
    development.record_step(reg, pid, "upper_review", D(2025, 4, 20), today=TODAY)
    assert world.first(CODE).status == "applied"
    world.candidate = pid
    world.officials = cell.officials
    return world


def events_of(reg, person_id: str) -> list[tuple[str, str, str]]:
    return [(e.kind, e.date, e.reference) for e in members.list_events(use(reg), person_id)]


def test_a_receipt_brings_the_acknowledgement_quota_and_decisions(nt):
    use(nt.upper)
    ws.set_quota(nt.upper, CODE, 2026, 2, today=TODAY)
    ws.decide(nt.upper, CODE, nt.candidate, "admission", number="45-QĐ/ĐU", on=D(2025, 5, 12),
              today=TODAY)  # fmt: skip
    applied = ws.find_cell(CODE).applied_seq
    path = nt.receipt(CODE)
    assert path.name == f"{CODE}.nhan-{applied:06d}.sochibo-biennhan"
    assert envelope.signature_path(path).is_file()
    cell = use(nt.cells[CODE])
    done = nt.take_receipt(CODE, path)
    assert done.change == "new" and done.applied_seq == applied
    [got] = done.decisions
    assert got.outcome == "recorded" and got.person_name == "Huỳnh Thị Mỹ Duyên"
    assert ("admission_decision", "2025-05-12", "45-QĐ/ĐU") in events_of(cell, nt.candidate)
    status = sync_cell.status(use(cell))
    assert status.acked_seq == applied and status.receipt_issued_at and status.quota(2026) == 2
    [quota] = ratings.list_quotas(cell)
    assert (quota.year, quota.quota, quota.source) == (2026, 2, "upper")
    assert checks.check_register(cell).ok
    # the same receipt again: nothing
    head = journal.head()
    again = nt.take_receipt(CODE, path)
    assert again.change == "already" and [d.outcome for d in again.decisions] == ["recorded"]
    assert journal.head() == head


def test_decisions_the_cell_holds_are_not_sent_again_and_a_correction_is(nt):
    use(nt.upper)
    ws.decide(nt.upper, CODE, nt.candidate, "admission", number="45-QĐ/ĐU", on=D(2025, 5, 12),
              today=TODAY)  # fmt: skip
    nt.take_receipt(CODE, nt.receipt(CODE))
    assert nt.receive(nt.export(CODE)).status == "applied"  # the cell reports what it got
    quiet = nt.receipt(CODE)
    assert nt.take_receipt(CODE, quiet).decisions == []
    use(nt.upper)
    ws.decide(nt.upper, CODE, nt.candidate, "admission", number="46-QĐ/ĐU", on=D(2025, 5, 13),
              today=TODAY)  # fmt: skip
    fixed = nt.take_receipt(CODE, nt.receipt(CODE))
    [got] = fixed.decisions
    assert got.outcome == "differs" and "45-QĐ/ĐU" in got.outcome_text
    assert "46-QĐ/ĐU" in got.outcome_text and got.number == "46-QĐ/ĐU"


def test_a_decision_the_rules_do_not_allow_yet_waits_for_the_secretary(nt):
    reg = use(nt.cells[CODE])
    probationer = pipeline.official(reg, "Bùi Thị Hoa", membership="probationary",
                                    ceremony_date="02/06/2026", official_date=None)  # fmt: skip
    nt.receive(nt.export(CODE))
    use(nt.upper)
    ws.decide(nt.upper, CODE, probationer, "recognition", number="77-QĐ/ĐU", on=D(2026, 7, 1),
              today=TODAY)  # fmt: skip
    ws.decide(nt.upper, CODE, nt.officials[0], "transfer", number="80-QĐ/ĐU", on=D(2026, 8, 1),
              today=TODAY)  # fmt: skip
    done = nt.take_receipt(CODE, nt.receipt(CODE))
    outcomes = {d.kind: d for d in done.decisions}
    assert outcomes["recognition"].outcome == "manual"
    assert "chưa đủ 12 tháng dự bị" in outcomes["recognition"].outcome_text
    assert outcomes["transfer"].outcome == "noted"
    assert [e[0] for e in events_of(nt.cells[CODE], probationer)] == []
    assert checks.check_register(use(nt.cells[CODE])).ok


def test_an_older_receipt_does_not_move_the_acknowledgement_back(nt):
    old = nt.receipt(CODE)
    nt.add_person(CODE, "Lý Thị Thu")
    nt.receive(nt.export(CODE))
    new = nt.receipt(CODE)
    nt.take_receipt(CODE, new)
    acked = sync_cell.status(use(nt.cells[CODE])).acked_seq
    older = nt.take_receipt(CODE, old)
    assert older.change == "new" and older.status.acked_seq == acked > older.applied_seq
    assert older.status.receipt_issued_at > older.issued_at  # the newest receipt still shows


def _with(world: World, tmp_path, **lies) -> object:
    """A receipt from the world's upper level to the cell, lying in one way."""
    keys = world.keys
    cell = ws.find_cell(CODE)
    head = receipt.new_header(
        upper_id=keys.upper_id, upper_name=keys.name, upper_key=keys.public,
        cell_id=cell.cell_uuid, cell_code=cell.code, applied_seq=cell.applied_seq,
        applied_hash=cell.applied_hash, last_bundle_id=None, quotas=[], decisions=0,
        created_at=journal.now_utc(),
    )  # fmt: skip
    import dataclasses

    head = dataclasses.replace(head, **lies)
    name, made = receipt.seal_receipt(head, [], key=keys.signing, recipient=cell.recipient)
    tmp_path.mkdir(exist_ok=True)
    return envelope.write_pair(tmp_path, name, made)


def test_receipts_that_do_not_fit_the_cell_are_refused_and_write_nothing(nt, tmp_path):
    use(nt.upper)
    cases = [
        ({"cell_id": "7b1f3c2e-8d4a-4f6b-9c7e-1a2b3c4d5e6f"}, "dành cho chi bộ mã «CB-NT»"),
        ({"applied_hash": "c" * 64}, "khác mục số"),
        ({"applied_seq": 10_000}, "nhật ký của sổ chỉ đến mục số"),
    ]
    paths = [(_with(nt, tmp_path / str(i), **lies), match) for i, (lies, match) in
             enumerate(cases)]  # fmt: skip
    reg = use(nt.cells[CODE])
    head = journal.head()
    for path, match in paths:
        with pytest.raises(SyncRefused, match=match):
            sync_cell.import_receipt(reg, path, today=TODAY)
    assert journal.head() == head and sync_cell.status(reg).acked_seq == 0


def test_a_receipt_from_a_stranger_is_refused(nt, tmp_path):
    from tests.sync import receipt_samples

    name, made = receipt_samples.sealed()
    path = envelope.write_pair(tmp_path, name, made)
    reg = use(nt.cells[CODE])
    head = journal.head()
    with pytest.raises(SyncRefused, match="ký bằng khóa"):
        sync_cell.import_receipt(reg, path, today=TODAY)
    assert journal.head() == head


def test_no_receipt_for_a_cell_that_never_sent_a_bundle(world, tmp_path):
    use(world.upper)
    ws.enrol_cell(world.upper, "CB-LA", tmp_path)
    with pytest.raises(SyncRefused, match="cấp trên chưa nhận gói nào"):
        world.receipt("CB-LA")


def test_the_second_round_starts_after_the_acknowledged_entry(nt):
    nt.take_receipt(CODE, nt.receipt(CODE))
    acked = sync_cell.status(use(nt.cells[CODE])).acked_seq
    nt.add_person(CODE, "Lý Thị Thu")
    path = nt.export(CODE)
    done = nt.receive(path)
    assert done.status == "applied" and done.seq_from == acked + 1
    assert [p["full_name"] for p in done.summary.people_added] == ["Lý Thị Thu"]
