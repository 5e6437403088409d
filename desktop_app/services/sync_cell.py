"""The cell's side of reporting upward: enrolment with the upper level, the bundle export, and
the acknowledgement a receipt brings back.

Enrolment: the upper level's file gives its keys; the cell makes its own keys the first time
(an Ed25519 key that signs its bundles, an X25519 key its receipts will be encrypted to),
sealed inside the register (``store/sync_state.py``). The enrolment record is journalled, so
the cell's public keys travel in its first bundle. Changing to other upper-level keys needs
``replace=True``: the program shows the new fingerprint and the secretary confirms it with the
upper level by phone first.

Export: cumulative, every journal entry after the last one the upper level acknowledged (a
lost stick costs nothing). It reads the register only: nothing is written to it, so exporting
twice gives two bundles of the same range (the upper level applies the range once).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import errno
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from desktop_app import paths
from desktop_app.domain.dates import format_vn
from desktop_app.domain.errors import DomainError, NotFoundError, StateError
from desktop_app.domain.names import fold
from desktop_app.services import checks, members, ratings
from desktop_app.services.upper_workspace import require_cell_register
from desktop_app.store import cells, journal, people, records, sync_state, upper_receipts
from desktop_app.store.database import Register
from desktop_app.store.errors import DamagedRegister
from desktop_app.store.models import Cell, SyncEnrolment
from desktop_app.store.upper_models import ReceivedDecision, ReceivedReceipt
from desktop_app.sync import bundle, crypto, envelope, receipt
from desktop_app.sync.bundle import Entry
from desktop_app.sync.crypto import AgeIdentity, PublicKey, SigningKey
from desktop_app.sync.enrolment import Enrolment, read_enrolment_file
from desktop_app.sync.envelope import Sealed
from desktop_app.sync.errors import SyncRefused

log = logging.getLogger(__name__)
CHANGES = {
    "new": "Đã ghi danh với cấp ủy cấp trên.",
    "unchanged": "Sổ đã ghi danh với đúng cấp ủy này từ trước; không có gì thay đổi.",
    "renamed": "Đã cập nhật tên cấp ủy cấp trên (khóa giữ nguyên).",
    "replaced": "Đã đổi sang khóa mới của cấp ủy cấp trên.",
}


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    upper_id: str = ""
    upper_name: str = ""
    upper_fingerprint: str = ""
    cell_key_id: str = ""
    cell_public_key: str = ""
    cell_fingerprint: str = ""
    acked_seq: int = 0
    acked_hash: str = journal.GENESIS
    acked_at: str | None = None
    head_seq: int = 0
    pending: int = 0  # changes the upper level has not acknowledged (acknowledgements aside)
    receipt_issued_at: str | None = None  # the newest receipt the upper level issued
    quotas: list[dict[str, int]] = field(default_factory=list)  # from that receipt

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    def quota(self, year: int) -> int | None:
        found = [q["count"] for q in self.quotas if q["year"] == year]
        return found[0] if found else None


@dataclass(frozen=True)
class EnrolResult:
    change: str  # a key of CHANGES
    status: SyncStatus

    @property
    def text(self) -> str:
        return CHANGES[self.change]

    def to_json(self) -> dict[str, object]:
        return {"change": self.change, "text": self.text, **self.status.to_json()}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    signature_path: Path
    bundle_id: str
    seq_from: int
    seq_to: int
    entries: int
    size: int
    head_hash: str
    key_id: str
    cell_fingerprint: str
    upper_name: str
    created_at: str

    def to_json(self) -> dict[str, object]:
        return {
            **asdict(self),
            "path": str(self.path),
            "signature_path": str(self.signature_path),
            "safe_to_remove": True,
        }


# -- reading the state ----------------------------------------------------------------------------


def _cell() -> Cell:
    row = cells.current()
    if row is None:
        raise NotFoundError("Sổ chưa có thông tin chi bộ.")
    return row


def _status(row: SyncEnrolment | None) -> SyncStatus:
    head_seq, _head = journal.head()
    if row is None:
        return SyncStatus(False, head_seq=head_seq, pending=head_seq)
    cell_key = PublicKey.parse(row.cell_public_key)
    last = upper_receipts.latest()
    return SyncStatus(
        enrolled=True,
        upper_id=row.upper_id,
        upper_name=row.upper_name,
        upper_fingerprint=crypto.upper_fingerprint(
            row.upper_recipient, PublicKey.parse(row.upper_signing_key)
        ),
        cell_key_id=row.cell_key_id,
        cell_public_key=row.cell_public_key,
        cell_fingerprint=crypto.cell_fingerprint(cell_key, row.cell_recipient),
        acked_seq=row.acked_seq,
        acked_hash=row.acked_hash,
        acked_at=row.acked_at,
        head_seq=head_seq,
        pending=sync_state.news_after(row.acked_seq),
        receipt_issued_at=last.issued_at if last else None,
        quotas=json.loads(last.quotas) if last else [],
    )


def status(reg: Register) -> SyncStatus:
    return _status(sync_state.enrolment())


def _enrolled() -> SyncEnrolment:
    row = sync_state.enrolment()
    if row is None:
        raise SyncRefused(
            "Sổ chưa ghi danh với cấp ủy cấp trên: hãy nhập tệp ghi danh cấp trên gửi "
            "(sochibo enrol TỆP) rồi xuất gói."
        )
    return row


# -- the cell's keys ------------------------------------------------------------------------------


def _new_identity(reg: Register) -> None:
    signing, receipts = SigningKey.generate(), AgeIdentity.generate()
    key_id = signing.public.key_id_hex
    secret = json.dumps(
        {"ed25519": base64.b64encode(signing.seed).decode("ascii"), "age": receipts.secret}
    ).encode("ascii")
    sealed = sync_state.seal_secret(reg.data_key, reg.register_id, key_id, secret)
    sync_state.add_identity(
        key_id, signing.public.text, receipts.recipient, sealed, journal.now_utc()
    )


def _keys(reg: Register) -> tuple[SigningKey, AgeIdentity]:
    """The cell's signing key and receipt identity, unsealed."""
    row = sync_state.identity()
    if row is None:
        raise SyncRefused("Sổ chưa có khóa ký gói: hãy ghi danh với cấp ủy cấp trên trước.")
    secret = sync_state.open_secret(reg.data_key, reg.register_id, row.key_id, row.sealed)
    damaged = DamagedRegister("Khóa ký gói của chi bộ trong sổ bị hỏng hoặc không khớp.")
    try:
        doc = json.loads(secret)
        signing = SigningKey(base64.b64decode(doc["ed25519"], validate=True))
        receipts = AgeIdentity.parse(doc["age"])
    except (ValueError, KeyError, TypeError, binascii.Error, SyncRefused):
        raise damaged from None
    if signing.public.text != row.public_key or receipts.recipient != row.recipient:
        raise damaged
    return signing, receipts


