"""The enrolment file: how the upper level introduces itself to a cell.

The upper level's workspace writes one per cell (``CB-KP5.sochibo-ghidanh``); the cell imports
it (``sochibo enrol FILE``) and from then on encrypts its bundles to ``recipient`` and checks
the upper level's receipts against ``signing_key``. A JSON object, UTF-8, NFC:

    format       "sochibo-ghidanh/1"
    upper_id     the upper level's workspace (UUID)
    upper_name   "Đảng ủy phường Quy Nhơn Nam"
    cell_code    the cell's code as the upper level knows it ("CB-KP5")
    cell_id      the cell's UUID once the upper level has seen it in a bundle, else null
    recipient    the upper level's age X25519 public key (age1…)
    signing_key  the upper level's minisign public key (base64 line), for receipts
    fingerprint  ``crypto.upper_fingerprint`` of the two keys, ``XXXX-XXXX-XXXX-XXXX``
    created_at   UTC, 2026-11-22T08:00:00.000Z

The file is not signed: nothing the cell holds could vouch for it. The secretary reads the
fingerprint the program shows to the upper level's officer over the phone (it is recomputed
here from the keys, so the file's own ``fingerprint`` field is only a check against damage).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from desktop_app.domain.names import clean_text
from desktop_app.sync import crypto, envelope
from desktop_app.sync.crypto import PublicKey
from desktop_app.sync.errors import SyncRefused
from desktop_app.sync.lines import load_json

FORMAT = "sochibo-ghidanh/1"
FORMAT_FAMILY = "sochibo-ghidanh/"
SUFFIX = ".sochibo-ghidanh"
MAX_BYTES = 64 * 1024
NAME_LIMIT = 200
CODE_LIMIT = 40
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")
LABELS = {
    "format": "định dạng",
    "upper_id": "mã cấp ủy cấp trên",
    "upper_name": "tên cấp ủy cấp trên",
    "cell_code": "mã chi bộ",
    "cell_id": "mã UUID của chi bộ",
    "recipient": "khóa nhận gói (age)",
    "signing_key": "khóa ký của cấp trên (minisign)",
    "fingerprint": "vân tay",
    "created_at": "thời điểm tạo",
}


@dataclass(frozen=True)
class Enrolment:
    format: str
    upper_id: str
    upper_name: str
    cell_code: str
    cell_id: str | None
    recipient: str
    signing_key: str
    fingerprint: str
    created_at: str

    @property
    def signing_public(self) -> PublicKey:
        return PublicKey.parse(self.signing_key)

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    def to_bytes(self) -> bytes:
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=2, sort_keys=True)
        return (text + "\n").encode("utf-8")


def make(
    *,
    upper_id: str,
    upper_name: str,
    cell_code: str,
    cell_id: str | None,
    recipient: str,
    signing_key: PublicKey,
    created_at: str,
) -> Enrolment:
    enrolment = Enrolment(
        FORMAT,
        upper_id,
        clean_text(upper_name),
        clean_text(cell_code),
        cell_id,
        recipient,
        signing_key.text,
        crypto.upper_fingerprint(recipient, signing_key),
        created_at,
    )
    return _validated(enrolment.to_json())


def _text(doc: dict[str, object], name: str, limit: int) -> None:
    value = doc[name]
    if not isinstance(value, str) or not value or len(value) > limit:
        raise SyncRefused(f"{LABELS[name]} phải là chữ, 1 đến {limit} ký tự")
    if clean_text(value) != value:
        raise SyncRefused(f"{LABELS[name]} có ký tự điều khiển hoặc khoảng trắng thừa")


def _pattern(doc: dict[str, object], name: str, pattern: re.Pattern[str], wanted: str) -> None:
    value = doc[name]
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise SyncRefused(f"{LABELS[name]} sai dạng (cần: {wanted})")


def _validated(doc: object) -> Enrolment:
    if not isinstance(doc, dict):
        raise SyncRefused("không phải một đối tượng JSON")
    found = doc.get("format")
    if found != FORMAT:
        if isinstance(found, str) and found.startswith(FORMAT_FAMILY):
            raise SyncRefused(
                f"định dạng «{found}» chương trình này chưa hiểu (chỉ hiểu «{FORMAT}»)"
            )
        raise SyncRefused("không phải tệp ghi danh của Sổ Chi bộ")
    missing = [LABELS[k] for k in LABELS if k not in doc]
    if missing:
        raise SyncRefused(f"thiếu {missing[0]}")
    extra = sorted(k for k in doc if k not in LABELS)
    if extra:
        raise SyncRefused(f"có trường lạ «{extra[0]}»")
    _pattern(doc, "upper_id", _UUID, "mã UUID")
    _text(doc, "upper_name", NAME_LIMIT)
    _text(doc, "cell_code", CODE_LIMIT)
    if doc["cell_id"] is not None:
        _pattern(doc, "cell_id", _UUID, "mã UUID hoặc null")
    _pattern(doc, "created_at", _TIME, "2026-11-22T08:00:00.000Z")
    if not isinstance(doc["signing_key"], str) or not isinstance(doc["fingerprint"], str):
        raise SyncRefused("khóa ký và vân tay phải là chữ")
    recipient = crypto.check_recipient(doc["recipient"])  # type: ignore[arg-type]
    key = PublicKey.parse(doc["signing_key"])
    if key.text != doc["signing_key"]:
        raise SyncRefused(f"{LABELS['signing_key']} phải là một dòng base64")
    if crypto.upper_fingerprint(recipient, key) != doc["fingerprint"]:
        raise SyncRefused("vân tay không khớp với các khóa trong tệp (tệp đã bị sửa hoặc hỏng)")
    return Enrolment(**doc)  # type: ignore[arg-type]


def read_enrolment(data: bytes, name: str = "") -> Enrolment:
    """The enrolment in ``data``, or a SyncRefused naming the file and the fault."""
    try:
        envelope.check_size(data, MAX_BYTES, "Tệp")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise SyncRefused("không phải văn bản UTF-8") from None
        return _validated(load_json(text))
    except SyncRefused as exc:
        raise SyncRefused(f"Tệp ghi danh «{name or 'không tên'}» không dùng được: {exc}.") from None


def read_enrolment_file(path: Path) -> Enrolment:
    path = Path(path)
    try:
        data = envelope.read_bounded(path, MAX_BYTES, "Tệp ghi danh")
    except SyncRefused as exc:
        raise SyncRefused(f"{exc}.") from None
    return read_enrolment(data, path.name)
