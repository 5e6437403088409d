"""The cryptography of the sync files, in formats standard tools read.

Encryption: age v1 (https://age-encryption.org/v1) to an X25519 recipient, through ``pyrage``;
the Debian ``age`` tool decrypts what this writes (``age -d -i identity.txt FILE``).

Signatures: Ed25519 in the minisign format (https://jedisct1.github.io/minisign/), prehashed
("ED": Ed25519 over BLAKE2b-512 of the file, what minisign 0.10+ writes), so
``minisign -V -p key.pub -m FILE`` verifies what this signs. A signature file is four lines:

    untrusted comment: <free text, not signed>
    base64("ED" || key id (8 bytes) || Ed25519(BLAKE2b-512(file)))
    trusted comment: <one line, signed by the global signature>
    base64(Ed25519(signature (64 bytes) || trusted comment))

The key id is 8 bytes; minisign shows it as the hexadecimal of those bytes read as a
little-endian number (``key_id_hex``). Here it is derived from the public key (BLAKE2b), not
drawn at random as minisign does: the format does not care, and a key then needs no id stored
beside it.

Fingerprints for a person to read over the phone: the first 80 bits of a SHA-256 over the
public keys (with a label saying whose keys), written in Crockford base32 (digits and capital
letters without I, L, O, U, so nothing reads as another) in four groups of four:
``7K2M-QX4P-9ABT-R3ZD``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop_app.sync.errors import SyncRefused

KEY_ALGORITHM = b"Ed"  # the public key's algorithm tag in minisign
PREHASHED = b"ED"  # signature of the BLAKE2b-512 hash of the file
UNTRUSTED_PREFIX = "untrusted comment: "
TRUSTED_PREFIX = "trusted comment: "
TRUSTED_COMMENT_MAX = 8000  # minisign reads at most 8192 bytes for that line
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
AGE_MAGIC = b"age-encryption.org/v1\n"
AGE_HEADER_MAX = 64 * 1024


# -- base64 that accepts one spelling only ------------------------------------------------------


def _unb64(text: str, size: int, what: str) -> bytes:
    """Decode standard base64 of exactly ``size`` bytes, refusing any other spelling of it
    (a changed padding bit would otherwise decode to the same bytes)."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise SyncRefused(f"{what}: không phải base64 hợp lệ") from None
    if len(raw) != size or base64.b64encode(raw).decode("ascii") != text:
        raise SyncRefused(f"{what}: sai độ dài hoặc sai cách viết base64")
    return raw


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


# -- fingerprints ---------------------------------------------------------------------------------