# -- enrolment ------------------------------------------------------------------------------------


def _for_this_cell(found: Enrolment, cell: Cell) -> None:
    if found.cell_id is not None and found.cell_id != cell.id:
        raise SyncRefused(
            f"Tệp ghi danh này dành cho một chi bộ khác (mã chi bộ «{found.cell_code}»), "
            f"không phải «{cell.name}». Chưa ghi gì."
        )
    if fold(found.cell_code) != fold(cell.code):
        raise SyncRefused(
            f"Tệp ghi danh dành cho chi bộ mã «{found.cell_code}», sổ này là «{cell.name}» "
            f"(mã «{cell.code}»). Chưa ghi gì."
        )


def _change(current: SyncEnrolment | None, found: Enrolment) -> str:
    if current is None:
        return "new"
    same_keys = (current.upper_id, current.upper_recipient, current.upper_signing_key) == (
        found.upper_id,
        found.recipient,
        found.signing_key,
    )
    if not same_keys:
        return "replaced"
    return "unchanged" if current.upper_name == found.upper_name else "renamed"


def _refuse_replacement(current: SyncEnrolment, found: Enrolment) -> None:
    was = _status(current)
    raise SyncRefused(
        f"Sổ đã ghi danh với «{was.upper_name}» (vân tay {was.upper_fingerprint}). Tệp này "
        f"mang khóa khác: «{found.upper_name}», vân tay {found.fingerprint}. Chỉ đổi sau khi đã "
        "gọi điện cho cấp ủy cấp trên và so đúng vân tay mới (sochibo enrol TỆP --replace). "
        "Chưa ghi gì."
    )


