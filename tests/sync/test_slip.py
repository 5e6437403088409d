"""The transfer slip: a sound slip reads back exactly with its code; anything else (a wrong or
mistyped code, a flipped byte anywhere, a cut, garbage after, another key, another kind of file,
a work factor that asks too much, content that lies, too much) is one clean Vietnamese
refusal, and the person's data never shows outside the encryption."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.sync import bundle, crypto, envelope, slip
from desktop_app.sync.envelope import Sealed
from desktop_app.sync.errors import SyncRefused
from tests.sync import samples, slip_samples
from tests.sync.samples import PERSON_ID, SIGNER, STRANGER
from tests.sync.slip_samples import (
    CODE,
    EVENTS,
    OTHER_CODE,
    PERSON,
    event,
    fast_age,
    fast_scrypt,  # noqa: F401
    header,
    plaintext,
    sealed,
)

pytestmark = pytest.mark.usefixtures("fast_scrypt")
NAME = "CB-NT.chuyen-20261122-2d3c4b5a.sochibo-phieuchuyen"


def read(made: Sealed, code: str = CODE, name: str = NAME, **options: object) -> slip.Slip:
    return slip.read_slip(made.cipher, made.signature, code, name=name, **options)


def refused(made: Sealed, match: str, code: str = CODE, **options: object) -> str:
    with pytest.raises(SyncRefused, match=match) as caught:
        read(made, code, **options)
    message = str(caught.value)
    assert message.startswith(f"Phiếu chuyển «{NAME}» không dùng được: "), message
    assert message.endswith("Chưa nhận gì."), message
    return message


def resigned(cipher: bytes, made: Sealed | None = None, key=SIGNER, **fact_lies) -> Sealed:
    """``cipher`` signed by ``key`` with the facts of ``made`` (or of the sample header)."""
    facts = slip.outer_facts(header(), NAME) | fact_lies
    untrusted = slip.UNTRUSTED.format(key_id=key.public.key_id_hex)
    return Sealed(cipher, key.sign(cipher, envelope.facts_text(facts), untrusted))


def content_lie(text: bytes, match: str) -> None:
    """Content encrypted with the right code and signed by the right key, that lies."""
    name, made = slip.seal_plaintext(text, header(), key=SIGNER, code=CODE)
    assert name == NAME
    refused(made, match)


def lines() -> list[dict]:
    return [json.loads(line) for line in plaintext().decode().splitlines()]


def joined(docs: list[dict]) -> bytes:
    return b"".join(bundle.dump_line(d) for d in docs)


# -- the code ------------------------------------------------------------------------------------


def test_a_new_code_is_three_groups_with_a_check_and_never_the_same():
    codes = {slip.new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert re.fullmatch(
            r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", code
        )
        assert slip.parse_code(code) == code


@pytest.mark.parametrize(
    "typed",
    [CODE.lower(), CODE.replace("-", " "), f"  {CODE.replace('-', '')} ", CODE.replace("-", "–")],
)
def test_a_code_is_read_however_it_is_spaced_or_cased(typed):
    assert slip.parse_code(typed) == CODE


def test_letters_that_look_like_digits_are_read_as_digits():
    code = "0I1L-0000-000"
    fixed = "0111-0000-000"
    full = code + slip._check_char(fixed.replace("-", ""))
    assert slip.parse_code(full.replace("0", "O")) == fixed + full[-1]


@pytest.mark.parametrize(
    ("typed", "match"),
    [
        ("", "3 nhóm"),
        ("7K2M-QX4P-9AB", "3 nhóm"),
        (CODE + "7", "3 nhóm"),
        ("7K2M-QX4P-9AB!", "3 nhóm"),
        ("UUUU-UUUU-UUUU", "3 nhóm"),  # U is not in the alphabet
    ],
)
def test_a_code_of_the_wrong_shape_is_refused(typed, match):
    with pytest.raises(SyncRefused, match=match):
        slip.parse_code(typed)


def test_most_single_typos_are_caught_before_any_slow_work():
    caught = 0
    for position in [i for i, ch in enumerate(CODE) if ch != "-"]:
        for letter in "0123456789ABCDEFGHJKMNPQRSTVWXYZ":
            typo = CODE[:position] + letter + CODE[position + 1 :]
            if typo == CODE:
                continue
            try:
                slip.parse_code(typo)
            except SyncRefused as exc:
                assert "gõ sai" in str(exc)
                caught += 1
    assert caught >= 0.9 * 12 * 31  # one check character: 31 typos in 32 are caught


# -- sound slips ---------------------------------------------------------------------------------


def test_round_trip():
    name, made = sealed()
    assert name == NAME
    got = read(made, CODE.lower())
    assert got.header == header()
    assert got.person == PERSON and list(got.events) == EVENTS
    assert got.key_id == SIGNER.public.key_id_hex
    assert got.header.fingerprint == crypto.cell_fingerprint(
        SIGNER.public, samples.receipts().recipient
    )


def test_the_file_name_and_the_outside_say_nothing_about_the_person():
    name, made = sealed()
    assert slip.parse_file_name(name) == ("CB-NT", "20261122", "2d3c4b5a")
    outside = made.signature.decode() + name
    for secret in ("Hường", "Huong", PERSON_ID, "052190001234", "0905123456", "Khu phố 5"):
        assert secret not in outside
        assert secret.encode() not in made.cipher
    facts = envelope.facts_of(crypto.parse_signature(made.signature))
    assert set(facts) == {*slip.OUTER, "file"}


@pytest.mark.slow
def test_the_real_age_writer_is_read_back():
    """Without ``fast_scrypt``'s stand-in: rage's own work factor, within the reader's bound."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(slip.pyrage.passphrase, "encrypt", _REAL_ENCRYPT)
        _name, made = sealed()
    log_n = int(made.cipher.split(b"\n")[1].split(b" ")[-1])
    assert 14 <= log_n <= slip.MAX_WORK_FACTOR  # about a second of work on this computer
    assert read(made).person == PERSON