def _base32(raw: bytes) -> str:
    number, bits = int.from_bytes(raw, "big"), len(raw) * 8
    chars = -(-bits // 5)
    number <<= chars * 5 - bits
    return "".join(_CROCKFORD[(number >> (5 * i)) & 31] for i in reversed(range(chars)))


def fingerprint(label: str, *parts: str) -> str:
    """80 bits of SHA-256 over ``label`` and ``parts``, as ``XXXX-XXXX-XXXX-XXXX``."""
    digest = hashlib.sha256("\n".join((label, *parts)).encode("utf-8")).digest()[:10]
    text = _base32(digest)
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


# -- minisign keys ---------------------------------------------------------------------------------


def derive_key_id(public: bytes) -> bytes:
    return hashlib.blake2b(public, digest_size=8, person=b"sochibo-key-id").digest()


@dataclass(frozen=True)
class PublicKey:
    """An Ed25519 public key with its minisign key id."""

    key_id: bytes
    key: bytes

    @property
    def key_id_hex(self) -> str:
        """As minisign prints it (``minisign public key 19D3FA8E539FBA28``), always 16 digits
        (minisign drops leading zeros)."""
        return self.key_id[::-1].hex().upper()

    @property
    def text(self) -> str:
        """The base64 line of a minisign public key file (also ``minisign -P``)."""
        return _b64(KEY_ALGORITHM + self.key_id + self.key)

    def file_text(self) -> str:
        return f"{UNTRUSTED_PREFIX}minisign public key {self.key_id_hex}\n{self.text}\n"

    @classmethod
    def parse(cls, text: str) -> PublicKey:
        """A minisign public key: the base64 line alone or the whole ``.pub`` file."""
        lines = [line.strip() for line in text.strip().splitlines()]
        if len(lines) == 2 and lines[0].startswith(UNTRUSTED_PREFIX):
            lines = lines[1:]
        if len(lines) != 1:
            raise SyncRefused("Khóa công khai: không đúng dạng khóa minisign")
        raw = _unb64(lines[0], 42, "Khóa công khai")
        if raw[:2] != KEY_ALGORITHM:
            raise SyncRefused("Khóa công khai: không phải khóa Ed25519 của minisign")
        return cls(raw[2:10], raw[10:])


class SigningKey:
    """An Ed25519 secret key that signs in the minisign format."""

    def __init__(self, seed: bytes):
        if len(seed) != 32:
            raise SyncRefused("Khóa ký: hạt giống khóa phải dài 32 byte")
        self.seed = seed
        self._private = Ed25519PrivateKey.from_private_bytes(seed)
        raw = self._private.public_key().public_bytes_raw()
        self.public = PublicKey(derive_key_id(raw), raw)

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate().private_bytes_raw())

    def sign(self, message: bytes, trusted_comment: str, untrusted_comment: str) -> bytes:
        """The text of a ``.minisig`` file for ``message``."""
        for comment in (trusted_comment, untrusted_comment):
            if "\n" in comment or "\r" in comment:
                raise SyncRefused("Chữ ký: lời ghi kèm chỉ được có một dòng")
        if len(trusted_comment.encode("utf-8")) > TRUSTED_COMMENT_MAX:
            raise SyncRefused("Chữ ký: lời ghi kèm quá dài")
        digest = hashlib.blake2b(message, digest_size=64).digest()
        signature = self._private.sign(digest)
        global_signature = self._private.sign(signature + trusted_comment.encode("utf-8"))
        sig = Signature(
            untrusted_comment,
            PREHASHED,
            self.public.key_id,
            signature,
            trusted_comment,
            global_signature,
        )
        return sig.to_bytes()


# -- minisign signatures ------------------------------------------------------------------------


@dataclass(frozen=True)
class Signature:
    untrusted_comment: str
    algorithm: bytes
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes

    @property
    def key_id_hex(self) -> str:
        return self.key_id[::-1].hex().upper()

    def to_bytes(self) -> bytes:
        lines = (
            UNTRUSTED_PREFIX + self.untrusted_comment,
            _b64(self.algorithm + self.key_id + self.signature),
            TRUSTED_PREFIX + self.trusted_comment,
            _b64(self.global_signature),
        )
        return ("\n".join(lines) + "\n").encode("utf-8")


