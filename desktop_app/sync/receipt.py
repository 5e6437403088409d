"""The receipt: what the upper level sends back down to a cell.

Content, before encryption: canonical JSON Lines (``sync.lines``). Line 1 is the header
(``Header``): which cell, how far the upper level has applied the cell's journal (the sequence
number and its hash), the admission quotas it set for the cell, how many decisions follow;
then one line per decision (``Decision``: admission, recognition or transfer of a person,
with the decision's number and date).

On the stick: ``CB-KP5.nhan-000412.sochibo-biennhan`` (age-encrypted to the cell's receipt
key, which its bundles carry) and ``….minisig`` (the upper level's minisign signature, whose
trusted comment repeats the facts in ``OUTER``). The cell checks the signature against the
upper level's key from its enrolment file, then the facts, then decrypts and validates every
line; any fault is one ``SyncRefused`` naming the file.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from desktop_app.sync import crypto, envelope
from desktop_app.sync.bundle import HASH, TIME, UUID, Check, expect_fields, safe_code
from desktop_app.sync.crypto import AgeIdentity, PublicKey, SigningKey
from desktop_app.sync.envelope import Sealed
from desktop_app.sync.errors import SyncRefused
from desktop_app.sync.lines import dump_line, load_line

FORMAT = "sochibo-biennhan/1"
FORMAT_FAMILY = "sochibo-biennhan/"
SUFFIX = ".sochibo-biennhan"
MAX_RECEIPT_BYTES = 4 * 1024 * 1024
MAX_LINE_BYTES = 64 * 1024
MAX_DECISIONS = 10_000
UNTRUSTED = "signature from sochibo upper level key {key_id}"
KINDS = {
    "admission": "Quyết định kết nạp",
    "recognition": "Quyết định công nhận đảng viên chính thức",
    "transfer": "Quyết định chuyển sinh hoạt đảng",
}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_FILE = re.compile(r"(?P<code>[A-Za-z0-9_-]{1,40})\.nhan-(?P<seq>\d{6,})\.sochibo-biennhan")


def _text(limit: int, empty: bool = False) -> Check:
    return lambda v: isinstance(v, str) and (empty or bool(v)) and len(v) <= limit


def _int(least: int, most: int) -> Check:
    return lambda v: type(v) is int and least <= v <= most


def _date(v: object) -> bool:
    if not isinstance(v, str) or not _DATE.fullmatch(v):
        return False
    try:
        dt.date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _quotas(v: object) -> bool:
    if not isinstance(v, list) or len(v) > 100:
        return False
    years = set()
    for item in v:
        if not isinstance(item, dict) or set(item) != {"year", "count"}:
            return False
        if not _int(1930, 2100)(item["year"]) or not _int(0, 10_000)(item["count"]):
            return False
        years.add(item["year"])
    return len(years) == len(v) and v == sorted(v, key=lambda q: q["year"])


HEADER_SPEC: dict[str, tuple[Check, str]] = {
    "format": (lambda v: v == FORMAT, FORMAT),
    "receipt_id": UUID,
    "upper_id": UUID,
    "upper_name": (_text(200), "chữ, 1 đến 200 ký tự"),
    "upper_key": (_text(100), "khóa công khai minisign"),
    "cell_id": UUID,
    "cell_code": (_text(40), "chữ, 1 đến 40 ký tự"),
    "applied_seq": (_int(0, 2**53), "số nguyên từ 0"),
    "applied_hash": HASH,
    "last_bundle_id": (lambda v: v is None or UUID[0](v), "mã UUID hoặc null"),
    "quotas": (_quotas, "danh sách năm và chỉ tiêu, mỗi năm một lần, theo thứ tự năm"),
    "decisions": (_int(0, MAX_DECISIONS), f"số nguyên từ 0 đến {MAX_DECISIONS}"),
    "created_at": TIME,
}
DECISION_SPEC: dict[str, tuple[Check, str]] = {
    "decision_id": UUID,
    "kind": (lambda v: v in KINDS, ", ".join(KINDS)),
    "person_id": UUID,
    "person_name": (_text(200), "chữ, 1 đến 200 ký tự"),
    "number": (_text(100), "chữ, 1 đến 100 ký tự"),
    "date": (_date, "ngày dạng 2026-11-22"),
    "note": (_text(1000, empty=True), "chữ, tối đa 1000 ký tự"),
}
OUTER = (
    "format", "receipt_id", "upper_id", "upper_key", "cell_id", "cell_code", "applied_seq",
    "applied_hash", "created_at",
)  # fmt: skip
KIND = envelope.Kind(
    FORMAT, FORMAT_FAMILY, OUTER, "upper_key", UNTRUSTED,
    "không phải biên nhận của Sổ Chi bộ", "phần đầu",
)  # fmt: skip


@dataclass(frozen=True)
class Header:
    format: str
    receipt_id: str
    upper_id: str
    upper_name: str
    upper_key: str
    cell_id: str
    cell_code: str
    applied_seq: int
    applied_hash: str
    last_bundle_id: str | None
    quotas: list[dict[str, int]]
    decisions: int
    created_at: str

    def to_json(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class Decision:
    decision_id: str
    kind: str
    person_id: str
    person_name: str
    number: str
    date: str  # ISO
    note: str

    @property
    def label(self) -> str:
        return KINDS[self.kind]

    def to_json(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class Receipt:
    name: str
    header: Header
    decisions: tuple[Decision, ...]

    def quota(self, year: int) -> int | None:
        found = [q["count"] for q in self.header.quotas if q["year"] == year]
        return found[0] if found else None


def new_header(
    *,
    upper_id: str,
    upper_name: str,
    upper_key: PublicKey,
    cell_id: str,
    cell_code: str,
    applied_seq: int,
    applied_hash: str,
    last_bundle_id: str | None,
    quotas: Sequence[tuple[int, int]],
    decisions: int,
    created_at: str,
) -> Header:
    return Header(
        FORMAT,
        str(uuid.uuid4()),
        upper_id,
        upper_name,
        upper_key.text,
        cell_id,
        cell_code,
        applied_seq,
        applied_hash,
        last_bundle_id,
        [{"year": y, "count": c} for y, c in sorted(quotas)],
        decisions,
        created_at,
    )


# -- content ------------------------------------------------------------------------------------


def encode(header: Header, decisions: Sequence[Decision]) -> bytes:
    return dump_line(header.to_json()) + b"".join(dump_line(d.to_json()) for d in decisions)


def _line(number: int, raw: bytes, spec: dict[str, tuple[Check, str]]) -> dict[str, object]:
    where = "dòng 1 (phần đầu)" if number == 1 else f"dòng {number}"
    if len(raw) > MAX_LINE_BYTES:
        raise SyncRefused(f"{where}: dài quá {MAX_LINE_BYTES // 1024} KB")
    try:
        doc = load_line(raw)
        if number == 1:
            KIND.check_format(doc.get("format"))
        expect_fields(doc, spec)
    except SyncRefused as exc:
        raise SyncRefused(f"{where}: {exc}") from None
    return doc


def parse(plaintext: bytes) -> tuple[Header, list[Decision]]:
    if not plaintext.endswith(b"\n"):
        raise SyncRefused("nội dung không kết thúc bằng dấu xuống dòng (bị cắt cụt?)")
    lines = plaintext[:-1].split(b"\n")
    header = Header(**_line(1, lines[0], HEADER_SPEC))  # type: ignore[arg-type]
    try:
        PublicKey.parse(header.upper_key)
    except SyncRefused as exc:
        raise SyncRefused(f"dòng 1 (phần đầu): {exc}") from None
    if len(lines) - 1 != header.decisions:
        raise SyncRefused(
            f"phần đầu ghi {header.decisions} quyết định, biên nhận có {len(lines) - 1} dòng"
        )
    decisions = [
        Decision(**_line(n, raw, DECISION_SPEC))  # type: ignore[arg-type]
        for n, raw in enumerate(lines[1:], start=2)
    ]
    ids = [d.decision_id for d in decisions]
    if len(set(ids)) != len(ids):
        raise SyncRefused("một quyết định xuất hiện hai lần")
    return header, decisions


# -- making -------------------------------------------------------------------------------------


def file_name(cell_code: str, applied_seq: int) -> str:
    return f"{safe_code(cell_code)}.nhan-{applied_seq:06d}{SUFFIX}"


def parse_file_name(name: str) -> tuple[str, int] | None:
    found = _FILE.fullmatch(name)
    return (found["code"], int(found["seq"])) if found else None


def outer_facts(header: Header, name: str) -> dict[str, object]:
    return {**{k: getattr(header, k) for k in OUTER}, "file": name}


def seal_plaintext(
    plaintext: bytes, header: Header, *, key: SigningKey, recipient: str
) -> tuple[str, Sealed]:
    """Encrypt and sign content as it is (the tests use this to make lying receipts)."""
    name = file_name(header.cell_code, header.applied_seq)
    sealed = envelope.seal(
        plaintext,
        recipient=recipient,
        key=key,
        facts=outer_facts(header, name),
        untrusted=UNTRUSTED.format(key_id=key.public.key_id_hex),
    )
    return name, sealed


def seal_receipt(
    header: Header, decisions: Sequence[Decision], *, key: SigningKey, recipient: str
) -> tuple[str, Sealed]:
    """The file name and the sealed receipt, after its content passed the cell's checks."""
    if header.upper_key != key.public.text:
        raise SyncRefused("Biên nhận chưa tạo được: phần đầu nêu khóa khác khóa ký")
    plaintext = encode(header, decisions)
    try:
        parse(plaintext)
    except SyncRefused as exc:
        raise SyncRefused(f"Biên nhận chưa tạo được, nội dung không đạt kiểm tra: {exc}") from None
    if len(plaintext) > MAX_RECEIPT_BYTES // 2:
        raise SyncRefused("Biên nhận quá lớn; hãy báo người phát triển chương trình.")
    return seal_plaintext(plaintext, header, key=key, recipient=recipient)