@dataclass(frozen=True)
class EnrolPreview:
    """What an enrolment file would change, read before anything is written (the window shows
    it and asks first)."""

    change: str  # a key of CHANGES
    file: str
    upper_name: str
    fingerprint: str
    current_name: str = ""  # the upper level enrolled now, if any
    current_fingerprint: str = ""
    same_upper: bool = True  # False: another upper level, which has received nothing yet


def preview_enrol(reg: Register, enrolment_file: Path) -> EnrolPreview:
    """Read and check an enrolment file for this cell, and say what ``enrol`` would change."""
    require_cell_register(reg)
    path = Path(enrolment_file)
    found = read_enrolment_file(path)
    _for_this_cell(found, _cell())
    current = sync_state.enrolment()
    was = _status(current) if current is not None else None
    return EnrolPreview(
        _change(current, found),
        path.name,
        found.upper_name,
        found.fingerprint,
        was.upper_name if was else "",
        was.upper_fingerprint if was else "",
        current is None or current.upper_id == found.upper_id,
    )


def enrol(
    reg: Register, enrolment_file: Path, *, replace: bool = False, fingerprint: str | None = None
) -> EnrolResult:
    """Import the upper level's enrolment file (see ``sync/enrolment.py``). ``fingerprint``:
    the one the secretary was shown and confirmed; a file that no longer carries it is
    refused."""
    require_cell_register(reg)
    found = read_enrolment_file(Path(enrolment_file))
    if fingerprint is not None and found.fingerprint != fingerprint:
        raise SyncRefused(
            f"Tệp ghi danh «{Path(enrolment_file).name}» đã khác lúc xem (vân tay nay là "
            f"{found.fingerprint}, không phải {fingerprint}). Chưa ghi gì; hãy chọn lại tệp."
        )
    with reg.atomic():
        _for_this_cell(found, _cell())
        current = sync_state.enrolment()
        change = _change(current, found)
        if change == "unchanged":
            return EnrolResult(change, _status(current))
        if change == "replaced" and current is not None and not replace:
            _refuse_replacement(current, found)
        if sync_state.identity() is None:
            _new_identity(reg)
        _write_enrolment(reg, current, found)
    return EnrolResult(change, status(reg))


def _write_enrolment(reg: Register, current: SyncEnrolment | None, found: Enrolment) -> None:
    ident = sync_state.identity()
    assert ident is not None  # made above, in this transaction
    values: dict[str, object] = {
        "upper_id": found.upper_id,
        "upper_name": found.upper_name,
        "upper_recipient": found.recipient,
        "upper_signing_key": found.signing_key,
        "cell_key_id": ident.key_id,
        "cell_public_key": ident.public_key,
        "cell_recipient": ident.recipient,
    }
    if current is None or current.upper_id != found.upper_id:  # another upper level: all of it
        values |= {"acked_seq": 0, "acked_hash": journal.GENESIS, "acked_at": None}
    if current is None:
        records.insert(SyncEnrolment, values, reg.author)
    else:
        records.update(current, values, reg.author)


# -- acknowledgement (brought by a receipt) --------------------------------------------------------


