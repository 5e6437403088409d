"""The receipt reader: a sound receipt reads back exactly; anything else (a flipped byte
anywhere, a cut, garbage after, the wrong key, the wrong recipient, an unknown format, a header
that lies, a bad decision, too much) is one clean Vietnamese refusal."""

from __future__ import annotations

import dataclasses
import json

import pytest

from desktop_app.store.journal import canonical_json
from desktop_app.sync import envelope, receipt
from desktop_app.sync.envelope import Sealed
from desktop_app.sync.errors import SyncRefused
from tests.sync import samples
from tests.sync.receipt_samples import DECISION_ID, decision, header, read, sealed


def refused(name: str, made: Sealed, match: str | None = None, **options: object) -> str:
    with pytest.raises(SyncRefused, match=match) as caught:
        read(name, made, **options)
    message = str(caught.value)
    assert message.startswith(f"Biên nhận «{name}» bị từ chối: "), message
    return message


@pytest.fixture(scope="module")
def small():
    return sealed()


def test_round_trip(small):
    name, made = small
    assert name == "CB-KP5.nhan-000003.sochibo-biennhan"
    assert receipt.parse_file_name(name) == ("CB-KP5", 3)
    got = read(name, made)
    assert got.header == header() and got.decisions == (decision(),)
    assert got.quota(2026) == 3 and got.quota(2025) is None
    assert got.decisions[0].label == "Quyết định kết nạp"


def test_the_writer_refuses_what_the_reader_would():
    with pytest.raises(SyncRefused, match="Biên nhận chưa tạo được"):
        receipt.seal_receipt(header(2), [decision()], key=samples.upper().signing,
                             recipient=samples.receipts().recipient)  # fmt: skip
    with pytest.raises(SyncRefused, match="khóa khác khóa ký"):
        receipt.seal_receipt(header(1), [decision()], key=samples.STRANGER,
                             recipient=samples.receipts().recipient)  # fmt: skip


def test_every_single_byte_flip_is_refused(small):
    name, made = small
    assert len(made.cipher) < 4096
    for mask in (0x01, 0xFF):
        for i in range(len(made.cipher)):
            cipher = bytearray(made.cipher)
            cipher[i] ^= mask
            refused(name, Sealed(bytes(cipher), made.signature))
        for i in range(len(made.signature)):
            signature = bytearray(made.signature)
            signature[i] ^= mask
            refused(name, Sealed(made.cipher, bytes(signature)))


def test_every_truncation_is_refused(small):
    name, made = small
    for n in range(len(made.cipher)):
        refused(name, Sealed(made.cipher[:n], made.signature))
    for n in range(len(made.signature)):
        refused(name, Sealed(made.cipher, made.signature[:n]))


@pytest.mark.parametrize("garbage", [b"\n", b"x", b"\x00" * 16])
def test_appended_garbage_is_refused(small, garbage):
    name, made = small
    refused(name, Sealed(made.cipher + garbage, made.signature), "không khớp với nội dung")
    refused(name, Sealed(made.cipher, made.signature + garbage), "Tệp chữ ký")


def test_a_receipt_signed_by_another_key_is_refused():
    name, made = sealed(key=samples.other_upper().signing)
    message = refused(name, made, "ký bằng khóa")
    assert samples.upper().public.key_id_hex in message


def test_a_receipt_for_another_cell_key_is_refused():
    name, made = sealed(recipient=samples.other_upper().recipient)
    refused(name, made, "không được mã hóa cho khóa này")


def test_an_unknown_format_version_is_refused():
    head = header(format="sochibo-biennhan/2")
    name, made = sealed(head=head)
    message = refused(name, made, "sochibo-biennhan/2", identity=samples.other_upper().identity)
    assert "phiên bản mới hơn" in message  # the signed facts are read before decrypting
    inner = receipt.encode(head, [decision()])
    name, made = sealed(plaintext=inner)
    refused(name, made, r"dòng 1 \(phần đầu\): định dạng «sochibo-biennhan/2»")


