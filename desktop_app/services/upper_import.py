"""The upper level receives a cell's bundle: verify, decrypt, validate, show what it changes,
and apply it in one transaction.

Order (``apply_bundle``): the signed facts say which cell and which upper level the file is
for (a file for another upper level is refused); a pinned cell's file must be signed by the
pinned key; a cell's first file is pinned only when the officer confirms the fingerprint read
over the phone (nothing is decrypted before); then ``sync.bundle.read_bundle`` (signature,
decryption into memory bounded by the size cap, every line validated, the hash chain
recomputed); then ``sync.continuity.place`` against what the upper level already holds: the
same entries again change nothing, a gap holds the bundle back, a fork is flagged for the
officer (``accept_fork`` sets the old branch aside and takes the new one). A dry run stops
after the summary and writes nothing.

``import_bundles`` is what the CLI and the window call: each file in its own transaction,
one verified backup of the workspace before the first that writes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from desktop_app.domain.names import fold
from desktop_app.services import backups, upper_summary
from desktop_app.services.upper_summary import Summary
from desktop_app.services.upper_workspace import cell_label, require_workspace, upper_keys
from desktop_app.store import journal, records, upper, upper_replica
from desktop_app.store.database import Register
from desktop_app.store.upper_models import UpperCell, UpperConflict, UpperImport
from desktop_app.sync import bundle, continuity, crypto, envelope, replica
from desktop_app.sync.bundle import Bundle, Entry
from desktop_app.sync.continuity import Placement
from desktop_app.sync.crypto import PublicKey, Signature
from desktop_app.sync.errors import SyncRefused
from desktop_app.sync.replica import Folded, Key, Known

BACKUP_REASON = "truoc-nhan-goi"
NOT_APPLIED = ("needs_pinning", "gap", "fork", "refused")
Write = Callable[[], None] | None  # runs just before writing; None: a dry run, write nothing


# -- results -----------------------------------------------------------------------------------


@dataclass
class ImportResult:
    status: str  # applied, dry_run, duplicate, gap, fork, needs_pinning, refused
    file: str
    message: str
    cell_code: str = ""
    cell_name: str = ""
    seq_from: int = 0
    seq_to: int = 0
    applied_before: int = 0
    applied_after: int = 0
    bundle_id: str = ""
    created_at: str = ""
    fingerprint: str = ""
    key_id: str = ""
    pinned_now: bool = False
    missing: list[int] | None = None
    common: int | None = None
    conflict_id: str | None = None
    summary: Summary | None = None

    @property
    def ok(self) -> bool:
        return self.status not in NOT_APPLIED

    def to_json(self) -> dict[str, object]:
        doc = asdict(self)
        doc["summary"] = self.summary.to_json() if self.summary else None
        return {**doc, "ok": self.ok}


# -- the outer layer -----------------------------------------------------------------------------


_RESET_HINT = (
    "Nếu chi bộ đã mất sổ và mọi bản sao lưu nên phải làm sổ mới: gọi điện xác nhận với bí "
    "thư, rồi bỏ khóa cũ (trang «Chi bộ», «Bỏ khóa cũ…», hoặc sochibo upper reset-cell {code} "
    "--note …) và nhập lại gói"
)


def _refuse(name: str, why: str) -> SyncRefused:
    return SyncRefused(f"Gói «{name}» bị từ chối: {why}. Không nhận gì từ gói này.")


def _signed_facts(name: str, signature: bytes) -> tuple[Signature, dict[str, object]]:
    try:
        sig = crypto.parse_signature(signature)
        return sig, envelope.facts_of(sig)
    except SyncRefused as exc:
        raise _refuse(name, str(exc)) from None


def _check_format(name: str, found: object) -> None:
    try:
        bundle.KIND.check_format(found)
    except SyncRefused as exc:
        raise _refuse(name, str(exc)) from None


def _cell_for(name: str, facts: dict[str, object]) -> UpperCell:
    cell_uuid, code = facts.get("cell_id"), facts.get("cell_code")
    row = upper.cell_by_uuid(cell_uuid) if isinstance(cell_uuid, str) else None
    if row is not None:
        return row
    if not isinstance(code, str):
        raise _refuse(name, "chữ ký không nêu mã chi bộ")
    row = upper.cell_by_code(fold(code))
    if row is None:
        raise _refuse(
            name,
            f"chi bộ mã «{code}» chưa được ghi danh ở cấp trên (ghi danh: sochibo upper enrol "
            f"{code} --out TỆP, gửi tệp cho chi bộ, rồi nhập lại gói)",
        )
    if row.cell_uuid is not None:
        raise _refuse(
            name,
            f"mã «{code}» ở cấp trên thuộc chi bộ {cell_label(row)} đã ghi nhận khóa (vân tay "
            f"{row.fingerprint}); gói này của một chi bộ khác dùng cùng mã. "
            f"{_RESET_HINT.format(code=row.code)}",
        )
    return row


@dataclass(frozen=True)
class _Signer:
    key: PublicKey
    fingerprint: str
    pin_now: bool


def _confirmed(confirm: str | None) -> str | None:
    """The fingerprint as typed, in the program's spelling (groups of four, capitals)."""
    if confirm is None:
        return None
    raw = "".join(ch for ch in confirm.upper() if ch.isalnum())
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _signer(
    name: str,
    cell: UpperCell,
    facts: dict[str, object],
    sig: Signature,
    cipher: bytes,
) -> _Signer:
    """The key the bundle must verify against: the pinned one, or the one it carries (the
    caller asks the officer to confirm its fingerprint before pinning it)."""
    try:
        carried = PublicKey.parse(str(facts.get("cell_key", "")))
        fingerprint = crypto.cell_fingerprint(carried, str(facts.get("cell_recipient", "")))
    except SyncRefused as exc:
        raise _refuse(name, str(exc)) from None
    if cell.public_key:
        if carried.text != cell.public_key:
            raise _refuse(
                name,
                f"gói của chi bộ {cell_label(cell)} được ký bằng một khóa khác (vân tay "
                f"{fingerprint}) với khóa cấp trên đã ghi nhận (vân tay {cell.fingerprint}). "
                f"{_RESET_HINT.format(code=cell.code)}",
            )
        if facts.get("cell_recipient") != cell.recipient:
            raise _refuse(name, "khóa nhận biên nhận của chi bộ khác khóa đã ghi nhận")
        return _Signer(carried, cell.fingerprint, False)
    try:
        crypto.verify(carried, cipher, sig)
    except SyncRefused as exc:
        raise _refuse(name, str(exc)) from None
    return _Signer(carried, fingerprint, True)