def acknowledge(reg: Register, *, upper_id: str, seq: int, chain_hash: str) -> SyncStatus:
    """The upper level has applied the journal up to ``seq``, whose hash it says is
    ``chain_hash``: the next bundle starts after it. An older acknowledgement changes nothing;
    one that does not match this register's own chain is refused."""
    with reg.atomic():
        current = _enrolled()
        if upper_id != current.upper_id:
            raise SyncRefused(
                f"Xác nhận này của một cấp ủy khác, không phải «{current.upper_name}»."
            )
        stored = sync_state.hash_at(seq) if seq > 0 else journal.GENESIS
        if stored is None:
            raise SyncRefused(
                f"Cấp trên xác nhận đã nhận đến mục số {seq}, nhưng nhật ký của sổ chỉ đến mục "
                f"số {journal.head()[0]}: sổ có thể đã được khôi phục từ một bản sao lưu cũ. "
                "Hãy báo cấp ủy cấp trên."
            )
        if stored != chain_hash:
            raise SyncRefused(
                f"Mục số {seq} trong xác nhận của cấp trên khác mục số {seq} trong sổ: sổ có "
                "thể đã được khôi phục từ một bản sao lưu cũ rồi ghi tiếp. Hãy báo cấp ủy cấp "
                "trên."
            )
        if seq > current.acked_seq:
            values = {"acked_seq": seq, "acked_hash": chain_hash, "acked_at": journal.now_utc()}
            records.update(current, values, reg.author)
    return status(reg)


# -- export ---------------------------------------------------------------------------------------


def _program() -> str:
    try:
        return f"sochibo {metadata.version('sochibo')}"
    except metadata.PackageNotFoundError:
        return "sochibo"


def _checked(reg: Register) -> dict[str, object]:
    report = checks.check_register(reg)
    if not report.ok:
        found = report.integrity + report.foreign_keys + report.journal + report.replay
        raise SyncRefused(
            "Sổ đang có vấn đề nên chưa xuất gói (hãy xem «Kiểm tra sổ»): " + "; ".join(found[:5])
        )
    return report.to_json()


def _entries(current: SyncEnrolment, first: int | None = None) -> list[Entry]:
    """Every entry after the acknowledged one, if any of them is news; or, asked to send
    again from entry ``first`` (the upper level lost some), every entry from there."""
    after = current.acked_seq if first is None else _resend_after(current, first)
    if first is None and not sync_state.news_after(after):
        raise SyncRefused(
            f"Không có gì mới để gửi: cấp ủy cấp trên đã xác nhận nhận đủ đến mục số "
            f"{current.acked_seq} của nhật ký."
        )
    entries = [Entry(*row) for row in sync_state.entries_after(after)]
    expected = current.acked_hash if first is None else _hash_at(after)
    if not entries or entries[0].prev_hash != expected:
        raise SyncRefused(
            f"Nhật ký của sổ không còn nối với mục số {after} cấp trên đã xác "
            "nhận. Hãy báo cấp ủy cấp trên."
        )
    return entries


def _resend_after(current: SyncEnrolment, first: int) -> int:
    """The entry before ``first``: a resend may go back, never skip what is unacknowledged."""
    head = journal.head()[0]
    if not 1 <= first <= min(current.acked_seq + 1, head):
        raise SyncRefused(
            f"Gửi lại từ mục số {first}: cần một số từ 1 đến {min(current.acked_seq + 1, head)} "
            f"(cấp trên đã xác nhận đến mục số {current.acked_seq}, nhật ký của sổ đến mục số "
            f"{head}). Chưa ghi gì."
        )
    return first - 1


def _hash_at(seq: int) -> str | None:
    return sync_state.hash_at(seq) if seq > 0 else journal.GENESIS


