"""The minisign signatures, the age encryption and the fingerprints, against known answers and
against every way a signature file can be spelled wrong."""

from __future__ import annotations

import base64
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.sync import crypto
from desktop_app.sync.crypto import AgeIdentity, PublicKey, SigningKey
from desktop_app.sync.errors import SyncRefused

# RFC 8032, section 7.1, test 1
RFC_SEED = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
RFC_PUBLIC = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
FINGERPRINT = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}")
KEY = SigningKey(bytes(range(32)))


def test_the_signing_key_is_rfc_8032_ed25519():
    assert SigningKey(RFC_SEED).public.key == RFC_PUBLIC


def test_public_key_file_is_minisigns():
    public = KEY.public
    text = public.file_text()
    first, second = text.splitlines()
    assert first == f"untrusted comment: minisign public key {public.key_id_hex}"
    raw = base64.b64decode(second)
    assert raw[:2] == b"Ed" and raw[2:10] == public.key_id and raw[10:] == public.key
    # minisign prints the 8 id bytes as a little-endian number
    assert public.key_id_hex == int.from_bytes(public.key_id, "little").to_bytes(8).hex().upper()
    assert PublicKey.parse(text) == PublicKey.parse(second) == public


@pytest.mark.parametrize(
    "text",
    ["", "RWQ", "not base64 at all!", "untrusted comment: x\nRWQ=\nextra", "RUQ" + "A" * 53],
)
def test_bad_public_keys_are_refused(text):
    with pytest.raises(SyncRefused, match="Khóa công khai"):
        PublicKey.parse(text)


def test_sign_and_verify():
    message = "Nội dung gói".encode()
    signature = KEY.sign(message, '{"a":1}', "signature from test")
    parsed = crypto.parse_signature(signature)
    assert parsed.algorithm == b"ED" and parsed.trusted_comment == '{"a":1}'
    assert parsed.to_bytes() == signature
    crypto.verify(KEY.public, message, parsed)
    with pytest.raises(SyncRefused, match="không khớp với nội dung"):
        crypto.verify(KEY.public, message + b"x", parsed)
    with pytest.raises(SyncRefused, match="ký bằng khóa"):
        crypto.verify(SigningKey.generate().public, message, parsed)


def test_a_changed_trusted_comment_fails_the_global_signature():
    signature = KEY.sign(b"abc", "first", "x")
    forged = signature.replace(b"trusted comment: first", b"trusted comment: forst")
    with pytest.raises(SyncRefused, match="lời ghi kèm"):
        crypto.verify(KEY.public, b"abc", crypto.parse_signature(forged))


def _spellings(signature: bytes) -> list[bytes]:
    lines = signature.split(b"\n")
    sig_line = lines[1]
    # the last character before "=" carries unused bits: another spelling of the same bytes
    alias = sig_line[:-2] + bytes([sig_line[-2] ^ 1]) + b"="
    legacy = base64.b64encode(b"Ed" + base64.b64decode(sig_line)[2:])
    return [
        signature.replace(b"\n", b"\r\n"),
        signature[:-1],
        signature + b"\n",
        signature + b"more\n",
        b"\n".join([lines[0], alias, *lines[2:]]),
        b"\n".join([lines[0], legacy, *lines[2:]]),
        b"\n".join([b"comment: x", *lines[1:]]),
        b"\n".join([lines[0], lines[1], b"trusted: x", *lines[3:]]),
        b"\xff" + signature,
    ]


@pytest.mark.parametrize("index", range(9))
def test_other_spellings_of_a_signature_file_are_refused(index):
    signature = KEY.sign(b"abc", "x", "y")
    with pytest.raises(SyncRefused, match="Tệp chữ ký"):
        crypto.parse_signature(_spellings(signature)[index])


def test_fingerprints_are_four_groups_of_crockford_base32():
    assert crypto.fingerprint("label", "a") == "G69B-9DCE-WFD2-S09Q"  # b32encode, Crockford letters
    identity = AgeIdentity.generate()
    made = crypto.cell_fingerprint(KEY.public, identity.recipient)
    assert FINGERPRINT.fullmatch(made)
    assert made != crypto.cell_fingerprint(KEY.public, AgeIdentity.generate().recipient)
    assert made != crypto.upper_fingerprint(identity.recipient, KEY.public)  # labelled


def test_age_round_trip_and_refusals():
    identity, other = AgeIdentity.generate(), AgeIdentity.generate()
    assert identity.recipient.startswith("age1")
    cipher = crypto.encrypt("Lê Thị Hoa".encode(), identity.recipient)
    assert crypto.age_stanzas(cipher) == ["X25519"]  # rage's grease stanzas left out
    assert crypto.decrypt(cipher, identity) == "Lê Thị Hoa".encode()
    with pytest.raises(SyncRefused, match="không được mã hóa cho khóa này"):
        crypto.decrypt(cipher, other)
    with pytest.raises(SyncRefused, match="bị hỏng"):
        crypto.decrypt(cipher[:-1], identity)
    assert AgeIdentity.parse(identity.file_text().splitlines()[1]) == identity
    for bad in ("age1", "age1qqqq", "x"):
        with pytest.raises(SyncRefused, match="Khóa nhận"):
            crypto.check_recipient(bad)
    with pytest.raises(SyncRefused, match="Khóa giải mã"):
        AgeIdentity.parse("AGE-SECRET-KEY-1XYZ")


def test_age_header_facts_without_decrypting():
    assert crypto.age_stanzas(b"not age") is None
    assert crypto.age_stanzas(crypto.AGE_MAGIC + b"-> X25519 abc\n") is None  # no MAC line
    header = crypto.AGE_MAGIC + b"-> X25519 a\nb\n-> scrypt c 10\nd\n--- mac\n"
    assert crypto.age_stanzas(header) == ["X25519", "scrypt"]


@settings(max_examples=60, deadline=None)
@given(message=st.binary(max_size=2000), comment=st.text(max_size=80))
def test_any_message_and_one_line_comment_round_trip(message, comment):
    comment = comment.replace("\n", " ").replace("\r", " ")
    signature = KEY.sign(message, comment, "u")
    parsed = crypto.parse_signature(signature)
    crypto.verify(KEY.public, message, parsed)
    assert parsed.trusted_comment == comment


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400))
def test_random_signature_files_are_refused_cleanly(data):
    with pytest.raises(SyncRefused):
        crypto.verify(KEY.public, b"abc", crypto.parse_signature(data))