# -- importing -------------------------------------------------------------------------------------


def import_bundles(
    reg: Register,
    files: Sequence[Path],
    *,
    dry_run: bool = False,
    confirm_fingerprint: str | None = None,
    accept_fork: bool = False,
    today: dt.date | None = None,
) -> list[ImportResult]:
    """Each file in its own transaction; before the first one that writes anything, one
    verified backup of the workspace. A refused file is reported and the others still read."""
    require_workspace(reg)
    taken: list[object] = []

    def backup_once() -> None:
        if not taken:
            taken.append(backups.backup_before(reg, BACKUP_REASON))

    results = []
    for path in files:
        try:
            results.append(
                apply_bundle(
                    reg,
                    Path(path),
                    dry_run=dry_run,
                    confirm_fingerprint=confirm_fingerprint,
                    accept_fork=accept_fork,
                    today=today,
                    before_write=backup_once,
                )
            )
        except SyncRefused as exc:
            results.append(ImportResult("refused", Path(path).name, str(exc)))
    return results


def apply_bundle(
    reg: Register,
    path: Path,
    *,
    dry_run: bool = False,
    confirm_fingerprint: str | None = None,
    accept_fork: bool = False,
    today: dt.date | None = None,
    before_write: Callable[[], None] | None = None,
) -> ImportResult:
    """One bundle (see the module's docstring). ``before_write`` runs before anything is
    written (``import_bundles`` backs the workspace up there)."""
    write: Write = None if dry_run else (before_write or (lambda: None))
    keys = upper_keys(reg)
    path = Path(path)
    name = path.name
    try:
        cipher, signature = envelope.read_pair(path, bundle.MAX_BUNDLE_BYTES)
    except SyncRefused as exc:
        raise _refuse(name, str(exc).rstrip(".")) from None
    sig, facts = _signed_facts(name, signature)
    _check_format(name, facts.get("format"))
    if facts.get("upper_id") != keys.upper_id:
        raise _refuse(
            name, f"gói được gửi cho một cấp ủy khác, không phải «{keys.name}» (sổ làm việc này)"
        )
    cell = _cell_for(name, facts)
    signer = _signer(name, cell, facts, sig, cipher)
    result = ImportResult("", name, "", cell.code, cell.name, fingerprint=signer.fingerprint)
    result.key_id = signer.key.key_id_hex
    if signer.pin_now and _confirmed(confirm_fingerprint) != signer.fingerprint:
        return _pinning(result, cell, facts, confirm_fingerprint)
    found = bundle.read_bundle(
        cipher, signature, pinned=signer.key, identity=keys.identity, name=name
    )
    _describe(result, found, cell)
    place = continuity.place(found, cell.applied_seq, cell.applied_hash, _lookup(cell.id))
    if place.kind == "duplicate":
        return _finish(result, "duplicate")
    if place.kind == "gap":
        return _held(reg, result, cell, found, place, write)
    if place.kind == "fork" and not accept_fork:
        return _forked(reg, result, cell, found, place, write)
    if place.kind == "fork" and place.common is None:
        raise _refuse(name, "không tìm được mục chung của hai nhánh trong gói này")
    return _apply(reg, result, cell, found, place, signer, write)


