"""The upper level's workspace: its own encrypted register, its keys, its cells, the quotas it
sets and the decisions it records.

A workspace is a register like a cell's (same file format, passphrase, recovery key, backups,
journal), marked ``upper`` in its meta table, holding the upper level's keys sealed the way
a cell's are (``store/sync_state.seal_secret``). Its cells are expected when the officer
writes their enrolment file (``enrol_cell``) and pinned when the fingerprint of a cell's
first bundle is confirmed (``services/upper_import.py``).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from desktop_app import paths
from desktop_app.domain.dates import format_vn
from desktop_app.domain.errors import NotFoundError, StateError, ValidationError
from desktop_app.domain.membership import STATUS_LABELS
from desktop_app.domain.names import clean_text, fold
from desktop_app.domain.numbers import vn_int
from desktop_app.domain.reports import check_quota
from desktop_app.services.registers import check_passphrase
from desktop_app.store import journal, records, sync_state, upper, upper_replica
from desktop_app.store.database import Register
from desktop_app.store.errors import DamagedRegister
from desktop_app.store.keys import KdfParams
from desktop_app.store.upper_models import UpperCell, UpperConflict, UpperDecision, UpperQuota
from desktop_app.store.upper_models import UpperWorkspace as WorkspaceRow
from desktop_app.sync import bundle, enrolment, receipt
from desktop_app.sync.crypto import AgeIdentity, SigningKey
from desktop_app.sync.errors import SyncRefused
from desktop_app.sync.upper_keys import UpperKeys, write_enrolment

DEFAULT_FILE = "cap-tren.sochibo"
NAME_LIMIT = enrolment.NAME_LIMIT
CODE_LIMIT = enrolment.CODE_LIMIT
NUMBER_LIMIT = 100
NOTE_LIMIT = 1000
# Who a decision can be about, as the cell's copy last showed them.
DECISION_FOR = {
    "admission": ("candidate",),
    "recognition": ("probationary",),
    "transfer": ("official", "probationary"),
}
MEMBERSHIP_TEXT = {"candidate": "quần chúng", "probationary": "dự bị", "official": "chính thức"}


def default_path() -> Path:
    return paths.data_dir() / DEFAULT_FILE


# -- views -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkspaceView:
    upper_id: str
    name: str
    fingerprint: str
    key_id: str
    recipient: str
    signing_key: str
    cells: int

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class CellView:
    id: str
    code: str
    name: str
    cell_uuid: str | None
    pinned: bool
    fingerprint: str
    key_id: str
    applied_seq: int
    last_bundle_at: str | None
    last_import_at: str | None

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def cell_view(row: UpperCell) -> CellView:
    return CellView(
        row.id,
        row.code,
        row.name,
        row.cell_uuid,
        bool(row.public_key),
        row.fingerprint,
        row.key_id,
        row.applied_seq,
        row.last_bundle_at,
        row.last_import_at,
    )


def cell_label(row: UpperCell) -> str:
    return f"«{row.name}» (mã {row.code})" if row.name else f"mã «{row.code}»"


# -- the workspace --------------------------------------------------------------------------------


def _clean_name(name: str) -> str:
    value = clean_text(name)
    if not value or len(value) > NAME_LIMIT:
        raise StateError(f"Tên cấp ủy cấp trên: cần 1 đến {NAME_LIMIT} ký tự")
    return value


def create_workspace(
    path: Path, passphrase: str, name: str, *, kdf: KdfParams | None = None
) -> tuple[Register, str]:
    """A new workspace with fresh keys; returns it open and the recovery key to show once."""
    check_passphrase(passphrase)
    clean = _clean_name(name)

    def initialise(reg: Register) -> None:
        keys = UpperKeys.generate(clean)
        with reg.atomic():
            upper.mark_upper()
            secret = json.dumps(
                {
                    "ed25519": base64.b64encode(keys.signing.seed).decode("ascii"),
                    "age": keys.identity.secret,
                }
            ).encode("ascii")
            key_id = keys.public.key_id_hex
            sealed = sync_state.seal_secret(reg.data_key, reg.register_id, key_id, secret)
            upper.add_identity(
                key_id, keys.upper_id, keys.public.text, keys.recipient, sealed, journal.now_utc()
            )
            records.insert(
                WorkspaceRow,
                {
                    "name": clean,
                    "recipient": keys.recipient,
                    "signing_key": keys.public.text,
                    "key_id": key_id,
                },
                reg.author,
                record_id=keys.upper_id,
            )

    return Register.create(path, passphrase, kdf=kdf, initialise=initialise)


def is_workspace(reg: Register) -> bool:
    return upper.register_kind() == upper.UPPER


def require_workspace(reg: Register) -> WorkspaceRow:
    row = upper.workspace() if is_workspace(reg) else None
    if row is None:
        raise StateError(
            f"«{reg.path.name}» là sổ của chi bộ, không phải sổ làm việc của cấp ủy cấp trên. "
            "Tạo sổ làm việc: sochibo upper init --name TÊN (hoặc chọn sổ bằng --register)."
        )
    return row


def require_cell_register(reg: Register) -> None:
    """The cell's own sync actions are refused in an upper level's workspace."""
    if is_workspace(reg):
        raise StateError(
            f"«{reg.path.name}» là sổ làm việc của cấp ủy cấp trên, không phải sổ của chi bộ."
        )


def upper_keys(reg: Register) -> UpperKeys:
    """The workspace's keys, unsealed."""
    row = require_workspace(reg)
    ident = upper.identity()
    damaged = DamagedRegister(
        "Khóa của cấp ủy cấp trên trong sổ làm việc bị hỏng hoặc không khớp. Hãy khôi phục từ "
        "bản sao lưu gần nhất."
    )
    if ident is None:
        raise damaged
    try:
        secret = sync_state.open_secret(reg.data_key, reg.register_id, ident.key_id, ident.sealed)
        doc = json.loads(secret)
        signing = SigningKey(base64.b64decode(doc["ed25519"], validate=True))
        identity = AgeIdentity.parse(doc["age"])
    except (DamagedRegister, ValueError, KeyError, TypeError, binascii.Error, SyncRefused):
        raise damaged from None
    if signing.public.text != row.signing_key or identity.recipient != row.recipient:
        raise damaged
    return UpperKeys(row.id, row.name, identity, signing)