# -- reading ------------------------------------------------------------------------------------


def read_receipt(
    cipher: bytes,
    signature: bytes,
    *,
    pinned: PublicKey,
    identity: AgeIdentity,
    name: str = "",
    max_bytes: int = MAX_RECEIPT_BYTES,
) -> Receipt:
    """The receipt, validated whole, or one SyncRefused naming the file and the fault."""
    try:
        sig, facts = envelope.verify_outer(cipher, signature, pinned, max_bytes=max_bytes)
        KIND.check_facts(facts, sig.untrusted_comment, pinned)
        header, decisions = parse(crypto.decrypt(cipher, identity))
        KIND.agree(facts, header)
    except SyncRefused as exc:
        raise SyncRefused(
            f"Biên nhận «{name or 'không tên'}» bị từ chối: {exc}. Không nhận gì từ biên nhận này."
        ) from None
    return Receipt(name, header, tuple(decisions))


def read_receipt_file(
    path: Path, *, pinned: PublicKey, identity: AgeIdentity, max_bytes: int = MAX_RECEIPT_BYTES
) -> Receipt:
    path = Path(path)
    try:
        cipher, signature = envelope.read_pair(path, max_bytes)
    except SyncRefused as exc:
        raise SyncRefused(f"Biên nhận «{path.name}» bị từ chối: {exc}.") from None
    return read_receipt(
        cipher, signature, pinned=pinned, identity=identity, name=path.name, max_bytes=max_bytes
    )
