"""The bundle: what a cell hands its upper level on a USB stick.

Content, before encryption: canonical JSON Lines (``sync.lines``), UTF-8, each line ending in
a newline. Line 1 is the manifest (``Manifest``); then one line per journal entry, from
``seq_from`` to ``seq_to`` in order, with the fields the journal stores (``changes`` as a JSON
object), so the reader recomputes every hash of the chain from ``prev_hash`` (the hash of the
entry before ``seq_from``, already held by the upper level) to ``head_hash``. The lines are
gzip-compressed (``pack``: about ten times smaller, so a cell of thousands with decades of
history stays far under the cap); a reader also takes lines written plain.

On the stick: ``CB-KP5.000001-000412.sochibo-goi`` (the content, age-encrypted to the upper
level's X25519 key) and ``CB-KP5.000001-000412.sochibo-goi.minisig`` (the cell's minisign
signature of that file). The name holds the cell code (in ASCII) and the range only, nothing
about a person; the signature's trusted comment repeats the range, the keys and the name
(``OUTER``), so the reader can refuse a foreign, replayed or unknown-format file before it
decrypts anything.

Reading (``read_bundle``): size cap → signature against the pinned key → the signed facts →
decrypt whole (bounded by the cap) → unpack (bounded by ``MAX_CONTENT_BYTES``) → every line
validated (types, NFC, canonical form, contiguous sequence, the hash chain recomputed, the
manifest's counts and hashes) → a ``Bundle``. Any failure is one ``SyncRefused`` naming the
file and what is wrong.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import unicodedata
import uuid
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

from desktop_app.sync import crypto, envelope
from desktop_app.sync.crypto import AgeIdentity, PublicKey, SigningKey
from desktop_app.sync.envelope import Sealed
from desktop_app.sync.errors import SyncRefused
from desktop_app.sync.lines import dump_line, load_line

FORMAT = "sochibo-goi/1"
FORMAT_FAMILY = "sochibo-goi/"
SUFFIX = ".sochibo-goi"
MAX_BUNDLE_BYTES = 64 * 1024 * 1024
MAX_CONTENT_BYTES = 256 * 1024 * 1024  # unpacked: the 10,000-person cell of the bench is 92 MB
MAX_LINE_BYTES = 1024 * 1024
CODE_LIMIT = 40  # as the cell's code (services/cell.py)
NAME_LIMIT = 200
UNTRUSTED = "signature from sochibo cell key {key_id}"

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HASH = re.compile(r"[0-9a-f]{64}")
_KEY_ID = re.compile(r"[0-9A-F]{16}")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")
_WORD = re.compile(r"[a-z][a-z0-9_]{0,39}")
_ENTITY_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_.:-]{0,99}")
_FILE = re.compile(
    r"(?P<code>[A-Za-z0-9_-]{1,40})\.(?P<first>\d{6,})-(?P<last>\d{6,})\.sochibo-goi"
)

Check = Callable[[object], bool]


def _int(least: int) -> Check:
    return lambda v: type(v) is int and v >= least


def _text(limit: int) -> Check:
    return lambda v: isinstance(v, str) and 0 < len(v) <= limit


def _match(pattern: re.Pattern[str]) -> Check:
    return lambda v: isinstance(v, str) and pattern.fullmatch(v) is not None


def _dict(v: object) -> bool:
    return isinstance(v, dict)


UUID = (_match(_UUID), "mã UUID")
HASH = (_match(_HASH), "mã băm SHA-256, 64 chữ số hệ 16")
TIME = (_match(_TIME), "thời điểm UTC dạng 2026-11-22T08:00:00.000Z")
MANIFEST_SPEC: dict[str, tuple[Check, str]] = {
    "format": (lambda v: v == FORMAT, FORMAT),
    "bundle_id": UUID,
    "cell_id": UUID,
    "cell_code": (_text(CODE_LIMIT), f"chữ, 1 đến {CODE_LIMIT} ký tự"),
    "cell_name": (_text(NAME_LIMIT), f"chữ, 1 đến {NAME_LIMIT} ký tự"),
    "key_id": (_match(_KEY_ID), "16 chữ số hệ 16 viết hoa"),
    "cell_key": (_text(100), "khóa công khai minisign"),
    "cell_recipient": (_text(200), "khóa age1…"),
    "upper_id": UUID,
    "seq_from": (_int(1), "số nguyên từ 1"),
    "seq_to": (_int(1), "số nguyên từ 1"),
    "prev_hash": HASH,
    "head_hash": HASH,
    "schema": (_int(1), "số nguyên từ 1"),
    "program": (_text(100), "chữ"),
    "counts": (_dict, "đối tượng JSON"),
    "created_at": TIME,
    "check": (_dict, "đối tượng JSON"),
}
ENTRY_SPEC: dict[str, tuple[Check, str]] = {
    "seq": (_int(1), "số nguyên từ 1"),
    "entity": (_match(_WORD), "tên loại bản ghi"),
    "entity_id": (_match(_ENTITY_ID), "mã bản ghi"),
    "op": (_match(_WORD), "tên thao tác"),
    "changes": (_dict, "đối tượng JSON"),
    "base_version": (_int(0), "số nguyên từ 0"),
    "version": (_int(1), "số nguyên từ 1"),
    "author": (_text(200), "chữ"),
    "at": TIME,
    "prev_hash": HASH,
    "hash": HASH,
}
# The facts the signature carries outside the encryption, so a reader can refuse early.
OUTER = (
    "format", "bundle_id", "cell_id", "cell_code", "cell_key", "cell_recipient", "upper_id",
    "seq_from", "seq_to", "prev_hash", "head_hash", "created_at",
)  # fmt: skip
KIND = envelope.Kind(
    FORMAT, FORMAT_FAMILY, OUTER, "cell_key", UNTRUSTED,
    "chữ ký không phải của một gói Sổ Chi bộ", "bản kê khai",
)  # fmt: skip


def expect_fields(doc: dict[str, object], spec: dict[str, tuple[Check, str]]) -> None:
    if doc.keys() != spec.keys():
        missing = [k for k in spec if k not in doc]
        if missing:
            raise SyncRefused(f"thiếu trường «{missing[0]}»")
        raise SyncRefused(f"có trường lạ «{sorted(k for k in doc if k not in spec)[0]}»")
    for name, (check, wanted) in spec.items():
        if not check(doc[name]):
            raise SyncRefused(f"trường «{name}» sai kiểu hoặc sai dạng (cần: {wanted})")


# -- the records -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Manifest:
    format: str
    bundle_id: str
    cell_id: str
    cell_code: str
    cell_name: str
    key_id: str
    cell_key: str
    cell_recipient: str
    upper_id: str
    seq_from: int
    seq_to: int
    prev_hash: str
    head_hash: str
    schema: int
    program: str
    counts: dict[str, object]
    created_at: str
    check: dict[str, object]

    def to_json(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @property
    def entries(self) -> int:
        return self.seq_to - self.seq_from + 1


@dataclass(frozen=True, slots=True)
class Entry:
    """One journal entry as it travels (see ``store.journal``)."""

    seq: int
    entity: str
    entity_id: str
    op: str
    changes: dict[str, object]
    base_version: int
    version: int
    author: str
    at: str
    prev_hash: str
    hash: str
    # ``changes`` as canonical JSON, when read from a bundle (the upper level keeps it as is)
    changes_text: str = field(default="", compare=False, repr=False)

    def hashed(self) -> dict[str, object]:
        """The fields the journal's hash covers (all but the hash)."""
        return {
            "seq": self.seq,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "op": self.op,
            "changes": self.changes,
            "base_version": self.base_version,
            "version": self.version,
            "author": self.author,
            "at": self.at,
            "prev_hash": self.prev_hash,
        }

    def to_json(self) -> dict[str, object]:
        return {**self.hashed(), "hash": self.hash}