def show(reg: Register) -> WorkspaceView:
    keys = upper_keys(reg)
    return WorkspaceView(
        keys.upper_id,
        keys.name,
        keys.fingerprint,
        keys.public.key_id_hex,
        keys.recipient,
        keys.public.text,
        len(upper.cells()),
    )


# -- cells ---------------------------------------------------------------------------------------


def _clean_code(code: str) -> str:
    value = clean_text(code)
    if not value or len(value) > CODE_LIMIT:
        raise StateError(f"Mã chi bộ: cần 1 đến {CODE_LIMIT} ký tự")
    return value


def find_cell(code: str) -> UpperCell:
    row = upper.cell_by_code(fold(clean_text(code)))
    if row is None:
        raise NotFoundError(
            f"Cấp trên chưa ghi danh chi bộ mã «{code}» (sochibo upper enrol {code} --out TỆP)."
        )
    return row


def list_cells(reg: Register) -> list[CellView]:
    require_workspace(reg)
    return [cell_view(row) for row in upper.cells()]


@dataclass(frozen=True)
class CellPersonView:
    """A person of a cell as the upper level's copy last showed them (who a decision can
    be about)."""

    id: str
    full_name: str
    sort_key: str  # Vietnamese list order as text
    birth_date: str | None
    status: str  # membership, or the exit when the person has left
    status_label: str

    def to_json(self) -> dict[str, object]:
        return {k: v for k, v in asdict(self).items() if k != "sort_key"}


def cell_people(reg: Register, code: str) -> list[CellPersonView]:
    """The cell's live people in the bundles received, in Vietnamese list order."""
    require_workspace(reg)
    cell = find_cell(code)
    found = []
    for p in upper_replica.people(cell.id):
        status = str(p["exit"] or p["membership"])
        birth = str(p["birth_date"]) if p["birth_date"] else None
        label = STATUS_LABELS.get(status, status)
        found.append(
            CellPersonView(
                str(p["id"]), str(p["full_name"]), str(p["sort_key"]), birth, status, label
            )
        )
    return found


@dataclass(frozen=True)
class EnrolCellResult:
    cell: CellView
    path: Path
    new: bool
    upper_fingerprint: str

    def to_json(self) -> dict[str, object]:
        return {
            **self.cell.to_json(),
            "path": str(self.path),
            "new": self.new,
            "upper_fingerprint": self.upper_fingerprint,
        }


