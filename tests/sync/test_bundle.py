"""The bundle reader: a sound bundle reads back exactly; anything else (a flipped byte anywhere,
a cut, garbage after, the wrong key, the wrong recipient, an unknown format, a manifest that
lies, a line that is not NFC or not canonical, too much) is one clean Vietnamese refusal."""

from __future__ import annotations

import dataclasses
import json
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.store.journal import canonical_json
from desktop_app.sync import bundle, crypto, envelope
from desktop_app.sync.bundle import Entry
from desktop_app.sync.envelope import Sealed
from desktop_app.sync.errors import SyncRefused
from tests.sync import samples
from tests.sync.samples import PERSON_ID, SIGNER, STRANGER, chain, manifest_for, read, sealed


def refused(name: str, made: Sealed, match: str | None = None, **options: object) -> str:
    with pytest.raises(SyncRefused, match=match) as caught:
        read(name, made, **options)
    message = str(caught.value)
    assert message.startswith(f"Gói «{name}» bị từ chối: "), message
    return message


# -- sound bundles -------------------------------------------------------------------------------


def test_round_trip():
    entries = chain()
    name, made = sealed(entries)
    assert name == "CB-KP5.000001-000003.sochibo-goi"
    got = read(name, made)
    assert list(got.entries) == entries
    assert got.manifest == manifest_for(entries)
    assert got.manifest.counts == {"entries": 3, "entities": {"cell": 1, "person": 2}}
    assert not got.renamed and read("khac-ten.sochibo-goi", made).renamed


def test_a_bundle_continues_a_chain():
    first = chain()
    later = chain(
        [("person", PERSON_ID, "update", {"residence": "Tổ 3, khu phố 5"})],
        start=4,
        prev=first[-1].hash,
    )
    name, made = sealed(later)
    assert name == "CB-KP5.000004-000004.sochibo-goi"
    got = read(name, made)
    assert got.manifest.prev_hash == first[-1].hash and got.entries == tuple(later)


def test_a_hash_inside_the_changes_does_not_confuse_the_chain_check():
    tricky = {"a": 1, "hash": "e" * 64, "note": ',"hash":"' + "f" * 64 + '"', "seq": 9}
    entries = chain([("person", PERSON_ID, "update", tricky), *samples.CHANGES])
    assert b',"hash":"' + b"e" * 64 in bundle.encode(manifest_for(entries), entries)
    name, made = sealed(entries)
    assert read(name, made).entries == tuple(entries)
    lying = samples.rehashed(entries, 0, changes={**tricky, "seq": 10})
    lying = [dataclasses.replace(lying[0], hash=entries[0].hash), *lying[1:]]
    lie(r"dòng 2 \(mục số 1\): mã băm không khớp", lying)


def test_the_writer_refuses_what_the_reader_would():
    entries = samples.rehashed(chain(), 1, changes={"full_name": samples.nfd("Hường")})
    with pytest.raises(SyncRefused, match=r"Gói chưa tạo được.*NFC"):
        bundle.seal_bundle(
            manifest_for(entries), entries, key=SIGNER, recipient=samples.upper().recipient
        )
    with pytest.raises(SyncRefused, match="khóa khác"):
        bundle.seal_bundle(
            manifest_for(chain()), chain(), key=STRANGER, recipient=samples.upper().recipient
        )


def test_the_writer_packs_its_content_and_the_reader_unpacks_it():
    """A whole register's journal is mostly repeated field names: written packed, a cell of
    thousands with decades of history stays far under the 64 MB cap."""
    changes = [("person", f"{n:08d}-0000-4000-8000-000000000000", "create",
                {"full_name": f"Nguyễn Thị Hường {n}", "sex": "female", "hometown": "Bình Định"})
               for n in range(300)]  # fmt: skip
    entries = chain(changes)
    manifest = manifest_for(entries)
    name, made = bundle.seal_bundle(
        manifest, entries, key=SIGNER, recipient=samples.upper().recipient
    )
    inside = crypto.decrypt(made.cipher, samples.upper().identity)
    plain_lines = bundle.encode(manifest, entries)
    assert inside.startswith(b"\x1f\x8b") and bundle.unpack(inside) == plain_lines
    assert len(inside) * 5 < len(plain_lines)
    got = read(name, made)
    assert got.entries == tuple(entries) and got.manifest == manifest
    assert bundle.unpack(plain_lines) == plain_lines  # content written plain reads as it is


