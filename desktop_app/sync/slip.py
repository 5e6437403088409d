"""The transfer slip (phiếu chuyển sinh hoạt đảng): what a cell hands the member it transfers
out, for the receiving cell to import, so the person keeps their id and the upper level sees a
move, not a new person.

Content, before encryption: canonical JSON Lines (``sync.lines``). Line 1 is the header
(``Header``): the slip's id, the sending cell (id, code, name, its public keys and their
fingerprint), whom it is for, the transfer-out date, the destination and the decision number;
line 2 is the person's record (``PERSON_FIELDS``: every field a secretary types, the
membership, the party dates, the exemption flag, under the person's own id); then one line per
event of the person's history in the sending cell (``SlipEvent``), oldest first.

On the stick: ``CB-KP5.chuyen-20261207-3f9a2c1b.sochibo-phieuchuyen`` (the cell code, the day,
the start of the slip's id: nothing about the person) and ``….minisig``. The sending cell does
not know the receiving cell's key, so the content is encrypted with an age passphrase (scrypt)
made of a one-time code (``new_code``: three groups of four characters, the last one a check)
that the sending secretary reads to the receiving one over the phone; the file is signed with
the sending cell's Ed25519 key in the minisign format (``minisign -V -p key.pub -m FILE``
verifies it), and the key and its fingerprint travel in the signed facts and inside, so the
receiving secretary reads the fingerprint back over the same call. The code keeps the content
secret and proves whoever made the file knew it; the fingerprint says which cell signed it.

Reading (``read_slip``): size cap → the signature against the key the slip names → the signed
facts → one age scrypt stanza whose work factor is bounded (a hostile file cannot ask for
gigabytes) → the code's check character (a typo is caught without the slow key derivation) →
decrypt whole → every line validated → the facts and the header agree → the fingerprint
recomputed. Any failure is one ``SyncRefused`` naming the file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path

import pyrage

from desktop_app.domain.membership import EVENT_KINDS
from desktop_app.domain.person import FIELDS
from desktop_app.sync import crypto, envelope
from desktop_app.sync.bundle import TIME, UUID, Check, expect_fields, safe_code
from desktop_app.sync.crypto import PublicKey, SigningKey
from desktop_app.sync.envelope import Sealed
from desktop_app.sync.errors import SyncRefused
from desktop_app.sync.lines import dump_line, load_line

FORMAT = "sochibo-phieuchuyen/1"
FORMAT_FAMILY = "sochibo-phieuchuyen/"
SUFFIX = ".sochibo-phieuchuyen"
MAX_SLIP_BYTES = 2 * 1024 * 1024
MAX_LINE_BYTES = 64 * 1024
MAX_EVENTS = 1000
# scrypt's log2(N) a slip may ask for. rage (pyrage) picks about a second of work on the writing
# PC, and cannot be told otherwise: 17 to 19 on a modest office PC (128 to 512 MiB). 21 (2 GiB)
# leaves room for a writer several times faster; a file asking for more is refused before any
# work is done (a hostile one could otherwise ask for gigabytes), and the writer refuses to
# write a slip its own calibration put above it.
MAX_WORK_FACTOR = 21
UNTRUSTED = "transfer slip signed by sochibo cell key {key_id}"
MEMBERSHIPS = ("probationary", "official")
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_GROUPS = 3
CODE_CHARS = 4 * CODE_GROUPS  # 11 random characters (55 bits) and a check character
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SCRYPT = re.compile(r"-> scrypt [A-Za-z0-9+/]{22} (?P<log_n>[1-9][0-9]?)")
_FILE = re.compile(
    r"(?P<code>[A-Za-z0-9_-]{1,40})\.chuyen-(?P<day>\d{8})-(?P<id>[0-9a-f]{8})"
    r"\.sochibo-phieuchuyen"
)
_NULLABLE = {"birth_date", "id_number", "admission_decision_date", "ceremony_date", "official_date"}
PERSON_FIELDS = ("id", *FIELDS, "exempted")


def _text(limit: int, empty: bool = False) -> Check:
    return lambda v: isinstance(v, str) and (empty or bool(v)) and len(v) <= limit


def _date(v: object) -> bool:
    if not isinstance(v, str) or not _DATE.fullmatch(v):
        return False
    try:
        dt.date.fromisoformat(v)
    except ValueError:
        return False
    return True


HEADER_SPEC: dict[str, tuple[Check, str]] = {
    "format": (lambda v: v == FORMAT, FORMAT),
    "slip_id": UUID,
    "cell_id": UUID,
    "cell_code": (_text(40), "chữ, 1 đến 40 ký tự"),
    "cell_name": (_text(200), "chữ, 1 đến 200 ký tự"),
    "cell_key": (_text(100), "khóa công khai minisign"),
    "cell_recipient": (_text(200), "khóa age1…"),
    "fingerprint": (_text(19), "vân tay XXXX-XXXX-XXXX-XXXX"),
    "person_id": UUID,
    "transfer_date": (_date, "ngày dạng 2026-11-22"),
    "destination": (_text(300), "chữ, 1 đến 300 ký tự"),
    "reference": (_text(100, empty=True), "chữ, tối đa 100 ký tự"),
    "events": (lambda v: type(v) is int and 0 <= v <= MAX_EVENTS, f"số từ 0 đến {MAX_EVENTS}"),
    "program": (_text(100), "chữ"),
    "created_at": TIME,
}
EVENT_SPEC: dict[str, tuple[Check, str]] = {
    "id": UUID,
    "kind": (lambda v: v in EVENT_KINDS, "một loại sự kiện của Sổ Chi bộ"),
    "date": (_date, "ngày dạng 2026-11-22"),
    "reason": (_text(1000, empty=True), "chữ, tối đa 1000 ký tự"),
    "reference": (_text(100, empty=True), "chữ, tối đa 100 ký tự"),
    "place": (_text(300, empty=True), "chữ, tối đa 300 ký tự"),
    "details": (lambda v: isinstance(v, dict), "đối tượng JSON"),
}


def _person_check(name: str) -> tuple[Check, str]:
    limit = FIELDS[name].max_length
    if name in _NULLABLE:
        return (lambda v: v is None or _text(limit)(v), f"chữ, tối đa {limit} ký tự, hoặc null")
    return (_text(limit, empty=True), f"chữ, tối đa {limit} ký tự")


PERSON_SPEC: dict[str, tuple[Check, str]] = {
    "id": UUID,
    **{name: _person_check(name) for name in FIELDS},
    "membership": (lambda v: v in MEMBERSHIPS, "probationary hoặc official"),
    "exempted": (lambda v: type(v) is bool, "true hoặc false"),
}
# The facts the signature carries outside the encryption: nothing about the person.
OUTER = (
    "format", "slip_id", "cell_id", "cell_code", "cell_key", "cell_recipient", "created_at",
)  # fmt: skip
KIND = envelope.Kind(
    FORMAT, FORMAT_FAMILY, OUTER, "cell_key", UNTRUSTED,
    "chữ ký không phải của một phiếu chuyển sinh hoạt Sổ Chi bộ", "phần đầu",
)  # fmt: skip


# -- the records -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Header:
    format: str
    slip_id: str
    cell_id: str
    cell_code: str
    cell_name: str
    cell_key: str
    cell_recipient: str
    fingerprint: str
    person_id: str
    transfer_date: str  # ISO
    destination: str
    reference: str
    events: int
    program: str
    created_at: str

    def to_json(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class SlipEvent:
    """One event of the person's history, as the sending cell recorded it."""

    id: str
    kind: str
    date: str  # ISO
    reason: str
    reference: str
    place: str
    details: dict[str, object]

    @property
    def label(self) -> str:
        return EVENT_KINDS[self.kind].label

    def to_json(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class Slip:
    """A slip read and validated; ``person`` holds PERSON_FIELDS."""

    name: str
    header: Header
    person: dict[str, object]
    events: tuple[SlipEvent, ...]

    @property
    def key_id(self) -> str:
        return PublicKey.parse(self.header.cell_key).key_id_hex


def new_header(
    *,
    cell_id: str,
    cell_code: str,
    cell_name: str,
    key: PublicKey,
    cell_recipient: str,
    person_id: str,
    transfer_date: dt.date,
    destination: str,
    reference: str,
    events: int,
    program: str,
    created_at: str,
) -> Header:
    return Header(
        FORMAT,
        str(uuid.uuid4()),
        cell_id,
        cell_code,
        cell_name,
        key.text,
        cell_recipient,
        crypto.cell_fingerprint(key, cell_recipient),
        person_id,
        transfer_date.isoformat(),
        destination,
        reference,
        events,
        program,
        created_at,
    )


# -- the one-time code -----------------------------------------------------------------------------


def _check_char(body: str) -> str:
    digest = hashlib.sha256(b"sochibo-slip-code\n" + body.encode("ascii")).digest()
    return _CROCKFORD[digest[0] & 31]


def _grouped(text: str) -> str:
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def new_code() -> str:
    """A fresh one-time code, ``7K2M-QX4P-9ABT``: 55 random bits and a check character, in
    Crockford's base32 (no I, L, O, U: nothing reads as another over the phone)."""
    body = "".join(secrets.choice(_CROCKFORD) for _ in range(CODE_CHARS - 1))
    return _grouped(body + _check_char(body))


def parse_code(text: str) -> str:
    """The code as typed, in its one spelling: case, spaces and dashes do not matter, O→0,
    I/L→1; a slip of the finger in one character is caught by the check character."""
    clean = "".join(c for c in str(text).upper() if not c.isspace() and c not in "-–.")
    clean = clean.translate(str.maketrans("OIL", "011"))
    if len(clean) != CODE_CHARS or any(c not in _CROCKFORD for c in clean):
        raise SyncRefused(
            f"Mã mở phiếu gồm {CODE_GROUPS} nhóm, mỗi nhóm 4 ký tự (chữ và số), ví dụ "
            "7K2M-QX4P-9ABT"
        )
    if _check_char(clean[:-1]) != clean[-1]:
        raise SyncRefused(
            "Mã mở phiếu bị gõ sai một vài ký tự: hãy đọc lại từng ký tự với người gửi phiếu"
        )
    return _grouped(clean)


# -- content ------------------------------------------------------------------------------------


def encode(header: Header, person: dict[str, object], events: Sequence[SlipEvent]) -> bytes:
    lines = [dump_line(header.to_json()), dump_line(person)]
    return b"".join(lines) + b"".join(dump_line(e.to_json()) for e in events)


def _line(number: int, raw: bytes, spec: dict[str, tuple[Check, str]]) -> dict[str, object]:
    where = {1: "dòng 1 (phần đầu)", 2: "dòng 2 (thông tin người)"}.get(number, f"dòng {number}")
    if len(raw) > MAX_LINE_BYTES:
        raise SyncRefused(f"{where}: dài quá {MAX_LINE_BYTES // 1024} KB")
    try:
        doc = load_line(raw)
        if number == 1:
            KIND.check_format(doc.get("format"), "không phải phiếu chuyển sinh hoạt Sổ Chi bộ")
        expect_fields(doc, spec)
    except SyncRefused as exc:
        raise SyncRefused(f"{where}: {exc}") from None
    return doc


def _header(raw: bytes) -> Header:
    header = Header(**_line(1, raw, HEADER_SPEC))  # type: ignore[arg-type]
    try:
        key = PublicKey.parse(header.cell_key)
        recipient = crypto.check_recipient(header.cell_recipient)
    except SyncRefused as exc:
        raise SyncRefused(f"dòng 1 (phần đầu): {exc}") from None
    if key.text != header.cell_key:
        raise SyncRefused("dòng 1 (phần đầu): khóa công khai phải là một dòng base64")
    if crypto.cell_fingerprint(key, recipient) != header.fingerprint:
        raise SyncRefused("dòng 1 (phần đầu): vân tay không khớp với các khóa của chi bộ gửi")
    return header


def parse(plaintext: bytes) -> tuple[Header, dict[str, object], list[SlipEvent]]:
    """Validate the whole content; the header, the person and the events, or a refusal."""
    if not plaintext.endswith(b"\n"):
        raise SyncRefused("nội dung không kết thúc bằng dấu xuống dòng (bị cắt cụt?)")
    lines = plaintext[:-1].split(b"\n")
    header = _header(lines[0])
    if len(lines) < 2:
        raise SyncRefused("thiếu dòng thông tin người")
    person = _line(2, lines[1], PERSON_SPEC)
    if person["id"] != header.person_id:
        raise SyncRefused("dòng 2 (thông tin người): mã người khác mã ở phần đầu")
    if len(lines) - 2 != header.events:
        raise SyncRefused(f"phần đầu ghi {header.events} sự kiện, phiếu có {len(lines) - 2} dòng")
    events = [
        SlipEvent(**_line(n, raw, EVENT_SPEC))  # type: ignore[arg-type]
        for n, raw in enumerate(lines[2:], start=3)
    ]
    ids = [e.id for e in events]
    if len(set(ids)) != len(ids):
        raise SyncRefused("một sự kiện xuất hiện hai lần")
    return header, person, events


# -- making -------------------------------------------------------------------------------------


def file_name(header: Header) -> str:
    day = header.created_at[:10].replace("-", "")
    return f"{safe_code(header.cell_code)}.chuyen-{day}-{header.slip_id[:8]}{SUFFIX}"


def parse_file_name(name: str) -> tuple[str, str, str] | None:
    """(cell code, day yyyymmdd, start of the slip id) from a slip's file name."""
    found = _FILE.fullmatch(name)
    return (found["code"], found["day"], found["id"]) if found else None


def outer_facts(header: Header, name: str) -> dict[str, object]:
    return {**{k: getattr(header, k) for k in OUTER}, "file": name}


def seal_plaintext(
    plaintext: bytes, header: Header, *, key: SigningKey, code: str
) -> tuple[str, Sealed]:
    """Encrypt with the code and sign content as it is (the tests make lying slips with it)."""
    name = file_name(header)
    cipher = pyrage.passphrase.encrypt(plaintext, parse_code(code))
    try:
        _scrypt_only(cipher)
    except SyncRefused as exc:
        raise SyncRefused(f"Phiếu chưa tạo được: {exc}") from None
    facts = envelope.facts_text(outer_facts(header, name))
    return name, Sealed(
        cipher, key.sign(cipher, facts, UNTRUSTED.format(key_id=key.public.key_id_hex))
    )


def seal_slip(
    header: Header,
    person: dict[str, object],
    events: Sequence[SlipEvent],
    *,
    key: SigningKey,
    code: str,
) -> tuple[str, Sealed]:
    """The file name and the sealed slip, after its content passed every check the receiving
    cell will make (a slip it would refuse is never written)."""
    if header.cell_key != key.public.text:
        raise SyncRefused("Phiếu chưa tạo được: phần đầu nêu khóa khác khóa ký")
    plaintext = encode(header, person, events)
    try:
        parse(plaintext)
    except SyncRefused as exc:
        raise SyncRefused(f"Phiếu chưa tạo được, nội dung không đạt kiểm tra: {exc}") from None
    if len(plaintext) > MAX_SLIP_BYTES // 2:
        raise SyncRefused("Phiếu chưa tạo được: quá trình của người này quá dài.")
    return seal_plaintext(plaintext, header, key=key, code=code)


# -- reading ------------------------------------------------------------------------------------


def _scrypt_only(cipher: bytes) -> None:
    """One scrypt stanza (the age spec allows nothing beside it) with a bounded work factor."""
    stanzas = crypto.age_stanzas(cipher)
    if stanzas is None:
        raise SyncRefused("tệp không phải tệp mã hóa age v1")
    if stanzas != ["scrypt"]:
        raise SyncRefused("tệp không được mã hóa bằng mã mở phiếu (age scrypt)")
    start = len(crypto.AGE_MAGIC)
    found = _SCRYPT.fullmatch(cipher[start : cipher.find(b"\n", start)].decode("ascii"))
    if found is None:
        raise SyncRefused("phần đầu mã hóa age sai dạng")
    if int(found["log_n"]) > MAX_WORK_FACTOR:
        raise SyncRefused(
            f"tệp đòi khối lượng tính toán quá lớn để mở (2^{found['log_n']}, tối đa "
            f"2^{MAX_WORK_FACTOR})"
        )


def verify_outer(
    cipher: bytes, signature: bytes, *, max_bytes: int = MAX_SLIP_BYTES
) -> tuple[dict[str, object], PublicKey]:
    """Size, the signature against the key the facts name, the facts, the age stanza; nothing
    decrypted. Returns the signed facts and the signing key."""
    envelope.check_size(cipher, max_bytes, "Tệp")
    envelope.check_size(signature, envelope.MAX_SIGNATURE_BYTES, "Tệp chữ ký")
    sig = crypto.parse_signature(signature)
    facts = envelope.facts_of(sig)
    KIND.check_format(facts.get("format"))
    if not isinstance(facts.get("cell_key"), str):
        raise SyncRefused("lời ghi kèm chữ ký thiếu khóa của chi bộ gửi")
    key = PublicKey.parse(str(facts["cell_key"]))
    crypto.verify(key, cipher, sig)
    KIND.check_facts(facts, sig.untrusted_comment, key)
    _scrypt_only(cipher)
    return facts, key


def _decrypt(cipher: bytes, code: str) -> bytes:
    try:
        return pyrage.passphrase.decrypt(cipher, code)
    except pyrage.DecryptError:
        raise SyncRefused(
            "mã mở phiếu không đúng với phiếu này: hãy hỏi lại bí thư chi bộ gửi phiếu"
        ) from None


def read_slip(
    cipher: bytes, signature: bytes, code: str, *, name: str = "", max_bytes: int = MAX_SLIP_BYTES
) -> Slip:
    """The slip, validated whole, or one SyncRefused naming the file and the fault."""
    try:
        facts, _key = verify_outer(cipher, signature, max_bytes=max_bytes)
        header, person, events = parse(_decrypt(cipher, parse_code(code)))
        KIND.agree(facts, header)
    except SyncRefused as exc:
        raise SyncRefused(
            f"Phiếu chuyển «{name or 'không tên'}» không dùng được: {exc}. Chưa nhận gì."
        ) from None
    return Slip(name, header, person, tuple(events))


def read_slip_file(path: Path, code: str, *, max_bytes: int = MAX_SLIP_BYTES) -> Slip:
    path = Path(path)
    try:
        cipher, signature = envelope.read_pair(path, max_bytes)
    except SyncRefused as exc:
        raise SyncRefused(f"Phiếu chuyển «{path.name}» không dùng được: {exc}.") from None
    return read_slip(cipher, signature, code, name=path.name, max_bytes=max_bytes)
