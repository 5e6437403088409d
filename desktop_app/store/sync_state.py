"""The cell's sync state in the register: its own keys and its enrolment with the upper level.

The secret keys are sealed (AES-256-GCM) under a key derived with HKDF-SHA256 from the
register's data key, bound to the register id and the key id. So they are encrypted twice at
rest (SQLCipher's pages, then the seal), a dump of the table or a look at the row while
debugging shows nothing usable, and the seal opens wherever the register opens (a backup, a
restore, after a passphrase change: the data key never changes, see store/keys.py).
"""

from __future__ import annotations

import base64
import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.store.errors import DamagedRegister
from desktop_app.store.journal import CHAIN_SQL
from desktop_app.store.models import Journal, SyncEnrolment, SyncIdentity

SEAL_FORMAT = "sochibo-sync-identity/1"
_AFTER_SQL = CHAIN_SQL.replace(" ORDER BY seq", " WHERE seq > ? ORDER BY seq")
ACK_FIELDS = ("acked_seq", "acked_hash", "acked_at")
# Entries after a point that are news to the upper level: all but the journal entries of the
# acknowledgements themselves (an enrolment update that changes only ACK_FIELDS, and the
# receipt kept beside it), which would otherwise leave one entry "not yet sent" after every
# receipt, for ever.
_NEWS_SQL = f"""SELECT COUNT(*) FROM journal WHERE seq > ? AND entity != 'received_receipt'
    AND NOT (entity = 'sync_enrolment' AND op = 'update' AND NOT EXISTS (
        SELECT 1 FROM json_each(journal.changes)
        WHERE key NOT IN ({", ".join(f"'{name}'" for name in ACK_FIELDS)})))"""


def _seal_key(data_key: bytes, register_id: str) -> bytes:
    info = f"sochibo sync identity {register_id}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(data_key)


def _aad(register_id: str, key_id: str) -> bytes:
    return f"{SEAL_FORMAT}|{register_id}|{key_id}".encode()


def seal_secret(data_key: bytes, register_id: str, key_id: str, secret: bytes) -> str:
    nonce = os.urandom(12)
    sealed = AESGCM(_seal_key(data_key, register_id)).encrypt(
        nonce, secret, _aad(register_id, key_id)
    )
    return json.dumps(
        {
            "format": SEAL_FORMAT,
            "nonce": base64.b64encode(nonce).decode("ascii"),
            "sealed": base64.b64encode(sealed).decode("ascii"),
        },
        sort_keys=True,
    )


def open_secret(data_key: bytes, register_id: str, key_id: str, sealed: str) -> bytes:
    try:
        doc = json.loads(sealed)
        nonce, body = base64.b64decode(doc["nonce"]), base64.b64decode(doc["sealed"])
        return AESGCM(_seal_key(data_key, register_id)).decrypt(
            nonce, body, _aad(register_id, key_id)
        )
    except (InvalidTag, ValueError, KeyError, TypeError):
        raise DamagedRegister(
            "Khóa ký gói của chi bộ trong sổ không mở được (sổ hỏng hoặc đã bị sửa). "
            "Hãy khôi phục từ bản sao lưu gần nhất."
        ) from None


def add_identity(key_id: str, public_key: str, recipient: str, sealed: str, at: str) -> None:
    """Store the cell's keys; call inside the write transaction that journals the enrolment."""
    SyncIdentity.insert(
        key_id=key_id, public_key=public_key, recipient=recipient, sealed=sealed, created_at=at
    ).execute()


def identity() -> SyncIdentity | None:
    """The cell's keys (the first made: a cell keeps one identity)."""
    return SyncIdentity.select().order_by(SyncIdentity.created_at).first()


def enrolment() -> SyncEnrolment | None:
    """The live enrolment with the upper level, if any."""
    return SyncEnrolment.select().where(SyncEnrolment.deleted == False).first()  # noqa: E712


def entries_after(seq: int) -> list[tuple]:
    """The journal's entries after ``seq``, in order, as tuples of (seq, entity, entity_id,
    op, changes, base_version, version, author, at, prev_hash, hash) with ``changes``
    decoded from its JSON text."""
    rows = Journal._meta.database.execute_sql(_AFTER_SQL, (seq,))
    return [(*row[:4], json.loads(row[4]), *row[5:]) for row in rows]


def news_after(seq: int) -> int:
    """How many entries after ``seq`` are news to the upper level (see ``_NEWS_SQL``)."""
    return int(Journal._meta.database.execute_sql(_NEWS_SQL, (seq,)).fetchone()[0])


def hash_at(seq: int) -> str | None:
    row = Journal.select(Journal.hash).where(Journal.seq == seq).first()
    return row.hash if row else None