def parse_signature(data: bytes) -> Signature:
    """A ``.minisig`` file, read strictly: four lines each ending in a newline, nothing after,
    and no second spelling of any of it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise SyncRefused("Tệp chữ ký: không phải văn bản UTF-8") from None
    lines = text.split("\n")
    if len(lines) != 5 or lines[4] != "" or any("\r" in line for line in lines):
        raise SyncRefused("Tệp chữ ký: phải có đúng bốn dòng của minisign")
    untrusted, sig_line, trusted, global_line = lines[:4]
    if not untrusted.startswith(UNTRUSTED_PREFIX):
        raise SyncRefused("Tệp chữ ký: dòng đầu phải bắt đầu bằng «untrusted comment: »")
    if not trusted.startswith(TRUSTED_PREFIX):
        raise SyncRefused("Tệp chữ ký: dòng thứ ba phải bắt đầu bằng «trusted comment: »")
    raw = _unb64(sig_line, 74, "Tệp chữ ký, dòng chữ ký")
    global_signature = _unb64(global_line, 64, "Tệp chữ ký, dòng chữ ký toàn cục")
    if raw[:2] != PREHASHED:
        raise SyncRefused(
            "Tệp chữ ký: chỉ nhận chữ ký kiểu băm trước (ED) của minisign 0.10 trở lên"
        )
    return Signature(
        untrusted[len(UNTRUSTED_PREFIX) :],
        raw[:2],
        raw[2:10],
        raw[10:],
        trusted[len(TRUSTED_PREFIX) :],
        global_signature,
    )


def verify(public: PublicKey, message: bytes, sig: Signature) -> None:
    """Refuse unless ``sig`` is ``public``'s signature of ``message`` and of its trusted
    comment."""
    if sig.key_id != public.key_id:
        raise SyncRefused(
            f"Chữ ký: ký bằng khóa {sig.key_id_hex}, không phải khóa đã ghi nhận "
            f"{public.key_id_hex}"
        )
    try:
        key = Ed25519PublicKey.from_public_bytes(public.key)
        key.verify(sig.signature, hashlib.blake2b(message, digest_size=64).digest())
    except (InvalidSignature, ValueError):
        raise SyncRefused("Chữ ký: không khớp với nội dung tệp (tệp đã bị sửa hoặc hỏng)") from None
    try:
        key.verify(sig.global_signature, sig.signature + sig.trusted_comment.encode("utf-8"))
    except InvalidSignature:
        raise SyncRefused("Chữ ký: lời ghi kèm có chữ ký đã bị sửa") from None


# -- age -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgeIdentity:
    """An age X25519 identity (``AGE-SECRET-KEY-1…``)."""

    secret: str

    @classmethod
    def generate(cls) -> AgeIdentity:
        return cls(str(pyrage.x25519.Identity.generate()))

    @classmethod
    def parse(cls, text: str) -> AgeIdentity:
        try:
            return cls(str(pyrage.x25519.Identity.from_str(text.strip())))
        except pyrage.IdentityError:
            raise SyncRefused("Khóa giải mã: không phải khóa age X25519") from None

    @property
    def recipient(self) -> str:
        return str(pyrage.x25519.Identity.from_str(self.secret).to_public())

    def file_text(self) -> str:
        """An identity file as ``age-keygen`` writes it (``age -d -i FILE``)."""
        return f"# public key: {self.recipient}\n{self.secret}\n"


def check_recipient(text: str) -> str:
    """An age X25519 recipient (``age1…``), or a refusal."""
    if not isinstance(text, str) or not text.startswith("age1"):
        raise SyncRefused("Khóa nhận: không phải khóa age X25519 (age1…)")
    try:
        return str(pyrage.x25519.Recipient.from_str(text))
    except pyrage.RecipientError:
        raise SyncRefused("Khóa nhận: khóa age X25519 bị hỏng") from None


def encrypt(data: bytes, recipient: str) -> bytes:
    return pyrage.encrypt(data, [pyrage.x25519.Recipient.from_str(check_recipient(recipient))])


def decrypt(data: bytes, identity: AgeIdentity) -> bytes:
    try:
        return pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(identity.secret)])
    except pyrage.DecryptError as exc:
        if "No matching keys" in str(exc):
            raise SyncRefused(
                "Không giải mã được: tệp không được mã hóa cho khóa này (gửi cho cấp ủy khác?)"
            ) from None
        raise SyncRefused("Không giải mã được: phần mã hóa bị hỏng") from None


def age_stanzas(data: bytes) -> list[str] | None:
    """The recipient types in an age v1 header (``["X25519"]``), without decrypting; None
    when ``data`` does not start with an age v1 header. The random "grease" stanzas rage
    adds to keep readers honest (``…-grease``) are left out."""
    if not data.startswith(AGE_MAGIC):
        return None
    end = data.find(b"\n--- ", 0, AGE_HEADER_MAX)
    if end < 0:
        return None
    try:
        lines = data[len(AGE_MAGIC) : end].decode("ascii").split("\n")
    except UnicodeDecodeError:
        return None
    kinds = [line[3:].split(" ")[0] for line in lines if line.startswith("-> ")]
    return [kind for kind in kinds if not kind.endswith("-grease")]


# -- whose keys ------------------------------------------------------------------------------------


def cell_fingerprint(key: PublicKey, recipient: str) -> str:
    """The cell's fingerprint: its signing key and the key its receipts are encrypted to."""
    return fingerprint("sochibo-cell/1", key.text, recipient)


def upper_fingerprint(recipient: str, key: PublicKey) -> str:
    """The upper level's fingerprint: the key bundles are encrypted to and its signing key."""
    return fingerprint("sochibo-upper/1", recipient, key.text)