@dataclass(frozen=True)
class Bundle:
    """A bundle read and validated; ``name`` is the file's name, ``signed_name`` the name it
    was given when signed (they differ when the file was renamed, which is harmless)."""

    name: str
    signed_name: str
    manifest: Manifest
    entries: tuple[Entry, ...]

    @property
    def renamed(self) -> bool:
        return bool(self.name) and self.name != self.signed_name


def _manifest(doc: dict[str, object]) -> Manifest:
    KIND.check_format(doc.get("format"), "không phải bản kê khai của gói Sổ Chi bộ")
    expect_fields(doc, MANIFEST_SPEC)
    manifest = Manifest(**doc)  # type: ignore[arg-type]
    key = PublicKey.parse(manifest.cell_key)
    if key.key_id_hex != manifest.key_id:
        raise SyncRefused("mã khóa không khớp với khóa công khai của chi bộ")
    crypto.check_recipient(manifest.cell_recipient)
    if manifest.seq_to < manifest.seq_from:
        raise SyncRefused("số mục cuối nhỏ hơn số mục đầu")
    _check_counts(manifest)
    if not isinstance(manifest.check.get("ok"), bool):
        raise SyncRefused("báo cáo kiểm tra sổ thiếu kết luận «ok»")
    return manifest


def _check_counts(manifest: Manifest) -> None:
    counts = manifest.counts
    entities = counts.get("entities")
    if set(counts) != {"entries", "entities"} or not isinstance(entities, dict):
        raise SyncRefused("phần đếm phải có đúng «entries» và «entities»")
    if counts["entries"] != manifest.entries or type(counts["entries"]) is not int:
        raise SyncRefused(
            f"phần đếm ghi {counts['entries']} mục, khoảng số mục "
            f"{manifest.seq_from}–{manifest.seq_to} có {manifest.entries}"
        )
    if not all(_WORD.fullmatch(k) and type(v) is int and v > 0 for k, v in entities.items()):
        raise SyncRefused("phần đếm theo loại bản ghi sai dạng")
    if sum(entities.values()) != manifest.entries:
        raise SyncRefused("tổng số mục theo loại khác tổng số mục")


