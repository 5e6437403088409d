"""The upper level's writing services, once each, for the journal test's scenario
(tests/services/test_journal.py): a workspace made beside the cell's register, the cell
enrolled and its bundle applied, a quota, a decision, a held bundle and its conflict closed,
a receipt back to the cell."""

from __future__ import annotations

import tempfile
from pathlib import Path

from desktop_app.services import (
    cell,
    checks,
    members,
    sync_cell,
    upper_import,
    upper_receipts,
    upper_rekey,
)
from desktop_app.services import upper_workspace as ws
from desktop_app.store.database import Register
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from desktop_app.sync import envelope
from tests.conftest import PASSPHRASE, TODAY
from tests.sync import samples
from tests.sync.upper_helpers import UPPER_NAME, use


def _held_bundle(upper: Register, folder: Path) -> None:
    """A bundle of another cell that starts too late: held back, its conflict closed."""
    keys = ws.upper_keys(upper)
    ws.enrol_cell(upper, "CB-KP5", folder)
    late = samples.chain(start=5, prev="a" * 64)
    manifest = samples.manifest_for(late, upper_id=keys.upper_id)
    name, made = samples.sealed(late, manifest=manifest, recipient=keys.recipient)
    path = envelope.write_pair(folder, name, made)
    fingerprint = upper_import.apply_bundle(upper, path).fingerprint
    held = upper_import.apply_bundle(upper, path, confirm_fingerprint=fingerprint)
    assert held.status == "gap" and held.conflict_id
    ws.resolve_conflict(upper, held.conflict_id, "Đã nhờ chi bộ xuất lại gói")


def upper_round(reg: Register) -> set[str]:
    code = cell.get_cell(reg).code
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        upper, _ = ws.create_workspace(
            folder / "cap-tren.sochibo", PASSPHRASE, UPPER_NAME, kdf=FAST_KDF_FOR_TESTS
        )
        enrolment = ws.enrol_cell(upper, code, folder).path
        sync_cell.enrol(use(reg), enrolment, replace=True)
        exported = sync_cell.export_bundle(reg, folder)
        fingerprint = sync_cell.status(reg).cell_fingerprint
        official = next(p.id for p in members.list_people(reg) if p.status == "official")
        [done] = upper_import.import_bundles(
            use(upper), [exported.path], confirm_fingerprint=fingerprint, today=TODAY
        )
        assert done.status == "applied", done.message
        ws.set_quota(upper, code, TODAY.year, 2, today=TODAY)
        ws.decide(upper, code, official, "transfer", number="80-QĐ/ĐU", on=TODAY, today=TODAY)
        _held_bundle(upper, folder)
        receipt = upper_receipts.export_receipt(upper, code, folder).path
        assert checks.check_register(upper).ok
        upper_rekey.reset_cell(upper, code, "Chi bộ làm sổ mới: đã gọi điện xác nhận")
        assert checks.check_register(upper).ok
        upper.close()
        taken = sync_cell.import_receipt(use(reg), receipt, today=TODAY)
        assert [d.outcome for d in taken.decisions] == ["noted"]
    return {
        "upper_workspace.create_workspace", "upper_workspace.enrol_cell",
        "upper_workspace.set_quota", "upper_workspace.decide", "upper_workspace.resolve_conflict",
        "sync_cell.import_receipt", "upper_rekey.reset_cell",
    }  # fmt: skip