def enrol_cell(reg: Register, code: str, out: Path, *, name: str = "") -> EnrolCellResult:
    """Write the enrolment file for a cell and record the cell as expected (once: writing
    the file again for a cell already known changes nothing here)."""
    keys = upper_keys(reg)
    clean = _clean_code(code)
    cell_name = clean_text(name)
    if len(cell_name) > NAME_LIMIT:
        raise StateError(f"Tên chi bộ: tối đa {NAME_LIMIT} ký tự")
    out = Path(out)
    if out.is_dir():
        out = out / f"{bundle.safe_code(clean)}{enrolment.SUFFIX}"
    if not out.parent.is_dir():
        raise StateError(f"Không thấy thư mục «{out.parent}». Chưa ghi gì.")
    with reg.atomic():
        row = upper.cell_by_code(fold(clean))
        new = row is None
        if row is None:
            row = records.insert(
                UpperCell,
                {"code": clean, "code_key": fold(clean), "name": cell_name},
                reg.author,
            )
        elif cell_name and not row.name:
            records.update(row, {"name": cell_name}, reg.author)
        made = keys.enrolment_for(row.code, cell_id=row.cell_uuid)
        try:
            write_enrolment(made, out)
        except OSError as exc:
            raise StateError(f"Không ghi được tệp ghi danh «{out}»: {exc.strerror}.") from None
    return EnrolCellResult(cell_view(row), out, new, keys.fingerprint)


# -- quotas ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuotaView:
    cell_code: str
    year: int
    count: int
    change: str  # new, updated, unchanged

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def set_quota(
    reg: Register, code: str, year: int, count: int, *, today: dt.date | None = None
) -> QuotaView:
    """The number of admissions the upper level plans for the cell in ``year`` (the same
    bounds as the quota a cell types, ``domain.reports.check_quota``)."""
    require_workspace(reg)
    values, problems = check_quota(year, count, "", "", today or dt.date.today())
    with reg.atomic():
        cell = find_cell(code)
        if problems:
            raise ValidationError(f"Chỉ tiêu kết nạp năm {year} của chi bộ {cell.code}", problems)
        year, count = int(values["year"]), int(values["quota"])  # type: ignore[call-overload]
        row = upper.quota(cell.id, year)
        if row is None:
            records.insert(UpperQuota, {"cell": cell.id, "year": year, "count": count}, reg.author)
            change = "new"
        else:
            change = "updated" if records.update(row, {"count": count}, reg.author) else "unchanged"
    return QuotaView(cell.code, year, count, change)


def list_quotas(reg: Register, code: str) -> list[QuotaView]:
    """The quotas set for the cell, by year."""
    require_workspace(reg)
    cell = find_cell(code)
    return [QuotaView(cell.code, q.year, q.count, "") for q in upper.quotas(cell.id)]


# -- decisions -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionView:
    id: str
    cell_code: str
    person_id: str
    person_name: str
    kind: str
    label: str
    number: str
    date: str
    note: str
    change: str = ""

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def decision_view(row: UpperDecision, cell_code: str, change: str = "") -> DecisionView:
    return DecisionView(
        row.id,
        cell_code,
        row.person_id,
        row.person_name,
        row.kind,
        receipt.KINDS[row.kind],
        row.number,
        row.date,
        row.note,
        change,
    )


def _person_in(cell: UpperCell, person: str) -> dict[str, object]:
    found = upper_replica.person(cell.id, person) if len(person) >= 4 else []
    if len(found) != 1:
        raise NotFoundError(
            f"Chi bộ {cell_label(cell)} không có người nào mang mã «{person}» trong các gói "
            "cấp trên đã nhận."
            if not found
            else f"Mã «{person}» trùng phần đầu với nhiều người của chi bộ; gõ dài hơn."
        )
    return found[0]


def _check_person_for(kind: str, person: dict[str, object], cell: UpperCell) -> None:
    standing = person["exit"] or person["membership"]
    if person["exit"] is not None or person["membership"] not in DECISION_FOR[kind]:
        shown = MEMBERSHIP_TEXT.get(str(standing), f"đã ra khỏi chi bộ ({standing})")
        raise StateError(
            f"{receipt.KINDS[kind]}: «{person['full_name']}» ở chi bộ {cell_label(cell)} đang "
            f"là {shown} theo gói gần nhất; không ghi quyết định này."
        )


