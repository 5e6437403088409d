"""``inspect``: the outer layer of a bundle read without decrypting, every fault reported."""

from __future__ import annotations

import pytest

from desktop_app.sync import crypto, envelope, inspection
from desktop_app.sync.envelope import Sealed
from desktop_app.sync.errors import SyncRefused
from tests.sync.samples import SIGNER, STRANGER, receipts, sealed


@pytest.fixture(scope="module")
def small():
    return sealed()


def test_a_sound_bundle(small, tmp_path):
    name, made = small
    path = envelope.write_pair(tmp_path, name, made)
    found = inspection.inspect_file(path)
    assert found.signature == "unpinned" and found.ok and not found.notes
    assert found.key_id == SIGNER.public.key_id_hex and found.cell_key == SIGNER.public.text
    assert found.fingerprint == crypto.cell_fingerprint(SIGNER.public, receipts().recipient)
    assert found.facts["seq_from"] == 1 and found.facts["seq_to"] == 3
    assert found.name_facts == {"code": "CB-KP5", "seq_from": 1, "seq_to": 3}
    assert found.name_matches and found.recipients == ["X25519"]
    pinned = inspection.inspect_file(envelope.signature_path(path), SIGNER.public)
    assert pinned.signature == "valid" and "đúng khóa" in pinned.signature_text


def test_faults_are_reported_not_raised(small):
    name, made = small
    assert inspection.inspect(made.cipher, None, name=name).signature == "missing"
    other = inspection.inspect(made.cipher, made.signature, name=name, pinned=STRANGER.public)
    assert other.signature == "wrong_key" and STRANGER.public.key_id_hex in other.problems[0]
    assert not other.ok
    flipped = bytearray(made.cipher)
    flipped[-1] ^= 1
    bad = inspection.inspect(bytes(flipped), made.signature, name=name)
    assert bad.signature == "invalid" and "không khớp với nội dung" in bad.problems[0]
    renamed = inspection.inspect(made.cipher, made.signature, name="ban-sao.sochibo-goi")
    assert renamed.name_matches is False and renamed.name_facts is None
    assert renamed.ok and "Tên tệp đã được đổi" in renamed.notes[0]
    garbage = inspection.inspect(b"not age", b"nonsense", name="x")
    assert garbage.signature == "invalid" and garbage.recipients is None
    assert any("age v1" in p for p in garbage.problems)
    unsigned_facts = Sealed(made.cipher, SIGNER.sign(made.cipher, "not json", "x"))
    odd = inspection.inspect(unsigned_facts.cipher, unsigned_facts.signature, name=name)
    assert odd.signature == "invalid" and odd.facts is None
    assert odd.to_json()["signature_text"].startswith("Chữ ký không hợp lệ")


def test_only_unreadable_files_are_refused(tmp_path):
    with pytest.raises(SyncRefused, match="Không thấy tệp gói"):
        inspection.inspect_file(tmp_path / "x.sochibo-goi")
    big = tmp_path / "lon.sochibo-goi"
    with open(big, "wb") as fh:
        fh.truncate(2048)
    with pytest.raises(SyncRefused, match="quá lớn"):
        inspection.inspect_file(big, max_bytes=1024)
