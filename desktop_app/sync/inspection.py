"""What a bundle's outer layer says, without decrypting it: the signature's status, the key that
signed it and its fingerprint, the signed facts (cell, range, hashes), what the file name says
and whether it agrees, the age recipients. For ``sochibo bundle inspect`` and for the upper
level's first look at a cell it has not pinned yet (the officer compares the fingerprint over
the phone before pinning the key).

Only a file that cannot be read at all is refused; anything wrong inside is reported.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from desktop_app.sync import bundle, crypto, envelope
from desktop_app.sync.crypto import PublicKey, Signature
from desktop_app.sync.errors import SyncRefused

STATUS_TEXT = {
    "valid": "Chữ ký hợp lệ, đúng khóa của chi bộ đã ghi nhận.",
    "unpinned": (
        "Chữ ký hợp lệ với khóa đi kèm gói; khóa này chưa được đối chiếu với khóa đã ghi nhận "
        "(so vân tay qua điện thoại trước khi tin)."
    ),
    "wrong_key": "Gói được ký bằng một khóa khác khóa đã ghi nhận.",
    "invalid": "Chữ ký không hợp lệ: tệp đã bị sửa, bị hỏng hoặc không phải gói Sổ Chi bộ.",
    "missing": "Thiếu tệp chữ ký .minisig bên cạnh gói.",
}


@dataclass(frozen=True)
class Inspection:
    name: str
    size: int
    signature: str  # a key of STATUS_TEXT
    key_id: str = ""
    cell_key: str = ""
    fingerprint: str = ""  # the cell's, from the signed facts
    facts: dict[str, object] | None = None
    name_facts: dict[str, object] | None = None
    name_matches: bool | None = None
    recipients: list[str] | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # worth saying, harmless (a renamed file)

    @property
    def signature_text(self) -> str:
        return STATUS_TEXT[self.signature]

    @property
    def ok(self) -> bool:
        """Signed, by the pinned key when one was given, and nothing wrong outside."""
        return self.signature in ("valid", "unpinned") and not self.problems

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "ok": self.ok, "signature_text": self.signature_text}


@dataclass
class _Signed:
    """What the signature file says, as far as it can be read."""

    status: str = "missing"
    key_id: str = ""
    cell_key: str = ""
    fingerprint: str = ""
    facts: dict[str, object] | None = None
    problems: list[str] = field(default_factory=list)


def _facts(sig: Signature, signed: _Signed) -> PublicKey | None:
    """Record the signed facts and the key they name; that key, if readable."""
    try:
        signed.facts = envelope.facts_of(sig)
        signer = PublicKey.parse(str(signed.facts.get("cell_key", "")))
    except SyncRefused as exc:
        signed.problems.append(str(exc))
        return None
    signed.cell_key = signer.text
    signed.fingerprint = crypto.cell_fingerprint(
        signer, str(signed.facts.get("cell_recipient", ""))
    )
    return signer


def _status(cipher: bytes, signature: bytes, pinned: PublicKey | None, signed: _Signed) -> str:
    try:
        sig = crypto.parse_signature(signature)
    except SyncRefused as exc:
        signed.problems.append(str(exc))
        return "invalid"
    signed.key_id = sig.key_id_hex
    signer = _facts(sig, signed)
    key = pinned or signer
    if key is None:
        return "invalid"
    if sig.key_id != key.key_id:
        signed.problems.append(f"Ký bằng khóa {sig.key_id_hex}, khóa chờ đợi là {key.key_id_hex}.")
        return "wrong_key" if pinned else "invalid"
    try:
        crypto.verify(key, cipher, sig)
    except SyncRefused as exc:
        signed.problems.append(str(exc))
        return "invalid"
    return "valid" if pinned else "unpinned"


def _name_facts(name: str, facts: dict[str, object] | None) -> tuple[dict | None, bool | None]:
    parsed = bundle.parse_file_name(name)
    said = {"code": parsed[0], "seq_from": parsed[1], "seq_to": parsed[2]} if parsed else None
    return said, None if facts is None else name == facts.get("file")


def inspect(
    cipher: bytes, signature: bytes | None, *, name: str, pinned: PublicKey | None = None
) -> Inspection:
    signed = _Signed()
    if signature is not None:
        signed.status = _status(cipher, signature, pinned, signed)
    facts, problems, notes = signed.facts, signed.problems, []
    if facts is not None and facts.get("format") != bundle.FORMAT:
        problems.append(f"Định dạng «{facts.get('format')}» không phải «{bundle.FORMAT}».")
    name_facts, matches = _name_facts(name, facts)
    if matches is False and facts is not None:
        notes.append(f"Tên tệp đã được đổi (khi ký tên là «{facts.get('file')}»); không sao.")
    recipients = crypto.age_stanzas(cipher)
    if recipients is None:
        problems.append("Tệp không phải tệp mã hóa age v1.")
    elif recipients != ["X25519"]:
        problems.append(f"Tệp phải được mã hóa cho đúng một khóa X25519: {recipients}.")
    return Inspection(
        name=name,
        size=len(cipher),
        signature=signed.status,
        key_id=signed.key_id,
        cell_key=signed.cell_key,
        fingerprint=signed.fingerprint,
        facts=facts,
        name_facts=name_facts,
        name_matches=matches,
        recipients=recipients,
        problems=problems,
        notes=notes,
    )


def inspect_file(
    path: Path, pinned: PublicKey | None = None, max_bytes: int = bundle.MAX_BUNDLE_BYTES
) -> Inspection:
    """Inspect ``path`` (the bundle, or its ``.minisig``)."""
    path = Path(path)
    if path.name.endswith(envelope.SIG_SUFFIX):
        path = path.with_name(path.name[: -len(envelope.SIG_SUFFIX)])
    cipher = envelope.read_bounded(path, max_bytes, "Tệp gói")
    sig_path = envelope.signature_path(path)
    signature = (
        envelope.read_bounded(sig_path, envelope.MAX_SIGNATURE_BYTES, "Tệp chữ ký")
        if sig_path.is_file()
        else None
    )
    return inspect(cipher, signature, name=path.name, pinned=pinned)