def _lookup(cell_id: str) -> continuity.Lookup:
    return lambda first, last: upper_replica.stored_hashes(cell_id, first, last)


def _describe(result: ImportResult, found: Bundle, cell: UpperCell) -> None:
    m = found.manifest
    result.cell_name = m.cell_name
    result.seq_from, result.seq_to = m.seq_from, m.seq_to
    result.applied_before = result.applied_after = cell.applied_seq
    result.bundle_id, result.created_at = m.bundle_id, m.created_at


def _finish(result: ImportResult, status: str) -> ImportResult:
    result.status = status
    result.message = _message(result)
    return result


def _pinning(
    result: ImportResult, cell: UpperCell, facts: dict[str, object], confirm: str | None
) -> ImportResult:
    if confirm is not None:
        raise _refuse(
            result.file,
            f"vân tay anh/chị nhập ({confirm}) không khớp vân tay của chi bộ trong gói "
            f"({result.fingerprint}); chưa ghi nhận khóa",
        )
    seq_from, seq_to = facts.get("seq_from"), facts.get("seq_to")
    result.seq_from = seq_from if type(seq_from) is int else 0
    result.seq_to = seq_to if type(seq_to) is int else 0
    return _finish(result, "needs_pinning")


def _open_conflict(cell: UpperCell, kind: str, bundle_id: str) -> UpperConflict | None:
    found = [c for c in upper.conflicts(cell.id) if c.kind == kind and c.bundle_id == bundle_id]
    return found[0] if found else None


def _record_conflict(
    reg: Register,
    result: ImportResult,
    cell: UpperCell,
    found: Bundle,
    kind: str,
    at: int,
    before_write: Callable[[], None],
) -> None:
    """Flag the bundle for the officer, once."""
    row = _open_conflict(cell, kind, found.manifest.bundle_id)
    if row is None:
        before_write()
        with reg.atomic():
            row = records.insert(
                UpperConflict,
                {
                    "cell": cell.id,
                    "kind": kind,
                    "bundle_id": found.manifest.bundle_id,
                    "file": found.name,
                    "seq_from": found.manifest.seq_from,
                    "seq_to": found.manifest.seq_to,
                    "at_seq": at,
                    "detail": result.message,
                },
                reg.author,
            )
    result.conflict_id = row.id


def _held(
    reg: Register, result: ImportResult, cell: UpperCell, found: Bundle, place: Placement, write
) -> ImportResult:
    assert place.missing is not None
    result.missing = list(place.missing)
    _finish(result, "gap")
    if write is not None:
        _record_conflict(reg, result, cell, found, "gap", place.missing[0], write)
    return result