def test_packed_content_that_is_broken_or_too_big_is_refused(monkeypatch):
    entries = chain()
    packed = bundle.pack(bundle.encode(manifest_for(entries), entries))
    for broken, match in ((packed[:-6], "không trọn vẹn"), (packed + b"\x1f\x8b", "không trọn vẹn"),
                          (packed[:12] + b"\xff" * 40, "nội dung nén bị hỏng")):  # fmt: skip
        name, made = sealed(entries, plaintext=broken)
        refused(name, made, match)
    monkeypatch.setattr(bundle, "MAX_CONTENT_BYTES", 4096)
    bomb = bundle.pack(bundle.encode(manifest_for(entries), entries) + b" " * 10_000)
    assert len(bomb) < 4096
    name, made = sealed(entries, plaintext=bomb)
    refused(name, made, "giải nén lớn quá")
    monkeypatch.setattr(bundle, "MAX_CONTENT_BYTES", 200)  # and the writer never makes one
    with pytest.raises(SyncRefused, match="cấp trên chỉ nhận đến 0 MB"):
        bundle.seal_bundle(
            manifest_for(entries), entries, key=SIGNER, recipient=samples.upper().recipient
        )


@pytest.mark.parametrize(
    ("code", "expected"),
    [("CB-KP5", "CB-KP5"), ("Chi bộ Đông Hà", "Chi-bo-Dong-Ha"), ("../..", "chi-bo"),
     ("CB/KP 5:x", "CB-KP-5-x")],
)  # fmt: skip
def test_file_names_hold_the_code_and_range_only(code, expected):
    name = bundle.file_name(code, 1, 412)
    assert name == f"{expected}.000001-000412.sochibo-goi"
    assert bundle.parse_file_name(name) == (expected, 1, 412)
    assert bundle.parse_file_name("x.sochibo-goi") is None


# -- the outer layer: every byte of both files ---------------------------------------------------


@pytest.fixture(scope="module")
def small():
    return sealed()


def test_every_single_byte_flip_is_refused(small):
    name, made = small
    assert len(made.cipher) < 4096  # small enough to try every byte
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


@pytest.mark.parametrize("garbage", [b"\n", b"x", b"\x00" * 16, b"age-encryption.org/v1\n"])
def test_appended_garbage_is_refused(small, garbage):
    name, made = small
    refused(name, Sealed(made.cipher + garbage, made.signature), "không khớp với nội dung")
    refused(name, Sealed(made.cipher, made.signature + garbage), "Tệp chữ ký")


def test_a_bundle_signed_by_another_key_is_refused():
    name, made = sealed(key=STRANGER)
    message = refused(name, made, "ký bằng khóa")
    assert STRANGER.public.key_id_hex in message and SIGNER.public.key_id_hex in message
    # a stranger who signs claiming the cell's key in the facts changes nothing
    made_for_cell = sealed()[1]
    lying = Sealed(made_for_cell.cipher, STRANGER.sign(made_for_cell.cipher, "{}", "x"))
    refused(name, lying, "ký bằng khóa")


def test_a_bundle_for_another_upper_level_is_refused():
    name, made = sealed(recipient=samples.other_upper().recipient)
    refused(name, made, "không được mã hóa cho khóa này")
    name, made = sealed()
    refused(name, made, "không được mã hóa cho khóa này", identity=samples.other_upper().identity)


def test_an_unknown_format_version_is_refused_before_decrypting():
    entries = chain()
    manifest = manifest_for(entries, format="sochibo-goi/2")
    name, made = sealed(entries, manifest=manifest)
    message = refused(name, made, "sochibo-goi/2", identity=samples.other_upper().identity)
    assert "phiên bản mới hơn" in message  # not "wrong recipient": the facts were read first
    # the content alone says /2: refused when the manifest is read
    inner = bundle.encode(manifest, entries)
    name, made = sealed(entries, manifest=manifest_for(entries), plaintext=inner)
    refused(name, made, r"dòng 1 \(bản kê khai\): định dạng «sochibo-goi/2»")
    other = manifest_for(entries, format="something-else/1")
    name, made = sealed(entries, manifest=other)
    refused(name, made, "không phải của một gói Sổ Chi bộ")


def test_oversized_input_is_refused_before_anything_else(small, tmp_path):
    name, made = small
    refused(name, made, "quá lớn", max_bytes=len(made.cipher) - 1)
    refused(
        name, Sealed(made.cipher, made.signature + b" " * envelope.MAX_SIGNATURE_BYTES), "quá lớn"
    )
    path = envelope.write_pair(tmp_path, name, made)
    with open(path, "ab") as fh:  # a huge file is refused by its size, not read
        fh.truncate(10 * 1024 * 1024)
    with pytest.raises(SyncRefused, match="quá lớn"):
        bundle.read_bundle_file(
            path,
            pinned=SIGNER.public,
            identity=samples.upper().identity,
            max_bytes=1024 * 1024,
        )