def export_bundle(reg: Register, folder: Path, *, first: int | None = None) -> ExportResult:
    """Check the register, then write the bundle of everything not yet acknowledged (or, with
    ``first``, everything from that entry: what the upper level asks for when it lost some)
    into ``folder`` (a USB stick), read it back and verify it. Writes nothing to the register."""
    folder = Path(folder)
    require_cell_register(reg)
    current = _enrolled()
    if not folder.is_dir():
        raise SyncRefused(f"Không thấy thư mục «{folder}» (USB đã cắm chưa?). Chưa ghi gì.")
    check = _checked(reg)
    entries = _entries(current, first)
    signing, receipts = _keys(reg)
    cell = _cell()
    created = journal.now_utc()
    manifest = bundle.new_manifest(
        cell_id=cell.id,
        cell_code=cell.code,
        cell_name=cell.name,
        key=signing.public,
        cell_recipient=receipts.recipient,
        upper_id=current.upper_id,
        entries=entries,
        check=check,
        schema=int(reg.pragma("user_version")),  # type: ignore[call-overload]
        program=_program(),
        created_at=created,
    )
    name, sealed = bundle.seal_bundle(
        manifest, entries, key=signing, recipient=current.upper_recipient
    )
    path = _write_and_verify(folder, name, sealed, signing.public)
    done = ExportResult(
        path=path,
        signature_path=envelope.signature_path(path),
        bundle_id=manifest.bundle_id,
        seq_from=manifest.seq_from,
        seq_to=manifest.seq_to,
        entries=manifest.entries,
        size=len(sealed.cipher),
        head_hash=manifest.head_hash,
        key_id=manifest.key_id,
        cell_fingerprint=crypto.cell_fingerprint(signing.public, receipts.recipient),
        upper_name=current.upper_name,
        created_at=created,
    )
    _note_sent(reg, done)
    return done


# -- the last bundle written, remembered on this computer ------------------------------------------


@dataclass(frozen=True)
class SentNote:
    """The last bundle written from this computer (an export writes nothing to the register, so
    this is kept beside it in the user's data folder, like the backups)."""

    file: str
    folder: str
    upper_name: str
    seq_from: int
    seq_to: int
    entries: int
    created_at: str  # UTC

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def _sent_path(reg: Register) -> Path:
    return paths.data_dir() / "sync" / f"{reg.register_id}.last-sent.json"