def _forked(
    reg: Register, result: ImportResult, cell: UpperCell, found: Bundle, place: Placement, write
) -> ImportResult:
    result.common = place.common
    _finish(result, "fork")
    if write is not None:
        at = place.common if place.common is not None else found.manifest.seq_from - 1
        _record_conflict(reg, result, cell, found, "fork", at, write)
    return result


# -- applying --------------------------------------------------------------------------------------


def _known(rows: dict[Key, tuple]) -> dict[Key, Known]:
    return {key: Known(*row) for key, row in rows.items()}


def _rebuilt(cell: UpperCell, upto: int) -> dict[Key, Folded]:
    """The cell's records as they stood at entry ``upto``, from the kept entries."""
    kept = [Entry(*row) for row in upper_replica.entries(cell.id, upto)]
    return replica.fold(kept, {})


def _apply(
    reg: Register,
    result: ImportResult,
    cell: UpperCell,
    found: Bundle,
    place: Placement,
    signer: _Signer,
    write: Write,
) -> ImportResult:
    fork = place.kind == "fork"
    base = place.common if fork else cell.applied_seq
    assert base is not None
    new = [e for e in found.entries if e.seq > base]
    rebuilt = _rebuilt(cell, base) if fork else None
    if rebuilt is not None:
        known = {k: Known(r.version, r.deleted, r.created_at, r.updated_at, r.data)
                 for k, r in rebuilt.items()}  # fmt: skip
        live_before = sum(1 for (e, _i), r in rebuilt.items() if e == "person" and not r.deleted)
    else:
        known = _known(upper_replica.known(cell.id, replica.keys_of(new)))
        live_before = upper_replica.live_count(cell.id)
    try:
        folded = replica.fold(new, known)
    except SyncRefused as exc:
        raise _refuse(found.name, str(exc)) from None
    result.summary = upper_summary.summarise(cell, found, folded, live_before, len(new))
    result.common = place.common if fork else None
    if write is None:
        return _finish(result, "dry_run")
    write()
    with reg.atomic():
        if signer.pin_now:
            _pin(reg, cell, found, signer)
        if rebuilt is not None:
            _rewind(reg, cell, base, rebuilt, found)
        imported = records.insert(
            UpperImport,
            {
                "cell": cell.id,
                "bundle_id": found.manifest.bundle_id,
                "file": found.name,
                "seq_from": found.manifest.seq_from,
                "seq_to": found.manifest.seq_to,
                "applied_from": base + 1,
                "head_hash": found.manifest.head_hash,
                "bundle_created_at": found.manifest.created_at,
                "summary": json.dumps(result.summary.counts(), sort_keys=True),
                "rewound_to": base if fork else None,
            },
            reg.author,
        )
        upper_replica.add_entries(cell.id, imported.id, new)
        upper_replica.write(cell.id, folded.values())
        _advance(reg, cell, found)
        _close_gaps(reg, cell)
    result.applied_after = cell.applied_seq
    result.pinned_now = signer.pin_now
    return _finish(result, "applied")


def _pin(reg: Register, cell: UpperCell, found: Bundle, signer: _Signer) -> None:
    m = found.manifest
    records.update(
        cell,
        {
            "cell_uuid": m.cell_id,
            "key_id": m.key_id,
            "public_key": signer.key.text,
            "recipient": m.cell_recipient,
            "fingerprint": signer.fingerprint,
            "pinned_at": journal.now_utc(),
        },
        reg.author,
    )


def _rewind(
    reg: Register, cell: UpperCell, base: int, rebuilt: dict[Key, Folded], found: Bundle
) -> None:
    """Set the old branch aside and build the cell's records again as they stood at
    ``base``; the fork conflicts of the cell close with what was done."""
    dropped = upper_replica.set_aside_after(cell.id, base)
    upper_replica.clear(cell.id)
    upper_replica.write(cell.id, rebuilt.values())
    rows = upper_replica.stored_hashes(cell.id, base, base) if base else {}
    records.update(
        cell, {"applied_seq": base, "applied_hash": rows.get(base, journal.GENESIS)}, reg.author
    )
    note = f"Đã nhận nhánh mới từ gói «{found.name}»: để riêng {dropped} mục cũ sau mục số {base}."
    for row in upper.conflicts(cell.id):
        if row.kind == "fork":
            records.update(row, {"resolved_at": journal.now_utc(), "resolution": note}, reg.author)


