"""One upper level and its cells on one machine, for the tests of the upper level's side.

Every register here is open at once; the models follow the register opened last, so each
action switches to its register first (``use``), as a process with one register never needs.
Crafted bundles (``tests/sync/samples``) can be sent to the workspace too (``crafted``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.services import members, registers, sync_cell, upper_import, upper_receipts
from desktop_app.services import upper_workspace as ws
from desktop_app.services.upper_import import ImportResult
from desktop_app.store.database import Register
from desktop_app.store.keys import FAST_KDF_FOR_TESTS
from desktop_app.store.models import MODELS
from desktop_app.sync import envelope
from desktop_app.sync.bundle import Entry
from desktop_app.sync.upper_keys import UpperKeys
from tests.conftest import PASSPHRASE, TODAY
from tests.sync import samples

UPPER_NAME = "Đảng ủy phường Quy Nhơn Nam"


def use(reg: Register) -> Register:
    reg.db.bind(MODELS)
    return reg


class World:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.usb = folder / "usb"
        self.usb.mkdir(parents=True)
        self.upper, _ = ws.create_workspace(
            folder / "cap-tren.sochibo", PASSPHRASE, UPPER_NAME, kdf=FAST_KDF_FOR_TESTS
        )
        self.cells: dict[str, Register] = {}
        self._made = 0

    @property
    def keys(self) -> UpperKeys:
        return ws.upper_keys(use(self.upper))

    def add_cell(self, code: str, name: str) -> Register:
        done = ws.enrol_cell(use(self.upper), code, self.folder, name=name)
        reg, _ = registers.create_register(
            self.folder / code / "so.sochibo",
            PASSPHRASE,
            {"name": name, "code": code, "upper_level": UPPER_NAME},
            kdf=FAST_KDF_FOR_TESTS,
        )
        sync_cell.enrol(reg, done.path)
        self.cells[code] = reg
        return reg

    def add_person(self, code: str, name: str, **fields: object) -> str:
        data = {"full_name": name, "sex": "female" if "Thị" in name else "male", **fields}
        return members.add_person(use(self.cells[code]), data, today=TODAY).id

    def fingerprint(self, code: str) -> str:
        return sync_cell.status(use(self.cells[code])).cell_fingerprint

    def export(self, code: str) -> Path:
        done = sync_cell.export_bundle(use(self.cells[code]), self.usb)
        # a stick holds one bundle per range; keep each export apart
        kept = self._fresh("sent")
        for path in (done.path, done.signature_path):
            path.rename(kept / path.name)
        return kept / done.path.name

    def receive(self, path: Path, *, confirm: str | None = None, **options) -> ImportResult:
        return upper_import.apply_bundle(
            use(self.upper), path, confirm_fingerprint=confirm, today=TODAY, **options
        )

    def first(self, code: str) -> ImportResult:
        """The cell's first bundle, its fingerprint confirmed."""
        return self.receive(self.export(code), confirm=self.fingerprint(code))

    def receipt(self, code: str) -> Path:
        folder = self._fresh("receipts")
        return upper_receipts.export_receipt(use(self.upper), code, folder).path

    def take_receipt(self, code: str, path: Path) -> sync_cell.ReceiptResult:
        return sync_cell.import_receipt(use(self.cells[code]), path, today=TODAY)

    def _fresh(self, what: str) -> Path:
        self._made += 1
        folder = self.folder / what / str(self._made)
        folder.mkdir(parents=True)
        return folder

    def close(self) -> None:
        for reg in [*self.cells.values(), self.upper]:
            reg.close()


@pytest.fixture(name="world")
def world_fixture(tmp_path):
    made = World(tmp_path / "world")
    yield made
    made.close()


def crafted(
    world: World,
    entries: list[Entry],
    *,
    folder: Path,
    key=samples.SIGNER,
    upper_id: str | None = None,
    recipient: str | None = None,
    code: str = "CB-KP5",
    cell_id: str = samples.CELL_ID,
) -> Path:
    """A bundle made without a register (``tests/sync/samples``), for the workspace."""
    keys = world.keys
    manifest = samples.manifest_for(
        entries, key, upper_id=upper_id or keys.upper_id, cell_code=code, cell_id=cell_id
    )
    name, made = samples.sealed(
        entries, manifest=manifest, key=key, recipient=recipient or keys.recipient
    )
    folder.mkdir(parents=True, exist_ok=True)
    return envelope.write_pair(folder, name, made)


def bundle_day(result: ImportResult) -> dt.date:
    """The local day the cell made the bundle (the board's month follows it)."""
    return dt.datetime.fromisoformat(result.created_at.replace("Z", "+00:00")).astimezone().date()


def assert_mirrors(world: World, code: str, *, acks_may_lag: bool = False) -> None:
    """The upper level holds exactly the cell's records, field for field, compared with the
    cell's own tables (the cell's whole journal applied), and the cell's entries hash for
    hash. ``acks_may_lag``: the cell's last entries may be only acknowledgements of receipts
    (never news, so never sent): those records are compared without their ack fields."""
    from desktop_app.store import journal, sync_state, upper_replica
    from desktop_app.store.models import JOURNALLED

    use(world.cells[code])
    head = journal.head()
    rows = {(e, r.id): r for e, model in JOURNALLED.items() for r in model.select()}
    chain = [(row[0], row[-1]) for row in journal.chain_rows()]
    use(world.upper)
    cell = ws.find_cell(code)
    held = upper_replica.snapshot(cell.id)
    lagging = {"sync_enrolment", "received_receipt"} if acks_may_lag else set()
    if not acks_may_lag:
        assert (cell.applied_seq, cell.applied_hash) == head, f"{code}: not everything arrived"
    assert {k for k in held if k[0] != "received_receipt" or not lagging} == {
        k for k in rows if k[0] != "received_receipt" or not lagging
    }
    for key, (version, deleted, data) in held.items():
        if key[0] == "received_receipt" and lagging:
            continue
        row = rows[key]
        if key[0] in lagging:
            data = {k: v for k, v in data.items() if k not in sync_state.ACK_FIELDS}
        else:
            assert (version, deleted) == (row.version, bool(row.deleted)), key
        assert {k: row.__data__.get(k) for k in data} == data, key
    stored = upper_replica.stored_hashes(cell.id, 1, cell.applied_seq)
    assert sorted(stored.items()) == chain[: cell.applied_seq]
