"""The register's data key and the two ways to unwrap it: the passphrase and the recovery key.

The SQLCipher file is keyed with a random 256-bit data key (raw, so SQLCipher's own KDF is not
used). The key file beside the register holds that key wrapped with AES-256-GCM twice: under a key
derived from the passphrase with Argon2id (parameters stored with the wrap) and under a key derived
from the recovery key with HKDF. Changing the passphrase rewraps the data key only.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.store.errors import KeyFileError, WrongRecoveryKey, WrongSecret

FORMAT = "sochibo-keys/1"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RECOVERY_BYTES = 20  # 160 bits, 32 characters
_CHECK_CHARS = 4


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default follows RFC 9106's second recommendation (64 MiB, t=3, p=4)."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4


FAST_KDF_FOR_TESTS = KdfParams(memory_kib=1024, iterations=1, lanes=1)


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _passphrase_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    # NFC: the same words typed with another input method (NFD) must open the register.
    return kdf.derive(unicodedata.normalize("NFC", passphrase).encode("utf-8"))


def _recovery_wrap_key(secret: bytes, register_id: str) -> bytes:
    info = f"sochibo recovery {register_id}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret)


def _aad(kind: str, register_id: str) -> bytes:
    return f"{FORMAT}|{kind}|{register_id}".encode()


def _wrap(kek: bytes, data_key: bytes, kind: str, register_id: str) -> dict[str, str]:
    nonce = os.urandom(12)
    sealed = AESGCM(kek).encrypt(nonce, data_key, _aad(kind, register_id))
    return {"nonce": _b64(nonce), "sealed": _b64(sealed)}


def _unwrap(kek: bytes, wrap: dict[str, str], kind: str, register_id: str) -> bytes:
    return AESGCM(kek).decrypt(
        _unb64(wrap["nonce"]), _unb64(wrap["sealed"]), _aad(kind, register_id)
    )


# Recovery key: 160 random bits in Crockford base32 plus a 20-bit check, in groups of four.


def _encode32(data: bytes) -> str:
    number, bits = int.from_bytes(data, "big"), len(data) * 8
    chars = -(-bits // 5)
    number <<= chars * 5 - bits
    return "".join(_CROCKFORD[(number >> (5 * i)) & 31] for i in reversed(range(chars)))


def _check(secret: bytes) -> str:
    return _encode32(hashlib.sha256(b"sochibo-recovery" + secret).digest()[:3])[:_CHECK_CHARS]


def format_recovery_key(secret: bytes) -> str:
    """Groups of four characters a person can copy onto paper and type back."""
    text = _encode32(secret) + _check(secret)
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """Read a typed recovery key: case, spaces and dashes do not matter, O→0, I/L→1."""
    clean = "".join(c for c in text.upper() if c.isalnum())
    clean = clean.translate(str.maketrans("OIL", "011"))
    body_len = -(-_RECOVERY_BYTES * 8 // 5)
    if len(clean) != body_len + _CHECK_CHARS or any(c not in _CROCKFORD for c in clean):
        raise WrongRecoveryKey("Khóa khôi phục gồm 9 nhóm, mỗi nhóm 4 ký tự (chữ và số).")
    number = 0
    for c in clean[:body_len]:
        number = (number << 5) | _CROCKFORD.index(c)
    number >>= body_len * 5 - _RECOVERY_BYTES * 8
    secret = number.to_bytes(_RECOVERY_BYTES, "big")
    if _check(secret) != clean[body_len:]:
        raise WrongRecoveryKey("Khóa khôi phục bị gõ sai một vài ký tự, hãy so lại với tờ giấy.")
    return secret


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# What a key file may ask of Argon2: far above what the program writes, low enough that a
# damaged file cannot make the unlock exhaust the machine.
_KDF_LIMITS = {"memory_kib": (8, 1024 * 1024), "iterations": (1, 32), "lanes": (1, 16)}
_MIN_SALT_BYTES = 8
_NONCE_BYTES, _SEALED_BYTES = 12, 32 + 16  # AES-GCM nonce; the data key and its tag


def _section(doc: dict, name: str) -> dict:
    value = doc[name]
    if not isinstance(value, dict):
        raise TypeError(name)
    return value


def _text(section: dict, name: str) -> str:
    value = section[name]
    if not isinstance(value, str):
        raise TypeError(name)
    return value


def _params(pw: dict) -> KdfParams:
    values = {}
    for name, (low, high) in _KDF_LIMITS.items():
        value = pw[name]
        if type(value) is not int or not low <= value <= high:
            raise ValueError(f"{name} ngoài giới hạn")
        values[name] = value
    if values["memory_kib"] < 8 * values["lanes"]:
        raise ValueError("memory_kib ngoài giới hạn")
    return KdfParams(**values)


def _wrap_of(section: dict) -> dict[str, str]:
    nonce, sealed = _text(section, "nonce"), _text(section, "sealed")
    if len(_unb64(nonce)) != _NONCE_BYTES or len(_unb64(sealed)) != _SEALED_BYTES:
        raise ValueError("nonce/sealed")
    return {"nonce": nonce, "sealed": sealed}


@dataclass
class KeyFile:
    """The JSON file beside the register; it holds no secret in clear."""

    register_id: str
    salt: bytes
    params: KdfParams
    passphrase_wrap: dict[str, str]
    recovery_wrap: dict[str, str]

    @classmethod
    def create(
        cls, register_id: str, data_key: bytes, passphrase: str, params: KdfParams
    ) -> tuple[KeyFile, str]:
        """Wrap a data key under a passphrase and a new recovery key; returns the key to show."""
        salt, secret = os.urandom(16), secrets.token_bytes(_RECOVERY_BYTES)
        pw = _wrap(_passphrase_key(passphrase, salt, params), data_key, "passphrase", register_id)
        rec = _wrap(_recovery_wrap_key(secret, register_id), data_key, "recovery", register_id)
        return cls(register_id, salt, params, pw, rec), format_recovery_key(secret)

    def unlock(self, passphrase: str) -> bytes:
        kek = _passphrase_key(passphrase, self.salt, self.params)
        try:
            return _unwrap(kek, self.passphrase_wrap, "passphrase", self.register_id)
        except InvalidTag:
            raise WrongSecret("Mật khẩu không đúng. Sổ không bị thay đổi gì.") from None

    def unlock_with_recovery(self, recovery_key: str) -> bytes:
        secret = parse_recovery_key(recovery_key)
        try:
            return _unwrap(
                _recovery_wrap_key(secret, self.register_id),
                self.recovery_wrap,
                "recovery",
                self.register_id,
            )
        except InvalidTag:
            raise WrongRecoveryKey("Khóa khôi phục này không phải của sổ này.") from None

    def rewrap_passphrase(
        self, data_key: bytes, passphrase: str, params: KdfParams | None = None
    ) -> None:
        self.params = params or self.params
        self.salt = os.urandom(16)
        kek = _passphrase_key(passphrase, self.salt, self.params)
        self.passphrase_wrap = _wrap(kek, data_key, "passphrase", self.register_id)

    def rewrap_recovery(self, data_key: bytes) -> str:
        """Wrap the data key under a fresh recovery key (the old one no longer unwraps it);
        returns the new key to show once."""
        secret = secrets.token_bytes(_RECOVERY_BYTES)
        kek = _recovery_wrap_key(secret, self.register_id)
        self.recovery_wrap = _wrap(kek, data_key, "recovery", self.register_id)
        return format_recovery_key(secret)

    def to_json(self) -> str:
        doc = {
            "format": FORMAT, "register_id": self.register_id,
            "passphrase": {"kdf": "argon2id", "salt": _b64(self.salt),
                           "memory_kib": self.params.memory_kib,
                           "iterations": self.params.iterations, "lanes": self.params.lanes,
                           **self.passphrase_wrap},
            "recovery": {"kdf": "hkdf-sha256", **self.recovery_wrap},
        }  # fmt: skip
        return json.dumps(doc, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> KeyFile:
        """Read a key file. Every field is checked here (types, base64, lengths, Argon2 cost
        within bounds), so a damaged file is refused in Vietnamese and nothing odd ever reaches
        Argon2 or AES-GCM."""
        try:
            doc = json.loads(text)
            if not isinstance(doc, dict) or doc.get("format") != FORMAT:
                raise ValueError(doc.get("format") if isinstance(doc, dict) else type(doc).__name__)
            pw, rec = _section(doc, "passphrase"), _section(doc, "recovery")
            salt = _unb64(_text(pw, "salt"))
            if len(salt) < _MIN_SALT_BYTES:
                raise ValueError("salt")
            return cls(_text(doc, "register_id"), salt, _params(pw), _wrap_of(pw), _wrap_of(rec))
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            raise KeyFileError(f"Tệp khóa của sổ bị hỏng hoặc không đúng dạng ({exc}).") from exc

    def save(self, path: Path) -> None:
        """Atomic: write a temporary file, flush it to disk, then rename over the old one."""
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(self.to_json())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            return cls.from_json(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise KeyFileError(
                f"Không tìm thấy tệp khóa «{path.name}» bên cạnh sổ. "
                "Tệp sổ và tệp khóa phải luôn đi cùng nhau."
            ) from None
        except UnicodeDecodeError as exc:
            raise KeyFileError(f"Tệp khóa «{path.name}» không đọc được.") from exc