def _sound_entry(d: dict[str, object]) -> bool:
    """ENTRY_SPEC's checks written out (a bundle has thousands of entries and each check
    through its lambda costs a call); ``expect_fields`` names the fault when one fails."""
    seq, base, version, author = d["seq"], d["base_version"], d["version"], d["author"]
    return (
        type(seq) is int and seq >= 1
        and type(base) is int and base >= 0
        and type(version) is int and version >= 1
        and isinstance(d["changes"], dict)
        and isinstance(author, str) and 0 < len(author) <= 200
        and type(d["entity"]) is str and type(d["entity_id"]) is str and type(d["op"]) is str
        and type(d["at"]) is str and type(d["prev_hash"]) is str and type(d["hash"]) is str
        and _WORD.fullmatch(d["entity"]) is not None  # type: ignore[arg-type]
        and _ENTITY_ID.fullmatch(d["entity_id"]) is not None  # type: ignore[arg-type]
        and _WORD.fullmatch(d["op"]) is not None  # type: ignore[arg-type]
        and _TIME.fullmatch(d["at"]) is not None  # type: ignore[arg-type]
        and _HASH.fullmatch(d["prev_hash"]) is not None  # type: ignore[arg-type]
        and _HASH.fullmatch(d["hash"]) is not None  # type: ignore[arg-type]
    )  # fmt: skip


_CHANGES_MEMBER = b',"changes":'
_ENTITY_MEMBER = b',"entity":"'


def _changes_text(raw: bytes) -> str:
    """The ``changes`` member of an entry line already found canonical and well typed: it
    starts after the first ``,"changes":`` (only ``at``, ``author`` and ``base_version``,
    whose values cannot hold it, come before) and ends at the last ``,"entity":"`` (only
    members whose values cannot hold it come after)."""
    start = raw.find(_CHANGES_MEMBER) + len(_CHANGES_MEMBER)
    return raw[start : raw.rfind(_ENTITY_MEMBER)].decode("utf-8")


def _entry(doc: dict[str, object], raw: bytes = b"") -> Entry:
    if doc.keys() != ENTRY_SPEC.keys() or not _sound_entry(doc):
        expect_fields(doc, ENTRY_SPEC)
    entry = Entry(**doc, changes_text=_changes_text(raw) if raw else "")  # type: ignore[arg-type]
    if entry.version != entry.base_version + 1:
        raise SyncRefused("phiên bản mới phải bằng phiên bản cũ cộng một")
    return entry


# -- content ------------------------------------------------------------------------------------


def encode(manifest: Manifest, entries: Sequence[Entry]) -> bytes:
    return dump_line(manifest.to_json()) + b"".join(dump_line(e.to_json()) for e in entries)


_GZIP = b"\x1f\x8b"


def pack(plaintext: bytes) -> bytes:
    """The content as written into a bundle: gzip, no time or name in its header."""
    return gzip.compress(plaintext, compresslevel=6, mtime=0)


