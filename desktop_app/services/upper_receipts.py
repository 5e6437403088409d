"""The upper level's receipt for a cell: how far it has applied the cell's journal, the
admission quotas it set for the cell, and its decisions the cell has not yet confirmed having
(the cell's bundles carry back what its receipts brought, ``received_decision``). Signed with
the upper level's key, encrypted to the cell's receipt key pinned from its first bundle.

Like the cell's export, it reads the workspace only: a lost receipt costs nothing, the next
one says as much and more.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from desktop_app.services.upper_workspace import (
    DecisionView,
    cell_label,
    decision_view,
    find_cell,
    require_workspace,
    upper_keys,
)
from desktop_app.store import journal, upper, upper_replica
from desktop_app.store.database import Register
from desktop_app.store.upper_models import UpperCell, UpperDecision
from desktop_app.sync import envelope, receipt
from desktop_app.sync.crypto import PublicKey
from desktop_app.sync.envelope import Sealed
from desktop_app.sync.errors import SyncRefused
from desktop_app.sync.receipt import Decision


@dataclass(frozen=True)
class ReceiptExport:
    path: Path
    signature_path: Path
    receipt_id: str
    cell_code: str
    cell_name: str
    applied_seq: int
    applied_hash: str
    quotas: list[dict[str, int]]
    decisions: list[DecisionView]
    created_at: str

    def to_json(self) -> dict[str, object]:
        return {
            **asdict(self),
            "path": str(self.path),
            "signature_path": str(self.signature_path),
            "decisions": [d.to_json() for d in self.decisions],
            "safe_to_remove": True,
        }


def _confirmed(cell: UpperCell) -> set[tuple[str, str, str]]:
    """Decisions the cell's bundles show it holds: (id, number, date)."""
    held = upper_replica.records_of(cell.id, "received_decision")
    return {(i, str(d.get("number")), str(d.get("date"))) for i, d in held}


def _pending(cell: UpperCell) -> list[UpperDecision]:
    confirmed = _confirmed(cell)
    return [d for d in upper.decisions(cell.id) if (d.id, d.number, d.date) not in confirmed]


def _decision(row: UpperDecision) -> Decision:
    return Decision(
        row.id, row.kind, row.person_id, row.person_name, row.number, row.date, row.note
    )


def _not_ready(cell: UpperCell) -> str:
    """Why no receipt can be written for the cell yet ("" when one can)."""
    if cell.cell_uuid and cell.recipient:
        return ""
    return (
        f"Chưa lập được biên nhận cho chi bộ {cell_label(cell)}: cấp trên chưa nhận gói nào "
        "của chi bộ (khóa để mã hóa biên nhận đi kèm gói đầu tiên)."
    )


@dataclass(frozen=True)
class ReceiptPreview:
    """What the next receipt for a cell would carry, before it is written."""

    cell_code: str
    cell_name: str
    not_ready: str  # why none can be written yet; "" when one can
    applied_seq: int
    quotas: list[dict[str, int]]
    decisions: list[DecisionView]  # not yet confirmed by the cell

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "decisions": [d.to_json() for d in self.decisions]}


def receipt_preview(reg: Register, code: str) -> ReceiptPreview:
    require_workspace(reg)
    cell = find_cell(code)
    return ReceiptPreview(
        cell.code,
        cell.name,
        _not_ready(cell),
        cell.applied_seq,
        [{"year": q.year, "count": q.count} for q in upper.quotas(cell.id)],
        [decision_view(d, cell.code) for d in _pending(cell)],
    )


def export_receipt(reg: Register, code: str, folder: Path) -> ReceiptExport:
    keys = upper_keys(reg)
    cell = find_cell(code)
    folder = Path(folder)
    if refused := _not_ready(cell):
        raise SyncRefused(refused)
    if not folder.is_dir():
        raise SyncRefused(f"Không thấy thư mục «{folder}» (USB đã cắm chưa?). Chưa ghi gì.")
    pending = _pending(cell)
    created = journal.now_utc()
    header = receipt.new_header(
        upper_id=keys.upper_id,
        upper_name=keys.name,
        upper_key=keys.public,
        cell_id=cell.cell_uuid,
        cell_code=cell.code,
        applied_seq=cell.applied_seq,
        applied_hash=cell.applied_hash,
        last_bundle_id=cell.last_bundle_id,
        quotas=[(q.year, q.count) for q in upper.quotas(cell.id)],
        decisions=len(pending),
        created_at=created,
    )
    name, sealed = receipt.seal_receipt(
        header, [_decision(d) for d in pending], key=keys.signing, recipient=cell.recipient
    )
    path = _write_and_verify(folder, name, sealed, keys.public)
    return ReceiptExport(
        path=path,
        signature_path=envelope.signature_path(path),
        receipt_id=header.receipt_id,
        cell_code=cell.code,
        cell_name=cell.name,
        applied_seq=cell.applied_seq,
        applied_hash=cell.applied_hash,
        quotas=header.quotas,
        decisions=[decision_view(d, cell.code) for d in pending],
        created_at=created,
    )


def _write_and_verify(folder: Path, name: str, sealed: Sealed, public: PublicKey) -> Path:
    """Both files written durably, then read back: the same bytes and a signature that
    verifies; a bad copy is removed."""
    try:
        path = envelope.write_pair(folder, name, sealed)
    except OSError as exc:
        raise SyncRefused(f"Không ghi được biên nhận vào «{folder}»: {exc.strerror}.") from None
    try:
        cipher, signature = envelope.read_pair(path, receipt.MAX_RECEIPT_BYTES)
        if (cipher, signature) != (sealed.cipher, sealed.signature):
            raise SyncRefused("nội dung đọc lại khác bản vừa ghi")
        envelope.verify_outer(cipher, signature, public, max_bytes=receipt.MAX_RECEIPT_BYTES)
    except SyncRefused as exc:
        envelope.remove_pair(path)
        raise SyncRefused(
            f"Biên nhận ghi vào «{folder}» đọc lại không đúng ({exc}); đã xóa bản hỏng. Hãy thử "
            "lại, hoặc dùng USB khác."
        ) from None
    return path