_REAL_ENCRYPT = slip.pyrage.passphrase.encrypt


MINISIGN = shutil.which("minisign")


@pytest.mark.skipif(MINISIGN is None, reason="the Debian minisign tool is not installed")
def test_the_minisign_tool_verifies_a_slip(tmp_path):
    name, made = sealed()
    path = envelope.write_pair(tmp_path, name, made)
    key = tmp_path / "key.pub"
    key.write_text(SIGNER.public.file_text())
    done = subprocess.run(
        [MINISIGN, "-V", "-p", str(key), "-m", str(path)], capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    other = tmp_path / "other.pub"
    other.write_text(STRANGER.public.file_text())
    bad = subprocess.run(
        [MINISIGN, "-V", "-p", str(other), "-m", str(path)], capture_output=True, check=False
    )
    assert bad.returncode != 0


def test_a_slip_with_no_history_and_an_official_member_reads_back():
    person = {**PERSON, "membership": "official", "official_date": "2026-06-02"}
    _name, made = sealed(person, [])
    got = read(made)
    assert got.events == () and got.person["membership"] == "official"


def test_the_writer_refuses_what_the_reader_would():
    with pytest.raises(SyncRefused, match=r"Phiếu chưa tạo được.*NFC"):
        sealed({**PERSON, "full_name": unicodedata.normalize("NFD", "Nguyễn Thị Hường")})
    with pytest.raises(SyncRefused, match="khóa khác"):
        slip.seal_slip(header(), PERSON, EVENTS, key=STRANGER, code=CODE)
    with pytest.raises(SyncRefused, match="3 nhóm"):
        slip.seal_slip(header(), PERSON, EVENTS, key=SIGNER, code="1234")


# -- the code at the door ------------------------------------------------------------------------


def test_a_wrong_code_is_refused():
    _name, made = sealed()
    refused(made, "mã mở phiếu không đúng", OTHER_CODE)


def test_a_mistyped_code_is_refused_saying_so():
    _name, made = sealed()
    typo = CODE[:-1] + next(c for c in "0123456789" if slip._check_char(CODE[:-1]) != c)
    refused(made, "gõ sai", typo.replace("-", ""))


# -- the outer layer -----------------------------------------------------------------------------


def test_every_flipped_byte_of_the_file_is_refused():
    _name, made = sealed()
    for i in range(len(made.cipher)):
        flipped = made.cipher[:i] + bytes([made.cipher[i] ^ 0x01]) + made.cipher[i + 1 :]
        with pytest.raises(SyncRefused):
            read(Sealed(flipped, made.signature))


def test_every_flipped_byte_of_the_signature_is_refused():
    _name, made = sealed()
    for i in range(len(made.signature)):
        sig = made.signature[:i] + bytes([made.signature[i] ^ 0x01]) + made.signature[i + 1 :]
        with pytest.raises(SyncRefused):
            read(Sealed(made.cipher, sig))


@pytest.mark.parametrize(
    ("change", "match"),
    [
        (lambda m: Sealed(m.cipher[:-1], m.signature), "không khớp với nội dung"),
        (lambda m: Sealed(m.cipher[:100], m.signature), "không khớp với nội dung"),
        (lambda m: Sealed(m.cipher + b"\n", m.signature), "không khớp với nội dung"),
        (lambda m: Sealed(m.cipher, m.signature + b"x"), "bốn dòng"),
        (lambda m: Sealed(m.cipher, b""), "bốn dòng"),
        (lambda m: Sealed(b"", m.signature), "không khớp với nội dung"),
    ],
)
def test_cut_or_lengthened_files_are_refused(change, match):
    _name, made = sealed()
    refused(change(made), match)


def test_another_key_signing_the_same_file_does_not_pass_for_the_cell():
    _name, made = sealed()
    stranger = resigned(made.cipher, key=STRANGER, cell_key=STRANGER.public.text)
    refused(stranger, "phần đầu khác lời ghi kèm chữ ký ở trường «cell_key»")


def test_facts_that_name_another_key_than_the_signer_are_refused():
    _name, made = sealed()
    refused(resigned(made.cipher, key=STRANGER), "không phải khóa đã ghi nhận|khóa khác")


def test_an_edited_untrusted_comment_is_refused():
    _name, made = sealed()
    text = made.signature.decode().split("\n")
    text[0] = "untrusted comment: something else"
    refused(Sealed(made.cipher, "\n".join(text).encode()), "ghi chú đầu tệp")


def test_facts_that_disagree_with_the_inside_are_refused():
    _name, made = sealed()
    lying = resigned(made.cipher, cell_code="CB-KHAC")
    refused(lying, "khác lời ghi kèm chữ ký ở trường «cell_code»")


@pytest.mark.parametrize(
    ("facts", "match"),
    [
        ({"format": "sochibo-phieuchuyen/2"}, "chưa hiểu"),
        ({"format": bundle.FORMAT}, "không phải của một phiếu chuyển"),
        ({"extra": 1}, "thiếu hoặc thừa trường"),
    ],
)
def test_facts_of_another_kind_or_version_are_refused(facts, match):
    _name, made = sealed()
    refused(resigned(made.cipher, **facts), match)


def test_a_slip_encrypted_to_a_key_not_a_code_is_refused():
    cipher = crypto.encrypt(plaintext(), samples.receipts().recipient)
    refused(resigned(cipher), "không được mã hóa bằng mã mở phiếu")


def test_a_file_that_is_not_age_is_refused():
    refused(resigned(plaintext()), "không phải tệp mã hóa age")


def test_the_writer_refuses_a_slip_it_would_not_read(monkeypatch):
    heavy = slip.MAX_WORK_FACTOR + 1
    monkeypatch.setattr(slip.pyrage.passphrase, "encrypt", lambda data, code: _relabel(
        fast_age(data, code), heavy))  # fmt: skip
    with pytest.raises(SyncRefused, match=r"Phiếu chưa tạo được: .*khối lượng tính toán"):
        sealed()


def _relabel(cipher: bytes, log_n: int) -> bytes:
    """The same age file claiming another work factor (its MAC then fails: never decrypted)."""
    magic, stanza, rest = cipher.split(b"\n", 2)
    return b"\n".join([magic, stanza.rsplit(b" ", 1)[0] + b" %d" % log_n, rest])


def test_a_work_factor_too_large_is_refused_before_any_work():
    refused(resigned(_relabel(fast_age(plaintext(), CODE), 30)), "khối lượng tính toán quá lớn")


def test_a_bundle_is_not_a_slip():
    entries = samples.chain()
    name, made = samples.sealed(entries)
    with pytest.raises(SyncRefused, match="không phải của một phiếu chuyển"):
        read(made, name=name)


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path):
    name, made = sealed()
    path = envelope.write_pair(tmp_path, name, made)
    with pytest.raises(SyncRefused, match="quá lớn"):
        slip.read_slip_file(path, CODE, max_bytes=len(made.cipher) - 1)
    with open(path, "ab") as fh:
        fh.truncate(slip.MAX_SLIP_BYTES + 1)
    with pytest.raises(SyncRefused, match=r"Phiếu chuyển «.*» không dùng được: .*quá lớn"):
        slip.read_slip_file(path, CODE)