def test_a_missing_signature_file_is_named(small, tmp_path):
    name, made = small
    path = envelope.write_pair(tmp_path, name, made)
    envelope.signature_path(path).unlink()
    with pytest.raises(SyncRefused, match=r"Thiếu tệp chữ ký «.*\.minisig»"):
        bundle.read_bundle_file(path, pinned=SIGNER.public, identity=samples.upper().identity)


def test_facts_that_differ_from_the_manifest_are_refused(small):
    name, made = small
    manifest = manifest_for(chain())
    for field, value in [("seq_to", 9), ("cell_id", PERSON_ID), ("head_hash", "a" * 64)]:
        lying = samples.with_facts(made, name, manifest, **{field: value})
        refused(name, lying, f"khác lời ghi kèm chữ ký ở trường «{field}»")
    refused(name, samples.with_facts(made, name, manifest, extra=1), "thiếu hoặc thừa trường")
    other_key = samples.with_facts(made, name, manifest, cell_key=STRANGER.public.text)
    refused(name, other_key, "một khóa khác khóa đã ký")


def test_an_altered_untrusted_comment_is_refused(small):
    name, made = small
    altered = made.signature.replace(b"signature from", b"signature by")
    refused(name, Sealed(made.cipher, altered), "ghi chú đầu tệp chữ ký")


# -- the content: a properly signed bundle that lies ---------------------------------------------


def lie(match: str, entries: list[Entry] | None = None, **manifest_lies: object) -> str:
    entries = entries if entries is not None else chain()
    name, made = sealed(entries, manifest=manifest_for(entries, **manifest_lies))
    return refused(name, made, match)


def test_a_manifest_that_lies_about_its_counts_is_refused():
    lie("phần đếm ghi 4 mục", counts={"entries": 4, "entities": {"cell": 1, "person": 3}})
    lie("bản kê khai ghi 4 mục nhật ký, gói có 3", seq_to=4,
        counts={"entries": 4, "entities": {"cell": 1, "person": 3}})  # fmt: skip
    lie("số mục theo từng loại", counts={"entries": 3, "entities": {"cell": 2, "person": 1}})
    lie("tổng số mục theo loại", counts={"entries": 3, "entities": {"cell": 1, "person": 1}})
    lie("phần đếm phải có", counts={"entries": 3})


def test_a_manifest_that_lies_about_the_chain_is_refused():
    lie("mã băm ở cuối chuỗi", head_hash="b" * 64)
    lie(r"dòng 2 \(mục số 1\): không nối với mục trước", prev_hash="c" * 64)
    lie("mã khóa không khớp", key_id="0123456789ABCDEF")


def test_broken_chains_are_refused():
    entries = chain()
    gap = samples.rehashed(entries, 2, seq=4)
    lie(r"dòng 4 \(mục số 4\): đứng ở chỗ của mục số 3", gap, seq_to=3)
    edited = [*entries[:1], dataclasses.replace(entries[1], author="device:ffffffff"), entries[2]]
    lie(r"dòng 3 \(mục số 2\): mã băm không khớp", edited)
    unlinked = [entries[0], *samples.rehashed(entries, 1, prev_hash="d" * 64)[1:]]
    lie(r"dòng 3 \(mục số 2\): không nối", unlinked)
    twice = samples.rehashed(entries, 2, seq=2)
    lie(r"dòng 4 \(mục số 2\): đứng ở chỗ của mục số 3", twice, seq_to=3)


def test_a_line_that_is_not_nfc_is_refused():
    entries = samples.rehashed(
        chain(), 1, changes={"full_name": samples.nfd("Nguyễn Thị Hường"), "sex": "female"}
    )
    message = lie(r"dòng 3: chữ «.*» không ở dạng dựng sẵn \(NFC\)", entries)
    assert "Gói «CB-KP5.000001-000003.sochibo-goi»" in message


def plain(entries: list[Entry] | None = None) -> list[bytes]:
    entries = entries or chain()
    return bundle.encode(manifest_for(entries), entries).split(b"\n")


def tampered(lines: list[bytes], match: str) -> None:
    name, made = sealed(plaintext=b"\n".join(lines))
    refused(name, made, match)


def _line(doc: dict) -> bytes:
    return canonical_json(doc).encode()


