"""A cell that lost its register and every backup starts over with a new key: refused until
the officer resets it with a note; then its first bundle asks for the new fingerprint, and
what the workspace held of the old register is kept apart, never deleted."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main
from desktop_app.domain.errors import StateError
from desktop_app.services import registers, sync_cell, upper_rekey
from desktop_app.services import upper_workspace as ws
from desktop_app.store import upper_replica
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from desktop_app.sync.errors import SyncRefused
from tests.conftest import PASSPHRASE
from tests.sync.upper_helpers import UPPER_NAME, World, use, world_fixture  # noqa: F401

CODE, NAME = "CB-KP5", "Chi bộ Khu phố 5"


@pytest.fixture
def lost(world: World, tmp_path):
    """The cell pinned with two people; then a new register for the same cell, enrolled with
    the enrolment file the secretary kept from the start."""
    kept = ws.enrol_cell(use(world.upper), CODE, tmp_path / "kept", name=NAME).path
    world.add_cell(CODE, NAME)
    for name in ("Nguyễn Văn An", "Trần Thị Bình"):
        world.add_person(CODE, name, membership="official", official_date="10/10/2001")
    assert world.first(CODE).status == "applied"
    world.cells[CODE].close()
    reborn, _ = registers.create_register(
        tmp_path / "moi.sochibo",
        PASSPHRASE,
        {"name": NAME, "code": CODE, "upper_level": UPPER_NAME},
        kdf=FAST_KDF_FOR_TESTS,
    )
    sync_cell.enrol(reborn, kept)
    world.cells[CODE] = reborn
    world.add_person(CODE, "Lê Thị Cúc", membership="official", official_date="10/10/2005")
    return world


def test_the_new_register_is_refused_and_says_how_to_reset(lost):
    with pytest.raises(SyncRefused, match=f"sochibo upper reset-cell {CODE}"):
        lost.receive(lost.export(CODE))


def test_a_reset_needs_a_note_and_a_pinned_key(lost, tmp_path):
    upper = use(lost.upper)
    before = ws.find_cell(CODE).fingerprint
    for note in ("", "   "):
        with pytest.raises(StateError, match="trường «Ghi chú»"):
            upper_rekey.reset_cell(upper, CODE, note)
    assert ws.find_cell(CODE).fingerprint == before  # nothing changed
    ws.enrol_cell(upper, "CB-KP6", tmp_path)
    with pytest.raises(StateError, match="chưa có khóa nào được ghi nhận"):
        upper_rekey.reset_cell(upper, "CB-KP6", "gọi điện chị Hoa")


def test_after_a_reset_the_new_key_is_confirmed_and_the_old_records_set_aside(lost):
    upper = use(lost.upper)
    old = ws.find_cell(CODE)
    done = upper_rekey.reset_cell(upper, CODE, "Đã gọi chị Hoa: máy hỏng, mất cả USB sao lưu")
    assert done.old_fingerprint == old.fingerprint and done.set_aside == old.applied_seq
    cell = ws.find_cell(CODE)
    assert not cell.public_key and cell.applied_seq == 0 and cell.cell_uuid is None
    assert upper_replica.people(cell.id) == []
    [note] = ws.list_conflicts(upper, open_only=False)
    assert note.kind == "reset" and note.resolved_at and "chị Hoa" in note.resolution
    path = lost.export(CODE)
    waiting = lost.receive(path)
    assert waiting.status == "needs_pinning" and waiting.fingerprint == lost.fingerprint(CODE)
    assert waiting.fingerprint != old.fingerprint
    applied = lost.receive(path, confirm=lost.fingerprint(CODE))
    assert applied.status == "applied" and applied.seq_from == 1
    names = sorted(str(p["full_name"]) for p in upper_replica.people(ws.find_cell(CODE).id))
    assert names == ["Lê Thị Cúc"]
    receipt = lost.receipt(CODE)  # the new register hears back
    assert lost.take_receipt(CODE, receipt).status.acked_seq == applied.seq_to


def test_reset_by_the_cli(lost, capsys, monkeypatch):
    monkeypatch.setenv("SOCHIBO_PASSPHRASE", PASSPHRASE)
    path = str(lost.upper.path)
    lost.upper.close()
    code = main(["upper", "reset-cell", CODE, "--register", path, "--note", "", "--json"])
    assert code == 1 and "trường «Ghi chú»" in capsys.readouterr().err
    args = ["upper", "reset-cell", CODE, "--register", path, "--note", "Gọi anh Tâm", "--json"]
    assert main(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["cell_code"] == CODE and out["set_aside"] > 0
    lost.upper = registers.open_register(lost.upper.path, PASSPHRASE)
    assert not ws.find_cell(CODE).public_key
