"""The outer layer of a sync file: an age file and its minisign signature beside it.

``NAME`` holds the age v1 encryption of the content to one X25519 recipient; ``NAME.minisig``
signs ``NAME`` byte for byte (so ``minisign -V -p key.pub -m NAME`` checks it) and carries, as
its signed trusted comment, the facts a reader needs before decrypting: one line of canonical
JSON, ASCII only (which cell, which key, which range of the journal, for whom). A reader checks
the size, then the signature against the key it expects, then the facts, and only then
decrypts, the whole file at once, into memory bounded by the size cap (age never makes the
plaintext longer than the ciphertext).

Shared by the bundle (cell → upper level) and, later, the receipt (upper level → cell).
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from desktop_app.store.keys import fsync_dir
from desktop_app.sync import crypto
from desktop_app.sync.crypto import AgeIdentity, PublicKey, Signature, SigningKey
from desktop_app.sync.errors import SyncRefused
from desktop_app.sync.lines import load_json

SIG_SUFFIX = ".minisig"
MAX_SIGNATURE_BYTES = 16 * 1024


@dataclass(frozen=True)
class Sealed:
    cipher: bytes
    signature: bytes


@dataclass(frozen=True)
class Kind:
    """What a sealed file of one kind (bundle, receipt, …) says of itself outside the
    encryption, and how a reader names it when it does not."""

    format: str  # "sochibo-goi/1"
    family: str  # "sochibo-goi/": a later version of the same kind
    fields: tuple[str, ...]  # the facts the signature carries
    key_field: str  # the fact naming the signing key
    untrusted: str  # the signature's untrusted comment, with {key_id}
    not_ours: str  # why a file of another kind is refused
    source: str  # what the facts must agree with, inside: "bản kê khai", "phần đầu"

    def check_format(self, found: object, not_ours: str | None = None) -> None:
        """Refused unless ``found`` is this kind's format; a later version says to update."""
        if found == self.format:
            return
        if isinstance(found, str) and found.startswith(self.family):
            raise SyncRefused(
                f"định dạng «{found}» chương trình này chưa hiểu (chỉ hiểu «{self.format}»); "
                "hãy cài phiên bản mới hơn của Sổ Chi bộ"
            )
        raise SyncRefused(not_ours or self.not_ours)

    def check_facts(self, facts: dict[str, object], untrusted: str, pinned: PublicKey) -> None:
        """The signed facts are this kind's, complete, and name the key that signed them."""
        self.check_format(facts.get("format"))
        if set(facts) != {*self.fields, "file"}:
            raise SyncRefused("lời ghi kèm chữ ký thiếu hoặc thừa trường")
        if facts[self.key_field] != pinned.text:
            raise SyncRefused("lời ghi kèm chữ ký nêu một khóa khác khóa đã ký")
        if untrusted != self.untrusted.format(key_id=pinned.key_id_hex):
            raise SyncRefused("dòng ghi chú đầu tệp chữ ký đã bị sửa")

    def agree(self, facts: dict[str, object], inside: object) -> None:
        """The signed facts equal the same fields read from the decrypted content."""
        for name in self.fields:
            if facts[name] != getattr(inside, name):
                raise SyncRefused(f"{self.source} khác lời ghi kèm chữ ký ở trường «{name}»")