def test_lines_that_are_not_canonical_json_are_refused():
    lines = plain()
    doc = json.loads(lines[2])
    tampered([lines[0], lines[1], json.dumps(doc).encode(), *lines[3:]], "dạng JSON chuẩn")
    dup = lines[2].replace(b'{"at"', b'{"at":"x","at"', 1)
    tampered([lines[0], lines[1], dup, *lines[3:]], "trường «at» xuất hiện hai lần")
    tampered([lines[0], lines[1], b"", *lines[3:]], "dòng 3: không phải JSON")
    tampered([lines[0], lines[1], b"[1,2]", *lines[3:]], "không phải một đối tượng JSON")
    tampered([lines[0], lines[1], b"\xff\xfe", *lines[3:]], "UTF-8")
    tampered([line + b"\r" if line else line for line in lines], "dạng JSON chuẩn")
    tampered(lines[:-1], "không kết thúc bằng dấu xuống dòng")
    deep = _line({**doc, "changes": {"x": json.loads("[" * 40 + "]" * 40)}})
    tampered([lines[0], lines[1], deep, *lines[3:]], "lồng quá sâu")
    tampered([lines[0], lines[1], b"[" * 100_000 + b"]" * 100_000, *lines[3:]], "lồng quá sâu")


@pytest.mark.parametrize(
    ("field", "value", "match"),
    [
        ("seq", True, "«seq» sai kiểu"),
        ("seq", "1", "«seq» sai kiểu"),
        ("entity", "Person", "«entity» sai kiểu"),
        ("entity_id", "", "«entity_id» sai kiểu"),
        ("changes", [], "«changes» sai kiểu"),
        ("version", 3, "phiên bản mới phải bằng"),
        ("at", "22/11/2026", "«at» sai kiểu"),
        ("hash", "A" * 64, "«hash» sai kiểu"),
        ("extra", 1, "trường lạ «extra»"),
    ],
)
def test_entry_fields_of_the_wrong_type_are_refused(field, value, match):
    lines = plain()
    doc = {**json.loads(lines[2]), field: value}
    tampered([lines[0], lines[1], _line(doc), *lines[3:]], f"dòng 3: .*{match}")


def test_a_missing_entry_field_is_refused():
    lines = plain()
    doc = json.loads(lines[2])
    del doc["author"]
    tampered([lines[0], lines[1], _line(doc), *lines[3:]], "dòng 3: thiếu trường «author»")


@pytest.mark.parametrize(
    ("field", "value", "match"),
    [
        ("bundle_id", "not-a-uuid", "«bundle_id» sai kiểu"),
        ("seq_from", 0, "«seq_from» sai kiểu"),
        ("cell_code", "", "«cell_code» sai kiểu"),
        ("cell_recipient", "age1nope", "Khóa nhận"),
        ("cell_key", "RWQ=", "Khóa công khai"),
        ("check", {"problems": []}, "kết luận «ok»"),
        ("created_at", "2026-11-22", "«created_at» sai kiểu"),
    ],
)
def test_manifest_fields_of_the_wrong_type_are_refused(field, value, match):
    lines = plain()
    doc = {**json.loads(lines[0]), field: value}
    tampered([_line(doc), *lines[1:]], f"dòng 1 \\(bản kê khai\\): .*{match}")


# -- properties --------------------------------------------------------------------------------

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30).map(
    lambda t: unicodedata.normalize("NFC", t)
)
VALUES = st.one_of(st.none(), st.booleans(), st.integers(-(2**53), 2**53), TEXT)
CHANGES = st.dictionaries(st.sampled_from(["full_name", "note", "hash", "seq", "x"]), VALUES)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    changes=st.lists(
        st.tuples(st.sampled_from(["person", "meeting", "attendance"]), CHANGES),
        min_size=1,
        max_size=8,
    )
)
def test_any_journal_content_round_trips(changes):
    entries = chain([(entity, PERSON_ID, "update", c) for entity, c in changes])
    name, made = bundle.seal_bundle(
        manifest_for(entries), entries, key=SIGNER, recipient=samples.upper().recipient
    )
    assert read(name, made).entries == tuple(entries)


@st.composite
def mutated_content(draw) -> bytes:
    content = bundle.encode(manifest_for(chain()), chain())
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


@settings(max_examples=400, deadline=None)
@given(content=mutated_content())
def test_changed_content_is_refused_or_exactly_what_was_signed(content):
    """The content alone (as if signed by the cell's own key): refused cleanly, or accepted
    only when it still says exactly the same thing."""
    try:
        manifest, entries = bundle.parse(content)
    except SyncRefused as refusal:
        assert str(refusal)
        return
    assert bundle.encode(manifest, entries) == content