def unpack(content: bytes) -> bytes:
    """The content lines from a decrypted bundle, compressed or plain; a compressed one is
    never unpacked past ``MAX_CONTENT_BYTES`` (a small file must not fill the memory)."""
    if not content.startswith(_GZIP):
        return content
    inflater = zlib.decompressobj(wbits=31)
    try:
        lines = inflater.decompress(content, MAX_CONTENT_BYTES + 1)
    except zlib.error as exc:
        raise SyncRefused(f"nội dung nén bị hỏng ({exc})") from None
    if len(lines) > MAX_CONTENT_BYTES:
        raise SyncRefused(f"nội dung giải nén lớn quá {MAX_CONTENT_BYTES // 2**20} MB")
    if not inflater.eof or inflater.unused_data:
        raise SyncRefused("nội dung nén không trọn vẹn")
    return lines


def _line(number: int, raw: bytes, make: Callable[[dict[str, object]], object]) -> object:
    where = "dòng 1 (bản kê khai)" if number == 1 else f"dòng {number}"
    if len(raw) > MAX_LINE_BYTES:
        raise SyncRefused(f"{where}: dài quá {MAX_LINE_BYTES // 1024} KB")
    try:
        return make(load_line(raw))
    except SyncRefused as exc:
        raise SyncRefused(f"{where}: {exc}") from None


_HASH_MEMBER = b',"hash":"'


def _hash_of(raw: bytes) -> str:
    """The journal hash of an entry line already found canonical and well typed: SHA-256 of
    the line without its ``"hash"`` member, which is the canonical JSON ``entry_hash`` hashes
    (keys sorted, so the member sits after ``entity_id``; only ``op``, ``prev_hash``, ``seq``
    and ``version``, whose values cannot hold it, come after, hence the search from the end).
    One serialisation fewer per line than ``store.journal.entry_hash``, same result."""
    at = raw.rfind(_HASH_MEMBER)
    end = at + len(_HASH_MEMBER) + 64 + 1
    return hashlib.sha256(raw[:at] + raw[end:]).hexdigest()


def parse(plaintext: bytes) -> tuple[Manifest, list[Entry]]:
    """Validate the whole content; the manifest and the entries, or a refusal."""
    if not plaintext.endswith(b"\n"):
        raise SyncRefused("nội dung không kết thúc bằng dấu xuống dòng (bị cắt cụt?)")
    lines = plaintext[:-1].split(b"\n")
    manifest: Manifest = _line(1, lines[0], _manifest)  # type: ignore[assignment]
    if len(lines) - 1 != manifest.entries:
        raise SyncRefused(
            f"bản kê khai ghi {manifest.entries} mục nhật ký, gói có {len(lines) - 1} dòng mục"
        )
    prev, seq, tally = manifest.prev_hash, manifest.seq_from, Counter[str]()
    entries: list[Entry] = []
    for number, raw in enumerate(lines[1:], start=2):
        entry: Entry = _line(number, raw, lambda doc, raw=raw: _entry(doc, raw))  # type: ignore[assignment]
        where = f"dòng {number} (mục số {entry.seq})"
        if entry.seq != seq:
            raise SyncRefused(
                f"{where}: đứng ở chỗ của mục số {seq} (các mục phải liền nhau, không thiếu, "
                "không lặp)"
            )
        if entry.prev_hash != prev:
            raise SyncRefused(f"{where}: không nối với mục trước (chuỗi băm bị đứt)")
        if _hash_of(raw) != entry.hash:
            raise SyncRefused(f"{where}: mã băm không khớp với nội dung (mục đã bị sửa)")
        prev, seq = entry.hash, seq + 1
        tally[entry.entity] += 1
        entries.append(entry)
    if prev != manifest.head_hash:
        raise SyncRefused(
            f"mã băm ở cuối chuỗi ({prev[:12]}…) khác mã băm bản kê khai ghi "
            f"({manifest.head_hash[:12]}…)"
        )
    if dict(tally) != manifest.counts["entities"]:
        raise SyncRefused("số mục theo từng loại bản ghi khác với bản kê khai")
    return manifest, entries


# -- making -------------------------------------------------------------------------------------


def safe_code(code: str) -> str:
    """The cell code in letters a file name on any system (and any stick) can hold."""
    text = unicodedata.normalize("NFD", code).replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:CODE_LIMIT].strip("-")
    return text or "chi-bo"


def file_name(cell_code: str, seq_from: int, seq_to: int) -> str:
    return f"{safe_code(cell_code)}.{seq_from:06d}-{seq_to:06d}{SUFFIX}"


def parse_file_name(name: str) -> tuple[str, int, int] | None:
    found = _FILE.fullmatch(name)
    if not found:
        return None
    return found["code"], int(found["first"]), int(found["last"])