def _advance(reg: Register, cell: UpperCell, found: Bundle) -> None:
    m = found.manifest
    records.update(
        cell,
        {
            "applied_seq": m.seq_to,
            "applied_hash": m.head_hash,
            "last_bundle_id": m.bundle_id,
            "last_bundle_at": m.created_at,
            "last_import_at": journal.now_utc(),
            "name": m.cell_name,
            "cell_uuid": m.cell_id,
        },
        reg.author,
    )


def _close_gaps(reg: Register, cell: UpperCell) -> None:
    for row in upper.conflicts(cell.id):
        if row.kind != "gap" or row.seq_from - 1 > cell.applied_seq:
            continue
        note = (
            "Các mục còn thiếu đã nhận đủ; không cần gói này nữa."
            if row.seq_to <= cell.applied_seq
            else f"Các mục còn thiếu đã nhận đủ; hãy nhập lại gói «{row.file}»."
        )
        records.update(row, {"resolved_at": journal.now_utc(), "resolution": note}, reg.author)


# -- messages --------------------------------------------------------------------------------------


def _message(r: ImportResult) -> str:
    who = f"chi bộ «{r.cell_name or r.cell_code}»"
    what = f"Gói «{r.file}» của {who} (mục số {r.seq_from}–{r.seq_to})"
    if r.status == "applied":
        pinned = " Đã ghi nhận khóa của chi bộ." if r.pinned_now else ""
        return f"Đã nhận {what[0].lower()}{what[1:]}.{pinned} Cấp trên đã có đến mục số {r.seq_to}."
    if r.status == "dry_run":
        return f"Xem trước {what[0].lower()}{what[1:]}: chưa ghi gì. Nhập thật: bỏ --dry-run."
    if r.status == "duplicate":
        return (
            f"{what} đã nhận từ trước: cấp trên đã có đến mục số {r.applied_before}. "
            "Không thay đổi gì."
        )
    if r.status == "gap":
        first, last = r.missing or (0, 0)
        return (
            f"{what} bị giữ lại: cấp trên mới có đến mục số {r.applied_before}, còn thiếu mục "
            f"số {first}–{last}. Hãy nhập gói chứa các mục đó trước, rồi nhập lại gói này; "
            f"không có gói đó thì nhờ chi bộ gửi lại từ mục số {first} (trang «Gửi cấp trên», "
            f"«Gửi lại từ mục số…», hoặc lệnh sochibo bundle export --from {first}). "
            "Chưa nhận gì từ gói này."
        )
    if r.status == "fork":
        return _fork_message(r, what)
    return (
        f"{what}: gói đầu tiên của chi bộ. Vân tay của chi bộ: {r.fingerprint}. Hãy gọi điện cho "
        "bí thư chi bộ và cùng đọc vân tay chương trình của chi bộ hiện ra; khớp thì nhập lại "
        f"với --confirm-fingerprint {r.fingerprint}. Chưa nhận gì."
    )


def _fork_message(r: ImportResult, what: str) -> str:
    if r.common is None:
        return (
            f"{what} không nối tiếp những gì cấp trên đã nhận (rẽ nhánh trước mục số "
            f"{r.seq_from}). Hãy liên hệ chi bộ. Chưa nhận gì từ gói này."
        )
    return (
        f"{what} không nối tiếp những gì cấp trên đã nhận: nhật ký của chi bộ rẽ nhánh sau mục "
        f"số {r.common} (có thể chi bộ đã khôi phục một bản sao lưu cũ rồi ghi tiếp); cấp trên "
        f"đang giữ đến mục số {r.applied_before}. Hãy gọi điện cho chi bộ; nếu nhánh mới là "
        "đúng, nhập lại gói với --accept-fork (cấp trên để riêng các mục cũ sau mục số "
        f"{r.common} và nhận nhánh mới). Chưa nhận gì từ gói này."
    )