def facts_text(facts: dict[str, object]) -> str:
    return json.dumps(facts, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def seal(
    plaintext: bytes, *, recipient: str, key: SigningKey, facts: dict[str, object], untrusted: str
) -> Sealed:
    cipher = crypto.encrypt(plaintext, recipient)
    return Sealed(cipher, key.sign(cipher, facts_text(facts), untrusted))


def facts_of(sig: Signature) -> dict[str, object]:
    """The trusted comment as the JSON object it must be."""
    try:
        facts = load_json(sig.trusted_comment)
    except SyncRefused as exc:
        raise SyncRefused(f"Lời ghi kèm chữ ký: {exc}") from None
    if not isinstance(facts, dict) or facts_text(facts) != sig.trusted_comment:
        raise SyncRefused("Lời ghi kèm chữ ký: không phải lời ghi của Sổ Chi bộ")
    return facts


def check_size(data: bytes, limit: int, what: str) -> None:
    if len(data) > limit:
        raise SyncRefused(f"{what} quá lớn ({_size(len(data))}, tối đa {_size(limit)})")


def verify_outer(
    cipher: bytes, signature: bytes, pinned: PublicKey, *, max_bytes: int
) -> tuple[Signature, dict[str, object]]:
    """Size, signature against ``pinned``, the facts, one age recipient; nothing decrypted."""
    check_size(cipher, max_bytes, "Tệp")
    check_size(signature, MAX_SIGNATURE_BYTES, "Tệp chữ ký")
    sig = crypto.parse_signature(signature)
    crypto.verify(pinned, cipher, sig)
    facts = facts_of(sig)
    stanzas = crypto.age_stanzas(cipher)
    if stanzas is None:
        raise SyncRefused("Tệp không phải tệp mã hóa age v1")
    if stanzas != ["X25519"]:
        raise SyncRefused(
            f"Tệp được mã hóa cho {len(stanzas)} khóa ({', '.join(stanzas) or 'không khóa nào'}), "
            "phải là đúng một khóa X25519"
        )
    return sig, facts


def open_sealed(
    cipher: bytes,
    signature: bytes,
    *,
    pinned: PublicKey,
    identity: AgeIdentity,
    max_bytes: int,
) -> tuple[dict[str, object], bytes]:
    """The signed facts and the decrypted content, after every outer check."""
    _sig, facts = verify_outer(cipher, signature, pinned, max_bytes=max_bytes)
    return facts, crypto.decrypt(cipher, identity)


# -- files ---------------------------------------------------------------------------------------


def signature_path(path: Path) -> Path:
    return path.with_name(path.name + SIG_SUFFIX)


def read_bounded(path: Path, limit: int, what: str) -> bytes:
    """The file's bytes, refused (before reading them all) when above ``limit``."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise SyncRefused(
                f"{what} «{path.name}» quá lớn ({_size(size)}, tối đa {_size(limit)})"
            )
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise SyncRefused(f"Không thấy {what.lower()} «{path.name}»") from None
    except OSError as exc:
        raise SyncRefused(f"Không đọc được {what.lower()} «{path.name}»: {exc.strerror}") from None
    check_size(data, limit, f"{what} «{path.name}»")
    return data


def read_pair(path: Path, max_bytes: int) -> tuple[bytes, bytes]:
    cipher = read_bounded(path, max_bytes, "Tệp")
    sig = signature_path(path)
    if not sig.is_file():
        raise SyncRefused(
            f"Thiếu tệp chữ ký «{sig.name}» bên cạnh «{path.name}»: hãy chép cả hai tệp"
        )
    return cipher, read_bounded(sig, MAX_SIGNATURE_BYTES, "Tệp chữ ký")


def _durable_write(path: Path, data: bytes) -> None:
    with open(path, "xb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def write_pair(folder: Path, name: str, sealed: Sealed) -> Path:
    """Both files under temporary names, flushed to the disk, then renamed into place (the
    signature first, so a file under its final name always has its signature beside it)."""
    target = folder / name
    token = uuid.uuid4().hex[:8]
    tmp_cipher = folder / f".{name}.{token}.tmp"
    tmp_sig = folder / f".{name}{SIG_SUFFIX}.{token}.tmp"
    try:
        _durable_write(tmp_sig, sealed.signature)
        _durable_write(tmp_cipher, sealed.cipher)
        os.replace(tmp_sig, signature_path(target))
        os.replace(tmp_cipher, target)
        fsync_dir(folder)
    finally:
        for tmp in (tmp_cipher, tmp_sig):
            tmp.unlink(missing_ok=True)
    return target


def remove_pair(path: Path) -> None:
    for each in (path, signature_path(path)):
        each.unlink(missing_ok=True)


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} byte"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB".replace(".", ",")
    return f"{n / 1024 / 1024:.1f} MB".replace(".", ",")