def new_manifest(
    *,
    cell_id: str,
    cell_code: str,
    cell_name: str,
    key: PublicKey,
    cell_recipient: str,
    upper_id: str,
    entries: Sequence[Entry],
    check: dict[str, object],
    schema: int,
    program: str,
    created_at: str,
) -> Manifest:
    if not entries:
        raise SyncRefused("Gói phải có ít nhất một mục nhật ký")
    return Manifest(
        format=FORMAT,
        bundle_id=str(uuid.uuid4()),
        cell_id=cell_id,
        cell_code=cell_code,
        cell_name=cell_name,
        key_id=key.key_id_hex,
        cell_key=key.text,
        cell_recipient=cell_recipient,
        upper_id=upper_id,
        seq_from=entries[0].seq,
        seq_to=entries[-1].seq,
        prev_hash=entries[0].prev_hash,
        head_hash=entries[-1].hash,
        schema=schema,
        program=program,
        counts={"entries": len(entries), "entities": dict(Counter(e.entity for e in entries))},
        created_at=created_at,
        check=check,
    )


def outer_facts(manifest: Manifest, name: str) -> dict[str, object]:
    return {**{k: getattr(manifest, k) for k in OUTER}, "file": name}


def seal_plaintext(
    plaintext: bytes, manifest: Manifest, *, key: SigningKey, recipient: str
) -> tuple[str, Sealed]:
    """Encrypt and sign content as it is, packed or not (the tests use this to make lying
    bundles)."""
    name = file_name(manifest.cell_code, manifest.seq_from, manifest.seq_to)
    sealed = envelope.seal(
        plaintext,
        recipient=recipient,
        key=key,
        facts=outer_facts(manifest, name),
        untrusted=UNTRUSTED.format(key_id=key.public.key_id_hex),
    )
    return name, sealed


def seal_bundle(
    manifest: Manifest, entries: Sequence[Entry], *, key: SigningKey, recipient: str
) -> tuple[str, Sealed]:
    """The file name and the sealed bundle, after the content passed every check the upper
    level will make (a bundle the upper level would refuse is never written)."""
    if manifest.cell_key != key.public.text:
        raise SyncRefused("Gói chưa tạo được: bản kê khai nêu khóa khác khóa ký")
    plaintext = encode(manifest, entries)
    if len(plaintext) > MAX_CONTENT_BYTES:
        raise SyncRefused(
            f"Gói chưa tạo được: nội dung {len(plaintext) // 2**20} MB, cấp trên chỉ nhận đến "
            f"{MAX_CONTENT_BYTES // 2**20} MB; hãy báo người phát triển chương trình."
        )
    try:
        parse(plaintext)
    except SyncRefused as exc:
        raise SyncRefused(f"Gói chưa tạo được, nội dung không đạt kiểm tra: {exc}") from None
    return seal_plaintext(pack(plaintext), manifest, key=key, recipient=recipient)


# -- reading ------------------------------------------------------------------------------------


def read_bundle(
    cipher: bytes,
    signature: bytes,
    *,
    pinned: PublicKey,
    identity: AgeIdentity,
    name: str = "",
    max_bytes: int = MAX_BUNDLE_BYTES,
) -> Bundle:
    """The bundle, validated whole, or one SyncRefused naming the file and the fault."""
    try:
        sig, facts = envelope.verify_outer(cipher, signature, pinned, max_bytes=max_bytes)
        KIND.check_facts(facts, sig.untrusted_comment, pinned)
        manifest, entries = parse(unpack(crypto.decrypt(cipher, identity)))
        KIND.agree(facts, manifest)
    except SyncRefused as exc:
        raise SyncRefused(
            f"Gói «{name or 'không tên'}» bị từ chối: {exc}. Không nhận gì từ gói này."
        ) from None
    return Bundle(name, str(facts["file"]), manifest, tuple(entries))


def read_bundle_file(
    path: Path, *, pinned: PublicKey, identity: AgeIdentity, max_bytes: int = MAX_BUNDLE_BYTES
) -> Bundle:
    path = Path(path)
    try:
        cipher, signature = envelope.read_pair(path, max_bytes)
    except SyncRefused as exc:
        raise SyncRefused(f"Gói «{path.name}» bị từ chối: {exc}.") from None
    return read_bundle(
        cipher, signature, pinned=pinned, identity=identity, name=path.name, max_bytes=max_bytes
    )