def test_a_slip_without_its_signature_file_is_refused(tmp_path):
    name, made = sealed()
    path = envelope.write_pair(tmp_path, name, made)
    envelope.signature_path(path).unlink()
    with pytest.raises(SyncRefused, match="Thiếu tệp chữ ký"):
        slip.read_slip_file(path, CODE)
    with pytest.raises(SyncRefused, match="Không thấy"):
        slip.read_slip_file(tmp_path / "khong-co.sochibo-phieuchuyen", CODE)


# -- content that lies (encrypted with the code and signed by the cell) --------------------------


def test_a_header_that_counts_wrong_is_refused():
    docs = lines()
    docs[0]["events"] = 4
    content_lie(joined(docs), "phần đầu ghi 4 sự kiện, phiếu có 5 dòng")


def test_a_person_under_another_id_is_refused():
    docs = lines()
    docs[1]["id"] = samples.CELL_ID
    content_lie(joined(docs), "mã người khác mã ở phần đầu")


def test_an_event_twice_is_refused():
    docs = lines()
    docs[3] = docs[2]
    content_lie(joined(docs), "xuất hiện hai lần")


def test_a_fingerprint_that_does_not_match_the_keys_is_refused():
    docs = lines()
    docs[0]["fingerprint"] = "0000-0000-0000-0000"
    content_lie(joined(docs), "vân tay không khớp")