def decide(
    reg: Register,
    code: str,
    person: str,
    kind: str,
    *,
    number: str,
    on: dt.date,
    note: str = "",
    today: dt.date | None = None,
) -> DecisionView:
    """Record (or correct) the upper level's decision about a person of a cell; the next
    receipt for the cell carries it down."""
    require_workspace(reg)
    if kind not in receipt.KINDS:
        raise StateError(f"Loại quyết định «{kind}»: chọn một trong {', '.join(receipt.KINDS)}")
    label = receipt.KINDS[kind]
    number, note = clean_text(number), clean_text(note)
    if not number or len(number) > NUMBER_LIMIT:
        raise StateError(f"{label}: số quyết định cần 1 đến {NUMBER_LIMIT} ký tự")
    if len(note) > NOTE_LIMIT:
        raise StateError(f"{label}: ghi chú tối đa {vn_int(NOTE_LIMIT)} ký tự")
    if on > (today or dt.date.today()):
        raise StateError(f"{label}: ngày {format_vn(on)} là ngày trong tương lai")
    with reg.atomic():
        cell = find_cell(code)
        found = _person_in(cell, person)
        values = {"number": number, "date": on.isoformat(), "note": note}
        row = upper.decision(cell.id, str(found["id"]), kind)
        if row is None:
            _check_person_for(kind, found, cell)
            row = records.insert(
                UpperDecision,
                {
                    "cell": cell.id,
                    "person_id": found["id"],
                    "person_name": found["full_name"],
                    "kind": kind,
                    **values,
                },
                reg.author,
            )
            change = "new"
        else:
            change = "updated" if records.update(row, values, reg.author) else "unchanged"
    return decision_view(row, cell.code, change)


def list_decisions(reg: Register, code: str | None = None) -> list[DecisionView]:
    require_workspace(reg)
    cells = {c.id: c.code for c in upper.cells()}
    cell_id = find_cell(code).id if code else None
    return [decision_view(d, cells.get(d.cell_id, "")) for d in upper.decisions(cell_id)]


# -- conflicts -------------------------------------------------------------------------------------

CONFLICT_KINDS = {
    "fork": "Chi bộ dùng lại bản sao lưu cũ (nhật ký rẽ nhánh)",
    "gap": "Gói bị giữ lại vì thiếu mục",
    "reset": "Cấp trên bỏ khóa cũ của chi bộ (chi bộ làm sổ mới)",
}


@dataclass(frozen=True)
class ConflictView:
    id: str
    cell_code: str
    kind: str
    label: str
    file: str
    seq_from: int
    seq_to: int
    at_seq: int
    detail: str
    opened_at: str
    resolved_at: str | None
    resolution: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def conflict_view(row: UpperConflict, cell_code: str) -> ConflictView:
    return ConflictView(
        row.id,
        cell_code,
        row.kind,
        CONFLICT_KINDS.get(row.kind, row.kind),
        row.file,
        row.seq_from,
        row.seq_to,
        row.at_seq,
        row.detail,
        row.created_at,
        row.resolved_at,
        row.resolution,
    )


def list_conflicts(reg: Register, *, open_only: bool = True) -> list[ConflictView]:
    require_workspace(reg)
    codes = {c.id: c.code for c in upper.cells()}
    return [
        conflict_view(row, codes.get(row.cell_id, ""))
        for row in upper.conflicts(open_only=open_only)
    ]


def resolve_conflict(reg: Register, conflict_id: str, note: str) -> ConflictView:
    """Close a conflict with what the officer did about it (a fork is better closed by
    importing the cell's bundle with ``accept_fork``, which does it)."""
    require_workspace(reg)
    note = clean_text(note)
    if not note or len(note) > NOTE_LIMIT:
        raise StateError(f"Cách giải quyết: cần 1 đến {vn_int(NOTE_LIMIT)} ký tự")
    with reg.atomic():
        found = upper.conflict_by_id(conflict_id) if len(conflict_id) >= 4 else []
        if len(found) != 1:
            raise NotFoundError(f"Không có vướng mắc nào mang mã «{conflict_id}».")
        row = found[0]
        if row.resolved_at is not None:
            raise StateError(
                f"Vướng mắc «{row.id[:8]}» đã được giải quyết lúc {row.resolved_at}: "
                f"{row.resolution}"
            )
        records.update(row, {"resolved_at": journal.now_utc(), "resolution": note}, reg.author)
        cell = upper.cell_by_id(row.cell_id)
    return conflict_view(row, cell.code if cell else "")