def test_a_header_that_lies_is_refused():
    name, made = sealed(head=header(2), plaintext=receipt.encode(header(2), [decision()]))
    refused(name, made, "phần đầu ghi 2 quyết định, biên nhận có 1 dòng")
    small_name, small_made = sealed()
    for field, value in [("applied_seq", 9), ("cell_id", samples.PERSON_ID)]:
        told = {**receipt.outer_facts(header(), small_name), field: value}
        lying = Sealed(
            small_made.cipher,
            samples.upper().signing.sign(
                small_made.cipher,
                envelope.facts_text(told),
                receipt.UNTRUSTED.format(key_id=samples.upper().public.key_id_hex),
            ),
        )
        refused(small_name, lying, f"khác lời ghi kèm chữ ký ở trường «{field}»")


def test_an_altered_untrusted_comment_is_refused(small):
    name, made = small
    altered = made.signature.replace(b"signature from", b"signature by")
    refused(name, Sealed(made.cipher, altered), "ghi chú đầu tệp chữ ký")


def test_oversized_input_is_refused(small, tmp_path):
    name, made = small
    refused(name, made, "quá lớn", max_bytes=len(made.cipher) - 1)
    path = envelope.write_pair(tmp_path, name, made)
    with open(path, "ab") as fh:
        fh.truncate(receipt.MAX_RECEIPT_BYTES + 1)
    with pytest.raises(SyncRefused, match="quá lớn"):
        receipt.read_receipt_file(path, pinned=samples.upper().public, identity=samples.receipts())


def _lines(decisions=None) -> list[bytes]:
    decisions = decisions or [decision()]
    return receipt.encode(header(len(decisions)), decisions).split(b"\n")


def tampered(lines: list[bytes], match: str) -> None:
    name, made = sealed(plaintext=b"\n".join(lines))
    refused(name, made, match)


@pytest.mark.parametrize(
    ("field", "value", "match"),
    [
        ("kind", "expulsion", "«kind» sai kiểu"),
        ("date", "2026-02-30", "«date» sai kiểu"),
        ("date", "12/05/2026", "«date» sai kiểu"),
        ("person_id", "x", "«person_id» sai kiểu"),
        ("number", "", "«number» sai kiểu"),
        ("note", 3, "«note» sai kiểu"),
        ("extra", 1, "trường lạ «extra»"),
    ],
)
def test_decision_fields_of_the_wrong_kind_are_refused(field, value, match):
    lines = _lines()
    doc = {**json.loads(lines[1]), field: value}
    tampered([lines[0], canonical_json(doc).encode(), b""], f"dòng 2: .*{match}")


@pytest.mark.parametrize(
    ("field", "value", "match"),
    [
        ("quotas", [{"year": 2026, "count": 3}, {"year": 2026, "count": 4}], "«quotas»"),
        ("quotas", [{"year": 2026}], "«quotas»"),
        ("quotas", [{"year": 2026, "count": -1}], "«quotas»"),
        ("applied_seq", -1, "«applied_seq»"),
        ("last_bundle_id", "x", "«last_bundle_id»"),
        ("upper_key", "RWQ=", "Khóa công khai"),
    ],
)
def test_header_fields_of_the_wrong_kind_are_refused(field, value, match):
    lines = _lines()
    doc = {**json.loads(lines[0]), field: value}
    tampered([canonical_json(doc).encode(), *lines[1:]], f"dòng 1 \\(phần đầu\\): .*{match}")


def test_a_decision_twice_and_text_not_in_nfc_are_refused():
    twice = [decision(), decision(number="46-QĐ/ĐU")]
    name, made = sealed(twice)
    refused(name, made, "một quyết định xuất hiện hai lần")
    nfd = dataclasses.replace(decision(), person_name=samples.nfd("Nguyễn Thị Hường"))
    name, made = sealed([nfd])
    refused(name, made, r"dòng 2: chữ «.*» không ở dạng dựng sẵn \(NFC\)")
    assert DECISION_ID in canonical_json(decision().to_json())