def test_a_cut_content_is_refused():
    content_lie(plaintext()[:-1], "bị cắt cụt")
    content_lie(
        plaintext().split(b"\n")[0] + b"\n", "phần đầu ghi 5 sự kiện, phiếu có 0 dòng|thiếu"
    )


@pytest.mark.parametrize(
    ("line", "field", "value", "match"),
    [
        (1, "membership", "candidate", "«membership» sai kiểu"),
        (1, "exempted", 0, "«exempted» sai kiểu"),
        (1, "full_name", "x" * 101, "«full_name» sai kiểu"),
        (1, "birth_date", 1990, "«birth_date» sai kiểu"),
        (2, "kind", "teleport", "«kind» sai kiểu"),
        (2, "date", "2025-02-30", "«date» sai kiểu"),
        (2, "details", [], "«details» sai kiểu"),
        (2, "place", "x" * 301, "«place» sai kiểu"),
        (0, "transfer_date", "02/11/2026", "«transfer_date» sai kiểu"),
        (0, "destination", "", "«destination» sai kiểu"),
        (0, "cell_key", "RWQ=", "Khóa công khai"),
    ],
)
def test_fields_of_the_wrong_type_are_refused(line, field, value, match):
    docs = lines()
    docs[line][field] = value
    with pytest.raises(SyncRefused, match=match):
        slip.parse(joined(docs))


