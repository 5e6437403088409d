"""Transfer slips made without a register, and a cheap age scrypt encryption for tests.

``fast_age`` writes the age v1 scrypt format (https://age-encryption.org/v1) with a small work
factor: rage calibrates its own to about a second per file, which a test suite that writes
dozens of slips cannot afford. pyrage (the program's reader) decrypts these files like any other,
so only the cost changes; ``fast_scrypt`` puts it in place of ``pyrage.passphrase.encrypt`` for
one test, and tests that need the real writer simply do not use it.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import hmac
import os
import tempfile
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.sync import envelope, slip
from desktop_app.sync.crypto import SigningKey
from desktop_app.sync.envelope import Sealed
from desktop_app.sync.slip import Header, SlipEvent
from tests.sync import samples
from tests.sync.samples import AT, CELL_ID, PERSON_ID, SIGNER

CODE = "7K2M-QX4P-9AB" + slip._check_char("7K2MQX4P9AB")
OTHER_CODE = "0000-0000-000" + slip._check_char("00000000000")
SLIP_ID = "2d3c4b5a-6978-4a1b-8c2d-3e4f5a6b7c8d"
CHUNK = 64 * 1024


def _b64(raw: bytes) -> bytes:
    return base64.b64encode(raw).rstrip(b"=")


def _hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt, info).derive(ikm)


def fast_age(plaintext: bytes, passphrase: str, log_n: int = 10) -> bytes:
    """``plaintext`` encrypted to ``passphrase`` in the age v1 scrypt format."""
    file_key, salt = os.urandom(16), os.urandom(16)
    label = b"age-encryption.org/v1/scrypt" + salt
    wrap = hashlib.scrypt(passphrase.encode(), salt=label, n=2**log_n, r=8, p=1, dklen=32)
    body = ChaCha20Poly1305(wrap).encrypt(bytes(12), file_key, None)
    header = (
        b"age-encryption.org/v1\n-> scrypt " + _b64(salt) + b" %d\n" % log_n + _b64(body) + b"\n---"
    )
    mac = hmac.new(_hkdf(file_key, b"", b"header"), header, "sha256").digest()
    nonce = os.urandom(16)
    stream = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    chunks = [plaintext[i : i + CHUNK] for i in range(0, len(plaintext), CHUNK)] or [b""]
    out = [header + b" " + _b64(mac) + b"\n", nonce]
    for i, chunk in enumerate(chunks):
        flag = b"\x01" if i == len(chunks) - 1 else b"\x00"
        out.append(stream.encrypt(i.to_bytes(11, "big") + flag, chunk, None))
    return b"".join(out)


@pytest.fixture
def fast_scrypt(monkeypatch):
    monkeypatch.setattr(pyrage.passphrase, "encrypt", fast_age)


# -- slips made without a register -------------------------------------------------------------

PERSON = {
    "id": PERSON_ID,
    "full_name": "Nguyễn Thị Hường",
    "other_names": "",
    "sex": "female",
    "birth_date": "1990-04-12",
    "ethnicity": "Kinh",
    "religion": "",
    "native_place": "Phù Cát, Gia Lai",
    "residence": "Tổ 3, khu phố 5, phường Quy Nhơn",
    "id_number": "052190001234",
    "phone": "0905123456",
    "education": "12/12",
    "political_theory": "Sơ cấp",
    "profession": "Cử nhân Sư phạm",
    "occupation": "Giáo viên",
    "membership": "probationary",
    "admission_decision_date": "2025-05-12",
    "ceremony_date": "2025-06-02",
    "official_date": None,
    "party_card_number": "",
    "notes": "",
    "exempted": False,
}


def event(kind: str, day: str, n: int, **changes: object) -> SlipEvent:
    made = SlipEvent(f"{n:08x}-0000-4000-8000-000000000000", kind, day, "", "", "", {})
    return dataclasses.replace(made, **changes)


MENTOR = {"mentor_id": CELL_ID, "mentor_name": "Lê Văn Cường"}
EVENTS = [
    event("admission_decision", "2025-05-12", 1, reference="45-QĐ/ĐU",
          details={"received": "2025-05-14"}),
    event("ceremony", "2025-06-02", 2),
    event("member_cv", "2025-06-20", 3),
    event("mentor_comment", "2025-09-01", 4, details=MENTOR),
    event("transfer_out", "2026-11-02", 5, place="Chi bộ Khu phố 5", reference="80-QĐ/ĐU"),
]  # fmt: skip


def header(events: int = len(EVENTS), key: SigningKey = SIGNER, **lies: object) -> Header:
    made = slip.new_header(
        cell_id=CELL_ID,
        cell_code="CB-NT",
        cell_name="Chi bộ Trường THPT Nguyễn Trân",
        key=key.public,
        cell_recipient=samples.receipts().recipient,
        person_id=PERSON_ID,
        transfer_date=dt.date(2026, 11, 2),
        destination="Chi bộ Khu phố 5, phường Quy Nhơn",
        reference="80-QĐ/ĐU",
        events=events,
        program="sochibo test",
        created_at=AT,
    )
    return dataclasses.replace(made, slip_id=SLIP_ID, **lies)


def sealed(
    person: dict | None = None,
    events: list[SlipEvent] | None = None,
    *,
    made: Header | None = None,
    key: SigningKey = SIGNER,
    code: str = CODE,
) -> tuple[str, Sealed]:
    """A sound slip (or one whose parts were given), encrypted with ``code`` (call under
    ``fast_scrypt`` to keep it cheap)."""
    chosen = EVENTS if events is None else events
    return slip.seal_slip(
        made or header(len(chosen), key), person or PERSON, chosen, key=key, code=code
    )


def plaintext(person: dict | None = None, events: list[SlipEvent] | None = None) -> bytes:
    chosen = EVENTS if events is None else events
    return slip.encode(header(len(chosen)), person or PERSON, chosen)


_WRITTEN: list[tuple[str, Sealed]] = []


def write_sample(folder) -> Path:
    """The sample slip (made once, cheaply) written into ``folder``; open it with CODE."""
    if not _WRITTEN:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(pyrage.passphrase, "encrypt", fast_age)
            _WRITTEN.append(sealed())
    name, made = _WRITTEN[0]
    target = Path(folder) / name
    if not target.exists():
        envelope.write_pair(Path(folder), name, made)
    return target


def transfer_round(reg) -> set[str]:
    """The transfer services once each on ``reg`` (tests/services/test_journal.py's scenario):
    a member's slip written with the transfer out, and the sample slip of another cell
    received."""
    from desktop_app.services import members, transfers
    from tests.conftest import TODAY

    person = members.add_person(
        reg,
        {"full_name": "Đinh Thị Ngọc Hà", "sex": "female", "birth_date": "1985",
         "membership": "official", "ceremony_date": "03/02/2010", "official_date": "03/02/2011"},
        today=TODAY,
    )  # fmt: skip
    with tempfile.TemporaryDirectory() as name, pytest.MonkeyPatch.context() as patch:
        patch.setattr(pyrage.passphrase, "encrypt", fast_age)
        folder = Path(name)
        sent = transfers.write_slip(
            reg, person.id, folder, on=TODAY, place="Chi bộ Khu phố 5", today=TODAY
        )
        assert sent.recorded_now
        got = transfers.receive_slip(reg, write_sample(folder), CODE, today=TODAY)
        assert got.person.id == PERSON_ID
    return {"transfers.write_slip", "transfers.receive_slip"}