def _note_sent(reg: Register, done: ExportResult) -> None:
    """Best effort: the bundle on the stick is what matters, not the note about it."""
    note = SentNote(
        done.path.name,
        str(done.path.parent),
        done.upper_name,
        done.seq_from,
        done.seq_to,
        done.entries,
        done.created_at,
    )
    target = _sent_path(reg)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(json.dumps(note.to_json(), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        log.warning("could not note the bundle sent in %s", target, exc_info=True)


def last_sent(reg: Register) -> SentNote | None:
    """The last bundle written from this computer, if it is known."""
    try:
        return SentNote(**json.loads(_sent_path(reg).read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError):
        log.warning("the note of the last bundle sent cannot be read", exc_info=True)
        return None


_OS_REASONS = {
    errno.EACCES: "không có quyền ghi vào thư mục này",
    errno.EPERM: "không có quyền ghi vào thư mục này",
    errno.EROFS: "USB hoặc thư mục chỉ cho đọc (có thể đang gạt khóa chống ghi)",
    errno.ENOSPC: "USB đã đầy",
    errno.ENOENT: "thư mục không còn (USB đã bị rút?)",
}


def _os_reason(exc: OSError) -> str:
    return _OS_REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def _write_and_verify(folder: Path, name: str, sealed: Sealed, public: PublicKey) -> Path:
    """Write both files durably, then read them back from the folder: the same bytes, and a
    signature that verifies. A bad copy is removed, never left to be carried."""
    if len(sealed.cipher) > bundle.MAX_BUNDLE_BYTES:
        raise SyncRefused("Gói quá lớn để cấp trên nhận; hãy báo người phát triển chương trình.")
    try:
        path = envelope.write_pair(folder, name, sealed)
    except OSError as exc:
        raise SyncRefused(
            f"Không ghi được gói vào «{folder}»: {_os_reason(exc)}. Sổ không thay đổi gì."
        ) from None
    try:
        cipher, signature = envelope.read_pair(path, bundle.MAX_BUNDLE_BYTES)
        if (cipher, signature) != (sealed.cipher, sealed.signature):
            raise SyncRefused("nội dung đọc lại khác bản vừa ghi")
        envelope.verify_outer(cipher, signature, public, max_bytes=bundle.MAX_BUNDLE_BYTES)
    except SyncRefused as exc:
        envelope.remove_pair(path)
        raise SyncRefused(
            f"Gói ghi vào «{folder}» đọc lại không đúng ({exc}); đã xóa bản hỏng. Hãy thử "
            "lại, hoặc dùng USB khác."
        ) from None
    return path


# -- receipts (the upper level's answer) -------------------------------------------------------

# The procedure step a decision of the upper level is, in the person's history.
DECISION_STEPS = {"admission": "admission_decision", "recognition": "recognition"}
OUTCOMES = {
    "recorded": "Đã ghi vào quá trình của người này.",
    "already": "Sổ đã ghi quyết định này từ trước.",
    "differs": "Sổ ghi khác cấp trên: hãy kiểm tra lại.",
    "manual": "Chưa ghi được vào quá trình: hãy ghi bằng tay khi đủ điều kiện.",
    "unknown_person": "Không có người này trong sổ.",
    "noted": "Đã lưu quyết định; việc chuyển sinh hoạt ghi bằng sự kiện «Chuyển sinh hoạt đi».",
}


@dataclass(frozen=True)
class ReceivedDecisionView:
    id: str
    kind: str
    label: str
    person_id: str
    person_name: str
    number: str
    date: str
    note: str
    outcome: str
    outcome_text: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class ReceiptResult:
    change: str  # new, already
    file: str
    receipt_id: str
    upper_name: str
    applied_seq: int
    issued_at: str
    quotas: list[dict[str, int]]
    decisions: list[ReceivedDecisionView]
    status: SyncStatus
    quota_notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "quota_notes": self.quota_notes,
            "change": self.change,
            "file": self.file,
            "receipt_id": self.receipt_id,
            "upper_name": self.upper_name,
            "applied_seq": self.applied_seq,
            "issued_at": self.issued_at,
            "quotas": self.quotas,
            "decisions": [d.to_json() for d in self.decisions],
            "status": self.status.to_json(),
        }


def _decision_view(row: ReceivedDecision) -> ReceivedDecisionView:
    return ReceivedDecisionView(
        row.id,
        row.kind,
        receipt.KINDS.get(row.kind, row.kind),
        row.person_id,
        row.person_name,
        row.number,
        row.date,
        row.note,
        row.outcome,
        row.outcome_text,
    )


def received_decisions(reg: Register) -> list[ReceivedDecisionView]:
    """Every decision the upper level's receipts brought, the newest decision first."""
    return [_decision_view(row) for row in reversed(upper_receipts.decisions())]


def import_receipt(reg: Register, path: Path, *, today: dt.date | None = None) -> ReceiptResult:
    """Verify, decrypt and validate the upper level's receipt, then in one transaction: move
    the acknowledged point forward (``acknowledge``), keep the receipt and its quotas, and
    record each decision on the person concerned. The same receipt twice changes nothing."""
    require_cell_register(reg)
    path = Path(path)
    current = _enrolled()
    _signing, identity = _keys(reg)
    found = receipt.read_receipt_file(
        path, pinned=PublicKey.parse(current.upper_signing_key), identity=identity
    )
    header, cell = found.header, _cell()
    if header.upper_id != current.upper_id:
        raise SyncRefused(
            f"Biên nhận «{path.name}» của một cấp ủy khác, không phải «{current.upper_name}». "
            "Không nhận gì."
        )
    if header.cell_id != cell.id:
        raise SyncRefused(
            f"Biên nhận «{path.name}» dành cho chi bộ mã «{header.cell_code}», không phải sổ "
            f"«{cell.name}». Không nhận gì."
        )
    with reg.atomic():
        change = "already" if upper_receipts.receipt(header.receipt_id) else "new"
        if change == "new":
            acknowledge(
                reg,
                upper_id=header.upper_id,
                seq=header.applied_seq,
                chain_hash=header.applied_hash,
            )
            _keep_receipt(reg, header)
        quotas = _take_quotas(reg, header, today) if change == "new" else []
        views = [_take(reg, d, header.receipt_id, today) for d in found.decisions]
    return ReceiptResult(
        change,
        path.name,
        header.receipt_id,
        header.upper_name,
        header.applied_seq,
        header.created_at,
        header.quotas,
        views,
        status(reg),
        quotas,
    )


def _take_quotas(reg: Register, header: receipt.Header, today: dt.date | None) -> list[str]:
    """The upper level's quotas become the cell's (source "upper", never overwritten by a
    typed one); a year the cell's rules do not take yet is said, not recorded."""
    issued = _local_day(header.created_at)
    notes = []
    for quota in header.quotas:
        try:
            with reg.atomic():
                ratings.set_quota(
                    reg,
                    quota["year"],
                    quota["count"],
                    source="upper",
                    reference=f"Biên nhận của cấp trên ngày {format_vn(issued)}",
                    note=f"Do {header.upper_name} giao",
                    today=today,
                )
        except DomainError as exc:
            notes.append(f"Chỉ tiêu năm {quota['year']} chưa ghi được: {exc}")
    return notes


def _local_day(utc: str) -> dt.date:
    return dt.datetime.fromisoformat(utc.replace("Z", "+00:00")).astimezone().date()


def _keep_receipt(reg: Register, header: receipt.Header) -> None:
    records.insert(
        ReceivedReceipt,
        {
            "upper_id": header.upper_id,
            "applied_seq": header.applied_seq,
            "applied_hash": header.applied_hash,
            "quotas": json.dumps(header.quotas, sort_keys=True),
            "decisions": header.decisions,
            "issued_at": header.created_at,
        },
        reg.author,
        record_id=header.receipt_id,
    )


def _take(
    reg: Register, decision: receipt.Decision, receipt_id: str, today: dt.date | None
) -> ReceivedDecisionView:
    """Keep one decision (once; a corrected one again) and record it on the person."""
    row = upper_receipts.decision(decision.decision_id)
    same = ("kind", "person_id", "number", "date", "note")
    if row is not None and all(getattr(row, k) == getattr(decision, k) for k in same):
        return _decision_view(row)
    outcome, text, event_id = _record_on_person(reg, decision, today)
    values = {
        "receipt_id": receipt_id,
        "person_id": decision.person_id,
        "person_name": decision.person_name,
        "kind": decision.kind,
        "number": decision.number,
        "date": decision.date,
        "note": decision.note,
        "outcome": outcome,
        "outcome_text": text,
        "event_id": event_id,
    }
    if row is None:
        row = records.insert(ReceivedDecision, values, reg.author, record_id=decision.decision_id)
    else:
        records.update(row, values, reg.author)
    return _decision_view(row)


def _record_on_person(
    reg: Register, decision: receipt.Decision, today: dt.date | None
) -> tuple[str, str, str | None]:
    person = people.by_id(decision.person_id)
    if person is None:
        return "unknown_person", OUTCOMES["unknown_person"], None
    kind = DECISION_STEPS.get(decision.kind)
    if kind is None:
        return "noted", OUTCOMES["noted"], None
    on = dt.date.fromisoformat(decision.date)
    done = [e for e in people.events_of(person.id) if e.kind == kind]
    if done:
        last = done[-1]
        if last.date == decision.date and last.reference == decision.number:
            return "already", OUTCOMES["already"], last.id
        return (
            "differs",
            f"Sổ ghi {decision.label.lower()} số «{last.reference}» ngày "
            f"{format_vn(dt.date.fromisoformat(last.date))}, cấp trên ghi số «{decision.number}» "
            f"ngày {format_vn(on)}: hãy kiểm tra lại.",
            last.id,
        )
    details = {"received": today or dt.date.today()} if kind == "admission_decision" else {}
    try:
        with reg.atomic():  # a savepoint: a refused step leaves nothing behind
            event = members.record_event(
                reg, person.id, kind, on, reference=decision.number, details=details, today=today
            )
    except StateError as exc:
        return "manual", f"{OUTCOMES['manual']} ({exc})", None
    return "recorded", OUTCOMES["recorded"], event.id