def test_an_unknown_field_is_refused():
    docs = lines()
    docs[1]["secret_note"] = "x"
    with pytest.raises(SyncRefused, match="dòng 2 \\(thông tin người\\): có trường lạ"):
        slip.parse(joined(docs))


def test_a_later_format_asks_for_a_newer_program():
    docs = lines()
    docs[0]["format"] = "sochibo-phieuchuyen/2"
    with pytest.raises(SyncRefused, match="phiên bản mới hơn"):
        slip.parse(joined(docs))


def test_text_not_in_nfc_is_refused():
    text = plaintext().replace("Hường".encode(), unicodedata.normalize("NFD", "Hường").encode())
    with pytest.raises(SyncRefused, match="NFC"):
        slip.parse(text)


def test_an_overlong_line_is_refused():
    docs = lines()
    docs[2]["details"] = {"note": "x" * slip.MAX_LINE_BYTES}
    with pytest.raises(SyncRefused, match="dài quá"):
        slip.parse(joined(docs))


# -- properties ----------------------------------------------------------------------------------

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40).map(
    lambda t: unicodedata.normalize("NFC", t)
)


@settings(max_examples=60, deadline=None)
@given(
    notes=TEXT,
    reasons=st.lists(TEXT, max_size=6),
    details=st.dictionaries(st.sampled_from(["a", "received", "x"]), TEXT, max_size=3),
)
def test_any_history_round_trips(notes, reasons, details):
    events = [
        event("other", "2025-01-01", i, reason=r, details=details) for i, r in enumerate(reasons)
    ]
    person = {**PERSON, "notes": notes}
    _head, person_, events_ = slip.parse(slip.encode(header(len(events)), person, events))
    assert (person_, events_) == (person, events)


@st.composite
def mutated(draw, content: bytes) -> bytes:
    position = draw(st.integers(0, len(content) - 1))
    kind = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
    if kind == "flip":
        bit = draw(st.integers(0, 7))
        return (
            content[:position] + bytes([content[position] ^ (1 << bit)]) + content[position + 1 :]
        )
    if kind == "cut":
        return content[:position]
    if kind == "insert":
        return content[:position] + draw(st.binary(min_size=1, max_size=8)) + content[position:]
    return content[:position] + content[position + draw(st.integers(1, 40)) :]


@settings(max_examples=300, deadline=None)
@given(content=mutated(plaintext()))
def test_changed_content_is_refused_or_exactly_what_was_signed(content):
    try:
        head, person, events = slip.parse(content)
    except SyncRefused as refusal:
        assert str(refusal)
        return
    assert slip.encode(head, person, events) == content


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_any_damage_to_the_files_is_refused(data):
    made = _sample()
    which = data.draw(st.sampled_from(["cipher", "signature"]))
    changed = data.draw(mutated(getattr(made, which)))
    damaged = dataclasses.replace(made, **{which: changed})
    with pytest.raises(SyncRefused) as caught:
        read(damaged)
    assert str(caught.value).startswith(f"Phiếu chuyển «{NAME}» không dùng được: ")


_MADE: list[Sealed] = []


def _sample() -> Sealed:
    """One sound slip for the property above (made once: hypothesis runs it many times)."""
    if not _MADE:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(slip.pyrage.passphrase, "encrypt", fast_age)
            _MADE.append(sealed()[1])
    return _MADE[0]


def test_the_sample_slip_used_above_is_sound():
    assert read(_sample()).person == PERSON
    assert slip_samples.CODE == CODE
