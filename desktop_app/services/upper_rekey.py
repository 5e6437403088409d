"""The upper level lets a cell start over with a new key.

A cell's signing key lives inside its register and its backups, so a cell that restores a
backup keeps it. Only a cell that lost the register and every backup comes back with a new
register: a new key, a new cell id, a journal from entry 1. Its bundles are refused (another
key for a known code) until the officer, having called the cell, resets it here: the key is
unpinned, what the workspace held of the cell is set aside (kept, never deleted, as for an
accepted fork) and the next bundle is a first bundle again, its fingerprint confirmed by phone.
The reset is kept, with the officer's note, among the cell's closed conflicts.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from desktop_app.domain.errors import StateError
from desktop_app.domain.names import clean_text
from desktop_app.services.upper_workspace import (
    NOTE_LIMIT,
    cell_label,
    find_cell,
    require_workspace,
)
from desktop_app.store import journal, records, upper, upper_replica
from desktop_app.store.database import Register
from desktop_app.store.upper_models import UpperCell, UpperConflict

KIND = "reset"


@dataclass(frozen=True)
class ResetResult:
    cell_code: str
    old_fingerprint: str
    set_aside: int  # entries kept apart
    closed: int  # conflicts of the old chain closed
    message: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def _note(note: str, cell: UpperCell) -> str:
    value = clean_text(note)
    if not value or len(value) > NOTE_LIMIT:
        raise StateError(
            f"Chi bộ {cell_label(cell)}, trường «Ghi chú»: cần ghi vì sao bỏ khóa cũ (đã gọi "
            f"điện cho ai, chi bộ mất sổ thế nào), 1 đến {NOTE_LIMIT} ký tự. Chưa thay đổi gì."
        )
    return value


def reset_cell(reg: Register, code: str, note: str) -> ResetResult:
    """Unpin the cell's key and set aside what the workspace held of it, in one transaction."""
    require_workspace(reg)
    cell = find_cell(code)
    why = _note(note, cell)
    if not cell.public_key:
        raise StateError(
            f"Chi bộ {cell_label(cell)} chưa có khóa nào được ghi nhận: không cần bỏ khóa. "
            "Gói đầu tiên của chi bộ sẽ được hỏi vân tay. Chưa thay đổi gì."
        )
    old, now = cell.fingerprint, journal.now_utc()
    with reg.atomic():
        closed = _close_open(reg, cell, now)
        dropped = upper_replica.set_aside_after(cell.id, 0)
        upper_replica.clear(cell.id)
        _keep_note(reg, cell, why, dropped, now)
        records.update(cell, _unpinned(), reg.author)
    message = (
        f"Đã bỏ khóa cũ của chi bộ {cell_label(cell)} (vân tay {old}); {dropped} mục nhật ký cũ "
        "được để riêng, không xóa. Gói tới của chi bộ là gói đầu tiên: chương trình sẽ hỏi vân "
        "tay mới, hãy so qua điện thoại."
    )
    return ResetResult(cell.code, old, dropped, closed, message)


def _unpinned() -> dict[str, object]:
    return {
        "cell_uuid": None,
        "key_id": "",
        "public_key": "",
        "recipient": "",
        "fingerprint": "",
        "pinned_at": None,
        "applied_seq": 0,
        "applied_hash": journal.GENESIS,
        "last_bundle_id": None,
    }


def _close_open(reg: Register, cell: UpperCell, now: str) -> int:
    found = upper.conflicts(cell.id)
    for row in found:
        values = {"resolved_at": now, "resolution": "Cấp trên đã bỏ khóa cũ của chi bộ."}
        records.update(row, values, reg.author)
    return len(found)


def _keep_note(reg: Register, cell: UpperCell, note: str, dropped: int, now: str) -> None:
    records.insert(
        UpperConflict,
        {
            "cell": cell.id,
            "kind": KIND,
            "bundle_id": "",
            "file": "",
            "seq_from": 1 if dropped else 0,
            "seq_to": cell.applied_seq,
            "at_seq": 0,
            "detail": f"Khóa cũ (vân tay {cell.fingerprint}) đã bỏ; {dropped} mục để riêng.",
            "resolved_at": now,
            "resolution": note,
        },
        reg.author,
    )
